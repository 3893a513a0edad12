"""Shared test setup: Qt runs offscreen, shared data is located once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_730210bb8f392e85.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def mac_dev() -> Path:
    path = SHARED_DATA / "mac-dev"
    if not path.is_dir():
        pytest.skip("../shared/data/mac-dev is not present")
    return path
