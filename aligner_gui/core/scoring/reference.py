"""Scoring a translation against a reference translation: corpus BLEU, chrF and TER."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sacrebleu.metrics import BLEU, CHRF, TER

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")


def reference_scores(
    translation_sentences: Sequence[str],
    reference_text_or_sentences: str | Sequence[str],
    lang: str,
) -> dict[str, Any]:
    """Corpus BLEU, chrF and TER of a translation against a reference translation.

    The reference is a text (one segment per non-empty line) or a list of segments. If
    the segment counts differ, both sides are joined into one segment each and scored at
    document level; ``level`` says which was done. For Chinese, BLEU uses the "zh"
    tokenizer and TER its normalised Asian tokenisation.
    """
    hyps = [s.strip() for s in translation_sentences if s and s.strip()]
    if isinstance(reference_text_or_sentences, str):
        refs = [r.strip() for r in _LINE_SPLIT.split(reference_text_or_sentences) if r.strip()]
    else:
        refs = [r.strip() for r in reference_text_or_sentences if r and r.strip()]
    zh = lang == "zh"
    counts = {"translation_segments": len(hyps), "reference_segments": len(refs)}
    if len(hyps) == len(refs) and hyps:
        level = "segment"
    else:
        level = "document"
        joiner = "" if zh else " "
        hyps, refs = [joiner.join(hyps)], [joiner.join(refs)]
    bleu = BLEU(tokenize="zh") if zh else BLEU()
    chrf = CHRF()
    # asian_support splits Chinese only with normalized=True: without it each segment was
    # one "word" and TER read 100 for any wording (BLEU 66.4 beside it).
    ter = TER(asian_support=True, normalized=True) if zh else TER()
    result: dict[str, Any] = {
        "level": level,
        "segments": len(hyps),
        **counts,
        "lang": lang,
    }
    for key, metric in (("bleu", bleu), ("chrf", chrf), ("ter", ter)):
        score = metric.corpus_score(hyps, [refs])
        result[key] = round(float(score.score), 4)
        result[f"{key}_name"] = score.name
        result[f"{key}_signature"] = str(metric.get_signature())
    return result
