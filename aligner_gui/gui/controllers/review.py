"""The review operations behind the actions: marking, suggestions, alignment edits, navigation.

Each operation reads the window's selection, computes the change with core/ functions
and pushes one undo command. Nothing here opens a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from aligner_gui.core import edits, offers
from aligner_gui.core.model import SEVERITIES, AlignmentDocument, Bead
from aligner_gui.core.scoring import mqm
from aligner_gui.gui import commands
from aligner_gui.gui.display_names import category_name, edit_message

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QStatusBar, QTableView

    from aligner_gui.gui.models import BeadFilterProxy
    from aligner_gui.gui.panels.annotation_editor import AnnotationEditor


class ReviewHost(Protocol):
    """What the review operations use of the window: its document, undo stack and selection."""

    document: AlignmentDocument | None
    undo_stack: QUndoStack
    annotation_editor: AnnotationEditor
    bead_proxy: BeadFilterProxy
    bead_view: QTableView

    def statusBar(self) -> QStatusBar: ...
    def alignment_running(self) -> bool: ...
    def current_bead(self) -> int | None: ...
    def selected_beads(self) -> list[int]: ...
    def current_span(self) -> tuple[str, int, int] | None: ...
    def chosen_sentence(self) -> tuple[str, int] | None: ...
    def chosen_sentence_on(self, side: str) -> int | None: ...
    def current_suggestion(self) -> mqm.Suggestion | None: ...
    def select_bead(self, row: int) -> None: ...
    def select_span(self, side: str, start: int, end: int) -> None: ...
    def show_annotation(self, annotation_id: str) -> None: ...


class ReviewController(QObject):
    def __init__(self, window: ReviewHost, *, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window

    @property
    def document(self) -> AlignmentDocument | None:
        return self.window.document

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    def _push(self, command: commands.QUndoCommand) -> None:
        self.window.undo_stack.push(command)

    # -- marking ------------------------------------------------------------------------
    def mark(self, type_: str, side: str, category: str, *, any_side: bool = False) -> None:
        """Annotate the selected span of ``side`` (or of any side), else the bead's text there."""
        doc = self.document
        if doc is None:
            return
        span = self.window.current_span()
        if span is not None and (span[0] == side or any_side):
            side, start, end = span
        elif span is not None and span[1] < span[2] and not _whole_sentence(doc, *span):
            # Words selected on the other side: marking the whole sentence here instead
            # would put the annotation on text the editor did not choose (a clicked
            # sentence chooses its bead, as before).
            self._message(self.tr("{0} marks the {1}: select the words there, or click its "
                                  "sentence.").format(
                category_name(category),
                self.tr("original") if side == "source" else self.tr("translation")))
            return
        else:
            row = self.window.current_bead()
            if row is None:
                self._message(self.tr("Select a bead or some text first."))
                return
            bead_span = doc.bead_span(row, side)
            if bead_span is None:
                self._message(self.tr("This bead has no text on that side; select a span."))
                return
            start, end = bead_span
        if start >= end:
            self._message(self.tr("The selection is empty."))
            return
        same = mqm.same_mark(doc, side, start, end, category)
        if same is not None:  # a key pressed twice: a second mark would count twice in MQM
            self.window.show_annotation(same.id)
            self._message(self.tr("Already marked: {0} on this text (shown).").format(
                category_name(category)))
            return
        annotation = mqm.span_annotation(doc, side, start, end, type_=type_, category=category)
        self._push(commands.AddAnnotationCommand(doc, annotation, self.tr("Mark {0}").format(
            category_name(category))))
        self.window.show_annotation(annotation.id)
        self._message(self.tr("Marked {0} on bead {1}: 0–3 set the severity, F2 the "
                              "comment.").format(category_name(category),
                                                 (mqm.segment_of(doc, annotation) or 0) + 1))

    def mark_omission(self) -> None:
        self.mark("omission", "source", "Accuracy/Omission")

    def mark_mistranslation(self) -> None:
        self.mark("mistranslation", "target", "Accuracy/Mistranslation")

    def mark_addition(self) -> None:
        self.mark("addition", "target", "Accuracy/Addition")

    def mark_other(self) -> None:
        self.mark("other", "target", "Other", any_side=True)

    def set_severity(self, severity: str) -> None:
        doc = self.document
        annotation_id = self.window.annotation_editor.annotation_id
        if doc is None or annotation_id is None or severity not in SEVERITIES:
            self._message(self.tr("No annotation selected."))
            return
        self.change_annotation(annotation_id, {"severity": severity})

    def change_annotation(self, annotation_id: str, changes: dict) -> None:
        doc = self.document
        if doc is None:
            return
        try:
            annotation = doc.annotations[doc.annotation_index(annotation_id)]
        except ValueError:
            return
        # A key pressed again (2 on a minor annotation) is no edit: it made an undo step
        # that changed nothing, so the next Ctrl+Z seemed to do nothing.
        changes = {k: v for k, v in changes.items() if getattr(annotation, k, None) != v}
        if not changes:
            return
        self._push(commands.UpdateAnnotationCommand(doc, annotation_id, changes,
                                                    self.tr("Edit annotation")))

    def delete_annotation(self, annotation_id: str | None = None) -> None:
        doc = self.document
        annotation_id = annotation_id or self.window.annotation_editor.annotation_id
        if doc is None or annotation_id is None:
            self._message(self.tr("No annotation selected."))
            return
        self._push(commands.RemoveAnnotationCommand(doc, annotation_id,
                                                    self.tr("Delete annotation")))

    # -- suggestions --------------------------------------------------------------------
    def _still_open(self, suggestion: mqm.Suggestion) -> bool:
        doc = self.document
        return doc is not None and offers.is_open(doc, suggestion)

    def accept_suggestion(self, suggestion: mqm.Suggestion | None = None) -> None:
        doc = self.document
        suggestion = suggestion or self.window.current_suggestion()
        if doc is None or suggestion is None or not self._still_open(suggestion):
            self._message(self.tr("No suggestion selected."))
            return
        self._push(commands.accept_suggestion(doc, suggestion, self.tr("Accept suggestion")))
        self.window.show_annotation(suggestion.annotation.id)
        self._message(self.tr("Accepted on bead {0}: now an annotation (Ctrl+Z undoes).")
                      .format(suggestion.bead + 1))

    def dismiss_suggestion(self, suggestion: mqm.Suggestion | None = None) -> None:
        doc = self.document
        suggestion = suggestion or self.window.current_suggestion()
        if doc is None or suggestion is None or not self._still_open(suggestion):
            self._message(self.tr("No suggestion selected."))
            return
        self._push(commands.dismiss_suggestion(doc, suggestion, self.tr("Dismiss suggestion")))
        self._message(self.tr("Dismissed on bead {0}: not offered again (Ctrl+Z undoes).")
                      .format(suggestion.bead + 1))

    # -- alignment edits ----------------------------------------------------------------
    def _edit(self, make: Callable[[AlignmentDocument, int], edits.Edit], text: str,
              select: Callable[[edits.Edit], int] | None = None) -> None:
        doc = self.document
        row = self.window.current_bead()
        if doc is None or row is None:
            self._message(self.tr("Select a bead first."))
            return
        if self.window.alignment_running():
            self._message(self.tr("Wait for the alignment to finish."))
            return
        try:
            edit = make(doc, row)
        except edits.EditError as error:
            self._message(edit_message(str(error)))
            return
        self._push(commands.ReplaceBeadsCommand(doc, edit, text))
        self.window.select_bead(select(edit) if select else edit.start)

    def merge_with_next(self) -> None:
        rows = self.window.selected_beads()
        if len(rows) > 1 and rows == list(range(rows[0], rows[-1] + 1)):
            self._edit(lambda d, r: edits.merge(d.beads, rows[0], rows[-1] + 1),
                       self.tr("Merge beads"))
        else:
            self._edit(lambda d, r: edits.merge_with_next(d.beads, r), self.tr("Merge with next"))

    def split_bead(self) -> None:
        doc, row = self.document, self.window.current_bead()
        if doc is not None and row is not None and row < len(doc.beads) and (
                len(doc.beads[row].source) == len(doc.beads[row].target) == 1):
            # Nothing to cut between: edits.split_default unlinks a 1-1 bead, which Split
            # must not do silently (a one-sided bead is refused by the edit itself).
            self._message(self.tr("This bead has one sentence on each side: nothing to "
                                  "split (Ctrl+U unlinks the two)."))
            return

        def make(doc: AlignmentDocument, row: int) -> edits.Edit:
            bead = doc.beads[row]
            chosen = self.window.chosen_sentence()
            if chosen is not None:
                side, sentence = chosen
                ids = list(getattr(bead, side))
                if sentence in ids and len(ids) > 1:
                    if sentence == ids[0]:  # the first sentence: cut right after it
                        sentence = ids[1]
                    other = "target" if side == "source" else "source"
                    other_ids = list(getattr(bead, other))
                    # The other side is cut where the editor clicked there too, else in
                    # proportion.
                    other_at = self.window.chosen_sentence_on(other)
                    if other_at not in other_ids[1:]:
                        other_at = None
                    return edits.split_bead(doc.beads, row, side, sentence, other_at)
            return edits.split_default(doc.beads, row)

        self._edit(make, self.tr("Split bead"))

    def unlink(self) -> None:
        self._edit(lambda d, r: edits.unlink(d.beads, r), self.tr("Unlink bead"))

    def move_sentence(self, side: str, which: str) -> None:
        def keep_selection(edit: edits.Edit) -> int:
            """The bead that gave the sentence, if it still exists, else its neighbour."""
            if which == "first":
                return edit.start + (1 if len(edit.beads) > 1 else 0)
            return edit.start

        self._edit(lambda d, r: edits.move_sentence(d.beads, r, side, which),
                   self.tr("Move sentence"), keep_selection)

    def confirm(self) -> None:
        doc = self.document
        rows = self.window.selected_beads()
        if doc is None or not rows:
            self._message(self.tr("Select a bead first."))
            return
        already = all(doc.beads[r].status == "confirmed" for r in rows)
        status = "manual" if already else "confirmed"
        text = self.tr("Unconfirm beads") if already else self.tr("Confirm beads")
        self._push(commands.set_status(doc, rows, status, text))
        if not already and len(rows) == 1 and rows[0] + 1 < len(doc.beads):
            self.window.select_bead(rows[0] + 1)

    # -- navigation ---------------------------------------------------------------------
    def step_bead(self, delta: int) -> None:
        """Next/previous row of the bead table as shown (sorted and filtered)."""
        window = self.window
        proxy = window.bead_proxy
        if window.document is None or proxy.rowCount() == 0:
            return
        current = window.bead_view.selectionModel().currentIndex()
        row = 0 if not current.isValid() else max(0, min(proxy.rowCount() - 1,
                                                         current.row() + delta))
        window.select_bead(proxy.mapToSource(proxy.index(row, 0)).row())

    def next_flag(self, backwards: bool = False) -> None:
        """The next bead with a flag or an open suggestion (the QA checks', the lens's and
        the risk's are no bead flags: N skipped a document's major findings)."""
        doc = self.document
        if doc is None:
            return
        model = self.window.suggestion_model
        model.refresh_if_pending()
        offered = {id(doc.beads[s.bead]) for s in map(model.suggestion, range(model.rowCount()))
                   if s.bead < len(doc.beads)}

        def unreviewed(bead: Bead) -> bool:
            if id(bead) in offered:
                return True
            reviewed = bead.details.get(mqm.REVIEWED_KEY, ())
            return any(flag not in reviewed for flag in bead.flags)

        found = edits.next_flagged(doc.beads, self.window.current_bead(), backwards=backwards,
                                   accept=unreviewed)
        if found is None:
            self._message(self.tr("No flag left to review."))
            return
        self.window.select_bead(found)

    def next_risky(self) -> None:
        """Jump to the next bead whose risk is at least RISKY, riskiest first (wrapping)."""
        doc = self.document
        if doc is None:
            return
        found = edits.next_by_risk(doc.beads, self.window.current_bead())
        if found is None:
            if any(b.risk is not None for b in doc.beads):
                self._message(self.tr("No risky bead."))
            else:
                self._message(self.tr("No risk estimates in this document yet."))
            return
        self.window.select_bead(found)

    def next_annotation(self, backwards: bool = False) -> None:
        """Jump to the next (previous) annotation in reading order, wrapping around."""
        doc = self.document
        if doc is None or not doc.annotations:
            self._message(self.tr("No annotation yet."))
            return
        order = sorted(doc.annotations, key=lambda a: (mqm.segment_of(doc, a) or 0,
                                                        a.side != "source", a.start, a.id))
        current = self.window.annotation_editor.annotation_id
        ids = [a.id for a in order]
        if current in ids:
            k = ids.index(current) + (-1 if backwards else 1)
        else:
            row = self.window.current_bead() or 0
            after = [k for k, a in enumerate(order) if (mqm.segment_of(doc, a) or 0) >= row]
            k = (after[0] if after else 0) - (1 if backwards else 0)
        annotation = order[k % len(order)]
        self.window.select_span(annotation.side, annotation.start, annotation.end)
        self.window.show_annotation(annotation.id)


def _whole_sentence(doc: AlignmentDocument, side: str, start: int, end: int) -> bool:
    """Is start..end exactly one sentence of ``side`` (a click chose it)?"""
    return any(s.start == start and s.end == end for s in doc.side(side).sentences)
