"""The small document the format tests share (a uniquely named module: conftest names clash)."""

from __future__ import annotations

from aligner_gui.core.model import Bead, Side
from aligner_gui.io.format_helpers import side_from_paragraphs


def sample_parts() -> tuple[Side, Side, list[Bead]]:
    """Two paragraphs a side, every bead kind the formats must carry: 1-1, 1-0, 0-1, 2-1."""
    source = side_from_paragraphs(
        "en",
        "original",
        [
            ["The cat sat.", "It purred <loudly> & long.", "A headline."],
            ["MORE: Read on.", "Second half."],
        ],
    )
    target = side_from_paragraphs(
        "zh",
        "translation",
        [
            ["猫坐着。", "它大声地呼噜。"],
            ["多余的一句。", "更多：继续阅读。"],
        ],
    )
    beads = [
        Bead((0,), (0,), 0.9, "auto"),
        Bead((1,), (1,), 0.4123, "confirmed", ["low-score"]),
        Bead((2,), (), None, "manual", ["omission", "headline"]),
        Bead((), (2,), None, "auto", ["addition"]),
        Bead((3, 4), (3,), 0.7, "auto"),
    ]
    return source, target, beads
