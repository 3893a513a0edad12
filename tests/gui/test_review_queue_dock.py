"""The review queue dock: a folder's documents, riskiest first, opened, saved, aligned."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from guikit import fake_beads, make_document
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from aligner_gui.gui.dialogs.messages import CloseAnswer
from aligner_gui.gui.queue.model import QueueSortProxy, QueueTableModel
from aligner_gui.io.project import save_project
from aligner_gui.io.review_queue import STATE_NAME, ReviewQueue

RISKS = {"calm": 0.4, "risky": 6.25, "middling": 2.0}
M = QueueTableModel


def make_project(path: Path, expected_major: float) -> None:
    doc = make_document(fake_beads())
    doc.set_scores({"omissions": 2, "risk": {"expected_major": expected_major,
                                             "risky_beads": 1}})
    save_project(doc, path, backup=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "queue"
    folder.mkdir()
    for name, risk in RISKS.items():
        make_project(folder / f"{name}.json", risk)
    return folder


def add_pair(folder: Path, name: str = "talk") -> None:
    (folder / f"{name}.en.txt").write_text("Hello there.\n", encoding="utf-8")
    (folder / f"{name}.zh.txt").write_text("你好。\n", encoding="utf-8")


def rows(dock: Any, column: int = M.COL_NAME) -> list[str]:
    proxy = dock.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def row_text(dock: Any, name: str, column: int) -> str:
    return dock.proxy.index(rows(dock).index(name), column).data()


def double_click(qtbot: Any, dock: Any, name: str) -> None:
    view = dock.view
    index = dock.proxy.index(rows(dock).index(name), M.COL_NAME)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)


@pytest.fixture
def shown(make_window: Any, qtbot: Any) -> Any:
    def factory(**options: Any) -> Any:
        window = make_window(**options)
        window.show()
        qtbot.waitExposed(window)
        return window
    return factory


@pytest.mark.parametrize("sorted_view", [False, True])
def test_model_is_consistent(folder: Path, qtmodeltester: Any, sorted_view: bool) -> None:
    add_pair(folder)
    queue = ReviewQueue.open(folder)
    model = QueueTableModel()
    model.set_queue(queue)
    checked: Any = model
    if sorted_view:
        checked = QueueSortProxy()
        checked.setSourceModel(model)
        checked.sort(M.COL_RISK, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(checked, force_py=True)
    model.set_aligning("talk")
    model.set_current("calm")
    queue.toggle_reviewed(["calm"])
    model.entry_changed("calm")
    model.set_queue(None)
    assert checked.rowCount() == 0


def test_open_folder_lists_riskiest_first(make_window: Any, folder: Path) -> None:
    window = make_window()
    dock = window.review_queue
    assert dock.isHidden()
    action = window.findChild(QAction, "actionOpenFolder")
    assert action is dock.open_folder_action and action.shortcut().toString() == "Ctrl+Shift+O"
    assert dock.open_folder(folder)
    assert not dock.isHidden() and dock.view.objectName() == "reviewQueue"
    assert rows(dock) == ["risky", "middling", "calm"]
    assert rows(dock, M.COL_RISK) == ["6.2 (1)", "2.0 (1)", "0.4 (1)"]
    assert rows(dock, M.COL_STATUS) == ["new"] * 3
    assert rows(dock, M.COL_OMISSIONS) == ["2"] * 3
    assert rows(dock, M.COL_ANNOTATIONS) == ["0"] * 3
    assert rows(dock, M.COL_SENTENCES) == ["6 / 5"] * 3
    dock.view.sortByColumn(M.COL_NAME, Qt.SortOrder.AscendingOrder)
    assert rows(dock) == ["calm", "middling", "risky"]
    assert (folder / STATE_NAME).is_file()
    assert "3 documents, 3 aligned" in dock.status.text()


def test_double_click_opens_and_saving_updates_the_row(shown: Any, qtbot: Any,
                                                       folder: Path) -> None:
    window = shown()
    dock = window.review_queue
    dock.open_folder(folder)
    double_click(qtbot, dock, "calm")
    qtbot.waitUntil(lambda: window.files.path == folder / "calm.json")
    assert row_text(dock, "calm", M.COL_STATUS) == "in review"
    assert dock.proxy.index(rows(dock).index("calm"), 0).data(Qt.ItemDataRole.FontRole).bold()
    window.select_bead(1)
    window.actions.mark_omission.trigger()
    assert len(window.document.annotations) == 1
    assert row_text(dock, "calm", M.COL_ANNOTATIONS) == "0"  # not saved yet
    assert window.files.save()
    assert row_text(dock, "calm", M.COL_ANNOTATIONS) == "1"
    state = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    record = state["projects"]["calm.json"]
    assert record["figures"]["annotations"] == 1 and record["status"] == "in review"


def test_unsaved_changes_are_asked_about_first(shown: Any, qtbot: Any, folder: Path,
                                               recorder: Any) -> None:
    window = shown()
    dock = window.review_queue
    dock.open_folder(folder)
    window.select_bead(1)
    window.actions.mark_omission.trigger()
    recorder.close_answer = CloseAnswer.CANCEL
    double_click(qtbot, dock, "risky")
    assert recorder.asked and window.files.path is None
    assert row_text(dock, "risky", M.COL_STATUS) == "new"
    recorder.close_answer = CloseAnswer.DISCARD
    assert dock.open_entry(dock.queue.entry("risky"))
    qtbot.waitUntil(lambda: window.files.path == folder / "risky.json")


def test_mark_reviewed_toggles_the_selected_documents(make_window: Any, folder: Path) -> None:
    window = make_window()
    dock = window.review_queue
    dock.open_folder(folder)
    dock.view.selectRow(rows(dock).index("middling"))
    dock.mark_reviewed_action.trigger()
    assert row_text(dock, "middling", M.COL_STATUS) == "reviewed"
    assert ReviewQueue.open(folder).entry("middling").status == "reviewed"
    dock.mark_reviewed_action.trigger()
    assert row_text(dock, "middling", M.COL_STATUS) == "in review"


def test_background_alignment_fills_the_row(make_window: Any, qtbot: Any, folder: Path) -> None:
    add_pair(folder)
    window = make_window()
    block = threading.Event()
    window.engine.block = lambda: block.wait(10)
    dock = window.review_queue
    dock.open_folder(folder)
    qtbot.waitUntil(lambda: row_text(dock, "talk", M.COL_STATUS) == "aligning…")
    assert rows(dock)[-1] == "talk" and row_text(dock, "talk", M.COL_RISK) == "–"
    assert not dock.progress.isHidden() and dock.cancel_action.isEnabled()
    dock.open_entry(dock.queue.entry("talk"))  # opens once it is aligned
    block.set()
    qtbot.waitUntil(lambda: window.files.path == folder / "talk.json")
    assert (folder / "talk.json").is_file()
    assert row_text(dock, "talk", M.COL_STATUS) == "in review"
    assert row_text(dock, "talk", M.COL_SENTENCES) == "6 / 5"  # the fake engine's document
    assert dock.progress.isHidden() and not dock.cancel_action.isEnabled()
    assert "4 documents, 4 aligned" in dock.status.text()


def test_closing_the_window_stops_aligning(make_window: Any, qtbot: Any, folder: Path) -> None:
    add_pair(folder, "one")
    add_pair(folder, "two")
    window = make_window()
    block = threading.Event()
    window.engine.block = lambda: block.wait(10)
    dock = window.review_queue
    dock.open_folder(folder)
    qtbot.waitUntil(lambda: dock.aligner.running())
    window.close()
    assert not dock.aligner.running() and dock.aligner.waiting() == []
    block.set()
    qtbot.waitUntil(lambda: (folder / "one.json").exists())  # the running one finishes
    assert not (folder / "two.json").exists()


def test_folder_window_with_the_engine_in_a_process(qtbot: Any, folder: Path,
                                                    gui_settings: Any, recorder: Any,
                                                    seed_path: Path) -> None:
    from aligner_gui.gui import create_folder_window

    (folder / "seed.txt").write_bytes(seed_path.read_bytes())
    window = create_folder_window(folder, settings=gui_settings,
                                  report_error=recorder.report_error, ask_save=recorder.ask_save)
    qtbot.addWidget(window)
    dock = window.review_queue
    try:
        assert window.document is None and not dock.isHidden()
        assert dock.aligner.running()
        qtbot.waitUntil(lambda: not dock.aligner.running(), timeout=60000)
        assert row_text(dock, "seed", M.COL_STATUS) == "new"
        assert row_text(dock, "seed", M.COL_OMISSIONS) == "4"
        assert rows(dock)[0] == "seed"  # its 7.9 expected Major errors are the most
        assert recorder.errors == []
        assert dock.aligner._runner is None  # the idle worker process was ended
    finally:
        dock.shutdown()


def test_a_dropped_folder_opens_its_queue(make_window: Any, folder: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    dock = window.review_queue
    assert not dock.isHidden() and rows(dock) == ["risky", "middling", "calm"]
    assert window.files.path is None  # the open document stays
    tip = dock.proxy.index(0, M.COL_NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "risky.json" in tip
    assert "Omissions 2 · number or name mismatches – · annotations 0 · sentences 6 / 5" in tip


def test_a_failed_alignment_is_an_error_row(make_window: Any, qtbot: Any,
                                            folder: Path) -> None:
    from aligner_gui.core.errors import InputError

    add_pair(folder)
    window = make_window()

    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise InputError("talk.zh.txt: no Chinese text found")

    window.engine.align = fail
    dock = window.review_queue
    dock.open_folder(folder)
    qtbot.waitUntil(lambda: not dock.aligner.running())
    assert row_text(dock, "talk", M.COL_STATUS) == "error"
    tip = dock.proxy.index(rows(dock).index("talk"), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Cannot align: talk.zh.txt: no Chinese text found"
    assert not (folder / "talk.json").exists()
    dock.open_entry(dock.queue.entry("talk"))
    assert window.statusBar().currentMessage() == tip
    state = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    assert state["projects"]["talk.json"]["error"] is None  # tried again next time
    assert "1 cannot be aligned" in dock.status.text()


def test_a_read_only_folder_is_listed_not_aligned(make_window: Any, folder: Path,
                                                  monkeypatch: Any) -> None:
    from aligner_gui.io import review_queue

    add_pair(folder)
    monkeypatch.setattr(review_queue.os, "access", lambda *_a, **_k: False)
    window = make_window()
    dock = window.review_queue
    dock.open_folder(folder)
    (folder / "lonely.zh.txt").write_text("你好。\n", encoding="utf-8")
    dock.refresh()
    assert not dock.aligner.running() and rows(dock)[-1] == "talk"
    assert "unpaired texts: 1" in dock.status.text()
    assert dock.status.toolTip().startswith("lonely.zh.txt: no en partner")
    assert row_text(dock, "talk", M.COL_STATUS) == "error"
    assert not (folder / STATE_NAME).exists()


def test_aligner_gui_folder_opens_the_queue(qtbot: Any, folder: Path, gui_settings: Any,
                                            monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from aligner_gui import app
    from aligner_gui.gui import application

    class NoLoop:
        def exec(self) -> int:
            return 0

    monkeypatch.setattr("aligner_gui.gui.settings.Settings", lambda: gui_settings)
    monkeypatch.setattr(app, "_exit_on_platform_failure", lambda: lambda: None)
    monkeypatch.setattr(application, "make_application", lambda *_a: NoLoop())
    monkeypatch.setattr(app, "install_hooks", lambda: None)
    monkeypatch.setattr(app, "_warn_without_chinese_font", lambda _w: None)
    monkeypatch.setattr(app, "_windows", [])
    assert QApplication.instance() is not None
    assert app.main([str(folder)]) == 0
    (window,) = app._windows
    qtbot.addWidget(window)
    assert window.document is None and not window.review_queue.isHidden()
    assert rows(window.review_queue) == ["risky", "middling", "calm"]
    window.close()


def test_the_queue_aligns_texts_the_way_the_window_reads_them(qtbot: Any) -> None:
    """Alignment -> Chinese is the original also holds for the texts a folder's queue
    aligns in the background: the choice is read when each document is started."""
    from aligner_gui.gui.queue.aligner import QueueAligner

    class Engine:
        runs_in_process = True
        source_lang = "en"

    class Runner:
        def __init__(self) -> None:
            self.langs: list[str] = []

        def submit(self, _fn: Any, _inputs: Any, _project: Any, lang: str, *_a: Any,
                   **_k: Any) -> None:
            self.langs.append(lang)

        def shutdown(self) -> None:
            pass

    engine = Engine()
    aligner = QueueAligner(engine)
    runner = Runner()
    aligner._runner = runner  # type: ignore[assignment]
    engine.source_lang = "zh"  # the window's choice, made after the dock was built
    aligner.add([("talk", ["talk.zh.txt", "talk.en.txt"], "talk.json")])
    assert runner.langs == ["zh"]


def test_a_day_at_the_keyboard_marks_the_open_document_and_opens_the_next(
        shown: Any, qtbot: Any, folder: Path) -> None:
    """Mark reviewed acted on the row selected last, not the open document, had no key,
    and nothing opened the next document (a helper's review of a day's queue)."""
    window = shown()
    dock = window.review_queue
    dock.open_folder(folder)
    assert dock.mark_reviewed_action.shortcut().toString() == "Ctrl+Shift+D"
    assert dock.next_document_action.shortcut().toString() == "Ctrl+Shift+N"
    assert dock.open_next()  # nothing open: the first of the queue's order
    qtbot.waitUntil(lambda: window.files.path == folder / "risky.json")
    dock.view.selectRow(rows(dock).index("calm"))  # looked at another row
    window.bead_view.setFocus()
    qtbot.waitUntil(window.bead_view.hasFocus)
    dock.mark_reviewed_action.trigger()
    assert row_text(dock, "risky", M.COL_STATUS) == "reviewed"
    assert row_text(dock, "calm", M.COL_STATUS) == "new"
    assert "3 documents, 3 aligned, 1 reviewed" in dock.status.text()
    dock.next_document_action.trigger()
    qtbot.waitUntil(lambda: window.files.path == folder / "middling.json")
