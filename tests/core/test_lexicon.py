"""The lexicon: CEDICT lookups, tokenisation, content words, gloss and the cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from aligner_gui.core.lexicon import cache as lexcache
from aligner_gui.core.lexicon import cedict, lazytable
from aligner_gui.core.lexicon.cache import CACHE_NAME, FORMAT_VERSION
from aligner_gui.core.lexicon.lazytable import read_meta
from aligner_gui.core.lexicon.lexicon import Lexicon


@pytest.fixture(scope="module")
def lex(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    return Lexicon.load(cache_dir=tmp_path_factory.mktemp("lexcache"))


@pytest.mark.parametrize(
    ("word", "stems"),
    [
        ("美国", {"america", "usa"}),
        ("核", {"nuclear"}),
        ("条约", {"treati"}),
        ("延长", {"extend", "prolong"}),
        ("冻结", {"freez"}),
        ("协议", {"agreement"}),
        ("俄罗斯", {"russia"}),
        ("弹头", {"warhead"}),
        ("總統", {"presid"}),  # traditional headword
        ("特朗普", {"trump"}),
        # news renderings CC-CEDICT lacks (the supplement, from a false-alarm hunt)
        ("收跌", {"close", "lower"}),  # a word CC-CEDICT does not have at all
        ("假释", {"releas", "licens"}),  # UK "release on licence"
        ("抛售", {"selloff"}),
        ("凯尔特人", {"celtic"}),
    ],
)
def test_dictionary_lookups(lex: Lexicon, word: str, stems: set[str]) -> None:
    assert stems <= lex.translations(word)


def test_translations_are_content_stems(lex: Lexicon) -> None:
    t = lex.translations("延长")
    assert "to" not in t
    assert "yanchang" not in t  # the county entry does not compete with the verb
    assert not any(s.startswith("cl") for s in lex.translations("协议"))


def test_unknown_word_backs_off_to_longest_subwords(lex: Lexicon) -> None:
    assert "冻结协议" not in lex
    assert {"freez", "agreement"} <= lex.translations("冻结协议")


def test_numbers_become_tokens(lex: Lexicon) -> None:
    assert "#1550" in lex.translations("1550")
    assert "#1550" in lex.translations("一千五百五十")
    assert "#1550" in lex.en_content("limits of 1,550 warheads")


def test_en_tokens(lex: Lexicon) -> None:
    assert lex.en_tokens("Trump’s arms-control “deal” isn't done") == [
        "trump", "arms", "control", "deal", "isn't", "done",
    ]  # fmt: skip
    assert lex.en_tokens("The U.S. and the US") == ["the", "usa", "and", "the", "usa"]
    assert lex.en_stem("extended") == "extend"
    assert lex.is_stopword_en("The") and not lex.is_stopword_en("treaty")
    assert lex.is_stopword_zh("的") and not lex.is_stopword_zh("条约")


def test_zh_tokens_precise_mode(lex: Lexicon) -> None:
    assert lex.zh_tokens("美国和俄罗斯") == ["美国", "和", "俄罗斯"]


def test_content_words_meet(lex: Lexicon) -> None:
    zh = (
        "美国和俄罗斯双方正朝着延长两国间最后一个主要核军备控制条约并冻结两国核武库一年的协议迈进。"
    )
    en = (
        "The U.S. and Russia are moving toward an agreement to extend their last major "
        "nuclear arms control treaty and freeze their nuclear arsenals for one year."
    )
    zc = lex.zh_content(zh)
    words = [w for w, _ in zc]
    assert "的" not in words and "。" not in words
    ec = set(lex.en_content(en))
    met = [w for w, stems in zc if stems & ec]
    for w in ("美国", "俄罗斯", "延长", "条约", "冻结", "协议", "最后", "主要", "控制"):
        assert w in met, w
    assert "#1" in ec


def test_gloss_of_seed_sentence(lex: Lexicon) -> None:
    zh = "2010年的条约限制双方拥有1550枚战略核弹头,并包括现场视察和数据共享等核查措施。"
    g = lex.gloss(zh)
    for word in ("treaty", "1550", "2010", "nuclear", "strateg"):
        assert word in g, (word, g)
    assert "classifier" not in g


def test_names_meet_by_key(lex: Lexicon) -> None:
    en = set(lex.en_content("said Robert O'Brien and Morgan Ortagus and Marshall Billingslea"))
    for zh in ("奥布莱恩", "摩根", "奥尔塔格斯", "比林斯利", "罗伯特", "马歇尔"):
        assert lex.translations(zh) & en, zh


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("国内生产总值增长5.2%", "GDP grew 5.2%"),
        ("国际货币基金组织表示", "the IMF said"),
        ("人工智能的需求", "demand for AI"),
        ("联合国秘书长", "the UN secretary-general"),
        ("美联储加息", "the Fed raised rates"),
    ],
)
def test_acronyms_meet_their_chinese(lex: Lexicon, zh: str, en: str) -> None:
    """CEDICT's "gross domestic product (GDP)": news English writes the acronym alone."""
    acronym = next(w for w in en.split() if w[:1].isupper())
    keys = set(lex.en_content(acronym))
    assert any(stems & keys for _w, stems in lex.zh_content(zh)), (zh, acronym)


def test_cache_is_written_and_reused(tmp_path: Path) -> None:
    first = Lexicon.load(cache_dir=tmp_path)
    assert first.built
    meta = read_meta(tmp_path / CACHE_NAME)
    assert meta is not None and meta["stamp"]["version"] == lexcache.FORMAT_VERSION
    assert not list(tmp_path.glob("cedict-*.json"))  # one file: no JSON copy since version 7
    second = Lexicon.load(cache_dir=tmp_path)
    assert not second.built
    assert second.translations("条约") == first.translations("条约")


def test_cache_rebuilt_when_source_changes(tmp_path: Path) -> None:
    source = tmp_path / "cedict.u8"
    source.write_text(
        "# test\n條約 条约 [tiao2 yue1] /treaty/pact/CL:個|个[ge4]/\n", encoding="utf-8"
    )
    a = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert a.built and a.translations("条约") == {"treati", "pact"}
    assert not Lexicon.load(cache_dir=tmp_path / "c", source=source).built
    source.write_text("# test\n條約 条约 [tiao2 yue1] /treaty/convention/\n", encoding="utf-8")
    os.utime(source, ns=(1, 10**18))  # a new mtime even on coarse clocks
    b = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert b.built and b.translations("条约") == {"treati", "convent"}


def test_old_format_caches_are_removed(tmp_path: Path) -> None:
    source = tmp_path / "cedict.u8"
    source.write_text("核 核 [he2] /nuclear/\n", encoding="utf-8")
    (tmp_path / "c").mkdir()
    stale = [tmp_path / "c" / "cedict-v0.json", tmp_path / "c" / "cedict-v6.json",
             tmp_path / "c" / "cedict-v6.sqlite"]
    for old in stale:
        old.write_text("{}", encoding="utf-8")
    newer = tmp_path / "c" / f"cedict-v{FORMAT_VERSION + 1}.sqlite"  # another install's
    newer.write_text("{}", encoding="utf-8")
    Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert not [old for old in stale if old.exists()] and (tmp_path / "c" / CACHE_NAME).exists()
    assert newer.exists()


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    source = tmp_path / "cedict.u8"
    source.write_text("冻结 冻结 [dong4 jie2] /to freeze/\n", encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / CACHE_NAME).write_text("not an SQLite file", encoding="utf-8")
    lex = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert lex.built and lex.translations("冻结") == {"freez"}
    assert not Lexicon.load(cache_dir=tmp_path / "c", source=source).built


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_dir_falls_back_to_memory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        lex = Lexicon.load(cache_dir=locked / "sub")
        assert lex.built and lex.cache_file is None
        assert "nuclear" in lex.translations("核")
    finally:
        locked.chmod(0o700)


def test_cache_dir_that_is_a_file_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    source = tmp_path / "cedict.u8"
    source.write_text("核 核 [he2] /nuclear/\n", encoding="utf-8")
    lex = Lexicon.load(cache_dir=blocker / "sub", source=source)
    assert lex.built and lex.cache_file is None
    assert lex.translations("核") == {"nuclear"}
    assert lex.zh_tokens("核武器") != []  # jieba falls back to the temp dir


def test_unwritable_cache_dir_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes refused (read-only mount, quota): compile in memory, jieba in the temp dir."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    source = tmp_path / "cedict.u8"
    source.write_text("条约 条约 [tiao2 yue1] /treaty/\n", encoding="utf-8")
    monkeypatch.setattr(lazytable.tempfile, "mkstemp", refuse)
    monkeypatch.setattr(lexcache.os, "access", lambda *a, **k: False)
    lex = Lexicon.load(cache_dir=tmp_path / "ro", source=source)
    assert lex.built and lex.cache_file is None
    assert not (tmp_path / "ro" / CACHE_NAME).exists()
    assert lex.translations("条约") == {"treati"}
    assert lex._jieba_dir is None


def test_default_cache_dir_is_the_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    assert lexcache.default_cache_dir() == Path(platformdirs.user_cache_dir("aligner-gui"))


def test_latin_words_inside_chinese(lex: Lexicon) -> None:
    zc = dict(lex.zh_content("特朗普的国家安全顾问罗伯特·奥布莱恩(Robert O'Brien)"))
    assert "robert" in zc["Robert"]
    en = set(lex.en_content("national security adviser Robert O'Brien"))
    assert zc["奥布莱恩"] & en and zc["罗伯特"] & en


def test_full_width_latin_and_digits_are_words(lex: Lexicon) -> None:
    """GB-era text writes Ｍａｔｅ ７０ and ５．５％: they are cut as whole words (jieba alone
    cuts them into single characters), cut from the original text, and meet the English."""
    text = "华为发布了Ｍａｔｅ　７０系列手机，与ｉＰｈｏｎｅ竞争，涨幅为５．５％"
    tokens = lex.zh_tokens(text)
    assert {"Ｍａｔｅ", "７０", "ｉＰｈｏｎｅ", "５．５％"} <= set(tokens)
    zc = dict(lex.zh_content(text))
    en = set(lex.en_content("Huawei launched its Mate 70 series to compete with the iPhone"))
    assert zc["Ｍａｔｅ"] & en and zc["ｉＰｈｏｎｅ"] & en and "#70" in zc["７０"]
    assert lex.zh_tokens("华为发布了Mate 70系列") == ["华为", "发布", "了", "Mate", "70", "系列"]


def test_verb_and_complement_keeps_the_verb(lex: Lexicon) -> None:
    """搬走 is only "carry" to CC-CEDICT; "moved away" renders it: a verb + complement word
    that the dictionary glosses with one stem also gets the verb's first sense. Words the
    dictionary glosses well keep their own (出来 is not "go out")."""
    assert lex.en_stem("moved") in lex.translations("搬走")
    assert "carri" in lex.translations("搬走")
    assert lex.translations("出来") >= {"come", "appear"} and "go" not in lex.translations("出来")


def test_chinese_names_in_pinyin(lex: Lexicon) -> None:
    en = set(lex.en_content("That year Chen Qingyang was twenty-six."))
    zc = dict(lex.zh_content("陈清扬当时二十六岁"))
    assert "#26" in en and "#26" in zc["二十六岁"] | zc.get("二十六", frozenset())
    assert {"chen", "qingyang"} & (zc.get("陈清扬", frozenset()) | zc.get("清扬", frozenset()))


def test_irregular_english_forms(lex: Lexicon) -> None:
    assert lex.en_stem("went") == lex.en_stem("go")
    assert "go" in lex.translations("去") and "go" in lex.en_content("She went home.")
    assert {"egyptian"} <= lex.translations("埃及")


def test_british_spellings_meet_the_dictionarys_american_glosses(lex: Lexicon) -> None:
    # CC-CEDICT glosses 轮胎 "tire", 分析 "to analyze", 颜色 "color": a Hong Kong or
    # British-spelled translation ("tyre", "analysed", "colour") must meet them.
    assert lex.en_stem("tyre") == lex.en_stem("tire") and "tire" in lex.translations("轮胎")
    assert lex.en_stem("analysed") in lex.translations("分析")
    assert lex.en_stem("colours") in lex.translations("颜色")
    assert lex.en_stem("learnt") == lex.en_stem("learn")
    assert {"tire", "pressur"} <= set(lex.en_content("Check tyre pressure."))


def test_gloss_senses_numbers_and_measure_words(lex: Lexicon) -> None:
    zh = "条约限制双方拥有1550枚战略核弹头"
    two = lex.gloss(zh)
    one = lex.gloss(zh, senses=1)
    assert "treaty pact" in two and "treaty" in one and "pact" not in one
    assert "1550" in one and "trunk" not in one  # 枚 after a number is a measure word
    words = [w for w, _ in lex.zh_content(zh)]
    assert "1550" in words and "枚" not in words


def test_cache_rebuilt_when_the_builder_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "cedict.u8"
    source.write_text("核 核 [he2] /nuclear/\n", encoding="utf-8")
    assert Lexicon.load(cache_dir=tmp_path / "c", source=source).built
    assert not Lexicon.load(cache_dir=tmp_path / "c", source=source).built
    monkeypatch.setattr(lexcache, "_builder_digest", lambda: "edited")
    assert Lexicon.load(cache_dir=tmp_path / "c", source=source).built


def test_traditional_text_segments_like_simplified(lex: Lexicon) -> None:
    trad = (
        "美國和俄羅斯雙方正朝著延長兩國間最後一個主要核軍備控制條約並凍結兩國核武庫一年的協議邁進。"
    )
    tokens = lex.zh_tokens(trad)
    assert "".join(tokens) == trad  # tokens are cut from the original text
    for word in ("美國", "俄羅斯", "雙方", "延長", "條約", "凍結", "協議"):
        assert word in tokens, (word, tokens)
    zc = dict(lex.zh_content(trad))
    assert "america" in zc["美國"] and "freez" in zc["凍結"]
    assert lex.is_stopword_zh("這個") and lex.is_stopword_zh("們")


def test_simplified_text_is_not_converted(lex: Lexicon) -> None:
    # 乾 also occurs in simplified headwords (乾隆), so it is never rewritten.
    assert lex.zh_tokens("乾隆皇帝") == lex._tokenizer().lcut("乾隆皇帝")


def test_words_are_cut_as_jieba_cuts_them(lex: Lexicon) -> None:
    """The compiled segmenter (rjieba) stands in for jieba's precise mode: on the seed's
    Chinese lines it gives jieba's words, and traditional text is cut through its
    simplified form as before."""
    import jieba

    root = Path(__file__).resolve().parents[2]
    lines = [
        line.strip()
        for line in (root / "seeds" / "000_730210bb8f392e85.txt").read_text("utf-8").splitlines()
        if any("\u4e00" <= c <= "\u9fff" for c in line)
    ]
    assert len(lines) > 10
    for line in lines:
        assert lex.zh_cut(line) == jieba.lcut(line), line
    assert lex.zh_tokens("美國總統與俄羅斯總統") == ["美國", "總統", "與", "俄羅斯", "總統"]


def test_a_lone_surrogate_is_cut_as_one_character(lex: Lexicon) -> None:
    """A file read with surrogateescape keeps undecodable bytes as lone surrogates, which
    the segmenter cannot take as UTF-8: they are cut as single characters, in place."""
    assert lex.zh_tokens("坏\udfff字。美国") == ["坏", "\udfff", "字", "。", "美国"]
    assert lex.zh_cut("\ud800美国") == ["\ud800", "美国"]


def test_proper_noun_senses_keep_their_translation(lex: Lexicon) -> None:
    # "/United States/USA/US/": the demonym guesses must not push USA out.
    assert {"usa", "unit", "state"} <= lex.translations("美國")
    assert "geneva" in lex.translations("日内瓦")


def _small_source(tmp_path: Path) -> Path:
    source = tmp_path / "cedict.u8"
    source.write_text("核 核 [he2] /nuclear/\n", encoding="utf-8")
    return source


def test_stale_half_written_caches_are_removed(tmp_path: Path) -> None:
    """A process killed mid-write leaves .cedict-*.tmp: old ones or a dead writer's go."""
    import subprocess
    import sys

    cache = tmp_path / "c"
    cache.mkdir()
    old = cache / ".cedict-abc123.tmp"  # the old naming, no pid: age decides
    old.write_bytes(b"")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(dead.stdout)
    orphan = cache / f".cedict-{dead_pid}-xyz.tmp"  # fresh, but its writer has exited
    orphan.write_bytes(b"")
    own = cache / f".cedict-{os.getpid()}-live.tmp"  # being written right now: kept
    own.write_bytes(b"")
    recent = cache / ".cedict-recent.tmp"  # unknown writer, a minute old: kept
    recent.write_bytes(b"")
    source = _small_source(tmp_path)
    lex = Lexicon.load(cache_dir=cache, source=source)
    assert lex.built
    assert not old.exists()
    if os.name == "posix":
        assert not orphan.exists()
    assert own.exists() and recent.exists()
    assert (cache / CACHE_NAME).exists()
    assert not Lexicon.load(cache_dir=cache, source=source).built


def test_build_is_announced_and_cache_state_is_cheap_to_ask(tmp_path: Path) -> None:
    source = _small_source(tmp_path)
    cache = tmp_path / "c"
    assert not lexcache.cache_is_current(cache, source)
    announced: list[float] = []
    Lexicon.load(cache_dir=cache, source=source, building=announced.append)
    assert announced == [lexcache.BUILD_SECONDS]
    assert lexcache.cache_is_current(cache, source)
    Lexicon.load(cache_dir=cache, source=source, building=announced.append)
    assert announced == [lexcache.BUILD_SECONDS]  # read, not built: nothing announced
    os.utime(source, ns=(1, 10**18))
    assert not lexcache.cache_is_current(cache, source)


def test_compiling_the_dictionary_reports_its_progress(tmp_path: Path) -> None:
    """Issue 14: the first start's dictionary build shows real progress in the window."""
    source = tmp_path / "cedict.u8"
    source.write_text(
        "".join(f"詞{i} 词{i} [ci2] /word {i}/\n" for i in range(200)), encoding="utf-8"
    )
    seen: list[float] = []
    Lexicon.load(cache_dir=tmp_path / "c", source=source, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and seen[0] <= 0.1
    assert len(set(seen)) > 10  # steps during the compile, not just start and end
    seen.clear()
    Lexicon.load(cache_dir=tmp_path / "c", source=source, progress=seen.append)
    assert seen == []  # read from the cache: nothing to report


def test_caches_saved_in_background_are_there_for_the_next_load(tmp_path: Path) -> None:
    """A first run may leave the cache writes to a forked child (the CLI does): the next
    load in the process waits for them and reads the caches instead of compiling again."""
    source = tmp_path / "cedict.u8"
    source.write_text("條約 条约 [tiao2 yue1] /treaty/pact/\n核 核 [he2] /nuclear/\n",
                      encoding="utf-8")
    first = Lexicon.load(cache_dir=tmp_path / "c", source=source, save_in_background=True)
    assert first.built and first.translations("条约") == {"treati", "pact"}
    second = Lexicon.load(cache_dir=tmp_path / "c", source=source)  # waits for the writer
    assert not second.built
    assert second.translations("条约") == first.translations("条约")
    assert (tmp_path / "c" / CACHE_NAME).is_file()
    assert not list((tmp_path / "c").glob("*.tmp"))


def test_finish_saving_waits_for_the_writer(tmp_path: Path) -> None:
    from aligner_gui.core.lexicon.lexicon import finish_saving

    source = tmp_path / "cedict.u8"
    source.write_text("核 核 [he2] /nuclear/\n", encoding="utf-8")
    Lexicon.load(cache_dir=tmp_path / "c", source=source, save_in_background=True)
    finish_saving()
    assert lexcache.cache_is_current(tmp_path / "c", source)


def test_the_cache_keeps_the_traditional_table(tmp_path: Path) -> None:
    """A load from the cache still knows traditional characters: the compile's
    traditional -> simplified table is written with the entries; a lost cache is compiled
    again."""
    source = tmp_path / "cedict.u8"
    source.write_text("條約 条约 [tiao2 yue1] /treaty/\n國 国 [guo2] /country/\n", encoding="utf-8")
    first = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert first.built and first._t2s_pairs
    second = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert not second.built and second._t2s_pairs == first._t2s_pairs
    (tmp_path / "c" / CACHE_NAME).unlink()
    third = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert third.built and third._t2s_pairs == first._t2s_pairs


def test_a_fresh_compile_says_its_vocabulary(tmp_path: Path) -> None:
    """The compile collects every English stem of its entries as it goes (references,
    supplements and dropped demonym guesses included), so a first run does not split all
    entries again to find them; it is what the entries hold, and what a cached load finds."""
    source = tmp_path / "cedict.u8"
    source.write_text(
        "條約 条约 [tiao2 yue1] /treaty/pact/\n"
        "大 大 [da4] /big/see 大夫[dai4 fu5]/\n"
        "大夫 大夫 [dai4 fu5] /doctor/\n"
        "埃及 埃及 [Ai1 ji2] /Egypt/\n"
        "伊娃 伊娃 [Yi1 wa2] /Eva (name)/\n"
        "總統 总统 [zong3 tong3] /president (of a country)/\n",
        encoding="utf-8")
    entries = cedict.compile_cedict(source)
    said = entries.pop(cedict.VOCABULARY_KEY)
    entries.pop(cedict.T2S_KEY)
    assert frozenset(said.split()) == cedict.vocabulary_of(entries.values())
    assert {"treati", "doctor", "egypt", "presid"} <= set(said.split())
    assert "egyptian" not in said.split()  # a guess no CEDICT word confirms
    fresh = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert fresh.built and cedict.VOCABULARY_KEY not in fresh
    cached = Lexicon.load(cache_dir=tmp_path / "c", source=source)
    assert not cached.built and cached.vocabulary() == fresh.vocabulary()


def test_a_compile_split_over_two_processes_gives_the_same_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a second core the compile's second half is made by a forked child and merged:
    the entries, their order, the vocabulary and the dropped guesses (a guess is dropped
    only when no stem of either half confirms it) are those of a compile in one process.
    The halves are cut so that a reference (郎中 "see 大夫") and a guess's confirmation
    (Egypt's "egyptian" by 埃及人) lie in different halves."""
    from aligner_gui.core.lexicon.cache import cedict_path
    from aligner_gui.core.runtime import forked

    lines = [ln for ln in cedict_path().read_text(encoding="utf-8").splitlines()
             if not ln.startswith("#")][:3000]  # fmt: skip
    lines[:0] = ["郎中 郎中 [lang2 zhong1] /see 大夫[dai4 fu5]/", "埃及 埃及 [Ai1 ji2] /Egypt/",
                 "伊娃 伊娃 [Yi1 wa2] /Eva (name)/"]  # fmt: skip
    lines += ["大夫 大夫 [dai4 fu5] /doctor/", "埃及人 埃及人 [Ai1 ji2 ren2] /Egyptian (person)/"]
    source = tmp_path / "cedict.u8"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv(forked.ENV_PROCESSES, "1")
    serial = cedict.compile_cedict(source)
    monkeypatch.delenv(forked.ENV_PROCESSES)
    monkeypatch.setattr(cedict, "SPLIT_MIN", 100)
    # (other tests' threads may still be about: fork all the same, as test_lazytable does)
    monkeypatch.setattr(cedict, "can_fork", lambda: True)
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    forks: list[int] = []
    real_forked = cedict.Forked

    def counting(fn):  # type: ignore[no-untyped-def]
        job = real_forked(fn)
        forks.append(job.forked)
        return job

    monkeypatch.setattr(cedict, "Forked", counting)
    split = cedict.compile_cedict(source)
    assert forks == [True]
    assert list(split.items()) == list(serial.items())
    assert "doctor" in split["郎中"] and "egyptian" in split["埃及"].split("\t")[0].split()


def test_compiled_entries_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Demonym guesses (Egypt -> egyptian) keep their order whatever the process's string
    hash seed: the same CC-CEDICT always compiles to the same cache bytes."""
    import subprocess
    import sys

    source = tmp_path / "cedict.u8"
    source.write_text("伊娃 伊娃 [Yi1 wa2] /Eva (name)/\n依云 依云 [Yi1 yun2] /Evian/\n"
                      "埃文 埃文 [Ai1 wen2] /Evan/\n埃文斯 埃文斯 [Ai1 wen2 si1] /Evans/\n",
                      encoding="utf-8")  # Eva's guesses evan, evian, evans are words here
    script = ("import sys; from pathlib import Path; "
              "from aligner_gui.core.lexicon.cedict import compile_cedict; "
              "e = compile_cedict(Path(sys.argv[1])); print(e['伊娃'])")
    outputs = {
        subprocess.run([sys.executable, "-c", script, str(source)], capture_output=True,
                       text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed},
                       encoding="utf-8").stdout
        for seed in ("1", "2", "3", "4", "5", "6")
    }
    assert len(outputs) == 1, outputs


def test_a_first_run_gives_its_helper_more_to_prepare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``also`` runs in the child that makes jieba's tables on a first run (when a child can
    be forked), and the load returns after it; a cached load runs nothing."""
    import aligner_gui.core.lexicon.lexicon as lexmod
    from aligner_gui.core.runtime import forked

    if not forked.second_core():
        pytest.skip("one CPU: no helper")
    # (other tests' threads may still be about: fork all the same, as test_lazytable does)
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(lexmod, "can_fork", lambda: True)
    source = tmp_path / "cedict.u8"
    source.write_text("核 核 [he2] /nuclear/\n", encoding="utf-8")
    marker = tmp_path / "prepared"
    parent = os.getpid()

    def also() -> None:
        marker.write_text(str(os.getpid()), encoding="utf-8")

    Lexicon.load(cache_dir=tmp_path / "c", source=source, also=also)
    assert int(marker.read_text(encoding="utf-8")) != parent  # made in the helper
    marker.unlink()
    Lexicon.load(cache_dir=tmp_path / "c", source=source, also=also)
    assert not marker.exists()


def test_without_rjieba_jieba_cuts_the_same_words(lex: Lexicon, monkeypatch) -> None:
    """On a platform rjieba has no wheel for, jieba's own cut stands in (slower)."""
    import sys

    from aligner_gui.core.lexicon import segment

    line = "美国总统唐纳德·特朗普与俄罗斯总统普京会晤，这将球扔回美国法院。"
    expected = lex.zh_cut(line)
    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba raises ImportError
    segment._segmenter.cache_clear()
    try:
        assert type(segment._segmenter()).__name__ == "_JiebaCut"
        assert segment.cut(line, line) == expected
    finally:
        segment._segmenter.cache_clear()
