"""Big documents: suggestions and rescoring leave the GUI thread (a thread or the worker)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from guikit import fake_beads, make_document

from aligner_gui.core import offers
from aligner_gui.core.pipeline import rescored
from aligner_gui.gui.engine import Engine
from aligner_gui.gui.models import SuggestionTableModel

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_730210bb8f392e85.txt"
ACTON = "disagreement over whether verification is needed is pretty significant"


def _flags(model: SuggestionTableModel) -> list[str]:
    return [model.suggestion(r).flag for r in range(model.rowCount())]


def test_suggestions_of_a_big_document_come_from_a_thread_and_stale_ones_are_dropped(
    qtbot: Any, qtmodeltester: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    doc = make_document(fake_beads())
    model = SuggestionTableModel()
    model.background_beads = 1  # every document counts as big
    with qtbot.waitSignal(model.computing_changed, timeout=30000,
                          check_params_cb=lambda busy: not busy):
        model.set_document(doc)
        assert model.rowCount() == 0 and model.computing()  # nothing computed on this thread
    assert _flags(model) == ["omission", "low-score", "omission", "addition"]
    qtmodeltester.check(model, force_py=True)
    # A change while a job runs: its result is dropped and the list ends up current.
    gate, real = threading.Event(), offers.suggestions
    seen: list[int] = []

    def held(document: Any) -> list[Any]:
        gate.wait(10)
        seen.append(len(real(document)))
        return real(document)

    monkeypatch.setattr(offers, "suggestions", held)
    shown: list[int] = []  # row counts the list showed after the first change
    model.modelReset.connect(lambda: shown.append(model.rowCount()))
    doc.update_bead(2, details={"reviewed_flags": ["low-score"]})
    qtbot.waitUntil(lambda: model.computing(), timeout=5000)
    doc.update_bead(1, details={"reviewed_flags": ["omission"]})
    gate.set()
    qtbot.waitUntil(lambda: not model.computing() and len(_flags(model)) == 2, timeout=30000)
    # The first job saw the 3-row state; every later job (one, or two if a refresh was
    # coalesced late on a loaded machine) saw the current one; the 3 rows never showed.
    assert seen[0] == 3 and seen[1:] and set(seen[1:]) == {2}
    assert 3 not in shown
    assert _flags(model) == [s.flag for s in real(doc)] == ["omission", "addition"]


def test_suggestions_of_a_big_document_come_from_the_worker_process(
    make_window: Any, qtbot: Any
) -> None:
    window = make_window()
    model = window.suggestion_model
    assert model.engine_process is window.engine_process
    model.background_beads = 1
    with qtbot.waitSignal(model.computing_changed, timeout=60000,
                          check_params_cb=lambda busy: not busy):
        window.select_bead(1)
        window.actions.mark_omission.trigger()  # accepted by annotation: one fewer
    assert window.engine_process.pending() == 0
    assert _flags(model) == [s.flag for s in offers.suggestions(window.document)]
    assert _flags(model) == ["low-score", "omission", "addition"]


@pytest.mark.parametrize("in_process", [True, False])
def test_rescoring_a_big_document_in_the_worker_process_refreshes_coverage(
    make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, in_process: bool
) -> None:
    import aligner_gui.gui.controllers.alignment as alignment

    monkeypatch.setattr(alignment, "BIG_DOCUMENT_BEADS", 1 if in_process else 10**9)
    window = make_window(SEED, engine=Engine())
    doc = window.document
    before = dict(doc.scores["uncovered"])
    row = doc.bead_of_sentence(
        "source", window.source_pane.sentence_at(doc.source.text.index(ACTON)))
    window.select_bead(row)
    with qtbot.waitSignal(window.alignment.rescored, timeout=90000) as done:
        window.actions.unlink.trigger()
    assert done.args == [2]
    qtbot.waitUntil(lambda: window.alignment._rescore_job is None, timeout=5000)  # forgotten
    assert (window.engine_process._pool is not None) is in_process  # where it ran
    after = doc.scores["uncovered"]
    assert after["source_words"] < before["source_words"]
    expected_beads, expected_summary = rescored(doc)
    assert after == expected_summary["uncovered"]
    assert [b.details.get("uncovered") for b in doc.beads] == [
        b.details.get("uncovered") for b in expected_beads]
    assert [b.score for b in doc.beads[row:row + 2]] == [
        b.score for b in expected_beads[row:row + 2]]
