"""`aligner export` and `import`: a project to and from the exchange formats."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from aligner_gui.core.errors import AlignerError
from aligner_gui.io.outputs import backup_wanted, check_output, make_folder, rated_rows


def cmd_export(args: argparse.Namespace) -> int:
    from aligner_gui.io.formats import EXPORTERS, export_document, left_out
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
        make_folder(target)
        stem = Path(args.file).name.split(".")[0] or "project"
        target = target / f"{stem}.{doc.target.lang}.{doc.source.lang}.xml"
    out = check_output(str(target), inputs=[args.file], force=args.force, backup=False)
    rated = rated_rows(out)
    if rated:  # an MQM TSV a rater may have edited: keep it
        shutil.copy2(out, out.with_name(out.name + ".bak"))
        print(f"aligner: note: {out} held {rated} rated error row{'s' if rated != 1 else ''}"
              f"; it is kept as {out.name}.bak", file=sys.stderr)
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
    for line in left_out(doc, args.format):
        print(f"aligner: note: {line}", file=sys.stderr)
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
        from aligner_gui.io.mqm_tsv_import import mqm_systems

        for name, segments in mqm_systems(args.file):
            print(f"{name}\t{segments}")
        return 0
    if not args.output:
        raise AlignerError("the import needs -o PROJECT.json")
    out = check_output(args.output, inputs=[args.file, *([args.base] if args.base else [])],
                       force=args.force)
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
    save_project(doc, out, backup=backup_wanted(out))  # the previous file as OUT.bak
    notes = len(doc.annotations)
    line = f"{out}: {len(doc.beads)} beads, {notes} annotation{'' if notes == 1 else 's'}"
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
