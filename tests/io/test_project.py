"""The project file format v1: round trip, validation, versions, atomic saves."""

from __future__ import annotations

import json
import os

import pytest

from aligner_gui.core.model import AlignmentDocument, Annotation, Bead, Sentence, Side
from aligner_gui.io import project
from aligner_gui.io.errors import ProjectFormatError, ProjectVersionError, ProjectWriteError


def make_doc() -> AlignmentDocument:
    en = "Hello there. How are you?\nFine."
    zh = "你好。你好吗？\n很好。"
    source = Side(
        "en",
        "original",
        en,
        [
            Sentence(0, 0, 0, 12, "Hello there."),
            Sentence(1, 0, 13, 25, "How are you?"),
            Sentence(2, 1, 26, 31, "Fine."),
        ],
    )
    target = Side(
        "zh",
        "translation",
        zh,
        [
            Sentence(0, 0, 0, 3, "你好。"),
            Sentence(1, 0, 3, 7, "你好吗？"),
            Sentence(2, 1, 8, 11, "很好。"),
        ],
    )
    beads = [
        Bead((0,), (0,), 0.9, "auto", []),
        Bead((1,), (1,), 0.8, "confirmed", []),
        Bead((2,), (2,), 0.7, "auto", ["low-score"], {"chrf": 12.5}),
    ]
    annotations = [
        Annotation("mistranslation", "target", 3, 7, "你好吗？", "Accuracy/Mistranslation",
                   "minor", comment="tone", tags=["x"])
    ]
    return AlignmentDocument(source, target, beads, annotations, {"mean_score": 0.8}, {})


def test_round_trip_keeps_everything(tmp_path):
    doc = make_doc()
    path = tmp_path / "p.json"
    project.save_project(doc, path)
    loaded = project.load_project(path)
    assert [(b.source, b.target, b.status, b.flags) for b in loaded.beads] == [
        (b.source, b.target, b.status, b.flags) for b in doc.beads
    ]
    assert loaded.beads[2].details == {"chrf": 12.5}
    assert loaded.annotations[0].text == "你好吗？"
    assert loaded.annotations[0].comment == "tone"
    assert loaded.source.sentences == doc.source.sentences
    assert loaded.target.text == doc.target.text
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "aligner-gui" and data["version"] == project.VERSION == 2
    assert data["beads"][0] == {"source": [0], "target": [0], "score": 0.9, "status": "auto",
                                "flags": [], "risk": None, "suspects": []}
    assert data["meta"]["app_version"]


def test_uncovered_spans_are_a_top_level_bead_field(tmp_path):
    doc = make_doc()
    doc.beads[0].details["uncovered"] = [{"side": "source", "start": 0, "end": 5}]
    data = project.to_dict(doc)
    assert data["beads"][0]["uncovered"] == [{"side": "source", "start": 0, "end": 5}]
    again = project.from_dict(data)
    assert again.beads[0].details["uncovered"][0]["end"] == 5


def _dumped(tmp_path, mutate) -> str:
    data = project.to_dict(make_doc())
    mutate(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda d: d["beads"][1].__setitem__("score", 1.5), "beads[1].score"),
        (lambda d: d["beads"][0].__setitem__("status", "maybe"), "beads[0].status"),
        (lambda d: d["source"].__setitem__("lang", "fr"), "source.lang"),
        (lambda d: d["annotations"][0].__setitem__("severity", "huge"), "annotations[0].severity"),
        (lambda d: d.pop("beads"), "beads"),
        (lambda d: d["beads"].pop(1), "out of order"),
        (lambda d: d["source"]["sentences"][0].__setitem__("end", 5), "does not match"),
    ],
)
def test_validation_names_the_field(tmp_path, mutate, needle):
    path = _dumped(tmp_path, mutate)
    with pytest.raises(ProjectFormatError) as info:
        project.load_project(path)
    message = str(info.value)
    assert needle in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"{not json", "not valid JSON"),
        ("美国\n\nThe US\n".encode(), "is not a project file but text: align it"),
        (b'{"a": 1,, "b": 2}', "column 9: Expecting property name enclosed in double quotes)"),
        # json says "Unterminated string starting at" and the place apart
        (b'{"format": "aligner-gui", "source": {"text": "abc', "is cut short: its JSON ends"),
        (b'{"format": "aligner-gui", ', "is cut short"),
        (b"[1, 2]", "not an aligner-gui project"),
        (b'{"format": "other", "version": 1}', "format 'other'"),
        (b'{"version": 1}', 'no "format" field'),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[" * 100000, "nested too deeply"),
    ],
)
def test_bad_files_raise_typed_errors(tmp_path, content, needle):
    path = tmp_path / "f.json"
    path.write_bytes(content)
    with pytest.raises(ProjectFormatError) as info:
        project.load_project(path)
    assert needle in str(info.value)


def test_newer_version_is_refused(tmp_path):
    path = _dumped(tmp_path, lambda d: d.__setitem__("version", 7))
    with pytest.raises(ProjectVersionError, match="newer aligner-gui"):
        project.load_project(path)


def test_migrations_run_in_order(monkeypatch):
    data = project.to_dict(make_doc())
    data["version"] = 1
    for bead in data["beads"]:
        del bead["risk"]
    seen = []

    def from_v2(old):
        seen.append(old["version"])
        assert all("risk" in b for b in old["beads"])  # the real 1 -> 2 step ran first
        return {**old, "upgraded": True}

    monkeypatch.setattr(project, "VERSION", 3)
    monkeypatch.setitem(project.MIGRATIONS, 2, from_v2)
    upgraded = project.upgrade(dict(data))
    assert upgraded["version"] == 3 and upgraded["upgraded"] is True and seen == [2]


def test_missing_migration_is_an_error(monkeypatch):
    data = project.to_dict(make_doc())
    monkeypatch.setattr(project, "VERSION", 4)
    monkeypatch.setitem(project.MIGRATIONS, 2, lambda d: d)
    with pytest.raises(ProjectVersionError, match="no upgrade from file format version 3"):
        project.upgrade(data)


def test_save_keeps_backup_and_is_atomic(tmp_path):
    path = tmp_path / "p.json"
    doc = make_doc()
    project.save_project(doc, path)
    first = path.read_text(encoding="utf-8")
    doc.update_bead(0, status="confirmed")
    project.save_project(doc, path)
    assert (tmp_path / "p.json.bak").read_text(encoding="utf-8") == first
    assert project.load_project(path).beads[0].status == "confirmed"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_save_leaves_old_file(tmp_path, monkeypatch):
    """A disk-full or permission error at the rename keeps the old file and no temp file."""
    path = tmp_path / "p.json"
    project.save_project(make_doc(), path)
    before = path.read_bytes()

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ProjectWriteError, match="No space left on device"):
        project.save_project(make_doc(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_save_into_missing_folder_is_a_typed_error(tmp_path):
    with pytest.raises(ProjectWriteError, match="does not exist"):
        project.save_project(make_doc(), tmp_path / "nope" / "p.json")


def test_failed_serialisation_leaves_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    project.save_project(make_doc(), path)
    before = path.read_bytes()
    doc = make_doc()
    doc.scores["bad"] = object()  # not JSON-serialisable
    with pytest.raises(TypeError):
        project.save_project(doc, path)
    assert path.read_bytes() == before


def test_annotation_survives_outside_edit_of_the_text(tmp_path):
    data = project.to_dict(make_doc())
    assert data["annotations"][0]["context"] == {"before": "你好。", "after": "\n很好。"}
    # Someone prepended text to the Chinese outside aligner-gui: every offset shifted by 2.
    side = data["target"]
    side["text"] = "前言" + side["text"]
    for sentence in side["sentences"]:
        sentence["start"] += 2
        sentence["end"] += 2
    doc = project.from_dict(data)
    annotation = doc.annotations[0]
    assert (annotation.start, annotation.end) == (5, 9)
    assert doc.target.text[annotation.start : annotation.end] == "你好吗？"
    assert "orphan" not in annotation.extra


def test_annotation_whose_text_vanished_is_kept_as_orphan(tmp_path):
    data = project.to_dict(make_doc())
    data["annotations"][0]["text"] = "不存在的词"
    doc = project.from_dict(data)
    assert len(doc.annotations) == 1
    assert doc.annotations[0].extra["orphan"] is True
    path = tmp_path / "p.json"
    project.save_project(doc, path)
    again = project.load_project(path)
    assert again.annotations[0].text == "不存在的词" and again.annotations[0].extra["orphan"]


def test_non_finite_computed_scores_are_saved_as_null(tmp_path):
    doc = make_doc()
    doc.beads[0].details["chrf"] = float("nan")
    doc.scores["mean_score"] = float("inf")
    path = tmp_path / "p.json"
    project.save_project(doc, path)
    again = project.load_project(path)
    assert again.beads[0].details["chrf"] is None and again.scores["mean_score"] is None


def test_version_1_file_loads_with_risk_not_yet_computed():
    """A project written before the risk model (format 1) opens; its beads await scoring."""
    data = project.to_dict(make_doc())
    data["version"] = 1
    for bead in data["beads"]:
        del bead["risk"], bead["suspects"]
    doc = project.from_dict(json.loads(json.dumps(data)))
    assert [b.risk for b in doc.beads] == [None] * len(doc.beads)
    assert all(b.suspects == [] for b in doc.beads)


def test_risk_and_suspects_round_trip_and_are_validated():
    doc = make_doc()
    suspect = {"side": "source", "start": 0, "end": 3, "category": "Accuracy/Omission",
               "confidence": 0.8}
    doc.update_bead(0, risk=0.25, suspects=[suspect])
    back = project.from_dict(json.loads(project.dumps(doc)))
    assert back.beads[0].risk == 0.25 and back.beads[0].suspects == [suspect]
    data = project.to_dict(doc)
    data["beads"][0]["risk"] = 1.5
    with pytest.raises(ProjectFormatError, match="risk"):
        project.from_dict(data)


def test_saved_projects_put_each_bead_and_sentence_on_one_line(tmp_path, seed_path):
    """Readable and diffable: one line per sentence, bead and annotation (issue 14 made
    the writer use json's C encoder item by item); the content is the same JSON."""
    from aligner_gui.core import pipeline
    from aligner_gui.io.project import dumps, to_dict

    doc = pipeline.load_document([seed_path])
    pipeline.align_document(doc)
    text = dumps(doc)
    lines = text.splitlines()
    bead_lines = [line for line in lines if line.startswith('  {"source": [')]
    assert len(bead_lines) == len(doc.beads)
    assert sum('"paragraph"' in line for line in lines) == (
        len(doc.source.sentences) + len(doc.target.sentences)
    )
    assert json.loads(text) == json.loads(json.dumps(to_dict(doc)))


def test_the_file_is_written_in_chunks_with_the_same_bytes(tmp_path, monkeypatch):
    doc = make_doc()
    doc.meta["created"] = "2026-12-06T00:00:00+00:00"
    monkeypatch.setattr(project, "_CHUNK_CHARS", 64)  # many chunks
    path = tmp_path / "p.json"
    project.save_project(doc, path)
    assert path.read_bytes() == project.dumps(doc).encode("utf-8")
    doc.beads[0].details["chrf"] = float("nan")  # the second pass, with nulls, after a NaN
    project.save_project(doc, path)
    assert path.read_bytes() == project.dumps(doc).encode("utf-8")
    assert project.load_project(path).beads[0].details["chrf"] is None


def test_a_text_utf8_cannot_store_fails_the_save_and_keeps_the_old_file(tmp_path, monkeypatch):
    from aligner_gui.io.errors import ProjectWriteError

    doc = make_doc()
    path = tmp_path / "p.json"
    project.save_project(doc, path)
    before = path.read_bytes()
    monkeypatch.setattr(project, "_CHUNK_CHARS", 64)
    doc.beads[-1].details["note"] = "lone \ud800 surrogate"  # near the end: a later chunk
    with pytest.raises(ProjectWriteError, match="UTF-8 cannot store"):
        project.save_project(doc, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]  # no temporary file left
