"""Showing things in context: where a one-sided bead's text would stand, spans with room
around them, suggestions named in words."""

from __future__ import annotations

from typing import Any

from guikit import EN, ZH, make_document
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side
from aligner_gui.gui.panes.text_pane import ADDITION_MARK, OMISSION_MARK


def _colour_near(pane: Any, x: int, y: int, colour: QColor, reach: int = 2) -> bool:
    """True when a pixel around (x, y) of the pane's viewport has the marker's colour."""
    image = pane.viewport().grab().toImage()
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            if 0 <= x + dx < image.width() and 0 <= y + dy < image.height():
                pixel = image.pixelColor(x + dx, y + dy)
                if (abs(pixel.red() - colour.red()) < 25 and abs(pixel.green() - colour.green())
                        < 25 and abs(pixel.blue() - colour.blue()) < 25):
                    return True
    return False


def _shown(window: Any, qtbot: Any) -> None:
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)


def test_an_omission_marks_the_gap_between_the_neighbouring_target_paragraphs(
    make_window: Any, qtbot: Any
) -> None:
    window = make_window()
    _shown(window, qtbot)
    doc = window.document
    window.select_bead(1)  # "MORE: Read the full story here." -> nothing
    target = window.target_pane
    assert target.gap() == (doc.target.sentences[0].end, doc.target.sentences[1].start)
    assert window.source_pane.gap() is None  # the omission's own text is tinted instead
    kind, rect = target.gap_geometry()
    assert kind == "line"
    first = target.cursorRect(target._cursor(doc.target.sentences[0].end))
    second = target.cursorRect(target._cursor(doc.target.sentences[1].start))
    assert first.bottom() <= rect.center().y() <= second.top()
    qtbot.waitUntil(lambda: _colour_near(target, rect.center().x(), rect.center().y(),
                                         OMISSION_MARK), timeout=3000)
    window.select_bead(0)  # a paired bead: no marker
    assert target.gap() is None and target.gap_geometry() is None
    assert not _colour_near(target, rect.center().x(), rect.center().y(), OMISSION_MARK)


def test_an_addition_at_the_end_marks_the_end_of_the_source(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    _shown(window, qtbot)
    doc = window.document
    window.select_bead(6)  # nothing -> "这是译者加的一句话。"
    source = window.source_pane
    assert source.gap() == (doc.source.sentences[-1].end, None)
    kind, rect = source.gap_geometry()
    last = source.cursorRect(source._cursor(doc.source.sentences[-1].end))
    assert kind == "line" and rect.top() >= last.bottom() - 1
    qtbot.waitUntil(lambda: _colour_near(source, rect.center().x(), rect.center().y(),
                                         ADDITION_MARK), timeout=3000)


def _side(lang: str, texts: list[str], paragraphs: list[int], sep: str) -> Side:
    sentences, pos = [], 0
    text = ""
    for k, (piece, paragraph) in enumerate(zip(texts, paragraphs, strict=True)):
        if k:
            glue = "\n" if paragraph != paragraphs[k - 1] else sep
            text += glue
            pos += len(glue)
        sentences.append(Sentence(k, paragraph, pos, pos + len(piece), piece))
        text += piece
        pos += len(piece)
    return Side(lang, "original" if lang == "en" else "translation", text, sentences)


def test_an_omission_inside_a_paragraph_shows_a_caret_between_the_sentences(
    make_window: Any, qtbot: Any
) -> None:
    source = _side("en", EN[:3], [0, 0, 0], " ")
    target = _side("zh", [ZH[0], ZH[1]], [0, 0], "")  # one Chinese paragraph, no space
    doc = AlignmentDocument(source, target, [
        Bead((0,), (0,), 0.9), Bead((1,), (), 0.0, flags=["omission"]), Bead((2,), (1,), 0.9)])
    window = make_window()
    _shown(window, qtbot)
    window.install_document(doc, align=False)
    window.select_bead(1)
    pane = window.target_pane
    assert pane.gap() == (len(ZH[0]), len(ZH[0]))
    kind, rect = pane.gap_geometry()
    assert kind == "caret"
    after = pane.cursorRect(pane._cursor(len(ZH[0])))
    assert abs(rect.center().x() - after.left()) <= 2 and rect.height() == after.height()
    qtbot.waitUntil(lambda: _colour_near(pane, rect.left() + 1, rect.center().y(),
                                         OMISSION_MARK, reach=1), timeout=3000)


def test_the_other_pane_scrolls_to_the_gap_of_a_distant_omission(
    make_window: Any, qtbot: Any
) -> None:
    n = 300
    source = _side("en", [f"Sentence number {k} of the story." for k in range(n)],
                   list(range(n)), " ")
    target = _side("zh", [f"第{k}句。" for k in range(n) if k != 250],
                   list(range(n - 1)), "")
    beads = [Bead((k,), (k if k < 250 else k - 1,), 0.9) for k in range(n) if k != 250]
    beads.insert(250, Bead((250,), (), 0.0, flags=["omission"]))
    doc = AlignmentDocument(source, target, beads)
    doc.check()
    window = make_window()
    _shown(window, qtbot)
    window.install_document(doc, align=False)
    window.select_bead(250)
    pane = window.target_pane
    kind, rect = pane.gap_geometry()
    assert kind == "line"
    assert pane.viewport().rect().contains(rect.center())  # scrolled into view
    assert pane.verticalScrollBar().value() > 0


def test_selecting_a_span_shows_it_with_a_line_of_context(make_window: Any, qtbot: Any) -> None:
    n = 300
    source = _side("en", [f"Sentence number {k} of the story." for k in range(n)],
                   list(range(n)), " ")
    target = _side("zh", [f"第{k}句。" for k in range(n)], list(range(n)), "")
    doc = AlignmentDocument(source, target, [Bead((k,), (k,), 0.9) for k in range(n)])
    window = make_window()
    _shown(window, qtbot)
    window.install_document(doc, align=False)
    pane = window.target_pane
    for k in (200, 40, 260):
        sentence = target.sentences[k]
        window.select_span("target", sentence.start, sentence.end)
        top = pane.cursorRect(pane._cursor(sentence.start)).top()
        bottom = pane.cursorRect(pane._cursor(sentence.end)).bottom()
        assert top >= 0 and bottom + pane.fontMetrics().height() <= pane.viewport().height()
        assert pane.selected_span() == (sentence.start, sentence.end)


def test_coverage_suggestions_are_named_in_words(qtbot: Any, monkeypatch: Any) -> None:
    from aligner_gui.core import offers
    from aligner_gui.core.model import Annotation
    from aligner_gui.core.scoring import mqm
    from aligner_gui.gui.models import SuggestionTableModel

    doc = make_document([])
    found = [mqm.Suggestion(0, "uncovered:source:0-12", Annotation(
                 "omission", "source", 0, 12, EN[0][:12], "Accuracy/Omission")),
             mqm.Suggestion(0, "uncovered:target:0-3", Annotation(
                 "addition", "target", 0, 3, ZH[0][:3], "Accuracy/Addition")),
             mqm.Suggestion(1, "omission", Annotation(
                 "omission", "source", 0, 5, EN[1][:5], "Accuracy/Omission"))]
    monkeypatch.setattr(offers, "suggestions", lambda _doc, **_options: found)
    model = SuggestionTableModel()
    model.set_document(doc)
    column = model.COL_FLAG
    shown = [model.data(model.index(r, column)) for r in range(3)]
    assert shown == ["uncovered source", "uncovered target", "omission"]
    tips = [model.data(model.index(r, column), Qt.ItemDataRole.ToolTipRole) for r in range(3)]
    # What it is, why and on which words; never the internal id with its offsets.
    assert tips[0].startswith("Accuracy/Omission · ") and f"«{EN[0][:12]}»" in tips[0]
    assert not any(":" in tip.split("\n")[0] and "0-" in tip for tip in tips)
