"""A random review session through the window's actions keeps the document valid, and
undoing everything gives back the aligned document exactly."""

from __future__ import annotations

import copy
import random
from typing import Any

from PySide6.QtGui import QAction

ACTIONS = [
    "actionMergeWithNext", "actionSplitBead", "actionUnlink", "actionConfirm",
    "actionMoveSourceUp", "actionMoveSourceDown", "actionMoveTargetUp", "actionMoveTargetDown",
    "actionMarkOmission", "actionMarkMistranslation", "actionMarkAddition", "actionMarkOther",
    "actionSeverityMinor", "actionSeverityCritical", "actionDeleteAnnotation",
    "actionAcceptSuggestion", "actionDismissSuggestion", "actionNextFlag", "actionNextBead",
    "actionPreviousBead", "actionNextAnnotation", "actionUndo", "actionRedo",
]


def state(doc: Any) -> Any:
    return (
        [(b.source, b.target, b.score, b.status, list(b.flags), copy.deepcopy(b.details))
         for b in doc.beads],
        [copy.deepcopy(vars(a)) for a in doc.annotations],
    )


def test_random_session_stays_valid_and_undoes_exactly(make_window: Any) -> None:
    rng = random.Random(20261129)
    window = make_window()
    doc = window.document
    initial = state(doc)
    for _step in range(300):
        roll = rng.random()
        if roll < 0.25:
            window.select_bead(rng.randrange(len(doc.beads)))
        elif roll < 0.35:
            side = rng.choice(["source", "target"])
            text = doc.side(side).text
            start = rng.randrange(len(text))
            window.select_span(side, start, min(len(text), start + rng.randint(1, 12)))
        elif roll < 0.40:
            side = rng.choice(["source", "target"])
            window._on_pane_sentence_clicked(side, rng.randrange(len(doc.side(side).sentences)))
        else:
            found = window.findChild(QAction, rng.choice(ACTIONS))
            assert found is not None
            found.trigger()
        doc.check()
        assert window.bead_model.rowCount() == len(doc.beads)
        assert window.annotation_model.rowCount() == len(doc.annotations)
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert state(doc) == initial
    window.undo_stack.setClean()
