"""Accepting or dismissing a suggestion checks only its bead (no whole-document pass on
the GUI thread), by the same rules as the suggestion list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from aligner_gui.core import offers
from aligner_gui.gui.engine import Engine

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_730210bb8f392e85.txt"


def _open(window: Any) -> set[tuple[int, str]]:
    return {(s.bead, s.flag) for s in offers.suggestions(window.document)}


@pytest.mark.parametrize("real", [False, True])
def test_still_open_agrees_with_the_list_and_never_recomputes_it(
    make_window: Any, monkeypatch: pytest.MonkeyPatch, real: bool
) -> None:
    window = make_window(SEED, engine=Engine()) if real else make_window()
    offered = offers.suggestions(window.document)
    assert offered
    accepted, dismissed = offered[0], offered[-1]
    everything = offers.suggestions
    calls: list[int] = []

    def counted(doc: Any, **options: Any) -> list[Any]:
        calls.append(1)
        return everything(doc, **options)

    monkeypatch.setattr(offers, "suggestions", counted)
    window.review.accept_suggestion(accepted)
    window.review.dismiss_suggestion(dismissed)
    assert calls == []  # Y and X checked one bead, not the whole document
    monkeypatch.setattr(offers, "suggestions", everything)
    still = _open(window)
    assert (accepted.bead, accepted.flag) not in still
    assert (dismissed.bead, dismissed.flag) not in still
    for suggestion in offered:  # the per-bead check says what the full pass says
        assert window.review._still_open(suggestion) == (
            (suggestion.bead, suggestion.flag) in still), suggestion.flag
    count = len(window.document.annotations)
    window.review.accept_suggestion(accepted)  # a second Y on a stale row does nothing
    assert len(window.document.annotations) == count
