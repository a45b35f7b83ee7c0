"""The command-text parser: sub-commands in three languages; everything else is a question."""

from __future__ import annotations

import pytest

from bot.slack.commands import BadState, Command, decode_state, encode_state, parse_command


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Command("help")),
        ("   <@UBOT00001>  ", Command("help")),
        ("help", Command("help", lang="en")),
        ("HELP", Command("help", lang="en")),
        ("帮助", Command("help", lang="zh")),
        ("幫助", Command("help", lang="zh-Hant")),
        ("list", Command("list", lang="en")),
        ("分类", Command("list", lang="zh")),
        ("分類", Command("list", lang="zh-Hant")),
        ("show etcd", Command("show", text="etcd", args=("etcd",), lang="en")),
        ("详情 etcd", Command("show", text="etcd", args=("etcd",), lang="zh")),
        ("详情etcd", Command("show", text="etcd", args=("etcd",), lang="zh")),
        ("詳情 Docker Swarm", Command("show", text="Docker Swarm", args=("Docker Swarm",), lang="zh-Hant")),
        ("show", Command("help", lang="en")),
        ("compare etcd consul", Command("compare", text="etcd consul", args=("etcd", "consul"), lang="en")),
        (
            "compare etcd vs. consul",
            Command("compare", text="etcd vs. consul", args=("etcd", "consul"), lang="en"),
        ),
        (
            "对比 etcd 和 consul",
            Command("compare", text="etcd 和 consul", args=("etcd", "consul"), lang="zh"),
        ),
        (
            "對比 etcd、Docker Swarm",
            Command("compare", text="etcd、Docker Swarm", args=("etcd", "Docker Swarm"), lang="zh-Hant"),
        ),
        ("subscribe", Command("subscription", action="subscribe", lang="en")),
        (
            "订阅 weekly",
            Command("subscription", text="weekly", args=("weekly",), action="subscribe", lang="zh"),
        ),
        ("取消订阅", Command("subscription", action="unsubscribe", lang="zh")),
        ("取消訂閱", Command("subscription", action="unsubscribe", lang="zh-Hant")),
        ("unsubscribe", Command("subscription", action="unsubscribe", lang="en")),
        ("订阅列表", Command("subscription", action="subscriptions", lang="zh")),
        ("subscriptions", Command("subscription", action="subscriptions", lang="en")),
        # Questions: anything that is not exactly a sub-command.
        ("服务发现", Command("question", text="服务发现")),
        ("<@UBOT00001> 服務發現 有什么推荐", Command("question", text="服務發現 有什么推荐")),
        ("help me pick a registry", Command("question", text="help me pick a registry")),
        ("list of service meshes", Command("question", text="list of service meshes")),
        ("分类 服务发现", Command("question", text="分类 服务发现")),
        ("compare etcd", Command("question", text="compare etcd")),
        ("etcd vs consul", Command("question", text="etcd vs consul")),
        ("showcase  of\tcontainers", Command("question", text="showcase of containers")),
    ],
)
def test_parse_command(text, expected):
    assert parse_command(text) == expected


def test_forty_kilobytes_parse_as_one_question():
    command = parse_command("服务发现 " * 8000)
    assert command.kind == "question" and len(command.text) < 40_000


@pytest.mark.parametrize("text", ["服务发现", "compare etcd, Docker Swarm", "详情 etcd"])
def test_button_state_round_trips(text):
    command = parse_command(text)
    assert decode_state(encode_state(command, offset=5)) == (command, 5)


def test_button_state_fits_a_button_for_any_question():
    assert len(encode_state(parse_command("字" * 40_000))) <= 2000


@pytest.mark.parametrize(
    "value",
    ["", "not json", "[]", '{"k":"help","q":"","o":0}', '{"k":"question","q":"x","o":-1}', '{"k":"question","q":1,"o":0}',
     '{"k":"compare","q":"only-one","o":0}', '{"k":"question","q":"x","o":0,"l":"fr"}'],
)  # fmt: skip
def test_forged_button_values_are_refused(value):
    with pytest.raises(BadState):
        decode_state(value)
