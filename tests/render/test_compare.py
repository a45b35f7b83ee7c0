"""The comparison rows: one rule for Slack and the terminal, facts aligned, unknown facts said."""

from __future__ import annotations

from bot.render.blocks import comparison_message
from bot.render.compare import comparison_rows
from index.answer import Answer, Hit
from index.model import Entry, Facts, Text


def _hit(entry: Entry) -> Hit:
    return Hit(
        entry=entry,
        score=1.0,
        name=entry.name,
        description=entry.description.en,
        highlights=(),
        category_name="Service discovery",
        status_note="",
    )


ETCD = Entry(
    id="etcd",
    name="etcd",
    category="service-discovery",
    homepage="https://etcd.io/",
    status="active",
    facts=Facts(license="Apache-2.0", language="Go", first_release=2013, maintainer="etcd maintainers"),
    strengths=Text(zh="强一致", en="Strongly consistent"),
)
CONSUL = Entry(
    id="consul", name="Consul", category="service-discovery", homepage="https://consul.io/", status="active"
)


def test_rows_pair_each_fact_and_say_unknown() -> None:
    rows = {row.label: row.values for row in comparison_rows([_hit(ETCD), _hit(CONSUL)], "en")}
    assert rows["Licence"] == ("Apache-2.0", "unknown")
    assert rows["Language"] == ("Go", "unknown")
    assert rows["First release"] == ("2013", "unknown")
    assert rows["Maintained by"] == ("etcd maintainers", "unknown")
    assert rows["Strengths"] == ("Strongly consistent", "—")
    assert "Trade-offs" not in rows  # neither wrote one


def test_where_a_provider_is_based_is_a_row_only_when_one_says_it() -> None:
    scaleway = Entry(
        id="scaleway-kubernetes-kapsule",
        name="Scaleway Kubernetes Kapsule",
        category="certified-kubernetes-hosted",
        homepage="https://www.scaleway.com/",
        facts=Facts(based_in="France"),
    )
    rows = {row.label: row.values for row in comparison_rows([_hit(scaleway), _hit(CONSUL)], "en")}
    assert rows["Based in"] == ("France", "unknown")
    assert "Based in" not in {row.label for row in comparison_rows([_hit(ETCD), _hit(CONSUL)], "en")}


def test_traditional_rows_are_traditional() -> None:
    rows = {row.label: row.values for row in comparison_rows([_hit(ETCD), _hit(CONSUL)], "zh-Hant")}
    assert rows["授權條款"] == ("Apache-2.0", "未知")
    assert rows["優勢"] == ("強一致", "—")


def test_slack_lays_the_rows_out_as_pairs_of_fields() -> None:
    answer = Answer(
        question="etcd vs consul",
        lang="en",
        understood="comparison",
        hits=(_hit(ETCD), _hit(CONSUL)),
        total=2,
    )
    blocks = comparison_message(answer)["blocks"]
    fields = [f["text"] for b in blocks if b["type"] == "section" for f in b.get("fields", [])]
    assert all(len(b.get("fields", [])) <= 10 for b in blocks)
    licence = fields.index("*Licence*\nApache-2.0")
    assert fields[licence + 1] == "*Licence*\nunknown" and licence % 2 == 0
