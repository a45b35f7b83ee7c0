"""Highlight spans: which characters of a description matched the question's terms."""

from __future__ import annotations

from array import array
from collections.abc import Set

from index.model import Lang
from index.normalize import fold, localize
from index.tokenizer import spans_of

Words = tuple[tuple[str, ...], "array[int]", "array[int]"]
"""A description's words, compactly: their index terms, start and end offsets (``words_of``)."""


def words_of(text: str) -> Words | None:
    """The words of a description as ``highlight`` reads them, computed once when the catalog is built:
    analysing a description (jieba and stemming) costs more than the rest of showing it.

    ``None`` when folding changes the text's length (rare compatibility characters): its words' offsets
    would not be the shown text's, so it is shown without spans rather than wrongly."""
    if len(fold(text)) != len(text):
        return None
    spans = spans_of(text)
    return (
        tuple(t for t, _s, _e in spans),
        array("I", (s for _t, s, _e in spans)),
        array("I", (e for _t, _s, e in spans)),
    )


def highlight(
    text: str, terms: Set[str], lang: Lang, words: Words | None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` in ``lang`` and the ``(start, end)`` spans of its words (``words``, as ``words_of`` gave them
    when the catalog was built) that are among ``terms``.

    Spans are computed on the folded text; when the Traditional conversion changes the length, the text
    is returned without spans rather than wrongly (``words_of`` checked the folding once).
    """
    shown = localize(text, lang)
    if not terms or not words or len(shown) != len(text):
        return shown, ()
    found, starts, ends = words
    spans = [(starts[i], ends[i]) for i, term in enumerate(found) if term in terms]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return shown, tuple(merged)
