"""The side panels as docks: annotation editor, annotation list, suggestions, scores."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget


class SideDocks:
    """The docks, laid out once: the editor above the list, suggestions and scores tabbed
    with the list; the suggestions in front (the engine's flags are what a review starts from).
    """

    def __init__(self, window: QMainWindow, editor: QWidget, annotations: QWidget,
                 suggestions: QWidget, scores: QWidget) -> None:
        self.window = window
        self.all: list[QDockWidget] = []
        # Scrolled when the dock is short: a long quote on a 768 px screen squeezed the
        # severity buttons to 5 px, unreadable and hard to click.
        self.editor = self._dock(
            "annotationDock", QCoreApplication.translate("MainWindow", "Annotation"),
            _scrolled(editor))
        self.annotations = self._dock(
            "annotationListDock", QCoreApplication.translate("MainWindow", "Annotations"),
            annotations)
        self.suggestions = self._dock(
            "suggestionDock", QCoreApplication.translate("MainWindow", "Suggestions"), suggestions)
        self.scores = self._dock(
            "scoresDock", QCoreApplication.translate("MainWindow", "Scores"), _scrolled(scores))
        # Added to one area, the docks stand one above the other; only the last two share
        # a tab group. (Tabbing the list with the suggestions and splitting it off again
        # left Qt's first tab bar painted over the filter bar, Suggestions | Scores.)
        window.tabifyDockWidget(self.suggestions, self.scores)
        self.suggestions.raise_()  # the engine's flags are what a review starts from

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.all.append(dock)
        return dock

    def size_for_first_start(self) -> None:
        """No saved layout: a sensible share for the side panels."""
        # editor, annotation list, suggestions/scores: each shows its rows unscrolled
        # The editor shows its whole form, Delete button included (it scrolls when short).
        self.window.resizeDocks([self.editor, self.annotations, self.scores], [300, 200, 360],
                                Qt.Orientation.Vertical)
        # 380 pixels, at most 30 % of the window (41 % on a 1024 x 768 screen squeezed
        # the text panes)
        width = min(380, max(240, self.window.width() * 3 // 10))
        self.window.resizeDocks([self.editor], [width], Qt.Orientation.Horizontal)


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


def bring_forward(dock: QDockWidget) -> None:
    """Show a dock, closed or behind another tab."""
    dock.show()
    dock.raise_()
