"""Output paths checked before any work: a file that can be written, a folder created."""

from __future__ import annotations

import os
from pathlib import Path

from aligner_gui.core.errors import AlignerError


def check_output(path: str) -> Path:
    """Fail before doing any work if the output cannot possibly be written."""
    out = Path(path)
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise AlignerError(f"cannot write {out}: it is a folder")
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
