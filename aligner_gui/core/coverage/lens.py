"""Word-level coverage ("the coverage lens"): which words of a bead did not make it across.

Sentence alignment finds dropped sentences; this finds dropped *parts* of sentences.
For each bead with both sides, every content word is tested against the other side of
the same bead: an English word is covered when some Chinese word of the bead may
translate it (its stem among the Chinese word's dictionary stems, equal numbers, equal
transliteration keys, joined pinyin of a name, a shared stem prefix, a translation
learned from this document), a Chinese word when its translations meet the English
stems of the bead. Grammar words of either side are never tested but lend their keys
(时候 still covers "time"); a word repeated more often than the other side can account
for is uncovered in its later occurrences.

Single uncovered words are everyday paraphrase, so they are never tinted. Runs of
uncovered content words (short function-word and punctuation gaps allowed, never
across a clause end) become *uncovered spans* only when such a run is unlikely by
chance. Each word has a miss rate: how often it goes uncovered elsewhere in this
document (1 for words the dictionary cannot cover at all), scaled by how loose the rest
of the bead is. A run is kept when the expected number of such runs,
``(n - k + 1) * (1 - p) * prod(q_w)``, is small: below :data:`ALPHA_NO_ROOM` when
the other side has no uncovered word where the run's translation would stand (between
the translations of its covered neighbours), down to :data:`ALPHA_PARAPHRASE` the more
uncovered words it has there (then the run is more likely their paraphrase).
A faithful but loosely worded bead thus stays clear, a clause missing from an
otherwise well-covered bead is tinted.

Spans are stored as ``bead.details["uncovered"] = [{"side", "start", "end"}, ...]``
with code-point offsets into that side's ``text`` (the project file writes them as
the bead's ``"uncovered"`` field). Nothing here imports Qt; per-sentence work
(tokenisation, dictionary look-ups, key sets) is cached per lexicon, so a
10,000-bead document takes a few seconds (``benchmarks/coverage_lens.py``).
"""

from __future__ import annotations

import heapq
import re
import sys
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from aligner_gui.core.lexicon.words import EN_STOPWORDS
from aligner_gui.core.model import UNCOVERED_KEY, AlignmentDocument, Bead, Side
from aligner_gui.core.runtime.gcpause import gc_paused
from aligner_gui.core.text.names import (
    TRANSLIT_CHARS,
    en_name_key,
    looks_transliterated,
    pinyin_spellings,
    zh_name_key,
)
from aligner_gui.core.text.numbers import numbers_en, numbers_zh

__all__ = [
    "UNCOVERED_KEY",
    "CoverageLens",
    "bead_uncovered",
    "compute_coverage",
    "compute_coverage_analysis",
    "coverage_suggestions",
    "uncovered_share",
    "word_glosses",
]

# Bounds on the expected number of chance runs like a tinted one (see the docstring):
# ALPHA_NO_ROOM where the other side leaves no uncovered word for the run's translation,
# down to ALPHA_PARAPHRASE where it leaves PARAPHRASE_RATIO uncovered words per word of
# the run (one chengyu renders several English words), geometrically in between.
# Chosen on mac-dev and the Bible by the contrast of cut and glued text against intact
# text (benchmarks/coverage_lens.py), never on single sentences.
ALPHA_NO_ROOM = 0.2
ALPHA_PARAPHRASE = 0.01
PARAPHRASE_RATIO = 0.5
# The bead's looseness p: miss rate of the rest of the bead side, with PRIOR_WORDS
# pseudo-words at the document's rate.
PRIOR_WORDS = 6.0
# Bounds on p: a bead covered word for word still misses the odd word by chance, and a
# bead missing nearly everything must not tint every pair of words.
P_FLOOR = 0.08
P_CEILING = 0.9
MIN_RUN_WORDS = 2
# Per-word miss rates: pseudo-occurrences at the document rate; cap of a word's factor.
WORD_PRIOR = 2.0
Q_CEILING = 0.95
# Stems sharing this many leading letters (and all but two of the shorter) match.
STEM_PREFIX = 5
# Function words allowed inside a run ("over whether ... is"); CJK characters for Chinese.
MAX_GAP_WORDS = 3
MAX_GAP_ZH_CHARS = 3
# Suggestions: uncovered English spans of at least this many content words, Chinese
# spans of at least this many content characters.
SUGGEST_EN_WORDS = 3
SUGGEST_ZH_CHARS = 4
# Learned table: a (Chinese word, English stem) pair left uncovered by the dictionary
# in at least this many beads, and in most beads where either occurs.
LEARN_MIN_COUNT = 3
LEARN_MIN_DICE = 0.6

# English words the lexicon's stopword list lets through but that carry no content a
# translation must render word for word (discourse glue, intensifiers, light verbs).
_EN_FUNCTION = frozenset(
    """
whether although though because however unless thus therefore hence moreover
furthermore meanwhile otherwise instead rather quite pretty really fairly somewhat
merely simply perhaps maybe indeed actually yet either neither else whatever whoever
whichever wherever whenever anyway anything nothing everything everyone anyone nobody
everybody anybody got get gets getting make makes made making take takes took taking
put puts go goes went going come comes came coming thing things way ways lot lots
mr mrs ms miss kind kinds sort sorts several various certain like unlike well bit
little course fact able unable seem seems seemed seeming time times moment
""".split()
)

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

_EN_WORD = re.compile(
    r"(?<![A-Za-z])U\.S\.(?:A\.)?|(?<![A-Za-z])U\.K\."
    r"|[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z\u00c0-\u024f]+)*"
    r"|\d+(?:[.,]\d+)*"
)
# A number with what may scale or qualify it ("1.5 million", "23 percent", "40%").
_EN_NUMBER_TAIL = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|[A-Za-z]+illion\b|thousand\b|hundred\b)"
    r"|(?:bn|tn|mn|m|k)\b",
    re.I,
)
# "$450 million" is 4.5亿美元: the sign lends the currency's English name.
_CURRENCY_KEYS = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
# Month names ("Nov. 27" is 11月27日) carry the month's number key.
_EN_MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Chinese scale characters a number token may be followed by (4.5|亿美元, 12|万人).
_ZH_SCALE_HEAD = re.compile(r"^[万亿千百]+")
_EN_FUNCTION_COUNT = re.compile(r"[A-Za-z\u00c0-\u024f0-9]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ZH_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z'\u2019-]*$")
# Punctuation that ends a clause for good: runs never cross it.
_HARD_STOP = re.compile(r"[.!?;:\u3002\uff01\uff1f\uff1b\uff1a]")
_EN_PREFIXES = frozenset("co non pre anti ex vice semi sub multi mid post re".split())
# 两位, 二人, 三个: a small number with a measure word ("the two of them").
_ZH_FEW = re.compile(
    r"^[一二两三四五六七八九十几][个只位名人件条张本次回遍下声眼份项场篇句段批群套种样些]$"
)
_ZH_NUMERAL = re.compile(r"^[0-9０-９.,零〇一二两三四五六七八九十百千万亿]+$")
_ABBREV = {"u.s.": "usa", "u.s.a.": "usa", "us": "usa", "usa": "usa", "u.k.": "uk", "uk": "uk"}
_QUOTE = str.maketrans({"\u2019": "'", "\u2018": "'"})


# -- per-sentence tokens ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """A word of one sentence: offsets into the sentence text and its match keys.

    ``content`` words are tested and may be tinted; the others (light verbs, discourse
    words) only lend their keys to the other side ("continue" still covers 继续).
    """

    start: int
    end: int
    text: str
    keys: frozenset[str]  # en: stem, number and name keys; zh: dictionary translations
    content: bool = True
    base: str = ""  # what per-word statistics are kept under: en stem, zh word


class _Tokens:
    """Memoised per-sentence words for one lexicon."""

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon
        self.en: dict[str, tuple[Word, ...]] = {}
        self.zh: dict[str, tuple[Word, ...]] = {}
        self.en_numbers: dict[str, frozenset[str]] = {}
        self.zh_numbers: dict[str, frozenset[str]] = {}
        self.en_sentence_keys: dict[str, _Keys] = {}
        self.zh_sentence_keys: dict[str, _Keys] = {}
        self.en_counts: dict[str, int] = {}
        self.zh_counts: dict[str, int] = {}
        self._zh_word: dict[str, tuple[frozenset[str], bool] | None] = {}
        self._char_gloss: dict[str, frozenset[str]] = {}
        self._vocabulary: frozenset[str] | None = None

    def memo_tables(self) -> dict[str, dict[Any, Any]]:
        """The per-text and per-word caches, by name (see core/runtime/warmup.py)."""
        names = ("en", "zh", "en_numbers", "zh_numbers", "en_sentence_keys", "zh_sentence_keys",
                 "en_counts", "zh_counts", "_zh_word", "_char_gloss")  # fmt: skip
        return {name: getattr(self, name) for name in names}

    def words(self, text: str, lang: str) -> tuple[Word, ...]:
        table = self.zh if lang == "zh" else self.en
        found = table.get(text)
        if found is None:
            found = self._zh_words(text) if lang == "zh" else self._en_words(text)
            if len(table) > 200_000:
                table.clear()
            table[text] = found
        return found

    def coverable(self, w: Word, lang: str) -> bool:
        """Whether the dictionary could cover this word at all."""
        if lang == "zh":
            return bool(w.keys)
        if self._vocabulary is None:
            self._vocabulary = _vocabulary(self.lexicon)
        if not self._vocabulary or w.base in self._vocabulary:
            return True
        return any(k[0] in "#~" for k in w.keys)

    def content_count(self, text: str, lang: str) -> int:
        table = self.zh_counts if lang == "zh" else self.en_counts
        found = table.get(text)
        if found is None:
            found = sum(1 for w in self.words(text, lang) if w.content)
            if len(table) > 200_000:
                table.clear()
            table[text] = found
        return found

    def sentence_keys(self, text: str, lang: str) -> _Keys:
        """All match keys of a sentence (its words' and its numbers'), indexed once."""
        table = self.zh_sentence_keys if lang == "zh" else self.en_sentence_keys
        found = table.get(text)
        if found is None:
            keys: set[str] = set(self.numbers(text, lang))
            for w in self.words(text, lang):
                keys |= w.keys
            found = _Keys(frozenset(keys))
            if len(table) > 200_000:
                table.clear()
            table[text] = found
        return found

    def numbers(self, text: str, lang: str) -> frozenset[str]:
        """Number keys of a whole sentence (numbers the word split may have cut apart)."""
        table = self.zh_numbers if lang == "zh" else self.en_numbers
        found = table.get(text)
        if found is None:
            values = _numbers(text, lang)
            found = _number_keys(values)
            if len(table) > 200_000:
                table.clear()
            table[text] = found
        return found

    # -- English -------------------------------------------------------------------------

    def _en_words(self, text: str) -> tuple[Word, ...]:
        lex = self.lexicon
        out: list[Word] = []
        for m in _EN_WORD.finditer(text):
            raw = m.group(0)
            start, end = m.start(), m.end()
            if raw[0].isdigit():
                tail = _EN_NUMBER_TAIL.match(text, end)
                values = _numbers(raw + (tail.group(0) if tail else ""), "en") + _numbers(raw, "en")
                if values:
                    keys = _number_keys(values)
                    sign = text[start - 1 : start].strip() if start else ""
                    if sign in _CURRENCY_KEYS:
                        keys |= {_CURRENCY_KEYS[sign], lex.en_stem(_CURRENCY_KEYS[sign])}
                    out.append(Word(start, end, raw, keys, True, raw))
                continue
            low = raw.lower().translate(_QUOTE)
            if low.endswith("'s"):
                low = low[:-2]
            elif low.endswith("s'"):
                low = low[:-1]
            abbrev = _ABBREV.get(low) if (raw.isupper() or "." in raw) else None
            if abbrev:
                short = frozenset((abbrev, lex.en_stem(abbrev)))
                out.append(Word(start, end, raw, short, True, abbrev))
                continue
            if low in EN_STOPWORDS or "n't" in low or _contraction(low):
                continue
            after_hyphen = start > 0 and text[start - 1] == "-"
            if len(low) <= 2 and raw[0].islower() and not after_hyphen:
                continue  # "vs", "ok" (but "Ye", "UN", and "yu" of "Bao-yu" are names)
            if low in _EN_PREFIXES and text.startswith("-", end):
                continue  # "co" of "co-director", "non" of "non-starter"
            stem = lex.en_stem(low)
            word_keys: set[str] = {stem}
            if "'" in low:  # O'Brien: also "brien"
                word_keys.add(lex.en_stem(low.rsplit("'", 1)[1]))
            if low.startswith("un") and len(stem) >= 6:
                word_keys.add(stem[2:])  # "unclear" is 不清楚: meets 清楚 "clear"
            month = _EN_MONTH_NUMBERS.get(low) if raw[0].isupper() else None
            if month:
                word_keys |= _number_keys([str(month)])
            if raw[0].isupper() and len(low) >= 3:
                key = en_name_key(raw[:-2] if raw.endswith(("'s", "\u2019s")) else raw)
                if key:
                    word_keys.add(key)
            out.append(Word(start, end, raw, frozenset(word_keys), low not in _EN_FUNCTION, stem))
        return _join_names(text, out, lex)

    # -- Chinese -------------------------------------------------------------------------

    def _zh_words(self, text: str) -> tuple[Word, ...]:
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
            found = self._zh_keys(token)
            numeric = _ZH_NUMERAL.match(token) is not None
            if found is not None and numeric and k + 1 < len(spans) and spans[k + 1][0] == end:
                scale = _ZH_SCALE_HEAD.match(text[end : spans[k + 1][1]])
                if scale:
                    values = _numbers(token + scale.group(0), "zh")
                    if values:
                        found = (found[0] | _number_keys(values), found[1])
            if found is not None:
                keys, content = found
                if after_number and len(token) == 1:
                    content = False  # 2020年, 1550枚: units and measure words
                out.append(Word(start, end, token, keys, content, token))
            after_number = numeric
        return _join_zh_names(text, out)

    def _zh_keys(self, token: str) -> tuple[frozenset[str], bool] | None:
        """(match keys, is content) of a Chinese-side token, or None for grammar."""
        if token in self._zh_word:
            return self._zh_word[token]
        result = self._compute_zh_keys(token)
        self._zh_word[token] = result
        return result

    def _compute_zh_keys(self, token: str) -> tuple[frozenset[str], bool] | None:
        lex = self.lexicon
        if not _ZH_WORDLIKE.search(token):
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
        numbers = _numbers(token, "zh")
        if _ZH_NUMERAL.match(token):
            small = all(n.isdigit() and int(n) <= 10 for n in numbers)
            return _number_keys(numbers), not small
        if _ZH_FEW.match(token):
            return frozenset(lex.translations(token)) | _number_keys(numbers), False
        keys: set[str] = set(lex.translations(token))
        keys |= _number_keys(numbers)
        if token in lex:
            if not any(k[0] not in "#~" for k in keys):
                return None  # 从未, 朝着: the dictionary renders it by function words only
            keys |= self._parts(token, known=True)
            if 2 <= len(token) <= 4 and all(_CJK.match(c) for c in token):
                # 宝玉 is "precious jade" and also Baoyu: a name spelled in pinyin.
                keys.add(lex.en_stem(pinyin_spellings(token)[0]))
        else:
            # The lexicon backs unknown words off to their characters' every sense
            # (核 "nuclear/verify"); keep names and numbers, redo the back-off tighter.
            keys = {k for k in keys if k[0] in "#~"}
            if 2 <= len(token) <= 4:
                keys.update(lex.en_stem(s) for s in pinyin_spellings(token))
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
        if n < 2 or (known and n < 3) or not _CJK.search(word):
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
        found = self._char_gloss.get(ch)
        if found is None:
            lex = self.lexicon
            gloss = lex.gloss(ch) if ch in lex else ""
            found = frozenset(
                lex.en_stem(w)
                for w in re.findall(r"[a-z]+", gloss.split("/")[0].lower())
                if w not in EN_STOPWORDS and len(w) > 2
            )
            self._char_gloss[ch] = found
        return found


def _vocabulary(lexicon: Any) -> frozenset[str]:
    """Every English stem some dictionary entry translates to (empty if unknown)."""
    vocabulary = getattr(lexicon, "vocabulary", None)
    return vocabulary() if callable(vocabulary) else frozenset()


def _join_names(text: str, words: list[Word], lex: Any) -> tuple[Word, ...]:
    """Give "Jia Huan", "Bao-chai" and "Ye Wenjie" the joined key of their pinyin spelling.

    The lexicon spells a Chinese name as one word ("jiahuan", "baochai"); English writes
    its syllables apart.
    """
    out = list(words)
    k, n = 0, len(out)
    while k < n:
        j = k
        while (
            j + 1 < n
            and j - k < 3
            and out[j].text[:1].isupper()
            and text[out[j].end : out[j + 1].start] in (" ", "-")
            and out[j + 1].text.isalpha()
            and (out[j + 1].text[:1].isupper() or text[out[j].end] == "-")
        ):
            j += 1
        if j > k and all(w.text.isalpha() for w in out[k : j + 1]):
            joined = lex.en_stem("".join(w.text.lower() for w in out[k : j + 1]))
            for m in range(k, j + 1):
                w = out[m]
                out[m] = Word(w.start, w.end, w.text, w.keys | {joined}, w.content, w.base)
        k = j + 1
    return tuple(out)


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
    out = list(words)
    k, n = 0, len(out)
    while k < n:
        j = k
        while (
            j + 1 < n
            and out[j + 1].start == out[j].end
            and out[j + 1].end - out[k].start <= _NAME_PART_MAX
            and all(c in TRANSLIT_CHARS for c in out[j + 1].text)
        ):
            j += 1
        if j > k and all(c in TRANSLIT_CHARS for c in out[k].text):
            key = zh_name_key(text[out[k].start : out[j].end])
            if key:
                for m in range(k, j + 1):
                    w = out[m]
                    out[m] = Word(w.start, w.end, w.text, w.keys | {key}, w.content, w.base)
        k = j + 1
    return tuple(out)


def _joinable(previous: str, token: str, lex: Any) -> bool:
    """Two jieba tokens that are one transliterated name cut apart."""
    if not (looks_transliterated(previous) or previous in TRANSLIT_CHARS):
        return False
    if not all(c in TRANSLIT_CHARS for c in token) or len(token) > 3:
        return False
    if len(previous) + len(token) > 6:
        return False
    return previous not in lex or token not in lex


def _numbers(text: str, lang: str) -> list[str]:
    """Canonical numbers; none for a number too long to read (5,000 nines)."""
    try:
        return numbers_zh(text) if lang == "zh" else numbers_en(text)
    except (ValueError, ArithmeticError):
        return []


def _contraction(low: str) -> bool:
    """I'm, you're, we've, she'll, they'd: a function word with its verb."""
    head, _, tail = low.partition("'")
    return tail in ("m", "re", "ve", "ll", "d") and head in EN_STOPWORDS


def _number_keys(values: Iterable[str]) -> frozenset[str]:
    """Number keys; "#23%" also as "#23", so 百分之 split from 二十三 still meets "23"."""
    keys: set[str] = set()
    for v in values:
        keys.add("#" + v)
        if v.endswith("%"):
            keys.add("#" + v[:-1])
    return frozenset(keys)


_TOKEN_CACHES: weakref.WeakKeyDictionary[Any, _Tokens] = weakref.WeakKeyDictionary()


def _tokens_for(lexicon: Any) -> _Tokens:
    try:
        cached = _TOKEN_CACHES.get(lexicon)
    except TypeError:
        return _Tokens(lexicon)
    if cached is None:
        cached = _TOKEN_CACHES[lexicon] = _Tokens(lexicon)
    return cached


# -- matching -----------------------------------------------------------------------------


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


class _Keys:
    """A set of match keys with a lazily built prefix index for stem fuzz."""

    __slots__ = ("keys", "_prefix")

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = keys if isinstance(keys, (set, frozenset)) else frozenset(keys)
        self._prefix: dict[str, tuple[str, ...]] | None = None

    def prefix(self) -> dict[str, tuple[str, ...]]:
        if self._prefix is None:
            index: dict[str, list[str]] = {}
            for k in self.keys:
                if len(k) >= STEM_PREFIX and k[0] not in "#~":
                    index.setdefault(sys.intern(k[:STEM_PREFIX]), []).append(k)
            # Kept for every sentence of the document: interned heads and tuples take
            # a third of the memory of fresh strings and lists (70 MB on 35,000 verses).
            self._prefix = {head: tuple(keys) for head, keys in index.items()}
        return self._prefix


class _KeyIndex:
    """The keys of one side of a bead (one part per sentence, cached per sentence)."""

    __slots__ = ("parts",)

    def __init__(self, parts: Sequence[_Keys] | Iterable[str]) -> None:
        if isinstance(parts, (set, frozenset)):
            parts = [_Keys(parts)]
        self.parts: list[_Keys] = list(parts)  # type: ignore[arg-type]

    def covers(self, keys: frozenset[str] | set[str]) -> bool:
        """Whether any of ``keys`` is present (exactly or by a shared stem prefix)."""
        for part in self.parts:
            if not part.keys.isdisjoint(keys):
                return True
        return self._fuzzy(keys) is not None

    def hit(self, keys: Iterable[str]) -> str | None:
        """The first of ``keys`` present here (exactly or by a shared stem prefix)."""
        parts = self.parts
        pending = []
        for key in keys:
            for part in parts:
                if key in part.keys:
                    return key
            if len(key) >= STEM_PREFIX and key[0] not in "#~":
                pending.append(key)
        return self._fuzzy(pending)

    def _fuzzy(self, keys: Iterable[str]) -> str | None:
        parts = self.parts
        for key in keys:
            if len(key) < STEM_PREFIX or key[0] in "#~":
                continue
            head = key[:STEM_PREFIX]
            for part in parts:
                for other in part.prefix().get(head, ()):
                    # "verif"/"verifi", "russian"/"russia"; not "intern"/"internet".
                    if _common_prefix(key, other) >= min(len(key), len(other)) - 2:
                        return other
        return None


# (sentence id, word, covered) for each content word of one side of a bead
SideWords = list[tuple[int, Word, bool]]


class BeadCoverage(dict):  # type: ignore[type-arg]
    """``cov[side]`` -> SideWords; also every word of each side, for word positions.

    ``all_words[side]`` lists all words of the side (content or not) in reading order,
    ``at[side][k]`` is the index in it of the k-th content word.
    """

    def __init__(self, words: dict[str, SideWords]) -> None:
        super().__init__(words)
        self.all_words: dict[str, list[Word]] = {}
        self.at: dict[str, list[int]] = {}


class CoverageLens:
    """Coverage of the beads of one pair of sides; holds the document-level statistics.

    ``analyse(beads)`` computes the word coverage of every bead, the document's miss
    rates and the learned translation table; ``spans(coverage)`` then turns one bead's
    coverage into uncovered spans.
    """

    def __init__(self, source: Side, target: Side, lexicon: Any) -> None:
        self.source = source
        self.target = target
        self.lexicon = lexicon
        self.tokens = _tokens_for(lexicon)
        if source.lang == "zh" and target.lang != "zh":
            self.zh_side, self.en_side = "source", "target"
        elif target.lang == "zh" and source.lang != "zh":
            self.zh_side, self.en_side = "target", "source"
        else:
            self.zh_side = self.en_side = ""  # no Chinese/English pair: nothing to do
        self.miss_rate = {"source": 0.2, "target": 0.2}
        self.learned: dict[str, frozenset[str]] = {}  # zh word -> English stems
        self._occurrences: Counter[tuple[str, str]] = Counter()
        self._misses: Counter[tuple[str, str]] = Counter()

    @property
    def enabled(self) -> bool:
        return bool(self.zh_side)

    def side(self, name: str) -> Side:
        return self.source if name == "source" else self.target

    def lang(self, name: str) -> str:
        return "zh" if name == self.zh_side else "en"

    # -- per bead ----------------------------------------------------------------------

    def side_words(self, name: str, ids: Sequence[int]) -> list[tuple[int, Word]]:
        """All words (content or not) of the given sentences of one side."""
        side = self.side(name)
        lang = self.lang(name)
        return [(i, w) for i in ids for w in self.tokens.words(side.sentences[i].text, lang)]

    def content_words(self, name: str, ids: Sequence[int]) -> list[tuple[int, Word]]:
        return [(i, w) for i, w in self.side_words(name, ids) if w.content]

    def _zh_word_keys(self, w: Word) -> frozenset[str]:
        extra = self.learned.get(w.text)
        return w.keys | extra if extra else w.keys

    def word_coverage(self, bead: Bead) -> BeadCoverage | None:
        """Content words of both sides of a paired bead with their covered flags."""
        if not (self.enabled and bead.source and bead.target):
            return None
        zh_ids = bead.source if self.zh_side == "source" else bead.target
        en_ids = bead.target if self.zh_side == "source" else bead.source
        zh_words = self.side_words(self.zh_side, zh_ids)
        en_words = self.side_words(self.en_side, en_ids)
        zh_side, en_side = self.side(self.zh_side), self.side(self.en_side)
        tokens = self.tokens
        zh_parts = [tokens.sentence_keys(zh_side.sentences[i].text, "zh") for i in zh_ids]
        learned = self.learned
        if learned:
            extra: set[str] = set()
            for _i, w in zh_words:
                found = learned.get(w.text)
                if found:
                    extra |= found
            if extra:
                zh_parts.append(_Keys(extra))
        en_parts = [tokens.sentence_keys(en_side.sentences[i].text, "en") for i in en_ids]
        zh_index, en_index = _KeyIndex(zh_parts), _KeyIndex(en_parts)
        en_out = [(i, w, zh_index.covers(w.keys)) for i, w in en_words if w.content]
        if learned:
            zh_out = [
                (i, w, en_index.covers(self._zh_word_keys(w))) for i, w in zh_words if w.content
            ]
        else:
            zh_out = [(i, w, en_index.covers(w.keys)) for i, w in zh_words if w.content]
        en_out = _surplus(en_out, [w for _i, w in zh_words], self._zh_word_keys, False)
        zh_out = _surplus(zh_out, [w for _i, w in en_words], self._zh_word_keys, True)
        cov = BeadCoverage({self.zh_side: zh_out, self.en_side: en_out})
        for name, words in ((self.zh_side, zh_words), (self.en_side, en_words)):
            cov.all_words[name] = [w for _i, w in words]
            cov.at[name] = [k for k, (_i, w) in enumerate(words) if w.content]
        return cov

    def _meet(self, name: str, word: Word, other: Word) -> bool:
        """Whether ``word`` of side ``name`` and ``other`` of the other side translate."""
        if name == self.zh_side:
            zh_keys, en_keys = self._zh_word_keys(word), other.keys
        else:
            zh_keys, en_keys = self._zh_word_keys(other), word.keys
        return _KeyIndex(set(zh_keys)).hit(en_keys) is not None

    def _anchor(self, cov: BeadCoverage, name: str, k: int, other: str) -> int | None:
        """Position (in the other side's words) of the translation of content word k."""
        word = cov[name][k][1]
        mine = cov.at[name][k] / max(1, len(cov.all_words[name]))
        size = len(cov.all_words[other])
        best: int | None = None
        for j, w in enumerate(cov.all_words[other]):
            if self._meet(name, word, w) and (
                best is None or abs(j / size - mine) < abs(best / size - mine)
            ):
                best = j
        return best

    def room(self, cov: BeadCoverage, name: str, first: int, last: int) -> int:
        """Uncovered content words of the other side that may translate content words
        first..last of side ``name``: those between the translations of the nearest
        covered words before and after the run (the side's edges where there are none).

        Where those two translations come in the opposite order, one of them is a
        chance dictionary hit (a gloss of a common word); the room is then the larger of
        the two readings that stay in order: the word before kept with the next covered
        word after the run whose translation follows it, or the word after kept with the
        previous covered word before the run whose translation precedes it.
        """
        other = "target" if name == "source" else "source"
        words = cov[name]
        size = len(cov.all_words[other])

        def anchors(ks: Iterable[int]) -> Iterator[int]:
            for k in ks:
                if words[k][2]:
                    found = self._anchor(cov, name, k, other)
                    if found is not None:
                        yield found

        lo = next(anchors(range(first - 1, -1, -1)), -1)
        hi = next(anchors(range(last + 1, len(words))), size)
        if lo <= hi:
            windows = [(lo, hi)]
        else:  # the translations cross
            windows = [
                (lo, next((a for a in anchors(range(last + 1, len(words))) if a > lo), size)),
                (next((b for b in anchors(range(first - 1, -1, -1)) if b < hi), -1), hi),
            ]
        return max(
            sum(
                1
                for (_i, _w, covered), at in zip(cov[other], cov.at[other], strict=True)
                if not covered and a < at < b
            )
            for a, b in windows
        )

    # -- document level ----------------------------------------------------------------

    def analyse(self, beads: Sequence[Bead]) -> list[BeadCoverage | None]:
        """Word coverage of every bead; sets the document miss rates and learned table."""
        if not self.enabled:
            return [None] * len(beads)
        with gc_paused():
            return self._analyse(beads)

    def _analyse(self, beads: Sequence[Bead]) -> list[BeadCoverage | None]:
        self.learned = {}
        result = [self.word_coverage(b) for b in beads]
        self.learned = learned = self._learn(result)
        if learned:
            zh = self.zh_side
            for k, cov in enumerate(result):
                if cov is not None and any(w.text in learned for w in cov.all_words[zh]):
                    result[k] = self.word_coverage(beads[k])
        occurrences: Counter[tuple[str, str]] = Counter()
        misses: Counter[tuple[str, str]] = Counter()
        for name in ("source", "target"):
            total = missed = 0
            for cov in result:
                if cov is None:
                    continue
                for _i, w, c in cov[name]:
                    occurrences[name, w.base] += 1
                    if not c:
                        misses[name, w.base] += 1
                total += len(cov[name])
                missed += sum(1 for _i, _w, c in cov[name] if not c)
            self.miss_rate[name] = (missed + 2.0 * 0.2) / (total + 2.0)
        self._occurrences, self._misses = occurrences, misses
        return result

    def stats(self) -> tuple[Any, ...]:
        """The document statistics analyse() gathered (for reuse on the same sides)."""
        return (dict(self.miss_rate), self.learned, self._occurrences, self._misses)

    def use_stats(self, stats: tuple[Any, ...]) -> None:
        miss_rate, self.learned, self._occurrences, self._misses = stats
        self.miss_rate = dict(miss_rate)

    def word_miss_rate(self, name: str, w: Word) -> float:
        """How often this word goes uncovered in this document when it is not omitted.

        Leave-one-out over the document's other occurrences, shrunk towards the
        document's miss rate; 1 for a word the dictionary cannot cover at all (a missed
        "longtang" says nothing, a missed "water" says much).
        """
        if not self.tokens.coverable(w, self.lang(name)):
            return 1.0
        occ = self._occurrences.get((name, w.base), 1) - 1
        miss = self._misses.get((name, w.base), 1) - 1
        return (miss + WORD_PRIOR * self.miss_rate[name]) / (occ + WORD_PRIOR)

    def _learn(self, coverage: Sequence[BeadCoverage | None]) -> dict[str, frozenset[str]]:
        """Pairs of uncovered Chinese words and English stems that keep occurring together.

        A tiny in-document translation table (Dice association over paired beads) for
        terms the dictionary renders otherwise: 核查 "verification" in an arms-control
        story. Pairs must meet in LEARN_MIN_COUNT beads and in most beads where either
        word is left uncovered.
        """
        pair: Counter[tuple[str, str]] = Counter()
        zh_count: Counter[str] = Counter()
        en_count: Counter[str] = Counter()
        members: dict[str, set[str]] = {}
        for cov in coverage:
            if cov is None:
                continue
            zh = {w.text for _i, w, c in cov[self.zh_side] if not c and _CJK.search(w.text)}
            en: set[str] = set()
            for _i, w, c in cov[self.en_side]:
                if not c:
                    for k in w.keys:
                        if k[0] not in "#~":
                            # "verif"/"verifi" (verification/verifiable) count as one.
                            group = k[:5]
                            members.setdefault(group, set()).add(k)
                            en.add(group)
            zh_count.update(zh)
            en_count.update(en)
            if zh and en and len(zh) * len(en) <= 400:
                pair.update((z, e) for z in zh for e in en)
        table: dict[str, set[str]] = {}
        for (z, e), n in pair.items():
            if n >= LEARN_MIN_COUNT and 2.0 * n / (zh_count[z] + en_count[e]) >= LEARN_MIN_DICE:
                table.setdefault(z, set()).update(members[e])
        return {z: frozenset(es) for z, es in table.items()}

    # -- spans -------------------------------------------------------------------------

    def spans(self, cov: BeadCoverage) -> list[dict[str, Any]]:
        """Uncovered spans of one bead (both sides), in reading order per side.

        A run of k uncovered content words among n is kept when the expected number of
        such runs by chance, (n - k + 1) * (1 - p) * prod(q_w * p / p_doc), is small;
        q_w is the word's miss rate in the document, p the looseness of the rest of the
        bead side, p_doc the document's miss rate. The bound depends on the room the
        other side leaves for the run's translation (see :meth:`room`): none, the run
        has nothing to be a translation of (ALPHA_NO_ROOM); PARAPHRASE_RATIO uncovered
        words per word of the run or more, it may be their paraphrase (ALPHA_PARAPHRASE);
        geometrically in between.
        """
        out: list[dict[str, Any]] = []
        for name in ("source", "target"):
            words = cov[name]
            n = len(words)
            missed = sum(1 for _i, _w, c in words if not c)
            if missed < MIN_RUN_WORDS:
                continue
            side = self.side(name)
            zh = name == self.zh_side
            for run in self._runs(words, side, zh):
                k = len(run)
                if k < MIN_RUN_WORDS:
                    continue
                p = (missed - k + PRIOR_WORDS * self.miss_rate[name]) / (n - k + PRIOR_WORDS)
                p = min(P_CEILING, max(P_FLOOR, p))
                scale = p / self.miss_rate[name]
                chance = (n - k + 1) * (1.0 - p)
                for m in run:
                    chance *= min(Q_CEILING, self.word_miss_rate(name, words[m][1]) * scale)
                if chance > ALPHA_NO_ROOM:
                    continue
                room = self.room(cov, name, run[0], run[-1])
                share = min(1.0, room / (k * PARAPHRASE_RATIO))
                limit = ALPHA_NO_ROOM * (ALPHA_PARAPHRASE / ALPHA_NO_ROOM) ** share
                if chance > limit:
                    continue
                first, last = words[run[0]], words[run[-1]]
                base = side.sentences[first[0]].start
                end = side.sentences[last[0]].start + last[1].end
                out.append({"side": name, "start": base + first[1].start, "end": end})
        return out

    @staticmethod
    def _runs(words: SideWords, side: Side, zh: bool) -> list[list[int]]:
        """Runs of uncovered content words (indices into ``words``)."""
        runs: list[list[int]] = []
        current: list[int] = []
        for k, (i, w, covered) in enumerate(words):
            if covered:
                if current:
                    runs.append(current)
                    current = []
                continue
            if current:
                pi, pw, _c = words[current[-1]]
                if pi != i or not _short_gap(side.sentences[i].text[pw.end : w.start], zh):
                    runs.append(current)
                    current = []
            current.append(k)
        if current:
            runs.append(current)
        return runs


def _surplus(
    out: SideWords, others: list[Word], zh_keys: Callable[[Word], frozenset[str]], zh: bool
) -> SideWords:
    """Uncover repeats the other side cannot account for.

    "Chen Qingyang ... Chen Qingyang" against one 陈清扬: the second mention is covered
    only by a word already spent on the first. Occurrences beyond the number of words
    of the other side that translate them become uncovered (the later ones).
    """
    seen: dict[str, int] = {}
    for _i, w, c in out:
        if c:
            seen[w.base] = seen.get(w.base, 0) + 1
    repeated = {b for b, n in seen.items() if n > 1}
    if not repeated:
        return out
    supply: dict[str, int] = {}
    for b in repeated:
        probe = next(w for _i, w, _c in out if w.base == b)
        mine = zh_keys(probe) if zh else probe.keys
        supply[b] = sum(1 for o in others if not (o.keys if zh else zh_keys(o)).isdisjoint(mine))
    result = []
    used: dict[str, int] = {}
    for i, w, c in out:
        if c and w.base in supply and supply[w.base]:
            used[w.base] = used.get(w.base, 0) + 1
            if used[w.base] > supply[w.base]:
                c = False
        result.append((i, w, c))
    return result


def _short_gap(gap: str, zh: bool) -> bool:
    if _HARD_STOP.search(gap):
        return False
    if zh:
        return len(_CJK.findall(gap)) <= MAX_GAP_ZH_CHARS
    return len(_EN_FUNCTION_COUNT.findall(gap)) <= MAX_GAP_WORDS


# -- public API ---------------------------------------------------------------------------


def compute_coverage(
    source: Side,
    target: Side,
    beads: list[Bead],
    lexicon: Any,
    *,
    cancel: Callable[[], bool] | None = None,
) -> list[list[dict[str, Any]]]:
    """Set ``bead.details["uncovered"]`` on every paired bead; return the span lists.

    One-sided beads get no key (their whole text is the omission or addition). Safe
    off the GUI thread: reads the sides, writes only the given bead objects.
    """
    with gc_paused():
        return _compute_coverage(source, target, beads, lexicon, cancel)


def compute_coverage_analysis(
    source: Side,
    target: Side,
    beads: list[Bead],
    lexicon: Any,
    *,
    cancel: Callable[[], bool] | None = None,
) -> tuple[CoverageLens, list[BeadCoverage | None]]:
    """:func:`compute_coverage`, also returning the lens and each bead's word coverage
    (for callers that read the words too, such as the risk features)."""
    with gc_paused():
        lens = CoverageLens(source, target, lexicon)
        coverage = lens.analyse(beads)
        _remember(lens)
        _set_spans(lens, beads, coverage, cancel)
    return lens, coverage


def _compute_coverage(
    source: Side,
    target: Side,
    beads: list[Bead],
    lexicon: Any,
    cancel: Callable[[], bool] | None,
) -> list[list[dict[str, Any]]]:
    lens = CoverageLens(source, target, lexicon)
    coverage = lens.analyse(beads)
    _remember(lens)
    return _set_spans(lens, beads, coverage, cancel)


def _set_spans(
    lens: CoverageLens,
    beads: list[Bead],
    coverage: list[BeadCoverage | None],
    cancel: Callable[[], bool] | None,
) -> list[list[dict[str, Any]]]:
    result: list[list[dict[str, Any]]] = []
    for bead, cov in zip(beads, coverage, strict=True):
        if cancel is not None and cancel():
            from aligner_gui.core.errors import Cancelled

            raise Cancelled("coverage cancelled")
        if cov is None:
            bead.details.pop(UNCOVERED_KEY, None)
            result.append([])
            continue
        spans = lens.spans(cov)
        bead.details[UNCOVERED_KEY] = spans
        result.append(spans)
    return result


@dataclass(frozen=True)
class _Remembered:
    """The statistics of the last analysed document (no strong reference to it)."""

    source: weakref.ref[Side]
    target: weakref.ref[Side]
    lexicon: weakref.ref[Any] | None
    stats: tuple[Any, ...]


# One slot, replaced whole (atomic), so a worker thread's analysis and the GUI thread's
# hover look-ups never see half an update.
_LAST: list[_Remembered | None] = [None]


def _remember(lens: CoverageLens) -> None:
    try:
        lex_ref: weakref.ref[Any] | None = weakref.ref(lens.lexicon)
    except TypeError:
        lex_ref = None
    _LAST[0] = _Remembered(
        weakref.ref(lens.source), weakref.ref(lens.target), lex_ref, lens.stats()
    )


def _lens_for(source: Side, target: Side, beads: Sequence[Bead], lexicon: Any) -> CoverageLens:
    """A lens with document statistics: those of the last analysis of these sides if any
    (an edit or two since does not change them much), else analysed now."""
    lens = CoverageLens(source, target, lexicon)
    last = _LAST[0]
    if (
        last is not None
        and last.source() is source
        and last.target() is target
        and last.lexicon is not None
        and last.lexicon() is lexicon
    ):
        lens.use_stats(last.stats)
        return lens
    if beads:
        lens.analyse(beads)
        _remember(lens)
    return lens


def _sides(doc_or_sides: Any) -> tuple[Side, Side, Sequence[Bead]]:
    if isinstance(doc_or_sides, AlignmentDocument):
        return doc_or_sides.source, doc_or_sides.target, doc_or_sides.beads
    source, target, *rest = doc_or_sides
    return source, target, (rest[0] if rest else ())


def _lexicon(lexicon: Any) -> Any:
    if lexicon is None:
        from aligner_gui.core.lexicon.shared import get_lexicon

        return get_lexicon()
    return lexicon


def _display_keys(keys: Iterable[str]) -> list[str]:
    out = []
    for k in sorted(keys):
        if k.startswith("#"):
            out.append(k[1:])
        elif k.startswith("~"):
            out.append("name " + k.split(":", 1)[-1])
        else:
            out.append(k)
    return out


def word_glosses(
    side_name: str, bead: Bead, doc_or_sides: Any, lexicon: Any = None
) -> list[dict[str, Any]]:
    """Content words of one side of a bead, for hover tooltips (computed on demand).

    Each record: ``start``/``end`` (offsets into the side's text), ``word``, ``covered``
    (the dictionary found a translation in the bead), ``tinted`` (inside an uncovered
    span), ``tried`` (what the dictionary compared: for a Chinese word its glosses, for
    an English word the glosses of the bead's Chinese words), ``forms`` (the keys the
    word was looked up by: stem, number, name key), ``matched`` (the words of the other
    side that translate it). ``doc_or_sides`` is the document or ``(source, target)`` /
    ``(source, target, beads)``; with the beads the document's statistics and learned
    table are used (the lens is cached while the alignment is unchanged).
    """
    lexicon = _lexicon(lexicon)
    source, target, beads = _sides(doc_or_sides)
    lens = _lens_for(source, target, beads, lexicon)
    cov = lens.word_coverage(bead)
    if cov is None:
        return []
    other_name = "target" if side_name == "source" else "source"
    side = lens.side(side_name)
    other_words = [w for _j, w in lens.side_words(other_name, getattr(bead, other_name))]
    spans = [(s["start"], s["end"]) for s in lens.spans(cov) if s["side"] == side_name]
    zh = side_name == lens.zh_side
    if not zh:
        bead_glosses: list[str] = []
        for _i, ow, _c in cov[other_name]:
            bead_glosses.append(f"{ow.text} {_short_gloss(lexicon, ow)}".strip())
        bead_glosses = list(dict.fromkeys(bead_glosses))[:40]
    # Which words of the other side meet a key (exactly or by stem prefix), indexed once.
    exact: dict[str, list[int]] = {}
    by_prefix: dict[str, set[str]] = {}
    for j, ow in enumerate(other_words):
        for k in ow.keys if zh else lens._zh_word_keys(ow):
            exact.setdefault(k, []).append(j)
            if len(k) >= STEM_PREFIX and k[0] not in "#~":
                by_prefix.setdefault(k[:STEM_PREFIX], set()).add(k)

    def meeting(keys: Iterable[str]) -> list[str]:
        hits: set[str] = set()
        for k in keys:
            if k in exact:
                hits.add(k)
            if len(k) >= STEM_PREFIX and k[0] not in "#~":
                for other in by_prefix.get(k[:STEM_PREFIX], ()):
                    if _common_prefix(k, other) >= min(len(k), len(other)) - 2:
                        hits.add(other)
        texts: dict[str, None] = {}
        for seen, j in enumerate(heapq.merge(*(exact[k] for k in hits))):
            texts[other_words[j].text] = None
            if len(texts) >= 12 or seen >= 200:  # a tooltip, not a concordance
                break
        return list(texts)

    out: list[dict[str, Any]] = []
    for i, w, covered in cov[side_name]:
        at = side.sentences[i].start + w.start
        if zh:
            tried = _zh_glosses(lexicon, w)
            matched = meeting(lens._zh_word_keys(w))
        else:
            tried = bead_glosses
            matched = meeting(w.keys)
        out.append(
            {
                "start": at,
                "end": at + (w.end - w.start),
                "word": w.text,
                "covered": bool(covered),
                "tinted": any(s <= at < e for s, e in spans),
                "tried": list(tried),
                "forms": [w.text] if zh else _display_keys(w.keys),
                "matched": list(dict.fromkeys(matched)),
            }
        )
    return out


def _short_gloss(lexicon: Any, w: Word) -> str:
    """One line for a Chinese word: its first gloss ("name" for a transliteration)."""
    if w.text not in lexicon and any(k.startswith("~") for k in w.keys):
        return "(name)"
    if not _CJK.search(w.text):
        return ""
    return str(lexicon.gloss(w.text))


def _zh_glosses(lexicon: Any, w: Word) -> list[str]:
    glosses = getattr(lexicon, "glosses", None)
    found: list[str] = list(glosses(w.text)) if callable(glosses) else []
    if not found:
        g = lexicon.gloss(w.text)
        if g:
            found.append(g)
    stems = [k for k in _display_keys(w.keys) if k not in found]
    return found + stems[:12]


def _paired(doc: AlignmentDocument) -> Iterable[tuple[int, Bead]]:
    for index, bead in enumerate(doc.beads):
        if bead.source and bead.target:
            yield index, bead


def bead_uncovered(doc: AlignmentDocument, index: int, lexicon: Any = None) -> list[dict[str, Any]]:
    """Uncovered spans of one bead: stored ones, else computed now (not stored).

    For tinting a bead the editor has just merged or split before the next rescoring;
    uses the statistics of the document's last analysis.
    """
    bead = doc.beads[index]
    stored = bead.details.get(UNCOVERED_KEY)
    if stored is not None:
        return list(stored)
    if not (bead.source and bead.target):
        return []
    lens = _lens_for(doc.source, doc.target, doc.beads, _lexicon(lexicon))
    cov = lens.word_coverage(bead)
    return lens.spans(cov) if cov is not None else []


def _doc_spans(doc: AlignmentDocument, lexicon: Any) -> list[list[dict[str, Any]]]:
    """Stored spans where present; computed (without touching the document) for paired
    beads that have none yet, e.g. beads just edited by hand."""
    out: list[list[dict[str, Any]]] = []
    lens: CoverageLens | None = None
    for bead in doc.beads:
        stored = bead.details.get(UNCOVERED_KEY)
        if stored is not None or not (bead.source and bead.target):
            out.append(list(stored or ()))
            continue
        if lens is None:
            lens = _lens_for(doc.source, doc.target, doc.beads, _lexicon(lexicon))
        cov = lens.word_coverage(bead)
        out.append(lens.spans(cov) if cov is not None else [])
    return out


def _count_tinted(
    doc: AlignmentDocument, lexicon: Any, lens: CoverageLens, counts: dict[str, list[int]]
) -> None:
    spans = _doc_spans(doc, lexicon)
    tokens = lens.tokens
    for index, bead in _paired(doc):
        for name in ("source", "target"):
            side = lens.side(name)
            lang = lens.lang(name)
            mine = [(sp["start"], sp["end"]) for sp in spans[index] if sp["side"] == name]
            for i in getattr(bead, name):
                sentence = side.sentences[i]
                words = tokens.words(sentence.text, lang)
                counts[name][0] += tokens.content_count(sentence.text, lang)
                if not mine:
                    continue
                for w in words:
                    at = sentence.start + w.start
                    if w.content and any(s0 <= at < e0 for s0, e0 in mine):
                        counts[name][1] += 1


def uncovered_share(doc: AlignmentDocument, lexicon: Any = None) -> dict[str, Any]:
    """Share of content words inside uncovered spans, per side, over paired beads.

    ``{"source": share or None, "target": ..., "source_words": n, "source_uncovered": k,
    "target_words": ..., "target_uncovered": ...}``; None when a side has no content
    words in paired beads (or the sides are not a Chinese/English pair).
    """
    lexicon = _lexicon(lexicon)
    lens = CoverageLens(doc.source, doc.target, lexicon)
    counts = {"source": [0, 0], "target": [0, 0]}
    with gc_paused():
        if lens.enabled:
            _count_tinted(doc, lexicon, lens, counts)
    result: dict[str, Any] = {}
    for name in ("source", "target"):
        total, tinted = counts[name]
        result[name] = round(tinted / total, 4) if total else None
        result[f"{name}_words"] = total
        result[f"{name}_uncovered"] = tinted
    return result


def _flag(span: dict[str, Any]) -> str:
    return f"uncovered:{span['side']}:{span['start']}-{span['end']}"


def coverage_suggestions(doc: AlignmentDocument, lexicon: Any = None) -> list[Any]:
    """Uncovered spans offered as MQM annotations (``mqm.Suggestion`` objects).

    A source span of at least :data:`SUGGEST_EN_WORDS` English content words (or
    :data:`SUGGEST_ZH_CHARS` Chinese content characters) is a partial omission; a
    target span of that size is an addition, or a mistranslation when source words at
    the same place (between the translations of the span's covered neighbours) are
    uncovered too. The suggestion's ``flag``
    ("uncovered:<side>:<start>-<end>") is what accepting or dismissing records in the
    bead's ``details["reviewed_flags"]``; reviewed spans and spans overlapping an
    annotation of the same type are not offered again.
    """
    lexicon = _lexicon(lexicon)
    if not CoverageLens(doc.source, doc.target, lexicon).enabled:
        return []
    with gc_paused():
        return _suggestions(doc, lexicon)


def _suggestions(doc: AlignmentDocument, lexicon: Any) -> list[Any]:
    from aligner_gui.core.scoring.mqm import REVIEWED_KEY, SpanOffers

    all_spans = _doc_spans(doc, lexicon)
    lens = _lens_for(doc.source, doc.target, doc.beads, lexicon)
    offers = SpanOffers(doc)
    out: list[Any] = []
    for index, bead in _paired(doc):
        spans = all_spans[index]
        if not spans:
            continue
        reviewed = set(bead.details.get(REVIEWED_KEY, ()))
        cov = lens.word_coverage(bead)
        if cov is None:
            continue
        for span in spans:
            flag = _flag(span)
            if flag in reviewed:
                continue
            name = span["side"]
            sentences = lens.side(name).sentences
            inside = [
                k
                for k, (i, w, _c) in enumerate(cov[name])
                if span["start"] <= sentences[i].start + w.start < span["end"]
            ]
            if not inside:
                continue
            if name == lens.zh_side:
                size = sum(len(_CJK.findall(cov[name][k][1].text)) for k in inside)
                big = size >= SUGGEST_ZH_CHARS
            else:
                size = len(inside)
                big = size >= SUGGEST_EN_WORDS
            if not big:
                continue
            if name == "source":
                # A clause's worth of meaning is missing: major until the editor says not.
                type_, category, tags = "omission", "Accuracy/Omission", ["partial-omission"]
                severity = "major"
            elif lens.room(cov, name, inside[0], inside[-1]) > 0:
                # Source words around the same place are uncovered too: rendered wrongly.
                type_, category = "mistranslation", "Accuracy/Mistranslation"
                tags, severity = ["partial-mistranslation"], "major"
            else:
                type_, category = "addition", "Accuracy/Addition"
                tags, severity = ["partial-addition"], "minor"
            offered = offers.offer(
                index,
                flag,
                side=name,
                start=span["start"],
                end=span["end"],
                category=category,
                severity=severity,
                tags=tags,
                type_=type_,
            )
            if offered is not None:
                out.append(offered)
    return out
