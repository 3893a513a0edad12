"""Crash recovery: a banner in the window (not a modal dialog) offers the recovery copy."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class RecoveryBanner(QFrame):
    recover_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#recoveryBanner { background: rgba(240, 190, 40, 80); }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.recover_button = QPushButton(self.tr("Recover"))
        self.discard_button = QPushButton(self.tr("Discard"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.recover_button)
        layout.addWidget(self.discard_button)
        self.recover_button.clicked.connect(self.recover_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        self.hide()

    def offer(self, name: str, saved: str = "") -> None:
        """Show the banner for the copy of ``name`` written at ``saved`` (ISO time)."""
        when = saved.replace("T", " ")[:16] if saved else "?"  # 2026-12-07 20:45
        self.label.setText(
            self.tr("A recovery copy from an earlier session was found: {0}").format(
                f"{name} ({when})")
        )
        self.show()
