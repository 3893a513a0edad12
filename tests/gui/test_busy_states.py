"""Background work the editor waits for is said, not silent: suggestions and rescoring."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import pytest
from guikit import ScoringEngine

from aligner_gui.core import offers
from aligner_gui.core.model import AlignmentDocument, Bead


def test_suggestion_list_says_computing_until_the_rows_arrive(
    make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.resize(1200, 800)
    with qtbot.waitExposed(window):
        window.show()
    suggestions = window.suggestion_list
    model = window.suggestion_model
    assert suggestions.busy_row.isHidden()  # the seven-bead document's rows are there
    gate, real = threading.Event(), offers.suggestions

    def held(document: Any) -> list[Any]:
        gate.wait(20)
        return real(document)

    monkeypatch.setattr(offers, "suggestions", held)
    model.engine_process = None  # a thread, so the test can hold the computation
    model.background_beads = 1  # the document counts as big: computed in the background
    with qtbot.waitSignal(model.computing_changed, check_params_cb=lambda busy: busy):
        model.set_document(window.document)  # as on opening: no rows yet
    try:
        assert model.rowCount() == 0
        assert suggestions.busy_row.isVisible() and suggestions.busy_bar.isVisible()
        assert suggestions.status_label.text() == "Computing suggestions…"
        assert suggestions.busy_bar.maximum() == 0  # indeterminate: a busy indicator
        assert window.background_status.isVisible()
        assert "Computing suggestions…" in window.background_status.text()
        assert window.background_busy.isVisible()
    finally:
        with qtbot.waitSignal(model.computing_changed, timeout=30000,
                              check_params_cb=lambda busy: not busy):
            gate.set()
    assert model.rowCount() == 4
    assert suggestions.busy_row.isHidden()
    assert window.background_status.isHidden() and window.background_busy.isHidden()


def test_an_empty_list_says_there_is_nothing_to_review(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    with qtbot.waitExposed(window):
        window.show()
    for _ in range(window.suggestion_model.rowCount()):
        window.review.dismiss_suggestion(window.suggestion_model.suggestion(0))
        window.suggestion_model.refresh_if_pending()
    assert window.suggestion_model.rowCount() == 0
    assert window.suggestion_list.status_label.text() == "No open suggestions."
    assert window.suggestion_list.busy_bar.isHidden()


class HeldScoringEngine(ScoringEngine):
    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def score(self, document: AlignmentDocument, beads: Sequence[Bead]) -> list[Bead]:
        self.gate.wait(20)
        return super().score(document, beads)


def test_status_bar_says_rescoring_while_edited_beads_are_scored(
    make_window: Any, qtbot: Any
) -> None:
    engine = HeldScoringEngine()
    window = make_window(engine=engine)
    with qtbot.waitExposed(window):
        window.show()
    window.select_bead(0)
    with qtbot.waitSignal(window.alignment.rescoring_changed, timeout=10000,
                          check_params_cb=lambda busy: busy):
        window.actions.merge_with_next.trigger()
    assert "Rescoring edited beads…" in window.background_status.text()
    assert window.background_status.isVisible()
    with qtbot.waitSignal(window.alignment.rescoring_changed, timeout=30000,
                          check_params_cb=lambda busy: not busy):
        engine.gate.set()
    assert window.background_status.isHidden()


class CacheBuildingEngine(ScoringEngine):
    """Its first alignment waits for a dictionary build, as a first start does."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def prepare(self, building: Any, progress: Any = None) -> None:
        building(5.0)
        progress(0.4)  # part of the dictionary compiled
        assert self.release.wait(30)


def test_first_start_says_the_dictionary_cache_is_built(make_window: Any, qtbot: Any) -> None:
    engine = CacheBuildingEngine()
    window = make_window(engine=engine, wait=False)
    bar = window.progress
    aligning = "Aligning… %p%"
    expected = "Building the dictionary cache (once, about 5 s)…"
    qtbot.waitUntil(lambda: bar.format() == expected)
    assert window.statusBar().currentMessage() == expected
    qtbot.waitUntil(lambda: bar.value() == 400)  # the build's own progress, not 0 %
    assert bar.maximumWidth() > bar.fontMetrics().horizontalAdvance(expected)
    engine.release.set()
    qtbot.waitUntil(lambda: not window.alignment_running(), timeout=30000)
    assert bar.format() == aligning and window.document.beads
    assert window.statusBar().currentMessage() != expected


def test_the_real_engine_says_when_it_builds_the_dictionary(tmp_path: Any) -> None:
    """First start: ``building`` once, before the compile, and ``progress`` as it goes;
    later starts read the caches and say nothing (each in its own process, as for a user)."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json\n"
        "from aligner_gui.gui.engine import Engine\n"
        "told, steps = [], []\n"
        "Engine().prepare(told.append, steps.append)\n"
        "print(json.dumps([told, steps[-1] if steps else None]))\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, timeout=300) for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    first, second = (json.loads(run.stdout.strip().splitlines()[-1]) for run in runs)
    assert len(first[0]) == 1 and first[0][0] > 0 and first[1] == 1.0
    assert second == [[], None]
    # The first start also left the encoder's unpacked weights (jieba's own tables wait
    # until its part-of-speech tagger is asked: words are cut by rjieba).
    folder = tmp_path / "aligner-gui"
    assert list(folder.glob("use-m3-*/index.json"))
    assert not (folder / "jieba-words-v1.sqlite").exists()


def test_the_window_prepares_the_other_caches_in_a_process_of_its_own(tmp_path: Any) -> None:
    """On the window's worker thread (a process with threads cannot fork), a first start
    compiles the dictionary while a spawned process unpacks the encoder's weights; the
    load waits for it, then finds them."""
    import os
    import subprocess
    import sys

    from aligner_gui.core.runtime.forked import second_core

    if not second_core():
        pytest.skip("one CPU: no helper process")
    script = (
        "import threading\n"
        "from aligner_gui.gui import engine\n"
        "started = []\n"
        "real = engine._start_first_run_helper\n"
        "engine._start_first_run_helper = lambda: started.append(1) or real()\n"
        "def work():\n"
        "    engine.Engine().prepare(lambda seconds: None)\n"
        "if __name__ == '__main__':\n"
        "    t = threading.Thread(target=work)\n"
        "    t.start(); t.join()\n"
        "    print(len(started))\n"
    )
    path = tmp_path / "window_like.py"
    path.write_text(script, encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    run = subprocess.run([sys.executable, str(path)], env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "1"  # asked for once, when the compile began
    folder = tmp_path / "cache" / "aligner-gui"  # a load without a helper unpacks nothing
    assert list(folder.glob("use-m3-*/index.json"))
