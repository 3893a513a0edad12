"""Uncovered spans of the coverage lens offered as MQM annotations (partial omissions ...)."""

from __future__ import annotations

from typing import Any

from aligner_gui.core.coverage.document import (
    document_spans,
    lens_for,
    lexicon_or_shared,
    paired_beads,
)
from aligner_gui.core.coverage.lens import CoverageLens
from aligner_gui.core.lexicon.words import CJK
from aligner_gui.core.model import AlignmentDocument
from aligner_gui.core.runtime.gcpause import gc_paused

# Suggestions: uncovered English spans of at least this many content words, Chinese
# spans of at least this many content characters.
SUGGEST_EN_WORDS = 3
SUGGEST_ZH_CHARS = 4


def _flag(span: dict[str, Any]) -> str:
    """What reviewing the span records in the bead (see :func:`coverage_suggestions`)."""
    return f"uncovered:{span['side']}:{span['start']}-{span['end']}"


def coverage_suggestions(doc: AlignmentDocument, lexicon: Any = None) -> list[Any]:
    """Uncovered spans offered as MQM annotations (``mqm.Suggestion`` objects).

    A source span of at least :data:`SUGGEST_EN_WORDS` English content words (or
    :data:`SUGGEST_ZH_CHARS` Chinese content characters) is a partial omission; a
    target span of that size is an addition, or a mistranslation when source words at
    the same place (between the translations of the span's covered neighbours) are
    uncovered too. The suggestion's ``flag``
    ("uncovered:<side>:<start>-<end>") is what accepting or dismissing records in the
    bead's ``details["reviewed_flags"]``; reviewed spans and spans overlapping an
    annotation of the same type are not offered again.
    """
    lexicon = lexicon_or_shared(lexicon)
    if not CoverageLens(doc.source, doc.target, lexicon).enabled:
        return []
    with gc_paused():
        return _suggestions(doc, lexicon)


def _suggestions(doc: AlignmentDocument, lexicon: Any) -> list[Any]:
    from aligner_gui.core.scoring.mqm import REVIEWED_KEY, SpanOffers

    all_spans = document_spans(doc, lexicon)
    lens = lens_for(doc.source, doc.target, doc.beads, lexicon)
    offers = SpanOffers(doc)
    out: list[Any] = []
    for index, bead in paired_beads(doc):
        spans = all_spans[index]
        if not spans:
            continue
        reviewed = set(bead.details.get(REVIEWED_KEY, ()))
        cov = lens.word_coverage(bead)
        if cov is None:
            continue
        for span in spans:
            flag = _flag(span)
            if flag in reviewed:
                continue
            name = span["side"]
            sentences = lens.side(name).sentences
            inside = [
                k
                for k, (i, w, _c) in enumerate(cov[name])
                if span["start"] <= sentences[i].start + w.start < span["end"]
            ]
            if not inside:
                continue
            if name == lens.zh_side:
                size = sum(len(CJK.findall(cov[name][k][1].text)) for k in inside)
                big = size >= SUGGEST_ZH_CHARS
            else:
                size = len(inside)
                big = size >= SUGGEST_EN_WORDS
            if not big:
                continue
            # Major when the bead's risk says a Major error is likely (or nothing scored it);
            # a free but faithful rendering the dictionary does not reach leaves spans as
            # large in beads the risk model finds safe, so those are offered as minor.
            likely = "major" if bead.risk is None or bead.is_risky else "minor"
            if name == "source":
                type_, category, tags = "omission", "Accuracy/Omission", ["partial-omission"]
                severity = likely
                comment = "coverage lens: nothing in the translation renders these words"
                if whole_sentence(doc, index, name, span["start"], span["end"]):
                    tags, severity = ["untranslated-sentence"], "major"
                    comment = ("a whole sentence that nothing in the translation renders, "
                               "kept in this bead by the alignment")
            elif lens.room(cov, name, inside[0], inside[-1]) > 0:
                # Source words around the same place are uncovered too: rendered wrongly.
                type_, category = "mistranslation", "Accuracy/Mistranslation"
                tags, severity = ["partial-mistranslation"], likely
                comment = ("coverage lens: these words match nothing in the original, "
                           "whose words nearby are not rendered either")
            else:
                type_, category = "addition", "Accuracy/Addition"
                tags, severity = ["partial-addition"], "minor"
                comment = "coverage lens: nothing in the original corresponds to these words"
            offered = offers.offer(
                index,
                flag,
                side=name,
                start=span["start"],
                end=span["end"],
                category=category,
                severity=severity,
                comment=comment,
                tags=tags,
                type_=type_,
            )
            if offered is not None:
                out.append(offered)
    return out


def whole_sentence(doc: AlignmentDocument, index: int, side: str, start: int, end: int) -> bool:
    """Whether start..end holds (80 % of the letters of) a whole sentence of a merged bead:
    a dropped sentence the aligner kept with its neighbour, not a dropped clause."""
    bead = doc.beads[index]
    if len(bead.source) + len(bead.target) <= 2:
        return False
    text = doc.side(side).text
    for i in bead.source if side == "source" else bead.target:
        sentence = doc.side(side).sentences[i]
        letters = sum(1 for c in sentence.text if c.isalnum())
        inside = sum(1 for c in text[max(start, sentence.start) : min(end, sentence.end)]
                     if c.isalnum())
        if letters and inside >= 0.8 * letters:
            return True
    return False
