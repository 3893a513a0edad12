"""Tabular exports of a document: the bead table (TSV) and the annotations (CSV).

The bead TSV is tab-separated lines: tabs and line breaks inside a text become spaces,
one for one, so offsets stay valid. A cell holding a double quote is quoted as in CSV
(excel-tab): unquoted, a text opening with a quotation mark made spreadsheets, pandas and
Python's csv module read on to the next quote, joining two beads into one row.

The annotations CSV is for spreadsheets: UTF-8 with BOM (so Excel reads Chinese), RFC
4180 quoting, and cells starting with = + - @ get a leading apostrophe so that a
spreadsheet never runs them as formulas (OWASP CSV injection).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.io.atomic import atomic_write_bytes
from aligner_gui.io.format_helpers import flat, locate_annotations, write_text_file

BEAD_TSV_HEADER = [
    "bead",
    "source_ids",
    "target_ids",
    "type",
    "score",
    "status",
    "flags",
    "source",
    "target",
    "risk",  # last, so scripts reading columns by position before risk existed still work
]


# -- bead table ------------------------------------------------------------------------


def _ids(ids: tuple[int, ...]) -> str:
    return ",".join(map(str, ids))


def bead_tsv_text(doc: AlignmentDocument) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel-tab", lineterminator="\n")
    writer.writerow(BEAD_TSV_HEADER)
    for n, bead in enumerate(doc.beads, 1):
        cells = [
            str(n),
            _ids(bead.source),
            _ids(bead.target),
            bead.kind,
            "" if bead.score is None else f"{float(bead.score):.4f}",
            bead.status,
            ",".join(bead.flags),
            flat(doc.source.span_text(bead.source)),
            flat(doc.target.span_text(bead.target)),
            "" if bead.risk is None else f"{float(bead.risk):.4f}",
        ]
        writer.writerow(cells)
    return buffer.getvalue()


def export_tsv(doc: AlignmentDocument, out_path: str | Path) -> list[Path]:
    out = Path(out_path)
    write_text_file(out, bead_tsv_text(doc))
    return [out]


# -- annotations CSV ---------------------------------------------------------------------

ANNOTATION_CSV_HEADER = [
    "id",
    "bead",
    "side",
    "start",
    "end",
    "type",
    "category",
    "severity",
    "text",
    "comment",
    "correction",
    "tags",
    "source",
    "target",
    "rater",  # last: who marked it (an MQM import's rater, an editor's name); was lost
]


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def annotations_csv_text(doc: AlignmentDocument) -> str:
    located = locate_annotations(doc)
    bead_of = {id(a): b for b, items in located.items() for a, _s, _e in items}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ANNOTATION_CSV_HEADER)
    for annotation in doc.annotations:
        b = bead_of.get(id(annotation))
        bead = doc.beads[b] if b is not None else None
        writer.writerow(
            [
                _cell(v)
                for v in (
                    annotation.id,
                    "" if b is None else b + 1,
                    annotation.side,
                    annotation.start,
                    annotation.end,
                    annotation.type,
                    annotation.category,
                    annotation.severity,
                    annotation.text,
                    annotation.comment,
                    annotation.correction,
                    ";".join(annotation.tags),
                    doc.source.span_text(bead.source) if bead else "",
                    doc.target.span_text(bead.target) if bead else "",
                    str(annotation.extra.get("rater") or ""),
                )
            ]
        )
    return buffer.getvalue()


def export_annotations_csv(doc: AlignmentDocument, out_path: str | Path) -> list[Path]:
    out = Path(out_path)
    atomic_write_bytes(out, annotations_csv_text(doc).encode("utf-8-sig", errors="replace"))
    return [out]
