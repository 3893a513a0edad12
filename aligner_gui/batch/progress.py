"""The batch's progress: one updating line on a terminal, a plain line per document otherwise."""

from __future__ import annotations

import shutil
import sys
import time
from typing import Any, TextIO

from aligner_gui.batch.work import ERROR


def format_eta(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class Progress:
    """Counts finished documents; the ETA weighs what is left by input size."""

    def __init__(
        self,
        total: int,
        total_weight: int,
        *,
        stream: TextIO | None = None,
        tty: bool | None = None,
        quiet: bool = False,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.quiet = quiet
        self.total = total
        self.total_weight = max(1, total_weight)
        self.done = 0
        self.done_weight = 0
        self.started = time.monotonic()
        self._drawn = False

    def line(self, name: str) -> str:
        """``[37/200] 18.5 %  ETA 0:01:12  name``."""
        share = self.done / self.total if self.total else 1.0
        text = f"[{self.done}/{self.total}] {share:.1%}".replace("%", " %")
        if 0 < self.done_weight < self.total_weight:
            elapsed = time.monotonic() - self.started
            left = elapsed * (self.total_weight - self.done_weight) / self.done_weight
            text += f"  ETA {format_eta(left)}"
        return f"{text}  {name}"

    def start(self) -> None:
        """Show ``[0/N] 0.0 %`` on a terminal while the first documents are aligned."""
        if self.tty and not self.quiet and self.total:
            self.stream.write(f"\r{self.line('')}\x1b[K")
            self.stream.flush()
            self._drawn = True

    def advance(self, row: dict[str, Any], weight: int) -> None:
        self.done += 1
        self.done_weight += weight
        if self.quiet:
            return
        name = str(row.get("name", ""))
        if self.tty:
            width = shutil.get_terminal_size((80, 24)).columns - 1
            text = self.line(name)[:width]
            if row.get("status") == ERROR:  # errors stay on screen above the bar
                self.clear()
                print(_plain(row), file=self.stream)
            self.stream.write(f"\r{text}\x1b[K")
            self._drawn = True
        else:
            print(f"[{self.done}/{self.total}] {_plain(row)}", file=self.stream)
        self.stream.flush()

    def clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def note(self, text: str) -> None:
        """A message that must not be overwritten by the bar."""
        if self.quiet:
            return
        self.clear()
        print(text, file=self.stream)


def _plain(row: dict[str, Any]) -> str:
    if row.get("status") == ERROR:
        return f"{row.get('name')}: error: {row.get('message')}"
    seconds = row.get("seconds")
    took = f" in {seconds:.1f} s" if isinstance(seconds, (int, float)) else ""
    note = f" ({row['message']})" if row.get("message") else ""
    return f"{row.get('name')}: {row.get('status')}{took}{note}"
