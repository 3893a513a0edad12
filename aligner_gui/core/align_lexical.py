"""Adapter from the Lexicon API to the aligner's numeric features.

Turns sentences into ``Units``: for the Chinese side, each content word that has at
least one candidate English stem occurring somewhere in the English text of the
document ("matchable"); for the English side, each content token whose stem is a
candidate of some Chinese word of the document. Items are integer stem ids, so the
match join in align_features is pure numpy. A learned translation table (pairs of a
Chinese word and an English stem) can be added on top of the dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .align_features import Units


# Punctuation that survives translation: questions, exclamations, direct speech.
_MARKS = {
    "zh": (("¶?", re.compile(r"[？?]")), ("¶!", re.compile(r"[！!]")),
           ("¶q", re.compile(r"[“「『]")), ("¶-", re.compile(r"——|—|--")),
           ("¶.", re.compile(r"……|…|\.\.\."))),
    "en": (("¶?", re.compile(r"\?")), ("¶!", re.compile(r"!")),
           ("¶q", re.compile(r"(?:^|[\s(\[—-])[\"“‘']")), ("¶-", re.compile(r"—|--| - ")),
           ("¶.", re.compile(r"…|\.\.\."))),
}
MAX_MARKS = 3


def punct_marks(text: str, lang: str) -> list[str]:
    """Pseudo-words for punctuation cues, at most MAX_MARKS of each kind."""
    out: list[str] = []
    for token, pattern in _MARKS.get(lang, ()):
        out.extend([token] * min(MAX_MARKS, len(pattern.findall(text))))
    return out


def _zh_len(text: str) -> float:
    return float(sum(1 for c in text if not c.isspace()))


def _en_len(text: str) -> float:
    return float(len(text))


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
    ) -> None:
        self.x_len = np.array([text_length(t, x_lang) for t in x_texts], dtype=np.float64)
        self.y_len = np.array([text_length(t, y_lang) for t in y_texts], dtype=np.float64)
        self.enabled = lexicon is not None
        self.stem_id: dict[str, int] = {}
        self.word_id: dict[str, int] = {}
        self.x_words: list[list[int]] = []
        self.y_stems: list[list[int]] = []
        self.word_trans: list[set[int]] = []
        self.learned: dict[int, set[int]] = {}
        if not self.enabled:
            self.x_words = [[] for _ in x_texts]
            self.y_stems = [[] for _ in y_texts]
            return
        self.y_stems = [
            self._stems(self._content(lexicon, t, y_lang) + punct_marks(t, y_lang)) for t in y_texts
        ]
        for text in x_texts:
            ids = []
            marks = [(m, frozenset((m,))) for m in punct_marks(text, x_lang)]
            for word, cands in list(self._xcontent(lexicon, text, x_lang)) + marks:
                wid = self.word_id.get(word)
                if wid is None:
                    wid = len(self.word_trans)
                    self.word_id[word] = wid
                    known = {self.stem_id[s] for s in cands if s in self.stem_id}
                    self.word_trans.append(known)
                ids.append(wid)
            self.x_words.append(ids)

    # -- tokenisation ----------------------------------------------------------------

    @staticmethod
    def _content(lexicon: Any, text: str, lang: str) -> list[str]:
        if lang == "zh":
            return [w for w, _c in lexicon.zh_content(text)]
        return list(lexicon.en_content(text))

    @staticmethod
    def _xcontent(lexicon: Any, text: str, lang: str) -> Iterable[tuple[str, frozenset[str]]]:
        if lang == "zh":
            return lexicon.zh_content(text)
        # Same-language pair (or English as x): words translate to themselves.
        return [(s, frozenset((s,))) for s in lexicon.en_content(text)]

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
        """Units of all sentences, keeping only matchable words and tokens."""
        nw = len(self.word_trans)
        trans = [self.translations(w) for w in range(nw)]
        covered = np.zeros(len(self.stem_id) + 1, dtype=bool)
        for t in trans:
            if t:
                covered[list(t)] = True
        trans_arr = [np.fromiter(sorted(t), dtype=np.int64, count=len(t)) for t in trans]
        # x side
        xu: list[np.ndarray] = []
        xp: list[np.ndarray] = []
        xi: list[np.ndarray] = []
        x_n = np.zeros(len(self.x_words), dtype=np.int64)
        for u, words in enumerate(self.x_words):
            pos = 0
            for w in words:
                arr = trans_arr[w]
                if len(arr) == 0:
                    continue
                xi.append(arr)
                xp.append(np.full(len(arr), pos, dtype=np.int64))
                xu.append(np.full(len(arr), u, dtype=np.int64))
                pos += 1
            x_n[u] = pos
        x = Units(self.x_len.copy(), x_n, _cat(xu), _cat(xp), _cat(xi))
        # y side
        yu: list[int] = []
        yp: list[int] = []
        yi: list[int] = []
        y_n = np.zeros(len(self.y_stems), dtype=np.int64)
        for u, stems in enumerate(self.y_stems):
            pos = 0
            for s in stems:
                if covered[s]:
                    yu.append(u)
                    yp.append(pos)
                    yi.append(s)
                    pos += 1
            y_n[u] = pos
        y = Units(
            self.y_len.copy(),
            y_n,
            np.asarray(yu, dtype=np.int64),
            np.asarray(yp, dtype=np.int64),
            np.asarray(yi, dtype=np.int64),
        )
        return x, y


def _cat(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


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
    bw: list[np.ndarray] = []
    bs: list[np.ndarray] = []
    bid_w: list[np.ndarray] = []
    bid_s: list[np.ndarray] = []
    for k, (x0, a, y0, b) in enumerate(beads):
        words = np.unique(np.fromiter((w for i in range(x0, x0 + a) for w in feats.x_words[i]), np.int64))
        stems = np.unique(np.fromiter((s for j in range(y0, y0 + b) for s in feats.y_stems[j]), np.int64))
        if len(words) == 0 or len(stems) == 0:
            continue
        bw.append(words)
        bs.append(stems)
        bid_w.append(np.full(len(words), k, dtype=np.int64))
        bid_s.append(np.full(len(stems), k, dtype=np.int64))
    if not bw:
        return {}
    W = _cat(bw)
    S = _cat(bs)
    BW = _cat(bid_w)
    BS = _cat(bid_s)
    n_words = len(feats.word_trans)
    n_stems = len(feats.stem_id)
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
    uniq, cnt = np.unique(key, return_counts=True)
    w = uniq // n_stems
    s = uniq % n_stems
    keep = cnt >= min_count
    w, s, cnt = w[keep], s[keep], cnt[keep]
    dice = 2.0 * cnt / (cw[w] + cs[s])
    keep = dice >= min_dice
    w, s, dice = w[keep], s[keep], dice[keep]
    if len(w) == 0:
        return {}
    # Competitive linking: keep pairs that are best for both the word and the stem.
    best_w = np.zeros(n_words)
    best_s = np.zeros(n_stems)
    np.maximum.at(best_w, w, dice)
    np.maximum.at(best_s, s, dice)
    mutual = (dice >= best_w[w] - 1e-12) & (dice >= best_s[s] - 1e-12)
    learned: dict[int, set[int]] = {}
    for wi, si in zip(w[mutual].tolist(), s[mutual].tolist()):
        if si not in feats.word_trans[wi]:
            learned.setdefault(wi, set()).add(si)
    return learned
