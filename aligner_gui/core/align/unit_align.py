"""One alignment of two unit sequences: a banded DP, searched coarse to fine when big."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner_gui.core.align.coarse import coarse_bounds, drop_frequent
from aligner_gui.core.align.confidence import boundary_confidences, posterior_confidences
from aligner_gui.core.align.cost import (
    BEAD_TYPES,
    COARSE_TYPES,
    RUN_TYPES,
    OffsetCache,
    Params,
    bead_cost_arrays,
    matched_counts,
    quote_edges_of,
    span_sums,
)
from aligner_gui.core.align.dp import (
    Band,
    band_around_path,
    banded_dp,
    block_band,
    full_band,
    path_vertices,
)
from aligner_gui.core.align.estimate import with_chance_rates, with_match_rates
from aligner_gui.core.align.features import PairMasks, Units, pair_masks, popcount
from aligner_gui.core.align.run import UnitBead, _Run

# Grids up to this many cells are searched whole; bigger ones coarse-to-fine.
FULL_GRID_CELLS = 160_000
# Most sentences on one side of a bead.
MAX_SPAN = max(max(t) for t in BEAD_TYPES)
# Half-width (in units) of the band around a projected coarse path.
BAND_BUFFER = 8
# Runs of unaligned y units (English sentences whose Chinese was deleted) are priced in
# the level-0 DP's row scan: each 0-1 bead after the first of a run costs Y_RUN_FACTOR
# of one (1.0 = no run model). 0.7 (seed 7, mac-dev runs with the Chinese deleted):
# recall 0.66 -> 0.81 for 0.02 precision; single deletions lose ~0.06 precision (a
# neighbouring loose sentence now and then goes with the orphan); F1 -0.002.
Y_RUN_FACTOR = 0.7


class _Cells:
    """A set of grid cells shaped like a Band for the cost helpers."""

    def __init__(self, rows: np.ndarray, cols: np.ndarray) -> None:
        self.rows = rows
        self.cols = cols
        self.ncells = len(rows)


def _mask_band(band: Band) -> tuple[np.ndarray, np.ndarray]:
    """Pair rows/cols any bead of up to MAX_SPAN sentences a side ending in the band can touch."""
    nx, ny = band.nx, band.ny
    i = np.arange(nx, dtype=np.int64)
    plo = band.lo[np.minimum(i + 1, nx)] - MAX_SPAN
    phi = band.hi[np.minimum(i + MAX_SPAN, nx)] - 1
    return np.clip(plo, 0, max(ny - 1, 0)), np.clip(phi, -1, ny - 1)


def align_units(
    x: Units,
    y: Units,
    params: Params,
    run: _Run,
    types: Sequence[tuple[int, int]] = BEAD_TYPES,
    level: int = 0,
    groups: np.ndarray | None = None,
) -> list[UnitBead]:
    """Align two unit sequences; returns beads with costs, stats and confidences.

    ``groups`` (rows of x0, x1, y0, y1, consecutive, corner to corner) confine every
    bead to one group: many small paragraph groups are aligned in one DP this way.
    """
    nx, ny = x.n, y.n
    if nx == 0 or ny == 0:
        # Nothing to pair with: these beads are certain.
        return [UnitBead(i, 1, 0, 0, score=1.0) for i in range(nx)] + [
            UnitBead(nx, 0, j, 1, score=1.0) for j in range(ny)
        ]
    run.check()
    if groups is not None:
        band = block_band(groups, nx, ny)
    elif (nx + 1) * (ny + 1) <= FULL_GRID_CELLS:
        band = full_band(nx, ny)
    else:
        blocks = max(2, (min(nx, ny) + 1) // 2)
        bx = coarse_bounds(x.length, blocks)
        by = coarse_bounds(y.length, blocks)
        cx, cy = drop_frequent(x.merge(bx), y.merge(by))
        coarse = align_units(cx, cy, params, run, COARSE_TYPES, level + 1)
        vx, vy = path_vertices([(b.a, b.b) for b in coarse])
        band = band_around_path(bx[vx], by[vy], nx, ny, BAND_BUFFER)
    plo, phi = _mask_band(band)
    masks = pair_masks(x, y, plo, phi)
    params = with_chance_rates(params, x, y, band, masks)
    if level > 0:
        params = with_match_rates(params, x, y, masks)
    run_discount = 0.0
    if level == 0 and RUN_TYPES and tuple(types) == BEAD_TYPES:
        types = tuple(types) + RUN_TYPES
        # Runs of unaligned y units are made in the row scan of the DP (Y_RUN_FACTOR).
        run_discount = max(0.0, (1.0 - Y_RUN_FACTOR) * params.type_cost((0, 1)))
    costs = bead_cost_arrays(x, y, band, masks, params, types)
    report = None
    if level == 0 and x.n >= 500:

        def report(f: float, n: float = float(x.n)) -> None:
            run.report(f, n)

    path, D = banded_dp(
        band, types, costs, cancel=run.cancel, progress=report, run_discount=run_discount
    )
    beads = _collect(path, types, costs, band)
    if level == 0:
        boundary_confidences(beads, band, D, costs, types)
        del D
        if run.pass_index == run.n_passes - 1:
            # Without the run beads: a run would count once per way of cutting it.
            nb = len(types) - len(RUN_TYPES) if len(types) > len(BEAD_TYPES) else len(types)
            bead_costs = list(costs[:nb])
            del costs  # posterior_confidences narrows bead_costs in place, freeing these
            posterior_confidences(beads, band, bead_costs, types[:nb])
    if level == 0:
        _attach_stats(beads, x, y, band, masks)
        _offpath_stats(beads, x, y, masks, run)
    return beads


def _collect(path, types, costs, band: Band) -> list[UnitBead]:
    if not path:
        return []
    steps = np.asarray(path, dtype=np.int64).reshape(-1, 2)
    ends_x = np.cumsum(steps[:, 0])
    ends_y = np.cumsum(steps[:, 1])
    cells = band.index(ends_x, ends_y)
    tindex = {t: k for k, t in enumerate(types)}
    tk = np.array([tindex[(int(a), int(b))] for a, b in steps], dtype=np.int64)
    # Each path bead's cost, read type by type (a stacked copy of every type's costs
    # would be the largest array of a corpus-sized alignment); inf outside the band.
    bead_costs = np.full(len(tk), np.inf)
    inside = cells < band.ncells
    for t in np.unique(tk).tolist():
        sel = (tk == t) & inside
        bead_costs[sel] = costs[t][cells[sel]]
    out: list[UnitBead] = []
    for (a, b), ex, ey, c in zip(
        steps.tolist(), ends_x.tolist(), ends_y.tolist(), bead_costs.tolist(), strict=False
    ):
        if b == 0 and a >= 2:
            # A run bead: one 1-0 bead per unit, sharing the cost.
            out.extend(UnitBead(int(ex - a + k), 1, int(ey), 0, c / a) for k in range(a))
        else:
            out.append(UnitBead(int(ex - a), int(a), int(ey - b), int(b), float(c)))
    return out


def _attach_stats(beads, x, y, band, masks) -> None:
    """Statistics of the paired beads, for re-estimating the parameters."""
    by_type: dict[tuple[int, int], list[int]] = {}
    for k, bead in enumerate(beads):
        by_type.setdefault((bead.a, bead.b), []).append(k)
    for (a, b), ks in by_type.items():
        if a == 0 or b == 0:
            continue
        rows = np.array([beads[k].x0 + a for k in ks], dtype=np.int64)
        cols = np.array([beads[k].y0 + b for k in ks], dtype=np.int64)
        cells = _Cells(rows, cols)
        _valid, lx, ly, nx_, ny_ = span_sums(x, y, cells, a, b)
        if masks is not None and masks.npairs:
            mx, my = matched_counts(OffsetCache(cells, masks), a, b)
        else:
            mx = my = np.zeros(len(ks))
        edges = quote_edges_of(x, y, rows, cols, a, b)
        for n, k in enumerate(ks):
            q = tuple(float(e[n]) for e in edges) if edges is not None else (-1.0,) * 4
            beads[k].stats = (lx[n], ly[n], nx_[n], ny_[n], mx[n], my[n], *q)


def _offpath_stats(beads, x: Units, y: Units, masks: PairMasks | None, run: _Run) -> None:
    """Chance match counts on pairs a few rows off the path (for q1 estimation)."""
    if masks is None or masks.npairs == 0:
        return
    xs, ys = [], []
    for bead in beads:
        if bead.a and bead.b:
            for d in (-4, 4):
                xs.append(bead.x0)
                ys.append(bead.y0 + d)
    if not xs:
        return
    i = np.asarray(xs, dtype=np.int64)
    j = np.asarray(ys, dtype=np.int64)
    ok = (j >= 0) & (j < y.n)
    i, j = i[ok], j[ok]
    idx = masks.index(i, j)
    inside = idx < masks.npairs
    i, j, idx = i[inside], j[inside], idx[inside]
    mx = popcount(masks.mask_x[idx]).sum(axis=1)
    my = popcount(masks.mask_y[idx]).sum(axis=1)
    nxy = x.n_items[i].astype(np.float64) * y.n_items[j]
    run.offpath[0] += float(mx.sum())
    run.offpath[1] += float(my.sum())
    run.offpath[2] += float(nxy.sum())
    run.offpath[3] += float(len(i))
