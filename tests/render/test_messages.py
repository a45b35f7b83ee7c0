"""The fixed UI strings exist in every language, and differ where the languages differ."""

from __future__ import annotations

import inspect

import pytest

from bot.render import messages

FUNCTIONS = [
    (name, fn)
    for name, fn in inspect.getmembers(messages, inspect.isfunction)
    if not name.startswith("_")
    and fn.__module__ == messages.__name__
    and next(iter(inspect.signature(fn).parameters)) == "lang"
]
ARGS = {"question": "etcd", "names": ["etcd"], "category_name": "X", "total": 3, "count": 2, "user": "<@U1>",
        "status": "archived", "maturity": "graduated", "name": "etcd", "first": 1, "last": 5, "year": 2018,
        "helpful": False, "channel": "<#C1>", "schedule": "weekly", "when": "Mon 09:30", "note": "",
        "country": "France"}  # fmt: skip


@pytest.mark.parametrize(("name", "fn"), FUNCTIONS)
def test_every_message_has_three_languages(name, fn):
    params = [
        p.name
        for p in inspect.signature(fn).parameters.values()
        if p.name != "lang" and p.kind is not inspect.Parameter.KEYWORD_ONLY
    ]
    texts = {lang: fn(lang, *[ARGS[p] for p in params]) for lang in messages.LANGS}
    assert all(texts.values()), texts
    if name not in (
        "more_button",
        "understood_comparison",
        "shared_by",
        "did_you_mean",
        "page_note",
        "projects_count",
    ):
        assert texts["en"] != texts["zh"], name


def test_traditional_strings_are_traditional():
    assert "說明" in messages.help_title("zh-Hant") and "说明" in messages.help_title("zh")
    assert messages.status_label("zh-Hant", "archived") == "已封存"


def test_nothing_found_quotes_the_question_and_cuts_long_ones():
    assert messages.nothing_found("en", "etcd") == 'Nothing found for "etcd".'
    assert len(messages.nothing_found("zh", "字" * 500)) < 100


def test_maturity_badge_carries_the_year() -> None:
    assert messages.maturity_label("en", "graduated", 2018) == "CNCF graduated 2018"
    assert messages.maturity_label("zh", "incubating") == "CNCF 孵化项目"


def test_the_terminal_help_offers_nothing_only_slack_has():
    for lang in messages.LANGS:
        slack, terminal = (
            messages.help_text(lang),
            messages.help_text(lang, command="ecosys ask", slack=False),
        )
        assert "@ecosys" in slack and "@ecosys" not in terminal
        assert len(terminal.splitlines()) == len(slack.splitlines()) - 2
