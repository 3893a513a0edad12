"""Reading input files safely: regular files only, never more than a stated limit.

One reader for every input (texts, projects, imports), so they all refuse the same
things with the same one-line messages; each caller wraps FileReadError in its own
typed error.
"""

from __future__ import annotations

from pathlib import Path


class FileReadError(Exception):
    """A file cannot be used as input; the message is one line naming the file."""


def read_limited(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular, non-empty file of at most ``limit`` bytes.

    Devices and pipes are refused before opening (/dev/zero never ends, a FIFO blocks);
    the size is checked before reading and the read itself is bounded.
    """
    path = Path(path)
    limit_label = f"{limit / 2**20:g} MB"
    try:
        if path.is_dir():
            raise FileReadError(f"{path} is a directory, not a {what}")
        if path.exists() and not path.is_file():
            raise FileReadError(f"{path} is not a regular file (a device, pipe or socket)")
        size = path.stat().st_size
        if size > limit:
            raise FileReadError(
                f"{path} is too large ({size / 2**20:.1f} MB; the limit is {limit_label})"
            )
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FileReadError(f"{path}: no such file") from None
    except OSError as error:
        raise FileReadError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > limit:  # grew while we read it
        raise FileReadError(f"{path} is too large (the limit is {limit_label})")
    if not data.strip():
        raise FileReadError(f"{path} is empty")
    return data
