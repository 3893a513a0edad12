"""Helpers shared by the batch tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aligner_gui.io.errors import ProjectWriteError


@pytest.fixture
def fail_writing(monkeypatch) -> Callable[[Any, str, str, str], None]:
    """Make the writer ``owner.attr`` fail for one file (named by its first path argument)."""

    def patch(owner: Any, attr: str, file_name: str, reason: str) -> None:
        real = getattr(owner, attr)

        def writer(*args: Any, **options: Any) -> Any:
            path = next(a for a in args if isinstance(a, (str, Path)))
            if Path(path).name == file_name:
                raise ProjectWriteError(f"cannot write {path}: {reason}")
            return real(*args, **options)

        monkeypatch.setattr(owner, attr, writer)

    return patch
