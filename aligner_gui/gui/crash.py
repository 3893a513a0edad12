"""The crash path: an unhandled exception saves the editor's work, then says what happened.

``CrashHandler`` is installed as ``sys.excepthook`` and ``threading.excepthook``. On
the GUI thread it writes a recovery copy of every open window's document and then
shows a report (the traceback with a "Copy report" button). From any other thread it
hands both steps to the GUI thread through a queued signal: widgets and the document
belong to that thread. Both the window list and the way the report is shown are
passed in, so tests check the whole path without a dialog (qutebrowser
``misc/crashsignal.py`` does the same split).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

log = logging.getLogger(__name__)

# show_report(parent window or None, summary line, traceback text, saved copies,
#             copies that could not be written: one line each)
ReportShower = Callable[[Any, str, str, list[Path], list[str]], None]
_open_reports: list[Any] = []


class CrashHandler(QObject):
    """Saves recovery copies, then reports; never raises itself."""

    _reported_elsewhere = Signal(str, str)  # summary, traceback (queued to the GUI thread)

    def __init__(self, windows: Callable[[], Iterable[Any]],
                 show_report: ReportShower | None = None) -> None:
        super().__init__()
        self._windows = windows
        self._show_report = show_report or show_crash_report
        self.handled = 0
        self._reported_elsewhere.connect(self._handle_on_gui_thread,
                                         Qt.ConnectionType.QueuedConnection)

    # -- the hooks ----------------------------------------------------------------------
    def excepthook(self, kind: type[BaseException], error: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            return
        self.handle(kind, error, tb)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is None or issubclass(args.exc_type, SystemExit):
            return
        self.handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback,
                    thread=getattr(args.thread, "name", None))

    def handle(self, kind: type[BaseException], error: BaseException,
               tb: TracebackType | None, thread: str | None = None) -> None:
        try:
            text = "".join(traceback.format_exception(kind, error, tb))
            if thread:
                text = f"in thread {thread}:\n{text}"
            message = str(error).strip().splitlines()
            summary = f"{kind.__name__}: {message[0]}" if message else kind.__name__
            log.error("unhandled exception:\n%s", text)
            if self._on_gui_thread():
                self._handle_on_gui_thread(summary, text)
            else:
                self._reported_elsewhere.emit(summary, text)
        except Exception:  # noqa: BLE001 - the hook itself must never fail
            log.exception("the crash handler failed")

    # -- on the GUI thread ----------------------------------------------------------------
    def _on_gui_thread(self) -> bool:
        app = QCoreApplication.instance()
        return app is None or QThread.currentThread() is app.thread()

    def _handle_on_gui_thread(self, summary: str, text: str) -> None:
        self.handled += 1
        windows = [w for w in self._windows() if _alive(w)]
        saved: list[Path] = []
        failed: list[str] = []
        for window in windows:  # the work first
            try:
                copy = window.files.save_crash_copy()
            except Exception as error:  # noqa: BLE001 - say so, never raise from here
                log.exception("could not save a recovery copy")
                lines = str(error).strip().splitlines()
                failed.append(f"{type(error).__name__}: {lines[0]}" if lines
                              else type(error).__name__)
                continue
            if copy is not None:
                saved.append(copy)
        try:
            self._show_report(windows[0] if windows else None, summary, text, saved, failed)
        except Exception:  # noqa: BLE001
            log.exception("could not show the crash report")


def _alive(window: Any) -> bool:
    try:
        import shiboken6

        return bool(shiboken6.isValid(window))
    except Exception:  # noqa: BLE001
        return False


def show_crash_report(parent: Any, summary: str, text: str, saved: list[Path],
                      failed: list[str] | None = None) -> Any:
    """The report as a non-modal dialog (an exception may come from inside a slot)."""
    from PySide6.QtWidgets import QApplication

    from aligner_gui.gui.dialogs.crash import CrashDialog

    if QApplication.instance() is None:
        return None
    dialog = CrashDialog(summary, text, saved, parent, failed=failed or [])
    _open_reports.append(dialog)  # a report without a parent window must outlive this call
    dialog.finished.connect(lambda _r: _open_reports.remove(dialog)
                            if dialog in _open_reports else None)
    dialog.show()
    dialog.raise_()
    return dialog
