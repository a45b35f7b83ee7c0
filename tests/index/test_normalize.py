"""Answers to a Traditional question are in Taiwan's standard Traditional, the one our own texts use."""

from __future__ import annotations

import pytest

from index.normalize import localize


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [("为了集群的网络和软件", "為了叢集的網路和軟體"), ("核实服务发现", "核實服務發現")],
)
def test_traditional_answers_use_taiwan_forms(simplified: str, traditional: str) -> None:
    assert localize(simplified, "zh-Hant") == traditional
    assert localize(simplified, "zh") == simplified
