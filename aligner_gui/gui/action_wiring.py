"""Which method each of the window's actions runs (menus, toolbar, keys and context menus)."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTableView

from aligner_gui.gui.actions import Actions
from aligner_gui.gui.commands import ReplaceBeadsCommand
from aligner_gui.gui.controllers.files import FileController
from aligner_gui.gui.controllers.review import ReviewController
from aligner_gui.gui.panes import TextPane
from aligner_gui.gui.view_commands import ViewCommands


def connect_file_actions(a: Actions, files: FileController) -> None:
    a.open.triggered.connect(files.open_dialog)
    a.save.triggered.connect(files.save)
    a.save_as.triggered.connect(files.save_as)
    a.import_file.triggered.connect(files.import_dialog)
    a.load_glossary.triggered.connect(files.glossary_dialog)
    a.clear_glossary.triggered.connect(files.clear_glossary)


def follow_undo(undo_stack: QUndoStack, select_bead: Callable[[int], None]) -> None:
    """After an undo or redo of an alignment edit, show its bead: Ctrl+Z at bead 20 put
    back bead 4 out of sight. A new edit (a push) leaves the selection to its action."""
    seen = [undo_stack.index(), undo_stack.count()]

    def changed(index: int) -> None:
        if not shiboken6.isValid(undo_stack):
            return  # the stack empties itself as its window is deleted
        last, count = seen
        seen[:] = [index, undo_stack.count()]
        if undo_stack.count() != count or index == last:
            return  # a push (or a clean stack)
        command = undo_stack.command(index if index < last else index - 1)
        if isinstance(command, ReplaceBeadsCommand) and command.document.beads:
            select_bead(min(command.start, len(command.document.beads) - 1))

    undo_stack.indexChanged.connect(changed)


def connect_undo_actions(a: Actions, undo_stack: QUndoStack) -> None:
    """Undo and redo, enabled only while there is something to undo or redo."""
    a.undo.triggered.connect(undo_stack.undo)
    a.redo.triggered.connect(undo_stack.redo)
    a.undo.setEnabled(False)
    a.redo.setEnabled(False)
    undo_stack.canUndoChanged.connect(a.undo.setEnabled)
    undo_stack.canRedoChanged.connect(a.redo.setEnabled)
    # "Undo Merge beads": the menu and the toolbar's tooltip say what a press undoes.
    undo_stack.undoTextChanged.connect(lambda text: a.undo.setText(
        QCoreApplication.translate("Actions", "&Undo {0}").format(text) if text
        else QCoreApplication.translate("Actions", "&Undo")))
    undo_stack.redoTextChanged.connect(lambda text: a.redo.setText(
        QCoreApplication.translate("Actions", "&Redo {0}").format(text) if text
        else QCoreApplication.translate("Actions", "&Redo")))


def connect_review_actions(a: Actions, r: ReviewController) -> None:
    """Navigation, marking, suggestions and alignment edits."""
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
    a.accept_suggestion.triggered.connect(lambda: r.accept_suggestion())
    a.dismiss_suggestion.triggered.connect(lambda: r.dismiss_suggestion())
    a.merge_with_next.triggered.connect(r.merge_with_next)
    a.split_bead.triggered.connect(r.split_bead)
    a.unlink.triggered.connect(r.unlink)
    a.confirm.triggered.connect(r.confirm)
    a.move_source_up.triggered.connect(lambda: r.move_sentence("source", "first"))
    a.move_source_down.triggered.connect(lambda: r.move_sentence("source", "last"))
    a.move_target_up.triggered.connect(lambda: r.move_sentence("target", "first"))
    a.move_target_down.triggered.connect(lambda: r.move_sentence("target", "last"))


def connect_view_actions(a: Actions, view: ViewCommands) -> None:
    """Find, zoom, going to a pane or list, dialogs and About."""
    a.find.triggered.connect(view.find)
    a.edit_comment.triggered.connect(view.edit_comment)
    a.zoom_in.triggered.connect(lambda: view.apply_font(view.font_size + 1))
    a.zoom_out.triggered.connect(lambda: view.apply_font(view.font_size - 1))
    a.zoom_reset.triggered.connect(lambda: view.apply_font(12.0))
    a.focus_annotations.triggered.connect(view.focus_annotations)
    a.shortcuts.triggered.connect(view.show_shortcuts)
    a.mqm_weights.triggered.connect(view.show_weights)
    a.about.triggered.connect(view.about)
    view.show_language()
    for code, action in a.languages.items():
        action.triggered.connect(lambda _checked=False, code=code: view.choose_language(code))


def add_context_menus(a: Actions, bead_view: QTableView, panes: tuple[TextPane, ...]) -> None:
    """Right-click menus: the bead table's alignment edits and marks, the panes' marks."""
    bead_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    bead_view.addActions([a.confirm, a.merge_with_next, a.split_bead, a.unlink,
                          a.move_source_up, a.move_source_down, a.move_target_up,
                          a.move_target_down, a.align, a.mark_omission,
                          a.mark_mistranslation, a.mark_addition])
    for pane in panes:
        pane.extra_actions = [a.mark_omission, a.mark_mistranslation, a.mark_addition,
                              a.mark_other, a.split_bead]
