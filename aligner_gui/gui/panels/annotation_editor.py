"""Side panel editing the current annotation; every change is requested, never applied here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from aligner_gui.core.model import SEVERITIES, AlignmentDocument, Annotation
from aligner_gui.core.scoring import mqm
from aligner_gui.gui.display_names import category_name, suggestion_flag_name


class AnnotationEditor(QWidget):
    change_requested = Signal(str, dict)  # annotation id, field changes
    delete_requested = Signal(str)
    leave_requested = Signal()  # Esc in a field: back to the beads, keys are keys again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.document: AlignmentDocument | None = None
        self.annotation_id: str | None = None
        self._loading = False

        self.quote = QLabel(self._hint())
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setMinimumHeight(40)
        self.category = QComboBox()
        self.category.setObjectName("annotationCategory")
        for category in mqm.CATEGORY_NAMES:  # shown translated, stored in English
            self.category.addItem(category_name(category), category)
        self.severity_group = QButtonGroup(self)
        # Two rows of two: in one row the four made the panel 440 px wide at least.
        severity_row = QGridLayout()
        names = {"neutral": self.tr("Neutral"), "minor": self.tr("Minor"),
                 "major": self.tr("Major"), "critical": self.tr("Critical")}
        for k, severity in enumerate(SEVERITIES):
            button = QRadioButton(f"{names[severity]} ({k})")
            button.setObjectName(f"severity_{severity}")
            self.severity_group.addButton(button, k)
            severity_row.addWidget(button, k // 2, k % 2)
        severity_row.setColumnStretch(2, 1)
        self.comment = QLineEdit()
        self.comment.setObjectName("annotationComment")
        self.comment.setPlaceholderText(self.tr("Why is this an error?"))
        self.correction = QLineEdit()
        self.correction.setObjectName("annotationCorrection")
        self.correction.setPlaceholderText(self.tr("Suggested correction"))
        self.tags = QLineEdit()
        self.tags.setObjectName("annotationTags")
        self.tags.setPlaceholderText(self.tr("Tags, comma separated: more-link, photo-caption"))
        self.tags.setCompleter(_TagCompleter(mqm.TAGS, self.tags))
        self.delete_button = QPushButton(self.tr("Delete annotation"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Severity"), severity_row)
        form.addRow(self.tr("Comment"), self.comment)
        form.addRow(self.tr("Correction"), self.correction)
        form.addRow(self.tr("Tags"), self.tags)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.category.currentIndexChanged.connect(self._on_category_changed)
        self.severity_group.idClicked.connect(self._on_severity_clicked)
        # textChanged (not textEdited) so the field's own Ctrl+Z reaches the document too;
        # programmatic updates in _load are ignored through self._loading.
        self.comment.textChanged.connect(lambda text: self._request({"comment": text}))
        self.correction.textChanged.connect(lambda text: self._request({"correction": text}))
        # As typed, like the comment: tags stored only when the field lost the focus were
        # not in a file saved with Ctrl+S from the field.
        self.tags.textChanged.connect(self._on_tags_edited)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        for field in (self.comment, self.correction, self.tags):
            field.installEventFilter(self)
        self._set_enabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Esc in a text field hands the keys back (Esc elsewhere cancels an alignment)."""
        if (event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            event.accept()  # the field's, not the window's Esc
            return True
        if (event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            self.leave_requested.emit()
            return True
        return super().eventFilter(watched, event)

    def set_document(self, document: AlignmentDocument | None) -> None:
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.document = document
        if document is not None:
            document.subscribe(self._on_document_event)
        self.show_annotation(None)

    def current(self) -> Annotation | None:
        if self.document is None or self.annotation_id is None:
            return None
        try:
            return self.document.annotations[self.document.annotation_index(self.annotation_id)]
        except ValueError:
            return None

    def show_annotation(self, annotation_id: str | None) -> None:
        self.annotation_id = annotation_id
        self._load()

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        # beads_replaced: a merge or split renumbers the bead the header names
        if event.startswith("annotation") or event in ("reset", "beads_replaced"):
            self._load()

    def _load(self) -> None:
        annotation = self.current()
        self._loading = True
        try:
            self._set_enabled(annotation is not None)
            if annotation is None:
                self.annotation_id = None
                self.quote.setText(self._hint())
                for edit in (self.comment, self.correction, self.tags):
                    edit.clear()
                # Nothing shown as chosen: the last annotation's category and severity,
                # greyed out, read as this bead's mark.
                self.category.setCurrentIndex(-1)
                self.severity_group.setExclusive(False)
                for button in self.severity_group.buttons():
                    button.setChecked(False)
                self.severity_group.setExclusive(True)
                return
            side = self.tr("Source") if annotation.side == "source" else self.tr("Target")
            # A few lines at most: a long quote squeezed the severity buttons in half (the
            # full text is in its pane and the annotation list's tooltip).
            text = annotation.text if len(annotation.text) < 160 else annotation.text[:160] + "…"
            assert self.document is not None
            bead = mqm.segment_of(self.document, annotation)
            where = side if bead is None else self.tr("{0}, bead {1}").format(side, bead + 1)
            origin = annotation.extra.get("suggested_by")
            note = ("<br><i>" + _escape(self.tr("Suggested by the engine ({0})").format(
                suggestion_flag_name(str(origin)))) + "</i>") if origin else ""
            self.quote.setText(f"<b>{_escape(where)}</b><br>{_escape(text)}{note}")
            if self.category.findData(annotation.category) < 0:
                self.category.addItem(category_name(annotation.category), annotation.category)
            self.category.setCurrentIndex(self.category.findData(annotation.category))
            if annotation.severity in SEVERITIES:
                self.severity_group.button(SEVERITIES.index(annotation.severity)).setChecked(True)
            for edit, value in ((self.comment, annotation.comment),
                                (self.correction, annotation.correction)):
                if edit.text() != value:  # typing keeps them equal, so this is undo/redo
                    position = edit.cursorPosition()
                    edit.setText(value)
                    edit.setCursorPosition(min(position, len(value)))
            tags = ", ".join(annotation.tags)
            if [t.strip() for t in self.tags.text().split(",") if t.strip()] != annotation.tags:
                self.tags.setText(tags)
        finally:
            self._loading = False

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.category, self.comment, self.correction, self.tags,
                       self.delete_button, *self.severity_group.buttons()):
            widget.setEnabled(enabled)

    def _request(self, changes: dict[str, Any]) -> None:
        if not self._loading and self.annotation_id is not None:
            self.change_requested.emit(self.annotation_id, changes)

    def _on_category_changed(self, index: int) -> None:
        annotation = self.current()
        category = self.category.itemData(index)
        if (annotation is None or self._loading or not isinstance(category, str)
                or category == annotation.category):
            return
        self._request({"category": category,
                       "type": mqm.TYPE_OF_CATEGORY.get(category, annotation.type)})

    def _on_severity_clicked(self, index: int) -> None:
        self._request({"severity": SEVERITIES[index]})  # the same one again: no edit

    def _hint(self) -> str:
        return self.tr("Select text and press O (omission), M (mistranslation), "
                       "A (addition) or E (other error).")

    def _on_tags_edited(self) -> None:
        annotation = self.current()
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        if annotation is not None and tags != annotation.tags:
            self._request({"tags": tags})

    def _on_delete_clicked(self) -> None:
        if self.annotation_id is not None:
            self.delete_requested.emit(self.annotation_id)


class _TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma."""

    def __init__(self, tags: tuple[str, ...], parent: QLineEdit) -> None:
        super().__init__(list(tags), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: Any) -> str:  # noqa: N802 - Qt override
        edit = self.widget()
        done = edit.text().split(",")[:-1] if isinstance(edit, QLineEdit) else []
        return ", ".join([t.strip() for t in done if t.strip()] + [super().pathFromIndex(index)])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
