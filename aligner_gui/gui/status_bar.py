"""The status bar's permanent widgets: alignment progress and Cancel, background work, position."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.gui.display_names import value_name
from aligner_gui.gui.models.beads import risk_text


class StatusIndicators:
    """What the window shows in its status bar besides messages."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.statusBar()
        # Alignment progress with a cancel button.
        self.progress = QProgressBar()
        self.progress.setObjectName("alignmentProgress")
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(QCoreApplication.translate("MainWindow", "Aligning… %p%"))
        self.cancel_button = QPushButton(QCoreApplication.translate("MainWindow", "Cancel"))
        self.cancel_button.setObjectName("cancelAlignment")
        self.position_label = QLabel()
        # Background work the editor waits for (suggestions, rescoring): said, not silent.
        self.background_busy = QProgressBar()
        self.background_busy.setObjectName("backgroundBusy")
        self.background_busy.setRange(0, 0)
        self.background_busy.setTextVisible(False)
        self.background_busy.setMaximumSize(50, max(8, window.fontMetrics().height() // 2))
        self.background_status = QLabel()
        self.background_status.setObjectName("backgroundStatus")
        bar.addPermanentWidget(self.background_busy)
        bar.addPermanentWidget(self.background_status)
        self.background_busy.hide()
        self.background_status.hide()
        bar.addPermanentWidget(self.position_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def show_background_work(self, computing_suggestions: bool, rescoring: bool) -> None:
        parts = []
        if computing_suggestions:
            parts.append(QCoreApplication.translate("MainWindow", "Computing suggestions…"))
        if rescoring:
            parts.append(QCoreApplication.translate("MainWindow", "Rescoring edited beads…"))
        self.background_status.setText(" · ".join(parts))
        self.background_status.setVisible(bool(parts))
        self.background_busy.setVisible(bool(parts))

    def show_position(self, doc: AlignmentDocument | None, row: int | None) -> None:
        """Which bead is current, of how many, and its kind, match score, status and risk."""
        if doc is None or row is None or row >= len(doc.beads):
            self.position_label.setText("")
            return
        bead = doc.beads[row]
        score = "–" if bead.score is None else f"{bead.score:.2f}"
        risk = "" if bead.risk is None else " · " + QCoreApplication.translate(
            "MainWindow", "risk {0}").format(risk_text(bead.risk))
        self.position_label.setText(
            QCoreApplication.translate(
                "MainWindow", "Bead {0}/{1} · {2} · match {3} · {4}").format(
                row + 1, len(doc.beads), bead.kind, score, value_name(bead.status)) + risk)
