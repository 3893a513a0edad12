"""The front of the HTML report: what an editor reads before the beads.

A plain-language summary (:func:`summary_sentences`), a table of annotations and open
suggestions by MQM category and severity, an overview strip of the whole document
(inline SVG, one linked mark per bead) and the full figures with readable labels. The
report's words live in :mod:`aligner_gui.io.html.strings`, English and Chinese side by side.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from aligner_gui.core.model import FLAG_LOW_SCORE, SEVERITIES, AlignmentDocument, riskiest
from aligner_gui.core.scoring.classify import is_more_link
from aligner_gui.core.scoring.mqm import (
    Suggestion,
    omission_class,
    review_figures,
    score_document,
    segment_of,
)
from aligner_gui.io.html.strings import STRINGS, name_in, text


def _plural(key: str, n: int, lang: str, **values: Any) -> str:
    chosen = f"{key}.1" if n == 1 and f"{key}.1" in STRINGS else key
    return text(chosen, lang).format(n=n, **values)


def _number(value: float) -> str:
    return f"{value:,.1f}"


def _half_up(value: float) -> str:
    """One decimal, rounding the two-decimal figure the scores store (7.85 -> 7.9)."""
    exact = Decimal(str(round(value, 2))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{exact:,}"


def _category_name(category: str, lang: str) -> str:
    """ "mistranslation" for Accuracy/Mistranslation; "style issue (awkward)" for Style/Awkward."""
    path = [part.strip().lower() for part in category.split("/") if part.strip()] or ["other"]
    leaf, top = path[-1], path[0]
    if f"cat.{leaf}" in STRINGS:
        return text(f"cat.{leaf}", lang)
    if f"cat.{top}" in STRINGS:
        return f"{text(f'cat.{top}', lang)} ({leaf})"
    return leaf


def _language(code: str, lang: str) -> str:
    key = f"lang.{code}"
    return text(key, lang) if key in STRINGS else code


def _glued(doc: AlignmentDocument) -> int:
    count = 0
    for bead in doc.beads:
        items = bead.details.get("absorbed") if isinstance(bead.details, dict) else None
        count += (
            sum(1 for item in items if isinstance(item, dict)) if isinstance(items, list) else 0
        )
    return count


def riskiest_beads(doc: AlignmentDocument, count: int = 3) -> list[int]:
    """Bead numbers (from 1) of the ``count`` beads with the highest risk, riskiest first."""
    return [k + 1 for k in riskiest(doc.beads, count)]


def summary_parts(
    doc: AlignmentDocument, found: Sequence[Suggestion], lang: str = "en"
) -> list[list[str | int]]:
    """The summary's sentences as pieces: strings, and bead numbers (ints) to link."""
    figures = review_figures(doc)
    source_language = _language(doc.source.lang, lang)
    sep = text("sep", lang)
    sentences: list[list[str | int]] = []
    omitted = sum(figures.omissions.values())
    if omitted:
        what = sep.join(
            _plural(_class_key(doc, cls), n, lang) if f"class.{cls}" in STRINGS else f"{n} {cls}"
            for cls, n in sorted(figures.omissions.items(), key=lambda item: _class_order(item[0]))
            if n
        )
        sentences.append(
            [
                _plural(
                    "omitted",
                    omitted,
                    lang,
                    total=figures.source_sentences,
                    language=source_language,
                    what=what,
                )
            ]
        )
    # qe/glued.py's open suggestions on the source (a dismissed one is no longer said).
    kept = sorted({s.bead + 1 for s in found if s.flag.startswith("glued:source:")})
    if not omitted and figures.source_sentences:
        sentences.append(
            [
                text("all_paired" if kept else "all_translated", lang).format(
                    total=figures.source_sentences, language=source_language
                )
            ]
        )
    if kept and figures.source_sentences:
        key = "kept_more" if omitted else "kept_out"
        sentences.append(_with_beads(_plural(key, len(kept), lang), kept, sep))
    if figures.additions:
        target_language = _language(doc.target.lang, lang)
        sentences.append([_plural("additions", figures.additions, lang, language=target_language)])
    glued = _glued(doc)
    if glued:
        sentences.append([_plural("glued", glued, lang)])
    if figures.low_score:
        sentences.append([_plural("low_score", figures.low_score, lang)])
    if doc.annotations:
        mqm = score_document(doc)
        kinds = Counter(
            (a.severity, _category_name(a.category or a.type, lang)) for a in doc.annotations
        )
        ordered = sorted(kinds.items(), key=lambda item: (-_rank(item[0][0]), -item[1]))
        what = sep.join(
            text("annotation_item", lang).format(
                n=n, severity=_severity(severity, lang), category=category
            )
            for (severity, category), n in ordered
        )
        sentences.append(
            [
                _plural(
                    "annotations",
                    len(doc.annotations),
                    lang,
                    what=what,
                    per_1000=_number(mqm.per_1000_words),
                    per_segment=f"{mqm.per_segment:.2f}",
                )
            ]
        )
    else:
        sentences.append([text("no_annotations", lang)])
    if found:
        by_severity = Counter(s.annotation.severity for s in found)
        what = sep.join(
            text("severity_item", lang).format(n=by_severity[s], severity=_severity(s, lang))
            for s in reversed(SEVERITIES)
            if by_severity[s]
        )
        sentences.append([_plural("suggestions", len(found), lang, what=what)])
    else:
        sentences.append([text("no_suggestions", lang)])
    risks = [float(b.risk) for b in doc.beads if b.risk is not None]
    if risks:
        line = text("risk", lang).format(expected=_half_up(sum(risks)), beads="\0")
        sentences.append(_with_beads(line, riskiest_beads(doc), sep))
    return sentences


def _with_beads(line: str, beads: list[int], sep: str) -> list[str | int]:
    """A sentence whose NUL character stands for bead numbers (ints: links in the report)."""
    before, after = line.split("\0")
    sentence: list[str | int] = [before]
    for k, number in enumerate(beads):
        if k:
            sentence.append(sep)
        sentence.append(number)
    sentence.append(after)
    return sentence


def summary_sentences(
    doc: AlignmentDocument, lang: str = "en", found: Sequence[Suggestion] | None = None
) -> list[str]:
    """The report's opening sentences, plain text (``found``: offers.suggestions(doc))."""
    if found is None:
        from aligner_gui.core.offers import suggestions

        found = suggestions(doc)
    return ["".join(str(p) for p in parts) for parts in summary_parts(doc, found, lang)]


def _class_key(doc: AlignmentDocument, cls: str) -> str:
    """The string naming an omission class; the more-link class also holds share lines
    and end marks (分享到：…, （完）), named "'MORE:' links" only when every one is a link."""
    if cls != "more-link":
        return f"class.{cls}"
    texts = (
        " ".join(doc.source.sentences[i].text for i in bead.source)
        for bead in doc.beads
        if bead.source and not bead.target and omission_class(bead.flags) == cls
    )
    return "class.more-link" if all(is_more_link(t) for t in texts) else "class.page-line"


def _class_order(cls: str) -> int:
    order = ("content", "headline", "more-link", "photo-caption", "byline", "editor-note")
    return order.index(cls) if cls in order else len(order)


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 2


def _severity(severity: str, lang: str) -> str:
    key = f"sev.{severity}"
    return text(key, lang) if key in STRINGS else severity


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


# -- HTML pieces --------------------------------------------------------------------------


def summary_html(doc: AlignmentDocument, found: Sequence[Suggestion], lang: str) -> str:
    items = []
    for parts in summary_parts(doc, found, lang):
        pieces = [f'<a href="#bead-{p}">{p}</a>' if isinstance(p, int) else _e(p) for p in parts]
        items.append(f"<li>{''.join(pieces)}</li>")
    return (
        f'<section id="summary" class="summary"><h2>{_e(text("h.summary", lang))}</h2>'
        f"<ul>{''.join(items)}</ul></section>"
    )


def category_table_html(doc: AlignmentDocument, found: Sequence[Suggestion], lang: str) -> str:
    """Annotations and open suggestions counted by category and severity, side by side."""
    notes = Counter((a.category or a.type, a.severity) for a in doc.annotations)
    offered = Counter(
        (s.annotation.category or s.annotation.type, s.annotation.severity) for s in found
    )
    if not notes and not offered:
        return ""
    categories = sorted({c for c, _s in notes} | {c for c, _s in offered})
    severities = list(reversed(SEVERITIES))
    heads = "".join(f"<th>{_e(_severity(s, lang))}</th>" for s in severities)
    rows = [
        '<table class="categories"><thead><tr>'
        f'<th rowspan="2">{_e(text("th.category", lang))}</th>'
        f'<th colspan="{len(severities)}">{_e(text("th.annotations", lang))}</th>'
        f'<th colspan="{len(severities)}">{_e(text("th.suggestions", lang))}</th></tr>'
        f"<tr>{heads}{heads}</tr></thead><tbody>"
    ]

    def cells(counts: Counter[tuple[str, str]], category: str | None) -> str:
        out = []
        for s in severities:
            n = (
                counts[(category, s)]
                if category is not None
                else sum(v for (_c, sev), v in counts.items() if sev == s)
            )
            out.append(f'<td class="num">{n or ""}</td>')
        return "".join(out)

    for category in categories:
        rows.append(
            f'<tr><th scope="row">{_e(name_in(category, lang))}</th>{cells(notes, category)}'
            f"{cells(offered, category)}</tr>"
        )
    rows.append(
        f'<tr class="total"><th scope="row">{_e(text("th.total", lang))}</th>'
        f"{cells(notes, None)}{cells(offered, None)}</tr></tbody></table>"
    )
    return (
        f'<section class="categories"><h2>{_e(text("h.categories", lang))}</h2>'
        f"{''.join(rows)}</section>"
    )


# state: (letter printed under the mark, fill: a colour or a pattern for greyscale print)
_STATES = {
    "omission": ("O", "url(#ov-hatch)"),
    "annotated": ("A", "url(#ov-dots)"),
    "low": ("L", "url(#ov-lines)"),
    "risky": ("R", "#6f42c1"),
    "suggested": ("S", "#e8a33d"),
    "ok": ("", "#c8d3dc"),
}
_PATTERNS = (
    '<pattern id="ov-hatch" width="4" height="4" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="4" height="4" fill="#f5c6cb"/>'
    '<rect width="2" height="4" fill="#c0392b"/></pattern>'
    '<pattern id="ov-dots" width="4" height="4" patternUnits="userSpaceOnUse">'
    '<rect width="4" height="4" fill="#f0ad4e"/><circle cx="2" cy="2" r="1" fill="#6b4300"/>'
    "</pattern>"
    '<pattern id="ov-lines" width="4" height="4" patternUnits="userSpaceOnUse">'
    '<rect width="4" height="4" fill="#5bc0de"/><rect width="4" height="1.5" fill="#1d5f73"/>'
    "</pattern>"
)


def bead_states(doc: AlignmentDocument, found: Sequence[Any] = ()) -> list[str]:
    """Each bead's overview state: omission (or addition), annotated, low score, risky,
    an open major suggestion of ``found`` (offers.suggestions; a minor suspect or a
    neutral note alone leaves the bead "no major finding"), ok."""
    annotated = {segment_of(doc, a) for a in doc.annotations}
    offered = {s.bead for s in found if s.annotation.severity in ("major", "critical")}
    states = []
    for k, bead in enumerate(doc.beads):
        if not (bead.source and bead.target):
            states.append("omission")
        elif k in annotated:
            states.append("annotated")
        elif FLAG_LOW_SCORE in bead.flags:
            states.append("low")
        elif bead.is_risky:
            states.append("risky")
        elif k in offered:
            states.append("suggested")
        else:
            states.append("ok")
    return states


def overview_svg(doc: AlignmentDocument, lang: str, found: Sequence[Any] = ()) -> str:
    """One bar per bead (height: risk; fill and letter: state), each a link to its bead."""
    n = len(doc.beads)
    if not n:
        return ""
    step = max(2.0, min(18.0, 1300.0 / n))
    width = step - (2 if step >= 6 else 0.5)
    letters = step >= 10
    top, bar = 4, 40
    height = top + bar + (14 if letters else 2)
    marks = []
    for k, (bead, state) in enumerate(zip(doc.beads, bead_states(doc, found), strict=True)):
        risk = float(bead.risk) if bead.risk is not None else 0.0
        h = 8 + (bar - 8) * min(max(risk, 0.0), 1.0)
        x = k * step
        letter, fill = _STATES[state]
        tip = f"{text('bead', lang)} {k + 1}: {text('legend.' + state, lang)}"
        if bead.risk is not None:
            tip += f"; {text('th.risk', lang)} {risk:.2f}"
        label = (
            f'<text x="{x + width / 2:.1f}" y="{top + bar + 11}" text-anchor="middle">'
            f"{letter}</text>"
            if letters and letter
            else ""
        )
        marks.append(
            f'<a href="#bead-{k + 1}"><title>{_e(tip)}</title>'
            f'<rect class="{state}" x="{x:.1f}" y="{top + bar - h:.1f}" width="{width:.1f}" '
            f'height="{h:.1f}" fill="{fill}" stroke="#555" stroke-width="0.5"/>{label}</a>'
        )
    total = n * step
    legend = []
    for state, (letter, fill) in _STATES.items():
        swatch = (
            f'<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">'
            f'<rect width="14" height="14" fill="{fill}" stroke="#555" stroke-width="0.5"/></svg>'
        )
        code = f" ({letter})" if letter and letters else ""
        legend.append(f"<span>{swatch} {_e(text('legend.' + state, lang))}{code}</span>")
    legend.append(f"<span>{_e(text('legend.height', lang))}</span>")
    return (
        f'<section class="overview"><h2>{_e(text("h.overview", lang))}</h2>'
        f'<svg class="overview" aria-label="{_e(text("h.overview", lang))}" '
        f'width="{total:.0f}" height="{height}" '
        f'viewBox="0 0 {total:.1f} {height}">'
        f"<defs>{_PATTERNS}</defs>{''.join(marks)}</svg>"
        f'<p class="legend">{"".join(legend)}</p></section>'
    )
