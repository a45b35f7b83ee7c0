"""Block Kit builders: plain dicts in, plain dicts out, within Slack's limits."""

from __future__ import annotations

import json

import pytest

from bot.nothing_found import CategoryChoice, NothingFound
from bot.render import blocks
from index.answer import Answer, Hit
from index.model import Category, Cncf, Entry, Facts, Text

DISCOVERY = Category(id="service-discovery", name=Text(zh="服务发现", en="Service discovery"))


def entry(name: str, **kw) -> Entry:  # type: ignore[no-untyped-def]
    kw.setdefault("homepage", f"https://{name.lower()}.io/")
    return Entry(id=name.lower(), name=name, category="service-discovery", **kw)


def hit(e: Entry, description: str = "A thing.", *, note: str = "") -> Hit:
    return Hit(
        entry=e,
        score=1.0,
        name=e.name,
        description=description,
        highlights=(),
        category_name="Service discovery",
        status_note=note,
    )


def answer(hits: list[Hit], *, understood="category", total=None, offset=0, lang="en", **kw) -> Answer:  # type: ignore[no-untyped-def]
    return Answer(
        question="service discovery", lang=lang, understood=understood, hits=tuple(hits),
        total=len(hits) if total is None else total, offset=offset, category_name="Service discovery", **kw,
    )  # fmt: skip


def all_strings(message: dict) -> list[tuple[str, str]]:
    """(block type, text) for every text object in the message."""
    out = []
    for block in message["blocks"]:
        if "text" in block:
            out.append((block["type"], block["text"]["text"]))
        for field in block.get("fields", []):
            out.append(("field", field["text"]))
        for element in block.get("elements", []):
            out.append(
                (element["type"], element["text"]["text"] if element["type"] == "button" else element["text"])
            )
    return out


def test_a_category_answer_has_header_linked_names_and_context():
    msg = blocks.answer_message(answer([hit(entry("etcd")), hit(entry("Consul"))]))
    assert msg["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Service discovery (2 results)"},
    }
    assert msg["blocks"][1]["text"]["text"] == "*<https://etcd.io/|etcd>*\nA thing."
    assert msg["blocks"][2]["type"] == "context"
    assert [e["text"] for e in msg["blocks"][2]["elements"]] == [
        "Service discovery",
        "<https://etcd.io/|etcd.io>",
    ]
    assert msg["text"] == "Service discovery (2 results)\n• etcd — A thing.\n• Consul — A thing."


def test_inactive_projects_get_a_badge_and_their_status_note():
    rkt = entry("rkt", status="archived")
    old = entry("Old", status="active", cncf=Cncf(maturity="archived"))
    msg = blocks.answer_message(
        answer([hit(rkt, note="Archived in 2019"), hit(old), hit(entry("etcd", status="active"))])
    )
    texts = [b["text"]["text"] for b in msg["blocks"] if b["type"] == "section"]
    assert texts[0].startswith("*<https://rkt.io/|rkt>*  `archived`")
    assert "`CNCF archived`" in texts[1]
    assert "`" not in texts[2]
    assert "Archived in 2019" in [e["text"] for e in msg["blocks"][2]["elements"]]


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("zh", "服务发现（1 个结果）"),
        ("zh-Hant", "服務發現（1 個結果）"),
        ("en", "Service discovery (1 result)"),
    ],
)
def test_the_header_is_in_the_answers_language(lang, header):
    a = Answer(
        question="q", lang=lang, understood="category", hits=(hit(entry("etcd")),), total=1,
        category_name={"zh": "服务发现", "zh-Hant": "服務發現", "en": "Service discovery"}[lang],
    )  # fmt: skip
    assert blocks.answer_message(a)["blocks"][0]["text"]["text"] == header


def test_share_and_more_buttons():
    hits = [hit(entry(f"P{i}")) for i in range(5)]
    msg = blocks.answer_message(answer(hits, total=12), more_value="m", share_value="s")
    actions = msg["blocks"][-1]
    assert actions["type"] == "actions"
    assert [(e["action_id"], e["value"]) for e in actions["elements"]] == [
        ("ecosys_share", "s"),
        ("ecosys_more", "m"),
    ]
    assert "1–5 of 12" in json.dumps(msg, ensure_ascii=False)
    last_page = blocks.answer_message(answer(hits[:2], total=7, offset=5), more_value="m")
    assert all(b["type"] != "actions" for b in last_page["blocks"])  # nothing more after the last page


def _value(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def test_nothing_found_offers_did_you_mean_as_buttons():
    found = NothingFound("service discovery", "en", did_you_mean=("ZooKeeper", "Zookeeper UI"))
    msg = blocks.nothing_found_message(found, value_for=_value)
    assert (
        msg["blocks"][0]["text"]["text"]
        == 'Nothing found for "service discovery".\nDid you mean: ZooKeeper, Zookeeper UI?'
    )
    assert buttons(msg) == [
        ("ecosys_suggest", "ZooKeeper", "show:ZooKeeper"),
        ("ecosys_suggest", "Zookeeper UI", "show:Zookeeper UI"),
    ]


def test_nothing_found_offers_categories_as_buttons_in_the_question_language():
    found = NothingFound("qqq", "zh-Hant", categories=(CategoryChoice("service-discovery", "服務發現", 7),))
    msg = blocks.nothing_found_message(found, value_for=_value)
    assert msg["blocks"][0]["text"]["text"].startswith("沒有找到與「qqq」相關的專案。")
    assert buttons(msg) == [("ecosys_category", "服務發現 (7)", "category:service-discovery")]
    assert "服務發現" in msg["text"]


def test_nothing_found_with_nothing_to_offer_has_no_buttons():
    msg = blocks.nothing_found_message(NothingFound("%00", "en"), value_for=_value)
    assert buttons(msg) == [] and msg["text"].startswith('Nothing found for "%00".')


def buttons(msg: dict) -> list[tuple[str, str, str]]:
    return [
        (e["action_id"], e["text"]["text"], e["value"])
        for b in msg["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def test_feedback_buttons_come_last_under_every_kind_of_answer():
    one = answer([hit(entry("etcd"))], understood="project")
    two = answer([hit(entry("etcd")), hit(entry("Consul"))], understood="comparison")
    many = answer([hit(entry(f"P{i}")) for i in range(5)], total=12)
    for a in (one, two, many):
        msg = blocks.answer_message(a, more_value="m", feedback_values=("v", "v"))
        last = msg["blocks"][-1]
        assert last["block_id"] == "ecosys_feedback"
        assert [e["action_id"] for e in last["elements"]] == ["ecosys_helpful", "ecosys_unhelpful"]
        assert [e["text"]["text"] for e in last["elements"]] == ["👍 Helpful", "👎 Not helpful"]


def test_comparison_of_two_is_side_by_side():
    a = answer([hit(entry("etcd")), hit(entry("Consul"))], understood="comparison")
    msg = blocks.answer_message(a)
    assert msg["blocks"][0]["text"]["text"] == "Comparison: etcd vs Consul"
    fields = msg["blocks"][1]["fields"]
    assert (
        len(fields) == 10 and fields[0]["text"].endswith("etcd>*") and fields[1]["text"].endswith("Consul>*")
    )


def test_a_project_card():
    e = entry(
        "etcd",
        repo="https://github.com/etcd-io/etcd",
        aliases=("etcd-io",),
        tags=("raft",),
        cncf=Cncf("graduated"),
    )
    msg = blocks.answer_message(answer([hit(e)], understood="project"))
    strings = " ".join(t for _, t in all_strings(msg))
    for expected in ("Project: etcd", "github.com/etcd-io/etcd", "CNCF graduated", "etcd-io", "raft"):
        assert expected in strings


def test_where_a_provider_is_based_is_on_its_line_and_its_card():
    e = entry("Scaleway", facts=Facts(based_in="France"))
    listed = " ".join(t for _, t in all_strings(blocks.answer_message(answer([hit(e)], lang="zh"))))
    assert "总部所在：France" in listed
    card = " ".join(t for _, t in all_strings(blocks.answer_message(answer([hit(e)], understood="project"))))
    assert "Based in" in card and "France" in card
    plain = " ".join(t for _, t in all_strings(blocks.answer_message(answer([hit(entry("etcd"))]))))
    assert "Based in" not in plain


def test_user_text_is_escaped_and_odd_urls_are_not_linked():
    e = entry("<evil>", homepage="javascript:alert(1)")
    msg = blocks.answer_message(answer([hit(e, "a < b & c > d")]))
    assert msg["blocks"][1]["text"]["text"] == "*&lt;evil&gt;*\na &lt; b &amp; c &gt; d"


def test_the_biggest_answers_stay_within_slacks_limits():
    huge = "字" * 10_000
    hits = [
        hit(entry("N" * 500, aliases=("a" * 3000,), tags=("t" * 3000,)), huge, note=huge) for _ in range(40)
    ]
    a = Answer(
        question=huge, lang="zh", understood="category", hits=tuple(hits), total=400, category_name=huge,
    )  # fmt: skip
    for msg in (
        blocks.answer_message(a, more_value="m" * 2000, share_value="s"),
        blocks.answer_message(Answer(question=huge, lang="en", understood="project", hits=hits[:1], total=1)),
        blocks.answer_message(
            Answer(question=huge, lang="en", understood="comparison", hits=tuple(hits[:2]), total=2)
        ),
        blocks.answer_message(
            Answer(question=huge, lang="en", understood="nothing", hits=(), total=0, suggestions=(huge,) * 30)
        ),
        blocks.categories_message(
            [(Category(id=f"c{i}", name=Text(zh=huge, en=huge)), i) for i in range(200)], "zh"
        ),
    ):
        assert len(msg["blocks"]) <= 50
        assert len(msg["text"]) <= 3000
        assert msg["blocks"][-1]["type"] == "actions" or "actions" not in [b["type"] for b in msg["blocks"]]
        for kind, text in all_strings(msg):
            limit = {"header": 150, "button": 75, "section": 3000, "field": 2000, "mrkdwn": 2000}[kind]
            assert 0 < len(text) <= limit, (kind, len(text))


def test_a_button_value_over_2000_characters_is_refused():
    with pytest.raises(ValueError, match="2000"):
        blocks.button("More", "ecosys_more", "v" * 2001)


@pytest.mark.parametrize("lang", [None, "zh", "zh-Hant", "en"])
def test_help(lang):
    msg = blocks.help_message(lang)
    headers = [b["text"]["text"] for b in msg["blocks"] if b["type"] == "header"]
    expected = {
        None: ["ecosys 使用说明", "How to use ecosys"], "zh": ["ecosys 使用说明"],
        "zh-Hant": ["ecosys 使用說明"], "en": ["How to use ecosys"],
    }[lang]  # fmt: skip
    assert headers == expected


def test_renamed_and_acquired_products_are_badged_with_their_note():
    gke = entry("GKE", status="renamed")
    msg = blocks.answer_message(answer([hit(gke, note="Renamed Google Kubernetes Engine in 2017")]))
    texts = [b["text"]["text"] for b in msg["blocks"] if b["type"] == "section"]
    assert "`renamed`" in texts[0]
    assert "Renamed Google Kubernetes Engine in 2017" in [e["text"] for e in msg["blocks"][2]["elements"]]
