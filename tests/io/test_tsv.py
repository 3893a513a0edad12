"""Bead TSV, annotations CSV and the WMT MQM TSV (export, import, round trip)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from iokit import sample_parts

from aligner_gui.core.model import AlignmentDocument, Annotation, Bead, Sentence, Side
from aligner_gui.core.scoring.mqm import annotation_type
from aligner_gui.io.errors import ImportFormatError
from aligner_gui.io.formats import (
    export_document,
    import_file,
)
from aligner_gui.io.mqm_tsv import MQM_HEADER, mqm_tsv_text
from aligner_gui.io.mqm_tsv_import import import_mqm_tsv
from aligner_gui.io.tsv import annotations_csv_text, bead_tsv_text


def sample_doc() -> AlignmentDocument:
    source, target, beads = sample_parts()
    doc = AlignmentDocument(source, target, beads, meta={"name": "sample"})
    s, t = doc.source, doc.target

    def ann(
        kind: str, side: str, start: int, end: int, category: str, severity: str, **extra: str
    ) -> Annotation:
        text = doc.side(side).text[start:end]
        return Annotation(kind, side, start, end, text, category, severity, **extra)

    purred = s.text.index("purred")
    doc.add_annotation(
        ann(
            "omission",
            "source",
            s.sentences[2].start,
            s.sentences[2].end,
            "Accuracy/Omission",
            "major",
        )
    )
    doc.add_annotation(
        ann(
            "mistranslation",
            "target",
            t.sentences[1].start + 1,
            t.sentences[1].start + 3,
            "Accuracy/Mistranslation",
            "minor",
            comment="=SUM(A1)",
        )
    )
    doc.add_annotation(
        ann("omission", "source", purred, purred + 6, "Accuracy/Omission", "critical")
    )
    doc.add_annotation(
        ann(
            "punctuation",
            "target",
            t.sentences[3].start,
            t.sentences[3].start + 2,
            "Fluency/Punctuation",
            "neutral",
        )
    )
    doc.check()
    return doc


def rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


# -- MQM export ------------------------------------------------------------------------


def test_mqm_header_is_exact() -> None:
    """The WMT20/21 columns, then WMT22's metadata."""
    text = mqm_tsv_text(sample_doc())
    expected = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity"
    assert text.splitlines()[0] == expected + "\tmetadata"
    assert [*MQM_HEADER, "metadata"] == text.splitlines()[0].split("\t")


def test_mqm_rows() -> None:
    table = rows(mqm_tsv_text(sample_doc()))[1:]
    assert all(len(row) == 10 for row in table)
    assert {row[9] for row in table if row[7] == "No-error"} == {""}
    by_seg: dict[str, list[list[str]]] = {}
    for row in table:
        by_seg.setdefault(row[2], []).append(row)
    assert sorted(by_seg, key=int) == ["1", "2", "3", "4", "5"]  # doc_id 1-based, every bead
    # Bead 1 has no annotation: one No-error row.
    assert [(r[7], r[8]) for r in by_seg["1"]] == [("No-error", "No-error")]
    assert by_seg["1"][0][5:7] == ["The cat sat.", "猫坐着。"]
    assert by_seg["1"][0][3] == "1" and by_seg["1"][0][1] == "sample"
    # Bead 2: a source-side omission (span in the source column), a target mistranslation.
    seg2 = {(r[7], r[8]): r for r in by_seg["2"]}
    omission = seg2[("Accuracy/Omission", "Critical")]
    assert omission[5] == "It <v>purred</v> <loudly> & long." and "<v>" not in omission[6]
    mistranslation = seg2[("Accuracy/Mistranslation", "Minor")]
    assert mistranslation[6] == "它<v>大声</v>地呼噜。" and "<v>" not in mistranslation[5]
    # Bead 3 is a 1-0 bead: empty target column, whole source sentence marked.
    assert by_seg["3"][0][5:9] == ["<v>A headline.</v>", "", "Accuracy/Omission", "Major"]
    assert by_seg["5"][0][6] == "<v>更多</v>：继续阅读。"
    assert by_seg["5"][0][8] == "Neutral"


def test_mqm_cells_never_hold_tabs_or_newlines() -> None:
    text = "Tab\there.\nNext line."
    source = Side("en", "original", text, [Sentence(0, 0, 0, len(text), text)])
    target = Side("zh", "translation", "译文。", [Sentence(0, 0, 0, 3, "译文。")])
    doc = AlignmentDocument(source, target, [Bead((0,), (0,))])
    doc.add_annotation(Annotation("other", "source", 4, 9, "here.", "Style/Awkward", "minor"))
    table = rows(mqm_tsv_text(doc))
    assert all(len(row) == 10 for row in table)
    assert table[1][5] == "Tab <v>here.</v> Next line."


# -- MQM round trip ------------------------------------------------------------------


def _annotations(doc: AlignmentDocument) -> list[tuple]:
    return sorted((a.side, a.start, a.end, a.text, a.category, a.severity) for a in doc.annotations)


def test_round_trip_onto_the_base_document_keeps_spans(tmp_path: Path) -> None:
    doc = sample_doc()
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out)
    base = AlignmentDocument(doc.source, doc.target, [b.copy() for b in doc.beads])
    back = import_file(out, base=base)
    back.check()
    assert _annotations(back) == _annotations(doc)
    assert [a.type for a in sorted(back.annotations, key=lambda a: (a.side, a.start))] == [
        a.type for a in sorted(doc.annotations, key=lambda a: (a.side, a.start))
    ]
    assert not base.annotations  # the base document is not modified


def test_round_trip_without_base_rebuilds_segments(tmp_path: Path) -> None:
    doc = sample_doc()
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out)
    back = import_file(out)  # detected as mqm-tsv
    back.check()
    assert len(back.beads) == len(doc.beads)
    assert [b.kind for b in back.beads] == ["1-1", "1-1", "1-0", "0-1", "1-1"]
    assert sorted((a.side, a.text, a.category, a.severity) for a in back.annotations) == sorted(
        (a.side, a.text, a.category, a.severity) for a in doc.annotations
    )
    for a in back.annotations:
        assert back.side(a.side).text[a.start : a.end] == a.text
    assert (back.source.lang, back.target.lang) == ("en", "zh")


WMT = (
    "\t".join(MQM_HEADER) + "\n"
    "sysA\ttalk.2\t1\t84\trater3\t我希望大家能花点时间。\tI want you to <v>take a moment</v>.\t"
    "Style/Awkward\tMajor\n"
    "sysA\ttalk.2\t1\t84\trater3\t我希望大家能花点时间。\tI want you to take a moment<v>.</v>\t"
    "Fluency/Punctuation\tMinor\n"
    "sysB\ttalk.2\t1\t84\trater7\t我希望大家能花点时间。\tI hope you take some time.\t"
    "No-error\tNo-error\n"
    "sysA\ttalk.2\t2\t85\trater3\t我们站在地球上仰望<v>夜空</v>。\tWe stand on the earth.\t"
    "Accuracy/Omission\tMajor\n"
    "sysA\ttalk.2\t3\t86\trater3\t强烈的阳光。\tThe sun.\tNon-translation!\tMajor\n"
    "sysB\ttalk.2\t2\t85\trater7\t我们站在地球上仰望夜空。\tWe look up at the night sky.\t"
    "No-error\tNo-error\n"
)


def test_wmt_file_imports_one_system(tmp_path: Path) -> None:
    path = tmp_path / "wmt.tsv"
    path.write_text(WMT, encoding="utf-8")
    doc = import_file(path)
    doc.check()
    assert doc.meta["mqm"]["system"] == "sysA"
    assert doc.meta["mqm"]["systems_skipped"] == ["sysB"]
    assert (doc.source.lang, doc.target.lang) == ("zh", "en")
    assert [doc.target.span_text(b.target) for b in doc.beads] == [
        "I want you to take a moment.",
        "We stand on the earth.",
        "The sun.",
    ]
    found = [(a.side, a.text, a.category, a.severity, a.type) for a in doc.annotations]
    assert found == [
        ("target", "take a moment", "Style/Awkward", "major", "style"),
        ("target", ".", "Fluency/Punctuation", "minor", "punctuation"),
        ("source", "夜空", "Accuracy/Omission", "major", "omission"),
        ("target", "The sun.", "Non-translation!", "major", "non-translation"),
    ]
    assert doc.annotations[0].extra == {"rater": "rater3", "system": "sysA"}
    other = import_mqm_tsv(path, system="sysB")
    assert not other.annotations and len(other.beads) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("system\tdoc\tdoc_id\n", "header"),
        ("\t".join(MQM_HEADER) + "\n", "no rows"),
        ("\t".join(MQM_HEADER) + "\nsys\td\t1\t1\tr\ta\tb\tAccuracy\n", "columns"),
        (
            "\t".join(MQM_HEADER) + "\nsys\td\t1\t1\tr\ta\t<v>b</v>\tAccuracy\tHuge\n",
            "unknown severity",
        ),
        ("\t".join(MQM_HEADER) + "\nsys\td\tone\t1\tr\ta\tb\tNo-error\tNo-error\n", "doc_id"),
    ],
)
def test_bad_mqm_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFormatError, match=message) as info:
        import_mqm_tsv(path)
    assert "\n" not in str(info.value)


def test_base_document_mismatch_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wmt.tsv"
    path.write_text(WMT, encoding="utf-8")
    with pytest.raises(ImportFormatError, match="does not match bead 1"):
        import_mqm_tsv(path, base=sample_doc())


def test_unknown_system_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wmt.tsv"
    path.write_text(WMT, encoding="utf-8")
    with pytest.raises(ImportFormatError, match="no rows for system"):
        import_mqm_tsv(path, system="sysZ")


def test_annotation_types_from_categories() -> None:
    assert annotation_type("Accuracy/Omission") == "omission"
    assert annotation_type("Accuracy/Addition") == "addition"
    assert annotation_type("Accuracy/Untranslated text") == "untranslated"
    assert annotation_type("Fluency/Grammar") == "grammar"
    assert annotation_type("Style/Awkward") == "style"
    assert annotation_type("Non-translation!") == "non-translation"
    assert annotation_type("Terminology/Inappropriate for context") == "terminology"
    assert annotation_type("Something/Else") == "other"


# -- bead TSV and annotations CSV ------------------------------------------------------


def test_bead_tsv() -> None:
    doc = sample_doc()
    doc.update_bead(0, risk=0.25)
    table = rows(bead_tsv_text(doc))
    assert table[1][-1] == "0.2500"
    assert table[0] == [
        "bead",
        "source_ids",
        "target_ids",
        "type",
        "score",
        "status",
        "flags",
        "source",
        "target",
        "risk",
    ]
    assert table[2] == [
        "2",
        "1",
        "1",
        "1-1",
        "0.4123",
        "confirmed",
        "low-score",
        "It purred <loudly> & long.",
        "它大声地呼噜。",
        "",
    ]
    assert table[3][:7] == ["3", "2", "", "1-0", "", "manual", "omission,headline"]
    assert table[5][1:4] == ["3,4", "3", "2-1"]
    assert table[5][7] == "MORE: Read on. Second half."


def test_a_bead_tsv_text_opening_with_a_quote_stays_in_its_row() -> None:
    """'"Yes," she said.' unquoted made csv readers (and spreadsheets) read on to the next
    quote mark, joining beads into one row."""
    import csv
    import io

    doc = sample_doc()
    first = doc.source.sentences[0]
    doc.source.text = '"' + doc.source.text[1:]
    doc.source.sentences[0] = type(first)(first.id, first.paragraph, first.start, first.end,
                                          '"' + first.text[1:])
    text = bead_tsv_text(doc)
    read = list(csv.reader(io.StringIO(text), dialect="excel-tab"))
    assert len(read) == len(doc.beads) + 1
    assert read[1][7] == doc.source.span_text(doc.beads[0].source)
    assert read[1][7].startswith('"')


def test_annotations_csv(tmp_path: Path) -> None:
    doc = sample_doc()
    out = tmp_path / "a.csv"
    export_document(doc, "annotations-csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read the Chinese right
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0][:9] == [
        "id",
        "bead",
        "side",
        "start",
        "end",
        "type",
        "category",
        "severity",
        "text",
    ]
    assert len(table) == 1 + len(doc.annotations)
    first = dict(zip(table[0], table[1], strict=True))
    assert first["bead"] == "3" and first["text"] == "A headline." and first["target"] == ""
    second = dict(zip(table[0], table[2], strict=True))
    assert second["comment"] == "'=SUM(A1)"  # never a live formula in a spreadsheet
    assert annotations_csv_text(doc).count("\r\n") == len(table)
    assert table[0][-1] == "rater" and first["rater"] == ""
    doc.annotations[0].extra["rater"] = "editor_li"  # an MQM import's rater was lost
    again = list(csv.reader(io.StringIO(annotations_csv_text(doc))))
    assert dict(zip(again[0], again[1], strict=True))["rater"] == "editor_li"


# WMT22-onward layout: docSegId/globalSegId, lower-case severities, a JSON metadata
# column, a parenthesised category suffix, three raters a segment, two systems.
WMT23 = "\n".join(
    "\t".join(row)
    for row in [
        ["system", "doc", "docSegId", "globalSegId", "rater", "source", "target",
         "category", "severity", "metadata"],
        ["sysA", "news.1", "1", "101", "rater1", "我们站在地球上。",
         "We <v>stands</v> on the earth.", "Fluency/Grammar", "minor",
         '{"timestamp": 1690000000, "source_spans": [], "target_spans": [[3, 9]]}'],
        ["sysA", "news.1", "1", "101", "rater2", "我们站在地球上。", "We stands on the earth.",
         "No-error", "no-error", ""],
        ["sysA", "news.1", "1", "101", "rater3", "我们站在<v>地球</v>上。",
         "We stands on the earth.", "Accuracy/Mistranslation (Translation)", "major", "{}"],
        ["sysA", "news.1", "2", "102", "rater1", "太阳。", "The sun.", "no-error", "no-error", ""],
        ["sysA", "news.1", "2", "102", "rater2", "太阳。", "The sun.", "no-error", "no-error", ""],
        ["sysA", "news.1", "2", "102", "rater3", "太阳。", "The sun.", "no-error", "no-error", ""],
        ["sysB", "news.1", "1", "101", "rater1", "我们站在地球上。", "We stand on earth.",
         "No-error", "no-error", ""],
    ]
) + "\n"


def test_wmt23_layout_imports(tmp_path: Path) -> None:
    path = tmp_path / "mqm_generalMT2023_zhen.tsv"
    path.write_text(WMT23, encoding="utf-8")
    doc = import_file(path)
    doc.check()
    assert doc.meta["mqm"]["system"] == "sysA"
    assert [doc.target.span_text(b.target) for b in doc.beads] == [
        "We stands on the earth.",
        "The sun.",
    ]
    found = [(a.side, a.text, a.category, a.severity, a.type, a.extra["rater"])
             for a in doc.annotations]
    assert found == [
        ("target", "stands", "Fluency/Grammar", "minor", "grammar", "rater1"),
        ("source", "地球", "Accuracy/Mistranslation", "major", "mistranslation", "rater3"),
    ]
    assert doc.annotations[0].extra["metadata"] == {
        "timestamp": 1690000000, "source_spans": [], "target_spans": [[3, 9]]
    }
    assert doc.annotations[1].extra["metadata"] == {}
    # The metadata survives a save and a load.
    from aligner_gui.io.project import load_project, save_project

    save_project(doc, tmp_path / "p.json")
    again = load_project(tmp_path / "p.json")
    assert again.annotations[0].extra["metadata"]["target_spans"] == [[3, 9]]


def test_wmt23_layout_without_the_metadata_cell(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    lines = WMT23.splitlines()
    path.write_text("\n".join([lines[0], lines[1].rsplit("\t", 1)[0]]) + "\n", encoding="utf-8")
    doc = import_mqm_tsv(path)
    assert "metadata" not in doc.annotations[0].extra


WMT21_TED = Path("/work/shared/data/mqm-ted-zhen/mqm_ted_zhen.tsv")


@pytest.mark.skipif(not WMT21_TED.is_file(), reason="WMT21 TED data not present")
def test_wmt21_ted_file_still_imports() -> None:
    doc = import_file(WMT21_TED)
    doc.check()
    assert doc.annotations and all("rater" in a.extra for a in doc.annotations)
    assert len(doc.meta["mqm"]["systems_skipped"]) > 1


def test_open_span_without_close_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "open.tsv"
    rows = [
        "\t".join(MQM_HEADER),
        "sys\td\t1\t1\tr1\t我们站在地球上。\tWe <v>stand on the earth.\tFluency/Grammar\tMinor",
        "sys\td\t2\t2\tr1\t太阳。\tThe <v>sun</v>.\tFluency/Grammar\tMinor",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    doc = import_mqm_tsv(path)
    assert [a.text for a in doc.annotations] == ["stand on the earth.", "sun"]
    assert doc.meta["mqm"]["warnings"] == [
        f"{path} line 2: <v> without </v>; the span runs to the end of the cell"
    ]


@pytest.mark.skipif(not WMT21_TED.is_file(), reason="WMT21 TED data not present")
def test_wmt21_ted_open_span_is_reported() -> None:
    doc = import_file(WMT21_TED, system="MiSS")
    assert any(w.startswith(f"{WMT21_TED} line 9622: <v> without </v>")
               for w in doc.meta["mqm"]["warnings"])


def test_annotation_across_beads_survives_the_round_trip(tmp_path: Path) -> None:
    doc = sample_doc()
    doc.annotations.clear()
    # From inside bead 1 ("It purred ...") into the 1-0 bead 2 ("A headline.").
    start = doc.source.text.index("purred")
    end = doc.source.text.index("headline") + len("headline")
    crossing = Annotation("mistranslation", "source", start, end,
                          doc.source.text[start:end], "Accuracy/Mistranslation", "major")
    doc.add_annotation(crossing)
    first = doc.target.sentences[0]
    doc.add_annotation(Annotation("grammar", "target", first.start, first.start + 1,
                                  doc.target.text[first.start], "Fluency/Grammar", "minor"))
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert sum(row[7] == "Accuracy/Mistranslation" for row in rows) == 2  # one row per bead
    base = AlignmentDocument(doc.source, doc.target, [b.copy() for b in doc.beads])
    back = import_file(out, base=base)
    assert _annotations(back) == _annotations(doc)
    rebuilt = import_file(out)
    joined = [a for a in rebuilt.annotations if a.category == "Accuracy/Mistranslation"]
    assert [a.text for a in joined] == [crossing.text]


def test_rows_that_only_touch_a_boundary_are_not_joined(tmp_path: Path) -> None:
    path = tmp_path / "touch.tsv"
    rows = [
        "\t".join(MQM_HEADER),
        "s\td\t1\t1\tr1\t一。\tOne <v>two.</v>\tFluency/Grammar\tMinor",
        "s\td\t2\t2\tr2\t三。\t<v>Three</v> four.\tFluency/Grammar\tMinor",  # another rater
        "s\td\t3\t3\tr1\t五。\t<v>Five</v> six.\tFluency/Spelling\tMinor",  # another category
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert len(import_mqm_tsv(path).annotations) == 3


def test_a_run_of_whole_bead_omissions_stays_one_annotation_each(tmp_path: Path) -> None:
    """Dropped lines next to each other ("MORE:" links, captions), each marked as its own
    omission with the same category and severity, come back as separate annotations."""
    doc = sample_doc()
    doc.annotations.clear()
    spans = [doc.bead_span(b, "source") for b in range(len(doc.beads))]
    whole = [(b, s) for b, s in enumerate(spans) if s is not None and s[0] < s[1]][:2]
    assert len(whole) == 2 and whole[1][0] == whole[0][0] + 1
    for _b, (start, end) in whole:
        doc.add_annotation(Annotation("omission", "source", start, end,
                                      doc.source.text[start:end], "Accuracy/Omission", "minor"))
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out)
    base = AlignmentDocument(doc.source, doc.target, [b.copy() for b in doc.beads])
    back = import_file(out, base=base)
    assert _annotations(back) == _annotations(doc)
    assert len(back.annotations) == 2


# -- what an MQM round trip keeps ---------------------------------------------------------


def _review(doc: AlignmentDocument) -> list[tuple]:
    return sorted((a.id, a.side, a.start, a.end, a.comment, a.correction, tuple(a.tags))
                  for a in doc.annotations)


def test_comment_correction_tags_and_id_survive_the_round_trip(tmp_path: Path) -> None:
    doc = sample_doc()
    first, second = doc.annotations[0], doc.annotations[1]
    first.comment = 'Dropped\ttab, "quote",\nnew line, 中文 🙂'
    first.tags = ["headline", "a;b"]
    second.correction = "-5%"
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out)
    table = rows(out.read_text(encoding="utf-8"))
    assert all(len(row) == 10 for row in table)  # the JSON keeps tabs and breaks escaped
    base = AlignmentDocument(doc.source, doc.target, [b.copy() for b in doc.beads])
    back = import_file(out, base=base)
    assert _review(back) == _review(doc)
    assert all("metadata" not in a.extra for a in back.annotations)
    rebuilt = import_file(out)  # without a base: the same review on rebuilt beads
    assert sorted((a.id, a.comment, a.correction, tuple(a.tags)) for a in rebuilt.annotations) \
        == sorted((a.id, a.comment, a.correction, tuple(a.tags)) for a in doc.annotations)


def test_whole_bead_parts_of_one_annotation_come_back_as_one(tmp_path: Path) -> None:
    """Without ids two whole-bead rows stay two annotations (a run of dropped lines); an
    annotation over two whole beads is written with its id in both, and comes back one."""
    doc = sample_doc()
    doc.annotations.clear()
    spans = [doc.bead_span(b, "source") for b in range(len(doc.beads))]
    whole = [s for s in spans if s is not None and s[0] < s[1]][:2]
    start, end = whole[0][0], whole[1][1]
    doc.add_annotation(Annotation("omission", "source", start, end, doc.source.text[start:end],
                                  "Accuracy/Omission", "major", comment="one mark"))
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out)
    assert sum("Accuracy/Omission" in line for line in out.read_text().splitlines()) == 2
    back = import_file(out, base=AlignmentDocument(doc.source, doc.target,
                                                   [b.copy() for b in doc.beads]))
    assert _annotations(back) == _annotations(doc) and _review(back) == _review(doc)


def test_import_onto_a_base_that_has_the_annotations_adds_none(tmp_path: Path) -> None:
    doc = sample_doc()
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out)
    back = import_file(out, base=doc)
    assert len(back.annotations) == len(doc.annotations)
    assert back.meta["mqm"]["warnings"] == [
        f"{out}: {len(doc.annotations)} annotation(s) the base project already has not added again"
    ]
    # Another tool's file (no ids): the same span, category, severity and rater is the same.
    plain = tmp_path / "plain.tsv"
    plain.write_text("\n".join("\t".join(row[:9]) for row in rows(out.read_text())) + "\n",
                     encoding="utf-8")
    doc.annotations[0].extra["rater"] = "rater1"
    again = import_file(plain, base=doc)
    assert len(again.annotations) == len(doc.annotations)


def test_engine_suggestion_rows_are_not_imported_as_a_review(tmp_path: Path) -> None:
    doc = sample_doc()
    doc.annotations.clear()
    doc.beads[2].flags.append("omission")  # an open suggestion of the engine
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out, include_suggestions=True)
    assert "\taligner-gui\t" in out.read_text(encoding="utf-8")
    base = AlignmentDocument(doc.source, doc.target, [b.copy() for b in doc.beads])
    back = import_file(out, base=base)
    assert back.annotations == []
    assert any("of rater aligner-gui" in w for w in back.meta["mqm"]["warnings"])


def test_an_orphaned_annotation_is_left_out_of_the_mqm_export() -> None:
    doc = sample_doc()
    lost = doc.annotations[1]
    lost.extra["orphan"] = True
    table = rows(mqm_tsv_text(doc))
    ids = [json.loads(row[9])["id"] for row in table[1:] if row[9]]
    assert lost.id not in ids and len(ids) == len(doc.annotations) - 1


def test_what_each_export_leaves_out_is_said() -> None:
    from aligner_gui.io.formats import annotations_left_out, left_out

    doc = sample_doc()
    n = len(doc.annotations)
    assert annotations_left_out(doc, "tmx") == n and "TMX notes" in left_out(doc, "tmx")[0]
    assert annotations_left_out(doc, "intertext") == n
    assert annotations_left_out(doc, "json") == 0 and left_out(doc, "json") == []
    assert annotations_left_out(doc, "mqm-tsv") == 0 and left_out(doc, "mqm-tsv") == []
    doc.annotations[0].extra["orphan"] = True
    assert annotations_left_out(doc, "mqm-tsv") == 1
    assert left_out(doc, "mqm-tsv")[0].startswith("1 annotation(s) whose text has changed")


def test_the_report_lists_an_orphan_without_marking_stale_text() -> None:
    from aligner_gui.io.html.report import html_report_text

    doc = sample_doc()
    lost = doc.annotations[1]
    lost.extra["orphan"] = True
    lost.comment = "was on a word since edited"
    html = html_report_text(doc)
    assert html.count("<mark") == len(doc.annotations) - 1
    unplaced = html.split("Annotations outside any bead")[1]
    assert "its text has changed since it was marked" in unplaced
    assert "was on a word since edited" in unplaced


def test_a_raters_edits_of_an_exported_file_update_the_base(tmp_path: Path) -> None:
    """Exported, changed by a rater (severity, comment), imported onto the same project:
    the file's version replaces the base's, nothing is doubled, and the import says so."""
    doc = sample_doc()
    out = tmp_path / "mqm.tsv"
    export_document(doc, "mqm-tsv", out)
    table = rows(out.read_text(encoding="utf-8"))
    row = next(r for r in table[1:] if r[7] == "Accuracy/Mistranslation")
    row[8] = "Critical"
    row[9] = json.dumps({**json.loads(row[9]), "comment": "wrong sense, per the client"})
    out.write_text("\n".join("\t".join(r) for r in table) + "\n", encoding="utf-8")
    back = import_file(out, base=doc)
    assert len(back.annotations) == len(doc.annotations)
    changed = next(a for a in back.annotations if a.category == "Accuracy/Mistranslation")
    assert (changed.severity, changed.comment) == ("critical", "wrong sense, per the client")
    assert doc.annotations[1].severity == "minor"  # the base itself is untouched
    assert back.meta["mqm"]["warnings"][-1].endswith(
        "1 annotation(s) of the base project updated from the file (severity, category, "
        "span, comment, correction or tags)")
