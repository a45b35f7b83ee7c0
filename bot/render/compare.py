"""The rows a comparison shows for two projects, decided once for Slack and the terminal alike.

Each row is a label and one value per project: what people compare on (category, status, CNCF maturity,
licence, main language, first release, who maintains it) and, where the editors wrote them, one line each of
strengths and trade-offs. Facts nobody could verify read "unknown" rather than being left out, so the two
columns stay aligned and the reader sees what is not known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.render import messages
from bot.render.badges import joined, labels
from index.answer import Hit
from index.model import Entry, Lang
from index.normalize import localize


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[str, ...]


def _status(entry: Entry, lang: Lang) -> str:
    return joined(labels(lang, status=entry.status, always_status=True))


def _cncf(entry: Entry, lang: Lang) -> str:
    if entry.cncf is None:
        return "—"
    return joined(labels(lang, status="active", maturity=entry.cncf.maturity, year=entry.cncf.since))


def _fact(value: object, lang: Lang) -> str:
    text = str(value)
    return messages.unknown_fact(lang) if text == "unknown" else text


def comparison_rows(hits: Sequence[Hit], lang: Lang) -> list[Row]:
    """Rows for the compared projects, in the order a reader scans them; prose rows only when any has one."""
    entries = [hit.entry for hit in hits]
    rows = [
        Row(messages.category_label(lang), tuple(hit.category_name or hit.entry.category for hit in hits)),
        Row(messages.status_label_title(lang), tuple(_status(e, lang) for e in entries)),
        Row("CNCF", tuple(_cncf(e, lang) for e in entries)),
        Row(messages.license_label(lang), tuple(_fact(e.facts.license, lang) for e in entries)),
        Row(messages.language_label(lang), tuple(_fact(e.facts.language, lang) for e in entries)),
        Row(messages.first_release_label(lang), tuple(_fact(e.facts.first_release, lang) for e in entries)),
        Row(messages.maintainer_label(lang), tuple(_fact(e.facts.maintainer, lang) for e in entries)),
    ]
    if any(e.facts.based_in != "unknown" for e in entries):  # said of providers; projects rarely have one
        rows.append(Row(messages.based_in_label(lang), tuple(_fact(e.facts.based_in, lang) for e in entries)))
    for label, texts in (
        (messages.strengths_label(lang), [e.strengths for e in entries]),
        (messages.tradeoffs_label(lang), [e.tradeoffs for e in entries]),
    ):
        if any(t.zh or t.en for t in texts):
            rows.append(Row(label, tuple(localize(t.get(lang), lang) or "—" for t in texts)))
    return rows
