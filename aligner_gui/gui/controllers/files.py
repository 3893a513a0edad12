"""Open, save, recent files, autosave of a recovery copy and the offer to recover it."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from aligner_gui.core.errors import AlignerError
from aligner_gui.gui import commands
from aligner_gui.gui.dialogs.messages import CloseAnswer
from aligner_gui.gui.display_names import export_menu_text
from aligner_gui.gui.engine import is_project
from aligner_gui.gui.workers import TaskJob, launch
from aligner_gui.io.pairing import project_stem, save_folder

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QProgressBar, QStatusBar

    from aligner_gui.core.model import AlignmentDocument
    from aligner_gui.gui.dialogs.recovery import RecoveryBanner
    from aligner_gui.gui.engine import Engine
    from aligner_gui.gui.models import SuggestionTableModel
    from aligner_gui.gui.settings import Settings

log = logging.getLogger(__name__)

IMPORT_SUFFIXES = (".tmx", ".xml", ".tsv")  # opened through the exchange-format importers
RECOVERY_NAME = "recovery.json"
RECOVERY_META = "recovery-meta.json"
GLOSSARY_KEY = "glossary"  # doc.meta: the glossary file the QA checks use (a path)


class FileHost(Protocol):
    """What the file commands use of the window."""

    settings: Settings
    engine: Engine
    document: AlignmentDocument | None
    undo_stack: QUndoStack
    progress: QProgressBar  # busy while a file is read in the background
    recovery_banner: RecoveryBanner
    suggestion_model: SuggestionTableModel
    ask_save: Callable[[QWidget, str], CloseAnswer]

    def statusBar(self) -> QStatusBar: ...
    def alignment_running(self) -> bool: ...
    def report_error(self, title: str, message: str) -> None: ...
    def install_document(self, document: AlignmentDocument, *, align: bool = True) -> None: ...
    def update_title(self) -> None: ...


class FileController(QObject):
    saved = Signal(object)  # the project's Path, after each successful save

    def __init__(self, window: FileHost, *, parent: QWidget) -> None:
        """``parent`` (the window) owns the controller and its dialogs."""
        super().__init__(parent)
        self.window = window
        self.dialog_parent = parent
        self.settings = window.settings
        self.path: Path | None = None  # the project file, None until saved as a project
        self.fingerprint: object | None = None  # of self.path as opened or last saved
        self._loading: TaskJob | None = None
        self.input_dir: Path | None = None  # where the opened files are: Save As starts there
        self.text_paths: list[Path] | None = None
        self._loading_message = ""
        self.display_name = ""
        self.recent_menu: QMenu | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        seconds = max(5, int(self.settings.autosave_seconds))
        self.autosave_timer.start(seconds * 1000)

    # -- opening ------------------------------------------------------------------------
    def _read(self, paths: list[Path]) -> tuple[Any, Any]:
        """The document and, for a project, its fingerprint (raises on failure)."""
        engine = self.window.engine
        if len(paths) == 1 and is_project(paths[0]) and hasattr(engine, "load_fingerprinted"):
            return engine.load_fingerprinted(paths[0])
        return engine.load(paths), None

    def _routes_to_import(self, paths: list[Path]) -> bool:
        return (len(paths) == 1 and paths[0].suffix.lower() in IMPORT_SUFFIXES
                and hasattr(self.window.engine, "import_file"))

    def open_paths(self, paths: list[str | Path]) -> bool:
        """Load files into the window; errors are shown as one line, never a traceback."""
        paths = [Path(p) for p in paths]
        if self._routes_to_import(paths):
            return self.import_path(paths[0])
        try:
            document, fingerprint = self._read(paths)
        except (AlignerError, OSError, ValueError) as error:
            self._report_open_error(paths, _one_line(error))
            return False
        except Exception as error:  # an engine bug: still one line for the editor, log the rest
            log.exception("loading %s failed", paths)
            self._report_open_error(paths, f"{type(error).__name__}: {_one_line(error)}")
            return False
        self._opened(paths, document, fingerprint)
        return True

    def open_paths_in_background(self, paths: list[str | Path]) -> bool:
        """Like open_paths, reading off the GUI thread (a big project takes seconds)."""
        paths = [Path(p) for p in paths]
        if self._routes_to_import(paths):
            return self.import_path(paths[0])
        if self._loading is not None:
            return False
        job = TaskJob(lambda: self._read(paths))
        job.finished_ok.connect(lambda result: self._opened(paths, *result))
        job.failed.connect(lambda message: self._report_open_error(paths, message))
        job.finished.connect(self._on_loading_finished)
        self._loading = job
        self.window.progress.setRange(0, 0)  # busy
        self.window.progress.show()
        self._loading_message = self.tr("Opening {0}…").format(paths[0].name)
        self.window.statusBar().showMessage(self._loading_message)
        launch(job)
        return True

    def _on_loading_finished(self) -> None:
        self._loading = None
        self.window.progress.setRange(0, 1000)
        if not self.window.alignment_running():
            self.window.progress.hide()
        if self.window.statusBar().currentMessage() == self._loading_message:
            self.window.statusBar().clearMessage()

    def loading(self) -> bool:
        return self._loading is not None

    def _report_open_error(self, paths: list[Path], message: str) -> None:
        self.window.report_error(self.tr("Cannot open {0}").format(paths[0].name), message)

    def _opened(self, paths: list[Path], document: Any, fingerprint: Any) -> None:
        project = len(paths) == 1 and is_project(paths[0])
        self.path = paths[0] if project else None
        self.text_paths = None if project else paths  # texts: they can be read again
        self.input_dir = paths[0].resolve().parent
        self.fingerprint = fingerprint
        self.display_name = paths[0].name if len(paths) == 1 else " + ".join(p.name for p in paths)
        self.window.install_document(document)
        for path in paths:
            self.settings.add_recent(path)
        self.refresh_recent_menu()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        filters = self.tr("Projects, texts, TMX, InterText (*.json *.txt *.tmx *.xml);;"
                          "All files (*)")
        names, _ = QFileDialog.getOpenFileNames(self.dialog_parent, self.tr("Open"), "", filters)
        if names:
            self.open_paths_in_background(names[:2])

    def open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_paths_in_background([path])

    def refresh_recent_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        for k, path in enumerate(self.settings.recent_files):
            action = menu.addAction(f"&{(k + 1) % 10} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        menu.setEnabled(bool(self.settings.recent_files))

    # -- saving -------------------------------------------------------------------------
    def save_to(self, path: str | Path) -> bool:
        doc = self.window.document
        if doc is None:
            return False
        path = Path(path)
        engine = self.window.engine
        try:
            if hasattr(engine, "save_checked"):
                # Over the project we opened: refuse if someone changed it since. Elsewhere
                # the editor chose the file (Save As asked before replacing it).
                same = self.path is not None and path.resolve() == self.path.resolve()
                expected = self.fingerprint if same else _fingerprint_or_none(path)
                self.fingerprint = engine.save_checked(doc, path, expected)
            else:
                engine.save(doc, path)
        except (AlignerError, OSError, ValueError) as error:
            # Nothing changes here: the document, its undo history and modified mark stay.
            self.window.report_error(
                self.tr("Cannot save {0}").format(path.name),
                self.tr("{0} — your work is still open and unsaved; "
                        "File › Save As saves it elsewhere.").format(_one_line(error)))
            return False
        self.path = path
        self.display_name = path.name
        self.window.undo_stack.setClean()
        self.settings.add_recent(path)
        self.refresh_recent_menu()
        self.discard_recovery()
        self.window.update_title()
        self.window.statusBar().showMessage(self.tr("Saved {0}").format(path), 4000)
        self.saved.emit(path)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        if self.path is not None:
            suggested = str(self.path)
        else:  # beside the text it was made from, else the home folder
            folder = save_folder(self.input_dir)
            suggested = str(folder / f"{project_stem(self.text_paths or [])}.json")
        name, _ = QFileDialog.getSaveFileName(self.dialog_parent, self.tr("Save As"), suggested,
                                              self.tr("Aligner projects (*.json);;All files (*)"))
        if not name:
            return False
        if not name.lower().endswith(".json"):
            name += ".json"
        return self.save_to(name)

    def maybe_save(self) -> bool:
        """Before losing changes: True when it is fine to go on."""
        if self.window.document is None or self.window.undo_stack.isClean():
            return True
        answer = self.window.ask_save(self.dialog_parent, self.display_name or self.tr("untitled"))
        if answer == CloseAnswer.SAVE:
            return self.save()
        if answer == CloseAnswer.DISCARD and self.window.recovery_banner.isHidden():
            self.discard_recovery()  # the editor threw these changes away
        return answer == CloseAnswer.DISCARD

    # -- exchange formats ---------------------------------------------------------------
    def build_export_menu(self, menu: QMenu) -> None:
        exporters = getattr(self.window.engine, "exporters", None)
        if exporters is None:
            menu.setEnabled(False)
            return
        for name, label, suffix in exporters():
            action = menu.addAction(export_menu_text(label))
            action.setObjectName(f"actionExport_{name}")
            action.triggered.connect(
                lambda _=False, n=name, lb=label, sx=suffix: self.export_dialog(n, lb, sx))

    def export_dialog(self, fmt: str, label: str, suffix: str) -> None:
        stem = Path(self.path or self.display_name or "export").stem
        name, _ = QFileDialog.getSaveFileName(self.dialog_parent, self.tr("Export"), stem + suffix,
                                              f"{label};;" + self.tr("All files (*)"))
        if name:
            self.export_to(fmt, name)

    def export_to(self, fmt: str, path: str | Path) -> list[Path] | None:
        doc = self.window.document
        if doc is None:
            return None
        path = Path(path)
        try:
            written = self.window.engine.export(doc, fmt, path)
        except (AlignerError, OSError, ValueError) as error:
            self.window.report_error(self.tr("Cannot export {0}").format(path.name),
                                     _one_line(error))
            return None
        self.window.statusBar().showMessage(
            self.tr("Exported {0}").format(", ".join(p.name for p in written))
            + self.window.engine.left_out_message(doc, fmt), 8000)
        return written

    def import_dialog(self) -> None:
        if not self.maybe_save():
            return
        filters = self.tr("TMX, InterText, MQM TSV (*.tmx *.xml *.tsv);;All files (*)")
        name, _ = QFileDialog.getOpenFileName(self.dialog_parent, self.tr("Import"), "", filters)
        if name:
            self.import_path(name)

    def import_path(self, path: str | Path, *, system: str | None = None) -> bool:
        """A TMX, InterText or MQM TSV file as a new, unsaved document.

        An MQM file rating several systems first opens a non-modal chooser; the import
        goes on when a system is chosen (True is returned: the import is under way)."""
        path = Path(path)
        try:
            if system is None:
                systems = _mqm_systems(path)
                if len(systems) > 1:
                    self._choose_system(path, systems)
                    return True
                document = self.window.engine.import_file(path, self.window.document)
            else:
                from aligner_gui.io.formats import import_file

                base = self.window.document
                document = import_file(path, "mqm-tsv", system=system,
                                       **({"base": base} if base is not None else {}))
        except (AlignerError, OSError, ValueError) as error:
            self.window.report_error(self.tr("Cannot import {0}").format(path.name),
                                     _one_line(error))
            return False
        self.path = None
        self.fingerprint = None
        self.text_paths = None  # an import: no texts to read again the other way round
        self.input_dir = path.resolve().parent
        self.display_name = path.stem + ".json"
        self.window.install_document(document)
        self.window.undo_stack.resetClean()  # an import is unsaved work
        self.window.update_title()
        return True

    def _choose_system(self, path: Path, systems: list[tuple[str, int]]) -> None:
        from aligner_gui.gui.dialogs.mqm_systems import SystemChooser

        chooser = SystemChooser(path.name, systems, self.dialog_parent)
        chooser.system_chosen.connect(lambda name: self.import_path(path, system=name))
        chooser.open()

    # -- glossary -----------------------------------------------------------------------
    def glossary_dialog(self) -> None:
        if self.window.document is None:
            return
        filters = self.tr("Glossaries (*.tbx *.csv *.tsv);;All files (*)")
        name, _ = QFileDialog.getOpenFileName(self.dialog_parent, self.tr("Load glossary"), "",
                                              filters)
        if name:
            self.load_glossary(name)

    def load_glossary(self, path: str | Path) -> bool:
        """Check the file, then remember it in the project (``meta["glossary"]``, undoable).

        A file the QA checks cannot read is refused with a one-line message.
        """
        doc = self.window.document
        if doc is None:
            return False
        path = Path(path).resolve()
        title = self.tr("Cannot load glossary {0}").format(path.name)
        try:
            from aligner_gui.core.qe.glossary import load_glossary
        except ImportError:
            self.window.report_error(title, self.tr("Glossary checks are not available in "
                                                    "this version."))
            return False
        try:
            glossary = load_glossary(path)
        except (AlignerError, OSError, ValueError) as error:
            self.window.report_error(title, _one_line(error))
            return False
        except Exception as error:  # a checker bug: still one line for the editor
            log.exception("loading the glossary %s failed", path)
            self.window.report_error(title, f"{type(error).__name__}: {_one_line(error)}")
            return False
        self._set_glossary(str(path), self.tr("Load glossary {0}").format(path.name))
        terms = len(glossary) if hasattr(glossary, "__len__") else "?"
        self.window.statusBar().showMessage(
            self.tr("Glossary {0}: {1} terms").format(path.name, terms), 5000)
        return True

    def clear_glossary(self) -> None:
        doc = self.window.document
        if doc is None or not doc.meta.get(GLOSSARY_KEY):
            self.window.statusBar().showMessage(self.tr("No glossary loaded."), 4000)
            return
        self._set_glossary(None, self.tr("Clear glossary"))

    def _set_glossary(self, value: str | None, text: str) -> None:
        doc = self.window.document
        assert doc is not None
        self.window.undo_stack.push(commands.SetMetaCommand(
            doc, GLOSSARY_KEY, value, text, self.window.suggestion_model.schedule_refresh))

    # -- recovery -----------------------------------------------------------------------
    def recovery_paths(self) -> tuple[Path, Path]:
        folder = self.settings.recovery_dir()
        return folder / RECOVERY_NAME, folder / RECOVERY_META

    def autosave(self) -> bool:
        """Write a recovery copy when there are unsaved changes (every minute, and on crash)."""
        doc = self.window.document
        if doc is None or self.window.undo_stack.isClean():
            return False
        if not self.window.recovery_banner.isHidden():  # never overwrite an unanswered offer
            return False
        copy, meta = self.recovery_paths()
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
            self.window.engine.save(doc, copy)
            self._write_recovery_meta(meta)
        except (AlignerError, OSError, ValueError) as error:
            log.warning("autosave failed: %s", error)
            return False
        return True

    def save_crash_copy(self) -> Path | None:
        """After an unhandled exception: the unsaved work to disk, wherever it can go.

        The usual recovery copy, unless an older one still waits for the editor's answer;
        then a copy of its own beside it. None when there is nothing unsaved; raises when
        the copy cannot be written.
        """
        doc = self.window.document
        if doc is None or self.window.undo_stack.isClean():
            return None
        if self.window.recovery_banner.isHidden():
            copy = self.recovery_paths()[0]
        else:
            copy = self.settings.recovery_dir() / datetime.now().strftime(
                "crash-%Y%m%d-%H%M%S.json")
        copy.parent.mkdir(parents=True, exist_ok=True)
        self.window.engine.save(doc, copy)  # errors go to the crash handler, which says so
        if copy.name == RECOVERY_NAME:
            self._write_recovery_meta(self.recovery_paths()[1])
        return copy

    def _write_recovery_meta(self, meta: Path) -> None:
        """Beside the recovery copy: the file it belongs to, its name and when it was taken."""
        meta.write_text(json.dumps({
            "path": str(self.path) if self.path else None,
            "name": self.display_name,
            "saved": datetime.now().isoformat(timespec="seconds"),
        }), encoding="utf-8")

    def recovery_available(self) -> dict | None:
        copy, meta = self.recovery_paths()
        if not copy.is_file():
            return None
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        return info if isinstance(info, dict) else {}

    def offer_recovery(self) -> bool:
        info = self.recovery_available()
        if info is None:
            return False
        name = info.get("name") or self.tr("untitled")
        self.window.recovery_banner.offer(name, str(info.get("saved") or ""))
        return True

    def recover(self) -> bool:
        copy, _ = self.recovery_paths()
        info = self.recovery_available() or {}
        try:
            document = self.window.engine.load([copy])
        except (AlignerError, OSError, ValueError) as error:
            self.window.report_error(self.tr("Cannot recover"), _one_line(error))
            return False
        original = info.get("path")
        self.path = Path(original) if original else None
        self.text_paths = None  # recovered work: nothing to read again
        # The copy is this editor's later work on that file: saving over it is expected.
        self.fingerprint = _fingerprint_or_none(self.path) if self.path else None
        self.display_name = info.get("name") or self.tr("recovered")
        self.window.install_document(document, align=False)
        self.window.undo_stack.resetClean()  # recovered work is unsaved work
        self.window.update_title()
        self.window.recovery_banner.hide()
        return True

    def discard_recovery(self) -> None:
        for path in self.recovery_paths():
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
        self.window.recovery_banner.hide()


def _fingerprint_or_none(path: Path) -> object | None:
    from aligner_gui.io.fingerprint import fingerprint

    return fingerprint(path)


def _mqm_systems(path: Path) -> list[tuple[str, int]]:
    """The systems of an MQM file with their segment counts; [] for any other file."""
    from aligner_gui.io.formats import detect_format
    from aligner_gui.io.mqm_tsv_import import mqm_systems

    if path.suffix.lower() not in (".tsv", ".txt") or detect_format(path) != "mqm-tsv":
        return []
    return mqm_systems(path)


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
