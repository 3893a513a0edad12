"""Running the aligner for the window: whole-document alignment and range re-alignment.

The engine runs in an AlignmentJob (a QThread) on a snapshot of the document; the
result comes back to the GUI thread, which applies it only if the beads did not
change meanwhile. A first alignment is installed directly (it is the starting point,
not an edit); a re-alignment is one undoable command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from aligner_gui.core import edits
from aligner_gui.core.model import AlignmentDocument, Bead
from aligner_gui.gui import commands
from aligner_gui.gui.workers import AlignmentJob

if TYPE_CHECKING:
    from aligner_gui.gui.main_window import MainWindow


class AlignmentController(QObject):
    started = Signal()
    finished = Signal(bool)  # True when a result was applied

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: AlignmentDocument | None = None
        self._job: AlignmentJob | None = None
        self._generation = 0  # counts bead changes, to detect edits during a job

    def set_document(self, document: AlignmentDocument | None) -> None:
        self.cancel(wait=True)
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.document = document
        if document is not None:
            document.subscribe(self._on_document_event)

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        if event in ("beads_replaced", "reset"):
            self._generation += 1

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

        job = AlignmentJob(align, self)
        job.context = {"range": bead_range, "generation": self._generation, "document": doc}
        job.progressed.connect(self._on_job_progressed)
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
        window.statusBar().showMessage(self.tr("Aligning…"))
        job.start()
        self.started.emit()
        return True

    def realign(self, selected: int | None) -> None:
        """Re-align from the selected bead to the next confirmed one (or all, keeping confirmed)."""
        doc = self.document
        if doc is None:
            return
        if not doc.beads:
            self.start()
            return
        try:
            start, stop = edits.realign_range(doc.beads, selected)
        except edits.EditError as error:
            self.window.statusBar().showMessage(str(error), 6000)
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
            job.wait(10000)
            self._job = None
            self._finish_job(False)

    def _current(self) -> bool:
        """True when the signal being handled comes from the job still in charge."""
        return self.sender() is self._job and self._job is not None

    # -- job results ------------------------------------------------------------------
    def _on_job_progressed(self, fraction: float) -> None:
        if not self._current():
            return
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
            self.window.statusBar().showMessage(text, 5000)
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
        if window.statusBar().currentMessage() == self.tr("Aligning…"):
            window.statusBar().clearMessage()
        window.progress.hide()
        window.cancel_button.hide()
        window.actions.align.setEnabled(True)
        self.finished.emit(applied)

    def _on_job_thread_finished(self) -> None:
        job = self.sender()
        if job is self._job:
            self._job = None
        if isinstance(job, AlignmentJob):
            job.deleteLater()
