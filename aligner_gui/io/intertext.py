"""InterText TEI XML: two text files and one link file, as the InterText editor reads them.

Layout (InterText server ``export_alignment``/``import_alignment``, and the files in
``../shared/data/mac-dev/intertext``)::

    TEXT.VER1.xml        <text><p id="1"><s id="1:1">...</s>...</p>...</text>
    TEXT.VER2.xml
    TEXT.VER1.VER2.xml   <linkGrp toDoc='TEXT.VER2.xml' fromDoc='TEXT.VER1.xml'>
                           <link type='2-1' xtargets='1:3 1:4;1:2' status='man'/>

Order of the sides: in ``xtargets`` and in ``type`` the **toDoc** (VER2) ids come
first, then the fromDoc (VER1) ids. InterText writes ``xtargets='$v2;$v1'`` and reads
``list($v2_grp, $v1_grp) = explode(';', ...)``; the corpus confirms it (the first
group of ``corpus_test.001_zh.001_en.xml`` counts up to the 283 English sentences).

Mapping to our document: toDoc = source (the original), fromDoc = target (the
translation). So ``xtargets='SOURCE IDS;TARGET IDS'`` and ``type='len(source)-len(target)'``,
and the corpus' ``NNN_zh.NNN_en`` files import as source = English, target = Chinese
(our default), with the gold ``[zh ids]:[en ids]`` being ``[target]:[source]``.
Pass ``source_lang="zh"`` to make the Chinese text the source instead.

Status: ``man`` <-> confirmed/manual beads, ``auto``/``plain`` <-> auto; a manual bead
also gets ``x-status='manual'`` (InterText ignores it), so it comes back manual.
Separators: an ``<s>`` whose preceding text is not what an import would put there (a
space in English, nothing in Chinese, a blank line between paragraphs) carries it in
``x-sep``, so a project's text comes back exactly (e.g. paragraphs one line apart).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from aligner_gui.core.model import AlignmentDocument, Bead, DocumentError, Sentence, Side
from aligner_gui.core.text.safe_xml import localname, xml_text
from aligner_gui.io.atomic import atomic_write_bytes
from aligner_gui.io.errors import ExportFormatError, ImportFormatError
from aligner_gui.io.format_helpers import (
    base_lang,
    guess_lang,
    read_input_bytes,
    side_from_paragraphs,
)
from aligner_gui.io.xmlsafe import parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# InterText's own id normalisation: trailing "N" or "N<sep>M", separators . : - _ , -> ":".
_ID = re.compile(r"([0-9]+(?:[.:\-_,][0-9]+)?)$")
_LINK_NAME = re.compile(r"^([^.]+)\.([^.]+)\.([^.]+)\.xml$", re.IGNORECASE)
_NAME_PART = re.compile(r"[^\w\-]+")

_STATUS_OUT = {"auto": "auto", "confirmed": "man", "manual": "man"}
_STATUS_IN = {"man": "confirmed", "auto": "auto", "plain": "auto"}

# Attributes InterText ignores that carry what its format cannot: our bead status when
# "man" is not enough (manual vs confirmed), and the text before a sentence (on <s>; on
# <text>: the text after the last one) when it is not what an import would put there.
STATUS_ATTR = "x-status"
SEP_ATTR = "x-sep"


# -- export ----------------------------------------------------------------------------


def _version_names(doc: AlignmentDocument) -> tuple[str, str]:
    """(fromDoc version, toDoc version) = (target, source) language codes, kept distinct."""
    ver_from = _safe_part(doc.target.lang or "target")
    ver_to = _safe_part(doc.source.lang or "source")
    if ver_from == ver_to:
        ver_from, ver_to = f"{ver_from}_target", f"{ver_to}_source"
    return ver_from, ver_to


def _safe_part(text: str) -> str:
    """A name part InterText can split on dots: no dots, no spaces."""
    part = _NAME_PART.sub("_", text).strip("_")
    return part or "doc"


def intertext_paths(doc: AlignmentDocument, out_path: str | Path) -> tuple[Path, Path, Path]:
    """(link file, fromDoc text file, toDoc text file) for an export to ``out_path``.

    The rule: ``out_path`` is a **folder** when it exists as one, ends in a slash or does
    not end in ``.xml`` (``export_intertext`` creates it; the files inside are named
    DOC.TARGETLANG.SOURCELANG.xml, DOC.TARGETLANG.xml, DOC.SOURCELANG.xml). A name
    ending in ``.xml`` is the **link file**: of the InterText form ``TEXT.VER1.VER2.xml``
    it is used as is (VER1 = target, text files TEXT.VER1.xml, TEXT.VER2.xml); any
    other ``NAME.xml`` gives the text files NAME.TARGETLANG.xml and NAME.SOURCELANG.xml
    beside it.
    """
    out = Path(out_path)
    if is_folder_target(out_path):
        text = _safe_part(str(doc.meta.get("name") or "doc"))
        ver_from, ver_to = _version_names(doc)
        link = out / f"{text}.{ver_from}.{ver_to}.xml"
    else:
        match = _LINK_NAME.match(out.name)
        if match:
            text, ver_from, ver_to = match.groups()
            if ver_from == ver_to:
                raise ExportFormatError(f"{out}: the two versions in an InterText name must differ")
            src, tgt = doc.source.lang, doc.target.lang
            if src != tgt and _version_lang(ver_from) == src and _version_lang(ver_to) == tgt:
                raise ExportFormatError(
                    f"{out.name}: VER1 names the target ({tgt}) and VER2 the source ({src}); "
                    f"use {text}.{ver_to}.{ver_from}.xml"
                )
        else:
            text = _safe_part(out.name[: -len(out.suffix)])
            ver_from, ver_to = _version_names(doc)
        link = out
    folder = link.parent
    return link, folder / f"{text}.{ver_from}.xml", folder / f"{text}.{ver_to}.xml"


def is_folder_target(out_path: str | Path) -> bool:
    """True if an InterText export to ``out_path`` goes into a folder (see intertext_paths)."""
    raw = str(out_path)
    out = Path(out_path)
    return (
        out.is_dir()
        or raw.endswith(("/", os.sep))
        or out.suffix.lower() != ".xml"
    )


def _version_lang(version: str) -> str:
    """Language code a version name ends with: "001_zh" -> "zh", "en" -> "en"."""
    return base_lang(re.split(r"[_\-]", version)[-1])


def _s_ids(side: Side) -> list[str]:
    """InterText two-level ids "P:N" (both 1-based, N restarting in each paragraph)."""
    ids: list[str] = []
    para_no = 0
    last_para: int | None = None
    n = 0
    for sentence in side.sentences:
        if sentence.paragraph != last_para:
            para_no += 1
            last_para = sentence.paragraph
            n = 0
        n += 1
        ids.append(f"{para_no}:{n}")
    return ids


def _default_sep(lang: str, new_paragraph: bool) -> str:
    """What side_from_paragraphs puts between two sentences."""
    if new_paragraph:
        return "\n\n"
    return "" if lang == "zh" else " "


def _text_xml(side: Side, ids: list[str]) -> bytes:
    root = etree.Element("text")
    if side.lang:
        root.set(XML_LANG, side.lang)  # TEI's language attribute; InterText keeps it
    if side.sentences and side.text[side.sentences[-1].end :]:
        root.set(SEP_ATTR, xml_text(side.text[side.sentences[-1].end :]))
    root.text = "\n  "
    p_el = None
    last_para: int | None = None
    previous: Sentence | None = None
    for sentence, sid in zip(side.sentences, ids, strict=True):
        if sentence.paragraph != last_para:
            if p_el is not None:
                p_el.tail = "\n  "
            p_el = etree.SubElement(root, "p", id=sid.split(":")[0])
            p_el.text = "\n    "
            last_para = sentence.paragraph
        else:
            assert p_el is not None
            p_el[-1].tail = "\n    "
        s_el = etree.SubElement(p_el, "s", id=sid)
        # The text between this sentence and the previous one, when an import would not
        # put it back by itself (a single line break between paragraphs, two spaces ...).
        before = previous
        previous = sentence
        sep = side.text[before.end if before else 0 : sentence.start]
        new_paragraph = before is not None and before.paragraph != sentence.paragraph
        if sep != ("" if before is None else _default_sep(side.lang, new_paragraph)):
            s_el.set(SEP_ATTR, xml_text(sep))
        s_el.text = xml_text(sentence.text)
        s_el.tail = "\n  "
    if p_el is not None:
        p_el.tail = "\n"
    else:
        root.text = "\n"
    return etree.tostring(root, xml_declaration=True, encoding="utf-8") + b"\n"


def _link_xml(
    doc: AlignmentDocument,
    from_name: str,
    to_name: str,
    source_ids: list[str],
    target_ids: list[str],
) -> bytes:
    root = etree.Element("linkGrp")
    root.set("toDoc", to_name)
    root.set("fromDoc", from_name)
    root.text = "\n"
    for bead in doc.beads:
        link = etree.SubElement(root, "link")
        # toDoc (= source) first, in both type and xtargets.
        link.set("type", f"{len(bead.source)}-{len(bead.target)}")
        link.set(
            "xtargets",
            " ".join(source_ids[i] for i in bead.source)
            + ";"
            + " ".join(target_ids[i] for i in bead.target),
        )
        link.set("status", _STATUS_OUT.get(bead.status, "auto"))
        if bead.status == "manual":
            link.set(STATUS_ATTR, bead.status)  # InterText has "man" only; it ignores this
        link.tail = "\n"
    return etree.tostring(root, xml_declaration=True, encoding="utf-8") + b"\n"


def export_intertext(doc: AlignmentDocument, out_path: str | Path) -> list[Path]:
    """Write the two text files and the link file; returns [link, fromDoc text, toDoc text]."""
    try:
        doc.check()
    except DocumentError as error:
        raise ExportFormatError(f"cannot export to InterText: {error}") from None
    link, from_path, to_path = intertext_paths(doc, out_path)
    folder = link.parent
    if not folder.is_dir() and is_folder_target(out_path):
        if not folder.parent.is_dir():
            raise ExportFormatError(f"cannot write {folder}: folder {folder.parent} does not exist")
        try:
            folder.mkdir()
        except OSError as error:
            raise ExportFormatError(f"cannot create {folder}: {error.strerror or error}") from None
    source_ids = _s_ids(doc.source)
    target_ids = _s_ids(doc.target)
    atomic_write_bytes(from_path, _text_xml(doc.target, target_ids))
    atomic_write_bytes(to_path, _text_xml(doc.source, source_ids))
    atomic_write_bytes(link, _link_xml(doc, from_path.name, to_path.name, source_ids, target_ids))
    return [link, from_path, to_path]


# -- import ----------------------------------------------------------------------------


def _norm_id(raw: str) -> str | None:
    match = _ID.search(raw.strip())
    if not match:
        return None
    return re.sub(r"[.:\-_,]", ":", match.group(1))


class _Text:
    """One InterText text file: alignable <s> elements in order, grouped by container."""

    def __init__(self, path: Path) -> None:
        self.path = path
        tree = parse_xml(read_input_bytes(path, "InterText text file"), str(path))
        paragraphs: list[list[str]] = []
        self.seps: list[str | None] = []
        self.tail = tree.getroot().get(SEP_ATTR)
        self.index: dict[str, int] = {}
        last_parent = None
        count = 0
        for element in tree.getroot().iter():
            if localname(element) != "s":
                continue
            parent = element.getparent()
            if parent is not last_parent or not paragraphs:
                paragraphs.append([])
                last_parent = parent
            text = "".join(element.itertext())
            paragraphs[-1].append(text)
            self.seps.append(element.get(SEP_ATTR))
            raw_id = element.get("id")
            if raw_id is None:
                raise ImportFormatError(f"{path}: sentence {count + 1} has no id")
            sid = _norm_id(raw_id)
            if sid is None:
                raise ImportFormatError(f"{path}: unrecognised sentence id {raw_id!r}")
            if sid in self.index:
                raise ImportFormatError(f"{path}: sentence id {raw_id!r} occurs twice")
            self.index[sid] = count
            count += 1
        if count == 0:
            raise ImportFormatError(f"{path}: no <s> sentences (is this an InterText text?)")
        self.paragraphs = paragraphs
        self.count = count
        declared = base_lang(tree.getroot().get(XML_LANG))
        self.lang = declared or guess_lang("".join(s for p in paragraphs for s in p[:50]))

    def side(self, role: str) -> Side:
        """The side; with the separators our export records (x-sep), the text exactly as
        it was exported, else sentences joined as side_from_paragraphs does."""
        if self.tail is None and all(sep is None for sep in self.seps):
            return side_from_paragraphs(self.lang, role, self.paragraphs)
        parts: list[str] = []
        sentences: list[Sentence] = []
        pos = 0
        k = 0
        for para_no, paragraph in enumerate(p for p in self.paragraphs if p):
            for n, text in enumerate(paragraph):
                sep = self.seps[k]
                if sep is None:
                    sep = "" if k == 0 else _default_sep(self.lang, n == 0)
                parts += [sep, text]
                pos += len(sep)
                sentences.append(Sentence(k, para_no, pos, pos + len(text), text))
                pos += len(text)
                k += 1
        parts.append(self.tail or "")
        return Side(self.lang, role, "".join(parts), sentences)


def _group(raw: str, text: _Text, link_no: int, link_path: Path) -> list[int]:
    out = []
    for token in raw.split():
        sid = _norm_id(token)
        if sid is None or sid not in text.index:
            raise ImportFormatError(
                f"{link_path}: link {link_no}: sentence {token!r} is not in {text.path.name}"
            )
        out.append(text.index[sid])
    return out


def import_intertext(
    path: str | Path, *, source_lang: str | None = None, **_options: object
) -> AlignmentDocument:
    """Read a link file and the two text files it names (looked up beside it)."""
    link_path = Path(path)
    tree = parse_xml(read_input_bytes(link_path, "InterText link file"), str(link_path))
    root = tree.getroot()
    group = (
        root
        if localname(root) == "linkGrp"
        else next((e for e in root.iter() if localname(e) == "linkGrp"), None)
    )
    if group is None:
        raise ImportFormatError(f"{link_path}: no <linkGrp> (not an InterText link file)")
    from_name, to_name = group.get("fromDoc"), group.get("toDoc")
    if not from_name or not to_name:
        raise ImportFormatError(f"{link_path}: <linkGrp> needs both fromDoc and toDoc")
    texts = {}
    for role, name in (("fromDoc", from_name), ("toDoc", to_name)):
        file = link_path.parent / Path(name).name
        if not file.is_file():
            raise ImportFormatError(
                f"{link_path}: the {role} text {Path(name).name} is not beside the link file"
            )
        texts[role] = _Text(file)
    from_text, to_text = texts["fromDoc"], texts["toDoc"]

    # Beads as (toDoc ids, fromDoc ids), checked for order and gaps like InterText does.
    pairs: list[tuple[list[int], list[int], str]] = []
    next_to = next_from = 0
    links = [e for e in group if localname(e) == "link"]
    if not links:
        raise ImportFormatError(f"{link_path}: no <link> elements")
    for k, link in enumerate(links, 1):
        xtargets = link.get("xtargets")
        if xtargets is None or xtargets.count(";") != 1:
            raise ImportFormatError(f"{link_path}: link {k}: xtargets must be 'ids;ids'")
        to_raw, from_raw = xtargets.split(";")
        to_ids = _group(to_raw, to_text, k, link_path)
        from_ids = _group(from_raw, from_text, k, link_path)
        kind = link.get("type")
        if kind and kind != f"{len(to_ids)}-{len(from_ids)}":
            raise ImportFormatError(
                f"{link_path}: link {k}: type {kind!r} does not match xtargets {xtargets!r}"
            )
        if not to_ids and not from_ids:
            continue
        for ids, expected, text in ((to_ids, next_to, to_text), (from_ids, next_from, from_text)):
            if ids and ids != list(range(expected, expected + len(ids))):
                raise ImportFormatError(
                    f"{link_path}: link {k}: gap or disorder in {text.path.name} "
                    f"(expected sentence {expected + 1}, found {ids[0] + 1})"
                )
        next_to += len(to_ids)
        next_from += len(from_ids)
        status = _STATUS_IN.get((link.get("status") or "man").strip(), "auto")
        if status == "confirmed" and link.get(STATUS_ATTR) == "manual":
            status = "manual"
        pairs.append((to_ids, from_ids, status))
    # Sentences no link covers (an unfinished alignment) become unaligned beads.
    for idx in range(next_to, to_text.count):
        pairs.append(([idx], [], "auto"))
    for idx in range(next_from, from_text.count):
        pairs.append(([], [idx], "auto"))

    swap = source_lang is not None and from_text.lang == source_lang != to_text.lang
    source_text, target_text = (from_text, to_text) if swap else (to_text, from_text)
    source = source_text.side("original")
    target = target_text.side("translation")
    beads = []
    for to_ids, from_ids, status in pairs:
        src, tgt = (from_ids, to_ids) if swap else (to_ids, from_ids)
        beads.append(Bead(tuple(src), tuple(tgt), None, status))
    doc = AlignmentDocument(
        source,
        target,
        beads,
        meta={
            "imported_from": "intertext",
            "intertext": {"link": link_path.name, "fromDoc": from_name, "toDoc": to_name},
            "name": link_path.name.split(".")[0],
        },
    )
    try:
        doc.check()
    except DocumentError as error:
        raise ImportFormatError(f"{link_path}: {error}") from None
    return doc
