"""Banded dynamic programming over the (x, y) sentence grid, vectorised with numpy.

A cell (i, j) means "the first i x-units and the first j y-units are aligned". A bead
of type (a, b) moves from (i - a, j - b) to (i, j). Only cells inside a ``Band`` are
searched: for every row i, the columns lo[i]..hi[i]. Costs of every bead type are
computed for all band cells at once by the caller (see cost.py); the row loop
here only does min-plus on those arrays, so its Python overhead is O(rows), not
O(cells x types). The (0, 1) bead, which chains within a row, is resolved with a
prefix-minimum scan instead of a Python loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from aligner_gui.core.errors import Cancelled

BeadType = tuple[int, int]


# Stands in for an infinite cost where a running sum must stay finite.
FORBIDDEN = 1e9


@dataclass
class Band:
    """Inclusive column range [lo[i], hi[i]] for each row i = 0..nx, stored flat."""

    lo: np.ndarray
    hi: np.ndarray
    nx: int
    ny: int
    # Optional per-cell lower bounds on where a bead ending in the cell may start (block
    # bands of several paragraph groups: beads never cross a group corner).
    start_x: np.ndarray | None = None
    start_y: np.ndarray | None = None

    def __post_init__(self) -> None:
        width = self.hi - self.lo + 1
        self.off = np.zeros(self.nx + 2, dtype=np.int64)
        np.cumsum(width, out=self.off[1:])
        self.ncells = int(self.off[-1])
        self.rows = np.repeat(np.arange(self.nx + 1, dtype=np.int64), width)
        self.cols = (
            np.arange(self.ncells, dtype=np.int64) - self.off[self.rows] + self.lo[self.rows]
        )

    def index(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Flat index of cells (i, j); ``ncells`` (a sentinel) where outside the band."""
        i = np.asarray(i, dtype=np.int64)
        j = np.asarray(j, dtype=np.int64)
        ok = (i >= 0) & (i <= self.nx)
        ic = np.where(ok, i, 0)
        ok &= (j >= self.lo[ic]) & (j <= self.hi[ic])
        return np.where(ok, self.off[ic] + j - self.lo[ic], self.ncells)


def full_band(nx: int, ny: int) -> Band:
    return Band(np.zeros(nx + 1, dtype=np.int64), np.full(nx + 1, ny, dtype=np.int64), nx, ny)


def block_band(groups: np.ndarray, nx: int, ny: int) -> Band:
    """The union of the rectangles of consecutive groups (x0, x1, y0, y1), corner to corner.

    Every cell records the start corner of its group (a shared corner belongs to the
    earlier group), so costs can forbid beads that would straddle two groups.
    """
    g = np.asarray(groups, dtype=np.int64).reshape(-1, 4)
    x0, x1, y0, y1 = g[:, 0], g[:, 1], g[:, 2], g[:, 3]
    rows = np.arange(nx + 1, dtype=np.int64)
    first = np.searchsorted(x1, rows, side="left")
    last = np.searchsorted(x0, rows, side="right") - 1
    band = Band(y0[np.clip(first, 0, len(g) - 1)], y1[np.clip(last, 0, len(g) - 1)], nx, ny)
    gi = np.maximum(
        np.searchsorted(x1, band.rows, side="left"), np.searchsorted(y1, band.cols, side="left")
    )
    gi = np.clip(gi, 0, len(g) - 1)
    band.start_x = x0[gi]
    band.start_y = y0[gi]
    return band


def path_vertices(path: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """The grid points a path of bead types passes through, from (0, 0)."""
    steps = np.asarray(path, dtype=np.int64).reshape(-1, 2)
    vx = np.concatenate([[0], np.cumsum(steps[:, 0])])
    vy = np.concatenate([[0], np.cumsum(steps[:, 1])])
    return vx, vy


def band_around_path(
    vertices_x: np.ndarray, vertices_y: np.ndarray, nx: int, ny: int, buffer: int
) -> Band:
    """A band of half-width ``buffer`` around the polyline through the given grid points.

    The points run from (0, 0) to (nx, ny) and are non-decreasing in both coordinates
    (they are a coarse alignment path projected onto the fine grid).
    """
    vx = np.asarray(vertices_x, dtype=np.float64)
    vy = np.asarray(vertices_y, dtype=np.float64)
    rows = np.arange(nx + 1, dtype=np.float64)
    # For each row, the y range the polyline covers: interpolation between vertices,
    # widened to the min/max of the vertices on that row (vertical runs).
    y_mid = np.interp(rows, vx, vy)
    lo_c = np.floor(y_mid)
    hi_c = np.ceil(y_mid)
    xi = np.clip(np.round(vx).astype(np.int64), 0, nx)
    vmin = np.full(nx + 1, np.inf)
    vmax = np.full(nx + 1, -np.inf)
    np.minimum.at(vmin, xi, vy)
    np.maximum.at(vmax, xi, vy)
    lo_c = np.minimum(lo_c, vmin)
    hi_c = np.maximum(hi_c, vmax)
    lo = lo_c - buffer
    hi = hi_c + buffer
    lo = np.clip(lo, 0, ny).astype(np.int64)
    hi = np.clip(hi, 0, ny).astype(np.int64)
    return make_band(lo, hi, nx, ny)


def make_band(lo: np.ndarray, hi: np.ndarray, nx: int, ny: int) -> Band:
    """Fix up column ranges so the band is monotone, connected and spans corner to corner."""
    lo = np.asarray(lo, dtype=np.int64).copy()
    hi = np.asarray(hi, dtype=np.int64).copy()
    lo[0] = 0
    hi[nx] = ny
    hi = np.maximum.accumulate(np.clip(hi, 0, ny))
    lo = np.minimum.accumulate(np.clip(lo, 0, ny)[::-1])[::-1].copy()
    # Connected: each row's range must touch the previous row's (for (1, 0) moves).
    if nx >= 1:
        hi[:-1] = np.maximum(hi[:-1], lo[1:])
        hi = np.maximum.accumulate(hi)
    lo = np.minimum(lo, hi)
    return Band(lo, hi, nx, ny)


def banded_dp(
    band: Band,
    types: Sequence[BeadType],
    costs: Sequence[np.ndarray] | np.ndarray,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
    run_discount: float = 0.0,
) -> tuple[list[BeadType], np.ndarray]:
    """Cheapest path from (0, 0) to (nx, ny).

    ``costs[t][k]`` is the cost of a bead of ``types[t]`` ending at band cell k (inf
    where impossible). Returns the path as bead types in reading order and the array
    of best cumulative costs of all band cells (plus a trailing +inf sentinel).

    The row scan takes the minimum over the x-consuming types of a (types, cells) array.
    ``costs`` given as one such array (``cost.bead_cost_arrays``) is read as it is: its
    (0, 1) row joins the minimum through the sentinel cell, at +inf, so it never wins.
    A list of arrays is stacked into a copy first.

    ``run_discount`` (>= 0) makes runs of consecutive (0, 1) beads cheaper: every
    (0, 1) bead after the first of a run costs that much less (one omission of several
    y units is one event, not several). Runs live inside a row, so the row scan keeps
    two states: the cell reached by a bead consuming an x unit (where a run may start)
    and the cell reached inside a run.
    """
    if run_discount < 0:
        raise ValueError("run_discount must be >= 0")
    nx = band.nx
    if (0, 1) not in types:
        raise ValueError("the (0, 1) bead type is required")
    t01 = list(types).index((0, 1))
    row_types = [t for t, (a, _b) in enumerate(types) if a >= 1]
    if not row_types:
        raise ValueError("need at least one bead type that consumes an x unit")
    K = band.ncells
    # One array already: every type takes part, the (0, 1) row through the +inf sentinel
    # (the first x-consuming type stays first, so ties and unreachable cells come out as
    # with the x-consuming rows alone). Not when that row holds -inf (inf - inf = nan).
    as_is = (
        isinstance(costs, np.ndarray)
        and costs.shape == (len(types), K)
        and costs.dtype == np.float64
        and row_types[0] == 0
        and not np.isneginf(costs[t01]).any()
    )
    if as_is:
        row_types = list(range(len(types)))
    # Gather indices of predecessor cells, stacked (T, K); the sentinel K holds +inf.
    gather = np.empty((len(row_types), K), dtype=np.int32 if K < 2**31 - 1 else np.int64)
    if as_is:
        cost = np.asarray(costs)
    else:
        cost = np.empty((len(row_types), K), dtype=np.float64)
        for r, t in enumerate(row_types):
            cost[r] = costs[t]
    for r, t in enumerate(row_types):
        a, b = types[t]
        gather[r] = K if t == t01 else band.index(band.rows - a, band.cols - b)
    # A forbidden (0, 1) step inside a row must not turn the prefix scan into inf - inf.
    c01 = np.minimum(np.asarray(costs[t01], dtype=np.float64), FORBIDDEN)
    D = np.full(K + 1, np.inf)
    back = np.full(K, -1, dtype=np.int16)
    # With run_discount: the cell where the run of (0, 1) beads ending at a cell began
    # (-1 = the cell is not reached inside a run), and the bead type of the best way
    # into the cell by a bead consuming an x unit (the state a run starts from).
    run_start = np.full(K, -1, dtype=np.int64) if run_discount > 0 else None
    back_x = np.full(K, -1, dtype=np.int16) if run_discount > 0 else None
    off = band.off
    # Row 0: only (0, 1) beads.
    s0, e0 = int(off[0]), int(off[1])
    row_c = c01[s0:e0].copy()
    row_c[0] = 0.0
    if run_start is not None:
        row_c[2:] -= run_discount
        run_start[s0 + 1 : e0] = s0
    D[s0:e0] = np.cumsum(row_c)
    back[s0 + 1 : e0] = t01
    step = max(1, nx // 50)
    for i in range(1, nx + 1):
        s, e = int(off[i]), int(off[i + 1])
        cand = D[gather[:, s:e]] + cost[:, s:e]
        k = np.argmin(cand, axis=0)
        best = cand[k, np.arange(e - s)]
        if run_start is not None and back_x is not None:
            bk = np.asarray(row_types, dtype=np.int16)[k]
            back_x[s:e] = bk
            back[s:e] = bk
            D[s:e] = best
            if e - s > 1:
                _run_scan(D, back, run_start, best, c01[s:e], run_discount, s, t01)
        elif e - s > 1:
            cs = np.empty(e - s)
            cs[0] = 0.0
            np.cumsum(c01[s + 1 : e], out=cs[1:])
            val = best - cs
            runmin = np.minimum.accumulate(val)
            prev = np.empty_like(runmin)
            prev[0] = np.inf
            prev[1:] = runmin[:-1]
            from_left = val > prev
            D[s:e] = np.minimum(val, prev) + cs
            bk = np.asarray(row_types, dtype=np.int16)[k]
            bk[from_left] = t01
            back[s:e] = bk
        else:
            D[s:e] = best
            back[s:e] = np.asarray(row_types, dtype=np.int16)[k]
        if i % step == 0:
            if cancel is not None and cancel():
                raise Cancelled("alignment cancelled")
            if progress is not None:
                progress(i / nx)
    # Backtrace (plain Python ints: one step per bead).
    path: list[BeadType] = []
    totals: list[float] = []
    offs = band.off.tolist()
    los = band.lo.tolist()
    his = band.hi.tolist()
    backs = back.tolist()
    i, j = nx, band.ny
    if not (los[i] <= j <= his[i]) or not np.isfinite(D[offs[i] + j - los[i]]):
        raise RuntimeError("no alignment path inside the band")
    starts = run_start.tolist() if run_start is not None else None
    backs_x = back_x.tolist() if back_x is not None else None
    in_run_from: int | None = None  # the start cell of the run being walked back
    while i > 0 or j > 0:
        cell = offs[i] + j - los[i]
        if starts is not None and backs_x is not None:
            if in_run_from is None and starts[cell] >= 0:
                in_run_from = starts[cell]
            if in_run_from is not None and cell > in_run_from:
                t = t01
            else:
                # The run's start (or a cell reached by an x-consuming bead).
                t = backs_x[cell] if in_run_from is not None else backs[cell]
                in_run_from = None
        else:
            t = backs[cell]
        if t < 0:
            raise RuntimeError("broken back-pointer in alignment DP")
        totals.append(float(D[cell]))
        a, b = types[t]
        path.append((a, b))
        i -= a
        j -= b
    path.reverse()
    totals.append(0.0)
    totals.reverse()
    return path, D


def _run_scan(
    D: np.ndarray,
    back: np.ndarray,
    run_start: np.ndarray,
    best: np.ndarray,
    c01: np.ndarray,
    discount: float,
    s: int,
    t01: int,
) -> None:
    """In-row (0, 1) runs with discounted continuations, for cells s .. s+len(best)-1.

    A run starting at column offset u (reached by an x-consuming bead, cost best[u])
    and ending at v > u costs best[u] + c01[u+1] + sum(c01[u+2..v] - discount). A new
    run never starts inside another (continuing is cheaper by the discount), so
    R[v] = CC[v] + min over u < v of (best[u] + c01[u+1] - CC[u+1]), CC the cumulative
    sum of the discounted steps: one running minimum.
    """
    n = len(best)
    steps = c01[1:] - discount  # cost of step u -> u+1 inside a run, u = 0..n-2
    CC = np.zeros(n)
    np.cumsum(steps, out=CC[1:])
    # Starting at u: the first step costs the full c01[u+1], i.e. discount more.
    u_val = best[:-1] + discount - CC[:-1]  # = best[u] + c01[u+1] - CC[u+1]
    with np.errstate(invalid="ignore"):
        runmin = np.minimum.accumulate(u_val)
    arg = _running_argmin(u_val, runmin)
    R = runmin + CC[1:]  # runs ending at v = 1 .. n-1
    take = R < best[1:]
    cells = np.flatnonzero(take) + 1
    D[s + cells] = R[cells - 1]
    back[s + cells] = t01
    run_start[s + cells] = s + arg[cells - 1]


def _running_argmin(values: np.ndarray, runmin: np.ndarray) -> np.ndarray:
    """For every v, the index of a minimum of values[0..v] (the latest, on ties)."""
    idx = np.arange(len(values))
    hit = np.where(values == runmin, idx, 0)
    return np.maximum.accumulate(hit)
