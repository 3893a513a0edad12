"""The review queue dock: the folder's documents, riskiest first, opened by double-click.

It is shown once a folder is open (File › Open folder…, or ``aligner-gui FOLDER``). The
list is a view over a Qt-free ``ReviewQueue``; documents not aligned yet are aligned in
the background, and saving the open document updates its row.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from aligner_gui.core.errors import AlignerError
from aligner_gui.gui.queue.aligner import QueueAligner
from aligner_gui.gui.queue.model import QueueSortProxy, QueueTableModel
from aligner_gui.io.review_queue import (
    REVIEWED,
    Figures,
    QueueEntry,
    ReviewQueue,
    next_to_review,
)

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from aligner_gui.core.model import AlignmentDocument
    from aligner_gui.gui.actions import Actions
    from aligner_gui.gui.controllers.files import FileController
    from aligner_gui.gui.engine import Engine

log = logging.getLogger(__name__)


class QueueHost(Protocol):
    """What the dock uses of the review window besides its Qt side."""

    engine: Engine
    files: FileController
    document: AlignmentDocument | None
    actions: Actions
    document_installed: SignalInstance

    def report_error(self, title: str, message: str) -> None: ...


class ReviewQueueDock(QDockWidget):
    def __init__(self, window: QueueHost, menus: dict[str, Any], *,
                 parent: QMainWindow) -> None:
        """``parent`` is the main window the dock sits in (the same window as ``window``)."""
        super().__init__(self.tr("Review queue"), parent)
        self.setObjectName("reviewQueueDock")
        self.window_ = parent
        self.host = window
        self.queue: ReviewQueue | None = None
        self._open_when_aligned: str | None = None
        self.model = QueueTableModel(self)
        self.proxy = QueueSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.aligner = QueueAligner(window.engine, parent=self)
        self._build(window.actions, menus)
        parent.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        self.hide()  # until a folder is open
        window.document_installed.connect(self._on_window_document_installed)
        window.files.saved.connect(self._on_files_saved)
        self.aligner.started.connect(self._on_aligner_started)
        self.aligner.aligned.connect(self._on_aligner_aligned)
        self.aligner.progressed.connect(self._on_aligner_progressed)
        self.aligner.finished.connect(self._on_aligner_finished)

    def _build(self, actions: Actions, menus: dict[str, Any]) -> None:
        window = self.window_
        self.open_folder_action = QAction(self.tr("Open &folder…"), window)
        self.open_folder_action.setObjectName("actionOpenFolder")
        self.open_folder_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_folder_action.triggered.connect(self.open_folder_dialog)
        file_menu = next(o for o in actions.open.associatedObjects()
                         if isinstance(o, QMenu))
        file_menu.insertAction(actions.save, self.open_folder_action)
        # Alt+R is the Review menu's: the mnemonic is K; a key for the day's routine.
        self.mark_reviewed_action = QAction(self.tr("Mar&k document reviewed"), window)
        self.mark_reviewed_action.setObjectName("actionMarkReviewed")
        self.mark_reviewed_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.mark_reviewed_action.setToolTip(self.tr(
            "Mark the open document reviewed (the selected ones, from the queue); again to "
            "undo"))
        self.mark_reviewed_action.triggered.connect(self.toggle_reviewed)
        self.next_document_action = QAction(self.tr("&Next document"), window)
        self.next_document_action.setObjectName("actionNextDocument")
        self.next_document_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.next_document_action.setToolTip(self.tr(
            "Open the next document of the queue not reviewed yet, in the queue's order"))
        self.next_document_action.triggered.connect(self.open_next)
        file_menu.insertAction(actions.save, self.mark_reviewed_action)
        file_menu.insertAction(actions.save, self.next_document_action)
        self.refresh_action = QAction(self.tr("Refresh"), window)
        self.refresh_action.setObjectName("actionRefreshQueue")
        self.refresh_action.triggered.connect(self.refresh)
        self.cancel_action = QAction(self.tr("Stop aligning"), window)
        self.cancel_action.setObjectName("actionStopQueueAlignment")
        self.cancel_action.triggered.connect(self.cancel_alignment)
        self.cancel_action.setEnabled(False)
        actions.all.extend([self.open_folder_action, self.mark_reviewed_action,
                            self.next_document_action])
        menus["view"].addAction(self.toggleViewAction())

        self.view = QTableView()
        self.view.setObjectName("reviewQueue")
        self.view.setAccessibleName(self.tr("Review queue"))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(QueueTableModel.COL_RISK, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.view.fontMetrics()
        for column, sample in ((QueueTableModel.COL_NAME, "news_01_economy"),
                               (QueueTableModel.COL_RISK, "00.0 (00)"),
                               (QueueTableModel.COL_STATUS, self.tr("not aligned")),
                               (QueueTableModel.COL_OMISSIONS, self.tr("Omissions")),
                               (QueueTableModel.COL_MISMATCHES, self.tr("Mismatches")),
                               (QueueTableModel.COL_ANNOTATIONS, self.tr("Annotations"))):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 14)
        self.view.activated.connect(self._on_view_activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([self.mark_reviewed_action, self.refresh_action, self.cancel_action])

        # A tool bar, not a row of buttons: what does not fit goes behind its » (the
        # button row made the dock 346 pixels wide at least, half a small screen's panes).
        buttons = QToolBar()
        buttons.setObjectName("queueButtons")
        buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        buttons.addActions([self.mark_reviewed_action, self.refresh_action, self.cancel_action])
        self.progress = QProgressBar()
        self.progress.setObjectName("queueProgress")
        self.progress.setFormat(self.tr("%v of %m aligned"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("queueStatus")
        self.status.setWordWrap(True)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.setWidget(box)

    # -- opening a folder --------------------------------------------------------------
    def open_folder_dialog(self) -> None:
        start = str(self.queue.folder) if self.queue else str(self.host.files.input_dir or "")
        name = QFileDialog.getExistingDirectory(self.window_, self.tr("Open folder"), start)
        if name:
            self.open_folder(name)

    def open_folder(self, folder: str | Path) -> bool:
        """List the folder's documents and start aligning those without a project."""
        self.aligner.cancel()
        try:
            queue = ReviewQueue.open(folder)
        except (AlignerError, OSError) as error:
            self.host.report_error(self.tr("Cannot open the folder {0}").format(
                Path(folder).name), str(error))
            return False
        self._install(queue)
        if self.isHidden():
            self.show()
            QTimer.singleShot(0, self._fit_width)  # once the window has its size
        self.raise_()
        return True

    def _fit_width(self) -> None:
        """Wide enough for its columns, up to a quarter of the window (at two fifths the
        text panes kept five words a line and the bead table lost its figures)."""
        wanted = (self.view.horizontalHeader().length()
                  + self.view.verticalScrollBar().sizeHint().width() + 24)
        self.window_.resizeDocks([self], [min(wanted, self.window_.width() // 4)],
                                 Qt.Orientation.Horizontal)

    def say_how_to_start(self) -> None:
        self.window_.statusBar().showMessage(
            self.tr("Double-click a document of the review queue to review it."))

    def refresh(self) -> None:
        """Read the folder again (projects changed or added outside the window)."""
        if self.queue is not None:
            self.open_folder(self.queue.folder)

    def _install(self, queue: ReviewQueue) -> None:
        self.queue = queue
        self._open_when_aligned = None
        self.model.set_queue(queue)
        self.setWindowTitle(self.tr("Review queue: {0}").format(queue.folder.name))
        self._on_window_document_installed()  # the open document may be one of them
        alignable = queue.alignable()
        if alignable and not queue.writable:
            for entry in alignable:
                queue.set_error(entry.name, self.tr("The folder is read-only: "
                                                    "it cannot be aligned here"))
            alignable = []
        self._say_summary()
        if alignable:
            self.aligner.add([(e.name, e.inputs, e.project) for e in alignable])

    def _say_summary(self) -> None:
        queue = self.queue
        if queue is None:
            return
        aligned = sum(1 for e in queue.entries if e.aligned)
        reviewed = sum(1 for e in queue.entries if e.aligned and e.status == REVIEWED)
        text = self.tr("{0} documents, {1} aligned, {2} reviewed").format(
            len(queue.entries), aligned, reviewed)
        errors = sum(1 for e in queue.entries if e.error is not None)
        if errors:  # grey rows at the bottom, the reason only in their tooltips
            text += " · " + self.tr("{0} cannot be aligned (hover the row for why)").format(errors)
        if queue.skipped:  # texts pairing could not use: the editor may expect them listed
            text += " · " + self.tr("unpaired texts: {0} (hover for why)").format(
                len(queue.skipped))
        if queue.set_aside is not None:
            text += " · " + self.tr("an unreadable queue state was set aside as {0}").format(
                queue.set_aside.name)
        self.status.setText(text)
        self.status.setToolTip("\n".join(f"{path.name}: {why}" for path, why in queue.skipped))

    # -- the open document -------------------------------------------------------------
    def current_entry(self) -> QueueEntry | None:
        path = self.host.files.path
        if self.queue is None or path is None:
            return None
        return self.queue.entry_for_project(path)

    def _on_window_document_installed(self) -> None:
        entry = self.current_entry()
        if entry is not None and self.queue is not None:
            self.queue.mark_opened(entry.name)
        self.model.set_current(entry.name if entry else None)

    def _on_files_saved(self, path: Path) -> None:
        if self.queue is None:
            return
        entry = self.queue.entry_for_project(path)
        if entry is None:
            return
        document = self.host.document
        if document is not None:  # what was saved: no need to read the file back
            self.queue.set_aligned(entry.name, Figures.from_document(document))
        else:
            self.queue.reload(entry.name)
        self.queue.mark_opened(entry.name)
        self.model.set_current(entry.name)
        self.model.entry_changed(entry.name)

    def _on_view_activated(self, index: QModelIndex) -> None:
        entry = self.model.entry(self.proxy.mapToSource(index).row())
        self.open_entry(entry)

    def open_entry(self, entry: QueueEntry) -> bool:
        """Open the document in the review window (asking first about unsaved changes)."""
        files = self.host.files
        if entry.aligned:
            if files.path is not None and files.path.resolve() == entry.project.resolve():
                self.window_.activateWindow()
                return True
            if not files.maybe_save():
                return False
            return files.open_paths_in_background([entry.project])
        if entry.error is not None:
            self.window_.statusBar().showMessage(entry.error, 6000)
            return False
        if entry.name == self.aligner.current or self.aligner.prioritize(entry.name):
            self._open_when_aligned = entry.name
            self.window_.statusBar().showMessage(
                self.tr("{0} opens when it is aligned").format(entry.name), 6000)
        return False

    def selected_entries(self) -> list[QueueEntry]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return [self.model.entry(r) for r in sorted(rows)]

    def toggle_reviewed(self) -> None:
        """Mark the open document reviewed, or the queue's selected documents when the
        queue has the focus (the row the editor looked at last is not the one reviewed);
        when all of them are reviewed already, they go back to in review."""
        if self.queue is None:
            return
        current = self.current_entry()
        entries = [e for e in self.selected_entries() if e.aligned]
        if current is not None and not self.view.hasFocus():
            entries = [current]
        elif not entries and current is not None:
            entries = [current]
        if not entries:
            self.window_.statusBar().showMessage(self.tr("No document chosen."), 4000)
            return
        status = self.queue.toggle_reviewed(e.name for e in entries)
        for entry in entries:
            self.model.entry_changed(entry.name)
        self._say_summary()
        names = ", ".join(e.name for e in entries[:3]) + ("…" if len(entries) > 3 else "")
        self.window_.statusBar().showMessage(
            (self.tr("Reviewed: {0}") if status == REVIEWED else self.tr("In review again: {0}"))
            .format(names), 5000)

    def open_next(self) -> bool:
        """Open the first document after the open one, in the queue's order as shown, that
        is aligned and not reviewed (from the top when none is open)."""
        if self.queue is None:
            return False
        rows = [self.model.entry(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]
        current = self.current_entry()
        entry = next_to_review(rows, current.name if current is not None else None)
        if entry is not None:
            return self.open_entry(entry)
        self.window_.statusBar().showMessage(self.tr("Every document is reviewed."), 5000)
        return False

    # -- background alignment ----------------------------------------------------------
    def cancel_alignment(self) -> None:
        self.aligner.cancel()

    def shutdown(self) -> None:
        """The window closes: stop aligning (what is done is saved)."""
        self.aligner.cancel()

    def _on_aligner_started(self, name: str) -> None:
        self.model.set_aligning(name)
        self.cancel_action.setEnabled(True)
        self.progress.setRange(0, self.aligner.total)
        self.progress.setValue(self.aligner.done)
        self.progress.show()
        self.status.setText(self.tr("Aligning {0}…").format(name))

    def _on_aligner_aligned(self, name: str, figures: Figures | None, message: str) -> None:
        if self.queue is None or self.queue.entry(name) is None:
            return
        if figures is None:
            log.warning("aligning %s failed: %s", name, message)
            self.queue.set_error(name, self.tr("Cannot align: {0}").format(message))
        else:
            self.queue.set_aligned(name, figures)
        self.model.set_aligning(None)
        entry = self.queue.entry(name)
        if self._open_when_aligned == name and entry is not None:
            self._open_when_aligned = None
            self.open_entry(entry)

    def _on_aligner_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_aligner_finished(self) -> None:
        self.model.set_aligning(None)
        self.cancel_action.setEnabled(False)
        self.progress.hide()
        self._say_summary()
