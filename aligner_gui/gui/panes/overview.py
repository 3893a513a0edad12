"""A thin strip showing where the problems are in the whole document; click to jump."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from aligner_gui.core.model import FLAG_LOW_SCORE, FLAG_NUMBER_MISMATCH, AlignmentDocument

OMISSION = QColor(220, 50, 40)
ADDITION = QColor(235, 140, 20)
LOW = QColor(230, 200, 40)
ANNOTATED = QColor(140, 70, 200)


class OverviewStrip(QWidget):
    bead_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: AlignmentDocument | None = None
        self.current: int | None = None
        self.viewport_beads: tuple[int, int] | None = None  # what the source pane shows
        self._image: QImage | None = None
        self.setMinimumWidth(14)
        self.setMaximumWidth(18)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview: red omissions, orange additions, yellow low scores, "
                                "purple annotations. Click to jump."))
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(50)
        self._rebuild.timeout.connect(self._invalidate)

    def sizeHint(self) -> QSize:
        return QSize(16, 200)

    def set_document(self, document: AlignmentDocument | None) -> None:
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.document = document
        if document is not None:
            document.subscribe(self._on_document_event)
        self._invalidate()

    def set_viewport(self, beads: tuple[int, int] | None) -> None:
        if beads != self.viewport_beads:
            self.viewport_beads = beads
            self.update()

    def set_current(self, index: int | None) -> None:
        self.current = index
        self.update()

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event != "scores_changed":
            self._rebuild.start()

    def _invalidate(self) -> None:
        self._image = None
        self.update()

    def _marks(self) -> list[tuple[float, QColor]]:
        doc = self.document
        if doc is None or not doc.beads:
            return []
        n = len(doc.beads)
        marks: list[tuple[float, QColor]] = []
        for k, bead in enumerate(doc.beads):
            if not bead.target:
                marks.append((k / n, OMISSION))
            elif not bead.source:
                marks.append((k / n, ADDITION))
            elif FLAG_LOW_SCORE in bead.flags or FLAG_NUMBER_MISMATCH in bead.flags:
                marks.append((k / n, LOW))
        from aligner_gui.core.mqm import segment_of

        for annotation in doc.annotations:
            seg = segment_of(doc, annotation)
            if seg is not None:
                marks.append((seg / n, ANNOTATED))
        return marks

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None or self._image.size() != self.size():
            image = QImage(self.size(), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(self.palette().color(QPalette.ColorRole.Base))
            p = QPainter(image)
            h, w = self.height(), self.width()
            for fraction, colour in self._marks():
                if colour == ANNOTATED:
                    p.fillRect(w // 2, int(fraction * h), w - w // 2, 3, colour)
                else:
                    p.fillRect(0, int(fraction * h), w // 2 + 1, 3, colour)
            p.end()
            self._image = image
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        doc = self.document
        if doc is not None and doc.beads and self.viewport_beads is not None:
            first, last = self.viewport_beads
            top = int(first / len(doc.beads) * self.height())
            bottom = int((last + 1) / len(doc.beads) * self.height())
            frame = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            frame.setAlpha(50)
            painter.fillRect(0, top, self.width(), max(4, bottom - top), frame)
        if doc is not None and doc.beads and self.current is not None:
            y = int(self.current / len(doc.beads) * self.height())
            painter.fillRect(0, y, self.width(), 2, self.palette().color(QPalette.ColorRole.Text))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        doc = self.document
        if doc is None or not doc.beads:
            return
        fraction = max(0.0, min(0.999, event.position().y() / max(1, self.height())))
        self.bead_requested.emit(int(fraction * len(doc.beads)))
