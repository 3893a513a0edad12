"""Live figures: coverage, omissions by class, mean bead score, MQM per segment and per 1k words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from aligner_gui.core.model import AlignmentDocument
from aligner_gui.core.scoring import mqm
from aligner_gui.gui.display_names import category_name, flag_name, risk_caveat, value_name
from aligner_gui.gui.panes.coverage_lens import uncovered_share_text


class ScoresPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoresPanel")
        self.document: AlignmentDocument | None = None
        self.weights = mqm.WMT_WEIGHTS
        self._labels: dict[str, QLabel] = {}
        self._source_words: int | None = None
        self._form = QFormLayout(self)
        # In a narrow dock (a 1024-pixel screen) a long title puts its figure on the next
        # line instead of pushing every figure out of sight behind a scroll bar.
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows = (
            ("beads", self.tr("Beads")),
            ("coverage", self.tr("Coverage (source / target)")),
            ("omissions", self.tr("Omitted source sentences")),
            ("additions", self.tr("Added target sentences")),
            ("mean", self.tr("Mean bead score")),
            ("confirmed", self.tr("Confirmed beads")),
            ("errors", self.tr("Annotations")),
            ("mqm_segment", self.tr("MQM per segment")),
            ("mqm_words", self.tr("MQM per 1,000 source words")),
            ("severity", self.tr("By severity")),
            ("category", self.tr("Penalty by category")),
            ("flags", self.tr("Doubtful pairing / number / name mismatch")),
            ("uncovered", self.tr("Uncovered source content words")),
            ("risk", self.tr("Expected Major Accuracy errors")),
        )
        for key, title in rows:
            label = QLabel("–")
            label.setObjectName(f"score_{key}")
            label.setWordWrap(True)
            self._labels[key] = label
            self._form.addRow(title, label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.refresh)

    def set_document(self, document: AlignmentDocument | None) -> None:
        if self.document is not None:
            self.document.unsubscribe(self._on_document_event)
        self.document = document
        self._source_words = None if document is None else mqm.count_words(
            document.source.text, document.source.lang)  # the texts never change
        if document is not None:
            document.subscribe(self._on_document_event)
        self.refresh()

    def set_weights(self, weights: mqm.MqmWeights) -> None:
        self.weights = weights
        self.refresh()

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        self._timer.start()

    def text(self, key: str) -> str:
        return self._labels[key].text()

    def refresh(self) -> None:
        doc = self.document
        if doc is None:
            for label in self._labels.values():
                label.setText("–")
            return
        figures = mqm.review_figures(doc)
        score = mqm.score_document(doc, self.weights, source_words=self._source_words)
        set_ = self._set
        set_("beads", str(figures.beads) if figures.beads else self.tr("not aligned yet"))
        set_("coverage", f"{figures.source_coverage:.1%} / {figures.target_coverage:.1%}")
        if figures.omissions:
            set_("omissions", ", ".join(f"{flag_name(k)} {v}"
                                        for k, v in sorted(figures.omissions.items())))
        else:
            set_("omissions", "0")
        set_("additions", str(figures.additions))
        set_("mean", "–" if figures.mean_score is None else f"{figures.mean_score:.3f}")
        set_("confirmed", str(figures.confirmed))
        set_("errors", str(score.errors))
        set_("mqm_segment", f"{score.per_segment:.3f}  ({score.total:g} / {score.segments})")
        set_("mqm_words", f"{score.per_1000_words:.2f}  ({score.source_words} "
                          + self.tr("words") + ")")
        set_("severity", ", ".join(f"{value_name(k)} {v}" for k, v in score.by_severity.items())
             or "–")
        set_("category", ", ".join(f"{category_name(k)} {v:g}"
                                   for k, v in sorted(score.by_category.items())) or "–")
        set_("flags", f"{figures.low_score} / {figures.number_mismatch} / {figures.name_mismatch}")
        set_("uncovered", uncovered_share_text(doc.scores))  # as of the last (re)scoring
        set_("risk", self.risk_text(doc.scores))
        risk = doc.scores.get("risk")
        model = risk.get("model") if isinstance(risk, dict) else None
        self._labels["risk"].setToolTip(self.tr(
            "The sum of the beads' risks; a risky bead's risk is at least 50 %. Model: {0}"
        ).format(model) + "\n" + risk_caveat() if model else "")

    def risk_text(self, scores: dict[str, Any] | None) -> str:
        """ "3.4 (5 risky beads)" from ``scores["risk"]``; "–" when the engine gave none."""
        risk = (scores or {}).get("risk")
        if not isinstance(risk, dict):
            return "–"
        expected = risk.get("expected_major")
        if not isinstance(expected, (int, float)) or isinstance(expected, bool):
            return "–"
        risky = risk.get("risky_beads")
        if isinstance(risky, int) and not isinstance(risky, bool):
            return self.tr("{0:.1f} ({1} risky beads)").format(float(expected), risky)
        return f"{float(expected):.1f}"

    def _set(self, key: str, text: str) -> None:
        self._labels[key].setText(text)
