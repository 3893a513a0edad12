"""Where the engine's time goes (run by hand; prints cProfile figures).

    python benchmarks/profile_engine.py              # all cases
    python benchmarks/profile_engine.py --case bible # one case

Cases, each in a fresh process so that none warms another's caches:
  mac    the 12 mac-dev chapters joined into one pair (as align_quality.py's "concat"),
         dictionary load + ``pipeline.align_document`` (align, score, coverage, risk)
  bible  bible 003 (19,653 zh x 15,000 en verses), the same
  cli    a two-sentence pair through ``python -m aligner_gui.cli align`` (wall time, and
         profiled), ``--help``'s wall time, and ``-X importtime`` of the CLI module

Per case: wall time, the top functions by cumulative time with their share of the
profiled total, and self time summed by area (alignment DP, lexical features, ...).
cProfile slows pure-Python code down by itself, so shares matter more than seconds.
Data comes from ../shared/data; without it the mac and bible cases are skipped.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CASES = ("mac", "bible", "cli")
TOP = 12

# (path fragment, area): the first match names a function's area.
AREAS = (
    ("aligner_gui/core/align/dp", "alignment DP"),
    ("aligner_gui/core/align/cost", "alignment costs"),
    ("aligner_gui/core/align/posterior", "alignment posterior"),
    ("aligner_gui/core/anchoring", "anchoring"),
    ("aligner_gui/core/align/lexical", "lexical features"),
    ("aligner_gui/core/align/features", "lexical features"),
    ("aligner_gui/core/align/", "alignment driver"),
    ("aligner_gui/core/scoring", "bead scoring"),
    ("aligner_gui/core/classify", "bead scoring"),
    ("aligner_gui/core/coverage", "coverage lens"),
    ("aligner_gui/core/qe/", "risk features / QA"),
    ("aligner_gui/core/names", "names / numbers"),
    ("aligner_gui/core/name_check", "names / numbers"),
    ("aligner_gui/core/numbers", "names / numbers"),
    ("aligner_gui/core/lexicon", "lexicon (load, token caches)"),
    ("aligner_gui/core/textload", "text loading / segmentation"),
    ("aligner_gui/core/segment", "text loading / segmentation"),
    ("aligner_gui/io/", "export (io)"),
    ("aligner_gui/core/", "other engine"),
    ("aligner_gui/", "CLI / package"),
    ("/jieba/", "jieba tokenisation"),
    ("<frozen importlib", "imports (module loading)"),
)
# Self time outside the named areas (C builtins, json, re, ...) is charged to the callers,
# split by their share of the calls' cumulative time, up to the nearest named area.
UNNAMED = ("builtins (C)", "other Python")


def area_of(func: tuple[str, int, str]) -> str:
    path = func[0].replace("\\", "/")
    if func[2] == "<module>" and "aligner_gui/" not in path:
        return "imports (module loading)"  # a library's module body, run by an import
    for fragment, name in AREAS:
        if fragment in path:
            return name
    if path == "~":  # C builtins: cProfile gives no file
        return "builtins (C)"
    return "other Python"


def charge(raw: dict, func: tuple, memo: dict, active: set | None = None) -> dict[str, float]:
    """Fractions of ``func``'s self time per named area (see UNNAMED); memoised, cycles cut."""
    if func in memo:
        return memo[func]
    active = set() if active is None else active
    own = area_of(func)
    callers = raw[func][4]
    weights = {c: e[3] for c, e in callers.items() if c not in active}
    total = sum(weights.values())
    if own not in UNNAMED or total <= 0:
        memo[func] = {own: 1.0}
        return memo[func]
    active.add(func)
    out: dict[str, float] = {}
    for caller, w in weights.items():
        for name, frac in charge(raw, caller, memo, active).items():
            out[name] = out.get(name, 0.0) + frac * w / total
    active.discard(func)
    memo[func] = out
    return out


def label(func: tuple[str, int, str]) -> str:
    path, line, name = func
    if path == "~":
        return name
    p = path.replace("\\", "/")
    for marker in ("aligner_gui/", "site-packages/", "lib/python3"):
        if marker in p:
            p = p[p.index(marker) :].removeprefix("site-packages/")
            break
    return f"{p}:{line} {name}"


def report(profile: cProfile.Profile | pstats.Stats, wall: float) -> None:
    stats = profile if isinstance(profile, pstats.Stats) else pstats.Stats(profile)
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for _cc, _nc, tt, _ct, _callers in raw.values()) or 1e-9
    print(f"  wall {wall:.2f}s (profiled total {total:.2f}s)")
    print(f"  top {TOP} functions by cumulative time (share of the profiled total):")
    rows = sorted(raw.items(), key=lambda kv: -kv[1][3])
    shown = 0
    for func, (_cc, nc, _tt, ct, _callers) in rows:
        if func[2] in ("<module>", "<built-in method builtins.exec>") or "importlib" in func[0]:
            continue
        if func[0] == "<string>" or "cProfile" in func[0] or "runpy" in func[0]:
            continue
        print(f"    {100 * ct / total:5.1f}%  {ct:7.2f}s  {nc:>9}  [{area_of(func)}] {label(func)}")
        shown += 1
        if shown == TOP:
            break
    by_area: dict[str, float] = {}
    memo: dict = {}
    for func, (_cc, _nc, tt, _ct, _callers) in raw.items():
        for name, frac in charge(raw, func, memo).items():
            by_area[name] = by_area.get(name, 0.0) + tt * frac
    print("  self time by area (builtins, json, re... charged to their callers' area):")
    for name, tt in sorted(by_area.items(), key=lambda kv: -kv[1]):
        if tt / total >= 0.005:
            print(f"    {100 * tt / total:5.1f}%  {tt:7.2f}s  {name}")


def profile_pair(title: str, zh: list[str], en: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from aligner_gui.core.lexicon.lexicon import Lexicon
    from aligner_gui.core.model import AlignmentDocument
    from aligner_gui.core.pipeline import align_document

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from align_quality import side_from_lines

    doc = AlignmentDocument(
        side_from_lines(zh, "zh", "original"), side_from_lines(en, "en", "translation")
    )
    print(f"== {title} ({len(zh)} zh x {len(en)} en), dictionary load + align_document")
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    lexicon = Lexicon.load()
    t_load = time.perf_counter() - t0
    align_document(doc, lexicon=lexicon)
    prof.disable()
    wall = time.perf_counter() - t0
    print(f"  {len(doc.beads)} beads; dictionary load {t_load:.2f}s of the wall time")
    report(prof, wall)


def case_mac() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from align_quality import concat_mac

    zh, en, _gold = concat_mac()
    profile_pair("mac-dev, 12 chapters joined", zh, en)


def case_bible() -> None:
    zh = (DATA / "bible" / "003.zh.txt").read_text(encoding="utf-8").splitlines()
    en = (DATA / "bible" / "003.en.txt").read_text(encoding="utf-8").splitlines()
    profile_pair("bible 003", zh, en)


def _wall(cmd: list[str], cwd: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - t0


def importtime_top(n: int = 10) -> list[tuple[int, int, str]]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import aligner_gui.cli"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        self_us, cum_us, name = line.removeprefix("import time:").split("|")
        rows.append((int(cum_us), int(self_us), name.rstrip()))
    return sorted(rows, reverse=True)[:n]


def case_cli(runs: int = 3) -> None:
    print("== CLI, fresh processes: two-sentence pair, --help, import time")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "en.txt").write_text("The cat sat on the mat. It was happy.\n", encoding="utf-8")
        (d / "zh.txt").write_text("猫坐在垫子上。它很高兴。\n", encoding="utf-8")
        py = sys.executable
        align = [py, "-m", "aligner_gui.cli", "align", "en.txt", "zh.txt", "-o", "out.json"]
        _wall(align, d)  # the dictionary cache exists after this, as for any second use
        t_align = statistics.median(_wall(align, d) for _ in range(runs))
        t_help = statistics.median(
            _wall([py, "-m", "aligner_gui.cli", "--help"], d) for _ in range(runs)
        )
        t_bare = statistics.median(_wall([py, "-c", "pass"], d) for _ in range(runs))
        print(
            f"  median of {runs}: align 2+2 sentences {t_align:.2f}s | --help {t_help:.2f}s"
            f" | bare python {t_bare:.2f}s"
        )
        t0 = time.perf_counter()
        subprocess.run(
            [py, "-m", "cProfile", "-o", "cli.prof", *align[1:]],
            cwd=d,
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - t0
        print("  align, profiled (imports included):")
        report(pstats.Stats(str(d / "cli.prof")), wall)
    print("  python -X importtime -c 'import aligner_gui.cli', top 10 by cumulative time:")
    for cum, self_us, name in importtime_top():
        print(f"    {cum / 1e6:6.3f}s cumulative {self_us / 1e6:6.3f}s self  {name.strip()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--case", choices=CASES, help="run one case in this process")
    args = ap.parse_args(argv)
    have = {
        "mac": (DATA / "mac-dev" / "gold").is_dir(),
        "bible": (DATA / "bible" / "003.zh.txt").is_file(),
        "cli": True,
    }
    if args.case:
        if not have[args.case]:
            print(f"{args.case}: data not present under {DATA}; skipped")
            return 0
        {"mac": case_mac, "bible": case_bible, "cli": case_cli}[args.case]()
        return 0
    for case in CASES:
        if not have[case]:
            print(f"{case}: data not present under {DATA}; skipped")
            continue
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--case", case], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
