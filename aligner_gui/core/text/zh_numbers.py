"""Canonical numbers of Chinese text (see :mod:`.numbers` for the canonical form):
``numbers_zh("1550枚弹头,百分之二十三")`` gives ``["1550", "23%"]``.

Chinese numerals are read only where they are quantities: words such as 一些, 一直,
统一, 一起, 万一, 十分 are masked before scanning, and a lone 一 before a general
measure word (一个, 一项, 一场 ...) is read as the article "a", not as a number,
because English translations say "a" there far more often than "one".
Known limits: a lone Chinese 一 counts only in 第一, 一年-like spans and 之一;
colloquial 一千五 is read as 1500, 三四 ("three or four") gives nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from aligner_gui.core.text.clock import zh_hours_12
from aligner_gui.core.text.numbers import canonical, fold, versions_out

__all__ = ["KILO_UNITS", "numbers_zh", "zh_numeral_value"]


_ZH_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3,
             "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}  # fmt: skip
_ZH_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Formal (banker's) numerals, which are also ordinary characters: 陆 "land", 伍 "ranks".
_ZH_FORMAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
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
一氧化碳 一氧化氮 二氧化碳 二氧化硫 二氧化氮 二氧化硅 二氧化钛 二维码
周一 周二 周三 周四 周五 周六 周日 星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天
礼拜一 礼拜二 礼拜三 礼拜四 礼拜五 礼拜六 礼拜日 礼拜天
两岸 两旁 两边 两侧 两手 两面 两者 两性 两极 两样 两口子 两全其美
万分之 十万分之 百万分之 千万分之 亿分之 十亿分之
九江 三亚 四川 六安 十堰 三门峡 九寨沟 八达岭 五台山 七台河 三明 九龙 三沙 三峡 四平 五指山
六盘水 九华山 十三陵 三里屯 五道口 二连浩特 三河 四会 七星 八一 三星 五粮液 五角大楼 三角洲
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
    return pattern


# A masked word is no number only where no numeral stands before it: 千万 "by all means"
# is masked, 三千万 (30 million) is not; 一点 "a bit" and 一时 "for a while" are masked,
# 十一点 (11 o'clock) is not. The words are grouped by their first character's guard, one
# lookbehind per group (a lookbehind per word made the pattern cost 24 ms to compile in
# every process, 5 grouped); at any position only words of one group can match, so the
# longest-first order within a group is the order of the whole list.
_MASK_GUARDS = (
    ("十百千万", r"(?<![\d零〇一二两三四五六七八九十百千])"),
    ("一二两三四五六七八九", r"(?<![\d零〇一二两三四五六七八九十百千万])"),
)


def _mask_regex(words: list[str]) -> re.Pattern[str]:
    groups = []
    rest = [w for w in words if not any(w[0] in firsts for firsts, _ in _MASK_GUARDS)]
    for firsts, guard in _MASK_GUARDS:
        group = [_mask_pattern(w) for w in words if w[0] in firsts]
        if group:
            groups.append(guard + "(?:" + "|".join(group) + ")")
    groups.extend(_mask_pattern(w) for w in rest)
    # The lookahead on the words' first characters lets most positions fail at once.
    return re.compile("(?=[" + "".join(sorted({w[0] for w in words})) + "])(?:"
                      + "|".join(groups) + ")")


_ZH_TIME_UNITS = frozenset("年天日月周夜晚岁辈代世纪")

_ZH_MASKED_WORDS = sorted(set(_ZH_NOT_NUMBERS.split()), key=len, reverse=True)
_ZH_MASK = _mask_regex(_ZH_MASKED_WORDS)
# 千 of a unit is no thousand: 3500万千瓦 is 35 million kilowatts, 三千米 three kilometres.
# Units whose 千 is "kilo": 千瓦 kilowatt, 千克, 千米 ... (千瓦 is no thousand 瓦).
KILO_UNITS = "瓦克米卡焦伏帕赫兆"
_ZH_KILO = re.compile(f"千(?=[{KILO_UNITS}])|百(?=帕)")  # 百帕 hectopascal
_ZH_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH_ANY_NUMERAL = re.compile(r"[\d" + _ZH_NUM_CHARS + "]")
_ZH_TOKEN = re.compile(
    r"(?P<fden>[2-9]|10|[二三四五六七八九十])分之(?P<fnum>[1-9]|[一二两三四五六七八九])"
    r"(?![\d" + _ZH_NUM_CHARS + "])|"
    r"(?P<pct>百分之)?"
    # 4800余万 / 300多万 "more than 48 / 3 million": the 余 or 多 stands before the unit
    r"(?:(?P<arabic>" + _ZH_ARABIC + r")(?:[余多](?=[十百千万萬亿億]))?(?P<abig>[十百千万萬亿億]+)?"
    r"|(?P<han>[" + _ZH_NUM_CHARS + r"]+(?:[点點][" + _ZH_NUM_CHARS + r"]+)?)"
    r"(?P<hbig>[余多][万萬亿億])?)"
    r"(?P<pct2>%)?"
)


# Tenths: 六成 is 60 %, 逾四成 "over 40 percent" (not 成为, 成立, 成本 ..., nor 一成不变);
# 八成是 is "most likely".
# 成 that begins a word is no tenth (这一成绩 "this result" holds no 10 %).
TENTHS_NOT_BEFORE = "为為立功本绩績果员員长長熟就交品年人都不"
_TENTHS = re.compile(f"成(?![{TENTHS_NOT_BEFORE}])")
_TENTHS_DIGITS = frozenset("123456789一二两兩三四五六七八九")


def _tenths(token: str, text: str, end: int) -> bool:
    if token not in _TENTHS_DIGITS or not _TENTHS.match(text, end):
        return False
    return not (token in "8八" and text[end + 1 : end + 2] in tuple("是会要就又"))


# A race time: 2分05秒36 is "2:05.36", 53秒08 "53.08" (minutes, seconds, hundredths).
_RACE_TIME = re.compile(r"(?<![\d.])(?:(\d{1,2})分)?(\d{1,2})秒(\d{1,3})(?![\d万亿千百])")


def _race_time(m: re.Match[str]) -> str:
    minutes, seconds, fraction = m.groups()
    return (f"{minutes}:" if minutes else "") + f"{seconds}.{fraction}"


# A five-year plan by its number: “十四五”规划 is "the 14th Five-Year Plan" (14 and 5),
# read as 15 (十 …五); 十四五个 "fourteen or fifteen" is no plan.
_PLAN = re.compile("(?<=“)十([一二三四五六七八九])五(?=”)|十([一二三四五六七八九])五"
                   "(?=[”]?(?:规划|时期|期间|计划|以来|末|初|开局|收官|中期))")


def _plan(m: re.Match[str]) -> str:
    return f"1{_ZH_DIGIT[m.group(1) or m.group(2)]}、5"


# Roman numeral characters (Ⅲ级 "Level III"), which NFKC folds to Latin letters: as digits.
_ROMAN_CHARS = {ord(c): str(k) for k, c in enumerate("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ", start=1)}


def numbers_zh(text: str) -> list[str]:
    """Canonical numbers of a Chinese text, in order of appearance (a version number,
    2.4.1, as it is written, first)."""
    versions, text = versions_out(fold(text.translate(_ROMAN_CHARS)))
    if "秒" in text:
        text = _RACE_TIME.sub(_race_time, text)
    if "五" in text:
        text = _PLAN.sub(_plan, text)
    return versions + list(_numbers_zh(zh_hours_12(text)))


def _mask(m: re.Match[str]) -> str:
    return "\x00" * len(m.group(0))


@lru_cache(maxsize=65536)
def _numbers_zh(text: str) -> tuple[str, ...]:
    if not _ZH_ANY_NUMERAL.search(text):
        return ()  # what follows finds numbers only where these characters are
    masked = _ZH_KILO.sub(_mask, _ZH_MASK.sub(_mask, text))
    out: list[str] = []
    for m in _ZH_TOKEN.finditer(masked):
        if m.group("fden"):  # 三分之二 is "two-thirds"
            den, num = (_zh_digit_value(m.group(g)) for g in ("fden", "fnum"))
            if den is not None and num is not None and 0 < num < den:
                out.append(f"{num}/{den}")
            continue
        percent = bool(m.group("pct") or m.group("pct2"))
        token = m.group("arabic") or m.group("han")
        if not percent and not m.group("abig") and _tenths(token, masked, m.end()):
            tenths = _zh_digit_value(token)
            if tenths is not None:
                out.append(canonical(tenths * 10, True))
            continue
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
            if value is not None and m.group("hbig"):
                value *= _ZH_BIG[m.group("hbig")[1]]  # 三百余万 "over 3 million"
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
        if han in _ZH_FORMAL:
            return False  # 登陆, 陆续, 队伍: the formal numerals count only in a numeral
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
