"""Word-level coverage ("the coverage lens"): which words of a bead did not make it across.

Sentence alignment finds dropped sentences; this finds dropped *parts* of sentences.
For each bead with both sides, every content word is tested against the other side of
the same bead: an English word is covered when some Chinese word of the bead may
translate it (its stem among the Chinese word's dictionary stems, equal numbers, equal
transliteration keys, joined pinyin of a name, a shared stem prefix, a translation
learned from this document), a Chinese word when its translations meet the English
stems of the bead. Grammar words of either side are never tested but lend their keys
(时候 still covers "time"); a word repeated more often than the other side can account
for is uncovered in its later occurrences.

Single uncovered words are everyday paraphrase, so they are never tinted. Runs of
uncovered content words (short function-word and punctuation gaps allowed, never
across a clause end) become *uncovered spans* only when such a run is unlikely by
chance. Each word has a miss rate: how often it goes uncovered elsewhere in this
document (1 for words the dictionary cannot cover at all), scaled by how loose the rest
of the bead is. A run is kept when the expected number of such runs,
``(n - k + 1) * (1 - p) * prod(q_w)``, is small: below :data:`ALPHA_NO_ROOM` when
the other side has no uncovered word where the run's translation would stand (between
the translations of its covered neighbours), down to :data:`ALPHA_PARAPHRASE` the more
uncovered words it has there (then the run is more likely their paraphrase); a run that
is a whole clause of an otherwise translated sentence gets :data:`ALPHA_CLAUSE`. In a bead
side of several sentences, a sentence with next to nothing covered is one run whatever
chance matches sit inside it (a sentence glued to its neighbour's translation).
A faithful but loosely worded bead thus stays clear, a clause missing from an
otherwise well-covered bead is tinted.

Spans are stored as ``bead.details["uncovered"] = [{"side", "start", "end"}, ...]``
with code-point offsets into that side's ``text`` (the project file writes them as
the bead's ``"uncovered"`` field). Nothing here imports Qt; per-sentence work
(tokenisation, dictionary look-ups, key sets) is cached per lexicon (:mod:`.tokens`), so
a 10,000-bead document takes a few seconds (``benchmarks/coverage_lens.py``).
:mod:`.document` runs the lens over a document; :mod:`.glosses` and :mod:`.suggestions`
serve the review window's word tooltips and MQM offers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from aligner_gui.core.coverage.matching import KeyIndex, KeySet
from aligner_gui.core.coverage.runs import SideWords, sentence_runs, whole_clause, word_runs
from aligner_gui.core.coverage.tokens import token_cache
from aligner_gui.core.coverage.word import Word
from aligner_gui.core.lexicon.words import CJK
from aligner_gui.core.model import Bead, Side
from aligner_gui.core.runtime.gcpause import gc_paused
from aligner_gui.core.scoring.name_check import sounds_alike
from aligner_gui.core.text.names import looks_transliterated

__all__ = ["BeadCoverage", "CoverageLens", "SideWords"]


# Bounds on the expected number of chance runs like a tinted one (see the docstring):
# ALPHA_NO_ROOM where the other side leaves no uncovered word for the run's translation,
# down to ALPHA_PARAPHRASE where it leaves PARAPHRASE_RATIO uncovered words per word of
# the run (one chengyu renders several English words), geometrically in between.
# Chosen on mac-dev and the Bible by the contrast of cut and glued text against intact
# text (benchmarks/coverage_lens.py), never on single sentences.
ALPHA_NO_ROOM = 0.2
# ... and for a run that is a whole clause of a sentence whose other clauses are
# translated (runs.whole_clause: ", but later lifted it" gone, two words that chance
# would leave uncovered as often as not in a loose document): three times as lenient.
# Set beforehand, not tuned; on mac-dev (zh/en cut) cut-word recall 40.2 -> 43.8 % /
# 37.7 -> 39.7 %, intact tint 4.9 -> 5.0 % / 3.6 -> 3.9 %; held out, bible 001:
# 42.8 -> 45.5 % / 50.7 -> 52.5 %, precision 61.9 -> 61.7 % / 61.5 -> 61.2 %.
ALPHA_CLAUSE = 0.6
ALPHA_PARAPHRASE = 0.01
PARAPHRASE_RATIO = 0.5
# The bead's looseness p: miss rate of the rest of the bead side, with PRIOR_WORDS
# pseudo-words at the document's rate.
PRIOR_WORDS = 6.0
# Bounds on p: a bead covered word for word still misses the odd word by chance, and a
# bead missing nearly everything must not tint every pair of words.
P_FLOOR = 0.08
P_CEILING = 0.9
MIN_RUN_WORDS = 2
# Per-word miss rates: pseudo-occurrences at the document rate; cap of a word's factor.
WORD_PRIOR = 2.0
Q_CEILING = 0.95
# Learned table: a (Chinese word, English stem) pair left uncovered by the dictionary
# in at least this many beads, and in most beads where either occurs.
LEARN_MIN_COUNT = 3
LEARN_MIN_DICE = 0.6



class BeadCoverage(dict):  # type: ignore[type-arg]
    """``cov[side]`` -> SideWords; also every word of each side, for word positions.

    ``all_words[side]`` lists all words of the side (content or not) in reading order,
    ``at[side][k]`` is the index in it of the k-th content word.
    """

    def __init__(self, words: dict[str, SideWords]) -> None:
        super().__init__(words)
        self.all_words: dict[str, list[Word]] = {}
        self.at: dict[str, list[int]] = {}


class CoverageLens:
    """Coverage of the beads of one pair of sides; holds the document-level statistics.

    ``analyse(beads)`` computes the word coverage of every bead, the document's miss
    rates and the learned translation table; ``spans(coverage)`` then turns one bead's
    coverage into uncovered spans.
    """

    def __init__(self, source: Side, target: Side, lexicon: Any) -> None:
        self.source = source
        self.target = target
        self.lexicon = lexicon
        self.tokens = token_cache(lexicon)
        if source.lang == "zh" and target.lang != "zh":
            self.zh_side, self.en_side = "source", "target"
        elif target.lang == "zh" and source.lang != "zh":
            self.zh_side, self.en_side = "target", "source"
        else:
            self.zh_side = self.en_side = ""  # no Chinese/English pair: nothing to do
        self.miss_rate = {"source": 0.2, "target": 0.2}
        self.learned: dict[str, frozenset[str]] = {}  # zh word -> English stems
        self._occurrences: Counter[tuple[str, str]] = Counter()
        self._misses: Counter[tuple[str, str]] = Counter()

    @property
    def enabled(self) -> bool:
        return bool(self.zh_side)

    def side(self, name: str) -> Side:
        return self.source if name == "source" else self.target

    def lang(self, name: str) -> str:
        return "zh" if name == self.zh_side else "en"

    # -- per bead ----------------------------------------------------------------------

    def side_words(self, name: str, ids: Sequence[int]) -> list[tuple[int, Word]]:
        """All words (content or not) of the given sentences of one side."""
        side = self.side(name)
        lang = self.lang(name)
        return [(i, w) for i in ids for w in self.tokens.words(side.sentences[i].text, lang)]

    def content_words(self, name: str, ids: Sequence[int]) -> list[tuple[int, Word]]:
        return [(i, w) for i, w in self.side_words(name, ids) if w.content]

    def zh_word_keys(self, w: Word) -> frozenset[str]:
        """A Chinese word's keys with what this document taught (see :meth:`_learn`)."""
        extra = self.learned.get(w.text)
        return w.keys | extra if extra else w.keys

    def word_coverage(self, bead: Bead) -> BeadCoverage | None:
        """Content words of both sides of a paired bead with their covered flags."""
        if not (self.enabled and bead.source and bead.target):
            return None
        zh_ids = bead.source if self.zh_side == "source" else bead.target
        en_ids = bead.target if self.zh_side == "source" else bead.source
        zh_words = self.side_words(self.zh_side, zh_ids)
        en_words = self.side_words(self.en_side, en_ids)
        zh_side, en_side = self.side(self.zh_side), self.side(self.en_side)
        tokens = self.tokens
        zh_parts = [tokens.sentence_keys(zh_side.sentences[i].text, "zh") for i in zh_ids]
        learned = self.learned
        if learned:
            extra: set[str] = set()
            for _i, w in zh_words:
                found = learned.get(w.text)
                if found:
                    extra |= found
            if extra:
                zh_parts.append(KeySet(extra))
        en_parts = [tokens.sentence_keys(en_side.sentences[i].text, "en") for i in en_ids]
        zh_index, en_index = KeyIndex(zh_parts), KeyIndex(en_parts)
        en_out = [(i, w, zh_index.covers(w.keys)) for i, w in en_words if w.content]
        if learned:
            zh_out = [
                (i, w, en_index.covers(self.zh_word_keys(w))) for i, w in zh_words if w.content
            ]
        else:
            zh_out = [(i, w, en_index.covers(w.keys)) for i, w in zh_words if w.content]
        en_out = _surplus(en_out, [w for _i, w in zh_words], self.zh_word_keys, False)
        zh_out = _surplus(zh_out, [w for _i, w in en_words], self.zh_word_keys, True)
        _sound_alike(en_out, zh_out)
        cov = BeadCoverage({self.zh_side: zh_out, self.en_side: en_out})
        for name, words in ((self.zh_side, zh_words), (self.en_side, en_words)):
            cov.all_words[name] = [w for _i, w in words]
            cov.at[name] = [k for k, (_i, w) in enumerate(words) if w.content]
        return cov

    def _meet(self, name: str, word: Word, other: Word) -> bool:
        """Whether ``word`` of side ``name`` and ``other`` of the other side translate."""
        if name == self.zh_side:
            zh_keys, en_keys = self.zh_word_keys(word), other.keys
        else:
            zh_keys, en_keys = self.zh_word_keys(other), word.keys
        return KeyIndex(set(zh_keys)).hit(en_keys) is not None

    def _anchor(self, cov: BeadCoverage, name: str, k: int, other: str) -> int | None:
        """Position (in the other side's words) of the translation of content word k."""
        word = cov[name][k][1]
        mine = cov.at[name][k] / max(1, len(cov.all_words[name]))
        size = len(cov.all_words[other])
        best: int | None = None
        for j, w in enumerate(cov.all_words[other]):
            if self._meet(name, word, w) and (
                best is None or abs(j / size - mine) < abs(best / size - mine)
            ):
                best = j
        return best

    def room(self, cov: BeadCoverage, name: str, first: int, last: int) -> int:
        """Uncovered content words of the other side that may translate content words
        first..last of side ``name``: those between the translations of the nearest
        covered words before and after the run (the side's edges where there are none).

        Where those two translations come in the opposite order, one of them is a
        chance dictionary hit (a gloss of a common word); the room is then the larger of
        the two readings that stay in order: the word before kept with the next covered
        word after the run whose translation follows it, or the word after kept with the
        previous covered word before the run whose translation precedes it.
        """
        other = "target" if name == "source" else "source"
        words = cov[name]
        size = len(cov.all_words[other])

        def anchors(ks: Iterable[int]) -> Iterator[int]:
            for k in ks:
                if words[k][2]:
                    found = self._anchor(cov, name, k, other)
                    if found is not None:
                        yield found

        lo = next(anchors(range(first - 1, -1, -1)), -1)
        hi = next(anchors(range(last + 1, len(words))), size)
        if lo <= hi:
            windows = [(lo, hi)]
        else:  # the translations cross
            windows = [
                (lo, next((a for a in anchors(range(last + 1, len(words))) if a > lo), size)),
                (next((b for b in anchors(range(first - 1, -1, -1)) if b < hi), -1), hi),
            ]
        return max(
            sum(
                1
                for (_i, _w, covered), at in zip(cov[other], cov.at[other], strict=True)
                if not covered and a < at < b
            )
            for a, b in windows
        )

    # -- document level ----------------------------------------------------------------

    def analyse(self, beads: Sequence[Bead]) -> list[BeadCoverage | None]:
        """Word coverage of every bead; sets the document miss rates and learned table."""
        if not self.enabled:
            return [None] * len(beads)
        with gc_paused():
            return self._analyse(beads)

    def _analyse(self, beads: Sequence[Bead]) -> list[BeadCoverage | None]:
        self.learned = {}
        result = [self.word_coverage(b) for b in beads]
        self.learned = learned = self._learn(result)
        if learned:
            zh = self.zh_side
            for k, cov in enumerate(result):
                if cov is not None and any(w.text in learned for w in cov.all_words[zh]):
                    result[k] = self.word_coverage(beads[k])
        occurrences: Counter[tuple[str, str]] = Counter()
        misses: Counter[tuple[str, str]] = Counter()
        for name in ("source", "target"):
            total = missed = 0
            for cov in result:
                if cov is None:
                    continue
                for _i, w, c in cov[name]:
                    occurrences[name, w.base] += 1
                    if not c:
                        misses[name, w.base] += 1
                total += len(cov[name])
                missed += sum(1 for _i, _w, c in cov[name] if not c)
            self.miss_rate[name] = (missed + 2.0 * 0.2) / (total + 2.0)
        self._occurrences, self._misses = occurrences, misses
        return result

    def stats(self) -> tuple[Any, ...]:
        """The document statistics analyse() gathered (for reuse on the same sides)."""
        return (dict(self.miss_rate), self.learned, self._occurrences, self._misses)

    def use_stats(self, stats: tuple[Any, ...]) -> None:
        miss_rate, self.learned, self._occurrences, self._misses = stats
        self.miss_rate = dict(miss_rate)

    def word_miss_rate(self, name: str, w: Word) -> float:
        """How often this word goes uncovered in this document when it is not omitted.

        Leave-one-out over the document's other occurrences, shrunk towards the
        document's miss rate; 1 for a word the dictionary cannot cover at all (a missed
        "longtang" says nothing, a missed "water" says much).
        """
        if not self.tokens.coverable(w, self.lang(name)):
            return 1.0
        occ = self._occurrences.get((name, w.base), 1) - 1
        miss = self._misses.get((name, w.base), 1) - 1
        return (miss + WORD_PRIOR * self.miss_rate[name]) / (occ + WORD_PRIOR)

    def _learn(self, coverage: Sequence[BeadCoverage | None]) -> dict[str, frozenset[str]]:
        """Pairs of uncovered Chinese words and English stems that keep occurring together.

        A tiny in-document translation table (Dice association over paired beads) for
        terms the dictionary renders otherwise: 核查 "verification" in an arms-control
        story. Pairs must meet in LEARN_MIN_COUNT beads and in most beads where either
        word is left uncovered.
        """
        pair: Counter[tuple[str, str]] = Counter()
        zh_count: Counter[str] = Counter()
        en_count: Counter[str] = Counter()
        members: dict[str, set[str]] = {}
        for cov in coverage:
            if cov is None:
                continue
            zh = {w.text for _i, w, c in cov[self.zh_side] if not c and CJK.search(w.text)}
            en: set[str] = set()
            for _i, w, c in cov[self.en_side]:
                if not c:
                    for k in w.keys:
                        if k[0] not in "#~":
                            # "verif"/"verifi" (verification/verifiable) count as one.
                            group = k[:5]
                            members.setdefault(group, set()).add(k)
                            en.add(group)
            zh_count.update(zh)
            en_count.update(en)
            if zh and en and len(zh) * len(en) <= 400:
                pair.update((z, e) for z in zh for e in en)
        table: dict[str, set[str]] = {}
        for (z, e), n in pair.items():
            if n >= LEARN_MIN_COUNT and 2.0 * n / (zh_count[z] + en_count[e]) >= LEARN_MIN_DICE:
                table.setdefault(z, set()).update(members[e])
        return {z: frozenset(es) for z, es in table.items()}

    # -- spans -------------------------------------------------------------------------

    def spans(self, cov: BeadCoverage) -> list[dict[str, Any]]:
        """Uncovered spans of one bead (both sides), in reading order per side.

        A run of k uncovered content words among n is kept when the expected number of
        such runs by chance, (n - k + 1) * (1 - p) * prod(q_w * p / p_doc), is small;
        q_w is the word's miss rate in the document, p the looseness of the rest of the
        bead side, p_doc the document's miss rate. The bound depends on the room the
        other side leaves for the run's translation (see :meth:`room`): none, the run
        has nothing to be a translation of (ALPHA_NO_ROOM); PARAPHRASE_RATIO uncovered
        words per word of the run or more, it may be their paraphrase (ALPHA_PARAPHRASE);
        geometrically in between.
        """
        out: list[dict[str, Any]] = []
        for name in ("source", "target"):
            words = cov[name]
            n = len(words)
            missed = sum(1 for _i, _w, c in words if not c)
            if missed < MIN_RUN_WORDS:
                continue
            side = self.side(name)
            zh = name == self.zh_side
            for run in self._sentence_runs(words, self._runs(words, side, zh)):
                k = len(run)
                if k < MIN_RUN_WORDS:
                    continue
                p = (missed - k + PRIOR_WORDS * self.miss_rate[name]) / (n - k + PRIOR_WORDS)
                p = min(P_CEILING, max(P_FLOOR, p))
                scale = p / self.miss_rate[name]
                chance = (n - k + 1) * (1.0 - p)
                for m in run:
                    chance *= min(Q_CEILING, self.word_miss_rate(name, words[m][1]) * scale)
                top = ALPHA_CLAUSE if whole_clause(words, run, side) else ALPHA_NO_ROOM
                if chance > top:
                    continue
                room = self.room(cov, name, run[0], run[-1])
                share = min(1.0, room / (k * PARAPHRASE_RATIO))
                limit = top * (ALPHA_PARAPHRASE / top) ** share
                if chance > limit:
                    continue
                first, last = words[run[0]], words[run[-1]]
                base = side.sentences[first[0]].start
                end = side.sentences[last[0]].start + last[1].end
                out.append({"side": name, "start": base + first[1].start, "end": end})
        return out

    @staticmethod
    def _sentence_runs(words: SideWords, runs: list[list[int]]) -> list[list[int]]:
        return sentence_runs(words, runs)

    @staticmethod
    def _runs(words: SideWords, side: Side, zh: bool) -> list[list[int]]:
        return word_runs(words, side, zh)


def _surplus(
    out: SideWords, others: list[Word], zh_keys: Callable[[Word], frozenset[str]], zh: bool
) -> SideWords:
    """Uncover repeats the other side cannot account for.

    "Chen Qingyang ... Chen Qingyang" against one 陈清扬: the second mention is covered
    only by a word already spent on the first. Occurrences beyond the number of words
    of the other side that translate them become uncovered (the later ones).
    """
    seen: dict[str, int] = {}
    for _i, w, c in out:
        if c:
            seen[w.base] = seen.get(w.base, 0) + 1
    repeated = {b for b, n in seen.items() if n > 1}
    if not repeated:
        return out
    supply: dict[str, int] = {}
    for b in repeated:
        probe = next(w for _i, w, _c in out if w.base == b)
        mine = zh_keys(probe) if zh else probe.keys
        supply[b] = sum(1 for o in others if not (o.keys if zh else zh_keys(o)).isdisjoint(mine))
    result = []
    used: dict[str, int] = {}
    for i, w, c in out:
        if c and w.base in supply and supply[w.base]:
            used[w.base] = used.get(w.base, 0) + 1
            if used[w.base] > supply[w.base]:
                c = False
        result.append((i, w, c))
    return result


def _sound_alike(en_out: SideWords, zh_out: SideWords) -> None:
    """Cover, in place, a capitalised English word and a transliterated Chinese word of the
    bead that sound alike (Osei / 奥塞于, where the name is too short for a name key or the
    tokenizer glued a character to it); both were left uncovered by the keys."""
    names = [k for k, (_i, w, covered) in enumerate(en_out) if not covered and w.text[:1].isupper()]
    if not names:
        return
    for z, (i, w, covered) in enumerate(zh_out):
        if covered or not looks_transliterated(w.text):
            continue
        for k in names:
            j, e, done = en_out[k]
            if not done and sounds_alike(w.text, e.text):
                en_out[k] = (j, e, True)
                zh_out[z] = (i, w, True)
                break

