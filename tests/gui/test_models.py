"""The table models stay consistent (qtmodeltester) through every kind of document change."""

from __future__ import annotations

import json
from typing import Any

from guikit import fake_beads, make_document
from PySide6.QtCore import Qt

from aligner_gui.core import edits
from aligner_gui.core.model import Annotation
from aligner_gui.gui.models import (
    AnnotationTableModel,
    BeadFilterProxy,
    BeadTableModel,
    SuggestionTableModel,
)


def test_bead_model_follows_edits(qtmodeltester: Any) -> None:
    doc = make_document(fake_beads())
    model = BeadTableModel()
    model.set_document(doc)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 7
    assert model.data(model.index(1, BeadTableModel.COL_TYPE)) == "1-0"
    assert model.data(model.index(0, BeadTableModel.COL_SOURCE)) == doc.source.sentences[0].text
    edits.merge_with_next(doc.beads, 0).apply(doc)  # rows removed
    assert model.rowCount() == 6
    edits.unlink(doc.beads, 0).apply(doc)  # rows inserted
    assert model.rowCount() == 8
    assert [model.data(model.index(r, BeadTableModel.COL_TYPE)) for r in range(3)] == [
        "1-0", "1-0", "0-1"]
    doc.update_bead(3, status="confirmed")
    assert model.data(model.index(3, BeadTableModel.COL_STATUS)) == "confirmed"
    doc.set_beads(fake_beads())
    assert model.rowCount() == 7
    qtmodeltester.check(model, force_py=True)


def test_bead_proxy_filters(qtmodeltester: Any) -> None:
    doc = make_document(fake_beads())
    model = BeadTableModel()
    model.set_document(doc)
    proxy = BeadFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filters(flag="any")
    assert proxy.rowCount() == 4
    proxy.set_filters(flag="unaligned")
    assert proxy.rowCount() == 3
    proxy.set_filters(score_min=0.9)
    assert proxy.rowCount() == 2
    proxy.set_filters(search="vienna", side="source")
    assert proxy.rowCount() == 2
    proxy.set_filters(search=r"\d{4}", regex=True, side="target")
    assert proxy.rowCount() == 1
    proxy.set_filters(status="confirmed")
    assert proxy.rowCount() == 0
    proxy.set_filters()
    proxy.sort(BeadTableModel.COL_SCORE, Qt.SortOrder.DescendingOrder)
    top = proxy.mapToSource(proxy.index(0, 0)).row()
    assert top == 4  # score 0.95
    assert proxy.headerData(0, Qt.Orientation.Vertical) == "5"  # the bead number


def test_annotation_model(qtmodeltester: Any) -> None:
    doc = make_document(fake_beads())
    model = AnnotationTableModel()
    model.set_document(doc)
    qtmodeltester.check(model, force_py=True)
    first = Annotation("omission", "source", 0, 5, doc.source.text[0:5], "Accuracy/Omission")
    second = Annotation("mistranslation", "target", 0, 2, doc.target.text[0:2],
                        "Accuracy/Mistranslation", "minor")
    doc.add_annotation(first)
    doc.add_annotation(second, 0)
    assert model.rowCount() == 2
    assert model.data(model.index(0, model.COL_TYPE)) == "mistranslation"
    doc.update_annotation(first.id, severity="critical")
    assert model.data(model.index(1, model.COL_SEVERITY)) == "critical"
    assert model.data(model.index(0, model.COL_BEAD)) == "1"  # target offset 0: bead 1
    doc.remove_annotation(second.id)
    assert model.rowCount() == 1 and model.row_of(first.id) == 0
    first_bead = model.data(model.index(0, model.COL_BEAD))
    edits.unlink(doc.beads, 0).apply(doc)  # bead numbers follow the alignment
    assert model.data(model.index(0, model.COL_BEAD)) == first_bead == "1"
    doc.add_annotation(Annotation("addition", "target", 1, 2, doc.target.text[1:2],
                                  "Accuracy/Addition"))
    assert model.data(model.index(1, model.COL_BEAD)) == "2"  # the 0-1 bead after unlink
    qtmodeltester.check(model, force_py=True)


def test_orphan_annotations_are_listed_and_marked(tmp_path: Any) -> None:
    """An annotation whose text vanished (outside edit) stays in the list, marked."""
    from aligner_gui.io.project import load_project, save_project

    doc = make_document(fake_beads())
    doc.add_annotation(Annotation("omission", "source", 0, 5, doc.source.text[0:5],
                                  "Accuracy/Omission"))
    path = tmp_path / "p.json"
    save_project(doc, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    old = doc.source.text[0:5]
    side = data["source"]  # the text was edited outside aligner-gui: the words are gone
    side["text"] = side["text"].replace(old, "Zzzzz")
    for sentence in side["sentences"]:
        sentence["text"] = sentence["text"].replace(old, "Zzzzz")
    path.write_text(json.dumps(data), encoding="utf-8")
    reopened = load_project(path)
    model = AnnotationTableModel()
    model.set_document(reopened)
    assert model.rowCount() == 1
    shown = model.data(model.index(0, model.COL_TEXT))
    assert shown.startswith("⚠ not found: ")
    tip = model.data(model.index(0, model.COL_TEXT), Qt.ItemDataRole.ToolTipRole)
    assert "not found" in tip and "Zzzzz" not in tip


def test_suggestion_model(qtmodeltester: Any, qtbot: Any) -> None:
    doc = make_document(fake_beads())
    model = SuggestionTableModel()
    model.set_document(doc)
    qtmodeltester.check(model, force_py=True)
    assert [model.suggestion(r).flag for r in range(model.rowCount())] == [
        "omission", "low-score", "omission", "addition"]
    doc.update_bead(2, details={"reviewed_flags": ["low-score"]})
    qtbot.waitUntil(lambda: model.rowCount() == 3)


def test_an_opened_project_offers_its_uncovered_spans_without_loading_on_the_gui_thread(
        qtbot: Any, monkeypatch: Any, tmp_path: Any) -> None:
    """A saved project's stored uncovered spans need the dictionary to be offered: the
    list loads it on a worker thread (never the GUI thread) and shows them then."""
    import threading

    from aligner_gui.core.pipeline import align_document, load_document

    (tmp_path / "en.txt").write_text(
        "The minister said on Tuesday that the new railway line, which cost billions of "
        "dollars to build, will open next month.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("部长周二表示，新铁路线将于下月开通。\n", encoding="utf-8")
    doc = align_document(load_document([tmp_path / "en.txt", tmp_path / "zh.txt"]))
    assert doc.beads[0].details["uncovered"]  # stored, as a saved project has them
    state = _dictionary_not_loaded(monkeypatch)
    model = SuggestionTableModel()
    model.set_document(doc)
    qtbot.waitUntil(lambda: any(f.startswith("uncovered:source") for f in _flags(model)),
                    timeout=10000)
    assert state["threads"]
    assert threading.main_thread() not in state["threads"]


def _dictionary_not_loaded(monkeypatch: Any) -> dict[str, Any]:
    """As in a window that opened a project: the dictionary is loaded on first request.
    The state records the threads that really loaded it."""
    import threading

    from aligner_gui.core.lexicon import shared

    loaded = shared.get_lexicon()
    state: dict[str, Any] = {"loaded": False, "threads": []}
    monkeypatch.setattr(shared, "loaded_lexicon", lambda: loaded if state["loaded"] else None)

    def load() -> Any:
        if not state["loaded"]:  # a real load (later calls find it loaded)
            state["threads"].append(threading.current_thread())
        state["loaded"] = True
        return loaded

    monkeypatch.setattr(shared, "get_lexicon", load)
    return state


def _flags(model: Any) -> list[str]:
    return [model.suggestion(r).flag for r in range(model.rowCount())]


def test_an_opened_project_gets_its_negation_suggestions(qtbot: Any, monkeypatch: Any) -> None:
    """The negation check is offered only with the dictionary, which opening a saved
    project does not load: the list loads it in the background and refreshes."""
    from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side

    def side(lang: str, role: str, text: str) -> Side:
        return Side(lang, role, text, [Sentence(0, 0, 0, len(text), text)])

    doc = AlignmentDocument(
        side("en", "original", '"Price wars in China are not over," said the analyst.'),
        side("zh", "translation", "分析师说：“中国的价格战已经结束。”"),
        [Bead((0,), (0,), score=0.9, details={"uncovered": []})],  # as saved: nothing tinted
    )
    _dictionary_not_loaded(monkeypatch)
    model = SuggestionTableModel()
    model.set_document(doc)
    assert not any(f.startswith("check:negation") for f in _flags(model))
    qtbot.waitUntil(lambda: any(f.startswith("check:negation") for f in _flags(model)),
                    timeout=10000)


def test_the_text_columns_name_the_language_of_each_side() -> None:
    """Which side is the original, at a glance (a remembered 'Chinese is the original'
    reads the next English original backwards)."""
    from aligner_gui.core.model import AlignmentDocument, Bead, Sentence, Side

    def side(lang: str, role: str, text: str) -> Side:
        return Side(lang, role, text, [Sentence(0, 0, 0, len(text), text)])

    model = BeadTableModel()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Source"  # no document
    model.set_document(AlignmentDocument(side("zh", "original", "他来了。"),
                                         side("en", "translation", "He came."),
                                         [Bead((0,), (0,))]))
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Source (Chinese)"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Target (English)"
