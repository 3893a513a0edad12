"""Icons shipped in resources/icons (SVG), with the theme's icon as a fallback."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from aligner_gui.core.resources import resource


@cache
def icon(name: str) -> QIcon:
    node = resource("icons", f"{name}.svg")
    if node.is_file():
        return QIcon(str(node))
    return QIcon.fromTheme(name)
