"""The digest's blocks: the four parts, Slack's limits, escaping, every language."""

from __future__ import annotations

from datetime import date

import pytest

from bot.digest.compose import changes_since, pick_spotlight, topics_of
from bot.digest.content import (
    Changes,
    Digest,
    Spotlight,
    SpotlightItem,
    StatusChange,
    TopicCount,
    build_message,
    render_text,
)
from bot.render.kit import MAX_HEADER, MAX_SECTION
from bot.storage.query_log import QuestionCount
from index.engine import Engine
from index.model import Category, Cncf, Entry, Text


def _digest(lang: str = "en", **overrides: object) -> Digest:
    values: dict = {
        "lang": lang,
        "frequency": "weekly",
        "start": date(2024, 2, 26),
        "end": date(2024, 3, 4),
        "asked_total": 9,
        "topics": (TopicCount("etcd", 3), TopicCount("Service discovery", 2)),
        "unanswered": (TopicCount("<!channel> what is foo & bar", 2),),
        "changes": Changes(False, 100, 20, ("Quayside",), (StatusChange("rkt", "active", "archived"),)),
        "spotlight": Spotlight(
            "registry",
            "Image registries",
            "Where images live.",
            (SpotlightItem("Harbor", "A registry.", "CNCF graduated"),),
            4,
        ),
    }
    values.update(overrides)
    return Digest(**values)


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "ecosys weekly digest"), ("zh", "ecosys 周报"), ("zh-Hant", "ecosys 週報")]
)
def test_four_parts_in_the_language(lang: str, title: str) -> None:
    message = build_message(_digest(lang))
    kinds = [b["type"] for b in message["blocks"]]
    assert kinds == ["header", "section", "section", "section", "section", "section", "context"]
    assert message["blocks"][0]["text"]["text"].startswith(title)
    assert message["text"].startswith(title)


def test_user_text_is_escaped_in_blocks_and_plain_in_the_terminal() -> None:
    message = build_message(_digest())
    unanswered = message["blocks"][2]["text"]["text"]
    assert "&lt;!channel&gt; what is foo &amp; bar" in unanswered and "<!channel>" not in unanswered
    assert "<!channel> what is foo & bar" in render_text(_digest())


def test_long_lists_stay_within_slack_limits() -> None:
    many = tuple(f"Project {n} " + "x" * 200 for n in range(500))
    digest = _digest(
        topics=tuple(TopicCount("q" * 2000, 1) for _ in range(5)),
        changes=Changes(False, 900, 20, many, tuple(StatusChange(n, "active", "archived") for n in many)),
        spotlight=Spotlight("c", "C" * 400, "d" * 5000, (), 0),
    )
    message = build_message(digest)
    assert len(message["blocks"]) <= 50
    assert len(message["blocks"][0]["text"]["text"]) <= MAX_HEADER
    assert all(len(b["text"]["text"]) <= MAX_SECTION for b in message["blocks"] if b["type"] == "section")
    assert "…and 490 more" in message["blocks"][4]["text"]["text"]
    assert len(message["text"]) <= 3000


def _entry(eid: str, status: str = "active", maturity: str | None = None) -> Entry:
    return Entry(
        id=eid, name=eid.title(), category="c", status=status, cncf=Cncf(maturity) if maturity else None
    )


def test_changes_since_the_last_snapshot() -> None:
    entries = {
        e.id: e
        for e in (_entry("etcd", maturity="graduated"), _entry("rkt", "archived", "archived"), _entry("new"))
    }
    assert changes_since(None, entries, lang="en", categories=3).first
    previous = {"etcd": ("active", "incubating"), "rkt": ("active", "archived"), "gone": ("active", "")}
    changes = changes_since(previous, entries, lang="en", categories=3)
    assert changes.new == ("New",)
    assert [(c.name, c.before, c.after) for c in changes.status] == [
        ("Etcd", "active · CNCF incubating", "active · CNCF graduated"),
        ("Rkt", "active · CNCF archived", "archived · CNCF archived"),
    ]
    assert changes.removed == 1
    same = changes_since(
        {k: (e.status, e.cncf.maturity if e.cncf else "") for k, e in entries.items()},
        entries,
        lang="en",
        categories=3,
    )
    assert same.empty


def test_spotlight_rotates_through_filled_categories() -> None:
    cats = [(Category(id=c, name=Text(en=c)), n) for c, n in (("a", 2), ("b", 0), ("c", 5))]
    assert pick_spotlight(cats, None).id == "a"
    assert pick_spotlight(cats, "a").id == "c"
    assert pick_spotlight(cats, "c").id == "a"
    assert pick_spotlight(cats, "removed").id == "a"
    assert pick_spotlight([(cats[1][0], 0)], None) is None


@pytest.mark.parametrize(("lang", "label"), [("zh", "时速云"), ("zh-Hant", "時速雲")])
def test_a_project_asked_in_two_scripts_is_one_topic_named_in_the_digests_script(
    engine: Engine, lang: str, label: str
) -> None:
    asked = [QuestionCount("時速雲", 2, "zh-Hant"), QuestionCount("时速云", 1, "zh")]
    assert topics_of(engine, asked, lang) == (TopicCount(label, 3),)
