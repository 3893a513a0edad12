"""End a worker process when the process it works for is gone, even when that one is killed.

A pool's worker waits for work on a pipe whose writing end it holds itself, so it never
sees the pool's process die; under ``forkserver`` its parent is the server, which lives
as long as any worker does (each holds the server's liveness pipe). After a ``kill -9``
of ``aligner batch`` the server and its workers stayed, about 350 MB, for good.
:func:`end_with` starts a daemon thread that waits for the given process to end (a Linux
pidfd: no polling; elsewhere a check every second) and then leaves at once: a worker
holds nothing that outlives its task (the batch writes every file itself, atomically).
"""

from __future__ import annotations

import os
import select
import sys
import threading
import time

__all__ = ["die_with_parent", "end_with"]

EXIT_STATUS = 143  # as if terminated by SIGTERM
POLL_SECONDS = 1.0


def end_with(pid: int) -> threading.Thread | None:
    """Exit this process (``os._exit``) once process ``pid`` has ended; None if it cannot
    watch it (the process is already gone: then exit now)."""
    if not _alive(pid):
        os._exit(EXIT_STATUS)
    thread = threading.Thread(target=_watch, args=(pid,), name="lifeline", daemon=True)
    thread.start()
    return thread


def _watch(pid: int) -> None:
    try:
        descriptor = os.pidfd_open(pid)  # Linux 5.3+: readable once the process ends
    except (AttributeError, OSError):
        while _alive(pid):
            time.sleep(POLL_SECONDS)
    else:
        select.select([descriptor], [], [])
    os._exit(EXIT_STATUS)


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, killed and not yet reaped, has ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def die_with_parent(parent: int | None = None) -> None:
    """In a child process: end when the parent ends, even by a signal (a forked helper of
    the window, killed while it compiled the dictionary, stayed blocked writing to a pipe
    nobody read, 224 MB, for good). Linux: the kernel's parent-death signal; elsewhere
    :func:`end_with` the parent. ``parent``: its pid as the parent knew it before the
    child started (a parent killed before this runs is then noticed, not mistaken for the
    process that adopted the child)."""
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            end_with(parent)
            return
        if os.getppid() != parent or not _alive(parent):
            os._exit(EXIT_STATUS)  # it died before the signal was asked for
        return
    end_with(parent)
