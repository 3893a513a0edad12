"""The parallel warm-up finds per-sentence analyses ready without changing any result."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner_gui.core import pipeline, warmup
from aligner_gui.core.lexicon.lexicon import Lexicon
from aligner_gui.core.runtime import forked
from aligner_gui.io.project import to_dict

NEWS = Path(__file__).parents[1] / "data" / "news" / "news_01_economy.txt"


def _aligned(monkeypatch: pytest.MonkeyPatch, lexicon: Lexicon, fork: bool) -> dict:
    monkeypatch.setattr(forked, "can_fork", lambda: fork)
    monkeypatch.setattr(warmup, "MIN_SENTENCES", 0)
    doc = pipeline.load_document([NEWS])
    pipeline.align_document(doc, lexicon=lexicon)
    data = to_dict(doc)
    data["meta"].pop("created", None)
    return data


def test_warm_caches_change_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    serial = _aligned(monkeypatch, Lexicon.load(cache_dir=tmp_path), fork=False)
    fresh = Lexicon.load(cache_dir=tmp_path)  # no caches from the serial run
    doc = pipeline.load_document([NEWS])
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(warmup, "MIN_SENTENCES", 0)
    assert warmup.warm_up(doc.source, doc.target, fresh)
    # Sentences the child analysed are found in this process's memos.
    zh_side = doc.source if doc.source.lang == "zh" else doc.target
    assert all(s.text in fresh.memo_tables()["zh_content"] for s in zh_side.sentences)
    parallel = _aligned(monkeypatch, fresh, fork=True)
    assert parallel == serial
