"""A bounded memo of a one-argument function whose table can be read and filled.

``functools.lru_cache`` hides its table; the engine's per-sentence caches are filled by
the parallel warm-up (:mod:`aligner_gui.core.warmup`), so they are plain dicts.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

V = TypeVar("V")


def remember(table: dict[Any, V], key: Hashable, value: V, limit: int) -> V:
    """Store ``value`` under ``key``, emptying ``table`` first when it holds ``limit``
    entries (a long-lived process must not grow without bound); returns ``value``."""
    if len(table) >= limit:
        table.clear()
    table[key] = value
    return value


class Memo(Generic[V]):
    """``fn(key)``, remembered; the table is emptied when it reaches ``limit`` entries."""

    def __init__(self, fn: Callable[[Any], V], limit: int) -> None:
        self.fn = fn
        self.limit = limit
        self.table: dict[Hashable, V] = {}

    def __call__(self, key: Hashable) -> V:
        table = self.table
        try:
            return table[key]
        except KeyError:
            pass
        return remember(table, key, self.fn(key), self.limit)
