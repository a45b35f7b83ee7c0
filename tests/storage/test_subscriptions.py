"""Subscriptions: one per channel, replaced on subscribe, paused and resumed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.storage import subscriptions
from bot.storage.subscriptions import ScheduleFields
from tests.storage.databases import WS

WEEKLY = ScheduleFields("weekly", 0, 9, 30, "Asia/Shanghai")
T0 = datetime(2024, 3, 4, 10, 0, tzinfo=UTC)


def test_subscribe_replace_and_unsubscribe(db: Engine) -> None:
    subscriptions.subscribe(db, WS, "C1", WEEKLY, lang="zh", now=T0)
    later = ScheduleFields("daily", 0, 18, 0, "Europe/Berlin")
    subscriptions.subscribe(db, WS, "C1", later, lang="en", now=T0 + timedelta(hours=1))
    sub = subscriptions.get_subscription(db, WS, "C1")
    assert sub is not None
    assert (sub.schedule, sub.lang, sub.active_since) == (later, "en", T0 + timedelta(hours=1))
    assert subscriptions.unsubscribe(db, WS, "C1") is True
    assert subscriptions.unsubscribe(db, WS, "C1") is False
    assert subscriptions.get_subscription(db, WS, "C1") is None


def test_paused_channel_leaves_the_active_list_until_it_subscribes_again(db: Engine) -> None:
    for channel in ("C1", "C2"):
        subscriptions.subscribe(db, WS, channel, WEEKLY, lang="zh", now=T0)
    subscriptions.pause(db, WS, "C1", reason="is_archived", now=T0)
    assert [s.channel_id for s in subscriptions.active_subscriptions(db)] == ["C2"]
    paused = subscriptions.get_subscription(db, WS, "C1")
    assert paused is not None and paused.paused and paused.paused_reason == "is_archived"
    subscriptions.subscribe(db, WS, "C1", WEEKLY, lang="zh", now=T0)
    assert [s.channel_id for s in subscriptions.active_subscriptions(db)] == ["C1", "C2"]
