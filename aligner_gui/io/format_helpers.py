"""What the format modules share: reading input, building sides, finding beads by offset, writing.

Below the registry (``formats``) and the format modules (tmx, tsv, intertext, html), so
that they can all use it without importing one another.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from aligner_gui.core.model import AlignmentDocument, Annotation, DocumentError, Sentence, Side
from aligner_gui.core.text.files import FileReadError, read_limited
from aligner_gui.io.errors import ImportFormatError

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
