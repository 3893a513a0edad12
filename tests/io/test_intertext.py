"""InterText TEI XML: the real mac-dev files import to their gold beads; exports round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from iokit import sample_parts
from lxml import etree

from aligner_gui.core.align.evaluation import read_align
from aligner_gui.core.model import AlignmentDocument, Annotation, Bead, Sentence, Side
from aligner_gui.io.errors import ExportFormatError, ImportFormatError, UnsafeXMLError
from aligner_gui.io.format_helpers import side_from_paragraphs
from aligner_gui.io.formats import (
    export_document,
    import_file,
)
from aligner_gui.io.intertext import export_intertext, import_intertext, intertext_paths

GOLD_IDS = ["001", "003", "005", "007", "009", "011", "013", "015", "017", "019", "021", "023"]


def sample_doc() -> AlignmentDocument:
    source, target, beads = sample_parts()
    beads[1].score = 0.4
    doc = AlignmentDocument(source, target, beads, meta={"name": "sample"})
    doc.check()
    return doc


# -- the real corpus -------------------------------------------------------------------


@pytest.mark.parametrize("nnn", GOLD_IDS)
def test_mac_dev_link_files_import_to_gold_beads(mac_dev: Path, nnn: str) -> None:
    link = mac_dev / "intertext" / f"corpus_test.{nnn}_zh.{nnn}_en.xml"
    doc = import_file(link)  # format detected from content
    doc.check()
    assert (doc.source.lang, doc.target.lang) == ("en", "zh")
    assert (doc.source.role, doc.target.role) == ("original", "translation")
    gold = read_align(mac_dev / "gold" / f"{nnn}.align")  # [zh ids]:[en ids]
    assert [(b.target, b.source) for b in doc.beads] == gold
    for side in (doc.source, doc.target):
        for sentence in side.sentences:
            assert side.text[sentence.start : sentence.end] == sentence.text
    assert all(b.status == "confirmed" for b in doc.beads)  # status='man'


def test_mac_dev_sentence_texts_match_the_text_files(mac_dev: Path) -> None:
    doc = import_file(mac_dev / "intertext" / "corpus_test.001_zh.001_en.xml")
    assert doc.target.sentences[0].text == "我二十一岁时，正在云南插队。"
    assert doc.source.sentences[0].text.startswith("At twenty-one, I was placed")
    assert len(doc.source.sentences) == 283 and len(doc.target.sentences) == 265


def test_source_lang_zh_swaps_the_sides(mac_dev: Path) -> None:
    link = mac_dev / "intertext" / "corpus_test.003_zh.003_en.xml"
    doc = import_intertext(link, source_lang="zh")
    assert (doc.source.lang, doc.target.lang) == ("zh", "en")
    assert [(b.source, b.target) for b in doc.beads] == read_align(mac_dev / "gold" / "003.align")


def test_mac_dev_round_trip_reproduces_the_link_file(mac_dev: Path, tmp_path: Path) -> None:
    link = mac_dev / "intertext" / "corpus_test.001_zh.001_en.xml"
    doc = import_file(link)
    out = tmp_path / "corpus_test.001_zh.001_en.xml"
    export_document(doc, "intertext", out)
    ours = etree.parse(str(out)).getroot()
    theirs = etree.parse(str(link)).getroot()
    assert ours.get("toDoc") == theirs.get("toDoc")
    assert ours.get("fromDoc") == theirs.get("fromDoc")
    assert [(x.get("type"), x.get("xtargets"), x.get("status")) for x in ours] == [
        (x.get("type"), x.get("xtargets"), x.get("status")) for x in theirs
    ]


# -- export ----------------------------------------------------------------------------


def test_export_layout_and_side_order(tmp_path: Path) -> None:
    doc = sample_doc()
    written = export_document(doc, "intertext", tmp_path / "story.zh.en.xml")
    link, from_file, to_file = written
    assert [p.name for p in written] == ["story.zh.en.xml", "story.zh.xml", "story.en.xml"]
    raw = link.read_bytes()
    assert raw.startswith(b"<?xml")  # InterText's importer checks the first five bytes
    root = etree.fromstring(raw)
    assert root.tag == "linkGrp"
    assert root.get("fromDoc") == "story.zh.xml" and root.get("toDoc") == "story.en.xml"
    links = [(x.get("type"), x.get("xtargets"), x.get("status")) for x in root]
    # toDoc (= source, English) ids first in both type and xtargets.
    assert links == [
        ("1-1", "1:1;1:1", "auto"),
        ("1-1", "1:2;1:2", "man"),
        ("1-0", "1:3;", "man"),
        ("0-1", ";2:1", "auto"),
        ("2-1", "2:1 2:2;2:2", "auto"),
    ]
    text = etree.fromstring(to_file.read_bytes())
    assert text.tag == "text"
    assert [p.get("id") for p in text] == ["1", "2"]
    assert [s.get("id") for s in text.iter("s")] == ["1:1", "1:2", "1:3", "2:1", "2:2"]
    assert [s.text for s in text.iter("s")][1] == "It purred <loudly> & long."
    assert b"&lt;loudly&gt; &amp; long" in to_file.read_bytes()
    zh = etree.fromstring(from_file.read_bytes())
    assert [s.text for s in zh.iter("s")] == [
        "猫坐着。",
        "它大声地呼噜。",
        "多余的一句。",
        "更多：继续阅读。",
    ]


def test_export_names(tmp_path: Path) -> None:
    doc = sample_doc()
    link, a, b = intertext_paths(doc, tmp_path)
    assert (link.name, a.name, b.name) == ("sample.zh.en.xml", "sample.zh.xml", "sample.en.xml")
    link, a, b = intertext_paths(doc, tmp_path / "out.xml")
    assert (link.name, a.name, b.name) == ("out.xml", "out.zh.xml", "out.en.xml")
    link, a, b = intertext_paths(doc, tmp_path / "doc.001_zh.001_en.xml")
    assert (a.name, b.name) == ("doc.001_zh.xml", "doc.001_en.xml")


def test_round_trip_keeps_beads_and_texts(tmp_path: Path) -> None:
    doc = sample_doc()
    doc.add_annotation(Annotation("omission", "source", 0, 3, "The", "Accuracy/Omission"))
    link = export_intertext(doc, tmp_path)[0]
    back = import_file(link)
    back.check()
    assert [(b.source, b.target) for b in back.beads] == [(b.source, b.target) for b in doc.beads]
    # InterText knows man/auto only; x-status='manual' tells manual from confirmed.
    assert [b.status for b in back.beads] == ["auto", "confirmed", "manual", "auto", "auto"]
    for name in ("source", "target"):
        assert [s.text for s in back.side(name).sentences] == [
            s.text for s in doc.side(name).sentences
        ]
        assert [s.paragraph for s in back.side(name).sentences] == [
            s.paragraph for s in doc.side(name).sentences
        ]
    assert (back.source.lang, back.target.lang) == ("en", "zh")


def test_zh_source_document_round_trips(tmp_path: Path) -> None:
    doc = sample_doc()
    swapped = AlignmentDocument(
        doc.target, doc.source, [Bead(b.target, b.source, b.score, b.status) for b in doc.beads]
    )
    link = export_intertext(swapped, tmp_path / "x.xml")[0]
    back = import_file(link)
    assert (back.source.lang, back.target.lang) == ("zh", "en")
    assert [(b.source, b.target) for b in back.beads] == [
        (b.source, b.target) for b in swapped.beads
    ]


# -- bad input -------------------------------------------------------------------------


def _write_pair(folder: Path, links: str, *, from_doc: str = "t.zh.xml") -> Path:
    (folder / "t.zh.xml").write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<text><p id=\"1\"><s id=\"1:1\">一。</s>"
        '<s id="1:2">二。</s></p></text>\n',
        encoding="utf-8",
    )
    (folder / "t.en.xml").write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<text><p id=\"1\"><s id=\"1:1\">One.</s>"
        '<s id="1:2">Two.</s></p></text>\n',
        encoding="utf-8",
    )
    link = folder / "t.zh.en.xml"
    link.write_text(
        f"<?xml version='1.0' encoding='utf-8'?>\n<linkGrp toDoc='t.en.xml' fromDoc='{from_doc}'>"
        f"{links}</linkGrp>\n",
        encoding="utf-8",
    )
    return link


def test_unlinked_tail_sentences_become_unaligned_beads(tmp_path: Path) -> None:
    link = _write_pair(tmp_path, "<link type='1-1' xtargets='1:1;1:1' status='auto'/>")
    doc = import_file(link)
    assert [(b.source, b.target) for b in doc.beads] == [((0,), (0,)), ((1,), ()), ((), (1,))]


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ("<link type='1-1' xtargets='1:2;1:1'/>", "gap or disorder"),
        ("<link type='1-1' xtargets='1:9;1:1'/>", "is not in t.en.xml"),
        ("<link type='2-1' xtargets='1:1;1:1'/>", "does not match"),
        ("<link type='1-1' xtargets='1:1'/>", "xtargets"),
        ("", "no <link>"),
    ],
)
def test_bad_links_are_refused(tmp_path: Path, links: str, message: str) -> None:
    link = _write_pair(tmp_path, links)
    with pytest.raises(ImportFormatError, match=message) as info:
        import_file(link, "intertext")
    assert "\n" not in str(info.value)


def test_missing_text_file_is_named(tmp_path: Path) -> None:
    link = _write_pair(tmp_path, "<link type='1-1' xtargets='1:1;1:1'/>", from_doc="gone.xml")
    with pytest.raises(ImportFormatError, match="gone.xml is not beside the link file"):
        import_file(link)


def test_text_file_instead_of_link_file_gets_a_hint(tmp_path: Path) -> None:
    _write_pair(tmp_path, "<link type='1-1' xtargets='1:1;1:1'/>")
    with pytest.raises(ImportFormatError, match="import the link file"):
        import_file(tmp_path / "t.en.xml")


BOMB = (
    "<?xml version='1.0'?>\n<!DOCTYPE linkGrp [\n<!ENTITY a \"aaaaaaaaaa\">\n"
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n'
    "]>\n<linkGrp toDoc='t.en.xml' fromDoc='t.zh.xml'><link xtargets='&c;;1:1'/></linkGrp>\n"
)
XXE = (
    "<?xml version='1.0'?>\n<!DOCTYPE text [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    '<text><p id="1"><s id="1:1">&x;</s></p></text>\n'
)


def test_entity_bomb_in_link_file_is_refused(tmp_path: Path) -> None:
    _write_pair(tmp_path, "")
    link = tmp_path / "t.zh.en.xml"
    link.write_text(BOMB, encoding="utf-8")
    with pytest.raises(UnsafeXMLError, match="declares or uses entities"):
        import_file(link)


def test_external_entity_in_text_file_is_refused(tmp_path: Path) -> None:
    link = _write_pair(tmp_path, "<link type='1-1' xtargets='1:1;1:1'/>")
    (tmp_path / "t.en.xml").write_text(XXE, encoding="utf-8")
    with pytest.raises(UnsafeXMLError, match="declares or uses entities"):
        import_file(link)


def test_text_files_declare_their_language(tmp_path: Path) -> None:
    _link, from_file, to_file = export_intertext(sample_doc(), tmp_path)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert etree.fromstring(from_file.read_bytes()).get(xml_lang) == "zh"
    assert etree.fromstring(to_file.read_bytes()).get(xml_lang) == "en"


def test_backwards_intertext_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportFormatError, match=r"use doc\.001_zh\.001_en\.xml"):
        export_document(sample_doc(), "intertext", tmp_path / "doc.001_en.001_zh.xml")
    assert not list(tmp_path.iterdir())


def test_control_characters_do_not_break_the_xml(tmp_path: Path) -> None:
    doc = sample_doc()
    s = doc.source.sentences[0]
    text = doc.source.text[: s.start] + "The\x0ccat sat." + doc.source.text[s.end :]
    doc.source.text = text
    doc.source.sentences[0] = type(s)(s.id, s.paragraph, s.start, s.end, "The\x0ccat sat.")
    doc.check()
    link = export_intertext(doc, tmp_path)[0]
    back = import_file(link)
    assert back.source.sentences[0].text == "The cat sat."


def _intertext_server_reads(link: bytes, ver1_ids: list[str], ver2_ids: list[str]) -> list[tuple]:
    """What InterText server's import_alignment() makes of a link file (its logic, not ours):
    the file must start with '<?xml' and hold '<link ' elements; per link
    ``list($v2_grp, $v1_grp) = explode(';', xtargets)`` and ``list($cnt2, $cnt1) =
    explode('-', type)``; ids must follow each version's order without gaps.
    Returns (ver1 positions, ver2 positions, status) per link."""
    assert link[:5] == b"<?xml" and link.count(b"<link ") > 0
    root = etree.fromstring(link)
    out = []
    queues = {1: list(ver1_ids), 2: list(ver2_ids)}
    for el in root.iter("link"):
        v2_grp, v1_grp = el.get("xtargets").split(";")
        cnt2, cnt1 = (int(c) for c in el.get("type").split("-"))
        got = {}
        for ver, grp, cnt in ((1, v1_grp, cnt1), (2, v2_grp, cnt2)):
            eids = [] if cnt == 0 else grp.split(" ")
            positions = []
            for eid in eids:
                assert eid == queues[ver].pop(0), "gap"  # InterText: "Gap found in the alignment"
                positions.append((ver1_ids if ver == 1 else ver2_ids).index(eid))
            got[ver] = tuple(positions)
        out.append((got[1], got[2], el.get("status")))
    return out


def test_export_reads_back_through_intertext_server_logic(tmp_path: Path) -> None:
    doc = sample_doc()
    link, ver1_file, ver2_file = export_intertext(doc, tmp_path)
    ver1_ids = [s.get("id") for s in etree.parse(str(ver1_file)).iter("s")]
    ver2_ids = [s.get("id") for s in etree.parse(str(ver2_file)).iter("s")]
    read = _intertext_server_reads(link.read_bytes(), ver1_ids, ver2_ids)
    # ver1 = fromDoc = target (zh), ver2 = toDoc = source (en)
    assert [(v2, v1) for v1, v2, _status in read] == [(b.source, b.target) for b in doc.beads]
    assert [status for *_ids, status in read] == ["auto", "man", "man", "auto", "auto"]


def test_server_logic_emulation_agrees_with_gold(mac_dev: Path) -> None:
    """The emulation above, run on a real corpus file, gives the gold: it models InterText."""
    folder = mac_dev / "intertext"
    ver1 = [s.get("id") for s in etree.parse(str(folder / "corpus_test.001_zh.xml")).iter("s")]
    ver2 = [s.get("id") for s in etree.parse(str(folder / "corpus_test.001_en.xml")).iter("s")]
    link = (folder / "corpus_test.001_zh.001_en.xml").read_bytes()
    read = _intertext_server_reads(link, ver1, ver2)
    assert [(v1, v2) for v1, v2, _s in read] == read_align(mac_dev / "gold" / "001.align")


def test_folder_rule_for_export_paths(tmp_path: Path) -> None:
    doc = sample_doc()
    written = export_intertext(doc, str(tmp_path / "new") + "/")
    assert all(p.parent == tmp_path / "new" for p in written)
    written = export_intertext(doc, tmp_path / "plain")  # no .xml: a folder too
    assert [p.name for p in written] == ["sample.zh.en.xml", "sample.zh.xml", "sample.en.xml"]
    assert (tmp_path / "plain").is_dir()
    written = export_document(doc, "intertext", str(tmp_path / "x.xml") + "/")
    assert (tmp_path / "x.xml").is_dir() and written[0].parent == tmp_path / "x.xml"


def test_manual_and_confirmed_stay_apart(tmp_path: Path) -> None:
    doc = sample_doc()
    link = export_intertext(doc, tmp_path)[0]
    links = list(etree.parse(str(link)).getroot())
    assert [(x.get("status"), x.get("x-status")) for x in links] == [
        ("auto", None), ("man", None), ("man", "manual"), ("auto", None), ("auto", None)
    ]
    assert [b.status for b in import_file(link).beads] == [b.status for b in doc.beads]


def test_paragraph_separators_come_back(tmp_path: Path, seed_path: Path) -> None:
    from aligner_gui.core.pipeline import load_document

    doc = load_document([seed_path])  # paragraphs one line apart, as in the input file
    doc.beads = [Bead((i,), ()) for i in range(len(doc.source.sentences))] + [
        Bead((), (i,)) for i in range(len(doc.target.sentences))
    ]
    assert "\n\n" not in doc.source.text
    back = import_file(export_intertext(doc, tmp_path)[0])
    for name in ("source", "target"):
        assert back.side(name).text == doc.side(name).text
        assert [(s.start, s.end, s.paragraph) for s in back.side(name).sentences] == [
            (s.start, s.end, s.paragraph) for s in doc.side(name).sentences
        ]


def test_odd_separators_and_edges_come_back(tmp_path: Path) -> None:
    text_en = "  One.  Two.\nThree. \n"
    source = Side("en", "original", text_en, [
        Sentence(0, 0, 2, 6, "One."), Sentence(1, 0, 8, 12, "Two."),
        Sentence(2, 1, 13, 19, "Three."),
    ])
    target = side_from_paragraphs("zh", "translation", [["一。", "二。"], ["三。"]])
    doc = AlignmentDocument(source, target, [Bead((0,), (0,)), Bead((1,), (1,)),
                                             Bead((2,), (2,))])
    doc.check()
    link = export_intertext(doc, tmp_path)[0]
    back = import_file(link)
    assert back.source.text == text_en and back.target.text == target.text
    # Without our attributes (a file from InterText) the usual joins apply.
    for path in tmp_path.iterdir():
        path.write_text(path.read_text(encoding="utf-8").replace(' x-sep="', ' y="'),
                        encoding="utf-8")
    plain = import_file(link)
    assert plain.source.text == "One. Two.\n\nThree."
