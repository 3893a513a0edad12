"""The Qt review window. ``create_main_window`` is the automation entry point."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner_gui.gui import qtfix

if TYPE_CHECKING:
    from aligner_gui.gui.main_window import MainWindow

qtfix.apply()  # before any Qt call: PySide6 6.12 on Python 3.11 leaks None references


def create_main_window(
    path: str | Path | Sequence[str | Path] | None = None, **options: Any
) -> MainWindow:
    """The main window, not shown, with the file (or the bundled seed) loaded and alignment started.

    ``path`` may be a project JSON, a bilingual text, or two texts. Keyword options
    (``settings``, ``engine``, ``report_error``, ``ask_save``) replace the defaults,
    which is how tests stay isolated. No modal dialog is opened.
    """
    from PySide6.QtWidgets import QApplication

    from aligner_gui.core.resources import seed_path
    from aligner_gui.gui.main_window import MainWindow

    if QApplication.instance() is None:
        from aligner_gui.app import make_application

        make_application([])
    window = MainWindow(**options)
    if path is None:
        paths: list[str | Path] = [seed_path()]
    elif isinstance(path, (str, Path)):
        paths = [path]
    else:
        paths = list(path)
    window.files.offer_recovery()
    window.files.open_paths(paths)
    return window


__all__ = ["create_main_window"]
