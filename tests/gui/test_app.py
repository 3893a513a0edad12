"""The console entry point: argument handling, translations found for a locale."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale, QTranslator

from aligner_gui import __version__
from aligner_gui.app import load_translation, main


def test_version_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        main(["a.txt", "b.txt", "c.txt"])
    assert stop.value.code == 2


def test_module_entry_point_runs() -> None:
    done = subprocess.run([sys.executable, "-m", "aligner_gui", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and __version__ in done.stdout


def test_translation_lookup_by_locale() -> None:
    assert load_translation(QTranslator(), QLocale("zh_CN"))
    assert load_translation(QTranslator(), QLocale("zh_SG"))  # falls back to zh_CN
    assert not load_translation(QTranslator(), QLocale("de_DE"))
