"""The WMT MQM TSV: its columns, and the export of a document's annotations in it.

WMT MQM TSV (google/wmt-mqm-human-evaluation): export header exactly
``system doc doc_id seg_id rater source target category severity metadata``, the WMT20/21
columns and the WMT22-onward ``metadata`` (JSON of what the WMT columns have no place
for: the annotation's id, comment, correction and tags; empty on ``No-error`` rows);
imports (``mqm_tsv_import``) read both years' headers, with or without ``metadata``,
and WMT22's ``docSegId globalSegId`` for ``doc_id seg_id``. Plain tab-separated lines, no
quoting (as the WMT MQM files are): tabs and line breaks inside a text become spaces,
one for one, so offsets stay valid. A segment is a bead; ``doc_id`` is its 1-based
number within the document, ``seg_id`` the same (one document per file). One row per
annotation with the span wrapped in ``<v>…</v>`` in the source column (source-side
annotations, e.g. omissions) or in the target column; each bead without annotations
gets a ``No-error``/``No-error`` row. An annotation crossing a bead boundary gets a row
in each bead it covers (its part of the span in each, the same id in each); the import
joins them again. An annotation whose text was changed under it (``extra["orphan"]``,
see ``io.project``) has no place to point at and is left out (``formats.left_out`` says so).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aligner_gui.core.model import AlignmentDocument, Annotation
from aligner_gui.io.format_helpers import bead_segment, flat, locate_annotations, write_text_file

MQM_HEADER = [
    "system",
    "doc",
    "doc_id",
    "seg_id",
    "rater",
    "source",
    "target",
    "category",
    "severity",
]
# What the export writes: the WMT20/21 columns, then WMT22's metadata.
MQM_EXPORT_HEADER = [*MQM_HEADER, "metadata"]
# The annotation fields the metadata JSON carries (the import puts them back).
METADATA_FIELDS = ("id", "comment", "correction", "tags")
NO_ERROR = "No-error"
SUGGESTION_RATER = "aligner-gui"  # rater of the engine's suggestions (--include-suggestions)
SPAN_OPEN, SPAN_CLOSE = "<v>", "</v>"

# Column names of the files Google publishes (google/wmt-mqm-human-evaluation): WMT20/21
# use doc_id/seg_id; WMT22 onwards docSegId/globalSegId and a last "metadata" column
# (JSON). Read by name, so both import the same way.
COLUMN_ALIASES = {"docSegId": "doc_id", "globalSegId": "seg_id"}
OPTIONAL_COLUMNS = ("metadata",)
MQM_HEADER_WMT22 = [
    "system",
    "doc",
    "docSegId",
    "globalSegId",
    "rater",
    "source",
    "target",
    "category",
    "severity",
    "metadata",
]


def is_mqm_header(cells: list[str]) -> bool:
    """True for the header of a WMT MQM file of any year (see COLUMN_ALIASES)."""
    names = [COLUMN_ALIASES.get(c.strip(), c.strip()) for c in cells]
    names = [n for n in names if n]
    return set(MQM_HEADER) <= set(names) and set(names) <= {*MQM_HEADER, *OPTIONAL_COLUMNS}


# -- MQM TSV export ----------------------------------------------------------------------


def _severity_out(severity: str) -> str:
    return severity[:1].upper() + severity[1:].lower() if severity else "Major"


def mqm_tsv_text(
    doc: AlignmentDocument,
    *,
    system: str | None = None,
    doc_name: str | None = None,
    rater: str | None = None,
    include_suggestions: bool = False,
) -> str:
    system = system or str(doc.meta.get("system") or "translation")
    doc_name = doc_name or str(doc.meta.get("name") or "doc")
    default_rater = rater or str(doc.meta.get("rater") or "rater1")
    located = _spread_annotations(doc)
    if include_suggestions:
        _add_suggestions(doc, located)
    lines = ["\t".join(MQM_EXPORT_HEADER)]
    for b in range(len(doc.beads)):
        src_start, _src_end, src = bead_segment(doc, b, "source")
        tgt_start, _tgt_end, tgt = bead_segment(doc, b, "target")
        head = [flat(system), flat(doc_name), str(b + 1), str(b + 1)]
        items = located.get(b, [])
        if not items:
            lines.append(
                "\t".join([*head, default_rater, flat(src), flat(tgt), NO_ERROR, NO_ERROR, ""])
            )
            continue
        for annotation, start, end in items:
            source_cell, target_cell = flat(src), flat(tgt)
            if annotation.side == "source":
                a, z = start - src_start, end - src_start
                source_cell = (
                    flat(src[:a]) + SPAN_OPEN + flat(src[a:z]) + SPAN_CLOSE + flat(src[z:])
                )
            else:
                a, z = start - tgt_start, end - tgt_start
                target_cell = (
                    flat(tgt[:a]) + SPAN_OPEN + flat(tgt[a:z]) + SPAN_CLOSE + flat(tgt[z:])
                )
            who = str(annotation.extra.get("rater") or default_rater)
            category = annotation.category or annotation.type.capitalize() or "Other"
            lines.append(
                "\t".join(
                    [
                        *head,
                        flat(who),
                        source_cell,
                        target_cell,
                        flat(category),
                        _severity_out(annotation.severity),
                        metadata_out(annotation),
                    ]
                )
            )
    return "\n".join(lines) + "\n"


def metadata_out(annotation: Annotation) -> str:
    """The metadata cell of an annotation's row: JSON of its id and of the comment,
    correction and tags it has (json escapes tabs and line breaks, so the cell stays one)."""
    fields: dict[str, Any] = {"id": annotation.id}
    for name in METADATA_FIELDS[1:]:
        value = getattr(annotation, name)
        if value:
            fields[name] = value
    return json.dumps(fields, ensure_ascii=False)


def _spread_annotations(doc: AlignmentDocument) -> dict[int, list[tuple[Annotation, int, int]]]:
    """bead -> [(annotation, start, end)] like locate_annotations, but an annotation
    crossing a bead boundary gets a row in every bead it covers, each with its part of the
    span; the import joins such parts back into one annotation
    (see mqm_tsv_import._join_continuation)."""
    located = {
        b: [item for item in items if not item[0].extra.get("orphan")]
        for b, items in locate_annotations(doc).items()
    }
    spans = {
        name: [(b, doc.bead_span(b, name)) for b in range(len(doc.beads))]
        for name in ("source", "target")
    }
    for b, items in list(located.items()):
        for annotation, _start, end in list(items):
            if end >= annotation.end:
                continue
            for later, span in spans[annotation.side][b + 1 :]:
                if span is None or span[0] == span[1]:
                    continue
                if span[0] >= annotation.end:
                    break
                part = (annotation, span[0], min(annotation.end, span[1]))
                located.setdefault(later, []).append(part)
    for items in located.values():
        items.sort(key=lambda item: (item[0].side != "source", item[1], item[2]))
    return located


def _add_suggestions(
    doc: AlignmentDocument, located: dict[int, list[tuple[Annotation, int, int]]]
) -> None:
    """The engine's open suggestions as annotations of rater SUGGESTION_RATER, in their bead."""
    from aligner_gui.core.offers import suggestions

    for suggestion in suggestions(doc):
        proposal = suggestion.annotation
        span = doc.bead_span(suggestion.bead, proposal.side)
        if span is None:
            continue
        start = min(max(proposal.start, span[0]), span[1])
        end = min(max(proposal.end, start), span[1])
        row = proposal.copy()
        row.extra["rater"] = SUGGESTION_RATER
        located.setdefault(suggestion.bead, []).append((row, start, end))
    for items in located.values():
        items.sort(key=lambda item: (item[0].side != "source", item[1], item[2]))


def export_mqm_tsv(
    doc: AlignmentDocument,
    out_path: str | Path,
    *,
    system: str | None = None,
    doc_name: str | None = None,
    rater: str | None = None,
    include_suggestions: bool = False,
) -> list[Path]:
    """Options default to meta "system" ("translation"), "name" ("doc"), "rater" ("rater1").

    With ``include_suggestions`` the engine's open suggestions (core.offers.suggestions: the
    flags nobody has accepted or dismissed yet) are written too, as rows of rater
    ``aligner-gui``; human annotations keep their own rater."""
    out = Path(out_path)
    text = mqm_tsv_text(
        doc,
        system=system,
        doc_name=doc_name,
        rater=rater,
        include_suggestions=include_suggestions,
    )
    write_text_file(out, text)
    return [out]
