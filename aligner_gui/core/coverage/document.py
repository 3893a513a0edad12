"""The coverage lens over a whole document: spans set on the beads, computed, counted.

The statistics of the last analysis are kept (for its sides, by weak reference) so that
a bead edited since, or a hovered word, is judged against the whole document.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from aligner_gui.core.coverage.lens import BeadCoverage, CoverageLens
from aligner_gui.core.coverage.stored import stored_uncovered
from aligner_gui.core.model import UNCOVERED_KEY, AlignmentDocument, Bead, Side
from aligner_gui.core.runtime.gcpause import gc_paused


def compute_coverage(
    source: Side,
    target: Side,
    beads: list[Bead],
    lexicon: Any,
    *,
    cancel: Callable[[], bool] | None = None,
) -> list[list[dict[str, Any]]]:
    """Set ``bead.details["uncovered"]`` on every paired bead; return the span lists.

    One-sided beads get no key (their whole text is the omission or addition). Safe
    off the GUI thread: reads the sides, writes only the given bead objects.
    """
    with gc_paused():
        return _compute_coverage(source, target, beads, lexicon, cancel)


def compute_coverage_analysis(
    source: Side,
    target: Side,
    beads: list[Bead],
    lexicon: Any,
    *,
    cancel: Callable[[], bool] | None = None,
) -> tuple[CoverageLens, list[BeadCoverage | None]]:
    """:func:`compute_coverage`, also returning the lens and each bead's word coverage
    (for callers that read the words too, such as the risk features)."""
    with gc_paused():
        lens = CoverageLens(source, target, lexicon)
        coverage = lens.analyse(beads)
        _remember(lens)
        _set_spans(lens, beads, coverage, cancel)
    return lens, coverage


def _compute_coverage(
    source: Side,
    target: Side,
    beads: list[Bead],
    lexicon: Any,
    cancel: Callable[[], bool] | None,
) -> list[list[dict[str, Any]]]:
    lens = CoverageLens(source, target, lexicon)
    coverage = lens.analyse(beads)
    _remember(lens)
    return _set_spans(lens, beads, coverage, cancel)


def _set_spans(
    lens: CoverageLens,
    beads: list[Bead],
    coverage: list[BeadCoverage | None],
    cancel: Callable[[], bool] | None,
) -> list[list[dict[str, Any]]]:
    result: list[list[dict[str, Any]]] = []
    for bead, cov in zip(beads, coverage, strict=True):
        if cancel is not None and cancel():
            from aligner_gui.core.errors import Cancelled

            raise Cancelled("coverage cancelled")
        if cov is None:
            bead.details.pop(UNCOVERED_KEY, None)
            result.append([])
            continue
        spans = lens.spans(cov)
        bead.details[UNCOVERED_KEY] = spans
        result.append(spans)
    return result


@dataclass(frozen=True)
class _Remembered:
    """The statistics of the last analysed document (no strong reference to it)."""

    source: weakref.ref[Side]
    target: weakref.ref[Side]
    lexicon: weakref.ref[Any] | None
    stats: tuple[Any, ...]


# One slot, replaced whole (atomic), so a worker thread's analysis and the GUI thread's
# hover look-ups never see half an update.
_LAST: list[_Remembered | None] = [None]


def _remember(lens: CoverageLens) -> None:
    try:
        lex_ref: weakref.ref[Any] | None = weakref.ref(lens.lexicon)
    except TypeError:
        lex_ref = None
    _LAST[0] = _Remembered(
        weakref.ref(lens.source), weakref.ref(lens.target), lex_ref, lens.stats()
    )


def lens_for(source: Side, target: Side, beads: Sequence[Bead], lexicon: Any) -> CoverageLens:
    """A lens with document statistics: those of the last analysis of these sides if any
    (an edit or two since does not change them much), else analysed now."""
    lens = CoverageLens(source, target, lexicon)
    last = _LAST[0]
    if (
        last is not None
        and last.source() is source
        and last.target() is target
        and last.lexicon is not None
        and last.lexicon() is lexicon
    ):
        lens.use_stats(last.stats)
        return lens
    if beads:
        lens.analyse(beads)
        _remember(lens)
    return lens


def sides_of(doc_or_sides: Any) -> tuple[Side, Side, Sequence[Bead]]:
    """(source, target, beads) of a document or of ``(source, target[, beads])``."""
    if isinstance(doc_or_sides, AlignmentDocument):
        return doc_or_sides.source, doc_or_sides.target, doc_or_sides.beads
    source, target, *rest = doc_or_sides
    return source, target, (rest[0] if rest else ())


def lexicon_or_shared(lexicon: Any) -> Any:
    """The given lexicon, else the engine's shared one (loaded on first use)."""
    if lexicon is None:
        from aligner_gui.core.lexicon.shared import get_lexicon

        return get_lexicon()
    return lexicon


def paired_beads(doc: AlignmentDocument) -> Iterable[tuple[int, Bead]]:
    """(index, bead) of the beads with both sides: the only ones the lens tests."""
    for index, bead in enumerate(doc.beads):
        if bead.source and bead.target:
            yield index, bead


def bead_uncovered(doc: AlignmentDocument, index: int, lexicon: Any = None) -> list[dict[str, Any]]:
    """Uncovered spans of one bead: stored ones, else computed now (not stored).

    For tinting a bead the editor has just merged or split before the next rescoring;
    uses the statistics of the document's last analysis.
    """
    bead = doc.beads[index]
    stored = stored_uncovered(bead)
    if stored is not None:
        return stored
    lens = lens_for(doc.source, doc.target, doc.beads, lexicon_or_shared(lexicon))
    cov = lens.word_coverage(bead)
    return lens.spans(cov) if cov is not None else []


def document_spans(doc: AlignmentDocument, lexicon: Any) -> list[list[dict[str, Any]]]:
    """Stored spans where present; computed (without touching the document) for paired
    beads that have none yet, e.g. beads just edited by hand."""
    out: list[list[dict[str, Any]]] = []
    lens: CoverageLens | None = None
    for bead in doc.beads:
        stored = stored_uncovered(bead)
        if stored is not None:
            out.append(stored)
            continue
        if lens is None:
            lens = lens_for(doc.source, doc.target, doc.beads, lexicon_or_shared(lexicon))
        cov = lens.word_coverage(bead)
        out.append(lens.spans(cov) if cov is not None else [])
    return out


def _count_tinted(
    doc: AlignmentDocument, lexicon: Any, lens: CoverageLens, counts: dict[str, list[int]]
) -> None:
    spans = document_spans(doc, lexicon)
    tokens = lens.tokens
    for index, bead in paired_beads(doc):
        for name in ("source", "target"):
            side = lens.side(name)
            lang = lens.lang(name)
            mine = [(sp["start"], sp["end"]) for sp in spans[index] if sp["side"] == name]
            for i in getattr(bead, name):
                sentence = side.sentences[i]
                words = tokens.words(sentence.text, lang)
                counts[name][0] += tokens.content_count(sentence.text, lang)
                if not mine:
                    continue
                for w in words:
                    at = sentence.start + w.start
                    if w.content and any(s0 <= at < e0 for s0, e0 in mine):
                        counts[name][1] += 1


def uncovered_share(doc: AlignmentDocument, lexicon: Any = None) -> dict[str, Any]:
    """Share of content words inside uncovered spans, per side, over paired beads.

    ``{"source": share or None, "target": ..., "source_words": n, "source_uncovered": k,
    "target_words": ..., "target_uncovered": ...}``; None when a side has no content
    words in paired beads (or the sides are not a Chinese/English pair).
    """
    lexicon = lexicon_or_shared(lexicon)
    lens = CoverageLens(doc.source, doc.target, lexicon)
    counts = {"source": [0, 0], "target": [0, 0]}
    with gc_paused():
        if lens.enabled:
            _count_tinted(doc, lexicon, lens, counts)
    result: dict[str, Any] = {}
    for name in ("source", "target"):
        total, tinted = counts[name]
        result[name] = round(tinted / total, 4) if total else None
        result[f"{name}_words"] = total
        result[f"{name}_uncovered"] = tinted
    return result
