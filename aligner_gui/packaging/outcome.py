"""How a self-test check fails and reports: its error, its one printed line, its exit codes."""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class SelfTestError(Exception):
    """A self-test check failed; the message is the one line the user sees."""


def say(text: str, *, error: bool = False) -> None:
    """Print one line; windowed builds on Windows have no stdout or stderr at all."""
    stream = sys.stderr if error else sys.stdout
    if stream is None:
        return
    try:
        print(text, file=stream, flush=True)
    except (OSError, ValueError):
        pass
