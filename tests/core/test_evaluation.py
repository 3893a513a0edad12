"""evaluation.py must agree exactly with the reference scorer in ../shared/tools."""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest

from aligner_gui.core.align.evaluation import format_align, parse_align, read_align, strict_lax_prf
from aligner_gui.core.model import Bead

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "tools" / "align_eval.py"


def _reference():
    if not REFERENCE.is_file():
        pytest.skip("../shared/tools/align_eval.py is not present")
    spec = importlib.util.spec_from_file_location("align_eval_reference", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _random_alignment(rng: random.Random, n_src: int, n_tgt: int) -> list:
    """A random monotone alignment covering both sides, with all bead kinds."""
    beads = []
    i = j = 0
    kinds = [(1, 1)] * 6 + [(1, 2), (2, 1), (1, 0), (0, 1), (1, 3), (2, 2), (3, 1), (2, 3)]
    while i < n_src or j < n_tgt:
        a, b = rng.choice(kinds)
        a = min(a, n_src - i)
        b = min(b, n_tgt - j)
        if a == 0 and b == 0:
            a, b = (1, 0) if i < n_src else (0, 1)
        beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i += a
        j += b
    return beads


def _perturb(rng: random.Random, beads: list) -> list:
    """Merge and split neighbouring beads at random, keeping coverage."""
    out = [list(map(list, b)) for b in beads]
    for _ in range(max(1, len(out) // 4)):
        if len(out) < 2:
            break
        k = rng.randrange(len(out) - 1)
        if rng.random() < 0.5:
            a, b = out[k], out[k + 1]
            out[k : k + 2] = [[a[0] + b[0], a[1] + b[1]]]
        else:
            s, t = out[k]
            if len(s) + len(t) >= 2:
                cs = rng.randint(0, len(s))
                ct = rng.randint(0, len(t))
                first = [s[:cs], t[:ct]]
                second = [s[cs:], t[ct:]]
                parts = [p for p in (first, second) if p[0] or p[1]]
                out[k : k + 1] = parts
    return [(tuple(s), tuple(t)) for s, t in out]


def test_identical_alignment_scores_one():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
    res = strict_lax_prf([gold], [gold])
    assert res["strict"] == (1.0, 1.0, 1.0)
    assert res["lax"] == (1.0, 1.0, 1.0)


def test_accepts_model_beads():
    gold = [((0,), (0,)), ((1,), (1, 2))]
    test = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((), (2,))]
    res = strict_lax_prf([gold], [test])
    assert res["strict"][0] == pytest.approx(1 / 3)
    assert res["lax"][0] == pytest.approx(2 / 3)


def test_format_and_parse_round_trip(tmp_path):
    beads = [((0, 1), (0,)), ((), (1,)), ((2,), ()), ((3,), (2, 3, 4))]
    text = format_align(beads)
    assert text.splitlines()[0] == "[0,1]:[0]"
    assert text.splitlines()[1] == "[]:[1]"
    assert parse_align(text) == beads
    path = tmp_path / "x.align"
    path.write_text(text, encoding="utf-8")
    assert read_align(path) == beads


def test_parse_rejects_garbage():
    with pytest.raises(ValueError):
        parse_align("[0]-[1]\n")


@pytest.mark.parametrize("seed", range(8))
def test_agrees_with_reference_scorer(seed):
    ref = _reference()
    rng = random.Random(seed)
    golds, tests = [], []
    for _ in range(3):
        gold = _random_alignment(rng, rng.randint(5, 40), rng.randint(5, 40))
        golds.append(gold)
        tests.append(_perturb(rng, gold))
    ours = strict_lax_prf(golds, tests)
    theirs = ref.score(golds, tests)
    for key in ("strict", "lax"):
        assert ours[key] == pytest.approx(theirs[key], abs=1e-12)


def test_agrees_with_reference_command_line(tmp_path):
    if not REFERENCE.is_file():
        pytest.skip("../shared/tools/align_eval.py is not present")
    rng = random.Random(42)
    gold_dir, test_dir = tmp_path / "gold", tmp_path / "test"
    gold_dir.mkdir()
    test_dir.mkdir()
    golds, tests = [], []
    for doc in ("001", "002"):
        gold = _random_alignment(rng, 30, 35)
        test = _perturb(rng, gold)
        golds.append(gold)
        tests.append(test)
        (gold_dir / f"{doc}.align").write_text(format_align(gold), encoding="utf-8")
        (test_dir / f"{doc}.align").write_text(format_align(test), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold_dir), str(test_dir)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ours = strict_lax_prf(golds, tests)
    expected = "strict P={:.3f} R={:.3f} F1={:.3f} | lax P={:.3f} R={:.3f} F1={:.3f}".format(
        *ours["strict"],
        *ours["lax"],
    )
    assert out.strip() == expected
