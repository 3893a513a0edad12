"""File modes of atomic writes: new files follow the umask, overwritten files keep theirs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from iokit import sample_parts

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.io.atomic import atomic_write_bytes, current_umask
from aligner_gui.io.formats import export_document

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def umask():
    def set_mask(mask: int) -> None:
        os.umask(mask)

    old = os.umask(0o022)
    yield set_mask
    os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_new_file_gets_the_umask_mode(tmp_path: Path, umask, mask: int) -> None:
    umask(mask)
    assert current_umask() == mask
    path = tmp_path / "new.bin"
    atomic_write_bytes(path, b"x")
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize("fmt", ["json", "html", "tmx", "tsv", "intertext"])
def test_exports_are_readable_by_the_group_and_others(tmp_path: Path, umask, fmt: str) -> None:
    umask(0o022)
    source, target, beads = sample_parts()
    doc = AlignmentDocument(source, target, beads)
    for path in export_document(doc, fmt, tmp_path / f"out.{fmt}"):
        assert path.stat().st_mode & 0o777 == 0o644, path


def test_overwritten_file_keeps_its_mode(tmp_path: Path, umask) -> None:
    umask(0o022)
    path = tmp_path / "old.bin"
    path.write_bytes(b"old")
    path.chmod(0o600)
    atomic_write_bytes(path, b"new", backup=True)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.with_name("old.bin.bak").read_bytes() == b"old"
