"""Detect that a project file changed on disk since it was opened (Qt-free).

Another editor, or a sync tool (Dropbox, OneDrive, Syncthing, a network share), may
rewrite the project file while it is open here. Saving over it would silently throw
their work away, so the file's fingerprint is taken when it is opened (and after each
save) and checked just before the next save.

A fingerprint is the size, the modification time in nanoseconds and the SHA-256 of
the bytes. The decision uses the size and the hash: a file that was only touched
(same bytes, new mtime, as sync tools do) is unchanged; a file rewritten within the
same timestamp tick (coarse-mtime file systems, ``rsync -t``) is changed. The mtime
serves the cheap poll (``quick=True``) a file watcher may run every few seconds.

There is a window between the check and the rename of the new file in which another
writer can still slip in; closing it needs OS file locks, which network shares and
sync tools do not honour. The check narrows the window from "the whole session" to
milliseconds.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aligner_gui.io.errors import ProjectConflictError, ProjectError, ProjectFormatError

if TYPE_CHECKING:
    from aligner_gui.core.model import AlignmentDocument

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when it was read or written."""

    size: int
    mtime_ns: int
    sha256: str

    def same_content(self, other: Fingerprint | None) -> bool:
        return other is not None and self.size == other.size and self.sha256 == other.sha256


def fingerprint_bytes(data: bytes, mtime_ns: int = 0) -> Fingerprint:
    """The fingerprint of bytes already in memory (e.g. the bytes just loaded or written)."""
    return Fingerprint(len(data), mtime_ns, hashlib.sha256(data).hexdigest())


def fingerprint(path: str | Path) -> Fingerprint | None:
    """The file's fingerprint, or None if there is no file at ``path``.

    Raises ProjectError (one line) if the path exists but cannot be read, or is not a
    regular file.
    """
    path = Path(path)
    try:
        # Checked before opening: opening a named pipe would block, a device never ends.
        if not stat.S_ISREG(path.stat().st_mode):
            if path.is_dir():
                raise ProjectFormatError(f"{path} is a folder, not a project file")
            raise ProjectFormatError(f"{path} is not a regular file")
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            digest = hashlib.sha256()
            size = 0
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ProjectFormatError(f"{path} is a folder, not a project file") from None
    except OSError as error:
        raise ProjectError(f"{path}: cannot be read ({error.strerror or error})") from None
    # The size read, not st_size: a file growing while hashed must not look unchanged.
    return Fingerprint(size, info.st_mtime_ns, digest.hexdigest())


def _quick(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ProjectError(f"{path}: cannot be read ({error.strerror or error})") from None
    return info.st_size, info.st_mtime_ns


def has_changed(path: str | Path, expected: Fingerprint | None, *, quick: bool = False) -> bool:
    """True if the file at ``path`` is not the one ``expected`` describes.

    ``expected`` None means "there was no file": any file there now counts as changed.
    A file deleted since it was fingerprinted counts as changed too (the GUI may want
    to tell the editor); ``check_unchanged`` lets a save go ahead in that case.
    ``quick`` compares size and mtime only (no reading): for polling, never for the
    decision to overwrite.
    """
    path = Path(path)
    if quick:
        now = _quick(path)
        if expected is None or now is None:
            return (expected is None) != (now is None)
        return now != (expected.size, expected.mtime_ns)
    current = fingerprint(path)
    if expected is None or current is None:
        return (expected is None) != (current is None)
    return not expected.same_content(current)


def conflict_message(path: str | Path) -> str:
    return (
        f"{path} changed on disk since it was opened (by another editor or a sync tool); "
        "save under another name to keep both"
    )


def check_unchanged(path: str | Path, expected: Fingerprint | None) -> None:
    """Raise ProjectConflictError if saving to ``path`` would overwrite someone else's file.

    ``expected`` is the fingerprint taken when the project was opened or last saved
    (None for a project never saved to ``path``). Saving is allowed when the file's
    bytes are the same, and when the file is gone (nothing would be lost). With
    ``expected`` None, a file that exists at ``path`` is a conflict: the caller that
    really means to replace it (a "Save As" the editor confirmed) skips the check.
    """
    path = Path(path)
    current = fingerprint(path)
    if current is None:
        return
    if expected is None or not expected.same_content(current):
        raise ProjectConflictError(conflict_message(path))


# -- convenience for the GUI and the CLI ------------------------------------------------


def load_project_fingerprinted(path: str | Path) -> tuple[AlignmentDocument, Fingerprint]:
    """Load a project and the fingerprint of exactly the bytes that were loaded.

    The file is fingerprinted before and after loading; if it changed in between (a
    sync tool writing it right now) the load is refused with ProjectConflictError
    rather than pairing a document with the wrong fingerprint.
    """
    from aligner_gui.io.project import load_project

    before = fingerprint(path)
    doc = load_project(path)  # raises ProjectFormatError for a missing file
    after = fingerprint(path)
    if before is None or after is None or not before.same_content(after):
        raise ProjectConflictError(
            f"{path} changed on disk while it was being opened (by another editor or a "
            "sync tool); open it again"
        )
    return doc, after


def save_project_checked(
    doc: AlignmentDocument,
    path: str | Path,
    expected: Fingerprint | None,
    *,
    backup: bool = True,
) -> Fingerprint:
    """Save ``doc`` unless the file changed since ``expected``; returns the new fingerprint.

    Raises ProjectConflictError (nothing written) or ProjectWriteError (old file intact).
    Keep the returned fingerprint for the next save.
    """
    from aligner_gui.io.atomic import atomic_write_bytes
    from aligner_gui.io.project import dumps

    data = dumps(doc).encode("utf-8")
    check_unchanged(path, expected)
    atomic_write_bytes(path, data, backup=backup)
    written = fingerprint(path)
    if written is None or written.sha256 != fingerprint_bytes(data).sha256:
        # Someone replaced the file in the instant after our rename: the next save
        # must not overwrite theirs, so remember what we meant to write.
        return fingerprint_bytes(data)
    return written
