"""Work around PySide6 6.12.0 on Python < 3.12: void methods drop a reference to None.

Each call of a Qt method returning nothing (``setText``, ``update``, ``fillRect``,
``processEvents`` …) decrements None's reference count without having incremented
it; on Python 3.12+ None is immortal and nothing happens, on 3.11 the count reaches
zero after some thousands of calls and the interpreter aborts ("none_dealloc").
Measured here: ``QObject().setObjectName("x")`` 200 times lowers it by 200.

The fix gives None a huge reference count once, which is what Python 3.12 does for
all immortal objects. It runs only on the affected combination.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 48
_applied = False


def affected() -> bool:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    try:
        import PySide6
    except ImportError:
        return False
    return PySide6.__version__.startswith("6.12.")


def apply() -> bool:
    """Make None effectively immortal when the installed PySide6 leaks its references."""
    global _applied
    if _applied or not affected():
        return _applied
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _BALLAST
    _applied = True
    return True
