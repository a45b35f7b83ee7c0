"""``subscribe`` arguments in English and Chinese, and what is refused."""

from __future__ import annotations

import pytest

from bot.digest.parse import ScheduleError, parse_subscribe
from bot.digest.schedule import Schedule


@pytest.mark.parametrize(
    ("args", "schedule", "lang"),
    [
        ("", Schedule("weekly", 0, 9, 30, "Asia/Shanghai"), "zh"),
        ("每周 周一 9:30", Schedule("weekly", 0, 9, 30, "Asia/Shanghai"), "zh"),
        ("weekly friday 18:00 Europe/Berlin en", Schedule("weekly", 4, 18, 0, "Europe/Berlin"), "en"),
        ("daily 07:05 utc english", Schedule("daily", 0, 7, 5, "UTC"), "en"),
        ("wed 6:30pm america/new_york", Schedule("weekly", 2, 18, 30, "America/New_York"), "zh"),
        ("每周五 9点半 繁體", Schedule("weekly", 4, 9, 30, "Asia/Shanghai"), "zh-Hant"),
        ("每天 8点 英文", Schedule("daily", 0, 8, 0, "Asia/Shanghai"), "en"),
        ("星期日 21：00 东京", Schedule("weekly", 6, 21, 0, "Asia/Tokyo"), "zh"),
        ("12am Sunday", Schedule("weekly", 6, 0, 0, "Asia/Shanghai"), "zh"),
    ],
)
def test_accepted(args: str, schedule: Schedule, lang: str) -> None:
    request = parse_subscribe(args)
    assert (request.schedule, request.lang) == (schedule, lang)


@pytest.mark.parametrize(
    ("args", "kind", "word"),
    [
        ("25:00", "time", "25:00"),
        ("9:75", "time", "9:75"),
        ("13pm", "time", "13pm"),
        ("Mars/Olympus_Mons", "timezone", "Mars/Olympus_Mons"),
        ("daily monday", "conflict", "daily monday"),
        ("9:30 10:00", "conflict", "10:00"),
        ("fortnightly", "word", "fortnightly"),
        ("9", "word", "9"),
    ],
)
def test_refused_names_the_word(args: str, kind: str, word: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_subscribe(args)
    assert (caught.value.kind, caught.value.word) == (kind, word)
