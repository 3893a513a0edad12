"""The ``--self-test`` command line of an installed or packaged aligner-gui: which checks run.

``aligner-gui --self-test --out FILE`` aligns and scores the bundled seed, writes the project
to FILE and exits 0, or prints one line and exits 1 (packaging/engine_check.py). Run it with
an empty TMPDIR and HOME so a dictionary cache left on the machine cannot hide a missing file.

``--render-check PNG`` builds the main window offscreen with the seed, grabs it to PNG and
checks that Chinese glyphs were drawn, not empty boxes; ``--startup-time`` prints the
seconds from process start to the main window shown (packaging/window_check.py).

The engine self-test imports no Qt; only the window checks do, and only when asked for.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from aligner_gui.packaging.engine_check import run_self_test
from aligner_gui.packaging.outcome import EXIT_FAILED, EXIT_OK, EXIT_USAGE, SelfTestError, say


def _option(argv: Sequence[str], name: str) -> str | None:
    """Value of ``--name VALUE`` or ``--name=VALUE``; raises on a missing value."""
    for i, arg in enumerate(argv):
        if arg == name:
            if i + 1 >= len(argv) or argv[i + 1].startswith("--"):
                raise SelfTestError(f"{name} needs a file name")
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def handle_cli(argv: Sequence[str]) -> int | None:
    """Exit code for ``--self-test``; None when argv has no --self-test (start the app).

    ``--self-test [--startup-time] [--out FILE] [--render-check PNG]``:
    --startup-time  first show the main window and print seconds from process start
    --out FILE      align and score the bundled seed, save the project to FILE, check it
                    (also done, into a temporary folder, when no other option is given)
    --render-check  grab the main window with the seed to PNG, check Chinese was drawn
    Returns 0 when every part passed, 1 when one failed, 2 for bad options.

    app.main() calls it first, before any window exists:
    ``if (code := handle_cli(sys.argv[1:])) is not None: return code``.
    """
    args = list(argv)
    if "--self-test" not in args:
        return None
    try:
        out = _option(args, "--out")
        png = _option(args, "--render-check")
    except SelfTestError as error:
        say(f"self-test: {error}", error=True)
        return EXIT_USAGE
    known = {"--self-test", "--startup-time", "--out", "--render-check", out, png}
    unknown = [
        a for a in args if a not in known and not a.startswith(("--out=", "--render-check="))
    ]
    if unknown:
        say(f"self-test: unknown option {unknown[0]}", error=True)
        return EXIT_USAGE
    code = EXIT_OK
    if "--startup-time" in args:
        try:
            from aligner_gui.packaging.window_check import startup_time

            to_window, in_process = startup_time()
            say(
                f"startup ok: main window shown {to_window:.2f} s after process start "
                f"({in_process:.2f} s of it building the window)"
            )
        except Exception as error:  # noqa: BLE001 - report, do not crash
            say(f"startup failed: {type(error).__name__}: {error}", error=True)
            code = EXIT_FAILED
    if out is not None:
        code = max(code, run_self_test(out))
    elif png is None and "--startup-time" not in args:
        with tempfile.TemporaryDirectory(prefix="aligner-gui-selftest-") as folder:
            code = max(code, run_self_test(Path(folder) / "seed.aligner.json"))
    if png is not None:
        started = time.perf_counter()
        try:
            from aligner_gui.packaging.window_check import render_check

            warnings = render_check(png)
        except Exception as error:  # noqa: BLE001 - report, do not crash
            warnings = [f"render check crashed: {type(error).__name__}: {error}"]
        for warning in warnings:
            say(f"render check warning: {warning}", error=True)
        if warnings:
            code = max(code, EXIT_FAILED)
        else:
            say(f"render check ok: wrote {png} in {time.perf_counter() - started:.1f} s")
    return code
