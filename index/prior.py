"""How well known an entry is: what makes one entry a better answer than another when relevance is equal."""

from __future__ import annotations

import math

from index.model import Entry

MATURITY_PRIOR = {"graduated": 1.0, "incubating": 0.7, "sandbox": 0.2, "archived": -1.0}
CURATED = 1.0
PICKED = 0.8
"""An editor's pick in some category is better known than an entry nobody picked."""
ORGANISATION = -2.0
"""A CNCF member's or a service provider's card is not a project: it answers by name, not to a need."""
MENTIONED = 0.3


def prior(entry: Entry, *, picked: bool = False, mentions: int = 0, organisation: bool = False) -> float:
    """A small, bounded preference: curated over imported, graduated over sandbox, alive over gone."""
    # Described by hand and known to be alive (or gone, penalised below). A hand-written card whose
    # liveness nobody could check (a line copied from a third-party list) is no better known than an
    # imported one.
    value = CURATED if entry.source == "curated" and entry.status != "unknown" else 0.0
    if entry.repo:
        value += 0.3  # an open-source project, not only a company or a hosted product
    if entry.cncf is not None:
        value += MATURITY_PRIOR.get(entry.cncf.maturity, 0.0)
    if not entry.is_active:
        value -= 1.5
    if not entry.has_description:
        value -= 0.5
    if picked:
        value += PICKED
    if organisation:
        value += ORGANISATION
    # Mentioned in other entries' descriptions ("runs on Kubernetes", "exports to Prometheus").
    return value + MENTIONED * math.log1p(mentions)
