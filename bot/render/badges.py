"""The one badge rule: which short status words go beside a project's name, for Slack, the terminal and
the digest alike.

A lifecycle change (archived, renamed, acquired, discontinued) comes first because it changes what a
reader should do; the CNCF maturity follows, with the year it was reached.
"""

from __future__ import annotations

from bot.render import messages
from index.model import Entry

QUIET_STATUSES = ("active", "unknown")
"""Statuses that earn no badge: the ordinary case, and the case we know nothing about."""


def labels(
    lang: str, *, status: str, maturity: str = "", year: int | None = None, always_status: bool = False
) -> tuple[str, ...]:
    """The badges for a project in ``status`` at CNCF ``maturity`` (empty: not a CNCF project).

    ``always_status`` shows the lifecycle even when it is ordinary (a digest's "before → after").
    """
    out: list[str] = []
    if always_status or status not in QUIET_STATUSES:
        out.append(messages.status_label(lang, status))
    if maturity:
        out.append(messages.maturity_label(lang, maturity, None if maturity == "archived" else year))
    return tuple(out)


def entry_badges(entry: Entry, lang: str) -> tuple[str, ...]:
    """The badges shown beside ``entry``'s name."""
    cncf = entry.cncf
    return labels(
        lang,
        status=entry.status,
        maturity=cncf.maturity if cncf else "",
        year=cncf.since if cncf else None,
    )


def joined(badges: tuple[str, ...]) -> str:
    """Badges as one string, the way every surface shows them."""
    return " · ".join(badges)
