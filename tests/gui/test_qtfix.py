"""The PySide6 6.12 reference-leak workaround keeps None and True alive."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

from aligner_gui.gui import qtfix


class _Emitter(QObject):
    fired = Signal(bool)


def test_many_void_calls_and_emits_do_not_exhaust_singletons() -> None:
    if not qtfix.affected():
        pytest.skip("this PySide6/Python does not drop references")
    assert qtfix.apply()
    emitter = _Emitter()
    emitter.fired.connect(lambda _flag: None)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20000):  # more than None's natural reference count in a small process
        emitter.setObjectName("x")
        emitter.fired.emit(True)
    assert sys.getrefcount(None) > 1 << 40 and sys.getrefcount(True) > 1 << 40
    assert before[0] - sys.getrefcount(None) <= 20000
