"""MQM error categories, severity weights and document scores (Qt-free).

The default weights are those of the WMT human evaluations (Freitag et al. 2021):
Minor 1, Major 5, Neutral 0, minor Fluency/Punctuation 0.1, Non-translation 25 and
Source errors 0. WMT did not use Critical; 10 follows common MQM scorecards. Scores
are penalties (lower is better), reported per segment (bead) and per 1,000 source words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from aligner_gui.core.model import (
    FLAG_ADDITION,
    FLAG_LOW_SCORE,
    FLAG_NAME_MISMATCH,
    FLAG_NUMBER_MISMATCH,
    FLAG_OMISSION,
    MOVED_KEY,
    OMISSION_CLASSES,
    SEVERITIES,
    AlignmentDocument,
    Annotation,
    Bead,
)

# (category path, annotation type it implies, side it is usually marked on)
CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("Accuracy/Mistranslation", "mistranslation", "target"),
    ("Accuracy/Omission", "omission", "source"),
    ("Accuracy/Addition", "addition", "target"),
    ("Accuracy/Untranslated", "untranslated", "target"),
    ("Fluency/Grammar", "grammar", "target"),
    ("Fluency/Punctuation", "punctuation", "target"),
    ("Fluency/Spelling", "spelling", "target"),
    ("Fluency/Inconsistency", "inconsistency", "target"),
    ("Terminology", "terminology", "target"),
    ("Style", "style", "target"),
    ("Locale convention", "locale-convention", "target"),
    ("Source error", "source-error", "source"),
    ("Non-translation", "non-translation", "target"),
    ("Other", "other", "target"),
)
CATEGORY_NAMES: tuple[str, ...] = tuple(c[0] for c in CATEGORIES)
TYPE_OF_CATEGORY: dict[str, str] = {c[0]: c[1] for c in CATEGORIES}
CATEGORY_OF_TYPE: dict[str, str] = {c[1]: c[0] for c in CATEGORIES}
SIDE_OF_CATEGORY: dict[str, str] = {c[0]: c[2] for c in CATEGORIES}

def annotation_type(category: str) -> str:
    """Our annotation type for an MQM category path: the longest known prefix in
    :data:`CATEGORIES` ("Style/Awkward" -> "style", "Non-translation!" -> "non-translation",
    WMT's "Accuracy/Untranslated text" -> "untranslated")."""
    parts = [p.strip() for p in category.strip().rstrip("!").split("/")]
    for k in range(len(parts), 0, -1):
        known = TYPE_OF_CATEGORY.get("/".join(parts[:k]))
        if known:
            return known
    if parts[-1].lower().startswith("untranslated"):
        return "untranslated"
    return "other"


TAGS = ("headline", "more-link", "photo-caption", "content", "byline", "editor-note", "number",
        "name", "date")


@dataclass(frozen=True)
class MqmWeights:
    """Penalty points per error; configurable (the settings store them as a dict)."""

    neutral: float = 0.0
    minor: float = 1.0
    major: float = 5.0
    critical: float = 10.0
    minor_punctuation: float = 0.1
    non_translation: float = 25.0
    source_error: float = 0.0

    def weight(self, annotation: Annotation) -> float:
        category = annotation.category.strip().lower()
        if category.startswith("non-translation"):
            return self.non_translation
        if category.startswith("source error"):
            return self.source_error
        severity = annotation.severity
        if severity == "minor" and category == "fluency/punctuation":
            return self.minor_punctuation
        return float(getattr(self, severity)) if severity in SEVERITIES else self.major

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> MqmWeights:
        """Build from a possibly partial or stale mapping; unknown keys are ignored."""
        if not data:
            return cls()
        known = {f.name for f in fields(cls)}
        values: dict[str, float] = {}
        for key, value in data.items():
            if key in known:
                try:
                    values[key] = float(value)
                except (TypeError, ValueError):
                    continue
        return cls(**values)


WMT_WEIGHTS = MqmWeights()


@dataclass
class MqmScore:
    errors: int = 0
    total: float = 0.0
    segments: int = 0
    source_words: int = 0
    per_segment: float = 0.0  # mean penalty per segment
    per_1000_words: float = 0.0
    by_category: dict[str, float] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)
    segment_penalties: dict[int, float] = field(default_factory=dict)


_EN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def count_words(text: str, lang: str = "en") -> int:
    """Source words: alphanumeric tokens for English; characters for Chinese."""
    if lang == "zh":
        return len(_CJK.findall(text)) + len(_EN_WORD.findall(_CJK.sub(" ", text)))
    return len(_EN_WORD.findall(text))


def segment_of(doc: AlignmentDocument, annotation: Annotation) -> int | None:
    """Index of the bead whose span on the annotation's side holds its start, if any."""
    side = doc.side(annotation.side)
    sentences = side.sentences
    if not sentences or not doc.beads:
        return None
    lo, hi = 0, len(sentences)
    while lo < hi:  # last sentence starting at or before the annotation
        mid = (lo + hi) // 2
        if sentences[mid].start <= annotation.start:
            lo = mid + 1
        else:
            hi = mid
    sentence = max(0, lo - 1)
    try:
        return doc.bead_of_sentence(annotation.side, sentence)
    except ValueError:
        return None


def score_annotations(
    annotations: Iterable[Annotation],
    *,
    segments: int,
    source_words: int,
    weights: MqmWeights = WMT_WEIGHTS,
    segment_index: Sequence[int | None] | None = None,
) -> MqmScore:
    score = MqmScore(segments=segments, source_words=source_words)
    for k, annotation in enumerate(annotations):
        penalty = weights.weight(annotation)
        score.errors += 1
        score.total += penalty
        top = annotation.category.split("/", 1)[0] or "Other"
        score.by_category[top] = score.by_category.get(top, 0.0) + penalty
        score.by_severity[annotation.severity] = score.by_severity.get(annotation.severity, 0) + 1
        if segment_index is not None and segment_index[k] is not None:
            seg = int(segment_index[k])  # type: ignore[arg-type]
            score.segment_penalties[seg] = score.segment_penalties.get(seg, 0.0) + penalty
    score.per_segment = score.total / segments if segments else 0.0
    score.per_1000_words = score.total * 1000.0 / source_words if source_words else 0.0
    return score


def score_document(
    doc: AlignmentDocument, weights: MqmWeights = WMT_WEIGHTS, *, source_words: int | None = None
) -> MqmScore:
    """MQM penalty of the document's annotations; segments are the beads.

    ``source_words`` may be passed by callers that score the same text repeatedly.
    """
    segments = len(doc.beads) or len(doc.source.sentences)
    words = count_words(doc.source.text, doc.source.lang) if source_words is None else source_words
    index = [segment_of(doc, a) for a in doc.annotations]
    return score_annotations(
        doc.annotations,
        segments=segments,
        source_words=words,
        weights=weights,
        segment_index=index,
    )


# -- review figures and suggestions ----------------------------------------------------


@dataclass
class ReviewFigures:
    """What the scores panel shows besides MQM: coverage and unaligned text by class."""

    beads: int = 0
    source_sentences: int = 0
    aligned_source: int = 0
    target_sentences: int = 0
    aligned_target: int = 0
    omissions: dict[str, int] = field(default_factory=dict)
    additions: int = 0
    mean_score: float | None = None
    confirmed: int = 0
    low_score: int = 0
    number_mismatch: int = 0
    name_mismatch: int = 0

    @property
    def source_coverage(self) -> float:
        return self.aligned_source / self.source_sentences if self.source_sentences else 0.0

    @property
    def target_coverage(self) -> float:
        return self.aligned_target / self.target_sentences if self.target_sentences else 0.0


def review_figures(doc: AlignmentDocument) -> ReviewFigures:
    figures = ReviewFigures(
        beads=len(doc.beads),
        source_sentences=len(doc.source.sentences),
        target_sentences=len(doc.target.sentences),
    )
    scores: list[float] = []
    for bead in doc.beads:
        if bead.source and bead.target:
            figures.aligned_source += len(bead.source)
            figures.aligned_target += len(bead.target)
        elif bead.source:
            cls = omission_class(bead.flags)
            figures.omissions[cls] = figures.omissions.get(cls, 0) + len(bead.source)
        else:
            figures.additions += len(bead.target)
        if bead.score is not None and bead.source and bead.target:
            scores.append(float(bead.score))
        if bead.status == "confirmed":
            figures.confirmed += 1
        if FLAG_LOW_SCORE in bead.flags:
            figures.low_score += 1
        if FLAG_NUMBER_MISMATCH in bead.flags:
            figures.number_mismatch += 1
        if FLAG_NAME_MISMATCH in bead.flags:
            figures.name_mismatch += 1
    figures.mean_score = sum(scores) / len(scores) if scores else None
    return figures


def omission_class(flags: Iterable[str]) -> str:
    for flag in flags:
        if flag in OMISSION_CLASSES:
            return flag
    return "content"


@dataclass(frozen=True)
class Suggestion:
    """An engine flag offered to the editor as a ready-made annotation."""

    bead: int
    flag: str
    annotation: Annotation


# Severity proposed for omitted text of each class: a missing "MORE:" link or photo
# caption is usual in news translation and rarely an error.
_OMISSION_SEVERITY = {"content": "major", "headline": "minor", "photo-caption": "minor",
                      "more-link": "neutral", "byline": "neutral", "editor-note": "minor"}


# What a one-sided bead's suggestion says (its class decides the severity above).
_ONE_SIDED_NOTES = {
    ("omission", "content"): "no translation of this sentence",
    ("omission", "headline"): "the headline has no translation",
    ("omission", "more-link"): "a link or page line with no translation (often left out)",
    ("omission", "photo-caption"): "a photo caption with no translation",
    ("omission", "byline"): "a byline with no translation (often left out)",
    ("omission", "editor-note"): "an editor's note with no translation",
    ("addition", "content"): "nothing in the original corresponds",
    ("addition", "byline"): "the translation's own byline",
    ("addition", "editor-note"): "the translator's or editor's own note",
    ("addition", "more-link"): "the translation's own link or page line",
}


def _listing(
    found: Any, labels: tuple[tuple[str, str], ...], shown: Callable[[Any], str] = str
) -> str:
    """ "label values; label values" for the keys of a details entry that have values."""
    if not isinstance(found, dict):
        return ""
    parts = []
    for key, label in labels:
        values = found.get(key) or []
        if values:
            parts.append(f"{label}{', '.join(shown(v) for v in values)}")
    return "; ".join(parts)


_LONG_NUMBER = re.compile(r"(\d{5,})(\.\d+)?")


def readable_number(value: Any) -> str:
    """A canonical number as an editor reads it: 700000000000 as 700,000,000,000."""
    text = str(value)
    found = _LONG_NUMBER.fullmatch(text)
    if found is None:
        return text
    return f"{int(found.group(1)):,}{found.group(2) or ''}"


def number_note(bead: Bead) -> str:
    """What the engine found about numbers: "missing 1,550; extra 2010" (or "")."""
    return _listing(bead.details.get("numbers"), (("missing", "missing "), ("extra", "extra ")),
                    readable_number)


def name_note(bead: Bead) -> str:
    """What the engine found about names: "English: Pompeo; Chinese: 博尔顿" (or "")."""
    found = bead.details.get("name_mismatch")
    return _listing(found, (("en", "English: "), ("zh", "Chinese: ")))


def low_score_note(bead: Bead) -> str:
    """What the low-score flag says: "alignment confidence 0.42: the pairing is doubtful"
    (the aligner's posterior), or for a bead without one (joined by hand, imported) "match
    0.12: the pairing or the translation is doubtful". No finding about the wording, so
    the comment says so."""
    posterior = bead.details.get("align")
    if isinstance(posterior, (int, float)):
        return f"alignment confidence {float(posterior):.2f}: the pairing is doubtful"
    if bead.score is None:
        return ""
    return f"match {float(bead.score):.2f}: the pairing or the translation is doubtful"


def suggestion_for(doc: AlignmentDocument, index: int, flag: str) -> Annotation | None:
    bead = doc.beads[index]
    if flag in (FLAG_OMISSION, *OMISSION_CLASSES) and bead.source and not bead.target:
        cls = omission_class(bead.flags)
        side, type_, category, severity = "source", "omission", "Accuracy/Omission", \
            _OMISSION_SEVERITY.get(cls, "major")
        tags = [cls]
    elif flag == FLAG_ADDITION and bead.target and not bead.source:
        side, type_, category, severity, tags = "target", "addition", "Accuracy/Addition", \
            "major", []
        furniture = [f for f in bead.flags if f in OMISSION_CLASSES]
        if furniture:  # the translator's note or the page's furniture: no error
            severity, tags = "neutral", furniture[:1]
    elif flag == FLAG_NUMBER_MISMATCH and bead.target:
        side, type_, category, severity, tags = "target", "mistranslation", \
            "Accuracy/Mistranslation", "major", ["number"]
        comment = number_note(bead)
    elif flag == FLAG_NAME_MISMATCH and bead.target and bead.source:
        side, type_, category, severity, tags = "target", "mistranslation", \
            "Accuracy/Mistranslation", "major", ["name"]
        comment = "names differ: " + name_note(bead)
    elif flag == FLAG_LOW_SCORE and bead.target:
        side, type_, category, severity, tags = "target", "mistranslation", \
            "Accuracy/Mistranslation", "minor", []
    else:
        return None
    span = doc.bead_span(index, side)
    if span is None:
        return None
    start, end = span
    if flag == FLAG_NUMBER_MISMATCH:  # on the number that came in, where it can be found
        from aligner_gui.core.scoring.number_match import locate_number

        extra = (bead.details.get("numbers") or {}).get("extra") or []
        at = locate_number(doc.target.text[start:end], doc.target.lang, extra)
        if at is not None:
            start, end = start + at[0], start + at[1]
    if flag == FLAG_NAME_MISMATCH:  # on the translation's odd name, as the check puts it
        found = bead.details.get("name_mismatch") or {}
        text = doc.target.text[start:end]
        for name in found.get(doc.target.lang) or ():
            k = text.find(name) if isinstance(name, str) else -1
            if k >= 0:
                start, end = start + k, start + k + len(name)
                break
    if flag == FLAG_LOW_SCORE:
        comment = low_score_note(bead)
    elif type_ in ("omission", "addition"):
        comment = _ONE_SIDED_NOTES.get((type_, tags[0] if tags else "content"), "")
    elif flag not in (FLAG_NUMBER_MISMATCH, FLAG_NAME_MISMATCH):
        comment = ""
    moved = bead.details.get(MOVED_KEY) if not (bead.source and bead.target) else None
    if isinstance(moved, dict) and isinstance(moved.get("bead"), int):
        # Not lost: the translator moved it, to be checked where it stands now.
        severity = "neutral"
        where = moved["bead"] + 1
        comment = (f"moved: translated at bead {where}" if side == "source"
                   else f"moved: the translation of bead {where}")
    return span_annotation(doc, side, start, end, type_=type_, category=category,
                           severity=severity, comment=comment, tags=tags, suggested_by=flag)


def span_annotation(
    doc: AlignmentDocument,
    side: str,
    start: int,
    end: int,
    *,
    type_: str,
    category: str,
    severity: str = "major",
    comment: str = "",
    tags: Iterable[str] = (),
    suggested_by: str | None = None,
) -> Annotation:
    """An annotation of ``side``'s text from ``start`` to ``end``, that text copied in: the
    editor's mark, or (``suggested_by`` the flag) what a suggestion proposes."""
    return Annotation(
        type=type_,
        side=side,
        start=start,
        end=end,
        text=doc.side(side).text[start:end],
        category=category,
        severity=severity,
        comment=comment,
        tags=list(tags),
        extra={} if suggested_by is None else {"suggested_by": suggested_by},
    )


def same_mark(
    doc: AlignmentDocument, side: str, start: int, end: int, category: str
) -> Annotation | None:
    """An annotation of ``category`` on exactly this span of ``side``, if there is one (a
    second would count the same error twice in the MQM score)."""
    return next((a for a in doc.annotations if (a.side, a.start, a.end, a.category)
                 == (side, start, end, category) and not a.extra.get("orphan")), None)


REVIEWED_KEY = "reviewed_flags"


class SpanOffers:
    """Engine findings on a span turned into suggestions, one rule for every source (the
    coverage lens, the QA checks, the risk model's suspects): a flag the editor reviewed
    (``details["reviewed_flags"]``) is not offered again, nor a span that an annotation of
    the same type and side already marks."""

    def __init__(self, doc: AlignmentDocument) -> None:
        self.doc = doc
        self.annotated: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for a in doc.annotations:
            self.annotated.setdefault((a.side, a.type), []).append((a.start, a.end))

    def offer(
        self,
        index: int,
        flag: str,
        *,
        side: str,
        start: int,
        end: int,
        category: str,
        severity: str,
        comment: str = "",
        tags: Iterable[str] = (),
        type_: str | None = None,
    ) -> Suggestion | None:
        if flag in self.doc.beads[index].details.get(REVIEWED_KEY, ()):
            return None
        type_ = type_ or annotation_type(category)
        if any(s < end and start < e for s, e in self.annotated.get((side, type_), ())):
            return None
        annotation = span_annotation(self.doc, side, start, end, type_=type_,
                                     category=category, severity=severity, comment=comment,
                                     tags=tags, suggested_by=flag)
        return Suggestion(index, flag, annotation)


def related_flags(flags: Iterable[str], flag: str) -> list[str]:
    """The flags one suggestion stands for: an omission and its class go together."""
    omission_like = (FLAG_OMISSION, *OMISSION_CLASSES)
    if flag in omission_like:
        return [f for f in flags if f in omission_like] or [flag]
    return [flag]
