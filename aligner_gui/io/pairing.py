"""Which files of a folder (or lines of a manifest) make one document to align.

Pairing is by name only: nothing is read here, so a folder of thousands of files pairs
at once and a bad file becomes an error row of the batch, not a crash of the listing.

A folder pairs ``NAME.en.txt`` with ``NAME.zh.txt`` (also ``NAME_en.txt``/``NAME_zh.txt``
and ``NAME-en.txt``/``NAME-zh.txt``, the tag in any case); any other ``.txt`` file is one
bilingual file (a Chinese block and an English block, like the bundled seed). Everything
else is left alone, each with a one-line reason. A manifest is a TSV
``source<TAB>target[<TAB>name]``: relative paths are relative to the manifest, an empty
target means a bilingual file, ``#`` starts a comment line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aligner_gui.core.errors import InputError

TEXT_SUFFIXES = (".txt",)
LANGS = ("en", "zh")
# NAME.en / NAME_en / NAME-en (the stem of NAME.en.txt); NAME must not be empty.
_TAGGED = re.compile(r"^(?P<name>.+?)[._-](?P<lang>en|zh)$", re.IGNORECASE)
_BAD_NAME = re.compile(r"[\\/\x00-\x1f]")


@dataclass(frozen=True)
class Pair:
    name: str  # document name (used for OUTDIR/NAME.json)
    source: Path  # the bilingual file, or the source-language file
    target: Path | None  # None for a single bilingual file (like the seed)

    @property
    def inputs(self) -> list[Path]:
        """The files to hand to pipeline.load_document, source first."""
        return [self.source] if self.target is None else [self.source, self.target]


@dataclass(frozen=True)
class Pairing:
    pairs: list[Pair]
    skipped: list[tuple[Path, str]]  # file, one-line reason it was left alone


def split_tag(stem: str) -> tuple[str, str | None]:
    """``("NAME", "en")`` for ``NAME.en``, ``NAME_en``, ``NAME-EN``; ``(stem, None)`` untagged."""
    match = _TAGGED.match(stem)
    if match is None:
        return stem, None
    return match["name"], match["lang"].lower()


def save_folder(input_dir: Path | None) -> Path:
    """Where a new project is offered to be saved: beside the texts it was made from,
    unless that folder is not writable or is the bundled seed's (inside the installed
    package, writable in a virtual environment); then the home folder."""
    from aligner_gui.core.resources import seed_path

    if input_dir is None or not os.access(input_dir, os.W_OK):
        return Path.home()
    if Path(input_dir).resolve() == seed_path().parent.resolve():
        return Path.home()
    return Path(input_dir)


def project_stem(paths: Sequence[Path]) -> str:
    """The name of a project made from ``paths``: ``doc`` for doc.en.txt + doc.zh.txt (Save
    As offered "doc.en.txt + doc.zh.json"), else the first file's stem."""
    names = {split_tag(p.stem)[0] for p in paths}
    return names.pop() if len(names) == 1 else (paths[0].stem if paths else "untitled")


def _sort_key(text: str) -> list[tuple[int, int | str]]:
    """Natural order: chapter2 before chapter10."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text)]


def pair_folder(folder: Path, *, source_lang: str = "en") -> Pairing:
    """Pair the ``.txt`` files directly inside ``folder`` (subfolders are not searched)."""
    folder = Path(folder)
    if source_lang not in LANGS:
        raise InputError(f"unknown source language {source_lang!r} (expected 'en' or 'zh')")
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    try:
        entries = sorted(folder.iterdir(), key=lambda p: _sort_key(p.name))
    except OSError as error:
        raise InputError(f"cannot list {folder}: {error.strerror or error}") from None
    skipped: list[tuple[Path, str]] = []
    tagged: dict[str, dict[str, list[Path]]] = {}  # casefolded name -> lang -> files
    display: dict[str, str] = {}  # casefolded name -> name as first spelled
    single: list[Path] = []
    for path in entries:
        if path.name.startswith("."):
            skipped.append((path, "hidden file"))
        elif path.is_dir():
            skipped.append((path, "a folder (subfolders are not searched)"))
        elif not path.is_file():
            skipped.append((path, "not a regular file"))
        elif path.suffix.lower() not in TEXT_SUFFIXES:
            skipped.append((path, f"not a {'/'.join(TEXT_SUFFIXES)} file"))
        else:
            name, lang = split_tag(path.stem)
            if lang is None:
                single.append(path)
            else:
                key = name.casefold()
                display.setdefault(key, name)
                tagged.setdefault(key, {}).setdefault(lang, []).append(path)
    candidates: list[Pair] = []
    target_lang = "zh" if source_lang == "en" else "en"
    for key, by_lang in tagged.items():
        name = display[key]
        doubled = [files for files in by_lang.values() if len(files) > 1]
        if doubled:
            others = ", ".join(p.name for files in by_lang.values() for p in files)
            for files in by_lang.values():
                for path in files:
                    reason = f"more than one file for one language of {name}: {others}"
                    skipped.append((path, reason))
            continue
        src, tgt = by_lang.get(source_lang), by_lang.get(target_lang)
        if src and tgt:
            candidates.append(Pair(name, src[0], tgt[0]))
        else:
            have = (src or tgt or [folder])[0]
            missing = target_lang if src else source_lang
            skipped.append(
                (have, f"no {missing} partner (expected e.g. {name}.{missing}{have.suffix})")
            )
    pairs: list[Pair] = []
    taken: dict[str, Pair] = {}
    for pair in candidates:  # pairs first: they own their name against a bilingual file
        taken[pair.name.casefold()] = pair
        pairs.append(pair)
    for path in single:
        other = taken.get(path.stem.casefold())
        if other is not None:
            skipped.append((path, f"its name {path.stem} is taken by {_describe(other)}"))
            continue
        pair = Pair(path.stem, path, None)
        taken[path.stem.casefold()] = pair
        pairs.append(pair)
    pairs.sort(key=lambda p: _sort_key(p.name))
    skipped.sort(key=lambda item: _sort_key(item[0].name))
    return Pairing(pairs, skipped)


def _describe(pair: Pair) -> str:
    if pair.target is None:
        return pair.source.name
    return f"{pair.source.name} + {pair.target.name}"


def read_manifest(path: Path) -> Pairing:
    """Read a TSV manifest ``source<TAB>target[<TAB>name]`` (target may be empty).

    Blank lines and lines starting with ``#`` are ignored, as is a first line
    ``source<TAB>target...`` (a header). Rows that cannot be used (wrong number of
    columns, a missing file, a name already taken) are left out with the reason, which
    names the manifest line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: the manifest is not UTF-8 text") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    base = path.parent
    pairs: list[Pair] = []
    skipped: list[tuple[Path, str]] = []
    taken: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if number == 1 and [c.lower() for c in cells[:2]] == ["source", "target"]:
            continue
        where = f"{path.name} line {number}"
        if len(cells) > 3 or not cells[0]:
            skipped.append((path, f"{where}: expected source<TAB>target[<TAB>name]"))
            continue
        source = base / cells[0]
        target = base / cells[1] if len(cells) > 1 and cells[1] else None
        name = cells[2] if len(cells) > 2 and cells[2] else split_tag(source.stem)[0]
        missing = [p for p in (source, target) if p is not None and not _is_file(p)]
        if missing:
            skipped.append((missing[0], f"{where}: no such file {missing[0]}"))
        elif name in (".", "..") or name.startswith(".") or _BAD_NAME.search(name):
            skipped.append((source, f"{where}: {name!r} cannot be a file name"))
        elif name.casefold() in taken:
            first = taken[name.casefold()]
            skipped.append((source, f"{where}: the name {name} is already used on line {first}"))
        else:
            taken[name.casefold()] = number
            pairs.append(Pair(name, source, target))
    if not pairs and skipped and "\t" not in text and _SENTENCE_END.search(text):
        # No line names a file, none has a tab, lines end as sentences: a text.
        raise InputError(f"{path}: a text, not a manifest (no line names a file); for one "
                         "bilingual file use `aligner align`, for many give their folder")
    return Pairing(pairs, skipped)


_SENTENCE_END = re.compile(r"[.。!！?？\"”」]\s*$", re.M)


def _is_file(path: Path) -> bool:
    """Path.is_file, False for a name the system refuses (a sentence read as a path)."""
    try:
        return path.is_file()
    except OSError:
        return False
