"""The analyzer both documents and questions go through: one set of terms for one word however it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import segment
from index.tokenizer import analyze, spans_of


@pytest.fixture(autouse=True)
def _jieba(tmp_path: Path) -> None:
    segment.configure(tmp_path)


@pytest.mark.parametrize(
    ("written", "as_one"),
    [
        ("tools to back up and restore a cluster", "backup and restore a cluster"),
        ("back-up the volumes", "backup the volumes"),
        ("roll out a canary, then roll back", "rollout a canary, then rollback"),
        ("给集群 back up 一下", "给集群 backup 一下"),
        ("backing up etcd, it backs up nightly", "backup etcd, it backup nightly"),
        ("we rolled back after rolling out", "we rollback after rollout"),
    ],
)
def test_a_phrasal_verb_is_the_noun_written_as_one_word(written: str, as_one: str) -> None:
    """ "Velero gives you tools to back up and restore" says backup, as "a backup operator" does."""
    assert [t for t in analyze(written) if t != "tool"] == analyze(as_one)


def test_the_joined_word_spans_both_words_as_written() -> None:
    """Highlighting marks "back up" in the shown text, not a shorter span."""
    assert ("backup", 9, 16) in spans_of("tools to back up and restore")


def test_only_the_two_words_together_are_joined() -> None:
    assert analyze("come back, up next") == ["come", "back", "up", "next"]
    assert "backup" not in analyze("back the project up")
