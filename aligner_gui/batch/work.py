"""One document of a batch, as a worker process (or a Dask worker) runs it.

Everything here is a top-level function of picklable arguments, so it runs the same
under fork, forkserver, spawn and Dask. A worker loads the dictionary once
(shared.get_lexicon caches it per process) and keeps it for every document it aligns.

The project is written last and atomically: a project on disk means its exports are
there too, and an interrupted worker leaves no half-written file.
"""

from __future__ import annotations

import hashlib
import os
import signal
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aligner_gui.core.errors import AlignerError
from aligner_gui.core.model import OMISSION_CLASSES
from aligner_gui.core.qe.checks import CHECKS

# Summary columns, in order; a row is a dict with (some of) these keys.
OMISSION_COLUMNS = tuple(f"omitted_{name}" for name in OMISSION_CLASSES)
CHECK_COLUMNS = tuple(f"check_{name}" for name in CHECKS)
COLUMNS = (
    "name",
    "status",
    "source_sentences",
    "target_sentences",
    "beads",
    "omitted",
    *OMISSION_COLUMNS,
    "additions",
    "low_score",
    "mean_score",
    "expected_major",
    "risky_beads",
    *CHECK_COLUMNS,
    "seconds",
    "output",
    "message",
)

# Status of a row: what happened to the document in this run.
ALIGNED, UNCHANGED, ERROR, LEFT_ALONE, NOT_DONE = (
    "aligned",
    "unchanged",
    "error",
    "left alone",
    "not done",
)

# Export format -> the name of its file in OUTDIR (NAME is the document's name).
EXPORT_NAMES = {
    "beads": "{name}.align",
    "tmx": "{name}.tmx",
    "tsv": "{name}.tsv",
    "mqm-tsv": "{name}.mqm.tsv",
    "annotations-csv": "{name}.csv",
    "html": "{name}.html",
    "intertext": "{name}.{target}.{source}.xml",  # NAME.zh.xml, NAME.en.xml beside it
}


@dataclass(frozen=True)
class Job:
    """What a worker needs to align one document and write its outputs."""

    name: str
    inputs: tuple[str, ...]  # source first; one path for a bilingual file
    outdir: str
    key: dict[str, Any]  # input fingerprints and options; stored in meta["batch"]
    presplit: bool = False
    source_lang: str = "en"
    formats: tuple[str, ...] = ()
    # Dask workers without the shared folder: the input bytes travel with the job and
    # the outputs come back in the result (file name -> bytes) for the client to write.
    payload: tuple[bytes, ...] | None = None
    return_files: bool = False

    @property
    def output(self) -> Path:
        return Path(self.outdir) / f"{self.name}.json"


@dataclass
class Result:
    row: dict[str, Any]
    ok: bool
    pid: int = 0
    rss_kb: int = 0  # resident memory after the document
    peak_kb: int = 0  # the worker's high-water mark so far
    cpu_seconds: float = 0.0  # CPU time the document took in the worker
    files: dict[str, bytes] = field(default_factory=dict)


def sha256_file(path: str | Path) -> tuple[str, int]:
    """The sha256 (hex) and size of a file, read in blocks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def init_worker(batch_pid: int | None = None) -> None:
    """Process-pool initializer: Ctrl-C is the parent's to handle; end when the batch
    process ``batch_pid`` ends (even by ``kill -9``); load the dictionary now."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if batch_pid is not None:
        from aligner_gui.core.runtime.lifeline import end_with

        end_with(batch_pid)
    warm_up()


_warm = False


def warm_up() -> None:
    """Load the dictionary and align the bundled seed once, so the first real document
    does not pay the segmenter's start-up (about 0.7 s). Under forkserver the server does
    this before it forks the workers, which then share those pages."""
    global _warm
    if _warm:
        return
    _warm = True
    from aligner_gui.core.lexicon.shared import get_lexicon
    from aligner_gui.core.pipeline import align_document, load_document
    from aligner_gui.core.resources import seed_path

    lexicon = get_lexicon()
    try:
        align_document(load_document([seed_path()]), lexicon=lexicon)
    except AlignerError:  # a broken install shows up on the first real document instead
        pass


def memory_kb() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process in kB from /proc; (0, 0) where there is no /proc."""
    found = {"VmRSS:": 0, "VmHWM:": 0}
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                parts = line.split()
                if parts and parts[0] in found:
                    found[parts[0]] = int(parts[1])
    except OSError:
        pass
    return found["VmRSS:"], found["VmHWM:"]


def align_pair(job: Job) -> Result:
    """Align one document and write its project (and exports); never raises for bad input."""
    started, cpu = time.perf_counter(), time.process_time()
    row: dict[str, Any] = {"name": job.name, "status": ALIGNED, "output": job.output.name}
    files: dict[str, bytes] = {}
    try:
        if job.payload is not None or job.return_files:
            files = _align_elsewhere(job, row, started)
        else:
            _align_into(job, Path(job.outdir), row, job.inputs, started)
        ok = True
    except AlignerError as error:
        row.update(status=ERROR, output="", message=_one_line(str(error)))
        ok = False
    except Exception as error:  # a bug or a resource problem: this document only
        text = f"internal error: {type(error).__name__}: {error}"
        row.update(status=ERROR, output="", message=_one_line(text))
        ok = False
    row.setdefault("seconds", round(time.perf_counter() - started, 3))
    rss, peak = memory_kb()
    return Result(row, ok, os.getpid(), rss, peak, time.process_time() - cpu, files)


def _align_elsewhere(job: Job, row: dict[str, Any], started: float) -> dict[str, bytes]:
    """Align in a private temporary folder: inputs from the job, outputs returned as bytes."""
    with tempfile.TemporaryDirectory(prefix="aligner-batch-") as tmp:
        folder = Path(tmp)
        inputs: tuple[str, ...] = job.inputs
        if job.payload is not None:
            (folder / "in").mkdir()
            inputs = tuple(
                _write(folder / "in" / f"{k}_{Path(p).name}", data)
                for k, (p, data) in enumerate(zip(job.inputs, job.payload, strict=True))
            )
        (folder / "out").mkdir()
        try:
            _align_into(job, folder / "out", row, inputs, started)
        except AlignerError as error:  # name the user's files, not the temporary copies
            message = str(error)
            for copy, original in zip(inputs, job.inputs, strict=True):
                message = message.replace(copy, original)
            raise AlignerError(message) from None
        if not job.return_files:
            return {}
        return {p.name: p.read_bytes() for p in sorted((folder / "out").iterdir())}


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _align_into(
    job: Job, outdir: Path, row: dict[str, Any], inputs: tuple[str, ...], started: float
) -> None:
    from aligner_gui.core.lexicon.shared import get_lexicon
    from aligner_gui.core.pipeline import align_document, load_document
    from aligner_gui.io.formats import export_document  # what `aligner export` writes
    from aligner_gui.io.outputs import backup_wanted
    from aligner_gui.io.project import save_project

    doc = load_document(list(inputs), presplit=job.presplit, source_lang=job.source_lang)
    doc.meta["inputs"] = [Path(p).name for p in job.inputs]  # not the temporary copies
    align_document(doc, lexicon=get_lexicon())
    row.update(summary_row(doc))
    if doc.source.lang == "en":  # as `aligner align` says it: read backwards otherwise
        from aligner_gui.core.text.origin import chinese_original_hint, describe_hint

        hint = chinese_original_hint(doc.target.text, doc.source.text)
        if hint:
            row["message"] = (f"note: the Chinese looks like the original ({describe_hint(hint)});"
                              " align it with --source-lang zh if it is")
    row["seconds"] = round(time.perf_counter() - started, 3)  # the time of the work, not I/O
    doc.meta["batch"] = {**job.key, "summary": {k: v for k, v in row.items() if k != "name"}}
    for fmt in job.formats:
        path = outdir / export_name(fmt, job.name, doc.source.lang, doc.target.lang)
        export_document(doc, fmt, path)
    # Last, as it marks the document done; a project it replaces (inputs changed) stays
    # as NAME.json.bak, as in the window: a reviewed project is never silently lost.
    project = outdir / f"{job.name}.json"
    save_project(doc, project, backup=backup_wanted(project))


def export_name(fmt: str, name: str, source: str, target: str) -> str:
    return EXPORT_NAMES[fmt].format(name=name, source=source, target=target)


def summary_row(doc: Any) -> dict[str, Any]:
    """The summary figures of an aligned, scored document (the columns of summary.tsv)."""
    from aligner_gui.core.lexicon.shared import get_lexicon
    from aligner_gui.core.qe.checks import run_checks
    from aligner_gui.core.scoring.mqm import review_figures

    scores = doc.scores or {}
    figures = review_figures(doc)
    row: dict[str, Any] = {
        "source_sentences": figures.source_sentences,
        "target_sentences": figures.target_sentences,
        "beads": figures.beads,
        "omitted": sum(figures.omissions.values()),
    }
    for column in OMISSION_COLUMNS:
        row[column] = figures.omissions.get(column.removeprefix("omitted_"), 0)
    risk = scores.get("risk") or {}
    mean = figures.mean_score
    row.update(
        additions=figures.additions,
        low_score=figures.low_score,
        mean_score=None if mean is None else round(mean, 4),
        expected_major=risk.get("expected_major"),
        risky_beads=risk.get("risky_beads"),
    )
    for column in CHECK_COLUMNS:
        row[column] = 0
    for finding in run_checks(doc, lexicon=get_lexicon()):
        column = f"check_{finding.check}"
        row[column] = row.get(column, 0) + 1
    return row


def _one_line(text: str) -> str:
    return " ".join(text.split())
