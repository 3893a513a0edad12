"""Google's WMT21 TED zh->en MQM ratings as aligner-gui projects plus the raters' labels.

Shared by ``benchmarks/mqm_review.py`` (figures) and ``benchmarks/train_risk.py`` (the
risk model). The engine only ever sees the texts: each system's segments become one
project with the data's own segmentation (one 1-1 bead per rated segment, Chinese
original as source); the raters' spans and categories stay here, as labels.

Data: ``../shared/data/mqm-ted-zhen/`` (Apache-2.0); absent -> ``available()`` is False.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mqm-ted-zhen"
TSV = DATA / "mqm_ted_zhen.tsv"
AVG = DATA / "mqm_ted_zhen.avg_seg_scores.tsv"
REFERENCE_SYSTEM = "ref"

_SPAN = re.compile(r"<v>(.*?)</v>", re.S)


def available() -> bool:
    return TSV.is_file()


@dataclass
class Error:
    rater: str
    category: str
    severity: str
    side: str  # "source" | "target": where the span is
    start: int  # code-point offsets into the clean segment text (-1: no span)
    end: int


@dataclass
class Segment:
    system: str
    doc: str
    seg_id: int
    source: str
    target: str
    raters: set[str] = field(default_factory=set)
    errors: list[Error] = field(default_factory=list)

    @property
    def major_accuracy(self) -> bool:
        return any(e.category.startswith("Accuracy") and e.severity == "Major" for e in self.errors)

    @property
    def any_accuracy(self) -> bool:
        return any(e.category.startswith("Accuracy") for e in self.errors)

    @property
    def no_error(self) -> bool:
        return not self.errors

    def mqm(self) -> float:
        """WMT's MQM penalty (minor 1, major 5, minor punctuation 0.1, non-translation 25),
        averaged over the segment's raters; higher is worse."""
        total = 0.0
        for e in self.errors:
            if e.category == "Non-translation":
                total += 25.0
            elif e.severity == "Major":
                total += 5.0
            elif e.severity == "Minor":
                total += 0.1 if e.category == "Fluency/Punctuation" else 1.0
        return total / max(1, len(self.raters))


def _clean(marked: str) -> tuple[str, int, int]:
    match = _SPAN.search(marked)
    text = _SPAN.sub(lambda m: m.group(1), marked)
    if not match:
        return text, -1, -1
    start = match.start()
    return text, start, start + len(match.group(1))


def load_segments() -> dict[str, list[Segment]]:
    """Rated segments per system, in document order."""
    by_key: dict[tuple[str, int], Segment] = {}
    with TSV.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in rows:
            key = (row["system"], int(row["seg_id"]))
            source, s0, s1 = _clean(row["source"])
            target, t0, t1 = _clean(row["target"])
            seg = by_key.get(key)
            if seg is None:
                seg = by_key[key] = Segment(row["system"], row["doc"], key[1], source, target)
            seg.raters.add(row["rater"])
            category = row["category"]
            if category == "No-error":
                continue
            on_source = category == "Accuracy/Omission" or category == "Source error"
            start, end = (s0, s1) if on_source else (t0, t1)
            seg.errors.append(
                Error(row["rater"], category, row["severity"],
                      "source" if on_source else "target", start, end)
            )
    systems: dict[str, list[Segment]] = defaultdict(list)
    for (system, _seg), seg in sorted(by_key.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        systems[system].append(seg)
    return dict(systems)


def official_scores() -> dict[tuple[str, int], float]:
    """The published per-segment MQM averages (system names ref-A/ref-B there)."""
    out: dict[tuple[str, int], float] = {}
    names = {"ref-A": "ref", "ref-B": "refB"}
    with AVG.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            parts = line.split()
            if len(parts) != 3 or parts[1] == "None":
                continue
            out[names.get(parts[0], parts[0]), int(parts[2])] = -float(parts[1])
    return out


def side(lang: str, role: str, texts: list[str]) -> Side:
    """One side, a sentence and a paragraph per text (an empty text becomes "-")."""
    sentences: list[Sentence] = []
    pos = 0
    parts: list[str] = []
    for k, raw in enumerate(texts):
        text = raw.strip() or "-"  # an empty MT output is still a segment to rate
        sentences.append(Sentence(k, k, pos, pos + len(text), text))
        parts.append(text)
        pos += len(text) + 1
    return Side(lang, role, "\n".join(parts), sentences)


def project(segments: list[Segment]) -> AlignmentDocument:
    """One system's segments as an unscored project: zh original, en translation, 1-1 beads."""
    source = side("zh", "original", [s.source for s in segments])
    target = side("en", "translation", [s.target for s in segments])
    beads = [Bead((k,), (k,)) for k in range(len(segments))]
    doc = AlignmentDocument(source, target, beads)
    doc.check()
    return doc
