"""The review queue as a table: one row per document of the folder, riskiest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from aligner_gui.io.review_queue import IN_REVIEW, NEW, REVIEWED, QueueEntry, ReviewQueue

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_STATUS_ORDER = {NEW: 0, IN_REVIEW: 1, REVIEWED: 2}


class QueueTableModel(QAbstractTableModel):
    """Rows are the queue's entries in its order (riskiest first); the proxy sorts."""

    # The risk beside the name: a narrow dock shows what the editor picks by first.
    (COL_NAME, COL_RISK, COL_STATUS, COL_OMISSIONS, COL_MISMATCHES, COL_ANNOTATIONS,
     COL_SENTENCES) = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.queue: ReviewQueue | None = None
        self._entries: list[QueueEntry] = []
        self.aligning: str | None = None  # the entry the background aligner works on
        self.current: str | None = None  # the entry open in the window (shown bold)
        self._headers = (self.tr("Document"), self.tr("Risk"), self.tr("Status"),
                         self.tr("Omissions"), self.tr("Mismatches"), self.tr("Annotations"),
                         self.tr("Sentences"))

    def set_queue(self, queue: ReviewQueue | None) -> None:
        self.beginResetModel()
        self.queue = queue
        self._entries = list(queue.entries) if queue is not None else []
        self.aligning = None
        self.current = None
        self.endResetModel()

    def entry(self, row: int) -> QueueEntry:
        return self._entries[row]

    def row_of(self, name: str) -> int | None:
        return next((k for k, e in enumerate(self._entries) if e.name == name), None)

    def entry_changed(self, name: str | None) -> None:
        row = None if name is None else self.row_of(name)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_aligning(self, name: str | None) -> None:
        previous, self.aligning = self.aligning, name
        self.entry_changed(previous)
        self.entry_changed(name)

    def set_current(self, name: str | None) -> None:
        previous, self.current = self.current, name
        self.entry_changed(previous)
        self.entry_changed(name)

    # -- Qt API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {self.COL_RISK: self.tr("Expected number of Major Accuracy errors "
                                           "(risky beads in brackets)"),
                    self.COL_OMISSIONS: self.tr("Source sentences left untranslated"),
                    self.COL_MISMATCHES: self.tr("Beads whose numbers or names differ "
                                                 "between the two sides"),
                    self.COL_SENTENCES: self.tr("Sentences of the source / the translation"),
                    }.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == SORT_ROLE:
            return self._sort_value(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (self.COL_NAME,
                                                                        self.COL_STATUS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and entry.name == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not entry.aligned:
            return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        return None

    def _text(self, entry: QueueEntry, column: int) -> str:
        figures = entry.figures
        if column == self.COL_NAME:
            return entry.name
        if column == self.COL_STATUS:
            return self.status_text(entry)
        if figures is None:
            return "–"
        if column == self.COL_OMISSIONS:
            return "–" if figures.omissions is None else str(figures.omissions)
        if column == self.COL_MISMATCHES:
            return "–" if figures.mismatches is None else str(figures.mismatches)
        if column == self.COL_RISK:
            if figures.expected_major is None:
                return "–"
            risky = "" if figures.risky_beads is None else f" ({figures.risky_beads})"
            return f"{figures.expected_major:.1f}{risky}"
        if column == self.COL_ANNOTATIONS:
            return str(figures.annotations)
        return f"{figures.source_sentences} / {figures.target_sentences}"

    def status_text(self, entry: QueueEntry) -> str:
        if entry.name == self.aligning:
            return self.tr("aligning…")
        if entry.error is not None:
            return self.tr("error")
        if not entry.aligned:
            return self.tr("not aligned")
        if entry.text_changed:
            return self.tr("text changed")
        return {NEW: self.tr("new"), IN_REVIEW: self.tr("in review"),
                REVIEWED: self.tr("reviewed")}.get(entry.status, entry.status)

    def _sort_value(self, entry: QueueEntry, column: int) -> Any:
        figures = entry.figures
        if column == self.COL_NAME:
            return entry.name.casefold()
        if column == self.COL_STATUS:
            return _STATUS_ORDER.get(entry.status, 0) if entry.aligned else -1
        if figures is None:
            return -1.0
        value: float | None = {
            self.COL_OMISSIONS: figures.omissions,
            self.COL_MISMATCHES: figures.mismatches,
            self.COL_RISK: figures.expected_major,
            self.COL_ANNOTATIONS: figures.annotations,
            self.COL_SENTENCES: figures.source_sentences,
        }[column]
        return -0.5 if value is None else float(value)  # no figure: above "not aligned" (-1)

    def _tooltip(self, entry: QueueEntry) -> str:
        if entry.error is not None:
            return entry.error
        lines = [str(entry.project)]
        if entry.text_changed:
            lines.append(self.tr("Its texts changed after it was aligned; it holds a review, "
                                 "so it shows the old texts: rename {0} to align the new "
                                 "ones.").format(entry.project.name))
        if entry.inputs:
            lines.append(self.tr("From: {0}").format(", ".join(p.name for p in entry.inputs)))
        figures = entry.figures
        if figures is None:
            lines.append(self.tr("Not aligned yet: it is aligned in the background."))
        else:  # all figures, also those of the columns a narrow dock scrolls out of view
            lines.append(self.tr("Omissions {0} · number or name mismatches {1} · annotations "
                                 "{2} · sentences {3} / {4}").format(
                "–" if figures.omissions is None else figures.omissions,
                "–" if figures.mismatches is None else figures.mismatches, figures.annotations,
                figures.source_sentences, figures.target_sentences))
        return "\n".join(lines)


class QueueSortProxy(QSortFilterProxyModel):
    """Sorts by each column's value (numbers as numbers); riskiest first by default."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)  # a saved or aligned document moves to its place
