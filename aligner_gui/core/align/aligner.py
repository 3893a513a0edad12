"""Sentence alignment of a Chinese/English pair: paragraphs first, then sentences.

Method (cost.py has the bead cost, dp.py the search; the module doing each step is named
in brackets):

1. Features per sentence (lexical.py): length in letters/digits, Chinese content
   words with their dictionary translations, English content stems, numbers and name
   keys (from the Lexicon), plus punctuation pseudo-words (? ! quotes, dashes) and
   quotation edges (does the sentence open / close a quotation).
2. Gaps between editor-fixed beads (fixed.py) are aligned independently; fixed 1-0 /
   0-1 beads are constraints inside a gap.
3. In a gap with several paragraphs on both sides (paragraphs.py), paragraphs are
   aligned first (n-m and 1-0/0-1 paragraph beads; headline, "MORE:" link and caption
   paragraphs are cheap to leave out and dear to glue on), then sentences inside each
   paragraph pair; many small pairs share one DP over the union of their rectangles
   (a block band).
4. Every DP is banded (unit_align.py, coarse.py): a grid too big to search whole is
   coarsened (both sides cut into the same number of equal-length blocks) recursively,
   aligned, and the coarse path widened into a band for the finer level, so time is
   linear in the text length.
5. Two passes (here; estimate.py learns the parameters). After the first, the document
   teaches itself: character ratio and match rates (also locally, along the text),
   length variance, chance-match rates, bead-type priors, quotation-edge agreement, and
   a word translation table (competitive-linking Dice plus IBM model 1 over the
   first-pass beads) that adds names, terms and the translator's habits to the
   dictionary. The second pass realigns with all of it.
6. Bead confidence (confidence.py): in the final pass, the bead's posterior probability
   over all segmentations in the band (forward-backward, posterior.py); in the first
   pass (where it only selects the beads the lexicon learns from) the margin between
   the best and second-best way the DP reaches each of the bead's boundaries.
7. Omissions (omissions.py). Viterbi glues a sentence whose translation is missing to a
   neighbouring bead (1-2 / 2-1) whenever that path is even slightly cheaper, though the
   sentence's posterior of being unaligned (the same forward-backward) is high. A
   sentence of a merged bead's multi-sentence side whose posterior reaches
   UNALIGNED_POSTERIOR is forced to 1-0 / 0-1 and the beads around it are realigned
   (_redecode_unaligned).
   Learned-prior floors, a per-sentence evidence term in merged beads' costs and a
   likelihood-ratio detach test were measured too: each cost more strict F1 or
   precision than it bought in recall (see benchmarks/align_quality.py, omission).
   A text of fewer than cost.SHORT_TEXT_SENTENCES sentences starts from a higher 1-0 /
   0-1 prior (cost.default_prior): it has too few beads to learn its own rate.
   Runs of deleted Chinese sentences: the level-0 DP also has k-0 run beads (k = 2..6,
   cost.RUN_TYPES) costing a 1-0 bead plus RUN_FACTOR (0.9) of one per further
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

from collections.abc import Sequence
from typing import Any

import numpy as np

from aligner_gui.core.align.cost import BEAD_TYPES
from aligner_gui.core.align.end_marks import pair_end_marks
from aligner_gui.core.align.estimate import (
    LOCAL_MATCH_BEADS,
    LOCAL_RATIO_BEADS,
    estimate_params,
    initial_params,
    local_match_rates,
    local_ratio,
)
from aligner_gui.core.align.fixed import (
    Gap,
    crossings,
    fixed_bead,
    gaps_and_fixed,
    place_singles,
    split_fixed,
)
from aligner_gui.core.align.lexical import LexicalFeatures, learn_translations
from aligner_gui.core.align.omissions import (
    UNALIGNED_POSTERIOR,
    Realign,
    _redecode_unaligned,
    rejoin_split_pairs,
    second_opinion,
)
from aligner_gui.core.align.paragraphs import align_gap, droppable
from aligner_gui.core.align.run import Cancel, Progress, UnitBead, _Run
from aligner_gui.core.model import Bead, Side
from aligner_gui.core.runtime.heap import release

__all__ = ["align_sides", "align_texts", "BEAD_TYPES"]

# Learn word pairs from the first pass's beads and realign with them.
LEARN_LEXICON = True
# Only first-pass beads at least this confident teach the document lexicon.
LEARN_MIN_SCORE = 0.5


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
    """Align sentence lists (x normally Chinese); beads in x/y coordinates.

    Fixed 1-0 / 0-1 beads given in an order (an addition before an omission) keep it: a
    paired bead that would cross it (pair a sentence before the one with a sentence after
    the other) has its sentences left unaligned, and the text is aligned again.
    """
    fixed = [(tuple(int(i) for i in s), tuple(int(j) for j in t)) for s, t in fixed_xy]
    unaligned: tuple[set[int], set[int]] = (set(), set())
    while True:
        out = _align_texts(x_texts, y_texts, lexicon, x_lang, y_lang, x_paragraphs,
                           y_paragraphs, fixed, unaligned, progress, cancel)  # fmt: skip
        xs, ys = crossings(out, fixed)
        if not xs and not ys:
            return out
        unaligned[0].update(xs)
        unaligned[1].update(ys)


def _align_texts(
    x_texts: Sequence[str],
    y_texts: Sequence[str],
    lexicon: Any,
    x_lang: str,
    y_lang: str,
    x_paragraphs: Sequence[int] | None,
    y_paragraphs: Sequence[int] | None,
    fixed: list[tuple[tuple[int, ...], tuple[int, ...]]],
    unaligned: tuple[set[int], set[int]],
    progress: Progress | None,
    cancel: Cancel | None,
) -> list[UnitBead]:
    run = _Run(cancel, progress, total_units=1.0)
    run.features(0.0)
    feats = LexicalFeatures(lexicon, x_texts, y_texts, x_lang, y_lang, check=run.features)
    x, y = feats.units()
    nx, ny = x.n, y.n
    xpara = np.asarray(x_paragraphs if x_paragraphs is not None else [0] * nx, dtype=np.int64)
    ypara = np.asarray(y_paragraphs if y_paragraphs is not None else [0] * ny, dtype=np.int64)
    xdrop = droppable(x_texts, xpara, x_lang)
    ydrop = droppable(y_texts, ypara, y_lang)
    anchors, singles = split_fixed(fixed, nx, ny)
    if singles:
        xf = np.zeros(nx, dtype=bool)
        yf = np.zeros(ny, dtype=bool)
        for k in singles:
            xf[list(fixed[k][0])] = True
            yf[list(fixed[k][1])] = True
        xf[sorted(unaligned[0])] = True
        yf[sorted(unaligned[1])] = True
        x.forced = xf if xf.any() else None
        y.forced = yf if yf.any() else None
    seq_local = gaps_and_fixed([fixed[k] for k in anchors], nx, ny)
    seq = [g if isinstance(g, Gap) else anchors[g] for g in seq_local]
    gaps = [g for g in seq if isinstance(g, Gap)]
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
            if isinstance(g, Gap):
                result[k] = align_gap(g, x, y, xpara, ypara, params, run, xdrop, ydrop)
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
            release()  # the pass's band arrays and the learning's scratch
    state = Realign(x, y, xpara, ypara, params, run)
    for k, g in enumerate(seq):
        if isinstance(g, Gap) and UNALIGNED_POSTERIOR < 1.0:
            result[k] = _redecode_unaligned(result[k], state)
        if isinstance(g, Gap):
            result[k] = rejoin_split_pairs(result[k], state, xdrop, ydrop)
            result[k] = second_opinion(result[k], state, (g.x0, g.x1, g.y0, g.y1))
    out: list[UnitBead] = []
    for k, g in enumerate(seq):
        if isinstance(g, Gap):
            out.extend(result[k])

        else:
            xs, ys = fixed[g]
            out.append(fixed_bead(fixed, g))
    if singles:
        out = place_singles(out, fixed, singles)

    if progress is not None:
        progress(1.0)
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
    return pair_end_marks(source, target, beads)
