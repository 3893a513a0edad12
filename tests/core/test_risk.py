"""Translation risk and suspects (core/qe/risk.py) on real text with the real dictionary."""

from __future__ import annotations

import json

import pytest

from aligner_gui.core import offers
from aligner_gui.core.lexicon.shared import get_lexicon
from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side
from aligner_gui.core.pipeline import align_document, load_document, rescore
from aligner_gui.core.qe import risk
from aligner_gui.core.qe.features import FEATURES, document_evidence
from aligner_gui.core.resources import seed_path
from aligner_gui.core.scoring import mqm


@pytest.fixture(scope="module")
def lexicon():
    return get_lexicon()


@pytest.fixture(scope="module")
def seed(lexicon):
    doc = load_document([seed_path()])
    align_document(doc, lexicon=lexicon)
    return doc


def _side(lang: str, role: str, lines: list[str]) -> Side:
    sentences, pos = [], 0
    for k, line in enumerate(lines):
        sentences.append(Sentence(k, k, pos, pos + len(line), line))
        pos += len(line) + 1
    return Side(lang, role, "\n".join(lines), sentences)


EN = [
    "The government announced on Tuesday that it would build three new hospitals.",
    "The new hospitals will serve rural areas where doctors are scarce.",
    "Officials said construction would begin next spring and cost about 2 billion yuan.",
    "Critics warned that the plan does not address the shortage of trained nurses.",
    "The health minister promised to publish a detailed budget by the end of the year.",
    "Local residents welcomed the news but asked for faster progress.",
]
ZH = [
    "政府周二宣布将新建三家医院。",
    "新医院将为缺少医生的农村地区服务。",
    "官员们说，工程将于明年春天开工，耗资约20亿元。",
    "批评者警告说，该计划没有解决训练有素的护士短缺的问题。",
    "卫生部长承诺在年底前公布详细预算。",
    "当地居民对这一消息表示欢迎，但要求加快进度。",
]


def _pair(zh_lines: list[str], en_lines: list[str] = EN) -> AlignmentDocument:
    doc = AlignmentDocument(_side("en", "original", en_lines),
                            _side("zh", "translation", zh_lines),
                            [Bead((k,), (k,)) for k in range(len(en_lines))])
    rescore(doc)
    return doc


def test_shipped_model_loads_and_names_known_features():
    model = risk.load_model()
    assert model.features == FEATURES
    assert set(model.suspects) == {"source", "target"}
    data = json.loads(json.dumps(model.to_dict()))
    assert risk.RiskModel.from_dict(data) == model


def test_model_file_errors_are_refused():
    data = risk.load_model().to_dict()
    with pytest.raises(ValueError, match="not a risk model"):
        risk.RiskModel.from_dict({**data, "format": "pickle"})
    with pytest.raises(ValueError, match="unknown features"):
        risk.RiskModel.from_dict({**data, "features": ["shoe_size", *data["features"][1:]]})
    with pytest.raises(ValueError, match="do not match"):
        risk.RiskModel.from_dict({**data, "weights": data["weights"][:-1]})
    with pytest.raises(ValueError, match="floors"):
        risk.RiskModel.from_dict({**data, "floors": {"shoe_size": 0.5}})
    with pytest.raises(ValueError, match="floors"):
        risk.RiskModel.from_dict({**data, "floors": {"numbers": 1.5}})


def test_a_number_that_does_not_match_floors_the_risk():
    """The shipped floor (share of TED's rated segments with a number mismatch that hold a
    Major Accuracy error) lifts a bead whose only fault is the number; the same bead with
    the number right is left to the regression, below it."""
    floor = risk.load_model().floors["numbers"]
    assert 0.2 < floor < 0.6
    zh = list(ZH)
    zh[0] = "政府周二宣布将新建五家医院。"  # three -> five
    zh[2] = "官员们说，工程将于明年春天开工，耗资约30亿元。"  # 2 billion -> 3 billion
    doc = _pair(zh)
    assert "number-mismatch" in doc.beads[2].flags
    assert doc.beads[2].risk >= floor
    faithful = _pair(ZH)
    assert "number-mismatch" not in faithful.beads[2].flags
    assert faithful.beads[2].risk < floor


def test_every_bead_of_the_seed_gets_a_risk_and_in_range_suspects(seed):
    for bead in seed.beads:
        assert bead.risk is not None and 0.0 <= bead.risk <= 1.0
        for s in bead.suspects:
            side = seed.side(s["side"])
            ids = getattr(bead, s["side"])
            assert side.sentences[ids[0]].start <= s["start"] < s["end"]
            assert s["end"] <= side.sentences[ids[-1]].end
            assert 0.0 <= s["confidence"] <= 1.0
    summary = seed.scores["risk"]
    assert summary["expected_major"] == pytest.approx(sum(b.risk for b in seed.beads), abs=0.01)
    assert summary["risky_beads"] == sum(1 for b in seed.beads if b.risk >= risk.RISKY)


def test_one_sided_beads_carry_their_class_prior(seed):
    for bead in seed.beads:
        if bead.source and not bead.target:
            cls = next(f for f in bead.flags if f in risk.ONE_SIDED_RISK)
            assert bead.risk == risk.ONE_SIDED_RISK[cls]
            (suspect,) = bead.suspects
            assert suspect["category"] == "Accuracy/Omission" and suspect["side"] == "source"


def test_a_translation_that_lost_a_clause_is_riskier_than_the_faithful_one():
    faithful = _pair(ZH)
    cut = list(ZH)
    cut[2] = "官员们说，工程将于明年春天开工。"  # the cost clause is gone
    damaged = _pair(cut)
    assert damaged.beads[2].risk > faithful.beads[2].risk
    lost = EN[2].index("cost about 2 billion yuan") + damaged.source.sentences[2].start
    assert any(s["side"] == "source" and s["start"] <= lost + 10 and s["end"] > lost
               for s in damaged.beads[2].suspects)
    # the untouched beads keep roughly their risk
    for k in (0, 1, 4, 5):
        assert damaged.beads[k].risk == pytest.approx(faithful.beads[k].risk, abs=0.1)


def test_capped_keeps_the_most_confident_share_of_beads():
    keep = risk.capped([0.0, 0.3, 0.1, 0.5, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0], 0.2)
    assert [k for k, kept in enumerate(keep) if kept] == [1, 3]  # 20 % of 10: the top two
    assert risk.capped([0.2, 0.2, 0.2], 0.1) == [True, False, False]  # at least one; first wins
    assert risk.capped([0.0, 0.0], 0.5) == [False, False]  # nothing to keep
    assert risk.capped([], 0.1) == []


def test_suspects_are_capped_per_document_and_side():
    """A loose but faithful translation: uncovered runs in most beads. At most
    SUSPECT_SHARE of the paired beads keep suspects on each side, the most confident."""
    doc = _pair(ZH)
    paired = [b for b in doc.beads if b.source and b.target]
    for bead in paired:  # every bead gets a weak and a strong made-up suspect
        bead.suspects = [
            {"side": "source", "start": 0, "end": 1, "category": "Accuracy/Omission",
             "confidence": 0.01 + 0.01 * bead.source[0]},
            {"side": "target", "start": 0, "end": 1, "category": "Accuracy/Mistranslation",
             "confidence": 0.5 - 0.01 * bead.source[0]},
        ]  # fmt: skip
    risk._cap_suspects(doc.beads)
    sources = [k for k, b in enumerate(paired) if any(s["side"] == "source" for s in b.suspects)]
    targets = [k for k, b in enumerate(paired) if any(s["side"] == "target" for s in b.suspects)]
    assert sources == [5]  # 10 % of 6 rounds to 1: the last bead has the most confident one
    assert targets == [0]  # 20 % of 6 rounds to 1: the first
    assert all(len(b.suspects) <= 2 for b in paired)


def test_an_idiom_translated_word_for_word_is_risky_whatever_the_model_says(seed):
    # The seed's 这将球扔回美国法院 ("the ball back into the U.S. court" as a law court):
    # every word translates, so the model scores it low; the idioms check sees it.
    (court,) = [b for b in seed.beads if b.target and "法院" in seed.target.text[
        seed.target.sentences[b.target[0]].start : seed.target.sentences[b.target[-1]].end]]
    assert court.risk == risk.IDIOM_RISK
    paired = sorted((b.risk for b in seed.beads if b.source and b.target), reverse=True)
    assert paired.index(court.risk) < 2  # it was 19th of 20
    idiomatic = list(ZH)
    idiomatic[3] = "批评者警告说，该计划只是转移视线：真正的问题是训练有素的护士短缺。"
    literal = list(ZH)
    literal[3] = "批评者警告说，该计划是一条红鲱鱼：真正的问题是训练有素的护士短缺。"
    en = list(EN)
    en[3] = "Critics warned that the plan is a red herring: the real problem is a nurse shortage."
    assert _pair(literal, en).beads[3].risk >= risk.IDIOM_RISK
    assert _pair(idiomatic, en).beads[3].risk < risk.IDIOM_RISK


def test_a_dropped_attribution_is_risky_whatever_the_model_says():
    """"allegedly" gone: every word translates, yet the claim is printed as a fact."""
    en = ["The minister allegedly took bribes from the contractor.",
          "The minister allegedly took bribes from the contractor."]
    zh = ["部长收受了承包商的贿赂。", "据称部长收受了承包商的贿赂。"]  # fmt: skip
    doc = AlignmentDocument(_side("en", "original", en), _side("zh", "translation", zh),
                            [Bead((0,), (0,)), Bead((1,), (1,))])
    rescore(doc)
    assert doc.beads[1].risk < risk.HEDGE_RISK <= doc.beads[0].risk


def test_a_figure_moving_the_other_way_is_risky_whatever_the_model_says():
    """"fell 12%" as 上涨12%: every word and number translates, the fact is reversed."""
    en = list(EN)
    en[2] = "Officials said construction costs fell 12% to about 2 billion yuan."
    zh = list(ZH)
    zh[2] = "官员们说，工程成本上涨12%，至约20亿元。"
    reversed_ = _pair(zh, en)
    zh[2] = "官员们说，工程成本下降12%，至约20亿元。"
    faithful = _pair(zh, en)
    assert faithful.beads[2].risk < risk.DIRECTION_RISK <= reversed_.beads[2].risk


@pytest.mark.parametrize(
    ("en", "wrong", "right", "least"),
    [
        # "That is not acceptable" as 这是可以接受的 ranked 33rd of 34 beads: every word
        # translates, the meaning is reversed.
        ("The minister said that is not acceptable.", "部长说这是可以接受的。",
         "部长说这是不可接受的。", "NEGATION_RISK"),
        # 55 million pounds as 5500万欧元: the figure matches, the money does not.
        ("Liverpool paid 55 million pounds for the striker.", "利物浦为这名前锋支付了5500万欧元。",
         "利物浦为这名前锋支付了5500万英镑。", "UNIT_RISK"),
    ],
)
def test_a_finding_the_model_cannot_see_sets_a_least_risk(en, wrong, right, least):
    doc = AlignmentDocument(_side("en", "original", [en, en]),
                            _side("zh", "translation", [wrong, right]),
                            [Bead((0,), (0,)), Bead((1,), (1,))])
    rescore(doc)
    assert doc.beads[1].risk < getattr(risk, least) <= doc.beads[0].risk


def test_a_minor_literal_image_leaves_the_risk_to_the_model():
    zh = ["近年来新企业如雨后春笋般涌现。", "他只会吹牛。"]
    en = ["In recent years new firms have sprung up like bamboo shoots after rain.",
          "He only knows how to blow the cow."]  # fmt: skip
    doc = AlignmentDocument(_side("zh", "original", zh), _side("en", "translation", en),
                            [Bead((0,), (0,)), Bead((1,), (1,))])
    rescore(doc)
    assert doc.beads[0].risk < risk.IDIOM_RISK <= doc.beads[1].risk


def test_features_never_read_annotations(seed, lexicon):
    """Risk is evidence from the texts: the reviewer's marks must not change it."""
    before = document_evidence(seed.source, seed.target, seed.beads, lexicon)
    copy = AlignmentDocument(seed.source, seed.target, [b.copy() for b in seed.beads])
    marked = offers.suggestions(seed)
    assert marked
    for suggestion in marked[:3]:
        copy.add_annotation(suggestion.annotation)
    after = document_evidence(copy.source, copy.target, copy.beads, lexicon)
    assert [e and e.values for e in before] == [e and e.values for e in after]


def test_suspects_are_offered_once_and_reviewing_one_hides_it():
    doc = _pair(ZH)
    start = doc.source.sentences[1].start + EN[1].index("rural areas")
    suspect = {"side": "source", "start": start, "end": start + len("rural areas"),
               "category": "Accuracy/Omission", "confidence": 0.7}
    doc.update_bead(1, suspects=[suspect, dict(suspect, start=start + 6, confidence=0.2)])
    offered = [s for s in offers.suggestions(doc) if s.flag.startswith("suspect:")]
    assert [(s.bead, s.annotation.text, s.annotation.severity) for s in offered] == [
        (1, "rural areas", "major"), (1, "areas", "minor")]
    assert offered[0].annotation.category == "Accuracy/Omission"
    assert "70 %" in offered[0].annotation.comment
    details = dict(doc.beads[1].details)
    details[mqm.REVIEWED_KEY] = [offered[0].flag]
    doc.update_bead(1, details=details)
    assert [s.annotation.text for s in risk.suspect_suggestions(doc)] == ["areas"]
    # an annotation of the same type over the span hides it too
    doc.add_annotation(offered[1].annotation)
    assert risk.suspect_suggestions(doc) == []


def test_no_suspect_repeats_a_coverage_lens_span(seed):
    for bead in seed.beads:
        lens = bead.details.get("uncovered") or []
        for s in risk.suspect_suggestions(seed):
            if s.bead == seed.beads.index(bead):
                assert not any(
                    u["side"] == s.annotation.side and u["start"] < s.annotation.end
                    and s.annotation.start < u["end"] for u in lens
                )


def test_malformed_suspects_are_never_offered():
    doc = _pair(ZH)
    good = {"side": "target", "start": doc.target.sentences[0].start,
            "end": doc.target.sentences[0].start + 2, "category": "Accuracy/Mistranslation",
            "confidence": 0.3}
    doc.update_bead(0, suspects=[{"side": "target"}, dict(good, end=10**6),
                                 dict(good, side="left"), good])
    assert [s.flag for s in risk.suspect_suggestions(doc)] == [
        f"suspect:target:{good['start']}-{good['end']}"]
