"""The signals of a bead score (chrF, lexical, names, length, numbers) and their formula.

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
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from sacrebleu.metrics import CHRF

from aligner_gui.core.scoring.name_check import key_matches

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


# -- chrF signature ----------------------------------------------------------------------


def new_chrf() -> CHRF:
    """The chrF of bead scores (sacrebleu's defaults), one per scored document."""
    return CHRF()


def chrf_signature() -> str:
    """sacrebleu's signature of the chrF used for bead scores ("nrefs:1|case:mixed|...")."""
    metric = new_chrf()
    metric.corpus_score(["a"], [["a"]])  # sacrebleu fills the signature on first use
    return str(metric.get_signature())


def _chrf_metric_name() -> str:
    return new_chrf().corpus_score(["a"], [["a"]]).name


CHRF_SIGNATURE = chrf_signature()
CHRF_METRIC = _chrf_metric_name()  # "chrF2": chrF with beta=2
CHRF_SIGNATURE_FULL = f"{CHRF_METRIC}|{CHRF_SIGNATURE}"


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


# -- the signals -------------------------------------------------------------------------


def length_norm(log_ratios: Sequence[float]) -> tuple[float, float]:
    """Median and robust spread (1.4826 * MAD) of a document's log length ratios."""
    if not log_ratios:
        return 0.0, 0.3
    median = statistics.median(log_ratios)
    if len(log_ratios) < 8:
        return median, 0.3
    mad = statistics.median(abs(x - median) for x in log_ratios)
    return median, max(0.15, 1.4826 * mad)


def idf(documents: Iterable[Iterable[str]]) -> dict[str, float]:
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


def lexical_coverage(
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


_LATIN_PART = re.compile(r"[A-Za-z]{2,}")


def name_match_share(
    names: list[list[str]], zh_content: list[tuple[str, frozenset[str]]],
    zh_texts: Sequence[str] = (), translations: Callable[[str], frozenset[str]] | None = None,
) -> float | None:
    """Share of English names with a dictionary or pinyin-key match in the Chinese (or
    written there in Latin letters: X200-Pro, a model name glued to its number).

    With ``translations`` (the dictionary's), a word the tokenizer cut in two counts whole
    when both halves stand together in the text: 首席执行官 is cut 首席 + 执行官, and only
    the whole is glossed "CEO" (whose 0 of 1 names matched scored a faithful "said the
    CEO" 0.02)."""
    if not names:
        return None
    zh_keys: set[str] = set()
    for word, keys in zh_content:
        zh_keys.update(keys)
        zh_keys.add(word.lower())  # names left in Latin script: "New START"
    zh_keys.update(p.lower() for t in zh_texts for p in _LATIN_PART.findall(t))
    matched = sum(1 for keys in names if any(key_matches(k, zh_keys) for k in keys))
    if matched < len(names) and translations is not None:
        for (a, _ka), (b, _kb) in zip(zh_content, zh_content[1:], strict=False):
            if any(a + b in t for t in zh_texts):
                zh_keys.update(translations(a + b))
        matched = sum(1 for keys in names if any(key_matches(k, zh_keys) for k in keys))
    return matched / len(names)
