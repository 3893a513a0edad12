"""A text font that renders Chinese: the system font with CJK families as fallbacks."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimSun",
)


def cjk_font(point_size: float) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    families = [font.family()]
    available = set(QFontDatabase.families())
    families += [f for f in CJK_FAMILIES if f in available]
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    return font
