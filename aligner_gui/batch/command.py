"""`aligner batch`: the arguments, the choice of backend and the exit status.

Light to import (the parser of every `aligner` command builds these arguments); the
engine is imported when the batch runs.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner_gui.core.errors import AlignerError

if TYPE_CHECKING:
    from aligner_gui.batch.runner import Backend
    from aligner_gui.io.pairing import Pairing

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

HELP = """\
INPUT is a folder or a manifest. A folder pairs NAME.en.txt with NAME.zh.txt (also
NAME_en/NAME_zh, NAME-en/NAME-zh); any other .txt file is one bilingual file; other
files are left alone, each with the reason. A manifest is a TSV file of lines
source<TAB>target[<TAB>name] (relative paths are relative to the manifest; an empty
target means a bilingual file; # starts a comment).

Writes OUTDIR/NAME.json per document (and NAME.EXT per --format), then
OUTDIR/summary.tsv and summary.html: per document the sentence counts, omissions by
class, low-score beads, mean score, expected Major errors, risky beads, QA check
counts and the time taken. Run it again to resume: a document whose project is valid
and whose inputs and options have not changed is skipped.

Exit status: 0 all documents aligned (or unchanged); 1 some documents failed (each
has a row with status "error" and the reason) or, for a manifest, some lines could
not be used; 2 bad arguments or INPUT (a missing folder, an unreadable manifest);
130 interrupted (summary.tsv lists what was done; run again to finish).
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT", help="a folder of texts or a TSV manifest")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="created if absent")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: all cores); each loads the dictionary once",
    )
    p.add_argument("--presplit", action="store_true", help="one sentence per line")
    p.add_argument(
        "--source-lang",
        choices=("en", "zh"),
        default="en",
        help="language of the originals (default: en)",
    )
    p.add_argument(
        "--format",
        "-f",
        action="append",
        default=[],
        metavar="FMT[,FMT]",
        help="extra exports per document: beads (NAME.align), tmx, tsv, mqm-tsv "
        "(NAME.mqm.tsv), annotations-csv (NAME.csv), html, intertext (NAME.zh.en.xml, "
        "target language first)",
    )
    p.add_argument("--force", action="store_true", help="redo documents that are up to date")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask distributed cluster (tcp://host:8786; needs aligner-gui[cluster]); "
        "workers read INPUT and write OUTDIR at the same paths",
    )
    p.add_argument(
        "--send-files",
        action="store_true",
        help="with --scheduler: send the inputs to the workers and their outputs back "
        "(for workers that do not share this machine's folders)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, only errors")


def read_input(path: Path, source_lang: str) -> tuple[Pairing, bool]:
    """The pairing of INPUT and whether it is a manifest (whose skipped lines are failures)."""
    from aligner_gui.io.pairing import pair_folder, read_manifest

    if path.is_dir():
        return pair_folder(path, source_lang=source_lang), False
    if path.is_file():
        return read_manifest(path), True
    raise AlignerError(f"{path}: no such folder or manifest")


@contextmanager
def _term_as_interrupt() -> Iterator[None]:
    """SIGTERM (a scheduler's kill, a closed session) stops the batch as Ctrl-C does."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(args: argparse.Namespace) -> int:
    from aligner_gui.batch.runner import Options, check_formats, run_batch
    from aligner_gui.batch.summary import headline

    formats = check_formats(f.strip() for value in args.format for f in value.split(",") if f)
    if args.jobs is not None and args.jobs < 1:
        raise AlignerError("--jobs must be 1 or more")
    if args.send_files and not args.scheduler:
        raise AlignerError("--send-files is for --scheduler")
    pairing, manifest = read_input(Path(args.input), args.source_lang)
    options = Options(
        outdir=Path(args.output),
        jobs=args.jobs,
        presplit=args.presplit,
        source_lang=args.source_lang,
        formats=formats,
        force=args.force,
        quiet=args.quiet,
    )
    if not args.quiet:
        what = f"{len(pairing.pairs)} document(s) to align"
        if pairing.skipped:
            what += f", {len(pairing.skipped)} file(s) left alone:"
        print(f"aligner: {args.input}: {what}", file=sys.stderr)
        for path, reason in pairing.skipped:
            print(f"  {path.name}: {reason}", file=sys.stderr)
        _print_pairs(pairing)
    backend: Backend | None = None
    if args.scheduler:
        from aligner_gui.batch.cluster import dask_backend

        backend = dask_backend(args.scheduler, send_files=args.send_files)
    with _term_as_interrupt():
        outcome = run_batch(pairing, options, backend)
    failed = outcome.failed(strict_skips=manifest)
    if outcome.interrupted:
        print(
            f"aligner: interrupted; {headline(outcome.rows)}; "
            f"{options.outdir / 'summary.tsv'} lists them; run again to finish",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    if not args.quiet or failed:
        print(
            f"aligner: {headline(outcome.rows)}; summary in {options.outdir / 'summary.tsv'}",
            file=sys.stderr,
        )
    _print_memory(outcome.workers, args.quiet)
    return EXIT_FAILED if failed else EXIT_OK


def _print_pairs(pairing: Pairing, shown: int = 10) -> None:
    """The first few documents and their files (summary.tsv lists them all)."""
    print("aligner: documents:", file=sys.stderr)
    for pair in pairing.pairs[:shown]:
        files = " + ".join(path.name for path in pair.inputs)
        print(f"  {pair.name}: {files}", file=sys.stderr)
    if len(pairing.pairs) > shown:
        print(f"  ... and {len(pairing.pairs) - shown} more", file=sys.stderr)


def _print_memory(workers: dict[str, dict[str, Any]], quiet: bool) -> None:
    if quiet or not workers:
        return
    peak = max(entry.get("peak_kb", 0) for entry in workers.values())
    if peak:
        print(
            f"aligner: {len(workers)} worker(s), peak memory {peak / 1024:.0f} MB per worker",
            file=sys.stderr,
        )
