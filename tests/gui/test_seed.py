"""The real engine on the bundled seed: the window opens, aligns off-thread, saves a project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction


def test_seed_opens_aligns_marks_and_saves(qtbot: Any, gui_settings: Any, recorder: Any,
                                           tmp_path: Path) -> None:
    from aligner_gui.gui import create_main_window
    from aligner_gui.io.project import load_project

    window = create_main_window(settings=gui_settings, report_error=recorder.report_error,
                                ask_save=recorder.ask_save)
    qtbot.addWidget(window)
    assert not window.isVisible()
    assert window.source_pane.toPlainText().startswith(window.document.source.text[:20])
    qtbot.waitUntil(lambda: not window.alignment_running(), timeout=120000)
    assert recorder.errors == []
    doc = window.document
    assert len(doc.beads) > 5
    doc.check()
    window.select_bead(0)
    window.findChild(QAction, "actionMarkOmission").trigger()
    target = doc.target.sentences[0]
    window.select_span("target", target.start, target.start + 4)
    window.findChild(QAction, "actionMarkMistranslation").trigger()
    assert [a.type for a in doc.annotations] == ["omission", "mistranslation"]
    path = tmp_path / "seed.json"
    assert window.save_to(path)
    loaded = load_project(path)
    assert [a.text for a in loaded.annotations] == [a.text for a in doc.annotations]
    assert len(loaded.beads) == len(doc.beads)
