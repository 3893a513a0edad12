"""The coverage lens's Word record and what both languages share: number keys, name runs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from aligner_gui.core.text.numbers import numbers_en
from aligner_gui.core.text.zh_numbers import numbers_zh


@dataclass(frozen=True, slots=True)
class Word:
    """A word of one sentence: offsets into the sentence text and its match keys.

    ``content`` words are tested and may be tinted; the others (light verbs, discourse
    words) only lend their keys to the other side ("continue" still covers 继续).
    """

    start: int
    end: int
    text: str
    keys: frozenset[str]  # en: stem, number and name keys; zh: dictionary translations
    content: bool = True
    base: str = ""  # what per-word statistics are kept under: en stem, zh word


# links(words, first, j): word j + 1 continues the run first..j;
# run_key(words, first, last): the key of the whole run, or None.
RunTest = Callable[[list[Word], int, int], bool]
RunKey = Callable[[list[Word], int, int], str | None]


def keyed_runs(words: Sequence[Word], links: RunTest, run_key: RunKey) -> tuple[Word, ...]:
    """``words``, each run of two or more linked words given the key of the whole run
    (the syllables of one name share the key of the name)."""
    out = list(words)
    k, n = 0, len(out)
    while k < n:
        j = k
        while j + 1 < n and links(out, k, j):
            j += 1
        if j > k:
            key = run_key(out, k, j)
            if key is not None:
                for m in range(k, j + 1):
                    w = out[m]
                    out[m] = Word(w.start, w.end, w.text, w.keys | {key}, w.content, w.base)
        k = j + 1
    return tuple(out)


def numbers_of(text: str, lang: str) -> list[str]:
    """Canonical numbers; none for a number too long to read (5,000 nines)."""
    try:
        return numbers_zh(text) if lang == "zh" else numbers_en(text)
    except (ValueError, ArithmeticError):
        return []


def number_keys(values: Iterable[str]) -> frozenset[str]:
    """Number keys; "#23%" also as "#23", so 百分之 split from 二十三 still meets "23"."""
    keys: set[str] = set()
    for v in values:
        keys.add("#" + v)
        if v.endswith("%"):
            keys.add("#" + v[:-1])
    return frozenset(keys)


def lexicon_vocabulary(lexicon: Any) -> frozenset[str]:
    """Every English stem some dictionary entry translates to (empty if unknown)."""
    vocabulary = getattr(lexicon, "vocabulary", None)
    return vocabulary() if callable(vocabulary) else frozenset()
