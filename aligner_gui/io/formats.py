"""Registry of exchange formats: exporters and importers the CLI and the GUI call by name.

``export_document(doc, fmt, out_path)`` and ``import_file(path, fmt=None)`` are the
only entry points; the format modules (tmx, tsv, intertext, html_report) are
imported lazily so that starting the GUI or CLI does not load lxml.

Every failure on bad input raises a subclass of ProjectError with a one-line
message: ``ImportFormatError`` (unreadable or inconsistent input),
``UnsafeXMLError`` (XML with entity declarations: bombs, external entities) and
``ExportFormatError`` (unknown format, nothing to write).
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aligner_gui.core.model import AlignmentDocument, Annotation, DocumentError, Sentence, Side
from aligner_gui.core.text.files import FileReadError, read_limited
from aligner_gui.io.errors import ProjectError, ProjectFormatError

# -- errors ----------------------------------------------------------------------------


class ImportFormatError(ProjectFormatError):
    """An exchange file (TMX, InterText, MQM TSV ...) cannot be imported."""


class UnsafeXMLError(ImportFormatError):
    """XML refused for safety: entity declarations (expansion bombs, external entities)."""


class ExportFormatError(ProjectError):
    """An export cannot be produced (unknown format, unusable output path)."""


# -- shared helpers for the format modules ----------------------------------------------

MAX_IMPORT_BYTES = 200 * 1024 * 1024

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_LATIN = re.compile(r"[A-Za-z]")

_LANG_ALIASES = {"zho": "zh", "chi": "zh", "cmn": "zh", "eng": "en"}


def base_lang(tag: str | None) -> str:
    """Primary language subtag, lower case: 'zh-CN' -> 'zh', 'EN_us' -> 'en'."""
    if not tag:
        return ""
    primary = re.split(r"[-_]", tag.strip())[0].lower()
    return _LANG_ALIASES.get(primary, primary)


def guess_lang(text: str) -> str:
    """'zh' if Han characters outnumber Latin letters, else 'en' (enough to tell zh from en)."""
    han = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    return "zh" if han and han >= latin / 4 else "en"


def side_from_paragraphs(
    lang: str, role: str, paragraphs: Sequence[Sequence[str]], *, normalize: bool = True
) -> Side:
    """Build a Side whose text is the sentences joined (" " in English, "" in Chinese)
    and paragraphs separated by a blank line; offsets slice back to each sentence.

    ``normalize`` collapses white space inside English sentences and drops line breaks
    inside Chinese ones; without it sentences are only stripped."""
    sep = "" if lang == "zh" else " "
    parts: list[str] = []
    sentences: list[Sentence] = []
    pos = 0
    para_no = 0
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if sentences:
            parts.append("\n\n")
            pos += 2
        for k, raw in enumerate(paragraph):
            if not normalize:
                text = str(raw).strip()
            elif lang != "zh":
                text = " ".join(str(raw).split())
            else:
                text = _clean_zh(str(raw))
            if k:
                parts.append(sep)
                pos += len(sep)
            sentences.append(Sentence(len(sentences), para_no, pos, pos + len(text), text))
            parts.append(text)
            pos += len(text)
        para_no += 1
    return Side(lang, role, "".join(parts), sentences)


def _clean_zh(text: str) -> str:
    # Chinese has no word spaces: drop line breaks inside a sentence, keep inner spaces.
    return re.sub(r"\s*\n\s*", "", text).strip()


def flat(text: str) -> str:
    """One line for a TSV cell: tabs and line breaks become spaces (length preserved)."""
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def bead_segment(doc: AlignmentDocument, index: int, side: str) -> tuple[int, int, str]:
    """(start, end, text) of one side of a bead, sliced from the side text (offsets stay valid)."""
    span = doc.bead_span(index, side)
    if span is None:
        return (0, 0, "")
    start, end = span
    return start, end, doc.side(side).text[start:end]


class SpanIndex:
    """Finds the bead holding a text offset on one side (binary search over bead spans)."""

    def __init__(self, doc: AlignmentDocument, side: str) -> None:
        self.indices: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        for index in range(len(doc.beads)):
            span = doc.bead_span(index, side)
            if span is not None:
                self.indices.append(index)
                self.starts.append(span[0])
                self.ends.append(span[1])

    def bead_at(self, offset: int) -> int | None:
        """The first bead ending after ``offset`` (it holds it, or follows the gap holding it);
        the last bead for offsets at or past the end; None if the side has no beads."""
        if not self.indices:
            return None
        k = bisect.bisect_right(self.ends, offset)
        if k > 0 and self.starts[k - 1] == self.ends[k - 1] == offset:
            k -= 1  # an empty sentence exactly at offset
        return self.indices[min(k, len(self.indices) - 1)]


def locate_annotations(doc: AlignmentDocument) -> dict[int, list[tuple[Annotation, int, int]]]:
    """bead index -> [(annotation, start, end)] with the span cut to that bead's side span."""
    index = {name: SpanIndex(doc, name) for name in ("source", "target")}
    located: dict[int, list[tuple[Annotation, int, int]]] = defaultdict(list)
    for annotation in doc.annotations:
        if annotation.side not in index:
            continue
        b = index[annotation.side].bead_at(annotation.start)
        if b is None:
            continue
        span = doc.bead_span(b, annotation.side)
        assert span is not None
        start = min(max(annotation.start, span[0]), span[1])
        end = min(max(annotation.end, start), span[1])
        located[b].append((annotation, start, end))
    for items in located.values():
        items.sort(key=lambda item: (item[0].side != "source", item[1], item[2]))
    return located


def write_text_file(path: Path, text: str) -> None:
    """Atomic UTF-8 write; characters UTF-8 cannot hold (lone surrogates from a damaged
    project) become "?" instead of failing the export."""
    from aligner_gui.io.atomic import atomic_write_bytes

    atomic_write_bytes(path, text.encode("utf-8", errors="replace"))


def checked(doc: AlignmentDocument, name: str) -> AlignmentDocument:
    """The document if it keeps the model's invariants, else ImportFormatError."""
    try:
        doc.check()
    except DocumentError as error:
        raise ImportFormatError(f"{name}: {error}") from None
    return doc


def read_input_bytes(path: str | Path, what: str = "file") -> bytes:
    """Read a whole input file with the usual one-line errors."""
    try:
        return read_limited(path, MAX_IMPORT_BYTES, what)
    except FileReadError as error:
        raise ImportFormatError(str(error)) from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    raise ImportFormatError(f"{name} is not UTF-8 or UTF-16 text")


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
        ".tsv",
        _lazy("tsv", "export_mqm_tsv"),
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
        options=("title",),
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
        _lazy("tsv", "import_mqm_tsv"),
        ("base", "system"),
    ),
}


def export_document(
    doc: AlignmentDocument, fmt: str, out_path: str | Path, **options: Any
) -> list[Path]:
    """Write ``doc`` in format ``fmt``; returns the files written (InterText writes three).

    Options some exporters take: ``system``, ``doc_name``, ``rater`` (mqm-tsv), ``title``
    (html); ``Exporter.options`` lists them.
    """
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        known = ", ".join(sorted(EXPORTERS))
        raise ExportFormatError(f"unknown export format {fmt!r} (known: {known})")
    unknown = sorted(set(options) - set(exporter.options))
    if unknown:
        raise ExportFormatError(f"the {fmt} export takes no option {unknown[0]!r}")
    # Multi-file exporters get the path as given: a trailing slash means a folder.
    target = out_path if exporter.multi_file else Path(out_path)
    return exporter.write(doc, target, **options)


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
    from aligner_gui.io.tsv import is_mqm_header

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
    importer = IMPORTERS.get(fmt)
    if importer is None:
        known = ", ".join(sorted(IMPORTERS))
        raise ImportFormatError(f"unknown import format {fmt!r} (known: {known})")
    unknown = sorted(set(options) - set(importer.options))
    if unknown:
        raise ImportFormatError(f"the {fmt} import takes no option {unknown[0]!r}")
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
