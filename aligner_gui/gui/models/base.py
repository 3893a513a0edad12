"""A table model mirroring one list of the document, kept in step by document events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from aligner_gui.core.model import AlignmentDocument

Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Keeps references to the document's rows so Qt sees a consistent before/after.

    The document notifies after a change; Qt wants begin/end around it. The mirror
    list holds the old rows until the begin call, then takes the new ones.
    """

    columns: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.document: AlignmentDocument | None = None
        self._rows: list[Any] = []

    # -- to override ------------------------------------------------------------------
    def _document_rows(self) -> list[Any]:
        raise NotImplementedError

    def _header(self, column: int) -> str:
        return self.columns[column]

    # -- document wiring --------------------------------------------------------------
    def set_document(self, document: AlignmentDocument | None) -> None:
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.beginResetModel()
        self.document = document
        self._rows = self._document_rows() if document is not None else []
        self.endResetModel()
        if document is not None:
            document.subscribe(self._on_document_event)

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event == "reset":
            self.beginResetModel()
            self._rows = self._document_rows()
            self.endResetModel()

    def _replace_rows(self, start: int, removed: int, added: int) -> None:
        new_rows = self._document_rows()
        common = min(removed, added)
        if removed > common:
            self.beginRemoveRows(QModelIndex(), start + common, start + removed - 1)
            del self._rows[start + common : start + removed]
            self.endRemoveRows()
        if added > common:
            self.beginInsertRows(QModelIndex(), start + common, start + added - 1)
            self._rows[start + common : start + common] = new_rows[start + common : start + added]
            self.endInsertRows()
        self._rows[start : start + common] = new_rows[start : start + common]
        if common:
            self._rows_changed(start, start + common - 1)
        if len(self._rows) != len(new_rows):  # defensive: never drift from the document
            self.beginResetModel()
            self._rows = new_rows
            self.endResetModel()

    def _rows_changed(self, first: int, last: int) -> None:
        if first <= last and self.columnCount() > 0:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    # -- Qt API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
                return self._header(section)
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def row_object(self, row: int) -> Any:
        return self._rows[row]
