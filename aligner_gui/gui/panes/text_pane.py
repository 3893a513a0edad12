"""One side's text with sentence tints, the current bead, annotations and a score margin.

The pane shows the document; it stores nothing the document lacks. Decorations are
built for the visible part only, so a 10,000-bead text scrolls as fast as a short one.
The margin is drawn by score_margin.py; layouts far out of view are released (layouts.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.gui.display_names import category_name, value_name
from aligner_gui.gui.models.annotations import SEVERITY_COLOURS
from aligner_gui.gui.panes.layouts import LaidOutBlocks, line_span_y
from aligner_gui.gui.panes.offsets import OffsetMap
from aligner_gui.gui.panes.score_margin import (
    ADDITION_MARK,
    MARGIN_WIDTH,
    OMISSION_MARK,
    ScoreMargin,
    margin_width,
)

OMISSION_TINT = QColor(230, 60, 50, 45)
ADDITION_TINT = QColor(240, 150, 30, 50)
CURRENT_TINT = QColor(60, 130, 240, 60)
QUIET_TINT = QColor(128, 128, 128, 22)

# An add-on's decorations: layer(lo, hi) -> (start, end, format) in code points, for the
# visible offsets lo..hi; drawn above the sentence tints, below the bead and annotations.
DecorationLayer = Callable[[int, int], Iterable[tuple[int, int, QTextCharFormat]]]


class TextPane(QPlainTextEdit):
    """Read-only view of one side; clicks pick sentences, drags select spans."""

    sentence_clicked = Signal(str, int)  # side, sentence id
    bead_clicked = Signal(int)
    span_selected = Signal(str, int, int)  # side, start, end (code points); start == end: none
    scrolled = Signal(str)

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.document_model: AlignmentDocument | None = None
        self._offsets = OffsetMap("")
        self._starts: list[int] = []
        self.current_bead: int | None = None
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setCenterOnScroll(False)
        self.document().setDocumentMargin(8)
        self._margin = ScoreMargin(self, self)
        self.setViewportMargins(MARGIN_WIDTH, 0, 0, 0)
        self._decorate = QTimer(self)
        self._decorate.setSingleShot(True)
        self._decorate.setInterval(0)
        self._decorate.timeout.connect(self._refresh_decorations)
        self.verticalScrollBar().valueChanged.connect(self._on_scrollbar_value_changed)
        self.selectionChanged.connect(self._on_selection_changed)
        self.extra_actions: list[QAction] = []  # the window's review actions, for the menu
        self._layers: list[DecorationLayer] = []
        self._laid_out = LaidOutBlocks()  # layouts kept around the viewport

    # -- content ----------------------------------------------------------------------
    def set_document(self, document: AlignmentDocument | None) -> None:
        if self.document_model is not None:
            self.document_model.unsubscribe(self._on_document_event)
        self.document_model = document
        self.current_bead = None
        if document is None:
            self.setPlainText("")
            self._offsets, self._starts = OffsetMap(""), []
            return
        side = document.side(self.side)
        self._offsets = OffsetMap(side.text)
        self._starts = [s.start for s in side.sentences]
        self._laid_out.clear()
        self.setPlainText(side.text)
        document.subscribe(self._on_document_event)
        self.schedule_decorations()

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event != "scores_changed":
            self.schedule_decorations()

    def schedule_decorations(self) -> None:
        self._decorate.start()
        self._margin.update()

    def add_decoration_layer(self, layer: DecorationLayer) -> None:
        self._layers.append(layer)
        self.schedule_decorations()

    def remove_decoration_layer(self, layer: DecorationLayer) -> None:
        if layer in self._layers:
            self._layers.remove(layer)
            self.schedule_decorations()

    # -- offsets and lookup -----------------------------------------------------------
    def sentence_at(self, offset: int) -> int | None:
        if not self._starts:
            return None
        k = bisect_right(self._starts, offset) - 1
        return max(0, k)

    def bead_at_qt(self, position: int) -> int | None:
        doc = self.document_model
        sentence = self.sentence_at(self._offsets.from_qt(position))
        if doc is None or sentence is None or not doc.beads:
            return None
        try:
            return doc.bead_of_sentence(self.side, sentence)
        except ValueError:
            return None

    def _cursor(self, start: int, end: int | None = None) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        if end is not None:
            cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (self._offsets.from_qt(cursor.selectionStart()),
                self._offsets.from_qt(cursor.selectionEnd()))

    def select_span(self, start: int, end: int) -> None:
        """Select and show the whole span, with a little context when it must scroll."""
        self.setTextCursor(self._cursor(start, end))
        self._ensure_visible(start, end)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.blockSignals(True)
            self.setTextCursor(cursor)
            self.blockSignals(False)

    def cursor_sentence(self) -> int | None:
        """The sentence holding the caret (the editor's chosen sentence for a split)."""
        if self.document_model is None:
            return None
        return self.sentence_at(self._offsets.from_qt(self.textCursor().position()))

    # -- current bead and scrolling ---------------------------------------------------
    def show_bead(self, index: int | None, *, scroll: bool = True) -> None:
        self.current_bead = index
        self.schedule_decorations()
        self.viewport().update()  # the gap marker of a one-sided bead
        doc = self.document_model
        if not scroll or index is None or doc is None or index >= len(doc.beads):
            return
        span = doc.bead_span(index, self.side)
        if span is None:
            span = self._neighbour_position(index)
            if span is None:
                return
        self._ensure_visible(span[0], span[1])

    def focus_current_bead(self) -> None:
        """Take the keyboard focus with the caret in the current bead's text (Ctrl+2/3):
        Shift+arrows then select words there, not from where the caret was left."""
        doc, index = self.document_model, self.current_bead
        if doc is not None and index is not None and 0 <= index < len(doc.beads):
            span = doc.bead_span(index, self.side) or self._neighbour_position(index)
            here = self._offsets.from_qt(self.textCursor().position())
            if span is not None and not span[0] <= here <= span[1]:
                self.setTextCursor(self._cursor(span[0]))
        self.setFocus()

    def _neighbour_position(self, index: int) -> tuple[int, int] | None:
        doc = self.document_model
        assert doc is not None
        for k in range(index - 1, -1, -1):
            span = doc.bead_span(k, self.side)
            if span is not None:
                return span[1], span[1]
        for k in range(index + 1, len(doc.beads)):
            span = doc.bead_span(k, self.side)
            if span is not None:
                return span[0], span[0]
        return None

    def gap(self) -> tuple[int | None, int | None] | None:
        """Where the current bead's missing text would stand in this pane, if it has none here.

        (end of the previous text on this side, start of the next), either None at an
        end of the document; None when the current bead has text on this side.
        """
        doc = self.document_model
        index = self.current_bead
        if doc is None or index is None or not (0 <= index < len(doc.beads)):
            return None
        if doc.bead_span(index, self.side) is not None:
            return None
        sentences = doc.side(self.side).sentences
        previous = None
        for k in range(index - 1, -1, -1):
            ids = getattr(doc.beads[k], self.side)
            if ids:
                previous = ids[-1]
                break
        if previous is None:
            following = 0 if sentences else None
        else:
            following = previous + 1 if previous + 1 < len(sentences) else None
        return (None if previous is None else sentences[previous].end,
                None if following is None else sentences[following].start)

    def gap_geometry(self) -> tuple[str, QRect] | None:
        """The gap marker in viewport coordinates: ("line", rect) between paragraphs, or
        ("caret", rect) between two sentences of one paragraph."""
        gap = self.gap()
        if gap is None or gap == (None, None):
            return None
        before, after = gap
        width = self.viewport().width()
        left = int(self.document().documentMargin())
        if before is not None and after is not None:
            first = self._cursor(before)
            second = self._cursor(after)
            if first.block() == second.block():
                rect = self.cursorRect(second)
                return "caret", QRect(rect.left() - 1, rect.top(), 3, rect.height())
            y = (self.cursorRect(first).bottom() + self.cursorRect(second).top()) // 2
        elif before is not None:
            y = self.cursorRect(self._cursor(before)).bottom() + 3
        else:
            y = self.cursorRect(self._cursor(after)).top() - 3  # type: ignore[arg-type]
        return "line", QRect(left, y - 1, max(10, width - 2 * left), 3)

    def gap_colour(self) -> QColor:
        """The gap marker's colour: red for untranslated original, amber for an addition."""
        doc = self.document_model
        bead = doc.beads[self.current_bead] if doc is not None and \
            self.current_bead is not None else None
        omission = bead is not None and bool(bead.source)
        return QColor(OMISSION_MARK) if omission else QColor(ADDITION_MARK)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        geometry = self.gap_geometry()
        if geometry is None:
            return
        kind, rect = geometry
        if not rect.intersects(self.viewport().rect()):
            return
        painter = QPainter(self.viewport())
        colour = self.gap_colour()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if kind == "caret":
            painter.fillRect(QRect(rect.left(), rect.top(), 2, rect.height()), colour)
            for y, dy in ((rect.top(), 1), (rect.bottom(), -1)):  # serifs, like ‸
                painter.fillRect(QRect(rect.left() - 3, y if dy > 0 else y - 1, 8, 2), colour)
        else:
            pen = QPen(colour, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = rect.center().y()
            painter.drawLine(rect.left() + 6, y, rect.right(), y)
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon([QPoint(rect.left() - 4, y - 5), QPoint(rect.left() + 5, y),
                                 QPoint(rect.left() - 4, y + 5)])
        painter.end()

    def _ensure_visible(self, start: int, end: int) -> None:
        view = self.viewport().rect()
        top = self.cursorRect(self._cursor(start)).top()
        bottom = self.cursorRect(self._cursor(end)).bottom()
        context = self.fontMetrics().height()  # a line after it, so it is not at the very edge
        if top >= 0 and bottom + context <= view.height():
            return
        self.scroll_to_offset(start, lines_above=2)

    def scroll_to_offset(self, offset: int, lines_above: int = 0) -> None:
        block = self.document().findBlock(self._offsets.to_qt(offset))
        layout = block.layout()
        line = 0
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(self._offsets.to_qt(offset) - block.position())
            line = max(0, line.lineNumber())
        self.verticalScrollBar().setValue(max(0, block.firstLineNumber() + line - lines_above))

    def top_bead(self) -> int | None:
        return self.bead_at_qt(self.cursorForPosition(QPoint(4, 4)).position())

    def scroll_to_bead_top(self, index: int) -> None:
        doc = self.document_model
        if doc is None or not (0 <= index < len(doc.beads)):
            return
        span = doc.bead_span(index, self.side) or self._neighbour_position(index)
        if span is not None:
            self.scroll_to_offset(span[0])

    def zoom(self, points: float) -> None:
        font = self.font()
        font.setPointSizeF(max(7.0, points))
        self.setFont(font)
        self.schedule_decorations()

    # -- events -----------------------------------------------------------------------
    def _on_scrollbar_value_changed(self, _value: int) -> None:
        self.schedule_decorations()
        self.scrolled.emit(self.side)

    def _on_selection_changed(self) -> None:
        span = self.selected_span()
        if span is not None and span[0] < span[1]:
            self.span_selected.emit(self.side, span[0], span[1])

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            sentence = self.cursor_sentence()
            if sentence is not None:
                self.sentence_clicked.emit(self.side, sentence)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.extra_actions:
            menu.addSeparator()
            menu.addActions(self.extra_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        width = margin_width(rect.width())
        if width != self._margin.width():
            self.setViewportMargins(width, 0, 0, 0)
        self._margin.setGeometry(QRect(rect.left(), rect.top(), width, rect.height()))
        self.schedule_decorations()

    # -- drawing ----------------------------------------------------------------------
    def visible_offsets(self) -> tuple[int, int]:
        """Code-point offsets of the first and last character in view."""
        view = self.viewport().rect()
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(QPoint(view.width(), view.height())).position()
        return self._offsets.from_qt(first), self._offsets.from_qt(last)

    def visible_beads(self) -> range:
        """The beads in view on this side, with one more on either side."""
        doc = self.document_model
        if doc is None or not doc.beads or not self._starts:
            return range(0)
        lo, hi = self.visible_offsets()
        first = self.sentence_at(lo) or 0
        last = self.sentence_at(hi) or 0
        try:
            b0 = doc.bead_of_sentence(self.side, first)
            b1 = doc.bead_of_sentence(self.side, last)
        except ValueError:
            return range(0)
        return range(max(0, b0 - 1), min(len(doc.beads), b1 + 2))

    def _refresh_decorations(self) -> None:
        doc = self.document_model
        selections: list[QTextEdit.ExtraSelection] = []
        if doc is None:
            self.setExtraSelections(selections)
            return
        side = doc.side(self.side)
        lo, hi = self.visible_offsets()
        s0 = self.sentence_at(lo) or 0
        s1 = (self.sentence_at(hi) or 0) + 1
        for k in range(s0, min(s1 + 1, len(side.sentences))):
            if k % 2:
                sentence = side.sentences[k]
                selections.append(self._selection(sentence.start, sentence.end, QUIET_TINT))
        for b in self.visible_beads():
            bead = doc.beads[b]
            span = doc.bead_span(b, self.side)
            if span is None:
                continue
            if not bead.source or not bead.target:
                tint = OMISSION_TINT if bead.source else ADDITION_TINT
                selections.append(self._selection(span[0], span[1], tint))
        for layer in self._layers:
            for start, end, layer_format in layer(lo, hi):
                selections.append(self._selection(start, end, None, layer_format))
        if self.current_bead is not None and self.current_bead < len(doc.beads):
            span = doc.bead_span(self.current_bead, self.side)
            if span is not None:
                selections.append(self._selection(span[0], span[1], CURRENT_TINT))
        for annotation in doc.annotations:
            if annotation.side != self.side or annotation.end < lo or annotation.start > hi:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            colour = QColor(SEVERITY_COLOURS.get(annotation.severity, QColor("red")))
            colour.setAlpha(255)
            fmt.setUnderlineColor(colour)
            severity = value_name(annotation.severity)
            fmt.setToolTip(f"{category_name(annotation.category)} · {severity}")
            selections.append(self._selection(annotation.start, annotation.end, None, fmt))
        self.setExtraSelections(selections)
        self._margin.update()
        self._release_layouts(lo, hi)

    def _release_layouts(self, lo: int, hi: int) -> None:
        """Let go of the layout data of blocks scrolled well out of view (layouts.py)."""
        document = self.document()
        first = document.findBlock(self._offsets.to_qt(lo)).blockNumber()
        last = document.findBlock(self._offsets.to_qt(hi)).blockNumber()
        self._laid_out.shown(document, first, last)

    def _selection(
        self, start: int, end: int, tint: QColor | None, fmt: QTextCharFormat | None = None
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(start, end)  # type: ignore[misc]
        char_format = fmt or QTextCharFormat()
        if tint is not None:
            char_format.setBackground(tint)
        char_format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection.format = char_format  # type: ignore[misc]
        return selection

    def line_span_y(self, offset: int) -> tuple[int, int] | None:
        """Top and bottom (viewport y) of the line holding ``offset``, or None if its
        block is not laid out (reads laid-out lines only: see layouts.line_span_y)."""
        return line_span_y(self, self._offsets.to_qt(offset))

    def paint_margin(self, event: QPaintEvent) -> None:
        """Paint the score margin (the margin widget paints itself; see score_margin.py)."""
        self._margin.paint(event)

    def visible_bead_range(self) -> tuple[int, int] | None:
        """First and last bead with text in view on this side (for the overview strip)."""
        doc = self.document_model
        if doc is None or not doc.beads or not self._starts:
            return None
        lo, hi = self.visible_offsets()
        try:
            first = doc.bead_of_sentence(self.side, self.sentence_at(lo) or 0)
            last = doc.bead_of_sentence(self.side, self.sentence_at(hi) or 0)
        except ValueError:
            return None
        return first, max(first, last)

