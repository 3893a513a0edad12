"""Glossaries: TBX and CSV/TSV files read into terms; terms found in text by stem."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner_gui.core.errors import AlignerError
from aligner_gui.core.qe.glossary import (
    Glossary,
    GlossaryError,
    Term,
    TermIndex,
    find_term,
    glossary_for,
    holds_any,
    load_glossary,
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# -- CSV / TSV ----------------------------------------------------------------------------


def test_csv_with_header_several_targets_and_a_note(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.csv",
        "source,target,note\nwarhead,弹头;核弹头,nuclear\n# a comment\n\n"
        "arms control,军备控制|军控\n",
    )
    glossary = load_glossary(path)
    assert (glossary.source_lang, glossary.target_lang) == ("en", "zh")
    assert glossary.terms == [
        Term("warhead", ("弹头", "核弹头"), "nuclear"),
        Term("arms control", ("军备控制", "军控")),
    ]


def test_tsv_without_header_is_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "verification\t核查\nNew START, treaty\t新裁武条约\n")
    glossary = load_glossary(path)
    assert [t.source for t in glossary.terms] == ["verification", "New START, treaty"]
    assert glossary.terms[1].targets == ("新裁武条约",)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_encodings_of_the_text_loader(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "g.csv", "总统,president\n核查,verification\n", encoding)
    glossary = load_glossary(path)
    assert glossary.terms[0] == Term("总统", ("president",))


def test_chinese_first_columns_are_read_as_chinese_source(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "总统,president\n核查,verification\n")
    glossary = load_glossary(path)
    assert (glossary.source_lang, glossary.target_lang) == ("zh", "en")


def test_header_naming_the_languages_sets_them(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "zh,en\n总统,president\n")
    assert load_glossary(path).source_lang == "zh"


def test_duplicate_terms_are_merged(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "treaty,条约\ntreaty,协定;条约\n")
    assert load_glossary(path).terms == [Term("treaty", ("条约", "协定"))]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("source,target\nwarhead,弹头\nverification\n", "line 3: needs a source and a target"),
        ("warhead,弹头\nverification,\n", "line 2: needs a source and a target"),
        ("source,target\n", "no terms"),
        ("\n\n", "empty"),
    ],
)
def test_bad_tables_raise_one_line(tmp_path: Path, text: str, needle: str) -> None:
    path = write(tmp_path, "glossary.csv", text)
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    message = str(info.value)
    assert needle in message and "\n" not in message and "glossary.csv" in message
    assert isinstance(info.value, AlignerError)


def test_missing_file_is_a_glossary_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no such file"):
        load_glossary(tmp_path / "nope.csv")


# -- TBX ----------------------------------------------------------------------------------

TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
 <text><body>
  <termEntry id="t1">
   <descrip type="definition">nuclear weapon part</descrip>
   <langSet xml:lang="en-US"><tig><term>warhead</term></tig></langSet>
   <langSet xml:lang="zh-CN"><tig><term>弹头</term></tig><ntig><termGrp><term>核弹头</term>
   </termGrp></ntig></langSet>
  </termEntry>
  <termEntry id="t2">
   <langSet xml:lang="en"><tig><term>only English</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>
"""

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" style="dca" type="TBX-Basic" xml:lang="en">
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="en"><termSec><term>verification</term></termSec></langSec>
   <langSec xml:lang="zh-Hans"><termSec><term>核查</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


def test_tbx_basic_v2(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, "g.tbx", TBX2))
    assert glossary.terms == [Term("warhead", ("弹头", "核弹头"), "nuclear weapon part")]


def test_tbx_v3_read_from_the_chinese_side(tmp_path: Path) -> None:
    path = write(tmp_path, "g.xml", TBX3)
    assert load_glossary(path).terms == [Term("verification", ("核查",))]
    reverse = load_glossary(path, source_lang="zh", target_lang="en")
    assert reverse.terms == [Term("核查", ("verification",))]


def test_tbx_is_recognised_without_its_suffix(tmp_path: Path) -> None:
    assert len(load_glossary(write(tmp_path, "terms.txt", TBX3))) == 1


def test_tbx_entities_are_refused(tmp_path: Path) -> None:
    bomb = TBX3.replace("<tbx ", '<!DOCTYPE tbx [<!ENTITY a "aaaaaaaa">]>\n<tbx ').replace(
        "核查", "&a;"
    )
    with pytest.raises(AlignerError, match="refused"):
        load_glossary(write(tmp_path, "g.tbx", bomb))


def test_tbx_without_pairs_or_malformed(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no en-zh term pairs"):
        load_glossary(write(tmp_path, "g.tbx", TBX2.replace('xml:lang="zh-CN"', 'xml:lang="fr"')))
    with pytest.raises(AlignerError, match="not well-formed"):
        load_glossary(write(tmp_path, "h.tbx", "<martif><text>"))


# -- matching -----------------------------------------------------------------------------


def test_english_terms_match_whole_words_by_stem() -> None:
    assert find_term("Both sides cut their warheads.", "warhead", "en") == (21, 29)
    assert find_term("The Arms Controls talks", "arms control", "en") == (4, 17)
    assert find_term("forewarheads", "warhead", "en") is None
    assert find_term("arms and control", "arms control", "en") is None
    # British and American spellings of a term are one term.
    assert find_term("Check the tyres.", "tire", "en") == (10, 15)
    assert find_term("the Defence Ministry", "defense ministry", "en") == (4, 20)


def test_chinese_terms_match_as_substrings() -> None:
    assert find_term("双方的核弹头数量", "弹头", "zh") == (4, 6)
    assert holds_any("双方的核弹头数量", ("导弹", "弹头"), "zh")
    assert not holds_any("双方的导弹数量", ("弹头",), "zh")


def test_term_index_finds_each_term_once() -> None:
    index = TermIndex([("warhead", ("弹头",)), ("arms control", ("军控",))], "en")
    found = index.occurrences("Arms control limits warheads; more warheads later.")
    assert [(t, a, b) for a, b, t, _ in found] == [("arms control", 0, 12), ("warhead", 20, 28)]
    zh = TermIndex([("核查", ("verification",)), ("核弹头", ("warhead",))], "zh")
    assert [t for _a, _b, t, _ in zh.occurrences("核弹头需要核查")] == ["核弹头", "核查"]


def test_pairs_for_a_chinese_original_read_the_glossary_backwards() -> None:
    glossary = Glossary([Term("warhead", ("弹头", "核弹头"))], "en", "zh")
    assert glossary.pairs_for("en") == (("warhead", ("弹头", "核弹头")),)
    assert glossary.pairs_for("zh") == (("弹头", ("warhead",)), ("核弹头", ("warhead",)))
    assert glossary.pairs_for("fr") == ()


def test_glossary_for_a_project_never_fails(tmp_path: Path) -> None:
    good = write(tmp_path, "g.csv", "warhead,弹头\n")
    bad = write(tmp_path, "b.csv", "warhead\n")
    assert glossary_for(str(good)).terms == [Term("warhead", ("弹头",))]
    assert glossary_for(str(bad)) is None
    assert glossary_for(str(tmp_path / "missing.csv")) is None
    assert glossary_for(None) is None and glossary_for(42) is None
    good.write_text("warhead,弹头;核弹头\n", encoding="utf-8")  # changed: read again
    assert glossary_for(str(good)).terms[0].targets == ("弹头", "核弹头")
