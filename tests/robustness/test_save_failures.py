"""A save that fails at any step leaves the previous file intact and no debris behind.

Each step of the atomic write (temporary file, write, fsync, backup copy, rename) is
made to fail in turn, as a full disk, a lost permission or a vanished folder would;
the project file then still holds exactly the old bytes (or the new ones, if the
failure came after the rename), the error is a one-line ProjectWriteError, and the
editor can save again once the cause is gone.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile

import pytest

from aligner_gui.io import atomic
from aligner_gui.io.errors import ProjectWriteError
from aligner_gui.io.project import load_project, save_project

FAILURES = [
    ("mkstemp", tempfile, "mkstemp", errno.EACCES, "Permission denied"),
    ("fdopen-write", os, "fdopen", errno.ENOSPC, "No space left on device"),
    ("fsync", os, "fsync", errno.EIO, "Input/output error"),
    ("backup-copy", shutil, "copy2", errno.ENOSPC, "No space left on device"),
    ("rename", os, "replace", errno.EXDEV, "Invalid cross-device link"),
]


@pytest.fixture
def project(tmp_path, seed_doc):
    path = tmp_path / "work.json"
    save_project(seed_doc, path, backup=False)
    return path


@pytest.mark.parametrize("step, module, name, code, reason", FAILURES, ids=[f[0] for f in FAILURES])
def test_failure_at_each_step_keeps_the_old_file(project, seed_doc, monkeypatch, step, module,
                                                 name, code, reason):
    old = project.read_bytes()
    seed_doc.update_annotation(seed_doc.annotations[0].id, comment="unsaved work")

    def fail(*_args, **_kwargs):
        raise OSError(code, reason)

    monkeypatch.setattr(module, name, fail)
    with pytest.raises(ProjectWriteError) as info:
        save_project(seed_doc, project)
    monkeypatch.undo()
    message = str(info.value)
    assert "\n" not in message and str(project) in message and reason in message
    assert project.read_bytes() == old
    leftovers = [p.name for p in project.parent.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers
    # The cause gone, the same document saves, and the work is there.
    save_project(seed_doc, project)
    assert load_project(project).annotations[0].comment == "unsaved work"


def test_short_write_is_not_taken_for_success(project, seed_doc, monkeypatch):
    """A write that raises half way (disk full inside write()) keeps the old file."""
    old = project.read_bytes()
    real_fdopen = os.fdopen

    class HalfFull:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()
            return False

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, attr):
            return getattr(self.handle, attr)

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfFull(real_fdopen(fd, mode)))
    with pytest.raises(ProjectWriteError, match="No space left"):
        save_project(seed_doc, project)
    monkeypatch.undo()
    assert project.read_bytes() == old
    assert not [p for p in project.parent.iterdir() if p.name.endswith(".tmp")]


def test_folder_gone(tmp_path, seed_doc):
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    path = folder / "work.json"
    save_project(seed_doc, path)
    shutil.rmtree(folder)
    with pytest.raises(ProjectWriteError, match="does not exist"):
        save_project(seed_doc, path)


def test_path_is_a_folder(tmp_path, seed_doc):
    (tmp_path / "work.json").mkdir()
    with pytest.raises(ProjectWriteError, match="folder"):
        save_project(seed_doc, tmp_path / "work.json")


def test_read_only_folder(tmp_path, seed_doc):
    if os.geteuid() == 0:
        pytest.skip("root writes everywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "work.json"
    save_project(seed_doc, path)
    old = path.read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(ProjectWriteError, match="Permission denied"):
            save_project(seed_doc, path)
        assert path.read_bytes() == old
    finally:
        folder.chmod(0o755)


def test_backup_holds_the_previous_version(project, seed_doc):
    first = project.read_bytes()
    seed_doc.update_annotation(seed_doc.annotations[0].id, comment="second")
    save_project(seed_doc, project)
    assert project.with_name("work.json.bak").read_bytes() == first
    second = project.read_bytes()
    seed_doc.update_annotation(seed_doc.annotations[0].id, comment="third")
    save_project(seed_doc, project)
    assert project.with_name("work.json.bak").read_bytes() == second
    assert load_project(project.with_name("work.json.bak")).annotations[0].comment == "second"


def test_atomic_write_keeps_permissions(tmp_path):
    path = tmp_path / "shared.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o640)
    atomic.atomic_write_text(path, "{\"a\": 1}")
    assert (path.stat().st_mode & 0o777) == 0o640


def test_saving_through_a_symlink_updates_the_real_file(tmp_path, seed_doc):
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    real = synced / "work.json"
    save_project(seed_doc, real)
    link = tmp_path / "work.json"
    link.symlink_to(real)
    seed_doc.update_annotation(seed_doc.annotations[0].id, comment="edited through the link")
    save_project(seed_doc, link)
    assert link.is_symlink()
    assert load_project(real).annotations[0].comment == "edited through the link"
