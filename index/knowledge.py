"""Loading the knowledge base: every YAML file of every data directory, checked, merged.

Directories are layers, the curated ``data/`` first: a later layer never overrides an earlier one; an
imported item that is the same project as a curated entry enriches it instead (``index.merge``).
``check`` reports every problem at once with file, line and field; ``load`` raises ``DataError``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from index.datafiles import data_files, fingerprint
from index.errors import DataError, Problem
from index.merge import merge_layers, unsaid
from index.model import Category, Cncf, Entry, Facts, Region, Text
from index.schema_models import (
    CategoryModel,
    EntryModel,
    FileModel,
    ImportedEntryModel,
    OwnWordsModel,
    RegionModel,
)
from index.yaml_lines import YamlSyntaxError, line_of, load_with_lines

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the index is built from."""

    categories: dict[str, Category]
    entries: dict[str, Entry]
    lexicon: tuple[tuple[str, ...], ...] = ()
    """Groups of words that mean the same thing to someone asking, vendors' groups included."""
    merge_notes: tuple[str, ...] = ()
    fingerprint: str = ""
    vendors: tuple[tuple[str, ...], ...] = ()
    """The lexicon's groups that name a cloud or company (亚马逊, amazon, aws): whose services are whose."""
    regions: tuple[Region, ...] = ()
    """Parts of the world (Europe…) with their countries, which entries' ``facts.based_in`` name."""


@dataclass
class _Layer:
    entries: list[Entry] = field(default_factory=list)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _field_path(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif parts:
            parts.append(f".{item}")
        else:
            parts.append(str(item))
    return "".join(parts)


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field (see the format in README.md)"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _validation_problems(
    exc: ValidationError, file: str, lines: dict, base: tuple, label: str
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        path = _field_path(loc)
        field = f"{label}{path}" if path else label.rstrip(".")  # a rule of the record as a whole
        problems.append(Problem(file, line_of(lines, (*base, *loc)), field, _message(error)))
    return problems


def _text(model: Any) -> Text:
    return Text(zh=model.zh, en=model.en) if model is not None else Text()


def _entry(model: EntryModel, file: str, line: int, source: str) -> Entry:
    cncf = model.cncf
    return Entry(
        id=model.id,
        name=model.name,
        category=model.category,
        description=_text(model.description),
        homepage=model.homepage,
        repo=model.repo or "",
        aliases=tuple(model.aliases),
        tags=tuple(model.tags),
        status=model.status,
        status_note=_text(model.status_note),
        status_year=model.status_year,
        cncf=Cncf(**cncf.model_dump()) if cncf else None,
        related=tuple(r for r in model.related if r != model.category),
        successors=tuple(model.successors),
        facts=Facts(**model.facts.model_dump()) if model.facts else Facts(),
        strengths=_text(model.strengths),
        tradeoffs=_text(model.tradeoffs),
        source_urls=tuple(model.source_url),
        source=source,
        file=file,
        line=line,
    )


def _category(model: CategoryModel) -> Category:
    return Category(
        id=model.id,
        name=_text(model.name),
        description=_text(model.description),
        terms=tuple(model.terms),
        landscape=tuple(model.landscape),
        featured=tuple(model.featured),
        popular=tuple(model.popular),
        order=model.order,
        organisations=model.organisations,
    )


def _read_landscape(path: Path, file: str, categories: dict[str, Category], layer: _Layer) -> list[Problem]:
    """Entries of a raw landscape file, against the categories read so far (from the earlier layers)."""
    from index.errors import LandscapeError
    from index.landscape import build_entries, parse_landscape

    try:
        entries, _unclaimed_second_paths = build_entries(
            parse_landscape(path.read_bytes(), name=file), categories
        )
    except (OSError, LandscapeError) as exc:
        return [Problem(file, 0, "", str(exc))]
    layer.entries.extend(replace(entry, file=file) for entry in entries)
    return []


def _each_valid(
    model: type[M], items: Sequence[Any], section: str, file: str, lines: dict, problems: list[Problem]
) -> Iterator[tuple[int, str, M]]:
    """``(index, label, item)`` for each item of a file's ``section`` that ``model`` accepts; what is wrong
    with the others goes to ``problems``, with file, line and field."""
    for i, raw in enumerate(items):
        label = f"{section}[{i}]"
        try:
            item = model.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_validation_problems(exc, file, lines, (section, i), label + "."))
            continue
        yield i, label, item


def _read(data_dirs: Sequence[Path]) -> tuple[KnowledgeBase, list[Problem]]:
    problems: list[Problem] = []
    categories: dict[str, Category] = {}
    category_lines: dict[str, tuple[str, int]] = {}
    lexicon: list[tuple[str, ...]] = []
    vendors: list[tuple[str, ...]] = []
    layers: dict[Path, _Layer] = {d: _Layer() for d in data_dirs}
    seen_ids: dict[tuple[Path, str], tuple[str, int]] = {}
    references: list[tuple[str, int, str, str]] = []  # (file, line, field label, category id)
    successor_references: list[tuple[str, int, str, str]] = []  # (file, line, field label, entry id)
    own_words: list[tuple[str, int, str, OwnWordsModel]] = []  # (file, line, field label, words)
    regions: list[Region] = []
    based_in: list[tuple[str, int, str, str]] = []  # (file, line, field label, country)

    for directory, path in data_files(data_dirs):
        file = _display(path)
        if path == directory:  # a CNCF landscape.yml layer, converted as `ecosys data import-landscape` would
            problems.extend(_read_landscape(path, file, categories, layers[directory]))
            continue
        try:
            document, lines = load_with_lines(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            problems.append(Problem(file, 0, "", "is not UTF-8 text"))
            continue
        except YamlSyntaxError as exc:
            problems.append(Problem(file, exc.line, "", f"YAML syntax: {exc}"))
            continue
        if document is None:
            continue
        if not isinstance(document, dict):
            problems.append(
                Problem(
                    file,
                    1,
                    "",
                    "must be a mapping with categories:, entries:, own_words:, lexicon:, vendors: or regions:",
                )
            )
            continue
        try:
            parsed = FileModel.model_validate(document)
        except ValidationError as exc:
            problems.extend(_validation_problems(exc, file, lines, (), ""))
            continue
        entry_model = ImportedEntryModel if parsed.source == "landscape" else EntryModel

        for i, label, category in _each_valid(
            CategoryModel, parsed.categories, "categories", file, lines, problems
        ):
            line = line_of(lines, ("categories", i))
            if category.id in categories:
                where = "{}:{}".format(*category_lines[category.id])
                problems.append(
                    Problem(file, line, f"{label}.id", f"duplicate id {category.id!r} (also at {where})")
                )
                continue
            categories[category.id] = _category(category)
            category_lines[category.id] = (file, line)

        for i, raw in enumerate(parsed.entries):
            label = f"entries[{i}]"
            name = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(name, str):
                label = f"entries[{i}] ({name})"
            if isinstance(raw, dict):  # checked even when the entry is invalid otherwise
                line = line_of(lines, ("entries", i))
                related = raw.get("related") if isinstance(raw.get("related"), list) else []
                for field_name, value in [
                    ("category", raw.get("category")),
                    *(("related", r) for r in related),
                ]:
                    if isinstance(value, str):
                        references.append(
                            (file, line_of(lines, ("entries", i, field_name)), f"{label}.{field_name}", value)
                        )
                successors = raw.get("successors") if isinstance(raw.get("successors"), list) else []
                successor_references += [
                    (file, line_of(lines, ("entries", i, "successors", k)), f"{label}.successors[{k}]", value)
                    for k, value in enumerate(successors)
                    if isinstance(value, str)
                ]
            try:
                model = entry_model.model_validate(raw)
            except ValidationError as exc:
                problems.extend(_validation_problems(exc, file, lines, ("entries", i), label + "."))
                continue
            line = line_of(lines, ("entries", i))
            key = (directory, model.id)
            if key in seen_ids:
                where = "{}:{}".format(*seen_ids[key])
                problems.append(
                    Problem(file, line, f"{label}.id", f"duplicate id {model.id!r} (also at {where})")
                )
                continue
            seen_ids[key] = (file, line)
            layers[directory].entries.append(_entry(model, file, line, parsed.source))
            if model.facts and model.facts.based_in != "unknown":
                where = line_of(lines, ("entries", i, "facts", "based_in"))
                based_in.append((file, where, f"{label}.facts.based_in", model.facts.based_in))

        for i, label, words in _each_valid(
            OwnWordsModel, parsed.own_words, "own_words", file, lines, problems
        ):
            own_words.append((file, line_of(lines, ("own_words", i, "id")), f"{label}.id", words))

        lexicon.extend(tuple(group) for group in parsed.lexicon)
        vendors.extend(tuple(group) for group in parsed.vendors)
        lexicon.extend(tuple(group) for group in parsed.vendors if len(group) >= 2)
        for _i, _label, region in _each_valid(RegionModel, parsed.regions, "regions", file, lines, problems):
            regions.append(Region(words=tuple(region.words), countries=tuple(region.countries)))
            if len(region.words) >= 2:
                lexicon.append(tuple(region.words))

    for category in categories.values():
        for entry_id in category.featured:
            if not any(e.id == entry_id for layer in layers.values() for e in layer.entries):
                file, line = category_lines[category.id]
                problems.append(Problem(file, line, f"{category.id}.featured", f"unknown entry {entry_id!r}"))

    for file, line, label, category_id in references:
        if category_id not in categories:
            known = ", ".join(sorted(categories)[:12]) + (" …" if len(categories) > 12 else "")
            problems.append(
                Problem(file, line, label, f"unknown category {category_id!r} (known: {known or 'none'})")
            )

    countries = {c for region in regions for c in region.countries}
    problems += [
        Problem(
            file, line, label, f"{country!r} is no country of the lexicon's regions (a typo, or add it there)"
        )
        for file, line, label, country in based_in
        if country not in countries
    ]

    ordered = [layers[d].entries for d in data_dirs]
    notes: list[str] = []
    if sum(1 for layer in ordered if layer) > 1:
        merged, notes = merge_layers(ordered)
    else:
        merged = [e for layer in ordered for e in layer]
    merged, unknown = _with_own_words(merged, own_words)
    problems += unknown
    known_ids = {e.id for e in merged}
    problems += [
        Problem(file, line, label, f"unknown entry {entry_id!r}")
        for file, line, label, entry_id in successor_references
        if entry_id not in known_ids
    ]
    if not merged and not problems:
        problems.append(Problem(_display(data_dirs[0]) if data_dirs else "data", 0, "", "holds no entries"))

    sorted_categories = dict(sorted(categories.items(), key=lambda kv: (kv[1].order, kv[0])))
    kb = KnowledgeBase(
        categories=sorted_categories,
        entries={e.id: e for e in merged},
        lexicon=tuple(lexicon),
        merge_notes=tuple(notes),
        vendors=tuple(vendors),
        regions=tuple(regions),
    )
    return kb, problems


def _with_own_words(
    entries: list[Entry], own_words: Sequence[tuple[str, int, str, OwnWordsModel]]
) -> tuple[list[Entry], list[Problem]]:
    """``entries`` with each project's own words among its other descriptions; a record for no entry is a
    problem (an id mistyped, or a project since removed)."""
    position = {e.id: i for i, e in enumerate(entries)}
    entries = list(entries)
    problems: list[Problem] = []
    for file, line, label, words in own_words:
        at = position.get(words.id)
        if at is None:
            problems.append(Problem(file, line, label, f"unknown entry {words.id!r}"))
            continue
        more = unsaid(entries[at], words.texts)
        if more:
            entries[at] = replace(entries[at], other_descriptions=(*entries[at].other_descriptions, *more))
    return entries, problems


def check(data_dirs: Sequence[Path]) -> list[Problem]:
    """Every problem in the data, in file order; empty when the data is good."""
    return _read(data_dirs)[1]


def load(data_dirs: Sequence[Path]) -> KnowledgeBase:
    """The knowledge base, or ``DataError`` listing every problem."""
    kb, problems = _read(data_dirs)
    if problems:
        raise DataError(problems)
    return KnowledgeBase(
        categories=kb.categories,
        entries=kb.entries,
        lexicon=kb.lexicon,
        merge_notes=kb.merge_notes,
        fingerprint=fingerprint(data_dirs),
        vendors=kb.vendors,
        regions=kb.regions,
    )
