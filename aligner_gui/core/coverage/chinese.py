"""Chinese words of a sentence and their match keys: translations, numbers, names."""

from __future__ import annotations

import re
from typing import Any

from aligner_gui.core.coverage.english import WEEKDAY_KEY
from aligner_gui.core.coverage.word import Word, keyed_runs, number_keys, numbers_of
from aligner_gui.core.lexicon.words import CJK, EN_STOPWORDS, ZH_WORDLIKE
from aligner_gui.core.runtime.memo import remember
from aligner_gui.core.text.names import (
    TRANSLIT_CHARS,
    looks_transliterated,
    pinyin_spellings,
    surname_romanizations,
    zh_name_key,
)
from aligner_gui.core.text.zh_numbers import KILO_UNITS

# Chinese words that are grammar or light verbs rather than content ("进行谈判" is "to
# negotiate"); the lexicon's stopword list covers the commonest.
_ZH_FUNCTION = frozenset(
    """
进行 作出 做出 加以 予以 给予 一直 一再 总是 正在 开始 继续 认为 觉得 知道 看到 看见
出来 起来 下去 过来 过去 上来 上去 回来 回去 进来 进去 一下 一点 一点儿 有点 有点儿
方面 情况 问题 时间 东西 事情 事 样子 地方 这时 那时 这时候 那时候 之中 当中 中间
其中 以上 以下 一边 同时 已 并且 并不 并没有 不会 不能 不要 不用 没有 没 也许 或许
大概 似乎 好像 仿佛 就是说 也就是说 总之 当时 随后 接着 于是 然后 结果 所谓 之所以
非常 十分 特别 相当 比较 极 极其 多 少 来 去 起 出 做 作 搞 弄 使 令 叫 成为 成 得到
现在 如今 后来 以后 以前 原来 忽然 突然 随时 那天 这天 一会 一会儿 便是 而是 却是 像是 就像
一面 有着 多少 一切 许多 很多 只能 只得 不得 不了 连 至于 总 总算 终于 真 真的 罢 倒 人家
一股 之间 之上 之下 上面 下面 里面 外面 前面 后面 这般 那般 一般 般 般的 似 好 样 着呢 起来
""".split()
)

# Chinese scale characters a number token may be followed by (4.5|亿美元, 12|万人, 660|億港元).
# The 千 of 千瓦 (kilowatt), 千米, 千克 ... is the unit's, not a thousand (1.8亿千瓦).
_ZH_SCALE_HEAD = re.compile(f"^(?:[万亿百萬億]|千(?![{KILO_UNITS}]))+")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z'\u2019-]*$")
# 两位, 二人, 三个: a small number with a measure word ("the two of them").
_ZH_FEW = re.compile(
    r"^[一二两三四五六七八九十几][个只位名人件条张本次回遍下声眼份项场篇句段批群套种样些]$"
)
_ZH_NUMERAL = re.compile(r"^[0-9０-９.,零〇一二两三四五六七八九十百千万亿]+$")
# A date unit after a number (2026年4月11日) is only the date: the 月 of 4月 is not the
# moon, the 日 of 11日 not the sun or Japan, the 年 of 2026年 not a harvest.
_DATE_UNIT_KEYS = {"年": frozenset({"year"}), "月": frozenset({"month"}),
                   "日": frozenset({"day", "date"})}


# A wire dateline's 日电 / 日讯 ("dispatch of the 18th"), which jieba cuts as one word.
_DISPATCH = frozenset({"电", "讯"})
# A reporter's byline in brackets: （记者王晓明、李婷）, （新华社记者 李明 摄）, （通讯员 张三）;
# and the short name a document is given, （以下简称《方案》）. English editions leave them
# out as they do a byline line: their words are no content.
_BYLINE = re.compile(
    r"[（(]\s*(?:(?:新华社|中新社)?(?:记者|通讯员|实习生)|(?:以下)?简称)[^（）()]{1,40}[）)]"
)


class ChineseWords:
    """Chinese words of sentences for one lexicon; each token's and character's keys memoised."""

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon
        self.token_keys: dict[str, tuple[frozenset[str], bool] | None] = {}
        self.char_glosses: dict[str, frozenset[str]] = {}
        self.spellings: dict[str, str] = {}  # one copy of each word's text for every occurrence

    def words(self, text: str) -> tuple[Word, ...]:
        """The words of a Chinese sentence (jieba's, names re-joined) with their keys."""
        lex = self.lexicon
        spans: list[tuple[int, int]] = []
        pos = 0
        for token in lex.zh_tokens(text):
            start = text.find(token, pos)
            if start < 0:  # cannot happen with jieba; keep offsets honest if it does
                continue
            pos = start + len(token)
            # 奥尔塔|格斯, 比林斯|利: jieba cuts unknown transliterations; join them again.
            if (
                spans
                and _joinable(text[spans[-1][0] : spans[-1][1]], token, lex)
                and (spans[-1][1] == start)
            ):
                spans[-1] = (spans[-1][0], pos)
            else:
                spans.append((start, pos))
        spans = _name_spans(text, spans)
        out: list[Word] = []
        after_number = False
        for k, (start, end) in enumerate(spans):
            token = text[start:end]
            found = self._keys(token)
            numeric = _ZH_NUMERAL.match(token) is not None
            if found is not None and numeric and k + 1 < len(spans) and spans[k + 1][0] == end:
                scale = _ZH_SCALE_HEAD.match(text[end : spans[k + 1][1]])
                if scale:
                    values = numbers_of(token + scale.group(0), "zh")
                    if values:
                        found = (found[0] | number_keys(values), found[1])
                elif text[end] in "日号":  # 18日: the English may name its weekday
                    found = (found[0] | {WEEKDAY_KEY}, found[1])
            if after_number and len(token) > 1 and spans[k - 1][1] == start:
                scale = _ZH_SCALE_HEAD.match(token)
                if scale and scale.end() < len(token):
                    # 4300|万人次: the scale went to the number; the rest (人次) is the word.
                    found = self._keys(token[scale.end() :])
            if after_number and token[1:] in _DISPATCH and token[:1] in _DATE_UNIT_KEYS:
                found = (_DATE_UNIT_KEYS[token[0]], False)  # the dateline's 18日电: "18"
            if found is not None:
                keys, content = found
                if after_number and len(token) == 1:
                    content = False  # 2020年, 1550枚: units and measure words
                    keys = _DATE_UNIT_KEYS.get(token, keys)
                spelling = self.spellings.get(token) or remember(self.spellings, token, token,
                                                                  200_000)
                out.append(Word(start, end, spelling, keys, content, spelling))
            after_number = numeric
        if "记者" in text or "通讯员" in text or "实习生" in text or "简称" in text:
            bylines = [m.span() for m in _BYLINE.finditer(text)]
            if bylines:
                out = [Word(w.start, w.end, w.text, w.keys, False, w.base)
                       if w.content and any(a <= w.start < b for a, b in bylines) else w
                       for w in out]
        return _join_zh_names(text, out)

    def _keys(self, token: str) -> tuple[frozenset[str], bool] | None:
        """(match keys, is content) of a Chinese-side token, or None for grammar."""
        if token in self.token_keys:
            return self.token_keys[token]
        result = self._compute_keys(token)
        self.token_keys[token] = result
        return result

    def _compute_keys(self, token: str) -> tuple[frozenset[str], bool] | None:
        lex = self.lexicon
        if not ZH_WORDLIKE.search(token):
            return None
        if lex.is_stopword_zh(token):
            # Grammar is never tinted, but 时候 still renders "time": lend the keys of
            # the first gloss (all senses of a multi-character word).
            lent = (
                self._char_keys(token)
                if len(token) == 1
                else frozenset(k for k in lex.translations(token) if k[0] not in "#~")
            )
            return (lent, False) if lent else None
        if _LATIN.match(token):
            low = token.lower()
            if len(token) < 2 or low in EN_STOPWORDS:
                return None
            latin = set(lex.translations(token))
            latin.add(low)
            return frozenset(latin), True
        numbers = numbers_of(token, "zh")
        if _ZH_NUMERAL.match(token):
            small = all(n.isdigit() and int(n) <= 10 for n in numbers)
            return number_keys(numbers), not small
        if _ZH_FEW.match(token):
            return frozenset(lex.translations(token)) | number_keys(numbers), False
        keys: set[str] = set(lex.translations(token))
        keys |= number_keys(numbers)
        if token in lex:
            if not any(k[0] not in "#~" for k in keys):
                return None  # 从未, 朝着: the dictionary renders it by function words only
            keys |= self._parts(token, known=True)
            if 2 <= len(token) <= 4 and all(CJK.match(c) for c in token):
                # 宝玉 is "precious jade" and also Baoyu: a name spelled in pinyin.
                keys.add(lex.en_stem(pinyin_spellings(token)[0]))
        else:
            # The lexicon backs unknown words off to their characters' every sense
            # (核 "nuclear/verify"); keep names and numbers, redo the back-off tighter.
            keys = {k for k in keys if k[0] in "#~"}
            magnitude = lex.magnitude(token)
            if magnitude:
                keys.add(magnitude)  # 数千 "thousands"
            if 2 <= len(token) <= 4:
                spellings = pinyin_spellings(token) + surname_romanizations(token)
                keys.update(lex.en_stem(s) for s in spellings)
            core = token.strip("".join(c for c in set(token) if lex.is_stopword_zh(c)))
            if core != token and 2 <= len(core) <= 4:
                # 对绍琳: a name with the preposition jieba glued to it ("Shao Lin").
                keys.update(lex.en_stem(s) for s in pinyin_spellings(core))
            parts = self._parts(token, known=False)
            if not parts and not any(k.startswith("~") for k in keys) and not numbers:
                if all(lex.is_stopword_zh(c) or c in _ZH_FUNCTION for c in token):
                    return None  # 称其, 只会: grammar glued together
            keys |= parts
        return frozenset(keys), token not in _ZH_FUNCTION

    def _parts(self, word: str, known: bool) -> frozenset[str]:
        """Translations of the dictionary words inside a word (上周五: 上周, 周五).

        Known words of three or more characters add their known sub-words; unknown words
        also their remaining characters, by each character's first gloss only.
        """
        n = len(word)
        if n < 2 or (known and n < 3) or not CJK.search(word):
            return frozenset()
        lex = self.lexicon
        keys: set[str] = set()
        covered = [False] * n
        for i in range(n):
            for j in range(i + 2, min(n, i + 6) + 1):
                if j - i == n:
                    continue
                part = word[i:j]
                if part in lex and not lex.is_stopword_zh(part) and part not in _ZH_FUNCTION:
                    keys.update(k for k in lex.translations(part) if k[0] != "~")
                    for c in range(i, j):
                        covered[c] = True
        if not known:
            for c, ch in enumerate(word):
                if not covered[c] and not lex.is_stopword_zh(ch) and ch not in _ZH_FUNCTION:
                    keys |= self._char_keys(ch)
        return frozenset(keys)

    def _char_keys(self, ch: str) -> frozenset[str]:
        """English stems of the first gloss of one character."""
        found = self.char_glosses.get(ch)
        if found is None:
            lex = self.lexicon
            gloss = lex.gloss(ch) if ch in lex else ""
            found = frozenset(
                lex.en_stem(w)
                for w in re.findall(r"[a-z]+", gloss.split("/")[0].lower())
                if w not in EN_STOPWORDS and len(w) > 2
            )
            self.char_glosses[ch] = found
        return found


# Longest given name or surname read on either side of the name dot of 黛安·惠特菲尔德.
_NAME_PART_MAX = 6
_NAME_DOTS = "·•‧・"


def _name_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Re-cut tokens around a name dot: each side's run of transliteration characters
    is one word (jieba cuts 校长安杰拉·鲁伊斯 as 小学校|长安|杰拉 and 惠特|菲尔德)."""
    parts: list[tuple[int, int]] = []
    for d, ch in enumerate(text):
        if ch not in _NAME_DOTS:
            continue
        a = d
        while a > 0 and d - a < _NAME_PART_MAX and text[a - 1] in TRANSLIT_CHARS:
            a -= 1
        b = d + 1
        while b < len(text) and b - d - 1 < _NAME_PART_MAX and text[b] in TRANSLIT_CHARS:
            b += 1
        for lo, hi in ((a, d), (d + 1, b)):
            if hi - lo >= 1 and not (parts and parts[-1][1] > lo):
                parts.append((lo, hi))
    if not parts:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        pieces = [(start, end)]
        for lo, hi in parts:
            if hi <= start or lo >= end:
                continue
            cut: list[tuple[int, int]] = []
            for s0, e0 in pieces:
                for s1, e1 in ((s0, min(e0, lo)), (max(s0, lo), min(e0, hi)), (max(s0, hi), e0)):
                    if s1 < e1:
                        cut.append((s1, e1))
            pieces = cut
        out.extend(pieces)
    # Join the pieces of one name part.
    joined: list[tuple[int, int]] = []
    for start, end in out:
        inside = next((p for p in parts if p[0] <= start and end <= p[1]), None)
        if inside and joined and inside[0] <= joined[-1][0] and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _join_zh_names(text: str, words: list[Word]) -> tuple[Word, ...]:
    """Give adjacent transliteration words the key of their join: 马里|索尔 (each a
    dictionary word, so not merged) is also 马里索尔 ~ Marisol."""

    def links(out: list[Word], k: int, j: int) -> bool:
        return (
            out[j + 1].start == out[j].end
            and out[j + 1].end - out[k].start <= _NAME_PART_MAX
            and all(c in TRANSLIT_CHARS for c in out[j + 1].text)
        )

    def run_key(out: list[Word], k: int, j: int) -> str | None:
        if all(c in TRANSLIT_CHARS for c in out[k].text):
            return zh_name_key(text[out[k].start : out[j].end]) or None
        return None

    return keyed_runs(words, links, run_key)


def _joinable(previous: str, token: str, lex: Any) -> bool:
    """Two jieba tokens that are one transliterated name cut apart."""
    if not (looks_transliterated(previous) or previous in TRANSLIT_CHARS):
        return False
    if not all(c in TRANSLIT_CHARS for c in token) or len(token) > 3:
        return False
    if len(previous) + len(token) > 6:
        return False
    return previous not in lex or token not in lex
