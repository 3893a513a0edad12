"""Numbers one side says and the other says another way, set aside before a bead's
numbers are compared (number_match.bead_numbers): basis points against percentage
points, a hundred years against a century, a day of the month against its weekday."""

from __future__ import annotations

import re

from aligner_gui.core.text.numbers import MONTH_NAMES, fold, month_number

__all__ = ["CJK", "centuries", "days_as_weekdays", "months_said_otherwise", "rate_steps",
           "share"]

CJK = re.compile(r"[\u3400-\u9fff]")

_BASIS_POINTS = re.compile(r"基点|基點|basis points?|\bbps?\b", re.IGNORECASE)
_PERCENTAGE_POINTS = re.compile(r"百分点|百分點|percentage points?", re.IGNORECASE)


def share(number: str) -> float | None:
    """A fraction or a percentage as a percentage ("2/3" -> 66.7, "67%" -> 67)."""
    try:
        if number.endswith("%"):
            return float(number[:-1])
        if "/" in number:
            top, bottom = number.split("/")
            return 100.0 * int(top) / int(bottom)
    except (ValueError, ZeroDivisionError):
        return None
    return None


def _value(number: str) -> float | None:
    """A number of the lists as a plain value ("1/4" -> 0.25); None for a percentage."""
    if "/" in number:
        percent = share(number)
        return None if percent is None else percent / 100
    try:
        return float(number)
    except ValueError:
        return None


def rate_steps(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Set aside basis points that say the other side's percentage points: "a quarter of
    a percentage point" as 25个基点, 0.5个百分点 as "50 basis points"."""
    missing, extra = list(numbers["missing"]), list(numbers["extra"])
    aside: list[str] = []
    for text, unmatched, other_text, others in (
        (source_text, missing, target_text, numbers["target"]),
        (target_text, extra, source_text, numbers["source"]),
    ):
        if not unmatched or not _BASIS_POINTS.search(text):
            continue
        if not _PERCENTAGE_POINTS.search(other_text):
            continue
        steps = {round(100 * v, 6) for v in map(_value, others) if v is not None}
        for n in list(unmatched):
            v = _value(n)
            if v is not None and round(v, 6) in steps:
                unmatched.remove(n)
                aside.append(n)
    if not aside:
        return numbers
    return {**numbers, "missing": missing, "extra": extra, "ignored": numbers["ignored"] + aside}


_CENTURY = re.compile(r"\bcentur(?:y|ies)\b|世纪", re.IGNORECASE)


def centuries(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Set aside the hundred years the other side says as a century ("a century ago" /
    一百年前, 百年 / "a century")."""
    missing, extra = list(numbers["missing"]), list(numbers["extra"])
    aside = []
    for unmatched, other_text in ((missing, target_text), (extra, source_text)):
        if "100" in unmatched and _CENTURY.search(other_text):
            unmatched.remove("100")
            aside.append("100")
    if not aside:
        return numbers
    return {**numbers, "missing": missing, "extra": extra, "ignored": numbers["ignored"] + aside}


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_ZH_DAY = re.compile(r"(?<![\d.])(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号](?!元)")


def days_as_weekdays(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Set aside the day of the month of a Chinese text (毛宁18日表示) when the English
    names a weekday instead ("Mao Ning said on Wednesday"): wire English turns a recent
    date into its weekday, and a translator of English may do the reverse."""
    zh_first = CJK.search(source_text) is not None
    zh_text, en_text = (source_text, target_text) if zh_first else (target_text, source_text)
    if not _WEEKDAY.search(en_text):
        return numbers
    key = "missing" if zh_first else "extra"
    unmatched = list(numbers[key])
    aside = []
    for m in _ZH_DAY.finditer(fold(zh_text)):
        month, day = m.group(1), str(int(m.group(2)))
        if day not in unmatched or not 1 <= int(day) <= 31:
            continue
        unmatched.remove(day)
        aside.append(day)
        if month and str(int(month)) in unmatched:  # 12月18日 as "on Wednesday"
            unmatched.remove(str(int(month)))
            aside.append(str(int(month)))
    if not aside:
        return numbers
    return {**numbers, key: unmatched, "ignored": numbers["ignored"] + aside}


_EN_MONTH = re.compile(rf"\b({MONTH_NAMES})\b\.?")


def months_said_otherwise(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Set aside a month the English names and the Chinese leaves unsaid, when the Chinese
    has no other month or small number in its place: "up 12.8 percent from November" for
    环比增长12.8% ("on the month before"), "on Sept. 5" for 5日 (Chinese news gives the day
    of the current month alone). "November" for 10月 stays a change."""
    zh_first = CJK.search(source_text) is not None
    en_text = target_text if zh_first else source_text
    key, other = ("extra", "missing") if zh_first else ("missing", "extra")
    unmatched = list(numbers[key])
    if not unmatched or any(n.isdigit() and 1 <= int(n) <= 12 for n in numbers[other]):
        return numbers
    aside = []
    for m in _EN_MONTH.finditer(en_text):
        month = str(month_number(m.group(1)))
        if month in unmatched:
            unmatched.remove(month)
            aside.append(month)
    if not aside:
        return numbers
    return {**numbers, key: unmatched, "ignored": numbers["ignored"] + aside}
