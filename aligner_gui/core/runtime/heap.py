"""Give the C heap's free pages back to the system between the passes of a long run.

numpy's arrays and Python's larger objects come from the C library's heap. glibc keeps
what is freed in the middle of it for later and raises its threshold for serving large
blocks from separate mappings once a large one is freed, so after the alignment's band
arrays are gone a process can sit on 75-100 MB of free heap that the next pass (and a
child forked for it, which inherits the pages) counts as resident. ``malloc_trim(0)``
returns those pages. It changes no data, only what the process holds; elsewhere than
glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

__all__ = ["release"]


@cache
def _trim() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library this process runs on
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


def release() -> None:
    """Return the heap's free pages to the system (glibc's ``malloc_trim``), if it can."""
    trim = _trim()
    if trim is not None:
        trim(0)  # type: ignore[operator]
