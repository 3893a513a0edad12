"""The figures the review queue shows of a project: read from its file without building
the document, or taken from the document in memory."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner_gui.io.errors import ProjectFormatError

if TYPE_CHECKING:
    from aligner_gui.core.model import AlignmentDocument

PROJECT_FORMAT = "aligner-gui"  # io.project.FORMAT, without importing the schema machinery


# What the state file's figures count (written with them): figures without it were written
# by an older version, which counted omitted beads, not sentences.
FIGURES_KIND = "omitted-sentences+mismatches"


class StaleFigures(ValueError):
    """Figures of the state file counted in an older way: read the project again."""


@dataclass(frozen=True)
class Figures:
    """What the queue shows of an aligned project, read from its ``scores`` and lists.

    ``omissions`` counts untranslated source *sentences*, as the batch summary's
    ``omitted`` column and the scores panel do (a dropped passage of three sentences is
    three), taken from the beads themselves."""

    omissions: int | None = None
    expected_major: float | None = None  # scores["risk"]["expected_major"]
    risky_beads: int | None = None
    # Beads whose numbers or names differ (scores["number_mismatch"] + ["name_mismatch"]):
    # the queue ranked a story with two wrong figures below a long clean one.
    mismatches: int | None = None
    annotations: int = 0
    source_sentences: int = 0
    target_sentences: int = 0
    beads: int = 0

    @classmethod
    def from_project(cls, data: dict[str, Any]) -> Figures:
        beads = data.get("beads")
        return cls._from_parts(
            _get(data, "scores"),
            _omitted([(b.get("source"), b.get("target")) for b in beads if isinstance(b, dict)]
                     if isinstance(beads, list) else None),
            annotations=_length(data.get("annotations")),
            source_sentences=_length(_get(data, "source", "sentences")),
            target_sentences=_length(_get(data, "target", "sentences")),
            beads=_length(data.get("beads")),
        )

    @classmethod
    def from_document(cls, doc: AlignmentDocument) -> Figures:
        """The figures its project file will hold, from the document in memory (a window
        that just saved it need not read the file back)."""
        return cls._from_parts(
            doc.scores,
            _omitted([(b.source, b.target) for b in doc.beads]),
            annotations=len(doc.annotations),
            source_sentences=len(doc.source.sentences),
            target_sentences=len(doc.target.sentences),
            beads=len(doc.beads),
        )

    @classmethod
    def _from_parts(cls, scores: Any, omitted: int | None, **counts: int) -> Figures:
        scores = scores if isinstance(scores, dict) else {}
        risk = scores.get("risk")
        risk = risk if isinstance(risk, dict) else {}
        numbers, names = _int(scores.get("number_mismatch")), _int(scores.get("name_mismatch"))
        return cls(
            omissions=omitted,
            expected_major=_number(risk.get("expected_major")),
            risky_beads=_int(risk.get("risky_beads")),
            mismatches=None if numbers is None and names is None else (numbers or 0) + (names or 0),
            **counts,
        )

    def to_dict(self) -> dict[str, Any]:
        return {"counts": FIGURES_KIND, **{name: getattr(self, name) for name in _FIGURE_FIELDS}}

    @classmethod
    def from_dict(cls, data: Any) -> Figures:
        """From the state file; raises ValueError on anything but what to_dict writes
        (StaleFigures for what an older version wrote)."""
        if not isinstance(data, dict):
            raise ValueError("figures are not an object")
        if data.get("counts") != FIGURES_KIND:
            raise StaleFigures("figures counted by an older version")
        values: dict[str, Any] = {}
        for name in _FIGURE_FIELDS:
            value = data.get(name)
            if name in ("expected_major",):
                if value is not None and _number(value) is None:
                    raise ValueError(f"bad {name}")
            elif (value is not None or name in _COUNTS) and _int(value) is None:
                raise ValueError(f"bad {name}")
            values[name] = value
        return cls(**values)


_FIGURE_FIELDS = ("omissions", "expected_major", "risky_beads", "mismatches", "annotations",
                  "source_sentences", "target_sentences", "beads")
_COUNTS = ("annotations", "source_sentences", "target_sentences", "beads")


class NotAProject(ProjectFormatError):
    """Valid JSON of some other kind (a key file, a config): not listed."""


def read_figures(path: str | Path) -> Figures:
    """The figures of a project file without building the document (no schema validation:
    the window validates when it opens the project). Raises ProjectError (one line)."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ProjectFormatError(f"{path.name} is not valid JSON ({one_line(error)})") from None
    if not isinstance(data, dict) or data.get("format") != PROJECT_FORMAT:
        raise NotAProject(f"{path.name} is not an aligner-gui project")
    return Figures.from_project(data)


def _omitted(beads: list[tuple[Any, Any]] | None) -> int | None:
    """Source sentences in beads without a translation; None when the beads are unreadable."""
    if beads is None:
        return None
    total = 0
    for source, target in beads:
        if not isinstance(source, (list, tuple)) or not isinstance(target, (list, tuple)):
            return None
        if source and not target:
            total += len(source)
    return total


def _get(data: dict[str, Any], *keys: str) -> Any:
    value: Any = data
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _length(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def _int(value: Any) -> int | None:
    return value if type(value) is int else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
