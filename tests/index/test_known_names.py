"""The names issue 11 found unanswered: each answers with its own project first, asked bare, in Chinese and in
English phrasing, with the landscape served (the default)."""

from __future__ import annotations

import pytest

NAMES = {
    "kubeadm": "kubeadm",
    "Kibana": "kibana",
    "Buildah": "buildah",
    "Skopeo": "skopeo",
    "Drone": "drone",
    "Canal": "canal",
    "Kuboard": "kuboard",
    "Rainbond": "rainbond",
    "k9s": "k9s",
    "Lens": "lens",
    "Kubernetes Dashboard": "kubernetes-dashboard",
    "kompose": "kompose",
}
PHRASINGS = ("{}", "{} 是什么", "what is {}")


@pytest.mark.parametrize("phrasing", PHRASINGS)
@pytest.mark.parametrize(("name", "entry_id"), NAMES.items())
def test_a_daily_tool_answers_to_its_name(landscape_engine, name: str, entry_id: str, phrasing: str) -> None:  # type: ignore[no-untyped-def]
    hits = landscape_engine.search(phrasing.format(name), limit=3).hits
    assert hits and hits[0].entry.id == entry_id, [h.entry.id for h in hits]
    assert hits[0].entry.source == "curated" and hits[0].entry.description.zh and hits[0].entry.description.en
