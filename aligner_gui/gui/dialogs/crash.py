"""The report after an unhandled exception: what happened, where the work is, the traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from aligner_gui import __version__


class CrashDialog(QDialog):
    """Non-modal: the window stays usable, so the editor can save and go on."""

    def __init__(self, summary: str, text: str, saved: list[Path], parent: Any = None, *,
                 failed: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("aligner-gui: unexpected error"))
        self.summary = summary
        self.traceback_text = text
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("Something went wrong inside aligner-gui: {0}").format(summary))
        head.setWordWrap(True)
        layout.addWidget(head)
        if saved:
            where = "\n".join(str(p) for p in saved)
            note = self.tr("A recovery copy of your work was saved:\n{0}\n"
                           "Save your project now; if the window misbehaves, restart "
                           "aligner-gui and it will offer to restore the copy.").format(where)
        elif failed:
            note = self.tr("A recovery copy could not be written ({0}). Your work is still "
                           "open: save it now with File › Save As.").format("; ".join(failed))
        else:
            note = self.tr("There were no unsaved changes to rescue.")
        self.saved_label = QLabel(note)
        self.saved_label.setObjectName("crashSaved")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.saved_label)
        self.details = QPlainTextEdit(text)
        self.details.setObjectName("crashTraceback")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumSize(620, 240)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("copyReport")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def report(self) -> str:
        return f"aligner-gui {__version__}\n{self.summary}\n\n{self.traceback_text}"

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.copy_button.setText(self.tr("Copied"))
