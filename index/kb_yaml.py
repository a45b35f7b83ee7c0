"""Writing entries as knowledge-base YAML (the format of DATA_FORMAT.md), byte-for-byte reproducibly.

A small emitter of our own rather than ``yaml.dump``: it lays entries out the way people write them by hand
(two-space indentation, short lists in brackets, keys in the documented order) and quotes a string only
when YAML needs it, so re-importing the same landscape gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from index.model import Entry, Text

_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_NOT_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_SPECIAL = set(",[]{}")
# Everything PyYAML's reader refuses, every line break (NEL and U+2028/2029 are breaks in YAML 1.1),
# tabs and the byte-order mark: these are written as escapes.
_ESCAPE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}


def scalar(value: str | int, *, flow: bool = False) -> str:
    """``value`` as a YAML scalar: plain when it reads back as the same string, double-quoted otherwise."""
    if isinstance(value, int):
        return str(value)
    if _is_plain(value, flow=flow):
        return value
    body = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _ESCAPE.sub(_escape_char, body) + '"'


def render_entries(entries: Iterable[Entry], *, header: str = "", source: str = "") -> str:
    """A whole ``entries:`` file; ``header`` lines become ``#`` comments at the top.

    ``source`` (``landscape``) is written once for the file: the loader then accepts entries without a
    description, which the landscape often lacks.
    """
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    if source:
        lines.append(f"source: {scalar(source)}")
    lines.append("entries:")
    for entry in entries:
        lines.extend(_entry_lines(entry))
    return "\n".join(lines) + "\n"


def _entry_lines(entry: Entry) -> list[str]:
    lines = [f"  - id: {scalar(entry.id)}"]
    field = lines.append
    field(f"    name: {scalar(entry.name)}")
    field(f"    category: {scalar(entry.category)}")
    if entry.related:
        field(f"    related: {_flow_list(entry.related)}")
    if entry.successors:
        field(f"    successors: {_flow_list(entry.successors)}")
    field(f"    homepage: {scalar(entry.homepage)}")
    if entry.repo:
        field(f"    repo: {scalar(entry.repo)}")
    if entry.aliases:
        field(f"    aliases: {_flow_list(entry.aliases)}")
    if entry.tags:
        field(f"    tags: {_flow_list(entry.tags)}")
    lines.extend(_text_lines("description", entry.description))
    field(f"    status: {scalar(entry.status)}")
    lines.extend(_text_lines("status_note", entry.status_note))
    if entry.status_year is not None:
        field(f"    status_year: {entry.status_year}")
    if entry.cncf is not None:
        field("    cncf:")
        field(f"      maturity: {scalar(entry.cncf.maturity)}")
        for level in ("accepted", "incubating", "graduated", "archived"):
            year = getattr(entry.cncf, level)
            if year is not None:
                field(f"      {level}: {year}")
    return lines


def _text_lines(key: str, text: Text) -> list[str]:
    if not (text.zh or text.en):
        return []
    lines = [f"    {key}:"]
    if text.zh:
        lines.append(f"      zh: {scalar(text.zh)}")
    if text.en:
        lines.append(f"      en: {scalar(text.en)}")
    return lines


def _flow_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(scalar(value, flow=True) for value in values) + "]"


def _is_plain(value: str, *, flow: bool) -> bool:
    if not value or value != value.strip() or value[0] in _NOT_PLAIN_START or _ESCAPE.search(value):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and (_FLOW_SPECIAL & set(value)):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
