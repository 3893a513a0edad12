"""Bead confidences: boundary margins of the best path, or posteriors over the band."""

from __future__ import annotations

import math

import numpy as np

from aligner_gui.core.align.dp import Band, band_around_path, make_band, path_vertices
from aligner_gui.core.align.posterior import posteriors
from aligner_gui.core.align.run import UnitBead

# Bead confidence = sigmoid((boundary margin - SHIFT) / SCALE), margins in cost units.
CONFIDENCE_SHIFT = -0.8
CONFIDENCE_SCALE = 1.5
# Half-width of the band around the best path over which bead posteriors are summed.
POSTERIOR_BUFFER = 6


def boundary_confidences(beads: list[UnitBead], band: Band, D: np.ndarray, costs, types) -> None:
    """Bead confidence from how clearly the path reaches the bead's two boundaries.

    At every path vertex, the best way in (the chosen bead) is compared with the best
    other bead type ending there; a small margin at either end of a bead means another
    segmentation was nearly as good.
    """
    if not beads:
        return
    steps = np.array([(b.a, b.b) for b in beads], dtype=np.int64)
    vi = np.concatenate([[0], np.cumsum(steps[:, 0])])
    vj = np.concatenate([[0], np.cumsum(steps[:, 1])])
    cells = band.index(vi, vj)
    alts = np.full((len(types), len(cells)), np.inf)
    for t, (a, b) in enumerate(types):
        prev = band.index(vi - a, vj - b)
        ok = (cells < band.ncells) & (prev < band.ncells)
        cost_t = np.where(ok, np.append(costs[t], np.inf)[np.minimum(cells, band.ncells)], np.inf)
        alts[t] = np.where(ok, D[prev] + cost_t, np.inf)
    part = np.sort(alts, axis=0)
    with np.errstate(invalid="ignore"):
        margin = part[1] - part[0] if len(types) > 1 else np.full(len(cells), np.inf)
    margin[0] = np.inf  # the start is certain
    margin = np.where(np.isfinite(margin), margin, 50.0)
    bead_margin = np.minimum(margin[:-1], margin[1:])
    for bead, m in zip(beads, bead_margin.tolist(), strict=False):
        bead.score = _sigmoid((m - CONFIDENCE_SHIFT) / CONFIDENCE_SCALE)


def posterior_confidences(beads: list[UnitBead], band: Band, costs, types) -> None:
    """Final confidences: each bead's posterior probability over all paths in the band.

    ``costs`` (a list of per-type arrays over ``band``) is narrowed in place to the cells
    near the best path: a caller that holds no other reference frees the whole band's."""
    if not beads:
        return
    # Paths far from the best one carry almost no mass: a narrow band around it will do.
    vx, vy = path_vertices([(b.a, b.b) for b in beads])
    near = band_around_path(vx, vy, band.nx, band.ny, POSTERIOR_BUFFER)
    near = make_band(np.maximum(near.lo, band.lo), np.minimum(near.hi, band.hi), band.nx, band.ny)
    if near.ncells < band.ncells:
        where = band.index(near.rows, near.cols)
        for t in range(len(costs)):  # in place: the whole band's array can go at once
            costs[t] = np.append(costs[t], np.inf)[where]
        band = near
    post = posteriors(band, types, costs)
    tindex = {t: k for k, t in enumerate(types)}
    # Run beads (k-0) are left out of the posterior types, so 1-0 alone carries it.
    pux = np.bincount(band.rows, weights=post[tindex[(1, 0)]], minlength=band.nx + 1)[1:]
    puy = np.bincount(band.cols, weights=post[tindex[(0, 1)]], minlength=band.ny + 1)[1:]
    for bead in beads:
        bead.p_un = (
            pux[bead.x0 : bead.x0 + bead.a].tolist(),
            puy[bead.y0 : bead.y0 + bead.b].tolist(),
        )
    ends_x = np.array([b.x0 + b.a for b in beads], dtype=np.int64)
    ends_y = np.array([b.y0 + b.b for b in beads], dtype=np.int64)
    cells = band.index(ends_x, ends_y)
    for bead, cell in zip(beads, cells.tolist(), strict=True):
        p = post[tindex[(bead.a, bead.b)]]
        bead.score = float(np.clip(p[cell], 0.0, 1.0)) if cell < band.ncells else 0.0
        if bead.a == 1 and bead.b == 0:
            bead.score = max(bead.score, float(np.clip(pux[bead.x0], 0.0, 1.0)))


def _sigmoid(v: float) -> float:
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)
