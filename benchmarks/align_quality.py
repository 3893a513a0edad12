"""Alignment quality and speed benchmark (run by hand; prints figures).

    python benchmarks/align_quality.py            # everything
    python benchmarks/align_quality.py --quick    # mac-dev + bible 001, no peer/concat
    python benchmarks/align_quality.py --only mac-dev,omission
    python benchmarks/align_quality.py --peer hunalign   # only the same-run hunalign table

Parts: mac-dev (12 chapters: strict/lax P/R/F1, seconds per chapter, bead-type
confusion, the reference scorer's figures on the written outputs), bible 001-003
(F1, seconds, 003/001 time ratio), the 12 mac-dev chapters concatenated as one pair,
the PyPI ``galechurch`` aligner on the same inputs as a peer, omission-detection
checks (seeded deletion of ~5% of the translated sentences of mac-dev and bible, one at
a time and in runs of 2-5 beads, in both directions; and of one translated paragraph
of the seed at a time), and peak memory.
Data comes from ../shared/data; without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from aligner_gui.core.align.aligner import align_sides  # noqa: E402
from aligner_gui.core.align.evaluation import (  # noqa: E402
    format_align,
    read_align,
    strict_lax_prf,
)
from aligner_gui.core.model import Sentence, Side  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
REFERENCE = ROOT.parent / "shared" / "tools" / "align_eval.py"
PARTS = ("mac-dev", "bible", "concat", "peer", "omission")


def side_from_lines(lines: list[str], lang: str, role: str) -> Side:
    """One sentence per line, one paragraph (the gold ids are line numbers)."""
    sentences = []
    pos = 0
    for k, line in enumerate(lines):
        sentences.append(Sentence(k, 0, pos, pos + len(line), line))
        pos += len(line) + 1
    return Side(lang, role, "\n".join(lines), sentences)


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def align_zh_en(lexicon, zh: list[str], en: list[str]) -> list[tuple]:
    """Align with Chinese as source; beads as (zh ids, en ids) like the gold files."""
    src = side_from_lines(zh, "zh", "original")
    tgt = side_from_lines(en, "en", "translation")
    lexicon.expect_text(len(src.text))  # as the pipeline does: a long text reads whole tables
    return [(b.source, b.target) for b in align_sides(src, tgt, lexicon)]


def fmt_prf(res: dict) -> str:
    s, lx = res["strict"], res["lax"]
    return "strict P {:.3f} R {:.3f} F1 {:.3f} | lax P {:.3f} R {:.3f} F1 {:.3f}".format(*s, *lx)


def kind(bead: tuple) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def confusion(golds: list[list], tests: list[list]) -> None:
    """Gold bead type vs the type of the test bead holding the gold bead's first sentence."""
    table: dict[str, Counter] = {}
    exact: Counter = Counter()
    for gold, test in zip(golds, tests, strict=False):
        test_set = set(test)
        by_x = {i: b for b in test for i in b[0]}
        by_y = {j: b for b in test for j in b[1]}
        for g in gold:
            t = by_x.get(g[0][0]) if g[0] else by_y.get(g[1][0])
            table.setdefault(kind(g), Counter())[kind(t) if t else "?"] += 1
            if g in test_set:
                exact[kind(g)] += 1
    cols = ["1-0", "0-1", "1-1", "1-2", "1-3", "1-4", "2-1", "3-1", "2-2", "2-3", "3-2", "other"]
    print("  confusion (rows gold zh-en type, columns predicted type; 'exact' = identical bead)")
    print(f"  {'gold':<6s} {'n':>6s} {'exact':>6s} " + " ".join(f"{c:>5s}" for c in cols))
    for g in sorted(table, key=lambda k: -sum(table[k].values())):
        row = table[g]
        n = sum(row.values())
        other = sum(v for k, v in row.items() if k not in cols)
        cells = [row.get(c, 0) for c in cols[:-1]] + [other]
        share = 100.0 * exact[g] / n
        print(f"  {g:<6s} {n:6d} {share:5.0f}% " + " ".join(f"{c:5d}" for c in cells))


def reference_figures(golds: list[list], tests: list[list], names: list[str]) -> str:
    if not REFERENCE.is_file():
        return "(reference scorer absent)"
    with tempfile.TemporaryDirectory() as tmp:
        gdir, tdir = Path(tmp, "gold"), Path(tmp, "test")
        gdir.mkdir()
        tdir.mkdir()
        for name, gold, test in zip(names, golds, tests, strict=False):
            (gdir / f"{name}.align").write_text(format_align(gold), encoding="utf-8")
            (tdir / f"{name}.align").write_text(format_align(test), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(REFERENCE), str(gdir), str(tdir)],
            capture_output=True,
            text=True,
            check=False,
        )
        return (out.stdout or out.stderr).strip()


def mac_docs() -> list[str]:
    return sorted(p.stem for p in (DATA / "mac-dev" / "gold").glob("*.align"))


def run_mac_dev(lexicon) -> None:
    print("== mac-dev (12 chapters, zh source)")
    golds, tests, names = [], [], []
    total = 0.0
    for doc in mac_docs():
        zh = read_lines(DATA / "mac-dev" / "zh" / f"{doc}.txt")
        en = read_lines(DATA / "mac-dev" / "en" / f"{doc}.txt")
        gold = read_align(DATA / "mac-dev" / "gold" / f"{doc}.align")
        t0 = time.perf_counter()
        test = align_zh_en(lexicon, zh, en)
        dt = time.perf_counter() - t0
        total += dt
        res = strict_lax_prf([gold], [test])
        print(f"  {doc}  {len(zh):4d}x{len(en):4d}  {fmt_prf(res)}  {dt:.2f}s")
        golds.append(gold)
        tests.append(test)
        names.append(doc)
    res = strict_lax_prf(golds, tests)
    print(f"  ALL   {fmt_prf(res)}  {total:.2f}s total, {total / len(names):.2f}s/chapter")
    print(f"  reference scorer: {reference_figures(golds, tests, names)}")
    confusion(golds, tests)


def run_bible(lexicon, docs: list[str]) -> None:
    print("== bible (zh source)")
    seconds = {}
    golds, tests = [], []
    for doc in docs:
        zh = read_lines(DATA / "bible" / f"{doc}.zh.txt")
        en = read_lines(DATA / "bible" / f"{doc}.en.txt")
        gold = read_align(DATA / "bible" / "gold" / f"{doc}.align")
        t0 = time.perf_counter()
        test = align_zh_en(lexicon, zh, en)
        dt = time.perf_counter() - t0
        seconds[doc] = dt
        res = strict_lax_prf([gold], [test])
        print(f"  {doc}  {len(zh):5d}x{len(en):5d}  {fmt_prf(res)}  {dt:.2f}s")
        print(f"        reference scorer: {reference_figures([gold], [test], [doc])}")
        golds.append(gold)
        tests.append(test)
    if len(docs) > 1:
        print(
            f"  ALL   {fmt_prf(strict_lax_prf(golds, tests))}  {sum(seconds.values()):.2f}s total"
        )
    if "001" in seconds and "003" in seconds:
        print(f"  time ratio 003/001: {seconds['003'] / seconds['001']:.2f} (size ratio 3.0)")


def concat_mac() -> tuple[list[str], list[str], list[tuple]]:
    zh_all: list[str] = []
    en_all: list[str] = []
    gold_all: list[tuple] = []
    for doc in mac_docs():
        zh = read_lines(DATA / "mac-dev" / "zh" / f"{doc}.txt")
        en = read_lines(DATA / "mac-dev" / "en" / f"{doc}.txt")
        for s, t in read_align(DATA / "mac-dev" / "gold" / f"{doc}.align"):
            gold_all.append((tuple(i + len(zh_all) for i in s), tuple(j + len(en_all) for j in t)))
        zh_all.extend(zh)
        en_all.extend(en)
    return zh_all, en_all, gold_all


def run_concat(lexicon) -> None:
    zh, en, gold = concat_mac()
    print(f"== mac-dev concatenated as one pair ({len(zh)}x{len(en)})")
    print("  (the lexicon caches tokenisation: after the mac-dev part this time is warm)")
    t0 = time.perf_counter()
    test = align_zh_en(lexicon, zh, en)
    dt = time.perf_counter() - t0
    print(f"  {fmt_prf(strict_lax_prf([gold], [test]))}  {dt:.2f}s")
    # Cold: a fresh Lexicon (empty tokenisation caches, jieba not yet initialised).
    from aligner_gui.core.lexicon.lexicon import Lexicon

    fresh = Lexicon.load()
    t0 = time.perf_counter()
    align_zh_en(fresh, zh, en)
    cold = time.perf_counter() - t0
    print(f"  cold (fresh Lexicon instance: jieba init + tokenisation included): {cold:.2f}s")


def run_peer(lexicon) -> None:
    try:
        import galechurch
    except ImportError:
        print("== peer: galechurch not installed (pip install galechurch); skipped")
        return
    print("== peer: PyPI galechurch (length-only Gale-Church, compiled) on the same inputs")
    inputs = [("mac-dev concat", *concat_mac())]
    zh = read_lines(DATA / "bible" / "001.zh.txt")
    en = read_lines(DATA / "bible" / "001.en.txt")
    inputs.append(("bible 001", zh, en, read_align(DATA / "bible" / "gold" / "001.align")))
    for name, zh, en, gold in inputs:
        t0 = time.perf_counter()
        res = galechurch.align(
            zh, en, max_block_size=max(50_000_000, (len(zh) + 1) * (len(en) + 1))
        )
        t_peer = time.perf_counter() - t0
        peer = [
            (tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
            for b in res.beads
        ]
        t0 = time.perf_counter()
        ours = align_zh_en(lexicon, zh, en)
        t_ours = time.perf_counter() - t0
        f_peer = strict_lax_prf([gold], [peer])["strict"][2]
        f_ours = strict_lax_prf([gold], [ours])["strict"][2]
        print(
            f"  {name:15s} galechurch {t_peer:6.2f}s F1 {f_peer:.3f} | ours {t_ours:6.2f}s"
            f" F1 {f_ours:.3f} | time ratio ours/peer {t_ours / max(t_peer, 1e-9):.2f}"
        )


def run_peer_hunalign(lexicon, runs: int = 2) -> None:
    """Ours vs hunalign + CC-CEDICT on the joined mac-dev and bible 001-003, alternating runs."""
    import statistics

    from peer_hunalign import Hunalign, unavailable

    why = unavailable()
    if why:
        print(f"== peer hunalign skipped: {why}")
        return
    peer = Hunalign()
    print(
        f"== peer: hunalign -onebyteencoding + CC-CEDICT (median of {runs} alternating runs;"
        " its time is the binary's, jieba tokenisation excluded)"
    )
    print(
        "  ours: align_sides in a forked child of this process (dictionary loaded, memos"
        " empty); ours CLI: a fresh"
        " `aligner align --presplit` process (align, score, coverage, risk, save) plus"
        " `aligner export -o .tsv`, start to file written"
    )
    print(
        f"  {'input':16s} {'size':>13s} {'ours s':>7s} {'CLI s':>6s} {'hunalign s':>10s}"
        f" {'ratio':>6s} {'CLI ratio':>9s} {'F1 ours':>8s} {'F1 hunalign':>11s}"
    )
    inputs = [("mac-dev joined", *concat_mac())]
    for doc in ("001", "002", "003"):
        zh = read_lines(DATA / "bible" / f"{doc}.zh.txt")
        en = read_lines(DATA / "bible" / f"{doc}.en.txt")
        inputs.append(
            (f"bible {doc}", zh, en, read_align(DATA / "bible" / "gold" / f"{doc}.align"))
        )
    for name, zh, en, gold in inputs:
        t_ours, t_cli, t_peer = [], [], []
        for _ in range(runs):
            seconds_ours, ours = _ours_fresh(lexicon, zh, en)
            t_ours.append(seconds_ours)
            t_cli.append(_cli_align_and_export(zh, en))
            theirs, seconds = peer.align(zh, en)
            t_peer.append(seconds)
        mo, mc, mp = (statistics.median(t) for t in (t_ours, t_cli, t_peer))
        f_ours = strict_lax_prf([gold], [ours])["strict"][2]
        f_peer = strict_lax_prf([gold], [theirs])["strict"][2]
        size = f"{len(zh)}x{len(en)}"
        print(
            f"  {name:16s} {size:>13s} {mo:7.2f} {mc:6.2f} {mp:10.2f} {mo / max(mp, 1e-9):6.2f}"
            f" {mc / max(mp, 1e-9):9.2f} {f_ours:8.3f} {f_peer:11.3f}",
            flush=True,
        )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak memory of the largest child process (ours or hunalign): {peak:.0f} MB")


def _ours_fresh(lexicon, zh: list[str], en: list[str]) -> tuple[float, list[tuple]]:
    """``align_zh_en`` timed in a forked child of this process (dictionary loaded): each
    run starts with empty per-sentence memos, as a new process would. (Timed in this
    process, a second run found every sentence's words, stems and numbers memoised by
    the first and took half the time.) Without fork, it runs here."""
    from aligner_gui.core.runtime.forked import Forked

    def job() -> tuple[float, list[tuple]]:
        t0 = time.perf_counter()
        beads = align_zh_en(lexicon, zh, en)
        return time.perf_counter() - t0, beads

    return Forked(job).result()


def _cli_align_and_export(zh: list[str], en: list[str]) -> float:
    """Wall seconds of `aligner align --presplit` + `aligner export` in fresh processes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
        (folder / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
        cli = [sys.executable, "-m", "aligner_gui.cli"]
        t0 = time.perf_counter()
        subprocess.run(cli + ["align", "--presplit", "--source-lang", "zh", "-q", "-o",
                              str(folder / "p.json"), str(folder / "zh.txt"),
                              str(folder / "en.txt")], check=True)  # fmt: skip
        subprocess.run(cli + ["export", str(folder / "p.json"), "-o", str(folder / "p.tsv")],
                       check=True, capture_output=True)  # fmt: skip
        return time.perf_counter() - t0


def _delete_translations(gold: list, rng: random.Random, mode: str, rate: float) -> list[int]:
    """Indices of gold beads whose translation side is deleted.

    "sentence": ~rate of the 1-1 beads, one at a time; "block": runs of 2-5 consecutive
    paired beads (a paragraph-like cut in a text without paragraph marks) until ~rate
    of the paired beads are chosen.
    """
    paired = [k for k, b in enumerate(gold) if b[0] and b[1]]
    if mode == "sentence":
        ones = [k for k in paired if len(gold[k][0]) == 1 and len(gold[k][1]) == 1]
        return sorted(rng.sample(ones, max(1, round(rate * len(ones)))))
    chosen: set[int] = set()
    target = max(2, round(rate * len(paired)))
    while len(chosen) < target:
        length = rng.randint(2, 5)
        start = rng.randrange(0, max(1, len(paired) - length))
        chosen.update(paired[start : start + length])
    return sorted(chosen)


def omission_trial(lexicon, zh, en, gold, rng, mode, source, rate=0.05) -> tuple[int, int, int]:
    """Delete translations; the kept source sentences of those beads must come out 1-0.

    ``source`` is "zh" (the English is deleted) or "en" (the Chinese is deleted: the
    editors' case). Gold beads already one-sided on the source side are expected too.
    """
    s, t = (0, 1) if source == "zh" else (1, 0)
    chosen = _delete_translations(gold, rng, mode, rate)
    drop = {j for k in chosen for j in gold[k][t]}
    expected = {i for k in chosen for i in gold[k][s]} | {i for b in gold if not b[t] for i in b[s]}
    if source == "zh":
        test = align_zh_en(lexicon, zh, [x for j, x in enumerate(en) if j not in drop])
    else:
        test = align_zh_en(lexicon, [x for j, x in enumerate(zh) if j not in drop], en)
    found = {i for b in test if not b[t] for i in b[s]}
    return len(found & expected), len(found - expected), len(expected - found)


def omission_docs(corpus: str) -> list[tuple[str, list[str], list[str], list]]:
    if corpus == "mac-dev":
        return [
            (
                doc,
                read_lines(DATA / "mac-dev" / "zh" / f"{doc}.txt"),
                read_lines(DATA / "mac-dev" / "en" / f"{doc}.txt"),
                read_align(DATA / "mac-dev" / "gold" / f"{doc}.align"),
            )
            for doc in mac_docs()
        ]
    return [
        (
            doc,
            read_lines(DATA / "bible" / f"{doc}.zh.txt"),
            read_lines(DATA / "bible" / f"{doc}.en.txt"),
            read_align(DATA / "bible" / "gold" / f"{doc}.align"),
        )
        for doc in ("001", "002", "003")
    ]


def run_omission(lexicon, corpora: list[str], seed: int = 7, rate: float = 0.05) -> None:
    """Seeded deletion of ~5% of translated sentences / blocks; 1-0 precision and recall."""
    print(
        f"== omission detection (seed {seed}; {rate:.0%} of translated sentences deleted, one"
        " at a time or in runs of 2-5 beads; source zh = English deleted, source en ="
        " Chinese deleted)"
    )
    for corpus in corpora:
        docs = omission_docs(corpus)
        for mode in ("sentence", "block"):
            cells = []
            for source in ("zh", "en"):
                rng = random.Random(f"{seed}-{corpus}-{mode}-{source}")
                tp = fp = fn = 0
                for _doc, zh, en, gold in docs:
                    a, b, c = omission_trial(lexicon, zh, en, gold, rng, mode, source, rate)
                    tp, fp, fn = tp + a, fp + b, fn + c
                p = tp / (tp + fp) if tp + fp else 0.0
                r = tp / (tp + fn) if tp + fn else 0.0
                cells.append(f"source {source}: P {p:.3f} R {r:.3f} (tp {tp} fp {fp} fn {fn})")
            print(f"  {corpus:8s} {mode:8s} " + " | ".join(cells))


def drop_sentences(side: Side, drop: set[int]) -> Side:
    """The side without the given sentences (paragraphs kept, offsets rebuilt)."""
    sep = "" if side.lang == "zh" else " "
    text = ""
    sentences: list[Sentence] = []
    last_para = None
    for sent in side.sentences:
        if sent.id in drop:
            continue
        if last_para is not None:
            text += "\n\n" if sent.paragraph != last_para else sep
        start = len(text)
        text += sent.text
        sentences.append(Sentence(len(sentences), sent.paragraph, start, len(text), sent.text))
        last_para = sent.paragraph
    return Side(side.lang, side.role, text, sentences)


def run_paragraph_omission(lexicon, trials: int = 12) -> None:
    """On the seed: drop one translated paragraph; its English must come out 1-0."""
    from aligner_gui.core.resources import seed_path
    from aligner_gui.core.text.load import load_sides

    source, target = load_sides([seed_path()])
    full = align_sides(source, target, lexicon)
    already = {i for b in full if not b.target for i in b.source}
    zh_paras = sorted({s.paragraph for s in target.sentences})
    rng = random.Random(11)
    tp = fp = fn = 0
    for _ in range(trials):
        para = rng.choice(zh_paras)
        drop = {s.id for s in target.sentences if s.paragraph == para}
        expected = already | {i for b in full if set(b.target) & drop for i in b.source}
        test = align_sides(source, drop_sentences(target, drop), lexicon)
        found = {i for b in test if not b.target for i in b.source}
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(
        f"  seed, one translated paragraph dropped ({trials} trials): 1-0 precision {p:.3f}"
        f" recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="comma-separated parts: " + ",".join(PARTS))
    ap.add_argument("--quick", action="store_true", help="mac-dev and bible 001 only")
    ap.add_argument(
        "--peer",
        choices=["hunalign"],
        help="only the same-run table against this peer (built into ~/.cache on first use)",
    )
    ap.add_argument("--runs", type=int, default=2, help="runs of each side for --peer")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    args = ap.parse_args(argv)
    parts = [p for p in args.only.split(",") if p] or list(PARTS)
    unknown = set(parts) - set(PARTS)
    if unknown:
        ap.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    if args.quick and not args.only:
        parts = [p for p in parts if p in ("mac-dev", "bible")]
    have_mac = (DATA / "mac-dev" / "gold").is_dir()
    have_bible = (DATA / "bible" / "gold").is_dir()
    if args.peer:
        if not (have_mac and have_bible):
            print(f"peer benchmark skipped: data not present under {DATA}")
            return 0
        from aligner_gui.core.lexicon.lexicon import Lexicon

        run_peer_hunalign(Lexicon.load(), runs=args.runs)
        return 0
    needs = {"mac-dev": have_mac, "bible": have_bible, "concat": have_mac, "omission": have_mac}
    needs["peer"] = have_mac and have_bible
    missing = [p for p in parts if not needs[p]]
    if missing:
        print(f"skipped ({', '.join(missing)}): data not present under {DATA}")
    parts = [p for p in parts if needs[p]]
    if not parts:
        print("benchmark skipped: ../shared/data is not present")
        return 0
    if args.tracemalloc:
        tracemalloc.start()
    from aligner_gui.core.lexicon.lexicon import Lexicon

    t0 = time.perf_counter()
    lexicon = Lexicon.load()
    print(f"lexicon loaded in {time.perf_counter() - t0:.2f}s (not counted below)")
    if "mac-dev" in parts:
        run_mac_dev(lexicon)
    if "bible" in parts:
        run_bible(lexicon, ["001"] if args.quick else ["001", "002", "003"])
    if "concat" in parts:
        run_concat(lexicon)
    if "peer" in parts:
        run_peer(lexicon)
    if "omission" in parts:
        corpora = [c for c, ok in (("mac-dev", have_mac), ("bible", have_bible)) if ok]
        if args.quick:
            corpora = corpora[:1]
        run_omission(lexicon, corpora)
        run_paragraph_omission(lexicon)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    if args.tracemalloc:
        _cur, top = tracemalloc.get_traced_memory()
        print(f"peak traced Python allocations: {top / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
