"""A thin strip showing where the problems are in the whole document; click to jump.

Each pixel row stands for a run of beads. Omissions, additions, risky beads (risk of a
Major Accuracy error >= 50 %) and annotations are drawn on every row that has one, on
top. Doubtful pairings (the low-score flag: 4-10 % of the beads of mac-dev and the Bible,
more in a loose translation) could paint the strip solid: when they are too many to stay
sparse, a row is marked only where their density stands out from the document's own
rate, and more strongly the more it does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QToolTip, QWidget

from aligner_gui.core.model import (
    FLAG_LOW_SCORE,
    FLAG_NAME_MISMATCH,
    FLAG_NUMBER_MISMATCH,
    AlignmentDocument,
)
from aligner_gui.gui.models.beads import risk_text

OMISSION = QColor(220, 50, 40)
ADDITION = QColor(235, 140, 20)
LOW = QColor(215, 180, 20)
NUMBERS = QColor(40, 120, 220)
ANNOTATED = QColor(140, 70, 200)
# Magenta: deep orange would not tell apart from the omission red and the addition orange
# in a 3-pixel mark.
RISKY = QColor(215, 30, 150)

MIN_WINDOW_BEADS = 20  # low-score density is judged over at least this many beads
SPARSE_SHARE = 12  # low scores are marked one by one while they are at most rows / this


@dataclass
class RowMarks:
    """What one strip of `rows` pixel rows shows, and which bead each mark points at."""

    rows: int
    omission: dict[int, int] = field(default_factory=dict)  # row -> bead
    addition: dict[int, int] = field(default_factory=dict)
    numbers: dict[int, int] = field(default_factory=dict)  # number or name mismatch
    annotated: dict[int, int] = field(default_factory=dict)
    risky: dict[int, int] = field(default_factory=dict)  # row -> its riskiest bead
    low: dict[int, tuple[int, float]] = field(default_factory=dict)  # row -> (bead, strength)

    def marked_rows(self) -> set[int]:
        return (set(self.omission) | set(self.addition) | set(self.numbers)
                | set(self.annotated) | set(self.risky) | set(self.low))


def row_marks(doc: AlignmentDocument | None, rows: int) -> RowMarks:
    """Assign the document's problems to `rows` pixel rows (Qt-free, testable)."""
    marks = RowMarks(rows)
    if doc is None or not doc.beads or rows <= 0:
        return marks
    n = len(doc.beads)
    low_beads: list[int] = []
    for k, bead in enumerate(doc.beads):
        row = k * rows // n
        if bead.is_risky:
            held = marks.risky.get(row)
            if held is None or (doc.beads[held].risk or 0.0) < bead.risk:
                marks.risky[row] = k
        if not bead.target:
            marks.omission.setdefault(row, k)
        elif not bead.source:
            marks.addition.setdefault(row, k)
        else:
            if FLAG_NUMBER_MISMATCH in bead.flags or FLAG_NAME_MISMATCH in bead.flags:
                marks.numbers.setdefault(row, k)
            if FLAG_LOW_SCORE in bead.flags:
                low_beads.append(k)
    from aligner_gui.core.scoring.mqm import segment_of

    for annotation in doc.annotations:
        seg = segment_of(doc, annotation)
        if seg is not None:
            marks.annotated.setdefault(min(rows - 1, seg * rows // n), seg)
    if not low_beads:
        return marks
    if len(low_beads) <= rows / SPARSE_SHARE:  # few: each one is worth seeing
        for k in low_beads:
            marks.low.setdefault(k * rows // n, (k, 1.0))
        return marks
    _low_concentrations(marks, low_beads, n)
    return marks


def _low_concentrations(marks: RowMarks, low_beads: list[int], n: int) -> None:
    """Rows whose neighbourhood holds clearly more low scores than the document does."""
    rows = marks.rows
    rate = len(low_beads) / n
    prefix = [0] * (n + 1)  # prefix[k]: low-score beads before bead k
    flagged = bytearray(n)
    for k in low_beads:
        flagged[k] = 1
    for k in range(n):
        prefix[k + 1] = prefix[k] + flagged[k]
    # half a window of beads either side of a row, at least MIN_WINDOW_BEADS in all
    half = max(MIN_WINDOW_BEADS / 2, n / rows / 2)
    for row in range(rows):
        first, end = row * n // rows, (row + 1) * n // rows
        if end <= first:
            continue
        centre = (first + end) / 2
        lo = max(0, int(centre - half))
        hi = min(n, max(lo + 1, int(math.ceil(centre + half))))
        m = hi - lo
        density = (prefix[hi] - prefix[lo]) / m
        sigma = math.sqrt(rate * (1 - rate) / m)
        threshold = min(1.0, max(1.6 * rate, rate + 2.5 * sigma))
        if density < threshold or prefix[end] == prefix[first]:
            continue
        strength = min(1.0, 0.45 + (density - threshold) / max(1e-9, 1.0 - threshold))
        bead = next(k for k in range(first, end) if flagged[k])
        marks.low[row] = (bead, strength)


class OverviewStrip(QWidget):
    bead_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: AlignmentDocument | None = None
        self.current: int | None = None
        self.viewport_beads: tuple[int, int] | None = None  # what the source pane shows
        self._image: QImage | None = None
        self._marks: RowMarks | None = None
        self.setMinimumWidth(14)
        self.setMaximumWidth(18)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview: red omissions, orange additions, magenta risky "
                                "beads, blue number or name mismatches, yellow where "
                                "doubtful pairings gather, purple annotations. Click to "
                                "jump."))
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
        self._rebuild.start()  # rescoring changes the low-score flags too

    def _invalidate(self) -> None:
        self._image = None
        self._marks = None
        self.update()

    def row_marks(self) -> RowMarks:
        if self._marks is None or self._marks.rows != self.height():
            self._marks = row_marks(self.document, self.height())
        return self._marks

    def _render(self) -> QImage:
        image = QImage(self.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.palette().color(QPalette.ColorRole.Base))
        marks = self.row_marks()
        p = QPainter(image)
        h, w = self.height(), self.width()
        lane = w // 2 + 1  # problems on the left, annotations on the right
        for row, (_bead, strength) in marks.low.items():
            colour = QColor(LOW)
            colour.setAlphaF(strength)
            p.fillRect(0, row, lane, 1, colour)
        for row in marks.numbers:  # quieter than a missing sentence: a thin tick
            p.fillRect(0, row, max(3, lane - 3), 1, NUMBERS)
        for row in marks.risky:
            p.fillRect(0, min(row, h - 2), lane, 2, RISKY)
        for layer, colour in ((marks.addition, ADDITION), (marks.omission, OMISSION)):
            for row in layer:
                p.fillRect(0, min(row, h - 3), lane, 3, colour)
        for row in marks.annotated:
            p.fillRect(w // 2, min(row, h - 3), w - w // 2, 3, ANNOTATED)
        p.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None or self._image.size() != self.size():
            self._image = self._render()
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
            edge = QColor(frame)
            edge.setAlpha(160)
            painter.fillRect(0, top, self.width(), 1, edge)
            painter.fillRect(0, max(top + 3, bottom), self.width(), 1, edge)
        if doc is not None and doc.beads and self.current is not None:
            y = int(self.current / len(doc.beads) * self.height())
            painter.fillRect(0, y, self.width(), 2, self.palette().color(QPalette.ColorRole.Text))
        painter.end()

    def bead_at(self, y: float) -> int | None:
        """The bead a click at `y` means: a mark within 3 px wins (omission first), so the
        jump lands on the problem and not on a neighbour sharing its pixel row."""
        doc = self.document
        if doc is None or not doc.beads:
            return None
        row = int(max(0, min(self.height() - 1, y)))
        marks = self.row_marks()
        for distance in range(4):
            for layer in (marks.omission, marks.addition, marks.risky, marks.annotated,
                          marks.numbers):
                for candidate in (row - distance, row + distance):
                    if candidate in layer:
                        return layer[candidate]
        for distance in range(2):
            for candidate in (row - distance, row + distance):
                if candidate in marks.low:
                    return marks.low[candidate][0]
        fraction = max(0.0, min(0.999, y / max(1, self.height())))
        return int(fraction * len(doc.beads))

    def describe(self, y: float) -> str:
        """What a click at ``y`` jumps to, in words (the strip's tooltip there)."""
        doc = self.document
        bead = self.bead_at(y)
        if doc is None or bead is None:
            return self.toolTip()
        row = int(max(0, min(self.height() - 1, y)))
        marks = self.row_marks()
        found = doc.beads[bead]
        what = []
        if not found.target:
            what.append(self.tr("omission"))
        elif not found.source:
            what.append(self.tr("addition"))
        if any(bead == b for b in marks.annotated.values()):
            what.append(self.tr("annotated"))
        if found.is_risky:
            what.append(self.tr("risk {0}").format(risk_text(found.risk)))
        if FLAG_NUMBER_MISMATCH in found.flags:
            what.append(self.tr("number mismatch"))
        if FLAG_NAME_MISMATCH in found.flags:
            what.append(self.tr("name mismatch"))
        if any(abs(r - row) <= 1 for r in marks.low) and FLAG_LOW_SCORE in found.flags:
            what.append(self.tr("doubtful pairings gather here"))
        text = self.tr("Bead {0} of {1}").format(bead + 1, len(doc.beads))
        return text + (": " + ", ".join(what) if what else "")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.document is not None:
            assert isinstance(event, QHelpEvent)
            QToolTip.showText(event.globalPos(), self.describe(event.pos().y()), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bead = self.bead_at(event.position().y())
        if bead is not None:
            self.bead_requested.emit(bead)
