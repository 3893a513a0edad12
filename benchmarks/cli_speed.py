"""Wall time and peak memory of fresh `aligner align` processes (run by hand).

    python benchmarks/cli_speed.py                      # this checkout
    python benchmarks/cli_speed.py --against /tmp/old   # and an older source tree, alternating
    python benchmarks/cli_speed.py --cases two,seed --runs 5

Cases: ``two`` (a two-sentence pair), ``seed`` (the bundled seed), ``mac`` (the 12
mac-dev chapters joined, 2,572 x 3,547 sentences, --presplit; align + `aligner export -o
.tsv`, the issue's "align + export"), ``bible3`` (bible 003, 19,653 x 15,000 verses).
Every run is a new process started from a shell-like environment (bytecode written and
read as after a normal install), with the dictionary caches already built; ``first``
runs the seed with an empty cache folder (the first start on a machine). The peak
memory is the child's maximum resident set (``wait4``). With ``--against``, each run of
this tree is followed by a run of that tree (``PYTHONPATH``), so both see the same load;
the ratio is ours / theirs. ``--serial`` also runs this tree with ALIGNER_PROCESSES=1
(no helper process), to show what the second core adds. mac and bible3 need
../shared/data; missing data skips those cases.
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
DATA = ROOT.parent / "shared" / "data"
SEED = ROOT / "seeds" / "000_730210bb8f392e85.txt"
CASES = ("two", "seed", "first", "mac", "bible3")
TWO = "美国和俄罗斯同意延长条约。\n\nThe United States and Russia agreed to extend the treaty.\n"


def _env(tree: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine
    env["PYTHONPATH"] = str(tree)
    env.update(extra or {})
    return env


def _run(commands: list[list[str]], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Seconds for the commands in turn, and the largest child peak RSS in MB.

    Run from ``cwd`` (not a source tree): ``python -m`` puts the working folder first on
    the path, before PYTHONPATH."""
    peak = 0
    t0 = time.perf_counter()
    for command in commands:
        proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)  # fmt: skip
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.returncode:
            raise RuntimeError(f"{' '.join(command)} failed: {err.strip()[-300:]}")
        peak = max(peak, usage.ru_maxrss)
    return time.perf_counter() - t0, peak / 1024


def _inputs(case: str, folder: Path) -> tuple[list[str], list[list[str]]] | None:
    """Arguments of `aligner align` for a case, and any command to run after it."""
    out = str(folder / "out.json")
    if case == "two":
        (folder / "two.txt").write_text(TWO, encoding="utf-8")
        return [str(folder / "two.txt"), "-o", out], []
    if case in ("seed", "first"):
        return [str(SEED), "-o", out], []
    if case == "mac":
        if not (DATA / "mac-dev" / "gold").is_dir():
            return None
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from align_quality import concat_mac

        zh, en, _gold = concat_mac()
        (folder / "zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
        (folder / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
        after = [["export", out, "-o", str(folder / "out.tsv")]]
        return ["--presplit", "--source-lang", "zh", str(folder / "zh.txt"),
                str(folder / "en.txt"), "-o", out], after  # fmt: skip
    if case == "bible3":
        en, zh = DATA / "bible" / "003.en.txt", DATA / "bible" / "003.zh.txt"
        if not en.is_file():
            return None
        return ["--presplit", str(en), str(zh), "-o", out], []
    raise ValueError(case)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--against", type=Path, help="an older source tree to time alternately")
    ap.add_argument("--serial", action="store_true", help="also ALIGNER_PROCESSES=1")
    args = ap.parse_args(argv)
    cases = [c for c in args.cases.split(",") if c]
    trees = [("ours", ROOT, {})]
    if args.serial:
        trees.append(("ours, one process", ROOT, {"ALIGNER_PROCESSES": "1"}))
    if args.against:
        trees.append(("against", args.against.resolve(), {}))
    print(f"median of {args.runs} runs; peak = largest resident set of a child process")
    # The compiled dictionary is versioned by the code that builds it: two trees sharing a
    # cache folder would rebuild it for each other on every run. The other tree gets a
    # cache folder of its own, and every tree builds its cache once, untimed.
    own_cache = tempfile.TemporaryDirectory(prefix="cli-speed-cache-")
    for name, tree, extra in trees:
        if name == "against":
            extra["XDG_CACHE_HOME"] = own_cache.name
        with tempfile.TemporaryDirectory() as tmp:
            align_args, _after = _inputs("two", Path(tmp)) or ([], [])
            _run([[sys.executable, "-m", "aligner_gui.cli", "align", "-q", *align_args]],
                 _env(tree, extra), Path(tmp))
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            spec = _inputs(case, folder)
            if spec is None:
                print(f"{case}: skipped (../shared/data absent)")
                continue
            align_args, after = spec
            times: dict[str, list[float]] = {name: [] for name, _t, _e in trees}
            peaks: dict[str, float] = {name: 0.0 for name, _t, _e in trees}
            for _ in range(args.runs):
                for name, tree, extra in trees:
                    env_extra = dict(extra)
                    if case == "first":
                        cache = folder / f"cache-{name}"
                        subprocess.run(["rm", "-rf", str(cache)], check=True)
                        env_extra["XDG_CACHE_HOME"] = str(cache)
                    cli = [sys.executable, "-m", "aligner_gui.cli"]
                    commands = [cli + ["align", "-q", *align_args]]
                    commands += [cli + a for a in after]
                    seconds, peak = _run(commands, _env(tree, env_extra), folder)
                    times[name].append(seconds)
                    peaks[name] = max(peaks[name], peak)
            ours = statistics.median(times["ours"])
            line = f"{case:7s}"
            for name, _tree, _extra in trees:
                median = statistics.median(times[name])
                line += f"  {name}: {median:6.2f} s, peak {peaks[name]:5.0f} MB"
                if name != "ours":
                    line += f" (ours / this: {ours / median:.2f})"
            print(line, flush=True)
    own_cache.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
