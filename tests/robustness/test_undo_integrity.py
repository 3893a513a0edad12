"""Undo integrity: a long random sequence of edits, then as many undos, gives back the
document exactly as it was (to_dict minus the creation timestamp, and every field of
every bead and annotation).

Two drivers: the Qt-free one records the inverse of each document mutation itself; the
GUI one pushes the real QUndoCommands of aligner_gui/gui/commands.py on a QUndoStack,
undoes them all, and redoes them all to the same final state.
"""

from __future__ import annotations

import copy
import os
import random
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner_gui.core import edits
from aligner_gui.core.model import SEVERITIES, AlignmentDocument, Annotation, DocumentError
from aligner_gui.io.project import to_dict

SCALE = max(1, int(os.environ.get("ALIGNER_FUZZ_SCALE", "1")))
STEPS = 250
SETTINGS = settings(
    max_examples=8 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def snapshot(doc: AlignmentDocument) -> tuple[Any, Any]:
    """The saved form (minus the creation time) and the raw objects' fields."""
    data = to_dict(doc)
    data["meta"].pop("created", None)
    raw = (
        [(b.source, b.target, b.score, b.status, list(b.flags), copy.deepcopy(b.details))
         for b in doc.beads],
        [copy.deepcopy(vars(a)) for a in doc.annotations],
        copy.deepcopy(doc.scores),
    )
    return data, raw


# -- random operations ------------------------------------------------------------------


class Realigner:
    """Fresh alignments for range re-alignment, cached by the confirmed beads."""

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon
        self.cache: dict[Any, list] = {}

    def __call__(self, doc: AlignmentDocument) -> list:
        from aligner_gui.core.align.aligner import align_sides

        fixed = [b for b in doc.beads if b.status == "confirmed"]
        key = tuple((b.source, b.target, b.score) for b in fixed)
        if key not in self.cache:
            self.cache[key] = align_sides(doc.source, doc.target, self.lexicon, fixed=fixed)
        return [b.copy() for b in self.cache[key]]


def random_alignment_edit(
    doc: AlignmentDocument, rng: random.Random, realign: Realigner | None
) -> tuple[str, edits.Edit] | None:
    beads = doc.beads
    n = len(beads)
    index = rng.randrange(n)
    side = rng.choice(("source", "target"))
    kind = rng.choice(("merge", "merge_next", "split", "split_default", "move", "unlink",
                       "realign"))
    try:
        if kind == "merge":
            stop = min(n, index + rng.randint(2, 4))
            return kind, edits.merge(beads, index, stop)
        if kind == "merge_next":
            return kind, edits.merge_with_next(beads, index)
        if kind == "split":
            ids = getattr(beads[index], side)
            if not ids:
                return None
            other = getattr(beads[index], "target" if side == "source" else "source")
            other_at = rng.choice([None, *other, (other[-1] + 1) if other else None])
            return kind, edits.split_bead(beads, index, side, rng.choice(ids), other_at)
        if kind == "split_default":
            return kind, edits.split_default(beads, index)
        if kind == "move":
            return kind, edits.move_sentence(beads, index, side, rng.choice(("first", "last")))
        if kind == "unlink":
            return kind, edits.unlink(beads, index)
        if realign is None or rng.random() > 0.3:
            return None
        start, stop = edits.realign_range(beads, rng.choice((None, index)))
        return kind, edits.splice_realigned(beads, start, stop, realign(doc))
    except edits.EditError:
        return None


def random_annotation(doc: AlignmentDocument, rng: random.Random) -> Annotation:
    side_name = rng.choice(("source", "target"))
    text = doc.side(side_name).text
    start = rng.randint(0, len(text))
    end = min(len(text), start + rng.randint(0, 30))
    return Annotation(
        rng.choice(("omission", "mistranslation", "addition", "other")),
        side_name,
        start,
        end,
        text[start:end],
        rng.choice(("Accuracy/Omission", "Accuracy/Mistranslation", "Fluency/Grammar")),
        rng.choice(SEVERITIES),
        comment=rng.choice(("", "check", "<b>x</b>", "中文评论")),
        tags=rng.sample(["a", "b", "c"], rng.randint(0, 2)),
    )


def random_annotation_changes(rng: random.Random) -> dict[str, Any]:
    pool = {
        "comment": lambda: rng.choice(("", "typo", "missing sentence", "\u202e", "x" * 200)),
        "correction": lambda: rng.choice(("", "better wording", "更好的译文")),
        "severity": lambda: rng.choice(SEVERITIES),
        "category": lambda: rng.choice(("Accuracy/Omission", "Style/Awkward")),
        "tags": lambda: rng.sample(["a", "b", "c", "d"], rng.randint(0, 3)),
        "type": lambda: rng.choice(("omission", "mistranslation")),
    }
    names = rng.sample(sorted(pool), rng.randint(1, 3))
    return {name: pool[name]() for name in names}


def random_bead_changes(doc: AlignmentDocument, rng: random.Random) -> dict[str, Any]:
    pool = {
        "status": lambda: rng.choice(("auto", "confirmed", "manual")),
        "score": lambda: rng.choice((None, 0.0, 0.5, 1.0, round(rng.random(), 4))),
        "flags": lambda: rng.sample(["omission", "low-score", "number-mismatch", "x"],
                                    rng.randint(0, 2)),
        "details": lambda: {"mqm_reviewed": ["omission"]} if rng.random() < 0.5 else {},
    }
    names = rng.sample(sorted(pool), rng.randint(1, 2))
    return {name: pool[name]() for name in names}


# -- the Qt-free driver -----------------------------------------------------------------


def apply_random_step(
    doc: AlignmentDocument, rng: random.Random, realign: Realigner | None, counts: dict
) -> Callable[[], None] | None:
    """Apply one random mutation through the document API; return its inverse."""
    roll = rng.random()
    if roll < 0.45 and doc.beads:
        found = random_alignment_edit(doc, rng, realign)
        if found is None:
            return None
        kind, edit = found
        old = edit.apply(doc)
        start, added = edit.start, len(edit.beads)
        counts[kind] = counts.get(kind, 0) + 1
        return lambda: doc.replace_beads(start, start + added, old)
    if roll < 0.6 and doc.beads:
        index = rng.randrange(len(doc.beads))
        previous = doc.update_bead(index, **random_bead_changes(doc, rng))
        counts["update_bead"] = counts.get("update_bead", 0) + 1
        return lambda: doc.update_bead(index, **previous)
    if roll < 0.75 or not doc.annotations:
        annotation = random_annotation(doc, rng)
        where = rng.choice((None, rng.randint(0, len(doc.annotations))))
        doc.add_annotation(annotation, where)
        counts["add_annotation"] = counts.get("add_annotation", 0) + 1
        return lambda: doc.remove_annotation(annotation.id)
    annotation_id = rng.choice(doc.annotations).id
    if roll < 0.9:
        previous = doc.update_annotation(annotation_id, **random_annotation_changes(rng))
        counts["update_annotation"] = counts.get("update_annotation", 0) + 1
        return lambda: doc.update_annotation(annotation_id, **previous)
    if roll < 0.97:
        index, removed = doc.remove_annotation(annotation_id)
        counts["remove_annotation"] = counts.get("remove_annotation", 0) + 1
        return lambda: doc.add_annotation(removed, index)
    old_scores = dict(doc.scores)
    doc.set_scores({"mean_score": rng.random(), "edited": True})
    counts["set_scores"] = counts.get("set_scores", 0) + 1
    return lambda: doc.set_scores(old_scores)


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1))
def test_random_edits_then_undo_all(seed_doc, lexicon, seed):
    doc = AlignmentDocument(
        seed_doc.source, seed_doc.target, [b.copy() for b in seed_doc.beads],
        [a.copy() for a in seed_doc.annotations], copy.deepcopy(seed_doc.scores),
        copy.deepcopy(seed_doc.meta),
    )
    rng = random.Random(seed)
    before = snapshot(doc)
    undo: list[Callable[[], None]] = []
    counts: dict[str, int] = {}
    realign = Realigner(lexicon)
    for _ in range(STEPS):
        inverse = apply_random_step(doc, rng, realign, counts)
        if inverse is not None:
            undo.append(inverse)
        doc.check()
    assert len(undo) > STEPS // 3
    assert snapshot(doc) != before
    for inverse in reversed(undo):
        inverse()
        doc.check()
    assert snapshot(doc) == before


def test_refused_edits_change_nothing(seed_doc):
    """A mutation the document refuses (DocumentError) leaves it untouched."""
    before = snapshot(seed_doc)
    n = len(seed_doc.beads)
    attempts: list[Callable[[], Any]] = [
        lambda: seed_doc.replace_beads(0, 2, [seed_doc.beads[0].copy()]),
        lambda: seed_doc.replace_beads(n, n + 1, []),
        lambda: seed_doc.update_bead(0, status="wrong"),
        lambda: seed_doc.update_bead(0, source=(1,)),
        lambda: seed_doc.add_annotation(Annotation("x", "source", 5, 10**9, "", "C")),
        lambda: seed_doc.add_annotation(Annotation("x", "middle", 0, 1, "", "C")),
        lambda: seed_doc.update_annotation(seed_doc.annotations[0].id, start=0),
        lambda: seed_doc.update_annotation(seed_doc.annotations[0].id, severity="huge"),
        lambda: seed_doc.remove_annotation("no-such-id"),
        lambda: seed_doc.set_beads(seed_doc.beads[1:]),
    ]
    for attempt in attempts:
        with pytest.raises(DocumentError):
            attempt()
        assert snapshot(seed_doc) == before


def test_partly_invalid_change_set_changes_nothing(seed_doc):
    before = snapshot(seed_doc)
    with pytest.raises(DocumentError):
        seed_doc.update_bead(0, score=0.1, status="wrong")
    with pytest.raises(DocumentError):
        seed_doc.update_annotation(seed_doc.annotations[0].id, comment="x", severity="huge")
    assert snapshot(seed_doc) == before


# -- the GUI's QUndoStack ---------------------------------------------------------------


def test_random_commands_on_the_undo_stack(qapp, seed_doc, lexicon):
    commands = pytest.importorskip("aligner_gui.gui.commands")
    from PySide6.QtGui import QUndoStack

    from aligner_gui.core.offers import suggestions

    doc = seed_doc
    rng = random.Random(20261129)
    stack = QUndoStack()
    before = snapshot(doc)
    realign = Realigner(lexicon)
    pushed = 0
    for _ in range(STEPS):
        roll = rng.random()
        command = None
        if roll < 0.45:
            found = random_alignment_edit(doc, rng, realign)
            if found is not None:
                kind, edit = found
                scores = {"mean_score": rng.random()} if kind == "realign" else None
                command = commands.ReplaceBeadsCommand(doc, edit, kind, scores)
        elif roll < 0.55:
            index = rng.randrange(len(doc.beads))
            command = commands.UpdateBeadCommand(doc, index, random_bead_changes(doc, rng), "b")
        elif roll < 0.6:
            rows = rng.sample(range(len(doc.beads)), min(3, len(doc.beads)))
            command = commands.set_status(doc, rows, rng.choice(("confirmed", "auto")), "s")
        elif roll < 0.65:
            offers = suggestions(doc)
            if offers:
                offer = rng.choice(offers)
                accept = rng.random() < 0.5
                make = commands.accept_suggestion if accept else commands.dismiss_suggestion
                command = make(doc, offer, "suggestion")
        elif roll < 0.77 or not doc.annotations:
            command = commands.AddAnnotationCommand(doc, random_annotation(doc, rng), "add")
        elif roll < 0.93:
            annotation_id = rng.choice(doc.annotations).id
            changes = random_annotation_changes(rng)
            if rng.random() < 0.4:  # typing: consecutive edits of one field merge
                changes = {"comment": "".join(rng.choices("abc ", k=rng.randint(0, 8)))}
            command = commands.UpdateAnnotationCommand(doc, annotation_id, changes, "edit")
        else:
            annotation_id = rng.choice(doc.annotations).id
            command = commands.RemoveAnnotationCommand(doc, annotation_id, "remove")
        if command is not None:
            stack.push(command)
            pushed += 1
            doc.check()
        if rng.random() < 0.05 and stack.canUndo():
            # The editor undoes a few steps and goes on from there (redo branch dropped).
            for _ in range(rng.randint(1, 3)):
                if stack.canUndo():
                    stack.undo()
            doc.check()
    after = snapshot(doc)
    assert pushed > STEPS // 3 and after != before
    while stack.canUndo():
        stack.undo()
        doc.check()
    assert snapshot(doc) == before
    while stack.canRedo():
        stack.redo()
        doc.check()
    assert snapshot(doc) == after
