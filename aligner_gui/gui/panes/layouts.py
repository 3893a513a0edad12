"""Text layouts of a long pane kept bounded: blocks far out of view let go of their glyphs.

Qt keeps a block's shaped glyphs and character attributes once anything asked for them
(painting the decorations does), so scrolling a 10,000-bead text end to end would keep
them all: tens of MB per pane. A released block is laid out again when it is shown, as
on first showing.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

KEEP_LAID_OUT = 600  # blocks whose layouts stay cached around the viewport


class LaidOutBlocks:
    """The block numbers shown lately, oldest first; the far ones are released over a bound."""

    def __init__(self) -> None:
        self._numbers: dict[int, None] = {}

    def clear(self) -> None:
        self._numbers.clear()

    def shown(self, document: QTextDocument, first: int, last: int) -> None:
        """Blocks ``first``..``last`` are in view: keep them, release others beyond the bound."""
        laid_out = self._numbers
        for number in range(max(0, first - 1), last + 3):
            laid_out.pop(number, None)
            laid_out[number] = None  # most recently shown last
        if len(laid_out) <= KEEP_LAID_OUT:
            return
        keep = range(first - KEEP_LAID_OUT // 4, last + KEEP_LAID_OUT // 4)
        for number in list(laid_out):
            if len(laid_out) <= KEEP_LAID_OUT // 2:
                break
            if number in keep:
                continue
            del laid_out[number]
            block = document.findBlockByNumber(number)
            layout = block.layout() if block.isValid() else None
            if layout is not None and layout.lineCount():
                layout.setText("")  # a block's layout reads the block's text, not this


def line_span_y(edit: QPlainTextEdit, position: int) -> tuple[int, int] | None:
    """Top and bottom (viewport y) of the line holding Qt ``position``, or None if its
    block is not laid out.

    Reads the laid-out lines only. ``cursorRect`` would ask Qt for the block's
    character attributes (``QTextLine::cursorToX``), which a block then keeps for
    good: scrolled end to end, that is tens of MB for a 10,000-bead document.
    """
    block = edit.document().findBlock(position)
    if not block.isValid():
        return None
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return None
    relative = position - block.position()
    line = layout.lineAt(layout.lineCount() - 1)
    for k in range(layout.lineCount()):
        candidate = layout.lineAt(k)
        if relative < candidate.textStart() + candidate.textLength():
            line = candidate
            break
    top = edit.blockBoundingGeometry(block).translated(edit.contentOffset()).top()
    return int(top + line.y()), int(top + line.y() + line.height())
