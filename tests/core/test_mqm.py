"""MQM weights and scores: WMT defaults, per segment and per 1,000 source words."""

from __future__ import annotations

import pytest

from aligner_gui.core import offers
from aligner_gui.core.model import AlignmentDocument, Annotation, Bead, Sentence, Side
from aligner_gui.core.scoring import mqm


def make_doc(beads: list[Bead]) -> AlignmentDocument:
    """Four English and four Chinese sentences, one paragraph each side."""
    def side(lang: str, texts: list[str], sep: str) -> Side:
        sentences, pos = [], 0
        for k, t in enumerate(texts):
            sentences.append(Sentence(k, 0, pos, pos + len(t), t))
            pos += len(t) + len(sep)
        return Side(lang, "x", sep.join(texts), sentences)

    doc = AlignmentDocument(side("en", [f"Sentence {k}." for k in range(4)], " "),
                            side("zh", [f"句子{k}。" for k in range(4)], ""), beads)
    doc.check()
    return doc


def ann(category: str, severity: str, side: str = "target", start: int = 0) -> Annotation:
    return Annotation("x", side, start, start + 1, "x", category, severity)


@pytest.mark.parametrize(
    ("category", "severity", "weight"),
    [
        ("Accuracy/Mistranslation", "minor", 1.0),
        ("Accuracy/Mistranslation", "major", 5.0),
        ("Accuracy/Omission", "neutral", 0.0),
        ("Accuracy/Omission", "critical", 10.0),
        ("Fluency/Punctuation", "minor", 0.1),
        ("Fluency/Punctuation", "major", 5.0),
        ("Non-translation", "minor", 25.0),
        ("Source error", "major", 0.0),
    ],
)
def test_wmt_weights(category: str, severity: str, weight: float) -> None:
    assert mqm.WMT_WEIGHTS.weight(ann(category, severity)) == pytest.approx(weight)


def test_weights_are_configurable_and_round_trip() -> None:
    weights = mqm.MqmWeights.from_dict({"major": 4, "critical": "25", "bogus": 1, "minor": "x"})
    assert weights.major == 4 and weights.critical == 25 and weights.minor == 1
    assert mqm.MqmWeights.from_dict(weights.to_dict()) == weights
    assert weights.weight(ann("Style", "major")) == 4


def test_score_per_segment_and_per_1000_words() -> None:
    score = mqm.score_annotations(
        [ann("Accuracy/Omission", "major"), ann("Fluency/Punctuation", "minor")],
        segments=10,
        source_words=200,
    )
    assert score.errors == 2
    assert score.total == pytest.approx(5.1)
    assert score.per_segment == pytest.approx(0.51)
    assert score.per_1000_words == pytest.approx(25.5)
    assert score.by_category == {"Accuracy": 5.0, "Fluency": pytest.approx(0.1)}


def test_empty_document_scores_zero() -> None:
    score = mqm.score_annotations([], segments=0, source_words=0)
    assert score.per_segment == 0 and score.per_1000_words == 0


def test_score_document_maps_annotations_to_beads() -> None:
    doc = make_doc([Bead((k,), (k,)) for k in range(4)])
    span = doc.bead_span(2, "target")
    assert span is not None
    doc.add_annotation(Annotation("mistranslation", "target", span[0], span[1], "句子2。",
                                  "Accuracy/Mistranslation", "major"))
    score = mqm.score_document(doc)
    assert score.segments == 4
    assert score.source_words == 8  # "Sentence 0." x4
    assert score.segment_penalties == {2: 5.0}


def test_count_words_zh_counts_characters() -> None:
    assert mqm.count_words("美国和俄罗斯 New START", "zh") == 8
    assert mqm.count_words("It's a 2-way deal, U.S.", "en") == 5


def test_review_figures_and_suggestions() -> None:
    doc = make_doc([Bead((0,), (0,), 0.8), Bead((1,), (), None, "auto", ["omission", "headline"]),
                    Bead((2,), (1, 2), 0.4, "auto", ["low-score"]), Bead((3,), (3,), 0.6)])
    figures = mqm.review_figures(doc)
    assert figures.omissions == {"headline": 1}
    assert figures.source_coverage == pytest.approx(0.75)
    assert figures.mean_score == pytest.approx(0.6)
    found = offers.suggestions(doc)
    assert [(s.bead, s.flag) for s in found] == [(1, "omission"), (2, "low-score")]
    omission = found[0].annotation
    assert (omission.type, omission.side, omission.severity) == ("omission", "source", "minor")
    assert omission.text == doc.source.sentences[1].text
    assert omission.comment == "the headline has no translation"  # says why, in words
    doc.add_annotation(omission)
    doc.update_bead(2, details={mqm.REVIEWED_KEY: ["low-score"]})
    assert offers.suggestions(doc) == []


def test_related_flags_group_omission_and_class() -> None:
    assert mqm.related_flags(["omission", "headline", "low-score"], "omission") == [
        "omission", "headline"]
    assert mqm.related_flags(["low-score"], "low-score") == ["low-score"]
    assert mqm.related_flags([], "omission") == ["omission"]


def test_number_mismatch_suggestion_says_which_numbers() -> None:
    doc = make_doc([Bead((0,), (0,)), Bead((1,), (1,), 0.5, "auto", ["number-mismatch"],
                                          {"numbers": {"missing": ["1550"], "extra": ["2010"]}}),
                    Bead((2,), (2,)), Bead((3,), (3,))])
    (found,) = offers.suggestions(doc)
    assert found.annotation.comment == "missing 1550; extra 2010"
    assert found.annotation.tags == ["number"]
    assert mqm.number_note(doc.beads[0]) == ""


def test_name_mismatch_suggestion_names_both_sides() -> None:
    doc = make_doc([Bead((0,), (0,)), Bead((1,), (1,), 0.9, "auto", ["name-mismatch"],
                                          {"name_mismatch": {"en": ["Pompeo"], "zh": ["博尔顿"]}}),
                    Bead((2,), (2,)), Bead((3,), (3,))])
    (found,) = offers.suggestions(doc)
    assert found.flag == "name-mismatch"
    assert (found.annotation.type, found.annotation.category, found.annotation.side) == (
        "mistranslation", "Accuracy/Mistranslation", "target")
    assert found.annotation.comment == "names differ: English: Pompeo; Chinese: 博尔顿"
    assert found.annotation.tags == ["name"]
    assert mqm.review_figures(doc).name_mismatch == 1
    assert mqm.name_note(doc.beads[0]) == ""


def test_name_mismatch_suggestion_is_on_the_odd_name() -> None:
    """As the names check puts its finding: on the translation's name, not the sentence."""
    en, zh = "Pompeo met Lavrov.", "博尔顿会见了拉夫罗夫。"
    doc = AlignmentDocument(
        Side("en", "original", en, [Sentence(0, 0, 0, len(en), en)]),
        Side("zh", "translation", zh, [Sentence(0, 0, 0, len(zh), zh)]),
        [Bead((0,), (0,), 0.9, "auto", ["name-mismatch"],
              {"name_mismatch": {"en": ["Pompeo"], "zh": ["博尔顿"]}})],
    )
    found = mqm.suggestion_for(doc, 0, "name-mismatch")
    assert found is not None and found.text == "博尔顿"
    assert (found.start, found.end) == (0, 3)


def test_low_score_suggestion_says_what_it_rests_on():
    """A low alignment score is no finding about the wording: its suggestion says so."""
    doc = make_doc([Bead((0,), (0,), 0.12, "auto", ["low-score"]), Bead((1,), (1,), 0.8),
                    Bead((2,), (2,), 0.8), Bead((3,), (3,), 0.8)])
    found = mqm.suggestion_for(doc, 0, "low-score")
    assert found is not None and found.category == "Accuracy/Mistranslation"
    # No posterior (joined by hand, imported): the match score is what it rests on.
    assert found.comment == "match 0.12: the pairing or the translation is doubtful"
    doc.beads[0].details["align"] = 0.41  # the aligner's posterior
    found = mqm.suggestion_for(doc, 0, "low-score")
    assert found is not None
    assert found.comment == "alignment confidence 0.41: the pairing is doubtful"
