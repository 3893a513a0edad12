"""The linked text panes and the overview strip."""

from aligner_gui.gui.panes.overview import OverviewStrip
from aligner_gui.gui.panes.text_pane import TextPane

__all__ = ["OverviewStrip", "TextPane"]
