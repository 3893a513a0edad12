"""Matching keys across the sides: exact, or by a shared stem prefix ("verif"/"verifi")."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

# Stems sharing this many leading letters (and all but two of the shorter) match.
STEM_PREFIX = 5


def common_prefix(a: str, b: str) -> int:
    """How many leading letters two keys share."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


class KeySet:
    """A set of match keys with a lazily built prefix index for stem fuzz."""

    __slots__ = ("keys", "_prefix")

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = keys if isinstance(keys, (set, frozenset)) else frozenset(keys)
        self._prefix: dict[str, tuple[str, ...]] | None = None

    def prefix(self) -> dict[str, tuple[str, ...]]:
        if self._prefix is None:
            index: dict[str, list[str]] = {}
            for k in self.keys:
                if len(k) >= STEM_PREFIX and k[0] not in "#~":
                    index.setdefault(sys.intern(k[:STEM_PREFIX]), []).append(k)
            # Kept for every sentence of the document: interned heads and tuples take
            # a third of the memory of fresh strings and lists (70 MB on 35,000 verses).
            self._prefix = {head: tuple(keys) for head, keys in index.items()}
        return self._prefix


class KeyIndex:
    """The keys of one side of a bead (one part per sentence, cached per sentence)."""

    __slots__ = ("parts",)

    def __init__(self, parts: Sequence[KeySet] | Iterable[str]) -> None:
        if isinstance(parts, (set, frozenset)):
            parts = [KeySet(parts)]
        self.parts: list[KeySet] = list(parts)  # type: ignore[arg-type]

    def covers(self, keys: frozenset[str] | set[str]) -> bool:
        """Whether any of ``keys`` is present (exactly or by a shared stem prefix)."""
        for part in self.parts:
            if not part.keys.isdisjoint(keys):
                return True
        return self._fuzzy(keys) is not None

    def hit(self, keys: Iterable[str]) -> str | None:
        """The first of ``keys`` present here (exactly or by a shared stem prefix)."""
        parts = self.parts
        pending = []
        for key in keys:
            for part in parts:
                if key in part.keys:
                    return key
            if len(key) >= STEM_PREFIX and key[0] not in "#~":
                pending.append(key)
        return self._fuzzy(pending)

    def _fuzzy(self, keys: Iterable[str]) -> str | None:
        parts = self.parts
        for key in keys:
            if len(key) < STEM_PREFIX or key[0] in "#~":
                continue
            head = key[:STEM_PREFIX]
            for part in parts:
                for other in part.prefix().get(head, ()):
                    # "verif"/"verifi", "russian"/"russia"; also "intern"/"internet" and
                    # "commit"/"committe" (a cap on the length difference, 2 or 3 letters,
                    # moved benchmarks/coverage_lens.py by at most .6 points either way).
                    if common_prefix(key, other) >= min(len(key), len(other)) - 2:
                        return other
        return None
