"""Importing an MQM file that rates several systems: a non-modal chooser, then the import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from test_files import RealFilesEngine

from aligner_gui.gui.dialogs.mqm_systems import SystemChooser


def _mqm_file(window: Any, tmp_path: Path, systems: tuple[str, ...] = ("sysA", "sysB")) -> Path:
    """The window's document rated as several systems (the GUI puts MQM annotations onto
    the open document); the last system gets one annotation."""
    from aligner_gui.core.model import Annotation
    from aligner_gui.io.formats import export_document

    doc = window.document
    lines: list[str] = []
    for k, name in enumerate(systems):
        if k == len(systems) - 1:
            doc.add_annotation(Annotation("mistranslation", "target", 0, 1, doc.target.text[0],
                                          "Accuracy/Mistranslation", "major"))
        part = tmp_path / f"{name}.tsv"
        export_document(doc, "mqm-tsv", part, system=name)
        rows = part.read_text(encoding="utf-8").splitlines()
        lines += rows if not lines else rows[1:]
    doc.annotations.clear()
    path = tmp_path / "ratings.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_several_systems_open_a_chooser_and_the_pick_is_imported(
    make_window: Any, recorder: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window(engine=RealFilesEngine())
    before = window.document
    n = len(before.beads)
    assert window.files.import_path(_mqm_file(window, tmp_path))
    chooser = window.findChild(SystemChooser, "mqmSystemChooser")
    # open(), not exec(): import_path has returned while the chooser is up; it is modal
    # to the window only, never to the application.
    assert chooser is not None and chooser.isVisible()
    assert chooser.windowModality() != Qt.WindowModality.ApplicationModal
    assert window.document is before  # nothing imported until a system is chosen
    texts = [chooser.list.item(k).text() for k in range(chooser.list.count())]
    assert texts == [f"sysA  ({n} segments)", f"sysB  ({n} segments)"]
    chooser.list.setCurrentRow(1)
    with qtbot.waitSignal(chooser.system_chosen):
        chooser.accept()
    assert recorder.errors == []
    doc = window.document
    assert doc is not before and doc.meta["mqm"]["system"] == "sysB"
    assert len(doc.beads) == n
    assert [a.category for a in doc.annotations] == ["Accuracy/Mistranslation"]
    assert window.isWindowModified()


def test_cancel_imports_nothing(make_window: Any, recorder: Any, tmp_path: Path) -> None:
    window = make_window(engine=RealFilesEngine())
    before = window.document
    assert window.files.import_path(_mqm_file(window, tmp_path))
    chooser = window.findChild(SystemChooser, "mqmSystemChooser")
    chooser.reject()
    assert window.document is before and recorder.errors == []


def test_one_system_imports_without_asking(make_window: Any, recorder: Any,
                                           tmp_path: Path) -> None:
    window = make_window(engine=RealFilesEngine())
    assert window.files.import_path(_mqm_file(window, tmp_path, ("sysA",)))
    assert window.findChild(SystemChooser, "mqmSystemChooser") is None
    assert recorder.errors == [] and window.document.meta["mqm"]["system"] == "sysA"
