"""Risk suspects in the text panes: spans likely to hold a Major Accuracy error, tinted.

An add-on over the two text panes, like the coverage lens: it draws through the pane's
decoration layers (``TextPane.add_decoration_layer``), for the visible beads only, and
answers tooltips from an event filter on each pane's viewport. The spans are the
engine's ``bead.suspects`` ({"side", "start", "end", "category", "confidence"}, code-point
offsets); the window's View → Risk suspects turns the tints on and off.

The style differs from the coverage lens's amber background and from the annotations'
wavy underlines: a light red background with a dotted red underline for a suspected
mistranslation (or addition, untranslated text) and a light violet one for a suspected
omission.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QColor, QHelpEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QToolTip

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.gui.display_names import category_name
from aligner_gui.gui.panes.offsets import OffsetMap
from aligner_gui.gui.panes.toggled import ToggledTint

if TYPE_CHECKING:
    from aligner_gui.gui.panes.text_pane import TextPane

OMISSION_CATEGORY = "Accuracy/Omission"
# (background, underline): the background light enough to read through, and paler on
# a dark palette.
OMISSION_STYLE = (QColor(150, 90, 230, 55), QColor(125, 60, 210))
ERROR_STYLE = (QColor(235, 60, 60, 45), QColor(205, 35, 35))
DARK_ALPHA = 40

Layer = Callable[[int, int], list[tuple[int, int, QTextCharFormat]]]


def suspect_format(suspect: dict[str, Any], palette: QPalette | None = None) -> QTextCharFormat:
    """The look of one suspect span: violet for an omission, red for the rest."""
    omission = str(suspect.get("category", "")) == OMISSION_CATEGORY
    background, underline = OMISSION_STYLE if omission else ERROR_STYLE
    background = QColor(background)
    if palette is not None and palette.color(QPalette.ColorRole.Base).lightness() < 128:
        background.setAlpha(DARK_ALPHA)
    fmt = QTextCharFormat()
    fmt.setBackground(background)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(underline)
    return fmt


class SuspectLens(ToggledTint):
    """While enabled: tints the suspect spans of the visible beads, explains them on hover."""

    SETTING = "risk_suspects"

    def __init__(self, panes: Sequence[TextPane], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suspectLens")
        self.panes = list(panes)
        self.document: AlignmentDocument | None = None
        self._enabled = True
        self._offsets: dict[str, tuple[str, OffsetMap]] = {}
        self._layers: dict[str, Layer] = {}
        for pane in self.panes:
            self._layers[pane.side] = self._layer_for(pane)
            pane.add_decoration_layer(self._layers[pane.side])
            pane.viewport().installEventFilter(self)

    # -- wiring -----------------------------------------------------------------------
    def set_document(self, document: AlignmentDocument | None) -> None:
        # The panes redraw on the document's own events; nothing is cached per bead here.
        self.document = document
        self._offsets.clear()
        self._repaint()

    def _repaint(self) -> None:
        for pane in self.panes:
            pane.schedule_decorations()

    # -- spans ------------------------------------------------------------------------
    def spans(self, pane: TextPane, lo: int, hi: int) -> list[dict[str, Any]]:
        """The suspects on ``pane``'s side meeting the offsets ``lo..hi`` (code points),
        looked up in the beads shown there only."""
        doc = self.document
        if doc is None or not doc.beads:
            return []
        first, last = pane.sentence_at(lo), pane.sentence_at(hi)
        if first is None or last is None:
            return []
        try:
            b0 = doc.bead_of_sentence(pane.side, first)
            b1 = doc.bead_of_sentence(pane.side, last)
        except ValueError:
            return []
        found = []
        for bead in doc.beads[b0 : b1 + 1]:
            for suspect in bead.suspects:
                try:
                    start, end = int(suspect["start"]), int(suspect["end"])
                except (KeyError, TypeError, ValueError):
                    continue  # a malformed entry is skipped, never a crash while painting
                if suspect.get("side") == pane.side and start < end and start <= hi and end >= lo:
                    found.append(suspect)
        return found

    def _layer_for(self, pane: TextPane) -> Layer:
        def layer(lo: int, hi: int) -> list[tuple[int, int, QTextCharFormat]]:
            if not self._enabled or self.document is None:
                return []
            palette = pane.palette()
            return [
                (int(s["start"]), int(s["end"]), suspect_format(s, palette))
                for s in self.spans(pane, lo, hi)
            ]

        return layer

    # -- hover ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._enabled and self.document is not None:
            for pane in self.panes:
                if watched is pane.viewport():
                    assert isinstance(event, QHelpEvent)
                    found = self.tooltip_at(pane, event.pos())
                    if found is None:
                        return False  # the coverage lens's tooltip, if any
                    text, rect = found
                    QToolTip.showText(event.globalPos(), text, pane.viewport(), rect)
                    return True
        return super().eventFilter(watched, event)

    def suspects_at(self, pane: TextPane, pos: QPoint) -> tuple[list[dict[str, Any]], QRect]:
        """The suspects under ``pos`` (viewport coordinates) and the character's rect."""
        if self.document is None:
            return [], QRect()
        offsets = self._offset_map(pane.side)
        offset = offsets.from_qt(pane.cursorForPosition(pos).position())
        for at in (offset, offset - 1):  # the caret lands before or after the character
            if at < 0:
                continue
            hits = [s for s in self.spans(pane, at, at) if int(s["start"]) <= at < int(s["end"])]
            if not hits:
                continue
            rect = self._char_rect(pane, offsets, at)
            if rect.contains(pos):
                return hits, rect
        return [], QRect()

    def tooltip_at(self, pane: TextPane, pos: QPoint) -> tuple[str, QRect] | None:
        hits, rect = self.suspects_at(pane, pos)
        if not hits:
            return None
        return "\n".join(self.describe(s) for s in hits), rect

    def describe(self, suspect: dict[str, Any]) -> str:
        """ "Suspect: Accuracy/Omission (confidence 72 %)"."""
        category = (category_name(str(suspect["category"])) if suspect.get("category")
                    else self.tr("Accuracy"))
        confidence = suspect.get("confidence")
        if isinstance(confidence, (int, float)):
            return self.tr("Suspect: {0} (confidence {1} %)").format(
                category, round(100 * float(confidence))
            )
        return self.tr("Suspect: {0}").format(category)

    @staticmethod
    def _char_rect(pane: TextPane, offsets: OffsetMap, at: int) -> QRect:
        cursor = QTextCursor(pane.document())
        cursor.setPosition(offsets.to_qt(at))
        left = pane.cursorRect(cursor)
        cursor.setPosition(min(pane.document().characterCount() - 1, offsets.to_qt(at + 1)))
        right = pane.cursorRect(cursor)
        if right.top() == left.top() and right.left() > left.left():
            return QRect(left.left(), left.top(), right.left() - left.left(), left.height())
        # The last character of a line: up to the viewport's edge.
        return QRect(
            left.left(), left.top(), max(1, pane.viewport().width() - left.left()), left.height()
        )
