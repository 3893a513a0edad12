"""Every command of the window as a QAction with its object name, text and keys.

The window connects them; the Help sheet lists them. Single-letter keys do not fire
while a text field has focus (the field takes the key), so typing a comment is safe.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from aligner_gui.gui.icons import icon


class Actions(QObject):
    """The window's actions; attribute names are the object names without "action"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.all: list[QAction] = []
        self.export_menu: QMenu | None = None

        std = QKeySequence.StandardKey
        # File
        self.open = self._make("Open", self.tr("&Open…"), [std.Open], "open")
        self.save = self._make("Save", self.tr("&Save"), [std.Save], "save")
        self.save_as = self._make("SaveAs", self.tr("Save &As…"), ["Ctrl+Shift+S"])
        self.import_file = self._make("Import", self.tr("&Import…"), ["Ctrl+I"])
        self.load_glossary = self._make("LoadGlossary", self.tr("Load &glossary…"), [])
        self.clear_glossary = self._make("ClearGlossary", self.tr("Clear glossary"), [])
        self.quit = self._make("Quit", self.tr("&Quit"), ["Ctrl+Q"])
        # Edit
        self.undo = self._make("Undo", self.tr("&Undo"), [std.Undo], "undo")
        self.redo = self._make("Redo", self.tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
        self.find = self._make("Find", self.tr("&Find in beads"), [std.Find])
        # Navigation
        self.next_bead = self._make("NextBead", self.tr("Next bead"), ["J", "Ctrl+Down"])
        self.previous_bead = self._make("PreviousBead", self.tr("Previous bead"), ["K", "Ctrl+Up"])
        self.next_flag = self._make("NextFlag", self.tr("Next flag"), ["N", "F3"], "flag")
        self.previous_flag = self._make("PreviousFlag", self.tr("Previous flag"), ["Shift+N",
                                                                              "Shift+F3"])
        self.next_annotation = self._make("NextAnnotation", self.tr("Next annotation"), ["]"])
        self.previous_annotation = self._make("PreviousAnnotation",
                                              self.tr("Previous annotation"), ["["])
        self.next_risky = self._make("NextRisky", self.tr("Next risky bead"), ["R"])
        # Annotations
        self.mark_omission = self._make("MarkOmission", self.tr("Mark &omission"), ["O"],
                                        "omission")
        self.mark_mistranslation = self._make(
            "MarkMistranslation", self.tr("Mark &mistranslation"), ["M"], "mistranslation"
        )
        self.mark_addition = self._make("MarkAddition", self.tr("Mark a&ddition"), ["A"])
        self.mark_other = self._make("MarkOther", self.tr("Mark other error"), ["E"])
        self.severity_neutral = self._make("SeverityNeutral", self.tr("Severity: neutral"), ["0"])
        self.severity_minor = self._make("SeverityMinor", self.tr("Severity: minor"), ["1"])
        self.severity_major = self._make("SeverityMajor", self.tr("Severity: major"), ["2"])
        self.severity_critical = self._make("SeverityCritical", self.tr("Severity: critical"),
                                            ["3"])
        self.edit_comment = self._make("EditComment", self.tr("Edit the annotation's comment"),
                                       ["F2"])
        self.delete_annotation = self._make("DeleteAnnotation", self.tr("Delete annotation"),
                                            ["Ctrl+Delete"])
        self.mqm_weights = self._make("MqmWeights", self.tr("MQM &weights…"), [])
        self.accept_suggestion = self._make("AcceptSuggestion", self.tr("Accept suggestion"), ["Y"])
        self.dismiss_suggestion = self._make("DismissSuggestion", self.tr("Dismiss suggestion"),
                                             ["X"])
        # Alignment
        self.align = self._make("Align", self.tr("Re-&align"), ["Ctrl+R"], "align")
        self.cancel_alignment = self._make("CancelAlignment", self.tr("Cancel alignment"), ["Esc"])
        self.cancel_alignment.setEnabled(False)  # the alignment controller turns it on
        self.merge_with_next = self._make("MergeWithNext", self.tr("Merge with next"), ["Ctrl+J"],
                                          "merge")
        self.split_bead = self._make("SplitBead", self.tr("Split bead at sentence"), ["Ctrl+B"],
                                     "split")
        self.unlink = self._make("Unlink", self.tr("Unlink bead"), ["Ctrl+U"], "unlink")
        self.confirm = self._make("Confirm", self.tr("Confirm bead"), ["C", "Ctrl+Return"],
                                  "confirm")
        self.move_source_up = self._make(
            "MoveSourceUp", self.tr("Move first source sentence to previous bead"), ["Alt+Up"]
        )
        self.move_source_down = self._make(
            "MoveSourceDown", self.tr("Move last source sentence to next bead"), ["Alt+Down"]
        )
        self.move_target_up = self._make(
            "MoveTargetUp", self.tr("Move first target sentence to previous bead"), ["Alt+Shift+Up"]
        )
        self.move_target_down = self._make(
            "MoveTargetDown", self.tr("Move last target sentence to next bead"), ["Alt+Shift+Down"]
        )
        self.chinese_original = self._make("ChineseOriginal",
                                           self.tr("C&hinese is the original"), [])
        self.chinese_original.setCheckable(True)
        # View
        self.zoom_in = self._make("ZoomIn", self.tr("Zoom in"), [std.ZoomIn, "Ctrl+="])
        self.zoom_out = self._make("ZoomOut", self.tr("Zoom out"), [std.ZoomOut])
        self.zoom_reset = self._make("ZoomReset", self.tr("Reset zoom"), ["Ctrl+0"])
        self.swap_panes = self._make("SwapPanes", self.tr("Swap panes"), ["F8"])
        self.coverage_lens = self._make("CoverageLens", self.tr("Coverage &lens"), ["Ctrl+L"])
        self.coverage_lens.setCheckable(True)
        self.risk_suspects = self._make("RiskSuspects", self.tr("Risk &suspects"), [])
        self.risk_suspects.setCheckable(True)
        self.focus_table = self._make("FocusTable", self.tr("Go to the bead table"), ["Ctrl+1"])
        self.focus_source = self._make("FocusSource", self.tr("Go to the source text"),
                                       ["Ctrl+2"])
        self.focus_target = self._make("FocusTarget", self.tr("Go to the target text"),
                                       ["Ctrl+3"])
        self.focus_annotations = self._make("FocusAnnotations",
                                            self.tr("Go to the annotation list"), ["Ctrl+4"])
        # The window's language, by its own name (readable whichever is on); applied on
        # the next start (settings ui/language).
        # (Not in the shortcuts sheet: they have no keys.)
        self.languages = {code: QAction(text, self._parent) for code, text in (
            ("", self.tr("The system's language")), ("en", "English"), ("zh_CN", "简体中文"))}
        group = QActionGroup(self._parent)
        for code, action in self.languages.items():
            action.setObjectName(f"actionLanguage{code or 'System'}")
            action.setCheckable(True)
            group.addAction(action)
        # Help
        self.shortcuts = self._make("Shortcuts", self.tr("&Keyboard shortcuts"), ["F1"])
        self.about = self._make("About", self.tr("&About aligner-gui"), [])

    def set_document_open(self, is_open: bool) -> None:
        """Enable what needs a document only while one is open: after a failed first
        open the window is empty, and Ctrl+S offered to save nothing as ".json"."""
        needs = [self.save, self.save_as, self.load_glossary, self.clear_glossary, self.find,
                 self.next_bead, self.previous_bead, self.next_flag, self.previous_flag,
                 self.next_annotation, self.previous_annotation, self.next_risky,
                 self.mark_omission, self.mark_mistranslation, self.mark_addition,
                 self.mark_other, self.severity_neutral, self.severity_minor,
                 self.severity_major, self.severity_critical, self.edit_comment,
                 self.delete_annotation, self.accept_suggestion, self.dismiss_suggestion,
                 self.align, self.merge_with_next, self.split_bead, self.unlink, self.confirm,
                 self.move_source_up, self.move_source_down, self.move_target_up,
                 self.move_target_down]
        for action in needs:
            action.setEnabled(is_open)
        if self.export_menu is not None:
            self.export_menu.setEnabled(is_open)

    def _make(self, name: str, text: str, keys: list, icon_name: str | None = None) -> QAction:
        action = QAction(text, self._parent)
        action.setObjectName(f"action{name}")
        sequences = [QKeySequence(k) for k in keys]
        if sequences:
            action.setShortcuts(sequences)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} "
                              f"({sequences[0].toString(QKeySequence.SequenceFormat.NativeText)})")
        if icon_name:
            action.setIcon(icon(icon_name))
        self._parent.addAction(action)
        self.all.append(action)
        return action

    def build_menus(self, bar: QMenuBar) -> dict[str, object]:

        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open, self.save, self.save_as])
        recent = file_menu.addMenu(self.tr("Open &Recent"))
        recent.setObjectName("menuRecent")
        file_menu.addSeparator()
        file_menu.addAction(self.import_file)
        export = file_menu.addMenu(self.tr("&Export"))
        self.export_menu = export
        export.setObjectName("menuExport")
        file_menu.addSeparator()
        file_menu.addActions([self.load_glossary, self.clear_glossary])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        review = bar.addMenu(self.tr("&Review"))
        review.addActions([self.next_bead, self.previous_bead, self.next_flag,
                           self.previous_flag, self.next_annotation, self.previous_annotation,
                           self.next_risky])
        review.addSeparator()
        review.addActions([self.mark_omission, self.mark_mistranslation, self.mark_addition,
                           self.mark_other])
        severity = review.addMenu(self.tr("Severity"))
        severity.addActions([self.severity_neutral, self.severity_minor, self.severity_major,
                             self.severity_critical])
        review.addActions([self.edit_comment, self.delete_annotation])
        review.addSeparator()
        review.addActions([self.accept_suggestion, self.dismiss_suggestion])
        review.addSeparator()
        qa_checks = review.addMenu(self.tr("&QA checks"))
        review.addAction(self.mqm_weights)
        align = bar.addMenu(self.tr("&Alignment"))
        align.addActions([self.align, self.cancel_alignment])
        align.addSeparator()
        align.addActions([self.merge_with_next, self.split_bead, self.unlink, self.confirm])
        align.addSeparator()
        align.addActions([self.move_source_up, self.move_source_down, self.move_target_up,
                          self.move_target_down])
        align.addSeparator()
        align.addAction(self.chinese_original)
        view = bar.addMenu(self.tr("&View"))
        view.setObjectName("menuView")
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset, self.swap_panes,
                         self.coverage_lens, self.risk_suspects])
        view.addSeparator()
        view.addActions([self.focus_table, self.focus_source, self.focus_target,
                         self.focus_annotations])
        view.addSeparator()
        language = view.addMenu(self.tr("Lan&guage"))
        language.setObjectName("menuLanguage")
        language.addActions(list(self.languages.values()))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts, self.about])
        return {"recent": recent, "view": view, "export": export, "qa_checks": qa_checks}

    def build_toolbar(self, toolbar: QToolBar) -> None:
        toolbar.addActions([self.open, self.save])
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.align, self.confirm, self.merge_with_next, self.split_bead,
                            self.unlink])
        toolbar.addSeparator()
        toolbar.addActions([self.next_flag, self.mark_omission, self.mark_mistranslation])
