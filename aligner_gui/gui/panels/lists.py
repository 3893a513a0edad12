"""The annotation list (filter, jump to, delete) and the suggestion list (accept, dismiss)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aligner_gui.gui.models import AnnotationTableModel, SuggestionTableModel
from aligner_gui.gui.models.beads import SORT_ROLE


def setup_list_view(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultSectionSize(90)


def _size_columns(view: QTableView, widths: tuple[int, ...]) -> None:
    """Widths in pixels at the default font, scaled to the view's font."""
    scale = max(1.0, view.fontMetrics().averageCharWidth() / 7.0)
    for column, width in enumerate(widths):
        view.horizontalHeader().resizeSection(column, int(width * scale))


class AnnotationList(QWidget):
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)  # bead numbers as numbers, severities by weight
        self.view = QTableView()
        self.view.setObjectName("annotationView")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        # In reading order (creation order put bead 21 before bead 13 after a reopen).
        self.view.sortByColumn(AnnotationTableModel.COL_BEAD, Qt.SortOrder.AscendingOrder)
        setup_list_view(self.view)
        _size_columns(self.view, (44, 104, 66, 56, 170))  # "mistranslation" fits its column
        self.filter = QLineEdit()
        self.filter.setObjectName("annotationFilter")
        self.filter.setPlaceholderText(self.tr("Filter annotations"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        delete = QPushButton(self.tr("Delete"))
        delete.clicked.connect(self.delete_requested)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(delete)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view)


class SuggestionList(QWidget):
    """The engine's flags to accept or dismiss; says so while they are being computed
    (seconds for a big document, when the list would otherwise just stay empty)."""

    accept_requested = Signal()
    dismiss_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SuggestionTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("suggestionView")
        self.view.setModel(self.model)
        setup_list_view(self.view)
        _size_columns(self.view, (40, 96, 100, 56))
        # What is suggested is the flag's category, which the detail line below names: the
        # column repeated the flag ("omission | Omission") and pushed Text off a narrow panel.
        self.view.setColumnHidden(SuggestionTableModel.COL_TYPE, True)
        # Why the current suggestion is made (the engine's comment), in full.
        self.detail = QLabel()
        self.detail.setObjectName("suggestionDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.model.modelReset.connect(self._show_detail)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("suggestionBusy")
        self.busy_bar.setRange(0, 0)  # indeterminate: the engine reports no progress here
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumSize(60, max(8, self.fontMetrics().height() // 2))
        self.status_label = QLabel()
        self.status_label.setObjectName("suggestionStatus")
        self.busy_row = QWidget()
        busy_layout = QHBoxLayout(self.busy_row)
        busy_layout.setContentsMargins(2, 0, 2, 0)
        busy_layout.addWidget(self.busy_bar)
        busy_layout.addWidget(self.status_label, 1)
        self.busy_row.hide()
        self.model.computing_changed.connect(self._on_model_computing_changed)
        self.model.modelReset.connect(self._update_status)
        self.model.rowsRemoved.connect(self._update_status)
        self.model.rowsInserted.connect(self._update_status)
        accept = QPushButton(self.tr("Accept (Y)"))
        dismiss = QPushButton(self.tr("Dismiss (X)"))
        accept.clicked.connect(self.accept_requested)
        dismiss.clicked.connect(self.dismiss_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(accept)
        buttons.addWidget(dismiss)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.view)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

    def _show_detail(self, *_args: object) -> None:
        index = self.view.selectionModel().currentIndex()
        valid = index.isValid() and index.row() < self.model.rowCount()
        self.detail.setText(self.model.explain(index.row()) if valid else "")
        self.detail.setVisible(valid)

    def status_text(self) -> str:
        """What the list is doing, in words (also shown in the status bar)."""
        if self.model.computing():
            if self.model.rowCount():
                return self.tr("Updating suggestions…")
            return self.tr("Computing suggestions…")
        if self.model.document is not None and not self.model.rowCount():
            return self.tr("No open suggestions.")
        return ""

    def _on_model_computing_changed(self, _busy: bool) -> None:
        self._update_status()

    def _update_status(self) -> None:
        busy = self.model.computing()
        text = self.status_text()
        self.status_label.setText(text)
        self.busy_bar.setVisible(busy)
        self.busy_row.setVisible(bool(text))
