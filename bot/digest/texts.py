"""The fixed words of subscriptions and digests, in Simplified Chinese, Traditional Chinese and English.

Plain text without Slack markup beyond inline code, like ``bot.render.messages``; Traditional strings are
written out.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.digest.schedule import Schedule
from bot.render.messages import _pick

_WEEKDAYS = (
    ("周一", "週一", "Monday"),
    ("周二", "週二", "Tuesday"),
    ("周三", "週三", "Wednesday"),
    ("周四", "週四", "Thursday"),
    ("周五", "週五", "Friday"),
    ("周六", "週六", "Saturday"),
    ("周日", "週日", "Sunday"),
)

USAGE_EXAMPLES = "`/ecosys subscribe weekly friday 18:00 Europe/Berlin en`, `/ecosys 订阅 每周 周一 9:30`"


def lang_name(lang: str, of: str) -> str:
    """The name of language ``of`` written in ``lang``."""
    names = {
        "zh": ("中文", "簡體中文", "Chinese"),
        "zh-Hant": ("繁体中文", "繁體中文", "Traditional Chinese"),
    }
    zh, hant, en = names.get(of, ("英文", "英文", "English"))
    return _pick(lang, zh, hant, en)


def describe_schedule(lang: str, schedule: Schedule) -> str:
    """``每周一 09:30（Asia/Shanghai）`` / ``Mondays at 09:30 (Asia/Shanghai)``."""
    clock = f"{schedule.hour:02d}:{schedule.minute:02d}"
    zone = schedule.timezone
    if schedule.frequency == "daily":
        return _pick(lang, f"每天 {clock}（{zone}）", f"每天 {clock}（{zone}）", f"daily at {clock} ({zone})")
    zh, hant, en = _WEEKDAYS[schedule.weekday]
    return _pick(
        lang, f"每{zh} {clock}（{zone}）", f"每{hant} {clock}（{zone}）", f"{en}s at {clock} ({zone})"
    )


def when(lang: str, at: datetime) -> str:
    """A local send time: ``3月11日 周一 09:30`` / ``Mon 11 Mar 09:30``."""
    zh, hant, en = _WEEKDAYS[at.weekday()]
    clock = at.strftime("%H:%M")
    return _pick(
        lang,
        f"{at.month}月{at.day}日 {zh} {clock}",
        f"{at.month}月{at.day}日 {hant} {clock}",
        f"{en[:3]} {at.day} {at.strftime('%b')} {clock}",
    )


def subscribed(lang: str, schedule: Schedule, digest_lang: str, next_at: datetime) -> str:
    s, n, d = describe_schedule(lang, schedule), when(lang, next_at), lang_name(lang, digest_lang)
    return _pick(
        lang,
        f"已订阅：本频道将在{s}收到{d}摘要。下一期：{n}。",
        f"已訂閱：本頻道將在{s}收到{d}摘要。下一期：{n}。",
        f"Subscribed: this channel gets the digest in {d}, {s}. Next one: {n}.",
    )


def how_to_change(lang: str) -> str:
    return _pick(
        lang,
        f"想换时间或语言？再订阅一次即可，例如 {USAGE_EXAMPLES}。",
        f"想換時間或語言？再訂閱一次即可，例如 {USAGE_EXAMPLES}。",
        f"To change the time or language, subscribe again, e.g. {USAGE_EXAMPLES}.",
    )


def invite_me(lang: str) -> str:
    """The bot could not join the channel by itself (private channel, or no permission)."""
    return _pick(
        lang,
        "我还不在这个频道里，也无法自行加入：请用 `/invite @ecosys` 邀请我，否则摘要发不出来。",
        "我還不在這個頻道裡，也無法自行加入：請用 `/invite @ecosys` 邀請我，否則摘要發不出來。",
        "I am not in this channel and cannot join it myself: invite me with `/invite @ecosys`, "
        "or the digest cannot be posted.",
    )


def unsubscribed(lang: str) -> str:
    return _pick(
        lang,
        "已取消本频道的摘要订阅。",
        "已取消本頻道的摘要訂閱。",
        "This channel is unsubscribed from the digest.",
    )


def not_subscribed(lang: str) -> str:
    return _pick(
        lang,
        "本频道没有订阅摘要。用 `/ecosys 订阅` 订阅（默认每周一 09:30，北京时间）。",
        "本頻道沒有訂閱摘要。用 `/ecosys 訂閱` 訂閱（預設每週一 09:30，北京時間）。",
        "This channel has no digest subscription. Subscribe with `/ecosys subscribe` "
        "(Mondays 09:30 Asia/Shanghai unless you say otherwise).",
    )


def subscription_status(lang: str, schedule: Schedule, digest_lang: str, next_at: datetime | None) -> str:
    s, d = describe_schedule(lang, schedule), lang_name(lang, digest_lang)
    if next_at is None:
        return _pick(lang, f"订阅：{s}，{d}。", f"訂閱：{s}，{d}。", f"Subscription: {s}, in {d}.")
    n = when(lang, next_at)
    return _pick(
        lang,
        f"订阅：{s}，{d}。下一期：{n}。",
        f"訂閱：{s}，{d}。下一期：{n}。",
        f"Subscription: {s}, in {d}. Next: {n}.",
    )


def paused(lang: str, reason: str) -> str:
    return _pick(
        lang,
        f"摘要已暂停：上次发送时 Slack 回复 `{reason}`（频道已归档或我被移出）。邀请我回来后再订阅一次即可恢复。",
        f"摘要已暫停：上次發送時 Slack 回覆 `{reason}`（頻道已封存或我被移出）。邀請我回來後再訂閱一次即可恢復。",
        f"The digest is paused: Slack answered `{reason}` on the last send (channel archived or I was removed). "
        f"Invite me back and subscribe again to resume.",
    )


def last_digest(lang: str, sent_at: datetime) -> str:
    w = when(lang, sent_at)
    return _pick(lang, f"上一期发送于 {w}。", f"上一期發送於 {w}。", f"Last digest sent {w}.")


def parse_error(lang: str, kind: str, word: str) -> str:
    """What was wrong in a subscribe request and what is accepted instead."""
    if kind == "time":
        return _pick(
            lang,
            f"`{word}` 不是一天中的时间：请用 00:00 到 23:59 之间的 HH:MM（如 9:30、18:00）。",
            f"`{word}` 不是一天中的時間：請用 00:00 到 23:59 之間的 HH:MM（如 9:30、18:00）。",
            f"`{word}` is not a time of day: use HH:MM from 00:00 to 23:59 (9:30, 18:00).",
        )
    if kind == "timezone":
        return _pick(
            lang,
            f"`{word}` 不是时区：请用 IANA 时区名，如 Asia/Shanghai、Europe/Berlin、America/New_York 或 UTC。",
            f"`{word}` 不是時區：請用 IANA 時區名，如 Asia/Shanghai、Europe/Berlin、America/New_York 或 UTC。",
            f"`{word}` is not a time zone: use an IANA name such as Asia/Shanghai, Europe/Berlin, "
            f"America/New_York or UTC.",
        )
    if kind == "conflict":
        return _pick(
            lang,
            f"`{word}` 与前面的设置重复或矛盾（每天的摘要不需要星期几）。",
            f"`{word}` 與前面的設定重複或矛盾（每天的摘要不需要星期幾）。",
            f"`{word}` repeats or contradicts an earlier word (a daily digest takes no weekday).",
        )
    return _pick(
        lang,
        f"看不懂 `{word}`。可以写：每周/每天、周一…周日、HH:MM、时区（Asia/Shanghai）、zh/en。"
        f"例如 {USAGE_EXAMPLES}。",
        f"看不懂 `{word}`。可以寫：每週/每天、週一…週日、HH:MM、時區（Asia/Shanghai）、zh/en。"
        f"例如 {USAGE_EXAMPLES}。",
        f"I did not understand `{word}`. Accepted: weekly/daily, a weekday, HH:MM, a time zone "
        f"(Asia/Shanghai), zh/en. For example {USAGE_EXAMPLES}.",
    )


# --- digest content -----------------------------------------------------------------------------------


def digest_title(lang: str, frequency: str, start: date, end: date) -> str:
    span_zh = f"{start.month}月{start.day}日–{end.month}月{end.day}日"
    span_en = f"{start.day} {start.strftime('%b')} – {end.day} {end.strftime('%b')}"
    if frequency == "daily":
        return _pick(
            lang, f"ecosys 日报 · {span_zh}", f"ecosys 日報 · {span_zh}", f"ecosys daily digest · {span_en}"
        )
    return _pick(
        lang, f"ecosys 周报 · {span_zh}", f"ecosys 週報 · {span_zh}", f"ecosys weekly digest · {span_en}"
    )


def asked_title(lang: str, total: int) -> str:
    return _pick(
        lang,
        f"大家在问（共 {total} 个问题）",
        f"大家在問（共 {total} 個問題）",
        f"Most asked ({total} questions)",
    )


def nothing_asked(lang: str) -> str:
    return _pick(lang, "这段时间没有人提问。", "這段時間沒有人提問。", "Nobody asked anything this period.")


def times(lang: str, count: int) -> str:
    return _pick(lang, f"{count} 次", f"{count} 次", "once" if count == 1 else f"{count} times")


def unanswered_title(lang: str) -> str:
    return _pick(lang, "没有找到答案的问题", "沒有找到答案的問題", "Questions that found nothing")


def all_answered(lang: str) -> str:
    return _pick(lang, "每个问题都找到了答案。", "每個問題都找到了答案。", "Every question found an answer.")


def unanswered_hint(lang: str) -> str:
    return _pick(
        lang,
        "这些是知识库的空白，欢迎补充条目。",
        "這些是知識庫的空白，歡迎補充條目。",
        "These are the gaps in the knowledge base: entries for them are welcome.",
    )


def changes_title(lang: str) -> str:
    return _pick(lang, "知识库更新", "知識庫更新", "What changed in the knowledge base")


def first_digest(lang: str, entries: int, categories: int) -> str:
    return _pick(
        lang,
        f"这是本频道的第一期摘要：知识库目前收录 {entries} 个项目、{categories} 个分类。以后这里会列出新增项目和状态变化。",
        f"這是本頻道的第一期摘要：知識庫目前收錄 {entries} 個專案、{categories} 個分類。以後這裡會列出新增專案和狀態變化。",
        f"This is the channel's first digest: the knowledge base holds {entries} projects in {categories} "
        f"categories. From the next one on, this lists new projects and status changes.",
    )


def no_changes(lang: str) -> str:
    return _pick(
        lang, "自上一期以来没有变化。", "自上一期以來沒有變化。", "Nothing changed since the last digest."
    )


def new_entries(lang: str, count: int) -> str:
    return _pick(lang, f"新增 {count} 个项目：", f"新增 {count} 個專案：", f"{count} new projects:")


def new_landscape_items(lang: str, count: int) -> str:
    return _pick(
        lang,
        f"CNCF 全景图另新增 {count} 个条目。",
        f"CNCF 全景圖另新增 {count} 個條目。",
        f"{count} other new CNCF landscape items.",
    )


def status_changes(lang: str, count: int) -> str:
    return _pick(lang, f"{count} 个项目状态变化：", f"{count} 個專案狀態變化：", f"{count} status changes:")


def removed_entries(lang: str, count: int) -> str:
    return _pick(lang, f"移除 {count} 个项目。", f"移除 {count} 個專案。", f"{count} projects removed.")


def and_more(lang: str, count: int) -> str:
    return _pick(lang, f"……还有 {count} 个", f"……還有 {count} 個", f"…and {count} more")


def spotlight_title(lang: str, category: str) -> str:
    return _pick(lang, f"聚焦：{category}", f"聚焦：{category}", f"Spotlight: {category}")


def spotlight_more(lang: str, total: int, shown: int, category: str) -> str:
    return _pick(
        lang,
        f"共 {total} 个项目，此处列出 {shown} 个；用 `/ecosys {category}` 查看全部。",
        f"共 {total} 個專案，此處列出 {shown} 個；用 `/ecosys {category}` 查看全部。",
        f"{shown} of {total} projects; `/ecosys {category}` lists them all.",
    )


def footer(lang: str) -> str:
    return _pick(
        lang,
        "用 `/ecosys 订阅列表` 查看订阅，`/ecosys 取消订阅` 退订。",
        "用 `/ecosys 訂閱列表` 查看訂閱，`/ecosys 取消訂閱` 退訂。",
        "`/ecosys subscriptions` shows this channel's schedule; `/ecosys unsubscribe` stops it.",
    )


def off_topic(lang: str, count: int) -> str:
    """One line for the questions that found nothing and were not about the ecosystem at all."""
    return _pick(
        lang,
        f"另有 {count} 个与容器生态无关的提问（闲聊、乱码等），未列出。",
        f"另有 {count} 個與容器生態無關的提問（閒聊、亂碼等），未列出。",
        f"Plus {count} off-topic question{'s' if count != 1 else ''} (small talk, stray text), not listed.",
    )


def unhelpful_title(lang: str) -> str:
    return _pick(lang, "被标为“没帮助”的回答", "被標為「沒幫助」的回答", "Answers marked unhelpful")


def none_unhelpful(lang: str) -> str:
    return _pick(
        lang,
        "没有回答被标为“没帮助”。",
        "沒有回答被標為「沒幫助」。",
        "No answer was marked unhelpful.",
    )


def unhelpful_hint(lang: str) -> str:
    return _pick(
        lang,
        "箭头后是当时给出的项目：这些回答值得知识库编辑看一看。",
        "箭頭後是當時給出的專案：這些回答值得知識庫編輯看一看。",
        "After the arrow, the projects the answer showed: worth a look by the knowledge base's editors.",
    )
