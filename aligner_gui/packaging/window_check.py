"""The window checks, offscreen: the main window drawn with its Chinese, and the time to show it.

``render_check`` builds the main window with the seed, grabs it to PNG and checks that
Chinese glyphs were drawn, not empty boxes; ``startup_time`` measures the seconds from
process start to the main window shown.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any


def _window_document(window: Any) -> Any:
    value = getattr(window, "document", None)
    value = value() if callable(value) else value
    return value if hasattr(value, "beads") else None


def _alignment_running(window: Any) -> bool:
    running = getattr(window, "alignment_running", None)
    if callable(running):
        return bool(running())
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().activeThreadCount() > 0


def _wait_for_alignment(app: Any, window: Any, timeout: float) -> bool:
    """Process events until the window's document has beads and no alignment is running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        doc = _window_document(window)
        if doc is not None and doc.beads and not _alignment_running(window):
            for _ in range(5):
                app.processEvents()
            return True
        time.sleep(0.02)
    return False


def _close_window(app: Any, window: Any) -> None:
    cancel = getattr(window, "cancel_alignment", None)
    if callable(cancel):
        try:
            cancel(wait=True)
        except TypeError:
            cancel()
    document = _window_document(window)
    if document is not None and hasattr(window, "setWindowModified"):
        window.setWindowModified(False)  # never ask to save in a check
    window.close()
    window.deleteLater()
    app.processEvents()


def _widget_texts_fonts(window: Any) -> list[Any]:
    """Fonts of the window and its views, where the seed's Chinese is shown."""
    from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QWidget

    fonts = [window.font()]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QAbstractItemView, QAbstractScrollArea)):
            font = widget.font()
            if all(font != f for f in fonts):
                fonts.append(font)
    return fonts


def _discard_changes(parent: Any, name: str) -> Any:
    """The window's "save changes?" answer in a check: never a modal dialog."""
    from aligner_gui.gui.dialogs.messages import CloseAnswer

    return CloseAnswer.DISCARD


def _make_application() -> Any:
    """The QApplication as the app makes it (names, translations), or a plain one."""
    argv = [sys.argv[0] if sys.argv else "aligner-gui"]
    try:
        from aligner_gui.gui.application import make_application
    except ImportError:
        from PySide6.QtWidgets import QApplication

        return QApplication(argv)
    return make_application(argv)


def _make_window(**options: Any) -> Any:
    from aligner_gui.gui import create_main_window

    options.setdefault("ask_save", _discard_changes)
    try:
        return create_main_window(**options)
    except TypeError:  # a window factory without these options
        return create_main_window()


def render_check(
    png_path: str | Path, *, timeout: float = 120.0, **window_options: Any
) -> list[str]:
    """Build the main window offscreen with the seed, grab it to ``png_path``, return warnings.

    An empty list means the window rendered and Chinese glyphs were drawn. Keyword options
    go to create_main_window (tests pass isolated settings).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from aligner_gui.gui.fonts import cjk_font_warnings

    warnings: list[str] = []
    app = QApplication.instance() or _make_application()
    try:
        window = _make_window(**window_options)
    except ImportError as error:
        return [f"cannot build the main window: {error}"]
    try:
        window.resize(1280, 800)
        window.show()
        if not _wait_for_alignment(app, window, timeout):
            warnings.append(f"the window did not finish aligning the seed within {timeout:.0f} s")
        pixmap = window.grab()
        if pixmap.isNull() or not pixmap.save(str(png_path), "PNG"):
            warnings.append(f"could not grab the main window to {png_path}")
        else:
            image = QImage(str(png_path))
            small = image.scaled(64, 40)
            colours = {
                small.pixel(x, y) for x in range(small.width()) for y in range(small.height())
            }
            if len(colours) < 8:
                warnings.append(f"the grabbed window {png_path} is (nearly) blank")
        for font in _widget_texts_fonts(window):
            for warning in cjk_font_warnings(font):
                if warning not in warnings:
                    warnings.append(warning)
    finally:
        _close_window(app, window)
    return warnings


# -- start-up time --------------------------------------------------------------------


def process_age() -> float | None:
    """Seconds since this process started (Linux /proc), or None where unknown."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def startup_time(timeout: float = 30.0, **window_options: Any) -> tuple[float, float]:
    """Seconds from process start to the main window shown and painted, and from there on.

    Returns (process start -> window exposed, time spent in this function). The first
    figure is what an editor waits for; it includes the interpreter and imports.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or _make_application()
    window = _make_window(**window_options)
    try:
        window.show()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            app.processEvents()
            handle = window.windowHandle()
            if window.isVisible() and handle is not None and handle.isExposed():
                break
            time.sleep(0.005)
        window.repaint()
        elapsed = time.perf_counter() - started
        age = process_age()
    finally:
        _close_window(app, window)
    return (age if age is not None else elapsed), elapsed
