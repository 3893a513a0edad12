"""Files with the real project format: conflicts with other editors, exports, imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guikit import FakeEngine

from aligner_gui.gui.engine import Engine


class RealFilesEngine(FakeEngine):
    """The fake aligner, with the real engine's file handling (fingerprints, formats)."""

    load_fingerprinted = Engine.load_fingerprinted
    save_checked = Engine.save_checked
    exporters = Engine.exporters
    export = Engine.export
    left_out_message = Engine.left_out_message
    import_file = Engine.import_file


def test_save_refuses_to_overwrite_a_file_changed_by_someone_else(
    make_window: Any, recorder: Any, tmp_path: Path
) -> None:
    path = tmp_path / "shared.json"
    window = make_window(engine=RealFilesEngine())
    assert window.save_to(path)
    reopened = make_window(path, engine=RealFilesEngine())
    other = make_window(path, engine=RealFilesEngine())  # a second editor on the same file
    other.select_bead(0)
    other.actions.confirm.trigger()
    assert other.files.save()
    reopened.select_bead(1)
    reopened.actions.mark_omission.trigger()
    assert not reopened.files.save()
    assert "changed on disk" in recorder.errors[-1][1]
    assert reopened.isWindowModified()
    assert reopened.save_to(tmp_path / "mine.json")  # save under another name works
    assert reopened.files.save()  # and saving there again is fine


def test_exports_and_reimport(make_window: Any, recorder: Any, tmp_path: Path) -> None:
    window = make_window(engine=RealFilesEngine())
    window.select_bead(1)
    window.actions.mark_omission.trigger()
    names = [name for name, _label, _suffix in window.engine.exporters()]
    assert "tmx" in names and "mqm-tsv" in names
    written = window.files.export_to("tmx", tmp_path / "out.tmx")
    assert written and written[0].is_file()
    assert window.files.open_paths([tmp_path / "out.tmx"])  # Open routes TMX to the importer
    assert recorder.errors == []
    assert window.document.beads  # a TMX carries its alignment
    assert window.isWindowModified()  # an import is unsaved work
    assert window.findChild(type(window.actions.open), "actionExport_tmx") is not None


def test_open_in_background_keeps_the_window_responsive(make_window: Any, qtbot: Any,
                                                        tmp_path: Path, recorder: Any) -> None:
    import time

    class SlowLoad(RealFilesEngine):
        def load_fingerprinted(self, path: Any) -> Any:
            time.sleep(0.5)
            return Engine.load_fingerprinted(self, path)

    window = make_window(engine=SlowLoad())
    path = tmp_path / "p.json"
    window.select_bead(1)
    window.actions.mark_omission.trigger()
    assert window.save_to(path)
    other = make_window(engine=SlowLoad())
    assert other.files.open_paths_in_background([path])
    assert other.files.loading() and not other.progress.isHidden()
    qtbot.waitUntil(lambda: not other.files.loading(), timeout=10000)
    assert other.files.path == path and len(other.document.annotations) == 1
    assert other.progress.isHidden()
    assert other.files.open_paths_in_background([tmp_path / "missing.json"])
    qtbot.waitUntil(lambda: not other.files.loading(), timeout=10000)
    assert recorder.errors and "missing.json" in recorder.errors[-1][0]
    assert other.files.path == path  # the open document stays


class ScoringFilesEngine(RealFilesEngine):
    """Real file formats, and the fake scorer for beads that arrive unscored."""

    from guikit import ScoringEngine as _Scoring

    score = _Scoring.score


def test_an_imported_file_is_scored_in_the_background(
    make_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """TMX and InterText imports arrive with no scores: the window scores them, as the CLI
    import does, without an undo step."""
    window = make_window(engine=ScoringFilesEngine())
    from aligner_gui.io.formats import export_document

    written = export_document(window.document, "intertext", tmp_path / "it")
    link = next(p for p in written if p.name.endswith(".zh.en.xml") or p.name.count(".") >= 3)
    assert window.files.import_path(link)
    doc = window.document
    assert doc.beads and all(b.score is None for b in doc.beads)  # InterText has no scores
    qtbot.waitUntil(lambda: all(b.score is not None for b in window.document.beads),
                    timeout=5000)
    assert window.undo_stack.count() == 0


def test_save_as_names_a_pair_of_texts_by_their_common_name(
    make_window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """Opened from doc.en.txt and doc.zh.txt, Save As offered 'doc.en.txt + doc.zh.json'."""
    from PySide6.QtWidgets import QFileDialog

    for name in ("doc.en.txt", "doc.zh.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    window = make_window()
    assert window.files.open_paths([tmp_path / "doc.en.txt", tmp_path / "doc.zh.txt"])
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, suggested, _filter: (offered.append(suggested),
                                                                     ("", ""))[1])
    assert not window.files.save_as()
    assert offered == [str(tmp_path / "doc.json")]


def test_export_says_what_the_format_does_not_carry_back(
    make_window: Any, recorder: Any, tmp_path: Path
) -> None:
    window = make_window(engine=RealFilesEngine())
    window.select_bead(0)
    window.actions.mark_omission.trigger()
    assert window.files.export_to("tmx", tmp_path / "out.tmx")
    assert "1 annotation(s) not in this format" in window.statusBar().currentMessage()
    assert window.files.export_to("mqm-tsv", tmp_path / "out.tsv")
    assert "not in this format" not in window.statusBar().currentMessage()
