"""The review queue of a folder: its documents, their figures and review status (no Qt).

A folder holds aligned projects (``NAME.json``, as ``aligner align`` and ``aligner batch``
write them) and/or input pairs not aligned yet (paired by name as ``aligner batch`` pairs them;
their project will be ``NAME.json`` beside them). The queue lists one entry per document
with its figures (omissions, expected Major errors, risky beads, annotations, sentences)
and its review status, and keeps them in ``FOLDER/.aligner-queue.json``.

Opening a folder of hundreds of projects must be quick, so a project is parsed only when
its file changed: the state file remembers each file's size and modification time with
the figures read from it. A state file that is corrupt or not ours is set aside
(renamed), never trusted and never a crash; it is written only when the folder is
writable.

Statuses: ``new`` until the document is opened in the window (or while it is not aligned);
``in review`` once opened, or as soon as its project holds annotations; ``reviewed`` when
the editor marks it so (unmarking returns it to ``in review``). They live in the state
file, keyed by the project file's name.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner_gui.core.errors import AlignerError
from aligner_gui.io.atomic import atomic_write_text
from aligner_gui.io.errors import ProjectError, ProjectWriteError
from aligner_gui.io.outputs import review_in
from aligner_gui.io.pairing import pair_folder
from aligner_gui.io.queue_figures import (
    Figures,
    NotAProject,
    StaleFigures,
    one_line,
    read_figures,
)

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

STATE_NAME = ".aligner-queue.json"
STATE_FORMAT = "aligner-review-queue"
STATE_VERSION = 1
NEW, IN_REVIEW, REVIEWED = "new", "in review", "reviewed"
STATUSES = (NEW, IN_REVIEW, REVIEWED)

Stamp = tuple[int, int]  # (mtime in ns, size in bytes)


@dataclass
class QueueEntry:
    """One document of the folder."""

    name: str
    project: Path  # FOLDER/NAME.json, written by the aligner when it does not exist yet
    inputs: tuple[Path, ...] = ()  # the texts it is (or will be) aligned from, if in the folder
    status: str = NEW
    figures: Figures | None = None  # None: not aligned yet (or unreadable: see error)
    stamp: Stamp | None = None  # of the project file the figures were read from
    error: str | None = None  # one line: why the project cannot be read or aligned
    # Its texts changed since it was aligned, and the project holds a review, so it was
    # not aligned again (one without a review is, its old project kept as NAME.json.bak).
    text_changed: bool = False

    @property
    def aligned(self) -> bool:
        return self.figures is not None

    @property
    def alignable(self) -> bool:
        """Not aligned yet, from inputs in the folder, and nothing went wrong so far."""
        return self.figures is None and bool(self.inputs) and self.error is None

    def sort_key(self) -> tuple[int, float, str]:
        """Riskiest first (most expected Major errors), then documents without a risk,
        then those not aligned; by name within each."""
        if self.figures is not None and self.figures.expected_major is not None:
            return (0, -self.figures.expected_major, self.name.casefold())
        return (1 if self.figures is not None else 2, 0.0, self.name.casefold())


@dataclass
class ReviewQueue:
    folder: Path
    entries: list[QueueEntry] = field(default_factory=list)
    writable: bool = False
    parsed: int = 0  # project files read on open (the rest came from the state file)
    set_aside: Path | None = None  # where an unusable state file was moved to
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # files pairing left out
    _others: dict[str, Stamp] = field(default_factory=dict)  # JSON files that are no project

    @property
    def state_path(self) -> Path:
        return self.folder / STATE_NAME

    # -- opening ----------------------------------------------------------------------
    @classmethod
    def open(cls, folder: str | Path, *, source_lang: str = "en",
             pair_inputs: bool = True) -> ReviewQueue:
        """Read the folder: projects (parsed only if changed since the state was saved),
        input pairs not aligned yet, and the saved statuses. Saves the state if it changed.

        Raises ProjectError when the folder cannot be listed.
        """
        folder = Path(folder).absolute()
        queue = cls(folder, writable=os.access(folder, os.W_OK))
        records, others = queue._read_state()
        try:
            names = sorted(e.name for e in os.scandir(folder)
                           if _is_candidate(e.name) and e.is_file())
        except OSError as error:
            raise ProjectError(f"cannot read the folder {folder}: "
                               f"{error.strerror or error}") from None
        by_name: dict[str, QueueEntry] = {}
        for file_name in names:
            path = folder / file_name
            stamp = _stamp(path)
            if stamp is not None and others.get(file_name) == stamp:
                queue._others[file_name] = stamp
                continue
            entry = QueueEntry(path.stem, path)
            record = records.get(file_name)
            if record is not None:
                entry.status = record["status"]
                entry.inputs = tuple(folder / p for p in record["inputs"])
            if record is not None and stamp is not None and record["stamp"] == stamp:
                entry.figures, entry.error, entry.stamp = record["figures"], record["error"], stamp
            elif not queue._read_project(entry):
                if stamp is not None:
                    queue._others[file_name] = stamp
                continue
            by_name[entry.name] = entry
        if pair_inputs:
            queue._add_pairs(by_name, records, source_lang)
            for entry in by_name.values():
                queue._follow_texts(entry)
        queue.entries = sorted(by_name.values(), key=QueueEntry.sort_key)
        if queue._state_differs(records, others):
            queue.save_state()
        return queue

    def _read_project(self, entry: QueueEntry) -> bool:
        """Figures from the project file; False when the file is JSON but not a project."""
        self.parsed += 1
        entry.stamp = _stamp(entry.project)
        try:
            entry.figures = read_figures(entry.project)
            entry.error = None
        except NotAProject:
            return False
        except (ProjectError, OSError) as error:
            entry.figures, entry.error = None, one_line(error)
        if entry.figures is not None and entry.figures.annotations and entry.status == NEW:
            entry.status = IN_REVIEW  # someone annotated it already
        return True

    def _add_pairs(self, by_name: dict[str, QueueEntry], records: dict[str, Any],
                   source_lang: str) -> None:
        try:
            pairing = pair_folder(self.folder, source_lang=source_lang)
        except AlignerError as error:
            log.warning("pairing the inputs of %s failed: %s", self.folder, error)
            return
        # Projects, backups and summaries are not inputs; a text left unpaired is news.
        self.skipped = [(p, why) for p, why in pairing.skipped if p.suffix.lower() == ".txt"]
        for pair in pairing.pairs:
            inputs = tuple(pair.inputs)
            entry = by_name.get(pair.name)
            if entry is not None:
                entry.inputs = inputs
                continue
            project = self.folder / f"{pair.name}.json"
            entry = QueueEntry(pair.name, project, inputs)
            record = records.get(project.name)
            if record is not None:
                entry.status = record["status"]
            if project.name in self._others:  # NAME.json is there and is something else
                entry.error = f"{project.name} exists and is not an aligner-gui project"
            by_name[pair.name] = entry

    def _follow_texts(self, entry: QueueEntry) -> None:
        """A project whose texts changed on disk since it was aligned (a corrected
        translation saved over the old one) is aligned again in the background, its old
        project kept as NAME.json.bak; one holding a review is kept and marked."""
        entry.text_changed = False
        if not _texts_changed(entry):
            return
        if review_in(entry.project) is not None or not self.writable:
            entry.text_changed = True
            return
        try:
            entry.project.replace(entry.project.with_name(entry.project.name + ".bak"))
        except OSError:
            entry.text_changed = True
            return
        entry.figures, entry.stamp, entry.error, entry.status = None, None, None, NEW

    # -- the state file ---------------------------------------------------------------
    def _read_state(self) -> tuple[dict[str, Any], dict[str, Stamp]]:
        """(records by project file name, non-project JSON files) of the state file;
        empty when there is none. An unusable one is set aside."""
        path = self.state_path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}, {}
        except (OSError, UnicodeDecodeError) as error:
            self._set_aside(f"unreadable ({one_line(error)})")
            return {}, {}
        try:
            return _parse_state(text)
        except (ValueError, TypeError, KeyError) as error:
            self._set_aside(str(error))
            return {}, {}

    def _set_aside(self, reason: str) -> None:
        path = self.state_path
        log.warning("%s: set aside, starting a new queue state (%s)", path, reason)
        if not self.writable:
            return
        for k in range(1, 100):
            target = path.with_name(f"{STATE_NAME}.bad{'' if k == 1 else k}")
            if not target.exists():
                with contextlib.suppress(OSError):
                    path.rename(target)
                    self.set_aside = target
                return

    def state(self) -> dict[str, Any]:
        projects: dict[str, Any] = {}
        for entry in self.entries:
            projects[entry.project.name] = {
                "name": entry.name,
                "status": entry.status,
                "inputs": [_relative(p, self.folder) for p in entry.inputs],
                "stamp": list(entry.stamp) if entry.stamp else None,
                "figures": entry.figures.to_dict() if entry.figures else None,
                # an alignment that failed is tried again next time; a broken file is not
                "error": entry.error if entry.stamp else None,
            }
        return {"format": STATE_FORMAT, "version": STATE_VERSION, "projects": projects,
                "other_files": {name: list(stamp) for name, stamp in sorted(self._others.items())}}

    def _state_differs(self, records: dict[str, Any], others: dict[str, Stamp]) -> bool:
        try:
            saved = _parse_state(json.dumps(self.state()))
        except (ValueError, TypeError, KeyError):
            return True
        return saved != (records, others)

    def save_state(self) -> bool:
        """Write the state file atomically; False when the folder is read-only or it fails."""
        if not self.writable:
            return False
        text = json.dumps(self.state(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        try:
            atomic_write_text(self.state_path, text)
        except ProjectWriteError as error:
            log.warning("the review queue state was not saved: %s", error)
            return False
        return True

    # -- queries and changes ----------------------------------------------------------
    def entry(self, name: str) -> QueueEntry | None:
        return next((e for e in self.entries if e.name == name), None)

    def entry_for_project(self, path: str | Path) -> QueueEntry | None:
        """The entry whose project file ``path`` is (compared resolved), else None."""
        try:
            target = Path(path).resolve()
        except OSError:
            return None
        if target.parent != self.folder.resolve():
            return None
        return next((e for e in self.entries if e.project.name == target.name), None)

    def alignable(self) -> list[QueueEntry]:
        return [e for e in self.entries if e.alignable]

    def reload(self, name: str) -> QueueEntry:
        """Read the entry's project again (after a save or an alignment) and save the state."""
        entry = self._require(name)
        if not entry.project.exists():
            entry.figures, entry.stamp = None, None
        elif not self._read_project(entry):
            entry.figures = None
            entry.error = f"{entry.project.name} is not an aligner-gui project"
        self.save_state()
        return entry

    def set_aligned(self, name: str, figures: Figures) -> QueueEntry:
        """The entry's project was just written with these figures (by the aligner, or by
        the window's Save)."""
        entry = self._require(name)
        entry.figures, entry.error, entry.stamp = figures, None, _stamp(entry.project)
        self.save_state()
        return entry

    def set_status(self, name: str, status: str) -> QueueEntry:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        entry = self._require(name)
        if entry.status != status:
            entry.status = status
            self.save_state()
        return entry

    def mark_opened(self, name: str) -> QueueEntry:
        """The editor opened the document: a new one is now in review."""
        entry = self._require(name)
        if entry.status == NEW:
            self.set_status(name, IN_REVIEW)
        return entry

    def toggle_reviewed(self, names: Iterable[str]) -> str:
        """Mark all reviewed, or, when all already are, back to in review; the new status."""
        chosen = [self._require(n) for n in names]
        status = IN_REVIEW if chosen and all(e.status == REVIEWED for e in chosen) else REVIEWED
        for entry in chosen:
            entry.status = status
        self.save_state()
        return status

    def set_error(self, name: str, message: str) -> None:
        self._require(name).error = message

    def _require(self, name: str) -> QueueEntry:
        entry = self.entry(name)
        if entry is None:
            raise KeyError(name)
        return entry


# -- reading a project's figures ---------------------------------------------------------


def next_to_review(entries: Sequence[QueueEntry], current: str | None) -> QueueEntry | None:
    """The first entry after the one named ``current``, in the order given (the queue as
    shown), that is aligned and not reviewed; from the top when ``current`` is None."""
    start = next((k + 1 for k, e in enumerate(entries) if e.name == current), 0)
    return next((e for e in [*entries[start:], *entries[:start]]
                 if e.aligned and e.status != REVIEWED and e.name != current), None)


def align_into_project(inputs: Sequence[str | Path], project: str | Path,
                       source_lang: str = "en", engine: Any = None) -> Figures:
    """Load, align, score and save one document as ``project`` (which must not exist yet).

    Qt-free and picklable, so the window can run it in a worker process; ``engine`` (an
    object with the window's ``load``/``align``/``save``) replaces the core pipeline.
    Returns the figures of the written project (made there, not on the GUI thread).
    """
    from aligner_gui.core.pipeline import apply_alignment, load_document, run_alignment
    from aligner_gui.io.project import save_project

    project = Path(project)
    if project.exists():
        raise ProjectWriteError(f"{project.name} exists already; it is not overwritten")
    paths = [Path(p) for p in inputs]
    if engine is None:
        doc = load_document(paths, source_lang=source_lang)
        apply_alignment(doc, *run_alignment(doc))
        save_project(doc, project, backup=False)
    else:
        doc = engine.load(paths)
        apply_alignment(doc, *engine.align(doc))
        engine.save(doc, project)
    return Figures.from_document(doc)


# -- helpers -------------------------------------------------------------------------------


def _texts_changed(entry: QueueEntry) -> bool:
    """Whether the entry's input texts, saved after its project, read otherwise than the
    texts the project holds (only then are they read: a touched file is no change)."""
    if entry.figures is None or entry.stamp is None or not entry.inputs:
        return False
    try:
        if max(p.stat().st_mtime_ns for p in entry.inputs) <= entry.stamp[0]:
            return False
        data = json.loads(entry.project.read_bytes().decode("utf-8-sig"))
        source, target = data["source"], data["target"]
        batch = data.get("meta", {}).get("batch") or {}
        from aligner_gui.core.text.load import load_texts

        texts = load_texts(entry.inputs, presplit=bool(batch.get("presplit")),
                           source_lang=source["lang"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, AlignerError):
        return False  # unreadable now: the next alignment says why
    return texts != (source["text"], target["text"])


def _parse_state(text: str) -> tuple[dict[str, Any], dict[str, Stamp]]:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        raise ValueError("not a review queue state file")
    if data.get("version") != STATE_VERSION:
        raise ValueError(f"state version {data.get('version')!r}, expected {STATE_VERSION}")
    records: dict[str, Any] = {}
    for file_name, record in dict(data["projects"]).items():
        status = record["status"]
        if status not in STATUSES or not isinstance(record["name"], str):
            raise ValueError(f"bad record for {file_name}")
        figures = record["figures"]
        error = record["error"]
        if error is not None and not isinstance(error, str):
            raise ValueError(f"bad error for {file_name}")
        inputs = record["inputs"]
        if not isinstance(inputs, list) or not all(isinstance(p, str) for p in inputs):
            raise ValueError(f"bad inputs for {file_name}")
        stamp = _parse_stamp(record["stamp"]) if record["stamp"] is not None else None
        try:
            figures = Figures.from_dict(figures) if figures is not None else None
        except StaleFigures:  # the status stays; the project's figures are read again
            figures, stamp = None, None
        records[str(file_name)] = {
            "status": status,
            "inputs": inputs,
            "stamp": stamp,
            "figures": figures,
            "error": error,
        }
    others = {str(k): _parse_stamp(v) for k, v in dict(data.get("other_files", {})).items()}
    return records, others


def _parse_stamp(value: Any) -> Stamp:
    if (not isinstance(value, list) or len(value) != 2
            or not all(type(v) is int for v in value)):
        raise ValueError("bad file stamp")
    return (value[0], value[1])


def _is_candidate(file_name: str) -> bool:
    return file_name.lower().endswith(".json") and not file_name.startswith(".")


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _relative(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return str(path)
