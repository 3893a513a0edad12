"""The engine self-test, no Qt: the bundled seed aligned, scored, exported, saved and read back.

A PyInstaller bundle that lost a data file (jieba's dictionary, CC-CEDICT, sacrebleu's
tokenizers, the sentence encoder's weights, the JSON Schema, the seed) fails here instead
of on an editor's machine.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from aligner_gui.packaging.outcome import EXIT_FAILED, EXIT_OK, SelfTestError, say


def _check_coverage(doc: Any) -> None:
    for name in ("source", "target"):
        side = doc.side(name)
        seen = [i for bead in doc.beads for i in getattr(bead, name)]
        if sorted(seen) != list(range(len(side.sentences))) or not side.sentences:
            raise SelfTestError(
                f"beads cover {len(set(seen))} of {len(side.sentences)} {name} sentences"
            )


def _check_headline(doc: Any) -> None:
    """The seed's English headline has no Chinese counterpart: it must be a headline omission."""
    source = doc.source
    if source.lang != "en" or not source.sentences:
        raise SelfTestError(f"seed source side is {source.lang!r}, expected English")
    first = source.sentences[0]
    for bead in doc.beads:
        if first.id in bead.source:
            if bead.target:
                raise SelfTestError(
                    f"the seed's English headline {first.text[:40]!r} was aligned to Chinese "
                    f"sentence(s) {list(bead.target)}, expected an omission"
                )
            if "headline" not in bead.flags:
                raise SelfTestError(
                    f"the seed's English headline is unaligned but flagged {bead.flags}, "
                    "expected 'headline'"
                )
            return
    raise SelfTestError("the seed's English headline is in no bead")


def _check_scores(doc: Any) -> None:
    for b, bead in enumerate(doc.beads):
        if bead.score is not None and not 0.0 <= bead.score <= 1.0:
            raise SelfTestError(f"bead {b} has score {bead.score} outside 0..1")
    if not any(bead.score is not None for bead in doc.beads if bead.source and bead.target):
        raise SelfTestError("no aligned bead was scored")
    signature = (doc.meta or {}).get("chrf_signature") or (doc.scores or {}).get("chrf_signature")
    if not signature:
        raise SelfTestError("no chrF signature: sacrebleu did not score the document")


def _check_lexicon() -> None:
    """CC-CEDICT and jieba's dictionary were found (not an empty fallback)."""
    from aligner_gui.core.lexicon.shared import get_lexicon

    lexicon = get_lexicon()
    translations = getattr(lexicon, "translations", None)
    if translations is not None and not translations("条约"):
        raise SelfTestError("the bilingual dictionary has no entry for 条约 (CC-CEDICT missing?)")
    tokens = getattr(lexicon, "zh_tokens", None)
    if tokens is not None:
        words = list(tokens("俄罗斯外交部"))
        if not any(len(w) > 1 for w in words):
            raise SelfTestError(f"jieba split 俄罗斯外交部 into {words} (its dictionary missing?)")


def _check_meaning() -> None:
    """The sentence encoder (its weights and vocabulary are data files) loads and works."""
    from aligner_gui.core.qe import semantic

    found = semantic.encoder()
    if found is None:
        raise SelfTestError("the sentence encoder did not load (its weights missing?)")
    en, zh = found.embed(["The two countries agreed to extend the treaty.", "两国同意延长条约。"])
    if float(en @ zh) < 0.5:
        raise SelfTestError(f"the sentence encoder gives a translation a match of {en @ zh:.2f}")


def _check_exports(doc: Any) -> None:
    """TMX (lxml) and the HTML report write, and TMX reads back, in a scratch folder."""
    from aligner_gui.io.formats import EXPORTERS, export_document, import_file

    with tempfile.TemporaryDirectory(prefix="aligner-gui-selftest-") as folder:
        for fmt in ("tmx", "html"):
            if fmt not in EXPORTERS:
                continue
            target = Path(folder) / f"seed{EXPORTERS[fmt].suffix}"
            written = export_document(doc, fmt, target)
            if not written or not all(
                Path(p).is_file() and Path(p).stat().st_size for p in written
            ):
                raise SelfTestError(f"the {fmt} export wrote nothing")
            if fmt == "tmx" and not import_file(target).beads:
                raise SelfTestError("the TMX export reads back without segments")


def _child_probe() -> str:
    """Runs in a spawned worker process: the engine imports in a fresh interpreter."""
    from aligner_gui.core import pipeline

    return pipeline.__name__


def _check_worker_process(timeout: float = 120.0) -> None:
    """A "spawn" worker process starts and runs engine code (the GUI's big-document worker).

    In a frozen app this needs multiprocessing.freeze_support() in the entry script; without
    it the child would start the app again instead of running the job.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        result = pool.submit(_child_probe).result(timeout=timeout)
    except Exception as error:  # noqa: BLE001 - report any failure of the worker in one line
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        raise SelfTestError(
            f"a spawned worker process failed: {type(error).__name__}: {error}"
        ) from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    if result != "aligner_gui.core.pipeline":
        raise SelfTestError(f"a spawned worker process returned {result!r}")


def run_self_test(out_path: str | Path) -> int:
    """Align and score the bundled seed, save it to ``out_path`` and check the result.

    Returns 0, or prints one line on stderr and returns 1.
    """
    started = time.perf_counter()
    try:
        from aligner_gui.core.pipeline import align_document, load_document
        from aligner_gui.core.resources import seed_path
        from aligner_gui.io.project import load_project, save_project

        seed = seed_path()
        if not seed.is_file():
            raise SelfTestError(f"the bundled seed is missing ({seed})")
        doc = load_document([seed])
        align_document(doc)
        _check_coverage(doc)
        _check_headline(doc)
        _check_scores(doc)
        _check_lexicon()
        _check_meaning()
        _check_exports(doc)
        _check_worker_process()
        out = Path(out_path)
        save_project(doc, out, backup=False)
        reloaded = load_project(out)  # validates against the bundled JSON Schema
        reloaded.check()
        if len(reloaded.beads) != len(doc.beads):
            raise SelfTestError(f"{out} holds {len(reloaded.beads)} of {len(doc.beads)} beads")
    except SelfTestError as error:
        say(f"self-test failed: {error}", error=True)
        return EXIT_FAILED
    except Exception as error:  # noqa: BLE001 - any failure is a failed self-test, in one line
        message = str(error).strip().splitlines()[0] if str(error).strip() else ""
        say(f"self-test failed: {type(error).__name__}: {message}", error=True)
        return EXIT_FAILED
    omitted = sum(1 for bead in doc.beads if bead.source and not bead.target)
    say(
        f"self-test ok: {len(doc.source.sentences)} en / {len(doc.target.sentences)} zh "
        f"sentences -> {len(doc.beads)} beads, {omitted} untranslated; wrote {out} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return EXIT_OK
