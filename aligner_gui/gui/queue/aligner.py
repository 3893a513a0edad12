"""Aligns the queue's documents that have no project yet, one after the other, off the GUI.

With the real engine each document is aligned in a worker process (EngineProcess): a
QThread would compete with the GUI thread for the interpreter lock, and the list must
stay responsive. An engine that does not run in a process (the tests' fakes) is run in
a thread instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from aligner_gui.gui.engine_process import EngineProcess
from aligner_gui.gui.workers import TaskJob, launch
from aligner_gui.io.review_queue import Figures, align_into_project

Job = tuple[str, tuple[Path, ...], Path]  # name, inputs, project


class ThreadRunner(QObject):
    """EngineProcess's ``submit``/``shutdown`` on a thread (for engines that are not the core's)."""

    def submit(self, function: Callable[..., Any], *args: Any,
               on_done: Callable[[Any], None],
               on_error: Callable[[str], None] | None = None) -> int:
        job = TaskJob(lambda: function(*args))
        job.finished_ok.connect(on_done)
        if on_error is not None:
            job.failed.connect(on_error)
        launch(job)
        return 0

    def shutdown(self) -> None:
        """A running job finishes on its own; the aligner ignores what it reports."""


class QueueAligner(QObject):
    started = Signal(str)  # name of the document being aligned
    aligned = Signal(str, object, str)  # name, Figures of its new project, error message
    progressed = Signal(int, int)  # documents done, documents in this run
    finished = Signal()

    def __init__(self, engine: Any, source_lang: str = "en",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._in_process = bool(getattr(engine, "runs_in_process", False))
        self._engine = None if self._in_process else engine
        self._source_lang = source_lang
        self._direction = engine  # its source_lang, when set, is the window's current choice
        self._runner: EngineProcess | ThreadRunner | None = None
        self._pending: list[Job] = []
        self.current: str | None = None
        self.done = 0
        self.total = 0

    def running(self) -> bool:
        return self.current is not None

    def add(self, jobs: list[Job]) -> None:
        """Queue documents (those already waiting or running are not added twice)."""
        known = {self.current, *(name for name, _, _ in self._pending)}
        fresh = [job for job in jobs if job[0] not in known]
        if not self.running():
            self.done = self.total = 0
        self._pending.extend(fresh)
        self.total += len(fresh)
        self._next()

    def prioritize(self, name: str) -> bool:
        """Align ``name`` next; False when it is not waiting."""
        for k, job in enumerate(self._pending):
            if job[0] == name:
                self._pending.insert(0, self._pending.pop(k))
                return True
        return False

    def waiting(self) -> list[str]:
        return [name for name, _, _ in self._pending]

    def cancel(self) -> None:
        """Stop at once: the worker process is ended (a project is written atomically, so
        none is left half-written); documents not aligned stay "not aligned"."""
        self._pending.clear()
        self._stop_runner()
        if self.current is not None:
            self.current = None
            self.finished.emit()

    def _stop_runner(self) -> None:
        # Not deleted: its parent keeps it, so a late report of the ended worker finds it.
        runner, self._runner = self._runner, None
        if runner is not None:
            runner.shutdown()

    def _next(self) -> None:
        if self.current is not None:
            return
        if not self._pending:
            self._stop_runner()  # an idle worker would keep the dictionary in memory
            self.finished.emit()
            return
        name, inputs, project = self._pending.pop(0)
        self.current = name
        self.started.emit(name)
        if self._runner is None:
            self._runner = EngineProcess(self) if self._in_process else ThreadRunner(self)
        lang = str(getattr(self._direction, "source_lang", self._source_lang))
        self._runner.submit(align_into_project, inputs, project, lang,
                            self._engine,
                            on_done=lambda figures, n=name: self._on_done(n, figures, ""),
                            on_error=lambda message, n=name: self._on_done(n, None, message))

    def _on_done(self, name: str, figures: Figures | None, message: str) -> None:
        if name != self.current:  # reported after a cancel
            return
        self.current = None
        self.done += 1
        self.aligned.emit(name, figures, message)
        self.progressed.emit(self.done, self.total)
        self._next()
