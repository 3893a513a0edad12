"""jieba, imported without ``pkg_resources``.

jieba's ``_compat`` imports ``pkg_resources`` (a tenth of a second, and deprecated) only
to open its own data files, and falls back to opening them next to its modules when that
import fails. A ``None`` entry in ``sys.modules`` makes the import fail, so the fallback
is taken; the entry is removed again at once, so nothing else is affected.
"""

from __future__ import annotations

import sys

if "jieba" in sys.modules or "pkg_resources" in sys.modules:
    import jieba
else:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]

__all__ = ["jieba"]
