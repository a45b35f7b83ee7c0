"""Feedback votes: one per voter and answer, no user id kept, reported as unhelpful answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.storage import feedback
from bot.storage.schema import Workspace

NOW = datetime(2024, 3, 6, 12, 0, tzinfo=UTC)


def _vote(db: Engine, user: str, answer: str, *, helpful: bool = False, team: str = "T1", at=NOW) -> bool:  # type: ignore[no-untyped-def]
    voter = feedback.voter_key(team_id=team, user_id=user, answer_key=answer)
    return feedback.record_vote(
        db, Workspace(team), voter=voter, question=" Service  Mesh ", lang="en",
        entry_ids=["istio", "linkerd"], helpful=helpful, at=at,
    )  # fmt: skip


def test_one_vote_per_person_and_answer(db: Engine) -> None:
    assert _vote(db, "U1", "a1") is True
    assert _vote(db, "U1", "a1") is False
    assert _vote(db, "U1", "a1", helpful=True) is False  # changing one's mind is not a second vote
    assert _vote(db, "U2", "a1") is True
    assert _vote(db, "U1", "a2") is True
    assert _vote(db, "U1", "a1", team="T2") is True  # another workspace, another person
    (marked,) = feedback.unhelpful_answers(
        db, Workspace("T1"), since=NOW - timedelta(days=7), until=NOW + timedelta(seconds=1)
    )
    assert (marked.question, marked.count, marked.entries) == ("service mesh", 3, ("istio", "linkerd"))
    other = feedback.unhelpful_answers(
        db, Workspace("T2"), since=NOW - timedelta(days=7), until=NOW + timedelta(seconds=1)
    )
    assert other[0].count == 1  # each workspace sees only its own votes


def test_no_user_id_is_stored_and_old_votes_are_purged(db: Engine) -> None:
    _vote(db, "USECRET1", "a1", at=NOW - timedelta(days=100))
    _vote(db, "USECRET2", "a1")
    with db.connect() as conn:
        rows = conn.execute(feedback.feedback_votes.select()).mappings().all()
    assert not any("USECRET" in str(value) for row in rows for value in row.values())
    assert feedback.purge(db, keep_days=90, now=NOW) == 1
    assert (
        feedback.unhelpful_answers(
            db, Workspace("T1"), since=NOW - timedelta(days=1), until=NOW + timedelta(seconds=1)
        )[0].count
        == 1
    )
