"""The Qt review window. ``create_main_window`` is the automation entry point.

``create_folder_window`` opens the same window on a folder's review queue instead.
"""

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
    from aligner_gui.core.resources import seed_path
    from aligner_gui.gui.application import ensure_application
    from aligner_gui.gui.main_window import MainWindow

    ensure_application()
    window = MainWindow(**options)
    if path is None:
        paths: list[str | Path] = [seed_path()]
    elif isinstance(path, (str, Path)):
        paths = [path]
    else:
        paths = list(path)
    window.files.offer_recovery()
    if path is None:  # the bundled seed is an English original, whatever texts are set to
        chosen, window.engine.source_lang = getattr(window.engine, "source_lang", "en"), "en"
        window.files.open_paths(paths)
        window.engine.source_lang = chosen
    else:
        window.files.open_paths(paths)
    return window


def create_folder_window(folder: str | Path, **options: Any) -> MainWindow:
    """The main window, not shown, with the review queue on ``folder`` and no document open
    (the editor picks one from the list). Options as for ``create_main_window``."""
    from aligner_gui.gui.application import ensure_application
    from aligner_gui.gui.main_window import MainWindow

    ensure_application()
    window = MainWindow(**options)
    window.files.offer_recovery()
    if window.review_queue.open_folder(folder):
        window.review_queue.say_how_to_start()
    return window


__all__ = ["create_folder_window", "create_main_window"]
