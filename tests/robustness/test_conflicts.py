"""Concurrent edits: a project file changed on disk since it was opened is never overwritten."""

from __future__ import annotations

import os

import pytest

from aligner_gui.core.errors import AlignerError
from aligner_gui.io import fingerprint as fp
from aligner_gui.io.errors import ProjectError, ProjectWriteError
from aligner_gui.io.project import load_project, save_project


@pytest.fixture
def saved(tmp_path, seed_doc):
    path = tmp_path / "review.json"
    save_project(seed_doc, path)
    return path


def test_error_is_typed_and_names_the_file(saved):
    print_ = fp.fingerprint(saved)
    saved.write_bytes(saved.read_bytes() + b" ")
    with pytest.raises(fp.ProjectConflictError) as info:
        fp.check_unchanged(saved, print_)
    assert isinstance(info.value, ProjectError) and isinstance(info.value, AlignerError)
    message = str(info.value)
    assert str(saved) in message and "changed on disk since it was opened" in message
    assert "\n" not in message


def test_fingerprint_fields(saved):
    data = saved.read_bytes()
    print_ = fp.fingerprint(saved)
    assert print_ is not None
    assert print_.size == len(data)
    assert print_.mtime_ns == os.stat(saved).st_mtime_ns
    assert print_ == fp.fingerprint_bytes(data, os.stat(saved).st_mtime_ns)


def test_missing_file_has_no_fingerprint(tmp_path):
    assert fp.fingerprint(tmp_path / "nope.json") is None


def test_folder_is_a_typed_error(tmp_path):
    with pytest.raises(ProjectError):
        fp.fingerprint(tmp_path)


def test_pipe_and_device_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ProjectError, match="not a regular file"):
        fp.fingerprint(fifo)
    if os.path.exists("/dev/zero"):
        with pytest.raises(ProjectError, match="not a regular file"):
            fp.fingerprint("/dev/zero")


def test_unchanged_file_passes(saved):
    print_ = fp.fingerprint(saved)
    fp.check_unchanged(saved, print_)
    assert not fp.has_changed(saved, print_)
    assert not fp.has_changed(saved, print_, quick=True)


def test_touched_file_with_same_bytes_is_not_a_conflict(saved):
    """Sync tools rewrite identical bytes and bump the mtime: not someone else's work."""
    print_ = fp.fingerprint(saved)
    data = saved.read_bytes()
    saved.write_bytes(data)
    os.utime(saved, ns=(print_.mtime_ns + 5_000_000_000, print_.mtime_ns + 5_000_000_000))
    fp.check_unchanged(saved, print_)
    assert fp.has_changed(saved, print_, quick=True)  # the poll notices; the check clears it
    assert not fp.has_changed(saved, print_)


def test_same_size_same_mtime_different_bytes_is_a_conflict(saved):
    """A rewrite inside one mtime tick (or with the mtime restored) is still caught."""
    print_ = fp.fingerprint(saved)
    data = bytearray(saved.read_bytes())
    k = data.index(b'"score"')
    data[k + 1] = ord("S")  # same length
    saved.write_bytes(bytes(data))
    os.utime(saved, ns=(print_.mtime_ns, print_.mtime_ns))
    assert not fp.has_changed(saved, print_, quick=True)
    with pytest.raises(fp.ProjectConflictError):
        fp.check_unchanged(saved, print_)


def test_other_editor_saved_in_between(tmp_path, seed_doc):
    """Two editors open the same file; the second save is refused, the first kept."""
    path = tmp_path / "shared.json"
    save_project(seed_doc, path)
    doc_a, print_a = fp.load_project_fingerprinted(path)
    doc_b, print_b = fp.load_project_fingerprinted(path)
    assert print_a == print_b

    doc_a.update_annotation(doc_a.annotations[0].id, comment="editor A was here")
    new_a = fp.save_project_checked(doc_a, path, print_a)
    assert new_a == fp.fingerprint(path)

    doc_b.update_annotation(doc_b.annotations[0].id, comment="editor B was here")
    before = path.read_bytes()
    with pytest.raises(fp.ProjectConflictError):
        fp.save_project_checked(doc_b, path, print_b)
    assert path.read_bytes() == before  # nothing written, A's work intact
    assert load_project(path).annotations[0].comment == "editor A was here"

    # Editor A saves again with the fingerprint of their own last save: allowed.
    doc_a.update_annotation(doc_a.annotations[0].id, comment="editor A again")
    fp.save_project_checked(doc_a, path, new_a)
    assert load_project(path).annotations[0].comment == "editor A again"
    # B saves under another name: no conflict there.
    other = tmp_path / "shared (B).json"
    fp.save_project_checked(doc_b, other, fp.fingerprint(other))
    assert load_project(other).annotations[0].comment == "editor B was here"


def test_deleted_file_may_be_saved_again(saved, seed_doc):
    print_ = fp.fingerprint(saved)
    saved.unlink()
    assert fp.has_changed(saved, print_)
    fp.check_unchanged(saved, print_)  # nothing to lose
    fp.save_project_checked(seed_doc, saved, print_)
    assert saved.is_file()


def test_new_project_refuses_to_clobber_a_file_that_appeared(tmp_path, seed_doc):
    path = tmp_path / "new.json"
    assert fp.fingerprint(path) is None
    fp.check_unchanged(path, None)
    path.write_text("someone else's file", encoding="utf-8")
    assert fp.has_changed(path, None)
    with pytest.raises(fp.ProjectConflictError):
        fp.save_project_checked(seed_doc, path, None)
    assert path.read_text(encoding="utf-8") == "someone else's file"


def test_backup_is_kept_by_checked_save(saved, seed_doc):
    before = saved.read_bytes()
    print_ = fp.fingerprint(saved)
    seed_doc.update_annotation(seed_doc.annotations[0].id, comment="changed")
    fp.save_project_checked(seed_doc, saved, print_)
    assert saved.with_name(saved.name + ".bak").read_bytes() == before


def test_write_failure_leaves_file_and_fingerprint_valid(saved, seed_doc, monkeypatch):
    """A failed save (disk full) raises ProjectWriteError; the old file still matches."""
    print_ = fp.fingerprint(saved)
    before = saved.read_bytes()

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(ProjectWriteError, match="No space left"):
        fp.save_project_checked(seed_doc, saved, print_)
    monkeypatch.undo()
    assert saved.read_bytes() == before
    fp.check_unchanged(saved, print_)
    assert not [p for p in saved.parent.iterdir() if p.name.endswith(".tmp")]


def test_file_changing_while_opened_is_refused(saved, monkeypatch):
    import aligner_gui.io.project as project

    real = project.load_project

    def load_then_someone_writes(path):
        doc = real(path)
        saved.write_bytes(saved.read_bytes().replace(b'"auto"', b'"manual"', 1))
        return doc

    monkeypatch.setattr(project, "load_project", load_then_someone_writes)
    with pytest.raises(fp.ProjectConflictError, match="while it was being opened"):
        fp.load_project_fingerprinted(saved)


def test_unreadable_file_is_a_typed_error(saved):
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    saved.chmod(0)
    try:
        with pytest.raises(ProjectError, match="cannot be read"):
            fp.fingerprint(saved)
    finally:
        saved.chmod(0o644)
