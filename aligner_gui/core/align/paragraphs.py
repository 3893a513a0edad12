"""One gap between anchors: paragraphs paired first, then sentences inside the pairs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner_gui.core.align.cost import Params
from aligner_gui.core.align.features import Units
from aligner_gui.core.align.fixed import Gap
from aligner_gui.core.align.run import UnitBead, _Run
from aligner_gui.core.align.unit_align import FULL_GRID_CELLS, align_units

# Most cells of one block-band DP over many small paragraph groups.
BATCH_CELLS = 400_000
# Paragraph cues: discount on leaving a headline/link/caption paragraph unaligned, and
# the penalty for gluing it to a neighbouring paragraph.
SKIP_BONUS = 4.0
MERGE_PENALTY = 8.0
# Penalty for pairing an English headline/link/caption paragraph with anything but
# furniture: below the merge penalty, since such paragraphs are often translated (and
# then the dictionary's evidence outweighs it). Without it a Chinese paragraph whose
# English was deleted paired with the untranslated headline or caption beside it.
EN_PAIR_PENALTY = 4.0
# Sentence level: the penalty for a bead running across the start of a paragraph (the
# 2-1 bead that glues a paragraph whose translation is missing to the sentence before).
# Both chosen on benchmarks/paragraph_omissions.py (the seed and the news set):
# Chinese orphan paragraphs one-sided 77 % -> 86 %, English orphans 100 % before and
# after, no paired sentence turned one-sided.
PARAGRAPH_CROSSING = 2.0


def para_bounds(paragraphs: np.ndarray) -> np.ndarray:
    """Start of each paragraph run in a per-sentence paragraph index array, plus the end."""
    if len(paragraphs) == 0:
        return np.zeros(1, dtype=np.int64)
    change = np.flatnonzero(paragraphs[1:] != paragraphs[:-1]) + 1
    return np.concatenate([[0], change, [len(paragraphs)]]).astype(np.int64)


def mark_paragraph_starts(units: Units, bounds: np.ndarray) -> None:
    """Price a bead running across a paragraph start (PARAGRAPH_CROSSING) at each start
    inside ``units`` (``bounds`` as :func:`para_bounds` gives them)."""
    if len(bounds) > 2:
        starts = np.zeros(units.n, dtype=np.float64)
        starts[bounds[1:-1]] = PARAGRAPH_CROSSING
        units.para_start = starts


def align_gap(
    gap: Gap,
    x: Units,
    y: Units,
    xpara: np.ndarray,
    ypara: np.ndarray,
    params: Params,
    run: _Run,
    xdrop: np.ndarray | None = None,
    ydrop: np.ndarray | None = None,
) -> list[UnitBead]:
    """Align one gap; returned beads are in document coordinates.

    ``xdrop``/``ydrop`` flag, per sentence, those whose whole paragraph looks like page
    furniture translations often leave out (headline, "MORE:" link, photo caption).
    """
    xs = x.subset(gap.x0, gap.x1)
    ys = y.subset(gap.y0, gap.y1)
    xb = para_bounds(xpara[gap.x0 : gap.x1])
    yb = para_bounds(ypara[gap.y0 : gap.y1])
    for units, bounds in ((xs, xb), (ys, yb)):
        mark_paragraph_starts(units, bounds)
    npx, npy = len(xb) - 1, len(yb) - 1
    out: list[UnitBead] = []
    use_paragraphs = npx >= 2 and npy >= 2 and max(npx, npy) <= 3 * min(npx, npy)
    if use_paragraphs:
        px, py = xs.merge(xb), ys.merge(yb)
        for units, sentences, bounds in ((px, xs, xb), (py, ys, yb)):
            if sentences.orphan_numbers is not None and sentences.n:
                # (summed here, not in merge(): the coarse blocks of a long text are
                # arbitrary cuts, not units whose merging says anything)
                units.orphan_numbers = np.add.reduceat(sentences.orphan_numbers, bounds[:-1])
        for units, flags, bounds, start in ((px, xdrop, xb, gap.x0), (py, ydrop, yb, gap.y0)):
            if flags is not None:
                kinds = flags[bounds[:-1] + start]
                if (kinds == TITLE).any():
                    units.pairs_as_furniture = kinds == TITLE
                f = (kinds == FURNITURE).astype(np.float64)
                if f.any():
                    units.skip_bonus = SKIP_BONUS * f
                    units.merge_penalty = MERGE_PENALTY * f
                    # A Chinese note, source line or share line is the translation's or
                    # page's own: it pairs with nothing. An English headline, link or
                    # caption may well be translated: a smaller penalty, which a pairing
                    # the dictionary supports outweighs.
                    units.pair_penalty = (MERGE_PENALTY if units is px else EN_PAIR_PENALTY) * f
        pbeads = align_units(px, py, params, run)
        groups = [
            (int(xb[b.x0]), int(xb[b.x0 + b.a]), int(yb[b.y0]), int(yb[b.y0 + b.b]), b.score)
            for b in pbeads
        ]
    else:
        groups = [(0, xs.n, 0, ys.n, 1.0)]
    # Small groups are aligned together in block bands; big ones on their own.
    batch: list[tuple[int, int, int, int, float]] = []
    batch_cells = 0
    for group in groups + [None]:  # type: ignore[list-item]
        area = 0 if group is None else (group[1] - group[0] + 1) * (group[3] - group[2] + 1)
        big = group is not None and area > FULL_GRID_CELLS
        if batch and (group is None or big or batch_cells + area > BATCH_CELLS):
            out.extend(_align_batch(batch, xs, ys, gap, params, run))
            batch, batch_cells = [], 0
        if group is None:
            break
        if big:
            gx0, gx1, gy0, gy1, gscore = group
            part = align_units(xs.subset(gx0, gx1), ys.subset(gy0, gy1), params, run)
            for b in part:
                b.x0 += gap.x0 + gx0
                b.y0 += gap.y0 + gy0
                b.score = min(b.score, gscore)
                out.append(b)
            run.advance(gx1 - gx0)
        else:
            batch.append(group)
            batch_cells += area
    return out


def _align_batch(
    batch: list[tuple[int, int, int, int, float]],
    xs: Units,
    ys: Units,
    gap: Gap,
    params: Params,
    run: _Run,
) -> list[UnitBead]:
    """Consecutive small groups in one DP over the union of their rectangles."""
    bx0, by0 = batch[0][0], batch[0][2]
    bx1, by1 = batch[-1][1], batch[-1][3]
    local = np.array([(g[0] - bx0, g[1] - bx0, g[2] - by0, g[3] - by0) for g in batch])
    scores = np.array([g[4] for g in batch])
    part = align_units(xs.subset(bx0, bx1), ys.subset(by0, by1), params, run, groups=local)
    if part:
        # A sentence bead is no surer than the pairing of its paragraphs.
        ends_x = np.array([b.x0 + b.a for b in part], dtype=np.int64)
        ends_y = np.array([b.y0 + b.b for b in part], dtype=np.int64)
        gi = np.maximum(
            np.searchsorted(local[:, 1], ends_x, side="left"),
            np.searchsorted(local[:, 3], ends_y, side="left"),
        )
        cap = scores[np.clip(gi, 0, len(batch) - 1)]
        for b, c in zip(part, cap.tolist(), strict=True):
            b.score = min(b.score, c)
    for b in part:
        b.x0 += gap.x0 + bx0
        b.y0 += gap.y0 + by0
    run.advance(bx1 - bx0)
    return part


# droppable()'s flags: page furniture translations often leave out, and a Chinese title
# line, which is no furniture (a translation keeps it) but pairs with the English
# headline as furniture pairs with furniture, without EN_PAIR_PENALTY.
FURNITURE = 1
TITLE = 2


def droppable(texts: Sequence[str], para: np.ndarray, lang: str) -> np.ndarray | None:
    """Per sentence: is its paragraph page furniture (FURNITURE): English headline, link,
    caption, or a note a Chinese translation adds (编者注：…)? A Chinese title line is
    TITLE; anything else 0."""
    if lang not in ("en", "zh") or len(texts) == 0:
        return None
    try:
        from aligner_gui.core.scoring.classify import (
            CONTENT,
            classify_unaligned,
            zh_furniture,
            zh_headline,
        )
    except ImportError:  # pragma: no cover - the classifier is optional for the aligner
        return None
    bounds = para_bounds(para)
    flags = np.zeros(len(texts), dtype=np.int8)
    if len(bounds) <= 2:
        return flags
    for k in range(len(bounds) - 1):
        s, e = int(bounds[k]), int(bounds[k + 1])
        text = " ".join(texts[s:e])
        if lang == "zh":
            if zh_furniture(text) is not None:
                flags[s:e] = FURNITURE
            elif e - s == 1 and zh_headline(text, is_first_paragraph=k == 0):
                flags[s:e] = TITLE
        else:
            kind = classify_unaligned(text, paragraph_index=k, is_whole_paragraph=True)
            flags[s:e] = kind != CONTENT
    return flags
