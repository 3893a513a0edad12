"""A self-contained, printable HTML review report.

One file, no scripts, no external resources (a Content-Security-Policy forbids them):
a plain-language summary, annotations and suggestions by MQM category, an overview strip
of the document (:mod:`aligner_gui.io.html.summary`), then the beads side by side with
omissions, additions and annotations highlighted (category and severity in the mark's
label and in a numbered list under the bead), then every figure in a collapsed section.
Headings follow ``lang`` (English or Chinese). Every piece of document text is escaped with
``html.escape`` (the texts come from outside and may contain markup).
"""

from __future__ import annotations

import html
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from aligner_gui import __version__
from aligner_gui.core.model import MOVED_KEY, SEVERITIES, AlignmentDocument, Annotation, Bead
from aligner_gui.core.offers import suggestions
from aligner_gui.io.format_helpers import SpanIndex, bead_segment, write_text_file
from aligner_gui.io.html.figures import figure_rows
from aligner_gui.io.html.strings import name_in
from aligner_gui.io.html.strings import text as tr
from aligner_gui.io.html.summary import (
    category_table_html,
    overview_svg,
    summary_html,
)

_SEVERITY_RANK = {name: k for k, name in enumerate(SEVERITIES)}

CSS = """
:root { --major:#d9534f; --minor:#f0ad4e; --critical:#8b0000; --neutral:#5bc0de; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
       font-size: 10.5pt; line-height: 1.45; color: #222; margin: 1.5em; }
h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 12.5pt; margin: 1.2em 0 .4em; }
.meta { color: #555; margin: 0 0 1em; } .headline { font-size: 13pt; margin: 0 0 .3em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
table.summary { width: auto; min-width: 40%; }
table.summary td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.beads td.text { width: 40%; white-space: pre-wrap; }
table.beads td.n, table.beads td.kind, table.beads td.score { white-space: nowrap; }
tr.omission td.text.source { background: #fdecea; }
tr.addition td.text.target { background: #eaf2fd; }
tr.omission td.n, tr.addition td.n { border-left: 4px solid var(--major); }
tr.low-score td.score { color: var(--major); font-weight: bold; }
mark { padding: 0 .1em; border-radius: 2px; background: #fff3cd;
       border-bottom: 2px solid var(--minor); }
mark.sev-major { background: #f8d7da; border-bottom-color: var(--major); }
mark.sev-critical { background: #f5c6cb; border-bottom: 3px double var(--critical); }
mark.sev-neutral { background: #e8f6fa; border-bottom-color: var(--neutral); }
mark sup, .caret sup { font-size: 7pt; color: #333; }
.caret { color: var(--major); font-weight: bold; }
.flag { display: inline-block; font-size: 8pt; padding: 0 .35em; margin: 0 .15em .1em 0;
        border: 1px solid #bbb; border-radius: 3px; background: #fafafa; }
ol.notes { margin: .3em 0 0; padding-left: 1.6em; font-size: 9pt; }
ol.notes li { margin: .1em 0; }
ol.notes li.absorbed { list-style: none; margin-left: -1.2em; color: #8a4b00; }
ol.notes li.suggested { list-style: none; margin-left: -1.2em; color: #555; font-style: italic; }
.flag.warn { border-color: var(--minor); background: #fff3cd; }
.sev { font-weight: bold; } .sev-major { color: var(--major); }
.sev-critical { color: var(--critical); } .sev-minor { color: #a86d00; }
.sev-neutral { color: #31708f; }
.empty { color: #999; font-style: italic; }
section.summary ul { font-size: 11.5pt; margin: .2em 0 .8em; padding-left: 1.3em; }
section.summary li { margin: .15em 0; }
table.categories { width: auto; }
table.categories td.num { text-align: right; min-width: 3.5em; font-variant-numeric: tabular-nums; }
table.categories tr.total th, table.categories tr.total td { border-top: 2px solid #888; }
svg.overview { display: block; max-width: 100%; height: auto; }
svg.overview text { font-size: 9px; fill: #222; }
svg.overview a:hover rect { stroke: #000; stroke-width: 1.5; }
p.legend { font-size: 9pt; color: #444; margin: .3em 0 0; }
p.legend span { margin-right: 1.2em; white-space: nowrap; }
p.legend svg { vertical-align: -2px; }
table.beads td.risk { white-space: nowrap; text-align: right; }
td.risk.risky { font-weight: bold; color: #6f42c1; }
details.figures { margin-top: 1.5em; }
details.figures summary { font-weight: bold; cursor: pointer; }
footer { margin-top: 1.5em; color: #666; font-size: 9pt; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  @page { size: A4 landscape; margin: 12mm; }
  thead { display: table-header-group; }
  tr, tbody.bead, section.summary, section.overview { break-inside: avoid;
                                                      page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  mark, tr.omission td, tr.addition td, svg { -webkit-print-color-adjust: exact;
                                             print-color-adjust: exact; }
  /* Greyscale: the underline's style tells the severity apart, not only its colour. */
  mark { border-bottom-style: dotted; } mark.sev-major { border-bottom-style: solid; }
  mark.sev-neutral { border-bottom-style: dashed; }
  tr.omission td.n, tr.addition td.n { border-left-style: double; border-left-width: 6px; }
}
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _side_label(code: str, role: str, lang: str) -> str:
    """"en (original)" / "英文（原文）"."""
    if code not in ("en", "zh"):
        return f"{code} ({role})"
    name = tr(f"lang.{code}", lang) if lang.lower().startswith("zh") else code
    role_name = tr(f"role.{role}", lang) if role in ("original", "translation") else role
    return f"{name}（{role_name}）" if lang.lower().startswith("zh") else f"{name} ({role_name})"


def _severity(severity: str, lang: str) -> str:
    return tr(f"sev.{severity}", lang) if severity in SEVERITIES else severity


def _clip(text: str, limit: int = 80) -> str:
    """A quoted span shortened for a note line: the beads' text is right above it."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _absorbed(doc: AlignmentDocument, bead: Bead) -> list[tuple[str, str]]:
    """(class, text) of headline/link/caption paragraphs the scorer found glued into a
    paired bead (``details["absorbed"]``): hidden omissions the reviewer should see."""
    found = []
    items = bead.details.get("absorbed") if isinstance(bead.details, dict) else None
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        ids = [i for i in item.get("sentences", []) if isinstance(i, int)]
        ids = [i for i in ids if 0 <= i < len(doc.source.sentences)]
        if ids:
            found.append((str(item.get("class", "paragraph")), doc.source.span_text(ids)))
    return found


def _label(annotation: Annotation) -> str:
    return f"{annotation.category or annotation.type} \u00b7 {annotation.severity}"


def _render_text(text: str, seg_start: int, active: list[tuple[int, Annotation]]) -> str:
    """Escape ``text`` (a bead side starting at seg_start), marking the annotation spans."""
    seg_end = seg_start + len(text)
    clipped = []
    for number, a in active:
        start = min(max(a.start, seg_start), seg_end) - seg_start
        end = min(max(a.end, seg_start), seg_end) - seg_start
        clipped.append((number, a, start, end))
    cuts = sorted({0, len(text), *(c[2] for c in clipped), *(c[3] for c in clipped)})
    out: list[str] = []
    for p, q in zip(cuts, cuts[1:] + [None], strict=True):
        for number, a, start, end in clipped:  # zero-width marks (insertion points)
            if start == end == p:
                out.append(
                    f'<span class="caret" title="{_e(_label(a))}">\u2041<sup>{number}</sup></span>'
                )
        if q is None:
            break
        piece = _e(text[p:q])
        covering = [(n, a, s, e) for n, a, s, e in clipped if s <= p and e >= q and s < e]
        if not covering:
            out.append(piece)
            continue
        worst = max(covering, key=lambda c: _SEVERITY_RANK.get(c[1].severity, 2))[1]
        title = "; ".join(_label(a) for _n, a, _s, _e2 in covering)
        ends_here = "".join(
            f"<sup>{n}</sup>" for n, a, _s, e in covering if e == q and a.end <= seg_end
        )
        out.append(
            f'<mark class="sev-{_e(worst.severity)}" title="{_e(title)}">{piece}{ends_here}</mark>'
        )
    return "".join(out)


def _overlapping(
    doc: AlignmentDocument, side: str, numbered: list[tuple[int, Annotation]]
) -> list[list[tuple[int, Annotation]]]:
    """For each bead, the annotations on ``side`` that touch its span.

    An annotation goes to the bead holding its start (or the next one after a gap) and
    to every following bead on that side whose span starts before the annotation ends.
    """
    index = SpanIndex(doc, side)
    result: list[list[tuple[int, Annotation]]] = [[] for _ in doc.beads]
    position = {b: k for k, b in enumerate(index.indices)}
    for n, a in numbered:
        if a.side != side:
            continue
        first = index.bead_at(a.start)
        if first is None:
            continue
        k = position[first]
        result[first].append((n, a))
        k += 1
        while k < len(index.indices) and index.starts[k] < a.end:
            result[index.indices[k]].append((n, a))
            k += 1
    return result


def html_report_text(
    doc: AlignmentDocument,
    *,
    title: str | None = None,
    generated: datetime | None = None,
    lang: str = "en",
) -> str:
    """The report; ``lang`` "zh"/"zh_CN" gives Chinese headings and summary."""
    generated = generated or datetime.now(timezone.utc)
    name = title or _document_name(doc) or tr("title", lang)
    numbered = list(enumerate(doc.annotations, 1))
    # An orphan's offsets point at text that is no longer its own: listed, never marked.
    placed = [(n, a) for n, a in numbered if not a.extra.get("orphan")]
    per_side = {side: _overlapping(doc, side, placed) for side in ("source", "target")}
    first_bead: dict[int, int] = {}
    for side in ("source", "target"):
        for b, items in enumerate(per_side[side]):
            for n, _a in items:
                first_bead[n] = min(first_bead.get(n, b), b)

    notes_by_bead: dict[int, list[tuple[int, Annotation]]] = {}
    for n, annotation in numbered:
        if n in first_bead:
            notes_by_bead.setdefault(first_bead[n], []).append((n, annotation))

    found = suggestions(doc)  # engine flags the reviewer has not yet handled
    suggested_by_bead: dict[int, list[Annotation]] = {}
    for suggestion in found:
        suggested_by_bead.setdefault(suggestion.bead, []).append(suggestion.annotation)

    zh = lang.lower().startswith("zh")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if zh else "en"}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(name)} \u2013 {_e(tr('title.suffix', lang))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{_e(name)}</h1>",
        *([f'<p class="headline">{_e(headline)}</p>'] if (headline := _headline(doc)) else []),
        '<p class="meta">'
        + _e(
            tr("meta", lang).format(
                source=_side_label(doc.source.lang, doc.source.role, lang),
                target=_side_label(doc.target.lang, doc.target.role, lang),
                when=generated.strftime("%Y-%m-%d %H:%M %Z").strip(),
                version=__version__,
            )
        )
        + "</p>",
        summary_html(doc, found, lang),
        category_table_html(doc, found, lang),
        overview_svg(doc, lang, found),
        f"<h2>{_e(tr('h.beads', lang))}</h2>",
        '<table class="beads"><thead><tr><th>#</th>'
        f"<th>{_e(tr('th.source', lang))} ({_e(doc.source.lang)})</th>"
        f"<th>{_e(tr('th.target', lang))} ({_e(doc.target.lang)})</th>"
        f"<th>{_e(tr('th.type', lang))}</th><th>{_e(tr('th.score', lang))}</th>"
        f"<th>{_e(tr('th.risk', lang))}</th><th>{_e(tr('th.status', lang))}</th>"
        "</tr></thead>",
    ]
    for b, bead in enumerate(doc.beads):
        classes = []
        if bead.source and not bead.target:
            classes.append("omission")
        if bead.target and not bead.source:
            classes.append("addition")
        if "low-score" in bead.flags:
            classes.append("low-score")
        cells = []
        for side in ("source", "target"):
            seg_start, _end, text = bead_segment(doc, b, side)
            if not getattr(bead, side):
                label = tr("omitted_cell" if side == "target" else "added_cell", lang)
                moved = bead.details.get(MOVED_KEY)
                if isinstance(moved, dict) and isinstance(moved.get("bead"), int):
                    key = "moved_to" if side == "target" else "moved_from"
                    label = tr(key, lang).format(n=moved["bead"] + 1)
                cells.append(f'<td class="text {side}"><span class="empty">({label})</span></td>')
            else:
                cells.append(
                    f'<td class="text {side}">'
                    f"{_render_text(text, seg_start, per_side[side][b])}</td>"
                )
        score = "" if bead.score is None else f"{float(bead.score):.2f}"
        risk = "" if bead.risk is None else f"{float(bead.risk):.2f}"
        risky = " risky" if bead.risk is not None and float(bead.risk) >= 0.5 else ""
        flags = "".join(f'<span class="flag">{_e(name_in(f, lang))}</span>' for f in bead.flags)
        absorbed = _absorbed(doc, bead)
        flags += "".join(
            f'<span class="flag warn">glued {_e(cls)}</span>' for cls, _text in absorbed
        )
        parts.append(
            '<tbody class="bead">'  # a bead and its notes: one unit for page breaks
            f'<tr class="{" ".join(classes)}" id="bead-{b + 1}"><td class="n">{b + 1}</td>'
            f'{"".join(cells)}<td class="kind">{_e(bead.kind)}</td>'
            f'<td class="score">{_e(score)}</td><td class="risk{risky}">{_e(risk)}</td>'
            f"<td>{_e(name_in(bead.status, lang))}<br>{flags}</td></tr>"
        )
        notes = notes_by_bead.get(b, [])
        suggested = suggested_by_bead.get(b, [])
        if notes or absorbed or suggested:
            entries: list[str] = [
                '<li class="absorbed">\u26a0 '
                + _e(tr("glued_note", lang).format(cls=name_in(cls, lang)))
                + f" \u201c{_e(text)}\u201d</li>"
                for cls, text in absorbed
            ]
            entries += [
                f'<li class="suggested">{_e(tr("suggested", lang))} '
                f'<span class="sev sev-{_e(a.severity)}">{_e(_severity(a.severity, lang))}</span> '
                f"{_e(name_in(a.category, lang))} ({_e(name_in(a.side, lang))}"
                + (f"; {_e(', '.join(a.tags))}" if a.tags else "")
                + ")"
                + (f" \u201c{_e(_clip(a.text))}\u201d" if a.text else "")
                + (f" \u2014 {_e(a.comment)}" if a.comment else "")
                + "</li>"
                for a in suggested
            ]
            for n, a in notes:
                text = f" \u201c{_e(a.text)}\u201d" if a.text else ""
                comment = f" \u2014 {_e(a.comment)}" if a.comment else ""
                correction = f" \u2192 {_e(a.correction)}" if a.correction else ""
                entries.append(
                    f'<li value="{n}"><span class="sev sev-{_e(a.severity)}">'
                    f"{_e(_severity(a.severity, lang))}"
                    f"</span> {_e(name_in(a.category or a.type, lang))} "
                    f"({_e(name_in(a.side, lang))}){text}{comment}"
                    f"{correction}</li>"
                )
            parts.append(
                f'<tr class="notes"><td></td><td colspan="6"><ol class="notes">'
                f"{''.join(entries)}</ol></td></tr>"
            )
        parts.append("</tbody>")
    parts.append("</table>")
    unplaced = [(n, a) for n, a in numbered if n not in first_bead]
    if unplaced:
        parts.append(f'<h2>{_e(tr("h.unplaced", lang))}</h2><ol class="notes">')
        for n, a in unplaced:
            orphan = f" ({_e(tr('orphan', lang))})" if a.extra.get("orphan") else ""
            comment = f" \u2014 {_e(a.comment)}" if a.comment else ""
            parts.append(f'<li value="{n}">{_e(_label(a))} ({_e(a.side)}): {_e(a.text)}'
                         f"{orphan}{comment}</li>")
        parts.append("</ol>")
    parts.append(
        f'<details class="figures"><summary>{_e(tr("h.figures", lang))}</summary>'
        '<table class="summary"><tbody>'
    )
    for key, value in figure_rows(doc, lang):
        parts.append(
            f'<tr><th scope="row">{_e(key)}</th><td class="num">{_e(_fmt(value))}</td></tr>'
        )
    parts.append("</tbody></table></details>")
    parts.append(
        "<footer>"
        + _e(tr("footer", lang).format(when=generated.isoformat(timespec="seconds"),
                                       version=__version__))  # fmt: skip
        + "</footer></body></html>"
    )
    return "\n".join(parts) + "\n"


def _headline(doc: AlignmentDocument) -> str:
    """The original's headline, when its first paragraph is one (a file name such as
    000_730210bb8f392e85.txt tells the report's reader nothing)."""
    from aligner_gui.core.scoring.classify import is_headline, zh_headline

    side = doc.source
    first = [s for s in side.sentences if s.paragraph == side.sentences[0].paragraph] \
        if side.sentences else []
    text = " ".join(s.text for s in first) if len(first) == 1 else ""
    if not text:
        return ""
    found = zh_headline(text, is_first_paragraph=True) if side.lang == "zh" else \
        is_headline(text, is_first_paragraph=True)
    return text if found else ""


def _document_name(doc: AlignmentDocument) -> str:
    """The project's name, else the texts it was aligned from ("econ_zh.txt / econ_en.txt")."""
    name = doc.meta.get("name")
    if name:
        return str(name)
    inputs = doc.meta.get("inputs")
    if isinstance(inputs, list) and inputs and all(isinstance(i, str) for i in inputs):
        return " / ".join(inputs)
    return ""


def export_html(
    doc: AlignmentDocument, out_path: str | Path, *, title: str | None = None, lang: str = "en"
) -> list[Path]:
    out = Path(out_path)
    write_text_file(out, html_report_text(doc, title=title, lang=lang))
    return [out]
