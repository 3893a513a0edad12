"""Omissions: sentences probably left untranslated are detached from merged beads;
sentences left one-sided beside their translation across a paragraph break are rejoined;
and a short text's paragraph-first beads get a sentence-level second opinion."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligner_gui.core.align.cost import Params
from aligner_gui.core.align.features import Units
from aligner_gui.core.align.paragraphs import mark_paragraph_starts, para_bounds
from aligner_gui.core.align.run import UnitBead, _Run
from aligner_gui.core.align.unit_align import align_units

# A sentence whose posterior of being unaligned reaches this is made a 1-0 / 0-1 bead
# (1.0 = off), and REDECODE_BEADS beads either side of it are aligned again around it.
UNALIGNED_POSTERIOR = 0.4
REDECODE_BEADS = 2
MERGED_ONLY = True
# Sentences are aligned inside paragraph pairs. When the translator moved a paragraph
# break ("A. B." | "C." against "A'." | "B'. C'."), the paragraph pairing may put a
# sentence and its translation in neighbouring pairs, and each comes out one-sided, side
# by side. One-sided beads of the two sides at most REJOIN_BEADS apart are aligned again
# as sentences across the paragraphs (crossing a paragraph start costs what it costs in
# the pairs); the new beads are kept only when fewer sentences stay one-sided.
REJOIN_BEADS = 2
# ... and only when each new pair holding a formerly one-sided sentence is a sure one:
# a cost below nothing (the bead's evidence outweighs its prior) and a confidence of at
# least REJOIN_SCORE. Two one-sided sentences side by side are more often an omission
# beside an addition (a caption beside a paragraph whose original was cut) than a pair.
REJOIN_SCORE = 0.9


@dataclass(frozen=True)
class Realign:
    """What the passes after the alignment realign windows with: both sides' units and
    paragraph numbers, the document's parameters and the run (progress, cancel)."""

    x: Units
    y: Units
    xpara: np.ndarray
    ypara: np.ndarray
    params: Params
    run: _Run

    def aligned(self, xs: Units, ys: Units, x0: int, y0: int) -> list[UnitBead]:
        """Beads of the sub-units ``xs``/``ys`` (starting at x0/y0), in document
        coordinates."""
        beads = align_units(xs, ys, self.params, self.run)
        for b in beads:
            b.x0 += x0
            b.y0 += y0
        return beads


def _redecode_unaligned(beads: list[UnitBead], state: Realign) -> list[UnitBead]:
    """Sentences probably left untranslated become 1-0 / 0-1; their neighbourhood is redone.

    Viterbi keeps a sentence whose translation is missing glued to a neighbouring bead
    whenever that path is even slightly cheaper, although the posterior of the sentence
    being unaligned (summed over all segmentations) is high. A sentence whose posterior
    reaches UNALIGNED_POSTERIOR is forced unaligned and the beads around it (a window of
    REDECODE_BEADS either side, inside one paragraph on each side) are aligned again.
    """
    flag_x = np.zeros(state.x.n, dtype=bool)
    flag_y = np.zeros(state.y.n, dtype=bool)
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
        fresh = _realign_window(state, x0, x1, y0, y1, flag_x, flag_y)
        out.extend(beads[done:lo])
        out.extend(fresh if fresh is not None else win)
        done = hi
    out.extend(beads[done:])
    return out


def _realign_window(
    state: Realign, x0: int, x1: int, y0: int, y1: int, flag_x: np.ndarray, flag_y: np.ndarray
) -> list[UnitBead] | None:
    """Beads of x0..x1 / y0..y1 with the flagged sentences forced unaligned (or None)."""
    if len(set(state.xpara[x0:x1].tolist())) > 1 or len(set(state.ypara[y0:y1].tolist())) > 1:
        return None  # paragraphs were paired before sentences: stay inside them
    xs, ys = state.x.subset(x0, x1), state.y.subset(y0, y1)
    for u, flags, start, stop in ((xs, flag_x, x0, x1), (ys, flag_y, y0, y1)):
        forced = flags[start:stop].copy()
        if u.forced is not None:
            forced |= u.forced
        u.forced = forced if forced.any() else None
    return state.aligned(xs, ys, x0, y0)


def rejoin_split_pairs(
    beads: list[UnitBead],
    state: Realign,
    xdrop: np.ndarray | None = None,
    ydrop: np.ndarray | None = None,
) -> list[UnitBead]:
    """Realign the neighbourhoods where a 1-0 and a 0-1 bead lie within REJOIN_BEADS.

    ``xdrop``/``ydrop`` flag page furniture (headlines, links, captions, notes) and
    Chinese title lines (``paragraphs.droppable``): furniture is left out one-sided by
    design, and neither counts as a sentence to rejoin."""
    def content(b: UnitBead, drop: np.ndarray | None, start: int, n: int) -> bool:
        return b.fixed is None and (drop is None or not drop[start : start + n].any())

    xs_only = [k for k, b in enumerate(beads) if b.a and not b.b and content(b, xdrop, b.x0, b.a)]
    ys_only = [k for k, b in enumerate(beads) if b.b and not b.a and content(b, ydrop, b.y0, b.b)]
    windows: list[list[int]] = []
    for k in xs_only:
        for j in ys_only:
            if abs(k - j) > REJOIN_BEADS:
                continue
            lo, hi = max(0, min(k, j) - 1), min(len(beads), max(k, j) + 2)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
    if not windows:
        return beads
    out: list[UnitBead] = []
    done = 0
    for lo, hi in sorted(windows):
        if lo < done:
            lo = done
        win = beads[lo:hi]
        if not win or any(b.fixed is not None for b in win):
            continue
        window = (win[0].x0, win[-1].x0 + win[-1].a, win[0].y0, win[-1].y0 + win[-1].b)
        fresh = _as_sentences(state, window)
        if _one_sided(fresh) >= _one_sided(win) or not _sure_rejoins(win, fresh):
            continue
        out.extend(beads[done:lo])
        out.extend(fresh)
        done = hi
    out.extend(beads[done:])
    return out


def _as_sentences(state: Realign, window: tuple[int, int, int, int]) -> list[UnitBead]:
    """Beads of sentences x0..x1 / y0..y1 aligned across their paragraphs (a paragraph
    start crossed costs PARAGRAPH_CROSSING), in document coordinates."""
    x0, x1, y0, y1 = window
    xs, ys = state.x.subset(x0, x1), state.y.subset(y0, y1)
    for units, para in ((xs, state.xpara[x0:x1]), (ys, state.ypara[y0:y1])):
        units.para_start = None
        mark_paragraph_starts(units, para_bounds(para))
    return state.aligned(xs, ys, x0, y0)


def _one_sided(beads: list[UnitBead]) -> int:
    """Sentences in one-sided beads."""
    return sum(b.a + b.b for b in beads if not (b.a and b.b))


def _sure_rejoins(old: list[UnitBead], fresh: list[UnitBead]) -> bool:
    """Whether every new pair that takes in a sentence one-sided before is a sure one."""
    xs = {i for b in old if not b.b for i in range(b.x0, b.x0 + b.a)}
    ys = {j for b in old if not b.a for j in range(b.y0, b.y0 + b.b)}
    for b in fresh:
        if not (b.a and b.b):
            continue
        takes = any(i in xs for i in range(b.x0, b.x0 + b.a)) or any(
            j in ys for j in range(b.y0, b.y0 + b.b)
        )
        if takes and (b.cost >= 0.0 or b.score < REJOIN_SCORE):
            return False
    return True


# Paragraphs are paired before sentences, and a paragraph pairing that went wrong (the
# translator moved a break beside a dropped sentence) fences sentences away from their
# translations: merged into the bead before, the next pair pairing the wrong ones. A gap
# of up to SECOND_OPINION_MAX sentences (both sides: a news article) is also aligned as
# sentences, paragraph starts priced but not fenced; where the two disagree, the
# sentence-level beads are taken when they merge fewer sentences and are sure of every
# pair (REJOIN_SCORE). A dropped paragraph is the opposite case (the sentence level glues
# it to a neighbour, merging more) and keeps the paragraph-first beads.
SECOND_OPINION_MAX = 400


def second_opinion(
    beads: list[UnitBead], state: Realign, gap: tuple[int, int, int, int]
) -> list[UnitBead]:
    """The gap's beads, with the stretches the sentence-level alignment does better."""
    x0, x1, y0, y1 = gap
    if (x1 - x0) + (y1 - y0) > SECOND_OPINION_MAX or not beads:
        return beads
    other = _as_sentences(state, gap)
    out: list[UnitBead] = []
    for mine, theirs in _stretches(beads, other):
        if _shape(mine) != _shape(theirs) and _better(mine, theirs):
            out.extend(theirs)
        else:
            out.extend(mine)
    return out


def _end(b: UnitBead) -> tuple[int, int]:
    return b.x0 + b.a, b.y0 + b.b


def _shape(beads: list[UnitBead]) -> list[tuple[int, int, int, int]]:
    return [(b.x0, b.a, b.y0, b.b) for b in beads]


def _stretches(
    first: list[UnitBead], second: list[UnitBead]
) -> list[tuple[list[UnitBead], list[UnitBead]]]:
    """Both alignments of the same text cut at the bead ends they share."""
    common = {_end(b) for b in first} & {_end(b) for b in second}
    out: list[tuple[list[UnitBead], list[UnitBead]]] = []
    i = j = 0
    while i < len(first) or j < len(second):
        a: list[UnitBead] = []
        b: list[UnitBead] = []
        while i < len(first):
            a.append(first[i])
            i += 1
            if _end(a[-1]) in common:
                break
        while j < len(second):
            b.append(second[j])
            j += 1
            if _end(b[-1]) in common:
                break
        out.append((a, b))
    return out


def _better(mine: list[UnitBead], theirs: list[UnitBead]) -> bool:
    """Whether the sentence-level beads of a stretch replace the paragraph-first ones."""

    def merged(beads: list[UnitBead]) -> int:
        return sum(b.a + b.b for b in beads if b.a >= 2 or b.b >= 2)

    return (
        bool(theirs)
        and all(b.fixed is None for b in mine)
        and all(b.score >= REJOIN_SCORE for b in theirs if b.a and b.b)
        and merged(theirs) < merged(mine)
    )
