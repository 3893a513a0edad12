"""Long fuzz run of the loaders on mutated real files (run by hand, not in CI).

    python benchmarks/fuzz_loaders.py [--seconds 600] [--start-seed 0] [--verbose]

Targets: the seed aligned and saved as a project JSON, its TMX, MQM TSV and InterText exports,
and the InterText files in ../shared/data/mac-dev/intertext (if present). Each case
mutates one file (see tests/robustness/fuzzing.py) and loads it with
``load_project`` / ``import_file``; the only allowed failures are the project's typed
errors, and an accepted file must save and reopen. Prints the number of cases tried,
the outcomes, and one reproducer per distinct bug (seeds are deterministic: rerun a
single case with --only TARGET:SEED).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

import fuzzing  # noqa: E402

SEED_TEXT = ROOT / "seeds" / "000_730210bb8f392e85.txt"
INTERTEXT_DIR = ROOT.parent / "shared" / "data" / "mac-dev" / "intertext"


def build_targets(folder: Path) -> list[fuzzing.Target]:
    from aligner_gui.core.model import Annotation
    from aligner_gui.core.pipeline import align_document, load_document
    from aligner_gui.io.formats import export_document, import_file
    from aligner_gui.io.project import load_project

    doc = load_document([SEED_TEXT])
    align_document(doc)
    for side_name in ("source", "target"):
        side = doc.side(side_name)
        s = side.sentences[min(3, len(side.sentences) - 1)]
        doc.add_annotation(Annotation("omission", side_name, s.start, s.end, s.text,
                                      "Accuracy/Omission", comment="<b>x</b>"))
    targets = []
    project = export_document(doc, "json", folder / "seed.json")[0]
    targets.append(fuzzing.Target("json", project, [project], load_project, "json"))
    tmx = export_document(doc, "tmx", folder / "seed.tmx")[0]
    targets.append(fuzzing.Target("tmx", tmx, [tmx], import_file, "xml"))
    tsv = export_document(doc, "mqm-tsv", folder / "seed.tsv")[0]
    targets.append(fuzzing.Target("mqm-tsv", tsv, [tsv], import_file, "tsv"))
    inter = folder / "intertext"
    inter.mkdir()
    files = export_document(doc, "intertext", inter / "seed.zh.en.xml")
    targets.append(fuzzing.Target("intertext", files[0], files, import_file, "xml"))
    if INTERTEXT_DIR.is_dir():
        for link in sorted(INTERTEXT_DIR.glob("*.*.*.xml")):
            text, ver1, ver2 = link.name.split(".")[:3]
            texts = [INTERTEXT_DIR / f"{text}.{ver1}.xml", INTERTEXT_DIR / f"{text}.{ver2}.xml"]
            if all(t.is_file() for t in texts):
                name = f"mac-dev/{link.name}"
                targets.append(fuzzing.Target(name, link, [link, *texts], import_file, "xml"))
    return targets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--start-seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=50, help="cases per target in turn")
    parser.add_argument("--only", help="TARGET:SEED, rerun one case and print its trace")
    parser.add_argument("--verbose", action="store_true", help="print full tracebacks")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        targets = build_targets(folder)
        if args.only:
            name, seed = args.only.rsplit(":", 1)
            target = next(t for t in targets if t.name == name)
            entry, desc = fuzzing.make_case(target, int(seed), folder / "only")
            outcome = fuzzing.run_loader(target.loader, entry, folder)
            print(desc)
            print(outcome.kind, outcome.signature, outcome.detail)
            print(outcome.trace)
            return 0
        report = fuzzing.Report()
        deadline = time.monotonic() + args.seconds
        started = time.monotonic()
        seed = args.start_seed
        while time.monotonic() < deadline:
            for target in targets:
                fuzzing.campaign(target, range(seed, seed + args.batch), folder / "work",
                                 report, deadline)
            seed += args.batch
        elapsed = time.monotonic() - started
    print(f"cases tried: {report.cases} in {elapsed:.0f} s "
          f"({len(targets)} targets, seeds {args.start_seed}..{seed - 1})")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items())))
    print(f"slowest case: {report.slowest[0]:.2f} s ({report.slowest[2][:120]})")
    if not report.bugs:
        print("bugs: none")
        return 0
    print(f"distinct bugs: {len(report.bugs)}")
    for signature, cases in sorted(report.bugs.items(), key=lambda kv: -len(kv[1])):
        seed_no, desc, detail, trace = cases[0]
        print(f"\n[{len(cases)} cases] {signature}")
        print(f"  e.g. {desc[:200]}")
        print(f"  -> {detail[:200]}")
        if args.verbose and trace:
            print("  " + trace.replace("\n", "\n  "))
    return 1


if __name__ == "__main__":
    sys.exit(main())
