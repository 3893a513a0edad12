"""Classes of unaligned English text in scored beads: omitted text and absorbed furniture."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from aligner_gui.core.model import Bead, Side
from aligner_gui.core.scoring.classify import (
    EDITOR_NOTE,
    MORE_LINK,
    classify_unaligned,
    is_editor_note,
    is_more_link,
    zh_furniture,
)


def wholly_unaligned_paragraphs(source: Side, beads: Iterable[Bead]) -> set[int]:
    """Source paragraphs none of whose sentences is aligned to anything."""
    aligned: set[int] = set()
    for bead in beads:
        if bead.target:
            aligned.update(source.sentences[i].paragraph for i in bead.source)
    present = {s.paragraph for s in source.sentences}
    return present - aligned


def members_by_paragraph(side: Side) -> dict[int, list[int]]:
    members: dict[int, list[int]] = {}
    for sentence in side.sentences:
        members.setdefault(sentence.paragraph, []).append(sentence.id)
    return members


def absorbed_furniture(
    source: Side, bead: Bead, paragraph_members: dict[int, list[int]]
) -> list[dict[str, Any]]:
    """Whole English paragraphs inside a paired bead that read as headline/link/caption.

    An aligner may glue an untranslated headline or caption to its neighbour (a 2-1
    bead); the bead then scores well while the omission is hidden. Listed in
    ``details["absorbed"]`` for the reviewer; no flag, since the pairing may be right.
    """
    sentences = source.sentences
    ids = set(bead.source)
    paragraphs = sorted({sentences[i].paragraph for i in bead.source})
    if len(paragraphs) < 2:
        return []
    first_paragraph = sentences[0].paragraph if sentences else 0
    found: list[dict[str, Any]] = []
    for p in paragraphs:
        members = paragraph_members[p]
        if not ids.issuperset(members):
            continue
        cls = classify_unaligned(
            source.span_text(members),
            paragraph_index=p,
            is_whole_paragraph=True,
            is_first_paragraph=p == first_paragraph,
        )
        if cls != "content":
            found.append({"sentences": members, "paragraph": p, "class": cls})
    return found


def classify_bead(
    source: Side,
    bead: Bead,
    unaligned_paragraphs: set[int],
    paragraph_members: dict[int, list[int]],
) -> str:
    first = source.sentences[bead.source[0]]
    paragraph = first.paragraph
    first_paragraph = source.sentences[0].paragraph if source.sentences else 0
    whole = paragraph in unaligned_paragraphs and all(
        source.sentences[i].paragraph == paragraph for i in bead.source
    )
    if whole:
        text = source.span_text(paragraph_members[paragraph])
    else:
        text = source.span_text(bead.source)
    return classify_unaligned(
        text,
        paragraph_index=paragraph,
        is_whole_paragraph=whole,
        is_first_paragraph=paragraph == first_paragraph,
    )


def furniture_class(side: Side, ids: Sequence[int]) -> str | None:
    """The class of one side's text of a one-sided bead when it is page or translator's
    furniture rather than text to translate: "editor-note" (（编者注：…）, "Translator's
    note: …"), "byline" (来源：新华网 作者：张三), "more-link" (分享到：微信 微博, （完）,
    "Enditem", "MORE: …"); None for
    a sentence of content. For text only the translation has, and for a Chinese
    original's own furniture (an English original's untranslated text is classed by
    classify_bead)."""
    text = side.span_text(ids)
    if side.lang == "zh":
        return zh_furniture(text)
    if is_editor_note(text):
        return EDITOR_NOTE
    return MORE_LINK if is_more_link(text) else None
