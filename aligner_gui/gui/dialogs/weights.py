"""MQM weights editor: a non-modal dialog; every change applies at once and is remembered."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aligner_gui.core.scoring.mqm import WMT_WEIGHTS, MqmWeights


class WeightsDialog(QDialog):
    weights_changed = Signal(object)  # MqmWeights

    def __init__(self, weights: MqmWeights, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightsDialog")
        self.setWindowTitle(self.tr("MQM weights"))
        labels = {
            "neutral": self.tr("Neutral"),
            "minor": self.tr("Minor"),
            "major": self.tr("Major"),
            "critical": self.tr("Critical"),
            "minor_punctuation": self.tr("Minor Fluency/Punctuation"),
            "non_translation": self.tr("Non-translation (any severity)"),
            "source_error": self.tr("Source error (any severity)"),
        }
        self.spins: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        for f in fields(MqmWeights):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"weight_{f.name}")
            spin.setRange(0.0, 1000.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.setValue(float(getattr(weights, f.name)))
            spin.valueChanged.connect(self._on_spin_value_changed)
            self.spins[f.name] = spin
            form.addRow(labels.get(f.name, f.name), spin)
        note = QLabel(self.tr("Penalty points per error. Defaults: WMT (Freitag et al. 2021); "
                              "Critical 10 as in common MQM scorecards."))
        note.setWordWrap(True)
        reset = QPushButton(self.tr("Reset to WMT weights"))
        reset.clicked.connect(self.reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(reset)
        layout.addWidget(buttons)

    def weights(self) -> MqmWeights:
        return MqmWeights(**{name: spin.value() for name, spin in self.spins.items()})

    def reset(self) -> None:
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(float(getattr(WMT_WEIGHTS, name)))
            spin.blockSignals(False)
        self._on_spin_value_changed()

    def _on_spin_value_changed(self, *_args: object) -> None:
        self.weights_changed.emit(self.weights())
