"""QA checks in the manner of Xbench and Verifika: findings an editor accepts or dismisses.

Each check looks for one kind of slip that the bead score misses because it changes
one word of many (a lost negation, a doubled word, a link mistyped), or that only shows
across beads (one sentence translated two ways). A :class:`Finding` names the bead,
the span to mark, an MQM category, a severity and a comment giving the evidence;
:func:`check_suggestions` turns findings into ``mqm.Suggestion`` objects, the GUI's
accept (Y) / dismiss (X) list. Checks run on paired beads only and work whichever side
is Chinese. Every check can be switched off by name (``enabled``).

=================  ============================================  =========================
check              finds                                         category, severity
=================  ============================================  =========================
numbers            the scorer's number-mismatch flag; a          Accuracy/Mistranslation,
                   currency or unit replaced by another          major (units minor)
names              the scorer's name-mismatch flag               Accuracy/Mistranslation,
                                                                 major
negation           a negation on one side only                   Accuracy/Mistranslation,
                   (see ``negation.py``)                         major
direction          a figure that rises in the source and falls   Accuracy/Mistranslation,
                   in the translation, or the reverse (fell 3%   major
                   -> 上涨3%; see ``direction.py``)
hedges             an attribution or hedge of the original       Accuracy/Omission, major
                   (allegedly, 据称; perhaps, 也许) with nothing  (an attribution) or minor
                   that hedges in the translation (``hedges.py``)
idioms             an idiom whose image the translation          Accuracy/Mistranslation,
                   renders word for word (ball in their court    major (a vivid image
                   -> 法院; see ``idioms.py``)                     minor)
untranslated       Chinese in an English translation; English    Accuracy/Untranslated
                   words copied into a Chinese one               text, minor (clause major)
inconsistency      one source sentence translated two ways;      Fluency/Inconsistency;
                   two source sentences given one translation    Accuracy/Mistranslation,
                                                                 minor
glossary           a glossary term whose agreed translation      Terminology/Inappropriate
                   is missing                                    for context, major
punctuation        brackets/quotes unbalanced; a ? lost          Fluency/Punctuation, minor
repeated-words     "the the", 我们我们                            Fluency/Grammar, minor
urls               a link, address, @handle or #hashtag of the   Accuracy/Mistranslation or
                   source changed or missing                     Omission, major (tags
                                                                 minor)
=================  ============================================  =========================

Spans are marked on the side that holds the evidence: the translation as a rule, the
source where the translation has nothing to mark (a negation or link it lost, the
glossary term it mistranslated).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from aligner_gui.core.errors import AlignerError
from aligner_gui.core.model import AlignmentDocument
from aligner_gui.core.qe import check_marks, check_rules, direction, hedges, idioms
from aligner_gui.core.qe.check_doc import (
    BeadPair,
    Finding,
    bead_pairs,
    flag_findings,
    glossary_findings,
    inconsistency_findings,
    name_findings,
    number_findings,
    rule_finding,
)
from aligner_gui.core.qe.glossary import Glossary
from aligner_gui.core.qe.hits import RuleHit
from aligner_gui.core.runtime.gcpause import gc_paused

__all__ = [
    "CHECKS",
    "CheckError",
    "Finding",
    "bead_check_counts",
    "check_suggestions",
    "parse_checks",
    "run_checks",
]

CHECKS: tuple[str, ...] = (
    "numbers",
    "names",
    "negation",
    "direction",
    "hedges",
    "idioms",
    "untranslated",
    "inconsistency",
    "glossary",
    "punctuation",
    "repeated-words",
    "urls",
)


class CheckError(AlignerError):
    """A check name that does not exist."""


def parse_checks(names: Iterable[str] | None) -> tuple[str, ...]:
    """The checks to run, in report order; None means all. Unknown names raise CheckError."""
    if names is None:
        return CHECKS
    wanted = {n.strip() for n in names if n.strip()}
    unknown = sorted(wanted - set(CHECKS))
    if unknown:
        raise CheckError(f"unknown check {', '.join(unknown)} (known: {', '.join(CHECKS)})")
    return tuple(c for c in CHECKS if c in wanted)


# -- per-bead text rules ---------------------------------------------------------------

_RULES: dict[str, Callable[[str, str, str, str], tuple[RuleHit, ...]]] = {
    "negation": check_rules.negation_rule,
    "direction": direction.direction_rule,
    "hedges": hedges.hedge_rule,
    "idioms": idioms.idiom_rule,
    "untranslated": check_rules.untranslated_rule,
    "punctuation": check_marks.punctuation_rule,
    "repeated-words": check_rules.repeated_words_rule,
    "urls": check_rules.urls_rule,
    "units": check_marks.unit_rule,  # part of "numbers"
}


@lru_cache(maxsize=1 << 17)
def _rule_hits(
    rule: str, src: str, tgt: str, src_lang: str, tgt_lang: str, lexicon: Any = None
) -> tuple[RuleHit, ...]:
    """Cached per text pair: suggestions are recomputed after every edit, texts rarely
    change. Only the negation rule uses the dictionary."""
    if lexicon is not None:
        return check_rules.negation_rule(src, tgt, src_lang, tgt_lang, lexicon)
    return _RULES[rule](src, tgt, src_lang, tgt_lang)


def _rule_findings(
    doc: AlignmentDocument, pairs: Sequence[BeadPair], check: str, rule: str, lexicon: Any = None
) -> list[Finding]:
    sl, tl = doc.source.lang, doc.target.lang
    lex = lexicon if rule == "negation" else None
    return [
        rule_finding(check, pair, hit)
        for pair in pairs
        for hit in _rule_hits(rule, pair.src, pair.tgt, sl, tl, lex)
    ]


# -- running ---------------------------------------------------------------------------


def run_checks(
    doc: AlignmentDocument,
    *,
    enabled: Iterable[str] | None = None,
    glossary: Glossary | None = None,
    lexicon: Any = None,
) -> list[Finding]:
    """Findings of the enabled checks (default: all), in CHECKS order, then bead order.

    Numbers and names restate the scorer's flags; for beads not scored yet (edited by
    hand) numbers are compared now, and names too when ``lexicon`` is given. With the
    dictionary (``lexicon``) a one-sided negation is flagged only when the word it
    negates is translated on the other side; without, every one (noisy on literary
    translation: see benchmarks/qa_checks.py). This never loads the dictionary.
    No ``glossary``, no glossary findings.
    """
    checks = parse_checks(enabled)
    with gc_paused():
        return _run(doc, checks, glossary, lexicon)


def _run(
    doc: AlignmentDocument, checks: Sequence[str], glossary: Glossary | None, lexicon: Any
) -> list[Finding]:
    pairs = bead_pairs(doc)
    out: list[Finding] = []
    for check in checks:
        if check == "numbers":
            found = number_findings(doc, pairs) + _rule_findings(doc, pairs, check, "units")
        elif check == "names":
            found = name_findings(doc, pairs, lexicon)
        elif check == "inconsistency":
            found = inconsistency_findings(doc, pairs)
        elif check == "glossary":
            found = glossary_findings(doc, pairs, glossary)
        elif check == "punctuation":
            found = _across_beads(doc, pairs, _rule_findings(doc, pairs, check, check))
        else:
            found = _rule_findings(doc, pairs, check, check, lexicon)
        out += sorted(found, key=lambda f: (f.bead, f.side != "source", f.start))
    return out


def _across_beads(
    doc: AlignmentDocument, pairs: Sequence[BeadPair], found: list[Finding]
) -> list[Finding]:
    """Punctuation findings less the marks the next or previous bead's translation
    matches (see ``check_marks.continued_across``)."""
    by_bead = {pair.bead: pair for pair in pairs}
    text, lang = doc.target.text, doc.target.lang
    kept = []
    for f in found:
        if f.side == "target" and f.end == f.start + 1:
            before, after = by_bead.get(f.bead - 1), by_bead.get(f.bead + 1)
            if check_marks.continued_across(
                before.tgt if before else "",
                by_bead[f.bead].tgt,
                after.tgt if after else "",
                lang,
                text[f.start],
            ):
                continue
        kept.append(f)
    return kept


def bead_check_counts(doc: AlignmentDocument, findings: Iterable[Finding]) -> list[dict[str, int]]:
    """Per bead, the number of findings of each check ({} for a clean bead)."""
    counts: list[dict[str, int]] = [{} for _ in doc.beads]
    for f in findings:
        if 0 <= f.bead < len(counts):
            counts[f.bead][f.check] = counts[f.bead].get(f.check, 0) + 1
    return counts


DISABLED_KEY = "disabled_checks"


def disabled_checks(doc: AlignmentDocument) -> set[str]:
    """The checks the editor switched off for this project (``meta["disabled_checks"]``)."""
    found = doc.meta.get(DISABLED_KEY)
    return {c for c in found if c in CHECKS} if isinstance(found, list) else set()


def check_suggestions(
    doc: AlignmentDocument,
    findings: Iterable[Finding] | None = None,
    *,
    glossary: Glossary | None = None,
    lexicon: Any = None,
) -> list[Any]:
    """Findings offered as ``mqm.Suggestion`` objects, flag "check:<check>:<side>:<a>-<b>".

    Without ``findings``, all checks but names run, with ``lexicon`` or else the
    process's dictionary if something loaded it already (this never loads it: it runs
    on the GUI thread). The negation check is trusted only anchored, with the
    dictionary; without it, it is left out until the dictionary is there.

    Checks listed in ``doc.meta["disabled_checks"]`` are not run. Findings that restate a
    bead's number-mismatch or name-mismatch flag are left out
    (``offers.suggestions`` offers those flags itself), as are flags the editor has
    reviewed (``details["reviewed_flags"]``) and spans overlapping an annotation of the
    same type and side, as for coverage suggestions.
    """
    from aligner_gui.core.scoring.mqm import SpanOffers

    pairs = bead_pairs(doc)
    if findings is None:
        if lexicon is None:
            from aligner_gui.core.lexicon.shared import loaded_lexicon

            lexicon = loaded_lexicon()
        skipped = {"names"} if lexicon is not None else {"names", "negation"}
        skipped |= disabled_checks(doc)
        enabled = [c for c in CHECKS if c not in skipped]
        findings = run_checks(doc, enabled=enabled, glossary=glossary, lexicon=lexicon)
    restated = flag_findings(doc, pairs)
    offers = SpanOffers(doc)
    out = []
    for f in findings:
        if f in restated or not (0 <= f.bead < len(doc.beads)):
            continue
        offered = offers.offer(
            f.bead,
            f"check:{f.check}:{f.side}:{f.start}-{f.end}",
            side=f.side,
            start=f.start,
            end=f.end,
            category=f.category,
            severity=f.severity,
            comment=f.comment,
            tags={"numbers": ["number"], "names": ["name"]}.get(f.check, []),
        )
        if offered is not None:
            out.append(offered)
    return out
