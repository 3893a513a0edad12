"""Running the aligner for the window: whole-document alignment and range re-alignment.

The engine runs in an AlignmentJob (a QThread) on a snapshot of the document; the
result comes back to the GUI thread, which applies it only if the beads did not
change meanwhile. A first alignment is installed directly (it is the starting point,
not an edit); a re-alignment is one undoable command.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from aligner_gui.core import edits
from aligner_gui.core.model import UNCOVERED_KEY, AlignmentDocument, Bead
from aligner_gui.gui import commands
from aligner_gui.gui.display_names import edit_message
from aligner_gui.gui.engine_process import BIG_DOCUMENT_BEADS
from aligner_gui.gui.workers import AlignmentJob, launch

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

    from aligner_gui.gui.actions import Actions
    from aligner_gui.gui.engine import Engine
    from aligner_gui.gui.engine_process import EngineProcess

log = logging.getLogger(__name__)


class AlignmentHost(Protocol):
    """What running the aligner uses of the window."""

    engine: Engine
    engine_process: EngineProcess  # big documents are rescored there
    undo_stack: QUndoStack
    progress: QProgressBar
    cancel_button: QPushButton
    actions: Actions

    def statusBar(self) -> QStatusBar: ...
    def report_error(self, title: str, message: str) -> None: ...
    def select_bead(self, row: int) -> None: ...


class AlignmentController(QObject):
    started = Signal()
    finished = Signal(bool)  # True when a result was applied

    rescored = Signal(int)  # number of beads that got their scores back
    rescoring_changed = Signal(bool)  # True while edited beads are scored in the background

    def __init__(self, window: AlignmentHost, *, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.document: AlignmentDocument | None = None
        self._job: AlignmentJob | None = None
        self._generation = 0  # counts bead changes, to detect edits during a job
        # While the dictionary cache is built: the bar's format and width to go back to,
        # and the message shown meanwhile.
        self._aligning_format: tuple[str, int, str] | None = None
        self._rescore_job_value: AlignmentJob | int | None = None
        self._rescore_timer = QTimer(self)
        self._rescore_timer.setSingleShot(True)
        self._rescore_timer.setInterval(300)
        self._rescore_timer.timeout.connect(self.rescore)

    @property
    def _rescore_job(self) -> AlignmentJob | int | None:
        """The rescoring under way: a thread, or a process ticket."""
        return self._rescore_job_value

    @_rescore_job.setter
    def _rescore_job(self, job: AlignmentJob | int | None) -> None:
        was_busy = self._rescore_job_value is not None
        self._rescore_job_value = job
        if was_busy != (job is not None):
            self.rescoring_changed.emit(job is not None)

    def rescoring(self) -> bool:
        return self._rescore_job_value is not None

    def set_document(self, document: AlignmentDocument | None) -> None:
        self.cancel(wait=True)
        self._rescore_timer.stop()
        if isinstance(self._rescore_job, AlignmentJob):
            self._rescore_job.wait(2000)  # if still busy it finishes on its own (launch)
        self._rescore_job = None  # a result for the old document is ignored
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.document = document
        if document is not None:
            document.subscribe(self._on_document_event)
            if any(bead.score is None for bead in document.beads):
                # An import (TMX, InterText, MQM) or an older project arrives unscored:
                # score it in the background, as after an edit.
                self._rescore_timer.start()

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event in ("beads_replaced", "reset"):
            self._generation += 1
            if event == "beads_replaced" and self.document is not None and any(
                bead.score is None
                for bead in self.document.beads[info["start"]:info["start"] + info["added"]]
            ):
                self._rescore_timer.start()

    # -- background scoring of edited beads ---------------------------------------------
    def rescore(self) -> bool:
        """Score the beads an edit left unscored, off the GUI thread, without an undo step.

        With an engine that has ``rescore`` (the real one), word coverage and the
        document summary (uncovered share included) are refreshed too. Undo and redo
        bring back bead objects of their own, so a result is applied only to beads that
        are still the very objects that were scored, and the summary only when no bead
        changed meanwhile.
        """
        doc = self.document
        engine = self.window.engine
        if doc is None or self._job is not None or not (
                hasattr(engine, "rescore") or hasattr(engine, "score")):
            return False
        if self._rescore_job is not None:
            self._rescore_timer.start()  # one at a time; try again shortly
            return False
        unscored = [k for k, bead in enumerate(doc.beads) if bead.score is None]
        if not unscored:
            return False
        originals = list(doc.beads)
        beads = [b.copy() for b in doc.beads]
        snapshot = AlignmentDocument(doc.source, doc.target, beads,
                                     [a.copy() for a in doc.annotations], doc.scores, doc.meta)

        context = {"originals": originals, "unscored": unscored, "document": doc,
                   "generation": self._generation}
        process = getattr(self.window, "engine_process", None)
        if (process is not None and getattr(engine, "runs_in_process", False)
                and len(doc.beads) >= BIG_DOCUMENT_BEADS):
            from aligner_gui.core import background

            def done(result: Any, token: list[int]) -> None:
                if self._rescore_job == token[0]:
                    self._rescore_job = None
                self._apply_rescore(result[0], result[1], context)

            def failed(message: str, token: list[int]) -> None:
                if self._rescore_job == token[0]:
                    self._rescore_job = None
                log.warning("rescoring failed: %s", message)

            ticket: list[int] = []
            ticket.append(process.submit(
                background.rescored, doc.source, doc.target, beads,
                [a.copy() for a in doc.annotations],
                on_done=lambda result: done(result, ticket),
                on_error=lambda message: failed(message, ticket)))
            self._rescore_job = ticket[0]
            return True

        def score(progress: Any, cancel: Any) -> Any:
            if hasattr(engine, "rescore"):
                return engine.rescore(snapshot, beads, cancel=cancel)
            return engine.score(snapshot, beads), None

        job = AlignmentJob(score)
        job.context = context
        job.finished_ok.connect(self._on_rescore_finished_ok)
        job.failed.connect(lambda message: log.warning("rescoring failed: %s", message))
        job.finished.connect(self._on_rescore_thread_finished)
        self._rescore_job = job
        launch(job)
        return True

    def _on_rescore_finished_ok(self, beads: list[Bead], summary: dict[str, Any] | None) -> None:
        self._apply_rescore(beads, summary, getattr(self.sender(), "context", {}))

    def _apply_rescore(self, beads: list[Bead], summary: dict[str, Any] | None,
                       context: dict[str, Any]) -> None:
        doc = self.document
        if doc is None or context.get("document") is not doc:
            return
        originals: list[Bead] = context["originals"]
        unscored = set(context["unscored"])
        count = 0
        for k, original in enumerate(originals):
            if k >= len(doc.beads) or doc.beads[k] is not original or k >= len(beads):
                continue
            new = beads[k]
            if k in unscored:
                doc.update_bead(k, score=new.score, flags=list(new.flags),
                                details=dict(new.details), risk=new.risk,
                                suspects=[dict(s) for s in new.suspects])
                count += 1
            elif summary is not None:
                # Coverage uses document-wide statistics: an edit may change another
                # bead's spans. Only the coverage and the risk estimate are refreshed
                # there, not its score.
                changes: dict[str, Any] = {}
                if new.details.get(UNCOVERED_KEY) != original.details.get(UNCOVERED_KEY):
                    details = dict(original.details)
                    if UNCOVERED_KEY in new.details:
                        details[UNCOVERED_KEY] = new.details[UNCOVERED_KEY]
                    else:
                        details.pop(UNCOVERED_KEY, None)
                    changes["details"] = details
                if new.risk != original.risk or new.suspects != original.suspects:
                    changes.update(risk=new.risk, suspects=[dict(s) for s in new.suspects])
                if changes:
                    doc.update_bead(k, **changes)
        if summary is not None and context.get("generation") == self._generation:
            scores = dict(doc.scores)
            scores.update(summary)
            doc.set_scores(scores)
        self.rescored.emit(count)

    def _on_rescore_thread_finished(self) -> None:
        job = self.sender()
        if job is self._rescore_job:
            self._rescore_job = None

    def running(self) -> bool:
        return self._job is not None

    def start(
        self, fixed: list[Bead] | None = None, bead_range: tuple[int, int] | None = None
    ) -> bool:
        """Align off the GUI thread: the whole text, or re-align ``bead_range`` only."""
        doc = self.document
        if doc is None or self._job is not None:
            return False
        snapshot = AlignmentDocument(doc.source, doc.target, [b.copy() for b in doc.beads],
                                     [a.copy() for a in doc.annotations], doc.scores, doc.meta)
        fixed_beads = [b.copy() for b in (fixed or [])]
        engine = self.window.engine

        def align(progress: Any, cancel: Any) -> Any:
            return engine.align(snapshot, fixed=fixed_beads, progress=progress, cancel=cancel)

        job = AlignmentJob(align, prepare=getattr(engine, "prepare", None))
        job.context = {"range": bead_range, "generation": self._generation, "document": doc}
        job.progressed.connect(self._on_job_progressed)
        job.building_cache.connect(self._on_job_building_cache)
        job.cache_progressed.connect(self._on_job_cache_progressed)
        job.finished_ok.connect(self._on_job_finished_ok)
        job.failed.connect(self._on_job_failed)
        job.cancelled.connect(self._on_job_cancelled)
        job.finished.connect(self._on_job_thread_finished)
        self._job = job
        window = self.window
        window.progress.setValue(0)
        window.progress.show()
        window.cancel_button.show()
        window.actions.align.setEnabled(False)
        window.actions.cancel_alignment.setEnabled(True)
        window.statusBar().showMessage(self.tr("Aligning…"))
        launch(job)
        self.started.emit()
        return True

    def realign(self, selected: int | None, last: int | None = None) -> None:
        """Re-align from the selected bead (through ``last``, the end of a selection of
        several) to the next confirmed or hand-made one (or all, keeping confirmed)."""
        doc = self.document
        if doc is None:
            return
        if not doc.beads:
            self.start()
            return
        try:
            start, stop = edits.realign_range(doc.beads, selected, last)
        except edits.EditError as error:
            self.window.statusBar().showMessage(edit_message(str(error)), 6000)
            return
        fixed = [b for k, b in enumerate(doc.beads)
                 if not (start <= k < stop) or b.status == "confirmed"]
        self.start(fixed=fixed, bead_range=(start, stop))

    def cancel(self, wait: bool = False) -> None:
        """Ask the job to stop; with ``wait``, also forget it (its late signals are ignored)."""
        job = self._job
        if job is None:
            return
        job.cancel()
        if wait:
            job.wait(2000)  # a step that cannot be interrupted finishes on its own (launch)
            self._job = None
            self._finish_job(False)

    def _current(self) -> bool:
        """True when the signal being handled comes from the job still in charge."""
        return self.sender() is self._job and self._job is not None

    # -- job results ------------------------------------------------------------------
    def _on_job_building_cache(self, seconds: float) -> None:
        """First start: the dictionary cache is compiled before aligning; say so."""
        if not self._current():
            return
        bar = self.window.progress
        text = self.tr("Building the dictionary cache (once, about {0} s)…").format(
            max(1, round(seconds)))
        if self._aligning_format is None:
            self._aligning_format = (bar.format(), bar.maximumWidth(), text)
        bar.setFormat(text)
        bar.setMaximumWidth(max(bar.maximumWidth(), bar.fontMetrics().horizontalAdvance(text) + 48))
        self.window.statusBar().showMessage(text)

    def _on_job_cache_progressed(self, fraction: float) -> None:
        if self._current() and self._aligning_format is not None:
            self.window.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))

    def _end_cache_phase(self) -> None:
        if self._aligning_format is None:
            return
        aligning, width, building = self._aligning_format
        self._aligning_format = None
        bar = self.window.progress
        bar.setFormat(aligning)
        bar.setMaximumWidth(width)
        if self.window.statusBar().currentMessage() == building:
            self.window.statusBar().showMessage(self.tr("Aligning…"))

    def _on_job_progressed(self, fraction: float) -> None:
        if not self._current():
            return
        self._end_cache_phase()
        self.window.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))

    def _on_job_finished_ok(self, beads: list[Bead], scores: dict[str, Any]) -> None:
        if not self._current():
            return
        job = self.sender()
        context = getattr(job, "context", {})
        doc = self.document
        applied = False
        if doc is None or context.get("document") is not doc:
            pass
        elif context.get("generation") != self._generation:
            self.window.statusBar().showMessage(
                self.tr("The alignment changed while re-aligning; result discarded."), 8000)
        elif context.get("range") is None or not doc.beads:
            self._apply_full_alignment(doc, beads, scores)
            applied = True
        else:
            start, stop = context["range"]
            edit = edits.splice_realigned(doc.beads, start, stop, beads)
            text = self.tr("Re-align beads {0}–{1}").format(start + 1, stop)
            self.window.undo_stack.push(commands.ReplaceBeadsCommand(doc, edit, text, scores))
            after = start + len(edit.beads)  # the bead the range stopped before, if any
            if after < len(doc.beads):
                message = self.tr("{0}; stopped before bead {1}, which you edited or "
                                  "confirmed (select it too, or past it, and press Ctrl+R "
                                  "to go on)").format(text, after + 1)
            else:
                message = text
            self.window.statusBar().showMessage(message, 8000)
            self.window.select_bead(start)
            applied = True
        self._finish_job(applied)

    def _apply_full_alignment(self, doc: AlignmentDocument, beads: list[Bead],
                              scores: dict[str, Any]) -> None:
        try:
            from aligner_gui.core.pipeline import apply_alignment
        except ImportError:  # pragma: no cover - engine not installed
            doc.set_beads(beads)
            doc.set_scores(scores)
        else:
            apply_alignment(doc, beads, scores)
        self.window.undo_stack.clear()
        self.window.statusBar().showMessage(
            self.tr("Aligned: {0} beads.").format(len(beads)), 5000)
        if beads:
            self.window.select_bead(0)

    def _on_job_failed(self, message: str) -> None:
        if not self._current():
            return
        self.window.report_error(self.tr("Alignment failed"), message)
        self._finish_job(False)

    def _on_job_cancelled(self) -> None:
        if not self._current():
            return
        self.window.statusBar().showMessage(self.tr("Alignment cancelled."), 5000)
        self._finish_job(False)

    def _finish_job(self, applied: bool) -> None:
        window = self.window
        self._end_cache_phase()
        if window.statusBar().currentMessage() == self.tr("Aligning…"):
            window.statusBar().clearMessage()
        window.progress.hide()
        window.cancel_button.hide()
        window.actions.align.setEnabled(True)
        window.actions.cancel_alignment.setEnabled(False)  # on only while one runs
        self.finished.emit(applied)

    def _on_job_thread_finished(self) -> None:
        job = self.sender()
        if job is self._job:
            self._job = None
