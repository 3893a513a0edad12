"""Does the tool point at the errors professional reviewers find? (WMT21 TED zh->en MQM)

    python benchmarks/mqm_review.py

Each of the 15 systems' translations becomes one project built from the texts alone
(``tedmqm.project``); the engine scores it, and the risk model is trained by
``train_risk.train`` on the other four talks (plus the synthetic corruptions) and applied
to the held-out talk: leave one talk out, five folds, figures pooled over the held-out
predictions. No figure below comes from a model fitted to the talk it is reported on; the
stricter row also holds the system out (75 folds: a new system's output on a new talk).

Printed next to baselines computed in the same run:
- AUC for "some rater marked a Major Accuracy error" against "no Accuracy error";
- Kendall tau-b and Pearson r with the segment's MQM score (WMT weights);
- recall of the raters' Accuracy/Omission source spans and Major Accuracy/Mistranslation
  target spans (a suspect span overlaps the rater's span) and the false-alarm rate: the
  share of segments rated No-error that get a suspect of that kind.
Baselines: source length alone; sentence chrF of each system against the human
reference ``ref`` (the ``ref`` system itself left out of that row); today's bead score.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tedmqm  # noqa: E402
import train_risk  # noqa: E402

from aligner_gui.core.lexicon.shared import get_lexicon  # noqa: E402
from aligner_gui.core.qe.risk import SUSPECT_SHARE, capped  # noqa: E402


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s))


def _tau_r(s: np.ndarray, mqm: np.ndarray) -> tuple[float, float]:
    from scipy.stats import kendalltau, pearsonr

    return float(kendalltau(s, mqm, variant="b")[0]), float(pearsonr(s, mqm)[0])


def _chrf_to_reference(rows: list[train_risk.Row]) -> dict[tuple[str, int], float]:
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    segments = tedmqm.load_segments()
    ref = {s.seg_id: s.target for s in segments[tedmqm.REFERENCE_SYSTEM]}
    return {
        (r.system, r.seg_id): chrf.sentence_score(
            next(s.target for s in segments[r.system] if s.seg_id == r.seg_id), [ref[r.seg_id]]
        ).score
        for r in rows
        if r.system != tedmqm.REFERENCE_SYSTEM
    }


def _kept_runs(rows, risks, rules, side):
    """Each row's suspect runs on one side as risk.assess keeps them: at or above the
    threshold, then capped per document (a system's whole output, in order) by
    risk.SUSPECT_SHARE."""
    kept: list[list] = []
    tops: list[float] = []
    for r, risk in zip(rows, risks, strict=True):
        limit = rules[side].threshold(r.langs[side])
        found = [(rules[side].confidence(train_risk._as_run(run), risk), run)
                 for run in r.runs if run[0] == side]
        found = [(c, run) for c, run in found if c >= limit]
        kept.append([run for _c, run in found])
        tops.append(max((c for c, _run in found), default=0.0))
    for system in {r.system for r in rows}:
        at = [k for k, r in enumerate(rows) if r.system == system]
        for k, keep in zip(at, capped([tops[k] for k in at], SUSPECT_SHARE[side]), strict=True):
            if not keep:
                kept[k] = []
    return kept


def _span_figures(rows, kept, side):
    hit = total = alarms = clean = 0
    for r, runs in zip(rows, kept, strict=True):
        if r.no_error:
            clean += 1
            alarms += bool(runs)
        for s, e in r.spans[side]:
            total += 1
            hit += any(run[1] < e and s < run[2] for run in runs)
    return hit / max(1, total), alarms / max(1, clean), total


def main() -> int:
    if not tedmqm.available():
        print(f"skipped: {tedmqm.TSV} not found")
        return 0
    started = time.perf_counter()
    lexicon = get_lexicon()
    ted = train_risk.ted_rows(lexicon)
    synthetic = train_risk.synthetic_rows(lexicon)
    print(f"{len(ted)} rated segments ({len({r.system for r in ted})} systems), "
          f"{len(synthetic)} synthetic beads; engine time {time.perf_counter() - started:.1f} s")
    talks = sorted({r.group for r in ted})
    risk = np.zeros(len(ted))
    words = np.zeros(len(ted))  # the model without the meaning match
    span_rows: dict[str, list] = {"source": [], "target": []}
    for talk in talks:
        model = train_risk.train([r for r in ted if r.group != talk] + synthetic, f"fold-{talk}")
        words_model = train_risk.fit_bead_model([r for r in ted if r.group != talk] + synthetic,
                                                f"fold-{talk}", train_risk.WORDS_FEATURES)
        held = [k for k, r in enumerate(ted) if r.group == talk]
        fold_risk = [train_risk._predict(model, r.x) for r in ted]
        for k in held:
            risk[k] = fold_risk[k]
            words[k] = train_risk._predict(words_model, ted[k].x)
        for side in ("source", "target"):
            # The cap sees each system's whole document; figures count the held-out talk.
            kept = _kept_runs(ted, fold_risk, model.suspects, side)
            span_rows[side].append(
                _span_figures([ted[k] for k in held], [kept[k] for k in held], side))
    # Stricter: the talk *and* the system held out (a new system's output on a new talk).
    strict = np.zeros(len(ted))
    for talk in talks:
        for system in sorted({r.system for r in ted}):
            train = [r for r in ted if r.group != talk and r.system != system] + synthetic
            model = train_risk.fit_bead_model(train, f"fold-{talk}-{system}")
            for k, r in enumerate(ted):
                if r.group == talk and r.system == system:
                    strict[k] = train_risk._predict(model, r.x)
    y_all = np.array([-1 if r.y is None else r.y for r in ted])
    keep = y_all >= 0
    y = y_all[keep]
    mqm = np.array([r.mqm for r in ted])
    length = np.array([r.src_chars for r in ted], dtype=float)
    score = np.array([-r.score for r in ted])
    chrf = _chrf_to_reference(ted)
    not_ref = np.array([r.system != tedmqm.REFERENCE_SYSTEM for r in ted])
    chrf_arr = np.array([-chrf.get((r.system, r.seg_id), 0.0) for r in ted])

    print(f"\nHeld-out talks: leave one talk out over {', '.join(talks)} "
          f"(positives {int(y.sum())} of {len(y)} segments in the AUC)")
    print(f"{'signal':<38} {'AUC':>6} {'tau-b':>7} {'Pearson':>8}")
    for label, values, mask in (
        ("source length (baseline)", length, np.ones(len(ted), bool)),
        ("bead score, 1 - match (baseline)", score, np.ones(len(ted), bool)),
        ("risk (held-out talk)", risk, np.ones(len(ted), bool)),
        ("risk (held-out talk and system)", strict, np.ones(len(ted), bool)),
        ("risk without meaning (held-out talk)", words, np.ones(len(ted), bool)),
        ("chrF vs ref (baseline, 14 systems)", chrf_arr, not_ref),
        ("risk, same 14 systems", risk, not_ref),
    ):
        m = keep & mask
        tau, r = _tau_r(values[mask], mqm[mask])
        print(f"{label:<38} {_auc(y_all[m], values[m]):>6.3f} {tau:>7.3f} {r:>8.3f}")
    systems = sorted({r.system for r in ted})
    system_of = np.array([r.system for r in ted])

    def within(values: np.ndarray) -> float:
        """Mean over systems of the AUC inside one system's document (an editor's view)."""
        return float(np.mean([_auc(y_all[keep & (system_of == s)], values[keep & (system_of == s)])
                              for s in systems]))

    print(f"AUC inside one document (mean over the 15 systems): length {within(length):.3f}, "
          f"bead score {within(score):.3f}, risk {within(risk):.3f}, "
          f"risk without meaning {within(words):.3f}")
    per_talk = []
    for talk in talks:
        m = keep & np.array([r.group == talk for r in ted])
        held, base = _auc(y_all[m], risk[m]), _auc(y_all[m], length[m])
        per_talk.append(f"{talk} {held:.3f} (length {base:.3f})")
    print("per talk AUC: " + "; ".join(per_talk))
    for side, label in (("source", "Accuracy/Omission source spans"),
                        ("target", "Major Accuracy/Mistranslation target spans")):
        figures = span_rows[side]
        total = sum(f[2] for f in figures)
        recall = sum(f[0] * f[2] for f in figures) / max(1, total)
        alarms = np.mean([f[1] for f in figures])
        print(f"{label}: recall {recall:.3f} of {total}, false alarms on No-error segments "
              f"{alarms:.3f} (mean over folds)")
    print(f"total time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
