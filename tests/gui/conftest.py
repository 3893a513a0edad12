"""One factory builds the review window with isolated settings and owns its cleanup."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from guikit import EN, ZH, FakeEngine, Recorder, ScoringEngine, _side, fake_beads, make_document  # noqa: F401


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def gui_settings(tmp_path: Path) -> Any:
    from aligner_gui.gui.settings import Settings

    settings = Settings.from_file(tmp_path / "settings.ini")
    settings.recovery_dir_override = str(tmp_path / "recovery")
    return settings


@pytest.fixture
def make_window(qtbot: Any, gui_settings: Any, recorder: Recorder) -> Iterator[Callable[..., Any]]:
    """make_window(path=None, engine=FakeEngine(), wait=True) -> the window, aligned."""
    from aligner_gui.gui import create_main_window

    windows: list[Any] = []

    def factory(path: Any = "fake.txt", *, engine: Any = None, wait: bool = True,
                **options: Any) -> Any:
        options.setdefault("settings", gui_settings)
        options.setdefault("report_error", recorder.report_error)
        options.setdefault("ask_save", recorder.ask_save)
        if engine is None:
            engine = FakeEngine()
        if path == "fake.txt":
            path = Path(__file__)  # any existing file; the fake ignores its content
        window = create_main_window(path, engine=engine, **options)
        qtbot.addWidget(window)
        windows.append(window)
        if wait and window.alignment_running():
            qtbot.waitUntil(lambda: not window.alignment_running(), timeout=60000)
        return window

    yield factory
    for window in windows:
        window.cancel_alignment(wait=True)
        window.undo_stack.setClean()

