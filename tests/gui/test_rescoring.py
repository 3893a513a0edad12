"""Background rescoring after hand edits, with the real engine on the seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aligner_gui.core.pipeline import rescored
from aligner_gui.gui.engine import Engine

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_730210bb8f392e85.txt"
ACTON = "disagreement over whether verification is needed is pretty significant"


def test_rescoring_after_an_edit_refreshes_coverage_share_and_uncovered_spans(
    make_window: Any, qtbot: Any
) -> None:
    window = make_window(SEED, engine=Engine())
    doc = window.document
    before = dict(doc.scores["uncovered"])
    start = doc.source.text.index(ACTON)
    row = doc.bead_of_sentence("source", window.source_pane.sentence_at(start))
    assert doc.beads[row].details["uncovered"]  # the dropped clause is tinted
    window.select_bead(row)
    with qtbot.waitSignal(window.alignment.rescored, timeout=60000) as rescored_signal:
        window.actions.unlink.trigger()  # the Acton sentence becomes a 1-0 omission
    assert rescored_signal.args[0] == 2  # the 1-0 and the 0-1 got scores
    after = doc.scores["uncovered"]
    # Its words no longer count among the paired beads' source words.
    assert after["source_words"] < before["source_words"]
    assert after["source_uncovered"] < before["source_uncovered"]
    expected_beads, expected_summary = rescored(doc)
    assert after == expected_summary["uncovered"]  # what pipeline.rescore would store
    assert [b.details.get("uncovered") for b in doc.beads] == [
        b.details.get("uncovered") for b in expected_beads]
    assert all(b.score is not None for b in doc.beads)
    qtbot.waitUntil(lambda: window.scores_panel.text("uncovered").endswith(
        f"({after['source_uncovered']} of {after['source_words']})"), timeout=5000)
    # Undo brings the pair back; its stored spans come back with it and rescoring is idle.
    window.undo_stack.undo()
    assert doc.beads[row].details["uncovered"]
    assert not window.alignment.rescore()
