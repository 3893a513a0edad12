"""The bead table: its filter bar over a sortable view whose text columns share the width."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from aligner_gui.gui.models import BeadFilterProxy, BeadTableModel
from aligner_gui.gui.panels.bead_filter import BeadFilterBar


def select_row(view: QAbstractItemView, index: QModelIndex) -> None:
    """Make ``index`` the view's current row, selected alone, and scroll it into view."""
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


class BeadTable(QWidget):
    """The filter bar and the table of beads (``model`` under the filtering ``proxy``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = BeadTableModel(self)
        self.proxy = BeadFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        view = self.view = QTableView()
        view.setObjectName("beadView")
        view.setAccessibleName(QCoreApplication.translate("MainWindow", "Alignment table"))
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        # One fixed row height: the view never measures rows, so 10,000 beads scroll freely.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        m = BeadTableModel
        for column, width in ((m.COL_TYPE, 44), (m.COL_MATCH, 52), (m.COL_RISK, 52),
                              (m.COL_FLAGS, 120), (m.COL_STATUS, 70)):
            header.resizeSection(column, width)
        for column in (0, 1):
            header.resizeSection(column, 320)
        self.fit_columns()
        self._sorted_by = -1
        header.sortIndicatorChanged.connect(self._riskiest_first)
        view.viewport().installEventFilter(self)
        self.filter = BeadFilterBar(self.proxy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 0)
        layout.addWidget(self.filter)
        layout.addWidget(view)

    def _riskiest_first(self, column: int, order: Qt.SortOrder) -> None:
        """A first click on Risk sorts the riskiest first (Qt's first click sorts up, and
        the least risky beads came first); clicks again turn it round as usual."""
        first = column != self._sorted_by
        self._sorted_by = column
        if first and column == BeadTableModel.COL_RISK and order == Qt.SortOrder.AscendingOrder:
            self.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)

    def shown_index(self, row: int) -> QModelIndex:
        """The view's index of bead ``row``; a filter hiding it is cleared first."""
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by a filter: show everything again
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        return index

    def fit_columns(self) -> None:
        """Source and target share what the table's width leaves (in the ratio of their
        widths, which the editor sets by dragging); type, score, flags and status keep
        theirs, so they stay in view on a narrow table instead of past its edge."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        if not self.view.isVisible():
            return
        texts = (BeadTableModel.COL_SOURCE, BeadTableModel.COL_TARGET)
        fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in texts)
        room = self.view.viewport().width() - fixed
        widths = [header.sectionSize(c) for c in texts]
        if room < 2 * 80 or sum(widths) == room:
            return
        source = max(80, round(room * widths[0] / max(1, sum(widths))))
        header.resizeSection(texts[0], source)
        header.resizeSection(texts[1], max(80, room - source))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.fit_columns()
        return super().eventFilter(watched, event)
