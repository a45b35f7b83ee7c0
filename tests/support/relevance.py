"""The relevance set and its metrics: recall@5 and MRR over ``tests/relevance/*.yaml``.

Each question lists the entries a right answer must show in its top five; out-of-scope questions list
none and must be answered with nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

RELEVANCE_DIR = Path(__file__).resolve().parent.parent / "relevance"
CURATED_SETS = ("survey", "cncf-graduated", "cncf-incubating")
LANDSCAPE_SETS = ("landscape",)
K = 5


@dataclass(frozen=True)
class Question:
    q: str
    expect: tuple[str, ...]
    kind: str
    source: str


@dataclass
class Report:
    name: str
    recall: float = 0.0
    mrr: float = 0.0
    out_of_scope_ok: int = 0
    out_of_scope_total: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.name:<12} recall@{K} {self.recall:.3f}  MRR {self.mrr:.3f}  "
            f"out-of-scope empty {self.out_of_scope_ok}/{self.out_of_scope_total}"
        )


def load_questions(sets: Iterable[str]) -> list[Question]:
    questions = []
    for name in sets:
        data = yaml.safe_load((RELEVANCE_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
        for item in data["questions"]:
            questions.append(
                Question(str(item["q"]), tuple(item.get("expect") or ()), item.get("kind", ""), name)
            )
    return questions


def evaluate(name: str, questions: Sequence[Question], ranker: Callable[[str], list[str]]) -> Report:
    """``ranker(question)`` returns entry ids, best first (all of them, not only five)."""
    report = Report(name)
    recalls, reciprocal = [], []
    for question in questions:
        ids = ranker(question.q)
        if not question.expect:
            report.out_of_scope_total += 1
            if ids:
                report.misses.append(f"[out-of-scope] {question.q!r} -> {ids[:3]}")
            else:
                report.out_of_scope_ok += 1
            continue
        top = ids[:K]
        wanted = set(question.expect)
        recall = len(wanted.intersection(top)) / min(len(wanted), K)
        rank = next((i for i, e in enumerate(ids, start=1) if e in wanted), None)
        recalls.append(recall)
        reciprocal.append(1.0 / rank if rank else 0.0)
        if recall < 1.0 or rank != 1:
            report.misses.append(f"[{question.kind}] {question.q!r} want {list(question.expect)} got {top}")
    report.recall = sum(recalls) / len(recalls) if recalls else 0.0
    report.mrr = sum(reciprocal) / len(reciprocal) if reciprocal else 0.0
    return report
