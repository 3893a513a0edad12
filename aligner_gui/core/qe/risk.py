"""Translation risk: how likely a professional reviewer marks a Major Accuracy error in a bead.

Every bead gets ``risk`` in [0, 1] and ``suspects``, the spans most likely to hold that
error (``{"side", "start", "end", "category", "confidence"}``, code-point offsets into
the side's text). Paired beads are scored by a small logistic model over the evidence of
:mod:`aligner_gui.core.qe.features`; its parameters ship as JSON in
``resources/risk/risk-model.json`` and are made by ``python benchmarks/train_risk.py``
from Google's WMT21 TED MQM ratings (see that script for the recipe and the figures it
reaches on talks it was not fitted to). One-sided beads are whole omissions or additions:
their risk is the share of such beads of their class a reviewer would call a Major
error, a stated prior (:data:`ONE_SIDED_RISK`), not a fitted value. So is the least risk of
a bead whose translation renders an idiom of the original word for word
(:data:`IDIOM_RISK`, the idioms QA check), drops its attribution ("allegedly",
据称: :data:`HEDGE_RISK`, the hedges QA check), reverses the way a figure moves
(:data:`DIRECTION_RISK`, the direction check), names another currency or unit
(:data:`UNIT_RISK`), has an amount off by a power of ten (:data:`MAGNITUDE_RISK`) or
lacks a negation of the other side (:data:`NEGATION_RISK`), which the model cannot see
or weighs too little. A number
mismatch, which it sees too rarely to weigh, sets a least risk fitted on the ratings
(``RiskModel.floors``).

Suspect spans are runs of uncovered content words (the coverage lens's evidence): on the
source side, meaning that may be missing from the translation (``Accuracy/Omission``); on
the target side, words that translate nothing in the source (``Accuracy/Mistranslation``
when the source has uncovered words too, else ``Accuracy/Addition``). A run is kept when
its fitted confidence reaches the model's threshold for its side and language, chosen in
training so that few clean segments get one (TED segments the raters found clean, and
intact mac-dev beads for the other direction); then at most :data:`SUSPECT_SHARE` of the
document's paired beads keep them, the most confident.

Never reads the project's annotations: they are the reviewer's judgement, not evidence.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from aligner_gui.core.model import (
    FLAG_ADDITION,
    GLUED_KEY,
    MEANING_KEY,
    MOVED_KEY,
    OMISSION_CLASSES,
    RISKY,
    AlignmentDocument,
    Bead,
    Side,
)
from aligner_gui.core.qe.check_marks import unit_rule
from aligner_gui.core.qe.check_rules import negation_rule
from aligner_gui.core.qe.direction import direction_rule
from aligner_gui.core.qe.features import FEATURES, BeadEvidence, EvidenceStream, WordRun
from aligner_gui.core.qe.hedges import hedge_rule
from aligner_gui.core.qe.idioms import idiom_rule
from aligner_gui.core.resources import resource
from aligner_gui.core.runtime.gcpause import gc_paused

__all__ = [
    "MODEL_FILE",
    "MODEL_FORMAT",
    "WORDS_MODEL_FILE",
    "DIRECTION_RISK",
    "HEDGE_RISK",
    "IDIOM_RISK",
    "ONE_SIDED_RISK",
    "RISKY",
    "SUSPECT_SHARE",
    "RiskModel",
    "assess",
    "capped",
    "load_model",
    "risk_summary",
]

MODEL_FORMAT = "aligner-gui-risk-model"
MODEL_FILE = "risk-model.json"
# The same recipe without the meaning match: for documents over semantic.MAX_SENTENCES
# and for when the sentence encoder cannot be loaded.
WORDS_MODEL_FILE = "risk-model-words.json"
# Prior risk of one-sided beads by omission class: a dropped content sentence is nearly
# always a Major Accuracy/Omission; page furniture (links, bylines) rarely counts as one.
ONE_SIDED_RISK = {
    "content": 0.9,
    "headline": 0.5,
    "photo-caption": 0.3,
    "editor-note": 0.2,
    "more-link": 0.1,
    "byline": 0.1,
    FLAG_ADDITION: 0.5,
}
# A one-sided bead paired back with its translation elsewhere (details["moved"]).
MOVED_RISK = 0.1
# Least risk of a paired bead whose translation renders an idiom of the original word for
# word (the idioms QA check: "ball … in their court" as 法院, a law court). A stated
# prior, like ONE_SIDED_RISK: the rated data holds none to learn it from (TED and
# mac-dev's gold have no such bead). The model cannot see it: the words all translate.
IDIOM_RISK = 0.6
# Least risk of a paired bead whose translation drops the original's attribution
# ("allegedly", "reportedly", 据称, 涉嫌: the hedges QA check's major findings): the claim is
# printed as a fact. A stated prior too; on TED the check fires on 3 segments, 2 of them
# with a Major Accuracy error, all minor findings (epistemic).
HEDGE_RISK = 0.6
# Least risk of a paired bead whose translation reverses the way a figure moves ("fell
# 12%" as 上涨12%: the direction QA check). A stated prior too: TED has no such segment.
DIRECTION_RISK = 0.6
# Least risk of a paired bead whose negation the other side lacks (the negation QA check,
# anchored by the dictionary: what it negates is translated, the "not" is not). A stated
# prior, lower than the three above: the check also fires on 1.8 % of mac-dev's faithful
# beads (a negation said without a negative word); on TED it fires on 5 segments, 2 of
# them with a Major Accuracy error (the base rate is 19 %). A helper's dogfood story
# ranked "That is not acceptable" as 这是可以接受的 33rd of 34 beads without it.
NEGATION_RISK = 0.4
# Least risk of a paired bead whose currency is another one, or whose unit is another at
# the same figure (the numbers check's major unit findings: 55 million pounds as 5500万欧元,
# 9.3 basis points as 9.3个百分点). A stated prior like DIRECTION_RISK: TED has no such
# segment; the model sees matching figures.
UNIT_RISK = 0.6
# Least risk of a paired bead whose amount is off by a power of ten (9亿 as "90 million",
# 6023亿 as "60.23 billion": 亿 read as a hundred million, 万 as a thousand): the numbers
# check names it, but the fitted floor for any number mismatch (TED's, 0.35) ranked such
# beads 9th to 13th of a helper's stories. A stated prior like UNIT_RISK; only where the
# larger amount is 10,000 or more, where scale words are misread, and no unit changed on
# the way (2000万公斤 as "20,000 tonnes", 1200万千瓦 as "12,000 megawatts" are conversions).
MAGNITUDE_RISK = 0.6
_MAGNITUDES = {Decimal(10) ** k for k in range(1, 5)}
# At most this share of a document's paired beads keep suspects on each side (at least
# one bead): the most confident ones. The thresholds are set on rated machine translation,
# where a clean segment rarely has an uncovered run; a faithful but free human translation
# has many (mac-dev's literary chapters: without the cap 155 of chapter 001's 239 beads,
# zh -> en, would carry a mistranslation suspect). Twice the false-alarm budgets of
# training (5 % / 10 %): on TED the cap seldom binds (suspects on 7 % / 16 % of segments).
SUSPECT_SHARE = {"source": 0.10, "target": 0.20}
_SUSPECT_FEATURES = ("surprise", "words", "risk")


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class SuspectRule:
    """Logistic confidence of one side's uncovered runs, and the thresholds to keep one.

    ``thresholds`` is keyed by the side's language: a Chinese side is cut into many
    more one-word runs than an English one, so each language has its own.
    """

    weights: tuple[float, ...]
    bias: float
    thresholds: dict[str, float]

    def threshold(self, lang: str) -> float:
        return self.thresholds.get(lang, max(self.thresholds.values(), default=1.0))

    def confidence(self, run: WordRun, risk: float) -> float:
        x = (run.surprise, float(run.words), risk)
        return _sigmoid(self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True)))


@dataclass(frozen=True)
class RiskModel:
    """A standardised logistic regression over :data:`FEATURES`, plus the suspect rules."""

    name: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    suspects: dict[str, SuspectRule]
    # Least risk of a bead where a rare feature is present (> 0): the share of rated
    # segments with it that hold a Major Accuracy error (see train_risk.fit_floors). The
    # regression's penalty shrinks a feature seen on a few dozen segments towards nothing.
    floors: dict[str, float] = field(default_factory=dict)

    def predict(self, evidence: BeadEvidence) -> float:
        """The probability; a feature missing from the evidence (the meaning match when
        the sentence encoder cannot be loaded) counts as its training average."""
        z = self.bias
        values = evidence.values
        for name, m, s, w in zip(self.features, self.mean, self.scale, self.weights, strict=True):
            z += w * (values.get(name, m) - m) / s
        p = _sigmoid(z)
        for name, least in self.floors.items():
            if values.get(name, 0.0) > 0:
                p = max(p, least)
        return p

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RiskModel:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a risk model (format {data.get('format')!r})")
        features = tuple(data["features"])
        unknown = set(features) - set(FEATURES)
        if unknown:
            raise ValueError(f"risk model uses unknown features {sorted(unknown)}")
        n = len(features)
        mean, scale, weights = (
            tuple(float(v) for v in data[k]) for k in ("mean", "scale", "weights")
        )
        if any(len(a) != n for a in (mean, scale, weights)) or any(s <= 0 for s in scale):
            raise ValueError("risk model arrays do not match its features")
        suspects = {
            side: SuspectRule(
                tuple(float(rule["weights"][k]) for k in _SUSPECT_FEATURES),
                float(rule["bias"]),
                {str(k): float(v) for k, v in rule["thresholds"].items()},
            )
            for side, rule in data["suspects"].items()
        }
        floors = {str(k): float(v) for k, v in data.get("floors", {}).items()}
        if set(floors) - set(FEATURES) or any(not 0 <= v <= 1 for v in floors.values()):
            raise ValueError("risk model floors name unknown features or are not in [0, 1]")
        return cls(str(data["name"]), features, mean, scale, weights, float(data["bias"]),
                   suspects, floors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "version": 1,
            "name": self.name,
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "suspects": {
                side: {
                    "weights": dict(zip(_SUSPECT_FEATURES, rule.weights, strict=True)),
                    "bias": rule.bias,
                    "thresholds": dict(rule.thresholds),
                }
                for side, rule in self.suspects.items()
            },
            "floors": dict(self.floors),
        }


@cache
def load_model(name: str = MODEL_FILE) -> RiskModel:
    """A shipped model (resources/risk/``name``), read once per process."""
    text = resource("risk", name).read_text(encoding="utf-8")
    return RiskModel.from_dict(json.loads(text))


def _one_sided(bead: Bead, source: Side, target: Side) -> tuple[float, list[dict[str, Any]]]:
    if bead.source:
        cls = next((f for f in bead.flags if f in OMISSION_CLASSES), "content")
        risk, side, ids, category = ONE_SIDED_RISK[cls], source, bead.source, "Accuracy/Omission"
        name = "source"
    else:
        cls = next((f for f in bead.flags if f in OMISSION_CLASSES), FLAG_ADDITION)
        risk, side, ids, category = (
            ONE_SIDED_RISK[cls],
            target,
            bead.target,
            "Accuracy/Addition",
        )
        name = "target"
    if MOVED_KEY in bead.details:  # translated elsewhere: the sentence was moved
        risk = MOVED_RISK
    start, end = side.sentences[ids[0]].start, side.sentences[ids[-1]].end
    suspect = {"side": name, "start": start, "end": end, "category": category, "confidence": risk}
    return risk, [suspect]


def _suspects(
    model: RiskModel, evidence: BeadEvidence, risk: float, langs: dict[str, str]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    source_missing = any(r.side == "source" for r in evidence.runs)
    for run in evidence.runs:
        rule = model.suspects.get(run.side)
        if rule is None:
            continue
        confidence = rule.confidence(run, risk)
        if confidence < rule.threshold(langs[run.side]):
            continue
        if run.side == "source":
            category = "Accuracy/Omission"
        else:
            category = "Accuracy/Mistranslation" if source_missing else "Accuracy/Addition"
        out.append(
            {
                "side": run.side,
                "start": run.start,
                "end": run.end,
                "category": category,
                "confidence": round(confidence, 4),
            }
        )
    return out


def assess(
    source: Side,
    target: Side,
    beads: Sequence[Bead],
    lexicon: Any,
    *,
    model: RiskModel | None = None,
    analysis: tuple[Any, Sequence[Any]] | None = None,
) -> RiskModel:
    """Set ``risk`` and ``suspects`` on every bead (scored and covered beads expected);
    returns the model used.

    Without a ``model``, the shipped one is used, or the one without the meaning match
    when the document has none (see :mod:`aligner_gui.core.qe.semantic`). ``analysis``:
    the lens and word coverage ``coverage.compute_coverage_analysis`` returned for these
    beads, to save analysing the words twice. Writes only the given bead objects, so it
    is safe off the GUI thread on copies.
    """
    evidence = EvidenceStream(source, target, beads, lexicon, analysis=analysis)
    if model is None:
        model = load_model(MODEL_FILE if evidence.has_meaning else WORDS_MODEL_FILE)
    langs = {"source": source.lang, "target": target.lang}
    with gc_paused():  # millions of small objects, none of them cyclic garbage
        for k, (bead, found) in enumerate(zip(beads, evidence, strict=True)):  # one at a time
            meaning = None if found is None else found.values.get("meaning")
            if meaning is None:
                bead.details.pop(MEANING_KEY, None)
            else:
                bead.details[MEANING_KEY] = round(meaning, 3)
            glued = evidence.glued(k) if found is not None else []
            if glued:
                bead.details[GLUED_KEY] = glued
            else:
                bead.details.pop(GLUED_KEY, None)
            if not (bead.source and bead.target):
                bead.risk, bead.suspects = _one_sided(bead, source, target)
            elif found is None:  # not a Chinese/English pair: nothing to go on
                bead.risk, bead.suspects = None, []
            else:
                risk = model.predict(found)
                risk = max(risk, _rule_floor(bead, source, target, lexicon))
                bead.risk = round(risk, 4)
                bead.suspects = _suspects(model, found, risk, langs)
    _cap_suspects(beads)
    return model


def capped(tops: Sequence[float], share: float) -> list[bool]:
    """Which beads keep their suspects on one side, given each bead's most confident
    suspect there (0 for none): the ``share`` of the beads (at least one) with the most
    confident ones, earlier beads first among equals."""
    limit = max(1, round(share * len(tops)))
    ranked = sorted((k for k, top in enumerate(tops) if top > 0), key=lambda k: (-tops[k], k))
    keep = [False] * len(tops)
    for k in ranked[:limit]:
        keep[k] = True
    return keep


def _cap_suspects(beads: Sequence[Bead]) -> None:
    """Apply :data:`SUSPECT_SHARE` to the paired beads' suspects (one-sided beads keep
    theirs: they are whole omissions and additions, not runs of words)."""
    paired = [b for b in beads if b.source and b.target]
    for side, share in SUSPECT_SHARE.items():
        tops = [max((s["confidence"] for s in b.suspects if s["side"] == side), default=0.0)
                for b in paired]  # fmt: skip
        for bead, keep, top in zip(paired, capped(tops, share), tops, strict=True):
            if top > 0 and not keep:
                bead.suspects = [s for s in bead.suspects if s["side"] != side]


def _rule_floor(bead: Bead, source: Side, target: Side, lexicon: Any = None) -> float:
    """The least risk the QA checks the model cannot see set for this bead: a misleading
    word-for-word idiom (:data:`IDIOM_RISK`), a dropped attribution (:data:`HEDGE_RISK`),
    a figure moving the other way (:data:`DIRECTION_RISK`), another currency or unit
    (:data:`UNIT_RISK`), a negation the other side lacks (:data:`NEGATION_RISK`, with the
    dictionary); 0 when none finds a major error."""

    def text(side: Side, ids: Sequence[int]) -> str:
        return side.text[side.sentences[ids[0]].start : side.sentences[ids[-1]].end]

    src, tgt = text(source, bead.source), text(target, bead.target)
    floor = 0.0
    rules = ((idiom_rule, IDIOM_RISK), (hedge_rule, HEDGE_RISK),
             (direction_rule, DIRECTION_RISK), (unit_rule, UNIT_RISK))  # fmt: skip
    for rule, least in rules:
        if any(hit.severity == "major" for hit in rule(src, tgt, source.lang, target.lang)):
            floor = max(floor, least)
    numbers = bead.details.get("numbers")
    if (isinstance(numbers, dict)
            and magnitude_slip(numbers.get("missing") or [], numbers.get("extra") or [])
            and not unit_rule(src, tgt, source.lang, target.lang)):  # a unit converted
        floor = max(floor, MAGNITUDE_RISK)
    if lexicon is not None and floor < NEGATION_RISK and any(
            hit.severity == "major"
            for hit in negation_rule(src, tgt, source.lang, target.lang, lexicon)):
        floor = NEGATION_RISK
    return floor


def magnitude_slip(missing: Sequence[Any], extra: Sequence[Any]) -> bool:
    """Whether an amount went missing for itself times a power of ten, the larger of the
    two 10,000 or more (3万 as "3,000"; 3 km as 3000米 is left to the unit rule)."""

    def amounts(values: Sequence[Any]) -> list[Decimal]:
        out = []
        for value in values:
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                continue  # 23%, 2/3
            if number.is_finite() and number > 0:
                out.append(number)
        return out

    found = amounts(missing)
    for b in amounts(extra):
        for a in found:
            low, high = min(a, b), max(a, b)
            if high >= 10_000 and high / low in _MAGNITUDES:
                return True
    return False


def risk_summary(beads: Sequence[Bead], model: RiskModel | None = None) -> dict[str, Any] | None:
    """Document figures: expected number of Major Accuracy errors, risky beads, model name."""
    risks = [b.risk for b in beads if b.risk is not None]
    if not risks:
        return None
    return {
        "expected_major": round(sum(risks), 2),
        "risky_beads": sum(1 for b in beads if b.is_risky),
        "model": (model or load_model()).name,
    }


def document_risk(doc: AlignmentDocument) -> dict[str, Any] | None:
    """:func:`risk_summary` of a document's beads."""
    return risk_summary(doc.beads)


def suspect_suggestions(doc: AlignmentDocument) -> list[Any]:
    """Suspect spans of paired beads offered as MQM annotations (``mqm.Suggestion``).

    The flag is ``suspect:<side>:<start>-<end>``; reviewed flags, spans overlapping an
    annotation of the same type (``mqm.SpanOffers``) and spans the coverage lens already
    offers (the bead's uncovered spans) are left out. One-sided beads are not repeated
    here: their omission or addition flag is offered.
    """
    from aligner_gui.core.scoring.mqm import SpanOffers

    offers = SpanOffers(doc)
    out: list[Any] = []
    for index, bead in enumerate(doc.beads):
        if not (bead.source and bead.target and bead.suspects):
            continue
        lens_spans = bead.details.get("uncovered") or []
        for suspect in bead.suspects:
            try:
                side, start, end = suspect["side"], int(suspect["start"]), int(suspect["end"])
                category, confidence = str(suspect["category"]), float(suspect["confidence"])
            except (KeyError, TypeError, ValueError):
                continue  # not what the file format allows: never offer half a suggestion
            if side not in ("source", "target") or not 0 <= start < end <= len(doc.side(side).text):
                continue
            if any(s["side"] == side and s["start"] < end and start < s["end"] for s in lens_spans):
                continue
            where = "in the original" if side == "source" else "in the translation"
            offered = offers.offer(
                index,
                f"suspect:{side}:{start}-{end}",
                side=side,
                start=start,
                end=end,
                category=category,
                # Major only when the model is fairly sure: most suspects are paraphrase.
                severity="major"
                if confidence >= RISKY and category != "Accuracy/Addition"
                else "minor",
                comment=f"risk model: these words {where} match nothing on the other side "
                f"(confidence {round(100 * confidence)} %)",
                tags=["suspect"],
            )
            if offered is not None:
                out.append(offered)
    return out
