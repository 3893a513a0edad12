"""The shipped Simplified Chinese UI translation loads and covers the window's strings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from aligner_gui.core.resources import resource
from aligner_gui.gui.application import load_translation


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
        assert window.bead_model.headerData(0, Qt.Orientation.Horizontal) == "原文（英文）"
    finally:
        app.removeTranslator(translator)


@pytest.fixture
def zh_translator() -> Iterator[QTranslator]:
    translator = QTranslator()
    assert load_translation(translator, QLocale("zh_CN"))
    app = QApplication.instance()
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


def test_display_names_cover_what_core_stores() -> None:
    from aligner_gui.core import model
    from aligner_gui.core.qe.checks import CHECKS
    from aligner_gui.core.scoring import mqm
    from aligner_gui.gui import display_names

    engine_flags = {model.FLAG_OMISSION, model.FLAG_ADDITION, model.FLAG_LOW_SCORE,
                    model.FLAG_NUMBER_MISMATCH, model.FLAG_NAME_MISMATCH,
                    *model.OMISSION_CLASSES}
    assert engine_flags == set(display_names.FLAG_NAMES)
    assert set(CHECKS) <= set(display_names.CHECK_NAMES)
    assert set(mqm.CATEGORY_NAMES) <= set(display_names.CATEGORY_NAMES)
    # The tables copied for lupdate stay in step with what core and io say.
    from aligner_gui.io.formats import EXPORTERS

    labels = {e.label.partition(" (")[0] for e in EXPORTERS.values()}
    assert labels == set(display_names.EXPORT_NAMES)
    values = {*model.SEVERITIES, *model.BEAD_STATUSES, "source", "target"}
    assert values <= set(display_names.VALUE_NAMES)
    import inspect

    from aligner_gui.core import edits

    code = inspect.getsource(edits)  # each refusal the window translates is one edits says
    for message in display_names.EDIT_MESSAGES:  # up to a side name, which edits fills in
        fixed = message.rpartition("{0}")[2].split(" source")[0].split(" target")[0]
        assert fixed in code, message


def test_flags_and_categories_shown_in_chinese_stored_in_english(
        make_window: Any, qtbot: Any, zh_translator: QTranslator) -> None:
    from aligner_gui.gui.display_names import category_name, span_flag_name

    window = make_window()
    doc = window.document
    suggestions = window.suggestion_model
    qtbot.waitUntil(lambda: suggestions.rowCount() > 0)
    row = next(r for r in range(suggestions.rowCount())
               if suggestions.suggestion(r).flag == "omission")
    assert suggestions.index(row, suggestions.COL_FLAG).data() == "漏译"
    assert suggestions.index(row, suggestions.COL_TYPE).data() == "漏译"  # 准确性/ below
    assert suggestions.explain(row).startswith("准确性/漏译 · ")
    assert suggestions.suggestion(row).annotation.category == "Accuracy/Omission"
    flags = window.bead_model.index(1, window.bead_model.COL_FLAGS)
    assert flags.data() == "漏译, 更多链接"
    assert doc.beads[1].flags == ["omission", "more-link"]
    bar = window.bead_filter
    entry = bar.flag.findData("photo-caption")
    assert bar.flag.itemText(entry) == "图片说明"
    window.select_bead(1)
    action = window.actions.mark_omission
    action.trigger()
    annotation = doc.annotations[0]
    editor = window.annotation_editor
    assert annotation.category == "Accuracy/Omission"
    assert editor.category.currentText() == "准确性/漏译"
    assert editor.category.currentData() == "Accuracy/Omission"
    grammar = editor.category.findData("Fluency/Grammar")
    assert editor.category.itemText(grammar) == "流畅性/语法"
    editor.category.setCurrentIndex(grammar)  # picking a translated entry stores English
    assert (annotation.category, annotation.type) == ("Fluency/Grammar", "grammar")
    listed = window.annotation_model.index(0, window.annotation_model.COL_CATEGORY)
    assert listed.data() == "流畅性/语法"
    assert listed.data(Qt.ItemDataRole.EditRole) == "Fluency/Grammar"
    assert category_name("Accuracy/Made up") == "准确性/Made up"  # imported: the known half
    assert span_flag_name("check:names:target:5-9") == "人名 译文"
    panel = window.scores_panel  # the scores panel read "major 1" and "Fluency 1"
    panel.refresh()
    qtbot.waitUntil(lambda: panel.text("severity") != "–")
    assert "major" not in panel.text("severity") and "Fluency" not in panel.text("category")
    assert panel.text("category").startswith("流畅性")


def test_font_warnings_are_translated(zh_translator: QTranslator) -> None:
    from PySide6.QtCore import QCoreApplication

    from aligner_gui.gui import fonts

    for text in (fonts.NO_CJK_FONT, fonts.NO_GLYPHS, fonts.DRAWN_AS_MISSING):
        assert QCoreApplication.translate(fonts.FONT_CONTEXT, text) != text
    for text in ("Chinese text cannot be displayed on this computer.",
                 "No Chinese font: Chinese shows as boxes"):
        assert QCoreApplication.translate("app", text) != text
    from PySide6.QtGui import QFontDatabase

    warnings = fonts.cjk_font_warnings(translated=True)
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        assert warnings == []  # with a Chinese font: none
    else:  # no Chinese font on this machine: the editor is told so, in Chinese
        assert QCoreApplication.translate(fonts.FONT_CONTEXT, fonts.NO_CJK_FONT) in warnings


def test_margin_names_an_added_note(zh_translator: QTranslator) -> None:
    """A bead only the translation has reads "+ note" when it is the translation's own note
    (编者注：…), "+ addition" otherwise; in Chinese too."""
    from aligner_gui.gui.panes.score_margin import ScoreMargin

    assert ScoreMargin.addition_label(["addition", "editor-note"]) == "+ 注"
    assert ScoreMargin.addition_label(["addition"]) == "+ 增译"


def test_margin_names_a_moved_sentence(zh_translator: QTranslator) -> None:
    """A one-sided bead paired back with its translation elsewhere reads "⇅ moved" (移位)
    on either side; an ordinary omission keeps its class."""
    from aligner_gui.core.model import Bead
    from aligner_gui.gui.panes.score_margin import ScoreMargin

    moved = Bead((3,), (), flags=["omission", "content"], details={"moved": {"bead": 9}})
    assert ScoreMargin.one_sided_label(moved) == "⇅ 移位"
    came = Bead((), (7,), flags=["addition"], details={"moved": {"bead": 1}})
    assert ScoreMargin.one_sided_label(came) == "⇅ 移位"
    plain = Bead((3,), (), flags=["omission", "headline"])
    assert ScoreMargin.one_sided_label(plain) == "✕ 标题"


def test_edit_refusals_and_stored_values_in_chinese(zh_translator: QTranslator) -> None:
    from aligner_gui.gui.display_names import edit_message, export_menu_text, value_name

    assert edit_message("the first bead has no previous bead") == "第一个单元之前没有单元"
    assert edit_message("bead 7 is already unaligned") == "第 7 单元已经是未对齐的"
    assert value_name("major") == "重大" and value_name("confirmed") == "已确认"
    # the window and the Chinese HTML report name the severities alike (次要/主要 against
    # 轻微/重大 before)
    from aligner_gui.io.html.strings import STRINGS

    for severity in ("minor", "major", "critical"):
        assert value_name(severity) == STRINGS[f"sev.{severity}"][1]
    assert export_menu_text("Bead table (*.tsv)") == "对齐单元表 (.tsv)…"


def test_engine_explanations_are_shown_in_chinese(zh_translator: QTranslator) -> None:
    """The suggestions' explanations were English in the Chinese window (a helper's
    first-contact review): the comments the core writes are shown translated."""
    from aligner_gui.gui.engine_messages import engine_message

    assert engine_message("negation: source has 'not', translation has none") == (
        "否定：原文有“not”，译文没有")
    assert engine_message("direction: source says 'fell' (down), translation says '升至' "
                          "(up)") == "涨跌方向：原文为“fell”（下降），译文为“升至”（上升）"
    assert engine_message("missing 14,200,000,000; extra 12,400,000,000") == (
        "数字：缺少 14,200,000,000；多出 12,400,000,000")
    assert engine_message("risk model: these words in the original match nothing on the "
                          "other side (confidence 4 %)") == (
        "风险模型：原文中的这些词在另一侧找不到对应（置信度 4%）")
    assert engine_message("something the engine never says") == "something the engine never says"


def test_engine_explanations_stay_english_in_the_english_window() -> None:
    from aligner_gui.gui.engine_messages import engine_message

    comment = "negation: source has 'not', translation has none"
    assert engine_message(comment) == comment


def test_every_explanation_the_engine_gives_on_the_seed_and_news_has_a_shape() -> None:
    """Each comment of the suggestions made on the seed and the news set is of a shape
    engine_messages translates (a new comment in core needs its shape there)."""
    from pathlib import Path

    from aligner_gui.core import offers
    from aligner_gui.core.pipeline import align_document, load_document
    from aligner_gui.core.resources import seed_path
    from aligner_gui.gui.engine_messages import matched

    news = Path(__file__).parents[1] / "data" / "news"
    inputs = [[seed_path()], *[[p] for p in sorted(news.glob("news_0[124]_*.txt"))],
              [news / "news_03_typhoon.en.txt", news / "news_03_typhoon.zh.txt"]]
    comments = set()
    for paths in inputs:
        doc = load_document(paths)
        align_document(doc)
        comments |= {s.annotation.comment for s in offers.suggestions(doc) if s.annotation.comment}
    assert len(comments) > 10
    assert sorted(c for c in comments if not matched(c)) == []


def test_every_rule_comment_has_a_shape() -> None:
    """The QA checks' comments, one or more of each rule, are all of a known shape."""
    from aligner_gui.core.qe.check_marks import punctuation_rule, unit_rule
    from aligner_gui.core.qe.check_rules import (
        negation_rule,
        repeated_words_rule,
        untranslated_rule,
        urls_rule,
    )
    from aligner_gui.core.qe.counterparts import counterpart_rule
    from aligner_gui.core.qe.direction import direction_rule
    from aligner_gui.core.qe.hedges import hedge_rule
    from aligner_gui.core.qe.idioms import idiom_rule
    from aligner_gui.gui.engine_messages import matched

    cases = [
        (negation_rule, "He did not attend.", "他参加了。"),
        (negation_rule, "He attended.", "他没有参加。"),
        (direction_rule, "Shares fell 12%.", "股价上涨12%。"),
        (direction_rule, "More than 300 people died.", "不到300人死亡。"),
        (direction_rule, "It was minus 18 degrees.", "气温为18摄氏度。"),
        (counterpart_rule, "Imports rose 5% in May.", "5月出口增长5%。"),
        (hedge_rule, "He allegedly took bribes.", "他收受了贿赂。"),
        (hedge_rule, "Perhaps the talks will fail.", "谈判将失败。"),
        (idiom_rule, "The Fed may have to bite the bullet.", "美联储可能不得不咬紧子弹。"),
        (unit_rule, "It costs US$5.", "它售价5港元。"),
        (unit_rule, "The road is 5 miles long.", "这条路长5公里。"),
        (urls_rule, "See https://a.org/x.", "见https://a.org/y。"),
        (urls_rule, "Write to a@b.org.", "写信。"),
        (untranslated_rule, "He left.", "他 left 了。"),
        (punctuation_rule, "He said (quietly) no.", "他（小声地说不。"),
        (punctuation_rule, "Why?", "为什么。"),
        (repeated_words_rule, "We left.", "我们我们走了。"),
    ]
    comments = []
    for rule, en, zh in cases:
        hits = rule(en, zh, "en", "zh")
        assert hits, (rule.__name__, en)
        comments += [h.comment for h in hits]
    assert [c for c in comments if not matched(c)] == []


def test_the_language_is_chosen_in_the_view_menu(make_window: Any, gui_settings: Any) -> None:
    """Only --lang chose the language (a helper's first-contact review): View > Language
    saves the choice for the next start and says so."""
    from PySide6.QtGui import QAction

    window = make_window()
    system = window.findChild(QAction, "actionLanguageSystem")
    chinese = window.findChild(QAction, "actionLanguagezh_CN")
    assert system is not None and chinese is not None
    assert system.isChecked() and not chinese.isChecked()
    chinese.trigger()
    assert gui_settings.ui_language == "zh_CN" and chinese.isChecked()
    assert "starts again" in window.statusBar().currentMessage()
    assert make_window().findChild(QAction, "actionLanguagezh_CN").isChecked()


def test_the_reports_chinese_categories_are_the_windows() -> None:
    """The HTML report (io, no Qt) keeps its own copy of the MQM categories in Chinese:
    it says what the window's zh_CN translation says."""
    import re

    from aligner_gui.core.scoring import mqm
    from aligner_gui.io.html.strings import name_in

    ts = resource("translations", "aligner_gui_zh_CN.ts").read_text(encoding="utf-8")
    context = re.search(r"<name>MqmCategory</name>(.*?)</context>", ts, re.S)
    assert context is not None
    window = dict(re.findall(r"<source>(.*?)</source>\s*<translation>(.*?)</translation>",
                             context.group(1)))
    assert {c: name_in(c, "zh_CN") for c in mqm.CATEGORY_NAMES} == {
        c: window[c] for c in mqm.CATEGORY_NAMES}
