"""Seed document: align + score from a cold process, including the dictionary load.

Run by hand: ``python benchmarks/seed_cold.py [--runs 5]``. Each run is a fresh
``aligner align`` process. "first" runs use an empty cache folder (the dictionary
cache is built); "warm" runs reuse it. As a peer in the same run, a bare Python
process that only imports jieba and segments the seed's Chinese is timed too, and
the ratio printed (this machine is shared: compare ratios, not seconds).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_730210bb8f392e85.txt"

PEER = (
    "import jieba, sys; jieba.setLogLevel(60); "
    "text = open(sys.argv[1], encoding='utf-8').read(); print(len(jieba.lcut(text)))"
)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    first, warm, peer = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.json"
        for k in range(args.runs):
            home = Path(tmp) / f"home{k}"
            home.mkdir()
            env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
            align = [sys.executable, "-m", "aligner_gui.cli", "align", str(SEED), "-o", str(out),
                     "-q"]
            first.append(timed(align, env))
            warm.append(timed(align, env))
            peer.append(timed([sys.executable, "-c", PEER, str(SEED)], env))

    def show(name: str, values: list[float]) -> float:
        median = statistics.median(values)
        print(f"{name:38} median {median:5.2f} s  (min {min(values):.2f}, max {max(values):.2f})")
        return median

    print(f"seed: {SEED.name}, {args.runs} runs each")
    m_first = show("align+score, empty cache (first use)", first)
    m_warm = show("align+score, cache built (cold process)", warm)
    m_peer = show("peer: python + jieba segmentation only", peer)
    print(f"ratio warm / peer: {m_warm / m_peer:.2f}   first / peer: {m_first / m_peer:.2f}")


if __name__ == "__main__":
    main()
