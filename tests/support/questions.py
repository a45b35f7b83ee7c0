"""Many different questions, as people ask them: the relevance set's, each also asked a few other ways.

Load tests use these instead of a handful of repeated questions, which the answer cache would serve.
"""

from __future__ import annotations

from tests.support.relevance import CURATED_SETS, load_questions

FRAMES = ("{q}", "请问 {q}", "{q}?", "tell me about {q}")


def varied_questions(count: int) -> list[str]:
    """``count`` distinct questions (the curated relevance set in four framings, then numbered)."""
    base = [item.q for item in load_questions(CURATED_SETS)]
    framed = [frame.format(q=q) for frame in FRAMES for q in base]
    unique = list(dict.fromkeys(framed))
    return [unique[n] if n < len(unique) else f"{unique[n % len(unique)]} {n}" for n in range(count)]
