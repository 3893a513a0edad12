"""The review window end to end: contract, marking, editing with undo, files, keyboard."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from guikit import FakeEngine, ScoringEngine, _side
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit

from aligner_gui.gui.dialogs.messages import CloseAnswer

CONTRACT_ACTIONS = [
    "actionOpen", "actionSave", "actionSaveAs", "actionAlign", "actionUndo", "actionRedo",
    "actionMarkOmission", "actionMarkMistranslation", "actionMergeWithNext", "actionSplitBead",
    "actionUnlink", "actionConfirm", "actionNextFlag",
]


def action(window: Any, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def kinds(window: Any) -> list[str]:
    return [b.kind for b in window.document.beads]


def test_contract_objects_exist(make_window: Any) -> None:
    window = make_window()
    assert not window.isVisible()
    assert isinstance(window.findChild(QPlainTextEdit, "sourcePane"), QPlainTextEdit)
    assert isinstance(window.findChild(QPlainTextEdit, "targetPane"), QPlainTextEdit)
    assert isinstance(window.findChild(QAbstractItemView, "beadView"), QAbstractItemView)
    assert isinstance(window.findChild(QAbstractItemView, "annotationView"), QAbstractItemView)
    for name in CONTRACT_ACTIONS:
        assert action(window, name).shortcuts(), name
    assert window.bead_view.model().rowCount() == 7
    assert window.source_pane.toPlainText() == window.document.source.text


def test_alignment_runs_in_worker_with_progress(make_window: Any, qtbot: Any) -> None:
    window = make_window(wait=False)
    assert window.alignment_running() or window.document.beads
    qtbot.waitUntil(lambda: not window.alignment_running(), timeout=10000)
    assert len(window.document.beads) == 7
    assert window.undo_stack.count() == 0 and window.undo_stack.isClean()


def test_mark_omission_on_selected_bead(make_window: Any) -> None:
    window = make_window()
    window.select_bead(1)
    action(window, "actionMarkOmission").trigger()
    (annotation,) = window.document.annotations
    doc = window.document
    assert (annotation.type, annotation.side) == ("omission", "source")
    sentence = doc.source.sentences[1]
    assert (annotation.start, annotation.end) == (sentence.start, sentence.end)
    assert annotation.text == sentence.text
    assert annotation.category.startswith("Accuracy")
    assert window.annotation_editor.annotation_id == annotation.id
    assert window.annotation_view.model().rowCount() == 1


def test_mark_mistranslation_on_target_span(make_window: Any) -> None:
    window = make_window()
    doc = window.document
    start = doc.target.sentences[1].start + 3
    end = start + 4
    window.select_span("target", start, end)
    assert window.current_bead() == 2
    action(window, "actionMarkMistranslation").trigger()
    (annotation,) = doc.annotations
    assert (annotation.type, annotation.side) == ("mistranslation", "target")
    assert (annotation.start, annotation.end, annotation.text) == (
        start, end, doc.target.text[start:end])
    assert annotation.category.startswith("Accuracy")
    assert window.target_pane.selected_span() == (start, end)


def test_select_bead_after_span_marks_whole_bead(make_window: Any) -> None:
    window = make_window()
    window.select_span("source", 2, 6)
    window.select_bead(3)
    action(window, "actionMarkOmission").trigger()
    annotation = window.document.annotations[0]
    assert annotation.text == window.document.source.sentences[3].text


def test_annotation_side_panel_edits_are_undoable(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionMarkMistranslation").trigger()
    annotation = window.document.annotations[0]
    editor = window.annotation_editor
    editor.comment.setFocus()
    qtbot.keyClicks(editor.comment, "wrong")
    assert annotation.comment == "wrong"
    editor.severity_group.button(1).click()
    assert annotation.severity == "minor"
    action(window, "actionSeverityCritical").trigger()
    assert annotation.severity == "critical"
    editor.category.setCurrentText("Fluency/Grammar")
    assert (annotation.category, annotation.type) == ("Fluency/Grammar", "grammar")
    editor.tags.setText("photo-caption, name")
    assert annotation.tags == ["photo-caption", "name"]
    editor.severity_group.button(3).click()  # critical again: no edit, no undo step
    for _ in range(5):  # tags, category, critical, minor, the whole typed comment
        window.undo_stack.undo()
    assert annotation.comment == "" and annotation.severity == "major"
    window.undo_stack.undo()
    assert window.document.annotations == []
    window.undo_stack.redo()
    assert len(window.document.annotations) == 1


def test_delete_annotation_and_undo(make_window: Any) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionMarkOmission").trigger()
    annotation_id = window.document.annotations[0].id
    window.annotation_editor.delete_button.click()
    assert window.document.annotations == []
    window.undo_stack.undo()
    assert window.document.annotations[0].id == annotation_id


def test_suggestions_accept_and_dismiss(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    model = window.suggestion_model
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    stale = model.suggestion(0)
    window.review.accept_suggestion(stale)
    window.review.accept_suggestion(stale)  # pressed twice before the list refreshed
    assert len(window.document.annotations) == 1
    annotation = window.document.annotations[0]
    assert (annotation.type, annotation.side, annotation.severity) == (
        "omission", "source", "neutral")  # a more-link
    assert annotation.tags == ["more-link"]
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    window.review.dismiss_suggestion(model.suggestion(0))
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    window.undo_stack.undo()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    assert window.document.annotations == []


def test_merge_split_unlink_confirm_with_undo(make_window: Any) -> None:
    window = make_window()
    original = kinds(window)
    window.select_bead(3)
    action(window, "actionMergeWithNext").trigger()
    assert kinds(window)[3] == "2-2"
    assert window.current_bead() == 3
    action(window, "actionSplitBead").trigger()
    assert kinds(window) == original
    action(window, "actionUnlink").trigger()
    assert kinds(window)[3:5] == ["1-0", "0-1"]
    window.undo_stack.undo()
    window.select_bead(4)
    action(window, "actionConfirm").trigger()
    assert window.document.beads[4].status == "confirmed"
    assert window.current_bead() == 5  # confirming moves on, keyboard-first
    for _ in range(4):
        action(window, "actionUndo").trigger()
    assert kinds(window) == original
    assert all(b.status == "auto" for b in window.document.beads)
    for _ in range(4):
        action(window, "actionRedo").trigger()
    assert window.document.beads[4].status == "confirmed"
    window.document.check()


def test_split_at_chosen_sentence(make_window: Any) -> None:
    window = make_window()
    window.select_bead(3)
    action(window, "actionMergeWithNext").trigger()
    window._on_pane_sentence_clicked("source", 4)  # the editor clicks the 2nd sentence
    window.select_bead(3)
    action(window, "actionSplitBead").trigger()
    assert [(b.source, b.target) for b in window.document.beads[3:5]] == [
        ((3,), (2,)), ((4,), (3,))]


@pytest.mark.parametrize(
    ("name", "row", "expected"),
    [
        ("actionMoveSourceUp", 2, ["1-1", "2-0", "0-1"]),
        ("actionMoveSourceDown", 2, ["1-1", "1-0", "0-2"]),
        ("actionMoveTargetUp", 3, ["1-1", "1-0", "1-2", "1-0"]),
        ("actionMoveTargetDown", 3, ["1-1", "1-0", "1-1", "1-1"]),
    ],
)
def test_move_sentence_and_undo(make_window: Any, name: str, row: int,
                                expected: list[str]) -> None:
    window = make_window()
    original = kinds(window)
    window.select_bead(row)
    action(window, name).trigger()
    window.document.check()
    assert kinds(window)[: len(expected)] == expected or kinds(window) != original
    window.undo_stack.undo()
    assert kinds(window) == original


def test_failed_edit_reports_in_status_bar(make_window: Any) -> None:
    window = make_window()
    window.select_bead(6)
    action(window, "actionMergeWithNext").trigger()
    assert "no next bead" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_realign_keeps_confirmed_and_is_undoable(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    engine = window.engine
    window.select_span("target", 2, 6)
    action(window, "actionMarkMistranslation").trigger()
    annotation = window.document.annotations[0].copy()
    window.select_bead(2)
    action(window, "actionConfirm").trigger()
    window.select_bead(0)
    action(window, "actionMergeWithNext").trigger()
    merged = kinds(window)
    window.select_bead(0)
    with qtbot.waitSignal(window.alignment_finished, timeout=10000) as blocker:
        action(window, "actionAlign").trigger()
    assert blocker.args == [True]
    fixed = engine.align_calls[-1]["fixed"]
    assert any(b.status == "confirmed" for b in fixed)
    assert kinds(window)[:2] == ["1-1", "1-0"]
    assert window.document.beads[1].status == "confirmed" or any(
        b.status == "confirmed" for b in window.document.beads)
    assert window.document.annotations == [annotation]  # anchored to offsets, not beads
    window.undo_stack.undo()
    assert kinds(window) == merged


def test_unlinked_halves_selected_together_are_paired_again(
    make_window: Any, qtbot: Any
) -> None:
    """Unlink, then Ctrl+R with both halves selected: the fresh alignment pairs them."""
    from PySide6.QtCore import QItemSelectionModel

    window = make_window()
    window.select_bead(2)
    action(window, "actionUnlink").trigger()
    assert kinds(window)[2:4] == ["1-0", "0-1"]
    window.select_bead(2)
    view, proxy = window.bead_view, window.bead_view.model()
    flags = (QItemSelectionModel.SelectionFlag.Select
             | QItemSelectionModel.SelectionFlag.Rows)
    view.selectionModel().select(proxy.index(3, 0), flags)
    assert window.selected_beads() == [2, 3]
    with qtbot.waitSignal(window.alignment_finished, timeout=10000) as blocker:
        action(window, "actionAlign").trigger()
    assert blocker.args == [True]
    assert kinds(window)[2] == "1-1"


def test_cancel_alignment(make_window: Any, qtbot: Any) -> None:

    engine = FakeEngine()
    engine.block = lambda: time.sleep(0.3)  # long enough to press Esc
    window = make_window(engine=engine, wait=False)
    assert window.alignment_running()
    with qtbot.waitSignal(window.alignment_finished, timeout=10000) as blocker:
        action(window, "actionCancelAlignment").trigger()
    assert blocker.args == [False]
    assert window.document.beads == []


def test_next_flag_and_navigation_keys(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionNextFlag").trigger()
    assert window.current_bead() == 1
    action(window, "actionNextFlag").trigger()
    assert window.current_bead() == 2
    action(window, "actionPreviousFlag").trigger()
    assert window.current_bead() == 1
    action(window, "actionNextBead").trigger()
    assert window.current_bead() == 2
    action(window, "actionPreviousBead").trigger()
    assert window.current_bead() == 1


def test_save_and_reload_project(make_window: Any, tmp_path: Path, recorder: Any) -> None:
    window = make_window()
    window.select_bead(1)
    action(window, "actionMarkOmission").trigger()
    assert window.isWindowModified()
    path = tmp_path / "review.json"
    assert window.save_to(path)
    assert not window.isWindowModified()
    assert "review.json" in window.windowTitle()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["annotations"][0]["type"] == "omission"
    again = make_window(path)
    assert kinds(again) == kinds(window)
    assert again.document.annotations[0].text == window.document.annotations[0].text
    assert str(path.resolve()) in window.settings.recent_files


def test_open_error_is_one_line_dialog(make_window: Any, recorder: Any, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    window = make_window(bad)
    assert window.document is None
    ((title, message),) = recorder.errors
    assert "broken.json" in title and "\n" not in message and "Traceback" not in message
    # Nothing is open: saving, marking and exporting are off until something is.
    assert not action(window, "actionSave").isEnabled()
    assert not action(window, "actionMarkOmission").isEnabled()
    assert action(window, "actionOpen").isEnabled()
    assert window.files.open_paths([Path(__file__)])
    assert window.document is not None and action(window, "actionSave").isEnabled()


def test_close_prompt(make_window: Any, recorder: Any, tmp_path: Path) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionConfirm").trigger()
    recorder.close_answer = CloseAnswer.CANCEL
    assert not window.close()
    assert recorder.asked
    recorder.close_answer = CloseAnswer.DISCARD
    assert window.close()


def test_autosave_and_recovery_offer(make_window: Any, gui_settings: Any) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionMarkOmission").trigger()
    assert window.files.autosave()
    copy, _meta = window.files.recovery_paths()
    assert copy.is_file()
    window.undo_stack.setClean()
    second = make_window()
    assert not second.recovery_banner.isHidden()
    assert second.files.recover()
    assert len(second.document.annotations) == 1
    assert second.isWindowModified()
    second.files.discard_recovery()
    assert not copy.exists()


def test_filters_and_search(make_window: Any) -> None:
    window = make_window()
    bar = window.bead_filter
    bar.flag.setCurrentIndex(bar.flag.findData("unaligned"))
    assert window.bead_view.model().rowCount() == 3
    window.select_bead(0)  # hidden by the filter: filters are cleared
    assert window.bead_view.model().rowCount() == 7
    bar.regex.setChecked(True)
    bar.search.setText("([")
    assert "border" in bar.search.styleSheet()
    bar.search.setText("Vienna|维也纳")
    assert window.bead_view.model().rowCount() == 2


def test_shortcuts_sheet_lists_actions(make_window: Any) -> None:
    window = make_window()
    dialog = window.show_shortcuts()
    texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Mark omission" in texts and "Next flag" in texts
    dialog.close()


def test_zoom_swap_and_layout_remembered(make_window: Any, gui_settings: Any) -> None:
    window = make_window()
    size = window.source_pane.font().pointSizeF()
    action(window, "actionZoomIn").trigger()
    assert window.source_pane.font().pointSizeF() == size + 1
    action(window, "actionSwapPanes").trigger()
    assert window.pane_splitter.widget(0) is window.target_pane
    window.bead_view.horizontalHeader().resizeSection(0, 222)
    window.save_layout()
    again = make_window()
    assert again.pane_splitter.widget(0) is again.target_pane
    assert again.bead_view.horizontalHeader().sectionSize(0) == 222
    assert again.source_pane.font().pointSizeF() == size + 1


def test_pane_click_selects_bead_and_highlights_counterpart(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    with qtbot.waitExposed(window):
        window.show()
    window._on_pane_sentence_clicked("target", 2)
    assert window.current_bead() == 3
    assert window.source_pane.current_bead == 3
    qtbot.waitUntil(lambda: len(window.source_pane.extraSelections()) > 0)
    window.overview.bead_requested.emit(5)
    assert window.current_bead() == 5


def test_keyboard_marking(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.select_bead(1)
    window.bead_view.setFocus()
    qtbot.keyClick(window.bead_view, Qt.Key.Key_O)
    assert [a.type for a in window.document.annotations] == ["omission"]
    qtbot.keyClick(window.bead_view, Qt.Key.Key_1)
    assert window.document.annotations[0].severity == "minor"
    qtbot.keyClick(window.bead_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.annotations[0].severity == "major"


def test_scores_panel_updates_live(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    panel = window.scores_panel
    qtbot.waitUntil(lambda: panel.text("beads") == "7")
    assert "more-link 1" in panel.text("omissions")
    window.select_bead(0)
    action(window, "actionMarkMistranslation").trigger()
    qtbot.waitUntil(lambda: panel.text("errors") == "1")
    assert panel.text("mqm_segment").startswith("0.714")  # 5 points / 7 segments


def test_mqm_weights_are_configurable_and_remembered(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionMarkMistranslation").trigger()  # major
    dialog = window.show_weights()
    dialog.spins["major"].setValue(7.0)
    panel = window.scores_panel
    qtbot.waitUntil(lambda: panel.text("mqm_segment").startswith("1.000"))  # 7 / 7 beads
    assert window.settings.mqm_weights["major"] == 7.0
    again = make_window()
    assert again.scores_panel.weights.major == 7.0
    dialog.reset()
    assert window.scores_panel.weights.major == 5.0


def test_comment_field_follows_undo(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionMarkMistranslation").trigger()
    editor = window.annotation_editor
    qtbot.keyClicks(editor.comment, "abc")
    window.undo_stack.undo()
    assert editor.comment.text() == ""
    window.undo_stack.redo()
    assert editor.comment.text() == "abc"


def test_click_on_sentence_marks_that_sentence(make_window: Any) -> None:
    window = make_window()
    window.select_bead(3)
    action(window, "actionMergeWithNext").trigger()  # bead 3 now holds source 3 and 4
    window._on_pane_sentence_clicked("source", 4)
    assert window.current_bead() == 3
    action(window, "actionMarkOmission").trigger()
    sentence = window.document.source.sentences[4]
    annotation = window.document.annotations[0]
    assert (annotation.start, annotation.end) == (sentence.start, sentence.end)
    window.select_bead(3)  # choosing the bead again marks the whole bead
    action(window, "actionMarkOmission").trigger()
    assert window.document.annotations[1].end == sentence.end
    assert window.document.annotations[1].start == window.document.source.sentences[3].start


def test_mouse_click_in_pane_selects_sentence_and_bead(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    with qtbot.waitExposed(window):
        window.show()
    pane = window.target_pane
    sentence = window.document.target.sentences[2]
    rect = pane.cursorRect(pane._cursor(sentence.start + 1))
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_bead() == 3
    assert pane.selected_span() == (sentence.start, sentence.end)
    assert window.source_pane.current_bead == 3


def test_scrolling_one_pane_keeps_the_other_in_step(make_window: Any, qtbot: Any) -> None:

    from aligner_gui.core.model import AlignmentDocument, Bead

    class LongEngine(FakeEngine):
        def load(self, paths: Any) -> AlignmentDocument:
            return AlignmentDocument(
                _side("en", [f"English sentence number {k} of the long text." for k in range(80)]),
                _side("zh", [f"长文本的第{k}个中文句子。" for k in range(80)]),
            )

        def align(self, document: Any, **_kw: Any) -> Any:
            return [Bead((k,), (k,), 0.9) for k in range(80)], {}

    window = make_window(engine=LongEngine())
    window.resize(1000, 700)
    with qtbot.waitExposed(window):
        window.show()
    source = window.source_pane
    source.setFocus()
    source.scroll_to_bead_top(40)
    assert source.top_bead() in (39, 40, 41)
    qtbot.waitUntil(lambda: window.target_pane.top_bead() in (39, 40, 41))


def test_opening_a_file_while_aligning_restarts_alignment(make_window: Any, qtbot: Any) -> None:

    engine = FakeEngine()
    engine.block = lambda: time.sleep(0.3)
    window = make_window(engine=engine, wait=False)
    assert window.alignment_running()
    first = window.document
    assert window.files.open_paths([Path(__file__)])
    assert window.document is not first
    assert window.alignment_running()
    qtbot.waitUntil(lambda: not window.alignment_running(), timeout=10000)
    assert len(window.document.beads) == 7
    assert first.beads == []  # the old job's result never reached the old document


def test_keyboard_review_of_flags(make_window: Any, qtbot: Any) -> None:
    """N jumps to the next flag still to review, Y accepts its suggestion, X dismisses."""
    window = make_window()
    window.select_bead(0)
    action(window, "actionNextFlag").trigger()
    assert window.current_bead() == 1
    action(window, "actionAcceptSuggestion").trigger()
    assert [a.type for a in window.document.annotations] == ["omission"]
    action(window, "actionNextFlag").trigger()
    assert window.current_bead() == 2
    action(window, "actionDismissSuggestion").trigger()
    assert window.document.beads[2].details["reviewed_flags"] == ["low-score"]
    assert window.document.beads[1].details["reviewed_flags"] == ["omission", "more-link"]
    action(window, "actionNextFlag").trigger()
    assert window.current_bead() == 5
    action(window, "actionNextFlag").trigger()
    assert window.current_bead() == 6
    action(window, "actionNextFlag").trigger()
    assert window.current_bead() == 5  # wraps, skipping the reviewed beads 1 and 2
    window.select_bead(0)
    action(window, "actionAcceptSuggestion").trigger()  # bead 0 has no suggestion
    assert len(window.document.annotations) == 1


def test_engine_bug_while_loading_is_one_line(make_window: Any, recorder: Any) -> None:

    class Broken(FakeEngine):
        def load(self, paths: Any) -> Any:
            raise KeyError("lexicon\nsecond line")

    window = make_window(engine=Broken())
    assert window.document is None
    ((_title, message),) = recorder.errors
    assert message.startswith("KeyError") and "\n" not in message


def test_next_bead_follows_the_filtered_table(make_window: Any) -> None:
    window = make_window()
    bar = window.bead_filter
    window.select_bead(1)
    bar.flag.setCurrentIndex(bar.flag.findData("unaligned"))  # beads 1, 5, 6
    assert window.current_bead() == 1
    action(window, "actionNextBead").trigger()
    assert window.current_bead() == 5
    action(window, "actionNextBead").trigger()
    assert window.current_bead() == 6
    action(window, "actionPreviousBead").trigger()
    assert window.current_bead() == 5
    assert window.bead_view.model().rowCount() == 3  # the filter stays


def test_edited_beads_are_rescored_in_the_background(make_window: Any, qtbot: Any) -> None:

    window = make_window(engine=ScoringEngine())
    doc = window.document
    window.select_bead(3)
    with qtbot.waitSignal(window.alignment.rescored, timeout=10000) as blocker:
        action(window, "actionUnlink").trigger()
    assert blocker.args == [2]
    assert [(b.score, b.flags) for b in doc.beads[3:5]] == [(0.0, ["omission"]),
                                                           (0.0, ["addition"])]
    assert doc.beads[3].status == "manual"
    window.undo_stack.undo()
    assert doc.beads[3].kind == "1-1" and doc.beads[3].score == 0.88
    assert window.undo_stack.count() == 1  # scoring added no undo step


def test_the_status_bar_and_the_annotation_header_follow_an_edit(
    make_window: Any, qtbot: Any
) -> None:
    """After a merge the bead is rescored: the status bar shows its new match (it said
    "match –"); an annotation's header names its bead's new number."""
    window = make_window(engine=ScoringEngine())
    window.select_bead(4)
    action(window, "actionMarkOmission").trigger()
    assert "bead 5" in window.annotation_editor.quote.text()
    window.select_bead(3)
    with qtbot.waitSignal(window.alignment.rescored, timeout=10000):
        action(window, "actionMergeWithNext").trigger()
    assert window.document.beads[3].score == 0.5
    qtbot.waitUntil(lambda: "match 0.50" in window.status.position_label.text())
    assert "bead 4" in window.annotation_editor.quote.text()


def test_enter_on_a_suggestion_accepts_it(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    view = window.suggestion_view
    qtbot.waitUntil(lambda: window.suggestion_model.rowCount() == 4)
    view.activated.emit(window.suggestion_model.index(3, 0))
    assert [a.type for a in window.document.annotations] == ["addition"]
    qtbot.waitUntil(lambda: window.scores_panel.text("category") == "Accuracy 5")


def test_closing_during_a_slow_alignment_does_not_block(make_window: Any, qtbot: Any) -> None:

    from aligner_gui.gui import workers

    engine = FakeEngine()
    engine.block = lambda: time.sleep(4)  # like loading the lexicon: not interruptible
    window = make_window(engine=engine, wait=False)
    started = time.monotonic()
    assert window.close()
    assert time.monotonic() - started < 3.6  # waited 2 s, then let the job go
    assert not window.alignment_running()
    assert workers.live_jobs()  # finishing on its own, kept alive by the registry
    assert workers.wait_for_jobs(10000)
    assert not workers.live_jobs()


def test_default_error_box_waits_for_the_window(qtbot: Any, gui_settings: Any,
                                                tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from aligner_gui.gui import create_main_window

    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    window = create_main_window(bad, settings=gui_settings)  # the real error reporter
    qtbot.addWidget(window)
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and not box.isVisible()
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(box.isVisible)
    assert "\n" not in box.text()
    box.close()


def test_split_uses_the_sentences_clicked_on_both_sides(make_window: Any) -> None:
    window = make_window()
    window.select_bead(2)
    action(window, "actionMergeWithNext").trigger()
    action(window, "actionMergeWithNext").trigger()  # bead 2: source 2-4, target 1-3
    window._on_pane_sentence_clicked("target", 3)
    window._on_pane_sentence_clicked("source", 3)
    action(window, "actionSplitBead").trigger()
    assert [(b.source, b.target) for b in window.document.beads[2:4]] == [
        ((2,), (1, 2)), ((3, 4), (3,))]
    window.undo_stack.undo()
    window._on_pane_sentence_clicked("source", 2)  # a bead's first sentence: cut after it
    window.select_bead(2)
    action(window, "actionSplitBead").trigger()
    assert window.document.beads[2].source == (2,)


def test_next_annotation_walks_in_reading_order(make_window: Any) -> None:
    window = make_window()
    for row, name in ((4, "actionMarkMistranslation"), (0, "actionMarkOmission")):
        window.select_bead(row)
        action(window, name).trigger()
    late, early = window.document.annotations
    window.select_bead(0)
    window.annotation_editor.show_annotation(None)
    action(window, "actionNextAnnotation").trigger()
    assert window.annotation_editor.annotation_id == early.id
    action(window, "actionNextAnnotation").trigger()
    assert window.annotation_editor.annotation_id == late.id
    assert window.current_bead() == 4
    action(window, "actionNextAnnotation").trigger()
    assert window.annotation_editor.annotation_id == early.id  # wraps
    action(window, "actionPreviousAnnotation").trigger()
    assert window.annotation_editor.annotation_id == late.id


def test_default_close_prompt_never_blocks_headless(qtbot: Any, gui_settings: Any) -> None:
    from guikit import FakeEngine

    from aligner_gui.gui import create_main_window

    window = create_main_window(Path(__file__), engine=FakeEngine(), settings=gui_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.alignment_running(), timeout=10000)
    window.select_bead(0)
    action(window, "actionMarkOmission").trigger()
    assert window.isWindowModified()
    assert window.close()  # the real "save changes?" question: answered without a dialog


def test_discarding_on_close_removes_the_recovery_copy(make_window: Any, recorder: Any) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionMarkOmission").trigger()
    assert window.files.autosave()
    copy, _ = window.files.recovery_paths()
    recorder.close_answer = CloseAnswer.DISCARD
    assert window.close()
    assert not copy.exists()


def test_an_unanswered_recovery_offer_survives_closing(make_window: Any) -> None:
    window = make_window()
    window.select_bead(0)
    action(window, "actionMarkOmission").trigger()
    assert window.files.autosave()
    window.undo_stack.setClean()
    second = make_window()
    assert not second.recovery_banner.isHidden()
    assert second.close()
    assert second.files.recovery_available() is not None


def test_single_letter_keys_work_while_a_pane_has_focus(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    doc = window.document
    start = doc.target.sentences[1].start
    window.select_span("target", start, start + 3)
    window.target_pane.setFocus()
    qtbot.keyClick(window.target_pane, Qt.Key.Key_M)
    assert [a.type for a in doc.annotations] == ["mistranslation"]
    qtbot.keyClick(window.target_pane, Qt.Key.Key_3)
    assert doc.annotations[0].severity == "critical"
    qtbot.keyClick(window.target_pane, Qt.Key.Key_N)
    assert window.current_bead() == 5  # the next flag after bead 2


def test_f2_edits_the_comment(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.select_bead(0)
    action(window, "actionMarkOmission").trigger()
    action(window, "actionEditComment").trigger()
    editor = window.annotation_editor
    assert editor.comment.hasFocus()
    qtbot.keyClicks(editor.comment, "missing lede")
    assert window.document.annotations[0].comment == "missing lede"


def test_focus_keys_move_between_panels(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    for name, widget in (("actionFocusSource", window.source_pane),
                         ("actionFocusTarget", window.target_pane),
                         ("actionFocusAnnotations", window.annotation_view),
                         ("actionFocusTable", window.bead_view)):
        action(window, name).trigger()
        assert widget.hasFocus(), name


def test_tags_field_completes_the_last_tag(make_window: Any) -> None:
    window = make_window()
    completer = window.annotation_editor.tags.completer()
    assert completer.splitPath("more-link, pho") == ["pho"]
    window.annotation_editor.tags.setText("more-link, pho")
    completer.setCompletionPrefix("pho")
    assert completer.currentCompletion() == "more-link, photo-caption"


def test_bead_table_keeps_score_flags_and_status_in_view_when_narrow(
    make_window: Any, qtbot: Any
) -> None:
    window = make_window()
    window.resize(1000, 650)  # a laptop screen: the table is about 600 px wide
    with qtbot.waitExposed(window):
        window.show()
    view = window.bead_view
    header = view.horizontalHeader()
    width = view.viewport().width()
    last = header.count() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= width + 1
    assert not view.horizontalScrollBar().isVisible()
    assert header.sectionSize(0) >= 100 and header.sectionSize(1) >= 100  # texts share the rest
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: header.sectionSize(0) > 250)  # and grow with the window


def test_first_start_uses_most_of_the_screen_then_geometry_is_remembered(
        make_window: Any, qtbot: Any) -> None:
    window = make_window()
    area = window.screen().availableGeometry()
    least = window.minimumSizeHint()  # the offscreen screen is smaller than the widgets need
    assert window.width() == max(round(area.width() * 0.9), least.width())
    assert window.height() == max(round(area.height() * 0.9), least.height())
    assert abs(window.frameGeometry().center().x() - area.center().x()) <= 2
    assert abs(window.frameGeometry().center().y() - area.center().y()) <= 2
    with qtbot.waitExposed(window):
        window.show()
    size = (least.width(), least.height() + 23)  # wider would not fit the 800 px screen
    window.setGeometry(area.x() + 20, area.y() + 30, *size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    window.close()  # closing saves the layout
    again = make_window()
    assert (again.width(), again.height()) == size


def test_no_stray_tab_bar_over_the_window(make_window: Any, qtbot: Any) -> None:
    """Tabbing the annotation list with the suggestions and splitting it off again left a
    "Suggestions | Scores" tab bar painted over the filter bar (a first-contact review
    at 1024 x 768): every tab bar shown belongs to the docks beside the central widget."""
    from PySide6.QtWidgets import QTabBar

    window = make_window()
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    central = window.centralWidget().geometry()
    shown = [tb for tb in window.findChildren(QTabBar) if tb.isVisible()]
    assert shown
    for bar in shown:
        corner = bar.mapTo(window, bar.rect().topLeft())
        assert corner.x() >= central.right(), [bar.tabText(i) for i in range(bar.count())]
