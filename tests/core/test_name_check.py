"""The name-mismatch check: which words count as names, and when a bead is suspect."""

from __future__ import annotations

import pytest

from aligner_gui.core.scoring.name_check import en_name_words, mismatched_names, zh_name_words
from aligner_gui.core.scoring.scores import name_mismatch


def _keys(word: str) -> list[str]:
    """Toy content keys: function words have none, others their lower case and a name key."""
    low = word.lower().removesuffix("'s")
    return [] if low in {"the", "but", "and"} else [low, "~py:" + low[:2].upper()]


def test_english_names_by_their_place() -> None:
    text = (
        "Trump met Putin. Later the U.S. envoy told NATO: \"Talks with Lavrov's team "
        'resume," and The Hague agreed. Billingslea said so.'
    )
    words = [w for w, _k in en_name_words(text, _keys)]
    # Sentence and quotation openers, acronyms and function words are left out, unless
    # the opener says something ("Billingslea said").
    assert words == ["Putin", "Lavrov", "Hague", "Billingslea"]


def test_chinese_names_joined_where_the_tokenizer_cut_them() -> None:
    key = frozenset({"~py:MT"})
    content = [("梅德韦", key), ("杰夫", frozenset({"~py:JF"})), ("会见", frozenset({"meet"}))]
    joined = zh_name_words(content, lambda w: False, ["梅德韦杰夫会见了他。"])
    assert [w for w, _k in joined] == ["梅德韦杰夫"]
    # Apart in the text: two names, and the short unknown one is no name on its own.
    apart = zh_name_words(content, lambda w: False, ["梅德韦和杰夫会见了他。"])
    assert [w for w, _k in apart] == ["梅德韦"]
    assert zh_name_words(content, lambda w: w == "杰夫", ["梅德韦和杰夫。"])[1][0] == "杰夫"


def test_both_sides_must_hold_an_unmatched_name() -> None:
    zh = [("博尔顿", frozenset({"~py:PTn", "bolton"})), ("会见", frozenset({"meet"}))]
    texts = ["博尔顿会见了他。"]
    never = lambda w: False  # noqa: E731
    found = mismatched_names(
        texts,
        zh,
        ["We met Pompeo."],
        ["meet", "pompeo"],
        lambda t: [("Pompeo", ("pompeo",))],
        never,
    )
    assert found is not None and found.en == ("Pompeo",) and found.zh == ("博尔顿",)
    # The English names nobody: a pronoun for the person is no mismatch.
    assert mismatched_names(texts, zh, ["He met us."], ["meet"], lambda t: [], never) is None
    # The Chinese name is matched by the English.
    assert (
        mismatched_names(
            texts,
            zh,
            ["Bolton met Pompeo."],
            ["bolton", "meet", "pompeo"],
            lambda t: [("Pompeo", ("pompeo",))],
            never,
        )
        is None
    )


@pytest.fixture(scope="module")
def lexicon():
    from aligner_gui.core.lexicon.shared import get_lexicon

    return get_lexicon()


EN = "Secretary of State Mike Pompeo met Russian Foreign Minister Sergei Lavrov on Tuesday."


@pytest.mark.parametrize(
    ("zh", "expected"),
    [
        ("国务卿迈克·蓬佩奥周二会见了俄罗斯外长谢尔盖·拉夫罗夫。", None),
        (
            "国务卿迈克·博尔顿周二会见了俄罗斯外长谢尔盖·拉夫罗夫。",
            {"en": ["Pompeo"], "zh": ["博尔顿"]},
        ),
        (
            "国务卿迈克·蓬佩奥周二会见了俄罗斯外长谢尔盖·梅德韦杰夫。",
            {"en": ["Lavrov"], "zh": ["梅德韦杰夫"]},
        ),
        # A spelling variant of the same name (赖 for 莱) is not another name.
        ("国务卿迈克·蓬佩奥周二会见了俄罗斯外长谢尔盖·拉夫洛夫。", None),
        # Names left out, titles kept: an omission, not a mismatch.
        ("国务卿周二会见了俄罗斯外长。", None),
    ],
)
def test_news_sentence_with_the_real_dictionary(lexicon, zh, expected) -> None:
    assert name_mismatch([zh], [EN], lexicon) == expected


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        ("利物浦市长表示。", "The mayor of Manchester said.", {"en": ["Manchester"],
                                                           "zh": ["利物浦"]}),
        ("曼彻斯特市长表示。", "The mayor of Manchester said.", None),
        ("朱莉在墨尔本对记者表示。", "Julie told reporters in Canberra.", {"en": ["Canberra"],
                                                                "zh": ["墨尔本"]}),
        ("朱莉在堪培拉对记者表示。", "Julie told reporters in Canberra.", None),
    ],
)
def test_a_place_the_dictionary_knows_swapped_for_another(lexicon, zh, en, expected) -> None:
    """利物浦 has no sound key (the dictionary glosses it "Liverpool"), yet is a name."""
    assert name_mismatch([zh], [en], lexicon) == expected


def test_a_province_written_by_its_short_form_is_no_mismatch(lexicon) -> None:
    """甘南 "southern Gansu", 川西北 "northwest Sichuan", 川青 "Sichuan-Qinghai"."""
    zh = "该线路将带动川西北和甘南地区旅游发展。"
    en = "The line will boost tourism in northwest Sichuan and southern Gansu."
    assert name_mismatch([zh], [en], lexicon) is None
    swapped = "The line will boost tourism in northwest Sichuan and southern Shaanxi."
    assert name_mismatch([zh], [swapped], lexicon) == {"en": ["Shaanxi"], "zh": ["甘南"]}


def test_a_surname_cut_by_the_tokenizer_after_the_middle_dot_is_one_name(lexicon) -> None:
    """弗朗西斯·奥|乌苏: the fragment 乌苏 sounded like "Francis" and hid the swap."""
    zh = "所长弗朗西斯·奥乌苏说。"
    assert name_mismatch([zh], ["director Francis Owusu said."], lexicon) is None
    found = name_mismatch([zh], ["director Francis Baah said."], lexicon)
    assert found == {"en": ["Baah"], "zh": ["奥乌苏"]}


def test_titles_are_not_names_nor_joined_to_the_name(lexicon) -> None:
    """Dr. Emma Watson is 艾玛·沃森博士: "Dr" is a title, and 博士 ("doctor") is a word
    of the dictionary, not the end of a name the tokenizer cut. Swapping the name for
    another is still caught."""
    en = "The study was led by Dr. Emma Watson of the University of Cambridge."
    zh = "这项研究由剑桥大学的艾玛·沃森博士领导。"
    assert name_mismatch([zh], [en], lexicon) is None
    swapped = name_mismatch([zh.replace("沃森", "拉夫罗夫")], [en], lexicon)
    assert swapped == {"en": ["Watson"], "zh": ["拉夫罗夫"]}
    assert [w for w, _k in en_name_words("Ask Dr Li and Sen. Warren.", _keys)] == ["Li", "Warren"]


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        (
            '"Dating is uncertain," said Lee, who was not involved.',
            "“年代测定并不确定，”李说，他没有参与。",
        ),
        ("Police arrested Wong on Monday.", "警方周一逮捕了黄之锋。"),
        ("The leader, Tsai, spoke on Monday.", "领导人蔡周一发表讲话。"),
    ],
)
def test_surnames_spelled_other_than_in_pinyin_match(lexicon, en, zh) -> None:
    """Hong Kong, Taiwan and Singapore spell surnames their own way (Lee, Wong, Tsai)."""
    from aligner_gui.core.scoring.sentence_features import features_for
    from aligner_gui.core.scoring.signals import name_match_share

    features = features_for(lexicon)
    names = features.names_of(en)
    assert names, en
    assert name_match_share(list(names), lexicon.zh_content(zh)) == 1.0


def test_an_ordinary_word_opening_the_sentence_is_no_name(lexicon) -> None:
    """Every capitalised word gets a name key, so the dictionary tells an ordinary opener
    ("Property") from a name ("Feldman"); names inside the sentence count as before."""
    from aligner_gui.core.scoring.sentence_features import features_for

    features = features_for(lexicon)
    assert features.names_of("Property prices in the city have fallen.") == []
    assert [k[0] for k in features.names_of("Feldman said the company would grow.")] == [
        "feldman"
    ]
    assert [k[0] for k in features.names_of("Prices fell, Feldman said.")] == ["feldman"]


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        (  # a province swapped for the one next to it in pinyin
            "来自江苏南京的大学生刘思雨告诉记者，她请了两天假。",
            "Liu Siyu, a college student from Nanjing, east China's Jiangxi Province, said "
            "she had taken two days off.",
            {"en": ["Jiangxi"], "zh": ["江苏"]},
        ),
        (
            "来自江苏南京的大学生刘思雨告诉记者，她请了两天假。",
            "Liu Siyu, a college student from Nanjing, east China's Jiangsu Province, said "
            "she had taken two days off.",
            None,
        ),
        (  # the dateline's 15日电 is cut 15 + 日电 (NEC): no place
            "新华社北京7月15日电 中方表示愿意合作。",
            "BEIJING, July 15 (Xinhua) -- China is ready to cooperate, said Lin Jian.",
            None,
        ),
    ],
)
def test_a_chinese_place_in_pinyin_swapped_for_another(lexicon, zh, en, expected) -> None:
    found = name_mismatch([zh], [en], lexicon)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found["en"][:1], found["zh"]) == (expected["en"], expected["zh"])


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        ("省统计局新闻发言人陈红表示，省内已形成产业集群。",
         "Chen Gang, spokesperson for the bureau, said a cluster has taken shape.",
         {"en": ["Chen Gang"], "zh": ["陈红"]}),
        ("省统计局新闻发言人陈红表示，省内已形成产业集群。",
         "Chen Hong, spokesperson for the bureau, said a cluster has taken shape.", None),
        ("陈红表示，省内已形成产业集群。", "Chen said a cluster has taken shape.", None),
        ("大学生刘思雨告诉记者，她请了两天假。",
         "College student Liu Siyu said she had taken two days off.", None),
    ],
)
def test_a_person_given_another_given_name(lexicon, zh, en, expected) -> None:
    assert name_mismatch([zh], [en], lexicon) == expected


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        (  # 山西's gloss names Shaanxi (a neighbour): no match for 山西 itself
            "此外，山西省大同市和甘肃省酒泉市将率先开展试点。",
            "In addition, Datong in Shaanxi province and Jiuquan in Gansu province will "
            "take the lead.",
            {"en": ["Shaanxi"], "zh": ["山西省"]},
        ),
        (  # 安吉县's gloss names Huzhou, its prefecture: no rendering of 安吉
            "浙江省湖州市安吉县的驿站里已经飘出饭菜香。",
            "Cooking smells drift from the station in Anxi county of Huzhou city, "
            "Zhejiang province.",
            {"en": ["Anxi"], "zh": ["安吉县"]},
        ),
        (  # jieba cuts 由王|欣怡
            "由王欣怡、唐雪和程钰组成的中国队获得银牌。",
            "The Chinese team of Wang Xinyu, Tang Xue and Cheng Yu won silver.",
            {"en": ["Wang Xinyu"], "zh": ["王欣怡"]},
        ),
        ("由王欣怡、唐雪和程钰组成的中国队获得银牌。",
         "The Chinese team of Wang Xinyi, Tang Xue and Cheng Yu won silver.", None),
        (  # another surname before the right given name
            "中信证券首席策略分析师秦培景表示，市场情绪明显回暖。",
            "Qian Peijing, chief strategist at CITIC Securities, said sentiment improved.",
            {"en": ["Qian Peijing"], "zh": ["秦培景"]},
        ),
        ("中信证券首席策略分析师秦培景表示，市场情绪明显回暖。",
         "When Peijing spoke, sentiment improved.", None),  # "When" is no surname
    ],
)
def test_places_and_people_written_in_pinyin(lexicon, zh, en, expected) -> None:
    found = name_mismatch([zh], [en], lexicon)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found["en"], found["zh"][:1]) == (expected["en"], expected["zh"])


def test_a_french_ch_sounds_like_sh() -> None:
    """Marchand is 马尔尚 and Chirac 希拉克; Charles is still 查尔斯."""
    from aligner_gui.core.scoring.name_check import sounds_alike

    assert sounds_alike("马尔尚", "Marchand") and sounds_alike("查尔斯", "Charles")
    assert not sounds_alike("马尔尚", "Dupont")
    assert sounds_alike("巴尔加斯", "Vargas")  # a Spanish v is a b


def test_a_month_is_no_name() -> None:
    """'on Dec. 5' was an English name left without a Chinese one (12月5日 is a number)."""
    text = "Crews worked in Dongwu on Dec. 5, in Hulun in December and met Theresa May in May 2024."
    words = [w for w, _k in en_name_words(text, _keys)]
    assert words == ["Dongwu", "Hulun", "Theresa", "May"]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("利物浦的维吉尔·范戴克吃到黄牌。", "Liverpool's Virgil van Dijk was booked."),
        ("这名荷兰后卫已累计5张黄牌。", "The Dutch defender has collected five yellow cards."),
        ("这名西班牙球员进了球。", "The Spanish player scored."),
    ],
)
def test_a_name_particle_and_a_country_adjective_are_no_mismatch(lexicon, zh, en) -> None:
    """范戴克 says the "van" of van Dijk; 荷兰 is "Dutch" (the dictionary had only Holland):
    both were major name findings that made a faithful bead the riskiest of its story."""
    assert name_mismatch([zh], [en], lexicon) is None


def test_a_name_opening_a_sentence_that_says_something_is_a_name(lexicon) -> None:
    """"Raman said …" as 约翰逊说: a sentence's first word was never read as a name."""
    assert name_mismatch(["约翰逊说，价格将进一步下降。"],
                         ["Raman said that prices would fall further."], lexicon) == {
        "en": ["Raman"], "zh": ["约翰逊"]}
    assert name_mismatch(["官员们说，价格将进一步下降。"],
                         ["Officials said that prices would fall further."], lexicon) is None


def test_a_chinese_place_in_pinyin_opening_a_sentence_is_a_name(lexicon) -> None:
    """"Guizhou is the largest producer" for 云南是…: a sentence's first word was never
    compared (a helper's review of a Chinese original: the wrong province went unseen)."""
    assert name_mismatch(["云南是全国最大的鲜切花生产基地。"],
                         ["Guizhou is the country's largest producer of fresh-cut flowers."],
                         lexicon) == {"en": ["Guizhou"], "zh": ["云南"]}
    assert name_mismatch(["云南是全国最大的鲜切花生产基地。"],
                         ["Yunnan is the country's largest producer of fresh-cut flowers."],
                         lexicon) is None


def test_a_name_another_name_renders_excuses_no_swap(lexicon) -> None:
    """哈德利 half sounds like Whitfield, which 惠特菲尔德 renders: Crowther was swapped."""
    found = name_mismatch(["法官萨拉·惠特菲尔德还判令哈德利缴纳罚款。"],
                          ["Judge Sarah Whitfield also ordered Crowther to pay a fine."], lexicon)
    assert found == {"en": ["Crowther"], "zh": ["哈德利"]}
    assert name_mismatch(["法官萨拉·惠特菲尔德还判令克劳瑟缴纳罚款。"],
                         ["Judge Sarah Whitfield also ordered Crowther to pay a fine."],
                         lexicon) is None


@pytest.mark.parametrize(
    ("zh", "en"),
    [  # faithful pairs an en->zh dogfood round found flagged (development data)
        ("利用美国航天局的望远镜，天文学家发现了水。",
         "Using NASA's telescope, astronomers found water."),  # an acronym's possessive
        ("许多银器都体现出中亚的影响。", "Many silver vessels show Central Asian influence."),
    ],
)
def test_acronyms_and_demonyms_are_no_mismatch(lexicon, zh, en) -> None:
    assert name_mismatch([zh], [en], lexicon) is None


def test_a_name_after_a_closing_straight_quote_is_the_speaker(lexicon) -> None:
    """'"…," Montenegro told supporters' is the commonest wire attribution: the straight
    quote before the name closes the quotation, so the name is compared (as after ”)."""
    zh = ["“葡萄牙人民希望变革，”桑托斯在里斯本对支持者说。"]
    assert name_mismatch(zh, ['"The Portuguese people want change," Montenegro told '
                              "supporters in Lisbon."], lexicon) == {
        "en": ["Montenegro"], "zh": ["桑托斯"]}
    assert name_mismatch(zh, ['"The Portuguese people want change," Santos told '
                              "supporters in Lisbon."], lexicon) is None


def test_another_person_altogether(lexicon) -> None:
    """杜锋表示 rendered "Guo Shiqiang said": only a change of given name under the same
    surname was found (a zh->en dogfood round; development data)."""
    assert name_mismatch(["杜锋表示，球队必须改进。"], ["Guo Shiqiang said the team must improve."],
                         lexicon) == {"en": ["Guo Shiqiang"], "zh": ["杜锋"]}
    assert name_mismatch(["杜锋表示，球队必须改进。"], ["Du Feng said the team must improve."],
                         lexicon) is None
    # a four-character word starting with a surname is no person (mac-dev ch. 19)
    assert name_mismatch(["程先生全然不顾别人是什么心情。"],
                         ["Mr. Cheng made no effort to understand what Jiang Lili might feel."],
                         lexicon) is None


def test_a_model_name_kept_in_latin_letters_is_matched() -> None:
    """"The X200-Pro measures ..." as X200-Pro的尺寸为…: the name glued to its number was a
    number-only word, and the Match column read 0.06 on a faithful bead (a dogfood round)."""
    from aligner_gui.core.scoring.signals import name_match_share

    names = [["pro", "~py:PL"]]
    assert name_match_share(names, []) == 0.0
    assert name_match_share(names, [], ["X200-Pro的尺寸为145×70×8毫米。"]) == 1.0


def test_a_word_the_tokenizer_cut_in_two_is_matched_whole(lexicon) -> None:
    """首席执行官 is cut 首席 + 执行官, and only the whole is glossed "CEO": the faithful
    '"We are pleased," said the CEO.' had Match 0.02 (a first-contact round, stop 28)."""
    from aligner_gui.core.scoring.signals import name_match_share

    zh = "“我们很高兴，”首席执行官说。"
    content = lexicon.zh_content(zh)
    assert name_match_share([["ceo"]], content, [zh]) == 0.0
    assert name_match_share([["ceo"]], content, [zh], lexicon.translations) == 1.0
    # the halves must stand together in the text
    apart = "首席代表说，执行官来了。"
    assert name_match_share([["ceo"]], lexicon.zh_content(apart), [apart],
                            lexicon.translations) == 0.0


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        # a people's adjective the translation adds is no name (a held-out round, stop 28)
        ("北大招生办负责人表示，此举可谓“十年磨一剑”。",
         "The head of its admissions office said it was what the Chinese saying calls "
         "\"ten years to sharpen a sword\".", None),
        # a Greek d is heard as z: 帕帕扎基 is Papadaki
        ("58岁的玛丽亚·帕帕扎基说。", "Maria Papadaki, 58, said.", None),
        ("58岁的玛丽亚·帕帕扎基说。", "Maria Johnson, 58, said.", {"en": ["Johnson"],
                                                            "zh": ["帕帕扎"]}),
    ],
)
def test_adjectives_of_peoples_and_greek_names(lexicon, zh, en, expected) -> None:
    assert name_mismatch([zh], [en], lexicon) == expected


def test_a_peoples_adjective_stays_beside_a_country_left() -> None:
    from aligner_gui.core.scoring.name_forms import added_adjectives

    text = ["As the French saying goes."]
    assert added_adjectives(("French",), text, [frozenset({"german", "germani"})]) == ("French",)
    assert added_adjectives(("French",), text, [frozenset({"peke", "univers"})]) == ()
    assert added_adjectives(("French", "Smith"), text, []) == ("Smith",)
    # "French officials": a people, which a swapped name may have replaced
    assert added_adjectives(("French",), ["French officials said."], []) == ("French",)
