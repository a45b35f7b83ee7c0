"""``ecosys digest preview|send`` and ``ecosys clock --once``, as a person types them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.digest.schedule import Schedule
from bot.storage import digest_runs, query_log, subscriptions
from bot.storage.db import open_database
from tests.digest.slack_stub import SlackStub
from tests.storage.databases import WS


@pytest.fixture()
def env(monkeypatch: pytest.MonkeyPatch, state_home: Path, db_url: str, slack: SlackStub) -> str:
    monkeypatch.setenv("ECOSYS_HOME", str(state_home))
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("SLACK_API_URL", slack.url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    return db_url


def test_preview_prints_the_four_parts(env: str, capsys: pytest.CaptureFixture[str], engine) -> None:  # type: ignore[no-untyped-def]
    db = open_database(env)
    query_log.record_query(
        db, WS, question="etcd", lang="en", surface="cli", result_count=2, at=datetime.now(UTC)
    )
    db.dispose()
    assert main(["digest", "preview", "--lang", "en", "--team", WS.team_id]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ecosys weekly digest")
    for part in (
        "Most asked (",
        "Questions that found nothing",
        "What changed in the knowledge base",
        "Spotlight: ",
    ):
        assert part in out
    assert "1. etcd · once" in out


def test_send_posts_and_records_a_run(
    env: str, slack: SlackStub, capsys: pytest.CaptureFixture[str], engine
) -> None:  # type: ignore[no-untyped-def]
    assert main(["digest", "send", "--channel", "C9", "--lang", "zh", "--team", WS.team_id]) == 0
    assert "digest sent to C9" in capsys.readouterr().out
    assert [p["channel"] for p in slack.state.posts()] == ["C9"]
    db = open_database(env)
    assert list(digest_runs.run_states(db, WS, "C9").values()) == ["sent"]
    db.dispose()


def test_send_to_a_gone_channel_says_how_to_fix(
    env: str, slack: SlackStub, capsys: pytest.CaptureFixture[str], engine
) -> None:  # type: ignore[no-untyped-def]
    slack.state.post_errors["C9"] = "not_in_channel"
    assert main(["digest", "send", "--channel", "C9"]) == 2
    assert "/invite @ecosys" in capsys.readouterr().err


def test_send_without_a_token_says_which_variable(
    env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    assert main(["digest", "send", "--channel", "C9"]) == 2
    assert "SLACK_BOT_TOKEN" in capsys.readouterr().err


def test_clock_once_sends_what_is_due(
    env: str, slack: SlackStub, capsys: pytest.CaptureFixture[str], engine
) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    due = now - timedelta(minutes=3)
    db = open_database(env)
    subscriptions.subscribe(
        db,
        WS,
        "C5",
        Schedule("daily", 0, due.hour, due.minute, "UTC"),
        lang="en",
        now=now - timedelta(hours=1),
    )
    db.dispose()
    assert main(["clock", "--once"]) == 0
    assert main(["clock", "--once"]) == 0
    assert [p["channel"] for p in slack.state.posts()] == ["C5"]
    assert ": sent" in capsys.readouterr().out


def test_preview_lists_only_in_domain_gaps_and_the_answers_marked_unhelpful(  # type: ignore[no-untyped-def]
    env: str, capsys: pytest.CaptureFixture[str], engine
) -> None:
    from bot.storage import feedback

    db = open_database(env)
    now = datetime.now(UTC)
    for question in ("flibbertigibbet operator for kubernetes", "今天天气怎么样", "😀😀😀", "%00", "%00"):
        query_log.record_query(db, WS, question=question, lang="en", surface="slash", result_count=0, at=now)
    voter = feedback.voter_key(team_id="T1", user_id="U1", answer_key="a")
    feedback.record_vote(
        db,
        WS,
        voter=voter,
        question="service mesh",
        lang="en",
        entry_ids=["istio", "linkerd"],
        helpful=False,
        at=now,
    )
    db.dispose()
    assert main(["digest", "preview", "--lang", "en", "--team", WS.team_id]) == 0
    out = capsys.readouterr().out
    gaps = out.split("Questions that found nothing", 1)[1].split("Answers marked unhelpful", 1)[0]
    assert "flibbertigibbet operator for kubernetes" in gaps
    assert "天气" not in gaps and "%00" not in gaps and "😀" not in gaps
    assert "Plus 4 off-topic questions" in gaps
    unhelpful = out.split("Answers marked unhelpful", 1)[1].split("What changed", 1)[0]
    assert "1. service mesh · once → Istio, Linkerd" in unhelpful
