"""The score margin left of a text pane: a band per bead with its score or omission class.

Also a dot where an annotation starts, a bar at the current bead and the start of the
gap marker. The margin reads the pane (document, layout, visible range) and stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QWidget

from aligner_gui.core.model import MOVED_KEY, AlignmentDocument, Bead
from aligner_gui.core.scoring.mqm import omission_class
from aligner_gui.gui.models.annotations import SEVERITY_COLOURS
from aligner_gui.gui.models.beads import score_colour

MARGIN_WIDTH = 92
# A pane narrower than this (a small screen, docks open) gets a margin of NARROW_MARGIN:
# its labels elide, and the text keeps the width (at 1024 x 768 with the review queue the
# wide margin left 90 pixels of each pane for text).
NARROW_PANE = 420
NARROW_MARGIN = 52


def margin_width(pane_width: int) -> int:
    return MARGIN_WIDTH if pane_width >= NARROW_PANE else NARROW_MARGIN

OMISSION_MARK = QColor(220, 50, 40)  # margin band of a 1-0, and where its text is missing
ADDITION_MARK = QColor(235, 140, 20)
# The labels are translated in the context "TextPane", where the margin was first drawn; the
# calls spell it out (no helper) so that pyside6-lupdate finds them.


class MarginPane(Protocol):
    """What the margin reads of its text pane, which owns the document and the layout."""

    side: str
    document_model: AlignmentDocument | None
    current_bead: int | None
    bead_clicked: Any  # Signal(int)

    def font(self) -> QFont: ...
    def palette(self) -> QPalette: ...
    def viewport(self) -> QWidget: ...
    def cursorForPosition(self, pos: QPoint) -> QTextCursor: ...
    def bead_at_qt(self, position: int) -> int | None: ...
    def visible_beads(self) -> range: ...
    def visible_offsets(self) -> tuple[int, int]: ...
    def line_span_y(self, offset: int) -> tuple[int, int] | None: ...
    def gap_geometry(self) -> tuple[str, QRect] | None: ...
    def gap_colour(self) -> QColor: ...


class ScoreMargin(QWidget):
    """The margin widget; ``parent`` is the pane itself (a widget), ``pane`` what it reads."""

    def __init__(self, pane: MarginPane, parent: QWidget) -> None:
        super().__init__(parent)
        self.pane = pane

    def sizeHint(self) -> QSize:
        return QSize(MARGIN_WIDTH, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cursor = self.pane.cursorForPosition(QPoint(4, int(event.position().y())))
        bead = self.pane.bead_at_qt(cursor.position())
        if bead is not None:
            self.pane.bead_clicked.emit(bead)

    def paint(self, event: QPaintEvent) -> None:
        pane = self.pane
        painter = QPainter(self)
        painter.fillRect(event.rect(), pane.palette().color(QPalette.ColorRole.Window))
        doc = pane.document_model
        if doc is None:
            return
        small = QFont(pane.font())
        small.setPointSizeF(max(7.0, pane.font().pointSizeF() * 0.72))
        painter.setFont(small)
        offset_y = pane.viewport().geometry().top() - self.geometry().top()
        height, width = self.height(), self.width()
        label_bottom = -1  # beads starting on one line share it: draw only the first label
        for b in pane.visible_beads():
            bead = doc.beads[b]
            span = doc.bead_span(b, pane.side)
            if span is None:
                continue
            first, last = pane.line_span_y(span[0]), pane.line_span_y(span[1])
            if first is None or last is None:
                continue
            top, bottom = first[0] + offset_y, last[1] + offset_y
            if bottom < 0 or top > height:
                continue
            if bead.source and bead.target:
                colour = score_colour(bead.score)
                label = "" if bead.score is None else f"{bead.score:.2f}"
                label_colour = pane.palette().color(QPalette.ColorRole.PlaceholderText)
            else:
                colour = QColor(OMISSION_MARK if bead.source else ADDITION_MARK)
                label = self.one_sided_label(bead)
                label_colour = colour
            painter.fillRect(QRect(width - 7, top + 1, 5, max(3, bottom - top - 2)), colour)
            if b == pane.current_bead:
                painter.fillRect(QRect(width - 10, top + 1, 2, max(3, bottom - top - 2)),
                                 pane.palette().color(QPalette.ColorRole.Highlight))
            metrics = painter.fontMetrics()
            if top < label_bottom or not label:
                continue
            painter.setPen(label_colour)
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - 24)
            painter.drawText(QRect(2, top, width - 21, metrics.height() + 6),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)
            label_bottom = top + metrics.height()
        self._paint_annotation_marks(painter, offset_y, height)
        gap = pane.gap_geometry()
        if gap is not None and gap[0] == "line":  # the gap line starts in the margin
            y = gap[1].center().y() + offset_y
            if 0 <= y <= height:
                painter.fillRect(QRect(width - 12, y - 1, 12, 2), pane.gap_colour())
        painter.end()

    def _paint_annotation_marks(self, painter: QPainter, offset_y: int, height: int) -> None:
        """A dot in the margin where an annotation starts, coloured by severity."""
        pane = self.pane
        doc = pane.document_model
        if doc is None:
            return
        lo, hi = pane.visible_offsets()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for annotation in doc.annotations:
            if annotation.side != pane.side or not (lo <= annotation.start <= hi):
                continue
            line = pane.line_span_y(annotation.start)
            if line is None:
                continue
            y = (line[0] + line[1]) // 2 + offset_y
            if 0 <= y <= height:
                colour = QColor(SEVERITY_COLOURS.get(annotation.severity, QColor("red")))
                colour.setAlpha(255)
                painter.setBrush(colour)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(QPoint(self.width() - 14, y), 3, 3)

    @classmethod
    def one_sided_label(cls, bead: Bead) -> str:
        """The margin's word for a bead with one side: "⇅ moved" for a sentence paired
        back with its translation elsewhere, else its class ("✕ headline", "+ note" …)."""
        if MOVED_KEY in bead.details:
            return "⇅ " + QCoreApplication.translate("TextPane", "moved")
        if bead.source:
            return cls._class_label(omission_class(bead.flags))
        return cls.addition_label(bead.flags)

    @staticmethod
    def addition_label(flags: Sequence[str]) -> str:
        """The margin's word for a bead only the translation has: "+ note" for the
        translation's own note (编者注：…), "+ byline" or "+ more-link" for the page's
        source line or share buttons, else "+ addition"."""
        if "editor-note" in flags:
            return "+ " + QCoreApplication.translate("TextPane", "note")
        if "byline" in flags:
            return "+ " + QCoreApplication.translate("TextPane", "byline")
        if "more-link" in flags:
            return "+ " + QCoreApplication.translate("TextPane", "more-link")
        return "+ " + QCoreApplication.translate("TextPane", "addition")

    @staticmethod
    def _class_label(cls: str) -> str:
        labels = {"headline": QCoreApplication.translate("TextPane", "headline"),
                  "more-link": QCoreApplication.translate("TextPane", "more-link"),
                  "photo-caption": QCoreApplication.translate("TextPane", "caption"),
                  "content": QCoreApplication.translate("TextPane", "omission")}
        return "✕ " + labels.get(cls, cls)
