"""Bead costs: length agreement, lexical translation evidence and bead-type priors.

The cost of a bead is a negative log-likelihood ratio "aligned vs. unrelated":

* lexical: every matchable Chinese word of the bead is matched (one of its candidate
  English stems occurs on the other side) with probability ``px`` if the bead is a
  true translation, and with ``1 - (1 - q1x) ** n_tokens`` by chance, where n_tokens is
  the number of matchable English tokens in the bead; symmetrically for English tokens.
  Merged sentences are scored as one unit (exact coverage via ORed masks), so a 1-3
  bead earns its extra cost only through evidence, and chance matches grow with size.
* length: Gale-Church's delta with a per-document character ratio.
* type prior: -log P(type), re-estimated per document after the first pass.

All parameters are re-estimated from the document itself after a first pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np

from aligner_gui.core.align.dp import Band
from aligner_gui.core.align.features import PairMasks, Units, popcount

BeadType = tuple[int, int]

BEAD_TYPES: tuple[BeadType, ...] = (
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (2, 2),
    (2, 3),
    (3, 2),
    (1, 5),
    (5, 1),
    (3, 3),
    (2, 4),
    (4, 2),
    (1, 6),
    (6, 1),
)
# Runs of k unaligned x units as one bead (level-0 DPs only; split into 1-0 beads).
RUN_TYPES: tuple[BeadType, ...] = tuple((k, 0) for k in range(2, 7))
RUN_FACTOR = 0.9
COARSE_TYPES: tuple[BeadType, ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2))

# Prior probabilities of bead types (x = Chinese side), before per-document learning.
DEFAULT_PRIOR: dict[BeadType, float] = {
    (1, 1): 0.70,
    (1, 0): 0.01,
    (0, 1): 0.01,
    (1, 2): 0.08,
    (2, 1): 0.08,
    (1, 3): 0.02,
    (3, 1): 0.02,
    (1, 4): 0.005,
    (4, 1): 0.005,
    (2, 2): 0.02,
    (2, 3): 0.005,
    (3, 2): 0.005,
    (1, 5): 0.002,
    (5, 1): 0.002,
    (3, 3): 0.002,
    (2, 4): 0.002,
    (4, 2): 0.002,
    (1, 6): 0.001,
    (6, 1): 0.001,
}

# A short text (a news article) has too few beads to learn its own rate of untranslated
# sentences, so its default decides: literary and Bible translation drop about one
# sentence in a hundred (DEFAULT_PRIOR), news translation far more (the seed drops 4 of
# its 24 English sentences). Texts of fewer than SHORT_TEXT_SENTENCES sentences (both sides)
# start from SHORT_TEXT_OMISSION for 1-0 and 0-1 beads. On 25-bead pieces of mac-dev's gold
# with one translation deleted (benchmarks/short_texts.py): recall of the orphan 0.45 ->
# 0.59, precision 0.86 -> 0.82, intact pieces' strict F1 0.906 -> 0.902 (40-bead pieces:
# 0.34 -> 0.53, 0.91 -> 0.78, 0.910 -> 0.907). mac-dev's chapters and the Bible's books are
# longer: their figures do not move.
SHORT_TEXT_SENTENCES = 200
SHORT_TEXT_OMISSION = 0.03


def default_prior(sentences: int) -> dict[BeadType, float]:
    """The bead-type prior a text of ``sentences`` sentences (both sides) starts from."""
    prior = dict(DEFAULT_PRIOR)
    if sentences < SHORT_TEXT_SENTENCES:
        prior[(1, 0)] = prior[(0, 1)] = SHORT_TEXT_OMISSION
    return prior


@dataclass
class Params:
    ratio: float = 1.0  # y characters per x character
    s2: float = 7.0  # Gale-Church variance of the length difference
    px: float = 0.45
    q1x: float = 0.01
    py: float = 0.45
    q1y: float = 0.01
    w_len: float = 0.75
    w_lex: float = 0.3
    prior: dict[BeadType, float] = field(default_factory=lambda: dict(DEFAULT_PRIOR))
    # What the document's own bead counts are mixed with when the priors are re-estimated
    # (estimate.PRIOR_STRENGTH beads of it): DEFAULT_PRIOR, or a short text's (default_prior).
    base_prior: dict[BeadType, float] = field(default_factory=lambda: dict(DEFAULT_PRIOR))
    # Log-likelihood ratios of the bead's two sides agreeing / disagreeing on opening
    # (first sentences) and closing (last sentences) a quotation; learned per document.
    quote_open: tuple[float, float] = (0.0, 0.0)
    quote_close: tuple[float, float] = (0.0, 0.0)

    def type_cost(self, t: BeadType) -> float:
        p = self.prior.get(t, 1e-4)
        return float(-np.log(max(p, 1e-6)) + np.log(self.prior[(1, 1)]))

    def with_(self, **changes) -> Params:
        return replace(self, **changes)


class Cells(Protocol):
    """Grid cells where beads end: a Band, or any rows/cols arrays of equal length."""

    rows: np.ndarray
    cols: np.ndarray
    ncells: int


class OffsetCache:
    """Pair-mask row indices of (I - 1 - da, J - 1 - db) for all band cells, memoised."""

    def __init__(self, band: Cells, masks: PairMasks | None) -> None:
        self.band = band
        self.masks = masks
        self._idx: dict[tuple[int, int], np.ndarray] = {}

    def get(self, da: int, db: int) -> np.ndarray:
        key = (da, db)
        if key not in self._idx:
            assert self.masks is not None
            idx = self.masks.index(self.band.rows - 1 - da, self.band.cols - 1 - db)
            self._idx[key] = idx.astype(np.int32) if self.masks.npairs < 2**31 - 1 else idx
        return self._idx[key]


def _prefix(a: np.ndarray) -> np.ndarray:
    out = np.zeros(len(a) + 1, dtype=np.float64)
    np.cumsum(a, out=out[1:])
    return out


def span_sums(x: Units, y: Units, band: Cells, a: int, b: int):
    """Lengths and matchable counts of the bead (a, b) ending at each band cell."""
    ends_x, ends_y = band.rows, band.cols
    valid = (ends_x >= a) & (ends_y >= b)
    starts_x = np.where(valid, ends_x - a, 0)
    starts_y = np.where(valid, ends_y - b, 0)
    px_len, py_len = _prefix(x.length), _prefix(y.length)
    px_n, py_n = _prefix(x.n_items), _prefix(y.n_items)
    lx = px_len[ends_x] - px_len[starts_x]
    ly = py_len[ends_y] - py_len[starts_y]
    nx = px_n[ends_x] - px_n[starts_x]
    ny = py_n[ends_y] - py_n[starts_y]
    return valid, lx, ly, nx, ny


def matched_counts(cache: OffsetCache, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact matched-word counts of bead (a, b) at every cell, both directions."""
    masks = cache.masks
    assert masks is not None
    mx = np.zeros(cache.band.ncells, dtype=np.float64)
    my = np.zeros(cache.band.ncells, dtype=np.float64)
    for da in range(a):
        acc = masks.mask_x[cache.get(da, 0)]
        for db in range(1, b):
            acc = acc | masks.mask_x[cache.get(da, db)]
        mx += popcount(acc).sum(axis=1)
    for db in range(b):
        acc = masks.mask_y[cache.get(0, db)]
        for da in range(1, a):
            acc = acc | masks.mask_y[cache.get(da, db)]
        my += popcount(acc).sum(axis=1)
    return mx, my


def length_cost(lx: np.ndarray, ly: np.ndarray, p: Params, ratio=None) -> np.ndarray:
    r = p.ratio if ratio is None else ratio
    mean = (r * lx + ly) / 2.0
    delta = (ly - r * lx) / np.sqrt(p.s2 * np.maximum(mean, 1.0))
    return np.minimum(0.5 * delta * delta, 50.0)


def lexical_llr(
    mx: np.ndarray,
    my: np.ndarray,
    nx: np.ndarray,
    ny: np.ndarray,
    p: Params,
    local: np.ndarray | None = None,
) -> np.ndarray:
    """log P(matches | aligned) - log P(matches | unrelated), both directions.

    ``local`` (cells x 2) replaces the document-wide match rates (px, py) per cell.
    """
    out = np.zeros_like(mx)
    pxs = p.px if local is None else local[:, 0]
    pys = p.py if local is None else local[:, 1]
    for m, n, n_other, pa, q1 in ((mx, nx, ny, pxs, p.q1x), (my, ny, nx, pys, p.q1y)):
        q = 1.0 - np.power(1.0 - q1, n_other)
        q = np.clip(q, 1e-4, 0.98)
        pa_ = 1.0 - (1.0 - pa) * (1.0 - q)  # a true translation also matches by chance
        out += m * np.log(pa_ / q) + (n - m) * np.log((1.0 - pa_) / (1.0 - q))
    return out


def bead_cost_arrays(
    x: Units,
    y: Units,
    band: Band,
    masks: PairMasks | None,
    params: Params,
    types: Sequence[BeadType],
) -> np.ndarray:
    """Cost of every bead type at every band cell (inf where the bead cannot end there):
    row t of the (types, cells) array is ``types[t]``'s. One array, so that the DP reads
    it as it is rather than stacking a copy (on a corpus-sized band the largest array)."""
    cache = OffsetCache(band, masks)
    lexical = masks is not None and masks.npairs > 0
    out = np.empty((len(types), band.ncells), dtype=np.float64)
    for t, (a, b) in enumerate(types):
        cost = out[t]
        valid, lx, ly, nx, ny = span_sums(x, y, band, a, b)
        if band.start_x is not None and band.start_y is not None:
            valid &= (band.rows - a >= band.start_x) & (band.cols - b >= band.start_y)
        if a >= 2 and b == 0:
            # A run of a unaligned x units (one omission of several sentences): the
            # first costs a 1-0 bead, each further one only RUN_FACTOR of that.
            c10 = params.type_cost((1, 0))
            cost.fill(c10 * (1.0 + RUN_FACTOR * (a - 1)))
            for k in range(a):
                _apply_cues(cost, x, band.rows - k, 1, 0)
            cost[~valid] = np.inf
            continue
        cost.fill(params.type_cost((a, b)))
        _apply_cues(cost, x, band.rows, a, b)
        _apply_cues(cost, y, band.cols, b, a)
        if max(a, b) >= 2 and min(a, b) >= 1:
            _changed_numbers(cost, x, band.rows, a, y, band.cols, b)
        if a == 1 and b >= 1:
            _apply_pair_penalty(cost, x, y, band.rows, band.cols, b)
        if b == 1 and a >= 1:
            _apply_pair_penalty(cost, y, x, band.cols, band.rows, a)
        if a and b:
            ratio = None
            if x.ratio is not None and x.n:
                ratio = x.ratio[np.clip(band.rows - 1, 0, x.n - 1)]
            cost += params.w_len * length_cost(lx, ly, params, ratio)
            cost -= quote_llr(x, y, band, a, b, params)
            if lexical:
                mx, my = matched_counts(cache, a, b)
                local = None
                if x.match_rate is not None and x.n:
                    local = x.match_rate[np.clip(band.rows - 1, 0, x.n - 1)]
                cost -= params.w_lex * lexical_llr(mx, my, nx, ny, params, local)
        if a and b:
            for u, ends, k in ((x, band.rows, a), (y, band.cols, b)):
                if u.forced is not None:
                    pre = _prefix(u.forced.astype(np.float64))
                    hi = np.clip(ends, 0, u.n)
                    cost[pre[hi] - pre[np.clip(ends - k, 0, u.n)] > 0] = np.inf
        cost[~valid] = np.inf
    return out


def _orphans(u: Units, ends: np.ndarray, k: int) -> np.ndarray | None:
    """Orphaned numbers of the k units ending at each of ``ends`` (None: there are none)."""
    if u.orphan_numbers is None or not u.n:
        return None
    pre = _prefix(u.orphan_numbers)
    return pre[np.clip(ends, 0, u.n)] - pre[np.clip(ends - k, 0, u.n)]


def _changed_numbers(cost: np.ndarray, x: Units, x_ends: np.ndarray, a: int,
                     y: Units, y_ends: np.ndarray, b: int) -> None:
    """Give back the merge penalty of orphaned numbers the other side of the bead answers
    with orphans of its own: a figure changed in translation ("48 light-years" as 84光年),
    not a sentence whose translation was lost. Without this the changed figure's sentence
    pair split off its neighbour, which came out an addition."""
    mine = _orphans(x if a >= 2 else y, x_ends if a >= 2 else y_ends, a if a >= 2 else b)
    theirs = _orphans(y if a >= 2 else x, y_ends if a >= 2 else x_ends, b if a >= 2 else a)
    if mine is None or theirs is None:
        return
    cost -= np.minimum(mine, theirs)
    if a >= 2 and b >= 2:  # both sides merged: both were charged
        cost -= np.minimum(mine, theirs)


def _apply_cues(cost: np.ndarray, u: Units, ends: np.ndarray, k: int, other: int) -> None:
    """Per-unit skip discounts (for 1-0 beads) and merge penalties (for k >= 2)."""
    if k == 1 and other == 0 and u.skip_bonus is not None and u.n:
        idx = np.clip(ends - 1, 0, u.n - 1)
        cost -= np.where(ends >= 1, u.skip_bonus[idx], 0.0)
    if k >= 2 and other >= 1 and u.orphan_numbers is not None and u.n:
        pre = _prefix(u.orphan_numbers)
        hi = np.clip(ends, 0, u.n)
        lo = np.clip(ends - k, 0, u.n)
        cost += pre[hi] - pre[lo]
    if k >= 2 and u.para_start is not None and u.n:
        pre = _prefix(u.para_start)
        hi = np.clip(ends, 0, u.n)
        lo = np.clip(ends - k + 1, 0, u.n)
        cost += pre[hi] - pre[lo]
    if k >= 2 and u.merge_penalty is not None and u.n:
        pre = _prefix(u.merge_penalty)
        hi = np.clip(ends, 0, u.n)
        lo = np.clip(ends - k, 0, u.n)
        cost += pre[hi] - pre[lo]


def _apply_pair_penalty(
    cost: np.ndarray, u: Units, other: Units, ends: np.ndarray, other_ends: np.ndarray, k: int
) -> None:
    """u's pairing penalty on beads of one u unit and k others, unless the one other unit
    is furniture too (an English "Editor's note" translated as 编者注) or pairs as such (a
    Chinese title line with the English headline)."""
    if u.pair_penalty is None or not u.n:
        return
    penalty = np.where(ends >= 1, u.pair_penalty[np.clip(ends - 1, 0, u.n - 1)], 0.0)
    if k == 1 and other.n:
        at = np.clip(other_ends - 1, 0, other.n - 1)
        if other.skip_bonus is not None:
            penalty = np.where(other.skip_bonus[at] > 0, 0.0, penalty)
        if other.pairs_as_furniture is not None:
            penalty = np.where(other.pairs_as_furniture[at], 0.0, penalty)
    cost += penalty


def quote_edges_of(x: Units, y: Units, rows: np.ndarray, cols: np.ndarray, a: int, b: int):
    """(open x, open y, close x, close y) of beads (a, b) ending at the given cells."""
    if x.qopen is None or y.qopen is None or x.qclose is None or y.qclose is None:
        return None
    if not x.n or not y.n:
        return None
    first_x = np.clip(rows - a, 0, x.n - 1)
    first_y = np.clip(cols - b, 0, y.n - 1)
    last_x = np.clip(rows - 1, 0, x.n - 1)
    last_y = np.clip(cols - 1, 0, y.n - 1)
    return x.qopen[first_x], y.qopen[first_y], x.qclose[last_x], y.qclose[last_y]


def quote_llr(x: Units, y: Units, band: Band, a: int, b: int, p: Params) -> np.ndarray | float:
    edges = quote_edges_of(x, y, band.rows, band.cols, a, b)
    if edges is None or (p.quote_open == (0.0, 0.0) and p.quote_close == (0.0, 0.0)):
        return 0.0
    ox, oy, cx, cy = edges
    return np.where(ox == oy, p.quote_open[0], p.quote_open[1]) + np.where(
        cx == cy, p.quote_close[0], p.quote_close[1]
    )
