"""Render the application icon's PNG sizes, .ico and .icns from the hand-drawn SVG.

Run by hand after editing resources/app-icon/aligner-gui.svg; the outputs are committed,
so builds need neither this script nor an SVG renderer:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

PNGs come from Qt's own SVG renderer (PySide6.QtSvg, part of PySide6-Essentials). The
.ico (Windows) and .icns (macOS) files embed those PNGs; both formats accept PNG
payloads, so no image library beyond Qt is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "app-icon"
SVG = ICON_DIR / "aligner-gui.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# icns entry types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b""
    for size, kind in ICNS_TYPES.items():
        if size in pngs:
            body += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    pngs = {size: render_png(size) for size in (*PNG_SIZES, 512)}
    for size in PNG_SIZES:
        (ICON_DIR / f"aligner-gui-{size}.png").write_bytes(pngs[size])
    (ICON_DIR / "aligner-gui.ico").write_bytes(ico_bytes(pngs))
    (ICON_DIR / "aligner-gui.icns").write_bytes(icns_bytes(pngs))
    for path in sorted(ICON_DIR.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(ICON_DIR.parents[1])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
