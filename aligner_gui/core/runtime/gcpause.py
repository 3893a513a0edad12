"""Whole-document passes with Python's cyclic garbage collector paused."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The dictionary and the per-sentence caches hold millions of small objects, none of
    them cyclic garbage: a collection in the middle of a pass over 10,000 beads costs more
    than the pass. Nests safely (the outermost one restores the collector)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
