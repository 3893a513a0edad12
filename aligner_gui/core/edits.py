"""Alignment edits as pure functions: compute the beads that replace a range (Qt-free).

Each function takes the current beads and returns an ``Edit`` (start, stop, new beads)
for ``AlignmentDocument.replace_beads``; the GUI wraps it in an undo command, and the
CLI or a script may apply it directly. Edited beads become status "manual" and lose
the automatic score and flags, which described the old pairing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aligner_gui.core.errors import AlignerError
from aligner_gui.core.model import SIDES, AlignmentDocument, Bead


class EditError(AlignerError):
    """The requested alignment edit is not possible here (one-line reason)."""


@dataclass(frozen=True)
class Edit:
    start: int
    stop: int
    beads: tuple[Bead, ...]

    def apply(self, doc: AlignmentDocument) -> list[Bead]:
        return doc.replace_beads(self.start, self.stop, list(self.beads))


def _manual(source: Sequence[int], target: Sequence[int]) -> Bead:
    return Bead(tuple(source), tuple(target), None, "manual", [], {})


def _check_index(beads: Sequence[Bead], index: int) -> None:
    if not (0 <= index < len(beads)):
        raise EditError(f"no bead {index + 1}")


def _other(side: str) -> str:
    if side not in SIDES:
        raise EditError(f"unknown side {side!r}")
    return "target" if side == "source" else "source"


def merge(beads: Sequence[Bead], start: int, stop: int) -> Edit:
    """Join beads[start:stop] into one bead."""
    if not (0 <= start < stop <= len(beads)) or stop - start < 2:
        raise EditError("select at least two neighbouring beads to merge")
    source = [i for b in beads[start:stop] for i in b.source]
    target = [i for b in beads[start:stop] for i in b.target]
    return Edit(start, stop, (_manual(source, target),))


def merge_with_next(beads: Sequence[Bead], index: int) -> Edit:
    _check_index(beads, index)
    if index + 1 >= len(beads):
        raise EditError("the last bead has no next bead to merge with")
    return merge(beads, index, index + 2)


def split_bead(
    beads: Sequence[Bead], index: int, side: str, sentence: int, other_at: int | None = None
) -> Edit:
    """Split a bead so that ``sentence`` (an id on ``side``) starts the second bead.

    The other side is cut at ``other_at`` (an id, or None for the proportional point).
    """
    _check_index(beads, index)
    bead = beads[index]
    ids = list(getattr(bead, side))
    other = _other(side)
    other_ids = list(getattr(bead, other))
    if sentence not in ids:
        raise EditError(f"{side} sentence {sentence + 1} is not in bead {index + 1}")
    cut = ids.index(sentence)
    if other_at is None:
        fraction = cut / len(ids)
        other_cut = int(len(other_ids) * fraction + 0.5)
    elif other_at in other_ids:
        other_cut = other_ids.index(other_at)
    elif other_ids and other_at == other_ids[-1] + 1:
        other_cut = len(other_ids)
    else:
        raise EditError(f"{other} sentence {other_at + 1} is not in bead {index + 1}")
    if cut == 0 and other_cut == 0:
        if len(ids) < 2:
            raise EditError("this bead cannot be split there")
        cut = 1
    first = {side: ids[:cut], other: other_ids[:other_cut]}
    second = {side: ids[cut:], other: other_ids[other_cut:]}
    parts = tuple(
        _manual(p["source"], p["target"]) for p in (first, second) if p["source"] or p["target"]
    )
    if len(parts) < 2:
        raise EditError("this bead cannot be split there")
    return Edit(index, index + 1, parts)


def split_default(beads: Sequence[Bead], index: int) -> Edit:
    """Split after the first sentence of the side with more sentences."""
    _check_index(beads, index)
    bead = beads[index]
    side = "source" if len(bead.source) >= len(bead.target) else "target"
    ids = getattr(bead, side)
    if len(ids) < 2:
        if bead.source and bead.target:
            return unlink(beads, index)
        raise EditError("a bead with one sentence cannot be split")
    return split_bead(beads, index, side, ids[1])


def move_sentence(beads: Sequence[Bead], index: int, side: str, which: str) -> Edit:
    """Move the first sentence of a side to the previous bead, or the last to the next one."""
    _check_index(beads, index)
    _other(side)
    ids = list(getattr(beads[index], side))
    if not ids:
        raise EditError(f"bead {index + 1} has no {side} sentence")
    if which == "first":
        if index == 0:
            raise EditError("the first bead has no previous bead")
        lo, hi = index - 1, index + 1
        neighbour = beads[index - 1]
        moved = ids[0]
        new_neighbour = list(getattr(neighbour, side)) + [moved]
        rest = ids[1:]
    elif which == "last":
        if index + 1 >= len(beads):
            raise EditError("the last bead has no next bead")
        lo, hi = index, index + 2
        neighbour = beads[index + 1]
        moved = ids[-1]
        new_neighbour = [moved] + list(getattr(neighbour, side))
        rest = ids[:-1]
    else:
        raise EditError(f"unknown position {which!r}")
    other = _other(side)
    current = {side: rest, other: list(getattr(beads[index], other))}
    near = {side: new_neighbour, other: list(getattr(neighbour, other))}
    pair = (near, current) if which == "first" else (current, near)
    new = tuple(_manual(p["source"], p["target"]) for p in pair if p["source"] or p["target"])
    return Edit(lo, hi, new)


def unlink(beads: Sequence[Bead], index: int) -> Edit:
    """Break a bead into unaligned sentences: one n-0 bead per source, then 0-1 per target."""
    _check_index(beads, index)
    bead = beads[index]
    if not bead.source or not bead.target:
        raise EditError(f"bead {index + 1} is already unaligned")
    new = tuple(_manual((i,), ()) for i in bead.source) + tuple(
        _manual((), (j,)) for j in bead.target
    )
    return Edit(index, index + 1, new)


# -- re-alignment of a range -----------------------------------------------------------


# Beads a re-alignment from a selection stops before: confirmed by the editor, or made by
# hand (merged, split, moved, unlinked): Ctrl+R at the top replaced every manual fix below.
STOP_STATUSES = ("confirmed", "manual")


def realign_range(
    beads: Sequence[Bead], selected: int | None, last: int | None = None
) -> tuple[int, int]:
    """Bead range to re-align: from the selection (past confirmed beads) to the next
    confirmed or hand-made bead (or the end). The selected beads themselves, ``selected``
    to ``last``, are taken in whatever made them: the two halves of an unlinked bead are
    both hand-made, and selecting them is how to have them paired again (confirmed beads
    inside are still kept by the caller).

    With no selection, the whole document (confirmed beads are kept by the caller).
    """
    if selected is None or not beads:
        return 0, len(beads)
    _check_index(beads, selected)
    last = selected if last is None else max(selected, last)
    _check_index(beads, last)
    start = selected
    while start < len(beads) and beads[start].status == "confirmed":
        start += 1
    if start >= len(beads):
        raise EditError("nothing to re-align after the confirmed beads")
    stop = max(start, last) + 1
    while stop < len(beads) and beads[stop].status not in STOP_STATUSES:
        stop += 1
    return start, stop


def sentence_bounds(beads: Sequence[Bead], start: int, stop: int, side: str) -> tuple[int, int]:
    """First sentence id and one past the last id that beads[start:stop] cover on a side."""
    before = [i for b in beads[:start] for i in getattr(b, side)]
    inside = [i for b in beads[start:stop] for i in getattr(b, side)]
    lo = (before[-1] + 1) if before else 0
    return lo, lo + len(inside)


def splice_realigned(
    beads: Sequence[Bead], start: int, stop: int, realigned: Sequence[Bead]
) -> Edit:
    """Take from a fresh whole-document alignment the beads that cover beads[start:stop].

    Confirmed beads inside the range are kept as they are; the fresh beads between them
    must not cross their boundaries (an aligner that honours ``fixed`` guarantees it).
    """
    out: list[Bead] = []
    pieces = _pieces(beads, start, stop)
    for kind, a, b in pieces:
        if kind == "kept":
            out.extend(beads[a:b])
            continue
        s_lo, s_hi = sentence_bounds(beads, a, b, "source")
        t_lo, t_hi = sentence_bounds(beads, a, b, "target")
        chunk = [
            bead.copy()
            for bead in realigned
            if _within(bead.source, s_lo, s_hi) and _within(bead.target, t_lo, t_hi)
            and (bead.source or bead.target)
        ]
        got_s = [i for bead in chunk for i in bead.source]
        got_t = [i for bead in chunk for i in bead.target]
        if got_s != list(range(s_lo, s_hi)) or got_t != list(range(t_lo, t_hi)):
            chunk = _fallback(beads[a:b], s_lo, s_hi, t_lo, t_hi, realigned)
        out.extend(chunk)
    return Edit(start, stop, tuple(out))


def _pieces(beads: Sequence[Bead], start: int, stop: int) -> list[tuple[str, int, int]]:
    pieces: list[tuple[str, int, int]] = []
    k = start
    while k < stop:
        kind = "kept" if beads[k].status == "confirmed" else "free"
        j = k
        while j < stop and (beads[j].status == "confirmed") == (kind == "kept"):
            j += 1
        pieces.append((kind, k, j))
        k = j
    return pieces


def _within(ids: Sequence[int], lo: int, hi: int) -> bool:
    return all(lo <= i < hi for i in ids)


def _fallback(
    old: Sequence[Bead], s_lo: int, s_hi: int, t_lo: int, t_hi: int, realigned: Sequence[Bead]
) -> list[Bead]:
    """Clip fresh beads that cross the range boundary; keep the old beads if that fails."""
    clipped: list[Bead] = []
    for bead in realigned:
        s = tuple(i for i in bead.source if s_lo <= i < s_hi)
        t = tuple(j for j in bead.target if t_lo <= j < t_hi)
        if s or t:
            if len(s) != len(bead.source) or len(t) != len(bead.target):
                clipped.append(Bead(s, t, None, "auto", [], {}))
            else:
                clipped.append(bead.copy())
    got_s = [i for b in clipped for i in b.source]
    got_t = [i for b in clipped for i in b.target]
    if got_s == list(range(s_lo, s_hi)) and got_t == list(range(t_lo, t_hi)):
        return clipped
    return [b.copy() for b in old]


def next_flagged(
    beads: Sequence[Bead], current: int | None, *, backwards: bool = False,
    accept: Callable[[Bead], bool] | None = None,
) -> int | None:
    """Index of the next (or previous) bead with a flag, wrapping around."""
    n = len(beads)
    if not n:
        return None
    test = accept or (lambda b: bool(b.flags))
    start = -1 if current is None else current
    if backwards and current is None:
        start = n
    for step in range(1, n + 1):
        k = (start - step) % n if backwards else (start + step) % n
        if test(beads[k]):
            return k
    return None


def next_by_risk(beads: Sequence[Bead], current: int | None) -> int | None:
    """Index of the next risky bead (risk >= RISKY) in order of falling risk, ties in
    reading order: the one after ``current`` in that order, or the riskiest when
    ``current`` is none of them or the last (a reviewer reading beads in risk order meets
    the likeliest errors first; in reading order the seed's riskiest bead came third)."""
    order = sorted((k for k, b in enumerate(beads) if b.is_risky),
                   key=lambda k: (-(beads[k].risk or 0.0), k))
    if not order:
        return None
    if current in order:
        return order[(order.index(current) + 1) % len(order)]
    return order[0]
