"""Undoable edits: each QUndoCommand calls the document's mutation API and nothing else."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from aligner_gui.core.edits import Edit
from aligner_gui.core.model import AlignmentDocument, Annotation, Bead
from aligner_gui.core.scoring import mqm

# Command ids for merging consecutive edits of one annotation field (typing a comment).
_MERGE_ANNOTATION_FIELD = 1001


class ReplaceBeadsCommand(QUndoCommand):
    """Replace a bead range (merge, split, move, unlink, re-align); optionally new scores."""

    def __init__(
        self,
        document: AlignmentDocument,
        edit: Edit,
        text: str,
        scores: dict[str, Any] | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.document = document
        self.start = edit.start
        self.stop = edit.stop
        self.new = [b.copy() for b in edit.beads]
        self.old: list[Bead] = []
        self.scores = scores
        self.old_scores: dict[str, Any] = {}

    def redo(self) -> None:
        self.old = self.document.replace_beads(self.start, self.stop, [b.copy() for b in self.new])
        if self.scores is not None:
            self.old_scores = dict(self.document.scores)
            self.document.set_scores(self.scores)

    def undo(self) -> None:
        self.document.replace_beads(self.start, self.start + len(self.new), self.old)
        if self.scores is not None:
            self.document.set_scores(self.old_scores)


class _FieldsCommand(QUndoCommand):
    """Set some fields of one item of the document (a bead, an annotation) to new values."""

    def __init__(
        self,
        document: AlignmentDocument,
        changes: dict[str, Any],
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.document = document
        self.changes = dict(changes)


class UpdateBeadCommand(_FieldsCommand):
    def __init__(
        self,
        document: AlignmentDocument,
        index: int,
        changes: dict[str, Any],
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(document, changes, text, parent)
        self.index = index
        self.previous: dict[str, Any] = {}

    def redo(self) -> None:
        self.previous = self.document.update_bead(self.index, **self.changes)

    def undo(self) -> None:
        self.document.update_bead(self.index, **self.previous)


class AddAnnotationCommand(QUndoCommand):
    def __init__(
        self,
        document: AlignmentDocument,
        annotation: Annotation,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.document = document
        self.annotation = annotation
        self.index: int | None = None

    def redo(self) -> None:
        self.index = self.document.add_annotation(self.annotation.copy(), self.index)

    def undo(self) -> None:
        self.document.remove_annotation(self.annotation.id)


class RemoveAnnotationCommand(QUndoCommand):
    def __init__(
        self,
        document: AlignmentDocument,
        annotation_id: str,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.document = document
        self.annotation_id = annotation_id
        self.index = 0
        self.removed: Annotation | None = None

    def redo(self) -> None:
        self.index, self.removed = self.document.remove_annotation(self.annotation_id)

    def undo(self) -> None:
        assert self.removed is not None
        self.document.add_annotation(self.removed, self.index)


class UpdateAnnotationCommand(_FieldsCommand):
    """Change fields of one annotation; successive edits of the same fields merge into one."""

    def __init__(
        self,
        document: AlignmentDocument,
        annotation_id: str,
        changes: dict[str, Any],
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(document, changes, text, parent)
        self.annotation_id = annotation_id
        self.previous: dict[str, Any] | None = None

    def id(self) -> int:
        return _MERGE_ANNOTATION_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, UpdateAnnotationCommand)
            or other.annotation_id != self.annotation_id
            or set(other.changes) != set(self.changes)
            or not set(self.changes) <= {"comment", "correction", "tags"}
        ):
            return False
        self.changes = dict(other.changes)
        return True

    def redo(self) -> None:
        previous = self.document.update_annotation(self.annotation_id, **self.changes)
        if self.previous is None:
            self.previous = previous

    def undo(self) -> None:
        assert self.previous is not None
        self.document.update_annotation(self.annotation_id, **self.previous)


_MISSING = object()


class SetMetaCommand(QUndoCommand):
    """Set (or, with ``value`` None, remove) one ``document.meta`` key; undo restores it.

    The document has no meta mutation API and announces no event for it, so the
    command calls ``changed`` after each redo and undo (the window refreshes what reads
    the key, e.g. the suggestions for the glossary).
    """

    def __init__(
        self,
        document: AlignmentDocument,
        key: str,
        value: Any,
        text: str,
        changed: Callable[[], None] | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.document = document
        self.key = key
        self.value = value
        self.changed = changed
        self.previous: Any = _MISSING

    def _put(self, value: Any) -> None:
        if value is None or value is _MISSING:
            self.document.meta.pop(self.key, None)
        else:
            self.document.meta[self.key] = value
        if self.changed is not None:
            self.changed()

    def redo(self) -> None:
        self.previous = self.document.meta.get(self.key, _MISSING)
        self._put(self.value)

    def undo(self) -> None:
        self._put(self.previous)


class CompoundCommand(QUndoCommand):
    """A parent command running its children in order (redo) and reverse order (undo).

    The children are plain Python-owned commands without a Qt parent: giving them a
    Qt parent makes Qt and Python both own them (double delete in PySide6).
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.children: list[QUndoCommand] = []

    def add(self, child: QUndoCommand) -> QUndoCommand:
        self.children.append(child)
        return child

    def redo(self) -> None:
        for child in self.children:
            child.redo()

    def undo(self) -> None:
        for child in reversed(self.children):
            child.undo()


def reviewed_details(bead: Bead, flags: Sequence[str]) -> dict[str, Any]:
    """The bead's details with ``flags`` recorded as reviewed (accepted or dismissed)."""
    details = dict(bead.details)
    done = list(details.get(mqm.REVIEWED_KEY, ()))
    details[mqm.REVIEWED_KEY] = done + [f for f in flags if f not in done]
    return details


def _reviewed(document: AlignmentDocument, suggestion: mqm.Suggestion) -> dict[str, Any]:
    bead = document.beads[suggestion.bead]
    return reviewed_details(bead, mqm.related_flags(bead.flags, suggestion.flag))


def accept_suggestion(
    document: AlignmentDocument, suggestion: mqm.Suggestion, text: str
) -> QUndoCommand:
    """Parent command: add the suggested annotation and mark the flag as reviewed."""
    parent = CompoundCommand(text)
    parent.add(AddAnnotationCommand(document, suggestion.annotation.copy(), text))
    parent.add(UpdateBeadCommand(
        document,
        suggestion.bead,
        {"details": _reviewed(document, suggestion)},
        text,
    ))
    return parent


def dismiss_suggestion(
    document: AlignmentDocument, suggestion: mqm.Suggestion, text: str
) -> QUndoCommand:
    return UpdateBeadCommand(
        document, suggestion.bead, {"details": _reviewed(document, suggestion)}, text
    )


def set_status(
    document: AlignmentDocument, rows: Sequence[int], status: str, text: str
) -> QUndoCommand:
    parent = CompoundCommand(text)
    for row in rows:
        parent.add(UpdateBeadCommand(document, row, {"status": status}, text))
    return parent
