"""A long text scrolled end to end keeps only the layouts around the viewport: memory
stays bounded however far the editor scrolls, and released blocks draw again."""

from __future__ import annotations

from typing import Any

from aligner_gui.core.model import AlignmentDocument, Annotation, Bead, Sentence, Side
from aligner_gui.gui.panes import TextPane
from aligner_gui.gui.panes.layouts import KEEP_LAID_OUT

N = 4000


def _side(lang: str) -> Side:
    sentences, texts, pos = [], [], 0
    for k in range(N):
        text = (f"Verse {k}: and the words of this verse run on long enough to wrap "
                f"across two lines of the pane, like a Bible verse does.")
        sentences.append(Sentence(k, k, pos, pos + len(text), text))
        texts.append(text)
        pos += len(text) + 1
    return Side(lang, "original", "\n".join(texts), sentences)


def _laid_out_blocks(pane: TextPane) -> int:
    block, count = pane.document().firstBlock(), 0
    while block.isValid():
        count += block.layout().lineCount() > 0
        block = block.next()
    return count


def test_scrolling_a_long_text_keeps_few_layouts_and_draws_again(qtbot: Any) -> None:
    source = _side("en")
    beads = [Bead((k,), (k,), 0.3 if k % 3 else 0.9, "auto") for k in range(N)]
    doc = AlignmentDocument(source, _side("en"), beads)
    start = source.sentences[10].start
    doc.annotations.append(Annotation("omission", "source", start, start + 5, "Verse",
                                      "Accuracy/Omission"))
    pane = TextPane("source")
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.set_document(doc)
    with qtbot.waitExposed(pane):
        pane.show()
    bar = pane.verticalScrollBar()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        pane._refresh_decorations()  # as the coalescing timer does after each step
        pane.viewport().repaint()
        pane._margin.repaint()
    assert _laid_out_blocks(pane) <= KEEP_LAID_OUT + 50, _laid_out_blocks(pane)
    # Back at the top: released blocks are laid out again, with margin bands and marks.
    bar.setValue(0)
    pane._refresh_decorations()
    pane.viewport().repaint()
    assert pane.line_span_y(source.sentences[0].start) is not None
    assert pane.line_span_y(start) is not None
    margin = pane._margin.grab().toImage()
    colours = {margin.pixel(x, y) for x in range(margin.width() - 16, margin.width())
               for y in range(0, min(200, margin.height()), 2)}
    assert len(colours) >= 3  # background, score bands, the annotation dot
    assert pane.extraSelections()  # the sentence tints are drawn over the top again
