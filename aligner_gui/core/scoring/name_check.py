"""Names rendered as a different name: the check behind the ``name-mismatch`` flag.

News translation gets names wrong in a few typical ways: one official swapped for
another, a transliteration that names somebody else (奥布莱恩 for O'Brien, but 博尔顿),
a name copied from the previous sentence. The bead score barely notices (one word of
many), so the check is separate and deliberately narrow. A paired bead is suspect when

- its Chinese has a transliterated name that nothing in its English matches: a word
  with a "~py:" name key (a proper noun of the dictionary, or an unknown word of at
  least ZH_MIN_UNKNOWN transliteration characters: 奇松 or 白马 in a novel are not
  names), and
- its English has a name that nothing in its Chinese matches: a capitalised content
  word, not all capitals (acronyms are translated by meaning), not opening the sentence
  or a quotation (where any word is capitalised), and
- neither sounds like a word of the other side (``name_similarity`` at least
  NAME_ALIKE against any capitalised English word, wherever it stands, or any
  transliterated Chinese word; plural and gentilic endings set aside: 耶布斯人 ~
  "Jebusites"), which would make it one name spelt unusually, or cut by the tokenizer.

A name left out on one side alone (a pronoun for the person, a title for the name) is
not a mismatch. ``benchmarks/name_check.py`` measures false flags per paired bead of a
right alignment, and how often a correctly rendered Chinese name swapped for another
name of the same document is caught: seed 0 of 20 false, 4 of 6 caught; held-out news
0 of 65 / 10 of 14; mac-dev (gold) 1 of 2,374 / 37 of 43; bible 001-003 (gold, dense
with names) 0.5-1.3% false / 68-76% caught. Swaps the check misses are mostly beads
whose English names nobody (a pronoun) or where the tokenizer glues the name to the
next character (基路伯说).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from aligner_gui.core.text.names import (
    KEY_PREFIX,
    TRANSLIT_CHARS,
    looks_transliterated,
    name_similarity,
    zh_name_key,
)
from aligner_gui.core.text.segment import TITLES

__all__ = [
    "NAME_ALIKE",
    "NameMismatch",
    "en_name_words",
    "key_matches",
    "mismatched_names",
    "sounds_alike",
    "zh_name_words",
]

# Two names at least this similar (consonant skeletons) are taken for one name.
NAME_ALIKE = 0.5
# Shortest unknown Chinese word taken for a transliterated name.
ZH_MIN_UNKNOWN = 3

# Capitalised words and dotted abbreviations ("U.S.", "O'Brien", "Trump's").
CAPITALISED = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z][A-Za-z'’-]*[A-Za-z]\b")
# A capitalised word right after one of these (or at the text's start) is capitalised
# for its place: a sentence end, a colon, an opening quotation mark or bracket, a dash.
_OPENERS = frozenset(".!?:;\"“‘'([—–")
_POSSESSIVE = re.compile(r"['’]s$")
# Titles before a name ("Dr. Emma Watson", "Gen Li"): the Chinese puts 博士 / 将军 after
# the name, and a title is not a name to match.
_TITLES = TITLES | {"sir", "dame", "lord", "lady"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Endings an English name may carry where the Chinese adds 人/们 or nothing.
_ENDINGS = ("'s", "’s", "ites", "ite", "ians", "ian", "ans", "ese", "es", "s")


@dataclass(frozen=True)
class NameMismatch:
    """The names of a bead that match nothing on the other side (both non-empty)."""

    en: tuple[str, ...]
    zh: tuple[str, ...]


def key_matches(key: str, keys: set[str]) -> bool:
    """Exact match, or a shared stem prefix for demonyms ("russian"/"russia", "chinese"/"china")."""
    if key in keys:
        return True
    if key.startswith("~") or len(key) < 5:
        return False
    for other in keys:
        if len(other) < 5 or other[:4] != key[:4] or other.startswith("~"):
            continue
        common = 4
        limit = min(len(key), len(other))
        while common < limit and key[common] == other[common]:
            common += 1
        if common >= max(4, min(len(key), len(other)) - 2):
            return True
    return False


def _has_name_key(keys: Iterable[str]) -> bool:
    return any(k.startswith(KEY_PREFIX) for k in keys)


def en_name_words(
    text: str, word_keys: Callable[[str], Sequence[str]]
) -> list[tuple[str, tuple[str, ...]]]:
    """English words of ``text`` that are names by their place: (word, its content keys).

    ``word_keys(word)`` gives a word's content keys (stems and its "~py:" name key).
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    for match in CAPITALISED.finditer(text):
        word = match.group(0)
        if word.isupper() or "." in word or word.lower() in _TITLES:
            continue  # NATO, START, U.S.: translated by meaning; Dr., Sen.: titles
        before = text[: match.start()].rstrip()
        if not before or (before[-1] in _OPENERS and not _after_title(before)):
            continue
        keys = tuple(word_keys(word))
        if keys:  # not a function word ("The", "But")
            out.append((_POSSESSIVE.sub("", word), keys))
    return out


def _after_title(before: str) -> bool:
    """Does ``before`` end with a title's full stop ("Mr.", "Sen.")? Then the word after
    it is a name, not a sentence's first word."""
    words = before[:-1].split()
    return before.endswith(".") and bool(words) and words[-1].lower() in _TITLES


def zh_name_words(
    content: Iterable[tuple[str, frozenset[str]]],
    is_proper: Callable[[str], bool],
    texts: Sequence[str] = (),
) -> list[tuple[str, frozenset[str]]]:
    """Chinese content words that are transliterated names: (word, its candidate keys).

    A name the tokenizer cut (梅德韦 + 杰夫, 罗莎 + 娜) is joined again when the pieces
    stand together in one of ``texts``; not with a word the dictionary knows as other
    than a name (沃森 + 博士 "doctor", 博尔顿 + 先生 "Mr").
    """
    words: list[tuple[str, frozenset[str]]] = []
    for word, keys in content:
        piece = len(word) == 1 or _has_name_key(keys)
        if words and texts and piece and all(c in TRANSLIT_CHARS for c in word):
            last, last_keys = words[-1]
            joined = last + word
            if _has_name_key(last_keys) and any(joined in t for t in texts):
                key = zh_name_key(joined)
                words[-1] = (joined, last_keys | keys | ({key} if key else set()))
                continue
        words.append((word, keys))
    return [
        (word, keys)
        for word, keys in words
        if _CJK.search(word)
        and _has_name_key(keys)
        and (len(word) >= ZH_MIN_UNKNOWN or is_proper(word))
    ]


def sounds_alike(zh_word: str, en_word: str) -> bool:
    """Could ``zh_word`` transliterate ``en_word`` (or the name under its ending)?"""
    variants = [en_word]
    for ending in _ENDINGS:
        if en_word.endswith(ending) and len(en_word) - len(ending) >= 3:
            variants.append(en_word[: -len(ending)])
    if "th" in en_word:  # Bethel 伯特利, Thomas 托马斯 (the skeleton hears Smith's s)
        variants += [v.replace("th", "t").replace("Th", "T") for v in variants]
    return any(name_similarity(zh_word, v) >= NAME_ALIKE for v in variants)


def mismatched_names(
    zh_texts: Sequence[str],
    zh_content: Sequence[tuple[str, frozenset[str]]],
    en_texts: Sequence[str],
    en_tokens: Iterable[str],
    name_words: Callable[[str], Sequence[tuple[str, tuple[str, ...]]]],
    is_proper: Callable[[str], bool],
) -> NameMismatch | None:
    """The bead's unmatched names on both sides, or None when it is not suspect.

    ``zh_content`` are the Chinese content words of ``zh_texts`` (in order) with their
    candidate keys, ``en_tokens`` the content keys of the English sentences ``en_texts``,
    ``name_words(text)`` the English names of a text by their place (``en_name_words``).
    """
    zh_names = zh_name_words(zh_content, is_proper, zh_texts)
    if not zh_names:
        return None
    en_keys = set(en_tokens)
    zh_left = [w for w, keys in zh_names if not any(key_matches(k, en_keys) for k in keys)]
    if not zh_left:
        return None
    # A name matches a word that sounds alike wherever it stands ("Marisol" opening the
    # sentence, 马里索尔 cut by the tokenizer into 马里 + 索尔).
    capitalised = [m.group(0) for t in en_texts for m in CAPITALISED.finditer(t)]
    zh_left = [z for z in zh_left if not any(sounds_alike(z, e) for e in capitalised)]
    if not zh_left:
        return None
    en_names = [n for t in en_texts for n in name_words(t)]
    zh_keys: set[str] = set()
    sounding: list[str] = []
    for word, keys in zh_content:
        zh_keys.update(keys)
        zh_keys.add(word.lower())  # names left in Latin script
        if _has_name_key(keys) or looks_transliterated(word):  # 蓬佩奥: too short a key
            sounding.append(word)
    en_left = [
        w
        for w, keys in en_names
        if not any(key_matches(k, zh_keys) for k in keys)
        and not any(sounds_alike(z, w) for z in sounding)
    ]
    if not en_left:
        return None
    return NameMismatch(tuple(dict.fromkeys(en_left)), tuple(dict.fromkeys(zh_left)))
