"""Glossaries for the terminology check: TBX files and two-column CSV/TSV lists.

A glossary pairs a source term with the translations the client accepts. The check
(``checks.py``) asks two questions of a bead: where does a glossary term occur in this
text, and does this text hold any of these terms? English terms match whole words,
case-insensitively, by Snowball stems, so "warhead" also finds "warheads"; Chinese
terms match as substrings (Chinese has no inflection and no spaces).

Files are input written by others: TBX is parsed with the project's hardened XML
parser (``core/text/safe_xml.py``, whose errors are InputErrors too), text lists are
decoded like the input texts (UTF-8, BOMs, GB18030). Every other problem raises
:class:`GlossaryError`; each error is one line naming the file.
"""

from __future__ import annotations

import csv
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import Stemmer

from aligner_gui.core.errors import AlignerError, InputError
from aligner_gui.core.lexicon.words import american_spelling

__all__ = [
    "Glossary",
    "GlossaryError",
    "Term",
    "TermIndex",
    "find_term",
    "glossary_for",
    "holds_any",
    "load_glossary",
]

MAX_GLOSSARY_BYTES = 50 * 1024 * 1024
_XML_SUFFIXES = (".tbx", ".xml")
_TARGET_SPLIT = re.compile(r"\s*[;|；｜]\s*")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Header cells naming a column's language; other known header words name no language.
_HEADER_LANGS = {
    "en": "en", "eng": "en", "english": "en", "英文": "en", "英语": "en",
    "zh": "zh", "zho": "zh", "chi": "zh", "cmn": "zh", "chinese": "zh", "中文": "zh",
    "汉语": "zh",
}  # fmt: skip
_HEADER_WORDS = {
    "source",
    "target",
    "src",
    "tgt",
    "term",
    "terms",
    "translation",
    "translations",
    "原文",
    "译文",
    "术语",
    "note",
    "notes",
    "comment",
}


class GlossaryError(InputError):
    """A glossary file cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class Term:
    """A source term and the translations accepted for it."""

    source: str
    targets: tuple[str, ...]
    note: str = ""


@dataclass
class Glossary:
    """Terms from one language into another (``source_lang`` is the terms' language)."""

    terms: list[Term]
    source_lang: str = "en"
    target_lang: str = "zh"
    name: str = ""

    def __len__(self) -> int:
        return len(self.terms)

    def pairs_for(self, source_lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(term, accepted translations) for a document whose original is ``source_lang``.

        A glossary English -> Chinese serves a Chinese original too, read backwards:
        each Chinese term then expects the English term.
        """
        if source_lang == self.source_lang:
            return tuple((t.source, t.targets) for t in self.terms)
        if source_lang == self.target_lang:
            return tuple((target, (t.source,)) for t in self.terms for target in t.targets)
        return ()


# -- matching --------------------------------------------------------------------------

_STEMMER = Stemmer.Stemmer("english")
_STEMMER_LOCK = threading.Lock()  # PyStemmer objects are not thread-safe


def _stem(words: Sequence[str]) -> tuple[str, ...]:
    with _STEMMER_LOCK:
        return tuple(_STEMMER.stemWords([american_spelling(w.lower()) for w in words]))


@lru_cache(maxsize=32768)
def en_words(text: str) -> tuple[tuple[str, int, int], ...]:
    """(stem, start, end) of each English word of ``text``: what terms are matched on."""
    matches = list(_WORD.finditer(text))
    stems = _stem([m.group(0) for m in matches])
    return tuple((s, m.start(), m.end()) for s, m in zip(stems, matches, strict=True))


@lru_cache(maxsize=8192)
def _term_stems(term: str) -> tuple[str, ...]:
    return tuple(s for s, _a, _b in en_words(term))


def find_term(text: str, term: str, lang: str) -> tuple[int, int] | None:
    """Span of the first occurrence of ``term`` in ``text``, or None.

    English: whole words, any case, any inflection the stemmer folds (plural, -ed,
    -ing); Chinese: the exact characters.
    """
    if lang == "zh":
        at = text.find(term)
        return None if at < 0 else (at, at + len(term))
    wanted = _term_stems(term)
    if not wanted:
        return None
    words = en_words(text)
    n = len(wanted)
    for k in range(len(words) - n + 1):
        if words[k][0] == wanted[0] and all(words[k + j][0] == wanted[j] for j in range(1, n)):
            return words[k][1], words[k + n - 1][2]
    return None


def holds_any(text: str, terms: Iterable[str], lang: str) -> bool:
    """Whether ``text`` holds one of ``terms`` (matched as :func:`find_term` does)."""
    return any(find_term(text, term, lang) is not None for term in terms)


class TermIndex:
    """Terms keyed by their first stem (English) or character (Chinese): scanning a text
    costs a lookup per word, not a search per term (glossaries run to thousands)."""

    def __init__(self, pairs: Iterable[tuple[str, tuple[str, ...]]], lang: str) -> None:
        self.lang = lang
        self._by_head: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for term, targets in pairs:
            head = term[:1] if lang == "zh" else next(iter(_term_stems(term)), "")
            if head:
                self._by_head.setdefault(head, []).append((term, targets))

    def __bool__(self) -> bool:
        return bool(self._by_head)

    def occurrences(self, text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """(start, end, term, translations) of the first occurrence of each term in
        ``text``; a term inside a longer one found there is left out (弹头 in 核弹头)."""
        found: dict[str, tuple[int, int, str, tuple[str, ...]]] = {}
        if self.lang == "zh":
            for k, ch in enumerate(text):
                for term, targets in self._by_head.get(ch, ()):
                    if term not in found and text.startswith(term, k):
                        found[term] = (k, k + len(term), term, targets)
        else:
            words = en_words(text)
            for k, (stem, _a, _b) in enumerate(words):
                for term, targets in self._by_head.get(stem, ()):
                    wanted = _term_stems(term)
                    n = len(wanted)
                    if term not in found and tuple(w[0] for w in words[k : k + n]) == wanted:
                        found[term] = (words[k][1], words[k + n - 1][2], term, targets)
        spans = list(found.values())
        return [
            s
            for s in spans
            if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0] for o in spans)
        ]


# -- loading ---------------------------------------------------------------------------


def load_glossary(
    path: str | Path, *, source_lang: str = "en", target_lang: str = "zh"
) -> Glossary:
    """Read a TBX file or a two-column CSV/TSV list (term, translations).

    ``source_lang`` and ``target_lang`` name the text list's columns; a header naming
    the languages ("zh,en", "English<TAB>Chinese") or columns plainly in the other
    scripts (Chinese first) override them. In TBX the languages are those of the
    terms' ``xml:lang``: ``source_lang`` says which one the terms are looked up in.
    """
    path = Path(path)
    if path.suffix.lower() in _XML_SUFFIXES or _starts_like_xml(path):
        return _load_tbx(path, source_lang, target_lang)
    return _load_table(path, source_lang, target_lang)


def _starts_like_xml(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return False  # the loader proper reports it
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _read_bytes(path: Path) -> bytes:
    from aligner_gui.core.text.files import FileReadError, read_limited

    try:
        return read_limited(path, MAX_GLOSSARY_BYTES, "glossary file")
    except FileReadError as error:
        raise GlossaryError(str(error)) from None


def _base_lang(tag: str) -> str:
    """'zh-Hans-CN' -> 'zh', 'EN_us' -> 'en'; three-letter codes folded."""
    primary = re.split(r"[-_]", tag.strip())[0].lower()
    return _HEADER_LANGS.get(primary, primary)


def _load_tbx(path: Path, source_lang: str, target_lang: str) -> Glossary:
    """TBX-Basic / TBX 2 (termEntry, langSet, tig/ntig) and TBX 3 (conceptEntry,
    langSec, termSec): one Term per source term of each entry with both languages."""
    from aligner_gui.core.text.safe_xml import localname, parse_xml

    root = parse_xml(_read_bytes(path), str(path)).getroot()
    terms: list[Term] = []
    seen_langs: set[str] = set()
    for entry in root.iter():
        if localname(entry) not in ("termEntry", "conceptEntry"):
            continue
        by_lang: dict[str, list[str]] = {}
        note = ""
        for child in entry.iter():
            name = localname(child)
            if name in ("descrip", "note") and not note and child.text:
                note = " ".join(child.text.split())
            if name not in ("langSet", "langSec"):
                continue
            lang = _base_lang(child.get(_XML_LANG) or child.get("lang") or "")
            seen_langs.add(lang)
            for term in child.iter():
                if localname(term) == "term":
                    text = " ".join("".join(term.itertext()).split())
                    if text:
                        by_lang.setdefault(lang, []).append(text)
        targets = tuple(dict.fromkeys(by_lang.get(target_lang, ())))
        for source in dict.fromkeys(by_lang.get(source_lang, ())):
            if targets:
                terms.append(Term(source, targets, note))
    if not terms:
        found = ", ".join(sorted(x for x in seen_langs if x)) or "none"
        raise GlossaryError(
            f"{path}: no {source_lang}-{target_lang} term pairs found (languages: {found})"
        )
    return Glossary(_merged(terms), source_lang, target_lang, str(path))


def _load_table(path: Path, source_lang: str, target_lang: str) -> Glossary:
    """Two columns (a third is a note); '#' lines are comments; blank lines are skipped."""
    from aligner_gui.core.text.load import read_text

    try:
        text = read_text(path)
    except InputError as error:
        raise GlossaryError(str(error)) from None
    lines = text.split("\n")
    sample = [line for line in lines[:20] if line.strip() and not line.startswith("#")]
    delimiter = "\t" if any("\t" in line for line in sample) else ","
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        for cells in reader:
            line_no = reader.line_num
            if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
                continue
            rows.append((line_no, [c.strip() for c in cells]))
    except csv.Error as error:
        raise GlossaryError(f"{path} line {reader.line_num}: {error}") from None
    if rows and _is_header(rows[0][1]):
        langs = [_HEADER_LANGS.get(c.lower()) for c in rows[0][1][:2]]
        if langs[0] and langs[1] and langs[0] != langs[1]:
            source_lang, target_lang = langs[0], langs[1]
        rows = rows[1:]
    elif _columns_reversed(rows, source_lang):
        source_lang, target_lang = target_lang, source_lang
    terms = []
    for line_no, cells in rows:
        targets = tuple(t for t in _TARGET_SPLIT.split(cells[1]) if t) if len(cells) > 1 else ()
        if not cells[0] or not targets:
            raise GlossaryError(f"{path} line {line_no}: needs a source and a target term")
        note = cells[2] if len(cells) > 2 else ""
        terms.append(Term(cells[0], targets, note))
    if not terms:
        raise GlossaryError(f"{path}: no terms (expected lines 'term{delimiter}translation')")
    return Glossary(_merged(terms), source_lang, target_lang, str(path))


def _is_header(cells: list[str]) -> bool:
    low = [c.lower() for c in cells[:2]]
    return all(c in _HEADER_LANGS or c in _HEADER_WORDS for c in low) and len(low) == 2


def _columns_reversed(rows: list[tuple[int, list[str]]], source_lang: str) -> bool:
    """True when the first column is mostly Chinese and the second mostly not (or the
    other way round), against what ``source_lang`` says."""
    zh_first = sum(
        1 for _n, c in rows if _CJK.search(c[0]) and len(c) > 1 and not _CJK.search(c[1])
    )
    zh_second = sum(
        1 for _n, c in rows if len(c) > 1 and _CJK.search(c[1]) and not _CJK.search(c[0])
    )
    if source_lang == "en":
        return zh_first > zh_second
    return zh_second > zh_first


def _merged(terms: list[Term]) -> list[Term]:
    """One Term per source term: translations listed twice are joined, first note kept."""
    out: dict[str, Term] = {}
    for term in terms:
        known = out.get(term.source)
        if known is None:
            out[term.source] = term
        else:
            targets = tuple(dict.fromkeys(known.targets + term.targets))
            out[term.source] = Term(term.source, targets, known.note or term.note)
    return list(out.values())


def glossary_for(path: object) -> Glossary | None:
    """The glossary a project names (``doc.meta["glossary"]``), or None when there is
    none or it cannot be loaded: for suggestions, which must never fail on it. Loaded
    once per file version (path, modification time, size)."""
    if not isinstance(path, str) or not path:
        return None
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return _cached_glossary(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _cached_glossary(path: str, mtime_ns: int, size: int) -> Glossary | None:
    try:
        return load_glossary(path)
    except AlignerError:
        return None
