"""The View and Help commands: zoom, going to a pane or list, the weights and shortcuts
dialogs and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTableView

from aligner_gui import __version__
from aligner_gui.core.scoring import mqm
from aligner_gui.gui.actions import Actions
from aligner_gui.gui.dialogs.shortcuts import ShortcutsDialog
from aligner_gui.gui.dialogs.weights import WeightsDialog
from aligner_gui.gui.fonts import cjk_font
from aligner_gui.gui.panels.annotation_editor import AnnotationEditor
from aligner_gui.gui.panels.bead_filter import BeadFilterBar
from aligner_gui.gui.panels.scores import ScoresPanel
from aligner_gui.gui.panes import TextPane
from aligner_gui.gui.settings import Settings
from aligner_gui.gui.side_docks import SideDocks, bring_forward


class ViewCommands:
    """The commands that change what the window shows, not the document."""

    def __init__(self, window: QMainWindow, settings: Settings, *,
                 panes: tuple[TextPane, TextPane], scores_panel: ScoresPanel, actions: Actions,
                 bead_filter: BeadFilterBar, docks: SideDocks, editor: AnnotationEditor,
                 annotation_view: QTableView) -> None:
        self.window = window
        self.settings = settings
        self.panes = panes
        self.scores_panel = scores_panel
        self.actions = actions
        self.bead_filter = bead_filter
        self.docks = docks
        self.editor = editor
        self.annotation_view = annotation_view
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self._weights_dialog: WeightsDialog | None = None

    # -- zoom ---------------------------------------------------------------------------
    @property
    def font_size(self) -> float:
        return float(self.panes[0].font().pointSizeF())

    def apply_font(self, size: float) -> None:
        size = max(8.0, min(32.0, size))
        for pane in self.panes:
            font = cjk_font(size)
            pane.setFont(font)
            pane.schedule_decorations()
        self.settings.font_size = size

    # -- language -----------------------------------------------------------------------
    def show_language(self) -> None:
        """Check the saved choice in View › Language ("" follows the system)."""
        saved = str(self.settings.ui_language or "")
        action = self.actions.languages.get(saved) or self.actions.languages[""]
        action.setChecked(True)

    def choose_language(self, code: str) -> None:
        """Save the window's language for the next start (Qt sets the language of the
        menus and dialogs as the application starts)."""
        if code == str(self.settings.ui_language or ""):
            return
        self.settings.ui_language = code
        self.window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "The new language applies when aligner-gui starts again."), 8000)

    # -- going to -----------------------------------------------------------------------
    def find(self) -> None:
        self.bead_filter.search.setFocus()
        self.bead_filter.search.selectAll()

    def edit_comment(self) -> None:
        if self.editor.annotation_id is None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "No annotation selected."), 4000)
            return
        bring_forward(self.docks.editor)
        self.editor.comment.setFocus()
        self.editor.comment.selectAll()

    def focus_annotations(self) -> None:
        bring_forward(self.docks.annotations)
        self.annotation_view.setFocus()

    # -- dialogs ------------------------------------------------------------------------
    def show_weights(self) -> WeightsDialog:
        if self._weights_dialog is None:
            self._weights_dialog = WeightsDialog(self.scores_panel.weights, self.window)
            self._weights_dialog.weights_changed.connect(self._on_weights_changed)
        self._weights_dialog.show()
        self._weights_dialog.raise_()
        return self._weights_dialog

    def _on_weights_changed(self, weights: mqm.MqmWeights) -> None:
        self.scores_panel.set_weights(weights)
        self.settings.mqm_weights = weights.to_dict()

    def show_shortcuts(self) -> ShortcutsDialog:
        if self._shortcuts_dialog is None:
            self._shortcuts_dialog = ShortcutsDialog(self.actions.all, self.window)
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()
        return self._shortcuts_dialog

    def about(self) -> None:
        QMessageBox.about(
            self.window, QCoreApplication.translate("MainWindow", "About aligner-gui"),
            QCoreApplication.translate(
                "MainWindow", "aligner-gui {0}: review Chinese translations of English news "
                              "with sentence alignment and MQM annotation.").format(__version__))
