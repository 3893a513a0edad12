"""Alignment -> Chinese is the original: which language texts are opened as the original.

English news translated into Chinese is the default. A reviewer of an English translation
of a Chinese text switches it on: texts opened from then on are read with the Chinese as
the source (omissions are then Chinese text the English left out, and the risk reads the
pair the right way round). The choice is remembered. The open document follows at once
when nothing would be lost: it was read from texts and has no annotations and no edits;
otherwise it keeps its direction (a project keeps the one it was saved with) and the
status bar says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack

    from aligner_gui.core.model import AlignmentDocument
    from aligner_gui.gui.settings import Settings


class DirectionHost(Protocol):
    """What the controller uses of the window."""

    document: AlignmentDocument | None
    engine: Any
    settings: Settings
    undo_stack: QUndoStack
    files: Any  # FileController: text_paths, open_paths_in_background

    def statusBar(self) -> Any: ...  # noqa: N802 - Qt's name


class DirectionController(QObject):
    def __init__(self, window: DirectionHost, action: QAction) -> None:
        super().__init__(action)
        self.window = window
        self.action = action
        zh = str(window.settings.source_lang) == "zh"
        window.engine.source_lang = "zh" if zh else "en"
        action.setChecked(zh)
        action.toggled.connect(self.set_chinese_original)

    def set_chinese_original(self, on: bool) -> None:
        lang = "zh" if on else "en"
        window = self.window
        window.settings.source_lang = lang
        window.engine.source_lang = lang
        doc = window.document
        if doc is None:
            return
        if doc.source.lang == lang:  # a project saved so: ticking seemed to do nothing
            window.statusBar().showMessage(
                self.tr("This document already takes the {0} as the original; texts opened "
                        "from now on will too.")
                .format(self.tr("Chinese") if on else self.tr("English")), 8000)
            return
        paths: list[Path] | None = window.files.text_paths
        if paths and not doc.annotations and window.undo_stack.isClean():
            window.files.open_paths_in_background(paths)  # aligned again, the other way
            return
        window.statusBar().showMessage(
            self.tr("Texts opened from now on take the {0} as the original; this document "
                    "keeps its direction (it has annotations or edits, or is a project).")
            .format(self.tr("Chinese") if on else self.tr("English")),
            8000,
        )

    def hint(self) -> None:
        """A text opened with the English as the original whose Chinese carries a Chinese
        wire service's dateline (新华社…电): say how to read it the other way round."""
        from aligner_gui.core.text.origin import chinese_original_hint

        doc = self.window.document
        if doc is None or doc.source.lang != "en" or not self.window.files.text_paths:
            return
        found = chinese_original_hint(doc.target.text, doc.source.text)
        if found:
            evidence = (self.tr("an English dateline crediting {0}") if found.startswith("(")
                        else self.tr("a {0}…电 dateline")).format(found)
            self.window.statusBar().showMessage(
                self.tr("The Chinese looks like the original ({0}): Alignment → Chinese is "
                        "the original reads it the other way round.").format(evidence),
                20000,
            )
