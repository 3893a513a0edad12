"""The aligner's match masks: which words of a unit pair have a match on the other side."""

from __future__ import annotations

import numpy as np
import pytest

from aligner_gui.core.align import features


def naive_masks(x_items, y_items, plo, phi, wx, wy):
    """Per band pair (i, j): bit p of x set when a word at p of x unit i has an item in y
    unit j (and the same for y), positions folded into the mask's width."""
    pairs = [(i, j) for i in range(len(x_items)) for j in range(plo[i], phi[i] + 1)]
    mask_x = np.zeros((len(pairs) + 1, wx), dtype=np.uint64)
    mask_y = np.zeros((len(pairs) + 1, wy), dtype=np.uint64)
    for k, (i, j) in enumerate(pairs):
        x_set = {item for ids in x_items[i] for item in ids}
        y_set = {item for ids in y_items[j] for item in ids}
        for mask, positions, other, width in ((mask_x, x_items[i], y_set, wx),
                                              (mask_y, y_items[j], x_set, wy)):
            for p, ids in enumerate(positions):
                if other.intersection(ids):
                    q = p % (64 * width)
                    mask[k, q // 64] |= np.uint64(1) << np.uint64(q % 64)
    return mask_x, mask_y


@pytest.mark.parametrize("blowup", [0, 10**9])  # the grouped join, the direct join
def test_pair_masks_match_a_naive_reading(monkeypatch, blowup) -> None:
    monkeypatch.setattr(features, "_JOIN_BLOWUP", blowup)
    rng = np.random.default_rng(7)
    for _trial in range(60):
        nx, ny = int(rng.integers(1, 12)), int(rng.integers(1, 12))

        def items(n):
            return [[[int(v) for v in rng.integers(0, 9, size=rng.integers(0, 3))]
                     for _ in range(int(rng.integers(0, 80)))] for _u in range(n)]

        xi, yi = items(nx), items(ny)
        x = features.build_units([1.0] * nx, xi)
        y = features.build_units([1.0] * ny, yi)
        centre = np.sort(rng.integers(0, ny, size=nx))
        reach = rng.integers(0, 4, size=nx)
        plo, phi = np.maximum(centre - reach, 0), np.minimum(centre + reach, ny - 1)
        got = features.pair_masks(x, y, plo, phi)
        want_x, want_y = naive_masks(xi, yi, plo, phi, got.mask_x.shape[1], got.mask_y.shape[1])
        assert (got.mask_x == want_x).all() and (got.mask_y == want_y).all()


def test_a_word_repeated_in_long_units_is_not_a_quadratic_join(monkeypatch) -> None:
    """A line of one word said 160 times a sentence took 100 s to align: every occurrence
    was joined with every occurrence of the other unit."""
    written = []
    real = features._or_into
    monkeypatch.setattr(features, "_or_into",
                        lambda mask, pair, pos, words: (written.append(len(pair)),
                                                        real(mask, pair, pos, words)))
    units = [[[5]] * 400 for _ in range(40)]
    x = features.build_units([1.0] * 40, units)
    plo, phi = np.maximum(np.arange(40) - 3, 0), np.minimum(np.arange(40) + 3, 39)
    masks = features.pair_masks(x, x, plo, phi)
    pairs = int((phi - plo + 1).sum())
    assert sum(written) == 2 * pairs * 400  # each occurrence once per pair, not 400 times
    assert masks.mask_x[:-1].all() and masks.mask_y[:-1].all()
