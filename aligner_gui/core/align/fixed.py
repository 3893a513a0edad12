"""Fixed beads (kept from the editor): checking them, the gaps between them, placing them."""

from __future__ import annotations

from dataclasses import dataclass

from aligner_gui.core.align.run import UnitBead

# Fixed beads as (x sentence ids, y sentence ids).
Fixed = list[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass
class Gap:
    """Sentences x0..x1 / y0..y1 between anchors (or the ends): aligned on their own."""

    x0: int
    x1: int
    y0: int
    y1: int


def _check_ids(ids: tuple[int, ...], n: int) -> None:
    if ids and list(ids) != list(range(ids[0], ids[0] + len(ids))):
        raise ValueError("a fixed bead's sentence ids must be consecutive")
    if ids and (ids[0] < 0 or ids[-1] >= n):
        raise ValueError("a fixed bead refers to a sentence that does not exist")


def split_fixed(fixed: Fixed, nx: int, ny: int) -> tuple[list[int], list[int]]:
    """Indices of the anchors (both sides) and of the fixed 1-0 / 0-1 beads, checked.

    Anchors lie between gaps; fixed 1-0 / 0-1 beads are constraints inside a gap (their
    sentences may join no paired bead).
    """
    anchors = [k for k, (s, t) in enumerate(fixed) if s and t]
    singles = [k for k, (s, t) in enumerate(fixed) if not (s and t)]
    for k in singles:
        s, t = fixed[k]
        _check_ids(s, nx)
        _check_ids(t, ny)
        if not s and not t:
            raise ValueError("a fixed bead must hold at least one sentence")
    for side in (0, 1):
        ids = [i for f in fixed for i in f[side]]
        if len(ids) != len(set(ids)):
            raise ValueError("fixed beads overlap")
    return anchors, singles


def gaps_and_fixed(fixed_xy: Fixed, nx: int, ny: int) -> list[Gap | int]:
    """The document as a sequence of gaps and indices into fixed_xy, in reading order."""
    order = sorted(range(len(fixed_xy)), key=lambda k: (fixed_xy[k][0][0], fixed_xy[k][1][0]))
    seq: list[Gap | int] = []
    px = py = 0
    for k in order:
        xs, ys = fixed_xy[k]
        _check_ids(xs, nx)
        _check_ids(ys, ny)
        if not xs or not ys:
            raise ValueError("anchors need sentences on both sides")
        gx1, gy1 = xs[0], ys[0]
        if gx1 < px or gy1 < py:
            raise ValueError("fixed beads overlap or are out of reading order")
        if gx1 > px or gy1 > py:
            seq.append(Gap(px, gx1, py, gy1))
        seq.append(k)
        px = gx1 + len(xs)
        py = gy1 + len(ys)
    if px < nx or py < ny:
        seq.append(Gap(px, nx, py, ny))
    return seq


def crossings(beads: list[UnitBead], fixed: Fixed) -> tuple[set[int], set[int]]:
    """Sentences of paired beads that cross the order of consecutive fixed 1-0 / 0-1
    beads: with an addition given before an omission, a bead pairing a translation
    sentence before the addition with a source sentence after the omission (and the
    other way round). Its x and y sentences, to be left unaligned."""
    cuts: list[tuple[bool, int, int]] = []  # (y before x?, first sentence, last sentence)
    for (s1, t1), (s2, t2) in zip(fixed, fixed[1:], strict=False):
        if t1 and not s1 and s2 and not t2:
            cuts.append((True, t1[0], s2[-1]))
        elif s1 and not t1 and t2 and not s2:
            cuts.append((False, s1[0], t2[-1]))
    xs: set[int] = set()
    ys: set[int] = set()
    if not cuts:
        return xs, ys
    for b in beads:
        if not (b.a and b.b) or b.fixed is not None:
            continue
        for y_first, first, last in cuts:
            if y_first:
                crossing = b.y0 + b.b - 1 < first and b.x0 > last
            else:
                crossing = b.x0 + b.a - 1 < first and b.y0 > last
            if crossing:
                xs.update(range(b.x0, b.x0 + b.a))
                ys.update(range(b.y0, b.y0 + b.b))
                break
    return xs, ys


def fixed_bead(fixed: Fixed, k: int) -> UnitBead:
    """The output bead standing for fixed bead ``k``."""
    xs, ys = fixed[k]
    return UnitBead(xs[0] if xs else -1, len(xs), ys[0] if ys else -1, len(ys), fixed=k)


def place_singles(beads: list[UnitBead], fixed: Fixed, singles: list[int]) -> list[UnitBead]:
    """Replace the 1-0 / 0-1 beads of fixed unaligned sentences by the fixed beads."""
    owner_x = {i: k for k in singles for i in fixed[k][0]}
    owner_y = {j: k for k in singles for j in fixed[k][1]}
    out: list[UnitBead] = []
    placed: set[int] = set()
    for b in beads:
        k = None
        if b.a == 1 and b.b == 0 and b.x0 in owner_x:
            k = owner_x[b.x0]
        elif b.a == 0 and b.b == 1 and b.y0 in owner_y:
            k = owner_y[b.y0]
        if k is None:
            out.append(b)
            continue
        if k not in placed:
            placed.add(k)
            out.append(fixed_bead(fixed, k))
    if len(placed) != len(singles):  # pragma: no cover - forced costs make this impossible
        raise RuntimeError("a fixed unaligned bead could not be placed")
    return _order_one_sided_runs(out)


def _order_one_sided_runs(beads: list[UnitBead]) -> list[UnitBead]:
    """Neighbouring one-sided fixed beads in the order the caller gave them.

    Within a run of consecutive 1-0 / 0-1 beads any interleaving of the two sides is a
    valid reading order, so the DP's (x side first) is arbitrary; the caller's order of
    its fixed beads is kept instead, each side staying in reading order (beads nobody
    fixed go first where they meet a fixed one of the other side).
    """
    out: list[UnitBead] = []
    k = 0
    while k < len(beads):
        end = k
        while end < len(beads) and (beads[end].a == 0) != (beads[end].b == 0):
            end += 1
        if end - k < 2:
            out.append(beads[k])
            k += 1
            continue
        run = beads[k:end]
        xq = [b for b in run if b.a]
        yq = [b for b in run if b.b]
        pos = {id(b): n for n, b in enumerate(run)}
        while xq and yq:
            hx, hy = xq[0], yq[0]
            if hx.fixed is not None and hy.fixed is not None:
                take_x = hx.fixed < hy.fixed
            elif (hx.fixed is None) != (hy.fixed is None):
                # An unaligned sentence nobody fixed goes first: it is bound by nothing
                # but its own side's order, and must not come between two fixed beads
                # whose order the caller gave.
                take_x = hx.fixed is None
            else:
                take_x = pos[id(hx)] < pos[id(hy)]
            out.append(xq.pop(0) if take_x else yq.pop(0))
        out.extend(xq or yq)
        k = end
    return out
