"""A day's review at the keyboard: the panel, the keys and the edits act on what is in view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def test_the_annotation_panel_follows_the_current_bead(make_window: Any, qtbot: Any) -> None:
    """Keys 0-3 changed the annotation of the bead left behind (helper's review)."""
    window = make_window()
    window.select_bead(1)
    window.actions.mark_omission.trigger()
    marked = window.annotation_editor.annotation_id
    assert marked is not None
    window.select_bead(3)  # a bead without annotations: the panel is empty
    assert window.annotation_editor.annotation_id is None
    editor = window.annotation_editor
    assert editor.category.currentIndex() == -1  # not the last annotation's, greyed out
    assert not any(b.isChecked() for b in editor.severity_group.buttons())
    window.actions.severity_critical.trigger()
    assert window.document.annotations[0].severity != "critical"
    assert "No annotation" in window.statusBar().currentMessage()
    window.select_bead(1)  # back: its annotation again
    assert window.annotation_editor.annotation_id == marked
    # Esc in a field hands the keys back to the bead table.
    window.show()
    editor = window.annotation_editor
    editor.comment.setFocus()
    qtbot.waitUntil(editor.comment.hasFocus)
    qtbot.keyClick(editor.comment, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.bead_view.hasFocus)


def test_words_selected_on_the_other_side_are_not_marked_as_a_whole_sentence(
    make_window: Any,
) -> None:
    window = make_window()
    doc = window.document
    sentence = doc.source.sentences[doc.beads[2].source[0]]
    window.select_span("source", sentence.start, sentence.start + 3)  # words, not a click
    window.actions.mark_mistranslation.trigger()  # M marks the translation
    assert doc.annotations == []
    assert "select the words there" in window.statusBar().currentMessage()
    window.select_span("source", sentence.start, sentence.end)  # a whole sentence: its bead
    window.actions.mark_mistranslation.trigger()
    assert [a.side for a in doc.annotations] == ["target"]


def test_a_one_to_one_bead_is_not_split(make_window: Any) -> None:
    window = make_window()
    doc = window.document
    row = next(k for k, b in enumerate(doc.beads) if len(b.source) == len(b.target) == 1)
    before = [(b.source, b.target) for b in doc.beads]
    window.select_bead(row)
    window.actions.split_bead.trigger()
    assert [(b.source, b.target) for b in doc.beads] == before
    assert "nothing to split" in window.statusBar().currentMessage()


def test_the_html_report_is_written_in_the_window_language(
    make_window: Any, tmp_path: Any, qapp: Any
) -> None:
    from aligner_gui.gui.engine import Engine

    document = make_window().document
    out = tmp_path / "report.html"
    qapp.setProperty("aligner_ui_lang", "zh_CN")
    try:
        Engine().export(document, "html", out)
    finally:
        qapp.setProperty("aligner_ui_lang", None)
    assert '<html lang="zh-CN">' in out.read_text(encoding="utf-8")
    Engine().export(document, "html", out)
    assert '<html lang="en">' in out.read_text(encoding="utf-8")


def test_annotated_beads_are_marked_and_can_be_filtered(make_window: Any) -> None:
    """The review's progress in the table: ✎ in Flags, and a filter for them."""
    window = make_window()
    model, proxy = window.bead_model, window.bead_proxy
    window.select_bead(2)
    window.actions.mark_mistranslation.trigger()
    assert model.index(2, model.COL_FLAGS).data().startswith("✎")
    assert not (model.index(3, model.COL_FLAGS).data() or "").startswith("✎")
    bar = window.bead_filter
    bar.flag.setCurrentIndex(bar.flag.findData("annotated"))
    bar.apply()
    assert [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())] == [2]
    window.undo_stack.undo()  # the mark goes, and so does its ✎
    assert not (model.index(2, model.COL_FLAGS).data() or "").startswith("✎")


def test_an_edit_refused_says_why_in_words_and_keeps_its_bead_number() -> None:
    from aligner_gui.gui.display_names import edit_message

    assert edit_message("the first bead has no previous bead") == (
        "the first bead has no previous bead")  # English UI: as it is
    assert edit_message("bead 7 is already unaligned") == "bead 7 is already unaligned"
    assert edit_message("something new") == "something new"


def test_tags_typed_and_saved_from_the_field_are_in_the_file(
    make_window: Any, qtbot: Any, tmp_path: Any
) -> None:
    """Tags reached the document only when their field lost the focus: Ctrl+S from the
    field said "Saved" and wrote tags: [] (helper's review)."""
    from aligner_gui.io.project import load_project

    window = make_window()
    window.show()
    window.select_bead(1)
    window.actions.mark_omission.trigger()
    editor = window.annotation_editor
    editor.tags.setFocus()
    qtbot.waitUntil(editor.tags.hasFocus)
    qtbot.keyClicks(editor.tags, "terminology, names")
    path = tmp_path / "saved.json"
    assert window.files.save_to(str(path))
    assert editor.tags.hasFocus()
    assert load_project(path).annotations[0].tags == ["terminology", "names"]
    window.undo_stack.undo()  # the typed tags are one step
    assert window.document.annotations[0].tags == []


def test_undo_and_redo_show_the_bead_they_change_and_say_what_they_undo(
    make_window: Any,
) -> None:
    """Ctrl+Z at bead 20 put back bead 4 out of sight; the menu said only "Undo"."""
    window = make_window()
    doc = window.document
    row = next(k for k, b in enumerate(doc.beads) if b.source and b.target)
    window.select_bead(row)
    window.actions.unlink.trigger()
    window.select_bead(len(doc.beads) - 1)
    assert window.actions.undo.text().replace("&", "") == "Undo Unlink bead"
    window.actions.undo.trigger()
    assert window.current_bead() == row
    window.select_bead(len(doc.beads) - 1)
    window.actions.redo.trigger()
    assert window.current_bead() == row
    assert window.actions.redo.text().replace("&", "") == "Redo"
    assert not window.actions.cancel_alignment.isEnabled()  # nothing runs


def test_a_mark_key_pressed_twice_marks_once(make_window: Any) -> None:
    """O, O made two identical Major omissions, each counted in the MQM score."""
    window = make_window()
    assert window.document.beads[2].source and window.document.beads[2].target
    window.select_bead(2)
    window.actions.mark_omission.trigger()
    first = window.annotation_editor.annotation_id
    assert window.statusBar().currentMessage().startswith("Marked Accuracy/Omission on bead 3")
    window.actions.mark_omission.trigger()
    assert len(window.document.annotations) == 1
    assert window.annotation_editor.annotation_id == first
    assert "Already marked" in window.statusBar().currentMessage()
    window.actions.mark_mistranslation.trigger()  # another category on the bead still marks
    assert len(window.document.annotations) == 2


def test_keys_alone_mark_words_of_the_current_bead(make_window: Any, qtbot: Any) -> None:
    """Ctrl+3 left the caret at the top of the text: Shift+Ctrl+Right then selected there,
    the current bead jumped back and M marked words of another bead."""
    window = make_window()
    window.show()
    doc = window.document
    row = next(k for k in range(len(doc.beads) - 1, 0, -1)
               if doc.beads[k].source and doc.beads[k].target)
    window.select_bead(row)
    window.actions.focus_target.trigger()
    pane = window.target_pane
    qtbot.waitUntil(pane.hasFocus)
    mod = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(pane, Qt.Key.Key_Right, mod)
    assert window.current_bead() == row
    window.actions.mark_mistranslation.trigger()
    [annotation] = doc.annotations
    start, end = doc.bead_span(row, "target")
    assert start <= annotation.start < annotation.end <= end
