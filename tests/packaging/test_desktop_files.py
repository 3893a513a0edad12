"""Desktop integration files agree with each other: entry, MIME type, icons, spec."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "app-icon"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MIME_TYPE = "application/x-aligner-gui-project"
SIZES = (16, 32, 48, 64, 128, 256)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "aligner-gui.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_project_files():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "aligner-gui" and "%f" in entry["Exec"]
    assert entry["Icon"] == "aligner-gui"
    assert entry["MimeType"].rstrip(";").split(";") == [MIME_TYPE]
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_desktop_entry_validates():
    done = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "aligner-gui.desktop")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_mime_type_matches_the_project_format():
    root = ET.parse(PACKAGING / "aligner-gui-mime.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.aligner.json"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    values = [m.get("value") for m in mime.iter(f"{MIME_NS}match")]
    # What save_project writes: json.dumps(indent=1) puts '"format": "aligner-gui"' first.
    assert '"format": "aligner-gui"' in values


def test_icon_pngs_have_their_sizes(qapp):
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(ICONS / "aligner-gui.svg")).isValid()
    for size in SIZES:
        image = QImage(str(ICONS / f"aligner-gui-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_windows_and_mac_icons_hold_pngs():
    ico = (ICONS / "aligner-gui.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count == len(SIZES)
    for k in range(count):
        _w, _h, _c, _r, _planes, _bits, size, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * k : 22 + 16 * k]
        )
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(ico)
    icns = (ICONS / "aligner-gui.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_install_helper_and_spec_name_the_same_files():
    script = (PACKAGING / "install-desktop.sh").read_text(encoding="utf-8")
    for name in (
        "aligner-gui.desktop",
        "aligner-gui-mime.xml",
        "application-x-aligner-gui-project",
    ):
        assert name in script
    for size in SIZES:
        assert str(size) in script.split("SIZES=", 1)[1].splitlines()[0]
    spec = (PACKAGING / "aligner-gui.spec").read_text(encoding="utf-8")
    compile(spec, "aligner-gui.spec", "exec")
    for needed in ('"resources"', '"seeds"', "sacrebleu.tokenizers", "hanzipy", "hooks"):
        assert needed in spec
