"""The format registry: every exporter writes, detection by content, typed one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from iokit import sample_parts

from aligner_gui.core.errors import AlignerError
from aligner_gui.core.model import AlignmentDocument, Annotation, Bead
from aligner_gui.io.errors import (
    ExportFormatError,
    ImportFormatError,
    ProjectError,
    UnsafeXMLError,
)
from aligner_gui.io.format_helpers import SpanIndex, base_lang, guess_lang, side_from_paragraphs
from aligner_gui.io.formats import (
    EXPORTERS,
    IMPORTERS,
    detect_format,
    export_document,
    import_file,
)
from aligner_gui.io.project import VERSION as project_version

ISSUE_FORMATS = {"tmx", "tsv", "mqm-tsv", "intertext", "html", "annotations-csv", "beads", "json"}


def sample_doc() -> AlignmentDocument:
    source, target, beads = sample_parts()
    doc = AlignmentDocument(source, target, beads, meta={"name": "sample"})
    s = doc.source.sentences[2]
    doc.add_annotation(
        Annotation(
            "omission",
            "source",
            s.start,
            s.end,
            s.text,
            "Accuracy/Omission",
            "major",
            tags=["headline"],
        )
    )
    doc.check()
    return doc


def test_registry_covers_the_issue() -> None:
    assert ISSUE_FORMATS <= set(EXPORTERS)
    assert {"intertext", "tmx", "mqm-tsv", "json"} <= set(IMPORTERS)
    for name, exporter in EXPORTERS.items():
        assert exporter.name == name and exporter.suffix.startswith(".") and exporter.label


@pytest.mark.parametrize("fmt", sorted(ISSUE_FORMATS))
def test_every_exporter_writes_its_files(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"sample{EXPORTERS[fmt].suffix}"
    written = export_document(sample_doc(), fmt, out)
    assert written and written[0] == out
    for path in written:
        assert path.is_file() and path.stat().st_size > 0
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporaries


def test_beads_export(tmp_path: Path) -> None:
    out = tmp_path / "x.align"
    export_document(sample_doc(), "beads", out)
    assert out.read_text(encoding="utf-8") == "[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3,4]:[3]\n"


def test_json_export_round_trips_through_import(tmp_path: Path) -> None:
    doc = sample_doc()
    out = tmp_path / "p.json"
    export_document(doc, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "aligner-gui" and data["version"] == project_version
    back = import_file(out)
    assert [(b.source, b.target, b.status) for b in back.beads] == [
        (b.source, b.target, b.status) for b in doc.beads
    ]
    assert [(a.start, a.end, a.category) for a in back.annotations] == [
        (a.start, a.end, a.category) for a in doc.annotations
    ]


@pytest.mark.parametrize(
    ("fmt", "detected"),
    [("json", "json"), ("tmx", "tmx"), ("intertext", "intertext"), ("mqm-tsv", "mqm-tsv")],
)
def test_detection_by_content(tmp_path: Path, fmt: str, detected: str) -> None:
    # A misleading suffix: detection reads the content, not the name.
    written = export_document(
        sample_doc(),
        fmt,
        tmp_path / "export.dat.xml" if fmt == "intertext" else tmp_path / "export.dat",
    )
    assert detect_format(written[0]) == detected
    doc = import_file(written[0])
    doc.check()
    assert len(doc.beads) == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"hello world\n", "cannot tell the format"),
        (b"<html><body/></html>", "is an HTML page"),
        (b'<cesAlign version="1.0"><linkGrp/></cesAlign>', "not TMX or InterText"),
        (b"<tmx", "not well-formed XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "cannot tell the format"),
    ],
)
def test_undetectable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.xml"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=message) as info:
        import_file(path)
    assert "\n" not in str(info.value)


def test_errors_are_typed(tmp_path: Path) -> None:
    assert issubclass(ImportFormatError, ProjectError) and issubclass(ProjectError, AlignerError)
    assert issubclass(UnsafeXMLError, ImportFormatError)
    assert issubclass(ExportFormatError, ProjectError)
    with pytest.raises(ExportFormatError, match="unknown export format 'docx'"):
        export_document(sample_doc(), "docx", tmp_path / "x.docx")
    with pytest.raises(ImportFormatError, match="unknown import format"):
        import_file(tmp_path / "x", "docx")
    with pytest.raises(ImportFormatError, match="no such file"):
        import_file(tmp_path / "missing.tmx")
    with pytest.raises(ImportFormatError, match="is a directory"):
        import_file(tmp_path)


def test_unwritable_output_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="does not exist"):
        export_document(sample_doc(), "tmx", tmp_path / "no" / "such" / "out.tmx")


def test_entity_bomb_is_refused_by_detection(tmp_path: Path) -> None:
    path = tmp_path / "evil.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa">'
        '<!ENTITY b "&a;&a;&a;&a;">]><tmx>&b;</tmx>',
        encoding="utf-8",
    )
    with pytest.raises(UnsafeXMLError):
        import_file(path)


def test_lang_helpers() -> None:
    assert base_lang("zh-CN") == "zh" and base_lang("EN_us") == "en" and base_lang("zho") == "zh"
    assert base_lang(None) == ""
    assert guess_lang("我们站在地球上。") == "zh" and guess_lang("We stand on Earth.") == "en"
    assert guess_lang("Apple 苹果公司 said") == "zh"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.text(min_size=0, max_size=12), max_size=4), max_size=4),
    st.sampled_from(["en", "zh"]),
    st.booleans(),
)
def test_built_sides_keep_the_offset_invariant(paragraphs, lang, normalize) -> None:  # noqa: ANN001
    side = side_from_paragraphs(lang, "original", paragraphs, normalize=normalize)
    assert [s.id for s in side.sentences] == list(range(len(side.sentences)))
    assert len(side.sentences) == sum(len(p) for p in paragraphs)
    previous_end = 0
    for sentence in side.sentences:
        assert side.text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end
    paras = [s.paragraph for s in side.sentences]
    assert paras == sorted(paras) and (not paras or paras[0] == 0)
    assert all(b - a <= 1 for a, b in zip(paras, paras[1:], strict=False))


def test_span_index() -> None:
    doc = sample_doc()
    index = SpanIndex(doc, "target")
    t = doc.target.sentences
    assert index.bead_at(t[0].start) == 0
    assert index.bead_at(t[2].start + 1) == 3  # the 0-1 bead
    assert index.bead_at(t[2].end) == 4  # the paragraph gap belongs to the next bead
    assert index.bead_at(10_000) == 4
    assert SpanIndex(doc, "source").bead_at(doc.source.sentences[2].start) == 2


def test_importers_declare_their_options() -> None:
    assert IMPORTERS["mqm-tsv"].options == ("base", "system")
    assert IMPORTERS["intertext"].options == ("source_lang",)
    assert IMPORTERS["tmx"].options == ("source_lang",)
    assert IMPORTERS["json"].options == ()


def test_utf16_mqm_file_is_detected(tmp_path: Path) -> None:
    from aligner_gui.io.mqm_tsv import mqm_tsv_text

    path = tmp_path / "utf16.tsv"
    path.write_bytes(mqm_tsv_text(sample_doc()).encode("utf-16"))
    assert detect_format(path) == "mqm-tsv"
    assert len(import_file(path).beads) == 5


# -- property: random documents survive the round trips ----------------------------------

_EN_WORD = st.text(alphabet="abcXYZ<>&\"'é,.", min_size=1, max_size=6)
_ZH_SENT = st.text(alphabet='中文字<>&"。，', min_size=1, max_size=8)


def _paragraphs(sentence: st.SearchStrategy[str]) -> st.SearchStrategy[list[list[str]]]:
    return st.lists(st.lists(sentence, min_size=1, max_size=4), min_size=1, max_size=3)


@st.composite
def random_docs(draw: st.DrawFn) -> AlignmentDocument:
    en = st.lists(_EN_WORD, min_size=1, max_size=4).map(" ".join)
    source = side_from_paragraphs("en", "original", draw(_paragraphs(en)))
    target = side_from_paragraphs("zh", "translation", draw(_paragraphs(_ZH_SENT)))
    n_src, n_tgt = len(source.sentences), len(target.sentences)
    beads: list[Bead] = []
    s = t = 0
    while s < n_src or t < n_tgt:
        a = draw(st.integers(0, min(3, n_src - s)))
        b = draw(st.integers(0 if a else 1, min(3, n_tgt - t))) if t < n_tgt else 0
        if a == 0 and b == 0:
            a = 1
        beads.append(
            Bead(
                tuple(range(s, s + a)),
                tuple(range(t, t + b)),
                draw(st.none() | st.floats(0, 1).map(lambda x: round(x, 4))),
                draw(st.sampled_from(["auto", "confirmed", "manual"])),
                draw(st.lists(st.sampled_from(["omission", "low-score", "addition"]), max_size=2)),
            )
        )
        s, t = s + a, t + b
    doc = AlignmentDocument(source, target, beads)
    for _ in range(draw(st.integers(0, 3))):
        b = draw(st.integers(0, len(beads) - 1))
        side = "source" if beads[b].source else "target"
        span = doc.bead_span(b, side)
        assert span is not None
        start = draw(st.integers(span[0], span[1] - 1))
        end = draw(st.integers(start + 1, span[1]))
        text = doc.side(side).text[start:end]
        category = draw(st.sampled_from(["Accuracy/Omission", "Fluency/Grammar", "Style/Awkward"]))
        severity = draw(st.sampled_from(["neutral", "minor", "major", "critical"]))
        # MQM TSV cannot tell two annotations of one category and severity, one ending a
        # bead and one starting the next, from one annotation crossing (mqm_tsv_import).
        spans = [doc.bead_span(k, side) for k in range(len(beads))]
        texts = [s for s in spans if s and s[0] < s[1]]
        seams = {(a[1], b[0]) for a, b in zip(texts, texts[1:], strict=False)}
        if any((a.side, a.category, a.severity) == (side, category, severity)
               and ((a.end, start) in seams or (end, a.start) in seams) for a in doc.annotations):
            continue
        doc.add_annotation(Annotation("other", side, start, end, text, category, severity))
    doc.check()
    return doc


def _bead_key(doc: AlignmentDocument) -> list[tuple]:
    return [(b.source, b.target) for b in doc.beads]


@settings(max_examples=40, deadline=None)
@given(random_docs())
def test_random_documents_round_trip(doc: AlignmentDocument) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        # intertext keeps the beads and the sentences
        back = import_file(export_document(doc, "intertext", out / "d.zh.en.xml")[0])
        assert _bead_key(back) == _bead_key(doc)
        for name in ("source", "target"):
            assert [s.text for s in back.side(name).sentences] == [
                s.text for s in doc.side(name).sentences
            ]
        # tmx keeps the pairs (and the bead data)
        back = import_file(export_document(doc, "tmx", out / "d.tmx")[0])
        assert _bead_key(back) == _bead_key(doc)
        assert [(b.score, b.status, b.flags) for b in back.beads] == [
            (b.score, b.status, b.flags) for b in doc.beads
        ]
        # mqm-tsv keeps the annotations (onto the same beads)
        path = export_document(doc, "mqm-tsv", out / "d.tsv")[0]
        base = AlignmentDocument(doc.source, doc.target, [b.copy() for b in doc.beads])
        back = import_file(path, base=base)
        assert sorted(
            (a.side, a.start, a.end, a.category, a.severity) for a in back.annotations
        ) == (sorted((a.side, a.start, a.end, a.category, a.severity) for a in doc.annotations))


def test_export_options(tmp_path: Path) -> None:
    assert EXPORTERS["mqm-tsv"].options == ("system", "doc_name", "rater", "include_suggestions")
    out = tmp_path / "m.tsv"
    export_document(sample_doc(), "mqm-tsv", out, system="HT-1", doc_name="news.7", rater="ann")
    row = out.read_text(encoding="utf-8").splitlines()[1].split("\t")
    assert row[:5] == ["HT-1", "news.7", "1", "1", "ann"]
    html = tmp_path / "r.html"
    export_document(sample_doc(), "html", html, title="Weekly <QA>")
    assert "<h1>Weekly &lt;QA&gt;</h1>" in html.read_text(encoding="utf-8")
    with pytest.raises(ExportFormatError, match="takes no option 'title'"):
        export_document(sample_doc(), "tmx", tmp_path / "x.tmx", title="x")


# -- fuzz: damaged files give a typed error or a valid document, never a traceback ------


@st.composite
def _mutations(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(out)))
        kind = draw(st.sampled_from(["delete", "insert", "replace", "truncate"]))
        if kind == "delete":
            del out[pos : pos + draw(st.integers(1, 40))]
        elif kind == "insert":
            out[pos:pos] = draw(
                st.sampled_from([b"<", b">", b"\t", b"\n", b";", b"'", b'"', b"&", b"]]>"])
                | st.binary(min_size=1, max_size=8)
            )
        elif kind == "replace" and pos < len(out):
            out[pos] = draw(st.integers(0, 255))
        else:
            del out[pos:]
    return bytes(out)


def _fuzz_sources(folder: Path) -> dict[str, list[Path]]:
    doc = sample_doc()
    return {
        "tmx": export_document(doc, "tmx", folder / "f.tmx"),
        "intertext": export_document(doc, "intertext", folder / "f.zh.en.xml"),
        "mqm-tsv": export_document(doc, "mqm-tsv", folder / "f.tsv"),
        "json": export_document(doc, "json", folder / "f.json"),
    }


@pytest.mark.parametrize("fmt", ["tmx", "intertext", "mqm-tsv", "json"])
def test_damaged_files_never_crash(tmp_path: Path, fmt: str) -> None:
    files = _fuzz_sources(tmp_path)[fmt]
    originals = {p: p.read_bytes() for p in files}

    @settings(max_examples=60, deadline=None, database=None)
    @given(st.data())
    def run(data: st.DataObject) -> None:
        victim = data.draw(st.sampled_from(files))
        for path, raw in originals.items():
            path.write_bytes(raw)
        victim.write_bytes(data.draw(_mutations(originals[victim])))
        try:
            doc = import_file(files[0], data.draw(st.sampled_from([None, fmt])))
        except AlignerError as error:
            assert "\n" not in str(error)
        else:
            doc.check()

    run()


@pytest.mark.parametrize("fmt", sorted(ISSUE_FORMATS))
def test_lone_surrogates_do_not_break_exports(tmp_path: Path, fmt: str) -> None:
    """A damaged project (e.g. JSON with "\\ud800") still exports instead of crashing."""
    source = side_from_paragraphs("en", "original", [["Bad \ud800 char.", "Fine."]])
    target = side_from_paragraphs("zh", "translation", [["坏\udfff字。"]])
    doc = AlignmentDocument(source, target, [Bead((0, 1), (0,))])
    doc.add_annotation(Annotation("other", "source", 4, 5, "\ud800", "Other", "minor"))
    written = export_document(doc, fmt, tmp_path / f"s{EXPORTERS[fmt].suffix}")
    for path in written:
        path.read_bytes().decode("utf-8")  # valid UTF-8


def test_unknown_import_option_is_refused(tmp_path: Path) -> None:
    out = export_document(sample_doc(), "tmx", tmp_path / "x.tmx")[0]
    with pytest.raises(ImportFormatError, match="takes no option 'base'"):
        import_file(out, base=sample_doc())
    assert import_file(out, source_lang="en").source.lang == "en"


@settings(max_examples=30, deadline=None)
@given(random_docs())
def test_random_documents_export_everywhere(doc: AlignmentDocument) -> None:
    import tempfile
    from html.parser import HTMLParser

    with tempfile.TemporaryDirectory() as folder:
        for fmt in sorted(ISSUE_FORMATS):
            written = export_document(doc, fmt, Path(folder) / f"d{EXPORTERS[fmt].suffix}")
            assert all(p.stat().st_size > 0 for p in written)
        html_text = (Path(folder) / "d.html").read_text(encoding="utf-8")
        HTMLParser().feed(html_text)
        assert "<script" not in html_text
        assert len((Path(folder) / "d.align").read_text().splitlines()) == len(doc.beads)
