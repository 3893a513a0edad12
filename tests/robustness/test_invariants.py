"""Engine invariants on random texts (hypothesis): segmentation, alignment, scoring.

Texts mix real-ish English and Chinese words, punctuation, numbers, abbreviations,
odd unicode (emoji, combining marks, bidi controls, astral Han), very long sentences
and mixed scripts. For every generated pair: sentences slice back out of the text,
beads are in order and cover every sentence of both sides exactly once
(``AlignmentDocument.check``), re-alignment with random beads fixed keeps those beads
exactly, and scores stay in [0, 1].
"""

from __future__ import annotations

import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner_gui.core.align.aligner import align_sides
from aligner_gui.core.edits import realign_range, splice_realigned
from aligner_gui.core.model import AlignmentDocument, Bead, Side
from aligner_gui.core.scoring.scores import score_beads
from aligner_gui.core.text.segment import segment

# ALIGNER_FUZZ_SCALE=20 multiplies the example counts for a long run by hand.
SCALE = max(1, int(os.environ.get("ALIGNER_FUZZ_SCALE", "1")))
FAST = settings(
    max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
ALIGN = settings(
    max_examples=30 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

EN_WORDS = (
    "the a of and to in said on for with was is that by at from as it has its be will "
    "president Trump Russia China U.S. Mr. Dr. St. Inc. e.g. i.e. No. Jan. a.m. "
    "nuclear treaty arms deal agreement warheads verification minister officials "
    "market shares percent economy growth trade tariffs Beijing Washington Putin "
    "New START 2020 1,550 3.5 $4 billion 12% 1990s one-year co-operation don't it's"
).split()
ZH_WORDS = (
    "的 了 在 是 和 有 这 中国 美国 俄罗斯 总统 特朗普 普京 协议 条约 核 武器 军备 控制 "
    "双方 可能 会 将 表示 官员 经济 增长 贸易 关税 北京 华盛顿 百分之 亿 年 月 日 "
    "新 削减 战略 武器 条约 1550 2020 3.5 12% 一 两 三 十 百 千 万 周二 星期五 "
    "New START 特朗普政府 𠀀 𪚥 龘"
).split()
ODD = (
    "\U0001f600", "\U0001f4a9", "e\u0301", "\u202e", "\u200b", "\u200d", "\ufeff",
    "\u00a0", "\u3000", "\u2028", "ﬁ", "Ⅻ", "①", "½", "٣", "\u0000", "\x1f", "\t",
    "<script>", "&amp;", "\\", "\"", "'", "«", "»", "「", "」",
)
EN_END = (".", ".", ".", "!", "?", "...", "…", ".\"", "?'", ".)", ":", ";", "")
ZH_END = ("。", "。", "。", "！", "？", "；", "……", "。”", "？」", ".", "")
ZH_PUNCT = ("，", "、", "：", "“", "”", "（", "）", "《", "》", " ", "")


@st.composite
def en_sentence(draw, long: bool = False) -> str:
    n = draw(st.integers(1, 400 if long else 25))
    words = draw(st.lists(
        st.one_of(st.sampled_from(EN_WORDS), st.sampled_from(ZH_WORDS[:10]),
                  st.sampled_from(ODD), st.text(min_size=1, max_size=8)),
        min_size=n, max_size=n,
    ))
    text = " ".join(words)
    return text[:1].upper() + text[1:] + draw(st.sampled_from(EN_END))


@st.composite
def zh_sentence(draw, long: bool = False) -> str:
    n = draw(st.integers(1, 600 if long else 30))
    parts = draw(st.lists(
        st.one_of(st.sampled_from(ZH_WORDS), st.sampled_from(ZH_PUNCT), st.sampled_from(ODD),
                  st.sampled_from(EN_WORDS[:20])),
        min_size=n, max_size=n,
    ))
    return "".join(parts) + draw(st.sampled_from(ZH_END))


@st.composite
def paragraph_text(draw, lang: str, max_paragraphs: int = 6) -> str:
    sentence = en_sentence if lang == "en" else zh_sentence
    paragraphs = []
    for _ in range(draw(st.integers(0, max_paragraphs))):
        long = draw(st.integers(0, 19)) == 0
        sentences = draw(st.lists(sentence(long=long), min_size=1, max_size=5))
        sep = " " if lang == "en" else draw(st.sampled_from(("", "", " ")))
        paragraphs.append(sep.join(sentences))
    joiner = draw(st.sampled_from(("\n", "\n", "\n\n", "\n \n")))
    return joiner.join(paragraphs)


def make_side(text: str, lang: str, role: str, presplit: bool = False) -> Side:
    return Side(lang, role, text, segment(text, lang, presplit))


def assert_sentences_valid(text: str, sentences) -> None:
    last_end = 0
    last_paragraph = 0
    for k, s in enumerate(sentences):
        assert s.id == k
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip(), repr(s.text)
        assert s.start >= last_end, "sentences overlap or are out of order"
        assert s.paragraph in (last_paragraph, last_paragraph + 1) or (k == 0 and s.paragraph == 0)
        last_end, last_paragraph = s.end, s.paragraph


def assert_alignment_valid(source: Side, target: Side, beads: list[Bead]) -> None:
    AlignmentDocument(source, target, beads).check()
    # check() covers order and exactly-once coverage; spell the rest out.
    for bead in beads:
        assert bead.source or bead.target
        for ids in (bead.source, bead.target):
            assert list(ids) == list(range(ids[0], ids[0] + len(ids))) if ids else True


# -- segmentation -----------------------------------------------------------------------


@FAST
@given(text=st.text(max_size=400), lang=st.sampled_from(("en", "zh")), presplit=st.booleans())
def test_segment_any_text(text, lang, presplit):
    assert_sentences_valid(text, segment(text, lang, presplit))


@FAST
@given(data=st.data(), lang=st.sampled_from(("en", "zh")), presplit=st.booleans())
def test_segment_news_like_text(data, lang, presplit):
    text = data.draw(paragraph_text(lang))
    sentences = segment(text, lang, presplit)
    assert_sentences_valid(text, sentences)
    # Every non-space character of the text is inside some sentence.
    covered = sum(len("".join(s.text.split())) for s in sentences)
    assert covered == len("".join(text.split()))


def test_segment_very_long_line_is_linear_enough():
    """A 2 MB single line (no sentence end) and a 2 MB line of short sentences."""
    import time

    for text, lang in (("word " * 400_000, "en"), ("中文句子。" * 400_000, "zh")):
        start = time.perf_counter()
        sentences = segment(text, lang)
        assert time.perf_counter() - start < 20
        assert sentences and sentences[-1].end <= len(text)
        assert sentences[0].text == text[sentences[0].start : sentences[0].end]


# -- alignment --------------------------------------------------------------------------


@ALIGN
@given(data=st.data(), source_lang=st.sampled_from(("en", "zh")))
def test_alignment_invariants(lexicon, data, source_lang):
    target_lang = "zh" if source_lang == "en" else "en"
    source = make_side(data.draw(paragraph_text(source_lang), "source"), source_lang, "original")
    target = make_side(data.draw(paragraph_text(target_lang), "target"), target_lang,
                       "translation")
    beads = align_sides(source, target, lexicon)
    assert_alignment_valid(source, target, beads)
    assert all(b.status == "auto" for b in beads)

    score_beads(source, target, beads, lexicon)
    assert_alignment_valid(source, target, beads)
    for bead in beads:
        assert bead.score is None or (math.isfinite(bead.score) and 0 <= bead.score <= 1), bead
        assert all(isinstance(flag, str) for flag in bead.flags)

    if not beads:
        return
    # Re-alignment with a random subset fixed keeps those beads exactly.
    chosen = data.draw(st.lists(st.integers(0, len(beads) - 1), unique=True, max_size=len(beads)),
                       "fixed")
    fixed = []
    for k in sorted(chosen):
        bead = beads[k].copy()
        bead.status = "confirmed"
        fixed.append(bead)
    again = align_sides(source, target, lexicon, fixed=fixed)
    assert_alignment_valid(source, target, again)
    def key(b: Bead) -> tuple:
        return (b.source, b.target, b.status, b.score, b.flags)

    kept = [key(b) for b in again if b.status == "confirmed"]
    wanted = [key(b) for b in fixed]
    # In the order given, neighbouring one-sided fixed beads included.
    assert kept == wanted


@ALIGN
@given(data=st.data())
def test_realign_range_keeps_confirmed_beads(lexicon, data):
    """The GUI's "re-align from here": splice a fresh alignment into a bead range."""
    source = make_side(data.draw(paragraph_text("en", 4), "source"), "en", "original")
    target = make_side(data.draw(paragraph_text("zh", 4), "target"), "zh", "translation")
    beads = align_sides(source, target, lexicon)
    if not beads:
        return
    confirmed = data.draw(st.sets(st.integers(0, len(beads) - 1)), "confirmed")
    for k in confirmed:
        beads[k].status = "confirmed"
    doc = AlignmentDocument(source, target, beads)
    selected = data.draw(st.one_of(st.none(), st.integers(0, len(beads) - 1)), "selected")
    from aligner_gui.core.edits import EditError

    try:
        start, stop = realign_range(doc.beads, selected)
    except EditError:
        return
    fixed = [b for b in doc.beads if b.status == "confirmed"]
    fresh = align_sides(source, target, lexicon, fixed=fixed)
    before = [(b.source, b.target) for b in doc.beads if b.status == "confirmed"]
    splice_realigned(doc.beads, start, stop, fresh).apply(doc)
    doc.check()
    assert [(b.source, b.target) for b in doc.beads if b.status == "confirmed"] == before


@pytest.mark.parametrize("source_lang", ["en", "zh"])
def test_fixed_one_sided_beads_keep_their_order(lexicon, source_lang):
    texts = {"en": "Xq.", "zh": "中。"}
    target_lang = "zh" if source_lang == "en" else "en"
    source = make_side(texts[source_lang], source_lang, "original")
    target = make_side(texts[target_lang], target_lang, "translation")
    for order in (((0,), ()), ((), (0,))), (((), (0,)), ((0,), ())):
        fixed = [Bead(s, t, None, "confirmed") for s, t in order]
        again = align_sides(source, target, lexicon, fixed=fixed)
        assert [(b.source, b.target) for b in again] == list(order)


def test_one_side_empty(lexicon):
    source = make_side("Only English here. Nothing else.", "en", "original")
    target = make_side("   \n\n  ", "zh", "translation")
    beads = align_sides(source, target, lexicon)
    assert_alignment_valid(source, target, beads)
    assert all(not b.target for b in beads)
    score_beads(source, target, beads, lexicon)
    assert all(b.score is None or 0 <= b.score <= 1 for b in beads)


def test_long_single_sentence_aligns(lexicon):
    """One 200 kB sentence against a few Chinese ones: aligned, covered, bounded time."""
    import time

    source = make_side("nuclear treaty talks " * 10_000 + "end.", "en", "original")
    target = make_side("核条约谈判。" * 50, "zh", "translation")
    start = time.perf_counter()
    beads = align_sides(source, target, lexicon)
    score_beads(source, target, beads, lexicon)
    assert time.perf_counter() - start < 30
    assert_alignment_valid(source, target, beads)


@pytest.mark.parametrize("source_lang", ["en", "zh"])
def test_presplit_sides_align(lexicon, source_lang):
    en = "First one.\nSecond one.\n\nThird, new paragraph."
    zh = "第一句。\n第二句。\n\n第三句，新段落。"
    texts = {"en": en, "zh": zh}
    target_lang = "zh" if source_lang == "en" else "en"
    source = make_side(texts[source_lang], source_lang, "original", presplit=True)
    target = make_side(texts[target_lang], target_lang, "translation", presplit=True)
    assert_sentences_valid(source.text, source.sentences)
    beads = align_sides(source, target, lexicon)
    assert_alignment_valid(source, target, beads)


# -- annotations when the text was edited outside aligner-gui ---------------------------


@ALIGN
@given(data=st.data())
def test_annotations_survive_outside_edits(seed_doc, data):
    """Text edited outside (insertions, deletions): on loading, every annotation is kept,
    either on an exact occurrence of its words or listed as an orphan; an annotation whose
    words are still in the text exactly once is found there."""
    from aligner_gui.core.model import Annotation
    from aligner_gui.io.project import from_dict, to_dict

    doc = seed_doc
    for k in range(data.draw(st.integers(1, 6), "extra annotations")):
        side_name = data.draw(st.sampled_from(("source", "target")))
        text = doc.side(side_name).text
        start = data.draw(st.integers(0, max(0, len(text) - 1)))
        end = min(len(text), start + data.draw(st.integers(0, 25)))
        doc.add_annotation(Annotation("other", side_name, start, end, text[start:end],
                                      "Other", comment=f"n{k}"))
    saved = to_dict(doc)
    for side_name in ("source", "target"):
        text = saved[side_name]["text"]
        for _ in range(data.draw(st.integers(0, 4))):
            at = data.draw(st.integers(0, len(text)))
            if data.draw(st.booleans()):
                text = text[:at] + data.draw(st.text(max_size=30)) + text[at:]
            else:
                text = text[:at] + text[at + data.draw(st.integers(0, 40)) :]
        lang = saved[side_name]["lang"]
        sentences = segment(text, lang)
        saved[side_name]["text"] = text
        saved[side_name]["sentences"] = [
            {"id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end,
             "text": s.text} for s in sentences
        ]
    saved["beads"] = [{"source": [i], "target": []} for i in range(len(
        saved["source"]["sentences"]))] + [{"source": [], "target": [j]} for j in range(len(
            saved["target"]["sentences"]))]
    loaded = from_dict(saved)
    assert [a.id for a in loaded.annotations] == [a["id"] for a in saved["annotations"]]
    for annotation in loaded.annotations:
        text = loaded.side(annotation.side).text
        assert 0 <= annotation.start <= annotation.end <= len(text)
        if annotation.extra.get("orphan"):
            if annotation.text:
                assert text.count(annotation.text) == 0, annotation
        else:
            assert text[annotation.start : annotation.end] == annotation.text
