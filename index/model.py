"""The knowledge base's records as plain, immutable data.

These are what every surface receives: the CLI, the Slack blocks and the digests all render the same
``Entry`` and ``Category`` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "zh-Hant", "en"]
"""The language of a question, and so of its answer. ``zh-Hant`` answers in Traditional characters."""

STATUSES = ("active", "renamed", "archived", "acquired", "discontinued", "unknown")
"""Lifecycle of a project as of today (not its CNCF maturity, which is ``Cncf.maturity``)."""

MATURITIES = ("graduated", "incubating", "sandbox", "archived")
"""CNCF project maturity levels, as the CNCF landscape spells them."""


@dataclass(frozen=True)
class Text:
    """A piece of prose in both languages; ``zh`` is Simplified Chinese."""

    zh: str = ""
    en: str = ""

    def get(self, lang: Lang) -> str:
        """The text for ``lang``, falling back to the other language when one is empty.

        Traditional Chinese is produced by the engine (OpenCC), not stored: this returns Simplified.
        """
        if lang == "en":
            return self.en or self.zh
        return self.zh or self.en


@dataclass(frozen=True)
class Cncf:
    """CNCF facts about a project: maturity and the years it reached each level."""

    maturity: str
    accepted: int | None = None
    incubating: int | None = None
    graduated: int | None = None
    archived: int | None = None

    @property
    def since(self) -> int | None:
        """The year the project reached its current maturity (accepted, for sandbox)."""
        years = {"graduated": self.graduated, "incubating": self.incubating, "archived": self.archived}
        return years.get(self.maturity) or (self.accepted if self.maturity == "sandbox" else None)


@dataclass(frozen=True)
class Facts:
    """What people compare projects on. Each value was checked at a source, else ``unknown``."""

    license: str = "unknown"
    language: str = "unknown"
    first_release: int | str = "unknown"
    maintainer: str = "unknown"
    based_in: str = "unknown"
    """The country the maintainer (a hosted service's provider) is headquartered in."""


@dataclass(frozen=True)
class Category:
    """A group of projects that serve one need (service discovery, image registries…)."""

    id: str
    name: Text
    description: Text = Text()
    terms: tuple[str, ...] = ()
    """Words people use for this need, in both languages (服务发现, 注册中心, service registry…)."""
    landscape: tuple[str, ...] = ()
    """CNCF landscape ``Category/Subcategory`` paths whose items belong here."""
    featured: tuple[str, ...] = ()
    """Curated entry ids an editor puts first when someone asks for this category, in order."""
    popular: tuple[str, ...] = ()
    """Names of landscape items an editor puts next (used when the landscape is imported)."""
    order: int = 0
    organisations: bool = False
    """Its entries are organisations (CNCF members, service providers), not projects."""


@dataclass(frozen=True)
class Entry:
    """One project or product in the knowledge base."""

    id: str
    name: str
    category: str
    description: Text = Text()
    homepage: str = ""
    repo: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: str = "unknown"
    status_note: Text = Text()
    status_year: int | None = None
    cncf: Cncf | None = None
    related: tuple[str, ...] = ()
    """Further category ids this entry also serves (etcd: service discovery and key-value store)."""
    successors: tuple[str, ...] = ()
    """Entry ids its users went on to (``successors`` in the YAML): a project gone or renamed and what took over."""
    facts: Facts = Facts()
    strengths: Text = Text()
    tradeoffs: Text = Text()
    source_urls: tuple[str, ...] = ()
    """Where the curated facts were checked (``source_url`` in the YAML)."""
    other_descriptions: tuple[str, ...] = ()
    """What later layers say of the same project (the landscape's own line for it): searched, never shown.
    People describe a project in its own words as often as in ours."""
    source: str = "curated"
    """``curated`` for hand-written entries in the repo, ``landscape`` for imported ones."""
    file: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @property
    def has_description(self) -> bool:
        return bool(self.description.zh or self.description.en)

    @property
    def is_active(self) -> bool:
        """False when the project is gone: archived or discontinued (by its owners or the CNCF).

        A renamed or acquired product usually lives on under its new name or owner, so it stays
        active here; its status badge still says what changed.
        """
        if self.cncf is not None and self.cncf.maturity == "archived":
            return False
        return self.status not in ("archived", "discontinued")


@dataclass(frozen=True)
class Region:
    """A part of the world people ask for providers of: the words they say for it and the countries in it."""

    words: tuple[str, ...]
    countries: tuple[str, ...]
