"""The review queue of a folder of documents: a dock on the review window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner_gui.gui.queue.dock import ReviewQueueDock

if TYPE_CHECKING:
    from aligner_gui.gui.main_window import MainWindow


def create_folder_window(folder: str | Path, **options: Any) -> MainWindow:
    """The main window, not shown, with the review queue on ``folder`` and no document open
    (the editor picks one from the list). Options as for ``create_main_window``."""
    from PySide6.QtWidgets import QApplication

    from aligner_gui.gui.main_window import MainWindow

    if QApplication.instance() is None:
        from aligner_gui.app import make_application

        make_application([])
    window = MainWindow(**options)
    window.files.offer_recovery()
    if window.review_queue.open_folder(folder):
        window.review_queue.say_how_to_start()
    return window


__all__ = ["ReviewQueueDock", "create_folder_window"]
