"""The review queue of a folder: figures, the state file, changed projects, statuses."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from iokit import sample_parts

from aligner_gui.core.model import AlignmentDocument, Annotation
from aligner_gui.io import review_queue
from aligner_gui.io.project import save_project
from aligner_gui.io.review_queue import (
    IN_REVIEW,
    NEW,
    REVIEWED,
    STATE_NAME,
    Figures,
    QueueEntry,
    ReviewQueue,
    align_into_project,
    next_to_review,
)

RISKS = {"calm": 0.4, "risky": 6.25, "middling": 2.0}


def make_project(path: Path, expected_major: float | None, *, annotations: int = 0) -> None:
    source, target, beads = sample_parts()  # one untranslated source sentence
    doc = AlignmentDocument(source, target, beads)
    risk = None if expected_major is None else {"expected_major": expected_major,
                                                "risky_beads": int(expected_major // 2)}
    doc.set_scores({"omissions": 1, "risk": risk})
    for _ in range(annotations):
        doc.add_annotation(Annotation("omission", "source", 0, 4, source.text[:4],
                                      "Accuracy/Omission"))
    save_project(doc, path, backup=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, risk in RISKS.items():
        make_project(tmp_path / f"{name}.json", risk)
    return tmp_path


def names(queue: ReviewQueue) -> list[str]:
    return [e.name for e in queue.entries]


def test_figures_come_from_the_projects_riskiest_first(folder: Path) -> None:
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert names(queue) == ["risky", "middling", "calm"]
    risky = queue.entries[0]
    assert risky.figures == Figures(omissions=1, expected_major=6.25, risky_beads=3,
                                    annotations=0, source_sentences=5, target_sentences=4,
                                    beads=5)
    assert risky.status == NEW and risky.project == folder / "risky.json"
    assert queue.parsed == 3
    assert (folder / STATE_NAME).is_file()


def test_state_round_trip_reads_no_unchanged_project(folder: Path) -> None:
    first = ReviewQueue.open(folder, pair_inputs=False)
    first.mark_opened("calm")
    before = (folder / STATE_NAME).read_text(encoding="utf-8")
    again = ReviewQueue.open(folder, pair_inputs=False)
    assert again.parsed == 0
    assert [(e.name, e.figures, e.status, e.stamp) for e in again.entries] == [
        (e.name, e.figures, e.status, e.stamp) for e in first.entries]
    assert again.entry("calm").status == IN_REVIEW  # type: ignore[union-attr]
    assert (folder / STATE_NAME).read_text(encoding="utf-8") == before  # nothing to rewrite
    data = json.loads(before)
    assert data["format"] == "aligner-review-queue" and data["version"] == 1
    assert set(data["projects"]) == {"calm.json", "risky.json", "middling.json"}


def test_a_changed_project_is_read_again(folder: Path) -> None:
    ReviewQueue.open(folder, pair_inputs=False)
    make_project(folder / "calm.json", 9.5, annotations=2)
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert queue.parsed == 1
    calm = queue.entry("calm")
    assert calm is not None and calm.figures is not None
    assert (calm.figures.expected_major, calm.figures.annotations) == (9.5, 2)
    assert calm.status == IN_REVIEW  # it holds annotations: someone reviewed it
    assert names(queue)[0] == "calm"


def test_same_size_and_new_mtime_is_a_change(folder: Path) -> None:
    ReviewQueue.open(folder, pair_inputs=False)
    path = folder / "calm.json"
    text = path.read_text(encoding="utf-8").replace('"expected_major": 0.4',
                                                    '"expected_major": 0.7')
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert queue.parsed == 1
    assert queue.entry("calm").figures.expected_major == 0.7  # type: ignore[union-attr]


def test_new_and_removed_projects(folder: Path) -> None:
    ReviewQueue.open(folder, pair_inputs=False)
    (folder / "middling.json").unlink()
    make_project(folder / "fresh.json", 1.0)
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert names(queue) == ["risky", "fresh", "calm"] and queue.parsed == 1
    state = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    assert set(state["projects"]) == {"calm.json", "risky.json", "fresh.json"}


@pytest.mark.parametrize("content", [
    "{not json",
    json.dumps({"format": "something-else", "projects": {}}),
    json.dumps({"format": "aligner-review-queue", "version": 99, "projects": {}}),
    json.dumps({"format": "aligner-review-queue", "version": 1,
                "projects": {"calm.json": {"status": "lost"}}}),
    json.dumps({"format": "aligner-review-queue", "version": 1, "projects": {"calm.json": {
        "name": "calm", "status": "new", "inputs": [], "stamp": [1, "x"],
        "figures": None, "error": None}}}),
    json.dumps([1, 2, 3]),
])
def test_an_unusable_state_file_is_set_aside(folder: Path, content: str) -> None:
    (folder / STATE_NAME).write_text(content, encoding="utf-8")
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert names(queue) == ["risky", "middling", "calm"] and queue.parsed == 3
    assert queue.set_aside == folder / f"{STATE_NAME}.bad"
    assert queue.set_aside.read_text(encoding="utf-8") == content
    assert json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))["version"] == 1
    (folder / STATE_NAME).write_text(content, encoding="utf-8")
    assert ReviewQueue.open(folder, pair_inputs=False).set_aside == folder / f"{STATE_NAME}.bad2"


def test_state_figures_of_the_wrong_type_are_not_trusted(folder: Path) -> None:
    ReviewQueue.open(folder, pair_inputs=False)
    path = folder / STATE_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    data["projects"]["calm.json"]["figures"]["annotations"] = "many"
    path.write_text(json.dumps(data), encoding="utf-8")
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert queue.set_aside is not None and queue.parsed == 3


def test_statuses_persist(folder: Path) -> None:
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert queue.mark_opened("risky").status == IN_REVIEW
    assert queue.toggle_reviewed(["risky", "calm"]) == REVIEWED
    assert ReviewQueue.open(folder, pair_inputs=False).entry("calm").status == REVIEWED  # type: ignore[union-attr]
    assert queue.toggle_reviewed(["risky", "calm"]) == IN_REVIEW  # all reviewed: undone
    assert queue.toggle_reviewed(["risky", "middling"]) == REVIEWED  # mixed: all reviewed
    queue.mark_opened("risky")  # opening a reviewed document keeps it reviewed
    reopened = ReviewQueue.open(folder, pair_inputs=False)
    assert {e.name: e.status for e in reopened.entries} == {
        "risky": REVIEWED, "middling": REVIEWED, "calm": IN_REVIEW}
    with pytest.raises(ValueError):
        queue.set_status("calm", "done")
    with pytest.raises(KeyError):
        queue.mark_opened("absent")


def test_reload_after_a_save(folder: Path) -> None:
    queue = ReviewQueue.open(folder, pair_inputs=False)
    make_project(folder / "calm.json", 0.4, annotations=3)
    entry = queue.reload("calm")
    assert entry.figures is not None and entry.figures.annotations == 3
    assert entry.status == IN_REVIEW
    assert ReviewQueue.open(folder, pair_inputs=False).parsed == 0


def test_other_json_is_left_out_and_not_read_again(folder: Path) -> None:
    (folder / "news.key.json").write_text('{"planted": []}', encoding="utf-8")
    (folder / "broken.json").write_text('{"format": "aligner-gui", ', encoding="utf-8")
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert names(queue) == ["risky", "middling", "calm", "broken"]
    broken = queue.entry("broken")
    assert broken is not None and not broken.aligned and "not valid JSON" in str(broken.error)
    again = ReviewQueue.open(folder, pair_inputs=False)
    assert again.parsed == 0 and again.entry("broken").error == broken.error  # type: ignore[union-attr]


def test_sort_key_riskiest_then_unscored_then_not_aligned() -> None:
    def entry(name: str, risk: float | None, aligned: bool = True) -> QueueEntry:
        figures = Figures(expected_major=risk) if aligned else None
        return QueueEntry(name, Path(f"{name}.json"), figures=figures)

    entries = [entry("b", None), entry("z", None, aligned=False), entry("a", 0.5),
               entry("c", 3.0), entry("B2", 3.0)]
    assert [e.name for e in sorted(entries, key=QueueEntry.sort_key)] == [
        "B2", "c", "a", "b", "z"]


def test_read_only_folder_writes_no_state(folder: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(review_queue.os, "access", lambda *_a, **_k: False)
    queue = ReviewQueue.open(folder, pair_inputs=False)
    assert not queue.writable and names(queue) == ["risky", "middling", "calm"]
    queue.mark_opened("calm")
    assert not (folder / STATE_NAME).exists()


def test_a_missing_folder_is_a_project_error(tmp_path: Path) -> None:
    from aligner_gui.io.errors import ProjectError

    with pytest.raises(ProjectError, match="cannot read the folder"):
        ReviewQueue.open(tmp_path / "absent", pair_inputs=False)


class _Engine:
    def load(self, paths: list[Path]) -> AlignmentDocument:
        source, target, _ = sample_parts()
        return AlignmentDocument(source, target)

    def align(self, doc: AlignmentDocument) -> tuple[list[Any], dict[str, Any]]:
        return sample_parts()[2], {"omissions": 1, "risk": {"expected_major": 1.5,
                                                            "risky_beads": 1}}

    def save(self, doc: AlignmentDocument, path: Path) -> None:
        save_project(doc, path)


def test_align_into_project_writes_a_new_project(tmp_path: Path) -> None:
    project = tmp_path / "doc.json"
    figures = align_into_project([tmp_path / "doc.txt"], project, "en", _Engine())
    assert figures == review_queue.read_figures(project)
    assert (figures.expected_major, figures.omissions, figures.beads) == (1.5, 1, 5)
    from aligner_gui.io.errors import ProjectWriteError

    with pytest.raises(ProjectWriteError, match="not overwritten"):
        align_into_project([tmp_path / "doc.txt"], project, "en", _Engine())


def test_align_into_project_with_the_engine(tmp_path: Path, seed_path: Path) -> None:
    project = tmp_path / "seed.json"
    figures = align_into_project([seed_path], project)
    assert figures.expected_major is not None and figures.expected_major > 0
    assert figures.omissions == 4 and figures.source_sentences == 24


def test_input_pairs_without_a_project_wait_to_be_aligned(folder: Path) -> None:
    (folder / "talk.en.txt").write_text("Hello.\n", encoding="utf-8")
    (folder / "talk.zh.txt").write_text("你好。\n", encoding="utf-8")
    (folder / "calm.txt").write_text("Hi.\n你好。\n", encoding="utf-8")  # calm.json exists
    (folder / "lonely.en.txt").write_text("Alone.\n", encoding="utf-8")
    (folder / "odd.json").write_text("[]", encoding="utf-8")
    (folder / "odd.txt").write_text("Hi.\n你好。\n", encoding="utf-8")  # odd.json is no project
    queue = ReviewQueue.open(folder)
    assert names(queue) == ["risky", "middling", "calm", "odd", "talk"]
    talk = queue.entry("talk")
    assert talk is not None and not talk.aligned and talk.alignable
    assert talk.inputs == (folder / "talk.en.txt", folder / "talk.zh.txt")
    assert talk.project == folder / "talk.json" and talk.status == NEW
    assert queue.entry("calm").inputs == (folder / "calm.txt",)  # type: ignore[union-attr]
    odd = queue.entry("odd")
    assert odd is not None and not odd.alignable and "not an aligner-gui project" in str(odd.error)
    assert [(p.name, "partner" in why) for p, why in queue.skipped] == [("lonely.en.txt", True)]
    assert [e.name for e in queue.alignable()] == ["talk"]
    make_project(folder / "talk.json", 3.0)
    reopened = ReviewQueue.open(folder)
    assert reopened.parsed == 1 and names(reopened)[:2] == ["risky", "talk"]
    assert reopened.entry("talk").inputs == talk.inputs  # type: ignore[union-attr]


def test_set_aligned_records_the_new_project(folder: Path) -> None:
    (folder / "talk.txt").write_text("Hi.\n你好。\n", encoding="utf-8")
    queue = ReviewQueue.open(folder)
    figures = align_into_project([folder / "talk.txt"], folder / "talk.json", "en", _Engine())
    entry = queue.set_aligned("talk", figures)
    assert entry.aligned and entry.stamp is not None and not entry.alignable
    again = ReviewQueue.open(folder)
    assert again.parsed == 0 and again.entry("talk").figures == figures  # type: ignore[union-attr]


def test_figures_of_a_document_are_those_its_saved_project_holds(tmp_path: Path) -> None:
    """The window reports a save with the document in memory instead of reading it back."""
    from aligner_gui.core.pipeline import align_document, load_document
    from aligner_gui.core.resources import seed_path
    from aligner_gui.io.project import save_project
    from aligner_gui.io.review_queue import read_figures

    doc = align_document(load_document([seed_path()]))
    path = tmp_path / "seed.json"
    save_project(doc, path)
    figures = Figures.from_document(doc)
    assert figures == read_figures(path)
    assert figures.omissions == 4 and figures.source_sentences == 24


def test_omissions_count_sentences_as_the_batch_summary_does(tmp_path: Path) -> None:
    """A dropped passage of two sentences is two omissions (summary.tsv's ``omitted``),
    not one bead; the scores' bead count is not what the queue shows."""
    from aligner_gui.core.model import Bead
    from aligner_gui.core.scoring.mqm import review_figures

    source, target, _ = sample_parts()
    doc = AlignmentDocument(source, target, [
        Bead((0,), (0,)), Bead((1, 2), ()), Bead((3,), (1, 2)), Bead((4,), (3,))])
    doc.set_scores({"omissions": 1})
    path = tmp_path / "two.json"
    save_project(doc, path, backup=False)
    figures = review_queue.read_figures(path)
    assert figures.omissions == 2 == sum(review_figures(doc).omissions.values())
    assert Figures.from_document(doc) == figures


def test_figures_an_older_version_counted_are_read_again(folder: Path) -> None:
    queue = ReviewQueue.open(folder, pair_inputs=False)
    queue.toggle_reviewed(["calm"])
    queue.save_state()
    state = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    for record in state["projects"].values():  # as the version before counted them
        del record["figures"]["counts"]
        record["figures"]["omissions"] = 7
    (folder / STATE_NAME).write_text(json.dumps(state), encoding="utf-8")
    again = ReviewQueue.open(folder, pair_inputs=False)
    assert again.parsed == 3  # every project read again, none set aside
    assert [e.figures.omissions for e in again.entries] == [1, 1, 1]  # type: ignore[union-attr]
    assert again.entry("calm").status == queue.entry("calm").status  # type: ignore[union-attr]
    assert not list(folder.glob(f"{STATE_NAME}.bad*"))


def test_a_text_corrected_on_disk_is_aligned_again_unless_reviewed(tmp_path: Path) -> None:
    """The missing sentences written into flood_zh.txt: Refresh still showed the old
    alignment and its omissions (a helper's review of a day's queue)."""
    import os

    from aligner_gui.io.project import load_project, save_project

    en = "The river rose overnight.\nThousands were evacuated.\nSchools are closed.\n"
    for name in ("flood", "storm"):
        (tmp_path / f"{name}_en.txt").write_text(en, encoding="utf-8")
        (tmp_path / f"{name}_zh.txt").write_text("河水一夜上涨。\n", encoding="utf-8")
        align_into_project([tmp_path / f"{name}_en.txt", tmp_path / f"{name}_zh.txt"],
                           tmp_path / f"{name}.json")
    reviewed = load_project(tmp_path / "storm.json")
    reviewed.beads[0].status = "confirmed"
    save_project(reviewed, tmp_path / "storm.json")
    touched = tmp_path / "flood_en.txt"  # a later time, the same text: no change
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**10))
    queue = ReviewQueue.open(tmp_path)
    assert [e.alignable for e in queue.entries] == [False, False]
    for name in ("flood", "storm"):
        path = tmp_path / f"{name}_zh.txt"
        path.write_text("河水一夜上涨。\n数千人被疏散。\n学校停课。\n", encoding="utf-8")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**10))
    queue = ReviewQueue.open(tmp_path)
    flood, storm = queue.entry("flood"), queue.entry("storm")
    assert flood is not None and flood.alignable and not flood.text_changed
    assert (tmp_path / "flood.json.bak").is_file() and not (tmp_path / "flood.json").exists()
    assert storm is not None and storm.aligned and storm.text_changed  # its review kept
    assert load_project(tmp_path / "storm.json").beads[0].status == "confirmed"


def test_the_queue_counts_number_and_name_mismatches(tmp_path: Path) -> None:
    """A story with two wrong figures ranked below a long clean one, and nothing in its
    row said why it deserved a look (a helper's review of a day's queue)."""
    source, target, beads = sample_parts()
    doc = AlignmentDocument(source, target, beads)
    doc.set_scores({"number_mismatch": 2, "name_mismatch": 1, "risk": {"expected_major": 1.0}})
    save_project(doc, tmp_path / "football.json", backup=False)
    entry = ReviewQueue.open(tmp_path, pair_inputs=False).entry("football")
    assert entry is not None and entry.figures is not None and entry.figures.mismatches == 3
    again = ReviewQueue.open(tmp_path, pair_inputs=False)  # from the state file
    assert again.parsed == 0 and again.entry("football").figures.mismatches == 3  # type: ignore[union-attr]


def test_next_to_review_is_the_next_aligned_unreviewed_one_round_the_end() -> None:
    def entry(name: str, status: str = NEW, aligned: bool = True) -> QueueEntry:
        return QueueEntry(name, Path(f"{name}.json"), status=status,
                          figures=Figures() if aligned else None)

    rows = [entry("a", REVIEWED), entry("b"), entry("c", aligned=False), entry("d", IN_REVIEW)]
    assert next_to_review(rows, None).name == "b"  # type: ignore[union-attr]
    assert next_to_review(rows, "b").name == "d"  # type: ignore[union-attr]
    assert next_to_review(rows, "d").name == "b"  # type: ignore[union-attr]
    assert next_to_review([entry("a", REVIEWED), entry("b")], "b") is None
