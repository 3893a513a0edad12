"""Word glosses of the coverage lens for the review window's hover tooltips."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Any

from aligner_gui.core.coverage.document import lens_for, lexicon_or_shared, sides_of
from aligner_gui.core.coverage.matching import STEM_PREFIX, common_prefix
from aligner_gui.core.coverage.word import Word
from aligner_gui.core.lexicon.words import CJK
from aligner_gui.core.model import Bead


def _display_keys(keys: Iterable[str]) -> list[str]:
    """Keys as a reader knows them: numbers without their "#", names as "name ..."."""
    out = []
    for k in sorted(keys):
        if k.startswith("#"):
            out.append(k[1:])
        elif k.startswith("~"):
            out.append("name " + k.split(":", 1)[-1])
        else:
            out.append(k)
    return out


def word_glosses(
    side_name: str, bead: Bead, doc_or_sides: Any, lexicon: Any = None
) -> list[dict[str, Any]]:
    """Content words of one side of a bead, for hover tooltips (computed on demand).

    Each record: ``start``/``end`` (offsets into the side's text), ``word``, ``covered``
    (the dictionary found a translation in the bead), ``tinted`` (inside an uncovered
    span), ``tried`` (what the dictionary compared: for a Chinese word its glosses, for
    an English word the glosses of the bead's Chinese words), ``forms`` (the keys the
    word was looked up by: stem, number, name key), ``matched`` (the words of the other
    side that translate it). ``doc_or_sides`` is the document or ``(source, target)`` /
    ``(source, target, beads)``; with the beads the document's statistics and learned
    table are used (the lens is cached while the alignment is unchanged).
    """
    lexicon = lexicon_or_shared(lexicon)
    source, target, beads = sides_of(doc_or_sides)
    lens = lens_for(source, target, beads, lexicon)
    cov = lens.word_coverage(bead)
    if cov is None:
        return []
    other_name = "target" if side_name == "source" else "source"
    side = lens.side(side_name)
    other_words = [w for _j, w in lens.side_words(other_name, getattr(bead, other_name))]
    spans = [(s["start"], s["end"]) for s in lens.spans(cov) if s["side"] == side_name]
    zh = side_name == lens.zh_side
    if not zh:
        bead_glosses: list[str] = []
        for _i, ow, _c in cov[other_name]:
            bead_glosses.append(f"{ow.text} {_short_gloss(lexicon, ow)}".strip())
        bead_glosses = list(dict.fromkeys(bead_glosses))[:40]
    # Which words of the other side meet a key (exactly or by stem prefix), indexed once.
    exact: dict[str, list[int]] = {}
    by_prefix: dict[str, set[str]] = {}
    for j, ow in enumerate(other_words):
        for k in ow.keys if zh else lens.zh_word_keys(ow):
            exact.setdefault(k, []).append(j)
            if len(k) >= STEM_PREFIX and k[0] not in "#~":
                by_prefix.setdefault(k[:STEM_PREFIX], set()).add(k)

    def meeting(keys: Iterable[str]) -> list[str]:
        hits: set[str] = set()
        for k in keys:
            if k in exact:
                hits.add(k)
            if len(k) >= STEM_PREFIX and k[0] not in "#~":
                for other in by_prefix.get(k[:STEM_PREFIX], ()):
                    if common_prefix(k, other) >= min(len(k), len(other)) - 2:
                        hits.add(other)
        texts: dict[str, None] = {}
        for seen, j in enumerate(heapq.merge(*(exact[k] for k in hits))):
            texts[other_words[j].text] = None
            if len(texts) >= 12 or seen >= 200:  # a tooltip, not a concordance
                break
        return list(texts)

    out: list[dict[str, Any]] = []
    for i, w, covered in cov[side_name]:
        at = side.sentences[i].start + w.start
        if zh:
            tried = _zh_glosses(lexicon, w)
            matched = meeting(lens.zh_word_keys(w))
        else:
            tried = bead_glosses
            matched = meeting(w.keys)
        out.append(
            {
                "start": at,
                "end": at + (w.end - w.start),
                "word": w.text,
                "covered": bool(covered),
                "tinted": any(s <= at < e for s, e in spans),
                "tried": list(tried),
                "forms": [w.text] if zh else _display_keys(w.keys),
                "matched": list(dict.fromkeys(matched)),
            }
        )
    return out


def _short_gloss(lexicon: Any, w: Word) -> str:
    """One line for a Chinese word: its first gloss ("name" for a transliteration)."""
    if w.text not in lexicon and any(k.startswith("~") for k in w.keys):
        return "(name)"
    if not CJK.search(w.text):
        return ""
    return str(lexicon.gloss(w.text))


def _zh_glosses(lexicon: Any, w: Word) -> list[str]:
    """A Chinese word's dictionary glosses, then the first of its other keys."""
    glosses = getattr(lexicon, "glosses", None)
    found: list[str] = list(glosses(w.text)) if callable(glosses) else []
    if not found:
        g = lexicon.gloss(w.text)
        if g:
            found.append(g)
    stems = [k for k in _display_keys(w.keys) if k not in found]
    return found + stems[:12]
