"""The project file: format "aligner-gui", versioned JSON, validated on load, saved atomically.

Older versions are upgraded step by step through ``MIGRATIONS`` (version n -> n + 1)
before validation, so a file is either loaded whole or refused with a typed error;
it is never half-loaded.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema

from aligner_gui import __version__
from aligner_gui.core.anchoring import context_of, reanchor
from aligner_gui.core.model import (
    AlignmentDocument,
    Annotation,
    Bead,
    DocumentError,
    Sentence,
    Side,
)
from aligner_gui.core.resources import resource
from aligner_gui.core.runtime.gcpause import gc_paused
from aligner_gui.core.text.files import FileReadError, read_limited
from aligner_gui.io.atomic import atomic_write_bytes
from aligner_gui.io.errors import ProjectFormatError, ProjectVersionError, ProjectWriteError

FORMAT = "aligner-gui"
VERSION = 2
MAX_PROJECT_BYTES = 200 * 1024 * 1024

# version n -> function upgrading a version-n dict to version n + 1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds each bead's translation ``risk`` and ``suspects`` (not yet computed)."""
    beads = data.get("beads")
    if isinstance(beads, list):
        data["beads"] = [
            {"risk": None, "suspects": [], **b} if isinstance(b, dict) else b for b in beads
        ]
    return data


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}

# Annotation extras that describe this session only and are not saved.
_TRANSIENT_EXTRA = ("reanchored",)
_ANNOTATION_FIELDS = ("id", "type", "side", "start", "end", "text", "category", "severity",
                      "comment", "correction", "tags")


@cache
def schema(version: int = VERSION) -> dict[str, Any]:
    text = resource("schema", f"project-v{version}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


# -- document <-> dict -----------------------------------------------------------------


def _side_to_dict(side: Side) -> dict[str, Any]:
    return {
        "lang": side.lang,
        "role": side.role,
        "text": side.text,
        "sentences": [
            {"id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text}
            for s in side.sentences
        ],
    }


def _bead_to_dict(bead: Bead) -> dict[str, Any]:
    data: dict[str, Any] = {
        "source": list(bead.source),
        "target": list(bead.target),
        "score": None if bead.score is None else round(float(bead.score), 4),
        "status": bead.status,
        "flags": list(bead.flags),
        "risk": None if bead.risk is None else round(float(bead.risk), 4),
        "suspects": [dict(s) for s in bead.suspects],
    }
    details = dict(bead.details)
    uncovered = details.pop("uncovered", None)
    if details:
        data["details"] = details
    if uncovered is not None:
        data["uncovered"] = uncovered
    return data


def _annotation_to_dict(annotation: Annotation, side_text: str) -> dict[str, Any]:
    data = {name: getattr(annotation, name) for name in _ANNOTATION_FIELDS}
    data["tags"] = list(annotation.tags)
    data.update({k: v for k, v in annotation.extra.items() if k not in _TRANSIENT_EXTRA})
    if not annotation.extra.get("orphan"):
        # Stored so the annotation can find its words again if the text is edited outside.
        data["context"] = context_of(side_text, annotation.start, annotation.end)
    return data


def to_dict(doc: AlignmentDocument) -> dict[str, Any]:
    meta = dict(doc.meta)
    meta.setdefault("created", _now())
    meta["app_version"] = __version__
    return {
        "format": FORMAT,
        "version": VERSION,
        "source": _side_to_dict(doc.source),
        "target": _side_to_dict(doc.target),
        "beads": [_bead_to_dict(b) for b in doc.beads],
        "annotations": [
            _annotation_to_dict(a, doc.side(a.side).text) for a in doc.annotations
        ],
        "scores": doc.scores,
        "meta": meta,
    }


def _side_from_dict(data: dict[str, Any], default_role: str) -> Side:
    sentences = [
        Sentence(s["id"], s["paragraph"], s["start"], s["end"], s["text"])
        for s in data["sentences"]
    ]
    return Side(data["lang"], data.get("role", default_role), data["text"], sentences)


def _bead_from_dict(data: dict[str, Any]) -> Bead:
    details = dict(data.get("details", {}))
    details.pop("uncovered", None)  # reserved: the spans live in the top-level field
    if "uncovered" in data:
        details["uncovered"] = data["uncovered"]
    return Bead(
        tuple(data["source"]),
        tuple(data["target"]),
        data.get("score"),
        data.get("status", "auto"),
        list(data.get("flags", [])),
        details,
        data.get("risk"),
        [dict(s) for s in data.get("suspects", [])],
    )


def _annotation_from_dict(data: dict[str, Any]) -> Annotation:
    extra = {k: v for k, v in data.items() if k not in _ANNOTATION_FIELDS}
    return Annotation(
        type=data["type"],
        side=data["side"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        category=data["category"],
        severity=data["severity"],
        comment=data.get("comment", ""),
        correction=data.get("correction", ""),
        tags=list(data.get("tags", [])),
        id=data["id"],
        extra=extra,
    )


def from_dict(data: Any, *, name: str = "project") -> AlignmentDocument:
    """Migrate, validate and build a document; raises ProjectFormatError/ProjectVersionError."""
    data = upgrade(data, name=name)
    validate(data, name=name)
    doc = AlignmentDocument(
        _side_from_dict(data["source"], "original"),
        _side_from_dict(data["target"], "translation"),
        [_bead_from_dict(b) for b in data["beads"]],
        [_annotation_from_dict(a) for a in data.get("annotations", [])],
        data.get("scores", {}),
        data.get("meta", {}),
    )
    try:
        doc.check()
    except DocumentError as error:
        raise ProjectFormatError(f"{name}: {error}") from None
    for annotation in doc.annotations:
        _reanchor(annotation, doc.side(annotation.side).text)
    return doc


def _reanchor(annotation: Annotation, text: str) -> None:
    """Re-attach an annotation whose offsets no longer match its text, or mark it an orphan."""
    place = reanchor(annotation, text)
    annotation.extra.pop("orphan", None)
    if place.orphan:
        annotation.extra["orphan"] = True
        annotation.start = min(annotation.start, len(text))
        annotation.end = min(max(annotation.end, annotation.start), len(text))
    elif place.moved:
        annotation.start, annotation.end = place.start, place.end
        annotation.extra["reanchored"] = True


# -- versions and validation -----------------------------------------------------------


def upgrade(data: Any, *, name: str = "project") -> dict[str, Any]:
    """Bring an older project dict up to VERSION through the migration registry."""
    if not isinstance(data, dict):
        raise ProjectFormatError(f"{name} is not an aligner-gui project (not a JSON object)")
    if data.get("format") != FORMAT:
        found = data.get("format")
        what = f"format {found!r}" if found is not None else "no \"format\" field"
        raise ProjectFormatError(f"{name} is not an aligner-gui project ({what})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectFormatError(
            f"{name}: \"version\" must be a positive integer, not {version!r}"
        )
    if version > VERSION:
        raise ProjectVersionError(
            f"{name} was written by a newer aligner-gui (file format version {version}; "
            f"this version reads up to {VERSION}): please update aligner-gui"
        )
    while version < VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise ProjectVersionError(f"{name}: no upgrade from file format version {version}")
        data = migrate(dict(data))
        version += 1
        data["version"] = version
    return data


def _where(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


@cache
def _fast_validator(version: int = VERSION) -> Callable[[Any], Any]:
    return fastjsonschema.compile(schema(version))


def _is_strict_integer(_checker: Any, instance: Any) -> bool:
    # JSON Schema counts 3.0 as an integer; offsets and ids must be real ints to slice with.
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _strict_validator() -> Any:
    """jsonschema's validator with strict integers (imported only to explain an error)."""
    import jsonschema

    return jsonschema.validators.extend(
        jsonschema.Draft202012Validator,
        type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
            "integer", _is_strict_integer
        ),
    )


def validate(data: dict[str, Any], *, name: str = "project") -> None:
    """Check a current-version dict against the JSON Schema; the message names the field.

    A compiled validator (fastjsonschema) does the work; only when it finds a problem
    does jsonschema run, to name the most relevant one.
    """
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException as fast_error:
        import jsonschema

        error = jsonschema.exceptions.best_match(_strict_validator()(schema()).iter_errors(data))
        if error is not None:
            message = f"{name}: {_where(error.absolute_path)}: {error.message}"
            raise ProjectFormatError(message) from None
        raise ProjectFormatError(f"{name}: {fast_error}") from None
    _check_integers(data, name)


def _check_integers(data: dict[str, Any], name: str) -> None:
    """Ids and offsets are ints, not floats such as 3.0 (which JSON Schema lets through)."""

    def bad(where: str, value: Any) -> ProjectFormatError:
        return ProjectFormatError(f"{name}: {where}: {value!r} is not of type 'integer'")

    for side in ("source", "target"):
        for k, sentence in enumerate(data[side]["sentences"]):
            for key in ("id", "paragraph", "start", "end"):
                if type(sentence[key]) is not int:
                    raise bad(f"{side}.sentences[{k}].{key}", sentence[key])
    for k, bead in enumerate(data["beads"]):
        for side in ("source", "target"):
            for i in bead[side]:
                if type(i) is not int:
                    raise bad(f"beads[{k}].{side}", i)
        for span in bead.get("uncovered", ()):
            for key in ("start", "end"):
                if type(span[key]) is not int:
                    raise bad(f"beads[{k}].uncovered.{key}", span[key])
    for k, annotation in enumerate(data.get("annotations", ())):
        for key in ("start", "end"):
            if type(annotation[key]) is not int:
                raise bad(f"annotations[{k}].{key}", annotation[key])


# -- files -----------------------------------------------------------------------------


def load_project(path: str | Path) -> AlignmentDocument:
    path = Path(path)
    name = str(path)
    try:
        raw = read_limited(path, MAX_PROJECT_BYTES, "project file")
    except FileReadError as error:
        raise ProjectFormatError(str(error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProjectFormatError(f"{name} is not an aligner-gui project (not UTF-8 JSON)") from None
    if not text.strip():
        raise ProjectFormatError(f"{name} is empty")
    if text.lstrip()[0] not in "{[":
        raise ProjectFormatError(
            f"{name} is not a project file but text: align it into one first "
            f"(aligner align {name} -o PROJECT.json)")
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        if error.msg.startswith("Unterminated") or error.pos >= len(text.rstrip()):
            raise ProjectFormatError(  # json's own words: "Unterminated string starting at"
                f"{name} is cut short: its JSON ends at {where} before it is complete "
                "(an interrupted copy or download?)") from None
        raise ProjectFormatError(
            f"{name} is not valid JSON ({where}: {error.msg.removesuffix(' at')})") from None
    except RecursionError:
        raise ProjectFormatError(f"{name} is nested too deeply to be a project") from None
    except ValueError as error:  # NaN/Infinity, integers of thousands of digits
        raise ProjectFormatError(f"{name} is not valid JSON ({error})") from None
    if _has_lone_surrogate(text):
        raise ProjectFormatError(
            f"{name} contains an invalid character (an unpaired UTF-16 surrogate escape)"
        )
    doc = from_dict(data, name=name)
    return doc


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a number JSON allows")


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise ValueError(f"{token} is too large a number")
    return value


def _has_lone_surrogate(text: str) -> bool:
    """json.loads turns the escape \\ud800 into a character no file can be saved with."""
    if "\\ud" not in text.lower():
        return False
    try:
        json.dumps(json.loads(text), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def dumps(doc: AlignmentDocument) -> str:
    data = to_dict(doc)
    try:
        text = "".join(_layout(data))
    except ValueError:  # a NaN/inf in computed scores: store null rather than refuse to save
        text = "".join(_layout(_finite(data)))
    return text + "\n"


_compact = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode


def _layout(value: Any, indent: str = "") -> Iterator[str]:
    """JSON laid out for people and diffs, in pieces: the top two levels one key a line,
    and each sentence, bead and annotation on a line of its own. Written by json's C
    encoder item by item (``indent=`` would fall back to the pure-Python one, five times
    slower)."""
    inner = indent + " "
    if isinstance(value, dict) and value and len(indent) < 2:
        yield "{\n"
        for k, (key, item) in enumerate(value.items()):
            yield f"{',' + chr(10) if k else ''}{inner}{_compact(key)}: "
            yield from _layout(item, inner)
        yield "\n" + indent + "}"
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        yield "[\n"
        for k, item in enumerate(value):
            yield (",\n" if k else "") + inner + _compact(item)
        yield "\n" + indent + "]"
    else:
        yield _compact(value)


# Characters of JSON text encoded and written at a time by save_project.
_CHUNK_CHARS = 1 << 20


def _encoded(data: dict[str, Any], path: str | Path) -> Iterator[bytes]:
    """The project file's bytes in chunks of about a megabyte, written as they come, so
    the whole text is never in memory (a NaN raises ValueError, as ``_compact`` does)."""
    chunk: list[str] = []
    size = done = 0
    for piece in itertools.chain(_layout(data), ("\n",)):
        chunk.append(piece)
        size += len(piece)
        if size >= _CHUNK_CHARS:
            yield _utf8("".join(chunk), path, done)
            done += size
            chunk, size = [], 0
    if chunk:
        yield _utf8("".join(chunk), path, done)


def _utf8(text: str, path: str | Path, offset: int) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ProjectWriteError(
            f"cannot write {path}: the text holds a character UTF-8 cannot store "
            f"(position {offset + error.start})"
        ) from None


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def save_project(doc: AlignmentDocument, path: str | Path, *, backup: bool = True) -> None:
    """Write atomically; the previous file is kept as ``path.bak``. The text is encoded and
    written a megabyte at a time (the same bytes as :func:`dumps`)."""
    with gc_paused():  # a 10,000-bead project is a million small objects on the way out
        data = to_dict(doc)
        try:
            atomic_write_bytes(path, _encoded(data, path), backup=backup)
        except ValueError:  # a NaN/inf in computed scores: store null rather than refuse
            atomic_write_bytes(path, _encoded(_finite(data), path), backup=backup)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
