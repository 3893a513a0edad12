"""Review -> QA checks: switch each QA check on or off for the open project.

The choice lives in the document (``meta["disabled_checks"]``, saved with the project)
and changes through an undoable command; the menu only shows it, reading the document
again when it opens, when a document is installed and after each undo or redo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from aligner_gui.core.qe.checks import CHECKS, DISABLED_KEY, disabled_checks
from aligner_gui.gui import commands
from aligner_gui.gui.display_names import flag_name

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from aligner_gui.core.model import AlignmentDocument
    from aligner_gui.gui.models import SuggestionTableModel


class QaChecksHost(Protocol):
    """What the menu uses of the window."""

    document: AlignmentDocument | None
    undo_stack: QUndoStack
    suggestion_model: SuggestionTableModel  # refreshed when a check is switched
    document_installed: SignalInstance


class QaChecksMenu(QObject):
    """The checkable submenu; ``window`` gives the document, undo stack and suggestions."""

    def __init__(self, window: QaChecksHost, menu: QMenu) -> None:
        super().__init__(menu)
        self.window = window
        self.menu = menu
        menu.setObjectName("menuQaChecks")
        self.actions: dict[str, QAction] = {}
        menu.setToolTipsVisible(True)
        about = self._descriptions()
        for check in CHECKS:
            action = QAction(flag_name(check), menu)
            action.setObjectName(f"actionCheck_{check}")
            action.setToolTip(about.get(check, flag_name(check)))
            action.setCheckable(True)
            action.toggled.connect(lambda on, name=check: self._on_action_toggled(name, on))
            menu.addAction(action)
            self.actions[check] = action
        menu.aboutToShow.connect(self.sync)
        window.document_installed.connect(self.sync)
        window.undo_stack.indexChanged.connect(lambda _index: self.sync())
        self.sync()

    def _descriptions(self) -> dict[str, str]:
        """What each check looks for, for its tooltip (the names alone are terse)."""
        return {
            "numbers": self.tr("A number, date, unit or currency changed or missing"),
            "names": self.tr("A person or place rendered as another name"),
            "negation": self.tr("A negation on one side and none on the other"),
            "direction": self.tr("A figure that rises on one side and falls on the other, "
                                 "or 'more than' against 'less than'"),
            "hedges": self.tr("A hedge (about, reportedly, may) dropped or added"),
            "idioms": self.tr("An idiom translated word for word"),
            "untranslated": self.tr("Chinese left in the English, or English words copied "
                                    "into the Chinese"),
            "inconsistency": self.tr("The same sentence or term translated differently"),
            "glossary": self.tr("A glossary term without its translation (File → Load "
                                "glossary…)"),
            "punctuation": self.tr("Brackets, quotation or question marks not carried over"),
            "repeated-words": self.tr("The same word twice in a row"),
            "urls": self.tr("A link, e-mail address, hashtag or @handle that differs"),
        }

    def sync(self) -> None:
        """Show the open document's choice (all on without a document)."""
        doc = self.window.document
        off = disabled_checks(doc) if doc is not None else set()
        for check, action in self.actions.items():
            action.blockSignals(True)
            action.setChecked(check not in off)
            action.setEnabled(doc is not None)
            action.blockSignals(False)

    def _on_action_toggled(self, check: str, on: bool) -> None:
        doc = self.window.document
        if doc is None:
            return
        off = disabled_checks(doc)
        if on:
            off.discard(check)
            text = self.tr("Turn on the {0} check").format(flag_name(check))
        else:
            off.add(check)
            text = self.tr("Turn off the {0} check").format(flag_name(check))
        value = [c for c in CHECKS if c in off] or None
        self.window.undo_stack.push(
            commands.SetMetaCommand(
                doc, DISABLED_KEY, value, text, self.window.suggestion_model.schedule_refresh
            )
        )
