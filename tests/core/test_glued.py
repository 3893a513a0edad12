"""A sentence left out of the translation but kept in a merged bead (qe/glued.py)."""

from __future__ import annotations

import numpy as np

from aligner_gui.core import offers
from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side
from aligner_gui.core.qe.glued import GLUED_KEY, glued_sentences


def _unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=float)
    return v / np.linalg.norm(v)


def test_an_edge_sentence_meaning_nothing_like_the_other_side_is_left_out() -> None:
    # Source sentences 0 and 1 against target 0: 0 says what target 0 says, 1 nothing.
    vectors = {"source": np.stack([_unit(1, 0.1, 0), _unit(0, 0, 1)]),
               "target": np.stack([_unit(1, 0, 0)])}
    bead = Bead((0, 1), (0,))
    [found] = glued_sentences(bead, vectors, None)
    assert (found["side"], found["sentence"]) == ("source", 1)
    assert found["alone"] < 0.25 and found["drop"] > 0.1
    # A sentence that shares the meaning (a faithful merge) is left alone ...
    shared = {"source": np.stack([_unit(1, 0.1, 0), _unit(1, 0.3, 0.2)]),
              "target": np.stack([_unit(1, 0.2, 0.1)])}
    assert glued_sentences(bead, shared, None) == []
    # ... and so is one whose words the coverage lens finds rendered.
    covered = {"source": [(1, None, True), (1, None, True), (1, None, False)]}
    assert glued_sentences(bead, vectors, covered) == []
    assert glued_sentences(Bead((0,), (0,)), vectors, None) == []  # 1-1: nothing merged


def _glued_doc() -> tuple[AlignmentDocument, str, list[int]]:
    """"He did not elaborate." kept in a 2-1 bead, found by the meaning match."""
    en = ["Marcos said the bloc would keep talking.", "He did not elaborate."]
    text = " ".join(en)
    starts = [0, len(en[0]) + 1]
    pairs = enumerate(zip(starts, en, strict=True))
    source = Side("en", "original", text, [Sentence(k, 0, s, s + len(t), t) for k, (s, t) in pairs])
    zh = "马科斯说，东盟将继续对话。"
    target = Side("zh", "translation", zh, [Sentence(0, 0, 0, len(zh), zh)])
    bead = Bead((0, 1), (0,), 0.9, details={GLUED_KEY: [
        {"side": "source", "sentence": 1, "alone": 0.044, "drop": 0.203}]})
    doc = AlignmentDocument(source, target, [bead])
    return doc, text, starts


def test_a_glued_sentence_is_offered_as_an_omission() -> None:
    doc, _text, _starts = _glued_doc()
    [found] = [s for s in offers.suggestions(doc, load=False) if s.flag.startswith("glued:")]
    a = found.annotation
    assert (a.side, a.text, a.category, a.severity) == (
        "source", "He did not elaborate.", "Accuracy/Omission", "major")
    assert "untranslated-sentence" in a.tags and "left out of the translation" in a.comment


def test_the_lens_span_inside_a_glued_sentence_is_not_offered_twice(monkeypatch) -> None:
    """A held-out round (stop 28) found a dropped sentence listed twice: as the meaning
    match's whole sentence and as the coverage lens's span inside it."""
    from aligner_gui.core.coverage import suggestions as lens
    from aligner_gui.core.model import Annotation
    from aligner_gui.core.scoring.mqm import Suggestion

    doc, text, starts = _glued_doc()

    def span(start: int, end: int) -> Suggestion:
        return Suggestion(0, f"uncovered:source:{start}-{end}", Annotation(
            "omission", "source", start, end, text[start:end], "Accuracy/Omission"))

    inside = span(starts[1] + 3, len(text) - 1)  # "did not elaborate"
    elsewhere = span(0, 6)  # "Marcos"
    monkeypatch.setattr(lens, "coverage_suggestions", lambda _doc: [inside, elsewhere])
    monkeypatch.setattr(offers, "needs_dictionary", lambda _doc: True)
    flags = [s.flag for s in offers.suggestions(doc)]
    assert elsewhere.flag in flags and inside.flag not in flags
    assert [f for f in flags if f.startswith("glued:")] == [f"glued:source:{starts[1]}-{len(text)}"]
