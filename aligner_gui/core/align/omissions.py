"""Omissions: sentences probably left untranslated are detached from merged beads."""

from __future__ import annotations

import numpy as np

from aligner_gui.core.align.cost import Params
from aligner_gui.core.align.features import Units
from aligner_gui.core.align.run import UnitBead, _Run
from aligner_gui.core.align.unit_align import align_units

# A sentence whose posterior of being unaligned reaches this is made a 1-0 / 0-1 bead
# (1.0 = off), and REDECODE_BEADS beads either side of it are aligned again around it.
UNALIGNED_POSTERIOR = 0.4
REDECODE_BEADS = 2
MERGED_ONLY = True


def _redecode_unaligned(
    beads: list[UnitBead],
    x: Units,
    y: Units,
    xpara: np.ndarray,
    ypara: np.ndarray,
    params: Params,
    run: _Run,
) -> list[UnitBead]:
    """Sentences probably left untranslated become 1-0 / 0-1; their neighbourhood is redone.

    Viterbi keeps a sentence whose translation is missing glued to a neighbouring bead
    whenever that path is even slightly cheaper, although the posterior of the sentence
    being unaligned (summed over all segmentations) is high. A sentence whose posterior
    reaches UNALIGNED_POSTERIOR is forced unaligned and the beads around it (a window of
    REDECODE_BEADS either side, inside one paragraph on each side) are aligned again.
    """
    flag_x = np.zeros(x.n, dtype=bool)
    flag_y = np.zeros(y.n, dtype=bool)
    hits: list[int] = []
    for k, b in enumerate(beads):
        if not (b.a and b.b) or not b.p_un:
            continue
        px, py = b.p_un
        hit = False
        # Only from a bead's multi-sentence side: its other sentences keep the bead.
        for i, p in zip(range(b.x0, b.x0 + b.a), px, strict=False):
            if p >= UNALIGNED_POSTERIOR and (b.a >= 2 or not MERGED_ONLY):
                flag_x[i] = hit = True
        for j, p in zip(range(b.y0, b.y0 + b.b), py, strict=False):
            if p >= UNALIGNED_POSTERIOR and (b.b >= 2 or not MERGED_ONLY):
                flag_y[j] = hit = True
        if hit:
            hits.append(k)
    if not hits:
        return beads
    # Windows of beads around each hit, merged when they touch.
    windows: list[list[int]] = []
    for k in hits:
        lo, hi = max(0, k - REDECODE_BEADS), min(len(beads), k + REDECODE_BEADS + 1)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    out: list[UnitBead] = []
    done = 0
    for lo, hi in windows:
        win = beads[lo:hi]
        x0, y0 = win[0].x0, win[0].y0
        x1, y1 = win[-1].x0 + win[-1].a, win[-1].y0 + win[-1].b
        fresh = _realign_window(x, y, xpara, ypara, params, run, x0, x1, y0, y1, flag_x, flag_y)
        out.extend(beads[done:lo])
        out.extend(fresh if fresh is not None else win)
        done = hi
    out.extend(beads[done:])
    return out


def _realign_window(x, y, xpara, ypara, params, run, x0, x1, y0, y1, flag_x, flag_y):
    """Beads of x0..x1 / y0..y1 with the flagged sentences forced unaligned (or None)."""
    if len(set(xpara[x0:x1].tolist())) > 1 or len(set(ypara[y0:y1].tolist())) > 1:
        return None  # paragraphs were paired before sentences: stay inside them
    xs, ys = x.subset(x0, x1), y.subset(y0, y1)
    for u, flags, start, stop in ((xs, flag_x, x0, x1), (ys, flag_y, y0, y1)):
        forced = flags[start:stop].copy()
        if u.forced is not None:
            forced |= u.forced
        u.forced = forced if forced.any() else None
    fresh = align_units(xs, ys, params, run)
    for b in fresh:
        b.x0 += x0
        b.y0 += y0
    return fresh
