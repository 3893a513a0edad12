"""No command loses an editor's work: a reviewed project, its backup, or an input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aligner_gui.cli import main
from aligner_gui.core.resources import seed_path
from aligner_gui.io.project import load_project

NOTE = "MY REVIEW NOTE"


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    """The seed aligned, one annotation and one confirmed bead added by hand."""
    path = tmp_path / "rv.json"
    assert main(["align", "--demo", "-o", str(path), "-q"]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["beads"][0]["status"] = "confirmed"
    text = data["source"]["text"]
    data["annotations"].append({
        "id": "a1", "type": "omission", "side": "source", "start": 0, "end": 3,
        "text": text[:3], "category": "Accuracy/Omission", "severity": "major",
        "comment": NOTE, "correction": "", "tags": []})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def notes(path: Path) -> list[str]:
    return [a.comment for a in load_project(path).annotations]


def test_align_over_a_reviewed_project_is_refused_unless_forced(reviewed, capsys):
    """Two runs over a reviewed project lost the review from the project and its backup."""
    assert main(["align", "--demo", "-o", str(reviewed)]) == 2
    err = capsys.readouterr().err
    assert "holds a review (1 annotation, 1 confirmed or hand-made bead)" in err
    assert "--force" in err and len(err.strip().splitlines()) == 1
    assert notes(reviewed) == [NOTE]
    assert main(["align", "--demo", "-o", str(reviewed), "--force", "-q"]) == 0
    backup = reviewed.with_name("rv.json.bak")
    assert notes(reviewed) == [] and notes(backup) == [NOTE]
    assert main(["align", "--demo", "-o", str(reviewed), "-q"]) == 0  # no review left here
    assert notes(backup) == [NOTE]  # and the backup keeps the one it holds


def test_export_and_rescore_over_a_reviewed_project_are_refused(reviewed, tmp_path, capsys):
    other = tmp_path / "other.json"
    assert main(["align", "--demo", "-o", str(other), "-q"]) == 0
    for command in (["export", str(other), "-o", str(reviewed)],
                    ["export", str(other), "-f", "tmx", "-o", str(reviewed)],
                    ["rescore", str(other), "-o", str(reviewed)]):
        assert main(command) == 2, command
        assert notes(reviewed) == [NOTE]
    assert "no copy is kept" in capsys.readouterr().err
    assert main(["rescore", str(reviewed), "-o", str(reviewed)]) == 0  # its own review
    assert notes(reviewed) == [NOTE]


def test_an_export_over_a_rated_mqm_file_keeps_it(reviewed, tmp_path, capsys):
    """A rater edits an exported MQM TSV; exporting again over it kept no copy."""
    rated = tmp_path / "review.tsv"
    assert main(["export", str(reviewed), "-f", "mqm-tsv", "-o", str(rated)]) == 0
    assert "kept as" not in capsys.readouterr().err  # a new file: nothing to keep
    text = rated.read_text(encoding="utf-8")
    assert NOTE in text
    assert main(["export", str(reviewed), "-f", "tsv", "-o", str(rated)]) == 0
    err = capsys.readouterr().err
    assert "held 1 rated error row; it is kept as review.tsv.bak" in err
    assert rated.with_name("review.tsv.bak").read_text(encoding="utf-8") == text
    assert NOTE not in rated.read_text(encoding="utf-8")  # the bead table now


def test_an_output_that_is_an_input_or_a_project_as_text_is_refused(tmp_path, capsys):
    text = tmp_path / "story.txt"
    text.write_bytes(seed_path().read_bytes())
    assert main(["align", str(text), "-o", str(text)]) == 2
    assert text.read_bytes() == seed_path().read_bytes()
    project = tmp_path / "p.json"
    assert main(["align", str(text), "-o", str(project), "-q"]) == 0
    assert main(["align", str(project), "-o", str(tmp_path / "q.json")]) == 2
    tmx = tmp_path / "p.tmx"
    assert main(["export", str(project), "-o", str(tmx)]) == 0
    assert main(["import", str(tmx), "-o", str(tmx)]) == 2
    err = capsys.readouterr().err
    assert "is one of the inputs" in err and "is an aligner-gui project, not a text" in err


def test_arguments_that_did_something_else_than_asked_say_so(reviewed, tmp_path, capsys):
    """align -o x.tmx wrote JSON, --demo with a file blamed a missing --demo, the glossary
    check without a glossary found 0, an HTML report imported as 'not well-formed XML'."""
    assert main(["align", "--demo", "-o", str(tmp_path / "x.tmx")]) == 2
    assert not (tmp_path / "x.tmx").exists()
    assert main(["align", "--demo", str(tmp_path / "a.txt"), "-o", str(tmp_path / "y.json")]) == 2
    assert main(["check", str(reviewed), "--checks", "glossary"]) == 2
    report = tmp_path / "r.html"
    assert main(["export", str(reviewed), "-o", str(report)]) == 0
    assert main(["import", str(report), "-o", str(tmp_path / "z.json")]) == 2
    err = capsys.readouterr().err
    for said in ("align writes a project (.json), not .tmx", "give no files with it",
                 "the glossary check needs a glossary", "is an HTML page"):
        assert said in err


def test_output_dash_and_a_reference_of_other_length_say_what_happens(reviewed, tmp_path,
                                                                      capsys):
    """-o - wrote a file named '-'; a reference of another length fell back to one segment
    without saying why."""
    assert main(["export", str(reviewed), "-f", "tsv", "-o", "-"]) == 2
    assert "would be a file named '-'" in capsys.readouterr().err
    reference = tmp_path / "ref.txt"
    reference.write_text("美国和俄罗斯正在接近达成协议。\n", encoding="utf-8")
    assert main(["score", str(reviewed), "--reference", str(reference)]) == 0
    assert "the reference has 1 line, the translation 23 sentences" in capsys.readouterr().out


def test_presplit_on_running_text_says_so(tmp_path, capsys):
    """--presplit on a paragraph a line made each side one "sentence", silently."""
    text = tmp_path / "run.txt"
    text.write_text("他来了。她走了。他们留下了。\n\nHe came. She left. They stayed.\n",
                    encoding="utf-8")
    assert main(["align", str(text), "--presplit", "-o", str(tmp_path / "a.json")]) == 0
    assert "note: --presplit takes each line for one sentence" in capsys.readouterr().err
    lines = tmp_path / "lines.txt"
    lines.write_text("他来了。\n她走了。\n\nHe came.\nShe left.\n", encoding="utf-8")
    assert main(["align", str(lines), "--presplit", "-o", str(tmp_path / "b.json")]) == 0
    assert "note:" not in capsys.readouterr().err
