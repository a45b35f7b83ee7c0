"""The Slack surfaces in-process: signed requests through ``App.dispatch``, answers at a stand-in Slack."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

from bot.render.kit import MAX_BLOCKS
from bot.storage import feedback
from bot.storage.schema import Workspace
from tests.e2e.slack_requests import block_action, event_callback, mention, slash_command, unique
from tests.e2e.slack_standin import TEAM_ID, visible_text
from tests.slack.conftest import blocks_of, button_rows, dispatch, hook_message

OFF_TOPIC = ["今天天气怎么样", "what's the weather like tomorrow", "😀😀😀🎉", "%00%00"]


def _entry_names(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.name for e in ctx.engine.entries().values() if len(e.name) >= 3]


def _names_in(text: str, names: list[str]) -> list[str]:
    return [n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]


def test_unsigned_requests_are_refused(app):
    body = slash_command("服务发现", response_url="http://127.0.0.1:9/hooks/x")
    assert dispatch(app, body, signed=False).status == 401


def test_off_topic_question_offers_at_most_eight_populated_categories_and_names_no_entry(app, ctx, standin):
    populated = {c.id for c, n in ctx.engine.categories() if n}
    names = _entry_names(ctx)
    for question in OFF_TOPIC:
        hook = unique("offtopic-")
        assert dispatch(app, slash_command(question, response_url=standin.hook_url(hook))).status == 200
        (message,) = hook_message(standin, hook)
        offered = [b for b in button_rows(message) if b["action_id"] == "ecosys_category"]
        assert 1 <= len(offered) <= 8, question
        assert {json.loads(b["value"])["q"] for b in offered} <= populated
        assert not _names_in(visible_text(message), names), question
    assert visible_text(message).startswith('Nothing found for "%00%00".')


def test_a_category_button_replaces_the_message_with_that_category_in_the_question_language(app, standin):
    hook = unique("nf-")
    dispatch(app, slash_command("今天天氣怎麼樣", response_url=standin.hook_url(hook)))
    (message,) = hook_message(standin, hook)
    assert visible_text(message).startswith("沒有找到與「今天天氣怎麼樣」相關的專案。")
    first = next(b for b in button_rows(message) if b["action_id"] == "ecosys_category")
    click = unique("nf-click-")
    body = block_action(
        action_id="ecosys_category", value=first["value"], response_url=standin.hook_url(click),
        channel="C0000TEST", ephemeral=True,
    )  # fmt: skip
    assert dispatch(app, body).status == 200
    (page,) = hook_message(standin, click)
    assert page["replace_original"] is True
    header = blocks_of(page)[0]["text"]["text"]
    assert header.startswith(first["text"].rsplit(" (", 1)[0])  # the category's Traditional name
    assert "個結果" in header


def test_a_near_question_offers_the_nearest_categories_first(app, standin):
    hook = unique("near-")
    dispatch(app, slash_command("secret rotation for my pizza oven", response_url=standin.hook_url(hook)))
    (message,) = hook_message(standin, hook)
    offered = [b["text"] for b in button_rows(message) if b["action_id"] == "ecosys_category"]
    if offered:  # the engine may also answer it; when it does not, secrets come first
        assert offered[0].startswith(("Secret", "Key Management"))  # the secrets category is "Key Management"


def test_did_you_mean_is_a_button_that_shows_the_project(app, standin):
    hook = unique("dym-")
    dispatch(app, slash_command("show etcx", response_url=standin.hook_url(hook)))
    (message,) = hook_message(standin, hook)
    suggested = [b for b in button_rows(message) if b["action_id"] == "ecosys_suggest"]
    assert [b["text"] for b in suggested] == ["etcd"] and "Did you mean: etcd?" in visible_text(message)
    assert not [b for b in button_rows(message) if b["action_id"] == "ecosys_category"]
    click = unique("dym-click-")
    body = block_action(
        action_id="ecosys_suggest", value=suggested[0]["value"], response_url=standin.hook_url(click),
        channel="C0000TEST", ephemeral=True,
    )  # fmt: skip
    dispatch(app, body)
    (card,) = hook_message(standin, click)
    assert blocks_of(card)[0]["text"]["text"] == "Project: etcd"


def _vote(app, standin, value: str, *, user: str, helpful: bool) -> str:  # type: ignore[no-untyped-def]
    click = unique("vote-")
    body = block_action(
        action_id="ecosys_helpful" if helpful else "ecosys_unhelpful", value=value,
        response_url=standin.hook_url(click), channel="C0000TEST", ephemeral=False, user=user,
    )  # fmt: skip
    assert dispatch(app, body).status == 200
    (thanks,) = hook_message(standin, click)
    assert thanks["response_type"] == "ephemeral" and thanks["replace_original"] is False
    return visible_text(thanks)


def test_a_not_helpful_vote_is_stored_once_per_person_and_answer(app, ctx, standin):
    channel = unique("C")
    event = mention("服务发现", channel=channel, ts="1700000300.000100")
    assert dispatch(app, event_callback(event)).status == 200
    (answer,) = standin.wait_for(
        lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel
    )
    votes = {b["action_id"]: b["value"] for b in button_rows(answer.body)}
    assert set(votes) >= {"ecosys_helpful", "ecosys_unhelpful"}
    assert blocks_of(answer.body)[-1]["block_id"] == "ecosys_feedback"

    assert "谢谢反馈" in _vote(app, standin, votes["ecosys_unhelpful"], user="UVOTER1", helpful=False)
    assert "已经" in _vote(app, standin, votes["ecosys_unhelpful"], user="UVOTER1", helpful=False)
    assert "已经" in _vote(app, standin, votes["ecosys_helpful"], user="UVOTER1", helpful=True)
    _vote(app, standin, votes["ecosys_unhelpful"], user="UVOTER2", helpful=False)

    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    (marked,) = feedback.unhelpful_answers(
        ctx.db, Workspace(TEAM_ID), since=now - timedelta(hours=1), until=now + timedelta(minutes=1)
    )
    assert marked.question == "服务发现" and marked.count == 2
    assert marked.entries[:3] == ("etcd", "consul", "zookeeper")
    with ctx.db.connect() as conn:
        rows = conn.execute(feedback.feedback_votes.select()).mappings().all()
    assert {r["team_id"] for r in rows} == {TEAM_ID}
    assert not any("UVOTER" in str(v) for r in rows for v in r.values())  # no user id is kept


def test_a_forged_vote_is_answered_with_expired_and_stores_nothing(app, ctx, standin):
    click = unique("forged-")
    body = block_action(
        action_id="ecosys_unhelpful", value="{not json", response_url=standin.hook_url(click),
        channel="C0000TEST", ephemeral=True,
    )  # fmt: skip
    assert dispatch(app, body).status == 200
    (reply,) = hook_message(standin, click)
    assert "expired" in visible_text(reply)


def _home_opened(user: str) -> bytes:
    return event_callback({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home",
                           "event_ts": "1700000400.000100"})  # fmt: skip


def _published(standin, user: str, count: int) -> dict:  # type: ignore[no-untyped-def]
    calls = standin.wait_for(
        lambda c: c.method == "views.publish" and c.body.get("user_id") == user, count=count
    )
    view = calls[count - 1].body["view"]
    return json.loads(view) if isinstance(view, str) else view


def _view_action(user: str, view: dict, action: dict) -> bytes:
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "viewer", "team_id": TEAM_ID},
        "api_app_id": "A0000APP",
        "token": "verification-token-unused",
        "container": {"type": "view", "view_id": "V1"},
        "trigger_id": unique("trigger."),
        "team": {"id": TEAM_ID, "domain": "ecosys-test"},
        "view": {"id": "V1", "type": "home", **view},
        "actions": [{**action, "block_id": "b", "action_ts": "1700000400.000200"}],
    }
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()


def test_app_home_in_the_viewer_language_with_working_categories_and_search(app, ctx, standin):
    user = unique("UHOME")
    standin.users[user] = {"locale": "zh-TW", "is_admin": False}
    assert dispatch(app, _home_opened(user)).status == 200
    view = _published(standin, user, 1)
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    text = visible_text(view)
    assert "服務發現" in text and "服务发现" not in text  # Traditional everywhere for a zh-TW viewer
    search = next(b for b in view["blocks"] if b["type"] == "input")
    assert search["dispatch_action"] is True
    categories = [b for b in button_rows(view) if b["action_id"] == "ecosys_home_category"]
    populated = {c.id: n for c, n in ctx.engine.categories() if n}
    assert {b["value"] for b in categories} == set(populated)
    assert "訂閱摘要的頻道" not in text  # not an admin

    discovery = next(b for b in categories if b["value"] == "service-discovery")
    dispatch(app, _view_action(user, view, {"type": "button", "action_id": "ecosys_home_category",
                                            "value": discovery["value"]}))  # fmt: skip
    shown = visible_text(_published(standin, user, 2))
    assert "服務發現（" in shown and shown.index("etcd") < shown.index("ZooKeeper")

    dispatch(app, _view_action(user, view, {"type": "plain_text_input", "action_id": "ecosys_home_search",
                                            "value": "consul vs etcd"}))  # fmt: skip
    assert "Consul" in visible_text(_published(standin, user, 3))
    info_calls = standin.find(lambda c: c.method == "users.info" and c.body.get("user") == user)
    assert len(info_calls) == 1  # the language travels in private_metadata


def test_app_home_shows_an_admin_the_subscribed_channels_with_next_send(app, ctx, standin):
    from datetime import UTC, datetime

    from bot.digest.schedule import Schedule
    from bot.storage import subscriptions

    subscriptions.subscribe(
        ctx.db, Workspace(TEAM_ID), "CSUBHOME1", Schedule(), lang="zh", now=datetime.now(UTC)
    )
    admin, member = unique("UADMIN"), unique("UNOLOCALE")
    standin.users[admin] = {"locale": "en-US", "is_admin": True}
    dispatch(app, _home_opened(admin))
    text = visible_text(_published(standin, admin, 1))
    assert "Channels subscribed to digests" in text and "<#CSUBHOME1>" in text and "next " in text
    dispatch(app, _home_opened(member))  # no locale from Slack: Chinese
    assert "按分类浏览" in visible_text(_published(standin, member, 1))


def test_auth_test_runs_once_however_many_requests(app, standin):
    for _ in range(3):
        dispatch(app, _home_opened(unique("UAUTH")))
    assert len(standin.find(lambda c: c.method == "auth.test")) == 1


def test_every_message_stays_within_slack_limits(app, standin):
    hook = unique("limits-")
    dispatch(app, slash_command("list", response_url=standin.hook_url(hook)))
    (message,) = hook_message(standin, hook)
    assert len(blocks_of(message)) <= MAX_BLOCKS
