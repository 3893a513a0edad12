"""Fuzz of the loaders on mutated real files: only the project's typed errors may escape.

The seeded campaigns (fuzzing.py) mutate the aligned seed's project JSON, TMX and
InterText exports and the real InterText files of ../shared/data/mac-dev, and load
each case with ``load_project`` / ``import_file``. An accepted file must also be a
valid document that saves and reopens. The bugs found so far have a minimal
reproducer below, marked ``xfail(strict=True)`` until their owner fixes them; the
campaigns tolerate only those known signatures (each one tied to its reproducer), so
a new kind of failure fails the test. The long run is benchmarks/fuzz_loaders.py.
"""

from __future__ import annotations

import json
import math
import re
import shutil

import fuzzing
import pytest

from aligner_gui.core.errors import AlignerError
from aligner_gui.io.errors import ProjectError, ProjectFormatError
from aligner_gui.io.formats import import_file
from aligner_gui.io.project import load_project, save_project, to_dict

# Known bugs: signature pattern -> the reproducer test below (xfail strict until fixed).
# When an owner fixes one, its reproducer XPASSes (strict: the run fails) and both the
# marker and the entry here are removed.
KNOWN_BUGS: dict[str, str] = {
    r"^ValueError at io/xmlsafe\.py:root_tag$": "test_undeclared_prefix_on_the_root",
}

# Cases per campaign, chosen to keep this file near 15 s on a shared 2-core machine.
CASES = {"json": 220, "tmx": 120, "intertext": 120, "mac-dev": 15, "mqm-tsv": 150}


def _known(signature: str) -> bool:
    return any(re.search(pattern, signature) for pattern in KNOWN_BUGS)


def _assert_no_new_bugs(report: fuzzing.Report) -> None:
    new = {sig: cases for sig, cases in report.bugs.items() if not _known(sig)}
    if new:
        lines = []
        for signature, cases in new.items():
            seed, desc, detail, trace = cases[0]
            lines.append(f"{signature} ({len(cases)} cases), e.g. {desc}\n  {detail}\n{trace}")
        pytest.fail("untyped failures or unsafe acceptances:\n" + "\n".join(lines))


def _run(target: fuzzing.Target, n: int, tmp_path, record_property) -> fuzzing.Report:
    report = fuzzing.campaign(target, range(n), tmp_path)
    record_property("cases", report.cases)
    record_property("outcomes", dict(report.outcomes))
    print(f"{target.name}: {report.cases} cases, {dict(report.outcomes)}")
    assert report.cases == n
    assert report.slowest[0] < 10, f"slow case: {report.slowest}"
    return report


def test_fuzz_project_json(seed_files, tmp_path, record_property):
    target = fuzzing.Target("json", seed_files["json"], [seed_files["json"]], load_project, "json")
    report = _run(target, CASES["json"], tmp_path, record_property)
    assert report.outcomes["typed"] > 0 and report.outcomes["ok"] > 0
    _assert_no_new_bugs(report)


def test_fuzz_tmx(seed_files, tmp_path, record_property):
    target = fuzzing.Target("tmx", seed_files["tmx"], [seed_files["tmx"]], import_file, "xml")
    report = _run(target, CASES["tmx"], tmp_path, record_property)
    assert report.outcomes["typed"] > 0 and report.outcomes["ok"] > 0
    _assert_no_new_bugs(report)


def test_fuzz_mqm_tsv(seed_files, tmp_path, record_property):
    path = seed_files["mqm-tsv"]
    target = fuzzing.Target("mqm-tsv", path, [path], import_file, "tsv")
    report = _run(target, CASES["mqm-tsv"], tmp_path, record_property)
    assert report.outcomes["typed"] > 0 and report.outcomes["ok"] > 0
    _assert_no_new_bugs(report)


def test_fuzz_intertext_export(seed_files, tmp_path, record_property):
    files = [seed_files["intertext"], seed_files["intertext-from"], seed_files["intertext-to"]]
    target = fuzzing.Target("intertext", files[0], files, import_file, "xml")
    report = _run(target, CASES["intertext"], tmp_path, record_property)
    _assert_no_new_bugs(report)


def test_fuzz_real_intertext(real_intertext, tmp_path, record_property):
    if not real_intertext:
        pytest.skip("../shared/data/mac-dev/intertext is not present")
    total = fuzzing.Report()
    for link, from_text, to_text in real_intertext:
        target = fuzzing.Target(link.name, link, [link, from_text, to_text], import_file, "xml")
        fuzzing.campaign(target, range(CASES["mac-dev"]), tmp_path, total)
    record_property("cases", total.cases)
    print(f"mac-dev intertext: {total.cases} cases, {dict(total.outcomes)}")
    _assert_no_new_bugs(total)


def test_unmutated_files_load(seed_files, real_intertext, tmp_path):
    """The starting points themselves are accepted and survive save + reopen."""
    entries = [
        (load_project, seed_files["json"]),
        (import_file, seed_files["tmx"]),
        (import_file, seed_files["intertext"]),
        (import_file, seed_files["mqm-tsv"]),
    ] + [(import_file, triple[0]) for triple in real_intertext]
    for loader, path in entries:
        outcome = fuzzing.run_loader(loader, path, tmp_path)
        assert outcome.kind == "ok", (path, outcome.detail)


def test_mutations_are_deterministic(seed_files, tmp_path):
    target = fuzzing.Target("json", seed_files["json"], [seed_files["json"]], load_project, "json")
    a, desc_a = fuzzing.make_case(target, 17, tmp_path / "a")
    b, desc_b = fuzzing.make_case(target, 17, tmp_path / "b")
    assert desc_a == desc_b and a.read_bytes() == b.read_bytes()


# -- hand-made hostile project files ---------------------------------------------------


def _project(seed_doc) -> dict:
    return json.loads(json.dumps(to_dict(seed_doc)))


def _load(tmp_path, data=None, raw: bytes | None = None):
    path = tmp_path / "case.json"
    path.write_bytes(raw if raw is not None else json.dumps(data).encode("utf-8"))
    return load_project(path)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00" * 100,
        b"\xff\xfe{\x00}\x00",
        b"{" * 100_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": "aligner-gui", "version": 1, "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"format": "aligner-gui", "version": 99999999999999999999999999}',
        b'{"format": "aligner-gui", "version": 1e999}',
        b'{"format": "aligner-gui", "version": NaN}',
        b'{"format": "aligner-gui", "version": 1, "source": "\\ud800"}',
        b"\xef\xbb\xbf\xef\xbb\xbf{}",
        b'"just a string"',
        b"null",
    ],
    ids=lambda raw: repr(raw[:30]),
)
def test_hostile_project_bytes_give_typed_errors(tmp_path, raw):
    with pytest.raises(ProjectError) as info:
        _load(tmp_path, raw=raw)
    assert "\n" not in str(info.value)


def test_deep_nesting_inside_a_valid_project(tmp_path, seed_doc):
    """Deep nesting where the schema allows any object (scores, details) loads or is refused
    with a typed error; if it loads, it also saves."""
    data = _project(seed_doc)
    deep: dict = {}
    node = deep
    for _ in range(900):
        node["a"] = {}
        node = node["a"]
    data["scores"] = deep
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome = fuzzing.run_loader(load_project, path, tmp_path)
    assert outcome.kind in ("ok", "typed"), outcome.trace


@pytest.mark.parametrize("field", ["start", "end"])
def test_sentence_offsets_outside_the_text(tmp_path, seed_doc, field):
    data = _project(seed_doc)
    data["target"]["sentences"][3][field] = 10**30
    with pytest.raises(ProjectFormatError, match="target sentence 3"):
        _load(tmp_path, data)


def test_annotation_far_outside_the_text_becomes_an_orphan(tmp_path, seed_doc):
    data = _project(seed_doc)
    data["annotations"][0]["start"] = 10**30
    data["annotations"][0]["end"] = 10**30 + 5
    doc = _load(tmp_path, data)
    annotation = doc.annotations[0]
    assert annotation.extra.get("orphan") or annotation.extra.get("reanchored")
    assert 0 <= annotation.start <= annotation.end <= len(doc.side(annotation.side).text)


# -- reproducers of the bugs found (owners' files named in each reason) ------------------


def test_float_sentence_offsets_are_refused(tmp_path, seed_doc):
    data = _project(seed_doc)
    data["source"]["sentences"][0]["end"] = float(data["source"]["sentences"][0]["end"])
    try:
        doc = _load(tmp_path, data)
    except ProjectFormatError:
        return
    assert all(type(s.end) is int for s in doc.source.sentences)


def test_float_annotation_offsets_are_refused(tmp_path, seed_doc):
    data = _project(seed_doc)
    data["annotations"][0]["start"] = float(data["annotations"][0]["start"])
    try:
        doc = _load(tmp_path, data)
    except ProjectFormatError:
        return
    assert type(doc.annotations[0].start) is int


@pytest.mark.parametrize("context", ["text", 5, {"before": 5}])
def test_annotation_context_of_wrong_type(tmp_path, seed_doc, context):
    data = _project(seed_doc)
    annotation = data["annotations"][0]
    annotation["start"] += 1  # offsets no longer match the text: re-anchoring runs
    annotation["end"] += 1
    annotation["context"] = context
    try:
        _load(tmp_path, data)
    except ProjectFormatError:
        pass


def test_integer_with_thousands_of_digits(tmp_path):
    raw = b'{"format": "aligner-gui", "version": ' + b"9" * 5000 + b"}"
    with pytest.raises(ProjectError):
        _load(tmp_path, raw=raw)


def test_nan_score_is_refused(tmp_path, seed_doc):
    raw = json.dumps(_project(seed_doc)).replace('"score": ', '"score": NaN, "_": ', 1)
    try:
        doc = _load(tmp_path, raw=raw.encode())
    except ProjectFormatError:
        return
    assert all(b.score is None or 0 <= b.score <= 1 for b in doc.beads)


def test_lone_surrogate_in_project(tmp_path, seed_doc):
    data = _project(seed_doc)
    data["annotations"][0]["comment"] = "\ud800"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii: "\ud800" escape
    try:
        doc = load_project(path)
    except ProjectFormatError:
        return
    save_project(doc, tmp_path / "again.json")  # must not raise UnicodeEncodeError


@pytest.mark.parametrize("value", ["5", "-1", "inf", "nan"])
def test_tmx_score_outside_unit_interval(tmp_path, seed_files, value):
    raw = seed_files["tmx"].read_text(encoding="utf-8")
    raw = re.sub(r'(<prop type="x-score">)[^<]*', r"\g<1>" + value, raw, count=1)
    path = tmp_path / "score.tmx"
    path.write_text(raw, encoding="utf-8")
    try:
        doc = import_file(path)
    except AlignerError:
        return
    score = doc.beads[0].score
    assert score is None or (math.isfinite(score) and 0 <= score <= 1)


def test_details_uncovered_round_trip(tmp_path, seed_doc):
    data = _project(seed_doc)
    data["beads"][0]["details"] = {"uncovered": 5}
    doc = _load(tmp_path, data)
    save_project(doc, tmp_path / "again.json")
    load_project(tmp_path / "again.json")


def _intertext_copy(seed_files, tmp_path):
    files = [seed_files["intertext"], seed_files["intertext-from"], seed_files["intertext-to"]]
    for file in files:
        shutil.copy(file, tmp_path / file.name)
    return [tmp_path / f.name for f in files]


def _import_save_reopen(path, tmp_path):
    try:
        doc = import_file(path)
    except AlignerError:
        return
    save_project(doc, tmp_path / "imported.json")
    load_project(tmp_path / "imported.json")  # raises if the saved project is unreadable


@pytest.mark.parametrize("content", ["", "   "])
def test_intertext_empty_sentence(tmp_path, seed_files, content):
    link, _from_text, to_text = _intertext_copy(seed_files, tmp_path)
    raw = to_text.read_text(encoding="utf-8")
    to_text.write_text(re.sub(r'(<s id="1:1">)[^<]*', r"\g<1>" + content, raw, count=1),
                       encoding="utf-8")
    _import_save_reopen(link, tmp_path)


@pytest.mark.parametrize("fmt", ["tmx", "intertext"])
def test_imported_language_other_than_en_zh(tmp_path, seed_files, fmt):
    if fmt == "tmx":
        raw = seed_files["tmx"].read_text(encoding="utf-8")
        path = tmp_path / "fr.tmx"
        path.write_text(raw.replace('xml:lang="zh"', 'xml:lang="fr"'), encoding="utf-8")
    else:
        path, from_text, _to_text = _intertext_copy(seed_files, tmp_path)
        raw = from_text.read_text(encoding="utf-8")
        from_text.write_text(raw.replace('xml:lang="zh"', 'xml:lang="fr"'), encoding="utf-8")
    _import_save_reopen(path, tmp_path)


def test_known_bug_table_names_real_tests():
    names = set(globals())
    for test_name in KNOWN_BUGS.values():
        assert test_name in names, test_name


def test_undeclared_prefix_on_the_root(tmp_path):
    path = tmp_path / "prefix.xml"
    path.write_text('<?xml version="1.0"?>\n<linkG:rp toDoc="a.xml" fromDoc="b.xml">'
                    '<link xtargets="1;1"/></linkG:rp>\n', encoding="utf-8")
    with pytest.raises(AlignerError):
        import_file(path)
