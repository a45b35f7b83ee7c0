"""Names said in their everyday sense: "Are calico cats always female?", "harbor cruise this weekend?" and "Is the
movie Argo based on a true story?" say the names of Calico, Harbor and Argo, and speak of something else.

A question that names a project passes the off-topic gate however everyday its other words: "my manager wants a
one-pager on Longhorn by EOD" asks about Longhorn. That holds for a name nobody says otherwise. A name that is
also an everyday English word (``Catalog.everyday_names``) is that word when it is said in an English sentence
that names nothing else of the ecosystem (no other project, category, maturity, status, "still a thing?" or
"instead of"), does not ask what it is or set it to study or to run ("look at envoy", "upgrade helm"), and whose
other words lean to everyday language. Chinese around a Latin name never makes it one: a Chinese speaker who
means a helmet writes 头盔, so "同事一直让我看 helm 的 release" is about Helm.
"""

from __future__ import annotations

import re

from index.catalog import Catalog
from index.chatter import words_said
from index.question_words import RUN_BEFORE, STATUS_WORDS, STILL_ASKED
from index.reading import HANZI, Reading
from index.specificity import UNKNOWN, evidence

EVERYDAY_CONTEXT = -1.5
"""At most this much ecosystem evidence (``index.specificity.evidence``) in the words around the names, and
they are everyday talk: a word and a half the knowledge base never says (cats, female; movie, story)."""
_NOT_LETTERS = re.compile(r"[^a-z]")


def everyday_sense(reading: Reading, catalog: Catalog) -> bool:
    """Whether every project ``reading`` names is an everyday English word said in its everyday sense."""
    exact = [e for e in reading.named if e not in reading.typo_named]
    if not exact or HANZI.search(reading.text):
        return False
    if reading.categories or reading.maturity or reading.mentions_cncf or reading.alternatives_of:
        return False
    said = [reading.name_said.get(e, "") for e in exact]
    if STATUS_WORDS.search(reading.text) or STILL_ASKED.search(reading.text):
        return False
    if reading.asked_what or any(_run(reading.text, s) for s in said):
        return False
    if any(" " in s.strip() or _NOT_LETTERS.sub("", s) not in catalog.everyday_names for s in said):
        return False
    # A word the index has never seen (thunderstorm, visas) is said by everyday text only.
    context = evidence([*reading.chatter, *words_said(reading)], catalog.specific)
    return context + UNKNOWN * len(reading.unknown_words) <= EVERYDAY_CONTEXT


def _run(text: str, said: str) -> bool:
    """Whether the name ``said`` is, somewhere in ``text``, software to run (``RUN_BEFORE``: "upgrade helm")."""
    return bool(said) and any(
        RUN_BEFORE.search(text[max(0, m.start() - 24) : m.start()])
        for m in re.finditer(re.escape(said), text)
    )
