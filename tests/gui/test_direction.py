"""Alignment -> Chinese is the original: texts are read the other way round, the choice
is remembered, and the open document follows when nothing would be lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction

ZH = "老王在胡同口开了一家小卖部。\n\n街坊们都搬走了，老王却不肯走。\n\n儿子劝了他好几次。\n"
EN = ("Old Wang opened a small shop at the mouth of the hutong.\n\n"
      "The neighbours all moved away.\n\nHis son tried to talk him round several times.\n")


def _texts(tmp_path: Path) -> list[Path]:
    zh, en = tmp_path / "story.zh.txt", tmp_path / "story.en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return [zh, en]


def test_chinese_original_reads_the_open_texts_again(qtbot: Any, gui_settings: Any,
                                                     recorder: Any, tmp_path: Path) -> None:
    from aligner_gui.gui import create_main_window

    paths = _texts(tmp_path)
    window = create_main_window(paths, settings=gui_settings,
                                report_error=recorder.report_error, ask_save=recorder.ask_save)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.alignment_running(), timeout=120000)
    assert window.document.source.lang == "en"  # the default: English is the original
    action = window.findChild(QAction, "actionChineseOriginal")
    assert not action.isChecked()
    action.trigger()
    qtbot.waitUntil(lambda: window.document.source.lang == "zh", timeout=60000)
    qtbot.waitUntil(lambda: not window.alignment_running(), timeout=120000)
    assert gui_settings.source_lang == "zh" and window.engine.source_lang == "zh"
    doc = window.document
    dropped = next(k for k, s in enumerate(doc.source.sentences) if "不肯走" in s.text)
    assert any(dropped in b.source for b in doc.beads)  # the Chinese is the source now
    assert recorder.errors == []
    # An annotated document keeps its direction; the next texts opened follow the choice.
    doc.annotations.append(_annotation(doc))
    action.trigger()
    assert window.document is doc and doc.source.lang == "zh"
    assert gui_settings.source_lang == "en"
    assert "keeps its direction" in window.statusBar().currentMessage()
    action.trigger()  # back on: the document reads the Chinese as the original already
    assert "already takes the Chinese as the original" in window.statusBar().currentMessage()


def test_the_choice_is_remembered_and_the_seed_stays_english(qtbot: Any, gui_settings: Any,
                                                            recorder: Any) -> None:
    from aligner_gui.gui import create_main_window

    gui_settings.source_lang = "zh"
    window = create_main_window(settings=gui_settings, report_error=recorder.report_error,
                                ask_save=recorder.ask_save)
    qtbot.addWidget(window)
    assert window.findChild(QAction, "actionChineseOriginal").isChecked()
    assert window.engine.source_lang == "zh"
    assert window.document.source.lang == "en"  # the bundled seed is an English original
    qtbot.waitUntil(lambda: not window.alignment_running(), timeout=120000)


def _annotation(doc: Any) -> Any:
    from aligner_gui.core.model import Annotation

    s = doc.source.sentences[0]
    return Annotation(side="source", start=s.start, end=s.end, type="omission",
                      category="Accuracy/Omission", severity="major", text=s.text)
