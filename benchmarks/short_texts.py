"""Omissions in short texts: mac-dev's gold cut into pieces the size of a news article.

    python benchmarks/short_texts.py [--width 25] [--seed 5] [--corpus mac-dev|bible]

A news article has a few dozen sentences: too few for the aligner to learn its own rate of
untranslated sentences, so its default prior for 1-0 / 0-1 beads decides whether a dropped
sentence stands alone or is glued to a neighbour (cost.default_prior). Each piece of
``--width`` consecutive gold beads is aligned twice: intact (strict F1 against its gold,
and the sentences wrongly left one-sided), and with the translation of one random 1-1 bead
deleted, alternately on the Chinese and on the English side (precision and recall of the
one-sided sentences, gold one-sided ones included). Both rows come from the same run: the
short-text prior as shipped, and the long texts' default (cost.DEFAULT_PRIOR) in its
place. Skips cleanly without ../shared/data/mac-dev.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_quality import DATA, align_zh_en, mac_docs, read_align, read_lines  # noqa: E402

from aligner_gui.core.align import cost  # noqa: E402

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def _documents(corpus: str) -> list[tuple[list[str], list[str], list]]:
    if corpus == "bible":  # held out: the prior was set on mac-dev's pieces
        root = DATA / "bible"
        return [(read_lines(root / "001.zh.txt"), read_lines(root / "001.en.txt"),
                 read_align(root / "gold" / "001.align"))]  # fmt: skip
    root = DATA / "mac-dev"
    return [(read_lines(root / "zh" / f"{doc}.txt"), read_lines(root / "en" / f"{doc}.txt"),
             read_align(root / "gold" / f"{doc}.align")) for doc in mac_docs()]  # fmt: skip


def pieces(width: int, corpus: str = "mac-dev") -> list[tuple[list[str], list[str], list[Bead]]]:
    """Runs of ``width`` gold beads with their sentences, ids renumbered from 0."""
    out = []
    for zh, en, gold in _documents(corpus):
        for start in range(0, len(gold) - width + 1, width):
            part = gold[start : start + width]
            zi = sorted({i for b in part for i in b[0]})
            ei = sorted({j for b in part for j in b[1]})
            if not zi or not ei:
                continue
            zm = {i: k for k, i in enumerate(zi)}
            em = {j: k for k, j in enumerate(ei)}
            beads = [(tuple(zm[i] for i in b[0]), tuple(em[j] for j in b[1])) for b in part]
            out.append(([zh[i] for i in zi], [en[j] for j in ei], beads))
    return out


def one_sided(beads: list[Bead]) -> set[tuple[str, int]]:
    return {("zh", i) for a, b in beads if not b for i in a} | {
        ("en", j) for a, b in beads if not a for j in b
    }


def trial(lexicon, work, seed: int) -> str:
    rng = random.Random(seed)
    tp = fp = fn = false_one = correct = gold_n = test_n = 0
    for zh, en, gold in work:
        test = align_zh_en(lexicon, zh, en)
        truth = {(tuple(a), tuple(b)) for a, b in gold}
        found = {(tuple(a), tuple(b)) for a, b in test}
        correct += len(truth & found)
        gold_n, test_n = gold_n + len(truth), test_n + len(found)
        false_one += len(one_sided(test) - one_sided(gold))
        ones = [k for k, (a, b) in enumerate(gold) if len(a) == 1 and len(b) == 1]
        if not ones:
            continue
        a, b = gold[rng.choice(ones)]
        if rng.random() < 0.5:  # the English deleted: the Chinese sentence is an orphan
            test = align_zh_en(lexicon, zh, [x for j, x in enumerate(en) if j not in b])
            expected = {("zh", a[0])} | {s for s in one_sided(gold) if s[0] == "zh"}
            got = {s for s in one_sided(test) if s[0] == "zh"}
        else:
            test = align_zh_en(lexicon, [x for i, x in enumerate(zh) if i not in a], en)
            expected = {("en", b[0])} | {s for s in one_sided(gold) if s[0] == "en"}
            got = {s for s in one_sided(test) if s[0] == "en"}
        tp, fp, fn = tp + len(got & expected), fp + len(got - expected), fn + len(expected - got)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * correct / max(1, gold_n + test_n)
    return (f"orphan P {precision:.3f} R {recall:.3f} (tp {tp} fp {fp} fn {fn}) | intact: "
            f"strict F1 {f1:.3f}, {false_one} sentences wrongly one-sided")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--width", type=int, default=25, help="gold beads per piece")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--corpus", choices=("mac-dev", "bible"), default="mac-dev",
                    help="bible: bible 001's gold, held out from the prior's setting")
    args = ap.parse_args(argv)
    needed = DATA / "mac-dev" / "gold" if args.corpus == "mac-dev" else DATA / "bible" / "gold"
    if not needed.is_dir():
        print(f"skipped: {needed} not present")
        return 0
    from aligner_gui.core.lexicon.shared import get_lexicon

    lexicon = get_lexicon()
    work = pieces(args.width, args.corpus)
    print(f"{len(work)} pieces of {args.width} gold beads ({args.corpus}), one translation "
          "deleted each")
    shipped = cost.SHORT_TEXT_OMISSION
    for label, value in (("short-text prior", shipped),
                         ("long-text default", cost.DEFAULT_PRIOR[(1, 0)])):
        cost.SHORT_TEXT_OMISSION = value
        print(f"  {label:18s} ({value:.2f}): {trial(lexicon, work, args.seed)}")
    cost.SHORT_TEXT_OMISSION = shipped
    return 0


if __name__ == "__main__":
    sys.exit(main())
