"""Batch throughput and memory (run by hand; prints figures).

    python benchmarks/batch.py                  # 200 article-sized pairs: align x N vs batch
    python benchmarks/batch.py --pairs 40       # fewer
    python benchmarks/batch.py --small 5000     # 5,000 small pairs: kill, resume, check

Article-sized pairs (30-60 English sentences) are cut at gold bead boundaries from the
mac-dev chapters and the bible books of ../shared/data, one sentence per line (so every
run uses --presplit). In the same run it times N separate `aligner align` processes (one
after another), `aligner batch --jobs 1` and `aligner batch --jobs 2` (best of --repeat alternating
runs, as the machine may be shared; the load average is printed), and prints the
throughput ratios and each worker's peak memory and size over the batch (from
OUTDIR/.aligner-batch.json). ``--small`` cuts small pairs (3-8 sentences), runs
`aligner batch --jobs 2`, kills it (SIGKILL to its process group) half way, runs it
again and checks that nothing was lost or redone. Without the data it says so, exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner_gui.core.align.evaluation import read_align  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
ALIGNER = [sys.executable, "-m", "aligner_gui.cli"]


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def sources() -> list[tuple[str, list[str], list[str], list]]:
    """(label, en lines, zh lines, gold beads) of every mac-dev chapter and bible book."""
    found = []
    for gold in sorted((DATA / "mac-dev" / "gold").glob("*.align")):
        zh = read_lines(DATA / "mac-dev" / "zh" / f"{gold.stem}.txt")
        en = read_lines(DATA / "mac-dev" / "en" / f"{gold.stem}.txt")
        found.append((f"mac{gold.stem}", en, zh, read_align(gold)))
    for gold in sorted((DATA / "bible" / "gold").glob("*.align")):
        zh = read_lines(DATA / "bible" / f"{gold.stem}.zh.txt")
        en = read_lines(DATA / "bible" / f"{gold.stem}.en.txt")
        found.append((f"bible{gold.stem}", en, zh, read_align(gold)))
    return found


def cut(folder: Path, count: int, low: int, high: int) -> int:
    """Write ``count`` pairs NAME.en.txt/NAME.zh.txt of low..high English sentences each.

    Mac-dev chapters first, then the bible, taking pieces in turn from each source so the
    set mixes technical prose and scripture. Gold beads are zh->en (source, target).
    """
    pieces: list[list[tuple[str, list[str], list[str]]]] = []
    for label, en, zh, gold in sources():
        mine, en_part, zh_part, want = [], [], [], low
        for k, (zh_ids, en_ids) in enumerate(gold):
            zh_part += [zh[i] for i in zh_ids]
            en_part += [en[i] for i in en_ids]
            if len(en_part) >= want and zh_part:
                mine.append((f"{label}_{k:05d}", en_part, zh_part))
                en_part, zh_part = [], []
                want = low + (len(mine) * 7919) % (high - low + 1)  # varied sizes, fixed
        pieces.append(mine)
    written = 0
    while written < count and any(pieces):
        for mine in pieces:
            if mine and written < count:
                name, en_part, zh_part = mine.pop(0)
                (folder / f"{name}.en.txt").write_text("\n".join(en_part) + "\n", "utf-8")
                (folder / f"{name}.zh.txt").write_text("\n".join(zh_part) + "\n", "utf-8")
                written += 1
    return written


def timed(command: list[str], **options) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=False, **options)
    return time.perf_counter() - started


def batch(folder: Path, out: Path, jobs: int) -> float:
    command = [*ALIGNER, "batch", str(folder), "-o", str(out), "--presplit", "-q"]
    return timed([*command, "--jobs", str(jobs)])


def statuses(out: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    with open(out / "summary.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            found[row["status"]] = found.get(row["status"], 0) + 1
    return found


def memory(out: Path) -> str:
    """Worker processes in the order they started: documents, size after each one's last.

    Workers are replaced every runner.RECYCLE_AFTER documents, so a flat memory shows
    as the same size at the end of every worker, early or late in the batch.
    """
    state = json.loads((out / ".aligner-batch.json").read_text(encoding="utf-8"))
    workers = list(state["workers"].values())  # in the order of their first document
    peak = max(w["peak_kb"] for w in workers) / 1024
    ends = [w["last_rss_kb"] / 1024 for w in workers]
    shown = ends if len(ends) <= 8 else ends[:4] + ends[-4:]
    text = ", ".join(f"{mb:.0f}" for mb in shown)
    if len(ends) > 8:
        head, tail = text.split(", ")[:4], text.split(", ")[4:]
        text = ", ".join(head) + ", ..., " + ", ".join(tail)
    documents = [w["documents"] for w in workers]
    return (
        f"    {len(workers)} worker processes ({min(documents)}-{max(documents)} documents "
        f"each), peak {peak:.0f} MB; RSS MB at each worker's last document: {text}"
    )


def _spin(_: int = 0) -> float:
    started = time.perf_counter()
    total = 0
    for k in range(6_000_000):
        total += k % 7
    return time.perf_counter() - started


def ceiling() -> float:
    """What two processes get from this machine now: 2 x one loop's time / two loops' time.

    A pure-Python loop, alone and then two at once; 2.0 means two free cores.
    """
    from concurrent.futures import ProcessPoolExecutor

    alone = _spin()
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [0, 0]))  # start the workers
        started = time.perf_counter()
        list(pool.map(_spin, [0, 0]))
        both = time.perf_counter() - started
    return 2 * alone / both


def cpu_seconds(out: Path) -> float:
    """CPU time the workers spent on the documents (from .aligner-batch.json)."""
    state = json.loads((out / ".aligner-batch.json").read_text(encoding="utf-8"))
    return sum(worker.get("cpu_seconds", 0.0) for worker in state["workers"].values())


def seconds_column(out: Path) -> float:
    """The summed per-document times: the CPU the documents took, as the workers saw it."""
    with open(out / "summary.tsv", encoding="utf-8", newline="") as handle:
        return sum(float(r["seconds"] or 0) for r in csv.DictReader(handle, delimiter="\t"))


def _load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def run_articles(pairs: int, repeat: int) -> None:
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="aligner-bench-batch-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        count = cut(folder, pairs, 30, 60)
        en_sentences = sum(len(read_lines(p)) for p in folder.glob("*.en.txt"))
        print(f"== {count} article-sized pairs ({en_sentences / count:.0f} English sentences on")
        print("   average, cut from mac-dev and bible at gold bead boundaries; all --presplit)")
        separate = Path(tmp) / "separate"
        separate.mkdir()
        started = time.perf_counter()
        for en in sorted(folder.glob("*.en.txt")):
            name = en.name.removesuffix(".en.txt")
            zh = folder / f"{name}.zh.txt"
            command = [*ALIGNER, "align", str(en), str(zh), "--presplit", "-q"]
            subprocess.run([*command, "-o", str(separate / f"{name}.json")], check=True)
        t_separate = time.perf_counter() - started
        # Best of ``repeat`` alternating runs: the machine may be shared.
        t_one = t_two = float("inf")
        ceilings = []
        for k in range(repeat):
            ceilings.append(ceiling())
            t_one = min(t_one, batch(folder, Path(tmp) / f"jobs1-{k}", 1))
            t_two = min(t_two, batch(folder, Path(tmp) / f"jobs2-{k}", 2))
        for label, seconds in (
            (f"{count} x aligner align", t_separate),
            ("aligner batch --jobs 1", t_one),
            ("aligner batch --jobs 2", t_two),
        ):
            print(f"  {label:<24} {seconds:7.1f} s  {count / seconds:6.2f} documents/s")
        print(f"  --jobs 2 / separate processes: {t_separate / t_two:.2f} x the throughput")
        print(f"  --jobs 2 / --jobs 1:           {t_one / t_two:.2f} x")
        print(f"  --jobs 1 / separate processes: {t_separate / t_one:.2f} x")
        work = [seconds_column(Path(tmp) / f"jobs{n}-{k}") for n in (1, 2) for k in range(repeat)]
        print(
            f"  summed per-document seconds: --jobs 1 {min(work[:repeat]):.1f}, "
            f"--jobs 2 {min(work[repeat:]):.1f} (more: the workers were slowed down)"
        )
        cpu = [cpu_seconds(Path(tmp) / f"jobs{n}-0") for n in (1, 2)]
        print(f"  CPU seconds of the documents: --jobs 1 {cpu[0]:.1f}, --jobs 2 {cpu[1]:.1f}")
        print(
            "  machine's ceiling for 2 processes (2 x one loop / two loops at once, "
            f"before each pair of runs): {', '.join(f'{c:.2f}' for c in ceilings)}"
        )
        print(f"  statuses --jobs 2: {statuses(Path(tmp) / 'jobs2-0')}")
        print("  memory per worker, --jobs 2:")
        print(memory(Path(tmp) / "jobs2-0"))
        print(f"  load average before/after: {load_before} / {_load()}")


def run_small(pairs: int) -> None:
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="aligner-bench-small-") as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        count = cut(folder, pairs, 3, 8)
        print(f"== {count} small pairs (3-8 English sentences), aligner batch --jobs 2")
        command = [*ALIGNER, "batch", str(folder), "-o", str(out), "--presplit", "-q"]
        command += ["--jobs", "2"]
        started = time.perf_counter()
        process = subprocess.Popen(command, start_new_session=True)
        while process.poll() is None and _projects(out) < count // 2:
            time.sleep(0.2)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        killed_at = time.perf_counter() - started
        done = _projects(out)
        print(f"  killed (SIGKILL to the process group) after {killed_at:.1f} s: {done} projects")
        before = {p.name: p.stat().st_mtime_ns for p in out.glob("[!.]*.json")}
        started = time.perf_counter()
        subprocess.run(command, check=False)
        resumed = time.perf_counter() - started
        found = statuses(out)
        redone = sum(1 for name, ns in before.items() if (out / name).stat().st_mtime_ns != ns)
        print(f"  resumed in {resumed:.1f} s: {found}")
        print(
            f"  lost: {count - found.get('aligned', 0) - found.get('unchanged', 0)}, redone: "
            f"{redone} of the {len(before)} written before the kill, "
            f"left-over temporary files: {len(list(out.glob('.*.tmp')))}"
        )
        print(f"  throughput over both runs: {count / (killed_at + resumed):.1f} documents/s")
        print("  memory per worker (the resumed run):")
        print(memory(out))
        print(f"  load average before/after: {load_before} / {_load()}")


def _projects(out: Path) -> int:
    if not out.is_dir():
        return 0
    return sum(1 for _ in out.glob("[!.]*.json"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200, help="article-sized pairs (200)")
    parser.add_argument("--small", type=int, default=0, metavar="N", help="N small pairs")
    parser.add_argument("--repeat", type=int, default=2, help="batch runs, best of (2)")
    args = parser.parse_args()
    if not (DATA / "mac-dev" / "gold").is_dir() or not (DATA / "bible" / "gold").is_dir():
        print(f"{DATA}/mac-dev and bible are not present: nothing to measure")
        return 0
    if args.small:
        run_small(args.small)
    else:
        run_articles(args.pairs, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
