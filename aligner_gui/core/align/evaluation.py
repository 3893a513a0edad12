"""Strict and lax precision/recall/F1 of sentence alignments, and the `[a,b]:[c]` file format.

The definitions are those of the Vecalign/Bertalign papers and must agree exactly with
the reference scorer ``../shared/tools/align_eval.py``:

* strict: a test bead counts only if it is identical to a gold bead;
* lax: a test bead counts if it overlaps a gold bead on both sides;
* precision is over every test bead with at least one non-empty side;
* recall is over the gold beads non-empty on both sides, matched against the test beads
  non-empty on both sides (insertions and deletions are not recall targets).

Counts are pooled over all documents before dividing (micro-average).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

AlignPair = tuple[tuple[int, ...], tuple[int, ...]]
PRF = tuple[float, float, float]


def _as_pairs(beads: Iterable) -> list[AlignPair]:
    """Accept (src, tgt) tuples or objects with .source/.target (e.g. model.Bead)."""
    out = []
    for bead in beads:
        if hasattr(bead, "source") and hasattr(bead, "target"):
            src, tgt = bead.source, bead.target
        else:
            src, tgt = bead
        out.append((tuple(int(i) for i in src), tuple(int(i) for i in tgt)))
    return out


def _counts(gold: Iterable[AlignPair], test: Iterable[AlignPair]) -> tuple[int, int, int, int]:
    """(strict tp, strict fp, lax tp, lax fp) of ``test`` beads judged against ``gold``."""
    test_set = {b for b in test if b[0] or b[1]}
    gold_set = {b for b in gold if b[0] or b[1]}
    src2tgt: dict[int, set[int]] = defaultdict(set)
    for gs, gt in gold_set:
        for s in gs:
            src2tgt[s].update(gt)
    tp_s = fp_s = tp_l = fp_l = 0
    for ts, tt in test_set:
        if (ts, tt) in gold_set:
            tp_s += 1
            tp_l += 1
            continue
        fp_s += 1
        linked: set[int] = set()
        for s in ts:
            linked |= src2tgt.get(s, set())
        if linked & set(tt):
            tp_l += 1
        else:
            fp_l += 1
    return tp_s, fp_s, tp_l, fp_l


def _prf(tp: int, fp: int, rtp: int, rfp: int) -> PRF:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = rtp / (rtp + rfp) if rtp + rfp else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def strict_lax_prf(golds: Sequence[Iterable], tests: Sequence[Iterable]) -> dict[str, PRF]:
    """Pooled strict and lax (P, R, F1) over parallel lists of per-document bead lists."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold_raw, test_raw in zip(golds, tests, strict=False):
        gold = _as_pairs(gold_raw)
        test = _as_pairs(test_raw)
        for k, v in enumerate(_counts(gold, test)):
            p[k] += v
        test2 = [b for b in test if b[0] and b[1]]
        gold2 = [b for b in gold if b[0] and b[1]]
        # Recall: gold beads judged against the test beads (roles swapped).
        for k, v in enumerate(_counts(test2, gold2)):
            r[k] += v
    return {"strict": _prf(p[0], p[1], r[0], r[1]), "lax": _prf(p[2], p[3], r[2], r[3])}


def parse_align(text: str) -> list[AlignPair]:
    """Parse `[0,1]:[2]` lines (blank lines ignored)."""
    beads = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            left, right = line.split(":")
            src = ast.literal_eval(left)
            tgt = ast.literal_eval(right)
            beads.append((tuple(int(i) for i in src), tuple(int(i) for i in tgt)))
        except (ValueError, SyntaxError, TypeError) as exc:
            raise ValueError(f"line {lineno}: not an alignment bead: {line!r}") from exc
    return beads


def read_align(path: str | Path) -> list[AlignPair]:
    """Read an alignment file: one bead per line, `[src ids]:[tgt ids]`."""
    return parse_align(Path(path).read_text(encoding="utf-8"))


def format_align(beads: Iterable) -> str:
    """Beads (tuples or model.Bead) as `[a,b]:[c]` lines, newline-terminated."""
    lines = [
        "[" + ",".join(map(str, s)) + "]:[" + ",".join(map(str, t)) + "]"
        for s, t in _as_pairs(beads)
    ]
    return "".join(line + "\n" for line in lines)


def transpose(beads: Iterable) -> list[AlignPair]:
    """Swap the sides of every bead (e.g. en:zh to the gold files' zh:en)."""
    return [(t, s) for s, t in _as_pairs(beads)]
