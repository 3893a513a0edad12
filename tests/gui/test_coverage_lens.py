"""The coverage lens on the real aligned seed: tints, hover glosses, the share figure,
and its wiring in the window (action, setting, scores row, suggestions)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAction, QColor, QHelpEvent, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import QMenu, QToolTip

from aligner_gui.core import offers
from aligner_gui.core.coverage import document as coverage
from aligner_gui.core.coverage import glosses, suggestions
from aligner_gui.core.lexicon.shared import get_lexicon
from aligner_gui.core.model import AlignmentDocument, Annotation, Bead
from aligner_gui.core.pipeline import align_document, load_document
from aligner_gui.gui.panes import TextPane
from aligner_gui.gui.panes import text_pane as text_pane_module
from aligner_gui.gui.panes.coverage_lens import (
    LENS_TINT_DARK,
    LENS_TINT_LIGHT,
    CoverageLens,
    lens_tint,
    loaded_lexicon,
    uncovered_share_text,
)

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_730210bb8f392e85.txt"
ACTON = "disagreement over whether verification is needed is pretty significant"
HIGH_TONE = "录音再现装置发出的高音"  # translates nothing in "in a tweet"

@pytest.fixture(scope="module")
def aligned_seed() -> AlignmentDocument:
    """The seed aligned by the real engine (read-only: tests that edit make their own)."""
    return align_document(load_document([SEED]))


@pytest.fixture
def fresh_seed() -> AlignmentDocument:
    return align_document(load_document([SEED]))


@pytest.fixture
def lens_on(qtbot: Any) -> Iterator[tuple[CoverageLens, TextPane, TextPane]]:
    """Two real panes (900x700) under one lens; _show puts a document in them."""
    source, target = TextPane("source"), TextPane("target")
    for pane in (source, target):
        qtbot.addWidget(pane)
        pane.resize(900, 700)
    lens = CoverageLens([source, target])
    yield lens, source, target
    lens.set_document(None)
    for pane in (source, target):
        pane.set_document(None)  # unsubscribe from the shared seed document


def _show(qtbot: Any, doc: AlignmentDocument, lens: CoverageLens, *panes: TextPane) -> None:
    for pane in panes:
        pane.set_document(doc)
        pane.show()
        qtbot.waitExposed(pane)
    lens.set_document(doc)


def _offset(doc: AlignmentDocument, side: str, phrase: str) -> tuple[int, int]:
    start = doc.side(side).text.index(phrase)
    return start, start + len(phrase)


def _tinted(lens: CoverageLens, side: str, start: int, end: int) -> float:
    """Share of the characters start..end inside the lens's spans."""
    inside = set()
    for s, e in lens.spans(side, start, end):
        inside.update(range(max(s, start), min(e, end)))
    return len(inside) / (end - start)


def _amber(selection: Any) -> bool:
    colour = selection.format.background().color()
    return selection.format.background().style() != 0 and colour in (
        LENS_TINT_LIGHT,
        LENS_TINT_DARK,
    )


def _refresh(pane: TextPane) -> list[Any]:
    pane._decorate.stop()
    pane._refresh_decorations()
    return list(pane.extraSelections())


def _viewport_point(pane: TextPane, offset: int) -> QPoint:
    """The middle of the character at ``offset``, in viewport coordinates, scrolled into view."""
    pane.scroll_to_offset(offset, lines_above=2)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(offset)
    left = pane.cursorRect(cursor)
    cursor.setPosition(offset + 1)
    right = pane.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


# -- spans ----------------------------------------------------------------------------


def test_lens_tints_the_dropped_acton_clause_and_leaves_faithful_text_clear(
    qtbot: Any, aligned_seed: AlignmentDocument, lens_on: Any
) -> None:
    lens, source, target = lens_on
    doc = aligned_seed
    _show(qtbot, doc, lens, source, target)
    stored = [sp for b in doc.beads for sp in b.details.get("uncovered", ())]
    assert stored, "the engine stores uncovered spans on alignment"
    for name in ("source", "target"):
        whole = lens.spans(name, 0, len(doc.side(name).text))
        assert sorted(whole) == sorted(
            (sp["start"], sp["end"]) for sp in stored if sp["side"] == name
        )
    assert _tinted(lens, "source", *_offset(doc, "source", ACTON)) > 0.9
    assert _tinted(lens, "target", *_offset(doc, "target", HIGH_TONE)) > 0.9
    # Precision: the translated text stays almost entirely clear.
    total = len(doc.source.text)
    assert sum(e - s for s, e in lens.spans("source", 0, total)) / total < 0.05
    # Visible-range queries return only spans meeting the range.
    acton = _offset(doc, "source", ACTON)
    assert lens.spans("source", 0, 50) == []
    assert all(s <= acton[1] and e >= acton[0] for s, e in lens.spans("source", *acton))


def test_an_edited_bead_is_tinted_from_the_engine_until_rescored(
    qtbot: Any, fresh_seed: AlignmentDocument, lens_on: Any
) -> None:
    lens, source, target = lens_on
    doc = fresh_seed
    _show(qtbot, doc, lens, source, target)
    acton = _offset(doc, "source", ACTON)
    index = doc.bead_of_sentence("source", source.sentence_at(acton[0]))
    assert lens.bead_spans(index)
    before = set(lens.spans("source", *acton))
    # Unlink and re-pair the bead by hand: the new bead has no stored spans.
    old = doc.beads[index]
    doc.replace_beads(index, index + 1, [Bead(old.source, old.target, None, "manual", [], {})])
    assert "uncovered" not in doc.beads[index].details
    assert set(lens.spans("source", *acton)) == before
    assert lens.bead_spans(index) == coverage.bead_uncovered(doc, index)
    # Without a loaded dictionary the lens computes nothing (and loads nothing).
    idle = CoverageLens([], lexicon=lambda: None)
    idle.set_document(doc)
    assert idle.spans("source", *acton) == []
    assert idle.bead_spans(0) == list(doc.beads[0].details.get("uncovered", ()))
    idle.set_document(None)


def test_loaded_lexicon_never_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    from aligner_gui.core.lexicon import shared

    get_lexicon()  # loaded by the alignments above in any order of the tests
    assert loaded_lexicon() is get_lexicon()
    calls: list[int] = []

    class Empty:
        def cache_info(self) -> Any:
            return type("Info", (), {"currsize": 0})()

        def __call__(self) -> Any:
            calls.append(1)
            raise AssertionError("the lens must not load the dictionary")

    monkeypatch.setattr(shared, "_load", Empty())
    assert loaded_lexicon() is None
    assert calls == []


# -- drawing ----------------------------------------------------------------------------


def test_tints_join_the_pane_highlighting_and_follow_the_toggle(
    qtbot: Any, fresh_seed: AlignmentDocument, lens_on: Any
) -> None:
    lens, source, target = lens_on
    doc = fresh_seed
    _show(qtbot, doc, lens, source, target)
    acton = _offset(doc, "source", ACTON)
    bead = doc.bead_of_sentence("source", source.sentence_at(acton[0]))
    doc.add_annotation(Annotation("omission", "source", acton[0], acton[0] + 12,
                                  doc.source.text[acton[0]:acton[0] + 12],
                                  "Accuracy/Omission", "minor"))
    source.show_bead(bead)
    target.show_bead(bead)
    plain = _refresh(source)
    assert not any(_amber(s) for s in plain)
    lens.set_enabled(True)
    lensed = _refresh(source)
    amber = [s for s in lensed if _amber(s)]
    assert amber, "the lens tints the visible uncovered span"
    assert any(s.cursor.selectionStart() <= acton[0] + 5 < s.cursor.selectionEnd()
               for s in amber)
    # Combined, not overwritten: every earlier decoration is still there, in order,
    # and the lens sits below the current bead and the annotation's underline.
    others = [s for s in lensed if not _amber(s)]
    assert len(others) == len(plain)
    first_amber = lensed.index(amber[0])
    current = text_pane_module.CURRENT_TINT
    current_at = [k for k, s in enumerate(lensed)
                  if s.format.background().color() == current]
    underline_at = [k for k, s in enumerate(lensed)
                    if s.format.underlineStyle() != s.format.UnderlineStyle.NoUnderline]
    assert current_at and underline_at
    assert first_amber < min(current_at) and first_amber < min(underline_at)
    assert any(_amber(s) for s in _refresh(target))
    lens.set_enabled(False)
    assert [s.format.background().color() for s in _refresh(source)] == [
        s.format.background().color() for s in plain]


def test_tints_follow_bead_edits_and_undo_through_document_events(
    qtbot: Any, fresh_seed: AlignmentDocument, lens_on: Any
) -> None:
    lens, source, target = lens_on
    doc = fresh_seed
    _show(qtbot, doc, lens, source, target)
    lens.set_enabled(True)
    acton = _offset(doc, "source", ACTON)
    index = doc.bead_of_sentence("source", source.sentence_at(acton[0]))
    source.scroll_to_offset(acton[0], lines_above=2)
    qtbot.waitUntil(lambda: any(_amber(s) for s in source.extraSelections()))
    # Split the bead into a 1-0 and a 0-1: one-sided beads are never tinted.
    old = doc.beads[index]
    removed = doc.replace_beads(index, index + 1, [
        Bead(old.source, (), None, "manual", [], {}),
        Bead((), old.target, None, "manual", [], {}),
    ])
    qtbot.waitUntil(lambda: not any(_amber(s) for s in source.extraSelections()
                                    if s.cursor.selectionStart() <= acton[0] + 5
                                    < s.cursor.selectionEnd()))
    doc.replace_beads(index, index + 2, removed)  # undo
    qtbot.waitUntil(lambda: any(_amber(s) for s in source.extraSelections()
                                if s.cursor.selectionStart() <= acton[0] + 5
                                < s.cursor.selectionEnd()))


def test_tint_is_pale_readable_and_unlike_the_other_highlights(qtbot: Any) -> None:
    def blend(tint: QColor, base: QColor) -> QColor:
        a = tint.alphaF()
        return QColor.fromRgbF(*(a * t + (1 - a) * b for t, b in zip(
            (tint.redF(), tint.greenF(), tint.blueF()),
            (base.redF(), base.greenF(), base.blueF()), strict=True)))

    def luminance(c: QColor) -> float:
        def lin(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())

    def contrast(a: QColor, b: QColor) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    light, dark = (QColor("white"), QColor("black")), (QColor(30, 30, 30), QColor(220, 220, 220))
    for base, text in (light, dark):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, base)
        palette.setColor(QPalette.ColorRole.Text, text)
        tint = lens_tint(palette)
        assert tint.alpha() <= 80, "light enough to read through"
        behind = blend(tint, base)
        assert contrast(behind, text) >= 7.0  # WCAG AAA for body text
        assert behind != base
    for other in (text_pane_module.CURRENT_TINT, text_pane_module.ADDITION_TINT,
                  text_pane_module.OMISSION_TINT, text_pane_module.QUIET_TINT):
        for tint in (LENS_TINT_LIGHT, LENS_TINT_DARK):
            assert abs(tint.hueF() - other.hueF()) > 0.03 or other.saturationF() < 0.2


# -- hover ------------------------------------------------------------------------------


def test_hovering_a_word_shows_the_glosses_tried(
    qtbot: Any, aligned_seed: AlignmentDocument, lens_on: Any
) -> None:
    lens, source, target = lens_on
    doc = aligned_seed
    _show(qtbot, doc, lens, source, target)
    start = doc.source.text.index("verification", doc.source.text.index(ACTON))
    point = _viewport_point(source, start + 3)
    found = lens.word_at(source, point)
    assert found is not None
    index, record, rect = found
    assert record["word"] == "verification" and not record["covered"] and record["tinted"]
    assert rect.contains(point)
    text, _rect = lens.tooltip_at(source, point)
    assert "<b>verification</b>" in text and "not covered" in text
    assert "uncovered span" in text
    assert "Compared with the bead's Chinese words:" in text  # what the dictionary compared it with
    # A covered Chinese word names the English word that it meets.
    zh_records = glosses.word_glosses("target", doc.beads[index], doc, get_lexicon())
    covered = next(r for r in zh_records if r["covered"] and r["matched"])
    zh_point = _viewport_point(target, covered["start"])
    zh_text, _ = lens.tooltip_at(target, zh_point)
    assert covered["word"] in zh_text and "covered by" in zh_text
    assert covered["matched"][0] in zh_text and "Dictionary glosses tried:" in zh_text
    # Blank space after a paragraph's end is not a word.
    last = doc.source.sentences[-1]
    end_point = _viewport_point(source, last.end - 1)
    assert lens.tooltip_at(source, QPoint(source.viewport().width() - 5, end_point.y())) is None
    # Without a loaded dictionary: no tooltip (and no load on the GUI thread).
    lens._lexicon = lambda: None
    lens._glosses.clear()
    assert lens.tooltip_at(source, point) is None


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform's tooltip
def test_tooltip_events_are_answered_only_while_the_lens_is_on(
    qtbot: Any, aligned_seed: AlignmentDocument, lens_on: Any
) -> None:
    lens, source, target = lens_on
    doc = aligned_seed
    _show(qtbot, doc, lens, source, target)
    start = doc.source.text.index("verification", doc.source.text.index(ACTON))
    point = _viewport_point(source, start + 3)
    viewport = source.viewport()

    def hover() -> bool:
        event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
        return lens.eventFilter(viewport, event)

    QToolTip.hideText()
    assert hover() is False
    lens.set_enabled(True)
    assert hover() is True
    qtbot.waitUntil(QToolTip.isVisible)
    assert "verification" in QToolTip.text()
    lens.set_enabled(False)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    assert hover() is False


def test_no_dictionary_load_on_the_gui_thread_without_need(
    make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up: while the first alignment runs there are no beads, so the suggestions
    need no dictionary; nor do beads whose stored coverage is empty (the fake engine's)."""
    import threading

    from aligner_gui.core.lexicon import shared

    main_thread_loads: list[str] = []
    real = shared.get_lexicon

    class NotLoadedYet:
        def cache_info(self) -> Any:
            return type("Info", (), {"currsize": 0})()

        def __call__(self) -> Any:
            if threading.current_thread() is threading.main_thread():
                main_thread_loads.append("load")
            return real()

    monkeypatch.setattr(shared, "get_lexicon", NotLoadedYet())
    unaligned = load_document([SEED])
    assert offers.suggestions(unaligned) == []
    window = make_window()
    window.suggestion_model.refresh_if_pending()
    assert window.suggestion_model.rowCount() == 4  # the fake engine's flags
    assert main_thread_loads == []


# -- scores figure ----------------------------------------------------------------------


def test_uncovered_share_text(aligned_seed: AlignmentDocument) -> None:
    share = aligned_seed.scores["uncovered"]
    text = uncovered_share_text(aligned_seed.scores)
    k, n = share["source_uncovered"], share["source_words"]
    assert text == f"{100 * k / n:.1f} % ({k} of {n})"
    assert re.fullmatch(r"\d+\.\d % \(\d+ of \d+\)", text)
    assert uncovered_share_text({"uncovered": {"source": 0.0221, "source_uncovered": 7,
                                               "source_words": 317}}) == "2.2 % (7 of 317)"
    assert uncovered_share_text({}) == "–"
    assert uncovered_share_text(None) == "–"
    assert uncovered_share_text({"uncovered": {"source": None, "source_words": 0}}) == "–"
    assert uncovered_share_text({"uncovered": {"source": 0.5}}) == "50.0 %"


# -- the window ---------------------------------------------------------------------------


def test_window_toggle_scores_row_and_suggestions(
    make_window: Any, qtbot: Any, gui_settings: Any
) -> None:
    from aligner_gui.gui.engine import Engine

    window = make_window(SEED, engine=Engine())
    doc = window.document
    assert doc.beads and doc.scores.get("uncovered")
    action = window.findChild(QAction, "actionCoverageLens")
    assert action is not None and action.isCheckable() and not action.isChecked()
    assert action.shortcut() == QKeySequence("Ctrl+L")
    view_menu = window.menuBar().findChild(QMenu, "menuView")
    assert action in view_menu.actions()
    assert action in window.actions.all  # listed in the keyboard-shortcuts sheet
    lens = window.coverage_lens
    assert lens.document is doc
    action.trigger()
    assert lens.is_enabled() and gui_settings.coverage_lens is True
    acton = _offset(doc, "source", ACTON)
    window.select_span("source", *acton)
    qtbot.waitUntil(lambda: any(_amber(s) for s in window.source_pane.extraSelections()))
    action.trigger()
    assert not lens.is_enabled() and gui_settings.coverage_lens is False
    qtbot.waitUntil(lambda: not any(_amber(s) for s in window.source_pane.extraSelections()))
    # The scores panel reports the share of uncovered source content words.
    qtbot.waitUntil(lambda: window.scores_panel.text("uncovered") != "–")
    assert window.scores_panel.text("uncovered") == uncovered_share_text(doc.scores)
    # Coverage suggestions join the engine's others in the accept/dismiss list.
    window.suggestion_model.refresh_if_pending()
    flags = [window.suggestion_model.suggestion(r).flag
             for r in range(window.suggestion_model.rowCount())]
    assert any(f.startswith("uncovered:source:") for f in flags)
    offered = {s.flag for s in offers.suggestions(doc)}
    assert {s.flag for s in suggestions.coverage_suggestions(doc)} <= offered
    row = next(r for r in range(window.suggestion_model.rowCount())
               if window.suggestion_model.suggestion(r).annotation.text.startswith(
                   "disagreement"))
    suggestion = window.suggestion_model.suggestion(row)
    window.review.dismiss_suggestion(suggestion)
    assert suggestion.flag not in {s.flag for s in offers.suggestions(doc)}
    window.undo_stack.undo()
    assert suggestion.flag in {s.flag for s in offers.suggestions(doc)}


def test_lens_setting_is_restored(make_window: Any, gui_settings: Any) -> None:
    gui_settings.coverage_lens = True
    window = make_window()
    assert window.actions.coverage_lens.isChecked() and window.coverage_lens.is_enabled()
