"""Reads ``subscribe [weekly|daily] [day] [HH:MM] [time zone] [zh|en]`` in English or Chinese.

Words may come in any order (``订阅 每周 周一 9:30``, ``subscribe 18:00 friday Europe/Berlin en``); what is
left out takes the default (weekly, Monday, 09:30, Asia/Shanghai, Chinese). Anything not understood raises
``ScheduleError`` naming the word, so the reply can say what is accepted instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.digest.schedule import Schedule
from index.model import Lang

DEFAULT_LANG: Lang = "zh"

_FREQUENCIES = {
    "weekly": "weekly",
    "week": "weekly",
    "每周": "weekly",
    "每週": "weekly",
    "周报": "weekly",
    "週報": "weekly",
    "daily": "daily",
    "day": "daily",
    "every-day": "daily",
    "每天": "daily",
    "每日": "daily",
    "日报": "daily",
    "日報": "daily",
}

_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ZH_DAYS = "一二三四五六日"


def _day_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for number, name in enumerate(_EN_DAYS):
        words[name] = words[name[:3]] = words[name + "s"] = number
    words["tues"], words["thur"], words["thurs"] = 1, 3, 3
    for number, char in enumerate(_ZH_DAYS):
        for prefix in ("周", "週", "星期", "礼拜", "禮拜", "每周", "每週"):
            words[prefix + char] = number
    for prefix in ("周", "週", "星期", "礼拜", "禮拜", "每周", "每週"):
        words[prefix + "天"] = 6
    return words


_DAYS = _day_words()

_LANGS: dict[str, Lang] = {
    "zh": "zh",
    "cn": "zh",
    "chinese": "zh",
    "中文": "zh",
    "简体": "zh",
    "简体中文": "zh",
    "zh-hans": "zh",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "繁体": "zh-Hant",
    "繁體": "zh-Hant",
    "繁體中文": "zh-Hant",
    "en": "en",
    "english": "en",
    "英文": "en",
    "英语": "en",
    "英語": "en",
}

_ZONE_ALIASES = {
    "北京": "Asia/Shanghai",
    "北京时间": "Asia/Shanghai",
    "北京時間": "Asia/Shanghai",
    "上海": "Asia/Shanghai",
    "香港": "Asia/Hong_Kong",
    "台北": "Asia/Taipei",
    "东京": "Asia/Tokyo",
    "東京": "Asia/Tokyo",
    "utc": "UTC",
    "gmt": "UTC",
}

_TIME = re.compile(
    r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$|^(\d{1,2})[点點时時](?:(\d{1,2})分?|半)?$"
)


class ScheduleError(ValueError):
    """Raised when a subscribe request has a word that is not a frequency, day, time, zone or language."""

    def __init__(self, kind: str, word: str) -> None:
        self.kind = kind
        """``time`` (not a clock time), ``timezone``, ``conflict`` (said twice or contradicts) or ``word``."""
        self.word = word
        super().__init__(f"{kind}: {word}")


@dataclass(frozen=True)
class SubscriptionRequest:
    """What a subscribe command asked for."""

    schedule: Schedule
    lang: Lang


def _parse_time(word: str) -> tuple[int, int] | None:
    """``9:30``, ``09:30``, ``9am``, ``6:30pm``, ``9点``, ``9点半``, ``9点15``; None when not time-shaped.

    Raises ScheduleError for time-shaped words that are not a time of day (``25:00``, ``9:75``).
    """
    match = _TIME.match(word)
    if not match:
        return None
    if match.group(4) is not None:
        hour = int(match.group(4))
        minute = 30 if word.endswith("半") else int(match.group(5) or 0)
        suffix = None
    else:
        hour, minute, suffix = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        if suffix is None and match.group(2) is None:
            return None  # a bare number is not a time
    if suffix:
        if not 1 <= hour <= 12:
            raise ScheduleError("time", word)
        hour = hour % 12 + (12 if suffix.startswith("p") else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ScheduleError("time", word)
    return hour, minute


def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def _parse_zone(word: str) -> str | None:
    """An IANA zone (any case) or a known alias; None when the word does not look like a zone at all."""
    alias = _ZONE_ALIASES.get(word)
    if alias:
        return alias
    if "/" not in word and word.upper() not in ("UTC", "GMT"):
        return None
    name = _zone_names().get(word.lower())
    if name is None:
        raise ScheduleError("timezone", word)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError("timezone", word) from exc
    return name


def _words(args: str) -> list[str]:
    text = unicodedata.normalize("NFKC", args).strip()
    text = re.sub(r"[,，、;；]", " ", text)
    return text.split()


def parse_subscribe(args: str) -> SubscriptionRequest:
    """The schedule and language asked for by the words after ``subscribe`` / ``订阅``."""
    schedule = Schedule()
    lang: Lang = DEFAULT_LANG
    seen: set[str] = set()

    def once(kind: str, word: str) -> None:
        if kind in seen:
            raise ScheduleError("conflict", word)
        seen.add(kind)

    for word in _words(args):
        lower = word.lower()
        if lower in _FREQUENCIES:
            once("frequency", word)
            schedule = replace(schedule, frequency=_FREQUENCIES[lower])  # type: ignore[arg-type]
        elif lower in _DAYS:
            once("day", word)
            schedule = replace(schedule, weekday=_DAYS[lower])
            if lower.startswith(("每周", "每週")):
                once("frequency", word)
                schedule = replace(schedule, frequency="weekly")
        elif lower in _LANGS:
            once("lang", word)
            lang = _LANGS[lower]
        elif (clock := _parse_time(lower)) is not None:
            once("time", word)
            schedule = replace(schedule, hour=clock[0], minute=clock[1])
        elif (zone := _parse_zone(word)) is not None:
            once("timezone", word)
            schedule = replace(schedule, timezone=zone)
        else:
            raise ScheduleError("word", word)
    if schedule.frequency == "daily" and "day" in seen:
        raise ScheduleError("conflict", args.strip())
    return SubscriptionRequest(schedule, lang)
