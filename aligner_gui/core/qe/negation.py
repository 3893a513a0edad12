"""Negations of a Chinese or English text, for the negation check (no Qt, no dictionary).

A dropped or added negation reverses a sentence's meaning while the bead score barely
moves (one word of many). The check compares the two sides of a bead: one side with a
clear negation and the other with nothing negative at all is suspect. So each side's
negations come in two strengths:

* strong: a negation that a faithful translation nearly always renders as one
  (不, 没有, 从未, 并非, 无法; not, n't, never, no, nothing, without);
* weak: words that carry a negation the other language often expresses otherwise
  (不断 "constantly", 忍不住 "couldn't help", 说不定 "maybe", V不了 "can't V", 无数
  "countless", 不得不 "had to"; hardly, fail, refuse, lack, unable, careless). A weak
  negation never triggers the check, it only answers a strong one on the other side.

Words that contain a negation character without negating (不仅 "not only", 无论
"whatever", 非常 "very", 未来 "future", 别人 "others", 是否 "whether", 莫斯科 "Moscow";
"not only", "no matter", "No. 5") count as nothing. Prefixes such as un-/in- are not
strong (their Chinese is as often a word of its own: unhappy 难过), only weak.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = [
    "ANCHOR_WORDS",
    "Negations",
    "anchored",
    "lexical_answers",
    "negations",
    "strong_negations",
    "weak_negations",
]

Negations = tuple[tuple[tuple[int, int], ...], int]  # strong spans, weak count

# -- Chinese ---------------------------------------------------------------------------

_ZH_NEG_CHARS = "不没沒未无無非别別莫勿否毋甭"
_ZH_STRONG_CHARS = frozenset("不没沒未勿毋甭")  # the rest are weak unless listed strong

# Never a negation: the character is part of another word.
_ZH_MASK = """
不仅 不僅 不但 不只 不光 不单 不论 不管 不过 不過 无论 無論 非但 非常 非得 非要 未来 未來
别人 別人 别的 別的 别处 别墅 特别 特別 分别 分別 区别 區別 告别 级别 类别 性别 个别 识别
离别 辨别 差别 派别 鉴别 判别 临别 送别 道别 惜别 诀别 辞别 别针 别扭 别致 有别 别号 别名
别称 别字
是否 能否 可否 与否 否则 否則 要不 要不然 不然 淹没 埋没 出没 没收 沉没 覆没 吞没 隐没
湮没 泯没 是非 非洲 莫斯科 莫扎特 莫言 莫奈 莫里 莫桑比克 不丹 无锡 未央 南无 无线
不列颠 不来梅
"""
# Might be rendered with or without a negation: answers a strong one, never triggers.
# (没过 is as often "submerge", 倒入没过肉块的水 "water to cover the pork", as "did not pass".)
_ZH_WEAK = """
不久 不少 不断 不斷 不停 不住 不错 不錯 不得不 不禁 不由 不由得 不由自主 忍不住 禁不住
不免 不料 不妨 不如 差不多 了不起 说不定 說不定 对不起 對不起 不好意思 不知不觉 受不了
来不及 看不起 免不了 不得了 不可思议 不要紧 不安 不幸 不满 不滿 不同 不足 不良 不利 不便
不快 不适 不平 不公 不当 不宜 不明 不和 不已 不屑 不时 不一会 不一会儿 不多久 不一样
没过
不约而同 不计其数 不可避免 不可或缺 不见得 不对 不像话 不怎么 不顾 不惜 不耐烦 不舒服
不清楚 不自觉 不由分说 不知所措 不可开交 不以为然 不言而喻 不择手段 不三不四 不伦不类
不慌不忙 不声不响 不紧不慢 不明不白 不知道 不在乎 不屈 不朽 不息 不懈 不愧 不然的话
没想到 沒想到 没关系 没關係 没用 没准 没错 没什么 没多久 没完没了 没头没脑 没精打采
没良心 没出息 没意思
未必 未免 未知 未婚 未成年 未尝 前所未有 未遂
无数 无限 无比 无聊 无奈 无辜 无疑 无非 无所谓 无关 无情 无意 无形 无声 无穷 无边 无力
无论如何 无可奈何 无微不至 毫无疑问 无与伦比 无忧无虑 莫名 莫名其妙 莫不是 莫非
否认 否定 否决 而非 并非不 不是不 不能不 不无 无不 没有不 除非
毋庸 毋宁 不乐意 不大 不太 不行 不知 不多时 不忍 不等 没等 不轨 岂不 何不 难道不 没道理
不在意 不像 不禁 不怒自威 十恶不赦 喋喋不休 碟碟不休 滔滔不绝 络绎不绝 一丝不苟
坚定不移 层出不穷 不可一世 面不改色 迫不及待 不屑一顾 不动声色 不知所云 不堪 不肯
不止 不减 不出声 不合 不能再 谁知 怎么会 怎会 怎能 难道 岂 何必 何尝
不变 不变价 不小 不是时候 不可撤销 不可逆 不可替代 不可分割 不可估量 不可磨灭 不可动摇
不容忽视 不再 居高不下 经久不衰 长盛不衰 供不应求 一成不变 源源不断 屡禁不止 锲而不舍
不遗余力 势不可挡 不可阻挡 不容小觑 不甘示弱 天不亮 天还没亮 不强 不高 不长 不远 不低
见不得 見不得 恨不得 巴不得 舍不得 怪不得 顾不得 由不得 少不得 免不得 说不得 記不得 记不得
动不得 动弹不得 要不得 不得已 迫不得已 不得而知 不得要领 不得人心 哭笑不得 求之不得
不得劲 了不得 晓不得
不含 不包括 不包含 不计 不算
"""
# Chinese words without a negation character that English often says with one ("were
# without two defenders": 缺少了; "did not attend": 缺席; "failed to": 未能 has one):
# like the English weak words, they answer a strong negation and never trigger.
_ZH_WEAK_LEXICAL = re.compile("缺|拒|失败|失去|禁止|避免|防止|阻止|停止|忽视|忽略|忘|难以|很少|"
                               "鲜有|免|取消|放弃|哪有|哪儿有|哪里有|何来|"  # 哪有: "there's no"
                               "零增长|零容忍|零伤亡|零关税|零排放|零事故|零死亡")  # "no growth"
# Strong although their character is weak by default.
_ZH_STRONG = """
并非 並非 绝非 決非 决非 并无 並無 毫无 毫無 从无 絕無 绝无 无法 無法 无人 無人 无须 无需
无从 无权 切莫 莫要 从未 從未 尚未 还未 還未 并未 並未 从没 從沒 从不 從不 并不 並不 决不 絕不 绝不
永不 毫不
"""
# 别 "don't" opens a clause (别走) or follows its subject (你别怕); elsewhere it is a
# word part the lists above may not know.
_ZH_IMPERATIVE_AFTER = frozenset("，。！？；：、“”‘’「」 ,.!?;:\"'你您们們咱可万萬就也都再先还還")
# Potential complements "V不C" (看不见 "can't see", 走不动): "can't" as often as
# "unable", "too ..." or a verb of its own. The verb is no pronoun or adverb (我不去
# "I won't go"), the complement no common verb.
_ZH_COMPLEMENTS = frozenset("了起住动動到清透及着著")
_ZH_NOT_VERBS = frozenset("我你他她它们們您咱谁誰也都就还還又并並可再")
# 不 (不得/不应/不能) + a comparison is a bound on a figure (不得超过24% "capped at 24
# percent", 最高不超过2000元 "up to 2,000 yuan"), as 不下 before a figure is "at least"
# (不下二十年): the direction check reads them.
_BOUND_AFTER = re.compile(
    "[得应應能可宜]?(?:[低少高多]于|超过|超過)|下(?=[\\d一二两三四五六七八九十百千万])")
# 完 after 不 is a complement (吃不完) unless it starts a word: 不完全, 不完整, 不完善.
_ZH_NOT_COMPLETE = frozenset("全整善美备備成")
_ZH_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ZH_NEG_AT = re.compile("[" + _ZH_NEG_CHARS + "]")

_ZH_KIND: dict[str, str] = {}
for _kind, _block in (("weak", _ZH_WEAK), ("strong", _ZH_STRONG), ("mask", _ZH_MASK)):
    for _w in _block.split():
        _ZH_KIND[_w] = _kind
_ZH_LONGEST = max(len(w) for w in _ZH_KIND)


def _cjk(text: str, k: int) -> bool:
    return 0 <= k < len(text) and _ZH_CJK.match(text[k]) is not None


def _listed_word(text: str, k: int) -> tuple[int, str] | None:
    """(end, kind) of the longest listed word covering offset ``k``, leftmost first."""
    for size in range(_ZH_LONGEST, 1, -1):
        for start in range(max(0, k - size + 1), k + 1):
            kind = _ZH_KIND.get(text[start : start + size])
            if kind is not None and start + size <= len(text):
                return start + size, kind
    return None


def _a_not_a(text: str, k: int) -> tuple[str, int] | None:
    """(kind, end) of an "A不A" / "A没A" question around offset ``k``, or None: 能不能,
    有没有 are no negation; a two-character one (喜欢不喜欢) is weak, as the same
    shape also arises across words (上扣不上扣子)."""
    for size, kind in ((1, "mask"), (2, "weak")):
        a = text[k - size : k]
        if k >= size and all(_cjk(text, i) for i in range(k - size, k)):
            if text[k + 1 : k + 1 + size] == a:
                return kind, k + 1 + size
    return None


def _zh_kind(text: str, k: int) -> tuple[str, int, int]:
    """(kind, start, end) of the negation at offset ``k``; kind strong, weak or mask."""
    ch = text[k]
    if ch in "不没沒":
        question = _a_not_a(text, k)
        if question:
            return question[0], k, question[1]
    listed = _listed_word(text, k)
    if listed is not None:
        return listed[1], k, listed[0]
    if ch in "没沒" and "有" in text[max(0, k - 3) : k - 1] and _cjk(text, k + 1):
        return "weak", k, k + 1  # 有X没Y: 有气没力 "faint", 有一搭没一搭
    if ch == "不" and k and _cjk(text, k - 1) and text[k - 1] not in _ZH_NOT_VERBS:
        if k + 1 < len(text) and text[k + 1] in _ZH_COMPLEMENTS:
            return "weak", k, k + 2
        if text[k + 1 : k + 2] == "完" and text[k + 2 : k + 3] not in _ZH_NOT_COMPLETE:
            return "weak", k, k + 2  # 吃不完 "more than they can eat", not 不完全
    if ch == "不" and text[k + 1 : k + 2] == "得" and not _cjk(text, k + 2):
        return "weak", k, k + 2  # 玩不得? "can't play": a potential complement, no rule
    if ch == "不" and (bound := _BOUND_AFTER.match(text, k + 1)):
        return "weak", k, bound.end()  # 不得低于18岁 "at least 18": the direction check reads it
    if ch in _ZH_STRONG_CHARS:
        return "strong", k, k + 1
    if ch in "别別" and _cjk(text, k + 1) and (k == 0 or text[k - 1] in _ZH_IMPERATIVE_AFTER):
        return "strong", k, k + 1
    if ch == "莫" and _in_transliteration(text, k):
        return "mask", k, k + 1  # 卢莫拉 "Lumora": as weak it silenced a dropped "not"
    return "weak", k, k + 1


def _in_transliteration(text: str, k: int) -> bool:
    """Is the character at ``k`` inside a transliterated name (卢莫拉, 莫罗)? Both its
    neighbours, or the one after it at a word's start, sound out a foreign name."""
    from aligner_gui.core.text.names import TRANSLIT_CHARS

    before = k > 0 and text[k - 1] in TRANSLIT_CHARS
    after = k + 1 < len(text) and text[k + 1] in TRANSLIT_CHARS
    return after and (before or k == 0 or not _cjk(text, k - 1))


def _zh_negations(text: str) -> Negations:
    strong: list[tuple[int, int]] = []
    weak = 0
    covered = 0
    for m in _ZH_NEG_AT.finditer(text):
        k = m.start()
        if k < covered:
            continue
        kind, start, end = _zh_kind(text, k)
        covered = end
        if kind == "strong":
            strong.append(_zh_span(text, start, end))
        elif kind == "weak":
            weak += 1
    if strong or weak:
        return tuple(strong), weak
    return (), len(_ZH_WEAK_LEXICAL.findall(text))


# Shown with the negation character so the editor sees what was read: 没有, 从未.
_ZH_TAIL = frozenset("有是要能会會必用曾得")
_ZH_HEAD = frozenset("从從并並绝決决还還尚毫")


def _zh_span(text: str, start: int, end: int) -> tuple[int, int]:
    if end - start == 1:
        if end < len(text) and text[end] in _ZH_TAIL:
            end += 1
        if start and text[start - 1] in _ZH_HEAD:
            start -= 1
    return start, end


# -- English ---------------------------------------------------------------------------

# English is matched lower-cased (faster than IGNORECASE on 10,000 beads).
_EN_MASK = re.compile(
    r"(?:\bnot|n['’]t)\s+(?:only|just|merely|simply)\b|\bno\s+matter\b"
    r"|\b(?:whether\s+)?or\s+not\b|\bno\.(?=\s*\d)"
)
_EN_WEAK_PHRASES = re.compile(
    r"\b(?:nothing\s+but|no\s+doubt|not\s+until|never\s+mind|no\s+choice\s+but|no\s+sooner"
    r"|none\s+other\s+than|if\s+not|(?:can|could)(?:\s*not|n['’]t)\s+help"
    r"|not\s+(?:a\s+)?(?:little|bad|least)|no\s+wonder|nothing\s+(?:much|else|like)"
    r"|too\s+\w+(?:\s+\w+)?\s+to|not\s+to\s+mention|not\s+far|no\s+problem"
    r"|why\s+(?:not|don['’]t)|no\s+(?:more|less|further)\b|no\s+one\s+(?:who|knew)"
    r"|(?:do|does|did)n['’]t\s+worry|without\s+a\s+break|in\s+no\s+time|not\s+as\s+if)\b"
    r"|(?:\bnot|n['’]t)\s+(?:\w+\s+){0,6}(?:until|till)\b"
    # "is not simply tearing down" renders 不是简单的拆; "not only ... but" is masked
    # from the strong negations, but it is not nothing either.
    r"|(?:\bnot|n['’]t)\s+(?:only|just|merely|simply)\b"
)
_EN_STRONG = re.compile(
    r"\b(?:not|never|no|nobody|nothing|none|neither|nor|cannot|nowhere|without|nope"
    r"|[a-z]+n['’]t)\b"
)
_EN_WEAK = re.compile(
    r"\b(?:hardly|barely|scarcely|seldom|rarely|unless|instead|rather|against|lest|except"
    r"|fail(?:s|ed|ing|ure)?|refus\w*|den(?:y|ies|ied|ial)|lack\w*|absen\w*|avoid\w*"
    r"|prevent\w*|stop(?:s|ped|ping)?|forb\w+|ban(?:s|ned)?|prohibit\w*|ignor\w*|neglect\w*"
    r"|barr(?:ed|ing)|bars?\s+\w+(?:\s+\w+)?\s+from|shun\w*|refrain\w*|steer(?:s|ed|ing)?\s+clear"
    r"|short\s+of|hate[sd]?|hating|reluctan\w*|wonder(?:s|ed|ing)?|forg[eo]t\w*"
    r"|miss(?:es|ed|ing)?|declin(?:e|es|ed|ing)\s+to|gone"
    r"|out\s+of\s+(?:all\s+)?(?:proportion|line|touch|order|step|sync|reach|control|stock|date"
    r"|print|place|the\s+question|bounds)"
    r"|lost|lose|loses|losing|(?<!a )(?:few|little)|less"
    r"|un(?!der|i|til|ion|it|less|cle)[a-z]{3,}|[a-z]{3,}less(?:ly|ness)?"
    r"|im(?:possib|patien|mort|prop|matur|polit|perfect|measur|balanc|mobil|partial)\w*"
    r"|in(?:capab|credib|evitab|visib|sufficien|complet|convenien|differen|justic|nocen"
    r"|activ|abilit|exact|formal|san|secur|tolerab|comprehensib|decen|accessib|adequa"
    r"|capacit|consisten|correct|dispensab|edib|human|valid|finit|separab|divisib|estimab"
    r"|delib|destructib|surmountab)\w*"
    r"|dis(?:like|agree|appear|approv|honest|obey|order|respect|satisf|trust|comfort"
    r"|connect|continu|loyal|abl|advantag|believ|content|grac|pleas|regard|miss|own)\w*"
    r"|ir(?:regular|relevan|responsib|rational|reversib|resistib|revocab|replaceab|refutab"
    r"|reparab|retrievab)\w*"
    r"|il(?:legal|logical|literat|legitimat)\w*|non[a-z-]+|neither)\b"
)


def _lower(text: str) -> str:
    """Lower case, offset for offset (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _en_strong(text: str) -> tuple[tuple[int, int], ...]:
    low = _lower(text)
    found = [m.span() for m in _EN_STRONG.finditer(low)]
    if not found:
        return ()
    blocked = [m.span() for r in (_EN_MASK, _EN_WEAK_PHRASES) for m in r.finditer(low)]
    return tuple(s for s in found if not any(a < s[1] and s[0] < b for a, b in blocked))


def lexical_answers(text: str, other: str, lexicon: Any) -> int:
    """How many of a Chinese text's negative words without a negation character (缺少,
    失败, 避免 …) may answer a negation of the English ``other``: those rendering a word
    the English has ("conceded defeat" as 失败) answer nothing (a dropped "would not
    block" beside it went unseen). Only for a text whose weak negations are all such
    words (no 不/没/无 … character: anchoring them beside a masked 不过 flagged mac-dev's
    faithful 忘了你那三个儿子啦吧 as "You haven't forgotten")."""
    if _ZH_NEG_AT.search(text):
        return weak_negations(text, "zh")
    there = set(lexicon.en_content(other))
    # 零增长 says "no growth" whole: it answers however its growth is rendered
    return sum(1 for m in _ZH_WEAK_LEXICAL.finditer(text)
               if m.group().startswith("零") or not lexicon.translations(m.group()) & there)


def _en_weak(text: str) -> int:
    low = _lower(text)
    return sum(1 for r in (_EN_WEAK_PHRASES, _EN_WEAK) for _m in r.finditer(low))


_zh_cached = lru_cache(maxsize=65536)(_zh_negations)


@lru_cache(maxsize=65536)
def strong_negations(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Spans of the strong negations of ``text`` in ``lang``."""
    return _zh_cached(text)[0] if lang == "zh" else _en_strong(text)


@lru_cache(maxsize=65536)
def weak_negations(text: str, lang: str) -> int:
    """Number of weak negations of ``text`` (computed only when a check needs them)."""
    return _zh_cached(text)[1] if lang == "zh" else _en_weak(text)


def negations(text: str, lang: str) -> Negations:
    """(spans of strong negations, number of weak ones) of ``text`` in ``lang``."""
    return strong_negations(text, lang), weak_negations(text, lang)


# -- anchoring (with the dictionary) ---------------------------------------------------

# Content words after a negation that name what it negates.
ANCHOR_WORDS = 2
# Share of them that must be translated on the other side.
ANCHOR_SHARE = 0.5
_CLAUSE_MARKS = "，。！？；：、,.!?;:（）()—…"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}“”\"‘’]")
# A Chinese quotation opened right after what follows a negation is what it negates:
# 不会搞“一刀切” "will not adopt a one-size-fits-all approach".
_CLAUSE_END_UNQUOTED = re.compile(f"[{_CLAUSE_MARKS}]")


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause's text before the negation and after it."""
    before = _CLAUSE_END.split(text[:start])[-1]
    after = _CLAUSE_END.split(text[end:], 1)[0]
    return before, after


def _negated_words(text: str, start: int, end: int, lang: str, lexicon: Any) -> list[set[str]]:
    """English stems of each word a negation negates: the first content words after it
    in its clause (the last ones before it when nothing follows: 他说没有), reading on
    into a quotation when nothing negated stands before it (不会搞“一刀切”)."""
    before, after = _clause_around(text, start, end)
    if lang == "zh" and text[end + len(after) : end + len(after) + 1] in ("“", "‘", "「"):
        after = _CLAUSE_END_UNQUOTED.split(text[end:], 1)[0]  # 不会搞“一刀切”
    for part, last in ((after, False), (before, True)):
        if lang == "zh":
            words = [set(keys) for _w, keys in lexicon.zh_content(part) if keys]
        else:
            words = [
                {lexicon.en_stem(w)}
                for w in lexicon.en_tokens(part)
                if not lexicon.is_stopword_en(w)
            ]
        if words:
            return words[-ANCHOR_WORDS:] if last else words[:ANCHOR_WORDS]
    return []


def _all_keys(text: str, lang: str, lexicon: Any) -> set[str]:
    if lang == "zh":
        return {k for _w, keys in lexicon.zh_content(text) for k in keys}
    return set(lexicon.en_content(text))


def anchored(
    text: str, span: tuple[int, int], other: str, lang: str, other_lang: str, lexicon: Any
) -> bool:
    """Whether what the negation at ``span`` negates is translated in ``other``.

    A translator who restructures (不动 "sat still", 没受伤的狗 "the uninjured dogs")
    leaves the negated word untranslated; one who drops the negation keeps it (我不去
    "I will go"). Needs the dictionary.
    """
    words = _negated_words(text, span[0], span[1], lang, lexicon)
    if not words:
        return False
    there = _all_keys(other, other_lang, lexicon)
    return sum(1 for keys in words if keys & there) >= ANCHOR_SHARE * len(words)
