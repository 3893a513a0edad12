"""Filter bar over the bead table: flag, status, score range, minimum risk, text or regex."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from aligner_gui.core.model import (
    BEAD_STATUSES,
    FLAG_ADDITION,
    FLAG_LOW_SCORE,
    FLAG_NAME_MISMATCH,
    FLAG_NUMBER_MISMATCH,
    FLAG_OMISSION,
    OMISSION_CLASSES,
    RISKY,
)
from aligner_gui.gui.display_names import flag_name, value_name
from aligner_gui.gui.models.beads import BeadFilterProxy


class BeadFilterBar(QWidget):
    """On a big table, typing and spinning filter once the editor pauses: one pass over
    10,000 beads takes 0.2-0.3 s, which per keystroke made typing stutter."""

    filters_changed = Signal()
    debounce_rows = 2000  # tables this long are filtered after a pause
    debounce_ms = 200

    def __init__(self, proxy: BeadFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("beadFilterBar")
        self.proxy = proxy
        self.search = QLineEdit()
        self.search.setObjectName("beadSearch")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setToolTip(self.tr("Search the text of the beads (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.regex = QCheckBox(self.tr("Regex"))
        self.side = QComboBox()
        self.side.addItem(self.tr("Both sides"), None)
        self.side.addItem(self.tr("Source"), "source")
        self.side.addItem(self.tr("Target"), "target")
        self.flag = QComboBox()
        self.flag.setObjectName("beadFlagFilter")
        self.flag.addItem(self.tr("All beads"), None)
        self.flag.addItem(self.tr("Any flag"), "any")
        self.flag.addItem(self.tr("Unaligned"), "unaligned")
        self.flag.addItem(self.tr("risky (≥ {0} %)").format(round(100 * RISKY)), "risky")
        self.flag.addItem(self.tr("Annotated (✎)"), "annotated")
        for flag in (FLAG_OMISSION, FLAG_ADDITION, FLAG_LOW_SCORE, FLAG_NUMBER_MISMATCH,
                     FLAG_NAME_MISMATCH, *OMISSION_CLASSES):
            self.flag.addItem(flag_name(flag), flag)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for status in BEAD_STATUSES:
            self.status.addItem(value_name(status), status)
        self.score_min = self._spin()
        self.score_max = self._spin()
        self.score_max.setValue(self.score_max.maximum())
        self.risk_min = QSpinBox()
        self.risk_min.setObjectName("beadRiskFilter")
        self.risk_min.setRange(0, 100)
        self.risk_min.setSingleStep(5)
        self.risk_min.setSuffix(" %")
        self.risk_min.setSpecialValueText(self.tr("any"))  # 0: beads without a risk too
        self.risk_min.setToolTip(self.tr("Show beads whose risk of a Major Accuracy error is "
                                         "at least this"))
        # The bar shares the table's width: on a narrow table the flag list's longest item
        # ("photo-caption omission") squeezed the search box to a letter or two. The list
        # shows what is chosen and opens wide; the search box keeps room for a word.
        fit = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.flag.setSizeAdjustPolicy(fit)
        self.flag.setMinimumContentsLength(8)
        self.flag.view().setMinimumWidth(self.flag.view().sizeHintForColumn(0) + 24)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("x" * 12))
        # Two groups side by side, one above the other when the table is too narrow for
        # both (in one row the bar kept the window 1,218 px wide at least).
        self._first, self._second = QWidget(), QWidget()
        first, second = QHBoxLayout(self._first), QHBoxLayout(self._second)
        for group in (first, second):
            group.setContentsMargins(0, 0, 0, 0)
        first.addWidget(self.search, 3)
        for widget in (self.regex, self.side, self.flag):
            first.addWidget(widget)
        for widget in (self.status, QLabel(self.tr("Match")), self.score_min, QLabel("–"),
                       self.score_max, QLabel(self.tr("Risk ≥")), self.risk_min):
            second.addWidget(widget)
        second.addStretch(1)  # on a row of its own the fields keep their size
        self._rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.addWidget(self._first, 1)
        self._rows.addWidget(self._second)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(self.debounce_ms)
        self._pending.timeout.connect(self.apply)
        self.search.textChanged.connect(self._on_search_edited)
        self.search.returnPressed.connect(self.apply_now)
        self.regex.toggled.connect(self.apply)
        for combo in (self.side, self.flag, self.status):
            combo.currentIndexChanged.connect(self.apply)
        self.score_min.valueChanged.connect(self._on_search_edited)
        self.score_max.valueChanged.connect(self._on_search_edited)
        self.risk_min.valueChanged.connect(self._on_search_edited)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        first, second = self._first.minimumSizeHint(), self._second.minimumSizeHint()
        # On two rows both rows' height: one row's let a short table squeeze the second
        # row's fields to 16 pixels, their text cut.
        height = (first.height() + self._rows.spacing() + second.height() if self.two_rows()
                  else max(first.height(), second.height()))
        return QSize(max(first.width(), second.width()), height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        both = (self._first.minimumSizeHint().width() + self._rows.spacing()
                + self._second.sizeHint().width())
        wanted = (QBoxLayout.Direction.LeftToRight if event.size().width() >= both
                  else QBoxLayout.Direction.TopToBottom)
        if self._rows.direction() != wanted:
            self._rows.setDirection(wanted)
            # The search group takes the spare width in a row, no spare height in a column.
            self._rows.setStretchFactor(
                self._first, 1 if wanted == QBoxLayout.Direction.LeftToRight else 0)
            self.updateGeometry()  # the minimum height changed with the rows
        super().resizeEvent(event)

    def two_rows(self) -> bool:
        return self._rows.direction() == QBoxLayout.Direction.TopToBottom

    def _spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.0, 1.0)
        spin.setSingleStep(0.05)
        spin.setDecimals(2)
        return spin

    def _on_search_edited(self, *_args: object) -> None:
        model = self.proxy.sourceModel()
        if model is not None and model.rowCount() >= self.debounce_rows:
            self._pending.start()  # restarts: one pass when the typing pauses
        else:
            self.apply()

    def apply_now(self) -> None:
        if self._pending.isActive():
            self.apply()

    def pending(self) -> bool:
        return self._pending.isActive()

    def apply(self) -> None:
        self._pending.stop()
        low, high = self.score_min.value(), self.score_max.value()
        risk = self.risk_min.value()
        try:
            self.proxy.set_filters(
                flag=self.flag.currentData(),
                status=self.status.currentData(),
                score_min=low if low > self.score_min.minimum() else None,
                score_max=high if high < self.score_max.maximum() else None,
                risk_min=risk / 100 if risk > self.risk_min.minimum() else None,
                search=self.search.text(),
                regex=self.regex.isChecked(),
                side=self.side.currentData(),
            )
        except re.error:
            self.search.setStyleSheet("QLineEdit { border: 1px solid #d0342c; }")
            self.search.setToolTip(self.tr("Invalid regular expression"))
            return
        self.search.setStyleSheet("")
        self.search.setToolTip("")
        self.filters_changed.emit()

    def clear(self) -> None:
        for widget in (self.search, self.regex, self.side, self.flag, self.status,
                       self.score_min, self.score_max, self.risk_min):
            widget.blockSignals(True)
        self.search.clear()
        self.regex.setChecked(False)
        self.side.setCurrentIndex(0)
        self.flag.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.score_min.setValue(self.score_min.minimum())
        self.score_max.setValue(self.score_max.maximum())
        self.risk_min.setValue(self.risk_min.minimum())
        for widget in (self.search, self.regex, self.side, self.flag, self.status,
                       self.score_min, self.score_max, self.risk_min):
            widget.blockSignals(False)
        self.apply()
