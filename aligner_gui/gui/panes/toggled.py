"""The on/off switch the pane tints share (coverage lens, risk suspects)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolTip

from aligner_gui.gui.panes.offsets import OffsetMap

if TYPE_CHECKING:
    from aligner_gui.core.model import AlignmentDocument
    from aligner_gui.gui.settings import Settings


class ToggledTint(QObject):
    """A tint that a checkable action turns on and off, the choice kept in ``settings``
    under :attr:`SETTING`, over the text of ``document``. Subclasses draw in
    :meth:`_repaint`."""

    SETTING = ""
    enabled_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = False
        self.document: AlignmentDocument | None = None
        self._offsets: dict[str, tuple[str, OffsetMap]] = {}

    def _offset_map(self, side: str) -> OffsetMap:
        """Code-point to Qt offsets of one side's text, kept while that text is the same."""
        assert self.document is not None
        text = self.document.side(side).text
        cached = self._offsets.get(side)
        if cached is None or cached[0] is not text:
            cached = (text, OffsetMap(text))
            self._offsets[side] = cached
        return cached[1]

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
