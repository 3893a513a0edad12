"""Classes of unaligned English: headline, more-link, photo-caption, else content."""

from __future__ import annotations

import pytest

from aligner_gui.core.model import OMISSION_CLASSES
from aligner_gui.core.scoring.classify import classify_unaligned, zh_furniture, zh_headline


def whole(text: str, paragraph: int = 5) -> str:
    return classify_unaligned(
        text,
        paragraph_index=paragraph,
        is_whole_paragraph=True,
        is_first_paragraph=paragraph == 0,
    )


# -- the seed's four dropped paragraphs ----------------------------------------------------


def test_seed_headline():
    text = "US, Russia move closer to deal to extend last nuclear arms control pact"
    assert whole(text, 0) == "headline"
    # The same line anywhere else in the document is not a headline.
    assert whole(text, 7) == "content"


def test_seed_more_links():
    assert (
        whole(
            "MORE: Lawmakers, experts warn of potential arms race as New START Treaty "
            "expires in less than a year"
        )
        == "more-link"
    )
    assert whole("MORE: Russia's new cruise missile has crashed in testing: US") == "more-link"


def test_seed_photo_captions():
    assert (
        whole(
            "In this on July 29, 2017 file photo, the Russian nuclear submarine Dmitry Donskoy "
            "is moored near Kronstadt, a seaport town located west of St. Petersburg, Russia."
        )
        == "photo-caption"
    )
    assert (
        whole(
            "Marshal Billingslea, President Trump's special envoy for arms control takes "
            "questions during a news conference in Vienna, June 23, 2020."
        )
        == "photo-caption"
    )


def test_result_is_always_a_known_class():
    for text in ["", "   ", "MORE:", "x", "In this", "Photo"]:
        assert whole(text) in OMISSION_CLASSES
        assert whole(text, 0) in OMISSION_CLASSES


# -- general rules, with strings other than the seed's --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "more: Why the New START treaty matters",
        "READ MORE: China rejects talks on nuclear arms limits",
        "Read more: Pentagon tests new missile",
        "RELATED: Senate passes defense bill",
        "Related Coverage: What we know about the summit",
        "SEE ALSO: The week in pictures",
        "WATCH: President speaks at the United Nations",
        "MORE FROM ABC NEWS: Inside the race for a vaccine",
        # a web page's calls to action, copied with the article
        "Sign up for our newsletter to get the latest news.",
        "Subscribe to our daily briefing.",
        "Click here to read more.",
        "Watch the video above.",
        "Advertisement",
        "Share this article",
        # a wire story's end mark
        "Enditem",
        "(END)",
        "-30-",
    ],
)
def test_more_links(text):
    assert whole(text) == "more-link"


@pytest.mark.parametrize(
    "text",
    [
        "Trump Says He Will Meet Putin Before Election",
        "Fed holds rates steady as inflation cools",
        "China's exports surge 9.9% in September",
        "Will the U.S. and Russia Extend New START?",
    ],
)
def test_headlines(text):
    assert whole(text, 0) == "headline"


@pytest.mark.parametrize(
    "text",
    [
        "FILE - Russian President Vladimir Putin attends a meeting in Moscow.",
        "President Joe Biden speaks at the White House. (AP Photo/Evan Vucci)",
        "Photo: Protesters outside the parliament building",
        "Credit: Reuters",
        "Secretary of State Mike Pompeo, pictured, in Brussels last year.",
        "An undated handout photo of the missile launch released by the ministry.",
        "The prime minister, seen here at a summit in Brussels, has faced criticism.",
        "German Chancellor Angela Merkel arrives for an EU summit in Brussels, Oct. 15, 2020.",
        "Demonstrators gather outside the White House in Washington, June 1, 2020.",
        "A U.S. Navy destroyer is anchored off the coast of Bahrain, Manama.",
        "Workers are seen at a construction site in Beijing, Sept. 3, 2019.",
        "Smoke rises over the city of Aleppo, Syria, Oct. 3, 2016.",
        "In this image released by the Russian Defense Ministry, a missile is launched.",
    ],
)
def test_photo_captions(text):
    assert whole(text) == "photo-caption"


# Ordinary news sentences, many with dates, places, present tense and "said": content.
CONTENT = [
    "The 2010 treaty limits each side to 1,550 deployed strategic nuclear warheads.",
    "The treaty expires in February 2021 unless both sides agree to extend it.",
    "Russia is willing to freeze its arsenal for one year, the Foreign Ministry said Tuesday.",
    "The talks began in Vienna on June 22, and officials said they were constructive.",
    "Officials said the meeting took place in Geneva on Oct. 5, 2020.",
    '"We are ready to meet immediately," the spokesperson said in a statement.',
    "Trump has long played up his ability to negotiate deals with foreign leaders.",
    "The Pentagon said on Monday it had tested a new intermediate-range missile.",
    "China has repeatedly rejected calls to join trilateral arms control talks.",
    "Russia's economy shrank 3.6% in the second quarter, the statistics agency said.",
    "Putin, who has led Russia for two decades, said last week that he was open to talks.",
    "The agreement was signed in Prague on April 8, 2010, by Obama and Medvedev.",
    "Negotiators are expected to meet again in Helsinki, Finland.",
    "The U.S. withdrew from the Open Skies Treaty in November 2020.",
    "Analysts warn that without the treaty there would be no limits on either arsenal.",
    "Moscow says the proposal is a non-starter, according to state media.",
    "Both sides still disagree over how to verify a freeze on warheads.",
    "The Senate ratified the treaty in December 2010 by a vote of 71 to 26.",
    "The State Department did not immediately respond to a request for comment.",
    "He takes office on Jan. 20, and his first priority will be the pandemic.",
    "A disagreement over verification is pretty significant, Acton said in a tweet.",
    "The ministry is preparing a formal response, officials told reporters in Moscow.",
    "The election is on Nov. 3, less than two weeks away.",
    "Russia and the United States hold about 90% of the world's nuclear warheads.",
    "More than 100 people were killed in the attack, local officials said.",
    "Read the full statement on the ministry's website, the spokesperson said.",
    "In this case, the file was sent to prosecutors in Moscow.",
    "Lavrov meets Pompeo in Geneva.",
    "Putin speaks at a news conference in Moscow every December.",
    "The numbers are expected to rise in Beijing, Shanghai and Shenzhen.",
    "In this climate, few expect a breakthrough before the election.",
    "Share prices fell 3% on Monday after the announcement.",
    "Watch out for rising inflation, the central bank warned.",
    "Download speeds doubled in the new network, the company said.",
]


@pytest.mark.parametrize("text", CONTENT)
def test_ordinary_sentences_are_content(text):
    assert whole(text) == "content"
    assert whole(text, 0) in ("content",)  # full sentences are not headlines either
    assert (
        classify_unaligned(
            text, paragraph_index=3, is_whole_paragraph=False, is_first_paragraph=False
        )
        == "content"
    )


def test_partial_paragraph_needs_unmistakable_caption_markers():
    text = "German Chancellor Angela Merkel arrives for an EU summit in Brussels, Oct. 15, 2020."
    # One sentence dropped from inside a paragraph: grammar alone is not enough.
    assert classify_unaligned(text, paragraph_index=4, is_whole_paragraph=False) == "content"
    # A credit line is.
    credited = "Merkel arrives in Brussels. (AP Photo/Virginia Mayo)"
    assert classify_unaligned(credited, paragraph_index=4, is_whole_paragraph=False) == (
        "photo-caption"
    )


def test_first_paragraph_default_from_index():
    text = "US, Russia move closer to deal to extend last nuclear arms control pact"
    assert classify_unaligned(text, paragraph_index=0, is_whole_paragraph=True) == "headline"
    assert classify_unaligned(text, paragraph_index=1, is_whole_paragraph=True) == "content"


# -- bylines and editor's notes (classes beyond model.OMISSION_CLASSES) ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "By Martin Crane, Associated Press",
        "By Rachel Okafor and Tom Lindqvist, Associated Press",
        "By Priya Natarajan, AP Technology Writer",
        "BY JANE DOE",
        "Associated Press writer Jim Gomez in Manila contributed to this report.",
        "Reporting by Jane Doe; Editing by John Roe",
    ],
)
def test_bylines(text):
    assert whole(text) == "byline"


@pytest.mark.parametrize(
    "text",
    [
        "Editor's note: This story has been updated to correct the size of the increase.",
        "CORRECTION: An earlier version misspelled the mayor's name.",
        "This story has been corrected to show that the plant opens in June, not March.",
        "An earlier version of this story misstated the number of counts.",
    ],
)
def test_editor_notes(text):
    assert whole(text) == "editor-note"


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the year, prices had risen 4%.",
        "By Tuesday, the storm had passed.",
        "By comparison, Europe grew 1%",
        "This story is about a man who lost his dog.",
        "Update: the storm hit the coast on Monday.",
        "Three reporters contributed to the investigation, which took a year, she said. It ran.",
    ],
)
def test_not_bylines_or_notes(text):
    assert whole(text) == "content"


def test_byline_needs_the_whole_paragraph():
    text = "By Martin Crane, Associated Press"
    assert classify_unaligned(text, paragraph_index=1, is_whole_paragraph=False) == "content"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This image provided by NASA shows the storm approaching the coast.", "photo-caption"),
        ("In this photo released by the army, soldiers carry sandbags.", "photo-caption"),
        ("► Read more: Storm season explained", "more-link"),
        ("Photos: Typhoon batters northern Philippines", "more-link"),
        ("Follow AP's coverage of the typhoon at https://apnews.com/hub/typhoons", "more-link"),
        ("Copyright 2026 The Associated Press. All rights reserved.", "byline"),
        (
            "The Associated Press receives support from a private foundation for coverage "
            "of water policy. The AP is solely responsible for all content.",
            "editor-note",
        ),
        # Body text of the same shape stays content.
        ("A video posted by residents shows water pouring into homes.", "content"),
        ("Follow the money, she said.", "content"),
        ("Copyright law was changed in 2019 to protect artists.", "content"),
        ("The company receives support from the state, officials said.", "content"),
    ],
)
def test_more_furniture_shapes(text, expected):
    assert whole(text) == expected


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("（编者注：本文数据均以美元计价。）", True),
        ("译者注：原文此处为双关语。", True),
        ("编者按:本文早前版本误报了洗钱罪名的数量。", True),
        ("责任编辑：李明", True),
        ("【来源：新华社】", True),
        ("注意：明天起实行新规。", False),  # 注意 "note that" opens an ordinary sentence
        ("分析师表示，外需疲软是出口放缓的主要原因。", False),
        ("编者注：" + "很长的正文。" * 30, False),  # a whole paragraph of text is no note
    ],
)
def test_notes_a_chinese_translation_adds(text, note):
    assert (zh_furniture(text) is not None) is note


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("（编者注：本文数据均以美元计价。）", "editor-note"),
        ("2024-12-06 10:23 来源：新华网 作者：张三 责任编辑：李四", "byline"),
        ("来源：人民日报", "byline"),
        ("分享到：微信 微博 QQ空间", "more-link"),
        ("相关阅读", "more-link"),
        ("（完）", "more-link"),
        ("2024年12月6日，联合国发布报告。", None),  # a dated sentence of content
        ("编辑部认为这是好事。", None),
        ("完成了任务。", None),
        ("记者：张晓明 李华", "byline"),
        # an interview's question (a zh->en dogfood round: three of five questions were
        # left untranslated bylines and their English "additions")
        ("记者：但也有人说，农村“空心化”问题越来越严重，您怎么看？", None),
        ("记者：您怎么看？", None),
    ],
)
def test_chinese_page_furniture(text, cls):
    """What a Chinese page adds around the translation: its source line and share
    buttons are furniture of a class, like the English page's."""
    assert zh_furniture(text) == cls


@pytest.mark.parametrize(
    ("text", "first", "title"),
    [
        ("比亚迪超越特斯拉成为全球最大电动车销售商", True, True),
        ("中老铁路开通三周年 累计发送旅客超过4300万人次", True, True),
        ("比亚迪超越特斯拉成为全球最大电动车销售商", False, False),  # not at the top
        ("中国汽车制造商比亚迪第四季度纯电动汽车销量超过特斯拉。", True, False),  # a sentence
        ("BYD overtakes Tesla", True, False),  # no Chinese
    ],
)
def test_chinese_title_line(text: str, first: bool, title: bool) -> None:
    assert zh_headline(text, is_first_paragraph=first) is title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New York, 12 June 2024", True),  # a UN statement's closing line
        ("GENEVA, June 12, 2024", True),
        ("The talks ended on 12 June 2024.", False),
    ],
)
def test_a_place_and_date_alone_is_page_furniture(text, expected):
    from aligner_gui.core.scoring.classify import is_byline

    assert is_byline(text) is expected
