"""Work around PySide6 6.12.0 on Python < 3.12: it drops references to None and True.

Each call of a Qt method returning nothing (``setText``, ``update``, ``fillRect``,
``processEvents`` …) and each invalid QVariant converted to Python decrements None's
reference count without having incremented it; each ``Signal.emit`` does the same to
True. On Python 3.12+ these objects are immortal and nothing happens; on 3.11 the
count reaches zero after some thousands of calls and the interpreter aborts
("none_dealloc", "bool_dealloc"). Measured here: ``QObject().setObjectName("x")``
200 times lowers None's count by 200; 100 emits of a ``Signal(bool)`` lower True's
by 100. PySide6 6.11.3 does not have the bug.

The fix gives these singletons a huge reference count once, which is what Python
3.12 does for all immortal objects. It runs only on the affected combination.
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
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        refcount.value += _BALLAST
    _applied = True
    return True
