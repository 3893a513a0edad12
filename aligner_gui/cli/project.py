"""`aligner align`, `validate` and `rescore`: make a project, check one, score one again."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from aligner_gui.core.errors import AlignerError
from aligner_gui.io.outputs import check_output


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

    if args.demo == bool(args.inputs):
        raise AlignerError("give one bilingual file or two files, or --demo")
    out = check_output(args.output)
    inputs = [seed_path()] if args.demo else args.inputs
    doc = load_document(inputs, presplit=args.presplit, source_lang=args.source_lang or "en")
    if args.source_lang is None and not args.quiet:
        from aligner_gui.core.text.origin import chinese_original_hint, describe_hint

        hint = chinese_original_hint(doc.target.text, doc.source.text)
        if hint:
            print(f"note: the Chinese looks like the original ({describe_hint(hint)}); it was "
                  "read as the translation: add --source-lang zh if it is the original",
                  file=sys.stderr)
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


def cmd_rescore(args: argparse.Namespace) -> int:
    from aligner_gui.core.pipeline import rescore
    from aligner_gui.io.project import load_project, save_project

    out = check_output(args.output)
    doc = load_project(args.file)
    if not doc.beads:
        raise AlignerError(f"{args.file} has no alignment to score")
    rescore(doc)
    save_project(doc, out)  # the previous file stays as OUT.bak, as in the window
    print(f"{out}: {_describe(doc)}", file=sys.stderr)
    return 0
