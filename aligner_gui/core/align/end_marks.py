"""Wire stories' end marks in an alignment: （完） and its English "Enditem" (or "(END)")
paired with each other, and one glued to a last sentence split off. A rule after the
aligner's search, whose costs know the two words but not that each renders the other.
"""

from __future__ import annotations

from collections.abc import Callable

from aligner_gui.core.model import Bead, Side
from aligner_gui.core.scoring.classify import is_end_mark

__all__ = ["END_MARK_SCORE", "pair_end_marks"]

END_MARK_SCORE = 0.9  # a pairing by rule, not by the aligner's costs


def pair_end_marks(source: Side, target: Side, beads: list[Bead]) -> list[Bead]:
    """（完） and "Enditem" left one-sided next to each other become one bead: each is the
    other's translation, and apart they were an omission and an addition of every
    Xinhua story ("1 of 29 Chinese sentences has no translation"). Paired, they are sure:
    the aligner's posterior of such a pair (0.43) flagged it a doubtful pairing."""
    if {source.lang, target.lang} != {"zh", "en"} or not beads:
        return beads

    def src_mark(k: int) -> bool:
        return is_end_mark(source.sentences[k].text, source.lang)

    def tgt_mark(k: int) -> bool:
        return is_end_mark(target.sentences[k].text, target.lang)

    out: list[Bead] = []
    k = 0
    while k < len(beads):
        bead = beads[k]
        glued = _glued_end_mark(bead, src_mark, tgt_mark)
        if glued:  # "…last sentence. Enditem" as one bead, the other side has no mark
            out.extend(glued)
            k += 1
            continue
        if (bead.status == "auto" and len(bead.source) == len(bead.target) == 1
                and src_mark(bead.source[0]) and tgt_mark(bead.target[0])):
            # paired by the aligner, whose costs know the two words but not their rule
            bead.score = max(bead.score or 0.0, END_MARK_SCORE)
        pair = beads[k : k + 2]
        if len(pair) == 2 and all(b.status == "auto" for b in pair):
            src = [b.source for b in pair if b.source and not b.target]
            tgt = [b.target for b in pair if b.target and not b.source]
            if (len(src) == len(tgt) == 1 and len(src[0]) == len(tgt[0]) == 1
                    and src_mark(src[0][0]) and tgt_mark(tgt[0][0])):
                out.append(Bead(src[0], tgt[0], score=END_MARK_SCORE, status="auto"))
                k += 2
                continue
        out.append(beads[k])
        k += 1
    return out


def _glued_end_mark(bead: Bead, src_mark: Callable[[int], bool],
                    tgt_mark: Callable[[int], bool]) -> list[Bead]:
    """A bead whose last sentence on one side only is an end mark, split in two: the
    sentences, and the end mark alone (a 1-2 bead of the last sentence and "Enditem"
    weighed the risk of a faithful ending)."""
    if bead.status != "auto" or not bead.source or not bead.target:
        return []
    src_end, tgt_end = src_mark(bead.source[-1]), tgt_mark(bead.target[-1])
    if src_end == tgt_end:
        return []
    if tgt_end and len(bead.target) > 1:
        return [Bead(bead.source, bead.target[:-1], score=bead.score, status="auto"),
                Bead((), bead.target[-1:], score=END_MARK_SCORE, status="auto")]
    if src_end and len(bead.source) > 1:
        return [Bead(bead.source[:-1], bead.target, score=bead.score, status="auto"),
                Bead(bead.source[-1:], (), score=END_MARK_SCORE, status="auto")]
    return []
