"""The hardened XML parser (``core.text.safe_xml``) with the exchange formats' error types.

TMX and InterText imports report a file that is not well-formed as ImportFormatError
and one that declares entities as UnsafeXMLError, like every other import problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from aligner_gui.core.text import safe_xml
from aligner_gui.io.errors import ImportFormatError, UnsafeXMLError


@contextmanager
def _as_import_errors() -> Iterator[None]:
    """The parser's errors as import errors: same message, the exchange formats' types."""
    try:
        yield
    except safe_xml.XMLEntityError as error:
        raise UnsafeXMLError(str(error)) from None
    except safe_xml.XMLFormatError as error:
        raise ImportFormatError(str(error)) from None


def parse_xml(data: bytes, name: str) -> etree._ElementTree:
    """Parse untrusted XML bytes; raises ImportFormatError / UnsafeXMLError (one line)."""
    with _as_import_errors():
        return safe_xml.parse_xml(data, name)


def root_tag(data: bytes, name: str) -> str:
    """Local name of the root element, reading only as far as that element."""
    with _as_import_errors():
        return safe_xml.root_tag(data, name)
