"""Dropped paragraphs: does a paragraph whose translation is gone come out one-sided?

    python benchmarks/paragraph_omissions.py

News translations lose whole paragraphs (a quote, a background paragraph, the last
paragraph). mac-dev and the Bible come one sentence per line, without paragraphs, so
``align_quality.py --only omission`` cannot see how the aligner's paragraph step and
paragraph boundaries handle this. Here each document with paragraphs (the bundled seed,
the news set in ``tests/data/news``) is aligned as it is (the reference), then once per
paragraph with that paragraph deleted from one side:

- Chinese paragraph deleted: the English sentences it translated should come out 1-0
  (in an English original these are omissions; the aligner's y side);
- English paragraph deleted: the Chinese sentences should come out 0-1 (in a Chinese
  original these are omissions; the aligner's x side).

Only paragraphs whose reference beads stay inside them are deleted (no bead shared with
a neighbour). Printed per direction: recall (orphaned sentences that come out one-sided),
sentences paired in the reference that become one-sided (false omissions), and kept
pairs whose bead changed. These documents are the test data the rules were written
against, so the figures are development figures, not held-out ones.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner_gui.core.lexicon.shared import get_lexicon  # noqa: E402
from aligner_gui.core.model import AlignmentDocument, Side  # noqa: E402
from aligner_gui.core.pipeline import align_document, load_document  # noqa: E402
from aligner_gui.core.resources import seed_path  # noqa: E402

NEWS = ROOT / "tests" / "data" / "news"
VERBOSE = "-v" in sys.argv


def _documents() -> list[tuple[str, list[Path]]]:
    docs = [("seed", [seed_path()])]
    for key in sorted(NEWS.glob("*.key.json")):
        stem = key.name[: -len(".key.json")]
        one = NEWS / f"{stem}.txt"
        paths = [one] if one.is_file() else [NEWS / f"{stem}.en.txt", NEWS / f"{stem}.zh.txt"]
        docs.append((stem, paths))
    return docs


def _paragraphs(side: Side) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for s in side.sentences:
        out.setdefault(s.paragraph, []).append(s.text)
    return [out[k] for k in sorted(out)]


def _write(folder: Path, name: str, paragraphs: list[list[str]]) -> Path:
    path = folder / name
    sep = "" if name.endswith(".zh.txt") else " "
    path.write_text("\n\n".join(sep.join(p) for p in paragraphs) + "\n", encoding="utf-8")
    return path


def _align(folder: Path, en: list[list[str]], zh: list[list[str]], lexicon) -> AlignmentDocument:
    paths = [_write(folder, "a.en.txt", en), _write(folder, "a.zh.txt", zh)]
    return align_document(load_document(paths, presplit=False), lexicon=lexicon)


def _keyed(doc: AlignmentDocument) -> tuple[dict, dict]:
    """Each sentence by (paragraph, n-th sentence text): its bead as keys of both sides."""
    def key(side: Side, i: int) -> tuple[int, str]:
        return (side.sentences[i].paragraph, side.sentences[i].text)

    by_en, by_zh = {}, {}
    for b in doc.beads:
        bead = (tuple(key(doc.source, i) for i in b.source),
                tuple(key(doc.target, i) for i in b.target))  # fmt: skip
        for i in b.source:
            by_en[key(doc.source, i)] = bead
        for i in b.target:
            by_zh[key(doc.target, i)] = bead
    return by_en, by_zh


def _renumber(bead: tuple, side: int, removed: int) -> tuple:
    """A reference bead with the paragraph numbers of one side after deleting ``removed``."""
    out = list(bead)
    out[side] = tuple((p - (p > removed), t) for p, t in bead[side])
    return tuple(out)


def main() -> int:
    lexicon = get_lexicon()
    tally = {d: Counter() for d in ("zh deleted (English orphans)", "en deleted (Chinese orphans)")}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, paths in _documents():
            base = load_document(paths)
            if base.source.lang != "en":
                continue
            en, zh = _paragraphs(base.source), _paragraphs(base.target)
            ref = _align(folder, en, zh, lexicon)
            ref_en, ref_zh = _keyed(ref)
            for side, label in ((1, "zh deleted (English orphans)"),
                                (0, "en deleted (Chinese orphans)")):  # fmt: skip
                deleted_side = zh if side == 1 else en
                for p in range(len(deleted_side)):
                    beads = {bead for bead in (ref_zh if side == 1 else ref_en).values()
                             if any(k[0] == p for k in bead[side])}  # fmt: skip
                    if not beads or any(any(k[0] != p for k in bead[side]) for bead in beads):
                        continue  # a bead shared with a neighbour paragraph
                    orphans = {k for bead in beads for k in bead[1 - side]}
                    if not orphans:
                        continue
                    variant = [q for k, q in enumerate(deleted_side) if k != p]
                    doc = _align(folder, variant if side == 0 else en,
                                 variant if side == 1 else zh, lexicon)
                    got_en, got_zh = _keyed(doc)
                    kept_other = got_en if side == 1 else got_zh
                    t = tally[label]
                    t["deletions"] += 1
                    for k in orphans:
                        t["orphans"] += 1
                        now = kept_other.get(k)
                        t["found"] += now is not None and not now[side]
                        t["lost"] += now is None
                        if VERBOSE and now is not None and now[side]:
                            print(f"  {name} {label[:10]} p{p}: {k[1][:40]!r} -> "
                                  f"{[x[1][:30] for x in now[side]]}")
                    ref_other = ref_en if side == 1 else ref_zh
                    for k, bead in ref_other.items():
                        if k in orphans or not bead[side]:
                            continue
                        t["paired"] += 1
                        now = kept_other.get(k)
                        if now is None:
                            continue
                        if not now[side]:
                            t["false"] += 1
                        elif now != _renumber(bead, side, p):
                            t["changed"] += 1
            for side, label in ((1, "zh sentence deleted"), (0, "en sentence deleted")):
                dropped = _deleted_sentences(folder, en, zh, side, ref, lexicon)
                tally.setdefault(label, Counter()).update(dropped)
            for side, label in ((1, "zh break moved"), (0, "en break moved")):
                moved = _moved_breaks(folder, en, zh, side, ref, lexicon)
                tally.setdefault(label, Counter()).update(moved)
            print(f"{name}: done ({time.perf_counter() - started:.0f} s)", flush=True)
    print()
    print("direction                      deletions  orphans one-sided  false one-sided  "
          "kept pairs changed")
    for label, t in tally.items():
        if "moved" in label or "sentence" in label:
            continue
        recall = t["found"] / max(1, t["orphans"])
        print(f"{label:30} {t['deletions']:9} {t['found']:4}/{t['orphans']:<4} {recall:6.1%}"
              f"  {t['false']:5}/{t['paired']:<6}  {t['changed']:5}/{t['paired']}")
    print("\none sentence deleted inside a paragraph (the translation of a 1-1 bead, or its"
          " original):")
    print("side deleted           deletions  orphan one-sided  others wrongly one-sided")
    for label, t in tally.items():
        if "sentence" in label:
            recall = t["found"] / max(1, t["deletions"])
            print(f"{label:22} {t['deletions']:9}  {t['found']:4} {recall:6.1%}     "
                  f"{t['false']:5}/{t['paired']}")
    print("\nparagraph break moved on one side (a sentence to the next or previous paragraph):")
    print("side moved          moves  sentences one-sided that the reference paired")
    for label, t in tally.items():
        if "moved" in label:
            print(f"{label:18} {t['moves']:6}  {t['false']:5}/{t['paired']}")
    return 0


def _one_sided(doc: AlignmentDocument) -> int:
    return sum(len(b.source) + len(b.target) for b in doc.beads if not (b.source and b.target))


def _deleted_sentences(folder: Path, en: list[list[str]], zh: list[list[str]], side: int,
                       ref: AlignmentDocument, lexicon) -> Counter:
    """News translations drop a sentence inside a paragraph (a quote's second sentence, a
    background line) more often than a paragraph. For each 1-1 bead of the reference
    whose sentence on one side shares its paragraph with another, that sentence is
    deleted: does its partner come out one-sided (a found omission), and how many other
    sentences the reference paired come out one-sided (false ones)?"""
    t: Counter = Counter()
    base = _one_sided(ref)
    paired = sum(len(b.source) + len(b.target) for b in ref.beads if b.source and b.target)
    paras = zh if side == 1 else en
    other = ref.target if side == 1 else ref.source
    mine = ref.source if side == 1 else ref.target
    for b in ref.beads:
        if len(b.source) != 1 or len(b.target) != 1:
            continue
        (gone,) = b.target if side == 1 else b.source
        (partner,) = b.source if side == 1 else b.target
        sentence = other.sentences[gone]
        paragraph = paras[sentence.paragraph]
        if len(paragraph) < 2 or sentence.text not in paragraph:
            continue
        variant = [list(q) for q in paras]
        variant[sentence.paragraph].remove(sentence.text)
        doc = _align(folder, variant if side == 0 else en, variant if side == 1 else zh,
                     lexicon)
        kept = doc.source if side == 1 else doc.target
        text = mine.sentences[partner].text
        found = any(not (bb.target if side == 1 else bb.source)
                    and any(kept.sentences[i].text == text
                            for i in (bb.source if side == 1 else bb.target))
                    for bb in doc.beads)
        t["deletions"] += 1
        t["found"] += found
        t["paired"] += paired - 2
        t["false"] += max(0, _one_sided(doc) - base - found)
        if VERBOSE and not found:
            print(f"  glued: {text[:60]!r}")
    return t


def _moved_breaks(folder: Path, en: list[list[str]], zh: list[list[str]], side: int,
                  ref: AlignmentDocument, lexicon) -> Counter:
    """Translators move paragraph breaks: for each break of one side, the sentence before
    it moved to the next paragraph and (separately) the one after it to the previous one.
    Counts the sentences one-sided then that the reference paired (the texts are the
    same, so any new one-sided sentence is a false omission or addition). Sentences that
    stay paired but with the wrong partner are not counted here."""
    t: Counter = Counter()
    base = _one_sided(ref)
    paired = sum(len(b.source) + len(b.target) for b in ref.beads if b.source and b.target)
    paras = zh if side == 1 else en
    for p in range(len(paras) - 1):
        for forward in (True, False):
            donor = paras[p] if forward else paras[p + 1]
            if len(donor) < 2:
                continue
            variant = [list(q) for q in paras]
            if forward:
                variant[p + 1].insert(0, variant[p].pop())
            else:
                variant[p].append(variant[p + 1].pop(0))
            doc = _align(folder, variant if side == 0 else en, variant if side == 1 else zh,
                         lexicon)
            t["moves"] += 1
            t["paired"] += paired
            t["false"] += max(0, _one_sided(doc) - base)
    return t


if __name__ == "__main__":
    sys.exit(main())
