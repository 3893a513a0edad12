"""Sentence alignment of a Chinese/English pair: paragraphs first, then sentences.

Method (align_cost.py has the bead cost, align_dp.py the search):

1. Features per sentence (align_lexical.py): length in letters/digits, Chinese content
   words with their dictionary translations, English content stems, numbers and name
   keys (from the Lexicon), plus punctuation pseudo-words (? ! quotes, dashes) and
   quotation edges (does the sentence open / close a quotation).
2. Gaps between editor-fixed beads are aligned independently; fixed 1-0 / 0-1 beads
   are constraints inside a gap.
3. In a gap with several paragraphs on both sides, paragraphs are aligned first (n-m and
   1-0/0-1 paragraph beads; headline, "MORE:" link and caption paragraphs are cheap to
   leave out and dear to glue on), then sentences inside each paragraph pair; many
   small pairs share one DP over the union of their rectangles (a block band).
4. Every DP is banded: a grid too big to search whole is coarsened (both sides cut into
   the same number of equal-length blocks) recursively, aligned, and the coarse path
   widened into a band for the finer level, so time is linear in the text length.
5. Two passes. After the first, the document teaches itself: character ratio and
   match rates (also locally, along the text), length variance, chance-match rates,
   bead-type priors, quotation-edge agreement, and a word translation table
   (competitive-linking Dice plus IBM model 1 over the first-pass beads) that adds
   names, terms and the translator's habits to the dictionary. The second pass
   realigns with all of it.
6. Bead confidence: in the final pass, the bead's posterior probability over all
   segmentations in the band (forward-backward, align_posterior.py); in the first pass
   (where it only selects the beads the lexicon learns from) the margin between the
   best and second-best way the DP reaches each of the bead's boundaries.
7. Omissions. Viterbi glues a sentence whose translation is missing to a neighbouring
   bead (1-2 / 2-1) whenever that path is even slightly cheaper, though the sentence's
   posterior of being unaligned (the same forward-backward) is high. A sentence of a
   merged bead's multi-sentence side whose posterior reaches UNALIGNED_POSTERIOR is
   forced to 1-0 / 0-1 and the beads around it are realigned (_redecode_unaligned).
   Learned-prior floors, a per-sentence evidence term in merged beads' costs and a
   likelihood-ratio detach test were measured too: each cost more strict F1 or
   precision than it bought in recall (see benchmarks/align_quality.py, omission).
   Runs of deleted Chinese sentences: the level-0 DP also has k-0 run beads (k = 2..6,
   align_cost.RUN_TYPES) costing a 1-0 bead plus RUN_FACTOR (0.9) of one per further
   sentence, split into 1-0 beads on output; posteriors leave them out (a run would
   count once per way of cutting it). RUN_FACTOR 0.8 / 0.5 buy more recall (bible
   block 0.93 / 0.97) at 0.02 / 0.09 precision. Runs of English sentences are made in
   the DP's row scan (banded_dp's run_discount, a second state per row): each 0-1 bead
   after the first of a run costs Y_RUN_FACTOR (0.7) of one.
   Also measured and left out: unmatched Chinese words weighing 1.5x in the lexical
   term (mac-dev recall +0.04-0.10 with the English deleted, bible precision -0.04),
   near-path chance rates, dropping frequent words at level 0: the same
   precision/recall curve, not a better one. A second-stage detach test over the
   sentences of merged beads was measured offline (seed 7, Chinese orphans): besides
   the posterior, IBM-1 per-word log-likelihood ratios against the bead's other side
   (trained on the document's confident 1-1 beads, dictionary pairs as a floor), the
   fit of the bead's length with and without the sentence, its share of the bead's
   length, its position. The posterior alone ranks glued orphans best across corpora
   (AUC 0.94 mac-dev, 0.92 bible; IBM-1 LLR 0.85 / 0.82); a logistic model trained on
   bible and tested on mac-dev does worse (0.92), and even one fitted on mac-dev itself
   catches 27 of its 48 glued orphans only with 10 false detachments. 17% of mac-dev's
   single Chinese orphans are not in a merged bead at all (the orphan took its
   neighbour's translation), out of any detach test's reach.

Figures (benchmarks/align_quality.py): mac-dev strict F1 0.922 (lax 0.994), bible
001-003 strict F1 0.860 pooled; bible 003 (19,653 x 15,000) in 5-8 s on 2 shared cores.
Omissions (5% of translated sentences deleted, seed 7, P/R of one-sided beads), English
deleted: mac-dev 0.90/0.55 single, 0.90/0.69 runs; bible 0.89/0.79, 0.89/0.91;
Chinese deleted: mac-dev 0.76/0.56, 0.86/0.81; bible 0.89/0.86, 0.90/0.95;
seed paragraphs 1.00/1.00.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aligner_gui.core.align.cost import (
    BEAD_TYPES,
    COARSE_TYPES,
    DEFAULT_PRIOR,
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
    make_band,
)
from aligner_gui.core.align.features import PairMasks, Units, pair_masks, popcount
from aligner_gui.core.align.lexical import LexicalFeatures, learn_translations
from aligner_gui.core.align.posterior import posteriors
from aligner_gui.core.errors import Cancelled
from aligner_gui.core.model import Bead, Side

__all__ = ["align_sides", "align_texts", "BEAD_TYPES"]

# Grids up to this many cells are searched whole; bigger ones coarse-to-fine.
FULL_GRID_CELLS = 160_000
# Most sentences on one side of a bead.
MAX_SPAN = max(max(t) for t in BEAD_TYPES)
# Most cells of one block-band DP over many small paragraph groups.
BATCH_CELLS = 400_000
# Half-width (in units) of the band around a projected coarse path.
BAND_BUFFER = 8
# Learn word pairs from the first pass's beads and realign with them.
LEARN_LEXICON = True
# Only first-pass beads at least this confident teach the document lexicon.
LEARN_MIN_SCORE = 0.5
# Weight (in beads) of the default bead-type prior against the first pass's counts.
PRIOR_STRENGTH = 50.0
# Half-window (in paired beads) of the local length ratio; 0 = one ratio per document.
LOCAL_RATIO_BEADS = 60
# Bead confidence = sigmoid((boundary margin - SHIFT) / SCALE), margins in cost units.
CONFIDENCE_SHIFT = -0.8
CONFIDENCE_SCALE = 1.5
# Half-width of the band around the best path over which bead posteriors are summed.
POSTERIOR_BUFFER = 6
# Half-window (in paired beads) of the local match rates, and their prior weight (words).
LOCAL_MATCH_BEADS = 60
MATCH_PRIOR_WORDS = 50.0
# Paragraph cues: discount on leaving a headline/link/caption paragraph unaligned, and
# the penalty for gluing it to a neighbouring paragraph.
SKIP_BONUS = 4.0
MERGE_PENALTY = 8.0
# Item frequency above which a word is ignored at coarse levels (too common to locate).
COARSE_MAX_DF = 0.2
# A sentence whose posterior of being unaligned reaches this is made a 1-0 / 0-1 bead
# (1.0 = off), and REDECODE_BEADS beads either side of it are aligned again around it.
UNALIGNED_POSTERIOR = 0.4
REDECODE_BEADS = 2
MERGED_ONLY = True
# Runs of unaligned y units (English sentences whose Chinese was deleted) are priced in
# the level-0 DP's row scan: each 0-1 bead after the first of a run costs Y_RUN_FACTOR
# of one (1.0 = no run model). 0.7 (seed 7, mac-dev runs with the Chinese deleted):
# recall 0.66 -> 0.81 for 0.02 precision; single deletions lose ~0.06 precision (a
# neighbouring loose sentence now and then goes with the orphan); F1 -0.002.
Y_RUN_FACTOR = 0.7

Progress = Callable[[float], None]
Cancel = Callable[[], bool]


@dataclass
class UnitBead:
    """A bead in local unit coordinates with the statistics its cost was made of."""

    x0: int
    a: int
    y0: int
    b: int
    cost: float = 0.0
    score: float = 0.5
    stats: tuple[float, ...] = ()  # lx, ly, nx, ny, mx, my, quote edges
    fixed: int | None = None  # index into the caller's fixed beads
    # Per sentence of the bead (x side, y side): posterior probability that it is
    # unaligned (1-0 / 0-1), from the final pass's forward-backward.
    p_un: tuple[list[float], list[float]] = ((), ())  # type: ignore[assignment]


@dataclass
class _Run:
    """Bookkeeping shared by the DPs of one align_sides call."""

    cancel: Cancel | None
    progress: Progress | None
    total_units: float
    done: float = 0.0
    pass_index: int = 0
    n_passes: int = 2
    offpath: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0, 0.0])

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled("alignment cancelled")

    # Share of the progress bar given to reading features; the passes share the rest.
    features_share: float = 0.15

    def advance(self, units: float) -> None:
        self.done += units
        self.report(0.0, 0.0)

    def report(self, inner: float, units: float) -> None:
        """Progress after ``done`` units plus ``inner`` of a DP over ``units`` more."""
        if self.progress is None:
            return
        within = min(1.0, (self.done + inner * units) / max(self.total_units, 1.0))
        share = (1.0 - self.features_share) / self.n_passes
        frac = self.features_share + share * (self.pass_index + within)
        self.progress(min(1.0, max(0.0, frac)))

    def features(self, fraction: float) -> None:
        self.check()
        if self.progress is not None:
            self.progress(self.features_share * min(1.0, max(0.0, fraction)))


class _Cells:
    """A set of grid cells shaped like a Band for the cost helpers."""

    def __init__(self, rows: np.ndarray, cols: np.ndarray) -> None:
        self.rows = rows
        self.cols = cols
        self.ncells = len(rows)


# ---------------------------------------------------------------------------------------
# Unit-level alignment
# ---------------------------------------------------------------------------------------


def _coarse_bounds(length: np.ndarray, blocks: int) -> np.ndarray:
    """Block boundaries cutting a side into ``blocks`` pieces of about equal length.

    Both sides are cut into the same number of equal-length pieces, so the coarse path
    runs near the diagonal with mostly 1-1 blocks even when one side has many more
    (shorter) sentences than the other.
    """
    n = len(length)
    if blocks >= n:
        return np.arange(n + 1, dtype=np.int64)
    cum = np.cumsum(np.maximum(length, 1.0))
    targets = cum[-1] * np.arange(1, blocks) / blocks
    cuts = np.searchsorted(cum, targets, side="left") + 1
    bounds = np.unique(np.concatenate([[0], np.clip(cuts, 1, n - 1), [n]]))
    return bounds.astype(np.int64)


def _drop_frequent(x: Units, y: Units) -> tuple[Units, Units]:
    """Coarse-level items: rarer words only, each at most once per unit.

    Frequent items say little about position and dominate the cost of the match join;
    repeated items in a block add nothing. Positions left without items are dropped, so
    coverage is measured over what can match.
    """
    if len(y.occ_item) == 0 or len(x.occ_item) == 0:
        return x, y
    top = int(max(y.occ_item.max(), x.occ_item.max())) + 1
    key = np.unique(y.occ_unit * top + y.occ_item)
    df = np.bincount(key % top, minlength=top)
    limit = max(3.0, COARSE_MAX_DF * y.n)
    return _compact(x, df[x.occ_item] <= limit, top), _compact(y, df[y.occ_item] <= limit, top)


def _compact(u: Units, keep: np.ndarray, top: int) -> Units:
    unit, pos, item = u.occ_unit[keep], u.occ_pos[keep], u.occ_item[keep]
    if len(unit) == 0:
        return Units(u.length, np.zeros(u.n, dtype=np.int64), unit, pos, item)
    order_key = unit * (int(pos.max()) + 1) + pos
    if np.any(order_key[1:] < order_key[:-1]):
        order = np.argsort(order_key, kind="stable")
        unit, pos, item = unit[order], pos[order], item[order]
    # One occurrence per (unit, item): the first, i.e. at the lowest position.
    _uniq, first = np.unique(unit * top + item, return_index=True)
    first.sort()
    unit, pos, item = unit[first], pos[first], item[first]
    # Renumber the surviving positions densely within each unit.
    new = np.r_[True, (unit[1:] != unit[:-1]) | (pos[1:] != pos[:-1])]
    rank = np.cumsum(new) - 1
    n_items = np.bincount(unit[new], minlength=u.n).astype(np.int64)
    start = np.zeros(u.n + 1, dtype=np.int64)
    np.cumsum(n_items, out=start[1:])
    return Units(u.length, n_items, unit, rank - start[unit], item)


def _mask_band(band: Band) -> tuple[np.ndarray, np.ndarray]:
    """Pair rows/cols any bead of up to MAX_SPAN sentences a side ending in the band can touch."""
    nx, ny = band.nx, band.ny
    i = np.arange(nx, dtype=np.int64)
    plo = band.lo[np.minimum(i + 1, nx)] - MAX_SPAN
    phi = band.hi[np.minimum(i + MAX_SPAN, nx)] - 1
    return np.clip(plo, 0, max(ny - 1, 0)), np.clip(phi, -1, ny - 1)


def _trivial(nx: int, ny: int) -> list[tuple[int, int]]:
    return [(1, 0)] * nx + [(0, 1)] * ny


def _path_vertices(path: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    steps = np.asarray(path, dtype=np.int64).reshape(-1, 2)
    vx = np.concatenate([[0], np.cumsum(steps[:, 0])])
    vy = np.concatenate([[0], np.cumsum(steps[:, 1])])
    return vx, vy


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
        bx = _coarse_bounds(x.length, blocks)
        by = _coarse_bounds(y.length, blocks)
        cx, cy = _drop_frequent(x.merge(bx), y.merge(by))
        coarse = align_units(cx, cy, params, run, COARSE_TYPES, level + 1)
        vx, vy = _path_vertices([(b.a, b.b) for b in coarse])
        band = band_around_path(bx[vx], by[vy], nx, ny, BAND_BUFFER)
    plo, phi = _mask_band(band)
    masks = pair_masks(x, y, plo, phi)
    params = _with_chance_rates(params, x, y, band, masks)
    if level > 0:
        params = _with_match_rates(params, x, y, masks)
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
        _confidences(beads, band, D, costs, types)
        if run.pass_index == run.n_passes - 1:
            # Without the run beads: a run would count once per way of cutting it.
            nb = len(types) - len(RUN_TYPES) if len(types) > len(BEAD_TYPES) else len(types)
            _posterior_confidences(beads, band, costs[:nb], types[:nb])
    if level == 0:
        _attach_stats(beads, x, y, band, masks)
        _offpath_stats(beads, x, y, masks, run)
    return beads


def _with_chance_rates(params: Params, x: Units, y: Units, band: Band, masks: PairMasks) -> Params:
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


def _with_match_rates(params: Params, x: Units, y: Units, masks: PairMasks) -> Params:
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


def _collect(path, types, costs, band: Band) -> list[UnitBead]:
    if not path:
        return []
    steps = np.asarray(path, dtype=np.int64).reshape(-1, 2)
    ends_x = np.cumsum(steps[:, 0])
    ends_y = np.cumsum(steps[:, 1])
    cells = band.index(ends_x, ends_y)
    tindex = {t: k for k, t in enumerate(types)}
    tk = np.array([tindex[(int(a), int(b))] for a, b in steps], dtype=np.int64)
    stacked = np.stack([np.append(c, np.inf) for c in costs])
    bead_costs = stacked[tk, cells]
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


def _confidences(beads: list[UnitBead], band: Band, D: np.ndarray, costs, types) -> None:
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


def _posterior_confidences(beads: list[UnitBead], band: Band, costs, types) -> None:
    """Final confidences: each bead's posterior probability over all paths in the band."""
    if not beads:
        return
    # Paths far from the best one carry almost no mass: a narrow band around it will do.
    vx, vy = _path_vertices([(b.a, b.b) for b in beads])
    near = band_around_path(vx, vy, band.nx, band.ny, POSTERIOR_BUFFER)
    near = make_band(np.maximum(near.lo, band.lo), np.minimum(near.hi, band.hi), band.nx, band.ny)
    if near.ncells < band.ncells:
        where = band.index(near.rows, near.cols)
        costs = [np.append(c, np.inf)[where] for c in costs]
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


def _sigmoid(v: float) -> float:
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


# ---------------------------------------------------------------------------------------
# Parameter estimation
# ---------------------------------------------------------------------------------------


def initial_params(x: Units, y: Units) -> Params:
    lx, ly = float(x.length.sum()), float(y.length.sum())
    ratio = ly / lx if lx > 0 and ly > 0 else 1.0
    return Params(ratio=ratio)


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
        t: (counts.get(t, 0.0) + alpha * p) / (total + alpha) for t, p in DEFAULT_PRIOR.items()
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


# ---------------------------------------------------------------------------------------
# Gaps, paragraphs, fixed beads
# ---------------------------------------------------------------------------------------


@dataclass
class _Gap:
    x0: int
    x1: int
    y0: int
    y1: int


def _para_bounds(paragraphs: np.ndarray) -> np.ndarray:
    if len(paragraphs) == 0:
        return np.zeros(1, dtype=np.int64)
    change = np.flatnonzero(paragraphs[1:] != paragraphs[:-1]) + 1
    return np.concatenate([[0], change, [len(paragraphs)]]).astype(np.int64)


def _align_gap(
    gap: _Gap,
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
    xb = _para_bounds(xpara[gap.x0 : gap.x1])
    yb = _para_bounds(ypara[gap.y0 : gap.y1])
    npx, npy = len(xb) - 1, len(yb) - 1
    out: list[UnitBead] = []
    use_paragraphs = npx >= 2 and npy >= 2 and max(npx, npy) <= 3 * min(npx, npy)
    if use_paragraphs:
        px, py = xs.merge(xb), ys.merge(yb)
        for units, flags, bounds, start in ((px, xdrop, xb, gap.x0), (py, ydrop, yb, gap.y0)):
            if flags is not None:
                f = flags[bounds[:-1] + start].astype(np.float64)
                if f.any():
                    units.skip_bonus = SKIP_BONUS * f
                    units.merge_penalty = MERGE_PENALTY * f
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
    gap: _Gap,
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


def _droppable(texts: Sequence[str], para: np.ndarray, lang: str) -> np.ndarray | None:
    """Per sentence: is its paragraph English page furniture (headline, link, caption)?"""
    if lang != "en" or len(texts) == 0:
        return None
    try:
        from aligner_gui.core.scoring.classify import CONTENT, classify_unaligned
    except ImportError:  # pragma: no cover - the classifier is optional for the aligner
        return None
    bounds = _para_bounds(para)
    flags = np.zeros(len(texts), dtype=bool)
    if len(bounds) <= 2:
        return flags
    for k in range(len(bounds) - 1):
        s, e = int(bounds[k]), int(bounds[k + 1])
        text = " ".join(texts[s:e])
        kind = classify_unaligned(text, paragraph_index=k, is_whole_paragraph=True)
        flags[s:e] = kind != CONTENT
    return flags


def _check_ids(ids: tuple[int, ...], n: int) -> None:
    if ids and list(ids) != list(range(ids[0], ids[0] + len(ids))):
        raise ValueError("a fixed bead's sentence ids must be consecutive")
    if ids and (ids[0] < 0 or ids[-1] >= n):
        raise ValueError("a fixed bead refers to a sentence that does not exist")


def _gaps_and_fixed(
    fixed_xy: list[tuple[tuple[int, ...], tuple[int, ...]]], nx: int, ny: int
) -> list[_Gap | int]:
    """The document as a sequence of gaps and indices into fixed_xy, in reading order."""
    order = sorted(range(len(fixed_xy)), key=lambda k: (fixed_xy[k][0][0], fixed_xy[k][1][0]))
    seq: list[_Gap | int] = []
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
            seq.append(_Gap(px, gx1, py, gy1))
        seq.append(k)
        px = gx1 + len(xs)
        py = gy1 + len(ys)
    if px < nx or py < ny:
        seq.append(_Gap(px, nx, py, ny))
    return seq


# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------


def align_texts(
    x_texts: Sequence[str],
    y_texts: Sequence[str],
    lexicon: Any,
    *,
    x_lang: str = "zh",
    y_lang: str = "en",
    x_paragraphs: Sequence[int] | None = None,
    y_paragraphs: Sequence[int] | None = None,
    fixed_xy: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[UnitBead]:
    """Align sentence lists (x normally Chinese); beads in x/y coordinates."""
    run = _Run(cancel, progress, total_units=1.0)
    run.features(0.0)
    feats = LexicalFeatures(lexicon, x_texts, y_texts, x_lang, y_lang, check=run.features)
    x, y = feats.units()
    nx, ny = x.n, y.n
    xpara = np.asarray(x_paragraphs if x_paragraphs is not None else [0] * nx, dtype=np.int64)
    ypara = np.asarray(y_paragraphs if y_paragraphs is not None else [0] * ny, dtype=np.int64)
    fixed = [(tuple(int(i) for i in s), tuple(int(j) for j in t)) for s, t in fixed_xy]
    xdrop = _droppable(x_texts, xpara, x_lang)
    ydrop = _droppable(y_texts, ypara, y_lang)
    # Fixed beads with both sides are anchors between gaps; fixed 1-0 / 0-1 beads are
    # constraints inside a gap (their sentences may join no paired bead).
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
    if singles:
        xf = np.zeros(nx, dtype=bool)
        yf = np.zeros(ny, dtype=bool)
        for k in singles:
            xf[list(fixed[k][0])] = True
            yf[list(fixed[k][1])] = True
        x.forced = xf if xf.any() else None
        y.forced = yf if yf.any() else None
    seq_local = _gaps_and_fixed([fixed[k] for k in anchors], nx, ny)
    seq = [g if isinstance(g, _Gap) else anchors[g] for g in seq_local]
    gaps = [g for g in seq if isinstance(g, _Gap)]
    run.total_units = float(sum(g.x1 - g.x0 for g in gaps))
    run.check()
    params = initial_params(x, y)
    result: dict[int, list[UnitBead]] = {}
    for pass_index in range(run.n_passes):
        run.pass_index = pass_index
        run.done = 0.0
        run.offpath = [0.0, 0.0, 0.0, 0.0]
        result = {}
        for k, g in enumerate(seq):
            if isinstance(g, _Gap):
                result[k] = _align_gap(g, x, y, xpara, ypara, params, run, xdrop, ydrop)
        if pass_index + 1 < run.n_passes:
            flat = [b for bs in result.values() for b in bs]
            params = estimate_params(params, flat, run)
            if LOCAL_RATIO_BEADS:
                x.ratio = local_ratio(flat, nx, params.ratio)
            if LOCAL_MATCH_BEADS:
                x.match_rate = local_match_rates(flat, nx, params)
            if pass_index == 0 and LEARN_LEXICON and feats.enabled:
                confident = [
                    (b.x0, b.a, b.y0, b.b)
                    for b in flat
                    if b.a and b.b and b.score >= LEARN_MIN_SCORE
                ]
                feats.learned = learn_translations(feats, confident)
                if feats.learned:
                    x2, y2 = feats.units()
                    x2.forced, y2.forced = x.forced, y.forced
                    x2.ratio = x.ratio
                    x2.match_rate = x.match_rate
                    x, y = x2, y2
    for k, g in enumerate(seq):
        if isinstance(g, _Gap) and UNALIGNED_POSTERIOR < 1.0:
            result[k] = _redecode_unaligned(result[k], x, y, xpara, ypara, params, run)
    out: list[UnitBead] = []
    for k, g in enumerate(seq):
        if isinstance(g, _Gap):
            out.extend(result[k])

        else:
            xs, ys = fixed[g]
            out.append(_fixed_bead(fixed, g))
    if singles:
        out = _place_singles(out, fixed, singles)

    if progress is not None:
        progress(1.0)
    return out


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


def _fixed_bead(fixed: list[tuple[tuple[int, ...], tuple[int, ...]]], k: int) -> UnitBead:
    xs, ys = fixed[k]
    return UnitBead(xs[0] if xs else -1, len(xs), ys[0] if ys else -1, len(ys), fixed=k)


def _place_singles(
    beads: list[UnitBead], fixed: list[tuple[tuple[int, ...], tuple[int, ...]]], singles: list[int]
) -> list[UnitBead]:
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
            out.append(_fixed_bead(fixed, k))
    if len(placed) != len(singles):  # pragma: no cover - forced costs make this impossible
        raise RuntimeError("a fixed unaligned bead could not be placed")
    return _order_one_sided_runs(out)


def _order_one_sided_runs(beads: list[UnitBead]) -> list[UnitBead]:
    """Neighbouring one-sided fixed beads in the order the caller gave them.

    Within a run of consecutive 1-0 / 0-1 beads any interleaving of the two sides is a
    valid reading order, so the DP's (x side first) is arbitrary; the caller's order of
    its fixed beads is kept instead, each side staying in reading order.
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
            else:
                take_x = pos[id(hx)] < pos[id(hy)]
            out.append(xq.pop(0) if take_x else yq.pop(0))
        out.extend(xq or yq)
        k = end
    return out


def align_sides(
    source: Side,
    target: Side,
    lexicon: Any,
    *,
    fixed: Sequence[Bead] = (),
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[Bead]:
    """Align two sides; beads in reading order covering every sentence exactly once.

    Either side may be the Chinese one (``Side.lang``). ``fixed`` beads are kept
    unchanged (same objects' values, status and score) and only the gaps between them
    are aligned. Raises Cancelled when ``cancel()`` returns True.
    """
    swap = source.lang != "zh" and target.lang == "zh"
    xside, yside = (target, source) if swap else (source, target)
    fixed_list = list(fixed)
    fixed_xy = [((b.target, b.source) if swap else (b.source, b.target)) for b in fixed_list]
    ubeads = align_texts(
        [s.text for s in xside.sentences],
        [s.text for s in yside.sentences],
        lexicon,
        x_lang=xside.lang,
        y_lang=yside.lang,
        x_paragraphs=[s.paragraph for s in xside.sentences],
        y_paragraphs=[s.paragraph for s in yside.sentences],
        fixed_xy=fixed_xy,
        progress=progress,
        cancel=cancel,
    )
    beads: list[Bead] = []
    for ub in ubeads:
        if ub.fixed is not None:
            beads.append(fixed_list[ub.fixed].copy())
            continue
        xs = tuple(range(ub.x0, ub.x0 + ub.a))
        ys = tuple(range(ub.y0, ub.y0 + ub.b))
        src, tgt = (ys, xs) if swap else (xs, ys)
        beads.append(Bead(src, tgt, score=round(float(ub.score), 4), status="auto"))
    return beads
