"""``index.regions``: where a provider is based, as the words a question says for it."""

from __future__ import annotations

from index.model import Entry, Facts, Region
from index.regions import region_words

EUROPE = Region(words=("欧洲", "europe", "european"), countries=("France", "United Kingdom"))


def _based_in(country: str) -> Entry:
    return Entry(id="x", name="X", category="certified-kubernetes-hosted", facts=Facts(based_in=country))


def test_a_provider_is_found_by_its_country_and_its_regions_words() -> None:
    assert region_words(_based_in("France"), [EUROPE]) == ("France", "欧洲", "europe", "european")


def test_a_country_of_several_words_says_only_its_region() -> None:
    assert region_words(_based_in("United Kingdom"), [EUROPE]) == ("欧洲", "europe", "european")


def test_an_unknown_or_unlisted_country_says_nothing_of_a_region() -> None:
    assert region_words(_based_in("unknown"), [EUROPE]) == ()
    assert region_words(_based_in("Japan"), [EUROPE]) == ("Japan",)
