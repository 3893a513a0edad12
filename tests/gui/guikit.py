"""Fakes and builders for the GUI tests (a uniquely named module: conftest names clash)."""


from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aligner_gui.core.errors import Cancelled
from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side
from aligner_gui.gui.dialogs.messages import CloseAnswer

EN = [
    "Russia and the U.S. move toward a deal.",
    "MORE: Read the full story here.",
    "The treaty limits each side to 1,550 warheads.",
    "Talks may start next week in Vienna.",
    "Officials declined to comment.",
    "A photo shows the envoy in Vienna.",
]
ZH = [
    "俄罗斯和美国正朝着达成协议迈进。",
    "该条约将双方的弹头限制在1550枚。",
    "会谈可能于下周在维也纳开始。",
    "官员拒绝置评。",
    "这是译者加的一句话。",
]


def _side(lang: str, texts: Sequence[str]) -> Side:
    sep = "\n"  # one sentence per paragraph keeps offsets easy to check
    sentences, pos = [], 0
    for k, text in enumerate(texts):
        sentences.append(Sentence(k, k, pos, pos + len(text), text))
        pos += len(text) + len(sep)
    return Side(lang, "original" if lang == "en" else "translation", sep.join(texts), sentences)


def make_document(beads: Sequence[Bead] = ()) -> AlignmentDocument:
    return AlignmentDocument(_side("en", EN), _side("zh", ZH), beads)


def fake_beads() -> list[Bead]:
    # As the engine scores them; paired beads carry its word coverage (nothing uncovered).
    return [
        Bead((0,), (0,), 0.92, "auto", [], {"uncovered": []}),
        Bead((1,), (), 0.0, "auto", ["omission", "more-link"]),
        Bead((2,), (1,), 0.35, "auto", ["low-score"], {"uncovered": []}),
        Bead((3,), (2,), 0.88, "auto", [], {"uncovered": []}),
        Bead((4,), (3,), 0.95, "auto", [], {"uncovered": []}),
        Bead((5,), (), 0.0, "auto", ["omission", "photo-caption"]),
        Bead((), (4,), 0.0, "auto", ["addition"]),
    ]


class FakeEngine:
    """Loads the fixed document above (or a real project), aligns it instantly."""

    def __init__(self) -> None:
        self.align_calls: list[dict[str, Any]] = []
        self.block: Callable[[], None] | None = None

    def load(self, paths: Sequence[str | Path]) -> AlignmentDocument:
        path = Path(paths[0])
        if path.suffix == ".json":
            from aligner_gui.io.project import load_project

            return load_project(path)
        if not path.exists():
            from aligner_gui.core.errors import InputError

            raise InputError(f"{path.name}: no such file")
        return make_document()

    def save(self, document: AlignmentDocument, path: str | Path) -> None:
        from aligner_gui.io.project import save_project

        save_project(document, path)

    def align(self, document: AlignmentDocument, *, fixed: Sequence[Bead] = (),
              progress: Any = None, cancel: Any = None) -> tuple[list[Bead], dict[str, Any]]:
        self.align_calls.append({"fixed": [b.copy() for b in fixed]})
        if self.block is not None:
            self.block()
        if cancel is not None and cancel():
            raise Cancelled("cancelled")
        if progress is not None:
            progress(0.5)
            progress(1.0)
        return fake_beads(), {"mean_score": 0.77}


class ScoringEngine(FakeEngine):
    """Also scores edited beads: paired beads 0.5, one-sided beads 0 with a flag."""

    def score(self, document: AlignmentDocument, beads: Sequence[Bead]) -> list[Bead]:
        scored = [b.copy() for b in beads]
        for bead in scored:
            if bead.source and bead.target:
                bead.score = 0.5
            else:
                bead.score = 0.0
                bead.flags = ["omission"] if bead.source else ["addition"]
        return scored


class Recorder:
    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.close_answer = CloseAnswer.DISCARD
        self.asked: list[str] = []

    def report_error(self, _parent: Any, title: str, message: str) -> None:
        self.errors.append((title, message))

    def ask_save(self, _parent: Any, name: str) -> CloseAnswer:
        self.asked.append(name)
        return self.close_answer
