"""jieba, configured once per process: a trimmed dictionary, its cache in our state dir, our own words.

Why trimmed: jieba's full dictionary (349k words) takes ~0.6 s and ~50 MB to load even from its cache,
which alone breaks the 1 s cold ``ecosys ask`` budget. Words with a corpus frequency under 20 are rare
names and idioms that never matter for this catalogue; dropping them leaves ~80k words that load in
~0.1 s. Documents and questions are cut with the same dictionary, so they still meet. The knowledge
base's own words (project names, aliases, category terms) are added on top with ``add_words``.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

MIN_WORD_FREQUENCY = 20
DICTIONARY_NAME = "jieba-dict-f20.txt"

_lock = threading.Lock()
_tokenizer = None  # jieba.Tokenizer, set by configure()
_added: set[str] = set()
generation = 0
"""Bumped whenever the dictionary grows: cached segmentations key on it, so none goes stale."""


def _write_trimmed_dictionary(target: Path) -> None:
    import jieba

    source = Path(jieba.__file__).parent / "dict.txt"
    kept = []
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and int(parts[1]) >= MIN_WORD_FREQUENCY:
                kept.append(line if line.endswith("\n") else line + "\n")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".dict-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("".join(kept))
    os.replace(tmp, target)


def configure(state_dir: Path) -> None:
    """Point jieba at the trimmed dictionary and keep its cache file in ``state_dir/jieba``.

    Idempotent; the first call in a process pays the load (~0.1 s), later calls are free.
    """
    global _tokenizer
    with _lock:
        if _tokenizer is not None:
            return
        import jieba

        jieba.setLogLevel(logging.WARNING)
        folder = state_dir / "jieba"
        folder.mkdir(parents=True, exist_ok=True)
        dictionary = folder / DICTIONARY_NAME
        # Several processes may start at once on a fresh state directory (gunicorn workers): one writes
        # the dictionary and jieba's cache while the others wait, then they all read the finished files.
        with open(folder / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not dictionary.exists():
                _write_trimmed_dictionary(dictionary)
            tokenizer = jieba.Tokenizer(dictionary=str(dictionary))
            tokenizer.tmp_dir = str(folder)
            tokenizer.initialize()
        _tokenizer = tokenizer


def add_words(words: Iterable[str]) -> None:
    """Teach jieba the knowledge base's own words (服务发现, 阿里云容器服务…) so they stay whole."""
    global generation
    tokenizer = _require()
    with _lock:
        for word in words:
            word = word.strip()
            if word and word not in _added:
                tokenizer.add_word(word, freq=None)
                _added.add(word)
                generation += 1


def _require():  # type: ignore[no-untyped-def]
    if _tokenizer is None:
        raise RuntimeError("index.segment.configure(state_dir) must be called before tokenizing")
    return _tokenizer


_RUNS = re.compile(r"([\u3400-\u9fff]+)|([0-9a-z]+[+#]*)", re.IGNORECASE)


def cut(text: str) -> Iterator[tuple[str, int, int]]:
    """Every word of ``text`` with its character span, in order of position.

    Chinese runs yield jieba's search-mode words (with the new words its HMM finds: 谷歌, 运维), every
    dictionary word inside them, and every word of the knowledge base's own (多集群管理 → 多集群, 集群,
    集群管理, 管理), so documents and questions meet however jieba would have segmented either; a
    character that is part of no word is yielded alone. Other text yields its ASCII words (k8s, c++).
    """
    tokenizer = _require()
    for match in _RUNS.finditer(text):
        if not match.group(1):
            yield match.group(0), match.start(), match.end()
            continue
        run, base = match.group(1), match.start()
        words = {
            (start, end) for w, start, end in tokenizer.tokenize(run, mode="search", HMM=True) if len(w) > 1
        }
        spans = set(words)
        dag = tokenizer.get_DAG(run)
        for start in range(len(run)):
            for end in (e + 1 for e in dag[start] if e > start):
                # A dictionary word inside a word jieba chose, or one of ours anywhere; not a word that
                # straddles two others (管理工具 holds 理工, "science and engineering").
                if run[start:end] in _added or any(s <= start and end <= e for s, e in words):
                    spans.add((start, end))
        covered = {i for start, end in spans for i in range(start, end)}
        spans.update((i, i + 1) for i in range(len(run)) if i not in covered)
        for start, end in sorted(spans):
            yield run[start:end], base + start, base + end
