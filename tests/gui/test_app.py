"""The console entry point: argument handling, translations found for a locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

from aligner_gui import __version__
from aligner_gui.app import (
    NO_DISPLAY,
    build_parser,
    debian_package,
    display_problem,
    main,
    missing_libraries_line,
    missing_platform_libraries,
)
from aligner_gui.core.resources import seed_path
from aligner_gui.gui.application import load_translation


def test_version_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        main(["a.txt", "b.txt", "c.txt"])
    assert stop.value.code == 2
    with pytest.raises(SystemExit) as stop:
        main(["--source-lang", "fr", "a.txt"])  # the original is English or Chinese
    assert stop.value.code == 2
    assert build_parser().parse_args(["--source-lang", "zh", "a.txt"]).source_lang == "zh"


def test_module_entry_point_runs() -> None:
    done = subprocess.run([sys.executable, "-m", "aligner_gui", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and __version__ in done.stdout


def test_translation_lookup_by_locale() -> None:
    assert load_translation(QTranslator(), QLocale("zh_CN"))
    assert load_translation(QTranslator(), QLocale("zh_SG"))  # falls back to zh_CN
    assert not load_translation(QTranslator(), QLocale("de_DE"))


def _env_without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def test_display_problem_is_decided_before_qt() -> None:
    assert display_problem({}, "linux") == NO_DISPLAY
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    for platform in ("offscreen", "minimal", "vnc"):  # the user's choice keeps working
        assert display_problem({"QT_QPA_PLATFORM": platform}, "linux") is None
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is a Linux matter")
def test_no_display_is_one_line_and_exit_2() -> None:
    done = subprocess.run([sys.executable, "-m", "aligner_gui"], env=_env_without_display(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == NO_DISPLAY
    assert "Reinstalling" not in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is a Linux matter")
def test_unreachable_display_is_one_line_and_exit_2() -> None:
    """DISPLAY set to a server that is not there: Qt's qFatal abort becomes our line."""
    number = next(n for n in range(4242, 4300) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    done = subprocess.run([sys.executable, "-m", "aligner_gui"],
                          env=_env_without_display(DISPLAY=f":{number}"),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    missing = missing_platform_libraries()
    if missing:  # the X11 plugin cannot load here: the line names what to install
        assert lines == [missing_libraries_line(missing)]
    else:
        assert lines[-1].startswith(f"aligner-gui: error: cannot open display ':{number}'")
    assert "Reinstalling" not in done.stderr


def test_missing_platform_libraries_are_named_with_their_packages(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without libxcb-icccm4 Qt says only "Reinstalling the application may fix this
    problem"; the line names the libraries ldd cannot find and the packages to install."""
    assert missing_platform_libraries(tmp_path / "libqxcb.so") == []  # no plugin: nothing
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    report = ("\tlibQt6XcbQpa.so.6 => /opt/Qt/lib/libQt6XcbQpa.so.6 (0x7f)\n"
              "\tlibxcb-icccm.so.4 => not found\n\tlibxkbcommon-x11.so.0 => not found\n"
              "\tlibxcb-icccm.so.4 => not found\n")

    def ldd(args: list[str], **_kw: object) -> subprocess.CompletedProcess[str]:
        assert args == ["ldd", str(plugin)]
        return subprocess.CompletedProcess(args, 0, report, "")

    monkeypatch.setattr(subprocess, "run", ldd)
    missing = missing_platform_libraries(plugin)
    assert missing == ["libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]
    assert missing_libraries_line(missing) == (
        "aligner-gui: error: the window system could not be started: libxcb-icccm.so.4, "
        "libxkbcommon-x11.so.0 are missing (on Debian or Ubuntu: apt install libxcb-icccm4 "
        "libxkbcommon-x11-0)")
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libEGL.so.1") == "libegl1"
    assert debian_package("libdbus-1.so.3") == "libdbus-1-3"


def test_help_describes_every_option_and_names_the_seed(
        capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    for action in parser._actions:
        assert action.help, action.option_strings or action.dest
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert str(seed_path()) in out
    assert seed_path().is_file()
