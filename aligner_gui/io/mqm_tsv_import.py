"""Import of a WMT MQM TSV: one system's annotations onto their segments.

Reads the WMT20/21 header (doc_id, seg_id) and the WMT22-onward one (docSegId,
globalSegId, metadata) by column name (see ``mqm_tsv``). Categories may carry a
parenthesised suffix, dropped; severities come in any case; the metadata JSON's id,
comment, correction and tags (as this tool's export writes them) go back into the
annotation, the rest of it is kept as ``annotation.extra["metadata"]``; every annotation
keeps its rater in ``extra["rater"]``. Rows with the same id are one annotation (the
export writes an annotation crossing a bead boundary as a row in each bead it covers).
Rows without an id (other tools' files): rows of one rater, category and severity whose
spans run to the end of one segment and from the start of the next are joined into one
annotation, unless both cover their whole segment (a run of dropped lines, one omission
each); two annotations of one rater, category and severity that touch across a boundary
come back as one. Rows of rater ``aligner-gui`` (the engine's suggestions, written by
``--include-suggestions``) are not a reviewer's: they are left out, and rescoring offers
them again. With a base project, an annotation the base already has (the same id, or
the same side, span, category, severity and rater) is not added again; one with the same
id takes the file's severity, category, span, comment, correction and tags (a rater's
edits of an exported file). What is left out or changed is said in
``meta["mqm"]["warnings"]``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from aligner_gui.core.model import (
    SEVERITIES,
    AlignmentDocument,
    Annotation,
    Bead,
    Side,
    new_annotation_id,
)
from aligner_gui.core.scoring.mqm import annotation_type
from aligner_gui.io.errors import ImportFormatError
from aligner_gui.io.format_helpers import (
    bead_segment,
    checked,
    decode_text,
    flat,
    guess_lang,
    read_input_bytes,
    side_from_paragraphs,
)
from aligner_gui.io.mqm_tsv import (
    COLUMN_ALIASES,
    METADATA_FIELDS,
    MQM_HEADER,
    MQM_HEADER_WMT22,
    OPTIONAL_COLUMNS,
    SPAN_CLOSE,
    SPAN_OPEN,
    SUGGESTION_RATER,
    is_mqm_header,
)

_PAREN_SUFFIX = re.compile(r"\s*\([^()]*\)$")


def _unmark(cell: str) -> tuple[str, int, int] | tuple[str, None, None]:
    """Text without <v>…</v>, and the span's offsets in it (None if unmarked)."""
    a = cell.find(SPAN_OPEN)
    if a == -1:
        return cell.replace(SPAN_CLOSE, ""), None, None
    rest = cell[a + len(SPAN_OPEN) :]
    z = rest.find(SPAN_CLOSE)
    if z == -1:
        return cell[:a] + rest, a, len(cell[:a] + rest)
    clean = cell[:a] + rest[:z] + rest[z + len(SPAN_CLOSE) :]
    return clean.replace(SPAN_OPEN, "").replace(SPAN_CLOSE, ""), a, a + z


class _Row:
    """One line of the file: its place (file, line) and its cells by column name."""

    __slots__ = ("file", "line", *MQM_HEADER, *OPTIONAL_COLUMNS)

    def __init__(self, file: str, line: int, cells: dict[str, str]) -> None:
        self.file = file
        self.line = line
        self.system = cells["system"]
        self.doc = cells["doc"]
        self.doc_id = cells["doc_id"]
        self.seg_id = cells["seg_id"]
        self.rater = cells["rater"]
        self.source = cells["source"]
        self.target = cells["target"]
        self.category = cells["category"]
        self.severity = cells["severity"]
        self.metadata = cells.get("metadata", "")


def _read_rows(path: Path) -> list[_Row]:
    name = str(path)
    text = decode_text(read_input_bytes(path, "MQM TSV file"), name)
    lines = text.splitlines()
    header = lines[0].rstrip("\r").split("\t") if lines else []
    if header and not header[-1].strip():
        header = header[:-1]  # a trailing tab
    if not is_mqm_header(header):
        raise ImportFormatError(
            f"{name}: header is not a WMT MQM header ({chr(9).join(MQM_HEADER)!r} or "
            f"{chr(9).join(MQM_HEADER_WMT22)!r})"
        )
    names = [COLUMN_ALIASES.get(c.strip(), c.strip()) for c in header]
    required = sum(1 for n in names if n not in OPTIONAL_COLUMNS)
    rows = []
    for lineno, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) == len(names) + 1 and not cells[-1].strip():
            cells.pop()  # a trailing tab
        if not required <= len(cells) <= len(names) or (
            len(cells) < len(names) and names[len(cells)] not in OPTIONAL_COLUMNS
        ):
            raise ImportFormatError(
                f"{name}: line {lineno} has {len(cells)} columns, expected {len(names)}"
            )
        rows.append(_Row(name, lineno, dict(zip(names, cells, strict=False))))
    if not rows:
        raise ImportFormatError(f"{name}: no rows below the header")
    return rows


def _is_no_error(value: str) -> bool:
    return value.strip().lower() in ("no-error", "no error", "noerror")


def _category_in(category: str) -> str:
    """The category without a parenthesised suffix: "Accuracy/Omission (Translation)" ->
    "Accuracy/Omission" (the suffix some WMT releases add is not part of the MQM path)."""
    return _PAREN_SUFFIX.sub("", category.strip()).strip()


def _metadata_in(row: _Row) -> Any:
    """The metadata cell as JSON when it is JSON, else the text; None when empty."""
    raw = row.metadata.strip()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _fields_in(metadata: Any) -> tuple[dict[str, Any], Any]:
    """The annotation fields this tool's export keeps in the metadata (id, comment,
    correction, tags; values of the wrong type are left where they are), and the rest of
    the metadata (None when nothing is left)."""
    if not isinstance(metadata, dict):
        return {}, metadata
    rest = dict(metadata)
    fields: dict[str, Any] = {}
    for name in METADATA_FIELDS:
        if name == "tags":
            continue  # a list, below
        if isinstance(rest.get(name), str) and rest[name]:
            fields[name] = rest.pop(name)
    tags = rest.get("tags")
    if isinstance(tags, list) and all(isinstance(t, str) for t in tags):
        fields["tags"] = list(rest.pop("tags"))
    return fields, (rest if rest or not fields else None)


def _in_base(doc: AlignmentDocument, new: Annotation, count: int) -> Annotation | None:
    """The one of the first ``count`` annotations (the base's) that ``new`` is: the same
    id, or the same side, span, category, severity and rater."""
    for old in doc.annotations[:count]:
        if old.id == new.id:
            return old
        if (old.side, old.start, old.end, old.category, old.severity) == (
            new.side, new.start, new.end, new.category, new.severity
        ) and old.extra.get("rater") in (None, new.extra.get("rater")):
            return old
    return None


_EDITABLE = ("side", "start", "end", "text", "type", "category", "severity", "comment",
             "correction", "tags")


def _state(annotation: Annotation) -> tuple[Any, ...]:
    return tuple(getattr(annotation, name) for name in _EDITABLE)


def _severity_in(row: _Row, name: str) -> str:
    severity = row.severity.strip().lower()
    if severity not in SEVERITIES:
        raise ImportFormatError(
            f"{name}: line {row.line}: unknown severity {row.severity!r} "
            f"(expected Neutral, Minor, Major, Critical or No-error)"
        )
    return severity


def _segment_key(row: _Row) -> tuple[str, int]:
    try:
        return row.doc, int(row.doc_id)
    except ValueError:
        raise ImportFormatError(
            f"{row.file}: line {row.line}: doc_id {row.doc_id!r} is not a number"
        ) from None


def _rebuild_document(
    rows: list[_Row], name: str
) -> tuple[AlignmentDocument, dict[tuple[str, int], int]]:
    """One bead per segment (doc, doc_id), sentences from the source/target columns.

    Returns the document and segment key -> bead index."""
    segments: dict[tuple[str, int], tuple[str, str]] = {}
    for row in rows:
        key = _segment_key(row)
        if key not in segments:
            segments[key] = (
                _unmark(flat(row.source))[0].strip(),
                _unmark(flat(row.target))[0].strip(),
            )
    doc_order = list(dict.fromkeys(key[0] for key in segments))
    keys = sorted(segments, key=lambda k: (doc_order.index(k[0]), k[1]))
    src_paras: list[list[str]] = [[] for _ in doc_order]
    tgt_paras: list[list[str]] = [[] for _ in doc_order]
    beads: list[Bead] = []
    mapping: dict[tuple[str, int], int] = {}
    s = t = 0
    for key in keys:
        src, tgt = segments[key]
        if not src and not tgt:
            continue
        para = doc_order.index(key[0])
        if src:
            src_paras[para].append(src)
        if tgt:
            tgt_paras[para].append(tgt)
        mapping[key] = len(beads)
        beads.append(Bead((s,) if src else (), (t,) if tgt else ()))
        s += bool(src)
        t += bool(tgt)
    if not beads:
        raise ImportFormatError(f"{name}: every segment is empty")
    src_lang = guess_lang("".join(p for para in src_paras for p in para[:20]))
    tgt_lang = guess_lang("".join(p for para in tgt_paras for p in para[:20]))
    if src_lang == tgt_lang:
        tgt_lang = "en" if src_lang == "zh" else "zh"
    source = side_from_paragraphs(src_lang, "original", src_paras, normalize=False)
    target = side_from_paragraphs(tgt_lang, "translation", tgt_paras, normalize=False)
    doc = AlignmentDocument(
        source, target, beads, meta={"imported_from": "mqm-tsv", "name": Path(name).stem}
    )
    return doc, mapping


def _match_base(base: AlignmentDocument, rows: list[_Row], name: str) -> dict[tuple[str, int], int]:
    """segment key -> bead index of ``base``; doc_id is the 1-based bead number."""
    mapping: dict[tuple[str, int], int] = {}
    for row in rows:
        key = _segment_key(row)
        if key in mapping:
            continue
        b = key[1] - 1
        if not 0 <= b < len(base.beads):
            raise ImportFormatError(
                f"{name}: line {row.line}: doc_id {key[1]} is outside the base document "
                f"({len(base.beads)} beads)"
            )
        src = _unmark(flat(row.source))[0]
        tgt = _unmark(flat(row.target))[0]
        if (src, tgt) != (
            flat(bead_segment(base, b, "source")[2]),
            flat(bead_segment(base, b, "target")[2]),
        ):
            raise ImportFormatError(
                f"{name}: line {row.line}: segment {key[1]} does not match bead {key[1]} "
                "of the base document"
            )
        mapping[key] = b
    return mapping


def _join_continuation(
    doc: AlignmentDocument,
    open_ends: dict[tuple[str, str, str, str], tuple[Annotation, int]],
    key: tuple[str, str, str, str],
    bead: int,
    start: int,
    end: int,
    seg_start: int,
) -> bool:
    """Extend the open annotation of ``key`` when this span continues it: it ran to the end
    of its bead, this one starts this bead, and no bead with text on that side lies between.
    Two rows that each cover a whole bead stay two annotations: that is how an editor marks
    a run of dropped lines (one omission each), and how raters mark whole segments.
    True if joined (the row is then not a new annotation)."""
    found = open_ends.pop(key, None)
    if found is None or start != seg_start:
        return False
    annotation, previous = found
    side = annotation.side
    between = [doc.bead_span(k, side) for k in range(previous + 1, bead)]
    if bead <= previous or any(span is not None and span[0] < span[1] for span in between):
        return False
    first, this = doc.bead_span(previous, side), doc.bead_span(bead, side)
    if first is not None and this is not None and annotation.start == first[0] \
            and end == this[1]:
        return False  # two whole beads: two annotations
    annotation.end = end
    annotation.text = doc.side(side).text[annotation.start : end]
    span = doc.bead_span(bead, side)
    if span is not None and end == span[1]:
        open_ends[key] = (annotation, bead)
    return True


def mqm_systems(path: str | Path) -> list[tuple[str, int]]:
    """(system, number of segments) for each system of an MQM file, in file order."""
    segments: dict[str, set[tuple[str, int]]] = {}
    for row in _read_rows(Path(path)):
        segments.setdefault(row.system, set()).add(_segment_key(row))
    return [(name, len(keys)) for name, keys in segments.items()]


def import_mqm_tsv(
    path: str | Path,
    *,
    base: AlignmentDocument | None = None,
    system: str | None = None,
    **_options: object,
) -> AlignmentDocument:
    """Annotations of one system onto their segments.

    With ``base`` the segments are that document's beads (doc_id = bead number, texts must
    match) and the result is a copy of ``base`` with the annotations added; without it
    the document is rebuilt from the source/target columns, one bead per segment.
    ``system`` picks one system of a multi-system file (default: the first one).
    Problems that do not stop the import (a ``<v>`` without ``</v>``: the span runs to
    the end of the cell) are listed, one line each, in ``meta["mqm"]["warnings"]``.
    """
    path = Path(path)
    name = str(path)
    rows = _read_rows(path)
    systems = list(dict.fromkeys(row.system for row in rows))
    if system is None:
        system = systems[0]
    elif system not in systems:
        raise ImportFormatError(
            f"{name}: no rows for system {system!r} (systems: {', '.join(systems)})"
        )
    rows = [row for row in rows if row.system == system]

    if base is not None:
        mapping = _match_base(base, rows, name)
        doc = AlignmentDocument(
            Side(base.source.lang, base.source.role, base.source.text, list(base.source.sentences)),
            Side(base.target.lang, base.target.role, base.target.text, list(base.target.sentences)),
            [b.copy() for b in base.beads],
            [a.copy() for a in base.annotations],
            dict(base.scores),
            dict(base.meta),
        )
    else:
        doc, mapping = _rebuild_document(rows, name)

    warnings: list[str] = []
    # Annotations whose span runs to the end of their segment, which the same rater's
    # next row may continue (an annotation crossing a bead boundary, exported in parts).
    open_ends: dict[tuple[str, str, str, str], tuple[Annotation, int]] = {}
    by_id: dict[str, Annotation] = {}  # rows with an id (this tool's export)
    in_base = len(doc.annotations) if base is not None else 0
    as_based = {a.id: _state(a) for a in doc.annotations[:in_base]}
    suggestions = repeated = 0
    for row in rows:
        if _is_no_error(row.category) or _is_no_error(row.severity):
            continue
        key = _segment_key(row)
        if key not in mapping:
            continue
        if row.rater == SUGGESTION_RATER:
            suggestions += 1
            continue
        b = mapping[key]
        severity = _severity_in(row, name)
        side, cell = ("source", row.source) if SPAN_OPEN in row.source else ("target", row.target)
        clean, a, z = _unmark(flat(cell))
        if a is not None and SPAN_CLOSE not in cell[cell.find(SPAN_OPEN) :]:
            warnings.append(
                f"{name} line {row.line}: {SPAN_OPEN} without {SPAN_CLOSE}; "
                "the span runs to the end of the cell"
            )
        seg_start, seg_end, _seg = bead_segment(doc, b, side)
        # Rebuilt sentences are the stripped cell text; base segments are the cell text.
        offset = seg_start - (len(clean) - len(clean.lstrip()) if base is None else 0)
        if a is None or z is None:
            start, end = seg_start, seg_end  # no span: the whole segment (e.g. Non-translation!)
        else:
            start = min(max(offset + a, seg_start), seg_end)
            end = min(max(offset + z, start), seg_end)
        side_text = doc.side(side).text
        category = _category_in(row.category)
        join_key = (row.rater, side, category, severity)
        fields, metadata = _fields_in(_metadata_in(row))
        part_of = by_id.get(fields.get("id", ""))
        if part_of is not None:  # the next part of an annotation crossing a bead boundary
            if part_of.side == side and start >= part_of.end:
                part_of.end = end
                part_of.text = side_text[part_of.start : end]
            continue
        if a is not None and "id" not in fields and _join_continuation(
            doc, open_ends, join_key, b, start, end, seg_start
        ):
            continue
        extra: dict[str, Any] = {"rater": row.rater, "system": row.system}
        if metadata is not None:
            extra["metadata"] = metadata
        annotation = Annotation(
            type=annotation_type(category),
            side=side,
            start=start,
            end=end,
            text=side_text[start:end],
            category=category or "Other",
            severity=severity,
            extra=extra,
            **fields,
        )
        same = _in_base(doc, annotation, in_base) if in_base else None
        if same is not None and same.id == annotation.id:
            # The base's own annotation, as the file has it now: a rater may have changed
            # its severity or comment in the file (the parts that follow extend it).
            for attribute in _EDITABLE:
                setattr(same, attribute, getattr(annotation, attribute))
            by_id[same.id] = same
            continue
        if "id" in fields:
            by_id[annotation.id] = annotation
        if same is not None:
            repeated += 1
            continue
        if any(a.id == annotation.id for a in doc.annotations[in_base:]):
            annotation.id = new_annotation_id()  # two files' ids met
        doc.add_annotation(annotation)
        if a is not None and end == seg_end and end > start:
            open_ends[join_key] = (annotation, b)
    if suggestions:
        warnings.append(
            f"{name}: {suggestions} row(s) of rater {SUGGESTION_RATER} (the engine's "
            "suggestions, not a reviewer's) left out; rescoring offers them again"
        )
    updated = [a for a in doc.annotations[:in_base]
               if a.id in by_id and _state(a) != as_based[a.id]]
    repeated += sum(1 for a in doc.annotations[:in_base] if a.id in by_id) - len(updated)
    if repeated:
        warnings.append(
            f"{name}: {repeated} annotation(s) the base project already has not added again"
        )
    if updated:
        warnings.append(f"{name}: {len(updated)} annotation(s) of the base project updated "
                        "from the file (severity, category, span, comment, correction or tags)")
    doc.meta["mqm"] = {
        "file": path.name,
        "system": system,
        **({"systems_skipped": [s for s in systems if s != system]} if len(systems) > 1 else {}),
        **({"warnings": warnings} if warnings else {}),
    }
    return checked(doc, name)
