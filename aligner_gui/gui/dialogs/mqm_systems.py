"""Which system of a multi-system MQM file to import: a non-modal chooser."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class SystemChooser(QDialog):
    """Lists the systems with their segment counts; ``system_chosen`` carries the pick.

    Shown with ``open()``: the window stays usable and the import goes on when the
    editor chooses (double-click or OK); Cancel imports nothing.
    """

    system_chosen = Signal(str)

    def __init__(
        self, file_name: str, systems: Sequence[tuple[str, int]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mqmSystemChooser")
        self.setWindowTitle(self.tr("Import MQM: choose a system"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        note = QLabel(
            self.tr("{0} rates {1} systems. Import the translation and annotations of:").format(
                file_name, len(systems)
            )
        )
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("mqmSystems")
        for name, segments in systems:
            item = QListWidgetItem(self.tr("{0}  ({1} segments)").format(name, segments))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._on_list_item_activated)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def accept(self) -> None:
        name = self.chosen()
        super().accept()
        if name is not None:
            self.system_chosen.emit(name)

    def _on_list_item_activated(self, _item: QListWidgetItem) -> None:
        self.accept()
