"""How the window tells the editor about errors and asks before losing work.

Both are injectable: tests replace them, so no modal dialog ever blocks a test run.
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


class CloseAnswer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class _OpenWhenShown(QObject):
    """Opens a message box once its not-yet-shown parent window appears."""

    def __init__(self, parent: QWidget, box: QMessageBox) -> None:
        super().__init__(parent)
        self.box = box
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.box.open)
            self.deleteLater()
        return False


def show_error(parent: QWidget, title: str, message: str) -> None:
    """A one-line message in a window-modal box that does not block the caller.

    While the window is not shown yet (a file given on the command line failed to
    load), the box waits for it: nothing pops up before the window does.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, message.splitlines()[0] if message else "",
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if parent is not None and not parent.isVisible():
        _OpenWhenShown(parent, box)
    else:
        box.open()


HEADLESS_PLATFORMS = ("offscreen", "minimal")


def ask_save_changes(parent: QWidget, name: str) -> CloseAnswer:
    """Save, discard or cancel; on a headless platform nobody could answer, so discard."""
    if QGuiApplication.platformName() in HEADLESS_PLATFORMS:
        log.warning("closing %s with unsaved changes on a headless display: discarded", name)
        return CloseAnswer.DISCARD
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("messages", "Unsaved changes"))
    box.setText(QCoreApplication.translate("messages", "Save the changes to {0}?").format(name))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return CloseAnswer.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return CloseAnswer.DISCARD
    return CloseAnswer.CANCEL
