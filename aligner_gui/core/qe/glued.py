"""A sentence left out of the translation but kept by the alignment with its neighbour.

A dropped short sentence ("He did not elaborate.") seldom comes out one-sided: the aligner
pairs it, with the sentence beside it, to the one translation of that sentence (a 2-1
bead), its few words are too few for the coverage lens's spans, and the report said every
sentence had a translation. The sentence encoder of the meaning match sees it: the
sentence alone means little like the other side, and adding it to its neighbour lowers
the bead's meaning match. A merged bead's first or last sentence is taken for left out
when its own meaning match with the other side is under ALONE_MAX, the bead's falls by
more than DROP_MIN with it, and the coverage lens finds at most COVERED_MAX of its content
words rendered.

Set on the dropped sentences of news pairs written for stop 24 (development data: the six
such beads were read to choose the thresholds) and measured on mac-dev's gold alignments
(faithful literary translation, not used to set them): 18 merged-bead edge sentences taken
for left out in its 2,374 paired beads, 0.76 %
(``python benchmarks/qa_checks.py``). Only where the meaning match runs (Chinese/English, under
semantic.MAX_SENTENCES sentences, the encoder installed).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from aligner_gui.core.model import GLUED_KEY, AlignmentDocument, Bead
from aligner_gui.core.qe.semantic import cosine

__all__ = ["GLUED_KEY", "glued_sentences", "glued_suggestions"]

ALONE_MAX = 0.25
DROP_MIN = 0.10
COVERED_MAX = 0.5


def glued_sentences(
    bead: Bead, vectors: dict[str, np.ndarray], coverage: Any
) -> list[dict[str, Any]]:
    """The edge sentences of a merged bead (n sentences against one) that look left out.

    ``vectors``: each side's sentence vectors (semantic.sentence_vectors); ``coverage``:
    the bead's BeadCoverage (``coverage[side]`` lists (sentence, word, covered)), or None.
    """
    out: list[dict[str, Any]] = []
    for many, one in (("source", "target"), ("target", "source")):
        ids, other = list(getattr(bead, many)), list(getattr(bead, one))
        if len(ids) < 2 or len(other) != 1:
            continue
        them = vectors[one][other[0]]
        whole = vectors[many][ids].sum(axis=0)
        for edge in dict.fromkeys((ids[0], ids[-1])):
            alone = cosine(vectors[many][edge], them)
            rest = whole - vectors[many][edge]
            drop = cosine(rest, them) - cosine(whole, them)
            if alone >= ALONE_MAX or drop <= DROP_MIN:
                continue
            words = [c for i, _w, c in (coverage[many] if coverage is not None else ())
                     if i == edge]
            if words and sum(words) / len(words) > COVERED_MAX:
                continue
            out.append({"side": many, "sentence": edge, "alone": round(alone, 3),
                        "drop": round(drop, 3)})
    return out


def glued_suggestions(doc: AlignmentDocument) -> list[Any]:
    """Suggestions for the sentences :func:`glued_sentences` found (stored on the beads):
    flag "glued:<side>:<start>-<end>", an omission (source) or addition (target)."""
    from aligner_gui.core.scoring.mqm import SpanOffers

    offers = SpanOffers(doc)
    out = []
    for index, bead in enumerate(doc.beads):
        for found in bead.details.get(GLUED_KEY) or ():
            if not isinstance(found, dict) or found.get("side") not in ("source", "target"):
                continue
            side = doc.side(found["side"])
            sentence = found.get("sentence")
            if not isinstance(sentence, int) or sentence not in getattr(bead, found["side"]):
                continue
            start, end = side.sentences[sentence].start, side.sentences[sentence].end
            omitted = found["side"] == "source"
            offered = offers.offer(
                index,
                f"glued:{found['side']}:{start}-{end}",
                side=found["side"],
                start=start,
                end=end,
                category="Accuracy/Omission" if omitted else "Accuracy/Addition",
                severity="major" if omitted else "minor",
                comment=(f"meaning match: this sentence alone {found.get('alone')}, and the "
                         f"bead's falls by {found.get('drop')} with it: it looks "
                         + ("left out of the translation" if omitted else "added")
                         + ", kept in this bead by the alignment"),
                tags=["untranslated-sentence" if omitted else "added-sentence"],
                type_="omission" if omitted else "addition",
            )
            if offered is not None:
                out.append(offered)
    return out

