"""Canonical number strings, so the same quantity compares equal across languages.

``numbers_en("1,550 warheads, 23 percent")`` and ``numbers_zh("1550枚弹头,百分之二十三")``
both give ``["1550", "23%"]``. Canonical form: integers without separators ("1550"),
decimals without trailing zeros ("3.5"), scaled amounts multiplied out ("1.5万" and
"15 thousand" give "15000"), percentages with a "%" suffix ("23%").

Chinese numerals are read only where they are quantities: words such as 一些, 一直,
统一, 一起, 万一, 十分 are masked before scanning, and a lone 一 before a general
measure word (一个, 一项, 一场 ...) is read as the article "a", not as a number,
because English translations say "a" there far more often than "one".
Known limits: English "one" is a number except in pronoun uses ("no one", "this one",
"one another"), while a lone Chinese 一 counts only in 第一, 一年-like spans and 之一;
colloquial 一千五 is read as 1500, 三四 ("three or four") gives nothing.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from aligner_gui.core.text.clock import en_hours_12, zh_hours_12

__all__ = ["numbers_en", "numbers_zh", "canonical", "zh_numeral_value"]


def canonical(value: Decimal, percent: bool = False) -> str:
    """The canonical string of a number: no separators, no exponent, no trailing zeros."""
    if value == value.to_integral_value():
        text = str(int(value))
    else:
        text = format(value.normalize(), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text + "%" if percent else text


def _fold(text: str) -> str:
    # NFKC turns fullwidth digits/percent/comma into ASCII; cheap for ASCII input.
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


# ---------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------

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
# Newsroom abbreviations written onto the number: "$2.5bn", "3tn yen", "1.2mn barrels".
_EN_SCALE_ABBREV = {"bn": 10**9, "bln": 10**9, "tn": 10**12, "trn": 10**12, "mn": 10**6,
                    "mln": 10**6}  # fmt: skip
# After a currency sign only ("$300m", "£50k"): alone, "10m" is ten metres.
_EN_SCALE_MONEY = {"m": 10**6, "b": 10**9, "k": 10**3}
_CURRENCY_SIGNS = "$£€¥"
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

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
    """Canonical numbers of an English text, in order of appearance."""
    return list(_numbers_en(en_hours_12(_fold(text))))


@lru_cache(maxsize=65536)
def _numbers_en(text: str) -> tuple[str, ...]:
    # (kind, text, joined): joined is True when only spaces separate it from the previous.
    tokens: list[tuple[str, str, bool]] = []
    # Indices of tokens separated from the previous one by a lone full stop ("Nov. 27").
    after_dot: set[int] = set()
    after_currency: set[int] = set()
    attached: set[int] = set()  # nothing at all between it and the previous token
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
            if kind == "num" and j < n and tokens[j][0] == "word" and tokens[j][2]:
                low = tokens[j][1].lower()
                scale = _EN_SCALE.get(low) or _EN_SCALE_ABBREV.get(low)
                if scale is None and i in after_currency and j in attached:
                    scale = _EN_SCALE_MONEY.get(low)
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
            elif nk == "word" and nl == "percent":
                percent, j = True, j + 1
            elif nk == "word" and nl == "per" and j + 1 < n and tokens[j + 1][1].lower() == "cent":
                percent, j = True, j + 2
        out.append(canonical(value, percent))
        i = j
    return tuple(out)


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
    denominator = _EN_FRACTION[parts[1]]
    if not 0 < numerator < denominator:
        return None
    return f"{numerator}/{denominator}", j


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


# ---------------------------------------------------------------------------------------
# Chinese
# ---------------------------------------------------------------------------------------

_ZH_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3,
             "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}  # fmt: skip
_ZH_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ZH_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_ZH_NUM_CHARS = "".join([*_ZH_DIGIT, *_ZH_UNIT, *_ZH_BIG])

# Words in which numeral characters are not quantities. Masked before scanning.
_ZH_NOT_NUMBERS = """
一些 一直 一起 一样 一般 一定 一切 一旦 一致 一同 一度 一再 一向 一贯 一律 一味 一时 一下
一点儿 一边 一面 一方面 一道 一番 一概 一并 一举 一经 一带 一路 一流 一线 一手 一心 一向
一会儿 一会 一口气 一阵 一如既往 一模一样 一目了然 一无所知 一无所有 一席之地 一帆风顺
一揽子 一连串 一系列 一旁 一下子 第二天 一点 一共 一半 一部分 一部份 一刻 一瞬间
几十 数十 十几 几千 几万 数千 数万 数百 上千 上万 上百
一体 一体化 一身 一生 一辈子 一家人 一团 一片 一气 一早 一齐 一瞬
统一 唯一 万一 专一 一一 划一 同一 不一 逐一 之一致 始终如一 独一无二 表里如一
千万 万万 万分 万物 万岁 万能 万事 万众 万恶 万难 万里 千里 千方百计 千辛万苦 成千上万
百姓 老百姓 百货 百般 百科 百合 百灵 百叶 百花 一百一
十分 十足 十全十美 十字 十字架 十字路口 九死一生 乱七八糟 七嘴八舌 五花八门 七上八下
三明治 再三 三思 四处 四周 四方 四面 四面八方 八卦 九州 六合 五官 三角 不三不四 接二连三
二手 二话 三心二意 独一 一一对应 第一手 一概而论 说一不二 一二
四围 四境 四散 四下 四邻 四海 四野
周一 周二 周三 周四 周五 周六 周日 星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天
礼拜一 礼拜二 礼拜三 礼拜四 礼拜五 礼拜六 礼拜日 礼拜天
两岸 两旁 两边 两侧 两手 两面 两者 两性 两极 两样 两口子 两全其美
万分之 十万分之 百万分之 千万分之 亿分之 十亿分之
"""
# A lone 一 before these measure words reads as the article "a".
_ZH_ARTICLE_MEASURES = set(
    "个項项种場场位名份件条篇句则段张把只支座所家间台部辆艘架枚颗本门道声股批群起番阵片套"
    "眼口身脚拳步"
)


def _mask_pattern(word: str) -> str:
    # 一点 "a bit" is masked, 一点五 (1.5) is not.
    pattern = word + "(?![零〇一二两三四五六七八九])" if word.endswith("点") else word
    if word == "十分":
        pattern += "(?!之)"  # 十分 "very", but 十分之一 "a tenth"
    if word[0] in "十百千万":
        # 千万 "by all means" is masked, 三千万 (30 million) is not.
        pattern = r"(?<![\d零〇一二两三四五六七八九十百千])" + pattern
    elif word[0] in "一二两三四五六七八九":
        # 一点 "a bit" and 一时 "for a while" are masked, 十一点 (11 o'clock) is not.
        pattern = r"(?<![\d零〇一二两三四五六七八九十百千万])" + pattern
    return pattern


_ZH_TIME_UNITS = frozenset("年天日月周夜晚岁辈代世纪")

_ZH_MASK = re.compile(
    "|".join(_mask_pattern(w) for w in sorted(set(_ZH_NOT_NUMBERS.split()), key=len, reverse=True))
)
# 千 of a unit is no thousand: 3500万千瓦 is 35 million kilowatts, 三千米 three kilometres.
_ZH_KILO = re.compile(r"千(?=瓦|克|米|卡|焦|伏|帕|赫|兆)")
_ZH_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH_TOKEN = re.compile(
    r"(?P<fden>[2-9]|10|[二三四五六七八九十])分之(?P<fnum>[1-9]|[一二两三四五六七八九])"
    r"(?![\d" + _ZH_NUM_CHARS + "])|"
    r"(?P<pct>百分之)?"
    r"(?:(?P<arabic>" + _ZH_ARABIC + r")(?P<abig>[十百千万萬亿億]+)?"
    r"|(?P<han>[" + _ZH_NUM_CHARS + r"]+(?:[点點][" + _ZH_NUM_CHARS + r"]+)?))"
    r"(?P<pct2>%)?"
)


def numbers_zh(text: str) -> list[str]:
    """Canonical numbers of a Chinese text, in order of appearance."""
    return list(_numbers_zh(zh_hours_12(_fold(text))))


def _mask(m: re.Match[str]) -> str:
    return "\x00" * len(m.group(0))


@lru_cache(maxsize=65536)
def _numbers_zh(text: str) -> tuple[str, ...]:
    masked = _ZH_KILO.sub(_mask, _ZH_MASK.sub(_mask, text))
    out: list[str] = []
    for m in _ZH_TOKEN.finditer(masked):
        if m.group("fden"):  # 三分之二 is "two-thirds"
            den, num = (_zh_digit_value(m.group(g)) for g in ("fden", "fnum"))
            if den is not None and num is not None and 0 < num < den:
                out.append(f"{num}/{den}")
            continue
        percent = bool(m.group("pct") or m.group("pct2"))
        value: Decimal | None
        if m.group("arabic"):
            try:
                value = Decimal(m.group("arabic").replace(",", ""))
            except InvalidOperation:
                continue
            for ch in m.group("abig") or "":
                value *= _ZH_UNIT.get(ch) or _ZH_BIG[ch]
        else:
            han = m.group("han")
            if not _han_is_quantity(han, masked, m.start("han"), m.end("han"), percent):
                continue
            value = zh_numeral_value(han)
        if value is None:
            continue
        out.append(canonical(value, percent))
    return tuple(out)


def _zh_digit_value(text: str) -> Decimal | None:
    return Decimal(text) if text.isdigit() else _zh_value(text)


def _han_is_quantity(han: str, text: str, start: int, end: int, percent: bool) -> bool:
    if percent:
        return True
    nxt = text[end] if end < len(text) else ""
    if len(han) == 1:
        if han in _ZH_BIG or han in ("百", "千", "佰", "仟"):
            return False  # 万物, 百姓 ... a bare unit is rarely a quantity
        if han in ("一", "壹"):
            # A lone 一 is mostly the article or an adverb (一枪 "a shot", 一见 "as soon
            # as"); it counts as 1 in ordinals (第一), "one of" (之一) and spans of time
            # (一年 "one year"), where English tends to say "one" too.
            prev = text[start - 1] if start else ""
            return prev == "第" or nxt == "之" or nxt in _ZH_TIME_UNITS
        if han in ("零", "〇", "○"):
            return False
    elif (
        len(han) in (2, 3)
        and all(c in _ZH_DIGIT for c in han)
        and not any(c in "零〇○" for c in han)
        and nxt != "年"
    ):
        return False  # 三四个 = "three or four"; not a digit string
    return True


def zh_numeral_value(han: str) -> Decimal | None:
    """Value of a Chinese numeral such as 一千五百五十, 二〇二〇, 三点五, 两万五."""
    return _zh_value(han)


@lru_cache(maxsize=8192)
def _zh_value(han: str) -> Decimal | None:
    if "点" in han or "點" in han:
        whole, _, frac = han.replace("點", "点").partition("点")
        head = _zh_value(whole) if whole else Decimal(0)
        if head is None or not frac or not all(c in _ZH_DIGIT for c in frac):
            return head
        digits = "".join(str(_ZH_DIGIT[c]) for c in frac)
        return head + Decimal("0." + digits)
    if all(c in _ZH_DIGIT for c in han):
        return Decimal(int("".join(str(_ZH_DIGIT[c]) for c in han)))
    total = 0  # completed 亿 sections
    section = 0  # completed 万 sections within the current 亿
    current = 0  # below 万
    digit: int | None = None
    last_unit = 1
    for c in han:
        if c in _ZH_DIGIT:
            if _ZH_DIGIT[c] == 0:
                last_unit = 1  # 一千零五: the 5 is units
                digit = None
            else:
                digit = _ZH_DIGIT[c]
        elif c in _ZH_UNIT:
            unit = _ZH_UNIT[c]
            current += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        else:
            big = _ZH_BIG[c]
            current += digit or 0
            digit = None
            if big == 10**8:
                total = (total + section + current or 1) * big
                section = 0
            else:
                section = (section + current or 1) * big
            current = 0
            last_unit = big
    if digit is not None:
        # 一千五 = 1500, 两万五 = 25000: a trailing digit takes the unit below the last one.
        current += digit * (last_unit // 10 if last_unit >= 100 else 1)
    return Decimal(total + section + current)
