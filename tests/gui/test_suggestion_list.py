"""The suggestion list: why each suggestion is made, and the current bead's selected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from aligner_gui.gui.display_names import export_menu_text, value_name


def test_the_list_says_why_and_follows_the_current_bead(make_window: Any) -> None:
    window = make_window()
    model, view = window.suggestion_model, window.suggestion_view
    model.refresh_if_pending()
    rows = [model.suggestion(r) for r in range(model.rowCount())]
    explained = next(r for r, s in enumerate(rows) if s.annotation.comment)
    tip = model.data(model.index(explained, model.COL_BEAD), Qt.ItemDataRole.ToolTipRole)
    assert rows[explained].annotation.comment in tip
    # Choosing a bead selects its suggestion (the one Y and X act on) ...
    bead = rows[explained].bead
    window.select_bead(bead)
    current = view.selectionModel().currentIndex()
    assert current.isValid() and model.suggestion(current.row()).bead == bead
    detail = window.suggestion_list.detail  # the reason in full under the list
    assert not detail.isHidden() and model.suggestion(current.row()).annotation.category in (
        detail.text())
    # ... and a bead without one leaves none selected.
    quiet = next(b for b in range(len(window.document.beads)) if model.row_of_bead(b) is None)
    window.select_bead(quiet)
    assert not view.selectionModel().currentIndex().isValid() and detail.isHidden()
    # Choosing a suggestion in the list makes its bead current.
    view.selectionModel().setCurrentIndex(model.index(explained, 0),
                                          view.selectionModel().SelectionFlag.ClearAndSelect)
    assert window.current_bead() == bead


def test_stored_values_and_export_formats_are_shown_in_words() -> None:
    assert value_name("major") == "major"  # untranslated: as stored
    assert export_menu_text("TMX 1.4 translation memory (*.tmx)") == (
        "TMX 1.4 translation memory (.tmx)…"
    )
    assert export_menu_text("Bead table (*.tsv)") == "Bead table (.tsv)…"


def test_next_flag_visits_beads_with_open_suggestions(make_window: Any, monkeypatch: Any) -> None:
    """A QA check's finding is no bead flag; N stops at its bead too."""
    from aligner_gui.core import offers
    from aligner_gui.core.model import Annotation
    from aligner_gui.core.scoring import mqm

    window = make_window()
    doc = window.document
    quiet = [k for k, b in enumerate(doc.beads) if not b.flags]
    assert len(quiet) >= 2
    target = quiet[-1]
    found = [mqm.Suggestion(target, "check:names:target:0-1", Annotation(
        "mistranslation", "target", 0, 1, "x", "Accuracy/Mistranslation", "major"))]
    monkeypatch.setattr(offers, "suggestions", lambda _doc, **_options: found)
    window.suggestion_model.schedule_refresh()
    window.select_bead(0)
    visited = set()
    for _ in range(len(doc.beads)):
        window.review.next_flag()
        visited.add(window.current_bead())
    assert target in visited
    assert visited - {target} == {k for k, b in enumerate(doc.beads) if b.flags}


def test_the_window_fits_a_1024_pixel_screen(make_window: Any, qtbot: Any) -> None:
    """The filter bar takes two rows when the table is narrow and the severities two
    rows of two: in one row each, the window could not be narrower than 1,218 px."""
    window = make_window()
    assert window.minimumSizeHint().width() <= 1000
    window.resize(1024, 700)
    window.show()
    qtbot.waitUntil(lambda: window.width() <= 1024)
    from aligner_gui.gui.panels.bead_filter import BeadFilterBar

    bar = window.findChild(BeadFilterBar, "beadFilterBar")
    assert bar is not None
    assert bar.height() >= bar.minimumSizeHint().height()  # its fields are not crushed
    window.resize(1900, 900)
    qtbot.waitUntil(lambda: not bar.two_rows())
    one_row = bar.minimumSizeHint().height()
    # Narrow, it takes two rows, and asks for both rows' height (one row's let a short
    # table squeeze the second row's fields to 16 pixels).
    bar.resize(360, bar.height())
    assert bar.two_rows()
    assert bar.minimumSizeHint().height() > one_row


def test_a_xinhua_text_opened_as_an_english_original_gets_a_hint(
    make_window: Any, tmp_path: Any
) -> None:
    from aligner_gui.core.model import AlignmentDocument, Sentence, Side

    def side(lang: str, role: str, text: str) -> Side:
        return Side(lang, role, text, [Sentence(0, 0, 0, len(text), text)])

    window = make_window()
    window.document = AlignmentDocument(
        side("en", "original", "GUANGZHOU, Sept. 8 (Xinhua) -- The typhoon made landfall."),
        side("zh", "translation", "新华社广州9月8日电 台风于7日在广东登陆。"), [])
    window.files.text_paths = [tmp_path / "x.txt"]
    window.direction.hint()
    message = window.statusBar().currentMessage()
    assert "新华社" in message and "Chinese is the original" in message
    window.statusBar().clearMessage()
    window.files.text_paths = None  # a project keeps its direction: no hint
    window.direction.hint()
    assert window.statusBar().currentMessage() == ""


def test_accepting_and_dismissing_say_so_and_the_checks_say_what_they_look_for(
    make_window: Any,
) -> None:
    window = make_window()
    model = window.suggestion_model
    model.refresh_if_pending()
    first = model.suggestion(0)
    window.review.dismiss_suggestion(first)
    assert f"Dismissed on bead {first.bead + 1}" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    model.refresh_if_pending()
    window.review.accept_suggestion(model.suggestion(0))
    assert "Accepted on bead" in window.statusBar().currentMessage()
    tips = {name: action.toolTip() for name, action in window.qa_checks.actions.items()}
    assert all(tip and tip != name for name, tip in tips.items())
    assert "glossary" in tips["glossary"].lower()
