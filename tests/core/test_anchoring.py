"""Re-anchoring annotations by their text and context."""

from __future__ import annotations

from aligner_gui.core.anchoring import context_of, reanchor
from aligner_gui.core.model import Annotation


def note(start: int, end: int, text: str, source_text: str | None = None) -> Annotation:
    annotation = Annotation("omission", "source", start, end, text, "Accuracy/Omission")
    if source_text is not None:
        annotation.extra["context"] = context_of(source_text, start, end)
    return annotation


def test_matching_offsets_stay():
    text = "the cat sat on the mat"
    place = reanchor(note(4, 7, "cat"), text)
    assert (place.start, place.end, place.moved, place.orphan) == (4, 7, False, False)


def test_context_picks_the_right_occurrence():
    old = "the cat sat on the mat. the cat ran."
    annotation = note(24, 31, "the cat", old)  # the second "the cat"
    new = "Intro. " + old
    place = reanchor(annotation, new)
    assert place.moved and new[place.start : place.end] == "the cat"
    assert place.start == 24 + len("Intro. ")


def test_nearest_occurrence_without_context():
    text = "aa bb aa bb aa"
    place = reanchor(note(13, 15, "zz"), text)
    assert place.orphan
    place = reanchor(note(11, 13, "aa"), text)  # text there is " a"; nearest "aa" is at 12
    assert (place.start, place.moved) == (12, True)


def test_offsets_beyond_text_are_handled():
    place = reanchor(note(500, 505, "mat"), "the cat sat on the mat")
    assert (place.start, place.end) == (19, 22)
