"""The engine's explanations (the comments of its suggestions) in the window's language.

The Qt-free core writes its findings' comments in English ("negation: source has 'not',
translation has none"), and a project and its exports keep them so. The window shows them
translated: each comment shape the core makes is a pattern here with a translatable
template (context "EngineMessages"); the words put into it (a side, a direction, a unit's kind)
are translated too (context "EngineWords"). A comment of no known shape, and every comment
under the English UI, is shown as it is. A test keeps the shapes in step with what the
core says on the seed and the news set.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["engine_message", "matched"]

CONTEXT = "EngineMessages"
WORDS_CONTEXT = "EngineWords"

# Words the core puts into its comments.
WORDS = (
    QT_TRANSLATE_NOOP("EngineWords", "source"),
    QT_TRANSLATE_NOOP("EngineWords", "translation"),
    QT_TRANSLATE_NOOP("EngineWords", "in the original"),
    QT_TRANSLATE_NOOP("EngineWords", "in the translation"),
    QT_TRANSLATE_NOOP("EngineWords", "up"),
    QT_TRANSLATE_NOOP("EngineWords", "down"),
    QT_TRANSLATE_NOOP("EngineWords", "more than"),
    QT_TRANSLATE_NOOP("EngineWords", "less than"),
    QT_TRANSLATE_NOOP("EngineWords", "below zero"),
    QT_TRANSLATE_NOOP("EngineWords", "no sign"),
    QT_TRANSLATE_NOOP("EngineWords", "on a year earlier"),
    QT_TRANSLATE_NOOP("EngineWords", "on the period before"),
    QT_TRANSLATE_NOOP("EngineWords", "direction"),
    QT_TRANSLATE_NOOP("EngineWords", "bound"),
    QT_TRANSLATE_NOOP("EngineWords", "sign"),
    QT_TRANSLATE_NOOP("EngineWords", "period"),
    QT_TRANSLATE_NOOP("EngineWords", "currency"),
    QT_TRANSLATE_NOOP("EngineWords", "length"),
    QT_TRANSLATE_NOOP("EngineWords", "weight"),
    QT_TRANSLATE_NOOP("EngineWords", "area"),
    QT_TRANSLATE_NOOP("EngineWords", "volume"),
    QT_TRANSLATE_NOOP("EngineWords", "power"),
    QT_TRANSLATE_NOOP("EngineWords", "temperature"),
    QT_TRANSLATE_NOOP("EngineWords", "rate step"),
    QT_TRANSLATE_NOOP("EngineWords", "time span"),
    QT_TRANSLATE_NOOP("EngineWords", "brackets"),
    QT_TRANSLATE_NOOP("EngineWords", "square brackets"),
    QT_TRANSLATE_NOOP("EngineWords", "quotation marks"),
    QT_TRANSLATE_NOOP("EngineWords", "book-title marks"),
    QT_TRANSLATE_NOOP("EngineWords", "attribution"),
    QT_TRANSLATE_NOOP("EngineWords", "hedge"),
    QT_TRANSLATE_NOOP("EngineWords", "URL"),
    QT_TRANSLATE_NOOP("EngineWords", "e-mail address"),
    QT_TRANSLATE_NOOP("EngineWords", "handle"),
    QT_TRANSLATE_NOOP("EngineWords", "hashtag"),
    QT_TRANSLATE_NOOP("EngineWords", "left out of the translation"),
    QT_TRANSLATE_NOOP("EngineWords", "added"),
)

_Q = r"'(?P<{0}>.*?)'"  # a quoted piece of text


_DIMS = "currency|length|weight|area|volume|power|temperature|rate step|time span"


def _q(name: str) -> str:
    return _Q.format(name)


# (pattern of the core's English comment, its template for translation). The patterns
# match the whole comment; their groups fill the template's fields.
_SHAPES: tuple[tuple[str, str], ...] = (
    # coverage lens (core/coverage/suggestions.py)
    (r"coverage lens: nothing in the translation renders these words",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "coverage lens: nothing in the translation renders these words")),
    (r"coverage lens: these words match nothing in the original, whose words nearby are "
     r"not rendered either",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "coverage lens: these words match nothing in the original, whose "
                       "words nearby are not rendered either")),
    (r"coverage lens: nothing in the original corresponds to these words",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "coverage lens: nothing in the original corresponds to these words")),
    (r"a whole sentence that nothing in the translation renders, kept in this bead by the "
     r"alignment",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "a whole sentence that nothing in the translation renders, kept in "
                       "this bead by the alignment")),
    # risk suspects (core/qe/risk.py)
    (r"risk model: these words (?P<where>in the original|in the translation) match nothing "
     r"on the other side \(confidence (?P<n>\d+) %\)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "risk model: these words {where} match nothing on the other side "
                       "(confidence {n} %)")),
    # one-sided beads (core/scoring/mqm.py)
    (r"no translation of this sentence",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "no translation of this sentence")),
    (r"the headline has no translation",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "the headline has no translation")),
    (r"a link or page line with no translation \(often left out\)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "a link or page line with no translation (often left out)")),
    (r"a photo caption with no translation",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "a photo caption with no translation")),
    (r"a byline with no translation \(often left out\)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "a byline with no translation (often left out)")),
    (r"an editor's note with no translation",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "an editor's note with no translation")),
    (r"nothing in the original corresponds",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "nothing in the original corresponds")),
    (r"the translation's own byline",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "the translation's own byline")),
    (r"the translator's or editor's own note",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "the translator's or editor's own note")),
    (r"the translation's own link or page line",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "the translation's own link or page line")),
    (r"moved: translated at bead (?P<n>\d+)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "moved: translated at bead {n}")),
    (r"moved: the translation of bead (?P<n>\d+)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "moved: the translation of bead {n}")),
    (r"alignment confidence (?P<x>[\d.]+): the pairing is doubtful",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "alignment confidence {x}: the pairing is doubtful")),
    (r"match (?P<x>[\d.]+): the pairing or the translation is doubtful",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "match {x}: the pairing or the translation is doubtful")),
    # numbers and names (core/scoring/mqm.py, core/qe/check_doc.py)
    (r"(?:numbers: )?missing (?P<a>[^;]+); extra (?P<b>.+)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "numbers: missing {a}; extra {b}")),
    (r"(?:numbers: )?missing (?P<a>[^;]+)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "numbers: missing {a}")),
    (r"(?:numbers: )?extra (?P<b>.+)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "numbers: extra {b}")),
    (r"numbers differ", QT_TRANSLATE_NOOP("EngineMessages",
                       "numbers differ")),
    (r"names differ: English:? (?P<en>[^;]*); Chinese:? (?P<zh>.*)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "names differ: English {en}; Chinese {zh}")),
    (r"names differ: English:? (?P<en>.*)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "names differ: English {en}")),
    (r"names differ: Chinese:? (?P<zh>.*)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "names differ: Chinese {zh}")),
    # QA checks (core/qe/*)
    (rf"negation: (?P<side>source|translation) has {_q('a')}, (?P<other>source|translation) "
     r"has none",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "negation: the {side} has '{a}', the {other} has none")),
    (rf"(?P<what>direction|bound|sign|period): source says {_q('a')} \((?P<x>[^)]*)\), "
     rf"translation says {_q('b')} \((?P<y>[^)]*)\)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "{what}: the source says '{a}' ({x}), the translation says '{b}' "
                       "({y})")),
    (rf"role: source says {_q('a')}, translation says {_q('b')} \(its counterpart\)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "role: the source says '{a}', the translation says '{b}' (its "
                       "counterpart)")),
    (rf"(?P<kind>attribution|hedge) dropped: the original says {_q('a')}, the translation "
     r"states it without any hedge",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "{kind} dropped: the original says '{a}', the translation states it"
                       " without any hedge")),
    (rf"idiom translated literally: {_q('a')} means {_q('m')}; {_q('b')} renders its image "
     r"word for word",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "idiom translated literally: '{a}' means '{m}'; '{b}' renders its "
                       "image word for word")),
    (rf"(?P<dim>{_DIMS}): source has {_q('a')}, translation has {_q('b')} for the same "
     r"figure",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "{dim}: the source has '{a}', the translation has '{b}' for the "
                       "same figure")),
    (rf"(?P<dim>{_DIMS}): source has {_q('a')}, translation has {_q('b')}",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "{dim}: the source has '{a}', the translation has '{b}'")),
    (rf"(?P<label>URL|e-mail address|handle|hashtag): source has {_q('a')}, translation has "
     rf"{_q('b')}",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "{label}: the source has '{a}', the translation has '{b}'")),
    (rf"(?P<label>URL|e-mail address|handle|hashtag): {_q('a')} is missing from the "
     r"translation",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "{label}: '{a}' is missing from the translation")),
    (rf"untranslated: Chinese {_q('a')} in the translation",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "untranslated: Chinese '{a}' in the translation")),
    (rf"untranslated: English {_q('a')} in the translation",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "untranslated: English '{a}' in the translation")),
    (rf"untranslated: {_q('a')} copied from the source",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "untranslated: '{a}' copied from the source")),
    (rf"punctuation: (?P<family>[a-z -]+) unbalanced in the translation \({_q('a')}\)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "punctuation: {family} unbalanced in the translation ('{a}')")),
    (rf"punctuation: source ends with a question mark, translation with {_q('a')}",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "punctuation: the source ends with a question mark, the translation"
                       " with '{a}'")),
    (rf"repeated word: {_q('a')} twice in a row",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "repeated word: '{a}' twice in a row")),
    (r"inconsistency: same source as bead (?P<n>\d+), translated differently",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "inconsistency: same source as bead {n}, translated differently")),
    (r"inconsistency: same translation as bead (?P<n>\d+), whose source differs",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "inconsistency: same translation as bead {n}, whose source differs")),
    (rf"glossary: {_q('a')} should be translated as (?P<wanted>.+)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "glossary: '{a}' should be translated as {wanted}")),
    # a sentence glued to its neighbour (core/qe/glued.py)
    (r"meaning match: this sentence alone (?P<x>[\d.]+), and the bead's falls by "
     r"(?P<y>[\d.]+) with it: it looks (?P<how>left out of the translation|added), kept in "
     r"this bead by the alignment",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "meaning match: this sentence alone {x}, and the bead's falls by "
                       "{y} with it: it looks {how}, kept in this bead by the alignment")),
)
_COMPILED = tuple((re.compile(pattern, re.DOTALL), template) for pattern, template in _SHAPES)
_WORD_SET = frozenset(WORDS)


def matched(comment: str) -> bool:
    """Is ``comment`` of a shape this module translates?"""
    return any(pattern.fullmatch(comment) for pattern, _t in _COMPILED)


def engine_message(comment: str) -> str:
    """``comment`` in the window's language (as it is under the English UI, or when it
    is of no known shape)."""
    for pattern, template in _COMPILED:
        found = pattern.fullmatch(comment)
        if found is None:
            continue
        translated = QCoreApplication.translate(CONTEXT, template)
        if translated == template:
            return comment
        values = {key: (QCoreApplication.translate(WORDS_CONTEXT, value)
                        if value in _WORD_SET else (value or ""))
                  for key, value in found.groupdict().items()}
        try:
            return translated.format(**values)
        except (KeyError, IndexError, ValueError):
            return comment  # a translation whose fields do not match: keep the English
    return comment
