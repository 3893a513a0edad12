"""Stage the README screenshots in the real window; run under shot.sh (Xvfb + fonts-noto-cjk).

    HOME=$(mktemp -d) /work/shared/tools/shot.sh docs/screenshots/main-window.png 12 -- \\
        python docs/screenshots/shoot.py main        # or: annotations, lens, risk

Opens the bundled seed with fresh settings, waits for the alignment, sets up the
view named on the command line and leaves the window open for the screenshot.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer


def stage(window, which: str) -> None:  # noqa: ANN001
    doc = window.document
    text = doc.source.text

    def bead_at(side: str, needle: str) -> int:
        offset = doc.side(side).text.index(needle)
        return doc.bead_of_sentence(side, window.pane(side).sentence_at(offset))

    if which == "main":  # a dropped more-link: where it would stand in the Chinese
        window.select_bead(bead_at("source", "MORE: Lawmakers"))
    elif which == "annotations":
        review = window.review
        window.select_bead(0)
        window.actions.mark_omission.trigger()
        review.set_severity("minor")
        window.select_bead(bead_at("source", "MORE: Lawmakers"))
        window.actions.mark_omission.trigger()
        review.set_severity("neutral")
        needle = "这一立场只有在美国方面不"
        start = doc.target.text.index(needle)
        window.select_span("target", start, start + len(needle))
        window.actions.mark_mistranslation.trigger()
        review.set_severity("major")
        annotation = window.annotation_editor.annotation_id
        review.change_annotation(annotation, {
            "comment": "“only if the US makes no additional demands” is reversed",
            "correction": "这一立场只有在美方不提出任何额外要求的情况下才能得到严格执行",
            "tags": ["meaning"]})
        window.show_annotation(annotation)
        window.findChild(type(window._docks[0]), "scoresDock").raise_()  # the MQM figures
    elif which == "lens":
        window.actions.coverage_lens.setChecked(True)
        start = text.index("A disagreement over whether verification")
        window.select_bead(bead_at("source", text[start:start + 40]) - 1)  # the lens, not the
        window.source_pane.scroll_to_offset(start, lines_above=5)           # current-bead tint
        target = doc.target.text.index("卡内基国际和平基金会")
        window.target_pane.scroll_to_offset(target, lines_above=5)
        window.findChild(type(window._docks[0]), "scoresDock").raise_()
    elif which == "risk":  # the bead table read riskiest first; the idioms check's bead
        from PySide6.QtCore import Qt

        from aligner_gui.gui.models.beads import BeadTableModel

        window.bead_view.sortByColumn(BeadTableModel.COL_RISK, Qt.SortOrder.DescendingOrder)
        window.select_bead(bead_at("target", "这将球扔回美国法院"))
        window.findChild(type(window._docks[0]), "suggestionDock").raise_()
    window.undo_stack.setClean()  # nothing to ask about when shot.sh ends the process


def main() -> int:
    which = sys.argv[1] if len(sys.argv) > 1 else "main"
    from aligner_gui.gui import create_main_window
    from aligner_gui.gui.application import make_application
    from aligner_gui.gui.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="aligner-shot-"))
    settings = Settings.from_file(folder / "settings.ini")
    settings.recovery_dir_override = str(folder / "recovery")
    app = make_application([sys.argv[0]], "en")
    window = create_main_window(None, settings=settings)
    window.resize(1500, 920)
    window.show()

    def when_aligned() -> None:
        if window.alignment_running() or window.document is None or not window.document.beads:
            QTimer.singleShot(100, when_aligned)
            return
        stage(window, which)

    QTimer.singleShot(100, when_aligned)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
