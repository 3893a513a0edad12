"""The open suggestions of a document, gathered from every source the engine has.

The scorer's flags (omissions, additions, numbers, names, low scores), the coverage
lens's uncovered spans, the risk model's suspects and the QA checks each turn findings
into :class:`~aligner_gui.core.scoring.mqm.Suggestion` objects; this module asks each
of them, so the suggestion list, the CLI and the exports see the same list.
"""

from __future__ import annotations

from aligner_gui.core.model import (
    FLAG_NAME_MISMATCH,
    FLAG_NUMBER_MISMATCH,
    FLAG_OMISSION,
    GLUED_KEY,
    OMISSION_CLASSES,
    AlignmentDocument,
)
from aligner_gui.core.scoring.mqm import (
    REVIEWED_KEY,
    SpanOffers,
    Suggestion,
    related_flags,
    suggestion_for,
)


def suggestions(doc: AlignmentDocument, *, load: bool = True) -> list[Suggestion]:
    """Open suggestions, in bead order: flags not yet reviewed and not covered by an
    annotation of the same type.

    ``load=False`` (a caller on the GUI thread) never loads the dictionary: the coverage
    lens's spans are left out until something has loaded it (:func:`needs_dictionary`
    says whether they would be offered), as the negation check is.

    A flag is reviewed once accepted or dismissed (recorded in the bead's details);
    the coverage test keeps accepted suggestions hidden after a re-alignment.
    """
    # Each source is imported only when it has work: the window imports this module before
    # it shows, and must not load the engine to do so.
    covered = SpanOffers(doc).annotated
    switched_off = _switched_off(doc)
    out: list[Suggestion] = []
    for index, bead in enumerate(doc.beads):
        if not bead.flags:
            continue
        reviewed = set(bead.details.get(REVIEWED_KEY, ())) | switched_off
        seen_omission = False
        for flag in bead.flags:
            if flag in reviewed:
                continue
            if flag in OMISSION_CLASSES or flag == FLAG_OMISSION:
                if seen_omission:
                    continue
                seen_omission = True
                if FLAG_OMISSION in reviewed or any(c in reviewed for c in OMISSION_CLASSES):
                    continue
            proposal = suggestion_for(doc, index, flag)
            if proposal is None:
                continue
            spans = covered.get((proposal.side, proposal.type), ())
            if any(s < proposal.end and proposal.start < e for s, e in spans):
                continue
            out.append(Suggestion(index, flag, proposal))
    # Coverage needs the dictionary only for paired beads with uncovered spans stored, or
    # none stored yet: not while the first alignment runs (no GUI-thread load at start-up).
    lens: list[Suggestion] = []
    if needs_dictionary(doc) and (load or _dictionary_loaded()):
        from aligner_gui.core.coverage.suggestions import coverage_suggestions

        lens = coverage_suggestions(doc)
    glued: list[Suggestion] = []
    if any(b.details.get(GLUED_KEY) for b in doc.beads):  # qe/glued.py
        from aligner_gui.core.qe.glued import glued_suggestions

        glued = glued_suggestions(doc)
    # A sentence the meaning match finds left out is offered once: the lens's span inside
    # it (the same words, less a word the lens found rendered) is not offered beside it.
    whole = [(g.bead, g.annotation.side, g.annotation.start, g.annotation.end) for g in glued]
    out.extend(s for s in lens if not any(
        b == s.bead and side == s.annotation.side and a <= s.annotation.start
        and s.annotation.end <= e for b, side, a, e in whole))
    out.extend(glued)
    if any(b.suspects for b in doc.beads):
        from aligner_gui.core.qe.risk import suspect_suggestions

        out.extend(suspect_suggestions(doc))
    # QA checks (negation, untranslated text, links ...); the number and name flags are
    # offered above. The project's glossary, if it names one that loads, is checked too.
    if any(b.source and b.target for b in doc.beads):
        from aligner_gui.core.qe.checks import check_suggestions
        from aligner_gui.core.qe.glossary import glossary_for

        out.extend(check_suggestions(doc, glossary=glossary_for(doc.meta.get("glossary"))))
    # In reading order, as an editor works through them (a bead's own flags first, then
    # the lens's spans, the risk suspects and the QA checks on it).
    out.sort(key=lambda s: s.bead)
    return out


def _switched_off(doc: AlignmentDocument) -> set[str]:
    """The scorer's flags whose QA check the editor switched off for this project."""
    from aligner_gui.core.qe.checks import disabled_checks

    off = disabled_checks(doc)
    return {f for check, f in (("numbers", FLAG_NUMBER_MISMATCH),
                               ("names", FLAG_NAME_MISMATCH)) if check in off}


def is_span_flag(flag: str) -> bool:
    """True for a suggestion flag naming a span ("<kind>:…", e.g. "suspect:target:5-9")
    rather than one of the bead's flags ("omission", "low-score" …)."""
    return ":" in flag


def is_open(doc: AlignmentDocument, suggestion: Suggestion) -> bool:
    """False for a suggestion already accepted or dismissed, or no longer true of its bead
    (a list not yet refreshed). Checks the one bead by the rules of :func:`suggestions`:
    recomputing every suggestion froze the window for 0.5-5 s per key on 10,000 beads."""
    if suggestion.bead >= len(doc.beads):
        return False
    bead = doc.beads[suggestion.bead]
    flag = suggestion.flag
    reviewed = set(bead.details.get(REVIEWED_KEY, ()))
    if flag in reviewed or flag in _switched_off(doc):
        return False
    proposal = suggestion.annotation
    current = None
    if flag in bead.flags:  # one of the bead's own flags: the engine's rules
        if any(f in reviewed for f in related_flags(bead.flags, flag)):
            return False
        current = suggestion_for(doc, suggestion.bead, flag)
        if current is None and not is_span_flag(flag):
            return False
    elif not is_span_flag(flag):
        return False  # the flag is gone (rescored or re-aligned since)
    if current is not None:
        proposal = current
    else:
        # A span of the bead ("uncovered:…", "suspect:…", "check:…"): the bead must still
        # hold it (and be paired, for a coverage span).
        if flag.startswith("uncovered:") and not (bead.source and bead.target):
            return False
        span = doc.bead_span(suggestion.bead, proposal.side)
        if span is None or not (span[0] <= proposal.start and proposal.end <= span[1]):
            return False
    return not any(a.side == proposal.side and a.type == proposal.type
                   and a.start < proposal.end and proposal.start < a.end
                   for a in doc.annotations)


def needs_dictionary(doc: AlignmentDocument) -> bool:
    """Whether the coverage lens has spans to offer: a paired bead with uncovered spans
    stored, or none stored yet."""
    return any(b.source and b.target and b.details.get("uncovered") != [] for b in doc.beads)


def _dictionary_loaded() -> bool:
    from aligner_gui.core.lexicon.shared import loaded_lexicon

    return loaded_lexicon() is not None
