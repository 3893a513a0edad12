"""A worker process for document-wide engine work on big documents.

A 10,000-bead document's word-coverage analysis takes seconds of pure Python and a few
hundred MB of caches. In a QThread it competes with the GUI thread for the interpreter
lock (scrolling stutters for seconds); in this process it does not, and its memory is
not the window's. One worker per window, started on first use ("spawn": forking a
process that runs Qt threads is unsafe), shut down with the window.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

# A document with at least this many beads has its suggestions and rescoring done here.
BIG_DOCUMENT_BEADS = 2000


class EngineProcess(QObject):
    _completed = Signal(int, object, str)  # token, result, error ("" when none)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ProcessPoolExecutor | None = None
        self._tokens = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._completed.connect(self._on_completed, Qt.ConnectionType.QueuedConnection)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            from aligner_gui.core.background import worker_init

            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=worker_init)
        return self._pool

    def submit(self, function: Callable[..., Any], *args: Any,
               on_done: Callable[[Any], None],
               on_error: Callable[[str], None] | None = None) -> int:
        """Run ``function(*args)`` in the worker; the callbacks run on the GUI thread."""
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error or (lambda m: log.warning("%s", m)))
        try:
            future = self._executor().submit(function, *args)
        except Exception as error:  # noqa: BLE001 - a broken pool: report, start anew
            self._pool = None
            self._completed.emit(token, None, f"{type(error).__name__}: {error}")
            return token
        future.add_done_callback(lambda f, t=token: self._finished(t, f))
        return token

    def _finished(self, token: int, future: Future) -> None:  # on the pool's thread
        if future.cancelled():
            self._completed.emit(token, None, "cancelled")
            return
        error = future.exception()
        if error is not None:
            self._completed.emit(token, None, f"{type(error).__name__}: {error}")
        else:
            self._completed.emit(token, future.result(), "")

    def _on_completed(self, token: int, result: Any, error: str) -> None:
        callbacks = self._callbacks.pop(token, None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        if error:
            if "BrokenProcessPool" in error:
                self._pool = None  # the worker died (killed, out of memory): a new one next time
            on_error(error)
        else:
            on_done(result)

    def pending(self) -> int:
        return len(self._callbacks)

    def shutdown(self) -> None:
        """Stop the worker at once: it holds nothing that is not in the document."""
        pool, self._pool = self._pool, None
        self._callbacks.clear()
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # a job may run for seconds: do not wait for it
            if process.is_alive():
                process.terminate()
