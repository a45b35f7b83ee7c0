"""What a user typed after ``/ecosys`` (or to the bot): a sub-command or a question.

Sub-command words exist in English, Simplified and Traditional Chinese; the word chosen also says which
language to answer in. Anything that is not exactly a sub-command is a question: "help me pick a registry"
and "list of service meshes" are questions, as are unknown words.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from index.normalize import detect_lang

if TYPE_CHECKING:
    from index.answer import Answer
    from index.engine import Engine

Kind = Literal["help", "list", "show", "compare", "question", "subscription", "category"]
SubscriptionAction = Literal["subscribe", "unsubscribe", "subscriptions"]

MAX_STATE_QUESTION = 1000
"""Characters of the question kept in a button value (Slack allows 2,000; the engine reads 2,000 at most)."""

# word -> (kind, action, language); longer Chinese words first so 取消订阅 is not read as 订阅.
_WORDS: dict[str, tuple[Kind, str, str]] = {
    "help": ("help", "", "en"),
    "帮助": ("help", "", "zh"),
    "幫助": ("help", "", "zh-Hant"),
    "list": ("list", "", "en"),
    "categories": ("list", "", "en"),
    "分类": ("list", "", "zh"),
    "分類": ("list", "", "zh-Hant"),
    "show": ("show", "", "en"),
    "详情": ("show", "", "zh"),
    "詳情": ("show", "", "zh-Hant"),
    "compare": ("compare", "", "en"),
    "对比": ("compare", "", "zh"),
    "對比": ("compare", "", "zh-Hant"),
    "subscribe": ("subscription", "subscribe", "en"),
    "unsubscribe": ("subscription", "unsubscribe", "en"),
    "subscriptions": ("subscription", "subscriptions", "en"),
    "取消订阅": ("subscription", "unsubscribe", "zh"),
    "取消訂閱": ("subscription", "unsubscribe", "zh-Hant"),
    "订阅列表": ("subscription", "subscriptions", "zh"),
    "訂閱列表": ("subscription", "subscriptions", "zh-Hant"),
    "订阅": ("subscription", "subscribe", "zh"),
    "訂閱": ("subscription", "subscribe", "zh-Hant"),
}
_CJK_WORDS = sorted((w for w in _WORDS if not w.isascii()), key=len, reverse=True)
_NAME_SEPARATORS = re.compile(
    r"\s*(?:,|，|、|/|\bvs\.?(?=\s|$)|\bversus\b|\band\b|和|与|與|跟)\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class Command:
    """One parsed request: its kind, its words and the language the sub-command word implies."""

    kind: Kind
    text: str = ""
    """The question (kind ``question``), a category id (kind ``category``, only from a button) or
    everything after the sub-command word."""
    args: tuple[str, ...] = ()
    """Project names for ``show``/``compare``; the words after a subscription word."""
    action: str = ""
    """``subscribe`` | ``unsubscribe`` | ``subscriptions`` for kind ``subscription``."""
    lang: str | None = None
    """``zh`` | ``zh-Hant`` | ``en`` from the sub-command word; None for questions and empty text."""


def _split_word(text: str) -> tuple[str, str]:
    """The leading sub-command word (if any) and the rest; Chinese words need no space after them."""
    for word in _CJK_WORDS:
        if text.startswith(word):
            return word, text[len(word) :].strip()
    first, _, rest = text.partition(" ")
    return first.lower(), rest.strip()


def split_names(text: str) -> tuple[str, ...]:
    """Project names in ``etcd vs consul``, ``etcd, Docker Swarm`` or ``etcd 和 consul``.

    With an explicit separator, names may contain spaces; without one, each word is a name.
    """
    parts = [p.strip() for p in _NAME_SEPARATORS.split(text)]
    if len(parts) < 2:
        parts = text.split()
    return tuple(p for p in parts if p)


_MENTION = re.compile(r"<@[A-Za-z0-9|._-]*>|<![a-z]+(?:\|[^>]*)?>|(?<![\w.])@[\w.-]+")


def strip_mentions(text: str) -> str:
    """Remove Slack mentions (``<@U123>``, ``<!here>``) and plain ``@name`` words: the one place they go.

    Everything after the command parser (the engine, the query log) sees the question without them.
    """
    return _MENTION.sub(" ", text)


def parse_command(text: str) -> Command:
    """Read the text of a command, mention or DM (see module docstring)."""
    clean = " ".join(strip_mentions(text).split())
    if not clean:
        return Command("help")
    word, rest = _split_word(clean)
    known = _WORDS.get(word)
    if known is None:
        return Command("question", text=clean)
    kind, action, lang = known
    if kind in ("help", "list"):
        return Command(kind, lang=lang) if not rest else Command("question", text=clean)
    if kind == "subscription":
        return Command(kind, text=rest, args=tuple(rest.split()), action=action, lang=lang)
    names = split_names(rest)
    if kind == "show":
        return Command("show", text=rest, args=(rest,), lang=lang) if rest else Command("help", lang=lang)
    if len(names) >= 2:
        return Command("compare", text=rest, args=names, lang=lang)
    return Command("question", text=clean)


def encode_state(command: Command, *, offset: int = 0) -> str:
    """A button value that lets a later click redo this command (Slack gives it back verbatim)."""
    state = {"k": command.kind, "q": command.text[:MAX_STATE_QUESTION], "o": max(0, offset)}
    if command.lang:
        state["l"] = command.lang
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


class BadState(ValueError):
    """Raised when a button value is not one ``encode_state`` wrote (forged or from an old version)."""


def decode_state(value: str) -> tuple[Command, int]:
    """The command and offset a button value carries."""
    try:
        state = json.loads(value)
        kind, text, offset = state["k"], state["q"], int(state["o"])
        lang = state.get("l")
    except (ValueError, TypeError, KeyError) as exc:
        raise BadState(f"not an ecosys button value: {value[:40]!r}") from exc
    if kind not in ("question", "show", "compare", "category") or not isinstance(text, str) or offset < 0:
        raise BadState(f"not an ecosys button value: {value[:40]!r}")
    if lang not in (None, "zh", "zh-Hant", "en"):
        raise BadState(f"unknown language in button value: {lang!r}")
    if kind == "question":
        return Command("question", text=text), offset
    if kind == "category":
        return Command("category", text=text, lang=lang), offset
    parsed = parse_command(f"{kind} {text}")
    if parsed.kind != kind:
        raise BadState(f"button value does not parse as {kind}")
    return Command(kind, text=parsed.text, args=parsed.args, lang=lang), offset


MAX_ENTRIES = 10
"""Entry ids a feedback button carries (a page shows five)."""


@dataclass(frozen=True)
class Voted:
    """What a feedback button is about."""

    kind: str
    question: str
    offset: int
    lang: str
    entry_ids: tuple[str, ...]

    @property
    def answer_key(self) -> str:
        """The same question, page and entries give the same answer key, whoever asked it."""
        text = "\x1f".join([self.kind, self.question, str(self.offset), *self.entry_ids])
        return hashlib.sha256(text.encode()).hexdigest()[:32]


def encode_vote(command: Command, *, offset: int, lang: str, entry_ids: Sequence[str]) -> str:
    """The value of both feedback buttons under one answer."""
    state = {
        "k": command.kind,
        "q": command.text[:MAX_STATE_QUESTION],
        "o": max(0, offset),
        "l": lang,
        "e": list(entry_ids[:MAX_ENTRIES]),
    }
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


def decode_vote(value: str) -> Voted:
    try:
        state = json.loads(value)
        voted = Voted(str(state["k"]), state["q"], int(state["o"]), state["l"], tuple(state["e"]))
    except (ValueError, TypeError, KeyError) as exc:
        raise BadState(f"not an ecosys feedback value: {value[:40]!r}") from exc
    if not isinstance(voted.question, str) or voted.lang not in ("zh", "zh-Hant", "en"):
        raise BadState("not an ecosys feedback value")
    if not all(isinstance(e, str) for e in voted.entry_ids) or len(voted.entry_ids) > MAX_ENTRIES:
        raise BadState("not an ecosys feedback value")
    return voted


def command_lang(command: Command) -> str:
    """The language to answer in: the sub-command word's (or the button's), else the question's.

    The one place this is decided; the engine is handed the result.
    """
    if command.kind == "category":
        return command.lang or "zh"
    return command.lang or detect_lang(command.text)


def answer_command(engine: Engine, command: Command, *, limit: int, offset: int = 0) -> Answer:
    """The engine's answer to a command that asks something (not help, list or a subscription): the one
    mapping from a command to an engine call, for Slack and the terminal alike."""
    if command.kind == "category":
        lang = command_lang(command)
        return engine.category_answer(command.text, lang=lang, limit=limit, offset=offset)  # type: ignore[arg-type]
    if command.kind == "show":
        return engine.show(command.args[0], lang=command.lang)  # type: ignore[arg-type]
    if command.kind == "compare":
        return engine.compare(command.args, lang=command.lang)  # type: ignore[arg-type]
    return engine.search(command.text, limit=limit, offset=offset)
