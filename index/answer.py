"""What a search returns: what was understood, and the hits in the question's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from index.model import Category, Entry, Lang

Understood = Literal["category", "project", "comparison", "search", "nothing"]
"""How the engine read the question:

- ``category``: it names a need (服务发现) — hits are that category's entries, best first;
- ``project``: it names a project (kubernets, zookeper) — that project first, then related ones;
- ``comparison``: "A vs B" — exactly the named projects, in the order asked;
- ``search``: a descriptive question — the entries whose descriptions say it (``Answer.partial``
  when none says much of it);
- ``nothing``: the question is not about the ecosystem; see ``Answer.suggestions``.
"""


@dataclass(frozen=True)
class Hit:
    """One entry in an answer, with its texts already in the answer's language."""

    entry: Entry
    score: float
    name: str
    """The entry's name in the answer's script (阿里雲容器服務 in a Traditional answer)."""
    description: str
    """The entry's description in the answer's language; empty when the entry has none."""
    highlights: tuple[tuple[int, int], ...]
    """``(start, end)`` character spans of ``description`` that matched the question."""
    category_name: str
    status_note: str
    """Why the status is what it is (renamed to…, archived in…), in the answer's language."""


@dataclass(frozen=True)
class Answer:
    """The engine's reply to one question."""

    question: str
    lang: Lang
    understood: Understood
    hits: tuple[Hit, ...]
    total: int
    """How many hits there are in all; ``hits`` is the page ``offset``…``offset+limit``."""
    offset: int = 0
    category: Category | None = None
    """The category the question named, when ``understood == "category"``."""
    category_name: str = ""
    suggestions: tuple[str, ...] = ()
    """"Did you mean" names when nothing matched but a near name exists."""
    partial: bool = False
    """The question is about the ecosystem but no entry says much of it: these are the nearest
    matches, and a surface should say so ("closest matches")."""

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.hits) < self.total

    @property
    def found(self) -> bool:
        return bool(self.hits)
