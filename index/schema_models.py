"""The knowledge-base file format, as pydantic models: what ``ecosys data check`` enforces.

Files are hand-edited, so every rule here must produce a message a person can act on; the loader
attaches file and line to each.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal
from urllib.parse import urlparse

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)

from index.model import MATURITIES, STATUSES

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("must be a lowercase slug: letters, digits and dashes (e.g. service-discovery)")
    return value


def _check_url(value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in value:
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value


def _check_status(value: str) -> str:
    if value not in STATUSES:
        raise ValueError(f"{value!r} is not a status; use one of: {', '.join(STATUSES)}")
    return value


def _check_maturity(value: str) -> str:
    if value not in MATURITIES:
        raise ValueError(f"{value!r} is not a CNCF maturity; use one of: {', '.join(MATURITIES)}")
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


Id = Annotated[StrictStr, AfterValidator(_check_id)]
Url = Annotated[StrictStr, AfterValidator(_check_url)]
Word = Annotated[StrictStr, AfterValidator(_non_blank)]
Year = Annotated[StrictInt, Field(ge=1990, le=2100)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BilingualRequired(Strict):
    zh: Word
    en: Word


class BilingualOptional(Strict):
    zh: StrictStr = ""
    en: StrictStr = ""


class CncfModel(Strict):
    maturity: Annotated[StrictStr, AfterValidator(_check_maturity)]
    accepted: Year | None = None
    incubating: Year | None = None
    graduated: Year | None = None
    archived: Year | None = None


def _check_license(value: str) -> str:
    value = value.strip()
    if not value or " " in value.replace(" OR ", "").replace(" AND ", "").replace(" WITH ", ""):
        raise ValueError(f"{value!r} is not an SPDX licence id (e.g. Apache-2.0, MIT) or 'unknown'")
    return value


License = Annotated[StrictStr, AfterValidator(_check_license)]


class FactsModel(Strict):
    """The facts people compare projects on; each one checked at a source, or ``unknown``."""

    license: License = "unknown"
    language: Word = "unknown"
    first_release: Year | Literal["unknown"] = "unknown"
    maintainer: Word = "unknown"
    based_in: Word = "unknown"
    """The country where the maintainer (for a hosted service, its provider) is headquartered: one that a region of
    the lexicon lists (``RegionModel.countries``)."""


class CategoryModel(Strict):
    id: Id
    name: BilingualRequired
    description: BilingualRequired
    terms: list[Word] = []
    landscape: list[Word] = []
    featured: list[Id] = []
    popular: list[Word] = []
    order: StrictInt = 0
    organisations: bool = False
    """Its items are organisations (CNCF members, service providers), not projects: they answer by name only."""


class EntryModel(Strict):
    id: Id
    name: Word
    category: Id
    related: list[Id] = []
    successors: list[Id] = []
    """The entries its users went on to, as its status note says (kube-lego → cert-manager, Promtail → Grafana
    Alloy): asked whether it still stands or what replaced it, they are the rest of the answer."""
    homepage: Url
    repo: Url | None = None
    aliases: list[Word] = []
    tags: list[Word] = []
    description: BilingualRequired
    status: Annotated[StrictStr, AfterValidator(_check_status)]
    status_note: BilingualRequired | None = None
    status_year: Year | None = None
    cncf: CncfModel | None = None
    facts: FactsModel | None = None
    strengths: BilingualRequired | None = None
    tradeoffs: BilingualRequired | None = None
    source_url: list[Url] = []
    """Where the entry's facts were checked (landscape file, repository, project site)."""

    @field_validator("source_url", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class ImportedEntryModel(EntryModel):
    """An entry written by the landscape importer: descriptions and status may be missing."""

    description: BilingualOptional = BilingualOptional()
    status: Annotated[StrictStr, AfterValidator(_check_status)] = "unknown"


class OwnWordsModel(Strict):
    """How a project describes itself in its own repository, in Chinese, English or both: searched,
    never shown (the card's description is ours). It gives a question the words the project's own
    community uses, which other texts (lists, blogs) copy."""

    id: Id
    zh: Word | None = None
    en: Word | None = None
    source_url: Annotated[list[Url], Field(min_length=1)]
    """The file and commit the words were read from."""

    @field_validator("source_url", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _says_something(self) -> OwnWordsModel:
        if not (self.zh or self.en):
            raise ValueError("needs zh or en: the project's own words")
        return self

    @property
    def texts(self) -> list[str]:
        return [t for t in (self.zh, self.en) if t]


class RegionModel(Strict):
    """A part of the world people ask for providers of ("European clouds", 歐洲的雲): the words they say for it
    and the countries in it, which an entry's ``facts.based_in`` names."""

    words: Annotated[list[Word], Field(min_length=1)]
    countries: Annotated[list[Word], Field(min_length=1)]


class FileModel(Strict):
    """One data file: any of categories, entries, own words, lexicon, vendors and regions; ``source: landscape`` for
    imports."""

    source: StrictStr = "curated"
    categories: list[dict] = []
    entries: list[dict] = []
    own_words: list[dict] = []
    lexicon: list[Annotated[list[Word], Field(min_length=2)]] = []
    vendors: list[Annotated[list[Word], Field(min_length=1)]] = []
    """Clouds and companies, one group of their names each: lexicon groups that also say whose services are whose."""
    regions: list[dict] = []
    """Parts of the world (``RegionModel``), each checked on its own so a broken one names its line."""
