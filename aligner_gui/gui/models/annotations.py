"""The annotation list and the engine's suggestions, as table models over the document."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor

from aligner_gui.core import offers
from aligner_gui.core.model import SEVERITIES, Annotation
from aligner_gui.core.scoring import mqm
from aligner_gui.gui.display_names import category_name, suggestion_flag_name, value_name
from aligner_gui.gui.engine_messages import engine_message
from aligner_gui.gui.models.base import DocumentTableModel, Index
from aligner_gui.gui.models.beads import SORT_ROLE

log = logging.getLogger(__name__)

SEVERITY_COLOURS = {
    "neutral": QColor(120, 120, 120, 70),
    "minor": QColor(240, 190, 40, 90),
    "major": QColor(235, 110, 40, 100),
    "critical": QColor(210, 30, 30, 120),
}


def _preview(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


class AnnotationTableModel(DocumentTableModel):
    COL_BEAD, COL_TYPE, COL_SEVERITY, COL_SIDE, COL_TEXT, COL_CATEGORY, COL_COMMENT = range(7)
    columns = ("Bead", "Type", "Severity", "Side", "Text", "Category", "Comment")

    def _header(self, column: int) -> str:
        names = (self.tr("Bead"), self.tr("Type"), self.tr("Severity"), self.tr("Side"),
                 self.tr("Text"), self.tr("Category"), self.tr("Comment"))
        return names[column]

    def bead_of(self, row: int) -> int | None:
        """The bead (0-based) where the annotation starts; it moves with re-alignment."""
        if self.document is None:
            return None
        return mqm.segment_of(self.document, self._rows[row])

    def _document_rows(self) -> list[Any]:
        assert self.document is not None
        return list(self.document.annotations)

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event == "annotation_added":
            row = info["index"]
            self.beginInsertRows(QModelIndex(), row, row)
            assert self.document is not None
            self._rows.insert(row, self.document.annotations[row])
            self.endInsertRows()
        elif event == "annotation_removed":
            row = info["index"]
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        elif event == "annotation_changed":
            self._rows_changed(info["index"], info["index"])
        elif event == "beads_replaced" and self._rows:  # bead numbers may have moved
            self.dataChanged.emit(self.index(0, self.COL_BEAD),
                                  self.index(len(self._rows) - 1, self.COL_BEAD))
        else:
            super()._on_document_event(event, info)

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int | None:
        for row, annotation in enumerate(self._rows):
            if annotation.id == annotation_id:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        a: Annotation = self._rows[index.row()]
        col = index.column()
        if col == self.COL_BEAD and role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            bead = self.bead_of(index.row())
            if bead is None:
                return None
            return bead + 1 if role == SORT_ROLE else str(bead + 1)  # sorts as a number
        if role == SORT_ROLE and col == self.COL_SEVERITY:
            return SEVERITIES.index(a.severity) if a.severity in SEVERITIES else 0
        orphan = bool(a.extra.get("orphan"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            text = _preview(a.text)
            if orphan and col == self.COL_TEXT and role == Qt.ItemDataRole.DisplayRole:
                text = self.tr("⚠ not found: {0}").format(text)
            shown = role == Qt.ItemDataRole.DisplayRole  # translated for the eye, sorted
            category = category_name(a.category) if shown else a.category  # as stored
            values = (None, value_name(a.type) if shown else a.type,
                      value_name(a.severity) if shown else a.severity,
                      value_name(a.side) if shown else a.side, text, category,
                      _preview(engine_message(a.comment) if shown else a.comment, 60))
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if orphan and col == self.COL_TEXT:
                return self.tr(
                    "The annotated text was not found: the document's text was changed "
                    "outside aligner-gui. The annotation is kept; its place is approximate."
                ) + "\n\n" + a.text
            return a.text if col == self.COL_TEXT else (engine_message(a.comment) or None)
        if role == Qt.ItemDataRole.ForegroundRole and orphan and col == self.COL_TEXT:
            return QColor(190, 30, 30)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_SEVERITY:
            return SEVERITY_COLOURS.get(a.severity)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SuggestionTableModel(DocumentTableModel):
    """Open suggestions from the engine's flags (recomputed after each change, coalesced).

    For a document of :attr:`background_beads` beads or more they are computed off the
    GUI thread on a snapshot: the first call analyses the whole document's word
    coverage (seconds for 10,000 beads). Meanwhile the list keeps its previous rows,
    and a result is shown only if the document did not change since it was asked for.
    """

    COL_BEAD, COL_FLAG, COL_TYPE, COL_SEVERITY, COL_TEXT = range(5)
    columns = ("Bead", "Flag", "Suggested", "Severity", "Text")
    background_beads = 2000

    computing_changed = Signal(bool)  # True while suggestions are computed in the background

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh)
        self._generation = 0  # counts document changes, to drop stale background results
        self._job: Any = None
        self._again = False  # the document changed while a job ran
        self.engine_process: Any = None  # the window's EngineProcess, if it has one
        self._loading: Any = None  # the job loading the dictionary, if one runs

    def _header(self, column: int) -> str:
        names = (self.tr("Bead"), self.tr("Flag"), self.tr("Suggested"), self.tr("Severity"),
                 self.tr("Text"))
        return names[column]

    def _document_rows(self) -> list[Any]:
        assert self.document is not None
        return offers.suggestions(self.document, load=False)

    def explain(self, row: int) -> str:
        """What a suggestion is and why it is made: "Accuracy/Omission · major — the
        source's words … match nothing in the translation"."""
        a = self._rows[row].annotation
        head = f"{category_name(a.category)} · {value_name(a.severity)}"
        return f"{head} — {engine_message(a.comment)}" if a.comment else head

    def row_of_bead(self, bead: int) -> int | None:
        """The first suggestion on bead ``bead`` (0-based), if any."""
        return next((k for k, s in enumerate(self._rows) if s.bead == bead), None)

    def _in_background(self) -> bool:
        return self.document is not None and len(self.document.beads) >= self.background_beads

    def set_document(self, document: Any) -> None:
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self._generation += 1
        self._refresh.stop()
        self.beginResetModel()
        self.document = document
        self._rows = []
        if document is not None and not self._in_background():
            self._rows = self._document_rows()
        self.endResetModel()
        if document is not None:
            document.subscribe(self._on_document_event)
            if self._in_background():
                self._start_job()
            else:
                self._load_dictionary()

    def _load_dictionary(self) -> None:
        """The negation check and the coverage lens's spans are offered only with the
        dictionary, which an opened project has not loaded: load it off the GUI thread and
        refresh the list then. Its cache is compiled for it only when the lens has spans
        to offer (else a first run's compile is left to the alignment, which announces it)."""
        from aligner_gui.core.lexicon.shared import loaded_lexicon

        if self._loading is not None or loaded_lexicon() is not None or self.document is None:
            return
        from functools import partial

        from aligner_gui.core.lexicon.shared import load_if_cached
        from aligner_gui.gui.workers import TaskJob, launch

        job = TaskJob(partial(load_if_cached, compile=offers.needs_dictionary(self.document)))
        job.finished_ok.connect(self._on_dictionary)
        job.failed.connect(lambda message: log.warning("dictionary: %s", message))
        self._loading = job
        launch(job)

    def _on_dictionary(self, loaded: bool) -> None:
        self._loading = None
        if loaded and self.document is not None:
            self.schedule_refresh()

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event != "scores_changed":
            self._generation += 1
            self._refresh.start()

    def computing(self) -> bool:
        return self._job is not None

    def schedule_refresh(self) -> None:
        """Recompute soon, after a change the document announces no event for (its
        glossary in ``meta``, which the QA checks read)."""
        self._generation += 1
        self._refresh.start()

    def refresh_if_pending(self) -> None:
        """Bring the rows up to date now (small documents); a big one is left to its job."""
        if self._refresh.isActive():
            self._refresh.stop()
            self.refresh()

    def refresh(self) -> None:
        if self._in_background():
            self._start_job()
            return
        self.beginResetModel()
        self._rows = self._document_rows() if self.document is not None else []
        self.endResetModel()

    def _start_job(self) -> None:
        from aligner_gui.core.model import AlignmentDocument

        doc = self.document
        if doc is None:
            return
        if self._job is not None:
            self._again = True
            return
        beads = [b.copy() for b in doc.beads]
        annotations = [a.copy() for a in doc.annotations]
        generation = self._generation
        self._again = False
        if self.engine_process is not None:  # the window's worker process
            from aligner_gui.core import background

            self._job = self.engine_process.submit(
                background.suggestions, doc.source, doc.target, beads, annotations,
                dict(doc.meta),
                on_done=lambda rows: self._on_job_done(rows, generation, doc),
                on_error=lambda message: self._on_job_done(None, generation, doc, message))
        else:
            from aligner_gui.gui.workers import TaskJob, launch

            snapshot = AlignmentDocument(doc.source, doc.target, beads, annotations,
                                         doc.scores, doc.meta)  # meta: the glossary
            job = TaskJob(lambda: offers.suggestions(snapshot))
            job.finished_ok.connect(lambda rows: self._on_job_done(rows, generation, doc))
            job.failed.connect(lambda message: self._on_job_done(None, generation, doc, message))
            self._job = job
            launch(job)
        self.computing_changed.emit(True)

    def _on_job_done(self, rows: list[Any] | None, generation: int, doc: Any,
                     error: str = "") -> None:
        self._job = None
        if error:
            log.warning("suggestions failed: %s", error)
        elif doc is self.document and generation == self._generation and rows is not None:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif self.document is not None:
            self._again = True
        if self._again and self.document is not None:
            self._again = False
            self._start_job()
        else:
            self.computing_changed.emit(False)

    def suggestion(self, row: int) -> mqm.Suggestion:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        s: mqm.Suggestion = self._rows[index.row()]
        col = index.column()
        a = s.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            kind = category_name(a.category).rpartition("/")[2]  # "Omission"; in full below
            values = (str(s.bead + 1), suggestion_flag_name(s.flag), kind,
                      value_name(a.severity), _preview(a.text))
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.explain(index.row()) + f"\n«{_preview(a.text, 300)}»"
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_SEVERITY:
            return SEVERITY_COLOURS.get(s.annotation.severity)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
