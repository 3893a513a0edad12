"""Fixtures shared by the robustness tests: the aligned seed, its exports, the lexicon."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from aligner_gui.core.model import AlignmentDocument, Annotation

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_730210bb8f392e85.txt"
INTERTEXT_DIR = ROOT.parent / "shared" / "data" / "mac-dev" / "intertext"


def _annotate(doc: AlignmentDocument) -> None:
    """A few annotations of each kind, so the exports carry notes and contexts."""
    for k, side_name in enumerate(("source", "target", "source")):
        side = doc.side(side_name)
        sentence = side.sentences[min(len(side.sentences) - 1, 3 + 5 * k)]
        end = min(sentence.end, sentence.start + 12)
        doc.add_annotation(
            Annotation(
                "mistranslation" if side_name == "target" else "omission",
                side_name,
                sentence.start,
                end,
                side.text[sentence.start : end],
                "Accuracy/Mistranslation" if side_name == "target" else "Accuracy/Omission",
                ("minor", "major", "critical")[k],
                comment=f"<script>alert({k})</script> note {k}",
                tags=["fuzz"],
            )
        )


@pytest.fixture(scope="session")
def lexicon():
    from aligner_gui.core.lexicon.shared import get_lexicon

    return get_lexicon()


@pytest.fixture(scope="session")
def _aligned_seed(lexicon) -> AlignmentDocument:
    from aligner_gui.core.pipeline import align_document, load_document

    doc = load_document([SEED])
    align_document(doc, lexicon=lexicon)
    _annotate(doc)
    doc.meta["name"] = "seed"
    return doc


@pytest.fixture
def seed_doc(_aligned_seed) -> AlignmentDocument:
    """A fresh copy of the aligned, annotated seed (tests may mutate it)."""
    doc = _aligned_seed
    return AlignmentDocument(
        doc.source,
        doc.target,
        [b.copy() for b in doc.beads],
        [a.copy() for a in doc.annotations],
        copy.deepcopy(doc.scores),
        copy.deepcopy(doc.meta),
    )


@pytest.fixture(scope="session")
def seed_files(_aligned_seed, tmp_path_factory) -> dict[str, Path]:
    """Real files to mutate: the seed project JSON, its TMX and InterText exports."""
    from aligner_gui.io.formats import export_document

    folder = tmp_path_factory.mktemp("seed_files")
    files: dict[str, Path] = {}
    files["json"] = export_document(_aligned_seed, "json", folder / "seed.json")[0]
    files["tmx"] = export_document(_aligned_seed, "tmx", folder / "seed.tmx")[0]
    files["mqm-tsv"] = export_document(_aligned_seed, "mqm-tsv", folder / "seed.tsv")[0]
    inter = folder / "intertext"
    inter.mkdir()
    link, from_text, to_text = export_document(_aligned_seed, "intertext", inter / "seed.zh.en.xml")
    files["intertext"] = link
    files["intertext-from"] = from_text
    files["intertext-to"] = to_text
    return files


@pytest.fixture(scope="session")
def real_intertext(tmp_path_factory) -> list[tuple[Path, Path, Path]]:
    """(link, fromDoc, toDoc) triples of the mac-dev InterText files, copied to a temp dir."""
    if not INTERTEXT_DIR.is_dir():
        return []
    folder = tmp_path_factory.mktemp("real_intertext")
    triples = []
    for link in sorted(INTERTEXT_DIR.glob("*.*.*.xml")):
        parts = link.name.split(".")
        if len(parts) != 4:
            continue
        text, ver1, ver2 = parts[:3]
        from_text = INTERTEXT_DIR / f"{text}.{ver1}.xml"
        to_text = INTERTEXT_DIR / f"{text}.{ver2}.xml"
        if from_text.is_file() and to_text.is_file():
            for file in (link, from_text, to_text):
                shutil.copy(file, folder / file.name)
            triples.append((folder / link.name, folder / from_text.name, folder / to_text.name))
    return triples
