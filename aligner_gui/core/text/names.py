"""Phonetic keys so transliterated names meet their originals: 特朗普 ~ Trump.

Both sides are reduced to a skeleton of consonant classes, the way Chinese
transliteration hears an English name: each Chinese syllable contributes its initial
(pinyin), an English word its consonants except nasal and liquid codas (the n of
"Brien", the r of "Ortagus" and the l of "Donald" leave no initial in 布莱恩, 奥尔塔格斯,
唐纳德). Classes merge what transliteration confuses: b/p, d/t, g/k, l/r, f/v/w,
j/zh/ch/z/q/c, s/sh/x.

``name_key`` gives the skeleton ("TLP" for both 特朗普 and Trump); ``name_similarity``
scores two words in [0, 1] by edit distance between skeletons.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "KEY_PREFIX",
    "NAME_ALIKE",
    "TRANSLIT_CHARS",
    "alike_score",
    "en_name_key",
    "en_skeleton",
    "is_chinese_name",
    "looks_transliterated",
    "name_similarity",
    "pinyin_spellings",
    "sounds_alike",
    "spelled_in",
    "spells_exactly",
    "surname_spelling",
    "surname_romanizations",
    "zh_name_key",
    "zh_skeleton",
]

KEY_PREFIX = "~py:"


def _pinyin(chars: list[str], errors: str = "default") -> list[str]:
    """Toneless pinyin of each character, as pypinyin's ``lazy_pinyin(chars,
    style=Style.NORMAL, errors=errors)`` gives it for a list of single characters (its
    first reading; ü as v); a character without pinyin is kept, or dropped with
    ``errors="ignore"``. Read from pypinyin's character table without importing pypinyin,
    whose import (phrase tables, segmenter) took 0.25 s of a two-sentence run."""
    table = _pinyin_table()
    if table is None:  # the table file was not found: ask pypinyin itself
        from pypinyin import Style, lazy_pinyin

        return lazy_pinyin(chars, style=Style.NORMAL, errors=errors)  # type: ignore[no-any-return]
    out = []
    for c in chars:
        readings = table.get(str(ord(c)))
        if readings is None:
            if errors != "ignore":
                out.append(c)
            continue
        out.append(readings.split(",", 1)[0].translate(_TONELESS))
    return out


_TONELESS = str.maketrans({
    "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
    "ū": "u", "ú": "u", "ǔ": "u", "ù": "u", "ü": "v", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v",
    "ń": "n", "ň": "n", "ǹ": "n", "ḿ": "m",
})  # fmt: skip


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, str] | None:
    """pypinyin's pinyin_dict.json: {code point as text: "zhōng,zhòng"} (None if absent)."""
    try:
        spec = importlib.util.find_spec("pypinyin")
        folders = list(spec.submodule_search_locations or []) if spec else []
        for folder in folders:
            path = os.path.join(folder, "pinyin_dict.json")
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as fh:
                    table = json.load(fh)
                return table if isinstance(table, dict) else None
    except (OSError, ValueError, ImportError):
        pass
    return None


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (from pypinyin's character table; ü as v and u)."""
    table = _pinyin_table() or {}
    found = set(",".join(set(table.values())).translate(_TONELESS).split(",")) - {""}
    return frozenset(found | {s.replace("v", "u") for s in found if "v" in s})


@lru_cache(maxsize=4096)
def is_pinyin(word: str) -> bool:
    """Whether ``word`` (a name part: "Ning", "Wenjie", "Qiyao") is a run of pinyin
    syllables; "Foreign", "Ministry" are not. True when no table can be read."""
    syllables = _syllables()
    if not syllables:
        return True
    low = word.lower()
    ends = {0}
    for i in range(len(low)):
        if i in ends:
            for size in range(1, 7):
                if low[i : i + size] in syllables:
                    ends.add(i + size)
    return len(low) in ends and bool(low)


@lru_cache(maxsize=8192)
def _readings(ch: str) -> frozenset[str]:
    """Every toneless pinyin reading of a character (ü as v and as u), and the other
    English spellings of it as a surname ("Tsai" for 蔡)."""
    table = _pinyin_table() or {}
    found = set(table.get(str(ord(ch)), "").translate(_TONELESS).split(",")) - {""}
    found |= {r.replace("v", "u") for r in found if "v" in r}
    return frozenset(found | set(surname_romanizations(ch)))


def spelled_in(word: str, zh_text: str) -> bool:
    """Whether ``word`` (an English name: "Siyu", "Xi-feng", "Ren'ai") is the pinyin of
    consecutive characters of ``zh_text`` (any of their readings: 长 is chang and zhang)."""
    low = "".join(c for c in word.lower() if c.isalpha())
    if not low:
        return False
    for start in range(len(zh_text)):
        ends = {0}  # offsets into low reached after the characters from start on
        k = start
        while ends and k < len(zh_text):
            reached = {e + len(r) for e in ends for r in _readings(zh_text[k])
                       if low.startswith(r, e)}
            if len(low) in reached:
                return True
            ends = reached
            k += 1
    return False


@lru_cache(maxsize=4096)
def surname_spelling(word: str) -> bool:
    """Whether ``word`` spells a common Chinese surname ("Qian", "Chen", "Ouyang"; not
    "When", "King")."""
    return any(spells_exactly(word, s) for s in (*_SURNAMES, *_COMPOUND_SURNAMES))


def spells_exactly(word: str, chars: str) -> bool:
    """Whether ``word`` is the pinyin of exactly ``chars`` ("Peijing" / 培景), any readings."""
    low = "".join(c for c in word.lower() if c.isalpha())
    ends = {0}
    for ch in chars:
        ends = {e + len(r) for e in ends for r in _readings(ch) if low.startswith(r, e)}
    return len(low) in ends and bool(low)


# Characters of the standard transliteration tables (英语姓名译名手册 and usage).
TRANSLIT_CHARS = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查彻达戴丹道德登迪蒂丁东杜顿多厄恩尔"
    "法凡范菲费芬丰冯弗福富盖甘冈高戈哥格根贡古瓜圭哈海汉豪赫亨洪华霍基吉加贾杰金津卡凯"
    "坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾黎里理丽利莉列林琳隆卢鲁路伦罗洛吕马玛迈麦曼"
    "梅门蒙米敏明莫摩默姆穆纳娜奈南内尼妮宁纽努诺欧帕派潘庞佩彭皮普奇齐恰乔切琴丘萨塞赛"
    "桑瑟森沙莎尚舍圣施什史斯松苏索塔泰坦汤唐特提托瓦万旺威韦维温沃乌伍西希锡夏谢辛休雅"
    "亚扬耶伊因尤于约泽扎詹兹佐歇逊茨琼肖舒荷卓芙娅黛珀嘉柏邓茜德柯蒲尹奈罕赞"
    "历士夫密山得撒治白盛翰蓬龙京娃薇露瑞丝琪朵珊拿迦勃喀沃岑佩洛贡穆萨迪莉珍"
    "惠"  # 惠特曼 Whitman, 惠灵顿 Wellington
)

# Readings of polyphonic characters as used in transliterations (布什 bu-shi, not shen).
_NAME_READINGS = {
    "什": "shi",
    "莎": "sha",
    "伯": "bo",
    "查": "cha",
    "单": "shan",
    "乐": "le",
    "朴": "pu",
    "区": "ou",
    "盖": "gai",
    "塔": "ta",
    "卡": "ka",
}

_PINYIN_INITIAL_CLASS = {
    "zh": "J", "ch": "J", "sh": "S", "b": "P", "p": "P", "m": "M", "f": "F", "w": "F",
    "d": "T", "t": "T", "n": "N", "l": "L", "r": "L", "g": "K", "k": "K", "h": "H",
    "j": "J", "q": "J", "z": "J", "c": "J", "x": "S", "s": "S", "y": "",
}  # fmt: skip
_PINYIN_INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw")

_VOWELS = frozenset("aeiouy")
_VOWEL_START = "_"  # 奥布莱恩 / O'Brien: both begin with a vowel
_NASAL_END = "n"  # 摩根 / Morgan: both end in a nasal
# English spelling rewrites applied before classing (order matters).
_EN_REWRITES = [
    (re.compile(r"^(kn|gn|pn)"), "n"),
    (re.compile(r"^wr"), "r"),
    (re.compile(r"^ps"), "s"),
    (re.compile(r"^x"), "s"),
    (re.compile(r"mb$"), "m"),
    (re.compile(r"^jo"), "yo"),  # John, Johnson, Joseph: 约翰, 约瑟夫
    (re.compile(r"chael"), "kael"),  # Michael
    (re.compile(r"ch(?=r)"), "k"),  # Christopher
    (re.compile(r"(?<![cstpgw])h(?=i)"), "s"),  # Hillary, Hilton: 希 xi
    (re.compile(r"(.)\1"), r"\1"),  # double letters
    (re.compile(r"tch"), "ç"),
    (re.compile(r"sch"), "š"),
    (re.compile(r"ch"), "ç"),
    (re.compile(r"sh"), "š"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"^th(?=o)"), "t"),  # Thomas, Thompson: 托, 汤
    (re.compile(r"th"), "s"),  # Smith, Catherine, Thatcher: 斯, 瑟, 撒
    (re.compile(r"ck"), "k"),
    (re.compile(r"qu"), "k"),
    (re.compile(r"(?<=.)gh"), ""),
    (re.compile(r"x"), "ks"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"g(?=[eiy])"), "j"),
    (re.compile(r"dg"), "j"),
    (re.compile(r"w(?![aeiouy])"), ""),  # Lowe, Andrew
    (re.compile(r"(?<=[aeiouy])h(?![aeiouyn])"), ""),  # Sarah (but John: 约翰)
    (re.compile(r"(?<=[aeiouy][^aeiouy])e$"), ""),  # silent final e: Catherine, Blake
]
_EN_CLASS = {
    "b": "P", "p": "P", "m": "M", "f": "F", "v": "F", "w": "F", "d": "T", "t": "T",
    "n": "N", "l": "L", "r": "L", "g": "K", "k": "K", "c": "K", "q": "K", "h": "H",
    "j": "J", "ç": "J", "z": "J", "s": "S", "š": "S",
}  # fmt: skip


def looks_transliterated(word: str) -> bool:
    """True for a Chinese word of 2+ characters all from the transliteration tables."""
    return len(word) >= 2 and all(c in TRANSLIT_CHARS for c in word)


@lru_cache(maxsize=65536)
def zh_skeleton(word: str) -> str:
    """Consonant-class skeleton of a Chinese (transliterated) word: 特朗普 -> "TLP"."""
    out: list[str] = []
    chars = [c for c in word if "\u3400" <= c <= "\u9fff"]
    if not chars:
        return ""
    syllables = [
        _NAME_READINGS.get(c) or py
        for c, py in zip(chars, _pinyin(chars), strict=True)
    ]
    for k, syllable in enumerate(syllables):
        if k == 0 and (syllable[:1] in "aeiouy"):
            out.append(_VOWEL_START)
        for initial in _PINYIN_INITIALS:
            if syllable.startswith(initial):
                cls = _PINYIN_INITIAL_CLASS[initial]
                if cls and (not out or out[-1] != cls):
                    out.append(cls)
                break
    if syllables and syllables[-1].endswith("n") or syllables and syllables[-1].endswith("ng"):
        out.append(_NASAL_END)
    return "".join(out)


@lru_cache(maxsize=65536)
def en_skeleton(word: str) -> str:
    """Consonant-class skeleton of an English name: Trump -> "TLP", O'Brien -> "PL"."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(c for c in w if "a" <= c <= "z")
    if not w:
        return ""
    for pattern, repl in _EN_REWRITES:
        w = pattern.sub(repl, w)
    out: list[str] = [_VOWEL_START] if w[0] in _VOWELS else []
    n = len(w)
    for i, c in enumerate(w):
        if c in _VOWELS:
            continue
        nxt = w[i + 1] if i + 1 < n else ""
        coda = not nxt or nxt not in _VOWELS
        if coda and c in "mnlr":
            continue  # nasal/liquid coda: absorbed into the syllable (唐, 尔)
        if c == "g" and i and w[i - 1] == "n" and coda:
            continue  # -ng coda (Billingslea)
        cls = _EN_CLASS.get(c)
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    if w[-1] in "mn" or w.endswith("ng"):
        out.append(_NASAL_END)  # Morgan / 摩根 end in a nasal; Merkel / 默克尔 do not
    return "".join(out)


def _key(skeleton: str) -> str | None:
    # A single class collides with far too much; keys need two or more consonants.
    consonants = len(skeleton) - skeleton.count(_VOWEL_START) - skeleton.count(_NASAL_END)
    return KEY_PREFIX + skeleton if consonants >= 2 else None


def zh_name_key(word: str) -> str | None:
    """The "~py:" key of a Chinese word, or None if it is too short to be telling."""
    return _key(zh_skeleton(word))


def en_name_key(word: str) -> str | None:
    """The "~py:" key of an English word, or None if it is too short to be telling."""
    return _key(en_skeleton(word))


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@lru_cache(maxsize=65536)
def name_similarity(zh_word: str, en_word: str) -> float:
    """How well a Chinese word transliterates an English word, in [0, 1]."""
    a, b = zh_skeleton(zh_word), en_skeleton(en_word)
    if not a or not b:
        return 0.0
    return 1.0 - _distance(a, b) / max(len(a), len(b))


_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 令狐 夏侯 轩辕 端木 独孤 南宫 "
    "司徒 西门".split()
)


# The commonest single-character surnames (about 85% of the population).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞"
    "姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)


def is_chinese_name(word: str) -> bool:
    """A 2-4 character word that starts with a common surname (陈清扬, 欧阳修)."""
    return 2 <= len(word) <= 4 and (word[0] in _SURNAMES or word[:2] in _COMPOUND_SURNAMES)


@lru_cache(maxsize=65536)
def pinyin_spellings(word: str) -> tuple[str, ...]:
    """How English may spell a Chinese name: 王琦瑶 -> ("wangqiyao", "wang", "qiyao").

    The whole word in toneless pinyin, and for three- and four-character words the
    surname and the given name apart (English writes "Wang Qiyao"). ü is spelled u.
    """
    chars = [c for c in word if "\u3400" <= c <= "\u9fff"]
    if not chars:
        return ()
    syl = [p.replace("v", "u") for p in _pinyin(chars, errors="ignore")]
    if len(syl) != len(chars):
        return ()
    out = ["".join(syl)]
    if len(chars) in (3, 4):
        cut = 2 if "".join(chars[:2]) in _COMPOUND_SURNAMES else 1
        if cut == 2 or chars[0] in _SURNAMES:
            out.append("".join(syl[:cut]))
            out.append("".join(syl[cut:]))
    return tuple(out)


# Other spellings of common surnames in English text: Hong Kong (Cantonese), Taiwan
# (Wade-Giles), Singapore and Malaysia (Hokkien, Teochew), Korea. Pinyin is made by
# pinyin_spellings; these are what it cannot make ("Carrie Lam", "Tsai", "Lee Hsien Loong").
_ROMANIZED: dict[str, tuple[str, ...]] = {
    "王": ("wong", "ong"),
    "李": ("lee", "lei"),
    "张": ("chang", "cheung", "teo", "chong"),
    "刘": ("lau", "lew", "liew"),
    "陈": ("chan", "tan", "chin"),
    "杨": ("yeung", "yeo", "yong"),
    "黄": ("wong", "hwang", "ng", "ooi", "wee"),
    "赵": ("chao", "chiu"),
    "吴": ("ng", "goh", "woo"),
    "周": ("chow", "chou", "chau"),
    "徐": ("hsu", "tsui"),
    "孙": ("suen",),
    "马": ("mah",),
    "朱": ("chu", "choo"),
    "郭": ("kuo", "kwok", "quek"),
    "何": ("ho",),
    "高": ("kao", "ko"),
    "林": ("lam", "lim"),
    "罗": ("lo", "law", "loh"),
    "郑": ("cheng", "cheang", "tay"),
    "梁": ("leung", "neo"),
    "谢": ("hsieh", "tse", "chia", "seah"),
    "宋": ("sung", "soong"),
    "唐": ("tong",),
    "许": ("hsu", "hui", "koh", "khoo"),
    "冯": ("fung",),
    "邓": ("teng", "tang"),
    "曾": ("tsang", "tseng"),
    "彭": ("pang",),
    "萧": ("hsiao", "siu"),
    "肖": ("hsiao", "siu"),
    "蔡": ("tsai", "choi", "choy", "chua"),
    "潘": ("poon", "phua"),
    "蒋": ("chiang",),
    "叶": ("yeh", "yip", "yap"),
    "苏": ("soo",),
    "钟": ("chung",),
    "卢": ("lou", "loo"),
    "江": ("chiang", "kong"),
    "金": ("kim", "kam"),
    "朴": ("park", "pak"),
    "崔": ("choi", "tsui"),
    "孔": ("kung",),
    "严": ("yen", "yim"),
    "龚": ("kung",),
    "姚": ("yiu",),
    "邱": ("chiu", "yau", "khoo"),
    "袁": ("yuen",),
    "余": ("yee", "yue"),
    "廖": ("liu", "liew"),
    "戴": ("tai",),
    "夏": ("hsia",),
}


# The same surnames in traditional characters (Hong Kong and Taiwan write 陳, 黃, 張).
_TRADITIONAL = dict(zip("張劉陳楊黃趙吳孫馬郭羅鄭謝許馮鄧蕭蔣葉蘇鍾盧嚴龔邱袁廖",
                        "张刘陈杨黄赵吴孙马郭罗郑谢许冯邓萧蒋叶苏钟卢严龚邱袁廖", strict=True))


def surname_romanizations(word: str) -> tuple[str, ...]:
    """Non-pinyin English spellings of the surname of a name (or of the surname alone):
    李 / 李显龙 -> ("lee", "lei"), 黄之锋 / 黃之鋒 -> ("wong", ...); () for anything else."""
    if not word:
        return ()
    word = _TRADITIONAL.get(word[0], word[0]) + word[1:]
    if len(word) > 4 or word[:2] in _COMPOUND_SURNAMES:
        return ()
    return _ROMANIZED.get(word[0], ())


# Two names at least this similar (consonant skeletons) are taken for one name.
NAME_ALIKE = 0.5
# Endings an English name may carry where the Chinese adds 人/们 or nothing.
_ENDINGS = ("'s", "’s", "ites", "ite", "ians", "ian", "ans", "ese", "es", "s")


def sounds_alike(zh_word: str, en_word: str) -> bool:
    """Could ``zh_word`` transliterate ``en_word`` (or the name under its ending)?"""
    return alike_score(zh_word, en_word) >= NAME_ALIKE


# A Greek name, whose d (delta) Chinese hears as z or j: 帕帕扎基 Papadaki, 季米特里斯.
_GREEK = re.compile(r"^Papa|(?:akis|aki|opoulos|opoulou|idis|idou|iadis|iades)$", re.I)


def alike_score(zh_word: str, en_word: str) -> float:
    """How well ``zh_word`` sounds like ``en_word`` or the name under its ending (0-1)."""
    variants = [en_word]
    for ending in _ENDINGS:
        if en_word.endswith(ending) and len(en_word) - len(ending) >= 3:
            variants.append(en_word[: -len(ending)])
    if "th" in en_word:  # Bethel 伯特利, Thomas 托马斯 (the skeleton hears Smith's s)
        variants += [v.replace("th", "t").replace("Th", "T") for v in variants]
    if "ch" in en_word.lower():  # French ch: Marchand 马尔尚, Chirac 希拉克
        variants += [v.replace("ch", "sh").replace("Ch", "Sh") for v in variants]
    if "v" in en_word.lower():  # Spanish v: Vargas 巴尔加斯, Córdova 科尔多巴
        variants += [v.replace("v", "b").replace("V", "B") for v in variants]
    if "d" in en_word.lower() and _GREEK.search(en_word):  # δ: Papadaki 帕帕扎基
        variants += [v.replace("d", "z").replace("D", "Z") for v in variants]
    return max(name_similarity(zh_word, v) for v in variants)
