"""The alignment document: the single source of truth for texts, beads and annotations.

Widgets, the CLI and the exporters read this object; every change goes through its
mutation methods, which notify listeners (the GUI's table models turn those
notifications into Qt signals). Nothing here imports Qt.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

SIDES = ("source", "target")
BEAD_STATUSES = ("auto", "confirmed", "manual")
SEVERITIES = ("neutral", "minor", "major", "critical")

# Flags the engine puts on beads.
FLAG_OMISSION = "omission"
FLAG_ADDITION = "addition"
FLAG_LOW_SCORE = "low-score"
FLAG_NUMBER_MISMATCH = "number-mismatch"
FLAG_NAME_MISMATCH = "name-mismatch"  # a name rendered as another (core/name_check.py)
# A bead whose risk (probability of a Major Accuracy error, core/qe/risk.py) is at least
# this is "risky": Review -> Next risky bead, the filter, the overview, the reports.
RISKY = 0.5
# details[UNCOVERED_KEY]: the coverage lens's uncovered spans of a bead (core/coverage.py).
UNCOVERED_KEY = "uncovered"
# bead.details key: the meaning match of the two sides (core/qe/semantic.py), 3 decimals
MEANING_KEY = "meaning"
# bead.details key: edge sentences of a merged bead that look left out (core/qe/glued.py),
# [{"side", "sentence", "alone", "drop"}].
GLUED_KEY = "glued"
# details of a one-sided bead paired back with the other side's one-sided bead it is the
# translation of (a sentence the translator moved): {"bead": index, "match": coverage}.
MOVED_KEY = "moved"
# Classes of unaligned source (English) text; also used as flags on 1-0 beads. The first
# four are the contract; byline and editor-note are page furniture too.
OMISSION_CLASSES = ("headline", "more-link", "photo-caption", "content", "byline", "editor-note")


@dataclass(frozen=True)
class Sentence:
    """One sentence of one side; start/end are code-point offsets into the side's text."""

    id: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass
class Side:
    lang: str  # "en" or "zh"
    role: str  # "original" or "translation"
    text: str
    sentences: list[Sentence]

    def paragraph_count(self) -> int:
        return (self.sentences[-1].paragraph + 1) if self.sentences else 0

    def span_text(self, ids: Sequence[int]) -> str:
        """The text covered by the given sentences, joined the way the aligner sees them."""
        sep = "" if self.lang == "zh" else " "
        return sep.join(self.sentences[i].text for i in ids)


@dataclass
class Bead:
    """A pairing of consecutive source sentences with consecutive target sentences."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float | None = None
    status: str = "auto"
    flags: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    # Estimated probability that a professional reviewer marks a Major Accuracy error here
    # (core/qe/risk.py); None until something scores the bead.
    risk: float | None = None
    # Spans likely to hold that error: {"side", "start", "end", "category", "confidence"},
    # offsets into the side's text (code points).
    suspects: list[dict[str, Any]] = field(default_factory=list)

    @property
    def is_risky(self) -> bool:
        return self.risk is not None and self.risk >= RISKY

    @property
    def kind(self) -> str:
        """Bead type as "source-target" counts, e.g. "1-2" or "1-0"."""
        return f"{len(self.source)}-{len(self.target)}"

    def copy(self) -> Bead:
        return Bead(
            tuple(self.source),
            tuple(self.target),
            self.score,
            self.status,
            list(self.flags),
            dict(self.details),
            self.risk,
            [dict(s) for s in self.suspects],
        )


def meaning_median(beads: Sequence[Bead]) -> float | None:
    """The median meaning match (``details["meaning"]``) of the beads that have one: what
    a bead's own is read against. Its level depends on the kind of text (faithful literary
    translation has a median about .54 on mac-dev, error-free MT of talks about .77)."""
    import statistics  # not at import: the window imports this module before it shows

    values = [m for b in beads
              if isinstance(m := b.details.get(MEANING_KEY), (int, float))]  # fmt: skip
    return statistics.median(values) if values else None


def riskiest(beads: Sequence[Bead], count: int | None = None) -> list[int]:
    """Indices of the beads with a risk, riskiest first (ties in reading order)."""
    ranked = sorted(
        (k for k, b in enumerate(beads) if b.risk is not None),
        key=lambda k: (-float(beads[k].risk or 0.0), k),
    )
    return ranked if count is None else ranked[:count]


def new_annotation_id() -> str:
    """A fresh annotation id (12 hex digits)."""
    return uuid.uuid4().hex[:12]


@dataclass
class Annotation:
    """An editor's (or accepted suggestion's) mark on a span of one side's text."""

    type: str  # omission | mistranslation | addition | untranslated | other ...
    side: str  # "source" | "target"
    start: int
    end: int
    text: str
    category: str  # MQM category path, e.g. "Accuracy/Omission"
    severity: str = "major"
    comment: str = ""
    correction: str = ""
    tags: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_annotation_id)
    extra: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Annotation:
        return Annotation(
            self.type,
            self.side,
            self.start,
            self.end,
            self.text,
            self.category,
            self.severity,
            self.comment,
            self.correction,
            list(self.tags),
            self.id,
            dict(self.extra),
        )


class DocumentError(ValueError):
    """An edit that would break the document's invariants."""


Listener = Callable[[str, dict[str, Any]], None]


def _apply_changes(
    target: Any, changes: dict[str, Any], check: Callable[[str, Any], None]
) -> dict[str, Any]:
    """Set fields of a bead or an annotation; the previous values, for undo.

    Every change is checked first, so a refused change set changes nothing.
    """
    for key, value in changes.items():
        check(key, value)
    previous: dict[str, Any] = {}
    for key, value in changes.items():
        previous[key] = getattr(target, key)
        setattr(target, key, value)
    return previous


def _check_bead_change(key: str, value: Any) -> None:
    if key not in ("score", "status", "flags", "details", "risk", "suspects"):
        raise DocumentError(f"bead field {key!r} cannot be set")
    if key == "status" and value not in BEAD_STATUSES:
        raise DocumentError(f"unknown bead status {value!r}")


def _check_annotation_change(annotation: Annotation, key: str, value: Any) -> None:
    if key in ("id", "side", "start", "end", "text"):
        raise DocumentError(f"annotation field {key!r} is fixed")
    if not hasattr(annotation, key):
        raise DocumentError(f"unknown annotation field {key!r}")
    if key == "severity" and value not in SEVERITIES:
        raise DocumentError(f"unknown severity {value!r}")


class AlignmentDocument:
    """Texts, sentences, beads and annotations, with a mutation API that keeps them valid.

    Invariants: beads are in reading order and cover every sentence of both sides
    exactly once; each bead's ids are consecutive. Listeners receive
    ``(event, info)`` after each change: ``beads_replaced`` {start, removed, added},
    ``bead_changed`` {index}, ``annotation_added`` {index}, ``annotation_changed``
    {index}, ``annotation_removed`` {index}, ``scores_changed`` {}, ``reset`` {}.
    """

    def __init__(
        self,
        source: Side,
        target: Side,
        beads: Iterable[Bead] = (),
        annotations: Iterable[Annotation] = (),
        scores: dict[str, Any] | None = None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.source = source
        self.target = target
        self.beads: list[Bead] = list(beads)
        self.annotations: list[Annotation] = list(annotations)
        self.scores: dict[str, Any] = dict(scores or {})
        self.meta: dict[str, Any] = dict(meta or {})
        self._listeners: list[Listener] = []

    # -- observation -------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: str, **info: Any) -> None:
        for listener in list(self._listeners):
            listener(event, info)

    def side(self, name: str) -> Side:
        if name == "source":
            return self.source
        if name == "target":
            return self.target
        raise DocumentError(f"unknown side {name!r}")

    def bead_of_sentence(self, side: str, sentence_id: int) -> int:
        """Index of the bead holding the given sentence (binary search over reading order)."""
        lo, hi = 0, len(self.beads)
        attr = side
        while lo < hi:
            mid = (lo + hi) // 2
            ids = getattr(self.beads[mid], attr)
            if ids and sentence_id < ids[0]:
                hi = mid
            elif ids and sentence_id > ids[-1]:
                lo = mid + 1
            else:
                # Empty on this side, or contains it: scan locally.
                for j in range(max(0, mid - 64), min(len(self.beads), mid + 65)):
                    if sentence_id in getattr(self.beads[j], attr):
                        return j
                break
        for j, bead in enumerate(self.beads):
            if sentence_id in getattr(bead, attr):
                return j
        raise DocumentError(f"{side} sentence {sentence_id} is in no bead")

    def bead_span(self, index: int, side: str) -> tuple[int, int] | None:
        """Code-point span of a bead's side in that side's text, or None if empty."""
        ids = getattr(self.beads[index], side)
        if not ids:
            return None
        sents = self.side(side).sentences
        return sents[ids[0]].start, sents[ids[-1]].end

    # -- validation --------------------------------------------------------------------

    def check(self) -> None:
        """Raise DocumentError unless beads cover both sides in order, exactly once."""
        for name in SIDES:
            side = self.side(name)
            expected = 0
            for k, sentence in enumerate(side.sentences):
                if sentence.id != k:
                    raise DocumentError(f"{name} sentence {k} has id {sentence.id}")
                if not (0 <= sentence.start <= sentence.end <= len(side.text)):
                    raise DocumentError(f"{name} sentence {k} has offsets out of range")
                if side.text[sentence.start : sentence.end] != sentence.text:
                    raise DocumentError(f"{name} sentence {k} text does not match its offsets")
            for b, bead in enumerate(self.beads):
                for i in getattr(bead, name):
                    if i != expected:
                        raise DocumentError(
                            f"bead {b}: {name} sentence {i} out of order (expected {expected})"
                        )
                    expected += 1
            if expected != len(side.sentences):
                raise DocumentError(
                    f"beads cover {expected} of {len(side.sentences)} {name} sentences"
                )
        for b, bead in enumerate(self.beads):
            if not bead.source and not bead.target:
                raise DocumentError(f"bead {b} is empty")
            if bead.status not in BEAD_STATUSES:
                raise DocumentError(f"bead {b} has unknown status {bead.status!r}")

    # -- bead mutations ----------------------------------------------------------------

    def replace_beads(self, start: int, stop: int, new: Sequence[Bead]) -> list[Bead]:
        """Replace beads[start:stop] by ``new`` (which must cover the same sentences).

        Returns the removed beads, so an undo command can put them back.
        """
        if not (0 <= start <= stop <= len(self.beads)):
            raise DocumentError(f"bead range {start}:{stop} out of range")
        old = self.beads[start:stop]
        for name in SIDES:
            had = [i for b in old for i in getattr(b, name)]
            has = [i for b in new for i in getattr(b, name)]
            if had != has:
                raise DocumentError(f"replacement changes the {name} sentences covered")
        for bead in new:
            if not bead.source and not bead.target:
                raise DocumentError("a bead needs at least one sentence")
        self.beads[start:stop] = list(new)
        self._emit("beads_replaced", start=start, removed=stop - start, added=len(new))
        return old

    def set_beads(self, beads: Sequence[Bead]) -> list[Bead]:
        """Replace the whole alignment (e.g. after automatic alignment).

        The new beads must cover every sentence of both sides in order; the
        document may have had no beads before (freshly loaded, not yet aligned).
        """
        for name in SIDES:
            has = [i for b in beads for i in getattr(b, name)]
            if has != list(range(len(self.side(name).sentences))):
                raise DocumentError(
                    f"the new alignment does not cover the {name} sentences in order"
                )
        for bead in beads:
            if not bead.source and not bead.target:
                raise DocumentError("a bead needs at least one sentence")
        old = self.beads
        self.beads = list(beads)
        self._emit("beads_replaced", start=0, removed=len(old), added=len(self.beads))
        return old

    def update_bead(self, index: int, **changes: Any) -> dict[str, Any]:
        """Change score/status/flags/details/risk/suspects of one bead; returns previous values."""
        previous = _apply_changes(self.beads[index], changes, _check_bead_change)
        self._emit("bead_changed", index=index)
        return previous

    # -- annotation mutations ----------------------------------------------------------

    def add_annotation(self, annotation: Annotation, index: int | None = None) -> int:
        side = self.side(annotation.side)
        if not (0 <= annotation.start <= annotation.end <= len(side.text)):
            raise DocumentError("annotation offsets out of range")
        if index is None:
            index = len(self.annotations)
        self.annotations.insert(index, annotation)
        self._emit("annotation_added", index=index)
        return index

    def annotation_index(self, annotation_id: str) -> int:
        for k, annotation in enumerate(self.annotations):
            if annotation.id == annotation_id:
                return k
        raise DocumentError(f"no annotation {annotation_id!r}")

    def update_annotation(self, annotation_id: str, **changes: Any) -> dict[str, Any]:
        index = self.annotation_index(annotation_id)
        annotation = self.annotations[index]
        previous = _apply_changes(
            annotation, changes, lambda key, value: _check_annotation_change(annotation, key, value)
        )
        self._emit("annotation_changed", index=index)
        return previous

    def remove_annotation(self, annotation_id: str) -> tuple[int, Annotation]:
        index = self.annotation_index(annotation_id)
        annotation = self.annotations.pop(index)
        self._emit("annotation_removed", index=index)
        return index, annotation

    # -- scores ------------------------------------------------------------------------

    def set_scores(self, scores: dict[str, Any]) -> None:
        self.scores = dict(scores)
        self._emit("scores_changed")
