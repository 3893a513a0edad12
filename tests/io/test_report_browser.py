"""The seed's HTML report as an editor sees it: the summary first, in a real browser.

The browser tests need Chromium (``apt-get install -y chromium``) and are skipped
without it; the summary text is checked without one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from aligner_gui.core.offers import suggestions
from aligner_gui.core.pipeline import align_document, load_document
from aligner_gui.io.html.report import export_html
from aligner_gui.io.html.summary import summary_sentences

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_730210bb8f392e85.txt"
CHROMIUM = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")


@pytest.fixture(scope="module")
def seed_doc():
    doc = load_document([SEED])
    align_document(doc)
    return doc


@pytest.fixture(scope="module")
def seed_report(seed_doc, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    export_html(seed_doc, out)
    return out


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,900", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_seed_summary_names_what_is_missing_and_where_the_risk_is(seed_doc) -> None:
    lines = summary_sentences(seed_doc)
    assert lines[0] == (
        "4 of 24 English sentences have no translation: the headline, a \u2018MORE:\u2019 "
        "link, 2 photo captions."
    )
    assert "No annotations yet." in lines
    found = len(suggestions(seed_doc))
    assert any(line.startswith(f"{found} open suggestions from the engine") for line in lines)
    risk = lines[-1]
    assert re.fullmatch(r"Expected Major Accuracy errors: \d+\.\d, an estimate .+; riskiest "
                        r"beads: \d+, \d+, \d+\.", risk)
    expected = seed_doc.scores["risk"]["expected_major"]
    assert abs(float(risk.split(": ")[1].split(",")[0]) - expected) <= 0.051


@needs_chromium
def test_summary_comes_first_in_the_rendered_page(seed_report: Path) -> None:
    done = chromium("--enable-logging=stderr", "--v=0", "--dump-dom", seed_report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    body = dom[dom.index("<body>") :]
    # Only the title, the original's headline and one line of metadata come before the
    # summary.
    before = body[: body.index('<section id="summary"')]
    assert re.sub(r"<h1>.*?</h1>|<p class=\"(?:meta|headline)\">.*?</p>|\s|<body>", "",
                  before) == ""
    assert "4 of 24 English sentences have no translation" in body[: body.index("<table")]
    order = [body.index(m) for m in ('id="summary"', 'class="overview"', 'id="bead-1"')]
    assert order == sorted(order)
    # No script errors, no blocked resources (the report must be self-contained).
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    assert "Uncaught" not in done.stderr


@needs_chromium
def test_screenshot_shows_the_summary_above_the_fold(seed_report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    done = chromium(f"--screenshot={shot}", seed_report.as_uri())
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image_module = pytest.importorskip("PIL.Image")
    with image_module.open(shot) as image:
        assert image.size == (1400, 900)
        top = image.convert("L").crop((0, 0, 900, 260))  # title, meta and summary lines
        dark = sum(top.histogram()[:128])
        assert dark > 2000, "the top of the page is blank"
