"""Alignment off the GUI thread: a QThread runs the engine, signals bring results back."""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from aligner_gui.core.errors import AlignerError, Cancelled

log = logging.getLogger(__name__)

# Every job runs without a Qt parent and stays referenced here until its thread ends:
# a window closed (or garbage-collected by a script) mid-job must not destroy a running
# QThread, which aborts the process. Receivers of its signals may go away safely.
_LIVE: set[QThread] = set()


def launch(job: QThread) -> QThread:
    """Start ``job``; it is kept alive until it finishes, then deleted."""
    _LIVE.add(job)

    def done() -> None:
        _LIVE.discard(job)
        job.deleteLater()

    job.finished.connect(done)
    job.start()
    return job


def live_jobs() -> list[QThread]:
    return [job for job in _LIVE if job.isRunning()]


def wait_for_jobs(timeout_ms: int = 60000) -> bool:
    """At exit: ask running jobs to stop and let them finish."""
    for job in list(_LIVE):
        cancel = getattr(job, "cancel", None)
        if cancel is not None:
            cancel()
    return all(job.wait(timeout_ms) for job in list(_LIVE))


atexit.register(wait_for_jobs, 30000)

AlignFunction = Callable[..., tuple[list[Any], dict[str, Any]]]


class AlignmentJob(QThread):
    """Runs ``align(progress=..., cancel=...)`` once; never touches the document.

    The result is applied by the GUI thread (``finished_ok``), which checks that the
    document did not change in the meantime.
    """

    progressed = Signal(float)
    building_cache = Signal(float)  # rough seconds: a one-off dictionary build comes first
    cache_progressed = Signal(float)  # how far that build is, 0 to 1
    finished_ok = Signal(object, object)  # beads, scores
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, align: AlignFunction, parent: QObject | None = None,
                 prepare: Callable[..., None] | None = None) -> None:
        super().__init__(parent)
        self._align = align
        self._prepare = prepare
        self._cancel = threading.Event()
        self.context: dict[str, Any] = {}

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            if self._prepare is not None:
                self._prepare(lambda seconds: self.building_cache.emit(float(seconds)),
                              lambda fraction: self.cache_progressed.emit(float(fraction)))
                if self._cancel.is_set():  # cancelled while the dictionary loaded
                    raise Cancelled("cancelled")
            beads, scores = self._align(
                progress=lambda f: self.progressed.emit(float(f)), cancel=self._cancel.is_set
            )
        except Cancelled:
            self.cancelled.emit()
        except AlignerError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug in the engine must not kill the window
            log.exception("alignment failed")
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.finished_ok.emit(beads, scores)


class TaskJob(QThread):
    """Runs ``task()`` once off the GUI thread (loading a big file); one-line errors."""

    finished_ok = Signal(object)
    failed = Signal(str)

    def __init__(self, task: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task = task

    def run(self) -> None:
        try:
            result = self._task()
        except (AlignerError, OSError, ValueError) as error:
            self.failed.emit(_one_line(error))
        except Exception as error:  # an engine bug: one line for the editor, log the rest
            log.exception("background task failed")
            self.failed.emit(f"{type(error).__name__}: {_one_line(error)}")
        else:
            self.finished_ok.emit(result)


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__

