"""The progress line and the summary files, without aligning anything."""

from __future__ import annotations

import io
import os
import signal
import time

import pytest

from aligner_gui.batch.command import _term_as_interrupt
from aligner_gui.batch.progress import Progress, format_eta
from aligner_gui.batch.summary import cell, headline, html_text, tsv_text
from aligner_gui.batch.work import COLUMNS


def test_format_eta():
    assert format_eta(72) == "0:01:12"
    assert format_eta(3 * 3600 + 5) == "3:00:05"
    assert format_eta(-3) == "0:00:00"


def test_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(2, 100, stream=stream, tty=False)
    progress.advance({"name": "a", "status": "aligned", "seconds": 1.25}, 50)
    progress.advance({"name": "b", "status": "error", "message": "b.txt: the file is empty"}, 50)
    assert stream.getvalue().splitlines() == [
        "[1/2] a: aligned in 1.2 s",
        "[2/2] b: error: b.txt: the file is empty",
    ]


def test_one_updating_line_on_a_terminal():
    stream = io.StringIO()
    progress = Progress(200, 200, stream=stream, tty=True)
    progress.start()
    assert stream.getvalue() == "\r[0/200] 0.0 %  \x1b[K"
    for _ in range(36):
        progress.advance({"name": "x", "status": "aligned"}, 1)
    progress.advance({"name": "bad", "status": "error", "message": "oops"}, 1)
    text = stream.getvalue()
    assert "\n" in text and text.count("\n") == 1  # only the error has a line of its own
    last = text.rsplit("\r", 1)[-1]
    assert last.startswith("[37/200] 18.5 %  ETA ") and last.endswith("  bad\x1b[K")
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_tsv_rows_and_cells():
    rows = [
        {"name": "a", "status": "aligned", "beads": 3, "mean_score": 0.91234, "seconds": 0.5},
        {"name": "b", "status": "error", "message": "line\tone\nline two"},
    ]
    lines = tsv_text(rows).splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert all(len(line.split("\t")) == len(COLUMNS) for line in lines)
    assert lines[2].split("\t")[-1] == "line one line two"
    assert cell(None) == "" and cell(0.91234) == "0.9123" and cell(12) == "12"


def test_headline_and_html():
    rows = [
        {"name": "a", "status": "error", "message": "<bad>"},
        {"name": "b", "status": "aligned", "output": "b.json"},
        {"name": "c", "status": "unchanged", "output": "c.json"},
        {"name": "x.md", "status": "left alone", "message": "not a .txt file"},
    ]
    assert headline(rows) == "3 documents: 1 aligned, 1 unchanged, 1 error; 1 file left alone"
    page = html_text(rows, "Batch <t>")
    assert "&lt;bad&gt;" in page and "<title>Batch &lt;t&gt;</title>" in page
    assert '<a href="b.json">b.json</a>' in page and 'class="error"' in page
    assert "<script" not in page


def test_sigterm_stops_the_batch_as_ctrl_c_does():
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), _term_as_interrupt():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler interrupts this
    assert signal.getsignal(signal.SIGTERM) == before
