"""Wiring of the engine: load texts, align, score. Shared by the CLI and the GUI."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner_gui import __version__
from aligner_gui.core.lexicon import shared
from aligner_gui.core.model import AlignmentDocument, Bead
from aligner_gui.core.runtime.gcpause import gc_paused

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from aligner_gui.core.lexicon.lexicon import Lexicon

Progress = Callable[[float], None]
CancelCheck = Callable[[], bool]

# Share of the progress bar given to alignment; scoring takes the rest.
_ALIGN_SHARE = 0.85
# Below this many beads, starting a process costs more than scoring takes.
_FORK_MIN_BEADS = 400


def load_document(
    paths: Sequence[str | Path], *, presplit: bool = False, source_lang: str = "en"
) -> AlignmentDocument:
    """Read one bilingual file or two monolingual files into an unaligned document."""
    from aligner_gui.core.text.load import load_sides

    source, target = load_sides(list(paths), presplit=presplit, source_lang=source_lang)
    meta = {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "app_version": __version__,
        "inputs": [Path(p).name for p in paths],
        "presplit": presplit,
    }
    return AlignmentDocument(source, target, meta=meta)


def run_alignment(
    doc: AlignmentDocument,
    *,
    fixed: Sequence[Bead] = (),
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[list[Bead], dict[str, Any]]:
    """Compute scored beads and the summary for ``doc`` without changing it.

    Safe to run off the GUI thread: it only reads the document's texts. ``fixed``
    beads (confirmed by the editor) are kept as they are.
    """
    with gc_paused():  # the passes make millions of objects and no cyclic garbage
        return _run_alignment(doc, fixed, progress, cancel, lexicon)


def _run_alignment(
    doc: AlignmentDocument,
    fixed: Sequence[Bead],
    progress: Progress | None,
    cancel: CancelCheck | None,
    lexicon: Lexicon | None,
) -> tuple[list[Bead], dict[str, Any]]:
    from aligner_gui.core.align.aligner import align_sides
    from aligner_gui.core.lexicon.cache import cache_is_current
    from aligner_gui.core.qe.semantic import Prefetch, load_in_background
    from aligner_gui.core.runtime.heap import release
    from aligner_gui.core.warmup import warm_up

    # A short document's encoder loads on a thread meanwhile (its vocabulary is read by
    # C++ that lets this thread run): from before the dictionary's load, unless that load
    # compiles (a first run forks helpers then, and a running thread forbids forking).
    early = lexicon is not None or shared.loaded_lexicon() is not None or cache_is_current()
    if early:
        load_in_background(doc.source, doc.target)
    started = time.perf_counter()
    lex = _prepared(doc, lexicon)
    log.debug("dictionary ready in %.2f s", time.perf_counter() - started)
    warm_up(doc.source, doc.target, lex)
    release()  # what the warm-up freed, before the alignment's arrays
    if not early:
        load_in_background(doc.source, doc.target)

    def align_progress(fraction: float) -> None:
        if progress is not None:
            progress(_ALIGN_SHARE * fraction)

    # The sentence vectors of the meaning match are made on the other core meanwhile.
    with Prefetch(doc.source, doc.target) as vectors:
        beads = align_sides(
            doc.source, doc.target, lex, fixed=fixed, progress=align_progress, cancel=cancel
        )
        if cancel is not None and cancel():
            from aligner_gui.core.errors import Cancelled

            raise Cancelled("alignment cancelled")
        release()  # the band arrays, before a child is forked for the scores
        log.debug("aligned %d x %d sentences into %d beads in %.2f s",
                  len(doc.source.sentences), len(doc.target.sentences), len(beads),
                  time.perf_counter() - started)
        analysis = _score_and_cover(doc, beads, lex, cancel)
        release()
        vectors.collect()
        log.debug("scores and coverage done at %.2f s", time.perf_counter() - started)
        summary = _assess_and_summarize(doc, beads, lex, analysis)
        log.debug("risk and summary done at %.2f s", time.perf_counter() - started)
    if progress is not None:
        progress(1.0)
    return beads, summary


def apply_alignment(doc: AlignmentDocument, beads: Sequence[Bead], scores: dict[str, Any]) -> None:
    """Install a computed alignment in the document (on the thread that owns it)."""
    doc.set_beads(beads)
    doc.set_scores(scores)
    signature = scores.get("chrf_signature_full") or scores.get("chrf_signature")
    if signature:
        doc.meta["chrf_signature"] = signature


def align_document(doc: AlignmentDocument, **options: Any) -> AlignmentDocument:
    """Align and score ``doc`` in place (synchronous convenience for the CLI and tests)."""
    beads, scores = run_alignment(doc, **options)
    apply_alignment(doc, beads, scores)
    return doc


def rescored(
    doc: AlignmentDocument,
    beads: Sequence[Bead] | None = None,
    *,
    lexicon: Lexicon | None = None,
    cancel: CancelCheck | None = None,
) -> tuple[list[Bead], dict[str, Any]]:
    """Scored copies of ``beads`` (default: the document's) and the document summary.

    What :func:`rescore` installs, computed without changing anything: bead scores and
    flags, word coverage (``details["uncovered"]``), translation risk and suspects, and
    the summary with the uncovered share and the expected number of Major errors. Safe
    off the GUI thread when ``beads`` is a snapshot.
    """
    from aligner_gui.core.errors import Cancelled
    from aligner_gui.core.qe.semantic import Prefetch

    lex = _prepared(doc, lexicon)
    with gc_paused(), Prefetch(doc.source, doc.target) as vectors:
        scored = [b.copy() for b in (doc.beads if beads is None else beads)]
        analysis = _score_and_cover(doc, scored, lex, cancel)
        if cancel is not None and cancel():
            raise Cancelled("rescoring cancelled")
        vectors.collect()
        return scored, _assess_and_summarize(doc, scored, lex, analysis)


def _score_and_cover(
    doc: AlignmentDocument, beads: list[Bead], lex: Lexicon, cancel: CancelCheck | None
) -> Any:
    """Bead scores and flags, then the coverage lens, on ``beads`` in place.

    The two read the same texts and write different fields, so on a long document the
    scores are computed in a forked child while this process computes the coverage (see
    :mod:`aligner_gui.core.runtime.forked`); the result is the same as running them in turn.
    """
    from aligner_gui.core.coverage.document import compute_coverage_analysis
    from aligner_gui.core.errors import Cancelled
    from aligner_gui.core.model import UNCOVERED_KEY
    from aligner_gui.core.runtime.forked import Forked
    from aligner_gui.core.scoring.scores import score_beads

    def scores() -> list[tuple[Any, list[str], dict[str, Any]]]:
        score_beads(doc.source, doc.target, beads, lex)
        return [(b.score, b.flags, b.details) for b in beads]

    with Forked(scores, fork=len(beads) >= _FORK_MIN_BEADS) as job:  # closed if cancelled
        if job.forked:
            analysis = compute_coverage_analysis(
                doc.source, doc.target, beads, lex, cancel=cancel
            )
            for bead, (score, flags, details) in zip(beads, job.result(), strict=True):
                uncovered = bead.details.get(UNCOVERED_KEY)
                bead.score, bead.flags, bead.details = score, flags, details
                if uncovered is None:
                    details.pop(UNCOVERED_KEY, None)
                else:
                    details[UNCOVERED_KEY] = uncovered
            return analysis
        job.result()
    if cancel is not None and cancel():
        raise Cancelled("scoring cancelled")
    return compute_coverage_analysis(doc.source, doc.target, beads, lex, cancel=cancel)


def _prepared(doc: AlignmentDocument, lexicon: Lexicon | None) -> Lexicon:
    """The lexicon, told how much Chinese text it is about to see."""
    lex = lexicon or shared.get_lexicon()
    zh_side = doc.source if doc.source.lang == "zh" else doc.target
    lex.expect_text(len(zh_side.text))
    return lex


def _assess_and_summarize(
    doc: AlignmentDocument, beads: list[Bead], lex: Lexicon, analysis: Any = None
) -> dict[str, Any]:
    """Translation risk and suspects on ``beads`` (scored and covered), then the summary.

    The summary is computed on a scratch document so that ``doc`` is never touched.
    """
    from aligner_gui.core.coverage.document import uncovered_share
    from aligner_gui.core.qe.risk import assess, risk_summary
    from aligner_gui.core.scoring.summary import summarize

    model = assess(doc.source, doc.target, beads, lex, analysis=analysis)
    scratch = AlignmentDocument(doc.source, doc.target, beads, [a.copy() for a in doc.annotations])
    summary = summarize(scratch)
    summary["uncovered"] = uncovered_share(scratch, lex)
    summary["risk"] = risk_summary(beads, model)
    return summary


def rescore(doc: AlignmentDocument, *, lexicon: Lexicon | None = None) -> None:
    """Recompute bead scores, flags, coverage, risk and the summary (after edits, imports)."""
    beads, summary = rescored(doc, lexicon=lexicon)
    doc.replace_beads(0, len(doc.beads), beads)
    doc.set_scores(summary)
