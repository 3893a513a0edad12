"""Coarse levels of the banded search: equal-length blocks and their rarer words."""

from __future__ import annotations

import numpy as np

from aligner_gui.core.align.features import Units

# Item frequency above which a word is ignored at coarse levels (too common to locate).
COARSE_MAX_DF = 0.2


def coarse_bounds(length: np.ndarray, blocks: int) -> np.ndarray:
    """Block boundaries cutting a side into ``blocks`` pieces of about equal length.

    Both sides are cut into the same number of equal-length pieces, so the coarse path
    runs near the diagonal with mostly 1-1 blocks even when one side has many more
    (shorter) sentences than the other.
    """
    n = len(length)
    if blocks >= n:
        return np.arange(n + 1, dtype=np.int64)
    cum = np.cumsum(np.maximum(length, 1.0))
    targets = cum[-1] * np.arange(1, blocks) / blocks
    cuts = np.searchsorted(cum, targets, side="left") + 1
    bounds = np.unique(np.concatenate([[0], np.clip(cuts, 1, n - 1), [n]]))
    return bounds.astype(np.int64)


def drop_frequent(x: Units, y: Units) -> tuple[Units, Units]:
    """Coarse-level items: rarer words only, each at most once per unit.

    Frequent items say little about position and dominate the cost of the match join;
    repeated items in a block add nothing. Positions left without items are dropped, so
    coverage is measured over what can match.
    """
    if len(y.occ_item) == 0 or len(x.occ_item) == 0:
        return x, y
    top = int(max(y.occ_item.max(), x.occ_item.max())) + 1
    key = np.unique(y.occ_unit * top + y.occ_item)
    df = np.bincount(key % top, minlength=top)
    limit = max(3.0, COARSE_MAX_DF * y.n)
    return _compact(x, df[x.occ_item] <= limit, top), _compact(y, df[y.occ_item] <= limit, top)


def _compact(u: Units, keep: np.ndarray, top: int) -> Units:
    unit, pos, item = u.occ_unit[keep], u.occ_pos[keep], u.occ_item[keep]
    if len(unit) == 0:
        return Units(u.length, np.zeros(u.n, dtype=np.int64), unit, pos, item)
    order_key = unit * (int(pos.max()) + 1) + pos
    if np.any(order_key[1:] < order_key[:-1]):
        order = np.argsort(order_key, kind="stable")
        unit, pos, item = unit[order], pos[order], item[order]
    # One occurrence per (unit, item): the first, i.e. at the lowest position.
    _uniq, first = np.unique(unit * top + item, return_index=True)
    first.sort()
    unit, pos, item = unit[first], pos[first], item[first]
    # Renumber the surviving positions densely within each unit.
    new = np.r_[True, (unit[1:] != unit[:-1]) | (pos[1:] != pos[:-1])]
    rank = np.cumsum(new) - 1
    n_items = np.bincount(unit[new], minlength=u.n).astype(np.int64)
    start = np.zeros(u.n + 1, dtype=np.int64)
    np.cumsum(n_items, out=start[1:])
    return Units(u.length, n_items, unit, rank - start[unit], item)
