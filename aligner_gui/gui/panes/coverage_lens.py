"""The coverage lens in the review window: tints uncovered words, explains words on hover.

An add-on over the two text panes. It draws through the pane's decoration layers
(``TextPane.add_decoration_layer``), so the sentence tints, the current bead and the
annotation marks stay as they are, and it answers tooltips from an event filter on
each pane's viewport, so the panes know nothing about coverage.

The spans come from the document: ``bead.details["uncovered"]``, stored by the engine
on alignment and rescoring. A bead edited by hand since has none; its spans are
computed on demand (``coverage.document.bead_uncovered``) with the engine's dictionary, but
only when the dictionary is loaded already: the lens never loads it on the GUI thread.
So does hovering: the glosses of a word (``coverage.glosses.word_glosses``) are computed when
it is hovered, and a pane shows no lens tooltip while the dictionary is not loaded.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QColor, QHelpEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QToolTip

from aligner_gui.core.coverage.stored import stored_uncovered
from aligner_gui.core.lexicon.shared import loaded_lexicon
from aligner_gui.core.model import UNCOVERED_KEY, AlignmentDocument
from aligner_gui.gui.panes.offsets import OffsetMap
from aligner_gui.gui.panes.toggled import ToggledTint

if TYPE_CHECKING:
    from aligner_gui.gui.panes.text_pane import TextPane

# Pale amber, light enough to read through: yellower than the addition tint, a
# background unlike the annotations' wavy underlines, and no blue like the current bead.
LENS_TINT_LIGHT = QColor(255, 215, 70, 75)
LENS_TINT_DARK = QColor(255, 215, 85, 48)
# A tooltip, not a concordance.
MAX_TRIED = 12

Span = tuple[int, int]
LexiconProvider = Callable[[], Any]


def lens_tint(palette: QPalette) -> QColor:
    """The tint for a pane's palette (a little less opaque on dark backgrounds)."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(LENS_TINT_DARK if dark else LENS_TINT_LIGHT)


def uncovered_share_text(scores: Mapping[str, Any] | None) -> str:
    """The scores panel's figure: "2.2 % (7 of 317)" from ``doc.scores["uncovered"]``."""
    share = (scores or {}).get(UNCOVERED_KEY)
    if not isinstance(share, Mapping) or share.get("source") is None:
        return "–"
    tinted, words = share.get("source_uncovered"), share.get("source_words")
    if isinstance(tinted, int) and isinstance(words, int) and words > 0:
        return QCoreApplication.translate("CoverageLens", "{0:.1f} % ({1} of {2})").format(
            100.0 * tinted / words, tinted, words
        )
    return f"{100.0 * float(share['source']):.1f} %"


class CoverageLens(ToggledTint):
    """While enabled: tints the uncovered spans of paired beads, explains hovered words.

    ``lexicon`` returns the engine's dictionary or None (tests pass their own).
    """

    SETTING = "coverage_lens"

    def __init__(
        self,
        panes: Sequence[TextPane],
        parent: QObject | None = None,
        *,
        lexicon: LexiconProvider = loaded_lexicon,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coverageLens")
        self.panes = list(panes)
        self.document: AlignmentDocument | None = None
        self._enabled = False
        self._lexicon = lexicon
        self._computed: dict[int, list[dict[str, Any]]] = {}  # bead index -> spans (edited beads)
        self._glosses: dict[tuple[str, int], list[dict[str, Any]]] = {}
        self._offsets: dict[str, tuple[str, OffsetMap]] = {}
        self._layers: dict[str, Callable[[int, int], list[tuple[int, int, QTextCharFormat]]]] = {}
        for pane in self.panes:
            self._layers[pane.side] = self._layer_for(pane)
            pane.add_decoration_layer(self._layers[pane.side])
            pane.viewport().installEventFilter(self)

    # -- wiring -----------------------------------------------------------------------
    def set_document(self, document: AlignmentDocument | None) -> None:
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.document = document
        self._forget()
        self._offsets.clear()
        if document is not None:
            document.subscribe(self._on_document_event)
        self._repaint()

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event in ("beads_replaced", "bead_changed", "reset"):
            self._forget()
            self._repaint()

    def _forget(self) -> None:
        self._computed.clear()
        self._glosses.clear()

    def _repaint(self) -> None:
        for pane in self.panes:
            pane.schedule_decorations()

    # -- spans ------------------------------------------------------------------------
    def bead_spans(self, index: int) -> list[dict[str, Any]]:
        """The uncovered spans of bead ``index``: stored, else computed if the dictionary
        is loaded (beads edited since the last rescoring), else none."""
        doc = self.document
        if doc is None or not (0 <= index < len(doc.beads)):
            return []
        stored = stored_uncovered(doc.beads[index])
        if stored is not None:
            return stored
        if index not in self._computed:
            lexicon = self._lexicon()
            if lexicon is None:
                return []
            from aligner_gui.core.coverage.document import (
                bead_uncovered,  # the engine, once there is work for it
            )

            self._computed[index] = bead_uncovered(doc, index, lexicon)
        return self._computed[index]

    def spans(self, side: str, lo: int, hi: int) -> list[Span]:
        """Uncovered spans of ``side`` meeting the offsets ``lo..hi`` (code points)."""
        doc = self.document
        if doc is None or not doc.beads:
            return []
        first, last = self._sentence_range(side, lo, hi)
        if first is None or last is None:
            return []
        try:
            b0 = doc.bead_of_sentence(side, first)
            b1 = doc.bead_of_sentence(side, last)
        except ValueError:
            return []
        out: list[Span] = []
        for b in range(b0, b1 + 1):
            for span in self.bead_spans(b):
                start, end = int(span["start"]), int(span["end"])
                if span.get("side") == side and start < end and start <= hi and end >= lo:
                    out.append((start, end))
        return out

    def _sentence_range(self, side: str, lo: int, hi: int) -> tuple[int | None, int | None]:
        pane = self._pane(side)
        if pane is not None:
            return pane.sentence_at(lo), pane.sentence_at(hi)
        assert self.document is not None
        starts = [s.start for s in self.document.side(side).sentences]
        if not starts:
            return None, None
        return (max(0, bisect_right(starts, lo) - 1), max(0, bisect_right(starts, hi) - 1))

    def _pane(self, side: str) -> TextPane | None:
        for pane in self.panes:
            if pane.side == side:
                return pane
        return None

    def _layer_for(
        self, pane: TextPane
    ) -> Callable[[int, int], list[tuple[int, int, QTextCharFormat]]]:
        def layer(lo: int, hi: int) -> list[tuple[int, int, QTextCharFormat]]:
            if not self._enabled or self.document is None:
                return []
            fmt = QTextCharFormat()
            fmt.setBackground(lens_tint(pane.palette()))
            return [(start, end, fmt) for start, end in self.spans(pane.side, lo, hi)]

        return layer

    # -- hover ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._enabled:
            for pane in self.panes:
                if watched is pane.viewport():
                    assert isinstance(event, QHelpEvent)
                    found = self.tooltip_at(pane, event.pos())
                    if found is None:
                        return False  # the pane's own tooltips, if any
                    text, rect = found
                    QToolTip.showText(event.globalPos(), text, pane.viewport(), rect)
                    return True
        return super().eventFilter(watched, event)

    def word_at(self, pane: TextPane, pos: QPoint) -> tuple[int, dict[str, Any], QRect] | None:
        """The content word under ``pos`` (viewport coordinates): bead, record, its rect."""
        doc = self.document
        lexicon = self._lexicon()
        if doc is None or lexicon is None or not doc.beads:
            return None
        offsets = self._offset_map(pane.side)
        offset = offsets.from_qt(pane.cursorForPosition(pos).position())
        for at in (offset, offset - 1):  # the caret lands before or after the character
            sentence = pane.sentence_at(max(0, at))
            if sentence is None:
                return None
            try:
                index = doc.bead_of_sentence(pane.side, sentence)
            except ValueError:
                return None
            for record in self._records(pane.side, index, lexicon):
                if record["start"] <= at < record["end"]:
                    rect = self._word_rect(pane, offsets, record)
                    if rect.contains(pos):
                        return index, record, rect
        return None

    def tooltip_at(self, pane: TextPane, pos: QPoint) -> tuple[str, QRect] | None:
        found = self.word_at(pane, pos)
        if found is None:
            return None
        _index, record, rect = found
        return self.describe(pane.side, record), rect

    def _records(self, side: str, index: int, lexicon: Any) -> list[dict[str, Any]]:
        key = (side, index)
        if key not in self._glosses:
            doc = self.document
            assert doc is not None
            bead = doc.beads[index]
            records: list[dict[str, Any]] = []
            if bead.source and bead.target:
                from aligner_gui.core.coverage.glosses import word_glosses

                records = word_glosses(side, bead, doc, lexicon)
            self._glosses[key] = records
        return self._glosses[key]

    @staticmethod
    def _word_rect(pane: TextPane, offsets: OffsetMap, record: Mapping[str, Any]) -> QRect:
        cursor = QTextCursor(pane.document())
        cursor.setPosition(offsets.to_qt(int(record["start"])))
        first = pane.cursorRect(cursor)
        cursor.setPosition(offsets.to_qt(int(record["end"])))
        last = pane.cursorRect(cursor)
        if first.top() == last.top():  # on one line: exactly the word
            return QRect(
                first.left(), first.top(), max(1, last.left() - first.left()), first.height()
            )
        # Wrapped: the lines the word spans, full width.
        return QRect(0, first.top(), pane.viewport().width(), last.bottom() - first.top())

    def describe(self, side: str, record: Mapping[str, Any]) -> str:
        """Rich text for one ``coverage.glosses.word_glosses`` record."""

        def esc(text: str) -> str:
            return html.escape(text, quote=False)

        word = esc(str(record.get("word", "")))
        matched = [str(m) for m in record.get("matched", ())]
        if record.get("covered") and matched:
            state = self.tr("covered by {0}").format(esc(", ".join(matched)))
        elif record.get("covered"):
            state = self.tr("covered")
        else:
            state = self.tr("not covered")
        lines = [f"<b>{word}</b> — {state}"]
        if record.get("tinted"):
            lines.append("<i>" + esc(self.tr("part of an uncovered span")) + "</i>")
        forms = [str(f) for f in record.get("forms", ()) if str(f) != record.get("word")]
        if forms:
            lines.append(esc(self.tr("Looked up as: {0}").format(", ".join(forms))))
        tried = [str(t) for t in record.get("tried", ())]
        if tried:
            if self._is_zh(side):
                title = self.tr("Dictionary glosses tried:")
            else:
                title = self.tr("Compared with the bead's Chinese words:")
            shown = "<br>".join("&nbsp;&nbsp;" + esc(t) for t in tried[:MAX_TRIED])
            more = len(tried) - MAX_TRIED
            if more > 0:
                shown += "<br>&nbsp;&nbsp;" + esc(self.tr("… {0} more").format(more))
            lines.append(esc(title) + "<br>" + shown)
        return "<qt>" + "<br>".join(lines) + "</qt>"

    def _is_zh(self, side: str) -> bool:
        doc = self.document
        return doc is not None and doc.side(side).lang == "zh"
