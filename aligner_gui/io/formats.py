"""Registry of exchange formats: exporters and importers the CLI and the GUI call by name.

``export_document(doc, fmt, out_path)`` and ``import_file(path, fmt=None)`` are the
only entry points; the format modules (tmx, tsv, mqm_tsv, mqm_tsv_import, intertext,
html.report) are imported lazily so that starting the GUI or CLI does not load lxml.

Every failure on bad input raises a subclass of ProjectError (``io.errors``) with a
one-line message: ``ImportFormatError`` (unreadable or inconsistent input),
``UnsafeXMLError`` (XML with entity declarations: bombs, external entities) and
``ExportFormatError`` (unknown format, nothing to write).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.io.errors import ExportFormatError, ImportFormatError, ProjectFormatError
from aligner_gui.io.format_helpers import read_input_bytes, write_text_file

# -- the registry ----------------------------------------------------------------------

ExportFunc = Callable[..., list[Path]]  # (doc, out_path, **options) -> files written
ImportFunc = Callable[..., AlignmentDocument]


def _lazy(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        mod = importlib.import_module(f"aligner_gui.io.{module}")
        return getattr(mod, name)(*args, **kwargs)

    call.__name__ = name
    call.__qualname__ = f"{module}.{name}"
    return call


@dataclass(frozen=True)
class Exporter:
    name: str
    label: str  # for the GUI's file dialog
    suffix: str  # default file suffix, e.g. ".tmx"
    write: ExportFunc = field(repr=False)
    multi_file: bool = False  # writes files beside out_path too (InterText)
    options: tuple[str, ...] = ()  # keyword options export_document passes on (for the GUI)


@dataclass(frozen=True)
class Importer:
    name: str
    label: str
    suffixes: tuple[str, ...]
    read: ImportFunc = field(repr=False)
    options: tuple[str, ...] = ()  # keyword options import_file passes on (for the GUI)


def _export_beads(doc: AlignmentDocument, out_path: Path) -> list[Path]:
    from aligner_gui.core.align.evaluation import format_align

    write_text_file(out_path, format_align(doc.beads))
    return [out_path]


def _export_json(doc: AlignmentDocument, out_path: Path) -> list[Path]:
    from aligner_gui.io.project import dumps

    write_text_file(out_path, dumps(doc))
    return [out_path]


def _import_json(path: Path, **_options: Any) -> AlignmentDocument:
    from aligner_gui.io.project import load_project

    return load_project(path)


EXPORTERS: dict[str, Exporter] = {
    "json": Exporter("json", "aligner-gui project (*.json)", ".json", _export_json),
    "beads": Exporter(
        "beads", "Bead list [source ids]:[target ids] (*.align)", ".align", _export_beads
    ),
    "tmx": Exporter(
        "tmx", "TMX 1.4 translation memory (*.tmx)", ".tmx", _lazy("tmx", "export_tmx")
    ),
    "tsv": Exporter("tsv", "Bead table (*.tsv)", ".tsv", _lazy("tsv", "export_tsv")),
    "mqm-tsv": Exporter(
        "mqm-tsv",
        "WMT MQM annotations (*.tsv)",
        ".mqm.tsv",  # NAME.mqm.tsv, as the batch names it: not the bead table's NAME.tsv
        _lazy("mqm_tsv", "export_mqm_tsv"),
        options=("system", "doc_name", "rater", "include_suggestions"),
    ),
    "annotations-csv": Exporter(
        "annotations-csv", "Annotations (*.csv)", ".csv", _lazy("tsv", "export_annotations_csv")
    ),
    "intertext": Exporter(
        "intertext",
        "InterText alignment (*.xml)",
        ".xml",
        _lazy("intertext", "export_intertext"),
        multi_file=True,
    ),
    "html": Exporter(
        "html",
        "Printable review report (*.html)",
        ".html",
        _lazy("html.report", "export_html"),
        options=("title", "lang"),
    ),
}

IMPORTERS: dict[str, Importer] = {
    "json": Importer("json", "aligner-gui project (*.json)", (".json",), _import_json),
    "intertext": Importer(
        "intertext",
        "InterText link file (*.xml)",
        (".xml",),
        _lazy("intertext", "import_intertext"),
        ("source_lang",),
    ),
    "tmx": Importer(
        "tmx",
        "TMX translation memory (*.tmx)",
        (".tmx", ".xml"),
        _lazy("tmx", "import_tmx"),
        ("source_lang",),
    ),
    "mqm-tsv": Importer(
        "mqm-tsv",
        "WMT MQM annotations (*.tsv)",
        (".tsv", ".txt"),
        _lazy("mqm_tsv_import", "import_mqm_tsv"),
        ("base", "system"),
    ),
}


_Entry = TypeVar("_Entry", Exporter, Importer)


def _registered(
    registry: dict[str, _Entry],
    fmt: str,
    options: dict[str, Any],
    what: str,
    error: type[ExportFormatError | ImportFormatError],
) -> _Entry:
    """The registry's entry for ``fmt``, if it takes every option given; else ``error``."""
    entry = registry.get(fmt)
    if entry is None:
        known = ", ".join(sorted(registry))
        raise error(f"unknown {what} format {fmt!r} (known: {known})")
    unknown = sorted(set(options) - set(entry.options))
    if unknown:
        raise error(f"the {fmt} {what} takes no option {unknown[0]!r}")
    return entry


def export_document(
    doc: AlignmentDocument, fmt: str, out_path: str | Path, **options: Any
) -> list[Path]:
    """Write ``doc`` in format ``fmt``; returns the files written (InterText writes three).

    Options some exporters take: ``system``, ``doc_name``, ``rater`` (mqm-tsv), ``title``
    and ``lang`` (html); ``Exporter.options`` lists them.
    """
    exporter = _registered(EXPORTERS, fmt, options, "export", ExportFormatError)
    # Multi-file exporters get the path as given: a trailing slash means a folder.
    target = out_path if exporter.multi_file else Path(out_path)
    return exporter.write(doc, target, **options)


# Formats that carry no annotation an import reads back.
DROP_ANNOTATIONS = ("tmx", "intertext", "tsv", "beads")


def annotations_left_out(doc: AlignmentDocument, fmt: str) -> int:
    """How many of the document's annotations an export in ``fmt`` does not carry back."""
    if fmt in DROP_ANNOTATIONS:
        return len(doc.annotations)
    if fmt == "mqm-tsv":
        return sum(1 for a in doc.annotations if a.extra.get("orphan"))
    return 0


def left_out(doc: AlignmentDocument, fmt: str) -> list[str]:
    """What of the review an export in ``fmt`` does not carry back: one line each, for the
    CLI and the window to say after writing (the project JSON keeps everything)."""
    count = annotations_left_out(doc, fmt)
    if not count:
        return []
    if fmt == "mqm-tsv":
        return [f"{count} annotation(s) whose text has changed since they were made are "
                "left out (the format can only point at text)"]
    where = {
        "tmx": "are written as TMX notes, which an import does not read back",
        "intertext": "are not written: InterText has no place for them",
    }.get(fmt, "are not in it (annotations-csv and mqm-tsv list them)")
    return [f"the {count} annotation(s) {where}; the project JSON keeps them"]


def detect_format(path: str | Path) -> str:
    """Name of the importer for a file, from its content (not its name)."""
    path = Path(path)
    data = read_input_bytes(path)
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:8192].decode("utf-16", errors="ignore")[:4096].encode("utf-8")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return "json"
    if stripped.startswith(b"<"):
        from aligner_gui.io.xmlsafe import root_tag

        if re.match(rb"<!doctype html|<html[\s>]", stripped[:64], re.I):
            raise ImportFormatError(
                f"{path} is an HTML page (a review report?): reports are for reading; import "
                "the project JSON, TMX, InterText or MQM TSV it was made from")
        tag = root_tag(data, str(path))
        if tag == "tmx":
            return "tmx"
        if tag == "linkGrp":
            return "intertext"
        if tag == "text":
            raise ImportFormatError(
                f"{path} is an InterText text file; import the link file "
                "(TEXT.VER1.VER2.xml) that names it"
            )
        raise ImportFormatError(f"{path}: XML with root <{tag}> is not TMX or InterText")
    first_line = stripped.split(b"\n", 1)[0].rstrip(b"\r")
    from aligner_gui.io.mqm_tsv import is_mqm_header

    if is_mqm_header(first_line.decode("utf-8", errors="replace").split("\t")):
        return "mqm-tsv"  # WMT20/21 (doc_id, seg_id) or WMT22+ (docSegId, globalSegId, metadata)
    raise ImportFormatError(
        f"{path}: cannot tell the format (not a project JSON, TMX, InterText link file "
        "or WMT MQM TSV)"
    )


def import_file(path: str | Path, fmt: str | None = None, **options: Any) -> AlignmentDocument:
    """Read an exchange file into a new document (format detected from content if None).

    Options understood by some importers: ``source_lang`` (intertext, tmx),
    ``base`` (mqm-tsv: a document whose beads are the segments), ``system`` (mqm-tsv).
    """
    path = Path(path)
    if fmt is None:
        fmt = detect_format(path)
    importer = _registered(IMPORTERS, fmt, options, "import", ImportFormatError)
    doc = importer.read(path, **options)
    _check_importable(doc, path)
    return doc


def _check_importable(doc: AlignmentDocument, path: Path) -> None:
    """An import must give a project that can be saved and opened again: same rules as a load."""
    from aligner_gui.io.project import to_dict, validate

    langs = (doc.source.lang, doc.target.lang)
    if sorted(langs) != ["en", "zh"]:
        raise ImportFormatError(
            f"{path}: languages {langs[0]!r} and {langs[1]!r}; aligner-gui works on "
            "Chinese/English pairs"
        )
    try:
        validate(to_dict(doc), name=str(path))
    except ProjectFormatError as error:
        raise ImportFormatError(f"{error} (after import)") from None
