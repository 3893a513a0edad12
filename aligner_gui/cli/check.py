"""`aligner check`: run the QA checks on a project and list what they find."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from aligner_gui.core.errors import AlignerError


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
    if glossary is None and args.checks and "glossary" in enabled:
        raise AlignerError("the glossary check needs a glossary: pass --glossary FILE "
                           "(TBX, or CSV/TSV of term and translation)")
    if doc.beads and all(bead.score is None for bead in doc.beads):
        rescore(doc)  # imported projects: the number and name flags come from scoring
    # The dictionary anchors negations (and names beads scored by hand since): load it
    # only for those checks.
    lexicon = get_lexicon() if {"negation", "names"} & set(enabled) else None
    findings = run_checks(doc, enabled=enabled, glossary=glossary, lexicon=lexicon)
    by_check: dict[str, list[Any]] = {name: [] for name in enabled}
    for finding in findings:
        by_check[finding.check].append(finding)
    # What was left out or added is no QA check, but it is what a reviewer looks for
    # first: listed too unless --checks asked for particular checks.
    dropped = [] if args.checks else omissions(doc)
    if args.json:
        result = {
            name: {"count": len(found), "findings": [_finding_dict(doc, f) for f in found]}
            for name, found in by_check.items()
        }
        out: dict[str, Any] = {"checks": result}
        if not args.checks:
            out["omissions"] = {"count": len(dropped),
                                "findings": [_suggestion_dict(doc, s) for s in dropped]}
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        _print_findings(doc, by_check)
        if dropped:
            _print_omissions(doc, dropped)
    return 0


def omissions(doc: Any) -> list[Any]:
    """The open suggestions of text left out or added: one-sided beads (with their class),
    the coverage lens's uncovered spans (partial omissions and additions) and sentences
    the meaning match finds left out of a merged bead."""
    from aligner_gui.core import offers
    from aligner_gui.core.model import FLAG_ADDITION, FLAG_OMISSION, OMISSION_CLASSES

    one_sided = {FLAG_OMISSION, FLAG_ADDITION, *OMISSION_CLASSES}
    return [
        s for s in offers.suggestions(doc)
        if s.flag.startswith(("uncovered:", "glued:")) or s.flag in one_sided
    ]


def _suggestion_dict(doc: Any, suggestion: Any) -> dict[str, Any]:
    a = suggestion.annotation
    return {
        "bead": suggestion.bead + 1,  # as the window and the reports count
        "bead_index": suggestion.bead,  # the project's "beads" list is 0-based
        "flag": suggestion.flag,
        "kind": _kind(doc, suggestion),
        "side": a.side,
        "start": a.start,
        "end": a.end,
        "text": doc.side(a.side).text[a.start : a.end],
        "category": a.category,
        "severity": a.severity,
        "comment": a.comment,
    }


def _print_omissions(doc: Any, dropped: list[Any]) -> None:
    print(f"\nleft out, added or unmatched: {len(dropped)} (one-sided beads, and spans "
          "nothing on the other side translates)")
    for s in dropped:
        a = s.annotation
        print(f"  bead {s.bead + 1:>5}  {a.side:<6}  {_quoted(doc, a.side, a.start, a.end)}  "
              f"{a.category} ({_kind(doc, s)}, {a.severity})")


def _kind(doc: Any, suggestion: Any) -> str:
    """'sentence' for an uncovered span that is a whole sentence of its bead (a dropped
    sentence the aligner kept with its neighbour), 'partial' for another; a one-sided
    bead's class ('headline', 'photo-caption' ...), else its flag."""
    if suggestion.flag.startswith("glued:"):
        return "sentence"  # qe/glued.py: a sentence the meaning match finds left out
    if suggestion.flag.startswith("uncovered:"):
        from aligner_gui.core.coverage.suggestions import whole_sentence

        a = suggestion.annotation
        return "sentence" if whole_sentence(doc, suggestion.bead, a.side, a.start,
                                            a.end) else "partial"
    cls = doc.beads[suggestion.bead].details.get("class")
    return cls if isinstance(cls, str) and cls else suggestion.flag


def _quoted(doc: Any, side: str, start: int, end: int) -> str:
    """The text in quotes, cut to 30 columns and padded to 32 (a Chinese character
    takes two)."""
    from unicodedata import east_asian_width

    def width(c: str) -> int:
        return 2 if east_asian_width(c) in "WF" else 1

    text = " ".join(doc.side(side).text[start:end].split())
    if sum(map(width, text)) > 30:
        cut, used = 0, 0
        while used + width(text[cut]) <= 29:
            used += width(text[cut])
            cut += 1
        text = text[:cut] + "…"
    quoted = f'"{text}"'
    return quoted + " " * max(0, 32 - sum(map(width, quoted)))


def _finding_dict(doc: Any, finding: Any) -> dict[str, Any]:
    """A finding for --json; ``bead`` counts from 1, as in the report and the window."""
    return {
        "bead": finding.bead + 1,
        "bead_index": finding.bead,
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
            print(f"  bead {f.bead + 1:>5}  {f.side:<6}  {_quoted(doc, f.side, f.start, f.end)}"
                  f"  {f.comment}")
