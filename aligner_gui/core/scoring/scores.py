"""Per-bead translation scores, review flags, the document summary and reference scoring.

A bead's score says how plausible it is that its Chinese and English sides say the same
thing. Five signals, each cheap and each explainable to an editor, are stored in
``bead.details`` and combined by a logistic formula (see :func:`combine`):

``chrf``
    sacrebleu sentence chrF (0-1) of the dictionary gloss of the Chinese against the
    English. The gloss is always the hypothesis and the English the reference, whichever
    side is the source, so the value does not depend on the alignment direction.
``lexical``
    dictionary coverage: the mean of the share of English content stems translated by
    some Chinese word and the share of Chinese content words whose translations occur in
    the English.
``names``
    share of the English names (capitalised words) with a dictionary or pinyin match in
    the Chinese; ``None`` when the English has no names.
``length_ratio``
    z-like deviation of log(Chinese chars / English chars) from the document's median
    over paired beads, in units of the document's robust spread.
``numbers``
    numbers of each side; ``missing`` are source numbers absent from the target,
    ``extra`` target numbers absent from the source.

Nothing here imports Qt; the whole document is scored with one CHRF object, and the
per-sentence work (gloss, content words, numbers) is cached, so a 10,000-bead document
takes a few seconds.
"""

from __future__ import annotations

import math
import re
import statistics
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sacrebleu.metrics import BLEU, CHRF, TER

from aligner_gui.core.model import (
    FLAG_ADDITION,
    FLAG_LOW_SCORE,
    FLAG_NAME_MISMATCH,
    FLAG_NUMBER_MISMATCH,
    FLAG_OMISSION,
    OMISSION_CLASSES,
    AlignmentDocument,
    Bead,
    Side,
)
from aligner_gui.core.runtime.memo import remember
from aligner_gui.core.scoring.classify import classify_unaligned
from aligner_gui.core.scoring.name_check import (
    CAPITALISED,
    en_name_words,
    key_matches,
    mismatched_names,
)
from aligner_gui.core.text.numbers import numbers_en, numbers_zh

__all__ = [
    "CHRF_METRIC",
    "CHRF_SIGNATURE",
    "LOW_SCORE_THRESHOLD",
    "chrf_signature",
    "classify_unaligned",
    "combine",
    "name_mismatch",
    "reference_scores",
    "score_beads",
    "summarize",
]

# Beads with both sides scoring below this are flagged "low-score".
LOW_SCORE_THRESHOLD = 0.3

# Integers up to this value are spelled out, dropped or rendered idiomatically ("one
# year" / 一年, "both" / 两国, "(ii)" / (二)), so one alone on one side is not a mismatch;
# a small number *replaced* by another small number still is.
SMALL_NUMBER_MAX = 10

# Weights of the logistic score (see combine()); calibrated on the seed, faithful 1-1
# beads against shuffled pairs (tests/core/test_scoring.py prints both distributions).
W_BIAS = -0.4
W_CHRF = 4.0  # per unit of (chrF - CHRF_CHANCE)
CHRF_CHANCE = 0.2  # chrF (0-1) typical of an unrelated gloss/English pair
W_LEXICAL = 12.0  # per unit of (lexical - LEXICAL_CHANCE)
LEXICAL_CHANCE = 0.35
LEXICAL_PRIOR_WEIGHT = 2.0  # pseudo-words of LEXICAL_CHANCE added to each coverage share
W_NAMES = 1.5  # per unit of (names - 0.5); no names -> no term
W_LENGTH = 0.8  # per unit of |length deviation| beyond LENGTH_TOLERANCE
LENGTH_TOLERANCE = 1.5
W_NUMBERS = 0.7  # per mismatching number, at most three counted

# Keys score_beads owns in bead.details (removed before rescoring; others are kept).
_OWN_DETAILS = (
    "chrf",
    "lexical",
    "names",
    "length_ratio",
    "length",
    "numbers",
    "class",
    "absorbed",
    "name_mismatch",
)
_ENGINE_FLAGS = frozenset(
    (
        FLAG_OMISSION,
        FLAG_ADDITION,
        FLAG_LOW_SCORE,
        FLAG_NUMBER_MISMATCH,
        FLAG_NAME_MISMATCH,
        *OMISSION_CLASSES,
    )
)


# -- chrF signature ----------------------------------------------------------------------


def _new_chrf() -> CHRF:
    return CHRF()


def chrf_signature() -> str:
    """sacrebleu's signature of the chrF used for bead scores ("nrefs:1|case:mixed|...")."""
    metric = _new_chrf()
    metric.corpus_score(["a"], [["a"]])  # sacrebleu fills the signature on first use
    return str(metric.get_signature())


def _chrf_metric_name() -> str:
    return _new_chrf().corpus_score(["a"], [["a"]]).name


CHRF_SIGNATURE = chrf_signature()
CHRF_METRIC = _chrf_metric_name()  # "chrF2": chrF with beta=2
CHRF_SIGNATURE_FULL = f"{CHRF_METRIC}|{CHRF_SIGNATURE}"


# -- per-sentence features, cached per lexicon -------------------------------------------

_SENTENCE_START = re.compile(r"^\W*([A-Za-z][\w'’-]*)")
_SPACES = re.compile(r"\s+")
_ZH_WEEKDAY = re.compile(r"(?:周|星期|礼拜|禮拜|週)[一二三四五六日天]")
# Approximate amounts are not numbers to compare: 十二三里 "twelve or thirteen li",
# 二三百人 "two or three hundred", 一二百钱, 几千两, 数十丈, 三三两两 "in twos and threes",
# 亿万百姓 "countless people". The translation renders them freely ("about four miles").
_ZH_APPROXIMATE = re.compile(
    r"(?<![〇零一二三四五六七八九])[十百千万]?(?:一二|二三|三四|四五|五六|六七|七八|八九)"
    r"(?![〇零一二三四五六七八九])[十百千万亿]*"  # not inside a year: 一九八九年
    r"|[几数上]+[十百千万亿]+|三三两两|成千上万|成百上千|千千万万"
    r"|[〇零一二两三四五六七八九十百千万]+(?:几|来|左右|上下)"  # 十几个, 三十左右
    r"|(?<![\d〇零一二两三四五六七八九十百])(?:亿万|千万)"  # but 三千万 is 30 million
)
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


class _Features:
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
        """The per-text caches, by name (see :mod:`aligner_gui.core.runtime.warmup`)."""
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
            if match.start() == opener_start and not any(k.startswith("~") for k in keys):
                continue  # an ordinary word capitalised because it opens the sentence
            names.append(keys)
        return names

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


_FEATURE_CACHES: weakref.WeakKeyDictionary[Any, _Features] = weakref.WeakKeyDictionary()


def _features_for(lexicon: Any) -> _Features:
    try:
        cached = _FEATURE_CACHES.get(lexicon)
    except TypeError:  # not weak-referenceable: cache for this call only
        return _Features(lexicon)
    if cached is None:
        cached = _Features(lexicon)
        _FEATURE_CACHES[lexicon] = cached
    return cached


# -- the score formula -------------------------------------------------------------------


def combine(
    chrf: float,
    lexical: float,
    names: float | None,
    length_deviation: float,
    number_mismatches: int,
) -> float:
    """The bead score in (0, 1): a logistic of the signals, monotone in each.

    score = 1 / (1 + exp(-z)), with
    z = W_BIAS + W_CHRF * (chrF - CHRF_CHANCE) + W_LEXICAL * (lexical - LEXICAL_CHANCE)
        + W_NAMES * (names - 0.5)                        [only if the English has names]
        - W_LENGTH * max(0, |length deviation| - LENGTH_TOLERANCE)
        - W_NUMBERS * min(number mismatches, 3)

    Increasing in chrF, lexical coverage and name share; decreasing in the length
    deviation and the number of mismatching numbers.
    """
    z = W_BIAS + W_CHRF * (chrf - CHRF_CHANCE) + W_LEXICAL * (lexical - LEXICAL_CHANCE)
    if names is not None:
        z += W_NAMES * (names - 0.5)
    z -= W_LENGTH * max(0.0, abs(length_deviation) - LENGTH_TOLERANCE)
    z -= W_NUMBERS * min(number_mismatches, 3)
    return 1.0 / (1.0 + math.exp(-z))


# -- helpers -----------------------------------------------------------------------------


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
    mismatch, which :func:`_spelled_small_counts` sets aside anyway; 一 alone is in
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


def _chars(text: str) -> int:
    """Characters other than whitespace."""
    return len(text) - sum(map(len, _SPACES.findall(text)))


def _length_norm(log_ratios: Sequence[float]) -> tuple[float, float]:
    """Median and robust spread (1.4826 * MAD) of a document's log length ratios."""
    if not log_ratios:
        return 0.0, 0.3
    median = statistics.median(log_ratios)
    if len(log_ratios) < 8:
        return median, 0.3
    mad = statistics.median(abs(x - median) for x in log_ratios)
    return median, max(0.15, 1.4826 * mad)


def _is_small_integer(number: str) -> bool:
    return number.isdigit() and int(number) <= SMALL_NUMBER_MAX


def compare_numbers(source: Sequence[str], target: Sequence[str]) -> dict[str, list[str]]:
    """Multiset difference of two sides' numbers, with harmless small counts set aside.

    A small integer present on one side only ("one year" against 年) goes to
    ``ignored``; if both sides have unmatched small integers (3 against 5), they are a
    real substitution and stay in ``missing``/``extra``.
    """
    src, tgt = Counter(source), Counter(target)
    missing = list((src - tgt).elements())
    extra = list((tgt - src).elements())
    missing, extra, short_years = _short_years(missing, extra)
    small_missing = [n for n in missing if _is_small_integer(n)]
    small_extra = [n for n in extra if _is_small_integer(n)]
    ignored: list[str] = []
    if not (small_missing and small_extra):
        ignored = small_missing + small_extra
        missing = [n for n in missing if not _is_small_integer(n)]
        extra = [n for n in extra if not _is_small_integer(n)]
    return {
        "source": list(source),
        "target": list(target),
        "missing": missing,
        "extra": extra,
        "ignored": short_years + ignored,
    }


def _spelled_small_counts(
    numbers: dict[str, list[str]], source_text: str, target_text: str
) -> dict[str, list[str]]:
    """Set aside a mismatch made only of small counts that neither side writes in digits.

    三人 against "the two boys and the servant", 七天之后 against "six days later":
    spelled-out small counts are what translators reshape, so, like Xbench's numeric
    check, only counts written as digits ("3 people", "3人") are compared. A digit on
    either side keeps the whole mismatch.
    """
    unmatched = numbers["missing"] + numbers["extra"]
    if not all(_is_small_integer(n) for n in unmatched):
        return numbers
    digits = re.compile("|".join(rf"(?<![\d.,]){n}(?![\d.,]?\d)" for n in set(unmatched)))
    if digits.search(_fold_digits(source_text)) or digits.search(_fold_digits(target_text)):
        return numbers
    return {**numbers, "missing": [], "extra": [], "ignored": numbers["ignored"] + unmatched}


def _fold_digits(text: str) -> str:
    return text.translate(_FULLWIDTH_DIGITS)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _short_years(missing: list[str], extra: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Set aside a year against its last two digits: "the 1990s" is 上世纪90年代."""
    missing, extra = list(missing), list(extra)
    paired: list[str] = []
    for longer, shorter in ((missing, extra), (extra, missing)):
        for year in list(longer):
            if len(year) == 4 and year.isdigit() and year[:2] in ("19", "20"):
                if year[2:] in shorter:
                    longer.remove(year)
                    shorter.remove(year[2:])
                    paired += [year, year[2:]]
                    century = str(int(year[:2]) + 1)  # 20世纪90年代
                    if century in shorter:
                        shorter.remove(century)
                        paired.append(century)
    return missing, extra, paired


def _idf(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Document-level inverse frequency of tokens over one side's sentences.

    Topic words that occur in most sentences of a story ("Russia", "treaty") match
    by chance between unrelated sentences, so their matches count for less.
    """
    df: Counter[str] = Counter()
    n = 0
    for tokens in documents:
        n += 1
        df.update(set(tokens))
    return {t: math.log(1.0 + n / c) for t, c in df.items()}


def _coverage(
    zh_content: list[tuple[str, frozenset[str]]],
    en_tokens: list[str],
    zh_idf: dict[str, float],
    en_idf: dict[str, float],
) -> float:
    """Mean of English-side and Chinese-side dictionary coverage, IDF-weighted.

    0 when both sides are empty. Chinese words that are only numbers are left to the
    number check.
    """
    en_set = set(en_tokens)
    zh_keys: set[str] = set()
    for _, keys in zh_content:
        zh_keys.update(keys)
    shares = []
    if en_tokens:
        total = sum(en_idf.get(t, 1.0) for t in en_tokens)
        hit = sum(en_idf.get(t, 1.0) for t in en_tokens if t in zh_keys)
        shares.append(_shrink(hit / total, len(en_tokens)))
    if zh_content:
        total = sum(zh_idf.get(w, 1.0) for w, _ in zh_content)
        hit = sum(zh_idf.get(w, 1.0) for w, keys in zh_content if keys & en_set)
        shares.append(_shrink(hit / total, len(zh_content)))
    return sum(shares) / len(shares) if shares else 0.0


def _shrink(share: float, n: int) -> float:
    """Pull a share measured on few words towards the neutral LEXICAL_CHANCE.

    Two content words, neither in the dictionary, say little about a short sentence
    pair; a long sentence's coverage is kept almost as measured.
    """
    return (share * n + LEXICAL_PRIOR_WEIGHT * LEXICAL_CHANCE) / (n + LEXICAL_PRIOR_WEIGHT)


def _name_share(
    names: list[list[str]], zh_content: list[tuple[str, frozenset[str]]]
) -> float | None:
    """Share of English names with a dictionary or pinyin-key match in the Chinese."""
    if not names:
        return None
    zh_keys: set[str] = set()
    for word, keys in zh_content:
        zh_keys.update(keys)
        zh_keys.add(word.lower())  # names left in Latin script: "New START"
    return sum(1 for keys in names if any(key_matches(k, zh_keys) for k in keys)) / len(names)


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


# -- scoring -----------------------------------------------------------------------------


def score_beads(source: Side, target: Side, beads: list[Bead], lexicon: Any) -> None:
    """Set score, flags and details of every bead in place.

    Paired beads get the combined score (see :func:`combine`); one-sided beads score 0
    and are flagged ``omission`` (source only) or ``addition`` (target only). Unaligned
    English source text is also classified (headline, more-link, photo-caption, content;
    byline and editor-note)
    into a flag and ``details["class"]``. An aligner score already on a bead is kept as
    ``details["align"]``. Flags other than the engine's own are preserved.
    """
    features = _features_for(lexicon)
    chrf = _new_chrf()
    zh_role = "source" if source.lang == "zh" else ("target" if target.lang == "zh" else None)
    sides = {"source": source, "target": target}

    # Pass 1: per-bead texts and length ratios for the document median.
    prepared: list[tuple[str, str]] = []
    log_ratios: list[float] = []
    for bead in beads:
        src_text = source.span_text(bead.source)
        tgt_text = target.span_text(bead.target)
        if zh_role == "source":
            zh_text, en_text = src_text, tgt_text
        else:
            zh_text, en_text = tgt_text, src_text
        prepared.append((zh_text, en_text))
        if bead.source and bead.target:
            log_ratios.append(math.log((_chars(zh_text) + 1) / (_chars(en_text) + 1)))
    median, spread = _length_norm(log_ratios)

    unaligned_paragraphs = _wholly_unaligned_paragraphs(source, beads)
    paragraph_members = _paragraph_members(source)
    zh_idf: dict[str, float] = {}
    en_idf: dict[str, float] = {}
    if zh_role is not None:
        zh_side = sides[zh_role]
        en_side = sides["target" if zh_role == "source" else "source"]
        zh_idf = _idf([w for w, _ in features.zh_content_of(s.text)] for s in zh_side.sentences)
        en_idf = _idf(_en_tokens(features, s.text) for s in en_side.sentences)

    for bead, (zh_text, en_text) in zip(beads, prepared, strict=True):
        old = bead.details or {}
        details: dict[str, Any] = {k: v for k, v in old.items() if k not in _OWN_DETAILS}
        if "align" not in details and bead.score is not None and "chrf" not in old:
            details["align"] = _round(bead.score)
        flags = [f for f in bead.flags if f not in _ENGINE_FLAGS]

        src_numbers = _numbers(features, source, bead.source)
        tgt_numbers = _numbers(features, target, bead.target)
        numbers = compare_numbers(src_numbers, tgt_numbers)
        if numbers["missing"] or numbers["extra"]:
            numbers = _spelled_small_counts(
                numbers, source.span_text(bead.source), target.span_text(bead.target)
            )
        details["numbers"] = numbers

        if bead.source and bead.target:
            if zh_role is None:
                gloss = zh_text  # no Chinese side: compare the texts as they are
                zh_content: list[tuple[str, frozenset[str]]] = []
                en_tokens: list[str] = []
                names: list[list[str]] = []
                en_texts: list[str] = []
                zh_texts: list[str] = []
            else:
                zh_ids = bead.source if zh_role == "source" else bead.target
                en_ids = bead.target if zh_role == "source" else bead.source
                zh_side = sides[zh_role]
                en_side = sides["target" if zh_role == "source" else "source"]
                gloss = " ".join(features.gloss_of(zh_side.sentences[i].text) for i in zh_ids)
                zh_content = [
                    item
                    for i in zh_ids
                    for item in features.zh_content_of(zh_side.sentences[i].text)
                    if not _number_only(item[1])
                ]
                en_tokens = [
                    t for i in en_ids for t in _en_tokens(features, en_side.sentences[i].text)
                ]
                names = [n for i in en_ids for n in features.names_of(en_side.sentences[i].text)]
                en_texts = [en_side.sentences[i].text for i in en_ids]
                zh_texts = [zh_side.sentences[i].text for i in zh_ids]
            chrf_value = features.chrf_of(chrf, gloss, en_text)
            lexical = _coverage(zh_content, en_tokens, zh_idf, en_idf)
            name_share = _name_share(names, zh_content)
            log_ratio = math.log((_chars(zh_text) + 1) / (_chars(en_text) + 1))
            deviation = (log_ratio - median) / spread
            mismatches = len(numbers["missing"]) + len(numbers["extra"])
            score = combine(chrf_value, lexical, name_share, deviation, mismatches)
            details.update(
                chrf=_round(chrf_value),
                lexical=_round(lexical),
                names=_round(name_share),
                length_ratio=_round(deviation, 3),
                length={
                    "zh_chars": _chars(zh_text),
                    "en_chars": _chars(en_text),
                    "log_ratio": _round(log_ratio),
                    "median": _round(median),
                    "spread": _round(spread),
                },
            )
            if source.lang == "en" and len(bead.source) > 1:
                absorbed = _absorbed_furniture(source, bead, paragraph_members)
                if absorbed:
                    details["absorbed"] = absorbed
            if score < LOW_SCORE_THRESHOLD:
                flags.append(FLAG_LOW_SCORE)
            if mismatches:
                flags.append(FLAG_NUMBER_MISMATCH)
            odd_names = mismatched_names(
                zh_texts,
                zh_content,
                en_texts,
                en_tokens,
                features.name_words_of,
                features.is_proper,
            )
            if odd_names is not None:
                details["name_mismatch"] = {"en": list(odd_names.en), "zh": list(odd_names.zh)}
                flags.append(FLAG_NAME_MISMATCH)
        else:
            score = 0.0
            details.update(chrf=0.0, lexical=0.0, names=None, length_ratio=None)
            if bead.source:
                flags.append(FLAG_OMISSION)
                if source.lang == "en":
                    cls = _classify_bead(source, bead, unaligned_paragraphs, paragraph_members)
                    details["class"] = cls
                    flags.append(cls)
            else:
                flags.append(FLAG_ADDITION)
        bead.score = round(min(1.0, max(0.0, score)), 4)
        bead.flags = list(dict.fromkeys(flags))
        bead.details = details


def name_mismatch(
    zh_texts: Sequence[str], en_texts: Sequence[str], lexicon: Any
) -> dict[str, list[str]] | None:
    """The ``name_mismatch`` detail score_beads would give a bead of these sentences."""
    features = _features_for(lexicon)
    zh_content = [
        item for t in zh_texts for item in features.zh_content_of(t) if not _number_only(item[1])
    ]
    en_tokens = [k for t in en_texts for k in _en_tokens(features, t)]
    odd = mismatched_names(
        zh_texts, zh_content, en_texts, en_tokens, features.name_words_of, features.is_proper
    )
    return None if odd is None else {"en": list(odd.en), "zh": list(odd.zh)}


def _number_only(keys: frozenset[str]) -> bool:
    return bool(keys) and all(k.startswith("#") for k in keys)


def _en_tokens(features: _Features, text: str) -> list[str]:
    """English content tokens without number tokens (numbers are checked separately)."""
    return [t for t in features.en_content_of(text) if not t.startswith("#")]


def _numbers(features: _Features, side: Side, ids: Sequence[int]) -> list[str]:
    return [n for i in ids for n in features.numbers_of(side.sentences[i].text, side.lang)]


def _wholly_unaligned_paragraphs(source: Side, beads: Iterable[Bead]) -> set[int]:
    """Source paragraphs none of whose sentences is aligned to anything."""
    aligned: set[int] = set()
    for bead in beads:
        if bead.target:
            aligned.update(source.sentences[i].paragraph for i in bead.source)
    present = {s.paragraph for s in source.sentences}
    return present - aligned


def _paragraph_members(side: Side) -> dict[int, list[int]]:
    members: dict[int, list[int]] = {}
    for sentence in side.sentences:
        members.setdefault(sentence.paragraph, []).append(sentence.id)
    return members


def _absorbed_furniture(
    source: Side, bead: Bead, paragraph_members: dict[int, list[int]]
) -> list[dict[str, Any]]:
    """Whole English paragraphs inside a paired bead that read as headline/link/caption.

    An aligner may glue an untranslated headline or caption to its neighbour (a 2-1
    bead); the bead then scores well while the omission is hidden. Listed in
    ``details["absorbed"]`` for the reviewer; no flag, since the pairing may be right.
    """
    sentences = source.sentences
    ids = set(bead.source)
    paragraphs = sorted({sentences[i].paragraph for i in bead.source})
    if len(paragraphs) < 2:
        return []
    first_paragraph = sentences[0].paragraph if sentences else 0
    found: list[dict[str, Any]] = []
    for p in paragraphs:
        members = paragraph_members[p]
        if not ids.issuperset(members):
            continue
        cls = classify_unaligned(
            source.span_text(members),
            paragraph_index=p,
            is_whole_paragraph=True,
            is_first_paragraph=p == first_paragraph,
        )
        if cls != "content":
            found.append({"sentences": members, "paragraph": p, "class": cls})
    return found


def _classify_bead(
    source: Side,
    bead: Bead,
    unaligned_paragraphs: set[int],
    paragraph_members: dict[int, list[int]],
) -> str:
    first = source.sentences[bead.source[0]]
    paragraph = first.paragraph
    first_paragraph = source.sentences[0].paragraph if source.sentences else 0
    whole = paragraph in unaligned_paragraphs and all(
        source.sentences[i].paragraph == paragraph for i in bead.source
    )
    if whole:
        text = source.span_text(paragraph_members[paragraph])
    else:
        text = source.span_text(bead.source)
    return classify_unaligned(
        text,
        paragraph_index=paragraph,
        is_whole_paragraph=whole,
        is_first_paragraph=paragraph == first_paragraph,
    )


# -- document summary --------------------------------------------------------------------


def summarize(doc: AlignmentDocument) -> dict[str, Any]:
    """Coverage, bead types, omissions by class, additions and score statistics.

    Score statistics are over paired beads (one-sided beads score 0 by definition and
    are counted as omissions/additions instead).
    """
    source, target = doc.source, doc.target
    aligned_src: set[int] = set()
    aligned_tgt: set[int] = set()
    kinds: Counter[str] = Counter()
    by_class = {name: {"count": 0, "chars": 0} for name in OMISSION_CLASSES}
    omissions = omission_chars = additions = addition_chars = 0
    low = mismatched = names = 0
    scores: list[float] = []
    for bead in doc.beads:
        kinds[bead.kind] += 1
        if bead.source and bead.target:
            aligned_src.update(bead.source)
            aligned_tgt.update(bead.target)
            if bead.score is not None:
                scores.append(float(bead.score))
        elif bead.source:
            chars = sum(_chars(source.sentences[i].text) for i in bead.source)
            omissions += 1
            omission_chars += chars
            cls = (bead.details or {}).get("class", "content")
            if cls not in by_class:
                cls = "content"
            by_class[cls]["count"] += 1
            by_class[cls]["chars"] += chars
        else:
            additions += 1
            addition_chars += sum(_chars(target.sentences[i].text) for i in bead.target)
        if FLAG_LOW_SCORE in bead.flags:
            low += 1
        if FLAG_NUMBER_MISMATCH in bead.flags:
            mismatched += 1
        if FLAG_NAME_MISMATCH in bead.flags:
            names += 1

    def coverage(side: Side, aligned: set[int]) -> tuple[float | None, float | None]:
        if not side.sentences:
            return None, None
        total = sum(_chars(s.text) for s in side.sentences)
        covered = sum(_chars(side.sentences[i].text) for i in aligned)
        return (
            round(len(aligned) / len(side.sentences), 4),
            round(covered / total, 4) if total else None,
        )

    src_sent, src_chars = coverage(source, aligned_src)
    tgt_sent, tgt_chars = coverage(target, aligned_tgt)
    return {
        "beads": len(doc.beads),
        "bead_types": dict(sorted(kinds.items())),
        "sentences": {"source": len(source.sentences), "target": len(target.sentences)},
        "coverage": {
            "source_sentences": src_sent,
            "source_chars": src_chars,
            "target_sentences": tgt_sent,
            "target_chars": tgt_chars,
        },
        "omissions": omissions,
        "omission_chars": omission_chars,
        "omissions_by_class": by_class,
        "content_omissions": by_class["content"]["count"],
        "additions": additions,
        "addition_chars": addition_chars,
        "scored_beads": len(scores),
        "mean_score": round(statistics.fmean(scores), 4) if scores else None,
        "median_score": round(statistics.median(scores), 4) if scores else None,
        "low_score": low,
        "low_score_threshold": LOW_SCORE_THRESHOLD,
        "number_mismatch": mismatched,
        "name_mismatch": names,
        "chrf_metric": CHRF_METRIC,
        "chrf_signature": CHRF_SIGNATURE,
        "chrf_signature_full": CHRF_SIGNATURE_FULL,
    }


# -- scoring against a reference translation ---------------------------------------------

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")


def reference_scores(
    translation_sentences: Sequence[str],
    reference_text_or_sentences: str | Sequence[str],
    lang: str,
) -> dict[str, Any]:
    """Corpus BLEU, chrF and TER of a translation against a reference translation.

    The reference is a text (one segment per non-empty line) or a list of segments. If
    the segment counts differ, both sides are joined into one segment each and scored at
    document level; ``level`` says which was done. For Chinese, BLEU uses the "zh"
    tokenizer and TER asian support.
    """
    hyps = [s.strip() for s in translation_sentences if s and s.strip()]
    if isinstance(reference_text_or_sentences, str):
        refs = [r.strip() for r in _LINE_SPLIT.split(reference_text_or_sentences) if r.strip()]
    else:
        refs = [r.strip() for r in reference_text_or_sentences if r and r.strip()]
    zh = lang == "zh"
    counts = {"translation_segments": len(hyps), "reference_segments": len(refs)}
    if len(hyps) == len(refs) and hyps:
        level = "segment"
    else:
        level = "document"
        joiner = "" if zh else " "
        hyps, refs = [joiner.join(hyps)], [joiner.join(refs)]
    bleu = BLEU(tokenize="zh") if zh else BLEU()
    chrf = CHRF()
    ter = TER(asian_support=True) if zh else TER()
    result: dict[str, Any] = {
        "level": level,
        "segments": len(hyps),
        **counts,
        "lang": lang,
    }
    for key, metric in (("bleu", bleu), ("chrf", chrf), ("ter", ter)):
        score = metric.corpus_score(hyps, [refs])
        result[key] = round(float(score.score), 4)
        result[f"{key}_name"] = score.name
        result[f"{key}_signature"] = str(metric.get_signature())
    return result
