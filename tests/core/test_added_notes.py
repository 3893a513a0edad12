"""A note the translation adds as a paragraph of its own (（编者注：…）) is an addition of
its own bead, classed "editor-note": a low risk and a neutral suggestion, not an error."""

from __future__ import annotations

from pathlib import Path

from aligner_gui.core.offers import suggestions
from aligner_gui.core.pipeline import align_document, load_document

ZH = """中国11月出口增长放缓

海关总署周六公布的数据显示，中国11月出口同比增长1.5%，低于10月的12.7%。

进口同比下降3.9%。11月贸易顺差为971.7亿美元。

（编者注：本文数据均以美元计价。）

分析师表示，外需疲软和高基数效应是出口放缓的主要原因。
"""
EN = """China's November export growth slows

China's exports grew 1.5% year-on-year in November, customs data showed on Saturday, \
slowing from 12.7% in October.

Imports fell 3.9%. The trade surplus was $97.17 billion in November.

Analysts said weak external demand and a high base effect were the main reasons for the slowdown.
"""


def test_a_note_the_translation_adds_is_an_addition_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(ZH, encoding="utf-8")
    doc = align_document(load_document([tmp_path / "a.en.txt", tmp_path / "a.zh.txt"]))
    note = next(k for k, s in enumerate(doc.target.sentences) if "编者注" in s.text)
    [bead] = [b for b in doc.beads if note in b.target]
    assert not bead.source and list(bead.target) == [note]  # not glued to the analysts' line
    assert bead.flags == ["addition", "editor-note"] and bead.details["class"] == "editor-note"
    assert bead.risk is not None and bead.risk <= 0.2
    analysts = next(b for b in doc.beads if any("Analysts" in doc.source.sentences[i].text
                                                 for i in b.source))
    assert len(analysts.target) == 1
    [offer] = [s for s in suggestions(doc) if doc.beads[s.bead] is bead]
    assert offer.annotation.severity == "neutral" and offer.annotation.tags == ["editor-note"]


def test_a_web_page_s_source_line_and_share_buttons_are_furniture(tmp_path: Path) -> None:
    """A Chinese page copied with its date-and-source line and share buttons: each is an
    addition of its own, classed byline / more-link, with a low risk and no number
    mismatch for the date glued into the first sentence."""
    zh = ZH.replace("海关总署周六", "2024-12-06 10:23 来源：新华网 作者：张三\n\n海关总署周六", 1)
    zh += "\n分享到：微信 微博 QQ空间\n"
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(zh, encoding="utf-8")
    doc = align_document(load_document([tmp_path / "a.en.txt", tmp_path / "a.zh.txt"]))
    found = {doc.target.span_text(b.target): b for b in doc.beads if not b.source}
    line = found["2024-12-06 10:23 来源：新华网 作者：张三"]
    share = found["分享到：微信 微博 QQ空间"]
    assert line.flags == ["addition", "byline"] and share.flags == ["addition", "more-link"]
    assert line.risk is not None and line.risk <= 0.1 and share.risk is not None
    assert not any("number-mismatch" in b.flags for b in doc.beads)


def test_a_chinese_original_s_own_furniture_left_out_is_no_content_omission(
    tmp_path: Path,
) -> None:
    """The same page as the original: an English translation that leaves out its source
    line and share buttons has omitted furniture (byline / more-link, low risk), not two
    sentences of content at risk 0.9; the last paragraph it leaves out is content."""
    zh = ZH.replace("海关总署周六", "2024-12-06 10:23 来源：新华网 作者：张三\n\n海关总署周六", 1)
    zh = zh.replace("（编者注：本文数据均以美元计价。）\n\n", "") + "\n分享到：微信 微博 QQ空间\n"
    en = EN[: EN.index("Analysts said")]
    (tmp_path / "a.en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(zh, encoding="utf-8")
    doc = align_document(load_document([tmp_path / "a.zh.txt", tmp_path / "a.en.txt"],
                                       source_lang="zh"))
    found = {doc.source.span_text(b.source): b for b in doc.beads if not b.target}
    line = found["2024-12-06 10:23 来源：新华网 作者：张三"]
    share = found["分享到：微信 微博 QQ空间"]
    assert line.flags == ["omission", "byline"] and share.flags == ["omission", "more-link"]
    assert line.risk is not None and line.risk <= 0.1 and share.risk is not None
    assert all(len(b.source) == 1 for b in doc.beads)  # nothing glued to the furniture
    dropped = found["分析师表示，外需疲软和高基数效应是出口放缓的主要原因。"]
    assert dropped.flags == ["omission", "content"] and dropped.risk == 0.9


def test_an_english_paragraph_left_out_is_not_paired_with_the_share_line(
    tmp_path: Path,
) -> None:
    """A translation page that lost the article's last paragraph and ends with share
    buttons: the English paragraph is an omission and the share line an addition of the
    page's own, not a pair (the share line translates nothing)."""
    zh = ZH.replace("（编者注：本文数据均以美元计价。）\n\n", "")
    zh = zh[: zh.index("分析师")] + "\n分享到：微信 微博 QQ空间\n"
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(zh, encoding="utf-8")
    doc = align_document(load_document([tmp_path / "a.en.txt", tmp_path / "a.zh.txt"]))
    last, share = doc.beads[-2:]
    assert doc.source.span_text(last.source).startswith("Analysts said") and not last.target
    assert last.flags == ["omission", "content"]
    assert not share.source and share.flags == ["addition", "more-link"]
