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
    OMISSION_CLASSES,
    AlignmentDocument,
)
from aligner_gui.core.scoring.mqm import REVIEWED_KEY, SpanOffers, Suggestion, suggestion_for


def suggestions(doc: AlignmentDocument) -> list[Suggestion]:
    """Open suggestions: flags not yet reviewed and not covered by an annotation of the same type.

    A flag is reviewed once accepted or dismissed (recorded in the bead's details);
    the coverage test keeps accepted suggestions hidden after a re-alignment.
    """
    # Each source is imported only when it has work: the window imports this module before
    # it shows, and must not load the engine to do so.
    from aligner_gui.core.qe.checks import disabled_checks

    covered = SpanOffers(doc).annotated
    off = disabled_checks(doc)
    switched_off = {f for check, f in (("numbers", FLAG_NUMBER_MISMATCH),
                                       ("names", FLAG_NAME_MISMATCH)) if check in off}
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
    if any(b.source and b.target and b.details.get("uncovered") != [] for b in doc.beads):
        from aligner_gui.core.coverage.suggestions import coverage_suggestions

        out.extend(coverage_suggestions(doc))
    if any(b.suspects for b in doc.beads):
        from aligner_gui.core.qe.risk import suspect_suggestions

        out.extend(suspect_suggestions(doc))
    # QA checks (negation, untranslated text, links ...); the number and name flags are
    # offered above. The project's glossary, if it names one that loads, is checked too.
    if any(b.source and b.target for b in doc.beads):
        from aligner_gui.core.qe.checks import check_suggestions
        from aligner_gui.core.qe.glossary import glossary_for

        out.extend(check_suggestions(doc, glossary=glossary_for(doc.meta.get("glossary"))))
    return out
