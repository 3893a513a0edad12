"""Review -> QA checks: each check switched off and on for the project, undoably."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from aligner_gui.core.qe.checks import CHECKS


def _action(window: Any, check: str) -> QAction:
    found = window.findChild(QAction, f"actionCheck_{check}")
    assert found is not None, check
    return found


def test_switching_a_check_off_is_saved_in_the_project_and_undoable(
    make_window: Any, tmp_path: Path
) -> None:
    window = make_window()
    menu = window.findChild(QMenu, "menuQaChecks")
    assert menu is not None
    assert [a.objectName() for a in menu.actions()] == [f"actionCheck_{c}" for c in CHECKS]
    assert all(_action(window, c).isChecked() for c in CHECKS)

    _action(window, "negation").setChecked(False)
    _action(window, "numbers").setChecked(False)
    assert window.document.meta["disabled_checks"] == ["numbers", "negation"]  # CHECKS order
    assert window.isWindowModified() and window.undo_stack.count() == 2

    window.undo_stack.undo()
    menu.aboutToShow.emit()  # the menu shows the document's state whenever it opens
    assert window.document.meta["disabled_checks"] == ["negation"]  # the last step undone
    assert _action(window, "numbers").isChecked() and not _action(window, "negation").isChecked()

    saved = tmp_path / "project.json"
    assert window.save_to(saved)
    reopened = make_window(saved)
    assert reopened.document.meta["disabled_checks"] == ["negation"]
    assert not _action(reopened, "negation").isChecked()
    _action(reopened, "negation").setChecked(True)
    assert "disabled_checks" not in reopened.document.meta  # all on again: nothing stored
