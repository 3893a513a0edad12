"""The overview strip points at problems at any size: omissions always, low scores only
where they gather."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import QPoint, Qt

from aligner_gui.core.model import AlignmentDocument, Annotation, Bead, Sentence, Side
from aligner_gui.gui.panes.overview import ANNOTATED, LOW, NUMBERS, OMISSION, OverviewStrip

N = 10_000
OMISSIONS = (1234, 5000, 8765)
CLUSTER = range(7000, 7200)  # a passage where nearly every bead scores low


def _side(lang: str, count: int) -> Side:
    sentences, texts, pos = [], [], 0
    for k in range(count):
        text = f"s{k}."
        sentences.append(Sentence(k, k, pos, pos + len(text), text))
        texts.append(text)
        pos += len(text) + 1
    return Side(lang, "original" if lang == "en" else "translation", "\n".join(texts), sentences)


def big_document() -> AlignmentDocument:
    """10,000 beads, 40 % low-score at random (as in the Bible), three omissions, one
    dense low-score passage, a number mismatch and an annotation."""
    rng = random.Random(7)
    beads, t = [], 0
    for k in range(N):
        if k in OMISSIONS:
            beads.append(Bead((k,), (), 0.0, "auto", ["omission", "content"]))
            continue
        flags = ["low-score"] if (k in CLUSTER and rng.random() < 0.95) or \
            rng.random() < 0.4 else []
        if k == 3000:
            flags.append("number-mismatch")
        beads.append(Bead((k,), (t,), 0.3 if flags else 0.9, "auto", flags))
        t += 1
    doc = AlignmentDocument(_side("en", N), _side("zh", t), beads)
    start = doc.source.sentences[9000].start
    doc.annotations.append(Annotation("omission", "source", start, start + 3, "s90",
                                      "Accuracy/Omission"))
    return doc


def _row_colours(image: Any, x: int) -> list[int]:
    return [image.pixel(x, y) for y in range(image.height())]


def test_big_document_strip_is_mostly_clear_and_points_at_omissions(qtbot: Any) -> None:
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(16, 600)
    strip.set_document(big_document())
    image = strip.grab().toImage()
    background = strip.palette().color(strip.backgroundRole()).rgb()
    base = strip.palette().base().color().rgb()
    left = _row_colours(image, 2)
    marked = [y for y, c in enumerate(left) if c not in (background, base)]
    assert len(marked) < 0.15 * image.height(), f"{len(marked)} of {image.height()} rows marked"
    for k in OMISSIONS:  # each omission's row is red
        y = k * image.height() // N
        assert left[y] == OMISSION.rgb(), (k, hex(left[y]))
    # the dense passage shows as low-score concentration, the random 40 % elsewhere does not
    cluster_rows = range(7000 * 600 // N + 1, 7200 * 600 // N - 1)
    assert all(y in marked for y in cluster_rows)
    assert any(colour_distance(left[y], LOW.rgb()) < 120 for y in cluster_rows)
    # the number mismatch is its own colour; the annotation is in the right lane
    assert left[3000 * 600 // N] == NUMBERS.rgb()
    right = _row_colours(image, 13)
    assert right[9000 * 600 // N] == ANNOTATED.rgb()


def colour_distance(a: int, b: int) -> int:
    return sum(abs(((a >> s) & 255) - ((b >> s) & 255)) for s in (16, 8, 0))


def test_click_near_an_omission_lands_on_it(qtbot: Any) -> None:
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(16, 600)
    strip.set_document(big_document())
    y = 5000 * 600 // N
    with qtbot.waitSignal(strip.bead_requested) as blocker:  # a near miss means the omission
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(4, y + 2))
    assert blocker.args == [5000]


def test_few_low_scores_are_each_marked(make_window: Any, qtbot: Any) -> None:
    window = make_window()  # the seven-bead document: one low-score bead
    window.resize(1200, 800)
    with qtbot.waitExposed(window):
        window.show()
    marks = window.overview.row_marks()
    assert [bead for bead, _strength in marks.low.values()] == [2]
    assert sorted(marks.omission.values()) == [1, 5]
    assert list(marks.addition.values()) == [6]


def test_hover_says_what_a_click_lands_on(qtbot: Any) -> None:
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(16, 600)
    strip.set_document(big_document())
    assert strip.describe(5000 * 600 // N + 1) == "Bead 5001 of 10000: omission"
    assert strip.describe(3000 * 600 // N).startswith("Bead 3001 of 10000: number mismatch")
    assert "doubtful pairings gather here" in strip.describe(7100 * 600 // N)
    assert strip.describe(9000 * 600 // N).endswith("annotated")
