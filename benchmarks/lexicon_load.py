"""Lexicon figures, printed by hand: load times, jieba start-up, token throughput.

    python benchmarks/lexicon_load.py [--sentences N]

Measures (each in a fresh process where it matters, so caches do not flatter):
  * first build: CC-CEDICT compiled and the JSON cache written, into an empty dir;
  * cold load: a new process reading that cache (import time shown apart);
  * jieba: first tokenisation building jieba's own cache, then reading it;
  * throughput of zh_content / en_content / gloss on uncached sentences
    (../shared/data/bible if present, else the seed document repeated);
  * name-key recall/precision on the test list of real name pairs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_CHILD = r"""
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from aligner_gui.core.lexicon.lexicon import Lexicon
t1 = time.perf_counter(); c1 = time.process_time()
lex = Lexicon.load(cache_dir=Path(sys.argv[1]))
t2 = time.perf_counter(); c2 = time.process_time()
lex.zh_tokens("美国和俄罗斯")
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {int(lex.built)} {c2 - c1:.3f}")
"""


def _child(cache_dir: Path) -> tuple[float, float, float, bool, float]:
    """import, load (wall), jieba first use, built?, load (CPU) of a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(cache_dir)],
        check=True, capture_output=True, text=True, cwd=ROOT,
    ).stdout.split()  # fmt: skip
    return float(out[0]), float(out[1]), float(out[2]), out[3] == "1", float(out[4])


def _sentences(limit: int) -> tuple[list[str], list[str]]:
    bible = ROOT.parent / "shared" / "data" / "bible"
    zh_file, en_file = bible / "002.zh.txt", bible / "002.en.txt"
    if zh_file.is_file() and en_file.is_file():
        zh = zh_file.read_text(encoding="utf-8").splitlines()[:limit]
        en = en_file.read_text(encoding="utf-8").splitlines()[:limit]
        return zh, en
    from aligner_gui.core.resources import seed_path

    lines = [ln for ln in seed_path().read_text(encoding="utf-8").splitlines() if ln.strip()]
    zh = [ln for ln in lines if any("\u4e00" <= c <= "\u9fff" for c in ln)]
    en = [ln for ln in lines if ln not in zh]
    reps = max(1, limit // max(1, len(zh)))
    # Make repeats distinct so the per-text caches do not answer.
    return (
        [f"{s}{k}" for k in range(reps) for s in zh][:limit],
        [f"{s} {k}" for k in range(reps) for s in en][:limit],
    )


def _name_figures() -> str:
    spec = importlib.util.spec_from_file_location(
        "test_names", ROOT / "tests" / "core" / "test_names.py"
    )
    if spec is None or spec.loader is None:
        return "name keys: test list not found"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    recall, precision, hits, false = module._pair_stats()
    from aligner_gui.core.text.names import name_similarity

    pairs = module.NAME_PAIRS
    sims_true = [name_similarity(z, e) for z, e in pairs]
    sims_false = [name_similarity(z, e2) for (z, _), (_, e2) in
                  ((pairs[i], pairs[j]) for i in range(len(pairs)) for j in range(len(pairs))
                   if pairs[i][1] != pairs[j][1])]  # fmt: skip
    thr = 0.75
    tp = sum(s >= thr for s in sims_true)
    fp = sum(s >= thr for s in sims_false)
    return (
        f"name keys (exact ~py: key, {len(pairs)} real pairs): recall {recall:.2f} "
        f"({hits}/{len(pairs)}), precision {precision:.2f} ({false} false collisions over "
        f"all zh x en combinations and {len(module.OTHER_CAPITALISED)} capitalised non-names)\n"
        f"name_similarity >= {thr}: recall {tp / len(pairs):.2f}, "
        f"precision {tp / max(1, tp + fp):.2f} ({fp} false of {len(sims_false)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        imp, build, jieba_first, built, build_cpu = _child(cache)
        assert built
        print(
            f"first build (CEDICT -> JSON cache): {build:.2f} s wall, {build_cpu:.2f} s CPU "
            f"(import {imp:.2f} s)"
        )
        print(f"jieba first use, building its cache: {jieba_first:.2f} s")
        loads = [_child(cache) for _ in range(3)]
        best = min(loads, key=lambda r: r[1])
        print(
            f"cold load, new process, cache present: {best[1]:.3f} s wall, {best[4]:.3f} s CPU "
            f"(best of 3; import {best[0]:.2f} s; jieba first use from its cache {best[2]:.2f} s)"
        )
        print(f"load average during the run: {os.getloadavg()[0]:.1f} (2 cores: figures scale)")
        size = sum(p.stat().st_size for p in cache.iterdir()) / 1e6
        print(f"cache dir size: {size:.1f} MB")

        from aligner_gui.core.lexicon.lexicon import Lexicon

        t = time.perf_counter()
        lex = Lexicon.load(cache_dir=cache)
        print(f"warm load, same process: {time.perf_counter() - t:.3f} s, {len(lex)} headwords")
        lex.zh_tokens("预热")
        zh, en = _sentences(args.sentences)

        t = time.perf_counter()
        n_zh = sum(len(lex.zh_tokens(s)) for s in zh)
        dt_tok = time.perf_counter() - t
        t = time.perf_counter()
        n_zc = sum(len(lex.zh_content(s)) for s in zh)
        dt_zc = time.perf_counter() - t
        t = time.perf_counter()
        n_ec = 0
        n_en = 0
        for s in en:
            n_en += len(lex.en_tokens(s))
            n_ec += len(lex.en_content(s))
        dt_ec = time.perf_counter() - t
        t = time.perf_counter()
        for s in zh:
            lex.gloss(s)
        dt_gl = time.perf_counter() - t
        t = time.perf_counter()
        for s in zh:
            lex.zh_content(s)
        for s in en:
            lex.en_content(s)
        dt_cached = time.perf_counter() - t

        print(f"sentences: {len(zh)} zh, {len(en)} en")
        print(f"zh_tokens (jieba): {n_zh / dt_tok:,.0f} tokens/s ({dt_tok:.2f} s)")
        print(f"zh_content after tokens: {n_zc / dt_zc:,.0f} content words/s ({dt_zc:.2f} s)")
        print(f"zh end-to-end: {n_zh / (dt_tok + dt_zc):,.0f} tokens/s")
        print(f"en_content: {n_en / dt_ec:,.0f} tokens/s ({dt_ec:.2f} s, {n_ec} content items)")
        print(f"gloss (tokens cached): {len(zh) / dt_gl:,.0f} sentences/s")
        print(f"repeat calls (lru cache): {(len(zh) + len(en)) / dt_cached:,.0f} sentences/s")
    print(_name_figures())


if __name__ == "__main__":
    main()
