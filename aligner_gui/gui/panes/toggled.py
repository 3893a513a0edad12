"""The on/off switch the pane tints share (coverage lens, risk suspects)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolTip

if TYPE_CHECKING:
    from aligner_gui.gui.settings import Settings


class ToggledTint(QObject):
    """A tint that a checkable action turns on and off, the choice kept in ``settings``
    under :attr:`SETTING`. Subclasses draw in :meth:`_repaint`."""

    SETTING = ""
    enabled_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = False

    def _repaint(self) -> None:
        raise NotImplementedError

    def bind_action(self, action: QAction, settings: Settings | None = None) -> None:
        """Drive the tint from a checkable action; remember the choice in ``settings``."""
        action.setCheckable(True)
        if settings is not None:
            action.setChecked(bool(getattr(settings, self.SETTING)))
        self.set_enabled(action.isChecked())
        action.toggled.connect(self.set_enabled)
        self.enabled_changed.connect(action.setChecked)
        if settings is not None:
            action.toggled.connect(lambda on: setattr(settings, self.SETTING, bool(on)))

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        enabled = bool(enabled)
        if enabled == self._enabled:
            return
        self._enabled = enabled
        if not enabled:
            QToolTip.hideText()
        self._repaint()
        self.enabled_changed.emit(enabled)
