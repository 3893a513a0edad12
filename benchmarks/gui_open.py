"""The review window on a 10,000-bead project: start-up, opening, scrolling, memory.

Run by hand: ``python benchmarks/gui_open.py [--runs 3]``. Prints figures, asserts
nothing. Skips (exit 0) when ``../shared/data`` is absent.

* start-up: ``aligner-gui --self-test --startup-time`` (process start to the main
  window exposed), against a peer process that only imports PySide6 and shows an
  empty QMainWindow;
* open: bible 002 aligned once (``aligner align … --presplit -o /tmp/b2.json``,
  reused while it is newer than its inputs), opened with ``create_main_window`` and
  timed to the bead table populated and painted;
* scroll: the bead table and both panes from top to bottom, one page step at a time
  (each step: set the scroll bar, let the event loop run, repaint synchronously);
  peers: a bare QTableView over a trivial QAbstractTableModel with as many rows, and
  a bare QPlainTextEdit holding the same source text;
* memory: peak RSS (``resource.getrusage``) of the window process and of the peer
  process.

Each measurement runs in a fresh process; the machine is shared, so compare the ratios
printed for the same run, not seconds across runs. Targets (issue 3): window shown in
under 1.5 s; the 10k-bead project usable and scrolling smoothly within 1 s after
loading; under 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
BIBLE = DATA / "bible"
PROJECT = Path("/tmp/b2.json")
FRAME_MS = 16.7  # one frame at 60 Hz: a page step under this is smooth


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def ensure_project() -> Path:
    inputs = [BIBLE / "002.en.txt", BIBLE / "002.zh.txt"]
    fresh = PROJECT.is_file() and all(PROJECT.stat().st_mtime > p.stat().st_mtime
                                      for p in inputs)
    if fresh:
        try:
            fresh = len(json.loads(PROJECT.read_text(encoding="utf-8"))["beads"]) > 5000
        except (OSError, ValueError, KeyError):
            fresh = False
    if not fresh:
        print(f"aligning bible 002 once into {PROJECT} (cached for later runs) …", flush=True)
        aligner = shutil.which("aligner") or "aligner"
        subprocess.run([aligner, "align", *map(str, inputs), "--presplit", "-o", str(PROJECT)],
                       check=True)
    return PROJECT


# -- child processes ------------------------------------------------------------------

def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def _rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _children_rss_mb() -> float:
    """Current RSS of this process's children (the engine worker), from /proc."""
    total = 0.0
    try:
        children = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split()
    except OSError:
        return 0.0
    for pid in children:
        try:
            pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, ValueError, IndexError):
            continue
        total += pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    return total


def child_load(project: str) -> dict[str, float]:
    from aligner_gui.io.project import load_project

    start = time.perf_counter()
    doc = load_project(project)
    return {"load_project_s": time.perf_counter() - start, "beads": len(doc.beads),
            "rss_mb": _peak_rss_mb()}


def _settle(app, seconds: float = 0.0) -> None:  # noqa: ANN001
    end = time.perf_counter() + seconds
    app.processEvents()
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def _scroll(app, view, bar) -> tuple[int, float, float]:  # noqa: ANN001
    """Page steps from top to bottom: (steps, median ms, worst ms)."""
    bar.setValue(0)
    _settle(app)
    times = []
    while bar.value() < bar.maximum():
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()  # decorations, linked scrolling, margins
        view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    return len(times), statistics.median(times or [0.0]), max(times or [0.0])


def child_window(project: str) -> dict[str, float]:
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from aligner_gui.gui import create_main_window
    from aligner_gui.gui.application import make_application
    from aligner_gui.gui.settings import Settings
    app = QApplication.instance() or make_application([])
    imported = time.perf_counter()
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"gui-bench-{os.getpid()}"
    settings = Settings.from_file(folder / "settings.ini")
    settings.recovery_dir_override = str(folder / "recovery")

    opened_at = time.perf_counter()
    window = create_main_window(project, settings=settings)
    ready: list[float] = []
    window.suggestion_model.computing_changed.connect(
        lambda busy: None if busy else ready.append(time.perf_counter()))
    window.resize(1500, 940)
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
    window.bead_view.viewport().repaint()
    populated = time.perf_counter()
    rows = window.bead_view.model().rowCount()
    # Usable: the event loop idle again (deferred refreshes done) after the first paint.
    _settle(app, 0.05)
    idle_start = time.perf_counter()
    app.processEvents()
    settled = time.perf_counter()
    rss_open = _rss_mb()
    table = window.bead_view
    steps_t, median_t, worst_t = _scroll(app, table, table.verticalScrollBar())
    rss_table = _rss_mb()
    window.source_pane.setFocus()
    steps_s, median_s, worst_s = _scroll(app, window.source_pane,
                                         window.source_pane.verticalScrollBar())
    steps_z, median_z, worst_z = _scroll(app, window.target_pane,
                                         window.target_pane.verticalScrollBar())
    rss_panes = _rss_mb()
    result = {
        "imports_s": imported - started,
        "open_to_table_s": populated - opened_at, "rows": rows,
        "first_idle_s": settled - idle_start + (idle_start - populated),
        "table_steps": steps_t, "table_ms": median_t, "table_worst_ms": worst_t,
        "source_steps": steps_s, "source_ms": median_s, "source_worst_ms": worst_s,
        "target_steps": steps_z, "target_ms": median_z, "target_worst_ms": worst_z,
        "rss_mb": _peak_rss_mb(), "rss_open_mb": rss_open, "rss_table_mb": rss_table,
        "rss_panes_mb": rss_panes,
    }
    # The suggestions of a big document come from the worker process: when, and its memory.
    while window.suggestion_model.computing():
        app.processEvents()
        time.sleep(0.01)
    result["suggestions_s"] = (ready[0] if ready else time.perf_counter()) - opened_at
    result["suggestions"] = window.suggestion_model.rowCount()
    result["worker_rss_mb"] = _children_rss_mb()
    window.undo_stack.setClean()
    window.close()
    shutil.rmtree(folder, ignore_errors=True)
    return result


def child_peer(project: str) -> dict[str, float]:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QHeaderView, QPlainTextEdit, QTableView

    app = QApplication.instance() or QApplication([])
    data = json.loads(Path(project).read_text(encoding="utf-8"))
    n = len(data["beads"])
    text = data["source"]["text"]

    class Trivial(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: ANN001, B008
            return 0 if parent.isValid() else n

        def columnCount(self, parent=QModelIndex()) -> int:  # noqa: ANN001, B008
            return 0 if parent.isValid() else 7

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
            if role == Qt.ItemDataRole.DisplayRole:
                return f"row {index.row()} column {index.column()}"
            return None

    opened_at = time.perf_counter()
    model = Trivial()
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.resize(1100, 330)
    view.show()
    while not (view.windowHandle() and view.windowHandle().isExposed()):
        app.processEvents()
    view.viewport().repaint()
    populated = time.perf_counter()
    steps_t, median_t, worst_t = _scroll(app, view, view.verticalScrollBar())
    pane = QPlainTextEdit()
    pane.setReadOnly(True)
    pane.setPlainText(text)
    pane.resize(420, 460)
    pane.show()
    while not (pane.windowHandle() and pane.windowHandle().isExposed()):
        app.processEvents()
    steps_s, median_s, worst_s = _scroll(app, pane, pane.verticalScrollBar())
    return {"open_to_table_s": populated - opened_at, "rows": n,
            "table_steps": steps_t, "table_ms": median_t, "table_worst_ms": worst_t,
            "source_steps": steps_s, "source_ms": median_s, "source_worst_ms": worst_s,
            "rss_mb": _peak_rss_mb()}


def _run_child(kind: str, project: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(project)],
                          capture_output=True, text=True, env=_env(), check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- start-up -------------------------------------------------------------------------

PEER_STARTUP = r"""
import os, time
from PySide6.QtWidgets import QApplication, QMainWindow
from aligner_gui.packaging.window_check import process_age
app = QApplication([])
w = QMainWindow(); w.resize(1500, 940); w.show()
while not (w.windowHandle() and w.windowHandle().isExposed()):
    app.processEvents()
w.repaint()
print(f"shown {process_age():.3f}")
"""


def startup_runs(runs: int) -> tuple[list[float], list[float]]:
    ours, peer = [], []
    gui = shutil.which("aligner-gui")
    command = [gui] if gui else [sys.executable, "-m", "aligner_gui"]
    for _ in range(runs):
        done = subprocess.run([*command, "--self-test", "--startup-time"], capture_output=True,
                              text=True, env=_env(), check=False)
        found = re.search(r"shown (\d+\.\d+) s", done.stdout + done.stderr)
        if not found:
            raise SystemExit(f"no start-up figure:\n{done.stdout}\n{done.stderr}")
        ours.append(float(found.group(1)))
        done = subprocess.run([sys.executable, "-c", PEER_STARTUP], capture_output=True,
                              text=True, env=_env(), check=True)
        peer.append(float(re.search(r"shown (\d+\.\d+)", done.stdout).group(1)))  # type: ignore[union-attr]
    return ours, peer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PROJECT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, project = args.child
        result = {"window": child_window, "peer": child_peer, "load": child_load}[kind](project)
        print(json.dumps(result))
        return 0
    if not BIBLE.is_dir():
        print(f"skipped: {BIBLE} is not present")
        return 0
    project = ensure_project()

    ours, peer = startup_runs(args.runs)
    print(f"start-up, process start to window shown (median of {args.runs}):")
    print(f"  aligner-gui        {statistics.median(ours):6.2f} s   target < 1.5 s")
    print(f"  bare QMainWindow   {statistics.median(peer):6.2f} s   "
          f"ratio {statistics.median(ours) / statistics.median(peer):.1f}x")

    loads = [_run_child("load", project) for _ in range(args.runs)]
    windows = [_run_child("window", project) for _ in range(args.runs)]
    peers = [_run_child("peer", project) for _ in range(args.runs)]

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    w, p = windows, peers
    print(f"\nopening {int(w[0]['rows'])} beads ({project.name}; median of {args.runs}):")
    print(f"  load_project alone             {med(loads, 'load_project_s'):6.2f} s   "
          f"(peak RSS {med(loads, 'rss_mb'):.0f} MB)")
    print(f"  open to table painted          {med(w, 'open_to_table_s'):6.2f} s   "
          f"peer (trivial model) {med(p, 'open_to_table_s'):.3f} s")
    print(f"  after that, until idle         {med(w, 'first_idle_s'):6.3f} s   target < 1 s")
    print(f"  suggestions ready (worker)     {med(w, 'suggestions_s'):6.2f} s   "
          f"({int(med(w, 'suggestions'))} open suggestions)")
    print("\nscrolling end to end, per page step (median / worst, ms):")
    for key, label, peer_key in (("table", "bead table", "table"),
                                 ("source", "source pane", "source"),
                                 ("target", "target pane", "source")):
        ratio = med(w, f"{key}_ms") / max(med(p, f"{peer_key}_ms"), 1e-6)
        print(f"  {label:12} {int(med(w, f'{key}_steps')):5d} steps  "
              f"{med(w, f'{key}_ms'):6.2f} / {med(w, f'{key}_worst_ms'):6.1f}   "
              f"peer {med(p, f'{peer_key}_ms'):5.2f} / {med(p, f'{peer_key}_worst_ms'):5.1f}"
              f"   ratio {ratio:4.1f}x   (a frame is {FRAME_MS} ms)")
    print("\npeak memory (RSS):")
    print(f"  window process   {med(w, 'rss_mb'):6.0f} MB   target < 400 MB   (now: opened "
          f"{med(w, 'rss_open_mb'):.0f}, after the table {med(w, 'rss_table_mb'):.0f}, "
          f"after the panes {med(w, 'rss_panes_mb'):.0f} MB)")
    print(f"  engine worker    {med(w, 'worker_rss_mb'):6.0f} MB   (dictionary and coverage "
          f"analysis of a big document; window + worker "
          f"{med(w, 'rss_mb') + med(w, 'worker_rss_mb'):.0f} MB)")
    print(f"  peer process     {med(p, 'rss_mb'):6.0f} MB   "
          f"ratio {med(w, 'rss_mb') / med(p, 'rss_mb'):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
