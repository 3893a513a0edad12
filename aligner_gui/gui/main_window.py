"""The review window: assembles panes, table, panels and actions, and owns the selection.

Operations live in ReviewController (review.py) and FileController (files.py); the
document is the only source of truth and every change goes through the undo stack.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from aligner_gui import __version__
from aligner_gui.core.model import AlignmentDocument
from aligner_gui.core.scoring import mqm
from aligner_gui.gui.actions import Actions
from aligner_gui.gui.alignment import AlignmentController
from aligner_gui.gui.dialogs import messages
from aligner_gui.gui.dialogs.recovery import RecoveryBanner
from aligner_gui.gui.dialogs.shortcuts import ShortcutsDialog
from aligner_gui.gui.dialogs.weights import WeightsDialog
from aligner_gui.gui.engine import Engine
from aligner_gui.gui.engine_process import EngineProcess
from aligner_gui.gui.files import FileController
from aligner_gui.gui.fonts import cjk_font
from aligner_gui.gui.icons import icon
from aligner_gui.gui.models import (
    BeadFilterProxy,
    BeadTableModel,
)
from aligner_gui.gui.models.beads import risk_text
from aligner_gui.gui.panels.annotation_editor import AnnotationEditor
from aligner_gui.gui.panels.bead_filter import BeadFilterBar
from aligner_gui.gui.panels.lists import AnnotationList, SuggestionList
from aligner_gui.gui.panels.scores import ScoresPanel
from aligner_gui.gui.panes import OverviewStrip, TextPane
from aligner_gui.gui.panes.coverage_lens import CoverageLens
from aligner_gui.gui.panes.suspects import SuspectLens
from aligner_gui.gui.qa_checks import QaChecksMenu
from aligner_gui.gui.queue import ReviewQueueDock
from aligner_gui.gui.review import ReviewController
from aligner_gui.gui.settings import Settings

log = logging.getLogger(__name__)
FIRST_START_SHARE = 0.9  # of the screen's free area, with no saved geometry

ErrorReporter = Callable[[QWidget, str, str], None]
SaveAsker = Callable[[QWidget, str], messages.CloseAnswer]


class MainWindow(QMainWindow):
    document_installed = Signal()

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        engine: Engine | None = None,
        report_error: ErrorReporter | None = None,
        ask_save: SaveAsker | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.settings = settings or Settings()
        self.engine = engine or Engine()
        self._report_error = report_error or messages.show_error
        self.ask_save: SaveAsker = ask_save or messages.ask_save_changes
        self.document: AlignmentDocument | None = None
        self.undo_stack = QUndoStack(self)
        self.engine_process = EngineProcess(self)  # big documents' engine work
        self._span: tuple[str, int, int] | None = None
        self._chosen_sentence: tuple[str, int] | None = None
        self._chosen_by_side: dict[str, int] = {}
        self._syncing_scroll = False
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self._weights_dialog: WeightsDialog | None = None
        self._pane_origin: str | None = None  # set while a pane click selects a bead
        self._showing_annotation = False

        self.actions = Actions(self)
        self.review = ReviewController(self)
        self.alignment = AlignmentController(self)
        self.alignment_started = self.alignment.started
        self.alignment_finished = self.alignment.finished  # (applied: bool)
        self._build_widgets()
        menus = self.actions.build_menus(self.menuBar())
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        self.actions.build_toolbar(toolbar)
        self.addToolBar(toolbar)
        view_menu: Any = menus["view"]
        for dock in self._docks:
            view_menu.addAction(dock.toggleViewAction())
        self.files = FileController(self)
        self.files.recent_menu = menus["recent"]  # type: ignore[assignment]
        self.files.refresh_recent_menu()
        self.files.build_export_menu(menus["export"])  # type: ignore[arg-type]
        self.qa_checks = QaChecksMenu(self, menus["qa_checks"])  # type: ignore[arg-type]
        self._connect_actions()
        self._apply_font(float(self.settings.font_size))
        self._restore_layout()
        self.review_queue = ReviewQueueDock(self, menus)  # shown when a folder is open
        self.update_title()

    # -- construction -------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.source_pane = TextPane("source")
        self.source_pane.setObjectName("sourcePane")
        self.target_pane = TextPane("target")
        self.target_pane.setObjectName("targetPane")
        self.coverage_lens = CoverageLens([self.source_pane, self.target_pane], self)
        self.suspect_lens = SuspectLens([self.source_pane, self.target_pane], self)
        self.overview = OverviewStrip()
        self.overview.setObjectName("overviewStrip")
        self.source_pane.setAccessibleName(self.tr("Source text"))
        self.target_pane.setAccessibleName(self.tr("Target text"))
        self.overview.setAccessibleName(self.tr("Overview of problems"))
        self.pane_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.pane_splitter.setObjectName("paneSplitter")
        self.pane_splitter.addWidget(self.source_pane)
        self.pane_splitter.addWidget(self.target_pane)
        pane_row = QWidget()
        row_layout = QHBoxLayout(pane_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(2)
        row_layout.addWidget(self.pane_splitter, 1)
        row_layout.addWidget(self.overview)

        self.bead_model = BeadTableModel(self)
        self.bead_proxy = BeadFilterProxy(self)
        self.bead_proxy.setSourceModel(self.bead_model)
        self.bead_view = QTableView()
        self.bead_view.setObjectName("beadView")
        self.bead_view.setAccessibleName(self.tr("Alignment table"))
        self.bead_view.setModel(self.bead_proxy)
        self.bead_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bead_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.bead_view.setSortingEnabled(True)
        self.bead_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.bead_view.setWordWrap(False)
        self.bead_view.setAlternatingRowColors(True)
        self.bead_view.verticalHeader().setDefaultSectionSize(
            self.bead_view.fontMetrics().height() + 8)
        # One fixed row height: the view never measures rows, so 10,000 beads scroll freely.
        self.bead_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.bead_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        m = BeadTableModel
        for column, width in ((m.COL_TYPE, 44), (m.COL_MATCH, 52), (m.COL_RISK, 52),
                              (m.COL_FLAGS, 120), (m.COL_STATUS, 70)):
            header.resizeSection(column, width)
        for column in (0, 1):
            header.resizeSection(column, 320)
        self._fit_bead_columns()
        self.bead_view.viewport().installEventFilter(self)
        self.bead_filter = BeadFilterBar(self.bead_proxy)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(4, 2, 4, 0)
        table_layout.addWidget(self.bead_filter)
        table_layout.addWidget(self.bead_view)

        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(pane_row)
        self.main_splitter.addWidget(table_box)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)
        self.recovery_banner = RecoveryBanner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.recovery_banner)
        central_layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        # Side panels.
        self.annotation_editor = AnnotationEditor()
        self.annotation_list = AnnotationList()
        self.annotation_model = self.annotation_list.model
        self.annotation_proxy = self.annotation_list.proxy
        self.annotation_view = self.annotation_list.view
        self.annotation_filter = self.annotation_list.filter
        self.annotation_list.delete_requested.connect(lambda: self.review.delete_annotation())
        self.suggestion_list = SuggestionList()
        self.suggestion_model = self.suggestion_list.model
        self.suggestion_model.engine_process = self.engine_process
        self.suggestion_view = self.suggestion_list.view
        self.suggestion_list.accept_requested.connect(lambda: self.review.accept_suggestion())
        self.suggestion_list.dismiss_requested.connect(lambda: self.review.dismiss_suggestion())

        self.scores_panel = ScoresPanel()
        self.scores_panel.set_weights(mqm.MqmWeights.from_dict(self.settings.mqm_weights))
        self._docks: list[QDockWidget] = []
        editor_dock = self._dock("annotationDock", self.tr("Annotation"), self.annotation_editor)
        list_dock = self._dock("annotationListDock", self.tr("Annotations"),
                               self.annotation_list)
        suggest_dock = self._dock("suggestionDock", self.tr("Suggestions"), self.suggestion_list)
        scores_scroll = QScrollArea()
        scores_scroll.setWidgetResizable(True)
        scores_scroll.setWidget(self.scores_panel)
        scores_dock = self._dock("scoresDock", self.tr("Scores"), scores_scroll)
        self.tabifyDockWidget(list_dock, suggest_dock)
        list_dock.raise_()
        self.splitDockWidget(editor_dock, list_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(suggest_dock, scores_dock)
        list_dock.raise_()
        suggest_dock.raise_()  # the engine's flags are what a review starts from

        # Status bar: alignment progress with a cancel button.
        self.progress = QProgressBar()
        self.progress.setObjectName("alignmentProgress")
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("Aligning… %p%"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelAlignment")
        self.position_label = QLabel()
        # Background work the editor waits for (suggestions, rescoring): said, not silent.
        self.background_busy = QProgressBar()
        self.background_busy.setObjectName("backgroundBusy")
        self.background_busy.setRange(0, 0)
        self.background_busy.setTextVisible(False)
        self.background_busy.setMaximumSize(50, max(8, self.fontMetrics().height() // 2))
        self.background_status = QLabel()
        self.background_status.setObjectName("backgroundStatus")
        self.statusBar().addPermanentWidget(self.background_busy)
        self.statusBar().addPermanentWidget(self.background_status)
        self.background_busy.hide()
        self.background_status.hide()
        self.suggestion_model.computing_changed.connect(self._on_background_work_changed)
        self.alignment.rescoring_changed.connect(self._on_background_work_changed)
        self.statusBar().addPermanentWidget(self.position_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._docks.append(dock)
        return dock

    def _connect_actions(self) -> None:
        a, r = self.actions, self.review
        a.open.triggered.connect(self.files.open_dialog)
        a.save.triggered.connect(self.files.save)
        a.save_as.triggered.connect(self.files.save_as)
        a.import_file.triggered.connect(self.files.import_dialog)
        a.load_glossary.triggered.connect(self.files.glossary_dialog)
        a.clear_glossary.triggered.connect(self.files.clear_glossary)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.undo_stack.undo)
        a.redo.triggered.connect(self.undo_stack.redo)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        a.find.triggered.connect(self._on_find_triggered)
        a.next_bead.triggered.connect(lambda: r.step_bead(1))
        a.previous_bead.triggered.connect(lambda: r.step_bead(-1))
        a.next_flag.triggered.connect(lambda: r.next_flag())
        a.previous_flag.triggered.connect(lambda: r.next_flag(backwards=True))
        a.next_annotation.triggered.connect(lambda: r.next_annotation())
        a.previous_annotation.triggered.connect(lambda: r.next_annotation(backwards=True))
        a.next_risky.triggered.connect(r.next_risky)
        a.mark_omission.triggered.connect(r.mark_omission)
        a.mark_mistranslation.triggered.connect(r.mark_mistranslation)
        a.mark_addition.triggered.connect(r.mark_addition)
        a.mark_other.triggered.connect(r.mark_other)
        for action, severity in ((a.severity_neutral, "neutral"), (a.severity_minor, "minor"),
                                 (a.severity_major, "major"), (a.severity_critical, "critical")):
            action.triggered.connect(lambda _=False, s=severity: r.set_severity(s))
        a.delete_annotation.triggered.connect(lambda: r.delete_annotation())
        a.edit_comment.triggered.connect(self._on_edit_comment_triggered)
        a.accept_suggestion.triggered.connect(lambda: r.accept_suggestion())
        a.dismiss_suggestion.triggered.connect(lambda: r.dismiss_suggestion())
        a.align.triggered.connect(self.realign)
        a.cancel_alignment.triggered.connect(self.cancel_alignment)
        a.merge_with_next.triggered.connect(r.merge_with_next)
        a.split_bead.triggered.connect(r.split_bead)
        a.unlink.triggered.connect(r.unlink)
        a.confirm.triggered.connect(r.confirm)
        a.move_source_up.triggered.connect(lambda: r.move_sentence("source", "first"))
        a.move_source_down.triggered.connect(lambda: r.move_sentence("source", "last"))
        a.move_target_up.triggered.connect(lambda: r.move_sentence("target", "first"))
        a.move_target_down.triggered.connect(lambda: r.move_sentence("target", "last"))
        a.zoom_in.triggered.connect(lambda: self._apply_font(self._font_size + 1))
        a.zoom_out.triggered.connect(lambda: self._apply_font(self._font_size - 1))
        a.zoom_reset.triggered.connect(lambda: self._apply_font(12.0))
        a.swap_panes.triggered.connect(self.swap_panes)
        self.coverage_lens.bind_action(a.coverage_lens, self.settings)
        self.suspect_lens.bind_action(a.risk_suspects, self.settings)
        a.focus_table.triggered.connect(self.bead_view.setFocus)
        a.focus_source.triggered.connect(self.source_pane.setFocus)
        a.focus_target.triggered.connect(self.target_pane.setFocus)
        a.focus_annotations.triggered.connect(self._on_focus_annotations_triggered)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.mqm_weights.triggered.connect(self.show_weights)
        a.about.triggered.connect(self._on_about_triggered)
        self.cancel_button.clicked.connect(self.cancel_alignment)
        self.recovery_banner.recover_requested.connect(self.files.recover)
        self.recovery_banner.discard_requested.connect(self.files.discard_recovery)

        self.bead_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.bead_view.addActions([a.confirm, a.merge_with_next, a.split_bead, a.unlink,
                                   a.move_source_up, a.move_source_down, a.move_target_up,
                                   a.move_target_down, a.align, a.mark_omission,
                                   a.mark_mistranslation, a.mark_addition])
        for pane in (self.source_pane, self.target_pane):
            pane.extra_actions = [a.mark_omission, a.mark_mistranslation, a.mark_addition,
                                  a.mark_other, a.split_bead]
        self.setAcceptDrops(True)
        self.bead_view.selectionModel().currentRowChanged.connect(self._on_bead_view_current)
        self.bead_view.activated.connect(lambda _i: self.target_pane.setFocus())
        for pane in (self.source_pane, self.target_pane):
            pane.sentence_clicked.connect(self._on_pane_sentence_clicked)
            pane.bead_clicked.connect(self.select_bead)
            pane.span_selected.connect(self._on_pane_span_selected)
            pane.scrolled.connect(self._on_pane_scrolled)
        self.overview.bead_requested.connect(self.select_bead)
        self.annotation_view.selectionModel().currentRowChanged.connect(
            self._on_annotation_view_current)
        self.annotation_view.activated.connect(self._on_annotation_view_activated)
        self.suggestion_view.selectionModel().currentRowChanged.connect(
            self._on_suggestion_view_current)
        self.suggestion_view.activated.connect(  # Enter or double-click accepts
            lambda index: self.review.accept_suggestion(self.suggestion_model.suggestion(
                index.row())) if index.row() < self.suggestion_model.rowCount() else None)
        self.annotation_editor.change_requested.connect(self.review.change_annotation)
        self.annotation_editor.delete_requested.connect(self.review.delete_annotation)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.annotation_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.review.delete_annotation())

    # -- document -----------------------------------------------------------------------
    def install_document(self, document: AlignmentDocument, *, align: bool = True) -> None:
        """Show a new document; align it in the background if it has no beads yet."""
        self.cancel_alignment(wait=True)
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.undo_stack.clear()
        self.document = document
        document.subscribe(self._on_document_event)
        self._span = None
        self._chosen_sentence = None
        self._chosen_by_side = {}
        self.bead_filter.clear()
        for widget in (self.alignment, self.bead_model, self.annotation_model,
                       self.suggestion_model,
                       self.source_pane, self.target_pane, self.overview, self.annotation_editor,
                       self.scores_panel, self.coverage_lens, self.suspect_lens):
            widget.set_document(document)
        self.update_title()
        self.document_installed.emit()
        if align and not document.beads:
            self.start_alignment()
        elif document.beads:
            self.select_bead(0)

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event in ("beads_replaced", "reset"):
            QTimer.singleShot(0, self._refresh_current_bead)

    def _refresh_current_bead(self) -> None:
        row = self.current_bead()
        for pane in (self.source_pane, self.target_pane):
            pane.show_bead(row, scroll=False)
        self.overview.set_current(row)
        self._update_position_label()

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        # The stack is a child of the window: while Qt destroys the window, the stack's
        # destructor clears itself and emits this on a half-destroyed window.
        if shiboken6.isValid(self):
            self.update_title()

    def update_title(self) -> None:
        name = self.files.display_name if hasattr(self, "files") else ""
        name = name or self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — aligner-gui")
        self.setWindowModified(not self.undo_stack.isClean())

    def report_error(self, title: str, message: str) -> None:
        log.warning("%s: %s", title, message)
        self._report_error(self, title, message)

    # -- alignment (see alignment.py) ---------------------------------------------------
    def alignment_running(self) -> bool:
        return self.alignment.running()

    def start_alignment(self) -> bool:
        return self.alignment.start()

    def realign(self) -> None:
        self.alignment.realign(self.current_bead())

    def cancel_alignment(self, wait: bool = False) -> None:
        self.alignment.cancel(wait)

    # -- selection (the automation contract) ---------------------------------------------
    def select_bead(self, row: int) -> None:
        """Make bead ``row`` current (row = bead index in the file), scrolling both panes."""
        if self.document is None or not (0 <= row < self.bead_model.rowCount()):
            return
        source_index = self.bead_model.index(row, 0)
        index = self.bead_proxy.mapFromSource(source_index)
        if not index.isValid():  # hidden by a filter: show everything again
            self.bead_filter.clear()
            index = self.bead_proxy.mapFromSource(source_index)
        self._span = None
        for pane in (self.source_pane, self.target_pane):
            pane.clear_selection()
        selection = self.bead_view.selectionModel()
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        self.bead_view.scrollTo(index)
        self._show_bead(row)

    def select_span(self, side: str, start: int, end: int) -> None:
        """Select text in a pane (code-point offsets), as the editor's mouse would."""
        if side not in ("source", "target"):
            raise ValueError(f"side must be 'source' or 'target', not {side!r}")
        if self.document is not None:
            length = len(self.document.side(side).text)
            start, end = sorted((max(0, min(start, length)), max(0, min(end, length))))
        pane = self.pane(side)
        pane.select_span(start, end)
        self._span = (side, start, end)
        self._select_bead_at(side, start)

    def save_to(self, path: Any) -> bool:
        return self.files.save_to(path)

    def current_bead(self) -> int | None:
        index = self.bead_view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.bead_proxy.mapToSource(index).row()

    def selected_beads(self) -> list[int]:
        rows = {self.bead_proxy.mapToSource(i).row()
                for i in self.bead_view.selectionModel().selectedRows()}
        current = self.current_bead()
        if not rows and current is not None:
            rows = {current}
        return sorted(rows)

    def current_span(self) -> tuple[str, int, int] | None:
        return self._span

    def chosen_sentence(self) -> tuple[str, int] | None:
        """The sentence the editor clicked last (side, id): where a split cuts."""
        return self._chosen_sentence

    def chosen_sentence_on(self, side: str) -> int | None:
        return self._chosen_by_side.get(side)

    def pane(self, side: str) -> TextPane:
        return self.source_pane if side == "source" else self.target_pane

    def current_suggestion(self) -> mqm.Suggestion | None:
        """The suggestion Y/X act on: the current bead's, else the one selected in the list."""
        model = self.suggestion_model
        model.refresh_if_pending()
        index = self.suggestion_view.selectionModel().currentIndex()
        selected = model.suggestion(index.row()) if (
            index.isValid() and index.row() < model.rowCount()) else None
        bead = self.current_bead()
        if selected is not None and (bead is None or selected.bead == bead):
            return selected
        for row in range(model.rowCount()):
            if model.suggestion(row).bead == bead:
                return model.suggestion(row)
        return selected

    def show_annotation(self, annotation_id: str) -> None:
        """Put an annotation in the side panel and select it in the list."""
        self.annotation_editor.show_annotation(annotation_id)
        row = self.annotation_model.row_of(annotation_id)
        if row is not None:
            index = self.annotation_proxy.mapFromSource(self.annotation_model.index(row, 0))
            if index.isValid():
                self._showing_annotation = True
                try:
                    self.annotation_view.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                finally:
                    self._showing_annotation = False
                self.annotation_view.scrollTo(index)

    def _show_bead(self, row: int | None, origin: str | None = None) -> None:
        for pane in (self.source_pane, self.target_pane):
            pane.show_bead(row, scroll=pane.side != origin)
        self.overview.set_current(row)
        self._update_position_label()

    def _on_background_work_changed(self, _busy: bool) -> None:
        parts = []
        if self.suggestion_model.computing():
            parts.append(self.tr("Computing suggestions…"))
        if self.alignment.rescoring():
            parts.append(self.tr("Rescoring edited beads…"))
        self.background_status.setText(" · ".join(parts))
        self.background_status.setVisible(bool(parts))
        self.background_busy.setVisible(bool(parts))

    def _update_position_label(self) -> None:
        row = self.current_bead()
        doc = self.document
        if doc is None or row is None or row >= len(doc.beads):
            self.position_label.setText("")
            return
        bead = doc.beads[row]
        score = "–" if bead.score is None else f"{bead.score:.2f}"
        risk = "" if bead.risk is None else " · " + self.tr("risk {0}").format(
            risk_text(bead.risk))
        self.position_label.setText(
            self.tr("Bead {0}/{1} · {2} · match {3} · {4}").format(
                row + 1, len(doc.beads), bead.kind, score, bead.status) + risk)

    def _select_bead_at(self, side: str, offset: int) -> None:
        doc = self.document
        pane = self.pane(side)
        sentence = pane.sentence_at(offset)
        if doc is None or sentence is None or not doc.beads:
            return
        try:
            row = doc.bead_of_sentence(side, sentence)
        except ValueError:
            return
        index = self.bead_proxy.mapFromSource(self.bead_model.index(row, 0))
        if not index.isValid():
            self.bead_filter.clear()
            index = self.bead_proxy.mapFromSource(self.bead_model.index(row, 0))
        self._pane_origin = side  # the pane keeps its selection and scroll position
        try:
            self.bead_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._pane_origin = None
        self.bead_view.scrollTo(index)
        self._show_bead(row, origin=side)

    # -- slots --------------------------------------------------------------------------
    def _on_bead_view_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._pane_origin is not None:  # _select_bead_at shows the bead itself
            return
        if not current.isValid():
            self._show_bead(None)
            return
        self._span = None
        self._show_bead(self.bead_proxy.mapToSource(current).row())

    def _on_pane_sentence_clicked(self, side: str, sentence: int) -> None:
        """A click picks a sentence: it is selected, so O/M mark just that sentence."""
        self._chosen_sentence = (side, sentence)
        self._chosen_by_side[side] = sentence
        doc = self.document
        if doc is None:
            return
        chosen = doc.side(side).sentences[sentence]
        self.pane(side).select_span(chosen.start, chosen.end)
        self._span = (side, chosen.start, chosen.end)
        self._select_bead_at(side, chosen.start)

    def _on_pane_span_selected(self, side: str, start: int, end: int) -> None:
        self._span = (side, start, end)
        other = self.pane("target" if side == "source" else "source")
        other.clear_selection()
        self._select_bead_at(side, start)

    def _on_pane_scrolled(self, side: str) -> None:
        if side == "source":  # the overview strip frames what the source pane shows
            shown = self.source_pane.visible_bead_range()
            self.overview.set_viewport(shown)
        if self._syncing_scroll:
            return
        pane, other = self.pane(side), self.pane("target" if side == "source" else "source")
        if not (pane.hasFocus() or pane.underMouse() or pane.verticalScrollBar().isSliderDown()):
            return
        top = pane.top_bead()
        if top is None:
            return
        self._syncing_scroll = True
        try:
            other.scroll_to_bead_top(top)
        finally:
            self._syncing_scroll = False

    def _on_annotation_view_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._showing_annotation:
            return
        row = self.annotation_proxy.mapToSource(current).row()
        annotation = self.annotation_model.annotation(row)
        self.annotation_editor.show_annotation(annotation.id)
        if self.annotation_view.hasFocus():  # browsing the list: show each mark in its pane
            self.select_span(annotation.side, annotation.start, annotation.end)

    def _on_annotation_view_activated(self, index: QModelIndex) -> None:
        row = self.annotation_proxy.mapToSource(index).row()
        annotation = self.annotation_model.annotation(row)
        self.select_span(annotation.side, annotation.start, annotation.end)
        self.annotation_editor.show_annotation(annotation.id)

    def _on_suggestion_view_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < self.suggestion_model.rowCount():
            self.select_bead(self.suggestion_model.suggestion(current.row()).bead)

    def _on_edit_comment_triggered(self) -> None:
        if self.annotation_editor.annotation_id is None:
            self.statusBar().showMessage(self.tr("No annotation selected."), 4000)
            return
        self._docks[0].show()
        self._docks[0].raise_()
        self.annotation_editor.comment.setFocus()
        self.annotation_editor.comment.selectAll()

    def _on_focus_annotations_triggered(self) -> None:
        self._docks[1].show()
        self._docks[1].raise_()
        self.annotation_view.setFocus()

    def _on_find_triggered(self) -> None:
        self.bead_filter.search.setFocus()
        self.bead_filter.search.selectAll()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About aligner-gui"),
                          self.tr("aligner-gui {0}: review Chinese translations of English news "
                                  "with sentence alignment and MQM annotation.").format(
                                      __version__))

    # -- view ---------------------------------------------------------------------------
    @property
    def _font_size(self) -> float:
        return float(self.source_pane.font().pointSizeF())

    def _apply_font(self, size: float) -> None:
        size = max(8.0, min(32.0, size))
        for pane in (self.source_pane, self.target_pane):
            font = cjk_font(size)
            pane.setFont(font)
            pane.schedule_decorations()
        self.settings.font_size = size

    def swap_panes(self) -> None:
        first = self.pane_splitter.widget(0)
        self.pane_splitter.insertWidget(1, first)
        self.settings.panes_swapped = self.pane_splitter.widget(0) is self.target_pane

    def show_weights(self) -> WeightsDialog:
        if self._weights_dialog is None:
            self._weights_dialog = WeightsDialog(self.scores_panel.weights, self)
            self._weights_dialog.weights_changed.connect(self._on_weights_changed)
        self._weights_dialog.show()
        self._weights_dialog.raise_()
        return self._weights_dialog

    def _on_weights_changed(self, weights: mqm.MqmWeights) -> None:
        self.scores_panel.set_weights(weights)
        self.settings.mqm_weights = weights.to_dict()

    def show_shortcuts(self) -> ShortcutsDialog:
        if self._shortcuts_dialog is None:
            self._shortcuts_dialog = ShortcutsDialog(self.actions.all, self)
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()
        return self._shortcuts_dialog

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry
        if geometry is not None and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._first_start_geometry()
        state = self.settings.window_state
        restored = state is not None and not state.isEmpty() and self.restoreState(state)
        splitter = self.settings.splitter_state
        if splitter is not None and not splitter.isEmpty():
            self.main_splitter.restoreState(splitter)
        else:
            self.main_splitter.setSizes([560, 380])
        table = self.settings.bead_table_state
        # A state saved with other columns (before the Risk column) would put widths and
        # order on the wrong columns: start from the defaults instead.
        same_columns = self.settings.bead_table_columns == self.bead_model.columnCount()
        if table is not None and not table.isEmpty() and same_columns:
            self.bead_view.horizontalHeader().restoreState(table)
            self.bead_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # bead order first
            self._fit_bead_columns()  # a state saved before the texts stretched
        panes = self.settings.pane_splitter_state
        if panes is not None and not panes.isEmpty():
            self.pane_splitter.restoreState(panes)
        if self.settings.panes_swapped:
            self.swap_panes()
        if not restored:  # first start: a sensible share for the side panels
            # editor, annotation list, suggestions/scores: each shows its rows unscrolled
            self.resizeDocks([self._docks[0], self._docks[1], self._docks[3]], [250, 230, 380],
                             Qt.Orientation.Vertical)
            self.resizeDocks([self._docks[0]], [380], Qt.Orientation.Horizontal)

    def _first_start_geometry(self) -> None:
        """No saved geometry: most of the screen (90 % of its free area), centred."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect()
        if area.width() <= 0 or area.height() <= 0:
            self.resize(1440, 900)
            return
        self.resize(round(area.width() * FIRST_START_SHARE),
                    round(area.height() * FIRST_START_SHARE))
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())

    def _fit_bead_columns(self) -> None:
        """Source and target share what the table's width leaves (in the ratio of their
        widths, which the editor sets by dragging); type, score, flags and status keep
        theirs, so they stay in view on a narrow table instead of past its edge."""
        header = self.bead_view.horizontalHeader()
        header.setStretchLastSection(False)
        if not self.bead_view.isVisible():
            return
        texts = (BeadTableModel.COL_SOURCE, BeadTableModel.COL_TARGET)
        fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in texts)
        room = self.bead_view.viewport().width() - fixed
        widths = [header.sectionSize(c) for c in texts]
        if room < 2 * 80 or sum(widths) == room:
            return
        source = max(80, round(room * widths[0] / max(1, sum(widths))))
        header.resizeSection(texts[0], source)
        header.resizeSection(texts[1], max(80, room - source))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.bead_view.viewport():
            self._fit_bead_columns()
        return super().eventFilter(watched, event)

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = self.main_splitter.saveState()
        self.settings.bead_table_state = self.bead_view.horizontalHeader().saveState()
        self.settings.bead_table_columns = self.bead_model.columnCount()
        swapped = self.pane_splitter.widget(0) is self.target_pane
        if swapped:  # store sizes in source-target order; swapping is a setting of its own
            self.swap_panes()
        self.settings.pane_splitter_state = self.pane_splitter.saveState()
        if swapped:
            self.swap_panes()
        self.settings.sync()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()][:2]
        if len(paths) == 1 and os.path.isdir(paths[0]):  # a folder: its review queue
            event.acceptProposedAction()
            self.review_queue.open_folder(paths[0])
        elif paths and self.files.maybe_save():
            event.acceptProposedAction()
            self.files.open_paths_in_background(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.cancel_alignment(wait=True)
        self.review_queue.shutdown()
        self.save_layout()
        self.files.autosave_timer.stop()
        self.engine_process.shutdown()
        if self.recovery_banner.isHidden():  # saved or discarded: our recovery copy is stale
            self.files.discard_recovery()   # (an unanswered offer of an older one is kept)
        event.accept()


