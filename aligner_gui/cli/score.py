"""`aligner score`: a project's figures for a person, or everything as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from aligner_gui.core.errors import AlignerError


def cmd_score(args: argparse.Namespace) -> int:
    from aligner_gui.core.pipeline import rescore
    from aligner_gui.core.scoring.reference import reference_scores
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
            f"{omitted} source sentence{'' if omitted == 1 else 's'}"
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
        median = scores.get("median_score")
        if isinstance(median, (int, float)):
            text += f" (median {median:.2f})"
        rows.append(("Mean match score", text))
        threshold = scores.get("pairing_threshold")
        rows.append(
            (
                "Doubtful pairing",
                f"{figures.low_score} beads"
                + (
                    f" (alignment confidence under {threshold:.2f})"
                    if isinstance(threshold, (int, float))
                    else ""
                ),
            )
        )
    mqm = score_document(doc)
    rows.append(
        (
            "MQM",
            f"{mqm.per_segment:.2f} per segment, {mqm.per_1000_words:.1f} per 1,000 words "
            f"({_count(len(doc.annotations), 'annotation')}, penalty {mqm.total:.1f})",
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
        text += f"{len(over)} risky bead{'' if len(over) == 1 else 's'}"
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
                f"{reference['segments']} segment{'' if reference['segments'] == 1 else 's'}"
                + ("" if reference["level"] == "segment" else
                   f": the reference has {_count(reference['reference_segments'], 'line')}, "
                   f"the translation {_count(reference['translation_segments'], 'sentence')}, "
                   "so each was joined into one") + ")",
            )
        )
    return rows


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
