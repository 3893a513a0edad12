"""Held-out news documents (tests/data/news): the engine against hand-written answer keys.

Four wire-style stories written for this test, never used to tune the engine, each with a
Chinese translation that drops the headline, link lines, photo captions (several styles),
a byline or editor's note, one content paragraph and one clause, and changes one number.
The keys (``*.key.json``) give, per 0-based English paragraph, the class of a dropped
paragraph or the Chinese paragraph a kept one maps to.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.core.pipeline import align_document, load_document

DATA = Path(__file__).resolve().parent.parent / "data" / "news"
DOCS = sorted(p.name[: -len(".key.json")] for p in DATA.glob("*.key.json"))

# Share of the dropped clause's characters the coverage lens must tint.
CLAUSE_TINT_SHARE = 0.5


@cache
def _aligned(name: str) -> tuple[AlignmentDocument, dict]:
    key = json.loads((DATA / f"{name}.key.json").read_text(encoding="utf-8"))
    doc = load_document([DATA / p for p in key["inputs"]])
    align_document(doc)
    return doc, key


def _source_paragraph_beads(doc: AlignmentDocument, paragraph: int) -> list[int]:
    ids = {s.id for s in doc.source.sentences if s.paragraph == paragraph}
    return [i for i, b in enumerate(doc.beads) if ids & set(b.source)]


def test_documents_are_there():
    assert DOCS == ["news_01_economy", "news_02_court", "news_03_typhoon", "news_04_chipmaker"]


@pytest.mark.parametrize("name", DOCS)
def test_dropped_paragraphs_are_one_sided_with_their_class(name):
    doc, key = _aligned(name)
    for paragraph, expected in key["dropped"].items():
        for i in _source_paragraph_beads(doc, int(paragraph)):
            bead = doc.beads[i]
            text = doc.source.span_text(bead.source)
            assert not bead.target, f"P{paragraph} paired: {text!r}"
            assert bead.details.get("class") == expected, f"P{paragraph}: {text!r}"
            assert expected in bead.flags and "omission" in bead.flags


def _mappings() -> list:
    cases = []
    for name in DOCS:
        key = json.loads((DATA / f"{name}.key.json").read_text(encoding="utf-8"))
        for paragraph, zh_paragraph in key["map"].items():
            marks = KNOWN_MAPPING_FAILURES.get((name, int(paragraph)), ())
            cases.append(
                pytest.param(
                    name, int(paragraph), zh_paragraph, marks=marks, id=f"{name}-P{paragraph}"
                )
            )
    return cases


# (doc, English paragraph) -> pytest.mark.xfail(strict=True, reason=...) for known failures.
KNOWN_MAPPING_FAILURES: dict = {}


@pytest.mark.parametrize(("name", "paragraph", "zh_paragraph"), _mappings())
def test_kept_paragraph_maps_to_its_chinese_paragraph(name, paragraph, zh_paragraph):
    doc, _key = _aligned(name)
    beads = _source_paragraph_beads(doc, paragraph)
    assert beads
    for i in beads:
        bead = doc.beads[i]
        got = {doc.target.sentences[t].paragraph for t in bead.target}
        assert got == {zh_paragraph}, (
            f"P{paragraph} -> Z{sorted(got)}: {doc.source.span_text(bead.source)[:60]!r}"
        )
        # No other English paragraph is glued to it.
        assert {doc.source.sentences[s].paragraph for s in bead.source} == {paragraph}


@pytest.mark.parametrize("name", DOCS)
def test_changed_number_is_flagged(name):
    doc, key = _aligned(name)
    change = key["changed_number"]
    beads = [doc.beads[i] for i in _source_paragraph_beads(doc, change["paragraph"])]
    flagged = [b for b in beads if "number-mismatch" in b.flags]
    assert flagged
    numbers = flagged[0].details["numbers"]
    assert change["missing"] in numbers["missing"]
    assert change["extra"] in numbers["extra"]


@pytest.mark.parametrize("name", DOCS)
def test_no_number_mismatch_elsewhere(name):
    """Dates, percentages and currency that are translated faithfully compare equal."""
    doc, key = _aligned(name)
    change = key["changed_number"]["paragraph"]
    clause = key["dropped_clause"]["paragraph"]
    for bead in doc.beads:
        if not (bead.source and bead.target) or "number-mismatch" not in bead.flags:
            continue
        paragraphs = {doc.source.sentences[s].paragraph for s in bead.source}
        # A dropped clause may take a number with it.
        assert paragraphs & {change, clause}, (
            f"{doc.source.span_text(bead.source)[:60]!r}: {bead.details['numbers']}"
        )


def _clause_tint(doc: AlignmentDocument, key: dict) -> float:
    clause = key["dropped_clause"]
    text = doc.source.text
    start = text.find(clause["text"])
    assert start >= 0
    end = start + len(clause["text"])
    tinted = set()
    for i in _source_paragraph_beads(doc, clause["paragraph"]):
        bead = doc.beads[i]
        if not bead.target:  # a one-sided bead is wholly an omission
            for s in bead.source:
                sentence = doc.source.sentences[s]
                tinted.update(range(sentence.start, sentence.end))
        for span in bead.details.get("uncovered") or []:
            if span["side"] == "source":
                tinted.update(range(span["start"], span["end"]))
    clause_chars = [k for k in range(start, end) if not text[k].isspace()]
    return sum(1 for k in clause_chars if k in tinted) / len(clause_chars)


@pytest.mark.parametrize("name", DOCS)
def test_dropped_clause_is_tinted(name):
    doc, key = _aligned(name)
    assert _clause_tint(doc, key) >= CLAUSE_TINT_SHARE


@pytest.mark.parametrize("name", DOCS)
def test_summary_counts_every_class(name):
    doc, key = _aligned(name)
    by_class = doc.scores["omissions_by_class"]
    for expected in set(key["dropped"].values()):
        assert by_class[expected]["count"] >= 1


@pytest.mark.parametrize("name", DOCS)
def test_the_bead_that_lost_a_clause_is_read_first(name):
    """An editor reading paired beads riskiest first meets the dropped clause first, with a
    suspect span on it; the changed number is in the riskiest half."""
    doc, key = _aligned(name)
    paired = sorted((k for k, b in enumerate(doc.beads) if b.source and b.target),
                    key=lambda k: -(doc.beads[k].risk or 0.0))
    clause = key["dropped_clause"]
    start = doc.source.text.find(clause["text"])
    end = start + len(clause["text"])
    first = doc.beads[paired[0]]
    assert paired[0] in _source_paragraph_beads(doc, clause["paragraph"])
    assert any(s["side"] == "source" and s["start"] < end and start < s["end"]
               for s in first.suspects)
    number_rank = min(paired.index(k) for k in _source_paragraph_beads(
        doc, key["changed_number"]["paragraph"]) if k in paired)
    assert number_rank < len(paired) / 2
