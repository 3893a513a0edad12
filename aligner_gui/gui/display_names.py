"""Translated display names of the engine's flags, the MQM categories, stored values
(severities, annotation types, sides, bead statuses) and the export formats.

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
# The kinds of span suggestions (see suggestion_flag_name).
SPAN_KIND_NAMES = (
    QT_TRANSLATE_NOOP("Flags", "uncovered source"),
    QT_TRANSLATE_NOOP("Flags", "uncovered target"),
    QT_TRANSLATE_NOOP("Flags", "suspect source"),
    QT_TRANSLATE_NOOP("Flags", "suspect target"),
    QT_TRANSLATE_NOOP("Flags", "sentence left out"),
    QT_TRANSLATE_NOOP("Flags", "sentence added"),
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
# Stored values the window shows: severities, annotation types, sides, bead statuses.
VALUE_CONTEXT = "Values"
VALUE_NAMES = (
    QT_TRANSLATE_NOOP("Values", "neutral"),
    QT_TRANSLATE_NOOP("Values", "minor"),
    QT_TRANSLATE_NOOP("Values", "major"),
    QT_TRANSLATE_NOOP("Values", "critical"),
    QT_TRANSLATE_NOOP("Values", "omission"),
    QT_TRANSLATE_NOOP("Values", "addition"),
    QT_TRANSLATE_NOOP("Values", "mistranslation"),
    QT_TRANSLATE_NOOP("Values", "untranslated"),
    QT_TRANSLATE_NOOP("Values", "grammar"),
    QT_TRANSLATE_NOOP("Values", "punctuation"),
    QT_TRANSLATE_NOOP("Values", "spelling"),
    QT_TRANSLATE_NOOP("Values", "terminology"),
    QT_TRANSLATE_NOOP("Values", "inconsistency"),
    QT_TRANSLATE_NOOP("Values", "style"),
    QT_TRANSLATE_NOOP("Values", "other"),
    QT_TRANSLATE_NOOP("Values", "source"),
    QT_TRANSLATE_NOOP("Values", "target"),
    QT_TRANSLATE_NOOP("Values", "auto"),
    QT_TRANSLATE_NOOP("Values", "manual"),
    QT_TRANSLATE_NOOP("Values", "confirmed"),
)
# The export formats' menu entries (io.formats.EXPORTERS labels, before " (*.ext)").
EXPORT_CONTEXT = "Export"
EXPORT_NAMES = (
    QT_TRANSLATE_NOOP("Export", "aligner-gui project"),
    QT_TRANSLATE_NOOP("Export", "Bead list [source ids]:[target ids]"),
    QT_TRANSLATE_NOOP("Export", "TMX 1.4 translation memory"),
    QT_TRANSLATE_NOOP("Export", "Bead table"),
    QT_TRANSLATE_NOOP("Export", "WMT MQM annotations"),
    QT_TRANSLATE_NOOP("Export", "Annotations"),
    QT_TRANSLATE_NOOP("Export", "InterText alignment"),
    QT_TRANSLATE_NOOP("Export", "Printable review report"),
)
# The alignment edits' refusals (core/edits.py), shown in the status bar.
EDIT_CONTEXT = "Edits"
EDIT_MESSAGES = (
    QT_TRANSLATE_NOOP("Edits", "select at least two neighbouring beads to merge"),
    QT_TRANSLATE_NOOP("Edits", "the last bead has no next bead to merge with"),
    QT_TRANSLATE_NOOP("Edits", "this bead cannot be split there"),
    QT_TRANSLATE_NOOP("Edits", "a bead with one sentence cannot be split"),
    QT_TRANSLATE_NOOP("Edits", "the first bead has no previous bead"),
    QT_TRANSLATE_NOOP("Edits", "the last bead has no next bead"),
    QT_TRANSLATE_NOOP("Edits", "nothing to re-align after the confirmed beads"),
    QT_TRANSLATE_NOOP("Edits", "bead {0} is already unaligned"),
    QT_TRANSLATE_NOOP("Edits", "bead {0} has no source sentence"),
    QT_TRANSLATE_NOOP("Edits", "bead {0} has no target sentence"),
)
_BEAD_NUMBER = re.compile(r"\bbead (\d+)\b")
_SPAN_FLAG = re.compile(r"^(?:check:)?(.+):(source|target):\d+-\d+$")


def edit_message(message: str) -> str:
    """An edit's refusal for display ("the first bead has no previous bead" -> "第一个
    单元之前没有单元" under zh_CN); the bead number kept; unknown messages as they are."""
    found = _BEAD_NUMBER.search(message)
    if found is None:
        return QCoreApplication.translate(EDIT_CONTEXT, message)
    pattern = _BEAD_NUMBER.sub("bead {0}", message, count=1)
    translated = QCoreApplication.translate(EDIT_CONTEXT, pattern)
    return message if translated == pattern else translated.format(found.group(1))


def value_name(value: str) -> str:
    """A stored severity, annotation type, side or bead status for display ("major" ->
    "严重" under zh_CN); unknown values as they are."""
    return QCoreApplication.translate(VALUE_CONTEXT, value)


def export_menu_text(label: str) -> str:
    """An exporter's label for its menu entry: "TMX 1.4 translation memory (*.tmx)" ->
    "TMX 1.4 translation memory (.tmx)…", its name translated."""
    name, _, pattern = label.partition(" (")
    suffixes = pattern.rstrip(")").replace("*", "")
    translated = QCoreApplication.translate(EXPORT_CONTEXT, name)
    return f"{translated} ({suffixes})…" if suffixes else f"{translated}…"


def suggestion_flag_name(flag: str) -> str:
    """What made a suggestion, for display: a span flag names offsets
    ("uncovered:source:812-880", "check:names:target:5-9"); say what it means."""
    kinds = {
        "uncovered:source:": QCoreApplication.translate(FLAG_CONTEXT, "uncovered source"),
        "uncovered:target:": QCoreApplication.translate(FLAG_CONTEXT, "uncovered target"),
        "suspect:source:": QCoreApplication.translate(FLAG_CONTEXT, "suspect source"),
        "suspect:target:": QCoreApplication.translate(FLAG_CONTEXT, "suspect target"),
        "glued:source:": QCoreApplication.translate(FLAG_CONTEXT, "sentence left out"),
        "glued:target:": QCoreApplication.translate(FLAG_CONTEXT, "sentence added"),
    }
    for prefix, name in kinds.items():
        if flag.startswith(prefix):
            return name
    return span_flag_name(flag) or flag_name(flag)


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
