"""Evidence per bead for the translation-risk model: what the engine already knows, as numbers.

Every feature is computed from the two texts and the alignment alone, never from the
project's annotations (the reviewer's judgement). Features are named by role, not by
language (``src`` is the original, ``tgt`` the translation), so one model serves
en -> zh and zh -> en documents alike; word counts come from the coverage lens's
content words, which are of comparable size in both languages.

The *meaning match* is the cosine of the two sides' vectors from a multilingual sentence
encoder (:mod:`aligner_gui.core.qe.semantic`); it is missing from the values of documents
over ``semantic.MAX_SENTENCES`` and when the encoder cannot be loaded, and
``risk.assess`` then uses the model trained without it.

Word evidence comes from the coverage lens (core/coverage.py): a content word is
*uncovered* when nothing on the other side of the bead may translate it. An uncovered
word that the document usually covers elsewhere is strong evidence (its "surprise" is
``1 - q``, q being its leave-one-out miss rate in the document); an uncovered word the
dictionary cannot cover at all says nothing (surprise 0).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from aligner_gui.core.coverage.lens import BeadCoverage, CoverageLens
from aligner_gui.core.model import FLAG_NAME_MISMATCH, FLAG_NUMBER_MISMATCH, Bead, Side
from aligner_gui.core.runtime.gcpause import gc_paused

__all__ = ["FEATURES", "BeadEvidence", "EvidenceStream", "WordRun", "document_evidence"]

# A Chinese character counts as this many English characters in the length features (the
# median English/Chinese character ratio of news and literary translation is about 3), so
# "length" means the same in both directions.
ZH_CHAR_WEIGHT = 3.0

# Feature names, in the order the model file lists its weights.
FEATURES = (
    "log_src_len",
    "log_tgt_len",
    "log_src_words",
    "log_tgt_words",
    "src_miss_share",
    "tgt_miss_share",
    "src_surprise",
    "tgt_surprise",
    "src_max_run_surprise",
    "tgt_max_run_surprise",
    "src_unknown",
    "tgt_unknown",
    "src_spans",
    "tgt_spans",
    "chrf",
    "lexical",
    "length_dev",
    "numbers",
    "name_mismatch",
    "multi",
    "meaning",
)


@dataclass(frozen=True)
class WordRun:
    """A run of uncovered content words of one side of a bead: a suspect span candidate."""

    side: str  # "source" | "target"
    start: int  # code-point offsets into the side's text
    end: int
    words: int  # uncovered content words in the run
    surprise: float  # sum of (1 - miss rate) over them


@dataclass(frozen=True)
class BeadEvidence:
    """The features of one paired bead and its uncovered-word runs."""

    values: dict[str, float]
    runs: tuple[WordRun, ...]

    def vector(self, names: Sequence[str] = FEATURES) -> list[float]:
        return [self.values[n] for n in names]


def _side_figures(
    lens: CoverageLens, cov: BeadCoverage, name: str, side: Side, ids: Sequence[int]
) -> tuple[dict[str, float], list[WordRun]]:
    words = cov[name]
    n = len(words)
    lang = lens.lang(name)
    missed = [(k, w) for k, (_i, w, covered) in enumerate(words) if not covered]
    surprise = {k: 1.0 - lens.word_miss_rate(name, w) for k, w in missed}
    unknown = sum(1 for _k, w in missed if not lens.tokens.coverable(w, lang))
    runs: list[WordRun] = []
    for run in lens._runs(words, side, lang == "zh"):
        first, last = words[run[0]], words[run[-1]]
        start = side.sentences[first[0]].start + first[1].start
        end = side.sentences[last[0]].start + last[1].end
        runs.append(WordRun(name, start, end, len(run), sum(surprise[k] for k in run)))
    prefix = "src" if name == "source" else "tgt"
    chars = sum(side.sentences[i].end - side.sentences[i].start for i in ids)
    figures = {
        f"log_{prefix}_len": math.log1p(chars * (ZH_CHAR_WEIGHT if lang == "zh" else 1.0)),
        f"log_{prefix}_words": math.log1p(n),
        f"{prefix}_miss_share": (len(missed) + 0.5) / (n + 2.0),
        f"{prefix}_surprise": sum(surprise.values()),
        f"{prefix}_max_run_surprise": max((r.surprise for r in runs), default=0.0),
        f"{prefix}_unknown": float(unknown),
    }
    return figures, runs


def _bead_figures(bead: Bead) -> dict[str, float]:
    details = bead.details
    numbers = details.get("numbers") or {}
    mismatched = len(numbers.get("missing") or ()) + len(numbers.get("extra") or ())
    if FLAG_NUMBER_MISMATCH not in bead.flags:
        mismatched = 0
    spans = details.get("uncovered") or []
    deviation = details.get("length_ratio")
    return {
        "src_spans": float(sum(1 for s in spans if s.get("side") == "source")),
        "tgt_spans": float(sum(1 for s in spans if s.get("side") == "target")),
        "chrf": float(details.get("chrf") or 0.0),
        "lexical": float(details.get("lexical") or 0.0),
        "length_dev": min(6.0, abs(float(deviation))) if deviation is not None else 0.0,
        "numbers": float(min(3, mismatched)),
        "name_mismatch": 1.0 if FLAG_NAME_MISMATCH in bead.flags else 0.0,
        "multi": 1.0 if len(bead.source) > 1 or len(bead.target) > 1 else 0.0,
    }


def document_evidence(
    source: Side,
    target: Side,
    beads: Sequence[Bead],
    lexicon: Any,
    *,
    analysis: tuple[CoverageLens, Sequence[BeadCoverage | None]] | None = None,
) -> list[BeadEvidence | None]:
    """Evidence for every bead (None for one-sided beads and non zh/en pairs).

    Expects beads already scored (``scoring.score_beads``) and covered
    (``coverage.compute_coverage``): it reads their details and flags. ``analysis`` is
    what ``coverage.compute_coverage_analysis`` returned for these beads, if at hand
    (else the words are analysed again).
    """
    with gc_paused():  # millions of small objects, none of them cyclic garbage
        return list(EvidenceStream(source, target, beads, lexicon, analysis=analysis))


class EvidenceStream:
    """:func:`document_evidence` one bead at a time, so that a caller who needs each
    bead's evidence only once (``risk.assess``) never holds all of it (on a corpus-sized
    pair, tens of megabytes). The meaning match is computed for the whole document first:
    :attr:`has_meaning` says whether it is there before any bead is read."""

    def __init__(
        self,
        source: Side,
        target: Side,
        beads: Sequence[Bead],
        lexicon: Any,
        *,
        analysis: tuple[CoverageLens, Sequence[BeadCoverage | None]] | None = None,
    ) -> None:
        from aligner_gui.core.qe.semantic import bead_meaning, sentence_vectors

        if analysis is None:
            lens = CoverageLens(source, target, lexicon)
            coverage: Sequence[BeadCoverage | None] = (
                lens.analyse(beads) if lens.enabled else [None] * len(beads)
            )
        else:
            lens, coverage = analysis
        self._lens, self._coverage = lens, coverage
        self._source, self._target, self._beads = source, target, beads
        # Made once: the encoder's memo holds fewer sentences than a long document has,
        # so asking it again for glued() encoded the whole document a second time.
        self._vectors: dict[str, Any] | None = (
            sentence_vectors(source, target) if lens.enabled else None
        )
        self._meanings: list[float | None] = (
            bead_meaning(source, target, beads, self._vectors) if self._vectors
            else [None] * len(beads)
        )

    def glued(self, index: int) -> list[dict[str, Any]]:
        """Bead ``index``'s edge sentences that look left out (see qe/glued.py); none
        without the meaning match."""
        from aligner_gui.core.qe.glued import glued_sentences

        if not self._vectors:
            return []
        return glued_sentences(self._beads[index], self._vectors, self._coverage[index])

    @property
    def has_meaning(self) -> bool:
        """Whether every bead with evidence has its meaning match (True when none has
        evidence)."""
        if not self._lens.enabled:
            return True
        return all(m is not None for m, cov in zip(self._meanings, self._coverage, strict=True)
                   if cov is not None)  # fmt: skip

    def __iter__(self) -> Iterator[BeadEvidence | None]:
        if not self._lens.enabled:
            yield from [None] * len(self._beads)
            return
        source, target = self._source, self._target
        for bead, cov, meaning in zip(self._beads, self._coverage, self._meanings, strict=True):
            if cov is None:
                yield None
                continue
            values = _bead_figures(bead)
            if meaning is not None:
                values["meaning"] = meaning
            runs: list[WordRun] = []
            for name, side in (("source", source), ("target", target)):
                figures, side_runs = _side_figures(self._lens, cov, name, side,
                                                   getattr(bead, name))
                values.update(figures)
                runs.extend(side_runs)
            yield BeadEvidence(values, tuple(runs))
