"""Scrolling the panes together: the other pane follows the one the editor scrolls."""

from __future__ import annotations

from PySide6.QtCore import QObject

from aligner_gui.gui.panes import OverviewStrip, TextPane


class PaneScrollSync(QObject):
    """Keeps the target pane's top bead on the source pane's (and back), and the overview
    strip's frame on what the source pane shows."""

    def __init__(self, source: TextPane, target: TextPane, overview: OverviewStrip,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source_pane, self.target_pane = source, target
        self.overview = overview
        self._syncing = False
        for pane in (source, target):
            pane.scrolled.connect(self._on_pane_scrolled)

    def _on_pane_scrolled(self, side: str) -> None:
        if side == "source":  # the overview strip frames what the source pane shows
            shown = self.source_pane.visible_bead_range()
            self.overview.set_viewport(shown)
        if self._syncing:
            return
        pane, other = ((self.source_pane, self.target_pane) if side == "source"
                       else (self.target_pane, self.source_pane))
        if not (pane.hasFocus() or pane.underMouse() or pane.verticalScrollBar().isSliderDown()):
            return
        top = pane.top_bead()
        if top is None:
            return
        self._syncing = True
        try:
            other.scroll_to_bead_top(top)
        finally:
            self._syncing = False
