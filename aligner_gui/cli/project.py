"""`aligner align`, `validate` and `rescore`: make a project, check one, score one again."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from aligner_gui.core.errors import AlignerError
from aligner_gui.io.outputs import backup_wanted, check_output, is_project_file

# Outputs of `aligner export`: align writing JSON into one of these was a silent surprise.
_EXPORT_SUFFIXES = (".tmx", ".tsv", ".html", ".htm", ".csv", ".xml", ".align", ".txt")


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


def cmd_align(args: argparse.Namespace) -> int:
    from aligner_gui.core.pipeline import align_document, load_document
    from aligner_gui.core.resources import seed_path
    from aligner_gui.io.project import save_project

    if args.demo and args.inputs:
        raise AlignerError("--demo aligns the bundled seed: give no files with it")
    if not args.demo and not args.inputs:
        raise AlignerError("give one bilingual file or two files, or --demo")
    if Path(args.output).suffix.lower() in _EXPORT_SUFFIXES:
        raise AlignerError(f"align writes a project (.json), not {Path(args.output).suffix}: "
                           f"aligner export PROJECT.json -o {args.output} writes that")
    inputs = [seed_path()] if args.demo else args.inputs
    out = check_output(args.output, inputs=inputs, force=args.force)
    for path in inputs:
        if is_project_file(Path(path)):
            raise AlignerError(f"{path} is an aligner-gui project, not a text: `aligner "
                               "rescore` scores it again, `aligner export` writes it out")
    doc = load_document(inputs, presplit=args.presplit, source_lang=args.source_lang or "en")
    if args.source_lang is None and not args.quiet:
        from aligner_gui.core.text.origin import chinese_original_hint, describe_hint

        hint = chinese_original_hint(doc.target.text, doc.source.text)
        if hint:
            print(f"note: the Chinese looks like the original ({describe_hint(hint)}); it was "
                  "read as the translation: add --source-lang zh if it is the original",
                  file=sys.stderr)
    if args.presplit and not args.quiet:
        _say_if_running_text(doc)
    align_document(doc)
    save_project(doc, out, backup=backup_wanted(out))  # the previous file as OUT.bak
    if not args.quiet:
        print(f"{out}: {_describe(doc)}", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from aligner_gui.io.project import load_project

    doc = load_project(args.file)
    print(
        f"{args.file}: valid aligner-gui project ({len(doc.beads)} beads, "
        f"{len(doc.annotations)} annotation{'' if len(doc.annotations) == 1 else 's'})"
    )
    return 0


def cmd_rescore(args: argparse.Namespace) -> int:
    from aligner_gui.core.pipeline import rescore
    from aligner_gui.io.project import load_project, save_project

    # Over its own input it rescores the review it holds: no refusal then.
    same = Path(args.output).exists() and Path(args.file).exists() and \
        Path(args.output).samefile(args.file)
    out = check_output(args.output, force=args.force or same)
    doc = load_project(args.file)
    if not doc.beads:
        raise AlignerError(f"{args.file} has no alignment to score")
    rescore(doc)
    save_project(doc, out, backup=backup_wanted(out))  # the previous file as OUT.bak
    print(f"{out}: {_describe(doc)}", file=sys.stderr)
    return 0


def _say_if_running_text(doc: Any) -> None:
    """--presplit takes each line for one sentence: on running text (a paragraph a line)
    both sides became one "sentence" each, silently (a helper's CLI review)."""
    from aligner_gui.core.text.segment import segment

    for side in (doc.source, doc.target):
        lines = side.sentences
        several = sum(1 for s in lines if len(segment(s.text, side.lang, False)) > 1)
        if several and several * 3 > len(lines):  # a third of the lines or more
            print(f"note: --presplit takes each line for one sentence, but {several} of "
                  f"{len(lines)} {side.lang} lines hold several: without --presplit they "
                  "are split into sentences", file=sys.stderr)
            return
