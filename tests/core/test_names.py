"""Pinyin name keys: transliterations meet their English originals, others rarely do."""

from __future__ import annotations

import itertools

import pytest

from aligner_gui.core.text.names import (
    en_name_key,
    en_skeleton,
    is_pinyin,
    looks_transliterated,
    name_similarity,
    pinyin_spellings,
    surname_romanizations,
    zh_name_key,
    zh_skeleton,
)

# Standard Xinhua renderings of real names (news, politics, history, literature).
NAME_PAIRS = [
    ("唐纳德", "Donald"), ("特朗普", "Trump"), ("奥布莱恩", "O'Brien"),
    ("比林斯利", "Billingslea"), ("摩根", "Morgan"), ("奥尔塔格斯", "Ortagus"),
    ("罗伯特", "Robert"), ("马歇尔", "Marshall"), ("詹姆斯", "James"), ("阿克顿", "Acton"),
    ("卡内基", "Carnegie"), ("默克尔", "Merkel"), ("威尔逊", "Wilson"),
    ("弗拉基米尔", "Vladimir"), ("普京", "Putin"), ("拜登", "Biden"), ("奥巴马", "Obama"),
    ("希拉里", "Hillary"), ("克林顿", "Clinton"), ("布什", "Bush"), ("约翰逊", "Johnson"),
    ("史密斯", "Smith"), ("华盛顿", "Washington"), ("林肯", "Lincoln"),
    ("蓬佩奥", "Pompeo"), ("博尔顿", "Bolton"), ("马克龙", "Macron"), ("迈克尔", "Michael"),
    ("戴维斯", "Davis"), ("伊丽莎白", "Elizabeth"), ("丘吉尔", "Churchill"),
    ("肯尼迪", "Kennedy"), ("尼克松", "Nixon"), ("里根", "Reagan"), ("撒切尔", "Thatcher"),
    ("杰克逊", "Jackson"), ("安德鲁", "Andrew"), ("彼得", "Peter"), ("哈里斯", "Harris"),
    ("佩洛西", "Pelosi"), ("马丁", "Martin"), ("凯瑟琳", "Catherine"),
    ("亚历山大", "Alexander"), ("莎士比亚", "Shakespeare"), ("柯林斯", "Collins"),
    ("斯蒂芬", "Stephen"), ("布朗", "Brown"), ("乔治", "George"), ("汉密尔顿", "Hamilton"),
    ("拉夫罗夫", "Lavrov"),
]  # fmt: skip

# Capitalised English words that are not names but get keys too (sentence starts, places).
OTHER_CAPITALISED = (
    "Tuesday Friday Russia Moscow Geneva State Department President Foreign Ministry "
    "China Chinese American Washington Treaty Nuclear Endowment International Peace "
    "Policy Program Council Federation Twitter March September Either However"
).split()


def _pair_stats() -> tuple[float, float, int, int]:
    """Recall over true pairs, precision over all zh x en combinations (exact keys)."""
    keys_zh = [zh_name_key(z) for z, _ in NAME_PAIRS]
    keys_en = [en_name_key(e) for _, e in NAME_PAIRS]
    hits = sum(1 for a, b in zip(keys_zh, keys_en, strict=True) if a and a == b)
    false = sum(
        1
        for (i, a), (j, b) in itertools.product(enumerate(keys_zh), enumerate(keys_en))
        if i != j and a and a == b and NAME_PAIRS[i][1] != NAME_PAIRS[j][1]
    )
    false += sum(1 for a in keys_zh for w in OTHER_CAPITALISED if a and a == en_name_key(w))
    recall = hits / len(NAME_PAIRS)
    precision = hits / (hits + false) if hits + false else 1.0
    return recall, precision, hits, false


def test_seed_names_collide() -> None:
    for zh, en in [("唐纳德", "Donald"), ("特朗普", "Trump"), ("奥布莱恩", "O'Brien"),
                   ("比林斯利", "Billingslea"), ("摩根", "Morgan"),
                   ("奥尔塔格斯", "Ortagus")]:  # fmt: skip
        assert zh_name_key(zh) is not None and zh_name_key(zh) == en_name_key(en), (zh, en)
        assert name_similarity(zh, en) == 1.0


def test_key_recall_and_precision_on_real_names() -> None:
    recall, precision, hits, false = _pair_stats()
    print(f"name keys: recall {recall:.2f} ({hits}/{len(NAME_PAIRS)}), "
          f"precision {precision:.2f} ({false} false collisions)")  # fmt: skip
    assert recall >= 0.75
    assert precision >= 0.75


def test_similarity_separates_true_and_false_pairs() -> None:
    true = [name_similarity(z, e) for z, e in NAME_PAIRS]
    false = [
        name_similarity(z, e2)
        for (z, e), (_, e2) in zip(NAME_PAIRS, NAME_PAIRS[7:] + NAME_PAIRS[:7], strict=True)
    ]
    assert sum(true) / len(true) > 0.8
    assert sum(false) / len(false) < 0.35
    assert all(0.0 <= x <= 1.0 for x in true + false)


@pytest.mark.parametrize(
    ("word", "skeleton"),
    [("Trump", "TLP"), ("O'Brien", "_PLn"), ("Billingslea", "PLSL"), ("Ortagus", "_TKS"),
     ("George", "J"), ("Thatcher", "SJ"), ("Phillips", "FLPS"), ("Johnson", "_HSn")],
)  # fmt: skip
def test_en_skeleton(word: str, skeleton: str) -> None:
    assert en_skeleton(word) == skeleton


def test_zh_skeleton_and_short_keys() -> None:
    assert zh_skeleton("特朗普") == "TLP"
    assert zh_skeleton("唐纳德·特朗普") == "TNTLP"  # repeated classes merge
    assert zh_skeleton("布什") == "PS"  # 什 read shi in names
    assert zh_skeleton("摩根") == en_skeleton("Morgan") == "MKn"
    assert zh_skeleton("奥巴马") == en_skeleton("Obama") == "_PM"
    assert zh_name_key("乔治") is None  # one class only: too weak to match on
    assert en_name_key("Al") is None


def test_looks_transliterated() -> None:
    assert looks_transliterated("比林斯利")
    assert not looks_transliterated("条约")
    assert not looks_transliterated("斯")


def test_pinyin_spellings_of_chinese_names() -> None:
    assert pinyin_spellings("王琦瑶") == ("wangqiyao", "wang", "qiyao")
    assert pinyin_spellings("清扬") == ("qingyang",)
    assert pinyin_spellings("欧阳修") == ("ouyangxiu", "ouyang", "xiu")
    assert pinyin_spellings("吕布") == ("lubu",)


def test_pinyin_read_from_the_table_is_pypinyins() -> None:
    """The character table read without importing pypinyin gives what pypinyin gives, for
    every character names can hold, with both error modes."""
    from pypinyin import Style, lazy_pinyin

    from aligner_gui.core.text.names import _pinyin, _pinyin_table

    assert _pinyin_table() is not None  # the fast path is the one tested
    chars = [chr(cp) for cp in range(0x3400, 0xA000)]
    for errors in ("default", "ignore"):
        assert _pinyin(chars, errors=errors) == lazy_pinyin(chars, style=Style.NORMAL,
                                                            errors=errors)
    assert _pinyin(["特", "朗", "普"]) == ["te", "lang", "pu"]
    assert _pinyin(["吕"]) == ["lv"]


def test_surnames_spelled_the_hong_kong_taiwan_or_korean_way() -> None:
    assert surname_romanizations("李") == ("lee", "lei")
    assert "wong" in surname_romanizations("黄之锋")
    assert "wong" in surname_romanizations("黃之鋒")  # traditional characters
    assert "chan" in surname_romanizations("陳凱欣")
    assert "park" in surname_romanizations("朴槿惠")
    assert surname_romanizations("欧阳修") == ()  # a compound surname: pinyin only
    assert surname_romanizations("奥巴马") == ()  # no surname of the table
    assert surname_romanizations("") == ()


@pytest.mark.parametrize(
    ("word", "pinyin"),
    [("Ning", True), ("Wenjie", True), ("Qiyao", True), ("Xi", True), ("Lv", True),
     ("Foreign", False), ("Ministry", False), ("Spokesperson", False), ("Press", False)],
)
def test_pinyin_name_parts(word, pinyin):
    assert is_pinyin(word) is pinyin


def test_a_name_spelled_by_the_characters_of_a_text() -> None:
    from aligner_gui.core.text.names import spelled_in

    text = "来自江苏南京的大学生刘思雨告诉记者"
    assert spelled_in("Siyu", text) and spelled_in("Nanjing", text)
    assert not spelled_in("Jiangxi", text)
    assert spelled_in("Changjiang", "长江") and spelled_in("Zhang", "长江")  # either reading
    assert spelled_in("Tsai", "蔡英文说")  # a surname's other spelling
