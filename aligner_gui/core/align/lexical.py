"""Adapter from the Lexicon API to the aligner's numeric features.

Turns sentences into ``Units``: for the Chinese side, each content word that has at
least one candidate English stem occurring somewhere in the English text of the
document ("matchable"); for the English side, each content token whose stem is a
candidate of some Chinese word of the document. Items are integer stem ids, so the
match join in features.py is pure numpy. A learned translation table (pairs of a
Chinese word and an English stem) can be added on top of the dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from aligner_gui.core.align.features import Units

# Punctuation that survives translation: questions, exclamations, direct speech.
_MARKS = {
    "zh": (
        ("¶?", re.compile(r"[？?]")),
        ("¶!", re.compile(r"[！!]")),
        ("¶q", re.compile(r"[“「『]")),
        ("¶-", re.compile(r"——|—|--")),
        ("¶.", re.compile(r"……|…|\.\.\.")),
    ),
    "en": (
        ("¶?", re.compile(r"\?")),
        ("¶!", re.compile(r"!")),
        ("¶q", re.compile(r"(?:^|[\s(\[—-])[\"“‘']")),
        ("¶-", re.compile(r"—|--| - ")),
        ("¶.", re.compile(r"…|\.\.\.")),
    ),
}
MAX_MARKS = 3


def punct_marks(text: str, lang: str) -> list[str]:
    """Pseudo-words for punctuation cues, at most MAX_MARKS of each kind."""
    out: list[str] = []
    for token, pattern in _MARKS.get(lang, ()):
        out.extend([token] * min(MAX_MARKS, len(pattern.findall(text))))
    return out


_OPEN = {"zh": re.compile(r"^\s*[“「『‘\"]"), "en": re.compile(r"^\s*[\"“‘']")}
_CLOSE = {
    "zh": re.compile(r"[”」』’\"]\s*$"),
    "en": re.compile(r"[.!?,;:…—-]\s*[\"”’']\s*$"),
}


def quote_edges(text: str, lang: str) -> tuple[bool, bool]:
    """Does the sentence open a quotation, and does it close one?"""
    op = _OPEN.get(lang)
    cl = _CLOSE.get(lang)
    return bool(op and op.search(text)), bool(cl and cl.search(text))


_NOT_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"[0-9\uff10-\uff19]")

# Cost of holding, in a merged bead (2-1, 1-3 ...), a sentence written with digits whose
# numbers no sentence of the other side has, per such number. A translated sentence keeps
# its figures; one whose translation was lost leaves them orphaned, and Viterbi glued it to
# a neighbour ("Imports fell 3.9%." to the sentence before). Only sentences with digits:
# spelled-out numbers of literary text and the Bible are rendered too freely. 2.0, chosen
# on benchmarks/paragraph_omissions.py (Chinese orphan paragraphs one-sided 86 -> 92 %);
# mac-dev F1 .922 -> .923, its chapters joined .908 -> .906 (two merges whose sides
# disagree on a number), Bible unchanged, omission benchmark within one bead a cell.
ORPHAN_NUMBER_WEIGHT = 2.0

_NOT_WORD_OR_SPACE = re.compile(r"[^\w ]+|_+")


def _zh_len(text: str) -> float:
    """Letters and digits (CJK characters included); punctuation and spaces are not counted."""
    return float(len(_NOT_WORD.sub("", text)))


def _en_len(text: str) -> float:
    """Letters, digits and spaces."""
    return float(len(_NOT_WORD_OR_SPACE.sub("", text)))


def text_length(text: str, lang: str) -> float:
    return _zh_len(text) if lang == "zh" else _en_len(text)


class LexicalFeatures:
    """Tokenised document (both sides) with stem ids, ready to become Units."""

    def __init__(
        self,
        lexicon: Any,
        x_texts: Sequence[str],
        y_texts: Sequence[str],
        x_lang: str = "zh",
        y_lang: str = "en",
        check: Callable[[float], None] | None = None,
    ) -> None:
        """``check(fraction)`` is called every few hundred sentences (it may raise)."""
        self.x_len = np.array([text_length(t, x_lang) for t in x_texts], dtype=np.float64)
        self.y_len = np.array([text_length(t, y_lang) for t in y_texts], dtype=np.float64)
        self.enabled = lexicon is not None
        xq = [quote_edges(t, x_lang) for t in x_texts]
        yq = [quote_edges(t, y_lang) for t in y_texts]
        self.x_quotes = np.array(xq, dtype=np.float64).reshape(len(x_texts), 2)
        self.y_quotes = np.array(yq, dtype=np.float64).reshape(len(y_texts), 2)
        self.stem_id: dict[str, int] = {}
        self.word_id: dict[str, int] = {}
        self.x_words: list[list[int]] = []
        self.y_stems: list[list[int]] = []
        self.word_trans: list[set[int]] = []
        self.learned: dict[int, set[int]] = {}
        # Per sentence: how many of its numbers no sentence of the other side has.
        self.x_orphan_numbers = np.zeros(len(x_texts), dtype=np.float64)
        self.y_orphan_numbers = np.zeros(len(y_texts), dtype=np.float64)
        if not self.enabled:
            self.x_words = [[] for _ in x_texts]
            self.y_stems = [[] for _ in y_texts]
            return
        y_numbers: list[list[str]] = []
        x_numbers: list[list[str]] = []
        # A sentence's figures read whole, as the number check reads them (memoised per
        # text, so the scorer finds them done): the words' number keys cut 17.09万亿 into
        # 17.09 and 万亿, which "17.09 trillion" has not, so every such figure looked
        # orphaned. Only sentences written with digits.
        from aligner_gui.core.scoring.sentence_features import features_for

        numbers_of = features_for(lexicon).numbers_of
        total = max(1, len(x_texts) + len(y_texts))
        self.y_stems = []
        for k, t in enumerate(y_texts):
            if check is not None and k % 500 == 0:
                check(k / total)
            content = self._content(lexicon, t, y_lang)
            y_numbers.append(numbers_of(t, y_lang) if _DIGIT.search(t) else [])
            self.y_stems.append(self._stems(content + punct_marks(t, y_lang)))
        for k, text in enumerate(x_texts):
            if check is not None and k % 500 == 0:
                check((len(y_texts) + k) / total)
            ids = []
            marks = [(m, frozenset((m,))) for m in punct_marks(text, x_lang)]
            words = list(self._xcontent(lexicon, text, x_lang, y_lang))
            x_numbers.append(numbers_of(text, x_lang) if _DIGIT.search(text) else [])
            for word, cands in words + marks:
                wid = self.word_id.get(word)
                if wid is None:
                    wid = len(self.word_trans)
                    self.word_id[word] = wid
                    known = {self.stem_id[s] for s in cands if s in self.stem_id}
                    self.word_trans.append(known)
                ids.append(wid)
            self.x_words.append(ids)
        if ORPHAN_NUMBER_WEIGHT:
            for numbers, other, out in ((x_numbers, y_numbers, self.x_orphan_numbers),
                                        (y_numbers, x_numbers, self.y_orphan_numbers)):
                seen = {n for sentence in other for n in sentence}
                for k, sentence in enumerate(numbers):
                    out[k] = len({n for n in sentence if n not in seen})

    # -- tokenisation ----------------------------------------------------------------

    @staticmethod
    def _content(lexicon: Any, text: str, lang: str) -> list[str]:
        if lang == "zh":
            return [w for w, _c in lexicon.zh_content(text)]
        return list(lexicon.en_content(text))

    @staticmethod
    def _xcontent(
        lexicon: Any, text: str, lang: str, other: str
    ) -> Iterable[tuple[str, frozenset[str]]]:
        if lang == "zh" and other != "zh":
            return lexicon.zh_content(text)
        # Same-language pair (or English as x): words translate to themselves.
        words = (
            [w for w, _c in lexicon.zh_content(text)] if lang == "zh" else lexicon.en_content(text)
        )
        return [(w, frozenset((w,))) for w in words]

    def _stems(self, stems: Iterable[str]) -> list[int]:
        out = []
        for s in stems:
            sid = self.stem_id.get(s)
            if sid is None:
                sid = len(self.stem_id)
                self.stem_id[s] = sid
            out.append(sid)
        return out

    # -- units -------------------------------------------------------------------------

    def translations(self, wid: int) -> set[int]:
        extra = self.learned.get(wid)
        return self.word_trans[wid] | extra if extra else self.word_trans[wid]

    def units(self) -> tuple[Units, Units]:
        """Units of all sentences, keeping only matchable words and tokens (vectorised)."""
        nw = len(self.word_trans)
        trans = [sorted(self.translations(w)) for w in range(nw)]
        tlen = np.array([len(t) for t in trans], dtype=np.int64)
        tptr = np.zeros(nw + 1, dtype=np.int64)
        np.cumsum(tlen, out=tptr[1:])
        tidx = np.fromiter((s for t in trans for s in t), dtype=np.int64, count=int(tptr[-1]))
        covered = np.zeros(len(self.stem_id) + 1, dtype=bool)
        covered[tidx] = True
        # x side: every matchable word is a position, one occurrence per candidate stem.
        x_unit, x_word = _flatten(self.x_words)
        keep = tlen[x_word] > 0
        x_unit, x_word = x_unit[keep], x_word[keep]
        x_n = np.bincount(x_unit, minlength=len(self.x_words)).astype(np.int64)
        x_pos = _positions(x_unit, x_n)
        reps = tlen[x_word]
        occ = np.repeat(np.arange(len(x_word)), reps)
        within = np.arange(int(reps.sum()), dtype=np.int64) - np.repeat(
            np.cumsum(reps) - reps, reps
        )
        x = Units(
            self.x_len.copy(),
            x_n,
            x_unit[occ],
            x_pos[occ],
            tidx[tptr[x_word[occ]] + within],
        )
        # y side: tokens whose stem some Chinese word of the document may translate to.
        y_unit, y_stem = _flatten(self.y_stems)
        keep = covered[y_stem]
        y_unit, y_stem = y_unit[keep], y_stem[keep]
        y_n = np.bincount(y_unit, minlength=len(self.y_stems)).astype(np.int64)
        y = Units(self.y_len.copy(), y_n, y_unit, _positions(y_unit, y_n), y_stem)
        x.qopen, x.qclose = self.x_quotes[:, 0].copy(), self.x_quotes[:, 1].copy()
        y.qopen, y.qclose = self.y_quotes[:, 0].copy(), self.y_quotes[:, 1].copy()
        for u, orphans in ((x, self.x_orphan_numbers), (y, self.y_orphan_numbers)):
            if orphans.any():
                u.orphan_numbers = ORPHAN_NUMBER_WEIGHT * orphans
        return x, y


def _flatten(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    lens = np.fromiter((len(v) for v in lists), dtype=np.int64, count=len(lists))
    unit = np.repeat(np.arange(len(lists), dtype=np.int64), lens)
    vals = np.fromiter((w for v in lists for w in v), dtype=np.int64, count=int(lens.sum()))
    return unit, vals


def _positions(unit: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... within each unit for a unit-sorted occurrence list."""
    start = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=start[1:])
    return np.arange(len(unit), dtype=np.int64) - start[unit]


def _cat(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


LEARN_METHOD = "both"  # "dice" (competitive linking), "ibm1" or "both"
IBM_ROUNDS = 5
IBM_NULL = 0.05
IBM_MIN_PROB = 0.5


def learn_translations(
    feats: LexicalFeatures,
    beads: Sequence[tuple[int, int, int, int]],
    *,
    min_count: int = 2,
    min_dice: float = 0.3,
) -> dict[int, set[int]]:
    """Word pairs that keep co-occurring in aligned beads (the document's own lexicon).

    ``beads`` are (x0, a, y0, b) of confident paired beads. A Chinese word and an English
    stem are paired when they co-occur in at least ``min_count`` beads, their Dice
    coefficient reaches ``min_dice``, and each is the other's best partner (competitive
    linking), which keeps frequent words from pairing with everything. This recovers
    names, terms and the translator's habits that the dictionary lacks.
    """
    if not feats.enabled or not beads:
        return {}
    n_words = len(feats.word_trans)
    n_stems = len(feats.stem_id)
    bead_x = np.full(len(feats.x_words), -1, dtype=np.int64)
    bead_y = np.full(len(feats.y_stems), -1, dtype=np.int64)
    for k, (x0, a, y0, b) in enumerate(beads):
        bead_x[x0 : x0 + a] = k
        bead_y[y0 : y0 + b] = k
    # Distinct (bead, word) and (bead, stem) pairs, sorted by bead.
    xu, xw = _flatten(feats.x_words)
    yu, ys = _flatten(feats.y_stems)
    kw = np.unique(bead_x[xu] * (n_words + 1) + xw)
    kw = kw[kw >= 0]
    ks = np.unique(bead_y[yu] * (n_stems + 1) + ys)
    ks = ks[ks >= 0]
    BW, W = kw // (n_words + 1), kw % (n_words + 1)
    BS, S = ks // (n_stems + 1), ks % (n_stems + 1)
    if len(W) == 0 or len(S) == 0:
        return {}
    cw = np.bincount(W, minlength=n_words)
    cs = np.bincount(S, minlength=n_stems)
    # Join words and stems on the bead id (both sorted by bead).
    starts_s = np.searchsorted(BS, BW, side="left")
    ends_s = np.searchsorted(BS, BW, side="right")
    counts = ends_s - starts_s
    rep = np.repeat(np.arange(len(W)), counts)
    offs = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    pw = W[rep]
    ps = S[starts_s[rep] + offs]
    key = pw * n_stems + ps
    uniq, pid, cnt = np.unique(key, return_inverse=True, return_counts=True)
    w = uniq // n_stems
    s = uniq % n_stems
    ibm = None
    if LEARN_METHOD in ("ibm1", "both"):
        # IBM model 1 (Chinese word -> English stem) over the beads, a few EM rounds.
        g = starts_s[rep] + offs  # which (bead, stem) each triple explains
        t = 1.0 / np.bincount(w, minlength=n_words)[w]
        for _ in range(IBM_ROUNDS):
            z = np.bincount(g, weights=t[pid], minlength=len(S)) + IBM_NULL
            c = np.bincount(pid, weights=t[pid] / z[g], minlength=len(uniq))
            t = c / np.maximum(np.bincount(w, weights=c, minlength=n_words)[w], 1e-12)
        ibm = (t >= IBM_MIN_PROB) & (cnt >= min_count)
    keep = cnt >= min_count
    w, s, cnt = w[keep], s[keep], cnt[keep]
    dice = 2.0 * cnt / (cw[w] + cs[s])
    keep = dice >= min_dice
    w, s, dice = w[keep], s[keep], dice[keep]
    if len(w) == 0 and ibm is None:
        return {}
    # Competitive linking: keep pairs that are best for both the word and the stem.
    best_w = np.zeros(n_words)
    best_s = np.zeros(n_stems)
    np.maximum.at(best_w, w, dice)
    np.maximum.at(best_s, s, dice)
    mutual = (dice >= best_w[w] - 1e-12) & (dice >= best_s[s] - 1e-12)
    if LEARN_METHOD == "ibm1":
        mutual[:] = False
    if ibm is not None:
        extra = np.flatnonzero(ibm)
        w = np.concatenate([w[mutual], uniq[extra] // n_stems])
        s = np.concatenate([s[mutual], uniq[extra] % n_stems])
        mutual = np.ones(len(w), dtype=bool)
    pseudo = {i for word, i in feats.word_id.items() if word.startswith("¶")}
    pseudo_s = {i for stem, i in feats.stem_id.items() if stem.startswith("¶")}
    learned: dict[int, set[int]] = {}
    for wi, si in zip(w[mutual].tolist(), s[mutual].tolist(), strict=False):
        if wi in pseudo or si in pseudo_s:
            continue
        if si not in feats.word_trans[wi]:
            learned.setdefault(wi, set()).add(si)
    return learned
