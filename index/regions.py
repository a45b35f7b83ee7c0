"""Where a provider is based, as words a question says: "European providers of managed Kubernetes", 歐洲本土的雲廠商.

An entry's ``facts.based_in`` names a country (checked at a source, as every fact is); the lexicon's regions
(``data/lexicon.yaml``, ``regions:``) say which part of the world each country is in and the words people use for
it. The entry is searched by those words and its country, as it is by its tags; a comparison shows the country
among the facts compared.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.model import Entry, Region


def region_words(entry: Entry, regions: Sequence[Region]) -> tuple[str, ...]:
    """The country ``entry`` is based in and the words of every region that lists it; none when unknown. A country
    of several words is left out: its words alone say something else ("United Kingdom": unit tests, kingdoms)."""
    country = entry.facts.based_in
    if country == "unknown":
        return ()
    own = (country,) if " " not in country else ()
    return (*own, *(w for region in regions if country in region.countries for w in region.words))
