"""Reading input texts: encoding detection, language detection, bilingual splitting.

The encoding is decided from the bytes alone (byte-order mark, then strict UTF-8, then
GB18030 checked for plausibility), never from the file name. Every failure is an
:class:`InputError` with a one-line message naming the file.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from aligner_gui.core.errors import InputError
from aligner_gui.core.model import Side
from aligner_gui.core.text.files import FileReadError, read_limited
from aligner_gui.core.text.segment import is_hard_wrapped, segment

MAX_FILE_BYTES = 50 * 1024 * 1024

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# One Han character carries about as much text as two Latin letters.
_HAN_WEIGHT = 2.0
# In a split, more than this share of lines in the other script means the text is no
# Chinese block plus English block (e.g. alternating lines).
_MAX_STRAY_SHARE = 1 / 3
# A real translation is far more than a tenth the size of its original (weighted counts).
_MIN_BLOCK_RATIO = 0.1
# One of two files holding a text of the other language too (a bilingual file given with
# another file): at least this share of its weighted script mass, in this many lines.
_MIXED_SHARE = 0.25
_MIXED_LINES = 2
_NEWLINES = re.compile(r"\r\n?")
# What editors most often open by mistake, by their first bytes.
_DOCUMENT_MAGIC = (
    (b"PK\x03\x04", "a Word/Office document or a zip archive"),
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
)
_BLANK_RUNS = re.compile(r"\n{3,}")


def read_text(path: str | Path) -> str:
    """The decoded text of ``path`` with line ends normalised to LF and any BOM removed."""
    path = Path(path)
    data = _read_bytes(path)
    text = _decode(path, data)
    if "\x00" in text:
        raise InputError(f"{path}: contains NUL bytes; this looks like a binary file, not text")
    text = _NEWLINES.sub("\n", text)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text


def detect_lang(text: str) -> str:
    """Return "zh" or "en" by the weighted share of Han characters against Latin letters."""
    han, latin = _script_counts(text)
    if not han and not latin:
        raise InputError("the text has neither Chinese nor English in it")
    return "zh" if han * _HAN_WEIGHT >= latin else "en"


def split_bilingual(text: str) -> tuple[str, str]:
    """Split a Chinese block and an English block (either order) into (zh_text, en_text).

    Each line leans Chinese or English by its weighted script counts; the split point is
    the one that puts the most script mass on its own side, so a stray "(New START)" line
    inside the Chinese, or a Chinese title inside the English, does not move it. Leading
    and trailing blank lines of each block are dropped; blank lines inside it are kept.
    A file whose lines alternate between the languages (a bilingual article printed
    paragraph by paragraph, subtitles) has no such split: each line goes to the language
    it leans to, a line of neither (a number, a dash) with the line before it.
    """
    lines = _NEWLINES.sub("\n", text).split("\n")
    leaning = [_line_leaning(line) for line in lines]
    if not any(v > 0 for v in leaning):
        raise InputError("no Chinese text found (one language only)")
    if not any(v < 0 for v in leaning):
        raise InputError("no English text found (one language only)")
    # fit[k]: script mass on its own side if Chinese is before line k and English from it;
    # -fit[k] is the same for English first.
    prefix = [0.0]
    for v in leaning:
        prefix.append(prefix[-1] + v)
    fit = [2 * p - prefix[-1] for p in prefix]
    zh_first = _to_blank_line(lines, max(range(len(fit)), key=fit.__getitem__), True)
    en_first = _to_blank_line(lines, min(range(len(fit)), key=fit.__getitem__), False)
    if fit[zh_first] >= -fit[en_first]:
        zh_lines, en_lines = lines[:zh_first], lines[zh_first:]
        zh_leaning, en_leaning = leaning[:zh_first], leaning[zh_first:]
    else:
        en_lines, zh_lines = lines[:en_first], lines[en_first:]
        en_leaning, zh_leaning = leaning[:en_first], leaning[en_first:]
    if _interleaved(zh_leaning, en_leaning):
        zh_lines, en_lines = _deinterleave(lines, leaning)
    _check_blocks(zh_lines, en_lines)
    zh_text, en_text = _block(zh_lines), _block(en_lines)
    return zh_text, en_text


_HAN_CHARS = re.compile(r"[\u3400-\u9fff]")


def _to_blank_line(lines: list[str], split: int, zh_first: bool) -> int:
    """The split moved to the blank line next to it over lines that hold Chinese but lean
    English (媒体联系：press@aurora.com closing the Chinese block went to the English): the
    blank line between the blocks is where the writer put it."""
    def chinese(line: str) -> bool:
        return len(_HAN_CHARS.findall(line)) >= 2

    if split < len(lines) and lines[split].strip() and (split == 0 or lines[split - 1].strip()):
        step = 1 if zh_first else -1
        k = split if zh_first else split - 1
        while 0 <= k < len(lines) and lines[k].strip() and chinese(lines[k]):
            k += step
        if 0 <= k < len(lines) and not lines[k].strip():
            return k if zh_first else k + 1
    return split


def load_sides(
    paths: Sequence[str | Path], *, presplit: bool = False, source_lang: str = "en"
) -> tuple[Side, Side]:
    """Read one bilingual file or two monolingual files (either order) into (source, target).

    The source side has ``lang=source_lang`` and role "original"; the target is the other
    language with role "translation".
    """
    source, target = load_texts(paths, presplit=presplit, source_lang=source_lang)
    target_lang = "zh" if source_lang == "en" else "en"
    return (Side(source_lang, "original", source, segment(source, source_lang, presplit)),
            Side(target_lang, "translation", target, segment(target, target_lang, presplit)))


def load_texts(
    paths: Sequence[str | Path], *, presplit: bool = False, source_lang: str = "en"
) -> tuple[str, str]:
    """The (source, target) texts :func:`load_sides` reads, without cutting them into
    sentences: what a project stores as ``source.text`` and ``target.text``."""
    if source_lang not in ("en", "zh"):
        raise InputError(f"unknown source language {source_lang!r} (expected 'en' or 'zh')")
    files = [Path(p) for p in paths]
    if len(files) == 1:
        texts = _split_file(files[0])
    elif len(files) == 2:
        texts = _pair(files[0], files[1])
    else:
        raise InputError(f"expected one bilingual file or two files, got {len(files)}")
    target_lang = "zh" if source_lang == "en" else "en"
    return (_shape(texts[source_lang], source_lang, presplit),
            _shape(texts[target_lang], target_lang, presplit))


# -- reading -------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_FILE_BYTES, "text file")
    except FileReadError as error:
        raise InputError(str(error)) from None


def _decode(path: Path, data: bytes) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{path}: starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {error.start + len(bom)})"
                ) from None
    for magic, kind in _DOCUMENT_MAGIC:
        if data.startswith(magic):
            raise InputError(f"{path}: {kind}, not plain text; save it as plain text "
                             "(.txt, UTF-8) and open that")
    if b"\x00" in data:
        raise InputError(
            f"{path}: contains NUL bytes; this looks like a binary file "
            "(or UTF-16 without a byte-order mark), not text"
        )
    furthest = (-1, "")  # where the encoding that read furthest failed: a damaged byte
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        furthest = (error.start, "UTF-8")
    for codec, plausible in (("gb18030", _plausible_chinese), ("big5", _plausible_big5),
                             ("cp1252", _plausible_western)):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            if codec != "cp1252" and error.start > furthest[0]:
                furthest = (error.start, "GB18030/GBK" if codec == "gb18030" else "Big5")
            continue
        if plausible(text):
            return text
    at, name = furthest
    if at >= 32 and _plausible_prefix(data[:at], name):
        line = data[:at].count(b"\n") + 1
        raise InputError(
            f"{path}: reads as {name} up to line {line}, where byte {at} (0x{data[at]:02x}) "
            f"is not {name}: a damaged or cut-off character; fix that line or save the file "
            "as UTF-8")
    raise InputError(
        f"{path}: unknown encoding: not UTF-8, UTF-16 with a byte-order mark, GB18030/GBK, "
        "Big5 or Windows-1252; save it as UTF-8"
    )


def _plausible_prefix(data: bytes, name: str) -> bool:
    """Text up to a damaged byte that reads as good text of that encoding."""
    codec = {"UTF-8": "utf-8", "GB18030/GBK": "gb18030", "Big5": "big5"}[name]
    text = data.decode(codec, errors="replace")
    if name == "UTF-8":
        return True
    return (_plausible_chinese if name != "Big5" else _plausible_big5)(text)


# Traditional Chinese saved as "ANSI" on Windows in Taiwan and Hong Kong is Big5; English
# saved so in the West is Windows-1252 (curly quotes and dashes beyond ASCII).
_CJK_TEXT = re.compile(f"[\u3000-\u303f{_HAN}\uff00-\uffef]")
_WESTERN = re.compile(r"[\u00a0-\u00ff\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u20ac\u2122]")


def _plausible_big5(text: str) -> bool:
    """Big5 text: its non-ASCII characters are Chinese characters and punctuation."""
    non_ascii = [ch for ch in text if ord(ch) >= 0x80]
    return bool(non_ascii) and sum(1 for ch in non_ascii if _CJK_TEXT.match(ch)) >= (
        0.98 * len(non_ascii)) and not _latin_with_han_inside(text)


def _plausible_western(text: str) -> bool:
    """Windows-1252 text: mostly ASCII, the rest accented letters and typographic
    punctuation (a few per line, as curly quotes and dashes are)."""
    non_ascii = [ch for ch in text if ord(ch) >= 0x80]
    letters = sum(1 for ch in text if ch.isalpha())
    return (all(_WESTERN.match(ch) for ch in non_ascii)
            and len(non_ascii) <= 0.1 * max(1, letters))


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes most byte soup; real Chinese is almost all GB2312 characters
    (simplified) or Big5 characters (traditional, saved as GBK).

    Control and private-use characters, or a low share of either character set among the
    non-ASCII characters (as from Latin-1, Big5 or Shift-JIS bytes), are implausible.
    """
    non_ascii = bad = simplified = traditional = 0
    for ch, n in Counter(text).items():
        code = ord(ch)
        if code < 0x80:
            if (code < 0x20 and ch not in "\t\n\r\f\v") or code == 0x7F:
                bad += n
            continue
        non_ascii += n
        if 0xE000 <= code <= 0xF8FF or 0x80 <= code < 0xA0:
            bad += n
            continue
        simplified += n * _encodable(ch, "gb2312")
        traditional += n * _encodable(ch, "big5")
    if bad * 1000 > len(text):
        return False
    if _latin_with_han_inside(text):
        return False
    return simplified >= 0.8 * non_ascii or traditional >= 0.9 * non_ascii


# A Han character between Latin letters: GB18030 reading a Windows-1252 accented letter
# and the letter after it as one character ("António" as "Ant髇io", "Stéphane" as "St閜hane").
_HAN_IN_WORD = re.compile(r"[A-Za-z][\u3400-\u9fff][a-z]")


def _latin_with_han_inside(text: str) -> bool:
    """Are most Han characters of ``text`` inside Latin words (a Western text misread)?"""
    inside = len(_HAN_IN_WORD.findall(text))
    return inside > 0 and 2 * inside >= len(_HAN_CHARS.findall(text))


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


# -- languages -------------------------------------------------------------------------


def _script_counts(text: str) -> tuple[int, int]:
    han = sum(len(run) for run in _HAN_RUN.findall(text))
    latin = sum(len(run) for run in _LATIN_RUN.findall(text))
    return han, latin


def _line_leaning(line: str) -> float:
    """Weighted Han count minus Latin count: > 0 leans Chinese, < 0 English, 0 neither."""
    han, latin = _script_counts(line)
    return han * _HAN_WEIGHT - latin


def _block(lines: list[str]) -> str:
    """The lines with trailing spaces and leading/trailing blank lines removed."""
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _check_blocks(zh_lines: list[str], en_lines: list[str]) -> None:
    """Refuse splits that leave one language token-sized."""
    zh_han, _ = _script_counts("\n".join(zh_lines))
    _, en_latin = _script_counts("\n".join(en_lines))
    zh_mass, en_mass = zh_han * _HAN_WEIGHT, en_latin
    if zh_mass < _MIN_BLOCK_RATIO * en_mass or en_mass < _MIN_BLOCK_RATIO * zh_mass:
        missing = "Chinese" if zh_mass < en_mass else "English"
        raise InputError(f"no {missing} block found (only a few {missing} lines)")
    english = [line for line in en_lines if line.strip()]
    if english and all(COPYRIGHT_LINE.match(line) for line in english):
        raise InputError("no English text found: its only English line is a copyright notice")


# "Copyright (c) 2024 Example Press", "© 2024 …": page furniture (scoring.classify too).
COPYRIGHT_LINE = re.compile(r"^\s*(?:Copyright|©|\(c\))\s*(?:©\s*)?(?:\(c\)\s*)?(?:19|20)\d\d\b",
                            re.IGNORECASE)


def _interleaved(zh_leaning: list[float], en_leaning: list[float]) -> bool:
    """Do the languages alternate: is a large share of either language's lines or text on
    the wrong side of the best split (``*_leaning``: its blocks' lines, see
    ``_line_leaning``): more than a third of its lines (two lines at least), or of its
    text? (A stray "(New START)" in the Chinese or a Chinese title in the English is a
    small share.)"""
    stray_en = [-v for v in zh_leaning if v < 0]
    stray_zh = [v for v in en_leaning if v > 0]
    strays = len(stray_en) + len(stray_zh)
    if not strays:
        return False
    share = _MAX_STRAY_SHARE
    for stray, own in ((stray_zh, [v for v in zh_leaning if v > 0]),
                       (stray_en, [-v for v in en_leaning if v < 0])):  # fmt: skip
        lines, mass = len(stray) + len(own), sum(stray) + sum(own)
        if strays >= 2 and len(stray) > share * lines:
            return True
        if sum(stray) > share * mass:
            # Even one such line holding a third of its language's text is a paragraph
            # of a text printed paragraph by paragraph, not a stray "(New START)".
            return True
    return False


def _deinterleave(lines: list[str], leaning: list[float]) -> tuple[list[str], list[str]]:
    """Each line to the language it leans to (a line of neither script with the line
    before it); blank lines to both, so that paragraphs stay apart."""
    zh_lines: list[str] = []
    en_lines: list[str] = []
    chinese = leaning[next((k for k, v in enumerate(leaning) if v), 0)] > 0
    for line, v in zip(lines, leaning, strict=True):
        if not line.strip():
            zh_lines.append(line)
            en_lines.append(line)
            continue
        if v:
            chinese = v > 0
        (zh_lines if chinese else en_lines).append(line)
    return zh_lines, en_lines


def _split_file(path: Path) -> dict[str, str]:
    text = read_text(path)
    try:
        zh, en = split_bilingual(text)
    except InputError as error:
        raise InputError(f"{path}: {error}") from None
    return {"zh": zh, "en": en}


def _pair(first: Path, second: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in (first, second):
        text = read_text(path)
        try:
            lang = detect_lang(text)
        except InputError as error:
            raise InputError(f"{path}: {error}") from None
        if _bilingual(text, lang):
            raise InputError(
                f"{path}: holds a Chinese and an English text (a bilingual file): open it "
                "alone, or give one Chinese and one English file"
            )
        if lang in texts:
            name = "Chinese" if lang == "zh" else "English"
            raise InputError(
                f"{first} and {second}: both files are {name}; "
                "expected one Chinese and one English file"
            )
        texts[lang] = text
    return texts


def _bilingual(text: str, lang: str) -> bool:
    """Whether a file meant as one language holds a whole text of the other too: lines
    leaning the other way carry at least _MIXED_SHARE of the script mass (weighted) and
    there are at least _MIXED_LINES of them. A quoted line, a title or names in the other
    script stay far below that."""
    leaning = [_line_leaning(line) for line in _NEWLINES.sub("\n", text).split("\n")]
    other = [abs(v) for v in leaning if (v > 0) == (lang == "en") and v != 0]
    total = sum(abs(v) for v in leaning)
    return len(other) >= _MIXED_LINES and sum(other) >= _MIXED_SHARE * total


def _shape(block: str, lang: str, presplit: bool) -> str:
    """The text as stored in the Side: one paragraph per line (presplit: a blank line
    between paragraphs, one sentence per line). Hard-wrapped prose is unwrapped."""
    lines = [line.strip() for line in block.split("\n")]
    if presplit:
        return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    if not is_hard_wrapped(block):
        return "\n".join(line for line in lines if line)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(_unwrap(current, lang))
            current = []
    return "\n".join(paragraphs)


def _unwrap(lines: list[str], lang: str) -> str:
    """Join wrapped lines: with spaces in English; in Chinese only between Latin/digits."""
    if lang == "en":
        return " ".join(lines)
    out = lines[0]
    for line in lines[1:]:
        if out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out
