"""Text panes: code-point offsets map onto Qt positions, also past non-BMP characters."""

from __future__ import annotations

from typing import Any

from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side
from aligner_gui.gui.panes import TextPane
from aligner_gui.gui.panes.offsets import OffsetMap


def test_offset_map_round_trips() -> None:
    text = "a𠀀b𠀁c"
    offsets = OffsetMap(text)
    assert [offsets.to_qt(k) for k in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [offsets.from_qt(offsets.to_qt(k)) for k in range(len(text) + 1)] == list(range(6))
    plain = OffsetMap("abc")
    assert plain.to_qt(2) == 2 and plain.from_qt(2) == 2


def test_pane_selection_uses_code_points(qtbot: Any) -> None:
    zh = "𠀀字一句。第二句。"
    en = "One. Two."
    source = Side("en", "original", en, [Sentence(0, 0, 0, 4, "One."), Sentence(1, 0, 5, 9,
                                                                                 "Two.")])
    target = Side("zh", "translation", zh, [Sentence(0, 0, 0, 5, zh[0:5]),
                                             Sentence(1, 0, 5, 9, zh[5:9])])
    doc = AlignmentDocument(source, target, [Bead((0,), (0,)), Bead((1,), (1,))])
    doc.check()
    pane = TextPane("target")
    qtbot.addWidget(pane)
    pane.set_document(doc)
    pane.select_span(5, 8)
    assert pane.selected_span() == (5, 8)
    assert pane.textCursor().selectedText() == "第二句"
    assert pane.bead_at_qt(pane.textCursor().selectionStart()) == 1
    spans: list[tuple[str, int, int]] = []
    pane.span_selected.connect(lambda *args: spans.append(args))
    pane.select_span(1, 3)
    assert spans[-1] == ("target", 1, 3)


def test_window_paints_margins_and_overview(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.resize(1200, 800)
    with qtbot.waitExposed(window):
        window.show()
    window.select_bead(1)
    window.actions.mark_omission.trigger()
    image = window.grab().toImage()
    assert not image.isNull()
    strip = window.overview.grab().toImage()
    colours = {strip.pixel(x, y) for x in range(strip.width()) for y in range(strip.height())}
    assert len(colours) >= 3  # background, omission/addition marks, the annotation mark
    margin = window.source_pane._margin.grab().toImage()
    assert len({margin.pixel(x, y) for x in range(0, margin.width(), 3)
                for y in range(0, margin.height(), 3)}) >= 3
    window.overview.bead_requested.emit(6)
    assert window.current_bead() == 6


def test_overview_frames_what_the_source_pane_shows(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.resize(1000, 700)
    with qtbot.waitExposed(window):
        window.show()
    window.source_pane.scrolled.emit("source")
    assert window.overview.viewport_beads is not None
    first, last = window.overview.viewport_beads
    assert first == 0 and last >= first
