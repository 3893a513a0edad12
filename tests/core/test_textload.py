"""Loading texts: encodings from the bytes, line ends, language split, Sides, one-line errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner_gui.core.errors import InputError
from aligner_gui.core.resources import seed_path
from aligner_gui.core.text.load import (
    MAX_FILE_BYTES,
    detect_lang,
    load_sides,
    read_text,
    split_bilingual,
)
from aligner_gui.core.text.segment import segment

ZH = "美国和俄罗斯正在接近协议。“我们赞赏进展，”她说。\n第二段：双方仍有差距（New START）。"
EN = 'The U.S. and Russia are close to a deal. "We appreciate progress," she said.\nGaps remain.'


@pytest.fixture(scope="module")
def seed_text() -> str:
    return seed_path().read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_input_error(call, *names: str) -> str:
    with pytest.raises(InputError) as info:
        call()
    message = str(info.value)
    assert message and "\n" not in message
    for name in names:
        assert name in message
    return message


# -- encodings and line ends -----------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "gb18030", "gbk"],
)
def test_every_encoding_decodes_to_the_same_text(tmp_path, encode):
    text = ZH + "\n" + EN + "\n"
    assert read_text(write(tmp_path, "in.txt", encode(text))) == text


def test_encoding_is_not_taken_from_the_extension(tmp_path):
    assert read_text(write(tmp_path, "zh.utf8", ZH.encode("gbk"))) == ZH
    assert read_text(write(tmp_path, "zh.gbk", ZH.encode("utf-8"))) == ZH
    utf16 = codecs.BOM_UTF16_LE + EN.encode("utf-16-le")
    assert read_text(write(tmp_path, "en.gb18030", utf16)) == EN


def test_gb18030_only_characters(tmp_path):
    text = "罕见字𠀀与欧元€符号。"  # outside GBK: four-byte GB18030 sequences
    assert read_text(write(tmp_path, "rare.txt", text.encode("gb18030"))) == text


def test_traditional_chinese_saved_as_gbk(tmp_path):
    text = "這是一個測試，我們說話。臺灣的朋友們都很喜歡閱讀書籍，並且經常討論歷史與文學問題。"
    assert read_text(write(tmp_path, "trad.txt", text.encode("gbk"))) == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_are_normalised(tmp_path, newline):
    raw = newline.join(["第一行。", "", "second line", ""])
    text = read_text(write(tmp_path, "nl.txt", raw.encode("utf-8")))
    assert text == "第一行。\n\nsecond line\n"


def test_mixed_line_ends_and_utf16_crlf(tmp_path):
    raw = "一\r\n二\rthree\nfour\r\n"
    assert read_text(write(tmp_path, "m.txt", raw.encode("utf-8"))) == "一\n二\nthree\nfour\n"
    data = codecs.BOM_UTF16_LE + raw.encode("utf-16-le")
    assert read_text(write(tmp_path, "m16.txt", data)) == "一\n二\nthree\nfour\n"


def test_bom_is_removed(tmp_path):
    text = read_text(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + b"Hello.\n"))
    assert text == "Hello.\n" and not text.startswith("\ufeff")


# -- read errors -----------------------------------------------------------------------


def test_missing_file(tmp_path):
    message = assert_input_error(lambda: read_text(tmp_path / "nope.txt"), "nope.txt")
    assert "no such file" in message


def test_directory(tmp_path):
    message = assert_input_error(lambda: read_text(tmp_path), str(tmp_path))
    assert "directory" in message


@pytest.mark.parametrize(
    "data",
    [b"", b" \n\r\n\t ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, "\u3000\n".encode()],
    ids=["zero-bytes", "whitespace", "utf8-bom-only", "utf16-bom-only", "ideographic-space"],
)
def test_empty_file(tmp_path, data):
    message = assert_input_error(lambda: read_text(write(tmp_path, "empty.txt", data)), "empty.txt")
    assert "empty" in message


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "Hello world\n".encode("utf-16-le"),  # UTF-16 without a byte-order mark
        codecs.BOM_UTF8 + b"text\x00more",
    ],
    ids=["png", "utf16-no-bom", "nul-after-bom"],
)
def test_nul_bytes_mean_binary(tmp_path, data):
    message = assert_input_error(lambda: read_text(write(tmp_path, "bin.dat", data)), "bin.dat")
    assert "NUL" in message


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "Word"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", ".doc"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl} Hello}", "RTF"),  # plain ASCII: it loaded
    ],
    ids=["docx", "pdf", "doc", "rtf"],
)
def test_documents_opened_by_mistake_say_what_they_are(tmp_path, data, kind):
    """Word, PDF and RTF files are named as such, with what to do about it."""
    message = assert_input_error(lambda: read_text(write(tmp_path, "article.x", data)),
                                 "article.x")
    assert kind in message and "save it as plain text" in message


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfd\xfc garbage \xfe",
        "日本語のテキストです。東京は大きな都市です。".encode("shift_jis"),
        "Ελληνικά κείμενα εδώ.\n".encode("cp1253"),  # Greek "ANSI": not Windows-1252
    ],
    ids=["garbage", "shift-jis", "greek"],
)
def test_unknown_encoding(tmp_path, data):
    message = assert_input_error(lambda: read_text(write(tmp_path, "odd.txt", data)), "odd.txt")
    assert "encoding" in message and "UTF-8" in message


def test_a_damaged_byte_in_a_gbk_file_is_located(tmp_path):
    """One bad byte in a GBK file said only "unknown encoding": now where it is."""
    good = "第一行是新闻标题。\n第二行讲述发生了什么事情。\n第三行引用了一位官员的话。\n"
    data = good.encode("gbk")
    damaged = data[:60] + b"\xff" + data[60:]
    message = assert_input_error(lambda: read_text(write(tmp_path, "bad.txt", damaged)),
                                 "bad.txt")
    assert "reads as GB18030/GBK up to line 3, where byte 60 (0xff)" in message
    cut = assert_input_error(lambda: read_text(write(tmp_path, "cut.txt", data[:-2])),
                             "cut.txt")  # ends in the first byte of 。
    assert "a damaged or cut-off character" in cut


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("台積電董事長魏哲家表示：「日本是我們重要的合作夥伴。」\n", "big5"),
        ("\u201cThis is the beginning of a multi-year effort,\u201d said Sam Gross \u2014 "
         "the caf\u00e9\u2019s owner.\n", "cp1252"),
        # accented letters that GB18030 and Big5 read with the next letter as one Han
        # character ("Ant髇io"): a dogfood round's UN statement, read garbled without a word
        ("Secretary-General Ant\u00f3nio Guterres and St\u00e9phane Dujarric spoke.\n",
         "cp1252"),
    ],
    ids=["big5", "windows-1252", "windows-1252-accents"],
)
def test_windows_ansi_files_of_taiwan_and_the_west_load(tmp_path, text, codec):
    """Traditional Chinese saved as "ANSI" in Taiwan or Hong Kong is Big5; English saved
    so in the West is Windows-1252 (curly quotes, dashes)."""
    assert read_text(write(tmp_path, "ansi.txt", text.encode(codec))) == text


def test_invalid_utf16_after_bom(tmp_path):
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00"  # odd length
    message = assert_input_error(lambda: read_text(write(tmp_path, "bad16.txt", data)), "bad16.txt")
    assert "UTF-16" in message


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used
    message = assert_input_error(lambda: read_text(path), "huge.txt")
    assert "50 MB" in message and "limit" in message


# -- languages -------------------------------------------------------------------------


def test_detect_lang():
    assert detect_lang(ZH) == "zh"
    assert detect_lang(EN) == "en"
    assert detect_lang("特朗普的国家安全顾问罗伯特·奥布莱恩(Robert O'Brien)上周五表示") == "zh"
    assert detect_lang("The novel 《三体》 by Liu Cixin was translated by Ken Liu.") == "en"
    with pytest.raises(InputError):
        detect_lang("1234 -- 5678\n")


def test_split_seed(seed_text):
    zh, en = split_bilingual(seed_text)
    zh_lines, en_lines = zh.split("\n"), en.split("\n")
    assert len(zh_lines) == 14 and len(en_lines) == 18
    assert zh_lines[0].startswith("美国和俄罗斯双方正朝着延长")
    assert zh_lines[-1].startswith("特朗普长期以来一直在夸大")
    assert en_lines[0] == "US, Russia move closer to deal to extend last nuclear arms control pact"
    assert en_lines[-1].endswith("the United Nations' Arms Trade Treaty.")


def test_a_chinese_line_of_mostly_latin_stays_in_its_block():
    """媒体联系：press@aurora.com closing the Chinese block leans English by its script
    mass; it was moved into the English block (a dogfood round's press release): the
    blank line between the blocks decides."""
    zh_first = ("奥罗拉设备今天发布了新款手机。\n媒体联系：press@aurora.com\n\n"
                "Aurora Devices today announced a new phone.\nMedia contact: press@aurora.com\n")
    assert split_bilingual(zh_first) == (
        "奥罗拉设备今天发布了新款手机。\n媒体联系：press@aurora.com",
        "Aurora Devices today announced a new phone.\nMedia contact: press@aurora.com")
    en_first = ("Aurora announced a phone.\n\n媒体联系：press@aurora.com\n"
                "奥罗拉今天发布了新款手机。\n")
    assert split_bilingual(en_first)[0].startswith("媒体联系")


def test_split_english_first(seed_text):
    lines = seed_text.rstrip("\n").split("\n")
    swapped = "\n".join(lines[14:] + lines[:14])
    zh, en = split_bilingual(swapped)
    assert zh == "\n".join(lines[:14]) and en == "\n".join(lines[14:])


def test_stray_lines_do_not_move_the_split(seed_text):
    lines = seed_text.rstrip("\n").split("\n")
    zh_lines = lines[:14]
    en_lines = lines[14:]
    # An English-only line inside the Chinese and a Chinese title inside the English.
    zh_with_stray = zh_lines[:3] + ["(New START)"] + zh_lines[3:]
    en_with_title = en_lines[:1] + ["《新裁武条约》"] + en_lines[1:]
    zh, en = split_bilingual("\n".join(zh_with_stray + en_with_title))
    assert zh.split("\n") == zh_with_stray
    assert en.split("\n") == en_with_title
    # The same near the boundary: a stray English line right before the English block.
    zh, en = split_bilingual("\n".join(zh_lines[:-1] + ["(INF)"] + zh_lines[-1:] + en_lines))
    assert len(zh.split("\n")) == 15 and len(en.split("\n")) == 18


def test_split_trims_blank_lines_and_trailing_space():
    zh, en = split_bilingual("\n\n第一段。  \n\n第二段。\n\n\nFirst.\t\n\nSecond.\n\n")
    assert zh == "第一段。\n\n第二段。"
    assert en == "First.\n\nSecond."


@pytest.mark.parametrize(
    "text",
    [
        "Only English here.\nAnd more English.",
        "只有中文。\n还是中文。",
        "An English story.\nIt goes on for a while with many words in it.\n" * 5 + "中文标题",
    ],
    ids=["english-only", "chinese-only", "token-chinese"],
)
def test_split_refuses_text_without_two_blocks(text):
    with pytest.raises(InputError):
        split_bilingual(text)


def test_interleaved_lines_go_to_their_language():
    """A bilingual article printed paragraph by paragraph: each line to the language it
    leans to, a line of neither script with the line before it, blank lines to both."""
    text = "\n".join(
        [
            "第一段中文，说了一件事。",
            "The first paragraph, in English.",
            "",
            "第二段中文（New START）。",
            "2024",
            "The second paragraph, about New START.",
            "",
            "第三段。",
            "The third.",
        ]
    )
    zh, en = split_bilingual(text)
    assert zh == "第一段中文，说了一件事。\n\n第二段中文（New START）。\n2024\n\n第三段。"
    assert en == (
        "The first paragraph, in English.\n\nThe second paragraph, about New START."
        "\n\nThe third."
    )


def test_two_paragraphs_printed_paragraph_by_paragraph_are_interleaved():
    # One English line in the middle of what looks like the Chinese block holds a third
    # of the English: it is a paragraph of an interleaved text, not a stray phrase.
    text = "中文第一段。\n\nThe first paragraph.\n\n中文又来了。\n\nMore English."
    zh, en = split_bilingual(text)
    assert zh.split() == ["中文第一段。", "中文又来了。"]
    assert [p.strip() for p in en.split("\n\n") if p.strip()] == [
        "The first paragraph.", "More English."]


_ZH_LINES = st.sampled_from(
    [
        "美国和俄罗斯正在接近协议。",
        "特朗普的国家安全顾问罗伯特·奥布莱恩(Robert O'Brien)上周五表示反对。",
        "“我们赞赏进展，”她说。",
        "更多:俄罗斯新的巡航导弹在测试中坠毁:美国",
    ]
)
_EN_LINES = st.sampled_from(
    [
        "The U.S. and Russia are moving closer toward an agreement.",
        "MORE: Russia's new cruise missile has crashed in testing: US",
        'The Chinese name is 新裁武条约, "New START" in English.',
        "US, Russia move closer to deal",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    blocks=st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            st.lists(_ZH_LINES, min_size=n, max_size=n),
            st.lists(_EN_LINES, min_size=n, max_size=n),
        )
    ),
    english_first=st.booleans(),
    gap=st.sampled_from(["\n", "\n\n", "\n \n\t\n"]),
)
def test_split_recovers_the_blocks(blocks, english_first, gap):
    """Paragraph-for-paragraph translations, with mixed-script lines, split exactly."""
    zh_lines, en_lines = blocks
    zh, en = "\n".join(zh_lines), "\n".join(en_lines)
    text = en + gap + zh if english_first else zh + gap + en
    assert split_bilingual(text) == (zh, en)


# -- load_sides ------------------------------------------------------------------------


def check_side(side, lang: str, role: str) -> None:
    assert (side.lang, side.role) == (lang, role)
    assert side.sentences == segment(side.text, lang)
    assert side.text == side.text.strip() and "\n\n" not in side.text
    for s in side.sentences:
        assert side.text[s.start : s.end] == s.text


def test_load_seed():
    source, target = load_sides([seed_path()])
    check_side(source, "en", "original")
    check_side(target, "zh", "translation")
    assert source.paragraph_count() == 18 and target.paragraph_count() == 14
    assert len(source.sentences) == 24 and len(target.sentences) == 23
    assert source.text.split("\n")[0].startswith("US, Russia move closer")


def test_load_seed_with_chinese_source():
    source, target = load_sides([str(seed_path())], source_lang="zh")
    check_side(source, "zh", "original")
    check_side(target, "en", "translation")


@pytest.mark.parametrize("codec", ["utf-16", "gb18030", "utf-8-sig"])
def test_load_seed_in_other_encodings(tmp_path, seed_text, codec):
    crlf = seed_text.replace("\n", "\r\n")
    path = write(tmp_path, "seed.txt", crlf.encode(codec))
    assert load_sides([path]) == load_sides([seed_path()])


def test_two_files_in_either_order(tmp_path, seed_text):
    lines = seed_text.rstrip("\n").split("\n")
    zh_path = write(tmp_path, "a.txt", ("\n".join(lines[:14]) + "\n").encode("gbk"))
    en_path = write(tmp_path, "b.txt", ("\n".join(lines[14:]) + "\n").encode("utf-8"))
    expected = load_sides([seed_path()])
    assert load_sides([zh_path, en_path]) == expected
    assert load_sides([en_path, zh_path]) == expected


def test_two_files_of_one_language(tmp_path):
    a = write(tmp_path, "a.txt", EN.encode())
    b = write(tmp_path, "b.txt", b"Another English text.\n")
    message = assert_input_error(lambda: load_sides([a, b]), "a.txt", "b.txt")
    assert "both files are English" in message
    c = write(tmp_path, "c.txt", ZH.encode())
    d = write(tmp_path, "d.txt", "另一个中文文本。".encode("gbk"))
    message = assert_input_error(lambda: load_sides([c, d]), "c.txt", "d.txt")
    assert "both files are Chinese" in message


def test_a_bilingual_file_given_with_another_file_is_refused(tmp_path, seed_text):
    """Both blocks in one of two files: its Chinese would be read as English sentences
    (five "dropped" paragraphs on a news article). A line or a name in the other script
    is not enough."""
    lines = seed_text.rstrip("\n").split("\n")
    zh_path = write(tmp_path, "zh.txt", ("\n".join(lines[:14]) + "\n").encode())
    both = write(tmp_path, "both.txt", seed_text.encode())
    message = assert_input_error(lambda: load_sides([zh_path, both]), "both.txt")
    assert "bilingual file" in message and "open it alone" in message
    en = "\n".join(lines[14:]) + "\n"
    quoting = write(tmp_path, "en.txt", (en + "他说：“我们不会放弃。”\n").encode())
    source, target = load_sides([zh_path, quoting])  # one quoted Chinese line: fine
    assert source.lang == "en" and "我们不会放弃" in source.text


def test_file_with_neither_language(tmp_path):
    a = write(tmp_path, "a.txt", EN.encode())
    b = write(tmp_path, "digits.txt", b"1234 5678\n-- 42 --\n")
    assert_input_error(lambda: load_sides([a, b]), "digits.txt")


def test_one_language_file_names_the_file(tmp_path):
    path = write(tmp_path, "en_only.txt", EN.encode())
    assert_input_error(lambda: load_sides([path]), "en_only.txt")


def test_second_file_missing(tmp_path):
    a = write(tmp_path, "a.txt", EN.encode())
    assert_input_error(lambda: load_sides([a, tmp_path / "zh.txt"]), "zh.txt")


def test_wrong_number_of_paths(tmp_path):
    assert_input_error(lambda: load_sides([]))
    a = write(tmp_path, "a.txt", EN.encode())
    assert_input_error(lambda: load_sides([a, a, a]))


def test_unknown_source_language():
    assert_input_error(lambda: load_sides([seed_path()], source_lang="fr"), "fr")


def test_presplit_mode(tmp_path):
    zh = "\ufeff第一句。\n第二句，还是第一段。\n\n\n第三句。  \n"
    en = "First sentence. Same line.\r\nSecond sentence.\r\n\r\nThird sentence.\r\n"
    zh_path = write(tmp_path, "zh.txt", zh.encode("utf-8"))
    en_path = write(tmp_path, "en.txt", en.encode("utf-8"))
    source, target = load_sides([en_path, zh_path], presplit=True)
    assert source.text == "First sentence. Same line.\nSecond sentence.\n\nThird sentence."
    assert target.text == "第一句。\n第二句，还是第一段。\n\n第三句。"
    assert [(s.paragraph, s.text) for s in source.sentences] == [
        (0, "First sentence. Same line."),
        (0, "Second sentence."),
        (1, "Third sentence."),
    ]
    assert [s.paragraph for s in target.sentences] == [0, 0, 1]
    assert source.sentences == segment(source.text, "en", presplit=True)


def test_presplit_bilingual_file(tmp_path):
    text = "第一句。\n第二句。\n\n第三句。\n\nOne.\nTwo.\n\nThree.\n"
    source, target = load_sides([write(tmp_path, "bi.txt", text.encode())], presplit=True)
    assert source.text == "One.\nTwo.\n\nThree."
    assert target.text == "第一句。\n第二句。\n\n第三句。"
    assert source.paragraph_count() == 2 and target.paragraph_count() == 2


def test_running_text_drops_blank_lines_between_single_line_paragraphs(tmp_path):
    text = "第一段。\n\n第二段。\n\nFirst.\n\nSecond.\n"
    source, target = load_sides([write(tmp_path, "bi.txt", text.encode())])
    assert source.text == "First.\nSecond." and target.text == "第一段。\n第二段。"


def test_hard_wrapped_prose_is_unwrapped(tmp_path):
    zh = "这是第一段，它被\n折成了两行。第二句。\n\n这是第二段，含有\nNew\nSTART条约。\n"
    en = "This first paragraph is\nwrapped over lines. Second one.\n\nThe second\nparagraph.\n"
    zh_path = write(tmp_path, "zh.txt", zh.encode())
    en_path = write(tmp_path, "en.txt", en.encode())
    source, target = load_sides([zh_path, en_path])
    assert source.text == (
        "This first paragraph is wrapped over lines. Second one.\nThe second paragraph."
    )
    assert target.text == "这是第一段，它被折成了两行。第二句。\n这是第二段，含有New START条约。"
    assert [s.paragraph for s in source.sentences] == [0, 0, 1]
    assert [s.paragraph for s in target.sentences] == [0, 0, 1]


def test_a_chinese_text_whose_only_english_is_a_copyright_line_is_refused():
    """It was aligned against the copyright line, bead by meaningless bead, exit 0 (a
    dogfood round's input variants)."""
    text = ("那年冬天，雪下得特别早。\n老陈站在院门口，望着空荡荡的村路，一言不发。\n"
            "“爹，进屋吧，外头冷。”秀英从灶房探出头来喊道。\n"
            "Copyright (c) 2024 Example Press. All rights reserved.\n")
    with pytest.raises(InputError, match="only English line is a copyright notice"):
        split_bilingual(text)
