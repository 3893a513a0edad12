"""Application wiring: the command line, logging, crash hooks, the QApplication and the window.

``aligner-gui [FILE ...]`` opens a project JSON, a bilingual text or two texts; with
no file it opens the bundled seed (the demo document).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aligner_gui import __version__

log = logging.getLogger("aligner_gui")
_windows: list[Any] = []  # the windows a crash hook should try to save
EXIT_NO_DISPLAY = 2
NO_DISPLAY = ("aligner-gui: error: no display: set DISPLAY (or run under a desktop session), "
              "or use the `aligner` command for batch work")


def display_problem(environ: Any = None, platform: str | None = None) -> str | None:
    """The error line when no window can open (Linux without a display), else None.

    Checked before QApplication exists: without it Qt aborts (exit 134) with "could not
    connect to display ... Reinstalling the application may fix this problem". A set
    QT_QPA_PLATFORM (offscreen, minimal, vnc, ...) is the user's choice and is trusted.
    """
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


_MISSING_LIBRARY = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)(?: => not found|: cannot open)")


def missing_platform_libraries(plugin: Path | None = None) -> list[str]:
    """The shared libraries Qt's X11 platform plugin (libqxcb.so) needs and cannot find.

    ``ldd`` lists all of them; without it, loading the plugin names the first one. Empty
    when the plugin is not there (another platform, a bundle without it) or loads.
    """
    if plugin is None:
        from PySide6.QtCore import QLibraryInfo

        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
        plugin = Path(folder) / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return []
    try:
        done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10)
        report = done.stdout
    except (OSError, subprocess.SubprocessError):
        import ctypes

        try:
            ctypes.CDLL(str(plugin))
            return []
        except OSError as exc:
            report = str(exc)
    return list(dict.fromkeys(_MISSING_LIBRARY.findall(report)))


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that usually ships a library: "libxcb-icccm.so.4" is in
    libxcb-icccm4, "libxkbcommon-x11.so.0" in libxkbcommon-x11-0."""
    stem, _, version = soname.partition(".so")
    major = version.lstrip(".").split(".")[0]
    if not major:
        return stem.lower()
    return f"{stem.lower()}{'-' if stem[-1:].isdigit() else ''}{major}"


def missing_libraries_line(missing: Sequence[str]) -> str:
    packages = " ".join(dict.fromkeys(debian_package(name) for name in missing))
    return (f"aligner-gui: error: the window system could not be started: "
            f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing "
            f"(on Debian or Ubuntu: apt install {packages})")


def _exit_on_platform_failure() -> Any:
    """Turn Qt's fatal "no platform plugin could be initialized" into one line and exit 2.

    DISPLAY may be set and still name no reachable X server (a closed ssh -X session, a
    stopped Xvfb), or a library the plugin needs is missing; Qt then calls qFatal, which
    aborts. The handler sees the fatal message first and exits cleanly instead. Qt's other
    messages are held back meanwhile; the returned function restores Qt's own output and
    prints them (call it once QApplication exists).
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    held: list[tuple[Any, str]] = []

    def handler(kind: Any, context: Any, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            held.append((kind, message))
            return
        if any("could not connect to display" in m for _, m in held):
            display = os.environ.get("DISPLAY", "")
            line = NO_DISPLAY.replace("no display:", f"cannot open display {display!r}:", 1)
        else:
            missing = missing_platform_libraries()
            if missing:
                line = missing_libraries_line(missing)
            else:  # Qt's hints (e.g. "libxcb-cursor0 is needed") may say what is wrong
                for _, text in held:
                    print(text, file=sys.stderr)
                first = message.strip().splitlines()[0] if message.strip() else "unknown error"
                line = f"aligner-gui: error: the window system could not be started: {first}"
        print(line, file=sys.stderr, flush=True)
        os._exit(EXIT_NO_DISPLAY)

    qInstallMessageHandler(handler)

    def restore() -> None:
        qInstallMessageHandler(None)
        for kind, text in held:
            if kind != QtMsgType.QtDebugMsg:
                print(text, file=sys.stderr)

    return restore


def _warn_without_chinese_font(window: Any) -> None:
    """Say so when Chinese would be drawn as empty boxes, instead of showing silent tofu."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from aligner_gui.gui.fonts import cjk_font_warnings

    problems = cjk_font_warnings(translated=True)
    if not problems:
        return
    for problem in problems:
        log.warning("%s", problem)
    box = QMessageBox(QMessageBox.Icon.Warning, "aligner-gui",
                      QApplication.translate(
                          "app", "Chinese text cannot be displayed on this computer."),
                      QMessageBox.StandardButton.Ok, window)
    box.setInformativeText("\n".join(problems))
    box.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
    box.show()
    window.statusBar().showMessage(
        QApplication.translate("app", "No Chinese font: Chinese shows as boxes"))


_crash_handler: Any = None  # the installed CrashHandler, kept alive with the process


def install_hooks(show_report: Any = None) -> Any:
    """sys.excepthook and threading.excepthook: save a recovery copy, then show the traceback.

    ``show_report(window, summary, traceback, saved_paths)`` replaces the dialog (tests).
    """
    global _crash_handler
    from aligner_gui.gui.crash import CrashHandler

    _crash_handler = CrashHandler(lambda: list(_windows), show_report)
    sys.excepthook = _crash_handler.excepthook
    threading.excepthook = _crash_handler.threading_excepthook
    return _crash_handler


def build_parser() -> argparse.ArgumentParser:
    from aligner_gui.core.resources import seed_path

    epilog = (
        "With no FILE the bundled seed document opens. It is installed at\n"
        f"  {seed_path()}\n"
        "and the command-line examples use it, e.g.\n"
        f"  aligner align {seed_path()} -o seed.json\n"
        "The `aligner` command (aligner --help) aligns, scores, checks and converts without\n"
        "a window. `aligner-gui --self-test [--out FILE]` checks an installed or packaged app."
    )
    parser = argparse.ArgumentParser(
        prog="aligner-gui",
        description="Review Chinese translations of English news: alignment and MQM marking.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="a project JSON, a bilingual text, two texts (original and "
                             "translation, any order), a TMX, InterText or MQM TSV file, "
                             "or a FOLDER of projects and texts (opens its review queue)")
    parser.add_argument("--lang", default=None, metavar="LANG",
                        help="UI language, e.g. zh_CN or en (default: the saved choice, "
                             "else the system's)")
    parser.add_argument("--source-lang", choices=("en", "zh"), default=None,
                        help="language of the original of the texts opened (default: the "
                             "saved choice, Alignment -> Chinese is the original; else en)")
    parser.add_argument("--version", action="version", version=f"aligner-gui {__version__}",
                        help="print the version and exit")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log debug messages (alignment steps, timings) to the terminal")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    from aligner_gui.packaging.selftest import handle_cli

    if (code := handle_cli(args_list)) is not None:
        return code
    parser = build_parser()
    args = parser.parse_args(args_list)
    if len(args.files) > 2:
        parser.error("give one project or bilingual text, or two texts")
    if (problem := display_problem()) is not None:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from aligner_gui.gui import create_folder_window, create_main_window  # qtfix first
    from aligner_gui.gui.application import make_application
    from aligner_gui.gui.settings import Settings

    settings = Settings()
    if args.source_lang is not None:
        settings.source_lang = args.source_lang  # remembered, as the menu's choice is
    restore_messages = _exit_on_platform_failure()
    app = make_application([sys.argv[0]], args.lang or settings.ui_language or None)
    restore_messages()
    install_hooks()
    if len(args.files) == 1 and os.path.isdir(args.files[0]):
        window = create_folder_window(args.files[0], settings=settings)
    else:
        window = create_main_window(args.files or None, settings=settings)
    _windows.append(window)
    window.show()
    _warn_without_chinese_font(window)
    code = int(app.exec())
    from aligner_gui.gui.workers import wait_for_jobs

    wait_for_jobs()
    return code


if __name__ == "__main__":  # python -m aligner_gui.app, as python -m aligner_gui
    raise SystemExit(main())
