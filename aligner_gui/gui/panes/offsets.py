"""Code-point offsets (the file format's) versus Qt's UTF-16 positions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_WIDE = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts between code-point offsets and QTextDocument positions.

    They differ only after characters outside the BMP (rare CJK, emoji), which take
    two UTF-16 units; for plain text the map is the identity and costs nothing.
    """

    def __init__(self, text: str) -> None:
        self._wide = [m.start() for m in _WIDE.finditer(text)]
        self._wide_qt = [k + n for n, k in enumerate(self._wide)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._wide, offset) if self._wide else offset

    def from_qt(self, position: int) -> int:
        if not self._wide:
            return position
        return position - bisect_right(self._wide_qt, position - 1)
