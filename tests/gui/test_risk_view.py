"""Translation risk in the review window: the Risk column, its filter, Next risky bead,
the scores line, suspect tints in the panes, overview marks, span suggestions and the
glossary (issue 13, "Show it"). Risks are set by hand here, as the engine will set them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from guikit import fake_beads, make_document
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from aligner_gui.core.model import AlignmentDocument, Annotation, Bead
from aligner_gui.core.scoring import mqm
from aligner_gui.gui.models import BeadFilterProxy, BeadTableModel
from aligner_gui.gui.models.beads import risk_colour
from aligner_gui.gui.panes.overview import RISKY, OverviewStrip, row_marks
from aligner_gui.gui.panes.suspects import ERROR_STYLE, OMISSION_STYLE

RISKS = {0: 0.08, 2: 0.73, 3: 0.5, 4: 0.37}  # beads 1, 5 and 6 (one-sided) have none


def risky_document() -> AlignmentDocument:
    doc = make_document(fake_beads())
    for index, risk in RISKS.items():
        doc.update_bead(index, risk=risk)
    return doc


def set_risks(doc: AlignmentDocument) -> None:
    for index, risk in RISKS.items():
        doc.update_bead(index, risk=risk)


def action(window: Any, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def suspect(
    doc: AlignmentDocument, side: str, phrase: str, category: str, confidence: float
) -> dict[str, Any]:
    start = doc.side(side).text.index(phrase)
    return {
        "side": side,
        "start": start,
        "end": start + len(phrase),
        "category": category,
        "confidence": confidence,
    }


# -- the table ------------------------------------------------------------------------


def test_risk_column_shows_sorts_and_tints(qtmodeltester: Any) -> None:
    doc = make_document(fake_beads())
    model = BeadTableModel()
    model.set_document(doc)
    proxy = BeadFilterProxy()
    proxy.setSourceModel(model)
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(model.COL_MATCH, horizontal) == "Match"
    assert model.headerData(model.COL_RISK, horizontal) == "Risk"
    assert model.COL_RISK == model.COL_MATCH + 1 and model.COL_SCORE == model.COL_MATCH
    assert model.data(model.index(2, model.COL_MATCH)) == "0.35"  # the alignment score
    assert model.data(model.index(2, model.COL_RISK)) == ""  # not scored for risk yet
    assert model.data(model.index(2, model.COL_RISK), Qt.ItemDataRole.BackgroundRole) is None
    set_risks(doc)  # as the engine will: bead_changed, rows updated in place
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(2, model.COL_RISK)) == "73 %"
    assert model.data(model.index(4, model.COL_RISK)) == "37 %"
    assert model.data(model.index(1, model.COL_RISK)) == ""
    tip = model.data(model.index(2, model.COL_RISK), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Estimated probability that a reviewer marks a Major Accuracy error here"
    header = model.headerData(model.COL_RISK, horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header.startswith(tip + "\n") and "machine translation" in header
    from aligner_gui.gui.display_names import risk_caveat

    assert risk_caveat() in header  # the same words as the scores panel's figure
    doc.update_bead(2, details={**doc.beads[2].details, "meaning": 0.412})
    with_meaning = model.data(model.index(2, model.COL_RISK), Qt.ItemDataRole.ToolTipRole)
    assert with_meaning.startswith(tip) and "Meaning match of the two sides: 0.41" in with_meaning
    doc.update_bead(0, details={**doc.beads[0].details, "meaning": 0.6})
    doc.update_bead(3, details={**doc.beads[3].details, "meaning": 0.8})
    with_meaning = model.data(model.index(2, model.COL_RISK), Qt.ItemDataRole.ToolTipRole)
    assert "0.41 (this document's median: 0.60)" in with_meaning
    asked = []
    import aligner_gui.gui.models.beads as beads_module

    real_median = beads_module.meaning_median
    beads_module.meaning_median = lambda beads: asked.append(1) or real_median(beads)
    try:  # hovering again reads the median once, not once per hover
        for _ in range(3):
            model.data(model.index(2, model.COL_RISK), Qt.ItemDataRole.ToolTipRole)
        assert len(asked) <= 1
    finally:
        beads_module.meaning_median = real_median
    # White to red: the riskier, the redder; no risk, no tint.
    low = model.data(model.index(0, model.COL_RISK), Qt.ItemDataRole.BackgroundRole)
    high = model.data(model.index(2, model.COL_RISK), Qt.ItemDataRole.BackgroundRole)
    assert high.red() > high.green() and high.alpha() > low.alpha()
    assert risk_colour(None) is None and risk_colour(0.0).alpha() == 0
    # A low risk is not tinted, so that the risky beads stand out.
    assert risk_colour(0.1).alpha() == 0 < risk_colour(0.3).alpha() < risk_colour(0.6).alpha()
    # Riskiest bead first: sort the Risk column; beads without a risk go last.
    proxy.sort(model.COL_RISK, Qt.SortOrder.DescendingOrder)
    order = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert order[:4] == [2, 3, 4, 0] and set(order[4:]) == {1, 5, 6}
    assert [proxy.data(proxy.index(r, model.COL_RISK)) for r in range(2)] == ["73 %", "50 %"]
    qtmodeltester.check(proxy, force_py=True)


def test_risk_filters_in_the_proxy() -> None:
    model = BeadTableModel()
    model.set_document(risky_document())
    proxy = BeadFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(risk_min=0.3)
    assert proxy.rowCount() == 3 and proxy.is_filtered()
    proxy.set_filters(flag="risky")
    rows = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert rows == [2, 3]  # risk >= 50 %
    proxy.set_filters(flag="risky", score_min=0.4)
    assert proxy.rowCount() == 1  # bead 3: 0.88 match, 50 % risk
    proxy.set_filters()
    assert proxy.rowCount() == 7


def test_risk_filter_bar(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    set_risks(window.document)
    bar = window.bead_filter
    view = window.bead_view.model()
    assert bar.risk_min.text() == "any"
    bar.risk_min.setValue(40)
    assert view.rowCount() == 2
    bar.risk_min.setValue(0)  # "any": beads without a risk too
    assert view.rowCount() == 7
    entry = bar.flag.findData("risky")
    assert bar.flag.itemText(entry) == "risky (≥ 50 %)"
    bar.flag.setCurrentIndex(entry)
    assert view.rowCount() == 2
    bar.clear()
    assert view.rowCount() == 7 and bar.risk_min.value() == 0


def test_old_table_layouts_are_ignored(make_window: Any, gui_settings: Any) -> None:
    """A header state saved with the six columns of old does not land on the new seven."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QHeaderView

    old = QHeaderView(Qt.Orientation.Horizontal)
    six = QStandardItemModel(1, 6)
    old.setModel(six)
    old.resizeSection(3, 333)
    old.resizeSection(4, 333)
    gui_settings.bead_table_state = old.saveState()
    window = make_window()
    header = window.bead_view.horizontalHeader()
    assert header.count() == 7
    assert header.sectionSize(BeadTableModel.COL_RISK) != 333
    assert header.sectionSize(BeadTableModel.COL_MATCH) != 333
    # The window's own state comes back, with the column count that goes with it.
    header.resizeSection(BeadTableModel.COL_RISK, 77)
    window.save_layout()
    assert gui_settings.bead_table_columns == 7
    again = make_window()
    assert again.bead_view.horizontalHeader().sectionSize(BeadTableModel.COL_RISK) == 77


# -- navigation -----------------------------------------------------------------------


def test_next_risky_bead_riskiest_first(make_window: Any) -> None:
    window = make_window()
    next_risky = action(window, "actionNextRisky")
    assert next_risky.shortcut().toString() == "R"
    others = [a for a in window.actions.all if a is not next_risky]
    assert all(next_risky.shortcut() not in a.shortcuts() for a in others)
    next_risky.trigger()
    assert "No risk estimates" in window.statusBar().currentMessage()
    set_risks(window.document)
    window.select_bead(0)
    next_risky.trigger()
    assert window.current_bead() == 2
    next_risky.trigger()
    assert window.current_bead() == 3  # exactly 50 % counts
    next_risky.trigger()
    assert window.current_bead() == 2  # wraps around past the end
    window.document.update_bead(4, risk=0.9)  # riskier than bead 2, later in the text
    window.select_bead(0)
    seen = []
    for _ in range(3):
        next_risky.trigger()
        seen.append(window.current_bead())
    assert seen == [4, 2, 3]
    window.document.update_bead(4, risk=0.37)
    window.document.update_bead(2, risk=0.1)
    window.document.update_bead(3, risk=None)
    next_risky.trigger()
    assert window.current_bead() == 3 and "No risky bead" in window.statusBar().currentMessage()
    dialog = window.show_shortcuts()
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Next risky bead"] == "R"
    dialog.close()


# -- scores panel ---------------------------------------------------------------------


def test_scores_panel_risk_line(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    panel = window.scores_panel
    assert panel.text("risk") == "–"  # an older project: no risk figures
    scores = dict(window.document.scores)
    scores["risk"] = {"expected_major": 3.44, "risky_beads": 5, "model": "risk-lr 1"}
    window.document.set_scores(scores)
    qtbot.waitUntil(lambda: panel.text("risk") == "3.4 (5 risky beads)")
    assert "risk-lr 1" in panel._labels["risk"].toolTip()
    from aligner_gui.gui.display_names import risk_caveat

    assert panel._labels["risk"].toolTip().endswith(risk_caveat())
    assert panel.risk_text({"risk": {"expected_major": 0.25}}) == "0.2"
    assert panel.risk_text({"risk": None}) == "–"
    assert panel.risk_text({"risk": {"risky_beads": 2}}) == "–"
    assert panel.risk_text(None) == "–"


# -- panes ----------------------------------------------------------------------------


def _styled(pane: Any, colour: Any) -> list[tuple[int, int]]:
    pane._decorate.stop()
    pane._refresh_decorations()
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.extraSelections()
        if s.format.background().style() != Qt.BrushStyle.NoBrush
        and s.format.background().color() == colour
    ]


def test_suspect_tints_follow_the_view_toggle(
    make_window: Any, qtbot: Any, gui_settings: Any
) -> None:
    window = make_window()
    window.resize(1200, 800)
    with qtbot.waitExposed(window):
        window.show()
    doc = window.document
    wrong = suspect(doc, "target", "1550", "Accuracy/Mistranslation", 0.81)
    missing = suspect(doc, "source", "1,550 warheads", "Accuracy/Omission", 0.72)
    toggle = action(window, "actionRiskSuspects")
    assert toggle.isCheckable() and toggle.isChecked() and window.suspect_lens.is_enabled()
    assert toggle in window.menuBar().findChild(QMenu, "menuView").actions()
    red, violet = ERROR_STYLE[0], OMISSION_STYLE[0]
    assert not _styled(window.target_pane, red) and not _styled(window.source_pane, violet)
    doc.update_bead(2, risk=0.9, suspects=[wrong, missing])
    qtbot.waitUntil(lambda: _styled(window.target_pane, red) == [(wrong["start"], wrong["end"])])
    assert _styled(window.source_pane, violet) == [(missing["start"], missing["end"])]
    assert not _styled(window.source_pane, red)
    # Hovering a tinted character names the suspect.
    pane = window.target_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(wrong["start"] + 1)
    left = pane.cursorRect(cursor)
    cursor.setPosition(wrong["start"] + 2)
    point = QPoint((left.left() + pane.cursorRect(cursor).left()) // 2, left.center().y())
    found = window.suspect_lens.tooltip_at(pane, point)
    assert found is not None
    assert found[0] == "Suspect: Accuracy/Mistranslation (confidence 81 %)"
    assert window.suspect_lens.tooltip_at(pane, QPoint(2, pane.viewport().height() - 2)) is None
    # View → Risk suspects off: the tints go, and the choice is remembered.
    toggle.trigger()
    assert not window.suspect_lens.is_enabled() and gui_settings.risk_suspects is False
    assert not _styled(window.target_pane, red) and not _styled(window.source_pane, violet)
    assert window.suspect_lens.tooltip_at(pane, point) is not None  # lookup still works
    again = make_window()
    assert not again.actions.risk_suspects.isChecked()
    assert not again.suspect_lens.is_enabled()


def test_a_malformed_suspect_is_skipped(qtbot: Any) -> None:
    """The panes never raise while painting, even on an entry the format forbids (the
    lens alone here: the suggestion list does not promise as much)."""
    from aligner_gui.gui.panes import TextPane
    from aligner_gui.gui.panes.suspects import SuspectLens

    doc = make_document(fake_beads())
    doc.beads[0].suspects = [{"side": "target"}, {"side": "target", "start": "x", "end": 3}]
    pane = TextPane("target")
    qtbot.addWidget(pane)
    lens = SuspectLens([pane])
    pane.set_document(doc)
    lens.set_document(doc)
    assert lens.spans(pane, 0, 100) == []
    pane._refresh_decorations()  # draws without raising
    pane.set_document(None)


def test_suspect_tints_on_a_long_document_are_built_for_the_visible_part(qtbot: Any) -> None:
    from test_pane_memory import N, _side

    from aligner_gui.gui.panes import TextPane
    from aligner_gui.gui.panes.suspects import SuspectLens

    source = _side("en")
    beads = [Bead((k,), (k,), 0.9, "auto") for k in range(N)]
    for k, bead in enumerate(beads):
        sentence = source.sentences[k]
        bead.risk = 0.6
        bead.suspects = [
            {
                "side": "source",
                "start": sentence.start,
                "end": sentence.start + 5,
                "category": "Accuracy/Omission",
                "confidence": 0.5,
            }
        ]
    doc = AlignmentDocument(source, _side("en"), beads)
    pane = TextPane("source")
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    lens = SuspectLens([pane])
    pane.set_document(doc)
    lens.set_document(doc)
    with qtbot.waitExposed(pane):
        pane.show()
    tinted = _styled(pane, OMISSION_STYLE[0])
    assert 0 < len(tinted) < 60  # the beads in view, not 4,000


# -- overview strip -------------------------------------------------------------------


def test_overview_marks_risky_beads(qtbot: Any) -> None:
    doc = risky_document()
    marks = row_marks(doc, 70)  # 10 rows per bead
    assert sorted(marks.risky.values()) == [2, 3]
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(16, 70)
    strip.set_document(doc)
    image = strip.grab().toImage()
    row = next(r for r, bead in strip.row_marks().risky.items() if bead == 2)
    assert image.pixelColor(1, row) == RISKY
    assert "risk 73 %" in strip.describe(row)
    assert strip.bead_at(row) == 2
    assert "risk" not in strip.describe(1)  # bead 0: 8 %


# -- span suggestions -----------------------------------------------------------------


@pytest.mark.parametrize("flag_kind", ["suspect", "check"])
def test_span_suggestions_are_accepted_and_dismissed(make_window: Any, flag_kind: str) -> None:
    """A suggestion flagged "suspect:…" or "check:…" takes the path the coverage spans
    take: Y adds its annotation and records the flag; X records it; undo restores."""
    window = make_window()
    doc = window.document
    span = suspect(doc, "target", "1550", "Accuracy/Mistranslation", 0.8)
    flag = f"{flag_kind}:target:{span['start']}-{span['end']}"

    def offer() -> mqm.Suggestion:
        annotation = Annotation(
            "mistranslation",
            "target",
            span["start"],
            span["end"],
            "1550",
            "Accuracy/Mistranslation",
            extra={"suggested_by": flag},
        )
        return mqm.Suggestion(2, flag, annotation)

    window.select_bead(2)
    window.review.accept_suggestion(offer())
    assert [a.text for a in doc.annotations] == ["1550"]
    assert flag in doc.beads[2].details[mqm.REVIEWED_KEY]
    window.review.accept_suggestion(offer())  # pressed twice: already reviewed
    assert len(doc.annotations) == 1
    window.undo_stack.undo()
    assert doc.annotations == [] and flag not in doc.beads[2].details.get(mqm.REVIEWED_KEY, ())
    window.review.dismiss_suggestion(offer())
    assert flag in doc.beads[2].details[mqm.REVIEWED_KEY] and doc.annotations == []
    window.undo_stack.undo()
    # A span no longer in its bead (re-aligned since) is not offered any more.
    moved = mqm.Suggestion(0, flag, offer().annotation)
    window.review.accept_suggestion(moved)
    assert doc.annotations == [] and "No suggestion" in window.statusBar().currentMessage()
    from aligner_gui.gui.display_names import suggestion_flag_name

    label = suggestion_flag_name(flag)
    assert label == ("suspect target" if flag_kind == "suspect" else "check target")
    assert suggestion_flag_name("check:terminology:source:3-9") == "terminology source"


# -- glossary -------------------------------------------------------------------------


def test_bad_glossary_is_refused_with_a_warning(
    make_window: Any, recorder: Any, tmp_path: Path
) -> None:
    pytest.importorskip("aligner_gui.core.qe.glossary")
    window = make_window()
    bad = tmp_path / "terms.tbx"
    bad.write_text("<martif><text><body><termEntry>", encoding="utf-8")  # cut short
    assert not window.files.load_glossary(bad)
    ((title, message),) = recorder.errors
    assert "terms.tbx" in title and message and "\n" not in message
    assert "Traceback" not in message
    assert "glossary" not in window.document.meta and window.undo_stack.count() == 0


def test_glossary_is_remembered_in_the_project_and_undoable(
    make_window: Any, recorder: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("aligner_gui.core.qe.glossary")
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    good = tmp_path / "terms.csv"
    good.write_text("en,zh\nwarhead,弹头\ntreaty,条约\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(good), ""))
    )
    refreshes: list[int] = []
    window.suggestion_model.modelReset.connect(lambda: refreshes.append(1))
    action(window, "actionLoadGlossary").trigger()
    assert recorder.errors == []
    assert window.document.meta["glossary"] == str(good.resolve())
    assert window.isWindowModified() and window.undo_stack.count() == 1
    window.suggestion_model.refresh_if_pending()
    assert refreshes  # the checks read the glossary: suggestions are recomputed
    action(window, "actionClearGlossary").trigger()
    assert "glossary" not in window.document.meta
    window.undo_stack.undo()
    assert window.document.meta["glossary"] == str(good.resolve())
    window.undo_stack.undo()
    assert "glossary" not in window.document.meta and not window.isWindowModified()
    window.undo_stack.redo()
    saved = tmp_path / "project.json"
    assert window.save_to(saved)
    reopened = make_window(saved)
    assert reopened.document.meta["glossary"] == str(good.resolve())


# -- translation ----------------------------------------------------------------------


def test_new_strings_are_translated(make_window: Any) -> None:
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from aligner_gui.gui.application import load_translation

    translator = QTranslator()
    assert load_translation(translator, QLocale("zh_CN"))
    app = QApplication.instance()
    app.installTranslator(translator)
    try:
        window = make_window()
        horizontal = Qt.Orientation.Horizontal
        for column in (BeadTableModel.COL_MATCH, BeadTableModel.COL_RISK):
            header = window.bead_model.headerData(column, horizontal)
            assert header and header.isascii() is False, header
        for name in ("actionNextRisky", "actionRiskSuspects", "actionLoadGlossary"):
            assert not action(window, name).text().replace("&", "").isascii(), name
    finally:
        app.removeTranslator(translator)


def test_a_first_click_on_risk_puts_the_riskiest_bead_first(make_window: Any) -> None:
    """Qt's first click sorts up: the least risky beads came first (a helper's review)."""
    window = make_window()
    set_risks(window.document)
    table = window.bead_table
    header = table.view.horizontalHeader()
    header.setSortIndicator(BeadTableModel.COL_RISK, Qt.SortOrder.AscendingOrder)  # a click
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    first = table.proxy.mapToSource(table.proxy.index(0, 0)).row()
    assert first == 2  # risk 0.73
    header.setSortIndicator(BeadTableModel.COL_RISK, Qt.SortOrder.AscendingOrder)  # again
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
