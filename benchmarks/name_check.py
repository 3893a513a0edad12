"""Name-mismatch figures, printed by hand: false flags on right beads, swapped names caught.

    python benchmarks/name_check.py [--seed N] [--bible-docs 001,002,003]

For every paired bead of a correct alignment (the gold files of mac-dev and bible; the
pipeline's alignment of the bundled seed and of the held-out news documents in
tests/data/news, whose paired beads are all right):

* false flags: beads the check flags (each is a right bead, whatever the translator
  did with its names);
* swapped: in every bead with a Chinese name the check sees as rendered correctly,
  that name is replaced by another name of the same document (the commonest real
  error: a name copied from elsewhere), and the bead is checked again. Caught = flagged.
  Swaps for a name that sounds like a capitalised English word of the bead
  (name_similarity >= NAME_ALIKE) are counted apart: the check takes those for one name
  spelt differently, by design.

mac-dev and bible come from ../shared/data and are skipped when absent.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner_gui.core.align.evaluation import read_align  # noqa: E402
from aligner_gui.core.lexicon.shared import get_lexicon  # noqa: E402
from aligner_gui.core.pipeline import align_document, load_document  # noqa: E402
from aligner_gui.core.scoring.name_check import CAPITALISED, sounds_alike, zh_name_words  # noqa: E402
from aligner_gui.core.scoring.scores import name_mismatch  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SEED = ROOT / "seeds" / "000_730210bb8f392e85.txt"
NEWS = ROOT / "tests" / "data" / "news"

Pair = tuple[list[str], list[str]]  # (Chinese sentences, English sentences) of one bead


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def gold_pairs(corpus: str, doc: str) -> list[Pair]:
    if corpus == "bible":
        zh, en = lines(DATA / corpus / f"{doc}.zh.txt"), lines(DATA / corpus / f"{doc}.en.txt")
    else:
        zh = lines(DATA / corpus / "zh" / f"{doc}.txt")
        en = lines(DATA / corpus / "en" / f"{doc}.txt")
    gold = read_align(DATA / corpus / "gold" / f"{doc}.align")
    return [([zh[i] for i in s], [en[j] for j in t]) for s, t in gold if s and t]


def aligned_pairs(paths: list[Path]) -> list[Pair]:
    doc = load_document(paths)
    align_document(doc)
    zh_role = "source" if doc.source.lang == "zh" else "target"
    out = []
    for bead in doc.beads:
        if bead.source and bead.target:
            zh_ids = bead.source if zh_role == "source" else bead.target
            en_ids = bead.target if zh_role == "source" else bead.source
            zh_side = doc.side(zh_role)
            en_side = doc.side("target" if zh_role == "source" else "source")
            out.append(
                (
                    [zh_side.sentences[i].text for i in zh_ids],
                    [en_side.sentences[j].text for j in en_ids],
                )
            )
    return out


def measure(label: str, docs: list[list[Pair]], lexicon, rng: random.Random, verbose: bool) -> None:
    def names_in(texts: list[str]) -> list[str]:
        content = [item for t in texts for item in lexicon.zh_content(t)]
        return [w for w, _k in zh_name_words(content, lexicon.is_proper_noun, texts)]

    beads = flagged = swaps = caught = alike = alike_caught = 0
    examples: list[str] = []
    for pairs in docs:
        pool = sorted({w for zh, _en in pairs for w in names_in(zh)})
        for zh, en in pairs:
            beads += 1
            found = name_mismatch(zh, en, lexicon)
            if found is not None:
                flagged += 1
                if len(examples) < (40 if verbose else 4):
                    examples.append(f"    {found['zh']} / {found['en']}: {''.join(zh)[:40]}")
                continue
            joined = "".join(zh)
            here = names_in(zh)
            if not here:
                continue
            name = rng.choice(here)
            others = [p for p in pool if p not in joined and name not in p]
            if not others:
                continue
            other = rng.choice(others)
            hit = name_mismatch([t.replace(name, other) for t in zh], en, lexicon) is not None
            if any(sounds_alike(other, m.group(0)) for t in en for m in CAPITALISED.finditer(t)):
                alike += 1
                alike_caught += hit
            else:
                swaps += 1
                caught += hit
                if not hit and verbose:
                    print(f"    missed {name}->{other}: {joined[:50]} / {' '.join(en)[:70]}")
    share = 100 * flagged / max(beads, 1)
    print(
        f"{label:<22} beads {beads:6d}  false flags {flagged:4d} ({share:.2f}%)"
        f"  swapped names caught {caught}/{swaps} ({100 * caught / max(swaps, 1):.1f}%)"
        f"  [alike-sounding swaps caught {alike_caught}/{alike}]",
        flush=True,
    )
    for line in examples:
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bible-docs", default="001")
    parser.add_argument("--verbose", action="store_true", help="list the swaps not caught")
    args = parser.parse_args(argv)
    lexicon = get_lexicon()
    rng = random.Random(args.seed)
    measure("seed", [aligned_pairs([SEED])], lexicon, rng, args.verbose)
    news = []
    for key in sorted(NEWS.glob("*.key.json")):
        stem = key.name[: -len(".key.json")]
        inputs = (
            [NEWS / f"{stem}.txt"]
            if (NEWS / f"{stem}.txt").exists()
            else [NEWS / f"{stem}.en.txt", NEWS / f"{stem}.zh.txt"]
        )
        news.append(aligned_pairs(inputs))
    measure("held-out news (4)", news, lexicon, rng, args.verbose)
    if not (DATA / "mac-dev").is_dir():
        print("mac-dev / bible: ../shared/data not found, skipped")
        return 0
    docs = sorted(p.stem for p in (DATA / "mac-dev" / "gold").glob("*.align"))
    measure("mac-dev (gold)", [gold_pairs("mac-dev", d) for d in docs], lexicon, rng, args.verbose)
    for doc in args.bible_docs.split(","):
        if (DATA / "bible" / "gold" / f"{doc}.align").exists():
            measure(f"bible {doc} (gold)", [gold_pairs("bible", doc)], lexicon, rng, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
