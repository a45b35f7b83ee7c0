"""Done when (issue 12), through the real ``web`` process and the stand-in Slack: an off-topic answer
names no entry and offers at most 8 populated categories; the Home tab's category buttons and search box
work; a "not helpful" click is stored once and appears in the next ``ecosys digest preview``."""

from __future__ import annotations

import json
import os
import re
import subprocess
from urllib.parse import urlencode

from tests.e2e.processes import VENV_BIN, process_env
from tests.e2e.slack_requests import block_action, event_callback, mention, post_signed, slash_command, unique
from tests.e2e.slack_standin import TEAM_ID, buttons, visible_text


def test_off_topic_names_no_entry_and_offers_at_most_eight_populated_categories(web, slack, engine):  # type: ignore[no-untyped-def]
    hook = unique("offtopic-")
    assert (
        post_signed(web.events_url, slash_command("今天天气怎么样", response_url=slack.hook_url(hook))).status
        == 200
    )
    (call,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
    text = visible_text(call.body)
    assert text.startswith("没有找到与“今天天气怎么样”相关的项目。")
    offered = [
        json.loads(e["value"])["q"]
        for b in call.body["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    populated = {c.id for c, n in engine.categories() if n}
    assert 1 <= len(offered) <= 8 and set(offered) <= populated
    names = [e.name for e in engine.entries().values() if len(e.name) >= 3]
    assert not [n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]


def _view_action(user: str, view: dict, action: dict) -> bytes:
    payload = {
        "type": "block_actions", "user": {"id": user, "team_id": TEAM_ID}, "api_app_id": "A0000APP",
        "token": "unused", "container": {"type": "view", "view_id": "V1"}, "trigger_id": unique("t."),
        "team": {"id": TEAM_ID, "domain": "ecosys-test"}, "view": {"id": "V1", "type": "home", **view},
        "actions": [{**action, "block_id": "b", "action_ts": "1700000400.000200"}],
    }  # fmt: skip
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()


def _published(slack, user: str, count: int) -> dict:  # type: ignore[no-untyped-def]
    calls = slack.wait_for(
        lambda c: c.method == "views.publish" and c.body.get("user_id") == user, count=count
    )
    view = calls[count - 1].body["view"]
    return json.loads(view) if isinstance(view, str) else view


def test_home_tab_publishes_a_view_whose_category_buttons_and_search_work(web, slack):  # type: ignore[no-untyped-def]
    user = unique("UHOME")
    slack.users[user] = {"locale": "en-US"}
    event = {"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home", "event_ts": "1.2"}
    assert post_signed(web.events_url, event_callback(event)).status == 200
    view = _published(slack, user, 1)
    assert "Browse by category" in visible_text(view)
    categories = {
        b["value"]: b for blk in view["blocks"] if blk["type"] == "actions" for b in blk["elements"]
    }
    assert "service-discovery" in categories
    click = {"type": "button", "action_id": "ecosys_home_category", "value": "service-discovery"}
    assert post_signed(web.events_url, _view_action(user, view, click)).status == 200
    shown = visible_text(_published(slack, user, 2))
    assert "Service discovery (" in shown and shown.index("etcd") < shown.index("ZooKeeper")
    search = {
        "type": "plain_text_input",
        "action_id": "ecosys_home_search",
        "value": "registry with a web UI",
    }
    assert post_signed(web.events_url, _view_action(user, view, search)).status == 200
    assert "Harbor" in visible_text(_published(slack, user, 3))


def test_a_not_helpful_click_is_stored_once_and_appears_in_the_digest_preview(web, slack):  # type: ignore[no-untyped-def]
    channel = unique("C")
    post_signed(
        web.events_url, event_callback(mention("API gateway", channel=channel, ts="1700000500.000100"))
    )
    (answer,) = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)
    value = buttons(answer.body)["ecosys_unhelpful"]
    for _ in range(2):
        hook = unique("vote-")
        body = block_action(action_id="ecosys_unhelpful", value=value, response_url=slack.hook_url(hook),
                            channel=channel, ephemeral=False, user="UVOTER9")  # fmt: skip
        assert post_signed(web.events_url, body).status == 200
        slack.wait_for(lambda c, hook=hook: c.method == f"hook:{hook}")
    env = process_env(ECOSYS_HOME=str(web.home))
    preview = subprocess.run(
        [str(VENV_BIN / "ecosys"), "digest", "preview", "--lang", "en", "--team", TEAM_ID],
        env={**env, "PATH": env["PATH"] or os.defpath}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert preview.returncode == 0, preview.stderr
    unhelpful = preview.stdout.split("Answers marked unhelpful", 1)[1].split("What changed", 1)[0]
    assert re.search(r"1\. api gateway · once → \S", unhelpful), unhelpful
