"""Work done in a forked child comes back whole, errors included (issue 14)."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

import pytest

from aligner_gui.core.runtime import forked
from aligner_gui.core.runtime.forked import Forked

# A held-out article with a dropped clause: beads with uncovered words.
NEWS = Path(__file__).parents[1] / "data" / "news" / "news_02_court.txt"


def test_the_value_comes_back_from_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    parent = os.getpid()
    job = Forked(lambda: (os.getpid(), {"beads": [1, 2, 3]}))
    pid, value = job.result()
    assert value == {"beads": [1, 2, 3]}
    if forked.sys.platform.startswith("linux"):
        assert pid != parent


def test_an_error_in_the_child_is_raised_in_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "can_fork", lambda: True)

    def fail() -> None:
        raise ValueError("bad bead 7")

    job = Forked(fail)
    with pytest.raises(ValueError, match="bad bead 7"):
        job.result()


def test_without_fork_it_runs_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(forked.ENV_PROCESSES, "1")
    assert not forked.can_fork()
    parent = os.getpid()
    assert Forked(os.getpid).result() == parent


def test_scores_computed_in_a_child_equal_the_serial_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline scores beads in a forked child while it computes the coverage lens:
    the project must come out exactly as when both run in turn."""
    from aligner_gui.core import pipeline
    from aligner_gui.io.project import to_dict

    def aligned(fork: bool) -> dict:
        monkeypatch.setattr(forked, "can_fork", lambda: fork)
        monkeypatch.setattr(pipeline, "_FORK_MIN_BEADS", 0)
        doc = pipeline.load_document([NEWS])
        pipeline.align_document(doc)
        data = to_dict(doc)
        data["meta"].pop("created", None)
        return data

    serial, parallel = aligned(False), aligned(True)
    assert parallel["beads"] == serial["beads"]
    assert parallel == serial
    assert any(bead.get("uncovered") for bead in serial["beads"])
    assert all(
        "chrf" in bead.get("details", {})
        for bead in serial["beads"]
        if bead["source"] and bead["target"]
    )


def test_a_child_whose_result_is_not_wanted_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setattr(forked, "can_fork", lambda: True)
    with pytest.raises(KeyboardInterrupt):
        with Forked(lambda: time.sleep(60)) as job:
            process = job._process
            raise KeyboardInterrupt  # e.g. the editor cancelled while the child works
    if process is not None:
        assert not process.is_alive()


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="malloc_trim is glibc's")
def test_heap_release_gives_freed_heap_pages_back():
    """After many mid-sized blocks are freed (served from the heap, not separate mappings,
    once glibc has raised its threshold), release() lowers the resident set."""
    import numpy as np

    from aligner_gui.core.runtime.heap import release

    def rss_mb() -> float:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS")) / 1024

    big = np.ones(2 << 20)  # 16 MB from its own mapping; freeing it raises the threshold
    del big
    blocks = [np.ones(1 << 15) for _ in range(1200)]  # 256 KB each, now from the heap
    keep = blocks[-1]
    del blocks  # freed below the last one: the heap cannot shrink from its top
    before = rss_mb()
    release()
    assert rss_mb() < before - 100
    assert keep.sum() == 1 << 15


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_child_ends_when_its_parent_is_killed(tmp_path: Path) -> None:
    """The window killed while a forked helper compiled the dictionary: the helper stayed,
    blocked writing to a pipe nobody read (224 MB), for good."""
    import signal
    import subprocess
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from aligner_gui.core.runtime import forked\n"
        "forked.can_fork = lambda: True\n"
        "job = forked.Forked(lambda: time.sleep(60))\n"
        "print(job._process.pid, flush=True)\n"
        "time.sleep(60)\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    def running() -> bool:
        try:
            stat = Path(f"/proc/{child}/stat").read_bytes().rsplit(b")", 1)[1].split()
        except OSError:
            return False
        return stat[0] != b"Z"  # a zombie has ended

    deadline = time.monotonic() + 10
    while running() and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = running()
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "the forked child outlived its killed parent"
