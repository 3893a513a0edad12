"""Names rendered as a different name: the check behind the ``name-mismatch`` flag.

News translation gets names wrong in a few typical ways: one official swapped for
another, a transliteration that names somebody else (奥布莱恩 for O'Brien, but 博尔顿),
a name copied from the previous sentence. The bead score barely notices (one word of
many), so the check is separate and deliberately narrow. A paired bead is suspect when

- its Chinese has a transliterated name that nothing in its English matches: a word
  with a "~py:" name key (a proper noun of the dictionary, or an unknown word of at
  least ZH_MIN_UNKNOWN transliteration characters: 奇松 or 白马 in a novel are not
  names), or a proper noun of the dictionary of at least ZH_MIN_UNKNOWN characters
  (利物浦 "Liverpool" rendered "Manchester"), and
- its English has a name that nothing in its Chinese matches: a capitalised content
  word, not all capitals (acronyms are translated by meaning), not opening the sentence
  or a quotation (where any word is capitalised), and
- neither sounds like a word of the other side (``name_similarity`` at least
  NAME_ALIKE against any capitalised English word, wherever it stands, or any
  transliterated Chinese word; plural and gentilic endings set aside: 耶布斯人 ~
  "Jebusites"), which would make it one name spelt unusually, or cut by the tokenizer.

A name left out on one side alone (a pronoun for the person, a title for the name) is
not a mismatch. Chinese places written in pinyin (江苏 rendered "Jiangxi") are tested
apart (:func:`pinyin_mismatch`), and so is a person given another given name (陈红 as
"Chen Gang": :func:`given_name_mismatch`). ``benchmarks/name_check.py`` measures false
flags per paired bead of a right alignment, and how often a correctly rendered Chinese
name swapped for another name of the same document is caught: seed 0 of 20 false, 7 of
11 caught; held-out news 0 of 65 / 15 of 21; mac-dev (gold) 20 of 2,374 / 92 of 99; bible
001-003 (gold, dense with names) 0.7-1.7% false / 42-48% caught. Swaps the check misses
are mostly beads whose English names nobody (a pronoun) or where the tokenizer glues the
name to the next character (基路伯说).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from aligner_gui.core.scoring.name_forms import (
    FINAL,
    INITIAL,
    added_adjectives,
    demonym_in,
    letters,
    pinyin_name,
    short_form_in,
)
from aligner_gui.core.text.names import (
    KEY_PREFIX,
    NAME_ALIKE,
    TRANSLIT_CHARS,
    alike_score,
    is_chinese_name,
    is_pinyin,
    looks_transliterated,
    pinyin_spellings,
    sounds_alike,
    spelled_in,
    spells_exactly,
    surname_spelling,
    zh_name_key,
)
from aligner_gui.core.text.numbers import month_number
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


@dataclass(frozen=True)
class NameMismatch:
    """The names of a bead that match nothing on the other side (both non-empty)."""

    en: tuple[str, ...]
    zh: tuple[str, ...]


def key_matches(key: str, keys: set[str]) -> bool:
    """Exact match, or a shared stem prefix for demonyms ("russian"/"russia", "chinese"/"china")."""
    if key in keys:
        return True
    if key.startswith("~") or len(key) < 4:
        return False
    for other in keys:
        if other.startswith("~") or len(other) < 4 or other[:4] != key[:4]:
            continue
        if min(len(key), len(other)) == 4:
            # a four-letter place and its demonym: asia / asian, iraq / iraqi, cuba / cuban
            short, long_ = sorted((key, other), key=len)
            if demonym_in(short, {long_}):
                return True
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
        if _POSSESSIVE.sub("", word).isupper() or "." in word or word.lower() in _TITLES:
            continue  # NATO, START, U.S.: translated by meaning; Dr., Sen.: titles
        if _is_month(word, text, match.end()):
            continue  # "on Dec. 5" is 12月5日, a number the numbers check reads
        before = text[: match.start()].rstrip()
        if (not before or (before[-1] in _OPENERS and not _after_title(before)
                           and not _closing_quote(before))) and \
                not _SAID_AFTER.match(text, match.end()) and not _pinyin_place(word):
            # A sentence's first word, unless it says something ("Raman said") or is a
            # Chinese place in pinyin ("Guizhou is the largest producer" for 云南是…).
            continue
        keys = tuple(word_keys(word))
        if keys:  # not a function word ("The", "But")
            out.append((_POSSESSIVE.sub("", word), keys))
    return out


_DATED = re.compile(r"\.?\s*\d")


def _is_month(word: str, text: str, end: int) -> bool:
    """A month's name or abbreviation ("December", "Dec. 5"); "May" and "March", also
    names and words, only before a day or year."""
    if month_number(word) is None:
        return False
    full = len(word) > 4 and word.lower() != "march"
    return full or bool(_DATED.match(text, end))


_SAID_AFTER = re.compile(r"\s+(?:said|says)\b")
# Letters pinyin has and English given names rarely do (Guizhou, Xinjiang, Sichuan, Hebei;
# not Julie, Diana, Madame, which read as pinyin too).
_PINYIN_MARK = re.compile(r"zh|x|q|ng|ou|ui|uan|iao|ei|ao|ai", re.I)


def _pinyin_place(word: str) -> bool:
    return pinyin_name(word, True) and bool(_PINYIN_MARK.search(word))


def _closing_quote(before: str) -> bool:
    """Does ``before`` end with a straight quotation mark that closes a quotation after a
    comma or a question or exclamation mark ('"We won," Montenegro told supporters')? The
    word after it is the speaker's name, as after a curly ”."""
    return len(before) > 1 and before[-1] in "\"'" and before[-2] in ",?!"


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
            # 弗朗西斯·奥|乌苏: a transliteration character opening a part of a name.
            opens_part = len(last) == 1 and last in TRANSLIT_CHARS and any(
                "·" + joined in t for t in texts
            )
            if (_has_name_key(last_keys) or opens_part) and any(joined in t for t in texts):
                key = zh_name_key(joined)
                words[-1] = (joined, last_keys | keys | ({key} if key else set()))
                continue
        words.append((word, keys))
    # A name: a word with a sound key, or a proper noun of the dictionary (利物浦
    # "Liverpool"), and long enough (奇松 in a novel is none) unless it is both.
    return [
        (word, keys)
        for word, keys in words
        if _CJK.search(word)
        and (_has_name_key(keys) or is_proper(word))
        and (len(word) >= ZH_MIN_UNKNOWN or (_has_name_key(keys) and is_proper(word)))
    ]


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
    Transliterated names (特朗普, Trump) and Chinese names written in pinyin (江苏,
    Jiangsu: see :func:`pinyin_mismatch`) are both tested.
    """
    bead = _BeadNames(zh_texts, zh_content, en_texts, list(en_tokens), name_words, is_proper)
    tests = (_transliterated_mismatch, pinyin_mismatch, given_name_mismatch)
    parts = [NameMismatch(en, p.zh) for p in (test(bead) for test in tests) if p is not None
             and (en := added_adjectives(p.en, en_texts, [k for w, k in zh_content if w in p.zh]))]
    if len(parts) < 2:
        return parts[0] if parts else None
    return NameMismatch(tuple(dict.fromkeys(n for p in parts for n in p.en)),
                        tuple(dict.fromkeys(n for p in parts for n in p.zh)))


@dataclass(frozen=True)
class _BeadNames:
    """What the name tests read of one bead (see :func:`mismatched_names`)."""

    zh_texts: Sequence[str]
    zh_content: Sequence[tuple[str, frozenset[str]]]
    en_texts: Sequence[str]
    en_tokens: list[str]
    name_words: Callable[[str], Sequence[tuple[str, tuple[str, ...]]]]
    is_proper: Callable[[str], bool]


_PARTICLE_NAME = re.compile(r"\b(van|von|de|der|den|da|di|du|le|la|ten|ter)\s+([A-Z][a-z]+)")


def _transliterated_mismatch(bead: _BeadNames) -> NameMismatch | None:
    """特朗普 against "Trump": the names that sound (see the module's docstring)."""
    zh_texts, zh_content, en_texts = bead.zh_texts, bead.zh_content, bead.en_texts
    en_tokens, name_words, is_proper = bead.en_tokens, bead.name_words, bead.is_proper
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
    # "van Dijk" is 范戴克: the particle is said too (lower case, it is no name word).
    joined = {m.group(2): m.group(1).capitalize() + m.group(2)
              for t in en_texts for m in _PARTICLE_NAME.finditer(t)}
    capitalised += list(joined.values())
    # The word a matched name sounds most like is taken from a name that sounds less like
    # it: "Judge Whitfield … Crowther" as 惠特菲尔德 … 哈德利 — 哈德利 half sounds like
    # Whitfield, which 惠特菲尔德 says.
    taken: dict[str, float] = {}
    for name in {z for z, _keys in zh_names} - set(zh_left):
        score, word = max(((alike_score(name, e), e) for e in capitalised), default=(0.0, ""))
        if score >= NAME_ALIKE:
            taken[word] = max(score, taken.get(word, 0.0))
    zh_left = [z for z in zh_left if not any(
        (score := alike_score(z, e)) >= NAME_ALIKE and score >= taken.get(e, 0.0)
        for e in capitalised)]
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
        and not any(sounds_alike(z, joined.get(w, w)) or sounds_alike(z, w) for z in sounding)
        and not short_form_in(w, zh_texts)
    ]
    if not en_left:
        return None
    return NameMismatch(tuple(dict.fromkeys(en_left)), tuple(dict.fromkeys(zh_left)))


_AFTER_NUMBER = re.compile(r"[0-9０-９零〇一二三四五六七八九十百千万亿]$")


# Words of CC-CEDICT's glosses of Chinese place names that say what kind of place, not
# which ("Jiangsu province in southeast China"), as stems: no sign the name is rendered.
_GENERIC_GLOSS = frozenset(
    "china chines provinc citi counti district capit region prefectur municip autonom "
    "town township villag area east west north south southeast southwest northeast "
    "northwest central eastern western northern southern river mountain lake island sea "
    "coast bay harbor port peopl republ name surnam also old ancient part border famous "
    "kingdom state dynasti locat level side parti govern offici".split()
)


def native_names(
    content: Iterable[tuple[str, frozenset[str]]], is_proper: Callable[[str], bool]
) -> list[tuple[str, frozenset[str]]]:
    """Chinese proper nouns of the dictionary that English writes in pinyin and that are
    no transliteration (江苏 Jiangsu, 黄岩岛 Huangyan Island), with the keys that say
    *which* place: their gloss words that are no generic place words, and their pinyin.
    (Person names are left out: a surname and a word are too often one token.)"""
    out: list[tuple[str, frozenset[str]]] = []
    for word, keys in content:
        if len(word) < 2 or not _CJK.search(word) or _has_name_key(keys):
            continue  # transliterations: the other test
        if looks_transliterated(word):
            continue  # 以色列, 亚伯: also transliterations (no sound key from the gloss)
        if not is_proper(word):
            continue
        # Not the other places its gloss names ("Shanxi province ... between Hebei and
        # Shaanxi"; 安吉县 "... in Huzhou"): pinyin its own characters do not spell.
        specific = {k for k in keys if k not in _GENERIC_GLOSS and not k.startswith("#")
                    and (spelled_in(k, word) or not pinyin_name(k, initials=True))}
        spellings = pinyin_spellings(word)
        if not specific or not spellings:
            continue  # 中方 "the Chinese side": no particular place
        out.append((word, frozenset(specific | {spellings[0]})))
    return out


def pinyin_mismatch(bead: _BeadNames) -> NameMismatch | None:
    """A Chinese place that English writes in pinyin rendered as another such name: 江苏
    as "Jiangxi", 黄岩岛 as "Renai Reef".

    Suspect when a Chinese name of :func:`native_names` has none of its keys in the
    English (the pinyin also as adjacent capitalised words run together: "Huang Yan"),
    and the English has a name by its place that reads as pinyin of two or more
    syllables, matches no key of the Chinese exactly and is not the reading of any run of
    its characters (:func:`~aligner_gui.core.text.names.spelled_in`). A place the
    translation leaves out, or renders with no pinyin name in its place, is no mismatch.
    """
    zh_texts, zh_content, en_texts = bead.zh_texts, bead.zh_content, bead.en_texts
    en_tokens, name_words, is_proper = bead.en_tokens, bead.name_words, bead.is_proper
    # A word glued to a number is no name: the dateline's 15日电 is cut 15 + 日电 (NEC).
    native = [(w, keys) for w, keys in native_names(zh_content, is_proper)
              if not any(_AFTER_NUMBER.search(t[: t.find(w)]) for t in zh_texts if w in t)]
    if not native:
        return None
    en_keys = set(en_tokens)
    joined = _joined_capitals(en_texts)
    zh_left = [w for w, keys in native  # exactly: "Jiangxi" is not a form of "Jiangsu"
               if not any(k in joined or k in en_keys or demonym_in(k, en_keys)
                          for k in keys)]
    if not zh_left:
        return None
    # A place's own keys only: 山西's gloss names Shaanxi, which is then no match for it.
    places = {w for w, _k in native_names(zh_content, is_proper)}
    zh_keys = {k for w, keys in zh_content for k in keys
               if w not in places or k in _GENERIC_GLOSS or spelled_in(k, w)
               or not pinyin_name(k, initials=True)}
    sounding = [w for w, keys in zh_content if _has_name_key(keys) or looks_transliterated(w)]
    sounding += [run for z in zh_texts for run in _translit_run().findall(z)]  # 西|乃 cut
    en_left = [
        w
        for t in en_texts
        for w, keys in name_words(t)
        if pinyin_name(w)
        and not any(k in zh_keys for k in keys)
        and not any(spelled_in(w, z) for z in zh_texts)
        and not any(sounds_alike(z, w) for z in sounding)  # 西乃 "Sinai"
    ]
    if not en_left:
        return None
    return NameMismatch(tuple(dict.fromkeys(en_left)), tuple(dict.fromkeys(zh_left)))


@lru_cache(maxsize=1)
def _translit_run() -> re.Pattern[str]:
    """Runs of two or more transliteration characters (a name however jieba cut it)."""
    return re.compile("[" + "".join(sorted(TRANSLIT_CHARS)) + "]{2,}")


def _joined_capitals(texts: Sequence[str]) -> set[str]:
    """Lower-cased capitalised words of the texts, alone and run together with the next
    one or two ("Huangyan Dao" -> huangyandao)."""
    out: set[str] = set()
    for text in texts:
        words = [(m.start(), m.end(), letters(m.group(0)).lower())
                 for m in CAPITALISED.finditer(text)]
        for k, (_s, end, word) in enumerate(words):
            out.add(word)
            run, last = word, end
            for start2, end2, word2 in words[k + 1 : k + 3]:
                if text[last:start2].strip(" -"):
                    break
                run, last = run + word2, end2
                out.add(run)
    return out


# An English surname and given name in pinyin ("Chen Gang", "Liu Siyu", "Xi-feng").
_SURNAME_GIVEN = re.compile(r"\b([A-Z][a-z]{0,5})[ ]([A-Z][a-z]{1,5}(?:-?[a-z]{1,6})?)\b")
_GIVEN = re.compile(f"(?:{INITIAL}?{FINAL}){{1,2}}")


def given_name_mismatch(bead: _BeadNames) -> NameMismatch | None:
    """A Chinese person named with another given name: 陈红 rendered "Chen Gang".

    Suspect when the English writes a surname and a given name in pinyin, the surname is
    the reading of the first character of a name in the Chinese (a word of two to four
    characters the dictionary does not know that starts with a common surname, or three
    such characters however jieba cut them: 由王|欣怡), none of them goes on with
    characters that spell the given name, and nothing else in the Chinese spells it.
    ("Chen said", or a name the translation leaves out, is none.)
    """
    zh_texts, zh_content, en_texts = bead.zh_texts, bead.zh_content, bead.en_texts
    people = [w for w, keys in zh_content
              if is_chinese_name(w) and (pinyin_spellings(w) or ("",))[0] in keys]
    pinyin_people = _pinyin_people(en_texts)
    for surname, given in pinyin_people:
        named = [w for w in people if spelled_in(surname, w[0])] or [
            z[k : k + 3] for z in zh_texts for k in range(len(z) - 2)
            if is_chinese_name(z[k : k + 3]) and spelled_in(surname, z[k])
            and all("\u4e00" <= c <= "\u9fff" for c in z[k : k + 3])]
        if named and not any(spelled_in(given, w[1:]) for w in named) and not any(
                spelled_in(given, z) for z in zh_texts):
            return NameMismatch((f"{surname} {given}",), tuple(dict.fromkeys(named)))
        # The other way: the given name follows a surname that is not this one
        # ("Qian Peijing" for 秦培景).
        holders = [z[k - 1 : k + size] for z in zh_texts for size in (2, 1)
                   for k in range(1, len(z) - size + 1)
                   if spells_exactly(given, z[k : k + size])
                   and is_chinese_name(z[k - 1 : k + size])]
        if holders and not any(spelled_in(surname, h[0]) for h in holders) and not any(
                spelled_in(surname, z) for z in zh_texts):
            return NameMismatch((f"{surname} {given}",), tuple(dict.fromkeys(holders)))
    return _another_person(bead, people, pinyin_people)


def _pinyin_people(en_texts: Sequence[str]) -> list[tuple[str, str]]:
    """(surname, given name) of the people the English names in pinyin ("Chen Gang"; not
    "When Chen", "King Yu")."""
    out = []
    for text in en_texts:
        for m in _SURNAME_GIVEN.finditer(text):
            surname, given = m.group(1), m.group(2)
            low = letters(given).lower()
            if is_pinyin(low) and _GIVEN.fullmatch(low) and surname_spelling(surname):
                out.append((surname, given))
    return out


def _another_person(bead: _BeadNames, people: list[str],
                    pinyin_people: list[tuple[str, str]]) -> NameMismatch | None:
    """Another person altogether: 杜锋表示 rendered "Guo Shiqiang said". The English
    names someone in pinyin whose surname and given name no characters of the Chinese
    spell, and the Chinese names a person (a name the dictionary does not know, starting
    with a common surname) whom no capitalised English word spells."""
    people = [w for w in people if len(w) <= 3]  # 全然不顾 starts with a surname too
    if not people:
        return None
    zh_texts, en_texts = bead.zh_texts, bead.en_texts
    strangers = [f"{surname} {given}" for surname, given in pinyin_people
                 if not any(spelled_in(surname, z) or spelled_in(given, z) for z in zh_texts)]
    if not strangers:
        return None
    capitalised = [m.group(0) for t in en_texts for m in CAPITALISED.finditer(t)]
    unnamed = [w for w in people if not any(spelled_in(c, w) for c in capitalised)]
    if not unnamed:
        return None
    return NameMismatch(tuple(dict.fromkeys(strangers)), tuple(dict.fromkeys(unnamed)))
