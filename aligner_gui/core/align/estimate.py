"""Alignment parameters measured on the text: per-level match rates, second-pass estimates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from aligner_gui.core.align.cost import Params, default_prior
from aligner_gui.core.align.dp import Band
from aligner_gui.core.align.features import PairMasks, Units, popcount
from aligner_gui.core.align.run import UnitBead, _Run

# Weight (in beads) of the default bead-type prior against the first pass's counts.
PRIOR_STRENGTH = 50.0
# Half-window (in paired beads) of the local length ratio; 0 = one ratio per document.
LOCAL_RATIO_BEADS = 60
# Half-window (in paired beads) of the local match rates, and their prior weight (words).
LOCAL_MATCH_BEADS = 60
MATCH_PRIOR_WORDS = 50.0


def with_chance_rates(params: Params, x: Units, y: Units, band: Band, masks: PairMasks) -> Params:
    """Chance match rates (q1) measured on pairs well off the expected path.

    The rates depend on the unit size and on which items are kept, so every level of
    the coarse-to-fine search measures its own; tiny grids keep the given ones.
    """
    P = masks.npairs
    if P == 0:
        return params
    i = np.repeat(np.arange(x.n, dtype=np.int64), np.diff(masks.poff))
    j = np.arange(P, dtype=np.int64) - masks.poff[i] + masks.plo[i]
    # Expected column of row i: middle of the band rows i..i+1 (diagonal for full grids).
    if band.ncells == (band.nx + 1) * (band.ny + 1):
        center = (i + 0.5) * (y.n / max(x.n, 1))
    else:
        center = (band.lo[i] + band.hi[i + 1]) / 2.0
    far = np.abs(j - center) >= max(
        5.0, 0.05 * y.n if band.ncells == (band.nx + 1) * (band.ny + 1) else 5.0
    )
    if far.sum() < 50:
        return params
    idx = np.flatnonzero(far)
    nxy = float((x.n_items[i[idx]].astype(np.float64) * y.n_items[j[idx]]).sum())
    if nxy <= 0:
        return params
    mx = float(popcount(masks.mask_x[idx]).sum())
    my = float(popcount(masks.mask_y[idx]).sum())
    return params.with_(
        q1x=float(np.clip(mx / nxy, 1e-5, 0.2)), q1y=float(np.clip(my / nxy, 1e-5, 0.2))
    )


def with_match_rates(params: Params, x: Units, y: Units, masks: PairMasks) -> Params:
    """Match rates of true translations at a coarse level: the best pair of each row.

    Coarse units keep only the less frequent words, so their coverage differs from the
    sentence level's; the best-covered partner of a block is nearly always its
    translation, which gives a cheap estimate without a second DP.
    """
    P = masks.npairs
    if P == 0 or x.n < 5:
        return params
    i = np.repeat(np.arange(x.n, dtype=np.int64), np.diff(masks.poff))
    j = np.arange(P, dtype=np.int64) - masks.poff[i] + masks.plo[i]
    mx = popcount(masks.mask_x[:P]).sum(axis=1).astype(np.float64)
    my = popcount(masks.mask_y[:P]).sum(axis=1).astype(np.float64)
    cov = (mx + my) / np.maximum(x.n_items[i] + y.n_items[j], 1)
    best = np.full(x.n, -1.0)
    np.maximum.at(best, i, cov)
    # The pair reaching each row's best coverage.
    is_best = cov >= best[i] - 1e-12
    first = np.zeros(P, dtype=bool)
    idx = np.flatnonzero(is_best)
    _u, pos = np.unique(i[idx], return_index=True)
    first[idx[pos]] = True
    nx_sum = float(x.n_items[i[first]].sum())
    ny_sum = float(y.n_items[j[first]].sum())
    if nx_sum < 20 or ny_sum < 20:
        return params
    px = float(np.clip(mx[first].sum() / nx_sum, 0.02, 0.95))
    py = float(np.clip(my[first].sum() / ny_sum, 0.02, 0.95))
    return params.with_(px=px, py=py)


# The first pass's length ratio (y characters per x character) stays in this range: the
# whole texts' ratio is no estimate when one side is a partial translation (3 English
# sentences against a 23-sentence Chinese text gave 0.65, and the aligner spread the
# English over the whole Chinese instead of its first five sentences; a 2-sentence
# Chinese text against a long English one gave 28.6). Faithful pairs measured 3.0-6.9
# (Chinese x, English y: mac-dev's chapters 3.6-6.9, bible 001-003 4.4-4.5, the seed 3.9,
# news 3.0-4.8); the second pass re-estimates the ratio from the paired beads. Inside one
# paragraph the search band still follows the paragraph's own ratio: a partial
# translation written as one paragraph is not helped.
RATIO_RANGE = (1.5, 10.0)


def initial_params(x: Units, y: Units) -> Params:
    lx, ly = float(x.length.sum()), float(y.length.sum())
    ratio = ly / lx if lx > 0 and ly > 0 else 1.0
    ratio = min(max(ratio, RATIO_RANGE[0]), RATIO_RANGE[1])
    prior = default_prior(x.n + y.n)
    return Params(ratio=ratio, prior=prior, base_prior=dict(prior))


def estimate_params(base: Params, beads: Sequence[UnitBead], run: _Run) -> Params:
    """Re-estimate ratio, variance, match rates and type priors from first-pass beads."""
    stats = np.array([b.stats for b in beads if b.a and b.b and b.stats], dtype=np.float64)
    if len(stats) < 5:
        return base
    lx, ly, nx, ny, mx, my, ox, oy, cx, cy = stats.T
    ratio = float(ly.sum() / max(lx.sum(), 1.0))
    mean = (ratio * lx + ly) / 2.0
    delta2 = (ly - ratio * lx) ** 2 / np.maximum(mean, 1.0)
    # Robust variance: the median of delta^2 of a normal is 0.455 sigma^2.
    s2 = float(np.clip(np.median(delta2) / 0.455, 2.0, 40.0))
    changes: dict[str, Any] = {"ratio": ratio, "s2": s2}
    if nx.sum() > 20 and ny.sum() > 20:
        q1x, q1y = base.q1x, base.q1y
        mxo, myo, nxy, npairs = run.offpath
        if npairs > 10 and nxy > 0:
            q1x = float(np.clip(mxo / nxy, 1e-4, 0.2))
            q1y = float(np.clip(myo / nxy, 1e-4, 0.2))
            changes["q1x"], changes["q1y"] = q1x, q1y
        # Observed coverage mixes true and chance matches: P(match) = 1-(1-p)(1-q).
        for key, m, n, n_other, q1 in (("px", mx, nx, ny, q1x), ("py", my, ny, nx, q1y)):
            chance = n * (1.0 - np.power(1.0 - q1, n_other))
            p_true = (m.sum() - chance.sum()) / max(n.sum() - chance.sum(), 1.0)
            changes[key] = float(np.clip(p_true, 0.05, 0.95))
    if ox.min() >= 0:
        changes["quote_open"] = _agreement_llr(ox, oy)
        changes["quote_close"] = _agreement_llr(cx, cy)
    counts: dict[tuple[int, int], float] = {}
    for b in beads:
        counts[(b.a, b.b)] = counts.get((b.a, b.b), 0.0) + 1.0
    total = sum(counts.values())
    alpha = PRIOR_STRENGTH  # strength of the default prior, in beads
    prior = {
        t: (counts.get(t, 0.0) + alpha * p) / (total + alpha) for t, p in base.base_prior.items()
    }
    changes["prior"] = prior
    return base.with_(**changes)


def _agreement_llr(u: np.ndarray, v: np.ndarray) -> tuple[float, float]:
    """LLRs of two binary cues agreeing / disagreeing in aligned beads vs. by chance."""
    if len(u) < 20:
        return (0.0, 0.0)
    p = float(np.clip(np.mean(u == v), 0.02, 0.98))
    pu, pv = float(u.mean()), float(v.mean())
    q = float(np.clip(pu * pv + (1 - pu) * (1 - pv), 0.02, 0.98))
    return (
        float(np.clip(np.log(p / q), -3.0, 3.0)),
        float(np.clip(np.log((1 - p) / (1 - q)), -3.0, 3.0)),
    )


def local_match_rates(beads: Sequence[UnitBead], nx: int, p: Params) -> np.ndarray:
    """True-translation match rates (px, py) along the document, shrunk to the global ones.

    Translators (and chapters) differ in how literally they translate; a window of
    paired beads measures it locally, net of chance matches.
    """
    out = np.tile(np.array([p.px, p.py]), (nx, 1))
    paired = sorted((b for b in beads if b.a and b.b and b.stats), key=lambda b: b.x0)
    if len(paired) < 2 * LOCAL_MATCH_BEADS:
        return out
    st = np.array([b.stats[:6] for b in paired], dtype=np.float64)
    lx, ly, n_x, n_y, m_x, m_y = st.T
    starts = np.array([b.x0 for b in paired])
    idx = np.clip(np.searchsorted(starts, np.arange(nx), side="right") - 1, 0, len(paired) - 1)
    k = np.arange(len(paired))
    lo = np.clip(k - LOCAL_MATCH_BEADS, 0, len(paired))
    hi = np.clip(k + LOCAL_MATCH_BEADS + 1, 0, len(paired))
    for col, m, n, n_other, q1, glob in (
        (0, m_x, n_x, n_y, p.q1x, p.px),
        (1, m_y, n_y, n_x, p.q1y, p.py),
    ):
        chance = n * (1.0 - np.power(1.0 - q1, n_other))
        cm = np.concatenate([[0.0], np.cumsum(m - chance)])
        cn = np.concatenate([[0.0], np.cumsum(n - chance)])
        num = cm[hi] - cm[lo] + MATCH_PRIOR_WORDS * glob
        den = cn[hi] - cn[lo] + MATCH_PRIOR_WORDS
        out[:, col] = np.clip(num / np.maximum(den, 1.0), 0.05, 0.95)[idx]
    return out


def local_ratio(beads: Sequence[UnitBead], nx: int, default: float) -> np.ndarray:
    """Length ratio along the document: y/x characters over nearby paired beads.

    Books mix translators, dialogue and description; a ratio learned over a window of
    beads follows those shifts where one document-wide ratio cannot.
    """
    paired = sorted((b for b in beads if b.a and b.b and b.stats), key=lambda b: b.x0)
    out = np.full(nx, default, dtype=np.float64)
    if len(paired) < 2 * LOCAL_RATIO_BEADS:
        return out
    lx = np.array([b.stats[0] for b in paired])
    ly = np.array([b.stats[1] for b in paired])
    cx = np.concatenate([[0.0], np.cumsum(lx)])
    cy = np.concatenate([[0.0], np.cumsum(ly)])
    k = np.arange(len(paired))
    lo = np.clip(k - LOCAL_RATIO_BEADS, 0, len(paired))
    hi = np.clip(k + LOCAL_RATIO_BEADS + 1, 0, len(paired))
    r = (cy[hi] - cy[lo]) / np.maximum(cx[hi] - cx[lo], 1.0)
    starts = np.array([b.x0 for b in paired])
    # Each x unit takes the ratio of the nearest paired bead at or before it.
    idx = np.clip(np.searchsorted(starts, np.arange(nx), side="right") - 1, 0, len(paired) - 1)
    return r[idx]
