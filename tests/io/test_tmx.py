"""TMX 1.4: structure of the export, round trip of the pairs, foreign TMX, hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest
from iokit import sample_parts
from lxml import etree

from aligner_gui.core.model import AlignmentDocument, Annotation, Bead
from aligner_gui.io.errors import ImportFormatError, UnsafeXMLError
from aligner_gui.io.format_helpers import side_from_paragraphs
from aligner_gui.io.formats import (
    export_document,
    import_file,
)
from aligner_gui.io.tmx import XML_LANG, import_tmx, tmx_bytes


def sample_doc() -> AlignmentDocument:
    source, target, beads = sample_parts()
    doc = AlignmentDocument(source, target, beads)
    doc.check()
    return doc


def pairs(doc: AlignmentDocument) -> list[tuple[str, str]]:
    return [(doc.source.span_text(b.source), doc.target.span_text(b.target)) for b in doc.beads]


def test_export_structure() -> None:
    doc = sample_doc()
    doc.update_bead(0, risk=0.125)
    root = etree.fromstring(tmx_bytes(doc))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    assert header.get("srclang") == "en"
    for required in (
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "datatype",
    ):
        assert header.get(required)
    tus = root.findall("body/tu")
    assert len(tus) == 5  # one per bead, 1-0 and 0-1 included
    first = tus[0]
    # TMX content model: all <prop>/<note> before the <tuv>s.
    tags = [child.tag for child in first]
    assert tags == sorted(tags, key=lambda t: t == "tuv")
    props = {p.get("type"): p.text for p in first.findall("prop")}
    assert props["x-score"] == "0.9000" and props["x-status"] == "auto"
    assert props["x-risk"] == "0.1250"
    assert "x-risk" not in {p.get("type") for p in tus[1].findall("prop")}  # not yet scored
    assert props["x-bead-type"] == "1-1"
    assert [t.get(XML_LANG) for t in first.findall("tuv")] == ["en", "zh"]
    flags = {p.get("type"): p.text for p in tus[1].findall("prop")}["x-flags"]
    assert flags == "low-score"


def test_one_sided_beads_leave_out_the_empty_tuv() -> None:
    root = etree.fromstring(tmx_bytes(sample_doc()))
    omission, addition = root.findall("body/tu")[2:4]
    assert [t.get(XML_LANG) for t in omission.findall("tuv")] == ["en"]
    assert [t.get(XML_LANG) for t in addition.findall("tuv")] == ["zh"]
    assert {p.get("type"): p.text for p in omission.findall("prop")}["x-bead-type"] == "1-0"


def test_round_trip_keeps_pairs_and_bead_data(tmp_path: Path) -> None:
    doc = sample_doc()
    out = tmp_path / "out.tmx"
    assert export_document(doc, "tmx", out) == [out]
    back = import_file(out)
    back.check()
    assert pairs(back) == pairs(doc)
    assert [(b.source, b.target) for b in back.beads] == [(b.source, b.target) for b in doc.beads]
    assert [b.status for b in back.beads] == [b.status for b in doc.beads]
    assert [b.flags for b in back.beads] == [b.flags for b in doc.beads]
    assert [b.score for b in back.beads] == [0.9, 0.4123, None, None, 0.7]
    assert [s.paragraph for s in back.source.sentences] == [0, 0, 0, 1, 1]
    assert (back.source.lang, back.target.lang) == ("en", "zh")


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="Other" creationtoolversion="1" segtype="sentence" o-tmf="x"
          adminlang="en-US" srclang="en-US" datatype="plaintext"/>
  <body>
    <tu>
      <tuv xml:lang="en-US"><seg>Press <ph x="1">&lt;b&gt;</ph>Save<ph
        x="2">&lt;/b&gt;</ph> now.</seg></tuv>
      <tuv xml:lang="zh-CN"><seg>现在按<hi>保存</hi>。</seg></tuv>
      <tuv xml:lang="de-DE"><seg>Jetzt speichern.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="zh-CN"><seg>只有中文。</seg></tuv>
      <tuv xml:lang="en-US"><seg>Both sides here.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>Only English.</seg></tuv>
      <tuv xml:lang="zh-CN"><seg/></tuv>
    </tu>
  </body>
</tmx>
"""


def test_foreign_tmx_imports_as_pairs(tmp_path: Path) -> None:
    path = tmp_path / "foreign.tmx"
    path.write_text(FOREIGN, encoding="utf-8")
    doc = import_file(path)
    doc.check()
    assert (doc.source.lang, doc.target.lang) == ("en", "zh")
    assert pairs(doc) == [
        ("Press Save now.", "现在按保存。"),
        ("Both sides here.", "只有中文。"),
        ("Only English.", ""),
    ]
    assert [b.kind for b in doc.beads] == ["1-1", "1-1", "1-0"]
    assert doc.meta["tmx_languages_skipped"] == ["de"]


def test_source_lang_option_overrides_header(tmp_path: Path) -> None:
    path = tmp_path / "foreign.tmx"
    path.write_text(FOREIGN, encoding="utf-8")
    doc = import_tmx(path, source_lang="zh")
    assert (doc.source.lang, doc.target.lang) == ("zh", "en")


def test_one_language_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mono.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="en"/><body><tu>'
        '<tuv xml:lang="en"><seg>Hi.</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    with pytest.raises(ImportFormatError, match="only one language"):
        import_file(path)


def test_malformed_xml_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text('<tmx version="1.4"><body><tu></body></tmx>', encoding="utf-8")
    with pytest.raises(ImportFormatError, match="not well-formed XML") as info:
        import_file(path, "tmx")
    assert "\n" not in str(info.value)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tmx version="1.4"><header srclang="en"/><body><tu>
<tuv xml:lang="en"><seg>&lol9;</seg></tuv><tuv xml:lang="zh"><seg>笑</seg></tuv>
</tu></body></tmx>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header srclang="en"/><body><tu>
<tuv xml:lang="en"><seg>&secret;</seg></tuv><tuv xml:lang="zh"><seg>秘密</seg></tuv>
</tu></body></tmx>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["bomb", "xxe"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entities_are_refused(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "evil.tmx"
    path.write_bytes(text.replace('"1.0"?>', f'"1.0" encoding="{encoding}"?>', 1).encode(encoding))
    with pytest.raises(UnsafeXMLError, match="declares or uses entities"):
        import_file(path)
    with pytest.raises(UnsafeXMLError):
        import_tmx(path)


def test_hardened_parser_refuses_entities_after_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Second line of defence: even if the pre-scan missed them, declared entities fail."""
    from aligner_gui.core.text import safe_xml
    from aligner_gui.io import xmlsafe

    monkeypatch.setattr(safe_xml, "_refuse_entity_declarations", lambda data, name: None)
    for text in (BILLION_LAUGHS, EXTERNAL_ENTITY):
        with pytest.raises(UnsafeXMLError):
            xmlsafe.parse_xml(text.encode("utf-8"), "evil.tmx")


def test_annotations_travel_as_notes() -> None:
    doc = sample_doc()
    s = doc.source.sentences[2]
    doc.add_annotation(
        Annotation(
            "omission", "source", s.start, s.end, s.text, "Accuracy/Omission", "major", "why"
        )
    )
    root = etree.fromstring(tmx_bytes(doc))
    notes = [n.text for n in root.findall("body/tu")[2].findall("note")]
    assert notes == [
        "Accuracy/Omission \u00b7 major \u00b7 source: \u201cA headline.\u201d \u2014 why"
    ]


def test_control_characters_are_replaced(tmp_path: Path) -> None:
    source = side_from_paragraphs("en", "original", [["A cat.", "Sat."]])
    target = side_from_paragraphs("zh", "translation", [["猫\x01坐着。"]])
    doc = AlignmentDocument(source, target, [Bead((0, 1), (0,))])
    doc.check()
    out = tmp_path / "c.tmx"
    export_document(doc, "tmx", out)
    back = import_file(out)
    assert back.target.sentences[0].text == "猫 坐着。"
    assert [s.text for s in back.source.sentences] == ["A cat.", "Sat."]


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    (tmp_path / "evil.dtd").write_text('<!ENTITY x "SECRET">', encoding="utf-8")
    path = tmp_path / "ext.tmx"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "evil.dtd"><tmx version="1.4">'
        '<header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv>'
        '<tuv xml:lang="zh"><seg>秘密</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    with pytest.raises(UnsafeXMLError) as info:  # the &x; reference is refused
        import_file(path)
    assert "SECRET" not in str(info.value)


def test_absurd_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.tmx"
    path.write_text(
        '<tmx version="1.4">' + "<x>" * 20000 + "</x>" * 20000 + "</tmx>", encoding="utf-8"
    )
    with pytest.raises(ImportFormatError):
        import_file(path)


# The TMX 1.4 content model of the elements we write (restated from the LISA OSCAR spec).
TMX14_SUBSET = """
<!ELEMENT tmx (header, body)>
<!ATTLIST tmx version CDATA #FIXED "1.4">
<!ELEMENT header (note|prop|ude)*>
<!ATTLIST header creationtool CDATA #REQUIRED creationtoolversion CDATA #REQUIRED
  segtype (block|paragraph|sentence|phrase) #REQUIRED o-tmf CDATA #REQUIRED
  adminlang CDATA #REQUIRED srclang CDATA #REQUIRED datatype CDATA #REQUIRED
  creationdate CDATA #IMPLIED>
<!ELEMENT ude ANY>
<!ELEMENT body (tu*)>
<!ELEMENT note (#PCDATA)>
<!ELEMENT prop (#PCDATA)>
<!ATTLIST prop type CDATA #REQUIRED>
<!ELEMENT tu ((note|prop)*, tuv+)>
<!ATTLIST tu tuid CDATA #IMPLIED srclang CDATA #IMPLIED>
<!ELEMENT tuv ((note|prop)*, seg)>
<!ATTLIST tuv xml:lang CDATA #REQUIRED>
<!ELEMENT seg (#PCDATA)>
"""


def test_export_is_valid_against_the_tmx14_content_model() -> None:
    import io as _io

    doc = sample_doc()
    s = doc.source.sentences[1]
    doc.add_annotation(
        Annotation("other", "source", s.start, s.start + 2, s.text[:2], "Style", "minor")
    )
    dtd = etree.DTD(_io.StringIO(TMX14_SUBSET))
    root = etree.fromstring(tmx_bytes(doc))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
