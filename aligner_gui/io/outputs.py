"""Output paths checked before any work: a file that can be written, a folder created."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from aligner_gui.core.errors import AlignerError


def check_output(path: str, *, inputs: Sequence[str | Path] = (), force: bool = False,
                 backup: bool = True) -> Path:
    """Fail before doing any work if the output cannot possibly be written, is one of the
    ``inputs``, or would replace a project holding an editor's review (unless ``force``)."""
    if path == "-":
        raise AlignerError("-o - would be a file named '-': give a file name "
                           "(nothing is written to standard output)")
    out = Path(path)
    for given in inputs:
        if _same_file(out, Path(given)):
            raise AlignerError(f"-o {out} is one of the inputs: write the output elsewhere")
    if not force:
        review = review_in(out)
        if review:
            kept = f"it is then kept as {out.name}.bak" if backup else "no copy is kept"
            raise AlignerError(f"{out} holds a review ({review}): write elsewhere, or add "
                               f"--force to replace it ({kept})")
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise AlignerError(f"cannot write {out}: it is a folder")
    if out.exists() and not out.is_file():
        raise AlignerError(f"cannot write {out}: it is not a regular file (a device, pipe "
                           "or socket)")
    if not folder.is_dir():
        raise AlignerError(f"cannot write {out}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise AlignerError(f"cannot write {out}: folder {folder} is not writable")
    return out


def make_folder(folder: Path) -> None:
    """Create an output folder (not its parents: a mistyped path should fail)."""
    if folder.is_dir():
        return
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise AlignerError(f"cannot write {folder}: folder {parent} does not exist")
    try:
        folder.mkdir()
    except OSError as error:
        raise AlignerError(f"cannot create {folder}: {error.strerror or error}") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _head(path: Path, size: int) -> bytes:
    """The first bytes of a file, without a UTF-8 byte-order mark ("" if unreadable, or
    no regular file: reading a named pipe blocks, a device never ends)."""
    if not path.is_file():
        return b""
    try:
        with open(path, "rb") as handle:
            return handle.read(size).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return b""


def is_project_file(path: Path) -> bool:
    """Whether ``path`` starts as this tool writes projects ({"format": "aligner-gui" ...});
    reads its first bytes only."""
    head = _head(path, 200)
    return head.lstrip().startswith(b"{") and b'"aligner-gui"' in head


def review_in(path: Path) -> str | None:
    """What an editor did in the project at ``path`` ("2 annotations, 3 confirmed or
    hand-made beads"); None when it is no project or holds no such work. Any JSON object
    is read (a project rewritten by a script may hold its keys in another order)."""
    if not path.is_file() or not _head(path, 8).lstrip().startswith(b"{"):
        return None  # a text, a TMX ...: read no further
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != "aligner-gui":
        return None
    notes = data.get("annotations")
    beads = data.get("beads")
    annotated = len(notes) if isinstance(notes, list) else 0
    edited = sum(1 for bead in (beads if isinstance(beads, list) else ())
                 if isinstance(bead, dict) and bead.get("status") in ("confirmed", "manual"))
    parts = []
    if annotated:
        parts.append(f"{annotated} annotation{'s' if annotated != 1 else ''}")
    if edited:
        parts.append(f"{edited} confirmed or hand-made bead{'s' if edited != 1 else ''}")
    return ", ".join(parts) or None


def backup_wanted(out: Path) -> bool:
    """Whether writing ``out`` should keep the file it replaces as OUT.bak: not when that
    would replace a backup holding a review with one that holds none (the second of two
    runs over a reviewed project lost the review from the backup too)."""
    backup = out.with_name(out.name + ".bak")
    return not (review_in(backup) and not review_in(out))


def rated_rows(path: Path) -> int:
    """How many error rows an MQM TSV at ``path`` holds (0 for any other file): a rater
    may have edited an exported file, and an export over it must not lose that."""
    if not _head(path, 64).startswith(b"system\tdoc\t"):
        return 0
    try:
        lines = path.read_bytes().decode("utf-8-sig", "replace").splitlines()
    except OSError:
        return 0
    header = lines[0].split("\t")
    if "category" not in header:
        return 0
    at = header.index("category")
    return sum(1 for line in lines[1:]
               if len(cells := line.split("\t")) > at and cells[at] not in ("", "No-error"))

