"""Our Whoosh analyzer: one chain for Chinese (jieba) and English (lowercase, stop words, stemming).

Both documents and questions go through ``fold`` first (Traditional → Simplified, full-width →
half-width, lowercase), so 服務發現 meets 服务发现 and ＫＵＢＥ meets kube.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Composable, LowercaseFilter, StemFilter, StopFilter, Token, Tokenizer

from index import segment
from index.normalize import fold

_WORD = re.compile(r"[0-9a-z\u3400-\u9fff]", re.IGNORECASE)
ASCII_WORD = re.compile(r"[0-9a-z][0-9a-z+#]*")
"""A folded English word (c++ and c# included), as category terms are matched in a question."""

_STOP_TEXT = """
a an and are as at be but by can do does did done for from how i if in into is it its me my of on or our so
some than that the their them then there these they this to us was we what when where which who why
will with would you your should could any anyone tried try use using used good best better recommend
recommended recommendation suggest suggestions please tell know about there's what's vs versus
的 了 和 与 及 是 在 有 我 我们 你 你们 他 她 它 吗 呢 吧 啊 呀 么 什么 哪些 哪个 哪 怎么 怎样 如何 一个 一些
这个 那个 这些 那些 想 要 需要 做 用 使用 可以 能 能够 推荐 介绍 一下 请问 请 问 大家 有没有 求 好 好用
比较 还是 或者 或 以及 并 等 等等 就 也 都 还 又 很 更 最 被 把 对 从 给 让 为 为了 中 上 下 里
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Words that carry no content in a question about the ecosystem (filler, function words)."""


PHRASAL_VERBS = {
    (verb, particle): noun
    for forms, particle, noun in (
        (("back", "backs", "backed", "backing"), "up", "backup"),
        (("roll", "rolls", "rolled", "rolling"), "out", "rollout"),
        (("roll", "rolls", "rolled", "rolling"), "back", "rollback"),
    )
    for verb in forms
}
"""Verbs written as two words that are the ecosystem's nouns written as one, in each of their forms: "tools to
back up and restore", "backing up etcd" say backup, as "a backup operator" does."""
_BETWEEN = re.compile(r"[\s-]*")


def _split(folded: str, generation: int = 0) -> tuple[tuple[str, int, int], ...]:
    """The words of a folded text (``generation``: the dictionary version, only part of the cache key)."""
    words: list[tuple[str, int, int]] = []
    for word, start, end in segment.cut(folded):
        if not _WORD.search(word) or (len(word) == 1 and word.isascii() and word.isalpha()):
            continue  # punctuation, and stray letters such as the s of "what's"
        if words:
            previous, at, after = words[-1]
            joined = PHRASAL_VERBS.get((previous, word))
            if joined and _BETWEEN.fullmatch(folded, after, start):
                words[-1] = (joined, at, end)
                continue
        words.append((word, start, end))
    return tuple(words)


# Category words are indexed with every member (2,400 times at landscape scale), the catalog reads each
# description several ways, questions repeat: the words of a text are computed once, keyed by its folded
# form (a name as written and as folded are one entry). Jieba's dictionary only grows, and only between
# builds; ``store.build`` empties the cache when it is done, so a server keeps only its questions' words.
_cached_split = lru_cache(maxsize=65_536)(_split)


def _words(value: str) -> tuple[tuple[str, int, int], ...]:
    folded = fold(value)
    return _cached_split(folded, segment.generation) if len(folded) <= 4000 else _split(folded)


def forget_texts() -> None:
    """Drop the cached words of every text analysed so far (after a build: they were the data's)."""
    _cached_split.cache_clear()
    _cached_terms.cache_clear()


def _words_of(value: str, by_line: bool) -> Iterator[tuple[str, int, int]]:
    """The words of ``value``, from the cache where it can be. A field joins an entry's texts with line
    breaks (its descriptions, its categories' words): without offsets, each line is looked up on its own,
    so a description already cut for the catalog is not cut again. No word spans a line break."""
    lines = value.split("\n") if by_line else (value,)
    for line in lines:
        yield from _words(line)


class JiebaTokenizer(Tokenizer):
    """Cuts folded text with jieba; positions are numbered 0, 1, 2… so phrase queries work."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for word, start, end in _words_of(value, by_line=not chars):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            position += 1
            yield token


def ChineseEnglishAnalyzer() -> Composable:
    """jieba words → lowercase → stop words dropped → English stemmed (Chinese passes the stemmer)."""
    return JiebaTokenizer() | LowercaseFilter() | StopFilter(stoplist=STOP_WORDS, minsize=1) | StemFilter()


_ANALYZER = ChineseEnglishAnalyzer()


def analyze(text: str) -> list[str]:
    """The index terms of ``text``, in order (what a field or a question contributes)."""
    if len(text) > 200:
        return [t.text for t in _ANALYZER(text)]
    return list(_cached_terms(text, segment.generation))


@lru_cache(maxsize=50_000)
def _cached_terms(text: str, generation: int) -> tuple[str, ...]:
    # Questions re-analyse the same short words (names, category terms) many times over.
    return tuple(token.text for token in _ANALYZER(text))


def spans_of(text: str) -> tuple[tuple[str, int, int], ...]:
    """``(term, start, end)`` for each word of ``text``."""
    return tuple((t.text, t.startchar, t.endchar) for t in _ANALYZER(text, chars=True, positions=True))


def term_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """``spans_of`` a question, cached: a question is read more than once (its words, its outside words)."""
    return _cached_spans(text, segment.generation)


@lru_cache(maxsize=8_192)
def _cached_spans(text: str, generation: int) -> tuple[tuple[str, int, int], ...]:
    return spans_of(text)
