"""Qt item models over the document: they turn document events into Qt model signals."""

from aligner_gui.gui.models.annotations import AnnotationTableModel, SuggestionTableModel
from aligner_gui.gui.models.beads import BeadFilterProxy, BeadTableModel

__all__ = ["AnnotationTableModel", "BeadFilterProxy", "BeadTableModel", "SuggestionTableModel"]
