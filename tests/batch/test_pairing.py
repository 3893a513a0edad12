"""Which files make a document: folder naming schemes, left-alone files, manifests."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner_gui.core.errors import InputError
from aligner_gui.io.pairing import Pair, pair_folder, read_manifest, split_tag


def touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")


def reasons(pairing) -> dict[str, str]:
    return {path.name: reason for path, reason in pairing.skipped}


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("book.en", ("book", "en")),
        ("book_ZH", ("book", "zh")),
        ("book-en", ("book", "en")),
        ("a.b.zh", ("a.b", "zh")),
        ("en", ("en", None)),
        ("token", ("token", None)),
        ("000_730210bb8f392e85", ("000_730210bb8f392e85", None)),
    ],
)
def test_split_tag(stem, expected):
    assert split_tag(stem) == expected


def test_each_naming_scheme_pairs(tmp_path):
    touch(tmp_path, "a.en.txt", "a.zh.txt", "b_en.txt", "b_zh.txt", "c-EN.txt", "c-ZH.txt")
    touch(tmp_path, "seed.txt")
    pairing = pair_folder(tmp_path)
    assert pairing.pairs == [
        Pair("a", tmp_path / "a.en.txt", tmp_path / "a.zh.txt"),
        Pair("b", tmp_path / "b_en.txt", tmp_path / "b_zh.txt"),
        Pair("c", tmp_path / "c-EN.txt", tmp_path / "c-ZH.txt"),
        Pair("seed", tmp_path / "seed.txt", None),
    ]
    assert pairing.skipped == []
    assert pairing.pairs[3].inputs == [tmp_path / "seed.txt"]


def test_source_lang_zh_puts_the_chinese_file_first(tmp_path):
    touch(tmp_path, "a.en.txt", "a.zh.txt")
    (pair,) = pair_folder(tmp_path, source_lang="zh").pairs
    assert (pair.source.name, pair.target and pair.target.name) == ("a.zh.txt", "a.en.txt")


def test_natural_order(tmp_path):
    touch(tmp_path, "ch10.txt", "ch2.txt", "ch1.txt")
    assert [p.name for p in pair_folder(tmp_path).pairs] == ["ch1", "ch2", "ch10"]


def test_left_alone_files_say_why(tmp_path):
    touch(tmp_path, "lonely.en.txt", "notes.md", "key.json", ".hidden.txt")
    touch(tmp_path, "twice.en.txt", "twice_en.txt", "twice.zh.txt")
    (tmp_path / "sub").mkdir()
    pairing = pair_folder(tmp_path)
    assert pairing.pairs == []
    why = reasons(pairing)
    assert "no zh partner" in why["lonely.en.txt"] and "lonely.zh.txt" in why["lonely.en.txt"]
    assert why["notes.md"] == "not a .txt file" == why["key.json"]
    assert why[".hidden.txt"] == "hidden file"
    assert "subfolders" in why["sub"]
    for name in ("twice.en.txt", "twice_en.txt", "twice.zh.txt"):
        assert "more than one file" in why[name]


def test_a_pair_owns_its_name_against_a_bilingual_file(tmp_path):
    touch(tmp_path, "doc.en.txt", "doc.zh.txt", "DOC.txt")
    pairing = pair_folder(tmp_path)
    assert [p.name for p in pairing.pairs] == ["doc"]
    assert "taken by doc.en.txt + doc.zh.txt" in reasons(pairing)["DOC.txt"]


def test_folder_errors(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        pair_folder(tmp_path / "missing")
    with pytest.raises(InputError, match="source language"):
        pair_folder(tmp_path, source_lang="fr")


def test_manifest_relative_paths_names_and_bilingual_rows(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    touch(data, "x.en.txt", "x.zh.txt", "y1.txt", "y2.txt", "bi.txt")
    manifest = tmp_path / "list.tsv"
    manifest.write_text(
        "source\ttarget\tname\n"
        "# a comment\n"
        "data/x.en.txt\tdata/x.zh.txt\n"
        "\n"
        f"{data / 'y1.txt'}\tdata/y2.txt\tyy\n"
        "data/bi.txt\t\n"
        "data/bi.txt\n",
        encoding="utf-8",
    )
    pairing = read_manifest(manifest)
    assert pairing.pairs == [
        Pair("x", data / "x.en.txt", data / "x.zh.txt"),
        Pair("yy", data / "y1.txt", data / "y2.txt"),
        Pair("bi", data / "bi.txt", None),
    ]
    ((path, reason),) = pairing.skipped
    assert path == data / "bi.txt"
    assert reason == "list.tsv line 7: the name bi is already used on line 6"


def test_manifest_bad_rows(tmp_path):
    touch(tmp_path, "a.txt", "b.txt")
    manifest = tmp_path / "m.tsv"
    manifest.write_text(
        "a.txt\tb.txt\tn\textra\nmissing.txt\tb.txt\na.txt\tb.txt\t../up\na.txt\tb.txt\t.x\n",
        encoding="utf-8",
    )
    pairing = read_manifest(manifest)
    assert pairing.pairs == []
    why = [reason for _, reason in pairing.skipped]
    assert why[0] == "m.tsv line 1: expected source<TAB>target[<TAB>name]"
    assert why[1].startswith("m.tsv line 2: no such file") and "missing.txt" in why[1]
    assert "cannot be a file name" in why[2] and "cannot be a file name" in why[3]


def test_manifest_unreadable(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_manifest(tmp_path / "nope.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="not UTF-8"):
        read_manifest(bad)


def test_a_new_project_is_not_offered_the_bundled_seeds_folder(tmp_path):
    """Saving the seed suggested the installed package's own folder (writable inside a
    virtual environment): the home folder instead; a text's own folder otherwise."""
    from aligner_gui.core.resources import seed_path
    from aligner_gui.io.pairing import save_folder

    assert save_folder(seed_path().parent) == Path.home()
    assert save_folder(None) == Path.home()
    assert save_folder(tmp_path) == tmp_path
