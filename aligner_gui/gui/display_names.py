"""Translated display names of the engine's flags and the MQM categories.

Only what the window shows is translated: beads, annotations, project files and exports
keep the English values. The strings are marked here (``QT_TRANSLATE_NOOP``) so that
pyside6-lupdate finds them under the contexts "Flags" and "MqmCategory"; the values come
from core (model.py, mqm.py, qe/checks.py), and a test keeps the two lists in step.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

FLAG_CONTEXT = "Flags"
CATEGORY_CONTEXT = "MqmCategory"

FLAG_NAMES = (
    QT_TRANSLATE_NOOP("Flags", "omission"),
    QT_TRANSLATE_NOOP("Flags", "addition"),
    QT_TRANSLATE_NOOP("Flags", "low-score"),
    QT_TRANSLATE_NOOP("Flags", "number-mismatch"),
    QT_TRANSLATE_NOOP("Flags", "name-mismatch"),
    QT_TRANSLATE_NOOP("Flags", "headline"),
    QT_TRANSLATE_NOOP("Flags", "more-link"),
    QT_TRANSLATE_NOOP("Flags", "photo-caption"),
    QT_TRANSLATE_NOOP("Flags", "content"),
    QT_TRANSLATE_NOOP("Flags", "byline"),
    QT_TRANSLATE_NOOP("Flags", "editor-note"),
)
# The QA checks' names, shown in suggestions as "<check> <side>".
CHECK_NAMES = (
    QT_TRANSLATE_NOOP("Flags", "numbers"),
    QT_TRANSLATE_NOOP("Flags", "names"),
    QT_TRANSLATE_NOOP("Flags", "negation"),
    QT_TRANSLATE_NOOP("Flags", "direction"),
    QT_TRANSLATE_NOOP("Flags", "hedges"),
    QT_TRANSLATE_NOOP("Flags", "idioms"),
    QT_TRANSLATE_NOOP("Flags", "untranslated"),
    QT_TRANSLATE_NOOP("Flags", "inconsistency"),
    QT_TRANSLATE_NOOP("Flags", "glossary"),
    QT_TRANSLATE_NOOP("Flags", "terminology"),
    QT_TRANSLATE_NOOP("Flags", "punctuation"),
    QT_TRANSLATE_NOOP("Flags", "repeated-words"),
    QT_TRANSLATE_NOOP("Flags", "urls"),
)
SIDE_NAMES = (
    QT_TRANSLATE_NOOP("Flags", "source"),
    QT_TRANSLATE_NOOP("Flags", "target"),
)
CATEGORY_NAMES = (
    QT_TRANSLATE_NOOP("MqmCategory", "Accuracy/Mistranslation"),
    QT_TRANSLATE_NOOP("MqmCategory", "Accuracy/Omission"),
    QT_TRANSLATE_NOOP("MqmCategory", "Accuracy/Addition"),
    QT_TRANSLATE_NOOP("MqmCategory", "Accuracy/Untranslated"),
    QT_TRANSLATE_NOOP("MqmCategory", "Fluency/Grammar"),
    QT_TRANSLATE_NOOP("MqmCategory", "Fluency/Punctuation"),
    QT_TRANSLATE_NOOP("MqmCategory", "Fluency/Spelling"),
    QT_TRANSLATE_NOOP("MqmCategory", "Fluency/Inconsistency"),
    QT_TRANSLATE_NOOP("MqmCategory", "Terminology"),
    QT_TRANSLATE_NOOP("MqmCategory", "Style"),
    QT_TRANSLATE_NOOP("MqmCategory", "Locale convention"),
    QT_TRANSLATE_NOOP("MqmCategory", "Source error"),
    QT_TRANSLATE_NOOP("MqmCategory", "Non-translation"),
    QT_TRANSLATE_NOOP("MqmCategory", "Other"),
    # the first part alone, as a category may be just "Accuracy"
    QT_TRANSLATE_NOOP("MqmCategory", "Accuracy"),
    QT_TRANSLATE_NOOP("MqmCategory", "Fluency"),
)
_SPAN_FLAG = re.compile(r"^(?:check:)?(.+):(source|target):\d+-\d+$")


def flag_name(flag: str) -> str:
    """One flag for display ("omission" -> "漏译" under zh_CN); unknown flags as they are."""
    return QCoreApplication.translate(FLAG_CONTEXT, flag)


def flag_list(flags: list[str] | tuple[str, ...]) -> str:
    return ", ".join(flag_name(f) for f in flags)


def span_flag_name(flag: str) -> str | None:
    """ "check:names:target:5-9" -> "names target", translated; None for another flag."""
    found = _SPAN_FLAG.match(flag)
    if found is None:
        return None
    return f"{flag_name(found.group(1))} {flag_name(found.group(2))}"


def category_name(category: str) -> str:
    """An MQM category for display; an unknown one (imported files) as it is."""
    translated = QCoreApplication.translate(CATEGORY_CONTEXT, category)
    if translated != category or "/" not in category:
        return translated
    head, _, rest = category.partition("/")  # "Accuracy/Something else": the known half
    return f"{QCoreApplication.translate(CATEGORY_CONTEXT, head)}/{rest}"


def risk_caveat() -> str:
    """What the risk is learned from and how to read it on human translation (the bead
    table's Risk header and the scores panel's expected-errors figure say the same)."""
    return QCoreApplication.translate(
        "Risk",
        "Learned from professional ratings of machine translation: on published human\n"
        "translation it reads several times higher than the errors found.",
    )
