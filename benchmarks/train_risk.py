"""Train the translation-risk models shipped in resources/risk/: risk-model.json, and
risk-model-words.json, the same recipe without the meaning match (for documents over
semantic.MAX_SENTENCES and installs without the sentence encoder).

    python benchmarks/train_risk.py            # fit on all data, write the model files
    python benchmarks/train_risk.py --dry-run  # fit and print, write nothing

Reproducible (fixed seeds) from public data in ``../shared/data``:
- Google's WMT21 TED zh->en MQM ratings: every system's segments scored by the engine
  (texts only, ``tedmqm.project``), labelled 1 when a rater marked a Major Accuracy
  error, 0 when no rater marked any Accuracy error (segments with minor Accuracy errors
  only are left out of the fit).
- Synthetic corruptions of mac-dev's faithful gold 1-1 beads, in both directions
  (zh -> en as published, and en -> zh by swapping the roles): in a quarter of the beads
  the translation loses a clause, has a content word swapped for one from another
  sentence, a number changed or a negation added or dropped (label 1); the rest are
  left intact (label 0). This is what teaches the model the en -> zh direction.

The bead model is a standardised logistic regression (scikit-learn, used only here);
the suspect rules are per-side logistic fits of uncovered runs against the raters'
spans (Accuracy/Omission on the source, Major Accuracy/Mistranslation on the target),
with thresholds chosen so that at most 5 % / 10 % of the training segments raters found
clean get a suspect (for the direction the ratings do not cover, of the intact synthetic
beads). Figures on held-out talks: ``benchmarks/mqm_review.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import tedmqm  # noqa: E402

from aligner_gui.core.coverage.document import compute_coverage  # noqa: E402
from aligner_gui.core.lexicon.shared import get_lexicon  # noqa: E402
from aligner_gui.core.model import AlignmentDocument, Bead  # noqa: E402
from aligner_gui.core.qe.features import FEATURES, document_evidence  # noqa: E402
from aligner_gui.core.qe.risk import RiskModel, SuspectRule  # noqa: E402
from aligner_gui.core.scoring.scores import score_beads  # noqa: E402

MODEL_PATH = ROOT / "resources" / "risk" / "risk-model.json"
WORDS_MODEL_PATH = ROOT / "resources" / "risk" / "risk-model-words.json"
MAC_DEV = ROOT.parent / "shared" / "data" / "mac-dev"
FA_LIMIT = {"source": 0.05, "target": 0.10}
# Clean rated segments needed to set a suspect threshold on them (else synthetic beads).
MIN_RATED_CLEAN = 500
# Weight of a synthetic bead relative to a rated TED segment, and the inverse L2 strength.
# Chosen by the leave-one-talk-out sweep (synthetic weight 0 / 0.2 / 0.5, C 0.01 / 0.1 / 1):
# synthetic beads cost TED a little, but they are all the model knows of en -> zh.
SYNTHETIC_WEIGHT = 0.2
C = 0.1
# The model without the meaning match (for long documents, or no sentence encoder).
WORDS_FEATURES = tuple(f for f in FEATURES if f != "meaning")
SEED = 13
# Rare, telling evidence gets a floor on the risk (RiskModel.floors): a number that does
# not match (45 of TED's 7,935 segments); no TED segment has a name mismatch, so names
# get none until rated data has some.
FLOOR_FEATURES = ("numbers", "name_mismatch")
FLOOR_MIN_ROWS = 20


@dataclass
class Row:
    x: list[float]
    y: int | None  # 1 major accuracy error, 0 no accuracy error, None neither (ignored)
    group: str  # TED talk, or "synthetic"
    mqm: float = 0.0
    no_error: bool = False
    src_chars: int = 0
    score: float = 0.0
    # uncovered runs: (side, start, end, surprise, words), offsets relative to the segment
    runs: list[tuple[str, int, int, float, int]] = field(default_factory=list)
    # rater spans: side -> [(start, end)] for Omission (source) / Major Mistranslation (target)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    system: str = ""
    seg_id: int = 0
    langs: dict[str, str] = field(default_factory=lambda: {"source": "zh", "target": "en"})


def _evidence(doc: AlignmentDocument, lexicon):
    """Scored and covered copies of the beads and their evidence (as the engine makes them,
    without the shipped risk model, which is what is being trained)."""
    beads = [b.copy() for b in doc.beads]
    score_beads(doc.source, doc.target, beads, lexicon)
    compute_coverage(doc.source, doc.target, beads, lexicon)
    return beads, document_evidence(doc.source, doc.target, beads, lexicon)


def ted_rows(lexicon) -> list[Row]:
    rows: list[Row] = []
    for system, segments in tedmqm.load_segments().items():
        doc = tedmqm.project(segments)
        beads, evidence = _evidence(doc, lexicon)
        for k, (seg, bead, ev) in enumerate(zip(segments, beads, evidence, strict=True)):
            assert ev is not None
            y = 1 if seg.major_accuracy else (0 if not seg.any_accuracy else None)
            offsets = {"source": doc.source.sentences[k].start,
                       "target": doc.target.sentences[k].start}
            runs = [(r.side, r.start - offsets[r.side], r.end - offsets[r.side], r.surprise,
                     r.words) for r in ev.runs]
            spans = {
                "source": [(e.start, e.end) for e in seg.errors
                           if e.category == "Accuracy/Omission" and e.start >= 0],
                "target": [(e.start, e.end) for e in seg.errors
                           if e.category == "Accuracy/Mistranslation" and e.severity == "Major"
                           and e.start >= 0],
            }
            rows.append(Row(ev.vector(), y, seg.doc, seg.mqm(), seg.no_error, len(seg.source),
                            float(bead.score or 0.0), runs, spans, system, seg.seg_id))
    return rows


# -- synthetic corruptions ------------------------------------------------------------------

_NEGATIONS_EN = re.compile(r"\b(not|never|no)\b ?", re.I)
_AUX = re.compile(r"\b(is|was|are|were|can|will|would|could|should|did|does|do|had|has)\b")
_NEGATIONS_ZH = re.compile(r"[不没未无]")
_DIGIT = re.compile(r"\d")


def _corrupt(text: str, lang: str, donor: str, rng: random.Random) -> str | None:
    """One corruption of a translation sentence, or None when none applies."""
    ops = ["delete", "delete", "swap", "negation", "number"]
    rng.shuffle(ops)
    for op in ops:
        out = _apply(op, text, lang, donor, rng)
        if out is not None and out.strip() and out != text:
            return out
    return None


def _apply(op: str, text: str, lang: str, donor: str, rng: random.Random) -> str | None:
    if op == "number":
        digits = [m.start() for m in _DIGIT.finditer(text)]
        if not digits:
            return None
        at = rng.choice(digits)
        return text[:at] + str((int(text[at]) + rng.randint(1, 8)) % 10) + text[at + 1 :]
    if op == "negation":
        if lang == "en":
            if _NEGATIONS_EN.search(text):
                return _NEGATIONS_EN.sub("", text, count=1)
            m = _AUX.search(text)
            return text[: m.end()] + " not" + text[m.end() :] if m else None
        if _NEGATIONS_ZH.search(text):
            return _NEGATIONS_ZH.sub("", text, count=1)
        return None
    if op == "swap":
        if lang == "en":
            mine = [m for m in re.finditer(r"[A-Za-z]{5,}", text)]
            theirs = re.findall(r"[a-z]{5,}", donor)
        else:
            mine = [m for m in re.finditer(r"[\u4e00-\u9fff]{2}", text)]
            theirs = re.findall(r"[\u4e00-\u9fff]{2}", donor)
        if not mine or not theirs:
            return None
        m = rng.choice(mine)
        return text[: m.start()] + rng.choice(theirs) + text[m.end() :]
    # delete a clause, or 30-50 % of the sentence when it has one clause
    parts = re.split(r"(?<=[,;，；、])", text)
    if len(parts) >= 2:
        k = rng.randrange(len(parts))
        return "".join(parts[:k] + parts[k + 1 :])
    units = text.split(" ") if lang == "en" else list(text)
    if len(units) < 6:
        return None
    n = max(2, int(len(units) * rng.uniform(0.3, 0.5)))
    at = rng.randrange(0, len(units) - n)
    return (" " if lang == "en" else "").join(units[:at] + units[at + n :])


def _gold_one_to_one(doc_id: str) -> list[tuple[str, str]]:
    zh = (MAC_DEV / "zh" / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines()
    en = (MAC_DEV / "en" / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines()
    pairs = []
    for line in (MAC_DEV / "gold" / f"{doc_id}.align").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\[(\d+)\]:\[(\d+)\]$", line.strip())
        if m:
            z, e = zh[int(m.group(1))].strip(), en[int(m.group(2))].strip()
            if z and e:
                pairs.append((z, e))
    return pairs


def synthetic_rows(lexicon, share: float = 0.25) -> list[Row]:
    """Corrupted and intact mac-dev gold beads, zh -> en and en -> zh."""
    if not (MAC_DEV / "gold").is_dir():
        return []
    rng = random.Random(SEED)
    rows: list[Row] = []
    for path in sorted((MAC_DEV / "gold").glob("*.align")):
        pairs = _gold_one_to_one(path.stem)
        for zh_source in (True, False):
            src = [z if zh_source else e for z, e in pairs]
            tgt = [e if zh_source else z for z, e in pairs]
            tgt_lang = "en" if zh_source else "zh"
            labels = []
            for k in range(len(tgt)):
                corrupted = None
                if rng.random() < share:
                    corrupted = _corrupt(tgt[k], tgt_lang, tgt[rng.randrange(len(tgt))], rng)
                if corrupted is not None:
                    tgt[k] = corrupted
                labels.append(1 if corrupted is not None else 0)
            doc = AlignmentDocument(
                tedmqm.side("zh" if zh_source else "en", "original", src),
                tedmqm.side(tgt_lang, "translation", tgt),
                [Bead((k,), (k,)) for k in range(len(src))],
            )
            _beads, evidence = _evidence(doc, lexicon)
            langs = {"source": doc.source.lang, "target": doc.target.lang}
            for ev, y in zip(evidence, labels, strict=True):
                if ev is not None:
                    runs = [(r.side, r.start, r.end, r.surprise, r.words) for r in ev.runs]
                    rows.append(Row(ev.vector(), y, "synthetic", runs=runs, langs=langs))
    return rows


# -- fitting --------------------------------------------------------------------------------


def fit_bead_model(
    rows: list[Row], name: str, features: tuple[str, ...] = FEATURES
) -> RiskModel:
    from sklearn.linear_model import LogisticRegression

    used = [r for r in rows if r.y is not None]
    columns = [FEATURES.index(n) for n in features]
    x = np.array([r.x for r in used])[:, columns]
    y = np.array([r.y for r in used])
    w = np.array([SYNTHETIC_WEIGHT if r.group == "synthetic" else 1.0 for r in used])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=5000).fit((x - mean) / scale, y, sample_weight=w)
    return RiskModel(
        name, tuple(features), tuple(round(float(v), 6) for v in mean),
        tuple(round(float(v), 6) for v in scale),
        tuple(round(float(v), 6) for v in model.coef_[0]),
        round(float(model.intercept_[0]), 6), {}, fit_floors(rows),
    )


def fit_floors(rows: list[Row]) -> dict[str, float]:
    """For each of FLOOR_FEATURES seen on at least FLOOR_MIN_ROWS rated segments: the
    share of those with a Major Accuracy error (rated data only: the synthetic beads'
    corruptions would say whatever the corruption mix says), when it is above the share
    among all rated segments (else the feature warns of nothing: a name mismatch on TED,
    4 of 24, would have lifted beads to less than the rate of any segment)."""
    floors: dict[str, float] = {}
    rated = [r.y for r in rows if r.group != "synthetic" and r.y is not None]
    base = sum(rated) / len(rated) if rated else 1.0
    for name in FLOOR_FEATURES:
        j = FEATURES.index(name)
        ys = [r.y for r in rows if r.group != "synthetic" and r.y is not None and r.x[j] > 0]
        if len(ys) >= FLOOR_MIN_ROWS and sum(ys) / len(ys) > base:
            floors[name] = round(sum(ys) / len(ys), 4)
    return floors


def _overlaps(run: tuple[str, int, int, float, int], spans: list[tuple[int, int]]) -> bool:
    return any(run[1] < e and s < run[2] for s, e in spans)


def fit_suspect_rules(rows: list[Row], model: RiskModel) -> dict[str, SuspectRule]:
    """Per side: logistic confidence of a run overlapping a rater's span (fitted on TED),
    and per language of the side the lowest threshold keeping suspects off all but
    FA_LIMIT of the clean segments: TED segments rated No-error, intact synthetic beads."""
    from sklearn.linear_model import LogisticRegression

    rules: dict[str, SuspectRule] = {}
    risks = [_predict(model, r.x) for r in rows]
    for side in ("source", "target"):
        x, y = [], []
        for r, risk in zip(rows, risks, strict=True):
            if r.group == "synthetic":
                continue
            for run in r.runs:
                if run[0] == side:
                    x.append((run[3], float(run[4]), risk))
                    y.append(1 if _overlaps(run, r.spans[side]) else 0)
        fit = LogisticRegression(C=1.0, max_iter=2000).fit(np.array(x), np.array(y))
        rule = SuspectRule(tuple(round(float(v), 6) for v in fit.coef_[0]),
                           round(float(fit.intercept_[0]), 6), {})
        thresholds: dict[str, float] = {}
        for lang in ("zh", "en"):
            # Rated machine translation where this side's language has it (TED: Chinese
            # sources, English translations), else the intact synthetic beads. Not their
            # union: clean MT segments have few uncovered runs and faithful literary
            # beads many, so a threshold for both served neither (1.3 % false alarms on
            # TED, 43 % on mac-dev's beads); risk.SUSPECT_SHARE bounds the literary case.
            clean = [
                (r, risk) for r, risk in zip(rows, risks, strict=True)
                if r.langs[side] == lang and r.group != "synthetic" and r.no_error
            ]
            if len(clean) < MIN_RATED_CLEAN:
                clean = [
                    (r, risk) for r, risk in zip(rows, risks, strict=True)
                    if r.langs[side] == lang and r.group == "synthetic" and r.y == 0
                ]
            if not clean:
                continue
            # The highest confidence of a run in each clean segment; the threshold sits
            # just above the (1 - FA_LIMIT) quantile of those.
            tops = sorted(
                max((rule.confidence(_as_run(run), risk) for run in r.runs if run[0] == side),
                    default=0.0)
                for r, risk in clean
            )
            k = int(len(tops) * (1.0 - FA_LIMIT[side]))
            thresholds[lang] = round(tops[min(k, len(tops) - 1)] + 1e-6, 6)
        rules[side] = SuspectRule(rule.weights, rule.bias, thresholds)
    return rules


@dataclass(frozen=True)
class _Run:
    side: str
    start: int
    end: int
    words: int
    surprise: float


def _as_run(run: tuple[str, int, int, float, int]) -> _Run:
    return _Run(run[0], run[1], run[2], run[4], run[3])


def _predict(model: RiskModel, x: list[float]) -> float:
    from aligner_gui.core.qe.features import BeadEvidence

    return model.predict(BeadEvidence(dict(zip(FEATURES, x, strict=True)), ()))


def train(rows: list[Row], name: str, features: tuple[str, ...] = FEATURES) -> RiskModel:
    model = fit_bead_model(rows, name, features)
    rules = fit_suspect_rules(rows, model)
    return RiskModel(model.name, model.features, model.mean, model.scale, model.weights,
                     model.bias, rules, model.floors)


def all_rows(lexicon, *, synthetic: bool = True) -> list[Row]:
    rows = ted_rows(lexicon)
    if synthetic:
        rows += synthetic_rows(lexicon)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the model, write nothing")
    parser.add_argument("--no-synthetic", action="store_true", help="TED ratings only")
    args = parser.parse_args(argv)
    if not tedmqm.available():
        print(f"skipped: {tedmqm.TSV} not found")
        return 0
    lexicon = get_lexicon()
    rows = all_rows(lexicon, synthetic=not args.no_synthetic)
    counts = {g: sum(1 for r in rows if r.group == g and r.y is not None)
              for g in sorted({r.group for r in rows})}
    print("training beads by group:", counts)
    for name, features, path in (
        ("risk-lr-ted-macdev-4", FEATURES, MODEL_PATH),
        ("risk-lr-ted-macdev-4-words", WORDS_FEATURES, WORDS_MODEL_PATH),
    ):
        model = train(rows, name, features)
        data = model.to_dict()
        data["trained_on"] = ("WMT21 TED zh-en MQM (all 5 talks, 15 systems) + synthetic "
                              "corruptions of mac-dev gold 1-1 beads, both directions")
        text = json.dumps(data, indent=1) + "\n"
        print(text)
        if not args.dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
