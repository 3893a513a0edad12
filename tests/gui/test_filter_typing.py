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
