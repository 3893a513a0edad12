"""Sentence segmentation: boundaries on the seed, rule by rule, and offset invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner_gui.core.resources import seed_path
from aligner_gui.core.text.segment import is_hard_wrapped, segment


def texts(text: str, lang: str, presplit: bool = False) -> list[str]:
    return [s.text for s in segment(text, lang, presplit)]


def assert_invariants(text: str, sentences) -> None:
    """Exact offsets, stripped and non-empty, in order, and no text lost between them."""
    end = 0
    paragraph = 0
    for k, s in enumerate(sentences):
        assert s.id == k
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= end
        assert not text[end : s.start].strip(), "text between sentences was dropped"
        assert s.paragraph in (paragraph, paragraph + 1) if k else s.paragraph == 0
        paragraph, end = s.paragraph, s.end
    assert not text[end:].strip()


@pytest.fixture(scope="module")
def seed_blocks() -> tuple[str, str]:
    lines = seed_path().read_text(encoding="utf-8").rstrip("\n").split("\n")
    return "\n".join(lines[:14]), "\n".join(lines[14:])


# -- the seed --------------------------------------------------------------------------


def test_seed_paragraph_and_sentence_counts(seed_blocks):
    zh, en = seed_blocks
    zh_sents, en_sents = segment(zh, "zh"), segment(en, "en")
    assert zh_sents[-1].paragraph + 1 == 14
    assert en_sents[-1].paragraph + 1 == 18
    # Counted by reading: 14 paragraphs + 9 inner breaks; 18 paragraphs + 6 inner breaks.
    assert len(zh_sents) == 23
    assert len(en_sents) == 24
    assert_invariants(zh, zh_sents)
    assert_invariants(en, en_sents)


def test_seed_english_us_boundaries(seed_blocks):
    _, en = seed_blocks
    sents = texts(en, "en")
    court = [s for s in sents if "back into the U.S. court" in s]
    assert court == [
        "That throws the ball back into the U.S. court in what has become a public negotiation."
    ]
    assert any(
        s.startswith("This position can be realized") and s.endswith('from the side of the U.S."')
        for s in sents
    )
    assert any(
        s.startswith("The U.S. and Russia are moving closer") and s.endswith("for one year.")
        for s in sents
    )
    assert any(s.endswith("west of St. Petersburg, Russia.") for s in sents)


def test_seed_acton_paragraph(seed_blocks):
    _, en = seed_blocks
    sents = segment(en, "en")
    acton = [s.text for s in sents if s.paragraph == 16]
    assert acton == [
        "\"A deal is possible, but it's unclear whether it's close.",
        'A disagreement over whether verification is needed is pretty significant," said James '
        "Acton, co-director of the Carnegie Endowment for International Peace's Nuclear Policy "
        "Program in a tweet.",
        '"If the U.S. wants a deal before the election, then either (i) the U.S. will have to back '
        "down and accept no verification; or (ii) the U.S. will have to accept a Russian promise "
        "to negotiate verification arrangements since it's not possible to do so in 2 weeks.",
        'Both are possibilities; both are far from assured."',
    ]


def test_seed_english_quote_and_statement(seed_blocks):
    _, en = seed_blocks
    para9 = [s.text for s in segment(en, "en") if s.paragraph == 9]
    assert para9 == [
        "\"We appreciate the Russian Federation's willingness to make progress on the issue of "
        "nuclear arms control.",
        'The United States is prepared to meet immediately to finalize a verifiable agreement," '
        "State Department spokesperson Morgan Ortagus said in a statement.",
    ]


def test_seed_chinese_boundaries(seed_blocks):
    zh, _ = seed_blocks
    sents = segment(zh, "zh")
    by_para = {}
    for s in sents:
        by_para.setdefault(s.paragraph, []).append(s.text)
    assert by_para[2] == [
        "但世界上最大的两个核大国在《新裁武条约》(New START)上仍有差距。",
        "2010年的条约限制双方拥有1550枚战略核弹头,并包括现场视察和数据共享等核查措施。",
    ]
    assert by_para[6][0] == "“我们赞赏俄罗斯联邦愿意在核军备控制问题上取得进展。"
    assert by_para[7][0].endswith("政治义务”。")
    assert (
        by_para[7][1]
        == "这一立场只有在美国方面不会提出任何额外要求的情况下才能得到严格和完全的理解。”"
    )
    assert by_para[11] == ["更多:俄罗斯新的巡航导弹在测试中坠毁:美国"]
    acton = by_para[12]
    assert acton[0] == "“交易是有可能的,但目前还不清楚是否已经达成。"
    assert acton[2].startswith("“如果美国希望在大选前达成协议,那么要么(1)美国必须让步")
    assert acton[2].endswith("不接受任何核查;")  # the ASCII semicolon ends a sentence
    assert acton[3].startswith("或者(二)美国将")
    assert acton[-2:] == ["两者都是可能性;", "两者都远非板上钉钉。”"]
    assert len(by_para[13]) == 1  # "(INF)、《开放天空条约》(Open Skies Treaty)" stays whole


# -- English rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Yesterday Mr. Smith arrived in town.",
        "Yesterday Mrs. Smith arrived in town.",
        "Yesterday Ms. Smith arrived in town.",
        "Yesterday Dr. Smith arrived in town.",
        "He was born in St. Petersburg last year.",
        "Martin Luther King Jr. Day is a holiday.",
        "John Smith Sr. Esquire signed it.",
        "Yesterday Gen. Milley spoke to reporters.",
        "Yesterday Sen. Cruz spoke to reporters.",
        "Yesterday Rep. Pelosi spoke to reporters.",
        "Yesterday Gov. Newsom spoke to reporters.",
        "Acme Inc. Europe grew fast.",
        "Acme Co. Europe grew fast.",
        "Acme Corp. Europe grew fast.",
        "Acme Ltd. London grew fast.",
        "The case Roe vs. Wade was decided.",
        "Pears, apples, etc. are fruit.",
        "Some fruit, e.g. Apples from Kent, is sweet.",
        "One fruit, i.e. Bramley apples, is sour.",
        "The talks began on Jan. 5 in Geneva.",
        "The talks began on Feb. 5 in Geneva.",
        "The talks began on Aug. 5 in Geneva.",
        "The talks began on Sept. 11 in Geneva.",
        "The talks began on Oct. 5 in Geneva.",
        "The talks began on Nov. 5 in Geneva.",
        "The talks began on Dec. 5 in Geneva.",
        "Her books by J. K. Rowling sold well.",
        "He lives at No. 10 Downing Street.",
        "He is the No. Two official.",
        "Nos. 3 and 4 were sold.",
        "The publisher J. I. Rodale wrote it.",
        "She earned a Ph.D. Degree in physics.",
        "The U.K. Government agreed.",
        "The U.S. Congress voted on it.",
        "The economy grew 3.5 percent in 2019.",
        "Either (i) the U.S. backs down or (ii) Russia does.",
        "Either (1) the U.S. backs down or (2) Russia does.",
        "He paused... and then he went on.",
        '"Really?" she asked.',
        '"Stop!" he shouted at them.',
    ],
)
def test_english_sentence_not_split(sentence):
    assert texts(sentence + " Then it ended.", "en") == [sentence, "Then it ended."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("He said ‘no.’ Then he left.", ["He said ‘no.’", "Then he left."]),
        ("(This is an aside.) Then more.", ["(This is an aside.)", "Then more."]),
        ("Stop! Who goes there? Me.", ["Stop!", "Who goes there?", "Me."]),
        ("Wait?! Really.", ["Wait?!", "Really."]),
        (
            "Talks resumed in the U.S. The meeting was short.",
            ["Talks resumed in the U.S.", "The meeting was short."],
        ),
        (
            "Talks resumed in the U.S. But Russia balked.",
            ["Talks resumed in the U.S.", "But Russia balked."],
        ),
        ("Talks resumed in the U.S. Moscow balked.", ["Talks resumed in the U.S. Moscow balked."]),
        ("We met at 5 p.m. It rained.", ["We met at 5 p.m.", "It rained."]),
        ("She has a Ph.D. She teaches.", ["She has a Ph.D.", "She teaches."]),
        ("Apples, pears, etc. The rest rotted.", ["Apples, pears, etc.", "The rest rotted."]),
        ("It was 2019. 2020 was worse.", ["It was 2019.", "2020 was worse."]),
        (
            "1. The first point is this. 2. The second one.",
            ["1. The first point is this.", "2. The second one."],
        ),
        ("He waited... Nothing happened.", ["He waited...", "Nothing happened."]),
        ("He waited… Nothing happened.", ["He waited…", "Nothing happened."]),
        ("The deal is set.  Both sides agree.", ["The deal is set.", "Both sides agree."]),
        ("No full stop at the end", ["No full stop at the end"]),
        ("It was plan B. The rest failed.", ["It was plan B.", "The rest failed."]),
        ("(b). Costs rose. Prices fell.", ["(b). Costs rose.", "Prices fell."]),
        ("Costs rose in the U.S.", ["Costs rose in the U.S."]),
        (  # a photo credit after the caption's full stop stays with the caption
            "Photo: Rescuers evacuate residents, June 19, 2024. (Xinhua)",
            ["Photo: Rescuers evacuate residents, June 19, 2024. (Xinhua)"],
        ),
        (  # an initial after a slash ends nothing; the credit keeps its initials
            "Sen. Ellison speaks in Washington, Oct. 14, 2025. (AP Photo/J. Scott Applewhite)",
            ["Sen. Ellison speaks in Washington, Oct. 14, 2025. (AP Photo/J. Scott Applewhite)"],
        ),
        ("Other issues were discussed. (END)", ["Other issues were discussed.", "(END)"]),
        ("The road and/or. The rail line.", ["The road and/or.", "The rail line."]),
        (  # the answer "No.", not the abbreviation of a number
            "A: No. Machines can process large amounts of text.",
            ["A: No.", "Machines can process large amounts of text."],
        ),
    ],
)
def test_english_boundaries(text, expected):
    assert texts(text, "en") == expected


# -- Chinese rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("你好。我很好！你呢？", ["你好。", "我很好！", "你呢？"]),
        ("先这样；再那样…最后……结束", ["先这样；", "再那样…", "最后……", "结束"]),
        ("真的吗?!是的!好;走", ["真的吗?!", "是的!", "好;", "走"]),
        ("他说：“走吧。”然后走了。", ["他说：“走吧。”", "然后走了。"]),
        ("他说：「走吧。」然后走了。", ["他说：「走吧。」", "然后走了。"]),
        ("他说：『走吧！』然后走了。", ["他说：『走吧！』", "然后走了。"]),
        ("（注意这里。）然后走了。", ["（注意这里。）", "然后走了。"]),
        ("【注意这里。】然后走了。", ["【注意这里。】", "然后走了。"]),
        ("他读了《走吧。》然后走了。", ["他读了《走吧。》", "然后走了。"]),
        ("他说‘走吧。’然后走了。", ["他说‘走吧。’", "然后走了。"]),
        ('他说:"走吧。"然后走了。', ['他说:"走吧。"', "然后走了。"]),
        ('他走了。"再见"是他说的。', ["他走了。", '"再见"是他说的。']),
        ("经济增长了3.5%。然后放缓。", ["经济增长了3.5%。", "然后放缓。"]),
        ("请访问www.example.com网站。谢谢。", ["请访问www.example.com网站。", "谢谢。"]),
        ("美国U.S.政府表示同意。好。", ["美国U.S.政府表示同意。", "好。"]),
        ("他来了.我走了.", ["他来了.", "我走了."]),
        ("条约(INF).然后退出。", ["条约(INF).", "然后退出。"]),
        ("1.第一条。2.第二条。", ["1.第一条。", "2.第二条。"]),
        ("见第1.5节。完", ["见第1.5节。", "完"]),
        ("打开a.php?id=1页面。完", ["打开a.php?id=1页面。", "完"]),
        ("雅虎!公司", ["雅虎!", "公司"]),
        ("他说：“好。”。", ["他说：“好。”。"]),  # stray punctuation joins its sentence
        ("没有句号", ["没有句号"]),
        ("救援人员疏散居民。（新华社记者 李明 摄）", ["救援人员疏散居民。（新华社记者 李明 摄）"]),
        # a wire story's end mark stands alone, as "… meeting. Enditem" splits in English
        ("会议还研究了其他事项。（完）", ["会议还研究了其他事项。", "（完）"]),
        ('"菜不愁卖了。"他说。村里很热闹。', ['"菜不愁卖了。"他说。', "村里很热闹。"]),
        # an English abbreviation closing a bracket inside a Chinese sentence
        ("针对卡尔德化工公司（Calder Chemical Co.）的裁决。完",
         ["针对卡尔德化工公司（Calder Chemical Co.）的裁决。", "完"]),
    ],
)
def test_chinese_boundaries(text, expected):
    assert texts(text, "zh") == expected


# -- paragraphs and modes --------------------------------------------------------------


def test_each_line_is_a_paragraph():
    sents = segment("One. Two.\n\n  Three.  \nFour", "en")
    assert [(s.paragraph, s.text) for s in sents] == [
        (0, "One."),
        (0, "Two."),
        (1, "Three."),
        (2, "Four"),
    ]


def test_single_line_paragraphs_between_blank_lines_are_not_hard_wrapped():
    text = "One.\n\nTwo.\n\nThree."
    assert not is_hard_wrapped(text)
    assert [s.paragraph for s in segment(text, "en")] == [0, 1, 2]


def test_hard_wrapped_prose_uses_blank_line_blocks():
    text = (
        "The first paragraph is wrapped\nover two lines. It ends here.\n\n"
        "The second one\nis wrapped too.\n"
    )
    assert is_hard_wrapped(text)
    sents = segment(text, "en")
    assert [(s.paragraph, s.text) for s in sents] == [
        (0, "The first paragraph is wrapped\nover two lines."),
        (0, "It ends here."),
        (1, "The second one\nis wrapped too."),
    ]


def test_one_block_without_blank_lines_is_one_paragraph_per_line():
    assert not is_hard_wrapped("a\nb\nc")
    assert [s.paragraph for s in segment("a\nb\nc", "en")] == [0, 1, 2]


def test_crlf_and_cr_line_ends_in_given_text():
    for newline in ("\r\n", "\r"):
        text = newline.join(["第一段。第二句。", "", "第二段。"])
        sents = segment(text, "zh")
        assert [(s.paragraph, s.text) for s in sents] == [
            (0, "第一段。"),
            (0, "第二句。"),
            (1, "第二段。"),
        ]
        assert_invariants(text, sents)


def test_ideographic_indentation_is_stripped():
    text = "\u3000\u3000第一章开始了。"
    sents = segment(text, "zh")
    assert sents[0].text == "第一章开始了。" and sents[0].start == 2


def test_empty_and_blank_text_give_no_sentences():
    assert segment("", "en") == []
    assert segment(" \n\n\t\u3000\n", "zh") == []
    assert segment("", "zh", presplit=True) == []


def test_presplit_lines_are_sentences_and_blank_lines_end_paragraphs():
    text = "First. Still first.\nSecond\n\n\n  Third  \n\nFourth\n"
    sents = segment(text, "en", presplit=True)
    assert [(s.paragraph, s.text) for s in sents] == [
        (0, "First. Still first."),
        (0, "Second"),
        (1, "Third"),
        (2, "Fourth"),
    ]
    assert_invariants(text, sents)


def test_unknown_language_is_rejected():
    with pytest.raises(ValueError):
        segment("text", "fr")


def test_thirty_thousand_lines():
    line_en = 'The U.S. said "no." Then Mr. Smith left at 3.5 p.m. It rained. Was it?'
    line_zh = "美国说：“不。”然后史密斯先生在3.5点离开了！下雨了；是吗？"
    for lang, line, per_line in (("en", line_en, 4), ("zh", line_zh, 4)):
        text = "\n".join([line] * 30_000)
        sents = segment(text, lang)
        assert len(sents) == 30_000 * per_line
        assert sents[-1].paragraph == 29_999
        assert text[sents[-1].start : sents[-1].end] == sents[-1].text


def test_a_line_without_words_ends_the_paragraph_before_it():
    """"___", "* * *" and "……" between sections are no sentences of their own (an
    untranslated "___" was a content omission): they join the sentence before them."""
    text = "It takes effect in 2026.\n\n___\n\nFollow AP.\n\n* * *\n\nThe end."
    assert texts(text, "en") == ["It takes effect in 2026.\n\n___", "Follow AP.\n\n* * *",
                                 "The end."]
    assert [s.paragraph for s in segment(text, "en")] == [0, 1, 2]
    assert texts("第一章完。\n\n……\n\n第二章。", "zh") == ["第一章完。\n\n……", "第二章。"]
    assert texts("___\n\nText.", "en") == ["___", "Text."]  # nothing before it to join
    assert texts("a\n___\nb", "en", presplit=True) == ["a", "___", "b"]  # lines are lines


def test_long_paragraphs_stay_linear():
    """Straight-quote parity and list-marker checks must not rescan the paragraph."""
    zh = '他说:"好的。"然后走了。' * 20_000
    assert len(segment(zh, "zh")) == 40_000
    en = "The U.S. court met Mr. Smith. " * 20_000
    assert len(segment(en, "en")) == 20_000


# -- invariants on random text ---------------------------------------------------------

_ALPHABET = "abcXYZ019 汉字中文.!?;…。！？；,，:\"'“”‘’「」『』（）()[]【】《》  \t\n\n\r\u3000"


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=_ALPHABET, max_size=120),
    lang=st.sampled_from(["zh", "en"]),
    presplit=st.booleans(),
)
def test_offsets_invariant_on_random_text(text, lang, presplit):
    assert_invariants(text, segment(text, lang, presplit))


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "U.S.",
                "Mr.",
                "the",
                "The",
                "It",
                "3.5",
                "e.g.",
                "J.",
                "(i)",
                "no.",
                "Yes!",
                '"so."',
                "...",
                "\n",
                "\n\n",
            ]
        ),
        max_size=40,
    )
)
def test_offsets_invariant_on_english_like_text(words):
    text = " ".join(words)
    assert_invariants(text, segment(text, "en"))


# -- text without sentence punctuation (a transcript) ----------------------------------


def test_long_unpunctuated_english_is_cut_at_clauses_then_spaces():
    clause = "and then we walked along the river for a while talking about nothing"
    with_commas = ", ".join([clause] * 40)  # 2,800 characters, no sentence end
    pieces = texts(with_commas, "en")
    assert len(pieces) >= 4
    assert all(len(p) <= 800 for p in pieces)
    assert all(p.endswith(",") for p in pieces[:-1])  # cut after a comma
    bare = " ".join([clause] * 40)
    pieces = texts(bare, "en")
    assert all(len(p) <= 800 for p in pieces)
    words = set(clause.split())
    assert all(w in words for p in pieces for w in p.split())  # no word cut in two
    assert_invariants(bare, segment(bare, "en"))


def test_long_unpunctuated_chinese_is_cut_at_commas_then_at_the_limit():
    clause = "我们沿着河边走了很久谈论着一些无关紧要的事情"
    text = "，".join([clause] * 30)
    pieces = texts(text, "zh")
    assert len(pieces) >= 3
    assert all(len(p) <= 250 and p.endswith("，") for p in pieces[:-1])
    bare = "".join([clause] * 30) + "".join(f"{k}号ABCDEFGHIJ" for k in range(1000, 1030))
    pieces = texts(bare, "zh")
    assert len(pieces) >= 3 and all(len(p) <= 250 for p in pieces)
    assert "".join(pieces) == bare
    for piece in pieces:  # never inside a Latin word or a number
        assert piece[0] not in "BCDEFGHIJ0123456789" and piece[-1] not in "ABCDEFGHI0123456789"
    assert_invariants(bare, segment(bare, "zh"))


def test_long_sentences_of_real_prose_stay_whole():
    long_en = "The committee, " + "having heard every witness, " * 25 + "adjourned."
    assert 700 < len(long_en) <= 800
    assert texts(long_en + " It met again.", "en") == [long_en, "It met again."]
    long_zh = "委员会" + "听取了每一位证人的陈述，" * 20 + "宣布休会。"
    assert 240 < len(long_zh) <= 250
    assert texts(long_zh + "次日再议。", "zh") == [long_zh, "次日再议。"]
    one_per_line = "x" * 2000
    assert texts(one_per_line, "en", presplit=True) == [one_per_line]  # the user's lines


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["我们", "河边", "，", "、", "ABC", "12", " ", "走"]), max_size=400
    ),
    lang=st.sampled_from(["zh", "en"]),
)
def test_pieces_of_long_sentences_keep_the_invariants(words, lang):
    text = "".join(words)
    sentences = segment(text, lang)
    assert_invariants(text, sentences)
    limit = 250 if lang == "zh" else 800
    assert all(len(s.text) <= limit for s in sentences)


def test_a_chinese_semicolon_inside_short_brackets_ends_no_sentence() -> None:
    """（记者 张三；编辑 李四） is one piece; a bracketed sentence still ends at its
    bracket, and a semicolon outside brackets still ends a sentence."""
    assert texts("他对记者表示。（记者 蕾切尔·奥卡福；编辑 迈克尔·佩里）", "zh") == [
        "他对记者表示。（记者 蕾切尔·奥卡福；编辑 迈克尔·佩里）"
    ]
    assert texts("价格上涨（去年为3%；今年为5%）。市场平稳。", "zh") == [
        "价格上涨（去年为3%；今年为5%）。",
        "市场平稳。",
    ]
    assert texts("（他笑了。）然后走了。", "zh") == ["（他笑了。）", "然后走了。"]
    assert texts("第一；第二。", "zh") == ["第一；", "第二。"]


def test_a_chinese_quotation_and_who_said_it_are_one_sentence() -> None:
    """“……。”王志强说。 is one sentence (English says '..., " said Wang'); a quotation
    followed by a sentence of its own, or by another quotation, is not joined."""
    quote = "“现在坐火车两个多小时就能到。”"
    said = quote + "阿坝州旅游局局长王志强说。"
    assert texts(said, "zh") == [said]
    assert texts(quote + "这是他第一次来到这里。", "zh") == [quote, "这是他第一次来到这里。"]
    assert texts("“我们很高兴。”他说。“明年还会再来。”", "zh") == [
        "“我们很高兴。”他说。",
        "“明年还会再来。”",
    ]
    # asked and answered as well as said (“这是真的吗？”他问。 was cut in two)
    assert texts("“这是真的吗？”他问。“是的！”她答道。", "zh") == [
        "“这是真的吗？”他问。", "“是的！”她答道。"]
    assert texts("“那年冬天特别冷。”她回忆道。", "zh") == ["“那年冬天特别冷。”她回忆道。"]


def test_an_ap_dateline_with_a_state_is_not_a_sentence() -> None:
    """"WILMINGTON, Del. (AP) —" was a sentence of its own, reported as dropped."""
    lead = "WILMINGTON, Del. (AP) — A federal judge ruled on Tuesday."
    assert texts(lead, "en") == [lead]
    assert texts("SACRAMENTO, Calif. — Newsom signed it.", "en") == [
        "SACRAMENTO, Calif. — Newsom signed it."]
    assert texts("He fell ill. Doctors said so.", "en") == ["He fell ill.", "Doctors said so."]
    assert texts("He was born in Dover, Del. He left.", "en") == [
        "He was born in Dover, Del.", "He left."]


def test_a_speakers_label_alone_on_its_line_joins_the_words_after_it():
    """Transcripts print "Operator:" on a line of its own; alone it was an untranslated
    sentence beside 主持人：谢谢。 (a dogfood round's earnings call, development data)."""
    text = "Operator:\nThank you.\nCEO Jane Smith:\nWe grew.\nKey points:"
    assert [s.text for s in segment(text, "en")] == [
        "Operator:\nThank you.", "CEO Jane Smith:\nWe grew.", "Key points:"]
    assert [s.text for s in segment("主持人：\n谢谢。", "zh")] == ["主持人：\n谢谢。"]
