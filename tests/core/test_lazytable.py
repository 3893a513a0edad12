"""Dictionaries read on demand from SQLite (issue 14: a process that aligns two sentences
should not unpickle 500,000 words)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from aligner_gui.core.lexicon import lexicon as lexmod
from aligner_gui.core.lexicon.cache import CACHE_NAME
from aligner_gui.core.lexicon.jieba_tables import TAGS_NAME, WORDS_NAME
from aligner_gui.core.lexicon.lazytable import LazyTable, read_meta, write_table
from aligner_gui.core.lexicon.lexicon import Lexicon


def test_lookups_answer_like_the_dict(tmp_path: Path) -> None:
    data = {"美国": 5, "美": 0, "条约": 7}
    path = tmp_path / "t.sqlite"
    assert write_table(path, data.items(), {"stamp": {"v": 1}, "total": 12})
    table = LazyTable.open(path, {"v": 1})
    assert table is not None and len(table) == 3 and table.meta["total"] == 12
    assert "美" in table and table["美"] == 0 and table.get("条约") == 7
    assert "俄罗斯" not in table and table.get("俄罗斯") is None and table.get("x", 1) == 1
    with pytest.raises(KeyError):
        table["俄罗斯"]
    assert dict(table.items()) == data


def test_a_stale_or_damaged_file_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    write_table(path, [("a", 1)], {"stamp": {"v": 1}})
    assert LazyTable.open(path, {"v": 2}) is None
    path.write_bytes(b"not a database at all")
    assert LazyTable.open(path, {"v": 1}) is None and read_meta(path) is None
    assert LazyTable.open(tmp_path / "absent.sqlite", {"v": 1}) is None


def test_many_lookups_switch_to_a_plain_dict(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    write_table(path, ((f"w{i}", i) for i in range(100)), {"stamp": 1})
    swapped: list[dict] = []
    table = LazyTable.open(path, 1, full_after=10, on_full=swapped.append)
    assert table is not None
    assert [table.get(f"w{i}") for i in range(30)] == list(range(30))
    assert len(swapped) == 1 and swapped[0]["w99"] == 99
    assert "w5" in table and "zzz" not in table


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    def items():
        yield ("a", 1)
        raise sqlite3.OperationalError("disk full")

    path = tmp_path / "t.sqlite"
    assert not write_table(path, items(), {"stamp": 1}, tmp_prefix=".x-")
    assert list(tmp_path.iterdir()) == []


def test_the_lexicon_reads_its_stores_on_demand_with_the_same_answers(tmp_path: Path) -> None:
    built = Lexicon.load(cache_dir=tmp_path)  # compiles, writes the JSON cache and the store
    words = ["条约", "美國", "特朗普", "奥布莱恩", "不存在词", "新裁武"]
    sentence = "美国总统唐纳德·特朗普与俄罗斯总统普京会晤。"
    expected = ([built.translations(w) for w in words], built.zh_tokens(sentence),
                built.gloss(sentence), built.is_proper_noun("伊朗"), "条约" in built)  # fmt: skip
    tagged = ("茅十八", "罗小四", "七长八短", "十禁十刑", "一人")
    tags = [built.zh_word_tag(w) for w in tagged]
    # jieba's word table is made for its tagger (the words themselves are cut by rjieba)
    assert (tmp_path / CACHE_NAME).is_file() and (tmp_path / WORDS_NAME).is_file()
    lazy = Lexicon.load(cache_dir=tmp_path)
    assert isinstance(lazy._entries, LazyTable)
    assert isinstance(lazy._tokenizer().FREQ, LazyTable)
    got = ([lazy.translations(w) for w in words], lazy.zh_tokens(sentence),
           lazy.gloss(sentence), lazy.is_proper_noun("伊朗"), "条约" in lazy)  # fmt: skip
    assert got == expected
    assert lazy.vocabulary() == built.vocabulary()
    assert [lazy.zh_word_tag(w) for w in tagged] == tags
    assert (tmp_path / TAGS_NAME).is_file()
    lazy.expect_text(10 * lexmod._LOOKUPS_WORTH_A_FULL_READ)  # a long text: whole dictionary
    assert isinstance(lazy._entries, dict)
    # jieba's own word table serves only the part-of-speech tagger, a few words a document
    assert isinstance(lazy._tokenizer().FREQ, LazyTable)
    assert lazy.zh_tokens(sentence) == expected[1]


def test_jiebas_tables_are_made_when_its_tagger_is_first_asked(tmp_path: Path) -> None:
    """A first run compiles CC-CEDICT and cuts words without jieba's own tables (rjieba
    cuts); the first part-of-speech question makes them, and the next process reads
    them on demand with the same answers."""
    lexicon = Lexicon.load(cache_dir=tmp_path)
    assert lexicon.built
    assert lexicon.zh_tokens("美国和俄罗斯同意延长条约。")
    assert not (tmp_path / WORDS_NAME).exists() and not (tmp_path / TAGS_NAME).exists()
    tags = [lexicon.zh_word_tag(w) for w in ("茅十八", "罗小四", "七长八短")]
    assert tags == ["nr", "nr", "i"]
    assert (tmp_path / WORDS_NAME).is_file() and (tmp_path / TAGS_NAME).is_file()
    again = Lexicon.load(cache_dir=tmp_path)
    assert isinstance(again._tokenizer().FREQ, LazyTable)
    assert [again.zh_word_tag(w) for w in ("茅十八", "罗小四", "七长八短")] == tags


def test_lookups_from_several_threads_agree_while_the_table_is_read_whole(tmp_path: Path) -> None:
    """The window looks words up on its thread while an alignment runs on another: the
    answers stay right when one of them makes the table read whole mid-way."""
    import threading

    data = {f"w{i}": i for i in range(3000)}
    path = tmp_path / "t.sqlite"
    write_table(path, data.items(), {"stamp": 1})
    table = LazyTable.open(path, 1, full_after=500)
    assert table is not None
    errors: list[str] = []

    def look(offset: int) -> None:
        for i in range(offset, 3000, 3):
            if table.get(f"w{i}") != i or f"x{i}" in table:
                errors.append(f"w{i}")

    threads = [threading.Thread(target=look, args=(k,)) for k in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert table._full is not None  # the many lookups switched it to a plain dict


def test_per_word_caches_stay_bounded(tmp_path: Path, monkeypatch) -> None:
    """A long-lived process (the window, a batch worker) must not grow without bound."""
    monkeypatch.setattr(lexmod, "_WORD_CACHE_LIMIT", 50)
    source = tmp_path / "cedict.u8"
    source.write_text("條約 条约 [tiao2 yue1] /treaty/pact/\n", encoding="utf-8")
    lexicon = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    for i in range(200):
        lexicon.en_stem(f"word{i}s")
        lexicon.translations(f"词{i}")
    tables = lexicon.memo_tables()
    assert 0 < len(tables["stems"]) <= 50 and 0 < len(tables["translations"]) <= 50
    assert lexicon.en_stem("treaties") == "treati"
