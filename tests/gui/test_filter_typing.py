"""Typing a search over a big bead table filters once the typing pauses, not per key."""

from __future__ import annotations

from typing import Any

from test_overview import big_document

from aligner_gui.gui.models import BeadFilterProxy, BeadTableModel
from aligner_gui.gui.panels.bead_filter import BeadFilterBar


def test_search_on_a_big_table_filters_after_the_pause(qtbot: Any) -> None:
    doc = big_document()
    model = BeadTableModel()
    model.set_document(doc)
    proxy = BeadFilterProxy()
    proxy.setSourceModel(model)
    bar = BeadFilterBar(proxy)
    qtbot.addWidget(bar)
    passes: list[str] = []
    real = proxy.set_filters

    def counted(**filters: Any) -> None:
        passes.append(filters["search"])
        real(**filters)

    proxy.set_filters = counted  # type: ignore[method-assign]
    for text in ("s", "s1", "s12", "s123", "s1234."):  # typed key by key
        bar.search.setText(text)
    assert passes == [] and bar.pending() and proxy.rowCount() == len(doc.beads)
    qtbot.waitUntil(lambda: not bar.pending(), timeout=5000)
    assert passes == ["s1234."]  # one pass over 10,000 beads, for what was typed
    assert proxy.rowCount() == 2  # source sentence s1234. and target sentence s1234.
    bar.search.setText("s9999")
    bar.search.returnPressed.emit()  # Enter filters at once
    assert passes[-1] == "s9999" and not bar.pending()


def test_the_search_box_keeps_room_in_a_narrow_bar(qtbot: Any) -> None:
    """On a narrow table (about 730 px) the flag list shrinks to what is chosen (it still
    opens wide) and the search box keeps room to type in."""
    proxy = BeadFilterProxy()
    proxy.setSourceModel(BeadTableModel())
    bar = BeadFilterBar(proxy)
    qtbot.addWidget(bar)
    bar.resize(730, 30)
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.search.width() >= bar.search.fontMetrics().horizontalAdvance("x" * 12)
    assert bar.minimumSizeHint().width() <= 800  # the window still fits a 1280-px screen
    widest = max(bar.flag.fontMetrics().horizontalAdvance(bar.flag.itemText(k))
                 for k in range(bar.flag.count()))
    assert bar.flag.view().minimumWidth() >= widest  # the list still shows whole names
