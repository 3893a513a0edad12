"""Run one function in a forked child while the parent does other work.

Scoring and the coverage lens both read the aligned document and the dictionary and
write different fields of the beads; on a machine with two cores they can run at the
same time. A forked child shares the parent's loaded dictionary and warm caches for
free (copy-on-write), does its part and sends the result back through a pipe.

Forking is used only where it is safe and pays: on Linux, from a process with a single
thread (the CLI and batch workers; never the window, whose alignment runs on a worker
thread), with more than one CPU, and when ``ALIGNER_PROCESSES`` is not ``1``. Otherwise
the function simply runs in the calling process. A child that fails reports its
exception, which is raised in the parent like any other.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

ENV_PROCESSES = "ALIGNER_PROCESSES"


def second_core() -> bool:
    """True when a helper (a process or a thread) may work beside this one: more than one
    CPU, and no ``ALIGNER_PROCESSES=1`` (batch workers, which already fill the cores)."""
    if os.environ.get(ENV_PROCESSES, "").strip() == "1":
        return False
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return cpus > 1


def can_fork() -> bool:
    """True when a child process may be forked safely and there is a core for it."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() != 1:
        return False  # a fork copies only the calling thread: locks could be held
    return second_core()


class Threaded:
    """``fn()`` on a helper thread, with the :meth:`result` and :meth:`close` of
    :class:`Forked`: for work that lets other threads run (numpy's matrix products),
    where forking is not safe (the window aligns on a worker thread)."""

    def __init__(self, fn: Callable[[], Any], name: str = "aligner-helper") -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn,), daemon=True, name=name)
        self._thread.start()

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except BaseException as error:  # noqa: BLE001 - raised by result()
            self._error = error

    def result(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error

    def close(self) -> None:
        """Wait for the thread (``fn`` must see for itself that it should stop)."""
        self._thread.join()


class Forked(Generic[T]):
    """``fn()`` started in a forked child process (or run at once when forking is not
    possible); :meth:`result` returns its value or raises its exception."""

    def __init__(self, fn: Callable[[], T], *, fork: bool = True) -> None:
        self._value: Any = None
        self._error: BaseException | None = None
        self._process: Any = None
        self._pipe: Any = None
        self.forked = False  # True when fn runs in a child process
        if fork and can_fork():
            import multiprocessing

            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(fn, send, os.getpid()), daemon=True)
            try:
                process.start()
            except (AssertionError, OSError):  # a daemon's child, or no process to be had
                receive.close()
                send.close()
            else:
                send.close()
                self._process, self._pipe, self.forked = process, receive, True
                return
        try:
            self._value = fn()
        except BaseException as error:  # noqa: BLE001 - re-raised by result()
            self._error = error

    def result(self) -> T:
        """The function's value; its exception if it raised one."""
        if self._process is not None:
            try:
                ok, value = self._pipe.recv()
            except EOFError:
                ok, value = False, RuntimeError("worker process failed")
            finally:
                self._pipe.close()
                self._process.join()
                self._process = None
            if ok:
                self._value = value
            else:
                self._error = value
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[no-any-return]


    def close(self) -> None:
        """Stop the child if it is still working (its result is not wanted any more)."""
        if self._process is not None:
            self._pipe.close()
            self._process.terminate()
            self._process.join()
            self._process = None

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _child(fn: Callable[[], Any], send: Any, parent: int) -> None:
    from aligner_gui.core.runtime.lifeline import die_with_parent

    die_with_parent(parent)  # a parent killed mid-work left it blocked on the pipe for good
    try:
        outcome = (True, fn())
    except BaseException as error:  # noqa: BLE001 - sent to the parent
        outcome = (False, error)
    try:
        send.send(outcome)
    except Exception as error:  # noqa: BLE001 - e.g. an exception that cannot be sent
        send.send((False, RuntimeError(f"{type(error).__name__}: {error}")))
    send.close()
