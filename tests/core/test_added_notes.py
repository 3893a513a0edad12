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
