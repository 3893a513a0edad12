"""Atomic writes: a failed or interrupted write never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from aligner_gui.io.errors import ProjectWriteError


def atomic_write_bytes(
    path: str | Path, data: bytes | Iterable[bytes], *, backup: bool = False
) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename over ``path``.

    ``data`` may come in chunks (an iterable of bytes, written as it yields them). With
    ``backup`` the previous file is kept as ``path.bak``. On any failure the original file
    is untouched and ProjectWriteError is raised; an exception raised by the chunks'
    iterator is raised as it is, the temporary file removed.
    """
    path = Path(path)
    if path.is_symlink():
        # Write the file the link points to (e.g. in a synced folder), not over the link.
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ProjectWriteError(f"cannot write {path}: folder {folder} does not exist")
    if path.is_dir():
        raise ProjectWriteError(f"cannot write {path}: it is a folder")
    if path.exists() and not path.is_file():
        # Renaming over /dev/null (as root) would leave a regular file in its place.
        raise ProjectWriteError(f"cannot write {path}: it is not a regular file "
                                "(a device, pipe or socket)")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, (bytes, bytearray, memoryview)):
                handle.write(data)
            else:
                for chunk in data:
                    handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            # An overwritten file keeps its mode.
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, path.stat().st_mode & 0o777)
            if backup:
                shutil.copy2(path, path.with_name(path.name + ".bak"))
        else:
            # mkstemp makes 0600 files; a new file gets the mode open() would give it.
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, 0o666 & ~current_umask())
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(folder)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ProjectWriteError(f"cannot write {path}: {reason}") from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def atomic_write_text(path: str | Path, text: str, *, backup: bool = False) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ProjectWriteError(
            f"cannot write {path}: the text holds a character UTF-8 cannot store "
            f"(position {error.start})"
        ) from None
    atomic_write_bytes(path, data, backup=backup)


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: set and restore (the only portable way to read it)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
