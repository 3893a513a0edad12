"""The packaged app's self-test: in-process, and against the built bundle when there is one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligner_gui.gui import fonts
from aligner_gui.io.project import VERSION as project_version
from aligner_gui.io.project import load_project
from aligner_gui.packaging import selftest, window_check

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = (
    ROOT
    / "dist"
    / "aligner-gui"
    / ("aligner-gui.exe" if sys.platform == "win32" else "aligner-gui")
)


def test_self_test_in_process(tmp_path, capsys):
    out = tmp_path / "seed.aligner.json"
    code = selftest.run_self_test(out)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.startswith("self-test ok:")
    doc = load_project(out)
    doc.check()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "aligner-gui" and data["version"] == project_version
    # the risk model ships as a resource: every bead of the seed got a risk
    assert all(b.risk is not None for b in doc.beads)


def test_self_test_failure_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(
        "aligner_gui.core.resources.seed_path", lambda: tmp_path / "no-such-seed.txt"
    )
    code = selftest.run_self_test(tmp_path / "out.json")
    err = capsys.readouterr().err
    assert code == selftest.EXIT_FAILED
    assert err.count("\n") == 1 and err.startswith("self-test failed:") and "seed" in err
    assert not (tmp_path / "out.json").exists()


def test_handle_cli_only_answers_self_test(tmp_path, capsys):
    assert selftest.handle_cli([]) is None
    assert selftest.handle_cli(["project.aligner.json", "--lang", "zh_CN"]) is None
    assert selftest.handle_cli(["--self-test", "--out"]) == selftest.EXIT_USAGE
    assert selftest.handle_cli(["--self-test", "--bogus"]) == selftest.EXIT_USAGE
    assert "self-test:" in capsys.readouterr().err


def test_missing_glyphs_sees_empty_boxes(qapp):
    from PySide6.QtGui import QFont

    font = QFont()
    assert fonts.missing_glyphs(fonts.MISSING_CHAR, font) == [fonts.MISSING_CHAR]
    assert fonts.missing_glyphs("Align the text.", font) == []


def test_cjk_warnings_match_installed_fonts(qapp):
    from PySide6.QtGui import QFontDatabase

    warnings = fonts.cjk_font_warnings()
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        assert warnings == []
    else:
        assert any("no font with Chinese characters" in w for w in warnings)


def test_render_check_grabs_the_window(qapp, tmp_path):
    from PySide6.QtGui import QFontDatabase, QImage

    from aligner_gui.gui.settings import Settings

    settings = Settings.from_file(tmp_path / "settings.ini")
    settings.recovery_dir_override = str(tmp_path / "recovery")
    png = tmp_path / "window.png"
    warnings = window_check.render_check(png, settings=settings)
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 640
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        assert warnings == []
    else:  # this machine has no Chinese font: the check must say so, not pass silently
        assert warnings and all("Chinese" in w for w in warnings)


@pytest.mark.slow
@pytest.mark.skipif(not BUNDLE.is_file(), reason="no bundle: run packaging/build.sh first")
def test_packaged_self_test_with_empty_home_and_tmpdir(tmp_path):
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    out = tmp_path / "seed.aligner.json"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "QT_QPA_PLATFORM": "offscreen",
    }
    if sys.platform == "win32":
        env.update(
            USERPROFILE=str(home),
            TEMP=str(tmp),
            TMP=str(tmp),
            SYSTEMROOT=os.environ.get("SYSTEMROOT", ""),
        )
    done = subprocess.run(
        [str(BUNDLE), "--self-test", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "self-test ok:" in done.stdout
    load_project(out).check()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is a Linux matter")
def test_packaged_entry_without_display_is_one_line():
    """The bundle's entry (packaging/entry.py) goes through app.main: same line, exit 2."""
    from aligner_gui.app import NO_DISPLAY

    entry = Path(__file__).resolve().parents[2] / "packaging" / "entry.py"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, str(entry)], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == NO_DISPLAY
