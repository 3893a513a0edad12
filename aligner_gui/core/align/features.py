"""Per-unit features for the aligner and the lexical match masks of unit pairs.

A *unit* is a sentence, a paragraph, or a block of consecutive units (coarse levels).
The x side is always Chinese-like (words with sets of candidate English stems), the y
side English-like (content stems). Both sides are stored flat as numpy occurrence
arrays, so merging units and matching pairs are vectorised.

For a pair of units (i, j) the *match masks* say which words of i have a translation
in j (bits over i's words) and which tokens of j are translated by some word of i
(bits over j's tokens). ORing masks over the sentences of a bead gives exact coverage
counts for merged sentences (a word matched twice counts once), which is what lets
the cost treat a 1-3 bead as one unit rather than as a sum of pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_POP8 = np.array([bin(v).count("1") for v in range(256)], dtype=np.uint8)


def popcount(a: np.ndarray) -> np.ndarray:
    """Bits set per element of a uint64 array (numpy >= 2 has a ufunc for it)."""
    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(a).astype(np.int64)
    b = a.view(np.uint8).reshape(a.shape + (8,))
    return _POP8[b].sum(axis=-1, dtype=np.int64)


@dataclass
class Units:
    """One side's units. ``occ_*`` list item occurrences: unit, position in unit, item id.

    ``n_items[u]`` is the number of positions in unit u (an x position is a word, which
    may have several candidate stems, so it can occur several times in occ arrays).
    """

    length: np.ndarray  # float64 (chars)
    n_items: np.ndarray  # int64, positions per unit
    occ_unit: np.ndarray  # int64
    occ_pos: np.ndarray  # int64
    occ_item: np.ndarray  # int64
    # Optional per-unit cues (paragraph level): a discount on leaving the unit
    # unaligned (1-0 / 0-1 beads) and a penalty for merging it with other units.
    skip_bonus: np.ndarray | None = None
    merge_penalty: np.ndarray | None = None
    # ... and a penalty for pairing it with units of the other side that are not furniture
    # (a translation's own note, source line or share line translates nothing there).
    pair_penalty: np.ndarray | None = None
    # Units that are no furniture but pair with it as if they were (a Chinese title line
    # with the English headline): no pair_penalty of the other side's unit applies.
    pairs_as_furniture: np.ndarray | None = None
    # Sentence level: the penalty for a bead that runs across the start of a paragraph at
    # this unit (translators keep paragraphs; a sentence glued across one is more often
    # an omission beside a translated sentence than a merge). 0 where none starts.
    para_start: np.ndarray | None = None
    # Penalty for holding the unit in a merged bead (k >= 2 on its side): its numbers that
    # no sentence of the other side has (a sentence whose translation was lost).
    orphan_numbers: np.ndarray | None = None
    # Units an editor fixed as unaligned (1-0 / 0-1): no paired bead may hold them.
    forced: np.ndarray | None = None
    # Expected y/x length ratio at each (x) unit, learned along the document.
    ratio: np.ndarray | None = None
    # Match rates (px, py) of true translations at each (x) unit, learned along the text.
    match_rate: np.ndarray | None = None
    # Does the unit open / close a quotation (1.0 or 0.0)?
    qopen: np.ndarray | None = None
    qclose: np.ndarray | None = None

    @property
    def n(self) -> int:
        return len(self.length)

    @staticmethod
    def empty_like(n: int, length: np.ndarray) -> Units:
        z = np.zeros(0, dtype=np.int64)
        return Units(np.asarray(length, dtype=np.float64), np.zeros(n, np.int64), z, z, z)

    def subset(self, start: int, stop: int) -> Units:
        """Units start..stop-1, renumbered from 0.

        The occurrence arrays of all the units are shared, not copied (nothing writes
        into them): a document aligned as one group would otherwise hold them three times.
        """
        if start == 0 and stop == self.n:
            occ = (self.occ_unit, self.occ_pos, self.occ_item)
        else:
            m = (self.occ_unit >= start) & (self.occ_unit < stop)
            occ = (self.occ_unit[m] - start, self.occ_pos[m], self.occ_item[m])
        forced = self.forced[start:stop].copy() if self.forced is not None else None
        return Units(
            self.length[start:stop].copy(),
            self.n_items[start:stop].copy(),
            *occ,
            forced=forced if forced is not None and forced.any() else None,
            ratio=self.ratio[start:stop].copy() if self.ratio is not None else None,
            match_rate=self.match_rate[start:stop].copy() if self.match_rate is not None else None,
            qopen=self.qopen[start:stop].copy() if self.qopen is not None else None,
            qclose=self.qclose[start:stop].copy() if self.qclose is not None else None,
            para_start=self.para_start[start:stop].copy() if self.para_start is not None else None,
            orphan_numbers=(self.orphan_numbers[start:stop].copy()
                            if self.orphan_numbers is not None else None),
        )

    def merge(self, bounds: np.ndarray) -> Units:
        """Concatenate consecutive units: new unit g covers old bounds[g]..bounds[g+1]-1."""
        bounds = np.asarray(bounds, dtype=np.int64)
        group = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))
        item_start = np.zeros(self.n + 1, dtype=np.int64)
        np.cumsum(self.n_items, out=item_start[1:])
        # Position of a unit's first item inside its group.
        shift = item_start[:-1] - item_start[bounds[:-1]][group]
        length = np.add.reduceat(self.length, bounds[:-1]) if self.n else self.length[:0]
        n_items = np.add.reduceat(self.n_items, bounds[:-1]) if self.n else self.n_items[:0]
        empty = bounds[:-1] == bounds[1:]
        if empty.any():
            length = np.where(empty, 0.0, length)
            n_items = np.where(empty, 0, n_items)
        ratio = None
        if self.ratio is not None and self.n:
            w = np.maximum(self.length, 1.0)
            ratio = np.add.reduceat(self.ratio * w, bounds[:-1]) / np.add.reduceat(w, bounds[:-1])
        return Units(
            length.astype(np.float64),
            n_items.astype(np.int64),
            group[self.occ_unit],
            self.occ_pos + shift[self.occ_unit],
            self.occ_item,
            ratio=ratio,
            qopen=self.qopen[bounds[:-1]] if self.qopen is not None and self.n else None,
            qclose=self.qclose[bounds[1:] - 1] if self.qclose is not None and self.n else None,
        )


@dataclass
class PairMasks:
    """Match masks of the unit pairs (i, j) with plo[i] <= j <= phi[i]; row P is zero."""

    plo: np.ndarray
    phi: np.ndarray
    poff: np.ndarray
    mask_x: np.ndarray  # (P + 1, wx) uint64
    mask_y: np.ndarray  # (P + 1, wy) uint64

    @property
    def npairs(self) -> int:
        return int(self.poff[-1])

    def index(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        n = len(self.plo)
        ok = (i >= 0) & (i < n)
        ic = np.where(ok, i, 0)
        ok &= (j >= self.plo[ic]) & (j <= self.phi[ic])
        return np.where(ok, self.poff[ic] + j - self.plo[ic], self.npairs)


def _words(n_positions: np.ndarray) -> int:
    top = int(n_positions.max()) if len(n_positions) else 0
    return max(1, min(16, (top + 63) // 64))


def pair_masks(x: Units, y: Units, plo: np.ndarray, phi: np.ndarray) -> PairMasks:
    """Match masks for the pair band (vectorised join of item occurrences)."""
    plo = np.asarray(plo, dtype=np.int64)
    phi = np.asarray(phi, dtype=np.int64)
    width = np.maximum(phi - plo + 1, 0)
    poff = np.zeros(x.n + 1, dtype=np.int64)
    np.cumsum(width, out=poff[1:])
    P = int(poff[-1])
    wx, wy = _words(x.n_items), _words(y.n_items)
    mask_x = np.zeros((P + 1, wx), dtype=np.uint64)
    mask_y = np.zeros((P + 1, wy), dtype=np.uint64)
    result = PairMasks(plo, phi, poff, mask_x, mask_y)
    if P == 0 or len(x.occ_item) == 0 or len(y.occ_item) == 0:
        return result
    stride = np.int64(y.n + 1)
    ykey = y.occ_item * stride + y.occ_unit
    order = np.argsort(ykey, kind="stable")
    ykey = ykey[order]
    xi = x.occ_unit
    left = np.searchsorted(ykey, x.occ_item * stride + plo[xi], side="left")
    right = np.searchsorted(ykey, x.occ_item * stride + phi[xi], side="right")
    counts = np.maximum(right - left, 0)
    total = int(counts.sum())
    if total == 0:
        return result
    if total > _JOIN_BLOWUP * (len(x.occ_item) + len(y.occ_item)):
        # A word repeated many times in units of both sides (a line of one word said 160
        # times took 100 s): join distinct (item, unit) groups instead, then spread each
        # match over its own side's occurrences. ORing the same bits again changes
        # nothing, so the masks are the same; on ordinary text (at most 10 matches per
        # occurrence) the direct join is faster.
        _grouped_masks(x, y, plo, phi, result)
        return result
    occ = np.repeat(np.arange(len(xi)), counts)
    yidx = left[occ] + (np.arange(total, dtype=np.int64) - _starts(counts)[occ])
    i = xi[occ]
    j = y.occ_unit[order][yidx]
    pair = poff[i] + j - plo[i]
    _or_into(mask_x, pair, x.occ_pos[occ], wx)
    _or_into(mask_y, pair, y.occ_pos[order][yidx], wy)
    return result


_JOIN_BLOWUP = 32  # matches per occurrence above which pair_masks joins groups


def _grouped_masks(x: Units, y: Units, plo: np.ndarray, phi: np.ndarray,
                   result: PairMasks) -> None:
    stride = np.int64(max(x.n, y.n) + 1)
    gx_key, gx_start, gx_count, x_order = _groups(x.occ_item * stride + x.occ_unit)
    gy_key, gy_start, gy_count, y_order = _groups(y.occ_item * stride + y.occ_unit)
    gx_item, gx_unit = np.divmod(gx_key, stride)
    lo = np.clip(plo[gx_unit], 0, y.n)  # a band reaching past either end stays in its item
    hi = np.clip(phi[gx_unit], -1, y.n - 1)
    left = np.searchsorted(gy_key, gx_item * stride + lo, side="left")
    right = np.searchsorted(gy_key, gx_item * stride + hi, side="right")
    counts = np.maximum(right - left, 0)
    total = int(counts.sum())
    gx = np.repeat(np.arange(len(gx_key)), counts)
    gy = left[gx] + (np.arange(total, dtype=np.int64) - _starts(counts)[gx])
    i = gx_unit[gx]
    pair = result.poff[i] + gy_key[gy] % stride - plo[i]
    wx, wy = result.mask_x.shape[1], result.mask_y.shape[1]
    _spread_into(result.mask_x, pair, gx_start[gx], gx_count[gx], x.occ_pos[x_order], wx)
    _spread_into(result.mask_y, pair, gy_start[gy], gy_count[gy], y.occ_pos[y_order], wy)


def _groups(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(distinct keys sorted, start and count of each in the sorted order, the order)."""
    order = np.argsort(keys, kind="stable")
    distinct, start, count = np.unique(keys[order], return_index=True, return_counts=True)
    return distinct, start.astype(np.int64), count.astype(np.int64), order


def _starts(counts: np.ndarray) -> np.ndarray:
    start = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=start[1:])
    return start


def _spread_into(mask: np.ndarray, pair: np.ndarray, start: np.ndarray, count: np.ndarray,
                 positions: np.ndarray, words: int) -> None:
    """Each matched pair's bits for every occurrence of its group (start, count in the
    sorted ``positions``)."""
    total = int(count.sum())
    which = np.repeat(np.arange(len(pair)), count)
    index = start[which] + (np.arange(total, dtype=np.int64) - _starts(count)[which])
    _or_into(mask, pair[which], positions[index], words)


def _or_into(mask: np.ndarray, pair: np.ndarray, pos: np.ndarray, words: int) -> None:
    """mask[pair, word(pos)] |= bit(pos), with positions beyond the mask folded in."""
    pos = pos % (64 * words)
    word = pos // 64
    bit = np.left_shift(np.uint64(1), (pos % 64).astype(np.uint64))
    key = pair * words + word
    np.bitwise_or.at(mask.reshape(-1), key, bit)


def build_units(lengths: Sequence[float], items: Sequence[Sequence[Sequence[int]]]) -> Units:
    """Units from per-unit lists of positions, each position a list of item ids."""
    n = len(lengths)
    n_items = np.array([len(u) for u in items], dtype=np.int64)
    ou: list[int] = []
    op: list[int] = []
    oi: list[int] = []
    for u, positions in enumerate(items):
        for p, ids in enumerate(positions):
            for item in ids:
                ou.append(u)
                op.append(p)
                oi.append(item)
    return Units(
        np.asarray(lengths, dtype=np.float64).reshape(n),
        n_items,
        np.asarray(ou, dtype=np.int64),
        np.asarray(op, dtype=np.int64),
        np.asarray(oi, dtype=np.int64),
    )
