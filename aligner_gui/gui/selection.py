"""What the editor has chosen (bead, text span, clicked sentence, annotation, suggestion), and
the panes, the bead table, the overview strip and the side lists kept showing it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QTimer

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.core.scoring import mqm
from aligner_gui.gui.bead_table import BeadTable, select_row
from aligner_gui.gui.panels.annotation_editor import AnnotationEditor
from aligner_gui.gui.panels.lists import AnnotationList, SuggestionList
from aligner_gui.gui.panes import OverviewStrip, TextPane
from aligner_gui.gui.status_bar import StatusIndicators


class Selection(QObject):
    """The window's selection; ``document`` gives the open document (or None)."""

    def __init__(
        self,
        document: Callable[[], AlignmentDocument | None],
        *,
        panes: tuple[TextPane, TextPane],
        table: BeadTable,
        overview: OverviewStrip,
        annotations: AnnotationList,
        editor: AnnotationEditor,
        suggestions: SuggestionList,
        status: StatusIndicators,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self.source_pane, self.target_pane = panes
        self.table = table
        self.overview = overview
        self.annotations = annotations
        self.editor = editor
        self.suggestions = suggestions
        self.status = status
        self._watched: AlignmentDocument | None = None
        self._span: tuple[str, int, int] | None = None
        self._chosen_sentence: tuple[str, int] | None = None
        self._chosen_by_side: dict[str, int] = {}
        self._pane_origin: str | None = None  # set while a pane click selects a bead
        self._showing_annotation = False
        self._showing_suggestion = False

    def connect_views(self) -> None:
        """Follow the editor's clicks in the panes, the table, the overview and the lists."""
        view = self.table.view
        view.selectionModel().currentRowChanged.connect(self._on_bead_view_current)
        view.activated.connect(lambda _i: self.target_pane.setFocus())
        for pane in (self.source_pane, self.target_pane):
            pane.sentence_clicked.connect(self.choose_sentence)
            pane.bead_clicked.connect(self.select_bead)
            pane.span_selected.connect(self._on_pane_span_selected)
        self.overview.bead_requested.connect(self.select_bead)
        annotation_view = self.annotations.view
        annotation_view.selectionModel().currentRowChanged.connect(
            self._on_annotation_view_current)
        annotation_view.activated.connect(self._on_annotation_view_activated)
        self.suggestions.view.selectionModel().currentRowChanged.connect(
            self._on_suggestion_view_current)
        self.suggestions.model.modelReset.connect(self._on_suggestions_reset)

    def set_document(self, document: AlignmentDocument | None) -> None:
        """A new document: nothing is chosen in it yet; bead edits refresh the current bead."""
        if self._watched is not None:
            self._watched.unsubscribe(self._on_document_event)
        self._watched = document
        if document is not None:
            document.subscribe(self._on_document_event)
        self._span = None
        self._chosen_sentence = None
        self._chosen_by_side = {}

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event in ("beads_replaced", "reset"):
            QTimer.singleShot(0, self._refresh_current_bead)
        elif event == "bead_changed" and info.get("index") == self.current_bead():
            # rescored after an edit: the status bar's match and risk follow
            self.status.show_position(self._document(), info.get("index"))

    def _refresh_current_bead(self) -> None:
        row = self.current_bead()
        for pane in (self.source_pane, self.target_pane):
            pane.show_bead(row, scroll=False)
        self.overview.set_current(row)
        self.status.show_position(self._document(), row)

    # -- choosing -----------------------------------------------------------------------
    def select_bead(self, row: int) -> None:
        """Make bead ``row`` current (row = bead index in the file), scrolling both panes."""
        if self._document() is None or not (0 <= row < self.table.model.rowCount()):
            return
        index = self.table.shown_index(row)
        self._span = None
        for pane in (self.source_pane, self.target_pane):
            pane.clear_selection()
        select_row(self.table.view, index)
        self.show_bead(row)

    def select_span(self, side: str, start: int, end: int) -> None:
        """Select text in a pane (code-point offsets), as the editor's mouse would."""
        if side not in ("source", "target"):
            raise ValueError(f"side must be 'source' or 'target', not {side!r}")
        doc = self._document()
        if doc is not None:
            length = len(doc.side(side).text)
            start, end = sorted((max(0, min(start, length)), max(0, min(end, length))))
        pane = self.pane(side)
        pane.select_span(start, end)
        self._span = (side, start, end)
        self._select_bead_at(side, start)

    def choose_sentence(self, side: str, sentence: int) -> None:
        """A click picks a sentence: it is selected, so O/M mark just that sentence."""
        self._chosen_sentence = (side, sentence)
        self._chosen_by_side[side] = sentence
        doc = self._document()
        if doc is None:
            return
        chosen = doc.side(side).sentences[sentence]
        self.pane(side).select_span(chosen.start, chosen.end)
        self._span = (side, chosen.start, chosen.end)
        self._select_bead_at(side, chosen.start)

    def show_annotation(self, annotation_id: str) -> None:
        """Put an annotation in the side panel and select it in the list."""
        self.editor.show_annotation(annotation_id)
        model, proxy = self.annotations.model, self.annotations.proxy
        row = model.row_of(annotation_id)
        if row is not None:
            index = proxy.mapFromSource(model.index(row, 0))
            if index.isValid():
                self._showing_annotation = True
                try:
                    select_row(self.annotations.view, index)
                finally:
                    self._showing_annotation = False

    def show_bead(self, row: int | None, origin: str | None = None) -> None:
        """Show bead ``row`` in the panes (but the one it was clicked in), strip, status
        and its suggestion in the list (the one Y and X act on)."""
        for pane in (self.source_pane, self.target_pane):
            pane.show_bead(row, scroll=pane.side != origin)
        self.overview.set_current(row)
        self.status.show_position(self._document(), row)
        if row is not None:
            self._show_suggestion_of(row)
            self._show_annotation_of(row)

    def _show_annotation_of(self, bead: int) -> None:
        """The annotation panel follows the current bead: its annotation (the first, if it
        has several), else nothing, so that 0-3, F2 and Delete never change an annotation
        on another bead than the one in view."""
        doc = self._document()
        current = self.editor.current()
        if doc is None or (current is not None and mqm.segment_of(doc, current) == bead):
            return
        here = next((a for a in doc.annotations if mqm.segment_of(doc, a) == bead), None)
        if here is None:
            self.editor.show_annotation(None)
            self.annotations.view.selectionModel().clear()
        else:
            self.show_annotation(here.id)

    def _on_suggestions_reset(self) -> None:
        """Recomputed suggestions (after each change): the current bead's is selected."""
        row = self.current_bead()
        if row is not None:
            self._show_suggestion_of(row)

    def _show_suggestion_of(self, bead: int) -> None:
        """Select the bead's first suggestion, unless one of its own is selected already."""
        model, view = self.suggestions.model, self.suggestions.view
        current = view.selectionModel().currentIndex()
        if current.isValid() and current.row() < model.rowCount() and (
                model.suggestion(current.row()).bead == bead):
            return
        found = model.row_of_bead(bead)
        self._showing_suggestion = True  # its bead is current already
        try:
            if found is None:
                view.selectionModel().clear()
            else:
                select_row(view, model.index(found, 0))
        finally:
            self._showing_suggestion = False

    def _select_bead_at(self, side: str, offset: int) -> None:
        doc = self._document()
        pane = self.pane(side)
        sentence = pane.sentence_at(offset)
        if doc is None or sentence is None or not doc.beads:
            return
        try:
            row = doc.bead_of_sentence(side, sentence)
        except ValueError:
            return
        index = self.table.shown_index(row)
        self._pane_origin = side  # the pane keeps its selection and scroll position
        try:
            select_row(self.table.view, index)
        finally:
            self._pane_origin = None
        self.show_bead(row, origin=side)

    # -- what is chosen -----------------------------------------------------------------
    def current_bead(self) -> int | None:
        index = self.table.view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.table.proxy.mapToSource(index).row()

    def selected_beads(self) -> list[int]:
        proxy = self.table.proxy
        rows = {proxy.mapToSource(i).row()
                for i in self.table.view.selectionModel().selectedRows()}
        current = self.current_bead()
        if not rows and current is not None:
            rows = {current}
        return sorted(rows)

    def current_span(self) -> tuple[str, int, int] | None:
        return self._span

    def chosen_sentence(self) -> tuple[str, int] | None:
        """The sentence the editor clicked last (side, id): where a split cuts."""
        return self._chosen_sentence

    def chosen_sentence_on(self, side: str) -> int | None:
        return self._chosen_by_side.get(side)

    def pane(self, side: str) -> TextPane:
        return self.source_pane if side == "source" else self.target_pane

    def current_suggestion(self) -> mqm.Suggestion | None:
        """The suggestion Y/X act on: the current bead's, else the one selected in the list."""
        model = self.suggestions.model
        model.refresh_if_pending()
        index = self.suggestions.view.selectionModel().currentIndex()
        selected = model.suggestion(index.row()) if (
            index.isValid() and index.row() < model.rowCount()) else None
        bead = self.current_bead()
        if selected is not None and (bead is None or selected.bead == bead):
            return selected
        for row in range(model.rowCount()):
            if model.suggestion(row).bead == bead:
                return model.suggestion(row)
        return selected

    # -- slots --------------------------------------------------------------------------
    def _on_bead_view_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._pane_origin is not None:  # _select_bead_at shows the bead itself
            return
        if not current.isValid():
            self.show_bead(None)
            return
        self._span = None
        self.show_bead(self.table.proxy.mapToSource(current).row())

    def _on_pane_span_selected(self, side: str, start: int, end: int) -> None:
        self._span = (side, start, end)
        other = self.pane("target" if side == "source" else "source")
        other.clear_selection()
        self._select_bead_at(side, start)

    def _on_annotation_view_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._showing_annotation:
            return
        row = self.annotations.proxy.mapToSource(current).row()
        annotation = self.annotations.model.annotation(row)
        self.editor.show_annotation(annotation.id)
        if self.annotations.view.hasFocus():  # browsing the list: show each mark in its pane
            self.select_span(annotation.side, annotation.start, annotation.end)

    def _on_annotation_view_activated(self, index: QModelIndex) -> None:
        row = self.annotations.proxy.mapToSource(index).row()
        annotation = self.annotations.model.annotation(row)
        self.select_span(annotation.side, annotation.start, annotation.end)
        self.editor.show_annotation(annotation.id)

    def _on_suggestion_view_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = self.suggestions.model
        if self._showing_suggestion:  # set from the bead shown: it is current already
            return
        if current.isValid() and current.row() < model.rowCount():
            self.select_bead(model.suggestion(current.row()).bead)
