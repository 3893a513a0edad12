"""The review queue on a folder of 200 projects: opening it cold and warm, and the window's
responsiveness while the queue aligns documents in the background.

Run by hand: ``python benchmarks/queue_open.py [--projects 200] [--runs 5] [--align 8]
[--base PROJECT]``.
Prints figures, asserts nothing. Needs no shared data (it uses the bundled seed and the
news articles of tests/data).

* the folder: the seed aligned once, its project copied 200 times with different names
  and expected Major errors (so sorting has work to do);
* open: a main window (offscreen, shown), ``review_queue.open_folder(FOLDER)`` timed to
  the sorted list filled and painted. *Cold*: no state file, every project is parsed;
  *warm*: from ``.aligner-queue.json`` (unchanged projects are not read). Also the
  Qt-free ``ReviewQueue.open`` alone;
* responsiveness: a folder of ``--align`` raw news articles not aligned yet; while the
  queue aligns them, a 10 ms timer on the GUI thread records how late it fires (the
  longest stall and the 99th percentile), for the worker process the window uses and,
  as the peer, the same work in a QThread.

Target (issue 17): opens 200 projects in under 1 s and stays responsive while aligning.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from aligner_gui.core.resources import seed_path  # noqa: E402
from aligner_gui.io.review_queue import STATE_NAME, ReviewQueue, align_into_project  # noqa: E402

NEWS = ROOT / "tests" / "data" / "news"


def make_projects(folder: Path, count: int, base: Path | None) -> int:
    """``count`` copies of a project (default: the seed aligned) with different risks;
    the size of one."""
    if base is None:
        base = folder / "_base.json"
        align_into_project([seed_path()], base)
        data = json.loads(base.read_text(encoding="utf-8"))
        base.unlink()
    else:
        data = json.loads(base.read_text(encoding="utf-8"))
    for k in range(count):
        data["scores"]["risk"]["expected_major"] = round((k * 37 % count) / 10, 2)
        text = json.dumps(data, ensure_ascii=False, indent=1)
        (folder / f"doc_{k:03d}.json").write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def make_raw(folder: Path, count: int, pair: list[Path] | None) -> str:
    """``count`` documents to align: the news articles, or copies of ``pair`` (EN ZH)."""
    if pair:
        for k in range(count):
            for path, lang in zip(pair, ("en", "zh"), strict=True):
                shutil.copy(path, folder / f"doc_{k:02d}.{lang}.txt")
        return f"copies of {pair[0].name} + {pair[1].name}"
    texts = sorted(p for p in NEWS.glob("*.txt") if ".en." not in p.name
                   and ".zh." not in p.name)
    for k in range(count):
        shutil.copy(texts[k % len(texts)], folder / f"news_{k:02d}.txt")
    return "news articles"


def new_window(settings_dir: Path, engine: Any = None) -> Any:
    from PySide6.QtWidgets import QApplication

    from aligner_gui.gui.application import make_application
    from aligner_gui.gui.main_window import MainWindow
    from aligner_gui.gui.settings import Settings

    if QApplication.instance() is None:
        make_application([])
    settings = Settings.from_file(settings_dir / "settings.ini")
    settings.recovery_dir_override = str(settings_dir / "recovery")
    options: dict[str, Any] = {"settings": settings, "report_error": lambda *a: None}
    if engine is not None:
        options["engine"] = engine
    window = MainWindow(**options)
    window.show()
    QApplication.processEvents()
    return window


def time_open(window: Any, folder: Path, expected: int) -> float:
    from PySide6.QtWidgets import QApplication

    dock = window.review_queue
    start = time.perf_counter()
    dock.open_folder(folder)
    QApplication.processEvents()
    dock.view.viewport().repaint()
    seconds = time.perf_counter() - start
    assert dock.proxy.rowCount() == expected, dock.proxy.rowCount()
    dock.shutdown()
    return seconds


def opening(folder: Path, settings_dir: Path, count: int, runs: int,
            base: Path | None) -> None:
    size = make_projects(folder, count, base)
    print(f"{count} projects of {size / 1024:.0f} KB each ({size * count / 2**20:.1f} MB in all)")
    window = new_window(settings_dir)
    cold, warm, qt_free_cold, qt_free_warm = [], [], [], []
    for _ in range(runs):
        (folder / STATE_NAME).unlink(missing_ok=True)
        start = time.perf_counter()
        queue = ReviewQueue.open(folder)
        qt_free_cold.append(time.perf_counter() - start)
        assert queue.parsed == count
        start = time.perf_counter()
        queue = ReviewQueue.open(folder)
        qt_free_warm.append(time.perf_counter() - start)
        assert queue.parsed == 0
        (folder / STATE_NAME).unlink()
        cold.append(time_open(window, folder, count))
        warm.append(time_open(window, folder, count))
    window.close()
    med = statistics.median
    print(f"open in the window, cold (no state file, all parsed): median {med(cold):.3f} s, "
          f"max {max(cold):.3f} s over {runs} runs")
    print(f"open in the window, warm (from {STATE_NAME}):        median {med(warm):.3f} s, "
          f"max {max(warm):.3f} s")
    print(f"ReviewQueue.open alone: cold {med(qt_free_cold):.3f} s, "
          f"warm {med(qt_free_warm):.3f} s")


def responsiveness(folder: Path, settings_dir: Path, count: int, in_process: bool,
                   pair: list[Path] | None) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from aligner_gui.gui.engine import Engine

    class ThreadedEngine(Engine):
        runs_in_process = False

    what = make_raw(folder, count, pair)
    window = new_window(settings_dir, None if in_process else ThreadedEngine())
    dock = window.review_queue
    clock = QElapsedTimer()
    lateness: list[float] = []
    timer = QTimer()
    timer.setInterval(10)

    def tick() -> None:
        lateness.append(max(0.0, clock.restart() - 10.0))

    timer.timeout.connect(tick)
    start = time.perf_counter()
    dock.open_folder(folder)
    clock.start()
    timer.start()
    while dock.aligner.running() or dock.aligner.waiting():
        QApplication.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - start
    timer.stop()
    aligned = sum(1 for e in dock.queue.entries if e.aligned)
    window.close()
    lateness.sort()
    p99 = lateness[int(0.99 * (len(lateness) - 1))] if lateness else 0.0
    where = "worker process (the window's way)" if in_process else "QThread (peer)"
    print(f"aligning {aligned}/{count} {what} in a {where}: {seconds:.1f} s; "
          f"10 ms timer late by at most {max(lateness, default=0):.0f} ms, "
          f"99th percentile {p99:.0f} ms, over {len(lateness)} ticks")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--base", type=Path, default=None, metavar="PROJECT",
                        help="the project copied (default: the bundled seed, aligned)")
    parser.add_argument("--align", type=int, default=8, help="raw articles aligned in the "
                        "responsiveness part (0 skips it)")
    parser.add_argument("--pair", type=Path, nargs=2, default=None, metavar=("EN", "ZH"),
                        help="align copies of this pair instead of the news articles "
                             "(e.g. ../shared/data/bible/001.en.txt 001.zh.txt)")
    parser.add_argument("--skip-open", action="store_true", help="only the responsiveness part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="queue-bench-") as tmp:
        base = Path(tmp)
        for name in ("projects", "raw-process", "raw-thread", "settings"):
            (base / name).mkdir()
        if not args.skip_open:
            opening(base / "projects", base / "settings", args.projects, args.runs, args.base)
        if args.align:
            for name, in_process in (("raw-process", True), ("raw-thread", False)):
                responsiveness(base / name, base / "settings", args.align, in_process,
                               args.pair)


if __name__ == "__main__":
    main()
