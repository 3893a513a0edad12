"""The HTML review report: self-contained, escaped, highlights with category and severity."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

from iokit import sample_parts

from aligner_gui.core.model import AlignmentDocument, Annotation
from aligner_gui.io.formats import export_document
from aligner_gui.io.html_report import html_report_text

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def sample_doc() -> AlignmentDocument:
    source, target, beads = sample_parts()
    doc = AlignmentDocument(
        source,
        target,
        beads,
        scores={"coverage": {"source": 0.8}, "mean_score": 0.67},
        meta={"name": "Report <test>"},
    )
    s, t = doc.source, doc.target
    doc.add_annotation(
        Annotation(
            "omission",
            "source",
            s.sentences[2].start,
            s.sentences[2].end,
            "A headline.",
            "Accuracy/Omission",
            "major",
        )
    )
    start = t.sentences[1].start + 1
    doc.add_annotation(
        Annotation(
            "mistranslation",
            "target",
            start,
            start + 2,
            t.text[start : start + 2],
            "Accuracy/Mistranslation",
            "minor",
            comment=HOSTILE,
            correction="大大",
        )
    )
    # Crosses from bead 4's source into bead 5's (paragraph break included).
    a, z = s.sentences[2].start + 2, s.sentences[3].start + 4
    doc.add_annotation(
        Annotation("other", "source", a, z, s.text[a:z], "Style/Awkward", "critical")
    )
    doc.check()
    return doc


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    VOID = {"meta", "br", "img", "link", "input", "hr"}

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):  # noqa: ANN001
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def parsed(text: str) -> _Collector:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector


def test_report_is_self_contained_and_balanced(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert export_document(sample_doc(), "html", out) == [out]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    page = parsed(text)
    assert not page.errors and page.stack == []
    assert "script" not in page.tags and "img" not in page.tags and "link" not in page.tags
    assert not [v for k, v in page.attrs if k in ("src", "href") and v]
    assert not re.search(r"url\(|@import|https?://", text)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert "@media print" in text


def test_all_text_is_escaped() -> None:
    text = html_report_text(sample_doc())
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert "It purred &lt;loudly&gt; &amp; long." in text
    assert "<title>Report &lt;test&gt;" in text


def test_annotations_are_highlighted_with_category_and_severity() -> None:
    text = html_report_text(sample_doc())
    assert (
        '<mark class="sev-minor" title="Accuracy/Mistranslation \u00b7 minor">'
        "大声<sup>2</sup></mark>"
    ) in text
    # Overlapping marks take the worst severity and name both annotations.
    assert 'title="Accuracy/Omission \u00b7 major; Style/Awkward \u00b7 critical"' in text
    assert 'class="sev-critical"' in text
    # The annotation crossing into the next bead is marked there too.
    bead5 = text[text.index('id="bead-5"') :]
    assert (
        '<mark class="sev-critical" title="Style/Awkward \u00b7 critical">MORE<sup>3</sup>'
    ) in bead5
    notes = re.findall(r'<li value="(\d)"><span class="sev sev-(\w+)">', text)
    # Listed under the bead where each starts, numbered in document order.
    assert notes == [("2", "minor"), ("1", "major"), ("3", "critical")]
    assert "\u2192 大大" in text  # the correction


def test_omissions_additions_and_summary() -> None:
    text = html_report_text(sample_doc(), generated=datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc))
    assert '<tr class="omission" id="bead-3">' in text
    assert '<tr class="addition" id="bead-4">' in text
    assert "(omitted in translation)" in text and "(added in translation)" in text
    assert '<tr class="low-score" id="bead-2">' in text
    for label, value in [
        ("beads", "5"),
        ("omissions (1-0 beads)", "1"),
        ("additions (0-1 beads)", "1"),
        ("mean bead score", "0.6708"),
        ("annotations", "3"),
        ("scores: coverage.source", "0.8000"),
        ("scores: mean_score", "0.6700"),
        ("omitted source sentences by class", "headline: 1"),
        ("MQM penalty (WMT weights)", "16.0 (3 errors)"),
    ]:
        assert f'<th scope="row">{label}</th><td class="num">{value}</td>' in text
    assert 'en (source) sentences aligned</th><td class="num">4 of 5 (80.0%)' in text
    assert "Generated 2026-01-02 03:04 UTC" in text
    assert "2026-01-02T03:04:00+00:00" in text


def test_empty_annotations_and_scores() -> None:
    doc = sample_doc()
    doc.annotations.clear()
    doc.scores = {}
    text = html_report_text(doc)
    assert "<mark" not in text and "annotations by severity" not in text
    assert not parsed(text).errors


def test_paragraphs_glued_into_a_bead_are_shown() -> None:
    doc = sample_doc()
    doc.beads[4].details["absorbed"] = [{"sentences": [3], "paragraph": 1, "class": "more-link"}]
    text = html_report_text(doc)
    bead5 = text[text.index('id="bead-5"') :]
    assert '<span class="flag warn">glued more-link</span>' in bead5
    assert (
        "more-link glued into this bead, possibly untranslated: \u201cMORE: Read on.\u201d" in bead5
    )
    doc.beads[4].details["absorbed"] = "garbage"  # tolerated, not shown
    assert "glued" not in html_report_text(doc)


def test_unreviewed_engine_flags_show_as_suggestions() -> None:
    doc = sample_doc()
    doc.annotations.clear()  # the 1-0 bead's omission is not yet annotated
    text = html_report_text(doc)
    bead3 = text[text.index('id="bead-3"') : text.index('id="bead-4"')]
    assert (
        'suggested, not yet reviewed: <span class="sev sev-minor">minor</span> '
        "Accuracy/Omission (source; headline)" in bead3
    )
    bead2 = text[text.index('id="bead-2"') : text.index('id="bead-3"')]
    assert "Accuracy/Mistranslation (target)" in bead2  # low-score bead
    doc.beads[2].details["reviewed_flags"] = ["omission", "headline"]
    assert "Accuracy/Omission (source" not in html_report_text(doc)
