"""Highlight spans: which characters of a description matched the question's terms."""

from __future__ import annotations

from collections.abc import Set

from index.model import Lang
from index.normalize import fold, localize
from index.tokenizer import term_spans


def highlight(text: str, terms: Set[str], lang: Lang) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` in ``lang`` and the ``(start, end)`` spans of its words that are among ``terms``.

    Spans are computed on the folded text; when folding or the Traditional conversion changes the
    length (rare compatibility characters), the text is returned without spans rather than wrongly.
    """
    shown = localize(text, lang)
    if not terms or not text or len(fold(text)) != len(text) or len(shown) != len(text):
        return shown, ()
    spans = [(start, end) for term, start, end in term_spans(text) if term in terms]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return shown, tuple(merged)
