"""Text normalisation shared by documents and questions: one folding, so both sides meet.

``fold`` is what the tokenizer sees: NFKC (full-width → half-width), Traditional → Simplified (OpenCC),
lowercase, no control or bidi characters. ``detect_lang`` decides the answer's language from the raw
question; ``localize`` turns Simplified answer text into Traditional for a Traditional question.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from index.model import Lang

MAX_QUESTION_CHARS = 2000
"""Questions are cut here before any work: nobody asks a 50 kB question, and the engine stays fast."""

_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[a-zA-Z]")

_lock = threading.Lock()


@lru_cache(maxsize=4)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    converter = _converter(config)
    with _lock:  # the OpenCC binding is not documented as thread-safe
        return converter.convert(text)


def to_simplified(text: str) -> str:
    """Traditional → Simplified with mainland wording (OpenCC ``tw2sp``: 網路 → 网络, 作業系統 → 操作系统).

    Word-level, not only character-level, so Taiwan phrasing meets the Simplified descriptions;
    Simplified text passes through unchanged.
    """
    return _convert("tw2sp", text) if _CJK.search(text) else text


def _visible(text: str) -> str:
    if text.isprintable():  # no character of the invisible categories (the common case, checked in C)
        return text
    return "".join(" " if unicodedata.category(ch) in _INVISIBLE and ch not in "\t\n" else ch for ch in text)


def fold(text: str) -> str:
    """The canonical form every indexed or searched text goes through (see module docstring)."""
    return _fold(text) if len(text) <= 200 else _folded(text)


@lru_cache(maxsize=16_384)
def _fold(text: str) -> str:
    # Names, category words and short descriptions are folded again and again (at build and per question).
    return _folded(text)


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _visible(text)
    text = to_simplified(text)
    return _SPACES.sub(" ", text.lower()).strip()


def normalize_question(text: str) -> str:
    """A question as the query log stores it: folded, length capped."""
    return fold(text[:MAX_QUESTION_CHARS])[:500]


def detect_lang(text: str) -> Lang:
    """``en`` without Chinese characters, ``zh-Hant`` when Traditional characters dominate, else ``zh``."""
    sample = unicodedata.normalize("NFKC", text[:MAX_QUESTION_CHARS])
    han = _CJK.findall(sample)
    if not han:
        return "en"
    chars = "".join(han)
    simplified = _convert("t2s", chars)  # character level, so the two strings align
    changed = sum(1 for a, b in zip(chars, simplified, strict=False) if a != b)
    if changed == 0:
        return "zh"
    # A Traditional-only character is decisive unless the text is mostly Simplified-only characters.
    simplified_only = sum(1 for ch in chars if _convert("s2t", ch) != ch)
    return "zh-Hant" if changed >= simplified_only else "zh"


def localize(text: str, lang: Lang) -> str:
    """Simplified → Traditional for a Traditional question; else unchanged.

    OpenCC ``s2twp``: Taiwan's standard characters and wording (為, 叢集, 網路, 軟體), the Traditional that
    our own hand-written texts use (專案), rather than ``s2t``'s dictionary forms (爲, 集羣).
    """
    if lang == "zh-Hant" and _CJK.search(text):
        return _convert("s2twp", text)
    return text


def has_latin(text: str) -> bool:
    return bool(_LATIN.search(text))
