"""The ``ecosys`` command line, driven the way a person types it."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import build_parser, main

ECOSYS = str(Path(sys.executable).with_name("ecosys"))


@pytest.fixture()
def home(state_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ECOSYS_HOME", str(state_home))
    return state_home


def _ask(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main(["ask", "--no-color", *words]) == 0
    return capsys.readouterr().out


def test_ask_chinese_lists_the_three_with_chinese_descriptions(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _ask(capsys, "服务发现")
    assert out.index("etcd") < out.index("Consul") < out.index("ZooKeeper")
    assert "分布式" in out and "服务发现" in out


def test_ask_english_answers_in_english(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _ask(capsys, "service discovery")
    assert out.index("etcd") < out.index("Consul") < out.index("ZooKeeper")
    assert "key-value" in out and "分布式" not in out


def test_a_regions_providers_say_where_they_are_based(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Asked for European providers, each line says the country, so the reader sees why it is listed."""
    out = _ask(capsys, "欧洲的托管 Kubernetes 服务")
    assert out.count("总部所在：") >= 3
    assert "Based in Germany" in _ask(capsys, "managed kubernetes in Germany")


def test_ask_traditional_answers_in_traditional(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _ask(capsys, "服務發現")
    assert out.index("etcd") < out.index("Consul") < out.index("ZooKeeper")
    assert "服務" in out and "服务" not in out


@pytest.mark.parametrize(
    ("question", "status"),
    [("is vLLM still maintained?", "Status: active"), ("weave scope 还在维护吗", "状态: 已归档 — ")],
)
def test_the_project_asked_about_says_its_status(
    home: Path, capsys: pytest.CaptureFixture[str], question: str, status: str
) -> None:
    """Asked about one project, the answer says whether it is alive, as Slack's card does, even when it is."""
    out = _ask(capsys, question)
    first, *rest = out.split("\n2. ")
    assert status in first
    assert all("Status: active" not in part for part in rest)


@pytest.mark.parametrize(
    ("question", "lang", "labels"),
    [
        ("etcd vs consul", "en", ["Licence", "Language", "First release", "Maintained by"]),
        ("对比 etcd 和 consul", "zh", ["许可证", "主要语言", "首次发布", "维护者"]),
    ],
)
def test_a_comparison_shows_the_facts_people_compare_on_as_aligned_rows(
    home: Path, capsys: pytest.CaptureFixture[str], question: str, lang: str, labels: list[str]
) -> None:
    from bot.config import REPO_DATA_DIR
    from bot.render import messages
    from index import knowledge

    out = _ask(capsys, *question.split())
    entries = knowledge.load([REPO_DATA_DIR]).entries
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith(" ") and "etcd" in line and "Consul" in line)
    column = _columns(header[: header.index("Consul")])
    for label, field in zip(labels, ("license", "language", "first_release", "maintainer"), strict=True):
        at = next(i for i, line in enumerate(lines) if line.startswith(label))
        facts = [str(getattr(entries[e].facts, field)) for e in ("etcd", "consul")]
        values = [messages.unknown_fact(lang) if fact == "unknown" else fact for fact in facts]
        if lines[at].strip() == label:  # long values: one line per project under the label
            assert values[0] in lines[at + 1] and "etcd" in lines[at + 1]
            assert values[1] in lines[at + 2] and "Consul" in lines[at + 2]
        else:  # short values: aligned under the project names
            row = lines[at]
            assert row.split()[-1] == values[1].split()[-1] and values[0] in row
            assert _columns(row[: row.rindex(values[1])]) == column, (header, row)


def _columns(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_ask_query_syntax_is_a_polite_nothing(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _ask(capsys, 'AND ( "*')
    assert "Nothing found" in out


def test_real_entry_point_in_a_new_process(state_home: Path) -> None:
    env = {**os.environ, "ECOSYS_HOME": str(state_home)}
    done = subprocess.run([ECOSYS, "ask", "服务发现"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "etcd" in done.stdout and "\033[" not in done.stdout  # no colour codes when piped


def _subparsers(parser: argparse.ArgumentParser):  # type: ignore[no-untyped-def]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield name, sub
                yield from ((f"{name} {n}", s) for n, s in _subparsers(sub))


def test_every_command_has_help_with_an_example() -> None:
    commands = list(_subparsers(build_parser()))
    assert {"ask", "index build", "index info", "data check", "data import-landscape"} <= {
        n for n, _ in commands
    }
    for name, parser in commands:
        text = parser.format_help()
        assert "ecosys " in text and ("Example" in text or "example" in text), (
            f"`ecosys {name} --help` lacks an example"
        )


def test_data_check_reports_problems_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "bad.yaml").write_text(
        "entries:\n  - id: x\n    name: X\n    category: nope\n", encoding="utf-8"
    )
    monkeypatch.setenv("ECOSYS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ECOSYS_DATA_DIRS", str(extra))
    assert main(["data", "check"]) == 1
    out = capsys.readouterr().out
    assert "bad.yaml:2" in out and "homepage" in out and "unknown category 'nope'" in out


def test_data_check_passes_on_the_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ECOSYS_HOME", str(tmp_path / "home"))
    assert main(["data", "check"]) == 0
    assert "data ok" in capsys.readouterr().out


def test_missing_data_dir_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ECOSYS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ECOSYS_DATA_DIRS", str(tmp_path / "missing"))
    assert main(["ask", "etcd"]) == 2
    assert "ECOSYS_DATA_DIRS" in capsys.readouterr().err


def test_index_build_and_info(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ECOSYS_HOME", str(tmp_path / "home"))
    assert main(["index", "info"]) == 0
    assert "none yet" in capsys.readouterr().out
    assert main(["index", "build"]) == 0
    assert "entries in" in capsys.readouterr().out
    assert main(["index", "info"]) == 0
    assert "up to date" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("question", "says", "never"),
    [
        ("今天天气怎么样", "没有找到与“今天天气怎么样”相关的项目。", "服務"),
        ("今天天氣怎麼樣", "沒有找到與「今天天氣怎麼樣」相關的專案。", "服务"),
        ("what's the weather like", 'Nothing found for "what\'s the weather like".', "服务"),
    ],
)
def test_ask_off_topic_offers_a_few_populated_categories_in_the_question_language(
    home: Path, capsys: pytest.CaptureFixture[str], engine, question: str, says: str, never: str
) -> None:  # type: ignore[no-untyped-def]
    out = _ask(capsys, question)
    first, _follow, offered = out.strip().split("\n")
    assert first == says and never not in out
    choices = offered.strip().split(" · ")
    assert 1 <= len(choices) <= 8
    assert all(choice.endswith(")") and not choice.endswith("(0)") for choice in choices)


def test_ask_a_typo_of_nothing_offers_did_you_mean(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _ask(capsys, "etcx") == 'Nothing found for "etcx".\nDid you mean: etcd?\n'


def test_control_characters_in_a_question_never_reach_the_terminal(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _ask(capsys, "\x1b]0;pwned\x07 pizza \x1b[2J")
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["--page", "100", "服务发现"], "没有更多结果"),
        (["--page", "2", "etcd", "vs", "consul"], "No more results"),
    ],
)
def test_a_page_past_the_last_result_says_so(
    home: Path, capsys: pytest.CaptureFixture[str], words: list[str], said: str
) -> None:
    out = _ask(capsys, *words)
    assert said in out and "Nothing found" not in out and "没有找到" not in out


@pytest.mark.parametrize("page", ["0", "-1", "x"])
def test_a_page_must_be_a_positive_number(home: Path, capsys: pytest.CaptureFixture[str], page: str) -> None:
    with pytest.raises(SystemExit):
        main(["ask", "--page", page, "etcd"])
    err = capsys.readouterr().err
    assert "1 or more" in err or "expected one argument" in err  # "-1" reads as an option to argparse


@pytest.mark.parametrize(
    ("words", "expected", "absent"),
    [
        (["help"], "ecosys ask compare etcd consul", "subscribe"),
        (["帮助"], "ecosys ask 对比 etcd consul", "订阅"),
        (["幫助"], "ecosys ask 對比 etcd consul", "訂閱"),
        (["list"], r"Image registries — \d+ projects", ""),
        (["分类"], r"镜像仓库 — \d+ 个项目", ""),
        (["subscribe"], "/ecosys subscribe", "Nothing found"),
    ],
)
def test_ask_understands_the_words_slack_does(
    home: Path, capsys: pytest.CaptureFixture[str], words: list[str], expected: str, absent: str
) -> None:
    """help, list, show, compare and their Chinese words mean in the terminal what they mean after /ecosys;
    what only Slack has (a channel's digest) is pointed at, not offered."""
    out = _ask(capsys, *words)
    assert re.search(expected, out), out
    assert not absent or absent not in out


def test_ask_show_and_compare_words(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shown = _ask(capsys, "详情", "harbor")
    assert shown.startswith("项目：Harbor")
    compared = _ask(capsys, "compare", "etcd", "consul")
    assert compared.startswith("Comparison: etcd vs Consul")
