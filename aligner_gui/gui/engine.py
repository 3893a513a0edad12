"""The GUI's door to the engine. Tests pass a fake with the same methods."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aligner_gui.core.model import AlignmentDocument, Bead

PROJECT_SUFFIXES = (".json", ".aligner", ".aligner.json")


def is_project(path: str | Path) -> bool:
    return str(path).lower().endswith(PROJECT_SUFFIXES)


def _start_first_run_helper() -> Any:
    """``core.background.prepare_caches`` in a new process (None if none can be started)."""
    import multiprocessing

    from aligner_gui.core.runtime.forked import second_core

    if not second_core():
        return None
    try:
        from aligner_gui.core.background import prepare_caches

        process = multiprocessing.get_context("spawn").Process(
            target=prepare_caches, name="aligner-first-run", daemon=True
        )
        process.start()
    except (OSError, RuntimeError, ValueError):  # no process to be had: the load makes them
        return None
    return process


class Engine:
    """Loading, saving and aligning through the core pipeline and the project format."""

    # Its rescoring is the core's own (core.background), so for a big document the
    # window may run it in its worker process instead of calling ``rescore`` here.
    runs_in_process = True
    # Which language texts opened from now on have as their original (Alignment ->
    # Chinese is the original); a project keeps the direction it was saved with.
    source_lang = "en"

    def load(self, paths: Sequence[str | Path]) -> AlignmentDocument:
        if len(paths) == 1 and is_project(paths[0]):
            from aligner_gui.io.project import load_project

            return load_project(paths[0])
        from aligner_gui.core.pipeline import load_document

        return load_document(list(paths), source_lang=self.source_lang)

    def save(self, document: AlignmentDocument, path: str | Path) -> None:
        from aligner_gui.io.project import save_project

        save_project(document, path)

    # Concurrent edits: a project remembers the bytes it was opened from, and saving
    # over a file someone else changed since is refused (ProjectConflictError).
    def load_fingerprinted(self, path: str | Path) -> tuple[AlignmentDocument, Any]:
        from aligner_gui.io.fingerprint import load_project_fingerprinted

        return load_project_fingerprinted(path)

    def save_checked(self, document: AlignmentDocument, path: str | Path, expected: Any) -> Any:
        from aligner_gui.io.fingerprint import save_project_checked

        return save_project_checked(document, path, expected)

    # Exchange formats (TMX, TSV, MQM TSV, InterText, HTML report ...).
    def exporters(self) -> list[tuple[str, str, str]]:
        """(name, file-dialog label, suffix) of each export format but the project itself."""
        from aligner_gui.io.formats import EXPORTERS

        return [(e.name, e.label, e.suffix) for e in EXPORTERS.values() if e.name != "json"]

    def export(self, document: AlignmentDocument, fmt: str, path: str | Path) -> list[Path]:
        """Write an export; the HTML report in the window's language."""
        from PySide6.QtCore import QCoreApplication

        from aligner_gui.io.formats import export_document

        app = QCoreApplication.instance()
        lang = app.property("aligner_ui_lang") if app is not None else None
        if fmt == "html" and isinstance(lang, str) and lang.startswith("zh"):
            return export_document(document, fmt, path, lang=lang)
        return export_document(document, fmt, path)

    def left_out_message(self, document: AlignmentDocument, fmt: str) -> str:
        """What an export in ``fmt`` does not carry back, for the status bar ("" if nothing)."""
        from PySide6.QtCore import QCoreApplication

        from aligner_gui.io.formats import annotations_left_out

        count = annotations_left_out(document, fmt)
        if not count:
            return ""
        return QCoreApplication.translate(
            "Engine", " \u2014 {0} annotation(s) not in this format: the project file keeps them"
        ).format(count)

    def import_file(self, path: str | Path, base: AlignmentDocument | None) -> AlignmentDocument:
        """Read TMX, InterText or a WMT MQM TSV (its annotations onto ``base``)."""
        from aligner_gui.io.formats import detect_format, import_file

        fmt = detect_format(path)
        if fmt == "mqm-tsv":
            return import_file(path, fmt, base=base)
        return import_file(path, fmt)

    def prepare(
        self,
        building: Callable[[float], None],
        progress: Callable[[float], None] | None = None,
    ) -> None:
        """Load the dictionary before aligning (off the GUI thread); ``building(seconds)``
        first when its cache must be compiled, so the window can say why it waits, and
        ``progress(fraction)`` as the compile goes."""
        from aligner_gui.core.background import unpack_encoder_weights
        from aligner_gui.core.lexicon.shared import get_lexicon, load_options, loaded_lexicon
        from aligner_gui.core.runtime.forked import can_fork

        if loaded_lexicon() is None:
            helper: list[Any] = []

            def compiling(seconds: float) -> None:
                # Told by the load itself, only when it compiles (one load, not a check and
                # two). Meanwhile the sentence encoder's weights are unpacked: by the
                # helper the load forks when it can, else (the window's
                # worker thread: a process with threads must not fork) by a process of its
                # own.
                if not can_fork():
                    helper.append(_start_first_run_helper())
                building(float(seconds))

            load_options(building=compiling, progress=progress, also=unpack_encoder_weights)
            get_lexicon()
            for process in helper:
                if process is not None:
                    process.join(60)  # its weights, before the first risk

    def align(
        self,
        document: AlignmentDocument,
        *,
        fixed: Sequence[Bead] = (),
        progress: Callable[[float], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> tuple[list[Bead], dict[str, Any]]:
        from aligner_gui.core.pipeline import run_alignment

        return run_alignment(document, fixed=fixed, progress=progress, cancel=cancel)

    def rescore(
        self,
        document: AlignmentDocument,
        beads: Sequence[Bead],
        cancel: Callable[[], bool] | None = None,
    ) -> tuple[list[Bead], dict[str, Any]]:
        """After hand edits: scored copies of ``beads`` with their word coverage, and the summary.

        The engine's ``pipeline.rescore`` without touching the document (runs off the GUI
        thread on a snapshot): the coverage share in the scores panel and the stored
        uncovered spans follow the edits, not just the bead scores.
        """
        from aligner_gui.core.pipeline import rescored

        return rescored(document, beads, cancel=cancel)

    def score(self, document: AlignmentDocument, beads: Sequence[Bead]) -> list[Bead]:
        """Scores and flags for ``beads`` (copies), computed as the engine does after aligning.

        The whole list is scored because scores are normalised over the document.
        """
        from aligner_gui.core.lexicon.shared import get_lexicon
        from aligner_gui.core.scoring.scores import score_beads

        scored = [b.copy() for b in beads]
        score_beads(document.source, document.target, scored, get_lexicon())
        return scored
