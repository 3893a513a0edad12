"""Pure alignment edits: each result must keep the document's coverage invariants."""

from __future__ import annotations

import pytest

from aligner_gui.core import edits
from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side


def _side(lang: str, texts: list[str]) -> Side:
    sep = " " if lang == "en" else ""
    sentences, pos, parts = [], 0, []
    for k, t in enumerate(texts):
        if k:
            parts.append(sep)
            pos += len(sep)
        sentences.append(Sentence(k, 0, pos, pos + len(t), t))
        parts.append(t)
        pos += len(t)
    return Side(lang, "original" if lang == "en" else "translation", "".join(parts), sentences)


def make_doc(beads: list[Bead], n_src: int = 4, n_tgt: int = 4) -> AlignmentDocument:
    src = _side("en", [f"Sentence {k}." for k in range(n_src)])
    tgt = _side("zh", [f"句子{k}。" for k in range(n_tgt)])
    doc = AlignmentDocument(src, tgt, beads)
    doc.check()
    return doc


def one_to_one(n: int = 4) -> list[Bead]:
    return [Bead((k,), (k,), 0.9) for k in range(n)]


def apply(doc: AlignmentDocument, edit: edits.Edit) -> None:
    edit.apply(doc)
    doc.check()


def test_merge_with_next_joins_two_beads() -> None:
    doc = make_doc(one_to_one())
    apply(doc, edits.merge_with_next(doc.beads, 1))
    assert [b.kind for b in doc.beads] == ["1-1", "2-2", "1-1"]
    assert doc.beads[1].status == "manual" and doc.beads[1].score is None


def test_merge_last_bead_is_refused() -> None:
    doc = make_doc(one_to_one())
    with pytest.raises(edits.EditError):
        edits.merge_with_next(doc.beads, 3)


def test_split_at_sentence_with_proportional_other_side() -> None:
    doc = make_doc([Bead((0, 1), (0, 1)), Bead((2, 3), (2, 3))])
    apply(doc, edits.split_bead(doc.beads, 0, "source", 1))
    assert [(b.source, b.target) for b in doc.beads[:2]] == [((0,), (0,)), ((1,), (1,))]


def test_split_one_to_two_at_target() -> None:
    doc = make_doc([Bead((0,), (0, 1)), Bead((1, 2, 3), (2, 3))])
    apply(doc, edits.split_bead(doc.beads, 0, "target", 1))
    assert [b.kind for b in doc.beads[:2]] == ["1-1", "0-1"]


def test_split_with_explicit_other_cut() -> None:
    doc = make_doc([Bead((0, 1, 2, 3), (0, 1, 2, 3))])
    apply(doc, edits.split_bead(doc.beads, 0, "source", 1, other_at=3))
    assert [(b.source, b.target) for b in doc.beads] == [((0,), (0, 1, 2)), ((1, 2, 3), (3,))]


def test_split_single_sentence_bead_is_refused() -> None:
    doc = make_doc(one_to_one())
    with pytest.raises(edits.EditError):
        edits.split_bead(doc.beads, 0, "source", 0)


def test_split_default_unlinks_one_to_one() -> None:
    doc = make_doc(one_to_one())
    apply(doc, edits.split_default(doc.beads, 0))
    assert [b.kind for b in doc.beads[:2]] == ["1-0", "0-1"]


@pytest.mark.parametrize("side", ["source", "target"])
def test_move_first_sentence_to_previous_bead(side: str) -> None:
    doc = make_doc([Bead((0,), (0,)), Bead((1, 2), (1, 2)), Bead((3,), (3,))])
    apply(doc, edits.move_sentence(doc.beads, 1, side, "first"))
    assert getattr(doc.beads[0], side) == (0, 1)
    assert getattr(doc.beads[1], side) == (2,)


def test_move_last_sentence_to_next_bead_and_drop_empty() -> None:
    doc = make_doc([Bead((0,), ()), Bead((1,), (0,)), Bead((2, 3), (1, 2, 3))])
    apply(doc, edits.move_sentence(doc.beads, 0, "source", "last"))
    assert [(b.source, b.target) for b in doc.beads] == [((0, 1), (0,)), ((2, 3), (1, 2, 3))]


def test_move_at_document_edges_is_refused() -> None:
    doc = make_doc(one_to_one())
    with pytest.raises(edits.EditError):
        edits.move_sentence(doc.beads, 0, "source", "first")
    with pytest.raises(edits.EditError):
        edits.move_sentence(doc.beads, 3, "target", "last")


def test_unlink_gives_unaligned_beads() -> None:
    doc = make_doc([Bead((0, 1), (0,)), Bead((2, 3), (1, 2, 3))])
    apply(doc, edits.unlink(doc.beads, 0))
    assert [b.kind for b in doc.beads[:3]] == ["1-0", "1-0", "0-1"]
    with pytest.raises(edits.EditError):
        edits.unlink(doc.beads, 0)


def test_realign_range_stops_at_confirmed() -> None:
    beads = one_to_one()
    beads[2].status = "confirmed"
    assert edits.realign_range(beads, 0) == (0, 2)
    assert edits.realign_range(beads, 2) == (3, 4)
    assert edits.realign_range(beads, None) == (0, 4)


def test_realign_range_stops_before_a_bead_made_by_hand() -> None:
    """Ctrl+R at the top replaced every merge, split and unlink below it."""
    beads = one_to_one()
    beads[2].status = "manual"
    assert edits.realign_range(beads, 0) == (0, 2)
    assert edits.realign_range(beads, 2) == (2, 4)  # selected: the editor asks for it


def test_the_selected_halves_of_an_unlinked_bead_are_realigned_together() -> None:
    """Unlink made two hand-made halves; Ctrl+R on the first stopped before the second,
    so nothing could pair them again but undo or a merge (helper's review)."""
    doc = make_doc([Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,)), Bead((3,), (3,))])
    apply(doc, edits.unlink(doc.beads, 1))
    assert [b.kind for b in doc.beads] == ["1-1", "1-0", "0-1", "1-1", "1-1"]
    assert edits.realign_range(doc.beads, 1) == (1, 2)  # one half: as before
    assert edits.realign_range(doc.beads, 1, 2) == (1, 5)  # both: paired again, and on
    doc.beads[3].status = "confirmed"
    assert edits.realign_range(doc.beads, 1, 3) == (1, 5)  # confirmed kept by the caller


def test_splice_realigned_keeps_confirmed_and_covers_range() -> None:
    doc = make_doc([Bead((0, 1), (0,)), Bead((2,), (1,), status="confirmed"),
                    Bead((3,), (2, 3))])
    fresh = [Bead((0,), (0,), 0.8), Bead((1,), ()), Bead((2,), (1,)), Bead((3,), (2,)),
             Bead((), (3,))]
    apply(doc, edits.splice_realigned(doc.beads, 0, 3, fresh))
    assert [b.kind for b in doc.beads] == ["1-1", "1-0", "1-1", "1-1", "0-1"]
    assert doc.beads[2].status == "confirmed"


def test_splice_realigned_clips_crossing_beads() -> None:
    doc = make_doc([Bead((0,), (0,)), Bead((1, 2, 3), (1, 2, 3))])
    fresh = [Bead((0, 1), (0, 1)), Bead((2, 3), (2, 3))]
    apply(doc, edits.splice_realigned(doc.beads, 1, 2, fresh))
    assert doc.beads[0].source == (0,)


def test_next_flagged_wraps() -> None:
    beads = one_to_one()
    beads[1].flags = ["low-score"]
    assert edits.next_flagged(beads, 1) == 1
    assert edits.next_flagged(beads, 2) == 1
    assert edits.next_flagged(beads, None) == 1
    assert edits.next_flagged(beads, 3, backwards=True) == 1
    assert edits.next_flagged([], None) is None


def test_next_by_risk_goes_riskiest_first_and_wraps() -> None:
    from aligner_gui.core.edits import next_by_risk

    beads = [Bead((k,), (k,), risk=r) for k, r in enumerate((0.1, 0.53, None, 0.9, 0.53, 0.7))]
    order = [next_by_risk(beads, None)]
    for _ in range(4):
        order.append(next_by_risk(beads, order[-1]))
    assert order == [3, 5, 1, 4, 3]  # ties in reading order, then round again
    assert next_by_risk(beads, 0) == 3  # from a bead that is not risky: the riskiest
    assert next_by_risk([Bead((0,), (0,), risk=0.2)], None) is None
