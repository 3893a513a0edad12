"""Fonts for Chinese: the system font with CJK fallbacks, and the check that Chinese is drawn.

``cjk_font_warnings()`` serves both the app at start-up (an editor must see "no Chinese
font" instead of silent boxes) and the packaged app's render check.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
# A Chinese sample drawn in the font check (and the render check) to see glyphs come out.
CJK_SAMPLE = "美国和俄罗斯双方正朝着延长核军备控制条约迈进"
# A code point no font maps (the last private-use plane character): drawn as the missing glyph.
MISSING_CHAR = "\U0010fffd"


def cjk_font(point_size: float) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    families = [font.family()]
    available = set(QFontDatabase.families())
    families += [f for f in CJK_FAMILIES if f in available]
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    return font


# -- is Chinese drawn? ----------------------------------------------------------------


def missing_glyphs(text: str, font: Any) -> list[str]:
    """Characters of ``text`` that ``font``, with Qt's font fallback, draws as empty boxes.

    Lays each character out the way a widget would and looks for glyph index 0 (.notdef)
    in the glyph runs Qt chose. Needs a QGuiApplication.
    """
    from PySide6.QtGui import QTextLayout

    missing: list[str] = []
    for char in dict.fromkeys(text):
        if not char.strip():
            continue
        layout = QTextLayout(char, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        if not runs or any(0 in run.glyphIndexes() for run in runs):
            missing.append(char)
    return missing


def _paint_text(text: str, font: Any) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter

    metrics = QFontMetrics(font)
    image = QImage(
        max(1, metrics.horizontalAdvance(text) + 4),
        max(1, metrics.height() + 4),
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return image


FONT_CONTEXT = "FontCheck"  # marked for pyside6-lupdate, translated when shown
NO_CJK_FONT = QT_TRANSLATE_NOOP(
    "FontCheck", "no font with Chinese characters is installed: Chinese text will show as "
    "empty boxes (install e.g. Noto Sans CJK: apt install fonts-noto-cjk)")
NO_GLYPHS = QT_TRANSLATE_NOOP(
    "FontCheck", "font {0} and its fallbacks have no glyph for {1}: Chinese text is drawn as "
    "empty boxes")
DRAWN_AS_MISSING = QT_TRANSLATE_NOOP("FontCheck",
                                     "font {0} draws Chinese the same as a missing glyph")


def cjk_font_warnings(font: Any = None, sample: str = CJK_SAMPLE,
                      translated: bool = False) -> list[str]:
    """Warnings when Chinese cannot be drawn with ``font`` (default: the application font).

    Meant for the app at start-up too: an editor must see "no Chinese font" instead of
    silent boxes (``translated``: in the UI language). Needs a QGuiApplication.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    def say(text: str) -> str:
        return QCoreApplication.translate(FONT_CONTEXT, text) if translated else text

    if font is None:
        font = QGuiApplication.font()
    warnings: list[str] = []
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        warnings.append(say(NO_CJK_FONT))
    missing = missing_glyphs(sample, font)
    if missing:
        warnings.append(say(NO_GLYPHS).format(repr(font.family()), repr("".join(missing))))
    elif _paint_text(sample, font) == _paint_text(MISSING_CHAR * len(sample), font):
        warnings.append(say(DRAWN_AS_MISSING).format(repr(font.family())))
    return warnings
