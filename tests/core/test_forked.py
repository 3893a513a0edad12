"""Work done in a forked child comes back whole, errors included (issue 14)."""

from __future__ import annotations

import os
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
