"""Coverage-lens figures, printed by hand: does the tint fall on omitted words only?

    python benchmarks/coverage_lens.py [--seed N] [--cut-share F] [--no-speed] [--bible]

* Seed document (aligned by the pipeline): tinted share of the Acton clause that has no
  Chinese counterpart, of the mistranslated 录音再现装置发出的高音, and of all other text
  in 1-1 beads (both sides).
* mac-dev (../shared/data/mac-dev, gold alignments; skipped if absent), per side:
  - intact: tinted share of content words in gold 1-1 beads (false alarms);
  - cut: a seeded share of 1-1 beads lose the last third of one side's sentence (cut at
    a word boundary); the other side's words whose translation was cut are the
    positives. A word is a positive when, in the intact bead, only words of the cut
    part translate it (dictionary evidence); words translated from the kept part are
    negatives, words nothing translates are left out. Recall = tinted positives /
    positives; precision = tinted positives / all tinted negatives and positives,
    counting false tints in the untouched beads of the same document;
  - glued: a 1-1 bead with the next 1-1 bead's sentence appended on one side only
    (exact ground truth: the appended sentence is untranslated).
* --bible: the same on ../shared/data/bible/001 (a literal translation).
* Speed: compute_coverage on the gold beads of ../shared/data/bible/002 (about 10,000
  beads) with a fresh lexicon (cold caches), then again (warm).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner_gui.core.coverage.document import compute_coverage  # noqa: E402
from aligner_gui.core.coverage.lens import CoverageLens  # noqa: E402
from aligner_gui.core.lexicon.shared import get_lexicon  # noqa: E402
from aligner_gui.core.model import Bead, Sentence, Side  # noqa: E402
from aligner_gui.core.pipeline import align_document, load_document  # noqa: E402

SEED = ROOT / "seeds" / "000_730210bb8f392e85.txt"
DATA = ROOT.parent / "shared" / "data"
ACTON = "A disagreement over whether verification is needed is pretty significant,"
TWEET_ZH = "录音再现装置发出的高音"


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


def _span_list(spans: list[dict], side: str) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in spans if s["side"] == side]


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}% ({a}/{b})" if b else "   n/a"


# -- seed ---------------------------------------------------------------------------------


def seed_figures() -> None:
    lex = get_lexicon()
    doc = load_document([SEED])
    align_document(doc)
    compute_coverage(doc.source, doc.target, doc.beads, lex)
    lens = CoverageLens(doc.source, doc.target, lex)
    lens.analyse(doc.beads)
    print("Seed document (pipeline alignment)")
    for name, marker in (("source", ACTON), ("target", TWEET_ZH)):
        side = doc.side(name)
        m0 = side.text.find(marker)
        m1 = m0 + len(marker)
        marked = [0, 0]
        other = [0, 0]
        chars = [0, 0]
        for bead in doc.beads:
            if not (bead.source and bead.target):
                continue
            spans = _span_list(bead.details.get("uncovered", []), name)
            for i, w in lens.content_words(name, getattr(bead, name)):
                at = side.sentences[i].start + w.start
                tinted = _inside(at, spans)
                bucket = marked if m0 <= at < m1 else other
                if len(bead.source) == 1 and len(bead.target) == 1 or bucket is marked:
                    bucket[0] += tinted
                    bucket[1] += 1
            for s, e in spans:
                for pos in range(max(s, m0), min(e, m1)):
                    chars[0] += not side.text[pos].isspace()
        chars[1] = sum(1 for c in marker if not c.isspace())
        label = "Acton clause" if name == "source" else TWEET_ZH
        print(
            f"  {name:6} {label:>14}: content words tinted {_pct(*marked)}, "
            f"characters {_pct(*chars)}"
        )
        print(f"  {name:6} {'other 1-1 text':>14}: content words tinted {_pct(*other)}")
    print()


# -- mac-dev ------------------------------------------------------------------------------

_GOLD = re.compile(r"^\[([\d,]*)\]:\[([\d,]*)\]$")


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x)


def gold_beads(path: Path) -> list[Bead]:
    beads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _GOLD.match(line.strip())
        if m:
            beads.append(Bead(_ids(m.group(1)), _ids(m.group(2))))
    return beads


def sides_from_lines(zh_lines: list[str], en_lines: list[str]) -> tuple[Side, Side]:
    """Chinese source and English target, one sentence per line (as in the gold files)."""
    out = []
    for lang, role, lines in (("zh", "original", zh_lines), ("en", "translation", en_lines)):
        sentences, pos = [], 0
        for k, line in enumerate(lines):
            sentences.append(Sentence(k, k, pos, pos + len(line), line))
            pos += len(line) + 1
        out.append(Side(lang, role, "\n".join(lines), sentences))
    return out[0], out[1]


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]


@dataclass
class Tally:
    intact: list[int] = field(default_factory=lambda: [0, 0])  # tinted, words
    tp: int = 0
    positives: int = 0
    fp_cut_beads: int = 0
    fp_intact_beads: int = 0
    negatives: int = 0
    cut_bead_tinted: list[int] = field(default_factory=lambda: [0, 0])
    same_beads_intact: list[int] = field(default_factory=lambda: [0, 0])
    glued_tp: int = 0
    glued_pos: int = 0
    glued_fp: int = 0
    glued_neg: int = 0

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, list):
                mine = getattr(self, name)
                mine[0] += value[0]
                mine[1] += value[1]
            else:
                setattr(self, name, getattr(self, name) + value)


def _cut_point(lex, text: str, lang: str) -> int:
    """Offset where the last third of a sentence starts, moved to a word boundary."""
    target = round(len(text) * 2 / 3)
    if lang == "zh":
        bounds, pos = [], 0
        for token in lex.zh_tokens(text):
            pos = text.find(token, pos) + len(token)
            bounds.append(pos)
    else:
        bounds = [m.start() for m in re.finditer(r"\s+", text)]
    bounds = [b for b in bounds if 0 < b < len(text)] or [target]
    return min(bounds, key=lambda b: abs(b - target))


def evaluate_pair(zh_lines, en_lines, beads, lex, cut_lang, rng, cut_share) -> Tally:
    """One document: cut ``cut_lang`` sentences, measure tints on the other language."""
    tally = Tally()
    zh_side, en_side = sides_from_lines(zh_lines, en_lines)
    lens = CoverageLens(zh_side, en_side, lex)
    cov_full = lens.analyse(beads)
    meas = "target" if cut_lang == "zh" else "source"  # zh is the source side here
    cut_name = "source" if cut_lang == "zh" else "target"
    one_one = [k for k, b in enumerate(beads) if len(b.source) == 1 and len(b.target) == 1]

    def tinted_set(the_lens, cov, side) -> set[tuple[int, int]]:
        spans = _span_list(the_lens.spans(cov), meas)
        return {
            (i, w.start)
            for i, w, _c in cov[meas]
            if _inside(side.sentences[i].start + w.start, spans)
        }

    # intact
    for k in one_one:
        cov = cov_full[k]
        t = tinted_set(lens, cov, lens.side(meas))
        tally.intact[0] += len(t)
        tally.intact[1] += len(cov[meas])

    # cut
    chosen = set(rng.sample(one_one, max(1, int(len(one_one) * cut_share)))) if one_one else set()
    cut_lines = {"zh": list(zh_lines), "en": list(en_lines)}
    cut_at: dict[int, int] = {}
    for k in chosen:
        sid = beads[k].source[0] if cut_lang == "zh" else beads[k].target[0]
        text = cut_lines[cut_lang][sid]
        point = _cut_point(lex, text, cut_lang)
        cut_at[k] = point
        cut_lines[cut_lang][sid] = text[:point]
    zh_cut, en_cut = sides_from_lines(cut_lines["zh"], cut_lines["en"])
    lens_cut = CoverageLens(zh_cut, en_cut, lex)
    cov_cut = lens_cut.analyse(beads)
    for k in one_one:
        tinted = tinted_set(lens_cut, cov_cut[k], lens_cut.side(meas))
        if k not in chosen:
            tally.negatives += len(cov_cut[k][meas])
            tally.fp_intact_beads += len(tinted)
            continue
        # Which cut-side words of the intact bead translate each measured word?
        bead = beads[k]
        cut_words = lens.side_words(cut_name, getattr(bead, cut_name))
        point = cut_at[k]
        tally.cut_bead_tinted[0] += len(tinted)
        tally.cut_bead_tinted[1] += len(cov_cut[k][meas])
        before = tinted_set(lens, cov_full[k], lens.side(meas))
        tally.same_beads_intact[0] += len(before)
        tally.same_beads_intact[1] += len(cov_full[k][meas])
        for i, w, _c in cov_full[k][meas]:
            where = set()
            for _j, cw in cut_words:
                if meas == lens.en_side:
                    hit = _hits(lens, cw, w)
                else:
                    hit = _hits(lens, w, cw)
                if hit:
                    where.add(cw.start >= point)
            if not where:
                continue  # nothing translates it even intact: no label
            positive = where == {True}
            is_tinted = (i, w.start) in tinted
            if positive:
                tally.positives += 1
                tally.tp += is_tinted
            else:
                tally.negatives += 1
                tally.fp_cut_beads += is_tinted
    # glued: the next 1-1 bead's sentence appended on the cut side's *other* side
    for a, b in zip(one_one, one_one[1:], strict=False):
        if b != a + 1:
            continue
        ba, bb = beads[a], beads[b]
        if meas == "target":
            glued = Bead(ba.source, ba.target + bb.target)
        else:
            glued = Bead(ba.source + bb.source, ba.target)
        cov = lens.word_coverage(glued)
        tinted = tinted_set(lens, cov, lens.side(meas))
        extra_id = (bb.target if meas == "target" else bb.source)[0]
        for i, w, _c in cov[meas]:
            t = (i, w.start) in tinted
            if i == extra_id:
                tally.glued_pos += 1
                tally.glued_tp += t
            else:
                tally.glued_neg += 1
                tally.glued_fp += t
    return tally


def _hits(lens: CoverageLens, zh_word, en_word) -> bool:
    from aligner_gui.core.coverage.matching import KeyIndex

    return KeyIndex(set(lens.zh_word_keys(zh_word))).hit(en_word.keys) is not None


def corpus_figures(name: str, docs: list[tuple[Path, Path, Path]], seed: int, cut: float) -> None:
    """Cut and glued figures over gold-aligned documents (zh file, en file, gold file)."""
    lex = get_lexicon()
    for cut_lang, label in (
        ("zh", "English words, Chinese cut"),
        ("en", "Chinese words, English cut"),
    ):
        rng = random.Random(seed)
        total = Tally()
        for zh_path, en_path, gold in docs:
            zh_lines, en_lines = _lines(zh_path), _lines(en_path)
            total.add(evaluate_pair(zh_lines, en_lines, gold_beads(gold), lex, cut_lang, rng, cut))
        print(f"{name}, {label} ({int(cut * 100)}% of 1-1 beads cut, seed {seed})")
        print(f"  intact 1-1 beads, tinted:        {_pct(*total.intact)}")
        print(f"  the cut beads before the cut:    {_pct(*total.same_beads_intact)}")
        print(f"  the cut beads after the cut:     {_pct(*total.cut_bead_tinted)}")
        print(f"  cut words (positives) tinted:    {_pct(total.tp, total.positives)}  = recall")
        fp = total.fp_cut_beads + total.fp_intact_beads
        print(f"  negatives tinted:                {_pct(fp, total.negatives)}")
        print(f"  precision on cut words:          {_pct(total.tp, total.tp + fp)}")
        print(
            f"  glued sentence: recall {_pct(total.glued_tp, total.glued_pos)}, "
            f"host sentence tinted {_pct(total.glued_fp, total.glued_neg)}, "
            f"precision {_pct(total.glued_tp, total.glued_tp + total.glued_fp)}"
        )
        print()


def mac_dev_figures(seed: int, cut_share: float) -> None:
    root = DATA / "mac-dev"
    if not (root / "gold").is_dir():
        print("mac-dev: ../shared/data/mac-dev not present, skipped\n")
        return
    docs = [
        (root / "zh" / f"{g.stem}.txt", root / "en" / f"{g.stem}.txt", g)
        for g in sorted((root / "gold").glob("*.align"))
    ]
    corpus_figures("mac-dev", docs, seed, cut_share)


def bible_figures(seed: int, cut_share: float) -> None:
    root = DATA / "bible"
    gold = root / "gold" / "001.align"
    if not gold.is_file():
        print("bible: ../shared/data/bible/001 not present, skipped\n")
        return
    corpus_figures("bible/001", [(root / "001.zh.txt", root / "001.en.txt", gold)], seed, cut_share)


# -- speed --------------------------------------------------------------------------------


def speed_figures() -> None:
    root = DATA / "bible"
    if not (root / "gold" / "002.align").is_file():
        print("speed: ../shared/data/bible/002 not present, skipped")
        return
    from aligner_gui.core.lexicon.lexicon import Lexicon

    zh_lines = _lines(root / "002.zh.txt")
    en_lines = _lines(root / "002.en.txt")
    beads = gold_beads(root / "gold" / "002.align")
    zh_side, en_side = sides_from_lines(zh_lines, en_lines)
    t0 = time.perf_counter()
    lex = Lexicon.load()
    lex.zh_tokens("开始")
    t1 = time.perf_counter()
    for sentence in zh_side.sentences:  # the scorer has done this before coverage runs
        lex.zh_tokens(sentence.text)
    t2 = time.perf_counter()
    compute_coverage(zh_side, en_side, beads, lex)
    t3 = time.perf_counter()
    compute_coverage(zh_side, en_side, beads, lex)
    t4 = time.perf_counter()
    spans = sum(len(b.details.get("uncovered", [])) for b in beads)
    print(
        f"Speed, bible/002: {len(beads)} beads, {spans} spans; lexicon load {t1 - t0:.2f} s, "
        f"jieba {t2 - t1:.2f} s, coverage (cold caches) {t3 - t2:.2f} s, "
        f"again (warm) {t4 - t3:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--cut-share", type=float, default=0.25)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--bible", action="store_true", help="also bible/001 (5,000 verses)")
    args = parser.parse_args()
    seed_figures()
    mac_dev_figures(args.seed, args.cut_share)
    if args.bible:
        bible_figures(args.seed, args.cut_share)
    if not args.no_speed:
        speed_figures()


if __name__ == "__main__":
    main()
