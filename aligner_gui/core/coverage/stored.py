"""A bead's uncovered spans as stored, read without the engine (the GUI imports it early)."""

from __future__ import annotations

from typing import Any

from aligner_gui.core.model import UNCOVERED_KEY, Bead


def stored_uncovered(bead: Bead) -> list[dict[str, Any]] | None:
    """The bead's stored spans, none for a one-sided bead, else None: to be computed."""
    stored = bead.details.get(UNCOVERED_KEY)
    if stored is not None:
        return list(stored)
    if not (bead.source and bead.target):
        return []
    return None
