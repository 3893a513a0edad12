"""The crash path and failed saves: the editor's work survives and the editor is told."""

from __future__ import annotations

import errno
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from aligner_gui.gui.crash import CrashHandler, show_crash_report
from aligner_gui.io.project import load_project


class ReportRecorder:
    """Stands in for the dialog; notes whether the recovery copy already existed."""

    def __init__(self, copy: Path) -> None:
        self.copy = copy
        self.reports: list[dict[str, Any]] = []

    def __call__(self, window: Any, summary: str, text: str, saved: list[Path],
                 failed: list[str]) -> None:
        self.reports.append({"window": window, "summary": summary, "text": text,
                             "saved": list(saved), "failed": list(failed),
                             "copy_existed": self.copy.is_file()})


def _edited_window(make_window: Any) -> Any:
    window = make_window()
    window.select_bead(0)
    window.actions.confirm.trigger()
    assert window.isWindowModified()
    return window


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_saves_a_recovery_copy_then_shows_the_traceback(
    make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer

    window = _edited_window(make_window)
    copy, _meta = window.files.recovery_paths()
    assert not copy.exists()
    shown = ReportRecorder(copy)
    handler = CrashHandler(lambda: [window], shown)
    monkeypatch.setattr(sys, "excepthook", handler.excepthook)

    def broken_slot() -> None:
        raise RuntimeError("the bead table lost its place")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: handler.handled == 1, timeout=5000)
    assert len(shown.reports) == 1
    report = shown.reports[0]
    assert report["copy_existed"]  # saved before the report appeared
    assert report["saved"] == [copy] and report["failed"] == []
    assert report["window"] is window
    assert report["summary"] == "RuntimeError: the bead table lost its place"
    assert "broken_slot" in report["text"] and "Traceback" in report["text"]
    recovered = load_project(copy)
    assert recovered.beads[0].status == "confirmed"  # the edit is in the copy
    assert window.isWindowModified()  # the window itself goes on as it was


def test_exception_in_a_worker_thread_is_handled_on_the_gui_thread(
    make_window: Any, qtbot: Any
) -> None:
    window = _edited_window(make_window)
    copy, _meta = window.files.recovery_paths()
    shown = ReportRecorder(copy)
    handler = CrashHandler(lambda: [window], shown)
    threads: list[str] = []

    def report(*args: Any) -> None:
        threads.append(threading.current_thread().name)
        shown(*args)

    handler._show_report = report

    def work() -> None:
        raise ValueError("lexicon index out of range")

    worker = threading.Thread(target=work, name="scorer")
    previous = threading.excepthook
    threading.excepthook = handler.threading_excepthook
    try:
        worker.start()
        worker.join()
    finally:
        threading.excepthook = previous
    qtbot.waitUntil(lambda: handler.handled == 1, timeout=5000)
    assert threads == [threading.main_thread().name]  # widgets only on the GUI thread
    report_ = shown.reports[0]
    assert report_["copy_existed"] and report_["saved"] == [copy]
    assert "in thread scorer" in report_["text"] and "lexicon index out of range" in report_["text"]


def test_a_recovery_copy_that_cannot_be_written_is_reported(
    make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _edited_window(make_window)
    copy, _meta = window.files.recovery_paths()
    shown = ReportRecorder(copy)
    handler = CrashHandler(lambda: [window], shown)

    def full(*_args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(window.engine, "save", full)
    try:
        raise KeyError("bead 7")
    except KeyError as error:
        handler.excepthook(KeyError, error, error.__traceback__)
    report = shown.reports[0]
    assert report["saved"] == [] and not copy.exists()
    assert report["failed"] == ["OSError: [Errno 28] No space left on device"]
    dialog = show_crash_report(window, report["summary"], report["text"], [], report["failed"])
    qtbot.addWidget(dialog)
    assert "could not be written" in dialog.saved_label.text()
    assert "No space left on device" in dialog.saved_label.text()
    dialog.close()


def test_a_pending_recovery_offer_is_not_overwritten_by_a_crash_copy(make_window: Any) -> None:
    window = _edited_window(make_window)
    copy, _meta = window.files.recovery_paths()
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text("older work", encoding="utf-8")
    window.recovery_banner.offer("older", "2026-12-06T09:05:33.123")
    assert "older (2026-12-06 09:05)" in window.recovery_banner.label.text()  # not ISO's T
    saved = window.files.save_crash_copy()
    assert saved is not None and saved != copy and saved.parent == copy.parent
    assert copy.read_text(encoding="utf-8") == "older work"
    assert load_project(saved).beads[0].status == "confirmed"


def test_the_report_dialog_shows_the_traceback_and_copies_it(make_window: Any, qtbot: Any,
                                                             tmp_path: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    window = make_window()
    text = 'Traceback (most recent call last):\n  File "x.py", line 1\nKeyError: 7\n'
    dialog = show_crash_report(window, "KeyError: 7", text, [tmp_path / "recovery.json"])
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.details.toPlainText() == text
    assert str(tmp_path / "recovery.json") in dialog.saved_label.text()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "KeyError: 7" in copied and 'File "x.py", line 1' in copied
    dialog.close()


@pytest.mark.parametrize("failure", [
    ("mkstemp", PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
    ("fsync", OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
])
def test_a_failed_save_tells_the_editor_and_keeps_the_work(
    make_window: Any, recorder: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    failure: tuple[str, OSError, str],
) -> None:
    import aligner_gui.io.atomic as atomic

    path = tmp_path / "work.json"
    window = make_window()
    assert window.save_to(path)
    before = path.read_bytes()
    window.select_bead(1)
    window.actions.mark_omission.trigger()
    undo_steps = window.undo_stack.count()

    name, error, reason = failure

    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise error

    target = atomic.tempfile if name == "mkstemp" else atomic.os
    monkeypatch.setattr(target, name, fail)
    assert not window.files.save()
    title, message = recorder.errors[-1]
    assert title == "Cannot save work.json"
    assert reason in message and "still open" in message
    assert window.isWindowModified()
    assert window.undo_stack.count() == undo_steps and not window.undo_stack.isClean()
    assert len(window.document.annotations) == 1
    assert path.read_bytes() == before  # the old file is intact
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".work")) == []
    # Closing with the failed save as the answer keeps the window open.
    recorder.close_answer = type(recorder.close_answer).SAVE
    assert not window.close()
    assert window.document is not None and len(window.document.annotations) == 1
    monkeypatch.undo()
    assert window.files.save() and not window.isWindowModified()
    assert len(load_project(path).annotations) == 1
