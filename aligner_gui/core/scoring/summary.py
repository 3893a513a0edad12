"""The document summary of a scored alignment: coverage, bead types, omissions, scores."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from aligner_gui.core.model import (
    FLAG_LOW_SCORE,
    FLAG_NAME_MISMATCH,
    FLAG_NUMBER_MISMATCH,
    OMISSION_CLASSES,
    AlignmentDocument,
    Side,
)
from aligner_gui.core.scoring.scores import LOW_SCORE_THRESHOLD, PAIRING_THRESHOLD
from aligner_gui.core.scoring.sentence_features import non_space_chars
from aligner_gui.core.scoring.signals import CHRF_METRIC, CHRF_SIGNATURE, CHRF_SIGNATURE_FULL


def summarize(doc: AlignmentDocument) -> dict[str, Any]:
    """Coverage, bead types, omissions by class, additions and score statistics.

    Score statistics are over paired beads (one-sided beads score 0 by definition and
    are counted as omissions/additions instead).
    """
    source, target = doc.source, doc.target
    aligned_src: set[int] = set()
    aligned_tgt: set[int] = set()
    kinds: Counter[str] = Counter()
    by_class = {name: {"count": 0, "chars": 0} for name in OMISSION_CLASSES}
    omissions = omission_chars = additions = addition_chars = 0
    low = mismatched = names = 0
    scores: list[float] = []
    for bead in doc.beads:
        kinds[bead.kind] += 1
        if bead.source and bead.target:
            aligned_src.update(bead.source)
            aligned_tgt.update(bead.target)
            if bead.score is not None:
                scores.append(float(bead.score))
        elif bead.source:
            chars = sum(non_space_chars(source.sentences[i].text) for i in bead.source)
            omissions += 1
            omission_chars += chars
            cls = (bead.details or {}).get("class", "content")
            if cls not in by_class:
                cls = "content"
            by_class[cls]["count"] += 1
            by_class[cls]["chars"] += chars
        else:
            additions += 1
            addition_chars += sum(non_space_chars(target.sentences[i].text) for i in bead.target)
        if FLAG_LOW_SCORE in bead.flags:
            low += 1
        if FLAG_NUMBER_MISMATCH in bead.flags:
            mismatched += 1
        if FLAG_NAME_MISMATCH in bead.flags:
            names += 1

    def coverage(side: Side, aligned: set[int]) -> tuple[float | None, float | None]:
        if not side.sentences:
            return None, None
        total = sum(non_space_chars(s.text) for s in side.sentences)
        covered = sum(non_space_chars(side.sentences[i].text) for i in aligned)
        return (
            round(len(aligned) / len(side.sentences), 4),
            round(covered / total, 4) if total else None,
        )

    src_sent, src_chars = coverage(source, aligned_src)
    tgt_sent, tgt_chars = coverage(target, aligned_tgt)
    return {
        "beads": len(doc.beads),
        "bead_types": dict(sorted(kinds.items())),
        "sentences": {"source": len(source.sentences), "target": len(target.sentences)},
        "coverage": {
            "source_sentences": src_sent,
            "source_chars": src_chars,
            "target_sentences": tgt_sent,
            "target_chars": tgt_chars,
        },
        "omissions": omissions,
        "omission_chars": omission_chars,
        "omissions_by_class": by_class,
        "content_omissions": by_class["content"]["count"],
        "additions": additions,
        "addition_chars": addition_chars,
        "scored_beads": len(scores),
        "mean_score": round(statistics.fmean(scores), 4) if scores else None,
        "median_score": round(statistics.median(scores), 4) if scores else None,
        "low_score": low,
        "pairing_threshold": PAIRING_THRESHOLD,
        "low_score_threshold": LOW_SCORE_THRESHOLD,
        "number_mismatch": mismatched,
        "name_mismatch": names,
        "chrf_metric": CHRF_METRIC,
        "chrf_signature": CHRF_SIGNATURE,
        "chrf_signature_full": CHRF_SIGNATURE_FULL,
    }
