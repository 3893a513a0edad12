"""Document-wide engine work run in a separate process for a big document (no Qt).

The review window sends the document's sides, beads and annotations; the process
keeps the sides of the last call, so statistics the coverage analysis remembers per
side object (``coverage.document.lens_for``) carry over from one call to the next. Running
there keeps the window's process responsive (no competition for its interpreter
lock) and small (the dictionary and the analysis caches live in the worker).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aligner_gui.core.model import AlignmentDocument, Annotation, Bead, Side

_LAST_SIDES: list[tuple[Side, Side]] = []


def _document(source: Side, target: Side, beads: Sequence[Bead],
              annotations: Sequence[Annotation],
              meta: dict[str, Any] | None = None) -> AlignmentDocument:
    if _LAST_SIDES and _LAST_SIDES[0] == (source, target):
        source, target = _LAST_SIDES[0]  # the same texts: reuse what was learnt about them
    else:
        _LAST_SIDES[:] = [(source, target)]
    return AlignmentDocument(source, target, list(beads), list(annotations), meta=meta)


def prepare_caches() -> bool:
    """A first run's one-time preparation besides the dictionary's compile: the sentence
    encoder's unpacked weights. The window runs it in a process of its own while its
    worker thread compiles (a process with threads cannot fork the helper the CLI forks
    for this)."""
    unpack_encoder_weights()
    return True


def unpack_encoder_weights() -> None:
    """``semantic.unpack_weights``, importing the encoder's module (and numpy) only when
    called: the ``also`` the CLI and the window give a first run's forked helper."""
    from aligner_gui.core.qe.semantic import unpack_weights

    unpack_weights()


def worker_init() -> None:
    """In the worker: end with the window's process, even when that one is killed."""
    from aligner_gui.core.runtime.lifeline import die_with_parent

    die_with_parent()


def warm_up() -> bool:
    """Load the dictionary and the sentence encoder ahead of the first request."""
    from aligner_gui.core.lexicon.shared import get_lexicon
    from aligner_gui.core.qe.semantic import encoder

    get_lexicon()
    encoder()
    return True


def suggestions(source: Side, target: Side, beads: Sequence[Bead],
                annotations: Sequence[Annotation],
                meta: dict[str, Any] | None = None) -> list[Any]:
    """``offers.suggestions``; ``meta`` carries the project's glossary path. The
    negation check needs the dictionary: this worker loads it when its cache is built
    (a first run's compile is left to the alignment, which announces it)."""
    from aligner_gui.core import offers
    from aligner_gui.core.lexicon.shared import load_if_cached

    load_if_cached()
    return offers.suggestions(_document(source, target, beads, annotations, meta))


def rescored(source: Side, target: Side, beads: Sequence[Bead],
             annotations: Sequence[Annotation]) -> tuple[list[Bead], dict[str, Any]]:
    from aligner_gui.core.pipeline import rescored as compute

    doc = _document(source, target, beads, annotations)
    return compute(doc, doc.beads)
