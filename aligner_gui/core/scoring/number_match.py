"""Matching the numbers of a bead's two sides, harmless small counts and short years set aside."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from aligner_gui.core.scoring.number_asides import (
    CJK,
    centuries,
    days_as_weekdays,
    months_said_otherwise,
    rate_steps,
    share,
)
from aligner_gui.core.text.numbers import month_number, numbers_en
from aligner_gui.core.text.zh_numbers import numbers_zh

_NUMBER_TOKEN = {
    "en": re.compile(
        r"\b(?:a|the|one|two|three|four|five|six|seven|eight|nine)[- ](?:half|thirds?|"
        r"quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
        r"(?:\s+(?:of|parts?))?"  # fractions: "two-thirds", "a third of"
        r"|\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent|per cent|million|billion|"
        r"thousand|trillion|bn|mn))?",
        re.IGNORECASE,
    ),
    "zh": re.compile(
        r"[0-9一二两三四五六七八九十]+分之[0-9一二两三四五六七八九]+"
        r"|(?:百分之)?[0-9零〇一二两三四五六七八九十百千万亿点.,]+%?"
    ),
}


def locate_number(text: str, lang: str, wanted: Sequence[str]) -> tuple[int, int] | None:
    """Span of the first number of ``text`` whose canonical value is one of ``wanted``."""
    read = numbers_zh if lang == "zh" else numbers_en
    for m in _NUMBER_TOKEN.get(lang, _NUMBER_TOKEN["en"]).finditer(text):
        if any(v in wanted for v in read(m.group(0))):
            return m.span()
    return None


# Integers up to this value are spelled out, dropped or rendered idiomatically ("one
# year" / 一年, "both" / 两国, "(ii)" / (二)), so one alone on one side is not a mismatch;
# a small number *replaced* by another small number still is.
SMALL_NUMBER_MAX = 10


def _is_small_integer(number: str) -> bool:
    return number.isdigit() and int(number) <= SMALL_NUMBER_MAX


def compare_numbers(source: Sequence[str], target: Sequence[str]) -> dict[str, list[str]]:
    """Multiset difference of two sides' numbers, with harmless differences set aside.

    Set aside (``ignored``): a number both sides have but one says more often; a year
    against its last two digits; a fraction against the percentage it rounds to, or on
    one side only; a number against itself rounded to three or more significant digits
    (1671.93亿 against "167.19 billion"); a small integer on one side only ("one year"
    against 年). Unmatched small integers on both sides (3 against 5, or 2 and 3 against
    2 and 2) are a real substitution and stay in ``missing``/``extra``, as do fractions
    against other fractions or percentages.
    """
    src, tgt = Counter(source), Counter(target)
    # A number both sides have is there, however often each says it: 7月24日 ... 24日
    # against "July 24 ... on Wednesday" repeats the date, it does not change it.
    said_again = [n for n in (src - tgt).elements() if n in tgt]
    said_again_target = [n for n in (tgt - src).elements() if n in src]
    set_aside = said_again + said_again_target
    missing = [n for n in (src - tgt).elements() if n not in tgt]
    extra = [n for n in (tgt - src).elements() if n not in src]
    missing, extra, years = _short_years(missing, extra)
    missing, extra, shares = _shares(missing, extra)
    missing, extra, rounded = _rounded(missing, extra)
    set_aside += years + shares + rounded
    # A fraction on one side only was said another way ("tithes", "one in five",
    # "the lion's share" for 十分之一, 五分之一, 三分之二); against another fraction or
    # percentage it was changed.
    if not any(share(n) is not None for n in missing) or not any(
        share(n) is not None for n in extra
    ):
        set_aside += [n for n in missing + extra if "/" in n]
        missing = [n for n in missing if "/" not in n]
        extra = [n for n in extra if "/" not in n]
    small_missing = [n for n in missing if _is_small_integer(n)]
    small_extra = [n for n in extra if _is_small_integer(n)]
    # 2金3铜 against "two gold and two bronze": the second 2 is the 3 changed, not one
    # count said again, when the other side has a small count nothing answers.
    if small_missing and not small_extra:
        small_extra = [n for n in said_again_target if _is_small_integer(n)]
        extra += small_extra
    elif small_extra and not small_missing:
        small_missing = [n for n in said_again if _is_small_integer(n)]
        missing += small_missing
    for n in small_missing + small_extra:
        if n in set_aside:
            set_aside.remove(n)
    # 5分钟 as "15 minutes": the 5 is named beside the 15 that replaced it (the bead is
    # flagged by the 15 in any case), not set aside as a count said another way.
    replaced = (small_missing and any(not _is_small_integer(n) for n in extra)) or (
        small_extra and any(not _is_small_integer(n) for n in missing))
    if not (small_missing and small_extra) and not replaced:
        set_aside += small_missing + small_extra
        missing = [n for n in missing if not _is_small_integer(n)]
        extra = [n for n in extra if not _is_small_integer(n)]
    return {
        "source": list(source),
        "target": list(target),
        "missing": missing,
        "extra": extra,
        "ignored": set_aside,
    }


def bead_numbers(
    source: Sequence[str], target: Sequence[str], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """:func:`compare_numbers` of a bead's two sides, then what their texts show to be
    harmless set aside too: a bracketed conversion (:func:`unit_conversions`) and small
    counts neither side writes in digits (:func:`spelled_small_counts`)."""
    numbers = compare_numbers(source, target)
    if numbers["ignored"]:
        numbers = dropped_counts(numbers, source_text, target_text)
    if numbers["missing"] or numbers["extra"]:
        numbers = unit_conversions(numbers, source_text, target_text)
        numbers = dates_without_year(numbers, source_text, target_text)
        numbers = days_as_weekdays(numbers, source_text, target_text)
        numbers = rate_steps(numbers, source_text, target_text)
        numbers = centuries(numbers, source_text, target_text)
        numbers = months_said_otherwise(numbers, source_text, target_text)
        numbers = spelled_small_counts(numbers, source_text, target_text)
    return numbers


# A full date: "Oct. 14, 2025" / 2025年10月14日 (year, month, day as written).
_EN_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ZH_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")


def _full_dates(text: str) -> list[tuple[str, str, str]]:
    """(year, month, day) of the full dates of an English or Chinese text, as numbers."""
    out = [(y, m, d) for y, m, d in _ZH_DATE.findall(text)]
    for word, day, year in _EN_DATE.findall(text):
        month = month_number(word)
        if month is not None:
            out.append((year, str(month), day))
    return [(y, str(int(m)), str(int(d))) for y, m, d in out]


def dates_without_year(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Set aside the year of a full date that the other side gives without it: a caption's
    "Tuesday, Oct. 14, 2025" is 10月14日 in Chinese news, which leaves the current year
    out (and the other way round). The month and day must both be on the other side."""
    missing, extra = list(numbers["missing"]), list(numbers["extra"])
    aside: list[str] = []
    for text, unmatched, others, theirs in (
        (source_text, missing, numbers["target"], extra),
        (target_text, extra, numbers["source"], missing),
    ):
        if any(_YEAR.fullmatch(n) for n in theirs):
            continue  # the other side has a year of its own: 2024 against 2023 is a change
        for year, month, day in _full_dates(text) if unmatched else ():
            if year in unmatched and month in others and day in others:
                unmatched.remove(year)
                aside.append(year)
    if not aside:
        return numbers
    return {**numbers, "missing": missing, "extra": extra, "ignored": numbers["ignored"] + aside}


def spelled_small_counts(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Set aside a mismatch made only of small counts that neither side writes in digits.

    三人 against "the two boys and the servant", 七天之后 against "six days later":
    spelled-out small counts are what translators reshape, so, like Xbench's numeric
    check, only counts written as digits ("3 people", "3人") are compared. A digit on
    either side keeps the whole mismatch.
    """
    unmatched = numbers["missing"] + numbers["extra"]
    if not all(_is_small_integer(n) for n in unmatched):
        return numbers
    digits = re.compile("|".join(rf"(?<![\d.,]){n}(?![\d.,]?\d)" for n in set(unmatched)))
    if digits.search(_fold_digits(source_text)) or digits.search(_fold_digits(target_text)):
        return numbers
    if _counted_alike(numbers, source_text, target_text):
        return numbers
    return {**numbers, "missing": [], "extra": [], "ignored": numbers["ignored"] + unmatched}


# A small count written in digits before what it counts: 射正8次, 3名, "8 shots", "3 goals"
# (not a date or a time: 3日, 8点; not an ordinal: 第3次).
_ZH_DIGIT_COUNT = re.compile(
    r"(?<![\d.,第])(\d{1,2})\s*(?:次|个|個|名|人|位|件|项|項|起|场|場|座|家|辆|輛|架|艘|枚|粒|颗"
    r"|顆|球|条|條|只|隻|头|頭|匹|支|门|門|所|户|戶|套|台|部|本|篇|例|处|處|栋|棟|间|間|枪|槍|局|盘|盤"
    r"|分钟|小时|天|克|勺|汤勺|杯|厘米|毫米|公里|公斤|千克)")
_EN_DIGIT_COUNT = re.compile(r"(?<![\d.,$£€¥#\-/])\b(\d{1,2})\s+(?:[a-z]+-)?[a-z]+s\b")
# A label before the digit makes it a name, not a count: "Scope 1 emissions", "Phase 2 trials".
_LABEL_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\s+$")


def dropped_counts(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Take back from ``ignored`` a small count written in digits before what it counts
    (射正8次, "8 shots") when the other side has no such number at all: a small count on one
    side only is set aside because it is usually said another way (一年 / "a year", 两国 /
    "both"), but a digit and its measure are a count a translation keeps (射门15次，其中射正8次
    as "15 shots" lost the 8: a dogfood round's planted error, development data)."""
    found: dict[str, list[str]] = {"missing": [], "extra": []}
    for text, mine, theirs, key in ((source_text, numbers["source"], numbers["target"], "missing"),
                                    (target_text, numbers["target"], numbers["source"], "extra")):
        pattern = _ZH_DIGIT_COUNT if CJK.search(text) else _EN_DIGIT_COUNT
        for m in pattern.finditer(_fold_digits(text)):
            if pattern is _EN_DIGIT_COUNT and _LABEL_BEFORE.search(text, 0, m.start()):
                continue
            n = str(int(m.group(1)))
            if (_is_small_integer(n) and n in numbers["ignored"] and n in mine
                    and n not in theirs and n not in found[key]):
                found[key].append(n)
    if not found["missing"] and not found["extra"]:
        return numbers
    ignored = list(numbers["ignored"])
    for n in found["missing"] + found["extra"]:
        ignored.remove(n)
    return {**numbers, "missing": numbers["missing"] + found["missing"],
            "extra": numbers["extra"] + found["extra"], "ignored": ignored}


# Measures of a sentence, a score or a dose, which a translation keeps as they are:
# "nine years in prison" as 七年监禁 changed the sentence, however it is spelled.
_MEASURES = (
    (r"years?", "年"), (r"months?", "个月|個月"), (r"goals?", "球|个进球|個進球"),
    (r"tablets?|pills?|doses?", "片|粒|剂|劑"),
)  # fmt: skip
_COUNTED = [
    (re.compile(rf"\b(one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:{en})\b",
                re.IGNORECASE), re.compile(f"([一二两三四五六七八九十])(?:{zh})"))
    for en, zh in _MEASURES
]


def _counted_alike(numbers: dict[str, list[str]], source_text: str, target_text: str) -> bool:
    """Whether a small count missing on one side and another on the other both count the
    same measure (years, months, goals, doses): a changed term or score, not a reshaping."""
    def counts(text: str, patterns: tuple[re.Pattern[str], re.Pattern[str]]) -> set[str]:
        zh = CJK.search(text) is not None
        read = numbers_zh if zh else numbers_en
        return {v for m in patterns[zh].finditer(text) for v in read(m.group(1))}

    if (CJK.search(source_text) is None) == (CJK.search(target_text) is None):
        return False
    return any(set(numbers["missing"]) & counts(source_text, patterns)
               and set(numbers["extra"]) & counts(target_text, patterns)
               for patterns in _COUNTED)


# An amount in brackets right after another: a conversion ("150 kph (93 mph)", "10
# billion yuan ($1.4 billion)", "30 C (86 F)"), which translations routinely drop or keep
# instead of the first. The bracket holds the amount and at most a few words.
_BRACKETED = re.compile(r"[(（]([^()（）]{1,40})[)）]")
_AMOUNT_BEFORE = re.compile(r"(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine"
                            r"|ten|half a))\s*(?:[A-Za-z%°$£€¥/.\-]+\s*){0,3}$", re.I)
_CONVERSION_WORDS = re.compile(
    r"^(?:(?:about|around|roughly|some|approximately|approx\.|nearly|almost|over|more than|"
    r"less than|up to|or|US|USD)\s*)*[$£€¥]?\s*\d[\d,.]*\s*(?:[A-Za-z%°/.\-]+\s*){0,3}$",
    re.IGNORECASE,
)


def unit_conversions(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Set aside a number that only converts another the other side has: "150 kph (93
    mph)" against 每小时150公里, "93 miles (150 km)" against 150公里, "10 billion yuan ($1.4
    billion)" against 100亿元. Either amount of the pair may be the one kept."""
    missing, extra = list(numbers["missing"]), list(numbers["extra"])
    aside: list[str] = []
    for text, unmatched, others, theirs in ((source_text, missing, numbers["target"], extra),
                                            (target_text, extra, numbers["source"], missing)):
        if not unmatched:
            continue
        for a, b in _conversions(text):
            for gone, kept in ((a, b), (b, a)):
                # "one fen (about 67 square meters)" for 一分地: a small amount in words
                # the other side may not write as a number; its conversion is a gloss.
                # A number of the other side's own in its place is a change, not a drop:
                # "3.5 million Australian dollars ($2.2 million)" as 530万澳元（约合220万美元）.
                glossed = gone == b and _is_small_integer(kept)
                if gone in unmatched and (kept in others or glossed) and kept not in unmatched \
                        and not theirs:
                    unmatched.remove(gone)
                    aside.append(gone)
    if not aside:
        return numbers
    return {**numbers, "missing": missing, "extra": extra, "ignored": numbers["ignored"] + aside}


def _conversions(text: str) -> list[tuple[str, str]]:
    """(amount, its bracketed conversion) pairs of an English text, canonical values."""
    return [pair for pair, _span in _bracketed_conversions(text)]


def conversion_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the bracketed conversions of an English text ("(about 211 billion U.S.
    dollars)" after "1.5 trillion yuan"), brackets included: an addition of the
    translator's, or text a translation may leave out, never a meaning of its own."""
    if "(" not in text and "（" not in text:
        return []
    return [span for _pair, span in _bracketed_conversions(text)]


def _bracketed_conversions(text: str) -> list[tuple[tuple[str, str], tuple[int, int]]]:
    out = []
    for m in _BRACKETED.finditer(text):
        inside = m.group(1).strip()
        if not _CONVERSION_WORDS.match(inside):
            continue
        before = _AMOUNT_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        first, second = numbers_en(before.group(0)), numbers_en(inside)
        if len(first) == 1 and len(second) == 1 and first != second:
            out.append(((first[0], second[0]), m.span()))
    return out


def _fold_digits(text: str) -> str:
    return text.translate(_FULLWIDTH_DIGITS)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _short_years(missing: list[str], extra: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Set aside a year against its last two digits: "the 1990s" is 上世纪90年代."""
    missing, extra = list(missing), list(extra)
    paired: list[str] = []
    for longer, shorter in ((missing, extra), (extra, missing)):
        for year in list(longer):
            if len(year) == 4 and year.isdigit() and year[:2] in ("19", "20"):
                if year[2:] in shorter:
                    longer.remove(year)
                    shorter.remove(year[2:])
                    paired += [year, year[2:]]
                    century = str(int(year[:2]) + 1)  # 20世纪90年代
                    if century in shorter:
                        shorter.remove(century)
                        paired.append(century)
    return missing, extra, paired


def _shares(missing: list[str], extra: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Set aside a fraction against the percentage it rounds to: "a third" is 33%."""
    missing, extra = list(missing), list(extra)
    paired: list[str] = []
    for fractions, percents in ((missing, extra), (extra, missing)):
        for fraction in [n for n in fractions if "/" in n]:
            value = share(fraction)
            for percent in [n for n in percents if n.endswith("%")]:
                other = share(percent)
                if value is not None and other is not None and abs(value - other) < 1.5:
                    fractions.remove(fraction)
                    percents.remove(percent)
                    paired += [fraction, percent]
                    break
    return missing, extra, paired


# A rounded figure keeps at least this many significant digits: "167.19 billion" for
# 1671.93亿 is rounding, "1,600" for 1,550 is another number. It has a decimal part or
# ends in thousands (a figure in millions or 亿), so that 2020 is not 2019 rounded.
ROUNDED_MIN_DIGITS = 3
_PLAIN = re.compile(r"\d+(?:\.\d+)?")


def _rounds_to(precise: str, rounded: str) -> bool:
    if not (_PLAIN.fullmatch(precise) and _PLAIN.fullmatch(rounded)):
        return False
    try:
        exact, short = Decimal(precise).normalize(), Decimal(rounded).normalize()
        digits, exponent = len(short.as_tuple().digits), int(short.as_tuple().exponent)
        if digits < ROUNDED_MIN_DIGITS or len(exact.as_tuple().digits) <= digits:
            return False
        if 0 <= exponent < 3:
            return False  # 2020 is no rounded 2019, nor 12,300 a rounded 12,345 people
        step = Decimal(1).scaleb(exponent)
        return exact.quantize(step, rounding=ROUND_HALF_UP) == short
    except (InvalidOperation, ValueError):
        return False


def _rounded(missing: list[str], extra: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Set aside a number against the same number rounded (either side may round)."""
    missing, extra = list(missing), list(extra)
    paired: list[str] = []
    for number in list(missing):
        for other in extra:
            if _rounds_to(number, other) or _rounds_to(other, number):
                missing.remove(number)
                extra.remove(other)
                paired += [number, other]
                break
    return missing, extra, paired
