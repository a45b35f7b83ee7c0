"""``knowledge.check``: every kind of broken file is reported with file, line and field, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import knowledge
from index.errors import DataDirMissing, DataError

CATEGORY = """\
categories:
  - id: service-discovery
    name: {zh: 服务发现, en: Service discovery}
    description: {zh: 服务之间相互发现。, en: Services finding each other.}
    terms: [服务发现, service discovery]
"""

ENTRY = """\
entries:
  - id: etcd
    name: etcd
    category: service-discovery
    homepage: https://etcd.io/
    description:
      zh: 分布式 key-value 存储。
      en: A distributed key-value store.
    status: active
"""


def _data(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "data"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_good_data_has_no_problems(tmp_path: Path) -> None:
    assert knowledge.check([_data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": ENTRY})]) == []


def test_repo_data_is_clean() -> None:
    from bot.config import REPO_DATA_DIR

    assert [str(p) for p in knowledge.check([REPO_DATA_DIR])] == []


BROKEN = [
    ("yaml syntax", ENTRY.replace("name: etcd", "name: [etcd"), 4, "", "starts at line 3"),
    (
        "unknown category",
        ENTRY.replace("category: service-discovery", "category: nope"),
        4,
        "(etcd).category",
        "unknown category 'nope'",
    ),
    (
        "missing zh",
        ENTRY.replace("      zh: 分布式 key-value 存储。\n", ""),
        6,
        "description.zh",
        "is required",
    ),
    (
        "missing en",
        ENTRY.replace("      en: A distributed key-value store.\n", ""),
        6,
        "description.en",
        "is required",
    ),
    (
        "empty zh",
        ENTRY.replace("zh: 分布式 key-value 存储。", "zh: ''"),
        7,
        "description.zh",
        "must not be empty",
    ),
    ("bad url", ENTRY.replace("https://etcd.io/", "etcd.io"), 5, "homepage", "is not an http(s) URL"),
    ("unknown status", ENTRY.replace("status: active", "status: alive"), 9, "status", "is not a status"),
    ("unknown field", ENTRY + "    colour: blue\n", 10, "colour", "is not a known field"),
    ("bad id", ENTRY.replace("id: etcd", "id: Etcd Store"), 2, "id", "lowercase slug"),
    ("bad year", ENTRY + "    status_year: twenty\n", 10, "status_year", "integer"),
    ("bad maturity", ENTRY + "    cncf: {maturity: famous}\n", 10, "cncf.maturity", "not a CNCF maturity"),
    (
        "unknown successor",
        ENTRY + "    successors:\n      - consul\n",
        11,
        "(etcd).successors[0]",
        "unknown entry 'consul'",
    ),
]


@pytest.mark.parametrize(("case", "text", "line", "field", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_kind_of_problem_names_file_line_and_field(
    tmp_path: Path, case: str, text: str, line: int, field: str, message: str
) -> None:
    problems = knowledge.check([_data(tmp_path, {"c.yaml": CATEGORY, "entries/e.yaml": text})])
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file.endswith("entries/e.yaml")
    assert problem.line == line
    assert problem.field.endswith(field)
    assert message in problem.message


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    root = _data(tmp_path, {"c.yaml": CATEGORY, "a.yaml": ENTRY, "b.yaml": ENTRY})
    problems = knowledge.check([root])
    assert len(problems) == 1
    assert problems[0].file.endswith("b.yaml") and problems[0].line == 2
    assert "duplicate id 'etcd'" in problems[0].message and "a.yaml:2" in problems[0].message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    bad = ENTRY.replace("status: active", "status: alive").replace("https://etcd.io/", "ftp://x")
    bad += (
        bad.replace("entries:\n", "")
        .replace("id: etcd", "id: etcd2")
        .replace("category: service-discovery", "category: x")
    )
    root = _data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": bad, "broken.yaml": "entries: [\n"})
    problems = knowledge.check([root])
    fields = sorted(p.field.split(".")[-1] for p in problems)
    assert fields == ["", "category", "homepage", "homepage", "status", "status"]
    assert [p.line for p in problems if p.field.endswith("category")] == [12]
    with pytest.raises(DataError) as raised:
        knowledge.load([root])
    assert len(raised.value.problems) == 6


def test_unknown_featured_entry(tmp_path: Path) -> None:
    category = CATEGORY + "    featured: [etcd, consul]\n"
    problems = knowledge.check([_data(tmp_path, {"c.yaml": category, "e.yaml": ENTRY})])
    assert [p.message for p in problems] == ["unknown entry 'consul'"]


def test_missing_directory_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(DataDirMissing, match="does not exist"):
        knowledge.check([tmp_path / "nowhere"])


def test_imported_entries_may_lack_descriptions(tmp_path: Path) -> None:
    imported = "source: landscape\nentries:\n  - id: foo\n    name: Foo\n    category: service-discovery\n"
    imported += "    homepage: https://foo.dev/\n"
    root = _data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": imported})
    kb = knowledge.load([root])
    assert kb.entries["foo"].source == "landscape" and not kb.entries["foo"].has_description


def test_fingerprint_follows_content(tmp_path: Path) -> None:
    root = _data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": ENTRY})
    before = knowledge.fingerprint([root])
    assert knowledge.fingerprint([root]) == before
    (root / "e.yaml").write_text(ENTRY.replace("A distributed", "A reliable"), encoding="utf-8")
    assert knowledge.fingerprint([root]) != before


OWN_WORDS = """\
own_words:
  - id: etcd
    zh: 一个强一致、分布式的键值存储，为分布式系统提供可靠的数据存储。
    source_url: https://github.com/etcd-io/etcd/blob/0123456789abcdef0123456789abcdef01234567/README_zh.md
"""


def test_own_words_join_the_entry_they_name(tmp_path: Path) -> None:
    kb = knowledge.load([_data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": ENTRY, "w.yaml": OWN_WORDS})])
    etcd = kb.entries["etcd"]
    assert etcd.other_descriptions == ("一个强一致、分布式的键值存储，为分布式系统提供可靠的数据存储。",)
    assert etcd.description.zh == "分布式 key-value 存储。"  # the card still says ours


def test_own_words_may_be_english(tmp_path: Path) -> None:
    words = OWN_WORDS.replace(
        "    zh: 一个强一致、分布式的键值存储，为分布式系统提供可靠的数据存储。",
        "    en: A distributed, reliable key-value store for the most critical data of a distributed system.",
    )
    kb = knowledge.load([_data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": ENTRY, "w.yaml": words})])
    assert kb.entries["etcd"].other_descriptions == (
        "A distributed, reliable key-value store for the most critical data of a distributed system.",
    )


OWN_WORDS_BROKEN = [
    (
        "unknown entry",
        OWN_WORDS.replace("id: etcd", "id: etdc"),
        2,
        "own_words[0].id",
        "unknown entry 'etdc'",
    ),
    ("no source", OWN_WORDS.replace("    source_url", "    #"), 2, "own_words[0].source_url", "is required"),
    (
        "empty words",
        OWN_WORDS.replace("zh: 一个", "zh: ''\n    # 一个"),
        3,
        "own_words[0].zh",
        "must not be empty",
    ),
    (
        "no words",
        OWN_WORDS.replace("    zh: 一个", "    # 一个"),
        2,
        "own_words[0]",
        "needs zh or en",
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "line", "field", "message"), OWN_WORDS_BROKEN, ids=[b[0] for b in OWN_WORDS_BROKEN]
)
def test_a_broken_own_words_record_names_file_line_and_field(
    tmp_path: Path, case: str, text: str, line: int, field: str, message: str
) -> None:
    problems = knowledge.check([_data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": ENTRY, "words/w.yaml": text})])
    assert [(p.file.endswith("words/w.yaml"), p.line, p.field) for p in problems] == [(True, line, field)]
    assert message in problems[0].message


def test_vendors_are_lexicon_groups_that_say_whose_offers_are_whose(tmp_path: Path) -> None:
    kb = knowledge.load(
        [
            _data(
                tmp_path,
                {"c.yaml": CATEGORY, "e.yaml": ENTRY, "v.yaml": "vendors:\n  - [亚马逊, aws]\n  - [ibm]\n"},
            )
        ]
    )
    assert kb.vendors == (("亚马逊", "aws"), ("ibm",))
    assert ("亚马逊", "aws") in kb.lexicon and ("ibm",) not in kb.lexicon  # one word is a synonym of nothing


def test_a_broken_vendor_group_names_file_line_and_field(tmp_path: Path) -> None:
    problems = knowledge.check(
        [
            _data(
                tmp_path,
                {"c.yaml": CATEGORY, "e.yaml": ENTRY, "v.yaml": "vendors:\n  - [aws, amazon]\n  - []\n"},
            )
        ]
    )
    assert [(p.file.endswith("v.yaml"), p.line, p.field) for p in problems] == [(True, 3, "vendors[1]")]


REGIONS = "regions:\n  - words: [欧洲, europe, european]\n    countries: [France, Germany]\n"


def test_regions_are_lexicon_groups_with_their_countries(tmp_path: Path) -> None:
    based = ENTRY.replace("    status: active\n", "    status: active\n    facts: {based_in: France}\n")
    kb = knowledge.load([_data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": based, "r.yaml": REGIONS})])
    assert [(r.words, r.countries) for r in kb.regions] == [
        (("欧洲", "europe", "european"), ("France", "Germany"))
    ]
    assert ("欧洲", "europe", "european") in kb.lexicon
    assert kb.entries["etcd"].facts.based_in == "France"


def test_a_country_no_region_lists_names_file_line_and_field(tmp_path: Path) -> None:
    """A typo in ``based_in`` would quietly take a provider out of its region's answers: it is a problem."""
    based = ENTRY.replace("    status: active\n", "    status: active\n    facts:\n      based_in: Frnace\n")
    problems = knowledge.check([_data(tmp_path, {"c.yaml": CATEGORY, "e.yaml": based, "r.yaml": REGIONS})])
    assert [(p.file.endswith("e.yaml"), p.line, p.field) for p in problems] == [
        (True, 11, "entries[0] (etcd).facts.based_in")
    ]
    assert "Frnace" in problems[0].message
