"""Run a batch: fingerprint the inputs, skip what is done, align the rest, write the summary.

A document is skipped when its project in OUTDIR is valid and was made from the same
input bytes with the same options: the project's ``meta["batch"]`` records the inputs'
sha256 and size, the options and the app version (the schema allows extra meta keys),
so the record survives anything that keeps the project. ``OUTDIR/.aligner-batch.json``
only caches those checks (size and mtime of each project already checked), so a resume
of thousands of documents does not reload every project; losing it costs time, not work.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aligner_gui import __version__
from aligner_gui.batch.progress import Progress
from aligner_gui.batch.summary import write_summary
from aligner_gui.batch.work import (
    ALIGNED,
    ERROR,
    EXPORT_NAMES,
    LEFT_ALONE,
    NOT_DONE,
    UNCHANGED,
    Job,
    Result,
    align_pair,
    export_name,
    init_worker,
    sha256_file,
)
from aligner_gui.core.errors import AlignerError
from aligner_gui.core.runtime.forked import ENV_PROCESSES
from aligner_gui.io.atomic import atomic_write_bytes, atomic_write_text
from aligner_gui.io.outputs import backup_wanted, make_folder, review_in
from aligner_gui.io.pairing import Pair, Pairing

STATE_NAME = ".aligner-batch.json"
STATE_FORMAT = "aligner-batch-state"
_STATE_EVERY = 2.0  # seconds between saves of the state cache
RECYCLE_AFTER = 100  # documents per worker process (see _pool)
RESERVED = ("summary.tsv", "summary.html", STATE_NAME)

# Runs jobs somewhere and yields their results as they finish (any order).
Backend = Callable[[list[Job]], Iterator[Result]]


@dataclass
class Options:
    outdir: Path
    jobs: int | None = None  # None: all cores
    presplit: bool = False
    source_lang: str = "en"
    formats: tuple[str, ...] = ()
    force: bool = False  # redo documents whose outputs are current
    quiet: bool = False


@dataclass
class Outcome:
    rows: list[dict[str, Any]]
    workers: dict[str, dict[str, Any]] = field(default_factory=dict)
    interrupted: bool = False

    def failed(self, *, strict_skips: bool = False) -> int:
        bad = (ERROR, NOT_DONE, LEFT_ALONE) if strict_skips else (ERROR, NOT_DONE)
        return sum(1 for row in self.rows if row.get("status") in bad)


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    wanted: list[str] = []
    for fmt in formats:
        if fmt == "json":
            raise AlignerError("--format json: the project (NAME.json) is written anyway")
        if fmt not in EXPORT_NAMES:
            known = ", ".join(sorted(EXPORT_NAMES))
            raise AlignerError(f"unknown export format {fmt!r} (known: {known})")
        if fmt not in wanted:
            wanted.append(fmt)
    return tuple(wanted)


def local_backend(workers: int) -> Backend:
    """Worker processes, each loading the dictionary once; one worker runs in this process."""

    def run(jobs: list[Job]) -> Iterator[Result]:
        if workers <= 1 or len(jobs) <= 1:
            init_here()
            for job in jobs:
                yield align_pair(job)
            return
        yield from _pool(jobs, min(workers, len(jobs)))

    return run


def init_here() -> None:
    from aligner_gui.core.lexicon.shared import get_lexicon

    get_lexicon()  # no warm-up alignment: in one process it would only add its own time


# The workers already fill the cores: one BLAS thread each (NumPy's default thread pool
# in each of them made two workers slower than one; Dask's nanny does the same), and no
# helper process of the engine's own (core.forked) for long documents.
_WORKER_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    ENV_PROCESSES: "1",
}


@contextmanager
def _worker_env() -> Iterator[None]:
    """Set the workers' variables (those the user has not set) while the pool runs: it
    starts replacement workers (max_tasks_per_child) long after the first ones."""
    added = [name for name in _WORKER_ENV if name not in os.environ]
    os.environ.update({name: _WORKER_ENV[name] for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _pool(jobs: list[Job], workers: int) -> Iterator[Result]:
    methods = multiprocessing.get_all_start_methods()
    method = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # the server loads the engine once; each worker forks it
        context.set_forkserver_preload(["aligner_gui.batch.preload"])
    options: dict[str, Any] = {}
    if sys.version_info >= (3, 11):
        # The engine memoises per-text features across documents (up to 200,000 texts a
        # table): a fresh worker every RECYCLE_AFTER documents keeps memory bounded (about
        # 265 MB for article-sized documents). Forked from the warm server, a new worker
        # costs a few milliseconds, but starts with cold memos: every 25 documents cost a
        # quarter more CPU over 200 articles, every 100 nothing measurable.
        options["max_tasks_per_child"] = RECYCLE_AFTER
    with _worker_env():
        yield from _run_pool(context, jobs, workers, options)


def _run_pool(context: Any, jobs: list[Job], workers: int,
              options: dict[str, Any]) -> Iterator[Result]:
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                               initargs=(os.getpid(),), **options)
    pending: dict[Future[Result], Job] = {}
    todo = iter(jobs)
    interrupted = False
    try:
        # A bounded queue: thousands of jobs are not all pickled up front, and an
        # interruption cancels nothing that a worker has not started.
        for job in todo:
            pending[pool.submit(align_pair, job)] = job
            if len(pending) >= 2 * workers:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                yield _result(future, job)
                following = next(todo, None)
                if following is not None:
                    pending[pool.submit(align_pair, following)] = following
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        # An interruption unwinds through here first: a second Ctrl-C inside shutdown()
        # left the pool's workers waiting for a stop that never came (the exit hung). Held
        # on when interrupted, until run_batch has written the summary.
        held = _hold_interrupts()
        try:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
        finally:
            if held and not interrupted:
                _release_interrupts()


def _result(future: Future[Result], job: Job) -> Result:
    try:
        return future.result()
    except Exception as error:  # the worker died (killed, out of memory): this job only
        return failed(job, f"worker failed: {type(error).__name__}: {error}")


def failed(job: Job, message: str) -> Result:
    row = {"name": job.name, "status": ERROR, "output": "", "message": " ".join(message.split())}
    return Result(row, False)


# -- fingerprints and the state cache --------------------------------------------------


def job_key(pair: Pair, options: Options) -> dict[str, Any]:
    """What an output depends on: the input bytes and the options that change it."""
    inputs = []
    for path in pair.inputs:
        digest, size = sha256_file(path)
        inputs.append({"file": path.name, "sha256": digest, "size": size})
    return {
        "inputs": inputs,
        "presplit": options.presplit,
        "source_lang": options.source_lang,
        "formats": sorted(options.formats),
        "app_version": __version__,
    }


def load_state(outdir: Path) -> dict[str, Any]:
    try:
        data = json.loads((outdir / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        return {}
    documents = data.get("documents")
    return documents if isinstance(documents, dict) else {}


def save_state(outdir: Path, documents: dict[str, Any], workers: dict[str, Any]) -> None:
    data = {"format": STATE_FORMAT, "version": 1, "documents": documents, "workers": workers}
    atomic_write_text(outdir / STATE_NAME, json.dumps(data, ensure_ascii=False) + "\n")


def _stamp(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _work_of(key: Any) -> Any:
    """What the alignment depends on: a key without its export formats."""
    return {k: v for k, v in key.items() if k not in ("formats", "summary")} \
        if isinstance(key, dict) else None


def current_row(job: Job, state: dict[str, Any]) -> dict[str, Any] | None:
    """The summary row of a valid, current output of ``job``, or None if it must run.

    A current project whose exports are missing or were asked for now (another --format)
    gets them written from it, not aligned again: a reviewed project must not be replaced
    for an export."""
    stamp = _stamp(job.output)
    if stamp is None:
        return None
    target = "zh" if job.source_lang == "en" else "en"
    missing = [fmt for fmt in job.formats if not (
        Path(job.outdir) / export_name(fmt, job.name, job.source_lang, target)).exists()]
    entry = state.get(job.name)
    if not missing and isinstance(entry, dict) and entry.get("key") == job.key \
            and entry.get("stamp") == stamp:
        row = entry.get("row")
        if isinstance(row, dict):
            return row
    from aligner_gui.io.project import load_project

    try:
        doc = load_project(job.output)
    except AlignerError:
        return None
    record = doc.meta.get("batch")
    if not isinstance(record, dict) or not isinstance(record.get("summary"), dict):
        return None
    if _work_of(record) != _work_of(job.key):
        return None
    if isinstance(entry, dict) and entry.get("stamp") not in (None, stamp):
        # Saved since the batch wrote it (reviewed in the window): its exports still
        # showed the project as aligned ("No annotations yet" in a reviewed one's report).
        missing = list(job.formats)
    if missing:
        from aligner_gui.io.formats import export_document

        try:
            for fmt in missing:
                path = Path(job.outdir) / export_name(fmt, job.name, doc.source.lang,
                                                      doc.target.lang)
                export_document(doc, fmt, path)
        except (AlignerError, OSError, ValueError):
            return None  # aligned again, the old project kept as .bak
    row = {**record["summary"], "name": job.name}
    state[job.name] = {"key": job.key, "stamp": stamp, "row": row}
    return row


# -- the batch --------------------------------------------------------------------------


def run_batch(pairing: Pairing, options: Options, backend: Backend | None = None) -> Outcome:
    """Align every pair not already done; always leaves summary.tsv/.html describing the run."""
    outdir = options.outdir
    make_folder(outdir)  # as `aligner export` makes its folder: not its parents
    leftovers = remove_leftovers(outdir)
    state = load_state(outdir)
    rows: dict[str, dict[str, Any]] = {}
    jobs: list[Job] = []
    weights: dict[str, int] = {}
    names = {name.casefold() for name in RESERVED}
    for pair in pairing.pairs:
        job, row = _prepare(pair, options, names)
        if job is not None and not options.force:
            row = current_row(job, state)
            if row is not None:
                row = {**row, "status": UNCHANGED}
            else:
                row = _reviewed_row(job, options.outdir)
        if row is not None:
            rows[pair.name] = row
        elif job is not None:
            jobs.append(job)
            weights[job.name] = sum(entry["size"] for entry in job.key["inputs"])
            rows[pair.name] = {"name": pair.name, "status": NOT_DONE, "output": ""}
    left = [
        {"name": path.name, "status": LEFT_ALONE, "output": "", "message": reason}
        for path, reason in pairing.skipped
    ]
    outcome = Outcome([])
    progress = Progress(len(jobs), sum(weights.values()), quiet=options.quiet)
    if leftovers:
        progress.note(f"aligner: removed {leftovers} temporary file(s) of an interrupted run")
    for row in rows.values():  # found before the run: said only in summary.tsv before
        if row["status"] == ERROR:
            progress.note(f"aligner: {row['name']}: {row.get('message', 'error')}")
    unchanged = sum(1 for row in rows.values() if row["status"] == UNCHANGED)
    if unchanged:
        progress.note(f"aligner: {unchanged} document(s) unchanged since the last run, skipped")
    jobs.sort(key=lambda job: -weights[job.name])  # big ones first: workers finish together
    if backend is None:
        backend = local_backend(options.jobs or _cores())
    by_name = {job.name: job for job in jobs}
    last_save = time.monotonic()
    results = backend(jobs)
    progress.start()
    try:
        for result in results:
            name = result.row["name"]
            if result.ok and result.files:
                try:
                    _store(outdir, result)
                except AlignerError as error:  # e.g. the disk is full: this document only
                    result = failed(by_name[name], str(error))
            rows[name] = result.row
            if result.ok:
                stamp = _stamp(outdir / f"{name}.json")
                state[name] = {"key": by_name[name].key, "stamp": stamp, "row": result.row}
            _note_worker(outcome.workers, result)
            progress.advance(result.row, weights.get(name, 0))
            if time.monotonic() - last_save > _STATE_EVERY:
                save_state(outdir, state, outcome.workers)
                last_save = time.monotonic()
    except KeyboardInterrupt:
        outcome.interrupted = True
    finally:
        # Stopping: another Ctrl-C (a double press, or `timeout` signalling the group
        # again) must not break the pool's shutdown, which then hung for good.
        if outcome.interrupted:
            _hold_interrupts()
        close = getattr(results, "close", None)
        if close is not None:
            close()  # waits for the documents in progress
        progress.clear()
        if outcome.interrupted:  # those finished while the batch stopped count as done
            for job in jobs:
                if rows[job.name]["status"] == NOT_DONE:
                    done = current_row(job, state)
                    if done is not None:
                        rows[job.name] = {**done, "status": ALIGNED}
        outcome.rows = list(rows.values()) + left
        save_state(outdir, state, outcome.workers)
        write_summary(outdir, outcome.rows)
        _release_interrupts()
    return outcome


_HELD: dict[int, Any] = {}  # signal -> its handler before the batch began to stop


def _hold_interrupts() -> bool:
    """Ignore SIGINT and SIGTERM while the batch stops; True if this call began it."""
    if _HELD:
        return False
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            _HELD[signum] = signal.signal(signum, signal.SIG_IGN)
        except ValueError:  # not the main thread: nothing to hold
            break
    return bool(_HELD)


def _release_interrupts() -> None:
    while _HELD:
        signum, handler = _HELD.popitem()
        signal.signal(signum, handler)


def _prepare(
    pair: Pair, options: Options, reserved: set[str]
) -> tuple[Job | None, dict[str, Any] | None]:
    """The job of a pair, or the error row of a pair that cannot even be read."""
    base = {"name": pair.name, "output": ""}
    target = "zh" if options.source_lang == "en" else "en"
    outputs = [f"{pair.name}.json"] + [
        export_name(fmt, pair.name, options.source_lang, target) for fmt in options.formats
    ]
    clash = [name for name in outputs if name.casefold() in reserved]
    if clash:
        return None, {**base, "status": ERROR, "message": f"{clash[0]} is the batch's own file"}
    try:
        key = job_key(pair, options)
    except OSError as error:
        where = error.filename or pair.source
        return None, {**base, "status": ERROR, "message": f"cannot read {where}: {error.strerror}"}
    job = Job(
        name=pair.name,
        inputs=tuple(str(p) for p in pair.inputs),
        outdir=str(options.outdir),
        key=key,
        presplit=options.presplit,
        source_lang=options.source_lang,
        formats=options.formats,
    )
    return job, None


def _reviewed_row(job: Job, outdir: Path) -> dict[str, Any] | None:
    """The error row of a document the batch would align again (its texts or options
    changed, or another tool made its project) whose project holds a review: aligning
    replaced it, and a second run its backup too (the review was lost for good)."""
    output = f"{job.name}.json"
    review = review_in(outdir / output)
    if review is None:
        return None
    return {"name": job.name, "status": ERROR, "output": output,
            "message": f"{output} holds a review ({review}) and would be aligned again (its "
                       "text or options changed, or this batch did not make it): --force "
                       f"replaces it (the review is kept as {output}.bak)"}


def _store(outdir: Path, result: Result) -> None:
    """Write outputs a remote worker sent back: the project last, as a worker would."""
    project = f"{result.row['name']}.json"
    for name, data in sorted(result.files.items(), key=lambda item: item[0] == project):
        atomic_write_bytes(outdir / name, data,
                           backup=name == project and backup_wanted(outdir / name))


def _note_worker(workers: dict[str, dict[str, Any]], result: Result) -> None:
    """Each worker's memory: its peak, and its size after documents 1, 2, 4, 8, ... and last."""
    if not result.pid:
        return
    entry = workers.setdefault(str(result.pid), {"documents": 0, "cpu_seconds": 0.0, "rss_kb": {}})
    entry["documents"] += 1
    entry["cpu_seconds"] = round(entry["cpu_seconds"] + result.cpu_seconds, 3)
    count = entry["documents"]
    if count & (count - 1) == 0:
        entry["rss_kb"][str(count)] = result.rss_kb
    entry["last_rss_kb"] = result.rss_kb
    entry["peak_kb"] = max(entry.get("peak_kb", 0), result.peak_kb)


def remove_leftovers(outdir: Path) -> int:
    """Temporary files of writes a kill cut short (atomic writes leave ``.NAME.XXXX.tmp``)."""
    removed = 0
    for path in outdir.glob(".*.tmp"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
