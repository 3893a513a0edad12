"""Hardened XML parsing for files written by others (TMX, InterText, TBX glossaries).

lxml (libxml2) with ``resolve_entities=False`` (no entity expansion), ``no_network=True``
(nothing fetched), ``load_dtd=False`` (no external DTD read), ``huge_tree=False``
(libxml2's size and depth limits stay on). On top of that any document whose
DOCTYPE declares entities is refused with XMLEntityError, before and after parsing:
a billion-laughs bomb or an external entity (``SYSTEM "file:///etc/passwd"``) never
reaches the importer. A plain ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is fine (not loaded).
Input that is not well-formed raises XMLFormatError; ``io.xmlsafe`` gives the exchange
formats the same parser with their own error types.
"""

from __future__ import annotations

import io
import re

from lxml import etree

from aligner_gui.core.errors import InputError


class XMLFormatError(InputError):
    """An XML input is not well-formed (one line naming the file, the line and the problem)."""


class XMLEntityError(XMLFormatError):
    """XML refused for safety: entity declarations (expansion bombs, external entities)."""


_DOCTYPE = re.compile(r"<!DOCTYPE")
_ENTITY = re.compile(r"<!\s*ENTITY")
# libxml2's own entity guards (amplification limit, reference loops) also mean "unsafe".
_LIBXML_ENTITY_GUARDS = re.compile(r"amplification|entity reference loop", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _prolog_text(data: bytes) -> str:
    """The document's start as text, in whatever encoding its BOM/NULs suggest."""
    head = data[: 1 << 20]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if head[:2] == b"<\x00":
        return head.decode("utf-16-le", errors="ignore")
    if head[:2] == b"\x00<":
        return head.decode("utf-16-be", errors="ignore")
    return head.decode("utf-8", errors="ignore")


def _refuse_entity_declarations(data: bytes, name: str) -> None:
    text = _prolog_text(data)
    match = _DOCTYPE.search(text)
    if not match:
        return
    rest = text[match.start() :]
    first_gt = rest.find(">")
    bracket = rest.find("[")
    if bracket != -1 and (first_gt == -1 or bracket < first_gt):
        end = rest.find("]", bracket)
        subset = rest[bracket:] if end == -1 else rest[bracket:end]
        if _ENTITY.search(subset):
            raise XMLEntityError(_unsafe_message(name))


def _unsafe_message(name: str) -> str:
    return (
        f"{name}: refused: the XML declares or uses entities (<!ENTITY>, &name;), which can "
        "expand to huge sizes or read other files"
    )


def _syntax_message(name: str, error: Exception) -> str:
    msg = " ".join(str(getattr(error, "msg", "") or error).split())
    lineno = getattr(error, "lineno", None)
    where = f"line {lineno}: " if lineno else ""
    return f"{name} is not well-formed XML ({where}{msg})"


def parse_xml(data: bytes, name: str) -> etree._ElementTree:
    """Parse untrusted XML bytes; raises XMLFormatError / XMLEntityError (one line)."""
    _refuse_entity_declarations(data, name)
    try:
        tree = etree.parse(io.BytesIO(data), _parser())
    except etree.XMLSyntaxError as error:
        if _LIBXML_ENTITY_GUARDS.search(str(error)):
            raise XMLEntityError(_unsafe_message(name)) from None
        raise XMLFormatError(_syntax_message(name, error)) from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise XMLEntityError(_unsafe_message(name))
    if any(True for _ in tree.iter(etree.Entity)):
        raise XMLEntityError(_unsafe_message(name))
    return tree


def root_tag(data: bytes, name: str) -> str:
    """Local name of the root element, reading only as far as that element."""
    _refuse_entity_declarations(data, name)
    try:
        for _event, element in etree.iterparse(
            io.BytesIO(data),
            events=("start",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        ):
            return localname(element)
    except etree.XMLSyntaxError as error:
        raise XMLFormatError(_syntax_message(name, error)) from None
    raise XMLFormatError(f"{name} is not well-formed XML (no root element)")


_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Characters XML 1.0 cannot hold (control characters, lone surrogates) become spaces,
    one for one, so lengths and offsets do not move."""
    return _XML_ILLEGAL.sub(" ", text)


def localname(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    # "{ns}name" or "name"; an undeclared prefix comes through as "prefix:name", which
    # QName() refuses, so split by hand.
    return tag.rsplit("}", 1)[-1]
