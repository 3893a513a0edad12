"""The layout kept between sessions: geometry, docks, splitters, table columns, pane order."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from aligner_gui.gui.bead_table import BeadTable
from aligner_gui.gui.panes import TextPane
from aligner_gui.gui.settings import Settings
from aligner_gui.gui.side_docks import SideDocks

FIRST_START_SHARE = 0.9  # of the screen's free area, with no saved geometry


class WindowState:
    """Restores the layout at start-up and saves it on close (in ``settings``)."""

    def __init__(self, window: QMainWindow, settings: Settings, *, main_splitter: QSplitter,
                 pane_splitter: QSplitter, target_pane: TextPane, table: BeadTable,
                 docks: SideDocks) -> None:
        self.window = window
        self.settings = settings
        self.main_splitter = main_splitter
        self.pane_splitter = pane_splitter
        self.target_pane = target_pane
        self.table = table
        self.docks = docks

    def swap_panes(self) -> None:
        first = self.pane_splitter.widget(0)
        self.pane_splitter.insertWidget(1, first)
        self.settings.panes_swapped = self.pane_splitter.widget(0) is self.target_pane

    def restore(self) -> None:
        window, settings = self.window, self.settings
        geometry = settings.geometry
        if geometry is not None and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        else:
            self._first_start_geometry()
        state = settings.window_state
        restored = state is not None and not state.isEmpty() and window.restoreState(state)
        splitter = settings.splitter_state
        if splitter is not None and not splitter.isEmpty():
            self.main_splitter.restoreState(splitter)
        else:
            self.main_splitter.setSizes([560, 380])
        table = settings.bead_table_state
        # A state saved with other columns (before the Risk column) would put widths and
        # order on the wrong columns: start from the defaults instead.
        same_columns = settings.bead_table_columns == self.table.model.columnCount()
        if table is not None and not table.isEmpty() and same_columns:
            self.table.view.horizontalHeader().restoreState(table)
            self.table.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # bead order first
            self.table.fit_columns()  # a state saved before the texts stretched
        panes = settings.pane_splitter_state
        if panes is not None and not panes.isEmpty():
            self.pane_splitter.restoreState(panes)
        if settings.panes_swapped:
            self.swap_panes()
        if not restored:  # first start: a sensible share for the side panels
            self.docks.size_for_first_start()

    def _first_start_geometry(self) -> None:
        """No saved geometry: most of the screen (90 % of its free area), centred."""
        window = self.window
        screen = window.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect()
        if area.width() <= 0 or area.height() <= 0:
            window.resize(1440, 900)
            return
        window.resize(round(area.width() * FIRST_START_SHARE),
                      round(area.height() * FIRST_START_SHARE))
        frame = window.frameGeometry()
        frame.moveCenter(area.center())
        window.move(frame.topLeft())

    def save(self) -> None:
        window, settings = self.window, self.settings
        settings.geometry = window.saveGeometry()
        settings.window_state = window.saveState()
        settings.splitter_state = self.main_splitter.saveState()
        settings.bead_table_state = self.table.view.horizontalHeader().saveState()
        settings.bead_table_columns = self.table.model.columnCount()
        swapped = self.pane_splitter.widget(0) is self.target_pane
        if swapped:  # store sizes in source-target order; swapping is a setting of its own
            self.swap_panes()
        settings.pane_splitter_state = self.pane_splitter.saveState()
        if swapped:
            self.swap_panes()
        settings.sync()
