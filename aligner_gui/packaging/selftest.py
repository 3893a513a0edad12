"""Self-test of an installed or packaged aligner-gui: does everything it loads at run time exist?

``aligner-gui --self-test --out FILE`` aligns and scores the bundled seed, writes the project
to FILE and exits 0, or prints one line and exits 1. A PyInstaller bundle that lost a data
file (jieba's dictionary, CC-CEDICT, sacrebleu's tokenizers, the JSON Schema, the seed)
fails here instead of on an editor's machine. Run it with an empty TMPDIR and HOME so a
dictionary cache left on the machine cannot hide a missing file.

``--render-check PNG`` builds the main window offscreen with the seed, grabs it to PNG and
checks that Chinese glyphs were drawn, not empty boxes; ``--startup-time`` prints the
seconds from process start to the main window shown. ``cjk_font_warnings()`` is the same
font check for the app to show at start-up.

The engine self-test imports no Qt; only the window checks do.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
# A Chinese sample drawn in the render check when the window shows no seed text.
CJK_SAMPLE = "美国和俄罗斯双方正朝着延长核军备控制条约迈进"
# A code point no font maps (the last private-use plane character): drawn as the missing glyph.
MISSING_CHAR = "\U0010fffd"


class SelfTestError(Exception):
    """A self-test check failed; the message is the one line the user sees."""


def _say(text: str, *, error: bool = False) -> None:
    """Print one line; windowed builds on Windows have no stdout or stderr at all."""
    stream = sys.stderr if error else sys.stdout
    if stream is None:
        return
    try:
        print(text, file=stream, flush=True)
    except (OSError, ValueError):
        pass


# -- the engine self-test (no Qt) -------------------------------------------------------


def _check_coverage(doc: Any) -> None:
    for name in ("source", "target"):
        side = doc.side(name)
        seen = [i for bead in doc.beads for i in getattr(bead, name)]
        if sorted(seen) != list(range(len(side.sentences))) or not side.sentences:
            raise SelfTestError(
                f"beads cover {len(set(seen))} of {len(side.sentences)} {name} sentences"
            )


def _check_headline(doc: Any) -> None:
    """The seed's English headline has no Chinese counterpart: it must be a headline omission."""
    source = doc.source
    if source.lang != "en" or not source.sentences:
        raise SelfTestError(f"seed source side is {source.lang!r}, expected English")
    first = source.sentences[0]
    for bead in doc.beads:
        if first.id in bead.source:
            if bead.target:
                raise SelfTestError(
                    f"the seed's English headline {first.text[:40]!r} was aligned to Chinese "
                    f"sentence(s) {list(bead.target)}, expected an omission"
                )
            if "headline" not in bead.flags:
                raise SelfTestError(
                    f"the seed's English headline is unaligned but flagged {bead.flags}, "
                    "expected 'headline'"
                )
            return
    raise SelfTestError("the seed's English headline is in no bead")


def _check_scores(doc: Any) -> None:
    for b, bead in enumerate(doc.beads):
        if bead.score is not None and not 0.0 <= bead.score <= 1.0:
            raise SelfTestError(f"bead {b} has score {bead.score} outside 0..1")
    if not any(bead.score is not None for bead in doc.beads if bead.source and bead.target):
        raise SelfTestError("no aligned bead was scored")
    signature = (doc.meta or {}).get("chrf_signature") or (doc.scores or {}).get("chrf_signature")
    if not signature:
        raise SelfTestError("no chrF signature: sacrebleu did not score the document")


def _check_lexicon() -> None:
    """CC-CEDICT and jieba's dictionary were found (not an empty fallback)."""
    from aligner_gui.core.lexicon.shared import get_lexicon

    lexicon = get_lexicon()
    translations = getattr(lexicon, "translations", None)
    if translations is not None and not translations("条约"):
        raise SelfTestError("the bilingual dictionary has no entry for 条约 (CC-CEDICT missing?)")
    tokens = getattr(lexicon, "zh_tokens", None)
    if tokens is not None:
        words = list(tokens("俄罗斯外交部"))
        if not any(len(w) > 1 for w in words):
            raise SelfTestError(f"jieba split 俄罗斯外交部 into {words} (its dictionary missing?)")


def _check_exports(doc: Any) -> None:
    """TMX (lxml) and the HTML report write, and TMX reads back, in a scratch folder."""
    from aligner_gui.io.formats import EXPORTERS, export_document, import_file

    with tempfile.TemporaryDirectory(prefix="aligner-gui-selftest-") as folder:
        for fmt in ("tmx", "html"):
            if fmt not in EXPORTERS:
                continue
            target = Path(folder) / f"seed{EXPORTERS[fmt].suffix}"
            written = export_document(doc, fmt, target)
            if not written or not all(
                Path(p).is_file() and Path(p).stat().st_size for p in written
            ):
                raise SelfTestError(f"the {fmt} export wrote nothing")
            if fmt == "tmx" and not import_file(target).beads:
                raise SelfTestError("the TMX export reads back without segments")


def _child_probe() -> str:
    """Runs in a spawned worker process: the engine imports in a fresh interpreter."""
    from aligner_gui.core import pipeline

    return pipeline.__name__


def _check_worker_process(timeout: float = 120.0) -> None:
    """A "spawn" worker process starts and runs engine code (the GUI's big-document worker).

    In a frozen app this needs multiprocessing.freeze_support() in the entry script; without
    it the child would start the app again instead of running the job.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        result = pool.submit(_child_probe).result(timeout=timeout)
    except Exception as error:  # noqa: BLE001 - report any failure of the worker in one line
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        raise SelfTestError(
            f"a spawned worker process failed: {type(error).__name__}: {error}"
        ) from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    if result != "aligner_gui.core.pipeline":
        raise SelfTestError(f"a spawned worker process returned {result!r}")


def run_self_test(out_path: str | Path) -> int:
    """Align and score the bundled seed, save it to ``out_path`` and check the result.

    Returns 0, or prints one line on stderr and returns 1.
    """
    started = time.perf_counter()
    try:
        from aligner_gui.core.pipeline import align_document, load_document
        from aligner_gui.core.resources import seed_path
        from aligner_gui.io.project import load_project, save_project

        seed = seed_path()
        if not seed.is_file():
            raise SelfTestError(f"the bundled seed is missing ({seed})")
        doc = load_document([seed])
        align_document(doc)
        _check_coverage(doc)
        _check_headline(doc)
        _check_scores(doc)
        _check_lexicon()
        _check_exports(doc)
        _check_worker_process()
        out = Path(out_path)
        save_project(doc, out, backup=False)
        reloaded = load_project(out)  # validates against the bundled JSON Schema
        reloaded.check()
        if len(reloaded.beads) != len(doc.beads):
            raise SelfTestError(f"{out} holds {len(reloaded.beads)} of {len(doc.beads)} beads")
    except SelfTestError as error:
        _say(f"self-test failed: {error}", error=True)
        return EXIT_FAILED
    except Exception as error:  # noqa: BLE001 - any failure is a failed self-test, in one line
        message = str(error).strip().splitlines()[0] if str(error).strip() else ""
        _say(f"self-test failed: {type(error).__name__}: {message}", error=True)
        return EXIT_FAILED
    omitted = sum(1 for bead in doc.beads if bead.source and not bead.target)
    _say(
        f"self-test ok: {len(doc.source.sentences)} en / {len(doc.target.sentences)} zh "
        f"sentences -> {len(doc.beads)} beads, {omitted} untranslated; wrote {out} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return EXIT_OK


# -- fonts and the render check (Qt) --------------------------------------------------


def missing_glyphs(text: str, font: Any) -> list[str]:
    """Characters of ``text`` that ``font``, with Qt's font fallback, draws as empty boxes.

    Lays each character out the way a widget would and looks for glyph index 0 (.notdef)
    in the glyph runs Qt chose. Needs a QGuiApplication.
    """
    from PySide6.QtGui import QTextLayout

    missing: list[str] = []
    for char in dict.fromkeys(text):
        if not char.strip():
            continue
        layout = QTextLayout(char, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        if not runs or any(0 in run.glyphIndexes() for run in runs):
            missing.append(char)
    return missing


def _paint_text(text: str, font: Any) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter

    metrics = QFontMetrics(font)
    image = QImage(
        max(1, metrics.horizontalAdvance(text) + 4),
        max(1, metrics.height() + 4),
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return image


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - what lupdate looks for
    """Marks ``text`` for pyside6-lupdate without importing Qt (the engine self-test has none)."""
    return text


FONT_CONTEXT = "FontCheck"
NO_CJK_FONT = QT_TRANSLATE_NOOP(
    "FontCheck", "no font with Chinese characters is installed: Chinese text will show as "
    "empty boxes (install e.g. Noto Sans CJK: apt install fonts-noto-cjk)")
NO_GLYPHS = QT_TRANSLATE_NOOP(
    "FontCheck", "font {0} and its fallbacks have no glyph for {1}: Chinese text is drawn as "
    "empty boxes")
DRAWN_AS_MISSING = QT_TRANSLATE_NOOP("FontCheck",
                                     "font {0} draws Chinese the same as a missing glyph")


def cjk_font_warnings(font: Any = None, sample: str = CJK_SAMPLE,
                      translated: bool = False) -> list[str]:
    """Warnings when Chinese cannot be drawn with ``font`` (default: the application font).

    Meant for the app at start-up too: an editor must see "no Chinese font" instead of
    silent boxes (``translated``: in the UI language). Needs a QGuiApplication.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    def say(text: str) -> str:
        return QCoreApplication.translate(FONT_CONTEXT, text) if translated else text

    if font is None:
        font = QGuiApplication.font()
    warnings: list[str] = []
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        warnings.append(say(NO_CJK_FONT))
    missing = missing_glyphs(sample, font)
    if missing:
        warnings.append(say(NO_GLYPHS).format(repr(font.family()), repr("".join(missing))))
    elif _paint_text(sample, font) == _paint_text(MISSING_CHAR * len(sample), font):
        warnings.append(say(DRAWN_AS_MISSING).format(repr(font.family())))
    return warnings


def _window_document(window: Any) -> Any:
    value = getattr(window, "document", None)
    value = value() if callable(value) else value
    return value if hasattr(value, "beads") else None


def _alignment_running(window: Any) -> bool:
    running = getattr(window, "alignment_running", None)
    if callable(running):
        return bool(running())
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().activeThreadCount() > 0


def _wait_for_alignment(app: Any, window: Any, timeout: float) -> bool:
    """Process events until the window's document has beads and no alignment is running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        doc = _window_document(window)
        if doc is not None and doc.beads and not _alignment_running(window):
            for _ in range(5):
                app.processEvents()
            return True
        time.sleep(0.02)
    return False


def _close_window(app: Any, window: Any) -> None:
    cancel = getattr(window, "cancel_alignment", None)
    if callable(cancel):
        try:
            cancel(wait=True)
        except TypeError:
            cancel()
    document = _window_document(window)
    if document is not None and hasattr(window, "setWindowModified"):
        window.setWindowModified(False)  # never ask to save in a check
    window.close()
    window.deleteLater()
    app.processEvents()


def _widget_texts_fonts(window: Any) -> list[Any]:
    """Fonts of the window and its views, where the seed's Chinese is shown."""
    from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QWidget

    fonts = [window.font()]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QAbstractItemView, QAbstractScrollArea)):
            font = widget.font()
            if all(font != f for f in fonts):
                fonts.append(font)
    return fonts


def _discard_changes(parent: Any, name: str) -> Any:
    """The window's "save changes?" answer in a check: never a modal dialog."""
    from aligner_gui.gui.dialogs.messages import CloseAnswer

    return CloseAnswer.DISCARD


def _make_application() -> Any:
    """The QApplication as the app makes it (names, translations), or a plain one."""
    argv = [sys.argv[0] if sys.argv else "aligner-gui"]
    try:
        from aligner_gui.app import make_application
    except ImportError:
        from PySide6.QtWidgets import QApplication

        return QApplication(argv)
    return make_application(argv)


def _make_window(**options: Any) -> Any:
    from aligner_gui.gui import create_main_window

    options.setdefault("ask_save", _discard_changes)
    try:
        return create_main_window(**options)
    except TypeError:  # a window factory without these options
        return create_main_window()


def render_check(
    png_path: str | Path, *, timeout: float = 120.0, **window_options: Any
) -> list[str]:
    """Build the main window offscreen with the seed, grab it to ``png_path``, return warnings.

    An empty list means the window rendered and Chinese glyphs were drawn. Keyword options
    go to create_main_window (tests pass isolated settings).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    warnings: list[str] = []
    app = QApplication.instance() or _make_application()
    try:
        window = _make_window(**window_options)
    except ImportError as error:
        return [f"cannot build the main window: {error}"]
    try:
        window.resize(1280, 800)
        window.show()
        if not _wait_for_alignment(app, window, timeout):
            warnings.append(f"the window did not finish aligning the seed within {timeout:.0f} s")
        pixmap = window.grab()
        if pixmap.isNull() or not pixmap.save(str(png_path), "PNG"):
            warnings.append(f"could not grab the main window to {png_path}")
        else:
            image = QImage(str(png_path))
            small = image.scaled(64, 40)
            colours = {
                small.pixel(x, y) for x in range(small.width()) for y in range(small.height())
            }
            if len(colours) < 8:
                warnings.append(f"the grabbed window {png_path} is (nearly) blank")
        for font in _widget_texts_fonts(window):
            for warning in cjk_font_warnings(font):
                if warning not in warnings:
                    warnings.append(warning)
    finally:
        _close_window(app, window)
    return warnings


# -- start-up time ------------------------------------------------------------------


def process_age() -> float | None:
    """Seconds since this process started (Linux /proc), or None where unknown."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def startup_time(timeout: float = 30.0, **window_options: Any) -> tuple[float, float]:
    """Seconds from process start to the main window shown and painted, and from there on.

    Returns (process start -> window exposed, time spent in this function). The first
    figure is what an editor waits for; it includes the interpreter and imports.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or _make_application()
    window = _make_window(**window_options)
    try:
        window.show()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            app.processEvents()
            handle = window.windowHandle()
            if window.isVisible() and handle is not None and handle.isExposed():
                break
            time.sleep(0.005)
        window.repaint()
        elapsed = time.perf_counter() - started
        age = process_age()
    finally:
        _close_window(app, window)
    return (age if age is not None else elapsed), elapsed


# -- command line ---------------------------------------------------------------------


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
        _say(f"self-test: {error}", error=True)
        return EXIT_USAGE
    known = {"--self-test", "--startup-time", "--out", "--render-check", out, png}
    unknown = [
        a for a in args if a not in known and not a.startswith(("--out=", "--render-check="))
    ]
    if unknown:
        _say(f"self-test: unknown option {unknown[0]}", error=True)
        return EXIT_USAGE
    code = EXIT_OK
    if "--startup-time" in args:
        try:
            to_window, in_process = startup_time()
            _say(
                f"startup ok: main window shown {to_window:.2f} s after process start "
                f"({in_process:.2f} s of it building the window)"
            )
        except Exception as error:  # noqa: BLE001 - report, do not crash
            _say(f"startup failed: {type(error).__name__}: {error}", error=True)
            code = EXIT_FAILED
    if out is not None:
        code = max(code, run_self_test(out))
    elif png is None and "--startup-time" not in args:
        with tempfile.TemporaryDirectory(prefix="aligner-gui-selftest-") as folder:
            code = max(code, run_self_test(Path(folder) / "seed.aligner.json"))
    if png is not None:
        started = time.perf_counter()
        try:
            warnings = render_check(png)
        except Exception as error:  # noqa: BLE001 - report, do not crash
            warnings = [f"render check crashed: {type(error).__name__}: {error}"]
        for warning in warnings:
            _say(f"render check warning: {warning}", error=True)
        if warnings:
            code = max(code, EXIT_FAILED)
        else:
            _say(f"render check ok: wrote {png} in {time.perf_counter() - started:.1f} s")
    return code
