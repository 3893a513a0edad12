"""Keep annotations attached to their words when the text under them changed.

An annotation stores its offsets, its text and a little context on each side. If the
text at the offsets no longer matches (the document was edited outside aligner-gui),
the annotation is moved to the occurrence of its text whose context fits best and that
lies nearest to where it was; if its text occurs nowhere it becomes an orphan, kept and
listed, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from aligner_gui.core.model import Annotation

CONTEXT_CHARS = 24


def context_of(text: str, start: int, end: int) -> dict[str, str]:
    return {
        "before": text[max(0, start - CONTEXT_CHARS) : start],
        "after": text[end : end + CONTEXT_CHARS],
    }


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@dataclass(frozen=True)
class Reanchor:
    start: int
    end: int
    moved: bool
    orphan: bool


def reanchor(annotation: Annotation, text: str) -> Reanchor:
    """Where ``annotation`` belongs in ``text`` now (it is not changed)."""
    start, end, wanted = annotation.start, annotation.end, annotation.text
    if 0 <= start <= end <= len(text) and text[start:end] == wanted:
        return Reanchor(start, end, moved=False, orphan=False)
    if not wanted:
        return Reanchor(start, end, moved=False, orphan=True)
    context = annotation.extra.get("context") or {}
    before = context.get("before", "")
    after = context.get("after", "")
    best: tuple[float, int] | None = None
    position = text.find(wanted)
    while position != -1:
        left = text[max(0, position - len(before)) : position]
        right = text[position + len(wanted) : position + len(wanted) + len(after)]
        fit = _common_suffix(left, before) + _common_prefix(right, after)
        # Context agreement first; distance from the old place breaks ties.
        rank = fit * 1_000_000 - abs(position - start)
        if best is None or rank > best[0]:
            best = (rank, position)
        position = text.find(wanted, position + 1)
    if best is None:
        return Reanchor(start, end, moved=False, orphan=True)
    new_start = best[1]
    return Reanchor(new_start, new_start + len(wanted), moved=True, orphan=False)
