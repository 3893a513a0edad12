"""The headless `aligner` command: the same engine as the review window, for batch work.

Every expected failure (bad input, unwritable output, invalid project) prints one
line on stderr and exits with status 2; outputs are written atomically, so a failed
run never clobbers an existing file; a project output that replaces a file keeps
the previous one as OUT.bak (as the window's Save does).

This module holds the parser and :func:`main`; each command's work is in a module of this
package named for what it does (project.py: align, validate, rescore; score.py; check.py;
exchange.py: export, import); ``aligner batch`` is the batch package's.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import threading
from collections.abc import Sequence
from typing import NoReturn

from aligner_gui import __version__
from aligner_gui.cli.check import cmd_check
from aligner_gui.cli.exchange import cmd_export, cmd_import
from aligner_gui.cli.project import cmd_align, cmd_rescore, cmd_validate
from aligner_gui.cli.score import cmd_score
from aligner_gui.core.errors import AlignerError

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2 like every other bad input."""

    def error(self, message: str) -> NoReturn:  # noqa: D401 - argparse override
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def cmd_batch(args: argparse.Namespace) -> int:
    from aligner_gui.batch.command import run

    return run(args)


# -- parser -----------------------------------------------------------------------------


def _seed_for_help() -> str:
    from aligner_gui.core.resources import seed_path

    return str(seed_path())


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="aligner",
        description="Align, score and export Chinese/English translation pairs "
        "(the engine of aligner-gui, without a window).",
    )
    parser.add_argument("--version", action="version", version=f"aligner {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("align", help="align a bilingual file or two files into a project JSON")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="one bilingual file or two files")
    p.add_argument(
        "--demo",
        action="store_true",
        help=f"align the bundled seed document instead (installed at {_seed_for_help()})",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.json")
    p.add_argument(
        "--presplit",
        action="store_true",
        help="one sentence per line; a blank line ends a paragraph",
    )
    p.add_argument(
        "--source-lang",
        choices=("en", "zh"),
        default=None,
        help="language of the original (default: en)",
    )
    p.add_argument("-q", "--quiet", action="store_true")
    p.add_argument("--force", action="store_true",
                   help="replace an output project that holds a review (annotations, "
                   "confirmed or hand-made beads); it is kept as OUT.bak")
    p.set_defaults(func=cmd_align)

    p = sub.add_parser("validate", help="check a project file against the format")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("score", help="score a project (and a reference translation)")
    p.add_argument("file", metavar="PROJECT")
    p.add_argument(
        "--reference",
        metavar="REF.txt",
        help="reference translation, in the translation's language: adds corpus BLEU, chrF and TER",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("rescore", help="recompute scores and flags (e.g. of an imported project)")
    p.add_argument("file", metavar="PROJECT")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json")
    p.add_argument("--force", action="store_true",
                   help="replace an output project that holds a review (annotations, "
                   "confirmed or hand-made beads); it is kept as OUT.bak")
    p.set_defaults(func=cmd_rescore)

    p = sub.add_parser(
        "check",
        help="QA checks: numbers, names, negation, untranslated text, glossary, punctuation ...",
        description="Run the QA checks on a project and list what they find (exit 0 even "
        "when they find something). Bead numbers count from 1, as in the review window.",
    )
    p.add_argument("file", metavar="PROJECT")
    p.add_argument("--glossary", metavar="FILE", help="TBX, or CSV/TSV: term, translation(s)")
    p.add_argument(
        "--checks",
        metavar="NAME,...",
        help="only these checks: numbers, names, negation, direction, hedges, idioms, "
        "untranslated, inconsistency, glossary, punctuation, repeated-words, urls",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "export",
        help="export a project: beads, json, tmx, tsv, mqm-tsv, intertext, html, annotations-csv",
    )
    p.add_argument("file", metavar="PROJECT")
    p.add_argument(
        "--format",
        "-f",
        default=None,
        type=str.lower,  # TMX as tmx
        metavar="FORMAT",
        help="default: from the -o extension (.tmx, .tsv, .html/.htm, .csv = annotations-csv, "
        ".json, .beads/.align); an existing folder or a name ending in / = intertext",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output file. intertext writes three files: OUT ending in / or not in .xml "
        "is a folder (created) holding PROJECT.zh.en.xml (the link file, target language "
        "first: PROJECT.en.zh.xml when Chinese is the source), PROJECT.zh.xml and "
        "PROJECT.en.xml; -o NAME.xml writes the link file NAME.xml and NAME.zh.xml, "
        "NAME.en.xml beside it; -o TEXT.V1.V2.xml writes TEXT.V1.xml and TEXT.V2.xml",
    )
    p.add_argument(
        "--include-suggestions",
        action="store_true",
        help="mqm-tsv: also write the engine's open suggestions (flags nobody has accepted or "
        "dismissed), as rows of rater aligner-gui; annotations keep their rater",
    )
    p.add_argument(
        "--lang",
        choices=("en", "zh_CN"),
        default=None,
        help="html: the language of the report's headings and summary (default en)",
    )
    p.add_argument("--force", action="store_true",
                   help="replace an output project that holds a review (annotations, "
                   "confirmed or hand-made beads); an export keeps no copy")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="import InterText, TMX, MQM TSV or project JSON")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="PROJECT.json", help="the project to write")
    p.add_argument(
        "--format", "-f", default=None, type=str.lower, metavar="FORMAT",
        help="input format (default: detected)",
    )
    p.add_argument(
        "--system",
        metavar="NAME",
        help="mqm-tsv: the system whose translation and annotations to import "
        "(default: the first in the file)",
    )
    p.add_argument(
        "--no-score",
        action="store_true",
        help="leave the imported beads unscored (default: score them, as rescore does)",
    )
    p.add_argument(
        "--list-systems",
        action="store_true",
        help="mqm-tsv: print each system with its number of segments, and import nothing",
    )
    p.add_argument(
        "--base",
        metavar="PROJECT.json",
        help="mqm-tsv: put the annotations onto this project's beads",
    )
    p.add_argument("--force", action="store_true",
                   help="replace an output project that holds a review (annotations, "
                   "confirmed or hand-made beads); it is kept as OUT.bak")
    p.set_defaults(func=cmd_import)

    from aligner_gui.batch.command import HELP, add_arguments

    p = sub.add_parser(
        "batch",
        help="align a folder of texts or a manifest of pairs (resumable, in parallel)",
        description="Align many documents: one project per pair, then a summary.",
        epilog=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(p)
    p.set_defaults(func=cmd_batch)
    return parser


def run() -> NoReturn:
    """The ``aligner`` command: :func:`main`, then out without tearing the interpreter down.

    Freeing a corpus-sized document's millions of objects one by one at exit took 2.2 s
    of bible 003's 23.8 s. What an exit must do is done first: the atexit handlers (the
    dictionary cache writer is waited for, logs flushed, helper processes stopped), the
    non-daemon threads joined, the standard streams flushed. Tests call :func:`main`.
    """
    code = main()
    atexit._run_exitfuncs()  # what interpreter shutdown would run, in the same order
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is not current and not thread.daemon:
            thread.join()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: main() has reported what it could
            code = code or 1
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        from aligner_gui.core.lexicon.shared import load_options

        quiet = getattr(args, "quiet", False)
        if args.func is cmd_batch:
            # The batch's worker processes may be the ones to build the dictionary: say so
            # up front. They need the caches on disk at once (no writing in the background).
            if not quiet:
                _announce_if_not_built()
        else:
            # Announced when the build starts, after the input was read (a bad file is
            # still a one-line error); the caches are written while the document aligns.
            from aligner_gui.core.background import unpack_encoder_weights

            load_options(save_in_background=True, building=None if quiet else _announce_build,
                         also=unpack_encoder_weights)
        code = int(args.func(args))
        sys.stdout.flush()  # inside the try: a closed pipe surfaces here, not at exit
        return code
    except AlignerError as error:
        print(f"aligner: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("aligner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `aligner score P | head`: the reader is gone, stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug: say so in one line, traceback only on request
        if args.debug:
            raise
        print(
            f"aligner: internal error: {type(error).__name__}: {error} "
            "(rerun with --debug for details)",
            file=sys.stderr,
        )
        return 1


def _announce_if_not_built() -> None:
    from aligner_gui.core.lexicon.cache import BUILD_SECONDS, cache_is_current

    if not cache_is_current():
        _announce_build(BUILD_SECONDS)


def _announce_build(seconds: float) -> None:
    """The first run on a machine compiles the dictionary cache: say so before the pause."""
    print(f"aligner: building the dictionary cache (once, about {seconds:g} s)...",
          file=sys.stderr, flush=True)  # fmt: skip
