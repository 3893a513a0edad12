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
