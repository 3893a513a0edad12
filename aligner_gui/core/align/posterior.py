"""Bead posteriors over a band: forward-backward in log space over the same costs.

The Viterbi path is the single cheapest segmentation; the posterior of a bead sums the
probability (exp of minus cost) of every segmentation in the band that uses it. It is
the aligner's confidence for a bead: on mac-dev it separates right from wrong beads
better than the Viterbi margin (AUC 0.85 vs 0.77) and is close to calibrated.
(Decoding for the most expected correct beads instead of Viterbi was tried: no gain.)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner_gui.core.align.dp import FORBIDDEN, Band

BeadType = tuple[int, int]


def _lse(a: np.ndarray, axis: int = 0) -> np.ndarray:
    m = np.max(a, axis=axis)
    safe = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = safe + np.log(np.sum(np.exp(a - np.expand_dims(safe, axis)), axis=axis))
    return np.where(np.isfinite(m), out, -np.inf)


def posteriors(
    band: Band, types: Sequence[BeadType], costs: Sequence[np.ndarray], temp: float = 1.0
) -> list[np.ndarray]:
    """P(bead of types[t] ends at cell k) for every type and band cell.

    Memory: every per-type array of the band is made once, stacked by row type, and
    freed as soon as the pass that reads it is done (a 20,000-verse band with 18 bead
    types is 2.7 MB an array; copies of them all made the posteriors the peak of a
    whole alignment).
    """
    nx = band.nx
    K = band.ncells
    t01 = list(types).index((0, 1))
    row_types = [t for t, (a, _b) in enumerate(types) if a >= 1]
    row_of = {t: r for r, t in enumerate(row_types)}

    def score(t: int) -> np.ndarray:  # log-score of a bead of type t ending at each cell
        return -np.asarray(costs[t], dtype=np.float64) / temp

    # Stacked per row type, like banded_dp: gathers and scores of the beads into every cell.
    # (Cell indices fit 32 bits: half the memory of the two largest arrays of the pass.)
    index_type = np.int32 if K < 2**31 - 1 else np.int64
    prev_rt = np.empty((len(row_types), K), dtype=index_type)
    sc_in = np.empty((len(row_types), K), dtype=np.float64)
    for k, t in enumerate(row_types):
        a, b = types[t]
        prev_rt[k] = band.index(band.rows - a, band.cols - b)
        sc_in[k] = score(t)
    off = band.off
    sc01 = score(t01)
    c01 = np.maximum(sc01, -FORBIDDEN)  # keep the in-row scans finite
    # Forward: F[k] = log-sum of all paths from the start to cell k.
    F = np.full(K + 1, -np.inf)
    s0, e0 = int(off[0]), int(off[1])
    row = c01[s0:e0].copy()
    row[0] = 0.0
    F[s0:e0] = np.cumsum(row)
    for i in range(1, nx + 1):
        s, e = int(off[i]), int(off[i + 1])
        best = _lse(F[prev_rt[:, s:e]] + sc_in[:, s:e], 0)
        if e - s > 1:
            cs = np.zeros(e - s)
            np.cumsum(c01[s + 1 : e], out=cs[1:])
            with np.errstate(invalid="ignore"):
                F[s:e] = np.logaddexp.accumulate(best - cs) + cs
        else:
            F[s:e] = best
    # Backward: B[k] = log-sum of all completions from cell k to the end. The successors
    # of every cell are gathered for this pass only, and the scores of the beads out of a
    # row are read through them row by row (a stacked copy would be the pass's peak).
    succ_rt = np.empty((len(row_types), K), dtype=index_type)
    for k, t in enumerate(row_types):
        a, b = types[t]
        succ_rt[k] = band.index(band.rows + a, band.cols + b)
    sc_ext = np.concatenate([sc_in, np.full((len(row_types), 1), -np.inf)], axis=1).ravel()
    del sc_in  # sc_ext holds the same scores, with -inf at each row type's sentinel
    row_base = (np.arange(len(row_types), dtype=np.int64) * (K + 1))[:, None]
    B = np.full(K + 1, -np.inf)
    for i in range(nx, -1, -1):
        s, e = int(off[i]), int(off[i + 1])
        succ = succ_rt[:, s:e]
        r = _lse(B[succ] + sc_ext[row_base + succ], 0)
        if i == nx:
            r[-1] = 0.0
        if e - s > 1:
            d = -c01[s + 1 : e]  # cost of the (0, 1) step from column j to j + 1
            P = np.zeros(e - s)
            np.cumsum(d, out=P[1:])
            with np.errstate(invalid="ignore"):
                V = np.logaddexp.accumulate((r - P)[::-1])[::-1]
            B[s:e] = V + P
        else:
            B[s:e] = r
    del succ_rt
    end = int(band.index(np.array(nx), np.array(band.ny)))
    log_z = F[end]
    out = []
    for t, (a, b) in enumerate(types):
        if t in row_of:
            r0 = row_of[t] * (K + 1)
            prev, sc = prev_rt[row_of[t]], sc_ext[r0 : r0 + K]
        else:
            prev, sc = band.index(band.rows - a, band.cols - b), score(t)
        with np.errstate(invalid="ignore"):
            post = np.exp(F[prev] + sc + B[:-1] - log_z)
        out.append(np.where(np.isfinite(post), post, 0.0))
    return out
