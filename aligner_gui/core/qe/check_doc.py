"""Findings about whole beads and documents: the scorer's flags, inconsistency, glossary.

The per-bead text rules (``check_rules``, ``check_marks``) see two texts; these see
the document: the number and name flags the scorer left on a bead, a sentence
translated one way here and another way there, the project's glossary. ``checks``
runs them all and re-exports :class:`Finding`.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aligner_gui.core.model import (
    FLAG_NAME_MISMATCH,
    FLAG_NUMBER_MISMATCH,
    AlignmentDocument,
    Bead,
)
from aligner_gui.core.qe.glossary import Glossary, TermIndex, holds_any
from aligner_gui.core.qe.hits import RuleHit

__all__ = [
    "BeadPair",
    "Finding",
    "bead_pairs",
    "flag_findings",
    "glossary_findings",
    "inconsistency_findings",
    "name_findings",
    "number_findings",
    "rule_finding",
]

# Sentences at least this long are expected to be translated the same way each time;
# shorter ones ("Thank you.", 是的。) legitimately vary with their context.
MIN_REPEAT_WORDS = 4
MIN_REPEAT_CJK = 6


@dataclass(frozen=True)
class Finding:
    """One problem found by one check: the span to mark and what was seen there."""

    check: str  # one of CHECKS
    bead: int  # index in doc.beads
    side: str  # "source" | "target": the side whose span is marked
    start: int  # code-point offsets into doc.side(side).text
    end: int
    category: str  # MQM category path
    severity: str  # "neutral" | "minor" | "major" | "critical"
    comment: str  # the evidence, e.g. "negation: source has '不', translation has none"


# -- bead texts ------------------------------------------------------------------------


@dataclass(frozen=True)
class BeadPair:
    """A paired bead's texts and where they start in their sides' texts."""

    bead: int
    src: str
    tgt: str
    src_at: int
    tgt_at: int


def bead_pairs(doc: AlignmentDocument) -> list[BeadPair]:
    """The paired beads (the only ones checked): one slice of each side's text, so
    offsets found in it move to the document by one addition."""
    out = []
    src_text, tgt_text = doc.source.text, doc.target.text
    for index, bead in enumerate(doc.beads):
        if not (bead.source and bead.target):
            continue
        src_sents, tgt_sents = doc.source.sentences, doc.target.sentences
        a, b = src_sents[bead.source[0]].start, src_sents[bead.source[-1]].end
        c, d = tgt_sents[bead.target[0]].start, tgt_sents[bead.target[-1]].end
        out.append(BeadPair(index, src_text[a:b], tgt_text[c:d], a, c))
    return out


def rule_finding(check: str, pair: BeadPair, hit: RuleHit) -> Finding:
    """A rule's hit (offsets into the bead's texts) as a finding (document offsets)."""
    offset = pair.src_at if hit.side == "source" else pair.tgt_at
    return Finding(
        check,
        pair.bead,
        hit.side,
        offset + hit.start,
        offset + hit.end,
        hit.category,
        hit.severity,
        hit.comment,
    )


def _whole_target(
    check: str, pair: BeadPair, category: str, severity: str, comment: str
) -> Finding:
    return Finding(
        check,
        pair.bead,
        "target",
        pair.tgt_at,
        pair.tgt_at + len(pair.tgt),
        category,
        severity,
        comment,
    )


# -- numbers and names: the scorer's flags -----------------------------------------------

def _bead_numbers(doc: AlignmentDocument, pair: BeadPair) -> dict[str, Any] | None:
    """The scorer's number comparison, or the same computed now for a bead not scored
    yet (merged or split by hand since the last scoring)."""
    bead = doc.beads[pair.bead]
    if bead.score is not None or "numbers" in bead.details:
        return bead.details.get("numbers") if FLAG_NUMBER_MISMATCH in bead.flags else None
    from aligner_gui.core.scoring.number_match import bead_numbers
    from aligner_gui.core.text.numbers import numbers_en
    from aligner_gui.core.text.zh_numbers import numbers_zh

    read = {"zh": numbers_zh, "en": numbers_en}
    if doc.source.lang not in read or doc.target.lang not in read:
        return None
    found = bead_numbers(read[doc.source.lang](pair.src), read[doc.target.lang](pair.tgt),
                         pair.src, pair.tgt)  # fmt: skip
    return found if found["missing"] or found["extra"] else None


def number_findings(
    doc: AlignmentDocument, pairs: Sequence[BeadPair], *, flagged_only: bool = False
) -> list[Finding]:
    """The number mismatches, on the first extra number of the translation where it
    can be found (else on the whole translation); ``flagged_only``: those the scorer
    flagged, which ``offers.suggestions`` offers already."""
    from aligner_gui.core.scoring.mqm import number_note
    from aligner_gui.core.scoring.number_match import locate_number

    out = []
    for pair in pairs:
        bead = doc.beads[pair.bead]
        if flagged_only and FLAG_NUMBER_MISMATCH not in bead.flags:
            continue
        found = _bead_numbers(doc, pair)
        if not found:
            continue
        note = number_note(Bead((), (), details={"numbers": found}))
        comment = f"numbers: {note}" if note else "numbers differ"
        at = locate_number(pair.tgt, doc.target.lang, found.get("extra") or [])
        out.append(_mistranslation("numbers", pair, at, comment))
    return out


def _mistranslation(
    check: str, pair: BeadPair, at: tuple[int, int] | None, comment: str
) -> Finding:
    """A Major mistranslation finding on the target span ``at``, or on the whole target
    text when the odd word could not be found there."""
    if at is None:
        return _whole_target(check, pair, "Accuracy/Mistranslation", "major", comment)
    hit = RuleHit("target", at[0], at[1], "Accuracy/Mistranslation", "major", comment)
    return rule_finding(check, pair, hit)


def _bead_names(doc: AlignmentDocument, pair: BeadPair, lexicon: Any) -> dict[str, Any] | None:
    """The scorer's name mismatch, or the same computed now (with the dictionary) for a
    bead not scored yet."""
    bead = doc.beads[pair.bead]
    if bead.score is not None or "numbers" in bead.details or lexicon is None:
        found = bead.details.get("name_mismatch") if FLAG_NAME_MISMATCH in bead.flags else None
        return found if isinstance(found, dict) else None
    if {doc.source.lang, doc.target.lang} != {"en", "zh"}:
        return None
    from aligner_gui.core.scoring.scores import name_mismatch

    zh_side, en_side = (
        (doc.source, doc.target) if doc.source.lang == "zh" else (doc.target, doc.source)
    )
    zh_ids = bead.source if zh_side is doc.source else bead.target
    en_ids = bead.target if zh_side is doc.source else bead.source
    return name_mismatch(
        [zh_side.sentences[i].text for i in zh_ids],
        [en_side.sentences[i].text for i in en_ids],
        lexicon,
    )


def name_findings(
    doc: AlignmentDocument, pairs: Sequence[BeadPair], lexicon: Any, *, flagged_only: bool = False
) -> list[Finding]:
    """The name mismatches, on the translation's odd name where it can be found."""
    out = []
    lang = doc.target.lang
    for pair in pairs:
        bead = doc.beads[pair.bead]
        if flagged_only and FLAG_NAME_MISMATCH not in bead.flags:
            continue
        found = _bead_names(doc, pair, lexicon)
        if not found:
            continue
        en, zh = list(found.get("en") or ()), list(found.get("zh") or ())
        comment = f"names differ: English {', '.join(en)}; Chinese {', '.join(zh)}"
        at = None
        for name in zh if lang == "zh" else en:
            k = pair.tgt.find(name)
            if k >= 0:
                at = (k, k + len(name))
                break
        out.append(_mistranslation("names", pair, at, comment))
    return out


def flag_findings(doc: AlignmentDocument, pairs: Sequence[BeadPair]) -> set[Finding]:
    """Findings that restate a flag on the bead: ``offers.suggestions`` offers those already."""
    return set(number_findings(doc, pairs, flagged_only=True)) | set(
        name_findings(doc, pairs, None, flagged_only=True)
    )


# -- inconsistency: across beads -------------------------------------------------------

_NOT_WORD_CHARS = dict.fromkeys(
    map(
        ord,
        string.punctuation
        + string.whitespace
        + "，。！？；：、“”‘’（）《》〈〉【】「」『』—–…·～　",
    )
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _key(text: str) -> str:
    """The text without case, white space or punctuation (a deletion table: faster
    than a pattern over 20,000 texts)."""
    return text.casefold().translate(_NOT_WORD_CHARS)


def _long_enough(text: str, lang: str) -> bool:
    if lang == "zh":
        return len(_CJK.findall(text)) >= MIN_REPEAT_CJK
    return len(text.split()) >= MIN_REPEAT_WORDS


def _odd_ones(groups: dict[str, list[tuple[BeadPair, str]]]) -> list[tuple[BeadPair, BeadPair]]:
    """(bead, reference bead) for each member of a group whose other key differs from
    the group's commonest (the earliest of equally common ones)."""
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        counts = Counter(other for _p, other in members)
        if len(counts) < 2:
            continue
        best = max(counts.values())
        reference = next(p for p, other in members if counts[other] == best)
        ref_key = next(other for p, other in members if p is reference)
        out += [(p, reference) for p, other in members if other != ref_key]
    return out


def inconsistency_findings(doc: AlignmentDocument, pairs: Sequence[BeadPair]) -> list[Finding]:
    """The same source translated differently (Fluency/Inconsistency), and different
    sources given the same translation (Accuracy/Mistranslation: one of them is wrong);
    both minor, the span the whole translation of the odd bead: the one whose
    translation (source) differs from the commonest, the earliest winning ties.

    Texts compare bead by bead, without case, spaces or punctuation, from
    MIN_REPEAT_WORDS English words or MIN_REPEAT_CJK Chinese characters up; a sentence
    repeated inside a longer bead is not compared, and terms are not (yet)."""
    by_source: dict[str, list[tuple[BeadPair, str]]] = {}
    by_target: dict[str, list[tuple[BeadPair, str]]] = {}
    for pair in pairs:
        src_key, tgt_key = _key(pair.src), _key(pair.tgt)
        if not src_key or not tgt_key:
            continue
        if _long_enough(pair.src, doc.source.lang):
            by_source.setdefault(src_key, []).append((pair, tgt_key))
        if _long_enough(pair.tgt, doc.target.lang):
            by_target.setdefault(tgt_key, []).append((pair, src_key))
    out = []
    for pair, ref in _odd_ones(by_source):
        out.append(
            _whole_target(
                "inconsistency",
                pair,
                "Fluency/Inconsistency",
                "minor",
                f"inconsistency: same source as bead {ref.bead + 1}, translated differently",
            )
        )
    for pair, ref in _odd_ones(by_target):
        out.append(
            _whole_target(
                "inconsistency",
                pair,
                "Accuracy/Mistranslation",
                "minor",
                f"inconsistency: same translation as bead {ref.bead + 1}, whose source differs",
            )
        )
    return out


# -- glossary ----------------------------------------------------------------------------


def glossary_findings(
    doc: AlignmentDocument, pairs: Sequence[BeadPair], glossary: Glossary | None
) -> list[Finding]:
    """Source terms whose agreed translation the bead's translation lacks; the span is
    the term in the source. Terminology/Inappropriate for context, major."""
    if glossary is None:
        return []
    index = TermIndex(glossary.pairs_for(doc.source.lang), doc.source.lang)
    if not index:
        return []
    out = []
    for pair in pairs:
        for start, end, term, targets in index.occurrences(pair.src):
            if holds_any(pair.tgt, targets, doc.target.lang):
                continue
            wanted = " / ".join(f"'{t}'" for t in targets)
            hit = RuleHit(
                "source",
                start,
                end,
                "Terminology/Inappropriate for context",
                "major",
                f"glossary: '{term}' should be translated as {wanted}",
            )
            out.append(rule_finding("glossary", pair, hit))
    return out
