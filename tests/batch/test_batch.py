"""`aligner batch` end to end: projects, summary, resume, bad pairs, interruption, exports."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from aligner_gui.batch import runner
from aligner_gui.batch.work import COLUMNS
from aligner_gui.cli import main
from aligner_gui.io.project import load_project

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"


def make_inputs(folder: Path, *, bad: bool = False) -> Path:
    folder.mkdir()
    shutil.copy(NEWS / "news_03_typhoon.en.txt", folder / "typhoon.en.txt")
    shutil.copy(NEWS / "news_03_typhoon.zh.txt", folder / "typhoon.zh.txt")
    shutil.copy(NEWS / "news_04_chipmaker.txt", folder / "chipmaker.txt")
    shutil.copy(NEWS / "news_01_economy.key.json", folder / "economy.key.json")
    if bad:
        (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03 not text \x00")
        (folder / "english.txt").write_text("Only English here. Nothing else.\n", "utf-8")
    return folder


def read_summary(outdir: Path) -> dict[str, dict[str, str]]:
    with open(outdir / "summary.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {row["name"]: row for row in rows}


def batch(*args: str) -> int:
    return main(["batch", *args, "-q"])


@pytest.fixture
def folder(tmp_path) -> Path:
    return make_inputs(tmp_path / "in", bad=True)


def test_batch_writes_projects_and_summary(folder, tmp_path):
    out = tmp_path / "out"
    assert batch(str(folder), "-o", str(out), "--jobs", "1") == 1  # two bad pairs
    for name in ("typhoon", "chipmaker"):
        doc = load_project(out / f"{name}.json")
        assert doc.beads and doc.scores["risk"]["expected_major"] >= 0
        record = doc.meta["batch"]
        assert [entry["file"] for entry in record["inputs"]][:1] in (
            ["typhoon.en.txt"],
            ["chipmaker.txt"],
        )
        assert record["summary"]["status"] == "aligned"
    with open(out / "summary.tsv", encoding="utf-8") as handle:
        assert handle.readline().rstrip("\n").split("\t") == list(COLUMNS)
    rows = read_summary(out)
    assert rows["typhoon"]["status"] == rows["chipmaker"]["status"] == "aligned"
    typhoon = rows["typhoon"]
    doc = load_project(out / "typhoon.json")
    assert int(typhoon["source_sentences"]) == len(doc.source.sentences)
    assert int(typhoon["beads"]) == len(doc.beads)
    assert int(typhoon["omitted"]) == doc.scores["omissions"]
    assert float(typhoon["expected_major"]) == pytest.approx(
        doc.scores["risk"]["expected_major"], rel=1e-3
    )
    assert float(typhoon["seconds"]) > 0 and typhoon["output"] == "typhoon.json"
    assert rows["binary"]["status"] == "error" and "binary" in rows["binary"]["message"]
    assert rows["english"]["status"] == "error" and "one language" in rows["english"]["message"]
    assert rows["economy.key.json"]["status"] == "left alone"
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert "<table>" in page and "typhoon.json" in page and "<script" not in page
    # why each document failed, above the table (its message cell is the last column)
    errors = page.split('<ul class="errors">', 1)[1].split("</ul>", 1)[0]
    assert errors.count("<li>") == 2 and "one language" in errors and "<table>" in page.split(
        errors, 1)[1]
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))


def test_good_folder_exits_zero_and_resumes(tmp_path, capsys):
    folder = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "2 document(s) to align, 1 file(s) left alone" in err
    assert "economy.key.json: not a .txt file" in err
    assert "  chipmaker: chipmaker.txt\n  typhoon: typhoon.en.txt + typhoon.zh.txt\n" in err
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("[!.]*.json")}

    assert batch(str(folder), "-o", str(out), "--jobs", "1") == 0
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("[!.]*.json")} == stamps
    assert {r["status"] for r in read_summary(out).values()} == {"unchanged", "left alone"}

    # Without the state cache the projects' own records decide; a broken project reruns.
    (out / runner.STATE_NAME).unlink()
    (out / "chipmaker.json").write_text("{", encoding="utf-8")
    text = (folder / "typhoon.en.txt").read_text(encoding="utf-8")
    (folder / "typhoon.en.txt").write_text(text + "\nOne more line.\n", encoding="utf-8")
    (folder / "extra.txt").write_bytes((folder / "chipmaker.txt").read_bytes())
    assert batch(str(folder), "-o", str(out), "--jobs", "1") == 0
    assert (out / "typhoon.json.bak").is_file()  # the project it replaced
    rows = read_summary(out)
    assert {name: rows[name]["status"] for name in ("typhoon", "chipmaker", "extra")} == {
        "typhoon": "aligned",
        "chipmaker": "aligned",
        "extra": "aligned",
    }
    # An option that changes the output reruns everything it touches.
    assert batch(str(folder), "-o", str(out), "--jobs", "1", "--presplit") == 0
    assert {r["status"] for n, r in read_summary(out).items() if "." not in n} == {"aligned"}


def test_interrupted_save_leaves_no_half_written_file(tmp_path, monkeypatch):
    folder = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    import aligner_gui.io.atomic as atomic

    real_replace = atomic.os.replace

    def interrupted(src, dst):
        if Path(dst).name in ("typhoon.json", "chipmaker.json"):
            raise KeyboardInterrupt  # Ctrl-C (or a kill) between write and rename
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    assert batch(str(folder), "-o", str(out), "--jobs", "1") == 130
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert sorted(p.name for p in out.iterdir()) == [
        runner.STATE_NAME,
        "summary.html",
        "summary.tsv",
    ]
    assert {r["status"] for r in read_summary(out).values()} == {"not done", "left alone"}
    (out / ".typhoon.json.k1ll3d.tmp").write_text("{half", encoding="utf-8")  # a SIGKILL's
    assert batch(str(folder), "-o", str(out), "--jobs", "1") == 0
    assert not list(out.glob(".*.tmp"))
    assert {r["status"] for r in read_summary(out).values()} == {"aligned", "left alone"}


def test_a_failing_save_is_one_error_row(tmp_path, fail_writing):
    folder = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    import aligner_gui.io.project as project

    fail_writing(project, "save_project", "chipmaker.json", "disk full")
    assert batch(str(folder), "-o", str(out), "--jobs", "1") == 1
    rows = read_summary(out)
    assert rows["chipmaker"]["status"] == "error" and "disk full" in rows["chipmaker"]["message"]
    assert rows["typhoon"]["status"] == "aligned"
    assert not (out / "chipmaker.json").exists()


def test_extra_formats(tmp_path):
    folder = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    code = batch(str(folder), "-o", str(out), "--jobs", "1", "-f", "tmx,mqm-tsv", "-f", "intertext")
    assert code == 0
    for name in ("typhoon", "chipmaker"):
        assert (out / f"{name}.tmx").read_text(encoding="utf-8").count("<tu") > 5
        assert (out / f"{name}.mqm.tsv").is_file()
        for suffix in (".zh.en.xml", ".zh.xml", ".en.xml"):
            assert (out / f"{name}{suffix}").is_file()
    # A deleted export is written again from the project, which is not aligned again.
    (out / "typhoon.tmx").unlink()
    assert batch(str(folder), "-o", str(out), "--jobs", "1", "-f", "tmx,mqm-tsv,intertext") == 0
    rows = read_summary(out)
    assert (rows["typhoon"]["status"], rows["chipmaker"]["status"]) == ("unchanged", "unchanged")
    assert (out / "typhoon.tmx").is_file()


def test_another_format_never_replaces_a_reviewed_project(tmp_path):
    """Adding an export format re-aligned every document and moved a reviewed project to
    .bak without a word (a helper's batch review)."""
    from aligner_gui.core.model import Annotation
    from aligner_gui.io.project import save_project

    folder = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    assert batch(str(folder), "-o", str(out), "--jobs", "1") == 0
    doc = load_project(out / "typhoon.json")
    sentence = doc.source.sentences[0]
    doc.add_annotation(Annotation("other", "source", sentence.start, sentence.end,
                                  sentence.text, "Other", comment="REVIEWED"))
    save_project(doc, out / "typhoon.json")
    assert batch(str(folder), "-o", str(out), "--jobs", "1", "-f", "tmx,html") == 0
    assert [a.comment for a in load_project(out / "typhoon.json").annotations] == ["REVIEWED"]
    assert (out / "typhoon.tmx").is_file() and (out / "typhoon.html").is_file()
    assert read_summary(out)["typhoon"]["status"] == "unchanged"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json"], "written anyway"),
        (["--format", "pdf"], "unknown export format"),
        (["--jobs", "0"], "--jobs must be 1 or more"),
        (["--send-files"], "--send-files is for --scheduler"),
    ],
)
def test_usage_errors_exit_2(tmp_path, capsys, args, message):
    folder = make_inputs(tmp_path / "in")
    assert batch(str(folder), "-o", str(tmp_path / "out"), *args) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_missing_input_or_outdir_parent_exit_2(tmp_path, capsys):
    assert batch(str(tmp_path / "nope"), "-o", str(tmp_path / "out")) == 2
    assert "no such folder or manifest" in capsys.readouterr().err
    folder = make_inputs(tmp_path / "in")
    assert batch(str(folder), "-o", str(tmp_path / "a" / "b")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_manifest_run_and_its_unusable_lines(tmp_path):
    make_inputs(tmp_path / "in")
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text(
        "in/typhoon.zh.txt\tin/typhoon.en.txt\tstorm\nin/chipmaker.txt\nin/missing.txt\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert batch(str(manifest), "-o", str(out), "--jobs", "1") == 1  # the missing file
    rows = read_summary(out)
    assert rows["storm"]["status"] == rows["chipmaker"]["status"] == "aligned"
    assert rows["missing.txt"]["status"] == "left alone"
    doc = load_project(out / "storm.json")
    assert (doc.source.lang, doc.target.lang) == ("en", "zh")  # any order, as align


def test_worker_processes_give_the_same_projects(tmp_path, monkeypatch):
    folder = make_inputs(tmp_path / "in", bad=True)
    one, two = tmp_path / "one", tmp_path / "two"
    assert batch(str(folder), "-o", str(one), "--jobs", "1") == 1
    monkeypatch.setattr(runner, "RECYCLE_AFTER", 1)  # a fresh worker for each document
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    assert batch(str(folder), "-o", str(two), "--jobs", "2") == 1
    assert "OMP_NUM_THREADS" not in os.environ  # the workers' setting, not this process's
    assert read_summary(one).keys() == read_summary(two).keys()
    for name in ("typhoon", "chipmaker"):
        assert beads(one / f"{name}.json") == beads(two / f"{name}.json")
    state = json.loads((two / runner.STATE_NAME).read_text(encoding="utf-8"))
    assert len(state["workers"]) == 4
    assert all(w["peak_kb"] > 0 for w in state["workers"].values())


def beads(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [{k: b[k] for k in ("source", "target", "score", "flags")} for b in data["beads"]]


def test_a_bilingual_text_given_as_the_manifest_is_one_line_exit_2(tmp_path, capsys):
    """Its sentences were read as file names: an internal error ('File name too long')."""
    text = tmp_path / "story.txt"
    text.write_text("这是第一句。" * 60 + "\n\n" + "This is the first sentence. " * 40 + "\n",
                    encoding="utf-8")
    assert batch(str(text), "-o", str(tmp_path / "out")) == 2
    err = capsys.readouterr().err
    assert "a text, not a manifest" in err and "aligner align" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_summary_headline_and_links_read_well() -> None:
    from aligner_gui.batch.summary import headline, html_text

    assert headline([]) == "0 documents to align"  # it said "0 documents: ;"
    page = html_text([{"name": "#1 report 100%", "status": "aligned",
                       "output": "#1 report 100%.json"}], "batch")
    assert 'href="%231%20report%20100%25.json"' in page
    with_report = html_text([{"name": "harbor", "status": "aligned", "output": "harbor.json"}],
                            "batch", frozenset({"harbor"}))
    assert '<a href="harbor.html">harbor</a>' in with_report  # the report, for its reader


def _busy_batch(tmp_path: Path, copies: int):
    """A subprocess `aligner batch` of ``copies`` stories, once its first ones are done
    (the pool is busy), and its output folder."""
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(copies):
        shutil.copy(NEWS / "news_04_chipmaker.txt", folder / f"story{k:02d}.txt")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "aligner_gui.cli", "batch", str(folder), "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(out.glob("story*.json")) and time.monotonic() < deadline:
        time.sleep(0.1)
    return process, out


def test_a_second_ctrl_c_while_stopping_neither_hangs_nor_loses_the_summary(tmp_path):
    """Two SIGINTs 50 ms apart to the process group (a double press, `timeout -s INT`):
    the pool's shutdown was broken by the second one and the exit hung for good."""
    import signal
    import subprocess
    import time

    process, out = _busy_batch(tmp_path, 40)
    os.killpg(process.pid, signal.SIGINT)
    time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    try:
        _out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the batch hung after a second Ctrl-C")
    assert process.returncode == 130 and "Traceback" not in err
    rows = read_summary(out)  # always written, and right about what is on disk
    aligned = {name for name, row in rows.items() if row["status"] == "aligned"}
    assert aligned == {p.stem for p in out.glob("story*.json")}


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except OSError:
        return False
    return stat[0] != b"Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_batch_is_killed(tmp_path):
    """kill -9 of `aligner batch` left the forkserver and its workers (350 MB) for good."""
    import signal
    import time

    process, _out = _busy_batch(tmp_path, 60)
    helpers = _descendants(process.pid)
    assert helpers, "the batch started no worker processes"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 15
    while any(map(_running, helpers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in helpers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} of {len(helpers)} helper processes outlived the batch"


def test_a_reviewed_project_whose_text_changed_is_kept_unless_forced(tmp_path, capsys):
    """Changing a text and running the batch again replaced the reviewed project, and a
    second run replaced its backup too: the review was gone for good."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.en.txt").write_text("The committee met on Monday.\nIt approved the budget.\n",
                                     encoding="utf-8")
    (folder / "a.zh.txt").write_text("委员会周一开会。\n会议批准了预算。\n", encoding="utf-8")
    assert batch(str(folder), "-o", str(out), "-q") == 0
    project = out / "a.json"
    data = json.loads(project.read_text(encoding="utf-8"))
    data["beads"][0]["status"] = "confirmed"
    project.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / "a.zh.txt").write_text("委员会周一开了会。\n会议批准了预算。\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["batch", str(folder), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "a: a.json holds a review (1 confirmed or hand-made bead) and would be" in err
    assert read_summary(out)["a"]["status"] == "error"  # said, not only in summary.tsv
    assert load_project(project).beads[0].status == "confirmed"
    for _ in range(2):
        assert batch(str(folder), "-o", str(out), "--force", "-q") == 0
        backup = load_project(out / "a.json.bak")
        assert backup.beads[0].status == "confirmed"


def test_exports_follow_a_project_saved_since_the_batch(tmp_path):
    """Reviewed in the window, then the same batch again: its HTML report still said
    "No annotations yet"."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(NEWS / "news_04_chipmaker.txt", folder / "story.txt")
    assert batch(str(folder), "-o", str(out), "-f", "tsv") == 0
    project = out / "story.json"
    doc = load_project(project)
    doc.beads[0].status = "confirmed"
    from aligner_gui.io.project import save_project

    save_project(doc, project)
    assert batch(str(folder), "-o", str(out), "-f", "tsv") == 0
    table = (out / "story.tsv").read_text(encoding="utf-8").splitlines()
    assert table[1].split("\t")[5] == "confirmed"
    assert read_summary(out)["story"]["status"] == "unchanged"


def test_a_chinese_original_read_as_the_translation_is_noted(tmp_path, capsys):
    """`aligner align` said so; the batch (and the queue's projects) said nothing."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "typhoon.txt").write_text(
        "新华社广州9月8日电 台风于7日在广东登陆。\n当地已转移群众58万人。\n\n"
        "GUANGZHOU, Sept. 8 (Xinhua) -- The typhoon made landfall in Guangdong on Saturday.\n"
        "Some 580,000 people have been evacuated.\n", encoding="utf-8")
    assert main(["batch", str(folder), "-o", str(out)]) == 0
    assert "typhoon: aligned" in capsys.readouterr().err
    note = read_summary(out)["typhoon"]["message"]
    assert note.startswith("note: the Chinese looks like the original (a 新华社…电 dateline)")
    assert main(["batch", str(folder), "-o", str(tmp_path / "zh"), "--source-lang", "zh"]) == 0
    assert read_summary(tmp_path / "zh")["typhoon"]["message"] == ""
