"""The bead table: one row per bead (row i = bead i of the saved file), plus its filter proxy."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from aligner_gui.core.model import MEANING_KEY, Bead, meaning_median
from aligner_gui.core.scoring import mqm
from aligner_gui.gui.display_names import flag_list, risk_caveat, value_name
from aligner_gui.gui.engine_messages import engine_message
from aligner_gui.gui.models.base import DocumentTableModel, Index

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_PREVIEW = 160


def score_colour(score: float | None, alpha: int = 255) -> QColor:
    """Red (poor) through amber to green (good); grey when the bead has no score."""
    if score is None:
        return QColor(150, 150, 150, alpha)
    s = max(0.0, min(1.0, float(score)))
    if s < 0.5:
        r, g = 220, int(60 + 300 * s)
    else:
        r, g = int(220 - 340 * (s - 0.5)), 190
    return QColor(r, g, 60, alpha)


# Risk below this is not tinted (about the share of rated MT segments with a Major
# Accuracy error): tinted from 0, every cell of a document was pink and none stood out.
RISK_TINT_FROM = 0.15
RISK_TINT_FULL = 0.7


def risk_colour(risk: float | None) -> QColor | None:
    """White (low risk) to red (RISK_TINT_FULL and above), as a red of growing opacity;
    None: no tint."""
    if risk is None:
        return None
    r = (float(risk) - RISK_TINT_FROM) / (RISK_TINT_FULL - RISK_TINT_FROM)
    return QColor(220, 40, 30, round(190 * max(0.0, min(1.0, r))))


def risk_text(risk: float | None) -> str:
    """ "37 %", or "" when the bead has no risk estimate."""
    return "" if risk is None else f"{round(100 * float(risk))} %"


_UNKNOWN = object()  # the median not worked out yet


class BeadTableModel(DocumentTableModel):
    """Columns: source, target, type, match, risk, flags, status; the bead number is the
    row header.

    Match is the alignment confidence (``bead.score``: how plausibly the two sides say
    the same thing); risk is the estimated probability of a Major Accuracy error
    (``bead.risk``). A number column would change its values whenever rows are
    inserted above, which item views and qtmodeltester rightly read as changed data.
    """

    COL_SOURCE, COL_TARGET, COL_TYPE, COL_MATCH, COL_RISK, COL_FLAGS, COL_STATUS = range(7)
    COL_SCORE = COL_MATCH  # the match column shows bead.score
    COL_NUMBER = -1  # not a column: see headerData
    columns = ("Source", "Target", "Type", "Match", "Risk", "Flags", "Status")
    _median: object = _UNKNOWN

    def _header(self, column: int) -> str:
        names = (self.tr("Source"), self.tr("Target"), self.tr("Type"), self.tr("Match"),
                 self.tr("Risk"), self.tr("Flags"), self.tr("Status"))
        if column in (self.COL_SOURCE, self.COL_TARGET) and self.document is not None:
            # Which language is the original, at a glance: a remembered Alignment ->
            # Chinese is the original reads the next English original backwards.
            side = self.document.source if column == self.COL_SOURCE else self.document.target
            language = {"en": self.tr("English"), "zh": self.tr("Chinese")}.get(side.lang)
            if language:
                return self.tr("{0} ({1})").format(names[column], language)
        return names[column]

    def _risk_tip(self) -> str:
        return self.tr("Estimated probability that a reviewer marks a Major Accuracy error here")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if section == self.COL_MATCH:
                return self.tr("Match: how closely the two sides correspond word for word "
                               "through the dictionary (a free but faithful rendering can "
                               "score low). A pairing the aligner doubts is flagged "
                               "low-score instead.")
            if section == self.COL_RISK:
                return (self._risk_tip() + "\n" + risk_caveat() + "\n"
                        + self.tr("Read the riskiest beads first rather than counting on "
                                  "the figure."))
            return None
        return super().headerData(section, orientation, role)

    def _document_rows(self) -> list[Any]:
        assert self.document is not None
        self._median = _UNKNOWN  # a new document, or a reset: read again when asked
        return list(self.document.beads)

    def _meaning_median(self) -> float | None:
        """The document's median meaning match, worked out once per change of the beads
        (the Risk tooltip asks on every hover; 10,000 beads took a visible moment)."""
        if self._median is _UNKNOWN:
            self._median = meaning_median(self.document.beads) if self.document else None
        return self._median  # type: ignore[return-value]

    _annotated: set[int] | None = None

    def annotated(self) -> set[int]:
        """Beads (0-based) where an annotation starts, worked out once per change."""
        if self._annotated is None:
            found: set[int] = set()
            doc = self.document
            for annotation in doc.annotations if doc is not None else ():
                bead = mqm.segment_of(doc, annotation)
                if bead is not None:
                    found.add(bead)
            self._annotated = found
        return self._annotated

    def _on_document_event(self, event: str, info: dict[str, Any]) -> None:
        self._median = _UNKNOWN
        if event.startswith("annotation") or event in ("beads_replaced", "reset"):
            before = self._annotated or set()
            self._annotated = None
            changed = sorted(before ^ self.annotated())
            if changed and event.startswith("annotation"):  # the Flags cells say so
                for row in changed:
                    if row < len(self._rows):
                        self.dataChanged.emit(self.index(row, self.COL_FLAGS),
                                              self.index(row, self.COL_FLAGS))
        if event == "beads_replaced":
            self._replace_rows(info["start"], info["removed"], info["added"])
        elif event == "bead_changed":
            self._rows_changed(info["index"], info["index"])
        else:
            super()._on_document_event(event, info)

    def bead(self, row: int) -> Bead:
        return self._rows[row]

    def side_text(self, row: int, side: str) -> str:
        assert self.document is not None
        bead = self._rows[row]
        return self.document.side(side).span_text(getattr(bead, side))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.document is None or index.row() >= len(self._rows):
            return None
        row, col = index.row(), index.column()
        bead: Bead = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col in (self.COL_SOURCE, self.COL_TARGET):
                text = self.side_text(row, "source" if col == self.COL_SOURCE else "target")
                return text if len(text) <= _PREVIEW else text[:_PREVIEW] + "…"
            if col == self.COL_TYPE:
                return bead.kind
            if col == self.COL_MATCH:
                return "" if bead.score is None else f"{bead.score:.2f}"
            if col == self.COL_RISK:
                return risk_text(bead.risk)
            if col == self.COL_FLAGS:
                shown = flag_list(bead.flags)
                if row in self.annotated():  # the review's progress at a glance
                    shown = ("✎ " + shown) if shown else "✎"
                return shown
            if col == self.COL_STATUS:
                return value_name(bead.status)
        elif role == SORT_ROLE:
            if col == self.COL_MATCH:
                return -1.0 if bead.score is None else float(bead.score)
            if col == self.COL_RISK:
                return -1.0 if bead.risk is None else float(bead.risk)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.COL_RISK:
            meaning = bead.details.get(MEANING_KEY)
            if not isinstance(meaning, (int, float)):
                return self._risk_tip()
            median = self._meaning_median()
            note = self.tr("Meaning match of the two sides: {0:.2f} (this document's "
                           "median: {1:.2f})")
            return self._risk_tip() + "\n" + note.format(meaning, median or meaning)
        elif role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_SOURCE, self.COL_TARGET):
            return self.side_text(row, "source" if col == self.COL_SOURCE else "target")
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.COL_FLAGS and bead.flags:
            note = mqm.number_note(bead)
            shown = engine_message("numbers: " + note) if note else ""
            return flag_list(bead.flags) + (f"\n{shown}" if shown else "")
        elif role == Qt.ItemDataRole.BackgroundRole and col == self.COL_MATCH:
            return score_colour(bead.score, 90) if bead.source and bead.target else None
        elif role == Qt.ItemDataRole.BackgroundRole and col == self.COL_RISK:
            return risk_colour(bead.risk)
        elif role == Qt.ItemDataRole.BackgroundRole and col == self.COL_TYPE:
            if not bead.target:
                return QColor(230, 70, 60, 70)
            if not bead.source:
                return QColor(240, 150, 40, 70)
        elif role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATUS:
            if bead.status == "confirmed":
                return QColor(30, 140, 60)
            if bead.status == "manual":
                return QColor(40, 100, 200)
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (
                self.COL_TYPE, self.COL_MATCH, self.COL_RISK):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class BeadFilterProxy(QSortFilterProxyModel):
    """Filter by flag, score range, minimum risk, status and a text/regex search.

    Besides flag names, ``flag`` may be "any", "unaligned", "risky" (risk >= RISKY) or
    "annotated" (an annotation starts in the bead).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._sort_keys: list[Any] | None = None  # per source row, for the sort column
        self.flag: str | None = None  # "", a flag name, or "any"
        self.status: str | None = None
        self.score_min: float | None = None
        self.score_max: float | None = None
        self.risk_min: float | None = None
        self.search: re.Pattern[str] | None = None
        self.search_side: str | None = None  # None = either side

    def set_filters(
        self,
        *,
        flag: str | None = None,
        status: str | None = None,
        score_min: float | None = None,
        score_max: float | None = None,
        risk_min: float | None = None,
        search: str = "",
        regex: bool = False,
        side: str | None = None,
    ) -> None:
        """Set every filter at once; a bad regex raises re.error and leaves filters unchanged."""
        pattern = None
        if search:
            pattern = re.compile(search if regex else re.escape(search), re.IGNORECASE)
        modern = hasattr(self, "beginFilterChange")  # Qt >= 6.9
        if modern:
            self.beginFilterChange()
        self.flag, self.status = flag or None, status or None
        self.score_min, self.score_max = score_min, score_max
        self.risk_min = risk_min
        self.search, self.search_side = pattern, side
        if modern:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    # -- sorting: one Python comparison of precomputed keys, not two data() calls ------
    def setSourceModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        super().setSourceModel(model)
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved,
                       model.modelReset, model.layoutChanged):
            signal.connect(self._forget_sort_keys)

    def _forget_sort_keys(self, *_args: Any) -> None:
        self._sort_keys = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_keys = None
        super().sort(column, order)

    def _keys(self) -> list[Any]:
        model = self.sourceModel()
        column = self.sortColumn()
        if not isinstance(model, BeadTableModel):
            return []
        beads = [model.bead(r) for r in range(model.rowCount())]
        if column == model.COL_SOURCE:
            return [model.side_text(r, "source") for r in range(len(beads))]
        if column == model.COL_TARGET:
            return [model.side_text(r, "target") for r in range(len(beads))]
        if column == model.COL_TYPE:
            return [(len(b.source), len(b.target)) for b in beads]
        if column == model.COL_MATCH:
            return [-1.0 if b.score is None else float(b.score) for b in beads]
        if column == model.COL_RISK:
            return [-1.0 if b.risk is None else float(b.risk) for b in beads]
        if column == model.COL_FLAGS:
            return [", ".join(b.flags) for b in beads]
        if column == model.COL_STATUS:
            return [b.status for b in beads]
        return list(range(len(beads)))

    def lessThan(self, left: Any, right: Any) -> bool:  # noqa: N802 - Qt override
        if self._sort_keys is None:
            self._sort_keys = self._keys()
        keys = self._sort_keys
        a, b = left.row(), right.row()
        if a >= len(keys) or b >= len(keys):
            return a < b
        if keys[a] == keys[b]:
            return a < b  # stable: bead order among equals
        return bool(keys[a] < keys[b])

    def is_filtered(self) -> bool:
        return any(
            v is not None
            for v in (self.flag, self.status, self.score_min, self.score_max, self.risk_min,
                      self.search)
        )

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, BeadTableModel) or row >= model.rowCount():
            return True
        bead = model.bead(row)
        if self.flag == "any" and not bead.flags:
            return False
        if self.flag == "unaligned" and bead.source and bead.target:
            return False
        if self.flag == "risky" and not bead.is_risky:
            return False
        if self.flag == "annotated" and row not in model.annotated():
            return False
        if (self.flag not in (None, "any", "unaligned", "risky", "annotated")
                and self.flag not in bead.flags):
            return False
        if self.status and bead.status != self.status:
            return False
        if self.score_min is not None and (bead.score is None or bead.score < self.score_min):
            return False
        if self.score_max is not None and (bead.score is None or bead.score > self.score_max):
            return False
        if self.risk_min is not None and (bead.risk is None or bead.risk < self.risk_min):
            return False
        if self.search is not None:
            sides = (self.search_side,) if self.search_side else ("source", "target")
            if not any(self.search.search(model.side_text(row, s)) for s in sides):
                return False
        return True
