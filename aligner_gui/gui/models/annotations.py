"""The annotation list and the engine's suggestions, as table models over the document."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from aligner_gui.core import mqm
from aligner_gui.core.model import SEVERITIES, Annotation
from aligner_gui.gui.models.base import DocumentTableModel, Index
from aligner_gui.gui.models.beads import SORT_ROLE

SEVERITY_COLOURS = {
    "neutral": QColor(120, 120, 120, 70),
    "minor": QColor(240, 190, 40, 90),
    "major": QColor(235, 110, 40, 100),
    "critical": QColor(210, 30, 30, 120),
}


def _preview(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


class AnnotationTableModel(DocumentTableModel):
    COL_BEAD, COL_TYPE, COL_SEVERITY, COL_SIDE, COL_TEXT, COL_CATEGORY, COL_COMMENT = range(7)
    columns = ("Bead", "Type", "Severity", "Side", "Text", "Category", "Comment")

    def _header(self, column: int) -> str:
        names = (self.tr("Bead"), self.tr("Type"), self.tr("Severity"), self.tr("Side"),
                 self.tr("Text"), self.tr("Category"), self.tr("Comment"))
        return names[column]

    def bead_of(self, row: int) -> int | None:
        """The bead (0-based) where the annotation starts; it moves with re-alignment."""
        if self.document is None:
            return None
        return mqm.segment_of(self.document, self._rows[row])

    def _document_rows(self) -> list[Any]:
        assert self.document is not None
        return list(self.document.annotations)

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event == "annotation_added":
            row = info["index"]
            self.beginInsertRows(QModelIndex(), row, row)
            assert self.document is not None
            self._rows.insert(row, self.document.annotations[row])
            self.endInsertRows()
        elif event == "annotation_removed":
            row = info["index"]
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        elif event == "annotation_changed":
            self._rows_changed(info["index"], info["index"])
        elif event == "beads_replaced" and self._rows:  # bead numbers may have moved
            self.dataChanged.emit(self.index(0, self.COL_BEAD),
                                  self.index(len(self._rows) - 1, self.COL_BEAD))
        else:
            super()._on_document_event(event, info)

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int | None:
        for row, annotation in enumerate(self._rows):
            if annotation.id == annotation_id:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        a: Annotation = self._rows[index.row()]
        col = index.column()
        if col == self.COL_BEAD and role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            bead = self.bead_of(index.row())
            if bead is None:
                return None
            return bead + 1 if role == SORT_ROLE else str(bead + 1)  # sorts as a number
        if role == SORT_ROLE and col == self.COL_SEVERITY:
            return SEVERITIES.index(a.severity) if a.severity in SEVERITIES else 0
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            values = (None, a.type, a.severity, a.side, _preview(a.text), a.category,
                      _preview(a.comment, 60))
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.text if col == self.COL_TEXT else (a.comment or None)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_SEVERITY:
            return SEVERITY_COLOURS.get(a.severity)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SuggestionTableModel(DocumentTableModel):
    """Open suggestions from the engine's flags (recomputed after each change, coalesced)."""

    COL_BEAD, COL_FLAG, COL_TYPE, COL_SEVERITY, COL_TEXT = range(5)
    columns = ("Bead", "Flag", "Suggested", "Severity", "Text")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh)

    def _header(self, column: int) -> str:
        names = (self.tr("Bead"), self.tr("Flag"), self.tr("Suggested"), self.tr("Severity"),
                 self.tr("Text"))
        return names[column]

    def _document_rows(self) -> list[Any]:
        assert self.document is not None
        return mqm.suggestions(self.document)

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event != "scores_changed":
            self._refresh.start()

    def refresh_if_pending(self) -> None:
        if self._refresh.isActive():
            self._refresh.stop()
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self._document_rows() if self.document is not None else []
        self.endResetModel()

    def suggestion(self, row: int) -> mqm.Suggestion:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        s: mqm.Suggestion = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (str(s.bead + 1), s.flag, s.annotation.category, s.annotation.severity,
                      _preview(s.annotation.text))
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_TEXT:
            return s.annotation.text
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_SEVERITY:
            return SEVERITY_COLOURS.get(s.annotation.severity)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
