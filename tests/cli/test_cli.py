"""The `aligner` command as a user runs it: real files in, project files out, clean errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligner_gui.cli import main
from aligner_gui.core.lexicon.cache import CACHE_NAME
from aligner_gui.io.project import load_project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_730210bb8f392e85.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "aligner_gui.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def seed_project(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "seed.json"
    assert main(["align", str(SEED), "-o", str(out), "-q"]) == 0
    return out


def test_version_and_help():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.startswith("aligner ")
    done = run("--help")
    assert done.returncode == 0
    for command in ("align", "validate", "score", "export", "import"):
        assert command in done.stdout


def test_align_seed_end_to_end(seed_project):
    doc = load_project(seed_project)
    doc.check()
    assert doc.source.lang == "en" and doc.target.lang == "zh"
    assert doc.source.paragraph_count() == 18 and doc.target.paragraph_count() == 14
    assert all(0.0 <= b.score <= 1.0 for b in doc.beads)
    data = json.loads(seed_project.read_text(encoding="utf-8"))
    assert data["meta"]["chrf_signature"].startswith("chrF2|nrefs:1|")
    assert "omissions_by_class" in data["scores"]


def test_align_prints_summary_line(tmp_path, seed_path):
    out = tmp_path / "o.json"
    done = run("align", str(seed_path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "beads" in done.stderr and "Traceback" not in done.stderr
    assert out.is_file()


def test_a_chinese_wire_dateline_says_the_chinese_may_be_the_original(tmp_path, capsys):
    """Left to its default (English original), align says what it saw; an explicit
    --source-lang, either way, says nothing."""
    path = tmp_path / "xinhua.txt"
    path.write_text(
        "新华社广州9月8日电 台风于7日在广东登陆。\n当地已转移群众58万人。\n\n"
        "GUANGZHOU, Sept. 8 (Xinhua) -- The typhoon made landfall in Guangdong on Saturday.\n"
        "Some 580,000 people have been evacuated.\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "o.json")
    assert main(["align", str(path), "-o", out]) == 0
    err = capsys.readouterr().err
    assert "note: the Chinese looks like the original (a 新华社…电 dateline)" in err
    assert "--source-lang zh" in err
    for lang in ("en", "zh"):
        assert main(["align", str(path), "-o", out, "--source-lang", lang]) == 0
        assert "note:" not in capsys.readouterr().err
    assert load_project(out).source.lang == "zh"


def test_a_wire_end_mark_added_by_the_translation_is_no_addition(tmp_path):
    """Xinhua's English closes with 'Enditem' for （完）: it was a major addition of risk
    .5, the riskiest bead of a short story."""
    path = tmp_path / "xinhua.txt"
    path.write_text("新华社北京12月5日电 当地政府已为转移群众设立9个安置点。\n（完）\n\n"
                    "BEIJING, Dec. 5 (Xinhua) -- The local government has set up nine shelters "
                    "for evacuees.\nEnditem\n", encoding="utf-8")
    out = tmp_path / "o.json"
    assert main(["align", str(path), "-o", str(out), "--source-lang", "zh"]) == 0
    doc = load_project(out)
    [end] = [b for b in doc.beads if "Enditem" in doc.target.span_text(b.target)]
    assert end.source or "more-link" in end.flags  # paired with （完）, or an end line
    assert max(b.risk or 0.0 for b in doc.beads) < 0.3


def test_two_files_in_either_order(tmp_path, seed_path):
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    zh = [line for line in lines if any("\u4e00" <= ch <= "\u9fff" for ch in line)]
    en = [line for line in lines if line not in zh]
    (tmp_path / "a.txt").write_text("\n".join(en), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(zh), encoding="gb18030")
    for order in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        out = tmp_path / "o.json"
        assert main(["align", *(str(tmp_path / p) for p in order), "-o", str(out), "-q"]) == 0
        doc = load_project(out)
        assert (doc.source.lang, doc.target.lang) == ("en", "zh")
        assert doc.target.paragraph_count() == 14


def _assert_clean_failure(capsys, code: int) -> str:
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("aligner: error: ")
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00" * 50, "binary"),
        (b"Only English here. Nothing else.", "one language"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, capsys, content, needle):
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out.json"
    out.write_text("precious", encoding="utf-8")
    err = _assert_clean_failure(capsys, main(["align", str(path), "-o", str(out)]))
    assert needle in err.lower()
    assert out.read_text(encoding="utf-8") == "precious"


def test_unwritable_output_path(tmp_path, capsys, seed_path):
    code = main(["align", str(seed_path), "-o", str(tmp_path / "missing" / "o.json")])
    assert "does not exist" in _assert_clean_failure(capsys, code)


def test_validate(tmp_path, capsys, seed_project):
    assert main(["validate", str(seed_project)]) == 0
    assert "valid aligner-gui project" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    assert "not valid JSON" in _assert_clean_failure(capsys, main(["validate", str(bad)]))
    other = tmp_path / "other.json"
    other.write_text('{"format": "something-else", "version": 1}', encoding="utf-8")
    assert "not an aligner-gui project" in _assert_clean_failure(
        capsys, main(["validate", str(other)])
    )


def test_usage_error_is_exit_2():
    done = run("align")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_export_beads(tmp_path, seed_project):
    out = tmp_path / "seed.beads"
    assert main(["export", str(seed_project), "--format", "beads", "-o", str(out)]) == 0
    doc = load_project(seed_project)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(doc.beads)
    first = doc.beads[0]
    assert lines[0] == f"[{','.join(map(str, first.source))}]:[{','.join(map(str, first.target))}]"


def test_score_with_reference(tmp_path, capsys, seed_project):
    doc = load_project(seed_project)
    ref = tmp_path / "ref.txt"
    ref.write_text("\n".join(s.text for s in doc.target.sentences), encoding="utf-8")
    assert main(["score", str(seed_project), "--reference", str(ref), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    reference = result["reference"]
    # The translation scored against itself is perfect.
    assert reference["chrf"] == pytest.approx(100.0)
    assert reference["bleu"] == pytest.approx(100.0)
    assert reference["ter"] == pytest.approx(0.0)


def test_export_intertext_into_a_folder_and_import_back(tmp_path, seed_project):
    folder = tmp_path / "it"
    folder.mkdir()
    assert main(["export", str(seed_project), "--format", "intertext", "-o", str(folder)]) == 0
    link = folder / "seed.zh.en.xml"
    assert link.is_file() and len(list(folder.iterdir())) == 3
    back = tmp_path / "back.json"
    assert main(["import", str(link), "-o", str(back)]) == 0
    original = load_project(seed_project)
    again = load_project(back)
    assert [(b.source, b.target) for b in again.beads] == [
        (b.source, b.target) for b in original.beads
    ]


def test_import_mqm_onto_a_base_project(tmp_path, seed_project):
    from aligner_gui.core.model import Annotation
    from aligner_gui.io.project import save_project

    doc = load_project(seed_project)
    sentence = doc.target.sentences[3]
    doc.add_annotation(Annotation("mistranslation", "target", sentence.start, sentence.start + 2,
                                  sentence.text[:2], "Accuracy/Mistranslation", "minor"))
    annotated = tmp_path / "annotated.json"
    save_project(doc, annotated)
    tsv = tmp_path / "mqm.tsv"
    assert main(["export", str(annotated), "-f", "mqm-tsv", "-o", str(tsv)]) == 0
    out = tmp_path / "merged.json"
    assert main(["import", str(tsv), "--format", "mqm-tsv", "--base", str(seed_project),
                 "-o", str(out)]) == 0
    merged = load_project(out)
    assert [(a.start, a.end, a.category, a.severity) for a in merged.annotations] == [
        (sentence.start, sentence.start + 2, "Accuracy/Mistranslation", "minor")
    ]


def test_closed_pipe_is_not_an_error(seed_project):
    """`aligner score P | head -1`: the reader leaves early; no error, no traceback."""
    done = subprocess.run(
        f'"{sys.executable}" -m aligner_gui.cli score "{seed_project}" | head -1',
        shell=True, capture_output=True, text=True, timeout=300,
    )
    assert done.stdout.count("\n") == 1
    assert "error" not in done.stderr.lower() and "Traceback" not in done.stderr


@pytest.mark.parametrize("spelling", ["outdir/", "outdir"])
def test_export_intertext_to_an_absent_folder_creates_it(tmp_path, seed_project, spelling):
    out = f"{tmp_path}/{spelling}"
    assert main(["export", str(seed_project), "-f", "intertext", "-o", out]) == 0
    folder = tmp_path / "outdir"
    assert folder.is_dir()
    assert sorted(p.name for p in folder.iterdir()) == [
        "seed.en.xml", "seed.zh.en.xml", "seed.zh.xml"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outdir"]


def test_export_intertext_to_an_xml_name(tmp_path, seed_project):
    out = tmp_path / "name.xml"
    assert main(["export", str(seed_project), "-f", "intertext", "-o", str(out)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["name.en.xml", "name.xml", "name.zh.xml"]
    back = tmp_path / "back.json"
    assert main(["import", str(out), "-o", str(back)]) == 0


def test_export_intertext_folder_needs_its_parent(tmp_path, seed_project, capsys):
    out = tmp_path / "missing" / "outdir"
    assert main(["export", str(seed_project), "-f", "intertext", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and err.count("\n") == 1


def test_project_outputs_keep_the_previous_file_as_bak(tmp_path, seed_project, seed_path):
    out = tmp_path / "o.json"
    out.write_text("previous", encoding="utf-8")
    bak = tmp_path / "o.json.bak"
    assert main(["align", str(seed_path), "-o", str(out), "-q"]) == 0
    assert bak.read_text(encoding="utf-8") == "previous"
    aligned = out.read_text(encoding="utf-8")
    assert main(["rescore", str(seed_project), "-o", str(out)]) == 0
    assert bak.read_text(encoding="utf-8") == aligned
    rescored = out.read_text(encoding="utf-8")
    assert main(["import", str(seed_project), "-o", str(out)]) == 0
    assert bak.read_text(encoding="utf-8") == rescored
    fresh = tmp_path / "fresh.json"
    assert main(["align", str(seed_path), "-o", str(fresh), "-q"]) == 0
    assert not (tmp_path / "fresh.json.bak").exists()


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("o.tmx", "tmx"), ("o.tsv", "tsv"), ("o.HTML", "html"), ("o.htm", "html"),
     ("o.csv", "annotations-csv"), ("o.json", "json"), ("o.beads", "beads")],
)
def test_export_format_from_the_extension(tmp_path, capsys, seed_project, name, fmt):
    out = tmp_path / name
    assert main(["export", str(seed_project), "-o", str(out)]) == 0
    suffix = Path(name).suffix
    assert f"aligner: writing {fmt} (from the {suffix} extension)" in capsys.readouterr().err
    explicit = tmp_path / ("x" + name)
    assert main(["export", str(seed_project), "-f", fmt, "-o", str(explicit)]) == 0
    if fmt not in ("html", "tmx", "json"):  # those stamp the time
        assert out.read_bytes() == explicit.read_bytes()


def test_export_format_from_a_folder_is_intertext(tmp_path, capsys, seed_project):
    assert main(["export", str(seed_project), "-o", f"{tmp_path}/it/"]) == 0
    assert "writing intertext" in capsys.readouterr().err
    assert len(list((tmp_path / "it").iterdir())) == 3


@pytest.mark.parametrize("name", ["o.xml", "o.docx", "noext"])
def test_export_unknown_extension_without_format(tmp_path, capsys, seed_project, name):
    assert main(["export", str(seed_project), "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--format" in err and "annotations-csv" in err
    assert not (tmp_path / name).exists()


def _mqm_rows(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def test_mqm_export_with_the_engine_suggestions(tmp_path, capsys, seed_project):
    from aligner_gui.core.model import Annotation
    from aligner_gui.io.project import save_project

    plain = tmp_path / "plain.tsv"
    assert main(["export", str(seed_project), "-f", "mqm-tsv", "-o", str(plain)]) == 0
    assert {row["category"] for row in _mqm_rows(plain)} == {"No-error"}

    doc = load_project(seed_project)
    omitted = [b for b, bead in enumerate(doc.beads) if bead.source and not bead.target]
    assert len(omitted) == 4
    sentence = doc.target.sentences[3]
    doc.add_annotation(Annotation("mistranslation", "target", sentence.start, sentence.start + 2,
                                  sentence.text[:2], "Accuracy/Mistranslation", "minor",
                                  extra={"rater": "alice"}))
    annotated = tmp_path / "annotated.json"
    save_project(doc, annotated)
    out = tmp_path / "with.tsv"
    assert main(["export", str(annotated), "-f", "mqm-tsv", "--include-suggestions",
                 "-o", str(out)]) == 0
    rows = _mqm_rows(out)
    engine = [row for row in rows if row["rater"] == "aligner-gui"]
    omissions = {int(row["seg_id"]) - 1 for row in engine
                 if row["category"] == "Accuracy/Omission"}
    assert set(omitted) <= omissions  # and the coverage lens' partial omissions
    assert all("<v>" in row["source"] for row in engine if row["category"] == "Accuracy/Omission")
    assert not any(row["category"] == "No-error" for row in rows if int(row["seg_id"]) - 1
                   in omitted)
    human = [row for row in rows if row["rater"] == "alice"]
    assert [row["category"] for row in human] == ["Accuracy/Mistranslation"]


def test_include_suggestions_is_for_mqm_tsv(tmp_path, capsys, seed_project):
    out = tmp_path / "o.tsv"
    assert main(["export", str(seed_project), "-f", "tsv", "--include-suggestions",
                 "-o", str(out)]) == 2
    assert "mqm-tsv" in capsys.readouterr().err


def test_reference_in_the_wrong_language_is_refused(tmp_path, capsys, seed_project):
    doc = load_project(seed_project)
    ref = tmp_path / "ref.txt"
    ref.write_text("\n".join(s.text for s in doc.source.sentences), encoding="utf-8")
    assert main(["score", str(seed_project), "--reference", str(ref)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "English" in captured.err
    assert "Chinese" in captured.err and not captured.out


def _wmt23_file(tmp_path):
    path = tmp_path / "wmt23.tsv"
    header = ("system\tdoc\tdocSegId\tglobalSegId\trater\tsource\ttarget\tcategory\tseverity"
              "\tmetadata")
    rows = [
        "sysA\td\t1\t1\tr1\t我们站在地球上。\tWe <v>stands</v> on the earth.\t"
        "Fluency/Grammar\tminor\t",
        "sysA\td\t2\t2\tr1\t太阳。\tThe sun.\tno-error\tno-error\t",
        "sysB\td\t1\t1\tr1\t我们站在地球上。\tWe stand on earth.\tno-error\tno-error\t",
        "sysB\td\t2\t2\tr1\t太阳。\tSun.\tAccuracy/Mistranslation\tmajor\t",
        "sysB\td\t3\t3\tr1\t月亮。\tThe moon.\tno-error\tno-error\t",
        "sysC\td\t1\t1\tr1\t我们站在地球上。\tWe stand.\tno-error\tno-error\t",
    ]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_import_list_systems(tmp_path, capsys):
    path = _wmt23_file(tmp_path)
    assert main(["import", str(path), "--list-systems"]) == 0
    assert capsys.readouterr().out.splitlines() == ["sysA\t2", "sysB\t3", "sysC\t1"]
    from aligner_gui.io.mqm_tsv_import import mqm_systems

    assert mqm_systems(path) == [("sysA", 2), ("sysB", 3), ("sysC", 1)]


def test_import_one_system_and_say_so(tmp_path, capsys):
    path = _wmt23_file(tmp_path)
    out = tmp_path / "b.json"
    assert main(["import", str(path), "--system", "sysB", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "system sysB" in err and "2 other system(s) left out" in err
    doc = load_project(out)
    assert len(doc.beads) == 3 and [a.category for a in doc.annotations] == [
        "Accuracy/Mistranslation"
    ]
    assert main(["import", str(path), "-o", str(tmp_path / "a.json")]) == 0
    assert "system sysA, 2 other system(s) left out" in capsys.readouterr().err


def test_import_unknown_system_lists_the_systems(tmp_path, capsys):
    path = _wmt23_file(tmp_path)
    assert main(["import", str(path), "--system", "sysZ", "-o", str(tmp_path / "z.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sysA, sysB, sysC" in err
    assert not (tmp_path / "z.json").exists()


def test_list_systems_is_for_mqm_files(tmp_path, capsys, seed_project):
    assert main(["import", str(seed_project), "--list-systems"]) == 2
    assert "MQM" in capsys.readouterr().err
    assert main(["import", str(seed_project)]) == 2
    assert "-o" in capsys.readouterr().err


def test_import_warns_of_an_open_span(tmp_path, capsys):
    path = tmp_path / "open.tsv"
    path.write_text(
        "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n"
        "sys\td\t1\t1\tr1\t我们站在地球上。\tWe <v>stand on the earth.\tFluency/Grammar\tMinor\n",
        encoding="utf-8",
    )
    assert main(["import", str(path), "-o", str(tmp_path / "p.json")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"aligner: warning: {path} line 2: <v> without </v>; "
                      "the span runs to the end of the cell")
    assert len(err) == 2 and "1 annotation;" in err[1]


@pytest.mark.parametrize("fmt", ["intertext", "tmx", "mqm-tsv"])
def test_imports_are_scored_unless_no_score(tmp_path, seed_project, fmt):
    export_dir = tmp_path / "x"
    export_dir.mkdir()
    name = {"intertext": "it/", "tmx": "x.tmx", "mqm-tsv": "x.tsv"}[fmt]
    assert main(["export", str(seed_project), "-f", fmt, "-o", f"{export_dir}/{name}"]) == 0
    exported = next(export_dir.rglob("seed.zh.en.xml")) if fmt == "intertext" else (
        export_dir / name)
    scored, plain = tmp_path / "scored.json", tmp_path / "plain.json"
    assert main(["import", str(exported), "-f", fmt, "-o", str(scored)]) == 0
    assert main(["import", str(exported), "-f", fmt, "--no-score", "-o", str(plain)]) == 0
    doc = load_project(scored)
    assert all(b.score is not None and b.risk is not None for b in doc.beads)
    assert any("omission" in b.flags for b in doc.beads)
    assert doc.scores.get("mean_score") is not None
    unscored = load_project(plain)
    if fmt != "tmx":  # TMX carries the scores it was exported with (x-score), not the risk
        assert all(b.score is None for b in unscored.beads)
    assert any(b.risk is None for b in unscored.beads)


def test_demo_aligns_the_bundled_seed(tmp_path, capsys):
    """An installed user has no clone: --demo finds the seed the README's examples use."""
    out = tmp_path / "seed.json"
    assert main(["align", "--demo", "-o", str(out)]) == 0
    assert "24 en / 23 zh sentences -> 24 beads" in capsys.readouterr().err
    for argv, said in ((["align", "-o", str(out)], "give one bilingual file or two files, "
                        "or --demo"),
                       (["align", "--demo", "x.txt", "-o", str(out)],
                        "--demo aligns the bundled seed: give no files with it")):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert err == [f"aligner: error: {said}"]


def test_score_prints_a_short_aligned_summary(capsys, seed_project):
    assert main(["score", str(seed_project)]) == 0
    lines = capsys.readouterr().out.splitlines()
    labels = [line.split("  ")[0] for line in lines]
    assert labels == [
        "Sentences",
        "Omissions",
        "Additions",
        "Mean match score",
        "Doubtful pairing",
        "MQM",
        "Uncovered words",
        "Risk",
        "QA checks",
    ]
    column = {
        len(line) - len(line[len(label) :].lstrip())
        for line, label in zip(lines, labels, strict=True)
    }
    assert len(column) == 1  # the figures start in one column
    text = "\n".join(lines)
    assert "24 English, 23 Chinese -> 24 beads" in text
    assert "4 source sentences (395 characters): headline 1, more-link 1, photo-caption 2" in text
    assert "per 1,000 words" in text and "expected Major Accuracy errors" in text
    assert "chrf_signature" not in text and "omissions_by_class" not in text


def test_score_json_keeps_its_keys_and_reference_adds_a_line(tmp_path, capsys, seed_project):
    assert main(["score", str(seed_project), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["document"]
    for key in ("beads", "omissions_by_class", "mean_score", "chrf_signature_full", "risk"):
        assert key in data["document"]
    doc = load_project(seed_project)
    ref = tmp_path / "ref.txt"
    ref.write_text("\n".join(s.text for s in doc.target.sentences), encoding="utf-8")
    assert main(["score", str(seed_project), "--reference", str(ref)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("Reference") and "BLEU 100.00, chrF 100.00, TER 0.00" in last


def test_export_html_in_chinese(tmp_path, capsys, seed_project):
    out = tmp_path / "report.html"
    assert main(["export", str(seed_project), "-o", str(out), "--lang", "zh_CN"]) == 0
    text = out.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in text and "<h2>摘要</h2>" in text
    assert "24 个英文句子中有 4 个没有译文" in text
    tmx = tmp_path / "x.tmx"
    assert main(["export", str(seed_project), "-o", str(tmx), "--lang", "zh_CN"]) == 2
    assert "--lang is for --format html" in capsys.readouterr().err


def test_the_first_run_says_it_builds_the_dictionary_cache(tmp_path):
    """Issue 14: the pause of a first run is announced when the build starts, once; -q keeps
    quiet; a bad input on a first run is still a one-line error (nothing is built)."""
    def run(cache: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / cache))
        return subprocess.run([sys.executable, "-m", "aligner_gui.cli", *args], env=env,
                              capture_output=True, text=True, timeout=300)

    blank = tmp_path / "blank.txt"
    blank.write_text("\n", encoding="utf-8")
    done = run("a", "align", str(blank), "-o", str(tmp_path / "b.json"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (tmp_path / "a" / "aligner-gui" / CACHE_NAME).exists()

    done = run("a", "align", str(SEED), "-o", str(tmp_path / "1.json"))
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("building the dictionary cache (once") == 1
    assert (tmp_path / "a" / "aligner-gui" / CACHE_NAME).is_file()  # the exit waited for it
    assert not list((tmp_path / "a" / "aligner-gui").glob("*.tmp"))
    # The sentence encoder's weights are unpacked for the next run too (by the helper
    # while the dictionary compiled, or by the run's own load), and the summary line is
    # out although the command leaves without tearing the interpreter down.
    assert list((tmp_path / "a" / "aligner-gui").glob("use-m3-*/index.json"))
    assert "24 beads" in done.stderr
    done = run("a", "score", str(tmp_path / "1.json"))  # stdout, a pipe: block-buffered
    assert done.returncode == 0 and "Omissions" in done.stdout
    assert len(done.stdout.splitlines()) > 5
    done = run("a", "align", str(SEED), "-o", str(tmp_path / "2.json"))
    assert done.returncode == 0 and "building" not in done.stderr

    done = run("b", "align", "-q", str(SEED), "-o", str(tmp_path / "3.json"))
    assert done.returncode == 0 and done.stderr == ""


def test_the_command_leaves_after_doing_what_an_exit_does(tmp_path, seed_project):
    """`aligner` (cli.run) skips the interpreter's teardown but not what an exit must do:
    atexit handlers run (the dictionary cache writer is waited for there), non-daemon
    threads are joined, and the command's exit code is kept."""
    script = (
        "import atexit, pathlib, sys, threading, time\n"
        "from aligner_gui import cli\n"
        "out = pathlib.Path(sys.argv[1])\n"
        "atexit.register(lambda: (out / 'atexit').write_text('ran'))\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    (out / 'thread').write_text('joined')\n"
        "threading.Thread(target=late).start()\n"
        "sys.argv = ['aligner', *sys.argv[2:]]\n"
        "cli.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path), "validate",
                           str(seed_project)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "atexit").read_text() == "ran"
    assert (tmp_path / "thread").read_text() == "joined"
    bad = subprocess.run([sys.executable, "-c", script, str(tmp_path), "validate",
                          str(tmp_path / "missing.json")], capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode == 2 and bad.stderr.startswith("aligner: error:")
