"""`aligner batch --scheduler`: a Dask LocalCluster of two worker processes, same outputs."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from aligner_gui.cli import main

distributed = pytest.importorskip("distributed")

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=50,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cluster") / "in"
    folder.mkdir()
    shutil.copy(NEWS / "news_03_typhoon.en.txt", folder / "typhoon.en.txt")
    shutil.copy(NEWS / "news_03_typhoon.zh.txt", folder / "typhoon.zh.txt")
    shutil.copy(NEWS / "news_04_chipmaker.txt", folder / "chipmaker.txt")
    shutil.copy(NEWS / "news_02_court.txt", folder / "court.txt")
    (folder / "english.txt").write_text("Only English here. Nothing else.\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def local_run(inputs) -> Path:
    out = inputs.parent / "local"
    assert main(["batch", str(inputs), "-o", str(out), "--jobs", "1", "-q", "-f", "tmx"]) == 1
    return out


def outputs(folder: Path) -> dict[str, object]:
    """What a run produced, without what differs between runs (times, creation dates)."""
    found: dict[str, object] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.name == "summary.tsv":
            lines = path.read_text(encoding="utf-8").splitlines()
            header = lines[0].split("\t")
            drop = header.index("seconds")
            rows = [line.split("\t") for line in lines]
            found[path.name] = [[c for k, c in enumerate(row) if k != drop] for row in rows]
        elif path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            found[path.name] = (data["beads"], data["source"], data["target"])
        elif path.suffix == ".tmx":
            found[path.name] = path.read_text(encoding="utf-8").count("<tu ")
        else:
            found[path.name] = None
    return found


@pytest.mark.parametrize("send_files", [False, True], ids=["shared-folder", "send-files"])
def test_cluster_run_matches_the_local_run(cluster, inputs, local_run, tmp_path, send_files):
    out = tmp_path / "out"
    args = ["batch", str(inputs), "-o", str(out), "-q", "-f", "tmx"]
    args += ["--scheduler", cluster.scheduler_address]
    if send_files:
        args.append("--send-files")
    assert main(args) == 1  # english.txt has one language
    assert outputs(out) == outputs(local_run)
    # Resumable the same way: nothing to redo.
    assert main(args) == 1
    statuses = [line.split("\t")[1] for line in (out / "summary.tsv").read_text().splitlines()]
    assert sorted(statuses[1:]) == ["error", "unchanged", "unchanged", "unchanged"]


def test_unreachable_scheduler_exits_2(inputs, tmp_path, capsys, monkeypatch):
    from aligner_gui.batch import cluster as backend

    monkeypatch.setattr(backend, "CONNECT_TIMEOUT", "1s")
    args = ["batch", str(inputs), "-o", str(tmp_path / "out"), "-q"]
    assert main([*args, "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


def test_an_unwritable_returned_output_is_one_error_row(cluster, inputs, tmp_path, fail_writing):
    from aligner_gui.batch import runner

    fail_writing(runner, "atomic_write_bytes", "court.json", "No space left on device")
    out = tmp_path / "out"
    args = ["batch", str(inputs), "-o", str(out), "-q", "--send-files"]
    assert main([*args, "--scheduler", cluster.scheduler_address]) == 1
    rows = {
        line.split("\t")[0]: line.split("\t")
        for line in (out / "summary.tsv").read_text(encoding="utf-8").splitlines()
    }
    assert rows["court"][1] == "error" and "No space left" in rows["court"][-1]
    assert rows["typhoon"][1] == rows["chipmaker"][1] == "aligned"
    assert not (out / "court.json").exists()


def test_without_dask_the_scheduler_option_says_what_to_install(
    inputs, tmp_path, capsys, monkeypatch
):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    args = ["batch", str(inputs), "-o", str(tmp_path / "out"), "-q"]
    assert main([*args, "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "pip install 'aligner-gui[cluster]'" in capsys.readouterr().err
