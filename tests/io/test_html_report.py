"""The HTML review report: self-contained, escaped, highlights with category and severity."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

from iokit import sample_parts

from aligner_gui.core.model import AlignmentDocument, Annotation
from aligner_gui.io.formats import export_document
from aligner_gui.io.html.figures import readable_scores
from aligner_gui.io.html.report import html_report_text
from aligner_gui.io.html.summary import summary_sentences

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
    # Links only within the page (the summary and the overview strip point at beads).
    assert not [v for k, v in page.attrs if k == "src" and v]
    assert all(v.startswith("#bead-") for k, v in page.attrs if k == "href" and v)
    assert not re.search(r"url\((?!#ov-)|@import|https?://", text)
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
        ("Annotations", "3"),
        ("Aligned share \u2014 source", "80.0%"),
        ("Mean match score", "0.6700"),
        ("Omitted source sentences by class", "headline: 1"),
        ("MQM penalty (WMT weights)", "16.0 (3 errors)"),
    ]:
        assert f'<th scope="row">{label}</th><td class="num">{value}</td>' in text
    assert "Sentences aligned \u2014 en, source</th><td class=\"num\">4 of 5 (80.0%)" in text
    # Each figure once: the scorer's bead count and mean, not a second, differently
    # computed copy (the old "mean bead score" averaged the omissions' zeros in).
    assert text.count('<th scope="row">Beads</th>') == 1 and "mean bead score" not in text
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
    # What was found, not only its category: the marked text and the evidence.
    assert "the pairing or the translation is doubtful" in bead2
    assert "Accuracy/Omission (source; headline) \u201c" in bead3
    doc.beads[2].details["reviewed_flags"] = ["omission", "headline"]
    assert "Accuracy/Omission (source" not in html_report_text(doc)


def test_the_overview_marks_beads_with_open_suggestions() -> None:
    """A bead under 50 % risk with a finding not yet reviewed is not 'no major finding'."""
    from aligner_gui.core.model import FLAG_LOW_SCORE, FLAG_NUMBER_MISMATCH

    doc = sample_doc()
    doc.annotations.clear()
    for bead in doc.beads:
        bead.risk = 0.1
    k = next(i for i, b in enumerate(doc.beads)
             if b.source and b.target and FLAG_LOW_SCORE not in b.flags)
    doc.beads[k].flags = [FLAG_NUMBER_MISMATCH]
    doc.beads[k].details["numbers"] = {"missing": ["1550"], "extra": ["1500"]}
    body = html_report_text(doc)
    strip = body[body.index('<svg class="overview"') : body.index("</svg>")]
    marks = re.findall(r'<title>Bead (\d+): ([^;<]+)', strip)
    assert (str(k + 1), "open major findings") in marks
    assert '<rect class="suggested"' in strip


# -- the summary an editor reads first --------------------------------------------------


def test_summary_sentences_of_a_hand_built_document() -> None:
    doc = sample_doc()
    for bead, risk in zip(doc.beads, (0.1, 0.7, 0.5, 0.5, 0.2), strict=True):
        bead.risk = risk
    lines = summary_sentences(doc)
    assert lines[0] == "1 of 5 English sentences has no translation: the headline."
    assert lines[1] == "1 Chinese sentence has no source text (an addition)."
    assert lines[2] == "1 bead has a doubtful pairing (low alignment confidence)."
    assert lines[3].startswith(
        "3 annotations: 1 critical style issue (awkward), 1 major omission, "
        "1 minor mistranslation; MQM "
    )
    assert "per 1,000 source words" in lines[3] and "per segment" in lines[3]
    assert lines[-1].startswith("Expected Major Accuracy errors: 2.0, an estimate learned on "
                                "machine translation to rank the beads by")
    assert lines[-1].endswith("; riskiest beads: 2, 3, 4.")
    assert any("open suggestion" in line for line in lines)


def test_summary_in_chinese_and_without_annotations() -> None:
    doc = sample_doc()
    doc.annotations.clear()
    lines = summary_sentences(doc, "zh_CN")
    assert lines[0] == "5 个英文句子中有 1 个没有译文：标题。"
    assert "尚无标注。" in lines
    assert not any("Expected" in line or "预计" in line for line in lines)  # no risk yet
    text = html_report_text(doc, lang="zh_CN")
    assert '<html lang="zh-CN">' in text and "<h2>摘要</h2>" in text and "<h2>句对</h2>" in text
    # The page's own words too: title, the line under it, suggestion lines, severities.
    assert "源语言：英文（原文）" in text and "目标语言：中文（译文）" in text
    assert "建议，尚未审阅：" in text and ">轻微</span>" in text and "译文中漏译" in text
    assert "suggested, not yet reviewed" not in text and "omitted in translation" not in text
    # MQM categories and sides too (a dogfood round: "Accuracy/Addition" in a Chinese page)
    assert "准确性/漏译" in text and "Accuracy/Omission" not in text
    doc.meta.pop("name", None)  # an unnamed project: the title is the report's name
    assert "<h1>对齐审校</h1>" in html_report_text(doc, lang="zh_CN")
    assert "<h1>Alignment review</h1>" in html_report_text(doc)
    assert "生成于" in text.split("<footer>")[1]


def test_report_opens_with_the_summary_and_links_the_riskiest_beads() -> None:
    doc = sample_doc()
    for bead, risk in zip(doc.beads, (0.1, 0.7, 0.5, 0.5, 0.2), strict=True):
        bead.risk = risk
    text = html_report_text(doc)
    body = text[text.index("<body>") :]
    order = [
        body.index(mark)
        for mark in (
            'id="summary"',
            'class="categories"',
            'class="overview"',
            'id="bead-1"',
            '<details class="figures">',
        )
    ]
    assert order == sorted(order)
    assert 'riskiest beads: <a href="#bead-2">2</a>, <a href="#bead-3">3</a>' in body
    # The overview strip: one linked mark per bead, state in class and letter.
    assert body.count('<a href="#bead-') >= 5 + 3
    assert '<rect class="omission"' in body and '<rect class="annotated"' in body
    assert '<td class="risk risky">0.70</td>' in body
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids))  # the legend reuses the strip's patterns
    # Category table: annotations and suggestions counted apart.
    table = body[body.index('<table class="categories">') : body.index("</table>")]
    assert '<th scope="row">Style/Awkward</th>' in table


def test_readable_score_labels() -> None:
    rows = dict(
        readable_scores(
            {
                "omissions_by_class": {"byline": {"count": 0, "chars": 0}},
                "chrf_signature_full": "chrF2|nrefs:1",
                "uncovered": {"source": 0.0221, "source_words": 317, "source_uncovered": 7},
                "risk": {"expected_major": 7.85, "risky_beads": 2},
                "something_new": {"a_b": 1},
            }
        )
    )
    assert rows["Omitted source sentences \u2014 byline"] == "0 (0 characters)"
    assert rows["Match metric signature (full)"] == "chrF2|nrefs:1"
    assert rows["Uncovered content words \u2014 source"] == "2.2% (7 of 317 content words)"
    assert rows["Expected Major Accuracy errors"] == "7.8500"
    assert rows["Something new \u2014 a b"] == "1"


def test_all_figures_in_chinese() -> None:
    """The collapsed figures table of a report in Chinese has Chinese labels and values."""
    doc = sample_doc()
    text = html_report_text(doc, lang="zh_CN")
    figures = text[text.index('<details class="figures">') :]
    assert "<summary>全部数据</summary>" in figures
    assert '<th scope="row">平均匹配度</th><td class="num">0.6700</td>' in figures
    assert '<th scope="row">按类别统计的漏译原文句子</th><td class="num">标题: 1</td>' in figures
    assert "5 中的 4 (80.0%)" in figures and "16.0（3 个错误）" in figures
    labels = re.findall(r'<th scope="row">([^<]*)</th>', figures)
    assert labels and not [x for x in labels if re.fullmatch(r"[A-Za-z ,()\u2014-]+", x)]
    rows = dict(readable_scores({"omissions_by_class": {"byline": {"count": 1, "chars": 9}}},
                                "zh_CN"))
    assert rows["漏译的原文句子 \u2014 署名"] == "1（9 个字符）"


def test_the_report_is_named_after_the_texts_it_was_aligned_from() -> None:
    doc = sample_doc()
    del doc.meta["name"]
    doc.meta["inputs"] = ["econ_zh.txt", "econ_en.txt"]
    text = html_report_text(doc)
    assert "<title>econ_zh.txt / econ_en.txt \u2013 alignment review</title>" in text
    assert "<h1>econ_zh.txt / econ_en.txt</h1>" in text


def test_a_dropped_line_of_the_link_class_is_called_a_link_only_when_it_is_one() -> None:
    """The more-link class also holds share lines and end marks (分享到：…, （完）)."""
    doc = sample_doc()
    dropped = next(b for b in doc.beads if b.source and not b.target)
    dropped.flags = [f for f in dropped.flags if f != "headline"] + ["more-link"]
    assert "A headline." in doc.source.sentences[dropped.source[0]].text
    lines = summary_sentences(doc)
    assert lines[0] == "1 of 5 English sentences has no translation: a link, share or end line."
    zh = summary_sentences(doc, "zh_CN")[0]
    assert zh == "5 个英文句子中有 1 个没有译文：链接、分享或结束行。"


def test_a_sentence_the_alignment_keeps_but_looks_untranslated_is_in_the_summary() -> None:
    """qe/glued.py's finding: the summary no longer says every sentence is translated."""
    doc = sample_doc()
    paired = next(k for k, b in enumerate(doc.beads) if b.source and b.target)
    doc.beads[paired].details["glued"] = [
        {"side": "source", "sentence": doc.beads[paired].source[0], "alone": 0.1, "drop": 0.2}]
    lines = summary_sentences(doc)
    assert lines[0] == "1 of 5 English sentences has no translation: the headline."
    assert lines[1] == (f"1 more looks untranslated: the alignment keeps it with a neighbour "
                        f"(bead {paired + 1}).")


def test_the_report_shows_the_originals_headline_under_its_file_name() -> None:
    """The seed's report was titled "000_730210bb8f392e85.txt" and nothing else."""
    from aligner_gui.core.pipeline import load_document
    from aligner_gui.core.resources import seed_path

    doc = load_document([seed_path()])
    text = html_report_text(doc)
    assert ('<p class="headline">US, Russia move closer to deal to extend last nuclear arms '
            "control pact</p>") in text
    assert 'class="headline"' not in html_report_text(sample_doc())  # no headline there


def test_a_chinese_report_names_flags_and_statuses_in_chinese() -> None:
    """The zh_CN report's bead table showed "number-mismatch", "omission", "auto"."""
    text = html_report_text(sample_doc(), lang="zh_CN")
    flags = re.findall(r'<span class="flag">([^<]*)</span>', text)
    assert flags == ["对齐存疑", "漏译", "标题", "增译"]
    assert "<td>自动<br>" in text and "<td>auto<br>" not in text
    english = html_report_text(sample_doc())
    assert re.findall(r'<span class="flag">([^<]*)</span>', english)[:2] == ["low-score",
                                                                            "omission"]
