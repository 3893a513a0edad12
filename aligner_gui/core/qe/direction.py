"""Which way a quantity moves, for the direction check (no Qt, no dictionary).

"Its shares fell 3%" rendered 其股价上涨3% ("rose 3%") reverses a fact while every
word but one translates and the numbers match, so neither the bead score nor the
numbers check sees it. The check reads the trend words of both sides of a bead (rise,
climb, 上涨, 增长 ... against fall, drop, 下跌, 减少 ...) and flags a bead whose source
moves one way only and whose translation moves the other way only, when both sides
hold a number (a figure that moved: without one, "rose" is as often a flower, a
person or the sun, and 升 a litre) or both compare with another period (同比, "from a
year earlier": a quantity moved then too).

Figure by figure where it can: a figure written in digits on both sides takes the trend
word beside it in its clause on each side ("climbed 11.1%, while housing fell 5.1%"), so
a sentence with both directions is read too. Otherwise the bead as a whole: a side with
words of both directions says nothing then.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from aligner_gui.core.qe.counterparts import counterpart_rule
from aligner_gui.core.qe.hits import Hits, RuleHit
from aligner_gui.core.qe.ranks import rank_figures, strength_reversed

__all__ = ["DOWN", "UP", "direction_rule", "trend_words"]

UP = "up"
DOWN = "down"
Trend = tuple[str, int, int]  # direction, start, end of a trend word

# English, matched lower-cased on word boundaries. "up"/"down" only before a number
# ("up 3%", "down 12 points"): elsewhere they are particles (set up, shut down).
_EN = {
    UP: r"ris(?:e|es|ing|en)|rose|increas(?:e|es|ed|ing)|gr[eo]w(?:s|n|ing|th)?|grew"
        r"|gain(?:s|ed|ing)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)"
        r"|soar(?:s|ed|ing)?|rall(?:y|ies|ied|ying)|rebound(?:s|ed|ing)?|expand(?:s|ed|ing)?"
        r"|widen(?:s|ed|ing)?"
        r"|higher|hik(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?|accelerat\w*"
        r"|faster|quicken(?:s|ed|ing)?"
        r"|up(?=\s+(?:by\s+)?[$£€¥]?\d)",
    DOWN: r"fall(?:s|en|ing)?|fell|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)"
          r"|drop(?:s|ped|ping)?|slip(?:s|ped|ping)?|slid(?:e|es|ing)?|plung(?:e|es|ed|ing)"
          r"|tumbl(?:e|es|ed|ing)|sink(?:s|ing)?|sank|slump(?:s|ed|ing)?|shr[iau]nk(?:s|ing)?"
          r"|contract(?:s|ed|ing|ion)|lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing|tion)"
          r"|slow(?:s|ed|ing|er)?|decelerat\w*|los(?:e|es|t|ing)|shed(?:s|ding)?"
          r"|eas(?:e|es|ed|ing)(?=\s+(?:to|by|from)\b)|narrow(?:s|ed|ing)"
          r"|down(?=\s+(?:by\s+)?[$£€¥]?\d)",
}
_EN_WORD = {d: re.compile(r"\b(?:" + p + r")\b") for d, p in _EN.items()}

# Chinese words (longest first). Single characters only where they are nearly always
# the movement (涨, 跌); 增, 减, 升, 降 begin too many other words (增强, 减肥, 升级, 降落).
_ZH = {
    UP: """上涨 上升 上扬 增长 增加 增至 增幅 增速 激增 猛增 提高 提升 攀升 飙升 跃升 走高
           回升 反弹 扩大 升至 升幅 上调 调高 涨至 涨幅 大涨 猛涨 暴涨 高于 加快 涨""",
    DOWN: """下跌 下降 下滑 下挫 下调 调低 减少 减至 减幅 锐减 缩减 削减 降低 降至 降幅 降价
             降息 骤降 回落 暴跌 大跌 走低 缩小 萎缩 收缩 跌至 跌幅 低于 放缓 减慢 跌""",
}
# 高 / 低 right before a figure compare it ("低0.8个百分点" "0.8 points lower").
_ZH_BEFORE_FIGURE = {UP: "高(?=[0-9０-９])", DOWN: "低(?=[0-9０-９])"}
_ZH_WORD = {
    d: re.compile("|".join(sorted(words.split(), key=len, reverse=True))
                  + "|" + _ZH_BEFORE_FIGURE[d])
    for d, words in _ZH.items()
}
# Words that hold a trend word without moving anything.
# "Growth" naming what a forecast or target is about moves nothing: "lowered its growth
# forecast to 0.75%" moves down (a held-out round of stop 28 read "growth" as up).
_ZH_MASK = re.compile("跌倒|跌跌撞撞|涨红|提高警惕|降落|下降到地面"
                      "|增长预期|增长目标|增速目标|增长前景")
_EN_MASK = re.compile(
    r"\b(?:rose\s+(?:garden|bush|petal)s?|risen\s+christ|fall\s+(?:asleep|ill|in\s+love)"
    r"|fell\s+(?:asleep|ill|in\s+love)|cut\s+(?:off|short)|down\s+payment"
    r"|growth\s+(?:forecast|target|outlook|estimate|projection|expectation|prospect)s?)\b"
)
_NUMBER = re.compile(r"[0-9０-９]|百分之|[一二两三四五六七八九十百千万亿]成")
# A comparison with another period says a quantity moved as surely as a figure does
# ("利润率较去年同期有所下降", "the margin has risen from the same period last year").
_PERIOD = {
    "zh": re.compile(r"同比|环比|较去年|较上年|比去年|比上年|较上月|比上月|较上季度|比上季度"
                     r"|去年同期|上年同期"),
    "en": re.compile(r"\b(?:year[- ]on[- ]year|month[- ]on[- ]month|quarter[- ]on[- ]quarter"
                     r"|from (?:a|one) (?:year|month) (?:earlier|ago|before)"
                     r"|(?:from|than|over) (?:the same period|last year"
                     r"|the previous (?:year|month|quarter))"
                     r"|compared (?:with|to) (?:a year|last year|the same period))\b", re.I),
}

# The period a change is measured against: a year earlier (同比) or the period before
# (环比). Confused, the figure describes another comparison ("grew 2% year on year" for
# 环比增长2%). Xinhua's English says "year on year" / "from a year earlier" and "month on
# month" / "from the previous quarter".
_YEAR, _PREVIOUS = "year", "previous"
_BASE = {
    "zh": {_YEAR: re.compile(r"同比|(?:较|比)(?:去年|上年)同期|(?:较|比)去年"),
           _PREVIOUS: re.compile(r"环比|(?:较|比)(?:上月|上季度|上周|前一季度|上一季度|前一个月)")},
    "en": {_YEAR: re.compile(r"\b(?:year[- ]on[- ]year|y-?o-?y|y/y|(?:from|than|over|compared "
                             r"(?:with|to)) (?:a|one) year (?:earlier|ago|before)|(?:from|than|"
                             r"over|compared (?:with|to)) (?:the same period (?:of |in )?last "
                             r"year|last year|the previous year|a year earlier))\b", re.I),
           # (not "sequentially": as often "one after another")
           _PREVIOUS: re.compile(r"\b(?:(?:month|quarter|week)[- ]on[- ](?:month|quarter|"
                                 r"week)|m/m|q/q|on a sequential basis|(?:from|than|over|"
                                 r"compared (?:with|to)) (?:the|a) (?:previous|prior|preceding)"
                                 r" (?:month|quarter|week)|(?:from|than) (?:a|one|the) (?:month|"
                                 r"quarter|week) (?:earlier|ago|before))\b", re.I)},
}
_BASE_NAMES = {_YEAR: "on a year earlier", _PREVIOUS: "on the period before"}


def _bases(src: str, tgt: str, src_lang: str, tgt_lang: str) -> tuple[Trend, Trend] | None:
    """A comparison with a year earlier on one side and with the period before on the
    other (环比 rendered "year on year"), each side saying only one of the two."""
    found = []
    for text, lang in ((src, src_lang), (tgt, tgt_lang)):
        table = _BASE.get(lang)
        if table is None:
            return None
        seen = [(base, m) for base, pattern in table.items() if (m := pattern.search(text))]
        if len(seen) != 1:
            return None
        base, m = seen[0]
        found.append((base, m.start(), m.end()))
    (a, *_), (b, *_) = found
    return None if a == b else (found[0], found[1])


_SIDE_NAMES = {"source": "source", "target": "translation"}


@lru_cache(maxsize=1 << 15)
def trend_words(text: str, lang: str) -> tuple[Trend, ...]:
    """(direction, start, end) of each trend word of ``text``, in text order."""
    out: list[Trend] = []
    if lang == "zh":
        masked = {i for m in _ZH_MASK.finditer(text) for i in range(m.start(), m.end())}
        for direction, pattern in _ZH_WORD.items():
            out += [(direction, m.start(), m.end()) for m in pattern.finditer(text)
                    if m.start() not in masked]  # fmt: skip
    elif lang == "en":
        low = text.lower()
        masked = {i for m in _EN_MASK.finditer(low) for i in range(m.start(), m.end())}
        for direction, pattern in _EN_WORD.items():
            out += [(direction, m.start(), m.end()) for m in pattern.finditer(low)
                    if m.start() not in masked]  # fmt: skip
    return tuple(sorted(out, key=lambda t: t[1]))


def _one_way(words: tuple[Trend, ...]) -> str | None:
    directions = {d for d, _s, _e in words}
    return directions.pop() if len(directions) == 1 else None


# A figure's trend word stands just before it ("fell 3%", "rose at a 3.7% rate", 下降3.7%,
# 增长了8%) or, failing that, just after it ("a 3% rise", 3%的增幅), in the same clause.
_BEFORE = {"en": 24, "zh": 8}
_AFTER = {"en": 12, "zh": 4}
_CLAUSE_END = re.compile(r"[,;:，；：。、!?！？]|\b(?:while|whereas|but|and)\b|而|但")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


# A scale after a figure makes it one number: 80万 is 800,000, "12 billion" 12000000000.
_SCALE_AFTER = {
    "zh": (re.compile(r"万亿|亿|万"), {"万亿": 10**12, "亿": 10**8, "万": 10**4}),
    "en": (re.compile(r"\s?(?:thousand|million|billion|trillion|bn|m)\b", re.I),
           {"thousand": 10**3, "million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9,
            "trillion": 10**12}),
}


def _figures(text: str, lang: str = "") -> list[tuple[str, int, int]]:
    """(value, start, end) of each figure written in digits ("11.1", "1,035"), with the
    scale word after it (80万 and "800,000" are the same figure)."""
    out = []
    scale = _SCALE_AFTER.get(lang)
    for m in _FIGURE.finditer(text):
        raw = m.group(0).rstrip(",")
        value = raw.replace(",", "")
        after = scale[0].match(text, m.start() + len(raw)) if scale else None
        if after is not None and scale is not None:
            factor = scale[1][after.group(0).strip().lower()]
            value = format((Decimal(value) * factor).normalize(), "f")
        out.append((value, m.start(), m.start() + len(raw)))
    return out


# A figure's unit, read with it: the trend word right after it is then next to it.
_UNIT = re.compile(r"\s*(?:%|percent(?:age points?)?|per cent|pct|points?|个百分点|百分点)")
# A trend word this close after the figure and its unit is its own ("0.4 percentage
# points slower", "3% higher"), even with another trend word before ("Growth was ...").
_RIGHT_AFTER = 2


def _trend_of(text: str, lang: str, words: tuple[Trend, ...],
              start: int, end: int) -> Trend | None:
    """The trend word of the figure at start..end, if one stands next to it."""
    unit = _UNIT.match(text, end)
    tail = unit.end() if unit else end
    right = [w for w in words if tail <= w[1] <= tail + _RIGHT_AFTER
             and not _CLAUSE_END.search(text, tail, w[1])]
    if right:
        return right[0]
    before = [w for w in words if w[2] <= start and start - w[2] <= _BEFORE[lang]
              and not _CLAUSE_END.search(text, w[2], start)]  # fmt: skip
    if before:
        return before[-1]
    after = [w for w in words if w[1] >= end and w[1] - end <= _AFTER[lang]
             and not _CLAUSE_END.search(text, end, w[1])]  # fmt: skip
    return after[0] if after else None


def _per_figure(src: str, tgt: str, src_lang: str, tgt_lang: str
                ) -> tuple[tuple[Trend, Trend] | None, bool]:
    """(the source's and the translation's trend words of the first figure that moves
    one way in the source and the other in the translation, or None; whether some
    figure has a trend word on both sides)."""
    src_words, tgt_words = trend_words(src, src_lang), trend_words(tgt, tgt_lang)
    tgt_figures: dict[str, list[tuple[int, int]]] = {}
    for value, a, b in _figures(tgt, tgt_lang) + rank_figures(tgt, tgt_lang):
        tgt_figures.setdefault(value, []).append((a, b))
    agreed = False
    for value, a, b in _figures(src, src_lang) + rank_figures(src, src_lang):
        there = tgt_figures.get(value)
        if not there or len(there) != 1:
            continue
        if (_below_zero(src, src_lang, a, b) is None) != (
                _below_zero(tgt, tgt_lang, *there[0]) is None):
            agreed = True  # below zero on one side: the sign rule read it
            continue
        mine = _trend_of(src, src_lang, src_words, a, b)
        theirs = _trend_of(tgt, tgt_lang, tgt_words, *there[0])
        if mine is None or theirs is None:
            continue
        if mine[0] != theirs[0]:
            return (mine, theirs), True
        agreed = True
    return None, agreed


# A bound on a figure: "more than 3,500" / 超过3500 / 3500米以上 against "less than",
# 不到, 以下. Only right before the figure (or 以上/以下 right after it and its unit).
_BOUND_BEFORE = {
    "en": {
        DOWN: r"no more than|not more than|not (?:to )?exceed|n't exceed|less than|fewer than"
              r"|under|below|at most|up to"
              r"|nearly|almost|close to|within",
        UP: r"no less than|not less than|no fewer than|more than|greater than|over|above"
            r"|at least|in excess of|upwards of|exceed(?:s|ed|ing)?|top(?:s|ped|ping)?",
    },
    "zh": {
        # not 近: 近3年 "the past 3 years"; the longest word that fits is read, so 不超过
        # is "at most" and 不得低于 "at least"
        DOWN: "不得超过|不能超过|不应超过|不可超过|不宜超过|不会超过|不超过|不多于|不高于|至多|顶多"
              "|不得高于|不应高于|不能高于|不到|不足|少于|低于|未满|未达|将近|接近|最多",
        UP: "超过|超|逾|多于|高于|不少于|不低于|不下|不得低于|不应低于|不能低于|不得少于|不应少于"
            "|不能少于|至少|突破",
    },
}
_BOUND_WORD = {
    lang: {d: re.compile(rf"(?:^|\b|(?<=[^\x00-\x7f]))(?P<w>{p})\s*(?:US\$|[$£€¥])?\s*$",
                         re.I)
           for d, p in table.items()}
    for lang, table in _BOUND_BEFORE.items()
}  # fmt: skip
# 以下 after a measure (3500米以下, 80万人以上); not three words on ("3人入选以下名单",
# "the list below").
_ZH_BOUND_AFTER = re.compile(r"\s*[^\d\s，。、；]{0,2}?(以上|以下|以内)")
# 至少 / 最多 bound the figure across a short verb (至少需要3天, 最多间隔4小时, 至少有3人);
# not across 的 or 是 (最多的是3号 "the most is number 3").
_ZH_BOUND_VERB = re.compile(
    r"(?P<w>至少|最少|最多|至多|顶多)(?:[\u4e00-\u9fff](?<![的是])){1,2}\s*$")
_BOUND_NAMES = {UP: "more than", DOWN: "less than"}


def _bound_of(text: str, lang: str, start: int, end: int) -> Trend | None:
    """The bound word of the figure at start..end ("more than" before it, 以上 after it)."""
    lo = max(0, start - 16)
    # The longest bound word wins: 不低于 "at least", not the 低于 "below" inside it.
    found = [(m.start("w"), direction, m)
             for direction, pattern in _BOUND_WORD.get(lang, {}).items()
             if (m := pattern.search(text[lo:start]))]
    if found:
        _at, direction, m = min(found, key=lambda item: item[0])
        return direction, lo + m.start("w"), lo + m.end("w")
    if lang == "zh":
        m = _ZH_BOUND_AFTER.match(text, end)
        if m:
            return (UP if m.group(1) == "以上" else DOWN), m.start(1), m.end(1)
        m = _ZH_BOUND_VERB.search(text, lo, start)
        if m:
            direction = UP if m.group("w") in ("至少", "最少") else DOWN
            return direction, m.start("w"), m.end("w")
    return None


_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_EN_SHARE = re.compile(r"\b(?:(a|one|two|three|four)[ -])?(half|third|quarter|fifth|tenth)s?\b",
                       re.I)
_ZH_SHARE = re.compile("([二三四五十])分之([一二两三四])|一半|半数")
_ZH_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "十": 10}
_EN_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _shares(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(n/d, start, end) of the shares of a text: "a quarter", "half", 四分之一, 一半."""
    out = []
    if lang == "en":
        for m in _EN_SHARE.finditer(text):
            word = m.group(2).lower()
            if m.group(1) is None and word != "half":
                continue  # "the third" is an ordinal
            num = _EN_SMALL[(m.group(1) or "a").lower()]
            out.append((f"{num}/{_DENOMINATORS[word]}", m.start(), m.end()))
    elif lang == "zh":
        for m in _ZH_SHARE.finditer(text):
            value = f"{_ZH_SMALL[m.group(2)]}/{_ZH_SMALL[m.group(1)]}" if m.group(1) else "1/2"
            out.append((value, m.start(), m.end()))
    return out


def _bounds(src: str, tgt: str, src_lang: str, tgt_lang: str) -> tuple[Trend, Trend] | None:
    """The bound words of the first figure bounded one way in the source and the other
    in the translation ("超过3500米" against "less than 3,500 meters", 超过四分之一
    against "less than a quarter")."""
    tgt_figures: dict[str, list[tuple[int, int]]] = {}
    for value, a, b in _figures(tgt, tgt_lang) + _shares(tgt, tgt_lang):
        tgt_figures.setdefault(value, []).append((a, b))
    for value, a, b in _figures(src, src_lang) + _shares(src, src_lang):
        there = tgt_figures.get(value)
        if not there or len(there) != 1:
            continue
        mine = _bound_of(src, src_lang, a, b)
        theirs = _bound_of(tgt, tgt_lang, *there[0]) if mine else None
        if mine and theirs and mine[0] != theirs[0]:
            return mine, theirs
    return None


# A figure below zero: "minus 20", "-20°C", "20 degrees below zero", 零下20, 负0.1%.
# A hyphen counts only after a space, a bracket, a colon or (Chinese) a word that leads to
# a value (为, 至, 增长, 同比, 利率 …): after a letter, a digit, % or 点/年 it is a name or a
# range (F-35, 歼-20, 10-20, 5%-6%, 9点-11点). 负 after 正 is ± and before a floor (负2层)
# a basement;
# "minus" and "negative" count only before a measure ("minus 3 injured regulars", "tested
# negative 3 times" are no signs).
_SIGN_BEFORE = {
    "en": re.compile(r"(?:\b(?P<w>minus|negative)\s*|(?:^|(?<=[\s(\[:=]))(?P<s>[-\u2212]))$",
                     re.I),
    "zh": re.compile(r"(?<!正)(?P<w>零下|负)\s*$"
                     r"|(?:^|(?<=[\s（(：:，,为至到达是约降升长涨跌幅率比值额]))(?P<s>[-\u2212])$"),
}
_EN_MEASURE_AFTER = re.compile(
    r"\s*(?:°|%|degrees?\b|percent\b|per cent\b|points?\b|C\b|F\b|Celsius\b|[.,;)]|$"
    r"|(?:and|to|or)\b)",  # "between minus 3 and 2 degrees"
    re.I)
_ZH_FLOOR_AFTER = re.compile(r"\s*(?:层|楼)")
_EN_SIGN_AFTER = re.compile(
    r"\s*(?:°\s*[CF]?|degrees?(?:\s+(?:Celsius|Fahrenheit|centigrade))?|C\b|F\b)?"
    r"\s+(?P<w>below\s+(?:zero|freezing))\b", re.I)
_SIGN_NAMES = {DOWN: "below zero", UP: "no sign"}
_LOSS = re.compile(r"\b(?:loss(?:es)?|deficits?|shortfalls?)\b|亏损|赤字|逆差|缺口", re.I)
_FLIP = {UP: DOWN, DOWN: UP}


def _below_zero(text: str, lang: str, start: int, end: int) -> tuple[int, int] | None:
    """The sign word of the figure at start..end, if it puts the figure below zero."""
    pattern = _SIGN_BEFORE.get(lang)
    if pattern is None:
        return None
    lo = max(0, start - 9)
    m = pattern.search(text[lo:start])
    if m and m.group("w") and lang == "en" and not _EN_MEASURE_AFTER.match(text, end):
        m = None  # "minus 3 injured regulars"
    if m and m.group("w") == "负" and _ZH_FLOOR_AFTER.match(text, end):
        m = None  # 负2层, the second basement floor
    if m:
        group = "w" if m.group("w") else "s"
        return lo + m.start(group), lo + m.end(group)
    if lang == "en":
        after = _EN_SIGN_AFTER.match(text, end)
        if after:
            return after.start("w"), after.end("w")
    return None


def _signs(src: str, tgt: str, src_lang: str, tgt_lang: str) -> tuple[Trend, Trend] | None:
    """The first figure below zero on one side only ("minus 20 degrees" as 20摄氏度): its
    sign word and the other side's bare figure. A change written with a sign is the same
    change as a falling word ("-2.1%" as "fell 2.1%", 增长-2.1% as "contracted 2.1%"):
    each side moves one way (a trend word, turned round by a minus; a lone minus falls)
    and when both move the same way the figure kept its meaning."""
    for (a, b, mine), (c, d, theirs), src_words, tgt_words in _signed_figures(
            src, tgt, src_lang, tgt_lang):
        src_way = _signed_way(_trend_of(src, src_lang, src_words, a, b), mine)
        tgt_way = _signed_way(_trend_of(tgt, tgt_lang, tgt_words, c, d), theirs)
        if src_way is not None and src_way == tgt_way:
            continue
        if _LOSS.search(tgt if mine else src):
            continue  # a net loss of 320 million for 净利润为-3.2亿元
        if _bound_of(src, src_lang, a, b) or _bound_of(tgt, tgt_lang, c, d):
            continue  # "below 20" is no level below zero
        return ((DOWN, *mine) if mine else (UP, a, b)), ((DOWN, *theirs) if theirs else (UP, c, d))
    return None


def _signed_way(trend: Trend | None, sign: tuple[int, int] | None) -> str | None:
    if sign is None:
        return trend[0] if trend else None
    return _FLIP[trend[0]] if trend else DOWN


def _signed_figures(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Iterator[
        tuple[tuple[int, int, Any], tuple[int, int, Any], tuple[Trend, ...], tuple[Trend, ...]]]:
    """Figures written once on each side and below zero on one side only: ((start, end,
    sign) of the source, of the translation, each side's trend words)."""
    tgt_figures: dict[str, list[tuple[int, int]]] = {}
    for value, a, b in _figures(tgt, tgt_lang):
        tgt_figures.setdefault(value, []).append((a, b))
    words: tuple[tuple[Trend, ...], tuple[Trend, ...]] | None = None
    for value, a, b in _figures(src, src_lang):
        there = tgt_figures.get(value)
        if not there or len(there) != 1:
            continue
        c, d = there[0]
        mine, theirs = _below_zero(src, src_lang, a, b), _below_zero(tgt, tgt_lang, c, d)
        if (mine is None) != (theirs is None):
            words = words or (trend_words(src, src_lang), trend_words(tgt, tgt_lang))
            yield (a, b, mine), (c, d, theirs), *words


def _periods(src: str, tgt: str, src_lang: str, tgt_lang: str) -> bool:
    """Both sides compare with another period (同比, "from a year earlier")."""
    a, b = _PERIOD.get(src_lang), _PERIOD.get(tgt_lang)
    return bool(a and b and a.search(src) and b.search(tgt))


@lru_cache(maxsize=1 << 15)
def direction_rule(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """A figure that moves one way in the source and the other way in the translation,
    or is bounded one way and the other ("more than 300" against 不到300), or is below
    zero on one side only ("minus 20" against 20), or is compared with a year earlier on
    one side and with the period before on the other (环比 as "year on year"); or a role
    turned into its counterpart
    ("the plaintiff" as 被告, imports as 出口: see counterparts.py).

    Figure by figure where the same figure has a trend word beside it on both sides
    ("climbed 11.1%, while ... fell 5.1%" against 下降11.1%，而……下降5.1%); else the
    whole bead, when each side moves one way only. The span is the translation's trend
    word (what the editor corrects); Accuracy/Mistranslation, major: the fact is reversed.
    """
    bounds = _bounds(src, tgt, src_lang, tgt_lang)
    if bounds is not None:
        return _reversed("bound", src, tgt, bounds, _BOUND_NAMES)
    signs = _signs(src, tgt, src_lang, tgt_lang)
    if signs is not None:
        return _reversed("sign", src, tgt, signs, _SIGN_NAMES)
    roles = counterpart_rule(src, tgt, src_lang, tgt_lang)
    if roles:
        return roles
    bases = _bases(src, tgt, src_lang, tgt_lang)
    if bases is not None:
        return _reversed("period", src, tgt, bases, _BASE_NAMES)
    strength = strength_reversed(src, tgt, src_lang, tgt_lang)  # ranks.py
    if strength is not None:
        return _reversed("direction", src, tgt, strength, {UP: UP, DOWN: DOWN})
    if not (_NUMBER.search(src) and _NUMBER.search(tgt)) and not _periods(
            src, tgt, src_lang, tgt_lang) and not (rank_figures(src, src_lang)
                                                   and rank_figures(tgt, tgt_lang)):
        return ()
    found, read = _per_figure(src, tgt, src_lang, tgt_lang)
    if found is None and read:  # every figure read moves the same way on both sides
        return ()
    if found is None:
        src_words, tgt_words = trend_words(src, src_lang), trend_words(tgt, tgt_lang)
        src_way, tgt_way = _one_way(src_words), _one_way(tgt_words)
        if src_way is None or tgt_way is None or src_way == tgt_way:
            return ()
        found = src_words[0], tgt_words[0]
    return _reversed("direction", src, tgt, found, {UP: UP, DOWN: DOWN})


def _reversed(what: str, src: str, tgt: str, words: tuple[Trend, Trend],
              names: dict[str, str]) -> Hits:
    """The finding on the translation's word of a pair read the two ways round."""
    (src_way, s0, s1), (tgt_way, t0, t1) = words
    comment = (
        f"{what}: {_SIDE_NAMES['source']} says '{src[s0:s1]}' ({names[src_way]}), "
        f"{_SIDE_NAMES['target']} says '{tgt[t0:t1]}' ({names[tgt_way]})"
    )
    return (RuleHit("target", t0, t1, "Accuracy/Mistranslation", "major", comment),)
