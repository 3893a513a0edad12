"""The low-score flag against the gold alignments, printed by hand.

    python benchmarks/pairing_flags.py [--bible-docs 001]

Aligns mac-dev's chapters and Bible books with the pipeline (presplit, Chinese source, as
the gold files are) and, over the paired beads, compares the pipeline's beads with the
gold ones: a bead is *misaligned* when the gold has no bead with exactly its sentences.
For two signals, the aligner's posterior for the bead (``details["align"]``) and the
match score (``bead.score``), it prints how well each ranks misaligned beads (AUC) and
what a flag at a few thresholds would do: the share of paired beads flagged, the share
of flagged beads that are misaligned (precision), and the share of misaligned beads
flagged (recall). The last line is the shipped rule (``scores.doubtful_pairing``).

mac-dev and bible come from ../shared/data (read only) and are skipped when absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner_gui.core.align.evaluation import read_align  # noqa: E402
from aligner_gui.core.pipeline import align_document, load_document  # noqa: E402
from aligner_gui.core.scoring.scores import (  # noqa: E402
    LOW_SCORE_THRESHOLD,
    PAIRING_THRESHOLD,
)

DATA = ROOT.parent / "shared" / "data"


def _auc(positive: np.ndarray, value: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score  # as mqm_review.py

    return float(roc_auc_score(positive, value))


def _rows(docs: list[tuple[Path, Path, Path]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    wrong, posterior, match = [], [], []
    for zh, en, gold_path in docs:
        doc = load_document([zh, en], presplit=True, source_lang="zh")
        align_document(doc)
        gold = {(tuple(s), tuple(t)) for s, t in read_align(gold_path)}
        for bead in doc.beads:
            if bead.source and bead.target:
                wrong.append((tuple(bead.source), tuple(bead.target)) not in gold)
                posterior.append(float(bead.details.get("align", 1.0)))
                match.append(float(bead.score or 0.0))
    return np.array(wrong), np.array(posterior), np.array(match)


def _line(label: str, flagged: np.ndarray, wrong: np.ndarray) -> str:
    precision = wrong[flagged].mean() if flagged.any() else 0.0
    recall = (flagged & wrong).sum() / max(wrong.sum(), 1)
    return (f"  {label:<26} flags {flagged.mean():6.1%}  misaligned among them "
            f"{precision:6.1%}  misaligned flagged {recall:6.1%}")


def report(label: str, docs: list[tuple[Path, Path, Path]]) -> None:
    wrong, posterior, match = _rows(docs)
    print(f"{label}: {len(wrong)} paired beads, {wrong.sum()} misaligned ({wrong.mean():.1%}); "
          f"AUC posterior {_auc(wrong, -posterior):.3f}, match {_auc(wrong, -match):.3f}")
    for t in (0.5, 0.7, 0.9):
        print(_line(f"posterior < {t}", posterior < t, wrong))
    for t in (0.1, 0.3, 0.5):
        print(_line(f"match < {t}", match < t, wrong))
    print(_line(f"shipped: posterior < {PAIRING_THRESHOLD}", posterior < PAIRING_THRESHOLD, wrong))
    print(f"  (before stop 17 the flag was match < {LOW_SCORE_THRESHOLD})", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bible-docs", default="001")
    args = parser.parse_args(argv)
    mac = DATA / "mac-dev"
    if not mac.is_dir():
        print("../shared/data not found, skipped")
        return 0
    report("mac-dev", [(mac / "zh" / f"{g.stem}.txt", mac / "en" / f"{g.stem}.txt", g)
                       for g in sorted((mac / "gold").glob("*.align"))])
    bible = DATA / "bible"
    for doc in args.bible_docs.split(","):
        gold = bible / "gold" / f"{doc}.align"
        if gold.exists():
            report(f"bible {doc}", [(bible / f"{doc}.zh.txt", bible / f"{doc}.en.txt", gold)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
