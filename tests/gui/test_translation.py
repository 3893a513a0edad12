"""The shipped Simplified Chinese UI translation loads and covers the window's strings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from aligner_gui.app import load_translation
from aligner_gui.core.resources import resource


def test_ts_file_is_complete() -> None:
    text = resource("translations", "aligner_gui_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


def test_zh_translation_applies(make_window: Any) -> None:
    translator = QTranslator()
    assert load_translation(translator, QLocale("zh_CN"))
    app = QApplication.instance()
    app.installTranslator(translator)
    try:
        window = make_window()
        assert window.actions.mark_omission.text() == "标记漏译(&O)"
        assert window.bead_model.headerData(0, Qt.Orientation.Horizontal) == "原文"
    finally:
        app.removeTranslator(translator)
