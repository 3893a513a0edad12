"""The review window: assembles panes, table, panels, actions and controllers.

Operations live in the controllers (gui/controllers/: files, alignment, review, QA checks),
the selection in selection.py, the layout kept between sessions in window_state.py. The
document is the only source of truth and every change goes through the undo stack.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QSplitter, QToolBar, QVBoxLayout, QWidget

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.core.scoring import mqm
from aligner_gui.gui import action_wiring
from aligner_gui.gui.actions import Actions
from aligner_gui.gui.bead_table import BeadTable
from aligner_gui.gui.controllers.alignment import AlignmentController
from aligner_gui.gui.controllers.direction import DirectionController
from aligner_gui.gui.controllers.files import FileController
from aligner_gui.gui.controllers.qa_checks import QaChecksMenu
from aligner_gui.gui.controllers.review import ReviewController
from aligner_gui.gui.dialogs import messages
from aligner_gui.gui.dialogs.recovery import RecoveryBanner
from aligner_gui.gui.dialogs.shortcuts import ShortcutsDialog
from aligner_gui.gui.dialogs.weights import WeightsDialog
from aligner_gui.gui.engine import Engine
from aligner_gui.gui.engine_process import EngineProcess
from aligner_gui.gui.icons import icon
from aligner_gui.gui.pane_scroll import PaneScrollSync
from aligner_gui.gui.panels.annotation_editor import AnnotationEditor
from aligner_gui.gui.panels.lists import AnnotationList, SuggestionList
from aligner_gui.gui.panels.scores import ScoresPanel
from aligner_gui.gui.panes import OverviewStrip, TextPane
from aligner_gui.gui.panes.coverage_lens import CoverageLens
from aligner_gui.gui.panes.suspects import SuspectLens
from aligner_gui.gui.queue.dock import ReviewQueueDock
from aligner_gui.gui.selection import Selection
from aligner_gui.gui.settings import Settings
from aligner_gui.gui.side_docks import SideDocks
from aligner_gui.gui.status_bar import StatusIndicators
from aligner_gui.gui.view_commands import ViewCommands
from aligner_gui.gui.window_state import WindowState

log = logging.getLogger(__name__)

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

        self.actions = Actions(self)
        self.review = ReviewController(self, parent=self)
        self.alignment = AlignmentController(self, parent=self)
        self.alignment_started = self.alignment.started
        self.alignment_finished = self.alignment.finished  # (applied: bool)
        self._build_widgets()
        menus = self.actions.build_menus(self.menuBar())
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        self.actions.build_toolbar(toolbar)
        self.addToolBar(toolbar)
        view_menu: Any = menus["view"]
        for dock in self.docks.all:
            view_menu.addAction(dock.toggleViewAction())
        self.files = FileController(self, parent=self)
        self.files.recent_menu = menus["recent"]  # type: ignore[assignment]
        self.files.refresh_recent_menu()
        self.files.build_export_menu(menus["export"])  # type: ignore[arg-type]
        self.qa_checks = QaChecksMenu(self, menus["qa_checks"])  # type: ignore[arg-type]
        self.direction = DirectionController(self, self.actions.chinese_original)
        self.document_installed.connect(self.direction.hint)
        self.alignment_finished.connect(lambda applied: applied and self.direction.hint())
        self._connect_actions()
        self.actions.set_document_open(False)
        self.view.apply_font(float(self.settings.font_size))
        self.window_state.restore()
        self.review_queue = ReviewQueueDock(self, menus, parent=self)  # shown when a folder is open
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

        self.bead_table = BeadTable()
        self.bead_model = self.bead_table.model
        self.bead_proxy = self.bead_table.proxy
        self.bead_view = self.bead_table.view
        self.bead_filter = self.bead_table.filter
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(pane_row)
        self.main_splitter.addWidget(self.bead_table)
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
        self.docks = SideDocks(self, self.annotation_editor, self.annotation_list,
                               self.suggestion_list, self.scores_panel)

        self.status = StatusIndicators(self)
        self.progress = self.status.progress
        self.cancel_button = self.status.cancel_button
        self.position_label = self.status.position_label
        self.background_busy = self.status.background_busy
        self.background_status = self.status.background_status
        self.suggestion_model.computing_changed.connect(self._on_background_work_changed)
        self.alignment.rescoring_changed.connect(self._on_background_work_changed)

        self.selection = Selection(
            lambda: self.document, panes=(self.source_pane, self.target_pane),
            table=self.bead_table, overview=self.overview, annotations=self.annotation_list,
            editor=self.annotation_editor, suggestions=self.suggestion_list,
            status=self.status, parent=self)
        self.view = ViewCommands(
            self, self.settings, panes=(self.source_pane, self.target_pane),
            scores_panel=self.scores_panel, actions=self.actions, bead_filter=self.bead_filter,
            docks=self.docks, editor=self.annotation_editor,
            annotation_view=self.annotation_view)
        self.window_state = WindowState(
            self, self.settings, main_splitter=self.main_splitter,
            pane_splitter=self.pane_splitter, target_pane=self.target_pane,
            table=self.bead_table, docks=self.docks)

    def _connect_actions(self) -> None:
        a = self.actions
        action_wiring.connect_file_actions(a, self.files)
        a.quit.triggered.connect(self.close)
        action_wiring.connect_undo_actions(a, self.undo_stack)
        action_wiring.follow_undo(self.undo_stack, self.select_bead)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        action_wiring.connect_review_actions(a, self.review)
        a.align.triggered.connect(self.realign)
        a.cancel_alignment.triggered.connect(self.cancel_alignment)
        action_wiring.connect_view_actions(a, self.view)
        a.swap_panes.triggered.connect(self.swap_panes)
        self.coverage_lens.bind_action(a.coverage_lens, self.settings)
        self.suspect_lens.bind_action(a.risk_suspects, self.settings)
        a.focus_table.triggered.connect(self.bead_view.setFocus)
        a.focus_source.triggered.connect(self.source_pane.focus_current_bead)
        a.focus_target.triggered.connect(self.target_pane.focus_current_bead)
        self.cancel_button.clicked.connect(self.cancel_alignment)
        self.recovery_banner.recover_requested.connect(self.files.recover)
        self.recovery_banner.discard_requested.connect(self.files.discard_recovery)
        action_wiring.add_context_menus(a, self.bead_view, (self.source_pane, self.target_pane))
        self.setAcceptDrops(True)
        self.selection.connect_views()
        self.scroll_sync = PaneScrollSync(self.source_pane, self.target_pane, self.overview, self)
        self.suggestion_view.activated.connect(  # Enter or double-click accepts
            lambda index: self.review.accept_suggestion(self.suggestion_model.suggestion(
                index.row())) if index.row() < self.suggestion_model.rowCount() else None)
        self.annotation_editor.change_requested.connect(self.review.change_annotation)
        self.annotation_editor.delete_requested.connect(self.review.delete_annotation)
        self.annotation_editor.leave_requested.connect(self.bead_view.setFocus)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.annotation_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.review.delete_annotation())

    # -- document -----------------------------------------------------------------------
    def install_document(self, document: AlignmentDocument, *, align: bool = True) -> None:
        """Show a new document; align it in the background if it has no beads yet."""
        self.cancel_alignment(wait=True)
        self.undo_stack.clear()
        self.document = document
        self.selection.set_document(document)
        self.bead_filter.clear()
        for widget in (self.alignment, self.bead_model, self.annotation_model,
                       self.suggestion_model,
                       self.source_pane, self.target_pane, self.overview, self.annotation_editor,
                       self.scores_panel, self.coverage_lens, self.suspect_lens):
            widget.set_document(document)
        self.update_title()
        self.actions.set_document_open(True)
        self.document_installed.emit()
        if align and not document.beads:
            self.start_alignment()
        elif document.beads:
            self.select_bead(0)

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

    def _on_background_work_changed(self, _busy: bool) -> None:
        self.status.show_background_work(self.suggestion_model.computing(),
                                         self.alignment.rescoring())

    # -- alignment (see controllers/alignment.py) ---------------------------------------
    def alignment_running(self) -> bool:
        return self.alignment.running()

    def start_alignment(self) -> bool:
        return self.alignment.start()

    def realign(self) -> None:
        rows = self.selected_beads()
        self.alignment.realign(self.current_bead(), max(rows) if len(rows) > 1 else None)

    def cancel_alignment(self, wait: bool = False) -> None:
        self.alignment.cancel(wait)

    # -- selection (the automation contract; see selection.py) --------------------------
    def select_bead(self, row: int) -> None:
        """Make bead ``row`` current (row = bead index in the file), scrolling both panes."""
        self.selection.select_bead(row)

    def select_span(self, side: str, start: int, end: int) -> None:
        """Select text in a pane (code-point offsets), as the editor's mouse would."""
        self.selection.select_span(side, start, end)

    def current_bead(self) -> int | None:
        return self.selection.current_bead()

    def selected_beads(self) -> list[int]:
        return self.selection.selected_beads()

    def current_span(self) -> tuple[str, int, int] | None:
        return self.selection.current_span()

    def chosen_sentence(self) -> tuple[str, int] | None:
        """The sentence the editor clicked last (side, id): where a split cuts."""
        return self.selection.chosen_sentence()

    def chosen_sentence_on(self, side: str) -> int | None:
        return self.selection.chosen_sentence_on(side)

    def _on_pane_sentence_clicked(self, side: str, sentence: int) -> None:
        """A click on a sentence of a pane (as the panes report it)."""
        self.selection.choose_sentence(side, sentence)

    def pane(self, side: str) -> TextPane:
        return self.selection.pane(side)

    def current_suggestion(self) -> mqm.Suggestion | None:
        """The suggestion Y/X act on: the current bead's, else the one selected in the list."""
        return self.selection.current_suggestion()

    def show_annotation(self, annotation_id: str) -> None:
        """Put an annotation in the side panel and select it in the list."""
        self.selection.show_annotation(annotation_id)

    # -- view (see view_commands.py and window_state.py) --------------------------------
    def save_to(self, path: Any) -> bool:
        return self.files.save_to(path)

    def swap_panes(self) -> None:
        self.window_state.swap_panes()

    def show_weights(self) -> WeightsDialog:
        return self.view.show_weights()

    def show_shortcuts(self) -> ShortcutsDialog:
        return self.view.show_shortcuts()

    def save_layout(self) -> None:
        self.window_state.save()

    # -- events -------------------------------------------------------------------------
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
