"""Icons shipped in resources/icons (SVG), with the theme's icon as a fallback."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from aligner_gui.core.resources import resource


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    node = resource("icons", f"{name}.svg")
    if node.is_file():
        return QIcon(str(node))
    return QIcon.fromTheme(name)
