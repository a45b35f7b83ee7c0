"""The fixed words of the interface, in Simplified Chinese, Traditional Chinese and English.

Pure functions of a language code (``"zh"``, ``"zh-Hant"``, ``"en"``) returning plain text with no Slack
markup, so that the Slack blocks and the terminal renderer say the same things. Traditional strings are
written out rather than converted at run time: these are a few dozen fixed sentences.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from index.answer import Answer

LANGS = ("zh", "zh-Hant", "en")


def _pick(lang: str, zh: str, hant: str, en: str) -> str:
    if lang == "zh-Hant":
        return hant
    if lang == "zh":
        return zh
    return en


def help_text(lang: str, *, command: str = "/ecosys", slack: bool = True) -> str:
    """What ecosys does and the sub-commands it understands (``slack=False``: without the channel digest
    and the @mention, which only Slack has)."""
    c = command
    zh = [
        "ecosys 回答容器与云原生生态的问题，中英文皆可。",
        f"• `{c} 服务发现` — 提一个问题（一个需求、一个项目名或一句描述）",
        f"• `{c} 分类` — 所有分类及项目数",
        f"• `{c} 详情 etcd` — 一个项目的完整卡片",
        f"• `{c} 对比 etcd consul` — 并排对比",
    ]
    hant = [
        "ecosys 回答容器與雲原生生態的問題，中英文皆可。",
        f"• `{c} 服務發現` — 提一個問題（一個需求、一個專案名或一句描述）",
        f"• `{c} 分類` — 所有分類及專案數",
        f"• `{c} 詳情 etcd` — 一個專案的完整卡片",
        f"• `{c} 對比 etcd consul` — 並排對比",
    ]
    en = [
        "ecosys answers questions about the container and cloud-native ecosystem, in Chinese or English.",
        f"• `{c} service discovery` — ask a question (a need, a project name or a description)",
        f"• `{c} list` — every category with its number of projects",
        f"• `{c} show etcd` — one project's full card",
        f"• `{c} compare etcd consul` — side by side",
    ]
    if slack:
        zh += [
            f"• `{c} 订阅` / `取消订阅` / `订阅列表` — 频道每周摘要",
            "在频道或讨论串里 @ecosys 提问，回答会发在讨论串中；也可以直接私信。",
        ]
        hant += [
            f"• `{c} 訂閱` / `取消訂閱` / `訂閱列表` — 頻道每週摘要",
            "在頻道或討論串裡 @ecosys 提問，回答會發在討論串中；也可以直接私訊。",
        ]
        en += [
            f"• `{c} subscribe` / `unsubscribe` / `subscriptions` — a weekly digest for the channel",
            "Mention @ecosys in a channel or thread to get the answer in the thread, or send it a direct message.",
        ]
    return _pick(lang, "\n".join(zh), "\n".join(hant), "\n".join(en))


def subscriptions_in_slack(lang: str) -> str:
    """Said where there is no channel to subscribe (the terminal)."""
    return _pick(
        lang,
        "订阅属于 Slack 频道：请在频道里输入 `/ecosys 订阅`。",
        "訂閱屬於 Slack 頻道：請在頻道裡輸入 `/ecosys 訂閱`。",
        "Subscriptions belong to a Slack channel: type `/ecosys subscribe` in the channel.",
    )


def help_title(lang: str) -> str:
    return _pick(lang, "ecosys 使用说明", "ecosys 使用說明", "How to use ecosys")


def nothing_found(lang: str, question: str) -> str:
    """The first line of a nothing-found reply; never followed by random entries.

    The question is echoed without control characters: a terminal would obey them (title, clear screen).
    """
    q = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in question).strip()
    if len(q) > 80:
        q = q[:79] + "…"
    if not q:
        return _pick(lang, "没有找到相关项目。", "沒有找到相關專案。", "Nothing found.")
    return _pick(
        lang,
        f"没有找到与“{q}”相关的项目。",
        f"沒有找到與「{q}」相關的專案。",
        f'Nothing found for "{q}".',
    )


def did_you_mean(lang: str, names: Sequence[str]) -> str:
    joined = ", ".join(names)
    return _pick(lang, f"你是不是想找：{joined}？", f"你是不是想找：{joined}？", f"Did you mean: {joined}?")


def browse_categories(lang: str) -> str:
    return _pick(
        lang,
        "可以换个说法，或者从这些分类里挑一个：",
        "可以換個說法，或者從這些分類裡挑一個：",
        "Try other words, or pick one of these categories:",
    )


def categories_title(lang: str) -> str:
    return _pick(lang, "分类", "分類", "Categories")


def projects_count(lang: str, count: int) -> str:
    return _pick(lang, f"{count} 个项目", f"{count} 個專案", f"{count} project" + ("" if count == 1 else "s"))


def understood_category(lang: str, category_name: str, total: int) -> str:
    """A category answer's title: how many results the question found (not how many the category holds)."""
    return _pick(
        lang,
        f"{category_name}（{total} 个结果）",
        f"{category_name}（{total} 個結果）",
        f"{category_name} ({total} result{'' if total == 1 else 's'})",
    )


def understood_project(lang: str, name: str) -> str:
    return _pick(lang, f"项目：{name}", f"專案：{name}", f"Project: {name}")


def understood_comparison(lang: str, names: Sequence[str]) -> str:
    return _pick(lang, "对比：", "對比：", "Comparison: ") + " vs ".join(names)


def understood_search(lang: str, question: str) -> str:
    return _pick(lang, f"搜索：{question}", f"搜尋：{question}", f"Search: {question}")


def no_more(lang: str, total: int) -> str:
    """A page past the last result: there were results, just not this many."""
    return _pick(
        lang,
        f"这一页没有更多结果了（共 {total} 项）。",
        f"這一頁沒有更多結果了（共 {total} 項）。",
        f"No more results on this page ({total} in all).",
    )


def page_note(lang: str, first: int, last: int, total: int) -> str:
    """Which results are shown, e.g. "1–5 of 12"."""
    return _pick(
        lang,
        f"第 {first}–{last} 项，共 {total} 项",
        f"第 {first}–{last} 項，共 {total} 項",
        f"{first}–{last} of {total}",
    )


def more_button(lang: str) -> str:
    return _pick(lang, "更多", "更多", "More")


def share_button(lang: str) -> str:
    return _pick(lang, "分享到频道", "分享到頻道", "Share in channel")


def shared_by(lang: str, user: str) -> str:
    return _pick(lang, f"{user} 分享", f"{user} 分享", f"Shared by {user}")


def homepage_label(lang: str) -> str:
    return _pick(lang, "主页", "首頁", "Homepage")


def repo_label(lang: str) -> str:
    return _pick(lang, "代码仓库", "程式碼倉庫", "Repository")


def category_label(lang: str) -> str:
    return _pick(lang, "分类", "分類", "Category")


def status_label_title(lang: str) -> str:
    return _pick(lang, "状态", "狀態", "Status")


def aliases_label(lang: str) -> str:
    return _pick(lang, "别名", "別名", "Also known as")


def tags_label(lang: str) -> str:
    return _pick(lang, "标签", "標籤", "Tags")


def no_description(lang: str) -> str:
    return _pick(lang, "（暂无介绍）", "（暫無介紹）", "(no description yet)")


_STATUS = {
    "active": ("活跃", "活躍", "active"),
    "renamed": ("已更名", "已更名", "renamed"),
    "archived": ("已归档", "已封存", "archived"),
    "acquired": ("已被收购", "已被收購", "acquired"),
    "discontinued": ("已停止", "已停止", "discontinued"),
    "unknown": ("状态未知", "狀態未知", "status unknown"),
}

_MATURITY = {
    "graduated": ("CNCF 毕业项目", "CNCF 畢業專案", "CNCF graduated"),
    "incubating": ("CNCF 孵化项目", "CNCF 孵化專案", "CNCF incubating"),
    "sandbox": ("CNCF 沙箱项目", "CNCF 沙箱專案", "CNCF sandbox"),
    "archived": ("CNCF 已归档", "CNCF 已封存", "CNCF archived"),
}


def status_label(lang: str, status: str) -> str:
    """A project's lifecycle status as a short badge ("archived", "已归档")."""
    zh, hant, en = _STATUS.get(status, (status, status, status))
    return _pick(lang, zh, hant, en)


def status_text(lang: str, status: str, note: str = "") -> str:
    """A project card's status: the label, then what changed ("archived — retired in March 2026…")."""
    label = status_label(lang, status)
    return f"{label} — {note}" if note else label


def maturity_label(lang: str, maturity: str, year: int | None = None) -> str:
    """A CNCF maturity level as a short badge ("CNCF graduated", "CNCF graduated 2018")."""
    zh, hant, en = _MATURITY.get(maturity, (f"CNCF {maturity}",) * 3)
    label = _pick(lang, zh, hant, en)
    return f"{label} {year}" if year else label


def engine_unavailable(lang: str) -> str:
    """The knowledge base cannot be searched right now (no index and the data is broken)."""
    return _pick(
        lang,
        "知识库暂时无法使用，管理员已在日志中看到原因。请稍后再试。",
        "知識庫暫時無法使用，管理員已在日誌中看到原因。請稍後再試。",
        "The knowledge base is not available right now; the reason is in the operator's log. "
        "Please try again later.",
    )


def something_went_wrong(lang: str) -> str:
    """An unexpected failure: the user is told to retry, the log gets the traceback."""
    return _pick(
        lang,
        "抱歉，出了点问题，这个问题没能回答。请再试一次。",
        "抱歉，出了點問題，這個問題沒能回答。請再試一次。",
        "Sorry, something went wrong and this question could not be answered. Please try again.",
    )


def cannot_post_here(lang: str) -> str:
    """Sharing failed because the bot may not post in the channel."""
    return _pick(
        lang,
        "无法在这个频道发消息：请先用 /invite @ecosys 邀请我加入。",
        "無法在這個頻道發訊息：請先用 /invite @ecosys 邀請我加入。",
        "I cannot post in this channel: invite me first with /invite @ecosys.",
    )


def expired_button(lang: str) -> str:
    return _pick(
        lang,
        "这个按钮已失效，请重新提问。",
        "這個按鈕已失效，請重新提問。",
        "This button has expired: please ask again.",
    )


def understood_title(answer: Answer) -> str:
    """What the question was understood as: the first line of every answer, Slack or terminal."""
    lang = answer.lang
    if answer.understood == "category":
        return understood_category(lang, answer.category_name, answer.total)
    if answer.understood == "project" and answer.hits and answer.offset == 0:
        return understood_project(lang, answer.hits[0].name)
    if answer.understood == "comparison":
        return understood_comparison(lang, [h.name for h in answer.hits])
    return understood_search(lang, " ".join(answer.question.split())[:80])


def unknown_fact(lang: str) -> str:
    return _pick(lang, "未知", "未知", "unknown")


def license_label(lang: str) -> str:
    return _pick(lang, "许可证", "授權條款", "Licence")


def language_label(lang: str) -> str:
    return _pick(lang, "主要语言", "主要語言", "Language")


def first_release_label(lang: str) -> str:
    return _pick(lang, "首次发布", "首次發布", "First release")


def maintainer_label(lang: str) -> str:
    return _pick(lang, "维护者", "維護者", "Maintained by")


def based_in_label(lang: str) -> str:
    return _pick(lang, "总部所在", "總部所在", "Based in")


def based_in_text(lang: str, country: str) -> str:
    """Where a provider is based, on a result line: said because a question may ask for a region's providers."""
    return _pick(lang, f"总部所在：{country}", f"總部所在：{country}", f"Based in {country}")


def strengths_label(lang: str) -> str:
    return _pick(lang, "优势", "優勢", "Strengths")


def tradeoffs_label(lang: str) -> str:
    return _pick(lang, "取舍", "取捨", "Trade-offs")


# ---------------------------------------------------------------- feedback


def helpful_button(lang: str) -> str:
    return _pick(lang, "👍 有帮助", "👍 有幫助", "👍 Helpful")


def unhelpful_button(lang: str) -> str:
    return _pick(lang, "👎 没帮助", "👎 沒幫助", "👎 Not helpful")


def vote_thanks(lang: str, helpful: bool) -> str:
    if helpful:
        return _pick(lang, "谢谢反馈！", "謝謝回饋！", "Thanks for the feedback!")
    return _pick(
        lang,
        "谢谢反馈！这个回答会出现在本周摘要里，由维护知识库的同事改进。",
        "謝謝回饋！這個回答會出現在本週摘要裡，由維護知識庫的同事改進。",
        "Thanks! This answer will be listed in the weekly digest so the people who keep the "
        "knowledge base can improve it.",
    )


def vote_already(lang: str) -> str:
    return _pick(
        lang,
        "你已经对这个回答反馈过了，谢谢！",
        "你已經對這個回答回饋過了，謝謝！",
        "You already rated this answer: thanks!",
    )


# ---------------------------------------------------------------- App Home


def home_title(lang: str) -> str:
    return _pick(
        lang,
        "ecosys：容器与云原生生态问答",
        "ecosys：容器與雲原生生態問答",
        "ecosys: ask about the cloud-native ecosystem",
    )


def home_how_to_ask(lang: str) -> str:
    return _pick(
        lang,
        "在下面的搜索框输入一个需求、一个项目名或一句描述，按回车。也可以在任何频道用 `/ecosys 服务发现`，"
        "或在讨论串里 @ecosys 提问。",
        "在下面的搜尋框輸入一個需求、一個專案名或一句描述，按 Enter。也可以在任何頻道用 `/ecosys 服務發現`，"
        "或在討論串裡 @ecosys 提問。",
        "Type a need, a project name or a description in the box below and press Enter. You can also use "
        "`/ecosys service discovery` in any channel, or mention @ecosys in a thread.",
    )


def home_search_label(lang: str) -> str:
    return _pick(lang, "搜索", "搜尋", "Search")


def home_search_placeholder(lang: str) -> str:
    return _pick(
        lang,
        "例如：服务网格、etcd、带 Web 界面的镜像仓库",
        "例如：服務網格、etcd、帶 Web 介面的映像倉庫",
        "e.g. service mesh, etcd, a registry with a web UI",
    )


def home_categories_title(lang: str) -> str:
    return _pick(lang, "按分类浏览", "按分類瀏覽", "Browse by category")


def home_back(lang: str) -> str:
    return _pick(lang, "← 所有分类", "← 所有分類", "← All categories")


def home_subscriptions_title(lang: str) -> str:
    return _pick(
        lang,
        "订阅摘要的频道（仅管理员可见）",
        "訂閱摘要的頻道（僅管理員可見）",
        "Channels subscribed to digests (admins only)",
    )


def home_no_subscriptions(lang: str) -> str:
    return _pick(
        lang, "还没有频道订阅摘要。", "還沒有頻道訂閱摘要。", "No channel subscribes to a digest yet."
    )


def home_next_send(lang: str, channel: str, schedule: str, when: str) -> str:
    return _pick(
        lang,
        f"{channel} · {schedule} · 下一期 {when}",
        f"{channel} · {schedule} · 下一期 {when}",
        f"{channel} · {schedule} · next {when}",
    )


def home_paused(lang: str, channel: str, schedule: str) -> str:
    return _pick(
        lang,
        f"{channel} · {schedule} · 已暂停",
        f"{channel} · {schedule} · 已暫停",
        f"{channel} · {schedule} · paused",
    )


def looking_up(lang: str) -> str:
    """The acknowledgement of a question, replaced by its answer a moment later."""
    return _pick(lang, "正在查找…", "正在查找…", "Looking it up…")


def not_taken(lang: str) -> str:
    """The acknowledgement when the question could not be stored, so will not be answered."""
    return _pick(
        lang,
        "暂时无法接收问题，请稍后再试。",
        "暫時無法接收問題，請稍後再試。",
        "ecosys cannot take questions right now. Please ask again in a minute.",
    )
