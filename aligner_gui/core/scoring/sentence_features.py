"""Per-sentence features of bead scoring (gloss, content words, names, numbers), memoised.

The features depend on the lexicon only, so they are kept per lexicon and shared by every
rescoring, by :func:`~aligner_gui.core.scoring.scores.name_mismatch` and by the warm-up.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aligner_gui.core.runtime.memo import remember
from aligner_gui.core.scoring.name_check import CAPITALISED, en_name_words
from aligner_gui.core.scoring.number_match import SMALL_NUMBER_MAX
from aligner_gui.core.text.numbers import is_month_at, numbers_en
from aligner_gui.core.text.zh_numbers import TENTHS_NOT_BEFORE, numbers_zh, zh_numeral_value

if TYPE_CHECKING:
    from sacrebleu.metrics import CHRF

_SENTENCE_START = re.compile(r"^\W*([A-Za-z][\w'’-]*)")
_SPACES = re.compile(r"\s+")
_ZH_WEEKDAY = re.compile(r"(?:周|星期|礼拜|禮拜|週)[一二三四五六日天]")
# Approximate amounts are not numbers to compare: 十二三里 "twelve or thirteen li",
# 二三百人 "two or three hundred", 一二百钱, 几千两, 数十丈, 三三两两 "in twos and threes",
# 亿万百姓 "countless people". The translation renders them freely ("about four miles").
_ZH_APPROXIMATE = re.compile(
    r"(?<![〇零一二三四五六七八九])[十百千万]?(?:一二|二三|两三|三四|四五|五六|六七|七八|八九)"
    r"(?![〇零一二三四五六七八九])[十百千万亿]*"  # not inside a year: 一九八九年
    r"|[几数]+[十百千万亿]+|三三两两|成千上万|成百上千|千千万万"
    r"|(?<![\d〇零一二两三四五六七八九十百])(?:亿万|千万)"  # but 三千万 is 30 million
)
# An amount with a base is read as the base, as 三十多人 and 三千余人 are: 三十几人 and
# 三十来岁 are "more than thirty", "about 30", 十几亿 "more than a billion", 三十左右
# "about thirty" (左右 and 上下 are no numerals); 近百人, 近万人 "nearly 100, 10,000".
_ZH_FEW_MORE = re.compile(r"(?<=[〇零一二两三四五六七八九十百千万])[几来]")
_ZH_NEARLY = re.compile(r"(?<=近)(?=[十百千万亿])(?![百千]年)")  # 近百年 "nearly a century"
# 七成 is 70 % ("七成以上受访者" "more than 70 percent of those polled"), 九成九 99 %;
# not 一成不变 ("unchanging") nor the 成 of a word (这一成绩 "this result", 一成员).
_ZH_TENTHS = re.compile(
    r"(?<![\d〇零一二两三四五六七八九十百千万.])([一二两三四五六七八九十]|\d)成"
    r"(?:([一二三四五六七八九]|\d)(?![\d〇零一二两三四五六七八九十百千万亿]))?"
    f"(?![{TENTHS_NOT_BEFORE}])"
)
# 上百, 上千, 上十万 "hundreds of, thousands of": approximate when 上 begins a word, not
# when it ends one (晚上十点 "10 p.m.", 山上十五队, 山上千年古树); see _blank_upwards.
_ZH_UPWARDS = re.compile(r"上(?:[百千万亿]|十[万亿])[十百千万亿]*")
# 两 after a number and before silver or gold is the tael (五十两白银 "fifty taels").
_ZH_TAEL = re.compile(r"(?<=[\d〇零一二两三四五六七八九十百千万约])两(?=[银白黄金纹])")
# "two or three", "15 or 16", "ten- or eleven-year-old" (see _en_range).
_EN_APPROXIMATE = re.compile(
    r"\b(?:between\s+([A-Za-z]+|\d+)\s+and|([A-Za-z]+|\d+)-? or)\s+([A-Za-z]+|\d+)"
    r"(?:\s+(?:hundred|thousand|million|billion)s?)?\b",
    re.I,
)
_ZH_DIGITS = re.compile(r"[0-9０-９]+(?:[.,][0-9]+)*")
# A numeral inside a person's name: 茅十八, 罗小四 (jieba tags such words "nr").
_ZH_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千万]")


class SentenceFeatures:
    """Memoised per-text features for one lexicon (texts repeat across rescoring)."""

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon
        self.gloss: dict[str, str] = {}
        self.zh_content: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self.en_content: dict[str, list[str]] = {}
        self.en_names: dict[str, list[list[str]]] = {}
        self.en_name_words: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self.word_content: dict[str, list[str]] = {}
        self.numbers: dict[tuple[str, str], list[str]] = {}
        self.chrf: dict[tuple[str, str], float] = {}

    def memo_tables(self) -> dict[str, dict[Any, Any]]:
        """The per-text caches, by name (see :mod:`aligner_gui.core.warmup`)."""
        names = ("gloss", "zh_content", "en_content", "en_names", "en_name_words",
                 "word_content", "numbers")  # fmt: skip
        return {name: getattr(self, name) for name in names}

    def _memo(self, table: dict, key: Any, compute: Callable[[], Any]) -> Any:
        value = table.get(key)
        if value is None:
            value = remember(table, key, compute(), 200_000)
        return value

    def chrf_of(self, metric: CHRF, gloss: str, english: str) -> float:
        """Sentence chrF (0-1) of a gloss against English; unchanged beads are not redone."""
        return self._memo(
            self.chrf,
            (gloss, english),
            lambda: metric.sentence_score(gloss, [english]).score / 100.0,
        )

    def gloss_of(self, text: str) -> str:
        return self._memo(self.gloss, text, lambda: _SPACES.sub(" ", self.lexicon.gloss(text)))

    def zh_content_of(self, text: str) -> list[tuple[str, frozenset[str]]]:
        return self._memo(
            self.zh_content,
            text,
            lambda: [(w, frozenset(keys)) for w, keys in self.lexicon.zh_content(text)],
        )

    def en_content_of(self, text: str) -> list[str]:
        return self._memo(self.en_content, text, lambda: list(self.lexicon.en_content(text)))

    def numbers_of(self, text: str, lang: str) -> list[str]:
        if lang == "zh":
            # Weekdays are names, not quantities: 周二 is "Tuesday", not 2.
            return self._memo(
                self.numbers,
                (lang, text),
                lambda: list(numbers_zh(_zh_quantities(text, self.lexicon))),
            )
        return self._memo(
            self.numbers,
            (lang, text),
            lambda: list(numbers_en(_EN_APPROXIMATE.sub(_en_range, text))),
        )

    def names_of(self, text: str) -> list[list[str]]:
        """Content keys of each capitalised English word that is not a sentence opener."""
        return self._memo(self.en_names, text, lambda: self._names(text))

    def _names(self, text: str) -> list[list[str]]:
        opener = _SENTENCE_START.match(text)
        opener_start = opener.start(1) if opener else -1
        names: list[list[str]] = []
        for match in CAPITALISED.finditer(text):
            word = match.group(0)
            keys = self.keys_of(word)
            if not keys:
                continue  # "The", "But", "I": function words
            if match.start() == opener_start and self._ordinary(word, keys):
                continue  # an ordinary word capitalised because it opens the sentence
            if is_month_at(text, match.start(), word):
                continue  # "in March" is 3月, a date the numbers signal reads, no name
            names.append(keys)
        return names

    def _ordinary(self, word: str, keys: list[str]) -> bool:
        """Is a capitalised sentence opener an ordinary word ("Property prices fell")?
        Every capitalised word gets a name key, so that cannot tell; a stem some
        dictionary entry translates to can (it may also be a name the dictionary knows,
        "Putin said": left out too, it is only not counted)."""
        if not any(k.startswith("~") for k in keys):
            return True
        vocabulary = getattr(self.lexicon, "vocabulary", None)
        if vocabulary is None:
            return False
        return any(k in vocabulary() for k in keys if not k.startswith("~"))

    def _word_keys(self, word: str) -> list[str]:
        return [k for k in self.lexicon.en_content(word) if not k.startswith("#") and len(k) > 1]

    def name_words_of(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """English names by their place (name_check.en_name_words), with their keys."""
        return self._memo(self.en_name_words, text, lambda: en_name_words(text, self.keys_of))

    def keys_of(self, word: str) -> list[str]:
        keys = self.word_content.get(word)
        if keys is None:
            keys = self.word_content[word] = self._word_keys(word)
        return keys

    def is_proper(self, zh_word: str) -> bool:
        """A proper noun of the dictionary (lexicons without the notion: never)."""
        test = getattr(self.lexicon, "is_proper_noun", None)
        return bool(test(zh_word)) if test is not None else False


_FEATURE_CACHES: weakref.WeakKeyDictionary[Any, SentenceFeatures] = weakref.WeakKeyDictionary()


def features_for(lexicon: Any) -> SentenceFeatures:
    """The features of one lexicon, kept while it lives (rescoring finds its texts done)."""
    try:
        cached = _FEATURE_CACHES.get(lexicon)
    except TypeError:  # not weak-referenceable: cache for this call only
        return SentenceFeatures(lexicon)
    if cached is None:
        cached = SentenceFeatures(lexicon)
        _FEATURE_CACHES[lexicon] = cached
    return cached


# -- numbers that are no quantity to compare -----------------------------------------------


def _en_range(m: re.Match[str]) -> str:
    """Blank out "two or three", "15 or 16", "ten- or eleven-year-old", "between two and
    three hundred": an approximate amount (二三, 十五六) that the Chinese gives as a range,
    not two numbers."""
    first, second = numbers_en(m.group(1) or m.group(2)), numbers_en(m.group(3))
    if not (first and second):
        return m.group()
    low, high = int(float(first[0])), int(float(second[0]))
    if high - low == 1 or (high - low == 10 and low % 10 == 0):  # 二三十 "twenty or thirty"
        return " " * len(m.group())
    return m.group()


def _has_big_han_number(text: str) -> bool:
    """Whether a name or idiom could hide a number that matters: one above
    SMALL_NUMBER_MAX (茅十八). Smaller ones (七长八短) only ever make a small-count
    mismatch, which :func:`.number_match.spelled_small_counts` sets aside anyway; 一 alone is in
    most Chinese sentences, so this keeps jieba off nearly all of them."""
    if not _ZH_NUMERAL.search(text):
        return False
    for number in numbers_zh(_ZH_DIGITS.sub(" ", text)):
        try:
            if float(number.rstrip("%")) > SMALL_NUMBER_MAX:
                return True
        except ValueError:
            continue
    return False


def _zh_quantities(text: str, lexicon: Any) -> str:
    """The text with Chinese numerals that are no quantity to compare blanked out.

    Weekdays are names (周二 is "Tuesday"), approximate amounts are rendered freely, and
    numerals inside personal names (茅十八) and idioms (七长八短) are part of the word.
    """
    text = _ZH_WEEKDAY.sub("周日", text)
    if _ZH_UPWARDS.search(text):
        text = _blank_upwards(text, lexicon)
    text = _ZH_FEW_MORE.sub("", _ZH_NEARLY.sub("一", text)).replace("半百", "五十")
    if "成" in text:
        text = _ZH_TENTHS.sub(_tenths, text)
    text = _ZH_APPROXIMATE.sub(lambda m: "约" * len(m.group()), text)
    text = _ZH_TAEL.sub("斤", text)
    if _has_big_han_number(text):
        # Words and parts of speech only for sentences with a Chinese number above 10
        # (tagging whole sentences took 9 s on the 15,000-verse Bible).
        parts = []
        for word in lexicon.zh_cut(text):
            if len(word) > 1 and _ZH_NUMERAL.search(word):
                tag = lexicon.zh_word_tag(word)
                if tag == "nr" and _ZH_NUMERAL.search(word[1:]):
                    word = "名" * len(word)
                elif tag in ("i", "l"):
                    word = "语" * len(word)  # an idiom: 隔三差五, 七长八短
            parts.append(word)
        text = "".join(parts)
    return text


def _tenths(m: re.Match[str]) -> str:
    """七成 as "70%", 九成九 as "99%"."""

    def digit(char: str | None) -> int:
        return int(char if char and char.isdigit() else zh_numeral_value(char or "零") or 0)

    return f"{digit(m.group(1)) * 10 + digit(m.group(2))}%"


def _blank_upwards(text: str, lexicon: Any) -> str:
    """上百 / 上千 / 上十万 blanked where 上 begins one of jieba's words (有|上百人, 上|千名,
    有|上|十万), left alone where it ends one (晚上|十点, 山上|千年, 成千上万 is an idiom
    the approximate pattern takes whole)."""
    starts: set[int] = set()
    pos = 0
    for word in lexicon.zh_cut(text):
        starts.add(pos)
        pos += len(word)
    return _ZH_UPWARDS.sub(
        lambda m: "约" * len(m.group()) if m.start() in starts else m.group(), text
    )


def non_space_chars(text: str) -> int:
    """Characters other than whitespace."""
    return len(text) - sum(map(len, _SPACES.findall(text)))
