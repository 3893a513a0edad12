"""Canonical number strings, so the same quantity compares equal across languages.

``numbers_en("1,550 warheads, 23 percent")`` and, in :mod:`.zh_numbers`,
``numbers_zh("1550枚弹头,百分之二十三")`` both give ``["1550", "23%"]``. Canonical form:
integers without separators ("1550"), decimals without trailing zeros ("3.5"), scaled
amounts multiplied out ("1.5万" and "15 thousand" give "15000"), percentages with a "%"
suffix ("23%").

This module reads English. Known limit: "one" is a number except in pronoun uses ("no
one", "this one", "one another").
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from aligner_gui.core.text.clock import en_hours_12

__all__ = ["canonical", "fold", "is_month_at", "numbers_en"]


def canonical(value: Decimal, percent: bool = False) -> str:
    """The canonical string of a number: no separators, no exponent, no trailing zeros."""
    if value == value.to_integral_value():
        text = str(int(value))
    else:
        text = format(value.normalize(), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text + "%" if percent else text


def fold(text: str) -> str:
    # NFKC turns fullwidth digits/percent/comma into ASCII; cheap for ASCII input.
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


_EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "twoscore": 40, "threescore": 60, "fourscore": 80,
}  # fmt: skip
_EN_ORDINAL = {
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
# "in his forties" (四十多岁), "the sixties" (六十年代): the decade's first number.
_EN_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
               "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
# Fractions: "two-thirds", "one-half", "a third of", "three quarters of" (三分之二 ...),
# written "2/3". A bare "half" or "quarter" is left alone ("the second half", "a quarter").
_EN_FRACTION = {
    "half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_EN_SCALE = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
             "trillion": 10**12}  # fmt: skip
# Units counted in millions where Chinese counts their base unit: a "50-megapixel" camera
# is 5000万像素.
_EN_MEGA_UNITS = {"megapixel": 10**6, "megapixels": 10**6, "mp": 10**6}
# Newsroom abbreviations written onto the number: "$2.5bn", "3tn yen", "1.2mn barrels".
_EN_SCALE_ABBREV = {"bn": 10**9, "bln": 10**9, "tn": 10**12, "trn": 10**12, "mn": 10**6,
                    "mln": 10**6}  # fmt: skip
# After a currency sign only ("$300m", "£50k"): alone, "10m" is ten metres.
_EN_SCALE_MONEY = {"m": 10**6, "b": 10**9, "k": 10**3}
# ... or before an area or a count no length can have: "1.5m square feet", "2m people"
# (but "a room 3m square", "the 100m final" are metres).
_EN_AREA_UNITS = {"feet", "ft", "metres", "meters", "miles", "kilometres", "kilometers", "km"}
_EN_COUNTED = {"people", "residents", "visitors", "tourists", "passengers", "users",
               "subscribers", "viewers", "households", "jobs", "shares", "barrels", "tonnes",
               "tons", "doses", "copies", "hectares", "acres"}  # fmt: skip
_CURRENCY_SIGNS = "$£€¥"
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


# A month's English name or abbreviation, capitalised as written ("Sept", "November").
MONTH_NAMES = "(?:" + "|".join(sorted({m.capitalize() for m in _EN_MONTHS}, key=len,
                                       reverse=True)) + ")"


def month_number(word: str) -> int | None:
    """1-12 for an English month name or its abbreviation ("Sept.", "October"), else None."""
    return _EN_MONTHS.get(word.lower().rstrip("."))


# Words after which "March" and "May" are months ("in March", "until May", "early March").
_EN_BEFORE_MONTH = frozenset(
    "in since until till by last next early late mid before after during through from "
    "of between".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def is_month_at(text: str, start: int, word: str) -> bool:
    """Whether the capitalised ``word`` at ``start`` of ``text`` names a month ("in March",
    "June", "Sept."), not a person ("Theresa May") or a march: a full month name, or
    "May"/"March" after a time word."""
    low = word.lower().rstrip(".")
    if low not in _EN_MONTHS or not word[:1].isupper():
        return False
    if low in ("may", "march"):
        before = _WORD_BEFORE.search(text, max(0, start - 32), start)
        return before is not None and before.group(1).lower() in _EN_BEFORE_MONTH
    end = start + len(word)
    return low not in _EN_MONTH_ABBREV or word.endswith(".") or text[end : end + 1] == "."


# "no one", "this one", "the one who": pronoun uses of "one".
_EN_NOT_ONE_BEFORE = frozenset(
    "no any every some the this that which each little last other only".split()
)
_EN_NOT_ONE_AFTER = frozenset(
    "another who whom whose that which may might must should can could would will".split()
)
# A number word joined to what it counts: "fourteen-year-old", "twenty-one-day".
_EN_MEASURED = re.compile(
    "^((?:" + "|".join(sorted(_EN_SMALL, key=len, reverse=True)) + ")(?:-(?:one|two|three|four"
    "|five|six|seven|eight|nine))?)-(?:year|month|week|day|hour|minute|mile|foot|inch|yard"
    "|metre|meter|kilometre|kilometer|storey|story|page|point|member|seat|man|person)s?(?:-|$)"
)
_EN_DETERMINERS = frozenset("the its his her their our my your this that".split())
_EN_MONTH_ABBREV = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_EN_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s*(?P<ord>st|nd|rd|th)\b)?"
    r"|(?P<word>[A-Za-z]+(?:-[A-Za-z]+)*)"
    r"|(?P<pct>%)"
)


def numbers_en(text: str) -> list[str]:
    """Canonical numbers of an English text, in order of appearance (a version number,
    2.4.1, as it is written, first)."""
    if _ROMAN_HINT.search(text):
        text = _ROMAN.sub(_roman, text)
    versions, text = versions_out(text)
    return versions + list(_numbers_en(en_hours_12(fold(text))))


# A version number (2.4.1, 10.0.19045): one identifier, not 2.4 and 0.1.
VERSION = re.compile(r"(?<![\d.])\d+\.\d+\.\d+(?:\.\d+)*(?![\d.]*\d)")


def versions_out(text: str) -> tuple[list[str], str]:
    """The version numbers of ``text`` and the text without them."""
    if "." not in text:
        return [], text
    versions = VERSION.findall(text)
    return (versions, VERSION.sub(" ", text)) if versions else ([], text)


# A Roman numeral of two letters or more after a capitalised word: "King Carl XVI
# Gustaf" is 卡尔十六世, "World War II", "Phase III", "Stage IV" (not "an IV drip", nor a
# lone I, V or X: "Model X").
_ROMAN_HINT = re.compile(r"\b[IVX]{2,}\b")
_ROMAN = re.compile(r"\b([A-Z][a-z]+ )(X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3})\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(m: re.Match[str]) -> str:
    numeral = m.group(2)
    if len(numeral) < 2:
        return m.group(0)
    values = [_ROMAN_VALUES[c] for c in numeral]
    total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v
                for k, v in enumerate(values))
    return f"{m.group(1)}{total}"


# Words that can begin, end or make a number: a text with none of them and no digit has none.
_EN_NUMBER_WORDS = frozenset(
    {*_EN_SMALL, *_EN_SCALE, *_EN_ORDINAL, "second", *_EN_DECADES, *_EN_MONTHS, *_EN_FRACTION}
)
_EN_LETTERS = re.compile("[A-Za-z]+")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=65536)
def _numbers_en(text: str) -> tuple[str, ...]:
    if not _DIGIT.search(text) and _EN_NUMBER_WORDS.isdisjoint(
        w.lower() for w in _EN_LETTERS.findall(text)
    ):
        return ()  # what follows reads numbers from digits and these words only
    # (kind, text, joined): joined is True when only spaces separate it from the previous.
    tokens: list[tuple[str, str, bool]] = []
    # Indices of tokens separated from the previous one by a lone full stop ("Nov. 27").
    after_dot: set[int] = set()
    after_currency: set[int] = set()
    attached: set[int] = set()  # nothing at all between it and the previous token
    hyphened: set[int] = set()  # a hyphen between: "a 2-million-barrel cargo"
    prev_end = 0
    for m in _EN_TOKEN.finditer(text):
        gap = text[prev_end : m.start()].strip()
        joined = not gap
        if gap == ".":
            after_dot.add(len(tokens))
        if gap and gap[-1] in _CURRENCY_SIGNS:
            after_currency.add(len(tokens))
        if m.start() == prev_end:
            attached.add(len(tokens))
        if gap == "-":
            hyphened.add(len(tokens))
        prev_end = m.end()
        if m.group("num"):
            kind = "ordnum" if m.group("ord") else "num"
            tokens.append((kind, m.group("num"), joined))
        elif m.group("pct"):
            tokens.append(("pct", "%", joined))
        else:
            tokens.append(("word", m.group("word"), joined))
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        kind, tok, _joined = tokens[i]
        value: Decimal | None = None
        j = i + 1
        if kind in ("num", "ordnum"):
            try:
                value = Decimal(tok.replace(",", ""))
            except InvalidOperation:
                i += 1
                continue
            if kind == "num" and j < n and tokens[j][0] == "word" and (
                tokens[j][2] or (j in hyphened and tokens[j][1].lower().split("-")[0] in _EN_SCALE)
                or (j in hyphened and tokens[j][1].lower() in _EN_MEGA_UNITS)  # 50-megapixel
            ):
                low = tokens[j][1].lower()
                scale = (_EN_SCALE.get(low) or _EN_SCALE_ABBREV.get(low)
                         or _EN_SCALE.get(low.split("-", 1)[0])  # "3 million-strong"
                         or _EN_MEGA_UNITS.get(low))
                if scale is None and i in after_currency and j in attached:
                    scale = _EN_SCALE_MONEY.get(low)
                if scale is None and low == "m" and j in attached and _counts_after(tokens, j):
                    scale = 10**6
                if scale and scale >= 1000:
                    value *= scale
                    j += 1
        elif kind == "word":
            low = tok.lower()
            parts = low.split("-")
            fraction = _en_fraction(tokens, i)
            if fraction is not None:
                out.append(fraction[0])
                i = fraction[1]
                continue
            if low in _EN_SCALE and _after_parts_per(tokens, i):
                i += 1  # "300 parts per million" is 300 ppm (百万分之三百, 300ppm)
                continue
            if all(p in _EN_SMALL or p in _EN_SCALE for p in parts):
                value, j = _read_en_words(tokens, i)
                if value is not None and low == "one":
                    prev = tokens[i - 1][1].lower() if i else ""
                    nxt = tokens[i + 1][1].lower() if i + 1 < n else ""
                    after = tokens[i + 2][1].lower() if i + 2 < n else ""
                    if (
                        prev in _EN_NOT_ONE_BEFORE
                        or nxt in _EN_NOT_ONE_AFTER
                        or after == "another"  # "one to another", "one from another"
                    ):
                        value = None
            elif (
                (low in _EN_ORDINAL or low == "second")
                and i
                and (tokens[i - 1][1].lower() in _EN_DETERMINERS)
            ):
                # "the first day" (第一天) but not "at first", "put our country first"
                value = Decimal(_EN_ORDINAL.get(low, 2))
            elif low in _EN_DECADES:
                value = Decimal(_EN_DECADES[low])
            elif parts[0] in _EN_SMALL and (measured := _EN_MEASURED.match(low)):
                # "fourteen-year-olds", "a twenty-one-day trip", "a five-mile walk"
                value = Decimal(sum(_EN_SMALL[p] for p in measured.group(1).split("-")))
            elif (
                len(parts) == 2
                and _EN_SMALL.get(parts[0], 0) in (20, 30, 40, 50, 60, 70, 80, 90)
                and (parts[1] in _EN_ORDINAL or parts[1] == "second")
                and _EN_ORDINAL.get(parts[1], 2) < 10
            ):
                # "my twenty-first birthday" (二十一岁生日): always an ordinal number
                value = Decimal(_EN_SMALL[parts[0]] + _EN_ORDINAL.get(parts[1], 2))
            elif low in _EN_MONTHS and tok[0].isupper() and len(tok) > 2:
                # Full month names count ("in June" = 6月); "May" and abbreviations
                # ("Mar", "Dec") only when a day or year follows - also after the
                # abbreviation's full stop, as in AP style "Nov. 27", "Sept. 3, 2026".
                full = low not in _EN_MONTH_ABBREV and low not in ("may", "march")
                if low in ("may", "march") and i and tokens[i][2]:
                    # "in March", "since May", "last March": a month after a time word
                    # ("Theresa May", "the March on Washington" stay no number).
                    full = tokens[i - 1][1].lower() in _EN_BEFORE_MONTH
                dated = j < n and tokens[j][0] in ("num", "ordnum")
                dated = dated and (tokens[j][2] or (j in after_dot and low in _EN_MONTH_ABBREV))
                if full or dated:
                    out.append(str(_EN_MONTHS[low]))
                i += 1
                continue
        if value is None:
            i += 1
            continue
        # "two decades" is 二十年: count the years.
        if j < n and tokens[j][2] and tokens[j][1].lower() in ("decade", "decades"):
            value *= 10
        percent = False
        if j < n and tokens[j][2]:
            nk, nt, _ = tokens[j]
            nl = nt.lower()
            if nk == "pct":
                percent, j = True, j + 1
            elif nk == "word" and nl in ("percent", "pct"):  # "up 4.9 pct" (Xinhua)
                percent, j = True, j + 1
            elif nk == "word" and nl == "per" and j + 1 < n and tokens[j + 1][1].lower() == "cent":
                percent, j = True, j + 2
        out.append(canonical(value, percent))
        i = j
    return tuple(out)


def _counts_after(tokens: list[tuple[str, str, bool]], j: int) -> bool:
    """Whether the words after an attached "m" ("1.5m") make it a million, not metres."""
    words = [t[1].lower() for t in tokens[j + 1 : j + 3] if t[0] == "word"]
    if not words:
        return False
    if words[0] in ("square", "sq", "cubic"):
        return len(words) > 1 and words[1] in _EN_AREA_UNITS
    return words[0] in _EN_COUNTED


def _en_fraction(tokens: list[tuple[str, str, bool]], i: int) -> tuple[str, int] | None:
    """("2/3", index after it) for "two-thirds" / "one-half" at ``i``, or for "a third of" /
    "three quarters of" / "the fifth part" (the "of" or "part" tells a share from an
    ordinal or a quarter-year: not "the third of July")."""
    low = tokens[i][1].lower()
    parts = low.split("-")
    if len(parts) == 2 and parts[1] in _EN_FRACTION and (parts[0] == "a" or parts[0] in _EN_SMALL):
        numerator, j = _EN_SMALL.get(parts[0], 1), i + 1
    elif (
        (low in ("a", "the") or low in _EN_SMALL)
        and i + 2 < len(tokens)
        and tokens[i + 1][1].lower() in _EN_FRACTION
        and tokens[i + 1][1].lower() != "half"
        and tokens[i + 2][1].lower() in (("part", "parts") if low == "the" else ("of", "part"))
    ):
        numerator, j, parts = _EN_SMALL.get(low, 1), i + 2, [low, tokens[i + 1][1].lower()]
    else:
        return None
    if i and tokens[i - 1][1].lower() in _PERIOD_RUN and parts[1] in ("quarters", "halves"):
        return None  # "the first three quarters of the year" (前三季度) are three quarters
    denominator = _EN_FRACTION[parts[1]]
    if not 0 < numerator < denominator:
        return None
    return f"{numerator}/{denominator}", j


# Words before "three quarters" that make them quarter-years, not a share.
_PERIOD_RUN = frozenset(("first", "last", "past", "next", "previous", "latest", "coming",
                         "final", "preceding"))


def _after_parts_per(tokens: list[tuple[str, str, bool]], i: int) -> bool:
    return i >= 2 and tokens[i - 1][1].lower() == "per" and tokens[i - 2][1].lower() in (
        "part",
        "parts",
    )


def _read_en_words(tokens: list[tuple[str, str, bool]], i: int) -> tuple[Decimal | None, int]:
    """Read a run of English number words.

    Handles "two hundred and fifty-one thousand", and the Bible's "forty and six
    thousand and five hundred", "an hundred and fourscore", "three score and ten". An
    "and" continues the number only after a round part ("two and two" stays 2, 2).
    """
    total = 0
    current = 0
    seen = False
    j = i
    n = len(tokens)
    while j < n and tokens[j][0] == "word" and (j == i or tokens[j][2]):
        low = tokens[j][1].lower()
        if low == "and" and seen and j + 1 < n and tokens[j + 1][0] == "word" and tokens[j + 1][2]:
            nxt = tokens[j + 1][1].lower().split("-")[0]
            if nxt in _EN_SMALL and current % 10 == 0 and (current or total):
                j += 1
                continue
            break
        parts = low.split("-")
        if not all(p in _EN_SMALL or p in _EN_SCALE or p == "score" for p in parts):
            break
        if parts == ["score"] and not current:
            break  # "a score of" is rare; "score" alone is a noun
        for p in parts:
            if p in _EN_SMALL:
                current += _EN_SMALL[p]
            elif p == "score":
                current = (current or 1) * 20
            elif p == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * _EN_SCALE[p]
                current = 0
        seen = True
        j += 1
    if not seen:
        return None, i + 1
    return Decimal(total + current), j
