"""Per-bead scores and review flags (:func:`score_beads`), and the name check of a bead.

The signals and their formula are in :mod:`~aligner_gui.core.scoring.signals`, the
per-sentence features they are computed from in
:mod:`~aligner_gui.core.scoring.sentence_features`. Nothing here imports Qt; the whole
document is scored with one CHRF object, and the per-sentence work (gloss, content words,
numbers) is cached, so a 10,000-bead document takes a few seconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from aligner_gui.core.model import (
    FLAG_ADDITION,
    FLAG_LOW_SCORE,
    FLAG_NAME_MISMATCH,
    FLAG_NUMBER_MISMATCH,
    FLAG_OMISSION,
    MOVED_KEY,
    OMISSION_CLASSES,
    Bead,
    Side,
)
from aligner_gui.core.scoring.classify import CONTENT
from aligner_gui.core.scoring.name_check import mismatched_names
from aligner_gui.core.scoring.number_match import bead_numbers
from aligner_gui.core.scoring.sentence_features import (
    SentenceFeatures,
    features_for,
    non_space_chars,
)
from aligner_gui.core.scoring.signals import (
    combine,
    idf,
    length_norm,
    lexical_coverage,
    name_match_share,
    new_chrf,
)
from aligner_gui.core.scoring.unaligned import (
    absorbed_furniture,
    classify_bead,
    furniture_class,
    members_by_paragraph,
    wholly_unaligned_paragraphs,
)

# A paired bead is flagged "low-score" (its pairing is doubtful) when the aligner's
# posterior for it (``details["align"]``) is below PAIRING_THRESHOLD; a bead without one
# (joined or split by hand, imported) when its score is below LOW_SCORE_THRESHOLD. The
# posterior tells a wrong pairing far better than the score (mac-dev: AUC .85 against
# .65; a flag on 10 % of paired beads, 40 % of them wrong, where the score flagged 29 %,
# 14 % wrong, for the same recall: benchmarks/pairing_flags.py; the 0.7 was set on those
# same mac-dev and Bible figures, so they are in-sample).
PAIRING_THRESHOLD = 0.7
LOW_SCORE_THRESHOLD = 0.3

# Keys score_beads owns in bead.details (removed before rescoring; others are kept).
_OWN_DETAILS = (
    "chrf",
    "lexical",
    "names",
    "length_ratio",
    "length",
    "numbers",
    "class",
    "absorbed",
    "name_mismatch",
    MOVED_KEY,
)
_ENGINE_FLAGS = frozenset(
    (
        FLAG_OMISSION,
        FLAG_ADDITION,
        FLAG_LOW_SCORE,
        FLAG_NUMBER_MISMATCH,
        FLAG_NAME_MISMATCH,
        *OMISSION_CLASSES,
    )
)


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def score_beads(source: Side, target: Side, beads: list[Bead], lexicon: Any) -> None:
    """Set score, flags and details of every bead in place.

    Paired beads get the combined score (see :func:`.signals.combine`); one-sided beads score 0
    and are flagged ``omission`` (source only) or ``addition`` (target only). Unaligned
    English source text is also classified (headline, more-link, photo-caption, content;
    byline and editor-note)
    into a flag and ``details["class"]``. An aligner score already on a bead is kept as
    ``details["align"]``. Flags other than the engine's own are preserved.
    """
    features = features_for(lexicon)
    chrf = new_chrf()
    zh_role = "source" if source.lang == "zh" else ("target" if target.lang == "zh" else None)
    sides = {"source": source, "target": target}

    # Pass 1: per-bead texts and length ratios for the document median.
    prepared: list[tuple[str, str]] = []
    log_ratios: list[float] = []
    for bead in beads:
        src_text = source.span_text(bead.source)
        tgt_text = target.span_text(bead.target)
        if zh_role == "source":
            zh_text, en_text = src_text, tgt_text
        else:
            zh_text, en_text = tgt_text, src_text
        prepared.append((zh_text, en_text))
        if bead.source and bead.target:
            zh_chars, en_chars = non_space_chars(zh_text), non_space_chars(en_text)
            log_ratios.append(math.log((zh_chars + 1) / (en_chars + 1)))
    median, spread = length_norm(log_ratios)

    unaligned_paragraphs = wholly_unaligned_paragraphs(source, beads)
    paragraph_members = members_by_paragraph(source)
    zh_idf: dict[str, float] = {}
    en_idf: dict[str, float] = {}
    if zh_role is not None:
        zh_side = sides[zh_role]
        en_side = sides["target" if zh_role == "source" else "source"]
        zh_idf = idf([w for w, _ in features.zh_content_of(s.text)] for s in zh_side.sentences)
        en_idf = idf(_en_tokens(features, s.text) for s in en_side.sentences)

    for bead, (zh_text, en_text) in zip(beads, prepared, strict=True):
        old = bead.details or {}
        details: dict[str, Any] = {k: v for k, v in old.items() if k not in _OWN_DETAILS}
        if "align" not in details and bead.score is not None and "chrf" not in old:
            details["align"] = _round(bead.score)
        flags = [f for f in bead.flags if f not in _ENGINE_FLAGS]

        src_numbers = _numbers(features, source, bead.source)
        tgt_numbers = _numbers(features, target, bead.target)
        details["numbers"] = bead_numbers(src_numbers, tgt_numbers,
                                          source.span_text(bead.source),
                                          target.span_text(bead.target))  # fmt: skip
        numbers = details["numbers"]

        if bead.source and bead.target:
            if zh_role is None:
                gloss = zh_text  # no Chinese side: compare the texts as they are
                zh_content: list[tuple[str, frozenset[str]]] = []
                en_tokens: list[str] = []
                names: list[list[str]] = []
                en_texts: list[str] = []
                zh_texts: list[str] = []
            else:
                zh_ids = bead.source if zh_role == "source" else bead.target
                en_ids = bead.target if zh_role == "source" else bead.source
                zh_side = sides[zh_role]
                en_side = sides["target" if zh_role == "source" else "source"]
                gloss = " ".join(features.gloss_of(zh_side.sentences[i].text) for i in zh_ids)
                zh_content = [
                    item
                    for i in zh_ids
                    for item in features.zh_content_of(zh_side.sentences[i].text)
                    if not _number_only(item[1])
                ]
                en_tokens = [
                    t for i in en_ids for t in _en_tokens(features, en_side.sentences[i].text)
                ]
                names = [n for i in en_ids for n in features.names_of(en_side.sentences[i].text)]
                en_texts = [en_side.sentences[i].text for i in en_ids]
                zh_texts = [zh_side.sentences[i].text for i in zh_ids]
            chrf_value = features.chrf_of(chrf, gloss, en_text)
            lexical = lexical_coverage(zh_content, en_tokens, zh_idf, en_idf)
            name_share = name_match_share(names, zh_content, zh_texts,
                                          lexicon.translations if lexicon is not None else None)
            log_ratio = math.log((non_space_chars(zh_text) + 1) / (non_space_chars(en_text) + 1))
            deviation = (log_ratio - median) / spread
            mismatches = len(numbers["missing"]) + len(numbers["extra"])
            score = combine(chrf_value, lexical, name_share, deviation, mismatches)
            details.update(
                chrf=_round(chrf_value),
                lexical=_round(lexical),
                names=_round(name_share),
                length_ratio=_round(deviation, 3),
                length={
                    "zh_chars": non_space_chars(zh_text),
                    "en_chars": non_space_chars(en_text),
                    "log_ratio": _round(log_ratio),
                    "median": _round(median),
                    "spread": _round(spread),
                },
            )
            if source.lang == "en" and len(bead.source) > 1:
                absorbed = absorbed_furniture(source, bead, paragraph_members)
                if absorbed:
                    details["absorbed"] = absorbed
            if doubtful_pairing(details.get("align"), score):
                flags.append(FLAG_LOW_SCORE)
            if mismatches:
                flags.append(FLAG_NUMBER_MISMATCH)
            odd_names = mismatched_names(
                zh_texts,
                zh_content,
                en_texts,
                en_tokens,
                features.name_words_of,
                features.is_proper,
            )
            if odd_names is not None:
                details["name_mismatch"] = {"en": list(odd_names.en), "zh": list(odd_names.zh)}
                flags.append(FLAG_NAME_MISMATCH)
        else:
            score = 0.0
            details.update(chrf=0.0, lexical=0.0, names=None, length_ratio=None)
            cls: str | None = None
            if bead.source:
                flags.append(FLAG_OMISSION)
                if source.lang == "en":
                    cls = classify_bead(source, bead, unaligned_paragraphs, paragraph_members)
                else:  # a Chinese original's own source line, share buttons, notes
                    cls = furniture_class(source, bead.source) or CONTENT
            else:
                flags.append(FLAG_ADDITION)
                cls = furniture_class(target, bead.target)
            if cls is not None:
                details["class"] = cls
                flags.append(cls)
        bead.score = round(min(1.0, max(0.0, score)), 4)
        bead.flags = list(dict.fromkeys(flags))
        bead.details = details
    if zh_role is not None:
        _mark_moved(beads, sides, zh_role, features, zh_idf, en_idf)


# A sentence the translator moved elsewhere is aligned as an omission where it stood and
# an addition where it went (beads cannot cross). The two are paired back when each is
# the other's best match and their dictionary coverage is at least MOVED_MIN_LEXICAL
# (0.8 % of random sentence pairs of mac-dev's chapters reach 0.4, none 0.6), over at
# least MOVED_MIN_WORDS content words a side. Pairs are looked for among at most
# MOVED_MAX_PAIRS omission x addition candidates.
MOVED_MIN_LEXICAL = 0.5
MOVED_MIN_WORDS = 4
MOVED_MAX_PAIRS = 2500


def _mark_moved(beads: list[Bead], sides: dict[str, Side], zh_role: str, features: Any,
                zh_idf: dict[str, float], en_idf: dict[str, float]) -> None:
    omitted = [k for k, b in enumerate(beads) if b.source and not b.target]
    added = [k for k, b in enumerate(beads) if b.target and not b.source]
    if not omitted or not added or len(omitted) * len(added) > MOVED_MAX_PAIRS:
        return
    en_role = "target" if zh_role == "source" else "source"

    def words(k: int, role: str) -> list[Any]:
        side, ids = sides[role], getattr(beads[k], role)
        if role == zh_role:
            return [item for i in ids for item in features.zh_content_of(side.sentences[i].text)
                    if not _number_only(item[1])]
        return [t for i in ids for t in _en_tokens(features, side.sentences[i].text)]

    zh_ends, en_ends = (omitted, added) if zh_role == "source" else (added, omitted)
    zh_words = {k: words(k, zh_role) for k in zh_ends}
    en_words = {k: words(k, en_role) for k in en_ends}
    match: dict[tuple[int, int], float] = {}
    for o in omitted:
        for a in added:
            z, e = (o, a) if zh_role == "source" else (a, o)
            if len(zh_words[z]) >= MOVED_MIN_WORDS and len(en_words[e]) >= MOVED_MIN_WORDS:
                match[o, a] = lexical_coverage(zh_words[z], en_words[e], zh_idf, en_idf)
    for (o, a), value in match.items():
        best_a = max((v for (o2, _a), v in match.items() if o2 == o), default=0.0)
        best_o = max((v for (_o, a2), v in match.items() if a2 == a), default=0.0)
        if value >= MOVED_MIN_LEXICAL and value == best_a == best_o:
            beads[o].details[MOVED_KEY] = {"bead": a, "match": _round(value)}
            beads[a].details[MOVED_KEY] = {"bead": o, "match": _round(value)}


def doubtful_pairing(posterior: float | None, score: float) -> bool:
    """The rule of the "low-score" flag (see PAIRING_THRESHOLD)."""
    if posterior is None:
        return score < LOW_SCORE_THRESHOLD
    return float(posterior) < PAIRING_THRESHOLD


def name_mismatch(
    zh_texts: Sequence[str], en_texts: Sequence[str], lexicon: Any
) -> dict[str, list[str]] | None:
    """The ``name_mismatch`` detail score_beads would give a bead of these sentences."""
    features = features_for(lexicon)
    zh_content = [
        item for t in zh_texts for item in features.zh_content_of(t) if not _number_only(item[1])
    ]
    en_tokens = [k for t in en_texts for k in _en_tokens(features, t)]
    odd = mismatched_names(
        zh_texts, zh_content, en_texts, en_tokens, features.name_words_of, features.is_proper
    )
    return None if odd is None else {"en": list(odd.en), "zh": list(odd.zh)}


def _number_only(keys: frozenset[str]) -> bool:
    return bool(keys) and all(k.startswith("#") for k in keys)


def _en_tokens(features: SentenceFeatures, text: str) -> list[str]:
    """English content tokens without number tokens (numbers are checked separately)."""
    return [t for t in features.en_content_of(text) if not t.startswith("#")]


def _numbers(features: SentenceFeatures, side: Side, ids: Sequence[int]) -> list[str]:
    return [n for i in ids for n in features.numbers_of(side.sentences[i].text, side.lang)]
