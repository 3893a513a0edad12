"""`aligner check` and `aligner rescore`: planted errors show up, bad input is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aligner_gui.cli import main
from aligner_gui.io.project import load_project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_730210bb8f392e85.txt"


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    """The seed aligned once, after planting errors in its Chinese translation: the
    negations of "has not yet responded ... never received" dropped (尚未, 从未) and a
    pronoun doubled (我们我们)."""
    text = SEED.read_text(encoding="utf-8")
    edits = [("俄罗斯政府尚未对国务院", "俄罗斯政府对国务院"), ("称其从未收到", "称其收到"),
             ("我们相信", "我们我们相信")]  # fmt: skip
    for old, new in edits:
        assert text.count(old) == 1
        text = text.replace(old, new)
    folder = tmp_path_factory.mktemp("check")
    source = folder / "planted.txt"
    source.write_text(text, encoding="utf-8")
    out = folder / "planted.json"
    assert main(["align", str(source), "-o", str(out), "-q"]) == 0
    return out


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.csv"
    # The seed says 核查 for "verification" (planted mismatch) and 莫斯科 for "Moscow".
    path.write_text("English,Chinese\nverification,验证\nMoscow,莫斯科\n", encoding="utf-8")
    return path


def _one_line_error(capsys, code: int) -> str:
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aligner: error: "), captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_report_lists_the_planted_errors(planted: Path, capsys) -> None:
    assert main(["check", str(planted)]) == 0
    out = capsys.readouterr().out
    rows = out.splitlines()[1:]
    table = dict(line.split()[:2] for line in rows[: rows.index("")] if line.strip())
    assert table["negation"] == "1" and table["repeated-words"] == "1"
    assert table["glossary"] == "0"  # no glossary given
    assert "negation: source has 'not', translation has none" in out
    assert "repeated word: '我们' twice in a row" in out
    negation_line = next(line for line in out.splitlines() if "negation: source" in line)
    assert negation_line.split()[:4] == ["bead", "18", "source", '"not"']


def test_json_with_a_glossary_and_chosen_checks(planted: Path, glossary: Path, capsys) -> None:
    code = main(["check", str(planted), "--json", "--checks", "glossary,negation",
                 "--glossary", str(glossary)])  # fmt: skip
    assert code == 0
    result = json.loads(capsys.readouterr().out)["checks"]
    assert list(result) == ["negation", "glossary"]  # report order, only those asked
    [negation] = result["negation"]["findings"]
    assert (negation["bead"], negation["side"], negation["text"]) == (18, "source", "not")
    assert negation["category"] == "Accuracy/Mistranslation" and negation["severity"] == "major"
    doc = load_project(planted)
    assert doc.source.text[negation["start"] : negation["end"]] == "not"
    # "bead" counts as the window does, "bead_index" as the project's list does
    bead = doc.beads[negation["bead_index"]]
    assert negation["bead_index"] == 17 and bead.source
    assert doc.source.sentences[bead.source[0]].start <= negation["start"]
    terms = result["glossary"]["findings"]
    assert result["glossary"]["count"] == len(terms) > 0
    assert {f["text"].lower() for f in terms} == {"verification"}  # Moscow is 莫斯科: fine
    assert terms[0]["comment"] == "glossary: 'verification' should be translated as '验证'"


def test_the_projects_own_glossary_is_used(planted: Path, glossary: Path, tmp_path: Path,
                                            capsys) -> None:
    """A glossary the window remembered in the project (meta.glossary) needs no option."""
    from aligner_gui.io.project import save_project

    doc = load_project(planted)
    doc.meta["glossary"] = glossary.name  # relative: beside the project
    project = glossary.parent / "with-glossary.json"
    save_project(doc, project, backup=False)
    assert main(["check", str(project), "--json", "--checks", "glossary"]) == 0
    found = json.loads(capsys.readouterr().out)["checks"]["glossary"]["findings"]
    assert {f["text"].lower() for f in found} == {"verification"}
    glossary.unlink()
    line = _one_line_error(capsys, main(["check", str(project), "--checks", "glossary"]))
    assert "glossary.csv" in line and "--glossary" in line


def test_unknown_check_is_one_line_exit_2(planted: Path, capsys) -> None:
    line = _one_line_error(capsys, main(["check", str(planted), "--checks", "negation,bogus"]))
    assert "unknown check bogus" in line


def test_bad_glossary_is_one_line_exit_2(planted: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("verification,验证\nwarhead\n", encoding="utf-8")
    line = _one_line_error(capsys, main(["check", str(planted), "--glossary", str(bad)]))
    assert "bad.csv line 2: needs a source and a target term" in line
    line = _one_line_error(capsys, main(["check", str(planted), "--glossary", "nope.tbx"]))
    assert "nope.tbx" in line


def test_rescore_an_imported_project(planted: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "it"
    folder.mkdir()
    assert main(["export", str(planted), "-f", "intertext", "-o", str(folder)]) == 0
    imported = tmp_path / "imported.json"
    link = folder / "planted.zh.en.xml"
    assert main(["import", str(link), "--no-score", "-o", str(imported)]) == 0
    assert all(b.score is None for b in load_project(imported).beads)
    capsys.readouterr()

    # `check` scores an unscored project first (the number and name flags need it).
    assert main(["check", str(imported), "--checks", "negation,numbers", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["checks"]["negation"]["count"] == 1

    out = tmp_path / "rescored.json"
    assert main(["rescore", str(imported), "-o", str(out)]) == 0
    assert capsys.readouterr().err.startswith(f"{out}: 24 en / 23 zh sentences -> 24 beads")
    doc = load_project(out)
    assert all(isinstance(b.score, float) for b in doc.beads)
    assert all(b.risk is not None and 0 <= b.risk <= 1 for b in doc.beads)
    assert doc.scores.get("mean_score") is not None
    assert doc.scores["risk"]["expected_major"] > 0
    assert all(b.score is None for b in load_project(imported).beads)  # input untouched


def test_rescore_refuses_what_it_cannot_write(planted: Path, tmp_path: Path, capsys) -> None:
    line = _one_line_error(
        capsys, main(["rescore", str(planted), "-o", str(tmp_path / "no" / "x.json")])
    )
    assert "does not exist" in line


def test_what_was_left_out_is_listed_after_the_checks(planted: Path, capsys) -> None:
    """The seed's four untranslated beads (headline, "MORE:" link, two photo captions)
    are what a reviewer looks for first: listed after the checks, and in the JSON."""
    assert main(["check", str(planted)]) == 0
    out = capsys.readouterr().out
    section = out[out.index("\nleft out, added or unmatched: "):]
    assert "(headline, minor)" in section and "(more-link, neutral)" in section
    assert section.count("(photo-caption, minor)") == 2
    assert main(["check", str(planted), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["omissions"]
    kinds = sorted(f["kind"] for f in listed["findings"] if f["kind"] != "partial")
    assert kinds == ["headline", "more-link", "photo-caption", "photo-caption"]
    assert listed["count"] == len(listed["findings"])
    assert main(["check", str(planted), "--checks", "negation", "--json"]) == 0
    assert "omissions" not in json.loads(capsys.readouterr().out)  # only what was asked


def test_a_dropped_sentence_kept_with_its_neighbour_is_named_a_sentence(tmp_path: Path) -> None:
    """An uncovered span that is a whole sentence of a 2-1 bead is listed as a sentence
    left out, not a 'partial' omission; a span inside a 1-1 bead stays partial."""
    from aligner_gui.cli.check import _kind
    from aligner_gui.core.model import AlignmentDocument, Annotation, Bead
    from aligner_gui.core.pipeline import load_document
    from aligner_gui.core.scoring.mqm import Suggestion

    (tmp_path / "en.txt").write_text(
        "The trial was funded by Nordvik Pharma.\nSeveral of the authors are employees of "
        "the company.\nIt was a large trial.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("该试验由诺德维克制药资助。\n这是一项大型试验。\n",
                                     encoding="utf-8")
    loaded = load_document([tmp_path / "en.txt", tmp_path / "zh.txt"], presplit=True)
    doc = AlignmentDocument(loaded.source, loaded.target,
                            [Bead((0, 1), (0,)), Bead((2,), (1,))])
    second, third = doc.source.sentences[1], doc.source.sentences[2]

    def offered(bead: int, start: int, end: int) -> Suggestion:
        return Suggestion(bead, f"uncovered:source:{start}-{end}",
                          Annotation("omission", "source", start, end,
                                     doc.source.text[start:end], "Accuracy/Omission", "major"))

    assert _kind(doc, offered(0, second.start + 8, second.end - 1)) == "sentence"
    assert _kind(doc, offered(0, second.start + 20, second.end - 1)) == "partial"
    assert _kind(doc, offered(1, third.start, third.end)) == "partial"  # 1-1: no neighbour
