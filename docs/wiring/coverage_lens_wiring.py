# ruff: noqa: E501  (the snippets are copied verbatim from the files they edit)
"""The edits of coverage-lens.patch as a script, for when the GUI files have moved on.

Run from the repository root: ``python docs/wiring/coverage_lens_wiring.py``. Each edit
replaces one exact snippet and stops, naming the file, when a snippet is not found; so
if ``git apply`` (and ``git apply --3way``) fail, this shows what moved. ``git diff``
afterwards is the regenerated patch.
"""
import sys


def edit(path, old, new, count=1):
    s = open(path).read()
    if s.count(old) != count:
        sys.exit(f"{path}: expected {count} match(es) of:\n{old}\nfound {s.count(old)}")
    open(path, 'w').write(s.replace(old, new))

p = 'aligner_gui/gui/panes/text_pane.py'
edit(p, "from bisect import bisect_right\nfrom typing import Any\n",
     "from bisect import bisect_right\nfrom collections.abc import Callable, Iterable\nfrom typing import Any\n")
edit(p, "QUIET_TINT = QColor(128, 128, 128, 22)\n",
     "QUIET_TINT = QColor(128, 128, 128, 22)\n\n"
     "# An add-on's decorations: layer(lo, hi) -> (start, end, format) in code points, for the\n"
     "# visible offsets lo..hi; drawn above the sentence tints, below the bead and annotations.\n"
     "DecorationLayer = Callable[[int, int], Iterable[tuple[int, int, QTextCharFormat]]]\n")
edit(p, "        self.extra_actions: list[QAction] = []  # the window's review actions, for the menu\n",
     "        self.extra_actions: list[QAction] = []  # the window's review actions, for the menu\n"
     "        self._layers: list[DecorationLayer] = []\n")
edit(p, """    def schedule_decorations(self) -> None:
        self._decorate.start()
        self._margin.update()
""", """    def schedule_decorations(self) -> None:
        self._decorate.start()
        self._margin.update()

    def add_decoration_layer(self, layer: DecorationLayer) -> None:
        self._layers.append(layer)
        self.schedule_decorations()

    def remove_decoration_layer(self, layer: DecorationLayer) -> None:
        if layer in self._layers:
            self._layers.remove(layer)
            self.schedule_decorations()
""")
edit(p, """                selections.append(self._selection(span[0], span[1], tint))
        if self.current_bead is not None and self.current_bead < len(doc.beads):
""", """                selections.append(self._selection(span[0], span[1], tint))
        for layer in self._layers:
            for start, end, layer_format in layer(lo, hi):
                selections.append(self._selection(start, end, None, layer_format))
        if self.current_bead is not None and self.current_bead < len(doc.beads):
""")

p = 'aligner_gui/gui/actions.py'
edit(p, """        self.swap_panes = self._make("SwapPanes", self.tr("Swap panes"), ["F8"])
""", """        self.swap_panes = self._make("SwapPanes", self.tr("Swap panes"), ["F8"])
        self.coverage_lens = self._make("CoverageLens", self.tr("Coverage &lens"), ["Ctrl+L"])
        self.coverage_lens.setCheckable(True)
""")
edit(p, """        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset, self.swap_panes])
""", """        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset, self.swap_panes,
                         self.coverage_lens])
""")

p = 'aligner_gui/gui/settings.py'
edit(p, """    panes_swapped = _Setting("view/panes_swapped", False)
""", """    panes_swapped = _Setting("view/panes_swapped", False)
    coverage_lens = _Setting("view/coverage_lens", False)
""")

p = 'aligner_gui/gui/main_window.py'
edit(p, "from aligner_gui.gui.panes import OverviewStrip, TextPane\n",
     "from aligner_gui.gui.panes import OverviewStrip, TextPane\n"
     "from aligner_gui.gui.panes.coverage_lens import CoverageLens\n")
edit(p, """        self.target_pane.setObjectName("targetPane")
""", """        self.target_pane.setObjectName("targetPane")
        self.coverage_lens = CoverageLens([self.source_pane, self.target_pane], self)
""")
edit(p, """        a.swap_panes.triggered.connect(self.swap_panes)
""", """        a.swap_panes.triggered.connect(self.swap_panes)
        self.coverage_lens.bind_action(a.coverage_lens, self.settings)
""")
edit(p, """                       self.scores_panel):""", """                       self.scores_panel, self.coverage_lens):""")

p = 'aligner_gui/gui/panels/scores.py'
edit(p, "from aligner_gui.core.model import AlignmentDocument\n",
     "from aligner_gui.core.model import AlignmentDocument\n"
     "from aligner_gui.gui.panes.coverage_lens import uncovered_share_text\n")
edit(p, """            ("flags", self.tr("Low score / number mismatch")),
""", """            ("flags", self.tr("Low score / number mismatch")),
            ("uncovered", self.tr("Uncovered source words")),
""")
edit(p, """        set_("flags", f"{figures.low_score} / {figures.number_mismatch}")
""", """        set_("flags", f"{figures.low_score} / {figures.number_mismatch}")
        set_("uncovered", uncovered_share_text(doc.scores))  # as of the last alignment
""")

p = 'aligner_gui/core/mqm.py'
edit(p, """            out.append(Suggestion(index, flag, proposal))
    return out
""", """            out.append(Suggestion(index, flag, proposal))
    from aligner_gui.core.coverage import coverage_suggestions  # (coverage imports mqm)

    out.extend(coverage_suggestions(doc))
    return out
""")

p = 'tests/gui/guikit.py'
edit(p, '''def fake_beads() -> list[Bead]:
    return [
        Bead((0,), (0,), 0.92),
        Bead((1,), (), 0.0, "auto", ["omission", "more-link"]),  # as the engine scores them
        Bead((2,), (1,), 0.35, "auto", ["low-score"]),
        Bead((3,), (2,), 0.88),
        Bead((4,), (3,), 0.95),
''', '''def fake_beads() -> list[Bead]:
    # As the engine scores them; paired beads carry its word coverage (nothing uncovered).
    return [
        Bead((0,), (0,), 0.92, "auto", [], {"uncovered": []}),
        Bead((1,), (), 0.0, "auto", ["omission", "more-link"]),
        Bead((2,), (1,), 0.35, "auto", ["low-score"], {"uncovered": []}),
        Bead((3,), (2,), 0.88, "auto", [], {"uncovered": []}),
        Bead((4,), (3,), 0.95, "auto", [], {"uncovered": []}),
''')
print("wiring applied")
