"""Importing a CNCF ``landscape.yml`` as knowledge-base YAML, one file per category, written atomically.

The landscape is a tree: categories → subcategories → items. Each landscape subcategory belongs to one of our
categories (the ``landscape:`` paths of the categories in the repo's ``data/``). An item listed in several
subcategories (its ``second_path``, or a second copy of it such as ``Istio (Wasm)``) becomes one entry whose
other categories are ``related``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from index.errors import LandscapeError
from index.kb_yaml import render_entries
from index.merge import name_key
from index.model import MATURITIES, Category, Cncf, Entry, Text

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MARKER = ".ecosys-landscape"
"""File that marks a directory as written by the importer, so replacing it never deletes anything else."""

HEADER = "Imported from the CNCF landscape by `ecosys data import-landscape`: regenerated, do not edit."

# Parenthesised name parts that say what kind of card an item is, not what the project is called.
_QUALIFIERS = frozenset({"member", "supporter", "contributor", "kcsp", "kcntp", "wasm"})
# A card that is another view of a project listed elsewhere (``Envoy (Wasm)``): folded into that project.
_FOLDED_QUALIFIERS = frozenset({"wasm"})
# Words of repository names that name no project (``sdk-python``, ``gateway``): as aliases they would
# match unrelated questions, so a repository name made only of these is not an alias.
_GENERIC_WORDS_TEXT = (
    "agent agents api app bundle charts cli community controller core dev docs engine gateway go "
    "guardrails helm infra io java js main mesh monorepo one operator pipeline pipelines platform project proxy python reader runtime sdk server spec ui website"
)
_GENERIC_REPO_WORDS = frozenset(_GENERIC_WORDS_TEXT.split())
_PARENS = re.compile(r"\s*\(([^()]*)\)")
_DATE = re.compile(r"^(\d{4})-\d{2}-\d{2}")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LandscapePath:
    """A landscape ``Category / Subcategory``, compared without case or spacing differences."""

    category: str
    subcategory: str

    @classmethod
    def parse(cls, text: str) -> LandscapePath | None:
        category, sep, subcategory = text.partition("/")
        return cls(category.strip(), subcategory.strip()) if sep and category.strip() else None

    @property
    def key(self) -> tuple[str, str]:
        """Case, spacing and ``&``/``and`` ignored: the landscape's own cross-references vary in these."""
        return _fold(self.category.replace("&", "and")), _fold(self.subcategory.replace("&", "and"))

    def __str__(self) -> str:
        return f"{self.category} / {self.subcategory}"


@dataclass(frozen=True)
class LandscapeItem:
    """One validated landscape item, where it was found, and the facts the importer uses."""

    where: str
    path: LandscapePath
    name: str
    homepage: str
    repo: str = ""
    description: str = ""
    maturity: str | None = None
    years: Mapping[str, int] = field(default_factory=dict)
    second_paths: tuple[LandscapePath, ...] = ()
    summary_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What one import did: counts, and the ids added, changed and removed since the previous import."""

    out_dir: Path
    items: int
    entries: int
    files: int
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    """Landscape inconsistencies skipped, e.g. a ``second_path`` naming no subcategory of ours."""

    def summary(self) -> str:
        """A few lines for people: counts, then the ids that changed (the first twenty of each kind)."""
        lines = [
            f"Imported {self.items} landscape items as {self.entries} entries in {self.files} files "
            f"into {self.out_dir}.",
            f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed.",
        ]
        lines += [f"  warning: {warning}" for warning in self.warnings]
        for label, ids in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
            if ids:
                more = f" … (+{len(ids) - 20})" if len(ids) > 20 else ""
                lines.append(f"  {label}: {', '.join(ids[:20])}{more}")
        return "\n".join(lines)


def import_landscape(
    path: Path,
    *,
    out_dir: Path,
    categories: Mapping[str, Category] | Iterable[Category],
    served: bytes | None = None,
) -> ImportReport:
    """Convert the landscape file at ``path`` into one YAML file per category id in ``out_dir``.

    The new files are written into a temporary directory beside ``out_dir`` and swapped in only when all
    are written, so a failure leaves the previous import as it was. Raises ``LandscapeError`` naming the
    item at fault, or the subcategories no category claims.
    """
    return import_landscape_source(
        _read_bytes(path), name=str(path), out_dir=out_dir, categories=categories, served=served
    )


def import_landscape_source(
    source: bytes,
    *,
    name: str,
    out_dir: Path,
    categories: Mapping[str, Category] | Iterable[Category],
    served: bytes | None = None,
) -> ImportReport:
    """``import_landscape`` for a file already in memory (a download); ``name`` is used in messages.

    ``served`` is the landscape file served until now when there is no previous import (the shipped
    snapshot): what was added, changed and removed is counted against it.
    """
    items = parse_landscape(source, name=name)
    entries, warnings = build_entries(items, categories)
    if out_dir.exists() and not _is_import_dir(out_dir):
        raise LandscapeError(
            f"{out_dir} holds files the importer did not write (no {MARKER}): "
            "choose a new or empty directory with --out."
        )
    previous = _read_previous(out_dir)
    if not previous and served is not None:
        served_entries, _ = build_entries(parse_landscape(served, name="the served landscape"), categories)
        previous = _parsed(_entry_files(served_entries))
    files = _entry_files(entries)
    files[MARKER] = _marker_text(source, len(items), len(entries))
    _replace_dir(out_dir, files)

    current = _parsed(files)
    return ImportReport(
        out_dir=out_dir,
        items=len(items),
        entries=len(entries),
        files=len(files) - 1,
        added=tuple(sorted(current.keys() - previous.keys())),
        changed=tuple(sorted(i for i in current.keys() & previous.keys() if current[i] != previous[i])),
        removed=tuple(sorted(previous.keys() - current.keys())),
        warnings=tuple(warnings),
    )


def _entry_files(entries: Sequence[Entry]) -> dict[str, str]:
    """One YAML file per category id, as the importer writes them."""
    by_file: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.id):
        by_file.setdefault(entry.category, []).append(entry)
    return {
        f"{category}.yaml": render_entries(group, header=HEADER, source="landscape")
        for category, group in by_file.items()
    }


def _parsed(files: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    return {
        entry["id"]: entry for text in files.values() if text.startswith("#") for entry in _entries_in(text)
    }


def read_landscape(path: Path) -> list[LandscapeItem]:
    """The validated items of the landscape file at ``path``; raises ``LandscapeError``."""
    return parse_landscape(_read_bytes(path), name=str(path))


def parse_landscape(source: bytes | str, *, name: str = "landscape file") -> list[LandscapeItem]:
    """Parse and validate a landscape document; raises ``LandscapeError`` naming the first bad item."""
    try:
        document = yaml.load(source, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise LandscapeError(f"{name} is not valid YAML{where}: {getattr(exc, 'problem', exc)}") from exc
    if document is None:
        raise LandscapeError(f"{name} is empty: expected a `landscape:` list of categories.")
    if not isinstance(document, dict) or not isinstance(document.get("landscape"), list):
        raise LandscapeError(f"{name} has no `landscape:` list of categories: is it a CNCF landscape.yml?")
    items: list[LandscapeItem] = []
    for c_number, category in enumerate(document["landscape"], start=1):
        c_name = _required_str(category, "name", f"category {c_number}")
        subcategories = _list(category, "subcategories", c_name, required=True)
        for s_number, subcategory in enumerate(subcategories, start=1):
            s_name = _required_str(subcategory, "name", f"{c_name} / subcategory {s_number}")
            path = LandscapePath(c_name, s_name)
            for i_number, raw in enumerate(_list(subcategory, "items", str(path)), start=1):
                items.append(_parse_item(raw, path, i_number))
    return items


def build_entries(
    items: Sequence[LandscapeItem], categories: Mapping[str, Category] | Iterable[Category]
) -> tuple[list[Entry], list[str]]:
    """One entry per project, in the category claiming its landscape path; ids unique and stable.

    Every subcategory holding items must be claimed by a category (``LandscapeError`` otherwise). A
    ``second_path`` no category claims is only a warning: the landscape refers to subcategories it has
    since renamed ("Serverless / Installable Platforms"), and the item is still imported in its first path.
    """
    category_of = _category_index(categories)
    unclaimed = sorted({str(item.path) for item in items if item.path.key not in category_of})
    warnings = [
        f"{item.where}: second_path {str(p)!r} is not a subcategory any category claims; ignored"
        for item in items
        for p in item.second_paths
        if p.key not in category_of
    ]
    if unclaimed:
        raise LandscapeError(
            f"{len(unclaimed)} landscape subcategories have no category: {'; '.join(unclaimed)}. "
            "Add each as `Category/Subcategory` to the `landscape:` list of a category in data/categories/."
        )
    groups: dict[str, list[LandscapeItem]] = {}
    for item in items:
        groups.setdefault(project_key(item.name), []).append(item)
    ids = _assign_ids(groups)
    entries = [_entry(ids[key], group, category_of) for key, group in groups.items()]
    # A repository named after another project (openshift/kubernetes) is a fork, not another name.
    names = {name_key(entry.name) for entry in entries}
    return [_without_foreign_aliases(entry, names) for entry in entries], warnings


def read_categories(data_dirs: Sequence[Path]) -> dict[str, Category]:
    """The categories (id, names, landscape paths) defined in the ``*.yaml`` files of ``data_dirs``."""
    found: dict[str, Category] = {}
    for data_dir in data_dirs:
        for file in sorted(data_dir.rglob("*.yaml")) if data_dir.is_dir() else ():
            document = yaml.load(file.read_bytes(), Loader=_Loader)
            raw_categories = document.get("categories") if isinstance(document, dict) else None
            for raw in raw_categories if isinstance(raw_categories, list) else ():
                if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"] not in found:
                    name = raw.get("name") if isinstance(raw.get("name"), dict) else {}
                    found[raw["id"]] = Category(
                        id=raw["id"],
                        name=Text(zh=str(name.get("zh", "")), en=str(name.get("en", ""))),
                        landscape=tuple(str(p) for p in raw.get("landscape") or ()),
                    )
    return found


def landscape_entry(item: LandscapeItem, *, category: str = "") -> Entry:
    """The entry one landscape item describes on its own (no category needed to compare facts)."""
    return _entry(slugify(item.name), [item], {}, category=category)


def slugify(name: str) -> str:
    """A lowercase ASCII id for ``name``: ``Open Policy Agent (OPA)`` → ``open-policy-agent-opa``."""
    text = name.replace("+", " plus ").replace("#", " sharp ").replace("Æ", "AE").replace("æ", "ae")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def aliases_for(name: str, repo: str = "") -> tuple[str, ...]:
    """Other names a project goes by: ``Open Policy Agent (OPA)`` → OPA, Open Policy Agent; the repo name."""
    aliases: list[str] = []
    parts = [p.strip() for p in _PARENS.findall(name)]
    base = _PARENS.sub("", name).strip()
    is_card = any(p.casefold() in _QUALIFIERS for p in parts)
    for part in parts:
        if part and part.casefold() not in _QUALIFIERS:
            aliases.append(part.removeprefix("formerly ").strip())
    if parts and base and not is_card:
        aliases.append(base)
    repo_name = repo.rstrip("/").removesuffix(".git").rsplit("/", 1)[-1] if repo else ""
    words = [w for w in re.split(r"[-_.]+", repo_name.casefold()) if w and w not in _GENERIC_REPO_WORDS]
    if len(repo_name) > 2 and words and "".join(words) not in name_key(name):
        aliases.append(repo_name)
    unique: dict[str, str] = {}
    for alias in aliases:
        unique.setdefault(alias.casefold(), alias)
    return tuple(a for key, a in unique.items() if a and key != name.casefold())


def _parse_item(raw: Any, path: LandscapePath, number: int) -> LandscapeItem:
    label = f"{path} / item {number}"
    if not isinstance(raw, dict):
        raise LandscapeError(f"{label}: expected a mapping with name and homepage_url, got {_kind(raw)}")
    name = raw.get("name")
    if isinstance(name, str) and name.strip():
        label = f'{label} ("{name.strip()}")'
    name = _required_str(raw, "name", label)
    homepage = _url(raw, "homepage_url", label, required=True)
    maturity = raw.get("project")
    if maturity is not None and maturity not in MATURITIES:
        raise LandscapeError(f"{label}: project {maturity!r} is not one of {', '.join(MATURITIES)}")
    extra = raw.get("extra") or {}
    if not isinstance(extra, dict):
        raise LandscapeError(f"{label}: extra must be a mapping, got {_kind(extra)}")
    description = raw.get("description")
    if description is not None and not isinstance(description, str):
        raise LandscapeError(f"{label}: description must be text, got {_kind(description)}")
    second = []
    for text in _list(raw, "second_path", label):
        parsed = LandscapePath.parse(text) if isinstance(text, str) else None
        if parsed is None:
            raise LandscapeError(f"{label}: second_path {text!r} is not `Category / Subcategory`")
        second.append(parsed)
    tags = extra.get("summary_tags")
    return LandscapeItem(
        where=label,
        path=path,
        name=name,
        homepage=homepage,
        repo=_url(raw, "repo_url", label, required=False),
        description=_clean(description or ""),
        maturity=maturity,
        years=_years(extra, label) if maturity else {},
        second_paths=tuple(second),
        summary_tags=tuple(t.strip() for t in tags.split(",") if t.strip()) if isinstance(tags, str) else (),
    )


def _entry(
    entry_id: str,
    group: Sequence[LandscapeItem],
    category_of: Mapping[tuple[str, str], str],
    category: str = "",
) -> Entry:
    first = group[0]
    paths = list(dict.fromkeys(p for item in group for p in (item.path, *item.second_paths)))
    paths = [p for p in paths if p.key in category_of] or paths
    ids = list(dict.fromkeys(category_of[p.key] for p in paths if p.key in category_of)) or [category]
    cncf_item = next((item for item in group if item.maturity), None)
    description = next((item.description for item in group if item.description), "")
    tags = [w.lower() for p in paths for w in (p.subcategory, p.category)]
    tags += [t.lower() for item in group for t in item.summary_tags]
    aliases = [a for item in group for a in aliases_for(item.name, item.repo)]
    cncf = _cncf(cncf_item) if cncf_item else None
    archived = cncf is not None and cncf.maturity == "archived"
    return Entry(
        id=entry_id,
        name=first.name,
        category=ids[0],
        related=tuple(ids[1:]),
        homepage=first.homepage,
        repo=next((item.repo for item in group if item.repo), ""),
        aliases=tuple({a.casefold(): a for a in reversed(aliases) if a != first.name}.values())[::-1],
        tags=tuple(dict.fromkeys(tags)),
        description=Text(en=description),
        # The landscape only says a project is alive when the CNCF vouches for it (incubating, graduated).
        status="archived" if archived else "active" if cncf and cncf.maturity != "sandbox" else "unknown",
        status_note=_archived_note(cncf.archived) if archived and cncf else Text(),
        status_year=cncf.archived if archived and cncf else None,
        cncf=cncf,
        source="landscape",
    )


def _without_foreign_aliases(entry: Entry, names: set[str]) -> Entry:
    kept = tuple(alias for alias in entry.aliases if name_key(alias) not in names)
    return entry if kept == entry.aliases else replace(entry, aliases=kept)


def _cncf(item: LandscapeItem) -> Cncf:
    return Cncf(maturity=str(item.maturity), **{level: item.years.get(level) for level in _LEVELS})


_LEVELS = ("accepted", "incubating", "graduated", "archived")


def _archived_note(year: int | None) -> Text:
    if year is None:
        return Text(zh="已被 CNCF 归档", en="Archived by the CNCF")
    return Text(zh=f"{year} 年被 CNCF 归档", en=f"Archived by the CNCF in {year}")


def _years(extra: Mapping[str, Any], label: str) -> dict[str, int]:
    years: dict[str, int] = {}
    for level in _LEVELS:
        value = extra.get(level)
        if value is None:
            continue
        if isinstance(value, dt.date):
            years[level] = value.year
            continue
        match = _DATE.match(value) if isinstance(value, str) else None
        if match is None:
            raise LandscapeError(f"{label}: extra.{level} {value!r} is not a date (YYYY-MM-DD)")
        years[level] = int(match.group(1))
    return years


def _category_index(categories: Mapping[str, Category] | Iterable[Category]) -> dict[tuple[str, str], str]:
    values = categories.values() if isinstance(categories, Mapping) else categories
    index: dict[tuple[str, str], str] = {}
    for category in values:
        for text in category.landscape:
            path = LandscapePath.parse(text)
            if path is None:
                raise LandscapeError(
                    f"category {category.id}: landscape path {text!r} is not Category/Subcategory"
                )
            owner = index.setdefault(path.key, category.id)
            if owner != category.id:
                raise LandscapeError(f"landscape path {text!r} is claimed by both {owner} and {category.id}")
    return index


def project_key(name: str) -> str:
    """Names of the same project: case and spacing ignored, and a folded qualifier dropped (Envoy (Wasm))."""
    for part in _PARENS.findall(name):
        if part.strip().casefold() in _FOLDED_QUALIFIERS:
            name = name.replace(f"({part})", "")
    return _fold(name)


def _assign_ids(groups: Mapping[str, Sequence[LandscapeItem]]) -> dict[str, str]:
    """Slug ids; when names slug alike, the first by (name, homepage) keeps the slug, the others get -2…"""
    by_slug: dict[str, list[str]] = {}
    for key, group in groups.items():
        by_slug.setdefault(slugify(group[0].name) or _host_slug(group[0].homepage), []).append(key)
    ids: dict[str, str] = {}
    taken = set(by_slug)
    for slug, keys in by_slug.items():
        ordered = sorted(keys, key=lambda k: (groups[k][0].name, groups[k][0].homepage))
        ids[ordered[0]] = slug
        for n, key in enumerate(ordered[1:], start=2):
            candidate = f"{slug}-{n}"
            while candidate in taken:
                candidate += "-x"
            taken.add(candidate)
            ids[key] = candidate
    return ids


def _host_slug(url: str) -> str:
    return slugify(re.sub(r"^[a-z]+://(www\.)?", "", url.lower()).split("/")[0]) or "item"


def _entries_in(text: str | bytes) -> list[dict[str, Any]]:
    document = yaml.load(text, Loader=_Loader)
    entries = document.get("entries") if isinstance(document, dict) else None
    return [e for e in entries if isinstance(e, dict) and "id" in e] if isinstance(entries, list) else []


def _read_previous(out_dir: Path) -> dict[str, dict[str, Any]]:
    """The previous import's entries by id, as parsed YAML mappings (compared field by field)."""
    if not out_dir.is_dir():
        return {}
    return {
        entry["id"]: entry
        for file in sorted(out_dir.glob("*.yaml"))
        for entry in _entries_in(file.read_bytes())
    }


def _replace_dir(out_dir: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` into a fresh directory beside ``out_dir``, then swap it in (old one removed)."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for file_name, text in files.items():
            (staging / file_name).write_text(text, encoding="utf-8")
        if out_dir.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
            os.replace(out_dir, retired / out_dir.name)
            os.replace(staging, out_dir)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _is_import_dir(out_dir: Path) -> bool:
    return out_dir.is_dir() and ((out_dir / MARKER).is_file() or not any(out_dir.iterdir()))


def _marker_text(source: bytes, items: int, entries: int) -> str:
    digest = hashlib.sha256(source).hexdigest()
    return f"{HEADER}\nThe whole directory is replaced on each import.\nsource sha256 {digest}\n" + (
        f"{items} items, {entries} entries\n"
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise LandscapeError(f"{path} does not exist: give the path of a CNCF landscape.yml.") from None
    except OSError as exc:
        raise LandscapeError(f"{path} cannot be read: {exc.strerror}") from exc


def _required_str(raw: Any, key: str, label: str) -> str:
    if not isinstance(raw, dict):
        raise LandscapeError(f"{label}: expected a mapping, got {_kind(raw)}")
    value = raw.get(key)
    if value is None:
        raise LandscapeError(f"{label}: {key} missing")
    if not isinstance(value, str) or not value.strip():
        raise LandscapeError(f"{label}: {key} must be non-empty text, got {_kind(value)}")
    return _clean(value)


def _url(raw: Mapping[str, Any], key: str, label: str, *, required: bool) -> str:
    if raw.get(key) is None and not required:
        return ""
    value = _required_str(raw, key, label)
    if not value.startswith(("http://", "https://")):
        raise LandscapeError(f"{label}: {key} {value!r} is not an http(s) URL")
    return value


def _list(raw: Any, key: str, label: str, *, required: bool = False) -> list[Any]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if value is None:
        if required:
            raise LandscapeError(f"{label}: {key} missing")
        return []
    if not isinstance(value, list):
        raise LandscapeError(f"{label}: {key} must be a list, got {_kind(value)}")
    return value


def _clean(text: str) -> str:
    text = "".join(c for c in text if unicodedata.category(c) != "Cc" or c in "\t\n")
    return _SPACES.sub(" ", text).strip()


def _fold(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__
