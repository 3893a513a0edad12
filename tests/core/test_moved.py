"""A sentence the translator moved is an omission where it stood and an addition where it
went (beads cannot cross); the two are paired back as "moved", not reported as lost."""

from __future__ import annotations

from pathlib import Path

from aligner_gui.core.model import MOVED_KEY
from aligner_gui.core.offers import suggestions
from aligner_gui.core.pipeline import align_document, load_document

EN = """Measures on Security Assessment of Outbound Data Transfers

Article 1 These Measures are formulated in order to regulate outbound data transfer \
activities, protect the rights and interests of personal information, safeguard national \
security and the social public interest, and promote the secure and free cross-border flow \
of data.

Article 2 These Measures apply to the security assessment of important data and personal \
information collected and generated during operations within the territory and provided \
abroad by data handlers.

Article 3 The security assessment of outbound data transfers shall combine prior assessment \
with continuous supervision, so as to prevent security risks of outbound data transfers.

Article 4 A data handler that provides important data abroad shall declare a security \
assessment to the national cyberspace administration.
"""
ZH_MOVED = """数据出境安全评估办法

第二条 数据处理者向境外提供在境内运营中收集和产生的重要数据和个人信息的安全评估，适用本办法。

第三条 数据出境安全评估坚持事前评估和持续监督相结合，防范数据出境安全风险。

第四条 数据处理者向境外提供重要数据的，应当向国家网信部门申报数据出境安全评估。

第一条 为了规范数据出境活动，保护个人信息权益，维护国家安全和社会公共利益，\
促进数据跨境安全、自由流动，制定本办法。
"""


def _aligned(tmp_path: Path, zh: str) -> object:
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(zh, encoding="utf-8")
    return align_document(load_document([tmp_path / "a.en.txt", tmp_path / "a.zh.txt"]))


def test_a_moved_sentence_is_paired_back(tmp_path: Path) -> None:
    doc = _aligned(tmp_path, ZH_MOVED)
    omitted = [k for k, b in enumerate(doc.beads) if b.source and not b.target]
    added = [k for k, b in enumerate(doc.beads) if b.target and not b.source]
    assert len(omitted) == len(added) == 1
    o, a = omitted[0], added[0]
    assert "Article 1" in doc.source.span_text(doc.beads[o].source)
    assert doc.beads[o].details[MOVED_KEY]["bead"] == a
    assert doc.beads[a].details[MOVED_KEY]["bead"] == o
    assert doc.beads[o].risk == doc.beads[a].risk == 0.1  # not a Major omission
    offers = {s.bead: s.annotation for s in suggestions(doc) if s.bead in (o, a)}
    assert offers[o].severity == offers[a].severity == "neutral"
    assert offers[o].comment == f"moved: translated at bead {a + 1}"
    assert offers[a].comment == f"moved: the translation of bead {o + 1}"


def test_an_omission_and_an_unrelated_addition_stay_what_they_are(tmp_path: Path) -> None:
    zh = ZH_MOVED.replace(
        "第一条 为了规范数据出境活动，保护个人信息权益，维护国家安全和社会公共利益，"
        "促进数据跨境安全、自由流动，制定本办法。",
        "分析人士认为，这项规定将对跨国企业的日常运营产生深远影响，企业需要提前做好准备。")
    doc = _aligned(tmp_path, zh)
    one_sided = [b for b in doc.beads if not (b.source and b.target)]
    assert one_sided and not any(MOVED_KEY in b.details for b in one_sided)
    omitted = next(b for b in one_sided if b.source)
    assert omitted.risk is not None and omitted.risk >= 0.9  # a dropped content sentence


def test_the_report_says_where_a_moved_sentence_went(tmp_path: Path) -> None:
    from aligner_gui.io.html.report import html_report_text

    doc = _aligned(tmp_path, ZH_MOVED)
    o = next(k for k, b in enumerate(doc.beads) if b.source and not b.target)
    a = next(k for k, b in enumerate(doc.beads) if b.target and not b.source)
    text = html_report_text(doc)
    assert f"(moved: translated at bead {a + 1})" in text
    assert f"(moved: the translation of bead {o + 1})" in text
    assert f"(移位：译文在第 {a + 1} 个句对)" in html_report_text(doc, lang="zh_CN")
