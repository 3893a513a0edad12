"""Marks a translation must carry over: brackets, quotation and question marks;
currencies and units (an extension of the numbers check).

Rules as in ``check_rules``: ``rule(src, tgt, src_lang, tgt_lang) -> tuple[RuleHit, ...]``
with offsets into the texts given.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from aligner_gui.core.qe.hits import Hits, RuleHit

__all__ = ["continued_across", "punctuation_rule", "unit_rule"]


# -- punctuation -----------------------------------------------------------------------

# (family, opening marks, closing marks) counted per family; a straight '"' is its own
# opener and closer and counts by parity.
_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("brackets", "(（", ")）"),
    ("square brackets", "[［【〔", "]］】〕"),
    ("quotation marks", "“「『", "”」』"),
    ("book-title marks", "《〈", "》〉"),
)
_OPEN_OF = {c: fam for fam, opens, _closes in _PAIRS for c in opens}
_CLOSE_OF = {c: fam for fam, _opens, closes in _PAIRS for c in closes}
_MARK = re.compile("[" + re.escape("".join(_OPEN_OF) + "".join(_CLOSE_OF) + '"‘’') + "]")
_TRAILING = " \t\n\"'”’」』)）]】》〉*_"
_QUESTION = "?？"
# English quoting in single marks ('...', ‘...’): its double marks are inner quotes.
# English quoting in single marks ('...', ‘...’): its double marks are inner quotes, and
# its own balance cannot be told from apostrophes ("friends, ' he said", "boys' room").
_EN_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–:]))['‘](?=[\w\"“])")
# Questions a translation may rightly turn into statements: rhetorical (岂不, 难道) and
# tag questions or requests in English ("isn't it?", "Why don't you ...?").
_RHETORICAL = {
    "zh": re.compile(r"岂|難道|难道|(?<![任如])何|怎能|怎会|怎么会|莫非|谁不|那里|哪里|还不|不成"),
    "en": re.compile(
        r"(?:,\s*(?:is|are|was|were|do|does|did|wo|ca|have|has|had|could|would|should|will)"
        r"n['’]t\s+\w+|,\s*(?:right|eh|okay|ok|yes|no))\s*\?['’\"”]*$"
        r"|\b(?:why\s+(?:don['’]t|not|doesn['’]t)|won['’]t\s+you|can['’]t\s+you|would\s+you"
        r"\s+(?:like|mind)|how\s+about|what\s+about)\b",
        re.IGNORECASE,
    ),
}


def _unbalanced(text: str, lang: str) -> dict[str, int]:
    """Family -> offset of its first unmatched mark, for each unbalanced family."""
    stacks: dict[str, list[int]] = {}
    out: dict[str, int] = {}
    straight: list[int] = []
    singles: list[int] = []
    for m in _MARK.finditer(text):
        k, c = m.start(), m.group(0)
        if c in _OPEN_OF:
            stacks.setdefault(_OPEN_OF[c], []).append(k)
        elif c in _CLOSE_OF:
            family = _CLOSE_OF[c]
            if stacks.get(family):
                stacks[family].pop()
            else:
                out.setdefault(family, k)  # a closing mark with nothing open
        elif c == '"':
            straight.append(k)
        elif c in "‘’" and lang == "zh":  # in English ’ is mostly an apostrophe
            singles.append(k)
    for family, left in stacks.items():
        if left:
            out.setdefault(family, left[0])
    quotes = "quotation marks"
    if len(straight) % 2:
        out.setdefault(quotes, straight[-1])
    if singles and sum(1 if text[k] == "‘" else -1 for k in singles):
        out.setdefault(quotes, singles[0])
    return out


def continued_across(before: str, text: str, after: str, lang: str, mark: str) -> bool:
    """Is a bracket or quotation ``mark`` left unmatched in ``text`` matched by the
    neighbouring text (the translations of the beads before and after)? A translation
    may cut a quotation into sentences where the source does not: '"…," he said. "…"'
    against 他说：“…。…。”, two beads whose translations are balanced together."""
    family = _OPEN_OF.get(mark) or _CLOSE_OF.get(mark)
    if family is None and mark in "\"‘’":
        family = "quotation marks"
    if family is None:
        return False
    return family not in _unbalanced(before + text, lang) or family not in _unbalanced(
        text + after, lang
    )


def _final_mark(text: str) -> tuple[str, int]:
    stripped = text.rstrip(_TRAILING)
    if not stripped:
        return "", -1
    return stripped[-1], len(stripped) - 1


def _present(text: str) -> set[str]:
    """Families with at least one mark in ``text``."""
    marks = set(_MARK.findall(text))
    families = {_OPEN_OF.get(c) or _CLOSE_OF.get(c) for c in marks}
    if '"' in marks:
        families.add("quotation marks")
    return {f for f in families if f}


def punctuation_rule(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """Brackets or quotation marks unbalanced in the translation while the source has
    them balanced, and a question the translation does not ask.

    Families are compared across scripts (“” against 「」 or '"'). A family the source
    lacks is not compared: English in single quotes, book-title marks 《》 for English
    italics, a quotation running over several beads. A source ending with a question
    mark needs one somewhere in the translation ("'But what?' said he" moves it);
    exclamation marks are not compared: faithful translations drop or add them freely
    (3.5 % of mac-dev's beads end differently). Fluency/Punctuation, minor.
    """
    hits = []
    if (
        not _MARK.search(tgt)
        and not _MARK.search(src)
        and src.rstrip(_TRAILING)[-1:] not in _QUESTION
    ):
        return ()
    src_bad = _unbalanced(src, src_lang)
    src_has = _present(src)
    if src_lang == "en" and _EN_SINGLE_OPEN.search(src):
        src_has.discard("quotation marks")
    for family, at in _unbalanced(tgt, tgt_lang).items():
        if family in src_bad or family not in src_has:
            continue
        comment = f"punctuation: {family} unbalanced in the translation ('{tgt[at]}')"
        hits.append(RuleHit("target", at, at + 1, "Fluency/Punctuation", "minor", comment))
    src_end, _ = _final_mark(src)
    rhetorical = _RHETORICAL.get(src_lang)
    if (
        src_end in _QUESTION
        and not any(c in tgt for c in _QUESTION)
        and not (rhetorical and rhetorical.search(src))
    ):
        tgt_end, at = _final_mark(tgt)
        if at >= 0:
            comment = f"punctuation: source ends with a question mark, translation with '{tgt_end}'"
            hits.append(RuleHit("target", at, at + 1, "Fluency/Punctuation", "minor", comment))
    return tuple(hits)


# -- units and currencies (an extension of the numbers check) ---------------------------

_SYMBOLS = [
    ("HKD", r"HK\$"), ("TWD", r"NT\$"), ("AUD", r"A\$"), ("CAD", r"C\$"), ("SGD", r"S\$"),
    ("USD", r"US\$|(?<![A-Za-z])\$"), ("EUR", "€"), ("GBP", "£"),
]  # fmt: skip
_CURRENCY_WORDS = {
    "en": [
        ("HKD", r"\bHKD\b|\bHong Kong dollars?\b"), ("TWD", r"\bTWD\b|\bTaiwan dollars?\b"),
        ("AUD", r"\bAUD\b|\bAustralian dollars?\b"), ("CAD", r"\bCAD\b|\bCanadian dollars?\b"),
        ("SGD", r"\bSGD\b|\bSingapore dollars?\b"),
        ("USD", r"\bUSD\b|\bdollars?\b"), ("EUR", r"\bEUR\b|\beuros?\b"),
        ("GBP", r"\bGBP\b|\bsterling\b"), ("JPY", r"\bJPY\b|\byen\b"),
        ("CNY", r"\bCNY\b|\bRMB\b|\byuan\b|\brenminbi\b"), ("RUB", r"\bro?ubles?\b"),
        ("KRW", r"\bwon\b(?=\s*\(|\s*$)"),
    ],
    "zh": [
        ("HKD", "港元|港币|港幣"), ("TWD", "新台币|新台幣|台币"), ("AUD", "澳元|澳币"),
        ("CAD", "加元|加币"), ("SGD", "新加坡元|新元"), ("USD", "美元|美金"),
        ("EUR", "欧元|歐元"), ("GBP", "英镑|英鎊"), ("JPY", "日元|日圆|日圓"),
        ("CNY", "人民币|人民幣|(?<=[0-9一二两三四五六七八九十百千万亿])元"),
        ("KRW", "韩元|韓元"), ("RUB", "卢布|盧布"),
    ],
}  # fmt: skip
_NUM = {"en": r"\d", "zh": r"[0-9一二两三四五六七八九十百千万]"}
# A scale word between the figure and its unit: "2 million mu", "1.5bn tonnes".
_SCALE = {"en": r"(?:\s?(?:thousand|million|billion|trillion|mn|bn|m)\b)?"}
_UNITS = {
    "en": [
        ("length", "km", r"km|kilomet(?:er|re)s?"), ("length", "mile", r"miles?"),
        ("length", "m", r"met(?:er|re)s?"), ("length", "ft", r"ft|feet|foot"),
        ("length", "inch", r"inch(?:es)?"), ("length", "cm", r"cm|centimet(?:er|re)s?"),
        ("weight", "kg", r"kg|kilo(?:gram)?s?"), ("weight", "lb", r"lbs?|pounds?"),
        ("weight", "t", r"tonnes?|tons?"), ("weight", "oz", r"oz|ounces?"),
        ("area", "acre", r"acres?"), ("area", "ha", r"hectares?"), ("area", "mu", r"mu"),
        ("area", "km2", r"(?:square|sq\.?) ?(?:kilomet(?:er|re)s?|km)|km2|km²"),
        ("area", "sqmi", r"(?:square|sq\.?) ?miles?"),
        ("area", "sqft", r"(?:square|sq\.?) ?(?:feet|foot|ft)"),
        ("area", "m2", r"(?:square|sq\.?) ?(?:met(?:er|re)s?|m)|m2|m²"),
        ("length", "mm", r"mm|millimet(?:er|re)s?"),
        ("length", "um", r"μm|µm|microns?|micromet(?:er|re)s?"),
        ("length", "nm", r"nm|nanomet(?:er|re)s?"),
        ("rate step", "bp", r"basis points?|bps?"), ("rate step", "pp", r"percentage points?"),
        # grams lower case only: "5G" is the network
        ("weight", "mg", r"mg|milligram(?:me)?s?"),
        ("weight", "ug", r"μg|µg|mcg|microgram(?:me)?s?"),
        ("weight", "g", r"(?-i:g)|gram(?:me)?s?"),
        ("volume", "ml", r"ml|millilit(?:er|re)s?"), ("volume", "l", r"lit(?:er|re)s?"),
        ("power", "kw", r"kw|kilowatts?"), ("power", "mw", r"mw|megawatts?"),
        ("power", "gw", r"gw|gigawatts?"),
    ],
    "zh": [
        ("length", "km", "公里|千米"), ("length", "mile", "英里"), ("length", "cm", "厘米"),
        ("length", "m", "米"), ("length", "ft", "英尺"), ("length", "inch", "英寸"),
        ("weight", "kg", "公斤|千克"), ("weight", "lb", "磅"), ("weight", "t", "吨|噸"),
        ("weight", "oz", "盎司"), ("area", "acre", "英亩"), ("area", "ha", "公顷"),
        ("area", "mu", "亩|畝"), ("area", "km2", "平方公里|平方千米"),
        ("area", "sqmi", "平方英里"), ("area", "sqft", "平方英尺"), ("area", "m2", "平方米"),
        ("length", "mm", "毫米"), ("length", "um", "微米"), ("length", "nm", "纳米"),
        ("rate step", "bp", "个?基点"), ("rate step", "pp", "个?百分点"),
        ("weight", "mg", "毫克"), ("weight", "ug", "微克"),
        ("weight", "g", "克(?![拉服隆罗里])"),  # not 克拉 (carat), 克服, 克隆 ...
        ("volume", "ml", "毫升"), ("volume", "l", "公?升(?![至到高级值温为起])"),  # 2升至3: rose
        ("power", "kw", "千瓦"), ("power", "mw", "兆瓦"), ("power", "gw", "吉瓦|百万千瓦"),
    ],
}  # fmt: skip
_TEMPERATURE = {
    "en": [("F", r"°\s?F\b|℉|\bFahrenheit\b"), ("C", r"°\s?C\b|℃|\bCelsius\b|\bcentigrade\b")],
    "zh": [("F", r"°\s?F|℉|华氏|華氏"), ("C", r"°\s?C|℃|摄氏|攝氏")],
}


Scanner = tuple[re.Pattern[str], re.Pattern[str], list[tuple[str, str]]]


def _scanner(lang: str) -> Scanner:
    """Two patterns, currencies and scales by name or sign, and units after a number
    (the pattern starts with the digit, which the regex engine finds fast), and the
    (dimension, unit) of each group. Earlier alternatives win at a place: "HK$" is not
    also "$", 厘米 not also 米."""
    tail = r"(?![A-Za-z])" if lang == "en" else ""
    named = [("currency", code, f"(?-i:{p})") for code, p in _SYMBOLS]
    named += [("currency", code, p) for code, p in _CURRENCY_WORDS[lang]]
    named += [("temperature", unit, p) for unit, p in _TEMPERATURE[lang]]
    numbered = [(dim, unit, f"(?:{p}){tail}") for dim, unit, p in _UNITS[lang]]
    groups = named + numbered
    names = "|".join(f"(?P<u{k}>{p})" for k, (_d, _u, p) in enumerate(named))
    units = "|".join(f"(?P<u{k}>{p})" for k, (_d, _u, p) in enumerate(numbered, start=len(named)))
    return (
        re.compile(names, re.IGNORECASE),
        # "a 6.8-centimeter screen" too: a hyphen joins the unit to its figure
        re.compile(_NUM[lang] + _SCALE.get(lang, "") + r"[\s-]?(?:" + units + ")", re.IGNORECASE),
        [(d, u) for d, u, _p in groups],
    )


_SCANNERS = {lang: _scanner(lang) for lang in ("en", "zh")}
# What a currency or scale name needs; the full pattern is slow, most texts have none.
_NAMED_HINT = {
    "en": re.compile(
        r"[$€£℃℉°]|\b(?:dollars?|euros?|sterling|yen|yuan|rmb|renminbi|ro?ubles?|won"
        r"|fahrenheit|celsius|centigrade|usd|eur|gbp|jpy|cny|hkd|twd|aud|cad|sgd)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"[$€£℃℉°元币幣镑鎊布]|华氏|華氏|摄氏|攝氏"),
}


def _units(text: str, lang: str) -> dict[str, dict[str, tuple[int, int]]]:
    """dimension -> unit -> span of its first mention."""
    named, numbered, names = _SCANNERS[lang]
    found: dict[str, dict[str, tuple[int, int]]] = {}
    patterns = (named, numbered) if _NAMED_HINT[lang].search(text) else (numbered,)
    for pattern in patterns:
        for m in pattern.finditer(text):
            group = m.lastgroup or "u0"
            dim, unit = names[int(group[1:])]
            found.setdefault(dim, {}).setdefault(unit, m.span(group))
    return found


# A bracket a translator fills with a conversion of their own ("£50 million ($63 million)"
# as 5000万英镑（约合4.5亿元人民币）): its currency or unit is no swap of the main one's.
_BRACKETS = re.compile(r"[(（][^()（）]{1,60}[)）]")


def _outside_brackets(text: str) -> str:
    """The text with bracketed parts blanked out, offset for offset."""
    return _BRACKETS.sub(lambda m: " " * len(m.group()), text)


def _figure_before(text: str, at: int, lang: str) -> str | None:
    """The number written right before a unit at ``at`` (59万 of 59万英亩), or None."""
    from aligner_gui.core.text.numbers import numbers_en
    from aligner_gui.core.text.zh_numbers import numbers_zh

    found = (numbers_en if lang == "en" else numbers_zh)(text[max(0, at - 20) : at])
    return found[-1] if found else None


_MILLIONS_BEFORE = re.compile(r"\b(?:million|billion|bn|m)\s*$", re.I)


def _pounds_as_money(units: dict[str, dict[str, tuple[int, int]]], text: str, lang: str,
                     other: dict[str, dict[str, tuple[int, int]]]) -> None:
    """English "55 million pounds" is money when the other side names a currency and no
    weight (it was read as a weight: 5500万欧元 for it went unseen)."""
    span = units.get("weight", {}).get("lb")
    if lang != "en" or span is None or "currency" not in other:
        return
    if not text[span[0]:span[1]].lower().startswith("pound"):
        return  # lb, lbs
    if "weight" in other and not _MILLIONS_BEFORE.search(text, 0, span[0]):
        return  # "a 10-pound turkey" beside 公斤; "fined 3 million pounds" is money anyway
    weights = units["weight"]
    del weights["lb"]
    if not weights:
        del units["weight"]
    units.setdefault("currency", {}).setdefault("GBP", span)


def _unit_pair(src: str, tgt: str, src_lang: str, tgt_lang: str) -> tuple[
        dict[str, dict[str, tuple[int, int]]], dict[str, dict[str, tuple[int, int]]]]:
    """Each side's units by dimension, "pounds" read as money where the other side's
    currency says so."""
    src_units, tgt_units = _units(src, src_lang), _units(tgt, tgt_lang)
    _pounds_as_money(src_units, src, src_lang, tgt_units)
    _pounds_as_money(tgt_units, tgt, tgt_lang, src_units)
    return src_units, tgt_units


def _hundredfold(a: str | None, b: str | None) -> bool:
    """Is one figure a hundred times the other (basis points and percentage points)?"""
    try:
        x, y = Decimal(a or "nan"), Decimal(b or "nan")
    except InvalidOperation:
        return False
    return x.is_finite() and y.is_finite() and (x == 100 * y or y == 100 * x)


# Memoised per text pair: the risk pass (risk._rule_floor) and the QA checks ask the same.
@lru_cache(maxsize=1 << 15)
def unit_rule(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """A currency or unit the source uses replaced by another one of the same kind.

    Flagged when both sides name a currency (a length, weight, area, volume unit after
    a number; a temperature scale) and each side has one the other lacks: US$ against
    港元, miles against 公里, "68 million euros ($73.5 million)" against
    6800万英镑（约合7350万美元） (the conversion both keep does not answer for the euros);
    a conversion only one side gives is no swap. Currencies are major (Accuracy/Mistranslation);
    units minor (a converted figure may be deliberate localisation), but major when
    both sides give the unit the same figure (590,000 hectares against 59万英亩: the
    quantity changed).
    """
    if src_lang == tgt_lang:
        return ()
    src_units, tgt_units = _unit_pair(src, tgt, src_lang, tgt_lang)
    if not src_units:
        return tuple(_time_spans_changed(src, tgt, src_lang, tgt_lang))
    src_out, tgt_out = src_units, tgt_units
    if _BRACKETS.search(src) or _BRACKETS.search(tgt):
        src_out, tgt_out = _unit_pair(_outside_brackets(src), _outside_brackets(tgt),
                                      src_lang, tgt_lang)
    hits = list(_time_spans_changed(src, tgt, src_lang, tgt_lang))
    for dim, mine in src_units.items():
        theirs = tgt_units.get(dim) or {}
        if dim in src_out and dim in tgt_out:  # the main amounts, conversions aside
            mine, theirs = src_out[dim], tgt_out[dim]
        lost = [span for unit, span in mine.items() if unit not in theirs]
        new = [span for unit, span in theirs.items() if unit not in mine]
        if not lost or not new:
            continue
        (src_a, src_b), (a, b) = lost[0], new[0]
        figure = _figure_before(src, src_a, src_lang)
        other = _figure_before(tgt, a, tgt_lang)
        same = figure is not None and figure == other
        if dim == "rate step" and not same and _hundredfold(figure, other):
            continue  # 50 basis points as 0.5个百分点: the same step, converted
        severity = "major" if dim == "currency" or same else "minor"
        comment = f"{dim}: source has '{src[src_a:src_b]}', translation has '{tgt[a:b]}'"
        if same and dim != "currency":
            comment += " for the same figure"
        hits.append(RuleHit("target", a, b, "Accuracy/Mistranslation", severity, comment))
    return tuple(hits)


# A span of time after its number: "every two weeks", "a 10-year bond", 两个月, 3小时 (not a
# date or a clock time: 2月 is February, 18日 a day of the month, 2023年 a year; not 3周年
# "the third anniversary" or 18周岁 "aged 18").
_EN_COUNTS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
              "|thirty")
_TIME = {
    "en": re.compile(rf"\b(?P<n>\d+(?:\.\d+)?|{_EN_COUNTS})[\s-]+"
                     r"(?P<u>minute|hour|day|week|month|year)s?\b", re.IGNORECASE),
    "zh": re.compile(r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*"
                     r"(?P<u>分钟|个?小时|天|周(?![年岁])|个?星期(?![一二三四五六日天])|个月"
                     r"|年(?![代级底初末前后中度]))"),
}
_TIME_UNIT = {"minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month",
              "year": "year", "分钟": "minute", "小时": "hour", "个小时": "hour", "天": "day",
              "周": "week", "星期": "week", "个星期": "week", "个月": "month", "年": "year"}


def _time_spans(text: str, lang: str) -> dict[str, dict[str, tuple[int, int]]]:
    """Value -> {unit of time -> span} of the spans of time of a text."""
    from aligner_gui.core.text.numbers import numbers_en
    from aligner_gui.core.text.zh_numbers import numbers_zh

    out: dict[str, dict[str, tuple[int, int]]] = {}
    pattern = _TIME.get(lang)
    if pattern is None:
        return out
    for m in pattern.finditer(text):
        values = (numbers_en if lang == "en" else numbers_zh)(m.group("n"))
        if len(values) != 1 or not values[0].replace(".", "").isdigit():
            continue
        if float(values[0]) > 100:
            continue  # 2023年 is a year, not 2,023 of them
        unit = _TIME_UNIT[m.group("u").lower()]
        out.setdefault(values[0], {}).setdefault(unit, m.span())
    return out


def _time_spans_changed(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """The same number of another unit of time: "every two weeks" as 每两个月, "48 hours"
    as 48天 (an en->zh dogfood round: a dosing interval changed unseen)."""
    if not (_DIGIT_OR_NUMERAL.search(src) and _DIGIT_OR_NUMERAL.search(tgt)):
        return ()
    mine, theirs = _time_spans(src, src_lang), _time_spans(tgt, tgt_lang)
    hits = []
    for value, units in mine.items():
        other = theirs.get(value)
        if not other or set(units) & set(other):
            continue
        (a, b), (c, d) = next(iter(units.values())), next(iter(other.values()))
        comment = (f"time span: source has '{src[a:b]}', translation has '{tgt[c:d]}' "
                   "for the same figure")
        hits.append(RuleHit("target", c, d, "Accuracy/Mistranslation", "major", comment))
    return tuple(hits)


_DIGIT_OR_NUMERAL = re.compile(rf"\d|[一二两三四五六七八九十]|\b(?:{_EN_COUNTS})\b", re.IGNORECASE)
