"""TMX 1.4 export and import (translation memories; pre-aligned pairs).

Export: one ``<tu>`` per bead, in reading order, ``tuid`` = 1-based bead number,
``<tuv xml:lang=...>`` per side, header ``srclang`` = the source side's language.
Bead data go in ``<prop>`` elements (user-defined types start with ``x-``, as TMX
requires): ``x-score``, ``x-risk``, ``x-status``, ``x-flags``, ``x-bead-type`` (e.g. "1-2"),
``x-source-ids``/``x-target-ids`` (sentence ids), ``x-source-breaks``/``x-target-breaks``
(offsets inside the seg where the 2nd, 3rd ... sentence starts) and
``x-source-paragraphs``/``x-target-paragraphs``, so an import rebuilds the sentences.

1-0 and 0-1 beads (omissions, additions): the empty side's ``<tuv>`` is **left out**.
TMX 1.4 allows a ``<tu>`` with one ``<tuv>`` (``tuv+``), and a TM tool then never
offers an empty string as the translation of the sentence (which an empty ``<seg/>``
would do), while ``x-bead-type`` still records the omission. (InterText's TMX export
drops these rows altogether.)

Import: every ``<tu>`` becomes one bead, source = header ``srclang`` (or ``source_lang``,
or the first ``<tuv>``'s language), target = the first other language. Inline codes
(``bpt``, ``ept``, ``it``, ``ph``, ``ut``) are dropped, ``hi``/``sub`` text kept.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from lxml import etree

from aligner_gui import __version__
from aligner_gui.core.model import (
    BEAD_STATUSES,
    AlignmentDocument,
    Annotation,
    Bead,
    Sentence,
    Side,
)
from aligner_gui.core.text.safe_xml import localname, xml_text
from aligner_gui.io.atomic import atomic_write_bytes
from aligner_gui.io.errors import ImportFormatError
from aligner_gui.io.format_helpers import (
    base_lang,
    checked,
    locate_annotations,
    read_input_bytes,
)
from aligner_gui.io.xmlsafe import parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = {"bpt", "ept", "it", "ph", "ut"}


# -- export ----------------------------------------------------------------------------


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    el = etree.SubElement(parent, "prop", type=kind)
    el.text = value


def _seg_and_breaks(side: Side, ids: tuple[int, ...]) -> tuple[str, list[int]]:
    sep = "" if side.lang == "zh" else " "
    parts: list[str] = []
    breaks: list[int] = []
    pos = 0
    for k, i in enumerate(ids):
        if k:
            parts.append(sep)
            pos += len(sep)
            breaks.append(pos)
        text = side.sentences[i].text
        parts.append(text)
        pos += len(text)
    return "".join(parts), breaks


def _note_text(annotation: Annotation) -> str:
    text = f"{annotation.category or annotation.type} \u00b7 {annotation.severity} \u00b7 "
    text += f"{annotation.side}: \u201c{annotation.text}\u201d"
    if annotation.comment:
        text += f" \u2014 {annotation.comment}"
    if annotation.correction:
        text += f" \u2192 {annotation.correction}"
    return text


def tmx_bytes(doc: AlignmentDocument) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        {
            "creationtool": "aligner-gui",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "aligner-gui",
            "adminlang": "en",
            "srclang": doc.source.lang,
            "datatype": "plaintext",
            "creationdate": datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
        },
    )
    body = etree.SubElement(root, "body")
    located = locate_annotations(doc)
    for n, bead in enumerate(doc.beads, 1):
        tu = etree.SubElement(body, "tu", tuid=str(n))
        _prop(tu, "x-bead-type", bead.kind)
        if bead.score is not None:
            _prop(tu, "x-score", f"{float(bead.score):.4f}")
        if bead.risk is not None:
            _prop(tu, "x-risk", f"{float(bead.risk):.4f}")
        _prop(tu, "x-status", bead.status)
        if bead.flags:
            _prop(tu, "x-flags", " ".join(bead.flags))
        for annotation, _start, _end in located.get(n - 1, []):
            note = etree.SubElement(tu, "note")
            note.text = xml_text(_note_text(annotation))
        tuvs = []
        for name in ("source", "target"):
            side = doc.side(name)
            ids = getattr(bead, name)
            _prop(tu, f"x-{name}-ids", " ".join(map(str, ids)))
            if not ids:
                continue
            seg_text, breaks = _seg_and_breaks(side, ids)
            if breaks:
                _prop(tu, f"x-{name}-breaks", " ".join(map(str, breaks)))
            paragraphs = " ".join(str(side.sentences[i].paragraph) for i in ids)
            _prop(tu, f"x-{name}-paragraphs", paragraphs)
            tuvs.append((side.lang, seg_text))
        for lang, seg_text in tuvs:  # TMX: all <prop>s before the first <tuv>
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, lang)
            etree.SubElement(tuv, "seg").text = xml_text(seg_text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_tmx(doc: AlignmentDocument, out_path: str | Path) -> list[Path]:
    out = Path(out_path)
    atomic_write_bytes(out, tmx_bytes(doc))
    return [out]


# -- import ----------------------------------------------------------------------------


def _seg_text(seg: etree._Element) -> str:
    parts = [seg.text or ""]
    for child in seg:
        name = localname(child)
        if name and name not in _CODES:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _ints(value: str | None) -> list[int] | None:
    if value is None:
        return None
    try:
        return [int(v) for v in value.split()]
    except ValueError:
        return None


class _SideBuilder:
    """Accumulates sentences of one side; paragraphs from x-*-paragraphs or one per <tu>."""

    def __init__(self, lang: str, role: str) -> None:
        self.lang = lang
        self.role = role
        self.parts: list[str] = []
        self.pos = 0
        self.sentences: list[Sentence] = []
        self.last_key: Any = None
        self.para = -1

    def add(self, texts: list[str], keys: list[Any]) -> tuple[int, ...]:
        ids = []
        sep = "" if self.lang == "zh" else " "
        for text, key in zip(texts, keys, strict=True):
            if self.sentences:
                gap = sep if key == self.last_key else "\n\n"
                self.parts.append(gap)
                self.pos += len(gap)
            if key != self.last_key:
                self.para += 1
                self.last_key = key
            end = self.pos + len(text)
            sentence = Sentence(len(self.sentences), self.para, self.pos, end, text)
            self.sentences.append(sentence)
            self.parts.append(text)
            self.pos += len(text)
            ids.append(sentence.id)
        return tuple(ids)

    def side(self) -> Side:
        return Side(self.lang, self.role, "".join(self.parts), self.sentences)


def _split(text: str, breaks: list[int] | None, sep: str) -> list[str]:
    """Cut a seg at the recorded sentence starts (if they fit), else keep it whole."""
    if breaks and all(0 < b <= len(text) for b in breaks) and breaks == sorted(set(breaks)):
        cuts = [0, *breaks, len(text)]
        pieces = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
        if sep:
            pieces = [
                p[: -len(sep)] if k < len(pieces) - 1 and p.endswith(sep) else p
                for k, p in enumerate(pieces)
            ]
        return pieces
    return [text]


def import_tmx(
    path: str | Path, *, source_lang: str | None = None, **_options: object
) -> AlignmentDocument:
    path = Path(path)
    name = str(path)
    tree = parse_xml(read_input_bytes(path, "TMX file"), name)
    root = tree.getroot()
    if localname(root) != "tmx":
        raise ImportFormatError(f"{name}: root element is <{localname(root)}>, not <tmx>")
    header = next((e for e in root if localname(e) == "header"), None)
    body = next((e for e in root if localname(e) == "body"), None)
    if body is None:
        raise ImportFormatError(f"{name}: no <body> (not a TMX file)")
    tus = [e for e in body if localname(e) == "tu"]
    if not tus:
        raise ImportFormatError(f"{name}: no translation units (<tu>)")

    rows: list[tuple[dict[str, str], dict[str, str]]] = []  # (lang -> seg text, props)
    langs: list[str] = []
    for tu in tus:
        segs: dict[str, str] = {}
        props: dict[str, str] = {}
        for child in tu:
            tag = localname(child)
            if tag == "prop" and child.get("type"):
                props[child.get("type", "")] = child.text or ""
            elif tag == "tuv":
                lang = base_lang(child.get(XML_LANG) or child.get("lang"))
                if not lang:
                    raise ImportFormatError(f"{name}: a <tuv> without xml:lang")
                seg = next((e for e in child if localname(e) == "seg"), None)
                text = _seg_text(seg) if seg is not None else ""
                if lang not in segs:
                    segs[lang] = text
                if lang not in langs:
                    langs.append(lang)
        rows.append((segs, props))

    header_src = base_lang(header.get("srclang")) if header is not None else ""
    if header_src == "*all*":
        header_src = ""
    src = base_lang(source_lang) or header_src or (langs[0] if langs else "")
    if src not in langs and langs:
        raise ImportFormatError(f"{name}: no segments in the source language {src!r}")
    others = [lang for lang in langs if lang != src]
    if not others:
        raise ImportFormatError(f"{name}: only one language ({src}); need a translation")
    tgt = others[0]

    source = _SideBuilder(src, "original")
    target = _SideBuilder(tgt, "translation")
    beads: list[Bead] = []
    for n, (segs, props) in enumerate(rows):
        ids: dict[str, tuple[int, ...]] = {}
        for side_name, builder in (("source", source), ("target", target)):
            text = segs.get(builder.lang, "")
            if not text.strip():
                ids[side_name] = ()
                continue
            sep = "" if builder.lang == "zh" else " "
            texts = _split(text, _ints(props.get(f"x-{side_name}-breaks")), sep)
            paras = _ints(props.get(f"x-{side_name}-paragraphs"))
            keys: list[Any] = (
                [("p", p) for p in paras]
                if paras and len(paras) == len(texts)
                else [("tu", n)] * len(texts)
            )
            ids[side_name] = builder.add(texts, keys)
        if not ids["source"] and not ids["target"]:
            continue
        score = None
        if "x-score" in props:
            try:
                score = float(props["x-score"])
            except ValueError:
                score = None
            if score is not None and not 0.0 <= score <= 1.0:  # also refuses nan
                score = None
        status = props.get("x-status", "auto")
        if status not in BEAD_STATUSES:
            status = "auto"
        flags = props.get("x-flags", "").split()
        beads.append(Bead(ids["source"], ids["target"], score, status, flags))
    if not beads:
        raise ImportFormatError(f"{name}: every translation unit is empty")
    meta: dict[str, Any] = {"imported_from": "tmx", "name": path.stem}
    if len(others) > 1:
        meta["tmx_languages_skipped"] = others[1:]
    doc = AlignmentDocument(source.side(), target.side(), beads, meta=meta)
    return checked(doc, name)
