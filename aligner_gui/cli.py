"""The headless `aligner` command: the same engine as the review window, for batch work.

Every expected failure (bad input, unwritable output, invalid project) prints one
line on stderr and exits with status 2; outputs are written atomically, so a failed
run never clobbers an existing file; a project output that replaces a file keeps
the previous one as OUT.bak (as the window's Save does).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from aligner_gui import __version__
from aligner_gui.core.errors import AlignerError

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2 like every other bad input."""

    def error(self, message: str) -> NoReturn:  # noqa: D401 - argparse override
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _check_output(path: str) -> Path:
    """Fail before doing any work if the output cannot possibly be written."""
    out = Path(path)
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise AlignerError(f"cannot write {out}: it is a folder")
    if not folder.is_dir():
        raise AlignerError(f"cannot write {out}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise AlignerError(f"cannot write {out}: folder {folder} is not writable")
    return out


def _make_folder(folder: Path) -> None:
    """Create an output folder (not its parents: a mistyped path should fail)."""
    if folder.is_dir():
        return
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise AlignerError(f"cannot write {folder}: folder {parent} does not exist")
    try:
        folder.mkdir()
    except OSError as error:
        raise AlignerError(f"cannot create {folder}: {error.strerror or error}") from None


def _describe(doc: Any) -> str:
    """One line about an aligned document, for the terminal."""
    scores = doc.scores or {}
    omitted = sum(1 for bead in doc.beads if bead.source and not bead.target)
    text = (
        f"{len(doc.source.sentences)} {doc.source.lang} / {len(doc.target.sentences)} "
        f"{doc.target.lang} sentences -> {len(doc.beads)} beads; "
        f"{omitted} untranslated source bead(s)"
    )
    by_class = scores.get("omissions_by_class") or {}
    parts = [f"{_count(n)} {name}" for name, n in by_class.items() if _count(n)]
    if parts:
        text += " (" + ", ".join(parts) + ")"
    mean = scores.get("mean_score")
    if isinstance(mean, (int, float)):
        text += f"; mean score {mean:.2f}"
    return text


def _count(value: Any) -> int:
    if isinstance(value, dict):
        return int(value.get("count", 0))
    return int(value or 0)


# -- commands ---------------------------------------------------------------------------


def cmd_align(args: argparse.Namespace) -> int:
    from aligner_gui.core.pipeline import align_document, load_document
    from aligner_gui.core.resources import seed_path
    from aligner_gui.io.project import save_project

    if args.demo == bool(args.inputs):
        raise AlignerError("give one bilingual file or two files, or --demo")
    out = _check_output(args.output)
    inputs = [seed_path()] if args.demo else args.inputs
    doc = load_document(inputs, presplit=args.presplit, source_lang=args.source_lang)
    align_document(doc)
    save_project(doc, out)  # the previous file stays as OUT.bak, as in the window
    if not args.quiet:
        print(f"{out}: {_describe(doc)}", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from aligner_gui.io.project import load_project

    doc = load_project(args.file)
    print(
        f"{args.file}: valid aligner-gui project ({len(doc.beads)} beads, "
        f"{len(doc.annotations)} annotations)"
    )
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from aligner_gui.core.pipeline import rescore
    from aligner_gui.core.scoring.scores import reference_scores
    from aligner_gui.io.project import load_project

    doc = load_project(args.file)
    if not doc.beads:
        raise AlignerError(f"{args.file} has no alignment to score")
    rescore(doc)
    result: dict[str, Any] = {"document": doc.scores}
    if args.reference:
        from aligner_gui.core.text.load import detect_lang, read_text

        reference = read_text(args.reference)
        lang = detect_lang(reference)
        if lang != doc.target.lang:
            names = {"zh": "Chinese", "en": "English"}
            raise AlignerError(
                f"{args.reference} is in {names.get(lang, lang)}, but the reference must be "
                f"in the translation's language ({names.get(doc.target.lang, doc.target.lang)})"
            )
        translation = [s.text for s in doc.target.sentences]
        result["reference"] = reference_scores(translation, reference, doc.target.lang)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        _print_scores(doc, result)
    return 0


_LANGUAGE = {"en": "English", "zh": "Chinese"}


def _print_scores(doc: Any, result: dict[str, Any]) -> None:
    """A short summary for a person, label and figure aligned (--json has everything)."""
    rows = _score_rows(doc, result)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def _score_rows(doc: Any, result: dict[str, Any]) -> list[tuple[str, str]]:
    from aligner_gui.core.lexicon.shared import get_lexicon
    from aligner_gui.core.model import riskiest
    from aligner_gui.core.qe.checks import run_checks
    from aligner_gui.core.qe.risk import risk_summary
    from aligner_gui.core.scoring.mqm import review_figures, score_document

    scores = result["document"]
    figures = review_figures(doc)
    src, tgt = doc.source.lang, doc.target.lang
    kinds = ", ".join(f"{k} {n}" for k, n in sorted((scores.get("bead_types") or {}).items()))
    rows = [
        (
            "Sentences",
            f"{figures.source_sentences} {_LANGUAGE.get(src, src)}, "
            f"{figures.target_sentences} {_LANGUAGE.get(tgt, tgt)} -> {figures.beads} beads"
            + (f" ({kinds})" if kinds else ""),
        )
    ]
    omitted = sum(figures.omissions.values())
    by_class = ", ".join(f"{cls} {n}" for cls, n in sorted(figures.omissions.items()) if n)
    chars = scores.get("omission_chars")
    rows.append(
        (
            "Omissions",
            f"{omitted} source sentences"
            + (f" ({chars} characters)" if chars is not None else "")
            + (f": {by_class}" if by_class else ""),
        )
    )
    chars = scores.get("addition_chars")
    rows.append(
        (
            "Additions",
            f"{figures.additions} target sentences"
            + (f" ({chars} characters)" if chars is not None else ""),
        )
    )
    if figures.mean_score is not None:
        text = f"{figures.mean_score:.2f}"
        median, threshold = scores.get("median_score"), scores.get("low_score_threshold")
        if isinstance(median, (int, float)):
            text += f" (median {median:.2f}"
            if isinstance(threshold, (int, float)):
                text += f"; {figures.low_score} beads below {threshold:.2f}"
            text += ")"
        rows.append(("Mean match score", text))
    mqm = score_document(doc)
    rows.append(
        (
            "MQM",
            f"{mqm.per_segment:.2f} per segment, {mqm.per_1000_words:.1f} per 1,000 words "
            f"({len(doc.annotations)} annotations, penalty {mqm.total:.1f})",
        )
    )
    uncovered = scores.get("uncovered") or {}
    if isinstance(uncovered.get("source"), (int, float)):
        text = f"{uncovered['source']:.1%} of {_LANGUAGE.get(src, src)}"
        if isinstance(uncovered.get("target"), (int, float)):
            text += f", {uncovered['target']:.1%} of {_LANGUAGE.get(tgt, tgt)}"
        rows.append(("Uncovered words", text + " content words"))
    risk = risk_summary(doc.beads)
    if risk:
        over = [k + 1 for k in riskiest(doc.beads) if doc.beads[k].is_risky]
        text = f"{risk['expected_major']:.2f} expected Major Accuracy errors; "
        text += f"{len(over)} risky beads"
        if over:
            shown = ", ".join(str(k) for k in over[:10]) + (", ..." if len(over) > 10 else "")
            text += f": {shown}"
        rows.append(("Risk", text))
    # The dictionary anchors negations; rescore has loaded it already.
    found: dict[str, int] = {}
    for finding in run_checks(doc, lexicon=get_lexicon()):
        found[finding.check] = found.get(finding.check, 0) + 1
    rows.append(
        ("QA checks", ", ".join(f"{name} {n}" for name, n in found.items()) or "nothing found")
    )
    reference = result.get("reference")
    if reference:
        rows.append(
            (
                "Reference",
                f"BLEU {reference['bleu']:.2f}, chrF {reference['chrf']:.2f}, "
                f"TER {reference['ter']:.2f} ({reference['level']} level, "
                f"{reference['segments']} segment{'' if reference['segments'] == 1 else 's'})",
            )
        )
    return rows


def cmd_rescore(args: argparse.Namespace) -> int:
    from aligner_gui.core.pipeline import rescore
    from aligner_gui.io.project import load_project, save_project

    out = _check_output(args.output)
    doc = load_project(args.file)
    if not doc.beads:
        raise AlignerError(f"{args.file} has no alignment to score")
    rescore(doc)
    save_project(doc, out)  # the previous file stays as OUT.bak, as in the window
    print(f"{out}: {_describe(doc)}", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from aligner_gui.core.lexicon.shared import get_lexicon
    from aligner_gui.core.pipeline import rescore
    from aligner_gui.core.qe.checks import parse_checks, run_checks
    from aligner_gui.core.qe.glossary import load_glossary
    from aligner_gui.io.project import load_project

    enabled = parse_checks(args.checks.split(",")) if args.checks else parse_checks(None)
    glossary = load_glossary(args.glossary) if args.glossary else None
    doc = load_project(args.file)
    remembered = doc.meta.get("glossary")
    if glossary is None and isinstance(remembered, str) and remembered:
        # The glossary the review window loaded for this project (File -> Load glossary).
        path = Path(args.file).parent / remembered
        if not path.is_file():
            raise AlignerError(
                f"{args.file} names the glossary {remembered}, which is not there "
                "(pass --glossary FILE)"
            )
        glossary = load_glossary(path)
    if doc.beads and all(bead.score is None for bead in doc.beads):
        rescore(doc)  # imported projects: the number and name flags come from scoring
    # The dictionary anchors negations (and names beads scored by hand since): load it
    # only for those checks.
    lexicon = get_lexicon() if {"negation", "names"} & set(enabled) else None
    findings = run_checks(doc, enabled=enabled, glossary=glossary, lexicon=lexicon)
    by_check: dict[str, list[Any]] = {name: [] for name in enabled}
    for finding in findings:
        by_check[finding.check].append(finding)
    if args.json:
        result = {
            name: {"count": len(found), "findings": [_finding_dict(doc, f) for f in found]}
            for name, found in by_check.items()
        }
        print(json.dumps({"checks": result}, ensure_ascii=False, indent=1))
    else:
        _print_findings(doc, by_check)
    return 0


def _finding_dict(doc: Any, finding: Any) -> dict[str, Any]:
    """A finding for --json; ``bead`` counts from 1, as in the report and the window."""
    return {
        "bead": finding.bead + 1,
        "side": finding.side,
        "start": finding.start,
        "end": finding.end,
        "text": doc.side(finding.side).text[finding.start : finding.end],
        "category": finding.category,
        "severity": finding.severity,
        "comment": finding.comment,
    }


def _print_findings(doc: Any, by_check: dict[str, list[Any]]) -> None:
    """A table (check, findings, beads), then each check's findings, one per line."""
    width = max(len(name) for name in by_check) if by_check else 5
    print(f"{'check':<{width}}  findings  beads")
    for name, found in by_check.items():
        print(f"{name:<{width}}  {len(found):>8}  {len({f.bead for f in found}):>5}")
    for name, found in by_check.items():
        if not found:
            continue
        print(f"\n{name}")
        for f in found:
            text = " ".join(doc.side(f.side).text[f.start : f.end].split())
            if len(text) > 30:
                text = text[:29] + "…"
            quoted = f'"{text}"'
            print(f"  bead {f.bead + 1:>5}  {f.side:<6}  {quoted:<32}  {f.comment}")


def cmd_export(args: argparse.Namespace) -> int:
    from aligner_gui.io.formats import EXPORTERS, export_document
    from aligner_gui.io.intertext import is_folder_target
    from aligner_gui.io.project import load_project

    known = ", ".join(sorted(EXPORTERS))
    if args.format is None:
        args.format = _format_from_output(args.output, known)
    exporter = EXPORTERS.get(args.format)
    if exporter is None:
        raise AlignerError(f"unknown export format {args.format!r} (known: {known})")
    doc = load_project(args.file)
    target = Path(args.output)
    if exporter.multi_file and is_folder_target(args.output):
        # InterText names its link file TEXT.TRANSLATION.ORIGINAL.xml, the texts beside it.
        _make_folder(target)
        stem = Path(args.file).name.split(".")[0] or "project"
        target = target / f"{stem}.{doc.target.lang}.{doc.source.lang}.xml"
    out = _check_output(str(target))
    options: dict[str, Any] = {}
    if args.include_suggestions:
        if args.format != "mqm-tsv":
            raise AlignerError("--include-suggestions is for --format mqm-tsv")
        options["include_suggestions"] = True
    if args.lang:
        if args.format != "html":
            raise AlignerError("--lang is for --format html")
        from aligner_gui.io.html.report import export_html

        written = export_html(doc, out, lang=args.lang)
    else:
        written = export_document(doc, args.format, out, **options)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


# Output extension -> export format, for `export` without --format.
FORMAT_OF_SUFFIX = {
    ".tmx": "tmx",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".csv": "annotations-csv",
    ".json": "json",
    ".beads": "beads",
    ".align": "beads",
}


def _format_from_output(output: str, known: str) -> str:
    """The export format the -o name implies; a folder means intertext. Says so on stderr."""
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        print("aligner: writing intertext (the output is a folder)", file=sys.stderr)
        return "intertext"
    suffix = Path(output).suffix
    fmt = FORMAT_OF_SUFFIX.get(suffix.lower())
    if fmt is not None:
        print(f"aligner: writing {fmt} (from the {suffix} extension)", file=sys.stderr)
        return fmt
    what = f"the extension {suffix!r}" if suffix else "a name without an extension"
    raise AlignerError(
        f"cannot tell the export format from {what} of {output}; pass --format "
        f"({known}); .tsv means tsv (the bead table), mqm-tsv needs --format"
    )


def cmd_import(args: argparse.Namespace) -> int:
    from aligner_gui.io.formats import detect_format, import_file
    from aligner_gui.io.project import load_project, save_project

    fmt = args.format or detect_format(args.file)
    if args.list_systems or args.system is not None:
        if fmt != "mqm-tsv":
            option = "--list-systems" if args.list_systems else "--system"
            raise AlignerError(f"{option} is for MQM TSV files; {args.file} is {fmt}")
    if args.list_systems:
        from aligner_gui.io.tsv import mqm_systems

        for name, segments in mqm_systems(args.file):
            print(f"{name}\t{segments}")
        return 0
    if not args.output:
        raise AlignerError("the import needs -o PROJECT.json")
    out = _check_output(args.output)
    options: dict[str, Any] = {}
    if args.base:
        options["base"] = load_project(args.base)
    if args.system is not None:
        options["system"] = args.system
    doc = import_file(args.file, fmt, **options)
    imported = fmt != "json" and not args.base  # beads rebuilt from an exchange file
    if not args.no_score and (imported or any(bead.score is None for bead in doc.beads)):
        from aligner_gui.core.pipeline import rescore

        rescore(doc)  # scores, flags, coverage and risk, as `aligner rescore` gives them
    save_project(doc, out)  # the previous file stays as OUT.bak, as in the window
    line = f"{out}: {len(doc.beads)} beads, {len(doc.annotations)} annotations"
    mqm = doc.meta.get("mqm") if isinstance(doc.meta.get("mqm"), dict) else None
    if mqm and fmt == "mqm-tsv":
        _print_warnings(mqm.get("warnings") or [])
    if mqm and fmt == "mqm-tsv" and "system" in mqm:
        skipped = mqm.get("systems_skipped") or []
        line += f"; system {mqm['system']}"
        if skipped:
            line += (
                f", {len(skipped)} other system(s) left out (--list-systems shows them, "
                "--system NAME picks one)"
            )
    print(line, file=sys.stderr)
    return 0


def _print_warnings(warnings: list[str], limit: int = 20) -> None:
    for warning in warnings[:limit]:
        print(f"aligner: warning: {warning}", file=sys.stderr)
    if len(warnings) > limit:
        print(f"aligner: warning: ... and {len(warnings) - limit} more", file=sys.stderr)


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
        default="en",
        help="language of the original (default: en)",
    )
    p.add_argument("-q", "--quiet", action="store_true")
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
        help="only these checks: numbers, names, negation, untranslated, "
        "inconsistency, glossary, punctuation, repeated-words, urls",
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
        "is a folder (created) holding PROJECT.zh.en.xml (the link file), PROJECT.zh.xml and "
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
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="import InterText, TMX, MQM TSV or project JSON")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="PROJECT.json", help="the project to write")
    p.add_argument(
        "--format", "-f", default=None, metavar="FORMAT", help="input format (default: detected)"
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.func in _NEEDS_DICTIONARY and not getattr(args, "quiet", False):
            _announce_dictionary_build()
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


def _announce_dictionary_build() -> None:
    """The first run on a machine compiles the dictionary cache: say so before the pause."""
    from aligner_gui.core.lexicon.cache import BUILD_SECONDS, cache_is_current

    if not cache_is_current():
        print(f"aligner: building the dictionary cache (once, about {BUILD_SECONDS} s)...",
              file=sys.stderr, flush=True)  # fmt: skip


_NEEDS_DICTIONARY = (cmd_align, cmd_rescore, cmd_check, cmd_import, cmd_batch)


if __name__ == "__main__":
    sys.exit(main())
