"""Runs of uncovered words of one bead side: what the coverage lens tests for chance.

A run is consecutive uncovered content words of one sentence, short function-word gaps
allowed, never across a clause end (:func:`word_runs`). Two rules read more than the
words: a sentence of a several-sentence side with next to nothing covered is one run
(:func:`sentence_runs`), and a run that is a whole clause of a sentence whose other
clauses are translated is a dropped clause more often than chance (:func:`whole_clause`;
the lens then allows it a larger expected count, ``lens.ALPHA_CLAUSE``).
"""

from __future__ import annotations

import re

from aligner_gui.core.coverage.word import Word
from aligner_gui.core.lexicon.words import CJK
from aligner_gui.core.model import Side

__all__ = ["SideWords", "sentence_runs", "short_gap", "whole_clause", "word_runs"]

# (sentence id, word, covered) for each content word of one side of a bead
SideWords = list[tuple[int, Word, bool]]

# A sentence of a several-sentence bead side with at least SENTENCE_RUN_WORDS uncovered
# content words and SENTENCE_RUN_RATIO times as many uncovered as covered is one run.
SENTENCE_RUN_WORDS = 3
SENTENCE_RUN_RATIO = 4
# Function words allowed inside a run ("over whether ... is"); CJK characters for Chinese.
MAX_GAP_WORDS = 3
MAX_GAP_ZH_CHARS = 3
# Words (for the function-word gaps inside a run).
_EN_FUNCTION_COUNT = re.compile(r"[A-Za-z\u00c0-\u024f0-9]+")
# Punctuation that ends a clause for good: runs never cross it.
_HARD_STOP = re.compile(r"[.!?;:\u3002\uff01\uff1f\uff1b\uff1a]")


def sentence_runs(words: SideWords, runs: list[list[int]]) -> list[list[int]]:
    """In a side of several sentences, a sentence with next to nothing covered is one
    run of all its uncovered words: a sentence glued to its neighbour's translation
    ("We are not pre-committing to a particular rate path," she said) whose one
    chance match ("rate" in 通胀率) would otherwise cut it into runs too short to
    tint. Runs of other sentences are kept as they are."""
    members: dict[int, list[int]] = {}
    for k, (i, _w, _c) in enumerate(words):
        members.setdefault(i, []).append(k)
    if len(members) < 2:
        return runs
    whole: dict[int, list[int]] = {}
    for i, ks in members.items():
        missed = [k for k in ks if not words[k][2]]
        covered = len(ks) - len(missed)
        if len(missed) >= SENTENCE_RUN_WORDS and covered * SENTENCE_RUN_RATIO <= len(missed):
            whole[i] = missed
    if not whole:
        return runs
    kept = [run for run in runs if words[run[0]][0] not in whole]
    return sorted(kept + list(whole.values()))


def word_runs(words: SideWords, side: Side, zh: bool) -> list[list[int]]:
    """Runs of uncovered content words (indices into ``words``)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for k, (i, w, covered) in enumerate(words):
        if covered:
            if current:
                runs.append(current)
                current = []
            continue
        if current:
            pi, pw, _c = words[current[-1]]
            if pi != i or not short_gap(side.sentences[i].text[pw.end : w.start], zh):
                runs.append(current)
                current = []
        current.append(k)
    if current:
        runs.append(current)
    return runs


def short_gap(gap: str, zh: bool) -> bool:
    """Whether two uncovered words this far apart belong to one run (a few function
    words between them, no clause end)."""
    if _HARD_STOP.search(gap):
        return False
    if zh:
        return len(CJK.findall(gap)) <= MAX_GAP_ZH_CHARS
    return len(_EN_FUNCTION_COUNT.findall(gap)) <= MAX_GAP_WORDS


# Marks that end a clause inside a sentence (the sentence's own end is its end).
CLAUSE_MARK = re.compile(r"[,;:()\u2014\uff0c\uff1b\uff1a\u3001\uff08\uff09]")


def whole_clause(words: SideWords, run: list[int], side: Side) -> bool:
    """Whether ``run`` holds every content word of its clause (the stretch of its sentence
    between clause marks), is not in the sentence's first clause, and the sentence has
    covered content words in other clauses: a clause dropped from a translated sentence
    (", but later lifted it")."""
    i = words[run[0]][0]
    if words[run[-1]][0] != i:
        return False
    marks = [m.start() for m in CLAUSE_MARK.finditer(side.sentences[i].text)]

    def clause(w: Word) -> int:
        return sum(1 for m in marks if m < w.start)

    c = clause(words[run[0]][1])
    if c == 0 or clause(words[run[-1]][1]) != c:
        return False
    same = [k for k, (j, w, _c) in enumerate(words) if j == i and clause(w) == c]
    translated = any(covered for j, w, covered in words if j == i and clause(w) != c)
    return same == run and translated
