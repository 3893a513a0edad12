"""Reading input files safely: regular files only, never more than a stated limit."""

from __future__ import annotations

from pathlib import Path


class NotRegularFileError(OSError):
    """A device, pipe or socket: reading it may never end (/dev/zero) or block (a FIFO)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is not a regular file (a device, pipe or socket)")


def read_regular(path: Path, limit: int) -> bytes:
    """Return at most ``limit + 1`` bytes of a regular file, so callers can tell it is too big.

    Raises FileNotFoundError, IsADirectoryError, NotRegularFileError or another OSError.
    """
    if path.is_dir():
        raise IsADirectoryError(21, "is a directory", str(path))
    if path.exists() and not path.is_file():
        raise NotRegularFileError(path)
    with open(path, "rb") as handle:
        return handle.read(limit + 1)
