"""Without a Chinese font the app says so (a non-modal warning), instead of drawing boxes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from aligner_gui import app
from aligner_gui.gui import fonts


def test_missing_chinese_font_is_a_clear_warning(make_window: Any, monkeypatch: Any) -> None:
    window = make_window()
    monkeypatch.setattr(fonts, "cjk_font_warnings", lambda *a, **k: ["no Chinese font"])
    app._warn_without_chinese_font(window)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "no Chinese font" in boxes[0].informativeText()
    assert boxes[0].windowModality() == Qt.WindowModality.NonModal  # the window stays usable
    assert "Chinese" in window.statusBar().currentMessage()
    boxes[0].close()


def test_no_warning_when_chinese_can_be_drawn(make_window: Any, monkeypatch: Any) -> None:
    window = make_window()
    monkeypatch.setattr(fonts, "cjk_font_warnings", lambda *a, **k: [])
    app._warn_without_chinese_font(window)
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
