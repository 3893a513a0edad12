"""The GUI's door to the engine. Tests pass a fake with the same methods."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aligner_gui.core.model import AlignmentDocument, Bead

PROJECT_SUFFIXES = (".json", ".aligner", ".aligner.json")


def is_project(path: str | Path) -> bool:
    return str(path).lower().endswith(PROJECT_SUFFIXES)


class Engine:
    """Loading, saving and aligning through the core pipeline and the project format."""

    def load(self, paths: Sequence[str | Path]) -> AlignmentDocument:
        if len(paths) == 1 and is_project(paths[0]):
            from aligner_gui.io.project import load_project

            return load_project(paths[0])
        from aligner_gui.core.pipeline import load_document

        return load_document(list(paths))

    def save(self, document: AlignmentDocument, path: str | Path) -> None:
        from aligner_gui.io.project import save_project

        save_project(document, path)

    def align(
        self,
        document: AlignmentDocument,
        *,
        fixed: Sequence[Bead] = (),
        progress: Callable[[float], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> tuple[list[Bead], dict[str, Any]]:
        from aligner_gui.core.pipeline import run_alignment

        return run_alignment(document, fixed=fixed, progress=progress, cancel=cancel)

    def score(self, document: AlignmentDocument, beads: Sequence[Bead]) -> list[Bead]:
        """Scores and flags for ``beads`` (copies), computed as the engine does after aligning.

        The whole list is scored because scores are normalised over the document.
        """
        from aligner_gui.core.pipeline import get_lexicon
        from aligner_gui.core.scoring import score_beads

        scored = [b.copy() for b in beads]
        score_beads(document.source, document.target, scored, get_lexicon())
        return scored
