"""summary.tsv and summary.html: one row per document of the batch, written atomically."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aligner_gui import __version__
from aligner_gui.batch.work import ALIGNED, COLUMNS, ERROR, LEFT_ALONE, NOT_DONE, UNCHANGED
from aligner_gui.io.atomic import atomic_write_text


def cell(value: Any) -> str:
    """A TSV cell: empty for None, no tabs or line breaks inside."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:.0f}"
    return " ".join(str(value).split())


def tsv_text(rows: Sequence[dict[str, Any]]) -> str:
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(cell(row.get(column)) for column in COLUMNS) for row in rows]
    return "\n".join(lines) + "\n"


def counts(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in rows:
        status = str(row.get("status"))
        found[status] = found.get(status, 0) + 1
    return found


def headline(rows: Sequence[dict[str, Any]]) -> str:
    """``12 documents: 10 aligned, 1 unchanged, 1 error; 2 files left alone``."""
    found = counts(rows)
    left = found.pop(LEFT_ALONE, 0)
    order = [ALIGNED, UNCHANGED, ERROR, NOT_DONE]
    documents = sum(found.values())
    rank = {status: k for k, status in enumerate(order)}
    parts = [f"{found[s]} {s}" for s in sorted(found, key=lambda s: rank.get(s, len(order)))]
    text = f"{documents} document{'' if documents == 1 else 's'}"
    text += ": " + ", ".join(parts) if parts else " to align"
    if left:
        text += f"; {left} file{'' if left == 1 else 's'} left alone"
    return text


def html_text(rows: Sequence[dict[str, Any]], title: str,
              reports: frozenset[str] = frozenset()) -> str:
    """A self-contained table of the rows (no scripts), errors and risky documents marked;
    the name of a document in ``reports`` links its review report (NAME.html)."""
    head = "".join(f"<th>{html.escape(c.replace('_', ' '))}</th>" for c in COLUMNS)
    body = []
    for row in rows:
        status = str(row.get("status"))
        cells = []
        for column in COLUMNS:
            text = html.escape(cell(row.get(column)))
            if column == "name" and row.get("name") in reports:  # what a reader wants
                link = html.escape(quote(f"{row['name']}.html"), quote=True)
                text = f'<a href="{link}">{text}</a>'
            if column == "output" and text and status in (ALIGNED, UNCHANGED):
                # A file name is a path, not a URL: "#1 report 100%.json" needs escaping.
                link = html.escape(quote(str(row["output"])), quote=True)
                text = f'<a href="{link}">{text}</a>'
            cells.append(f"<td>{text}</td>")
        css = status.replace(" ", "-")
        body.append(f'<tr class="{css}">{"".join(cells)}</tr>')
    # Why a document failed, where a reader looks first (its row's message cell is the
    # table's last, a screen or more to the right).
    failed = "".join(
        f"<li>{html.escape(cell(row.get('name')))}: {html.escape(cell(row.get('message')))}</li>"
        for row in rows if row.get("status") == ERROR)
    errors = f'<ul class="errors">{failed}</ul>' if failed else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #bbb; padding: 2px 6px; text-align: right; white-space: nowrap; }}
td:first-child, td:nth-child(2), td:nth-last-child(-n+2) {{ text-align: left; }}
td:last-child {{ white-space: normal; max-width: 40em; }}
th {{ background: #eee; position: sticky; top: 0; }}
tr.error td, ul.errors {{ background: #fdd; }}
ul.errors {{ padding: 0.5em 2em; }}
tr.left-alone td, tr.not-done td {{ color: #666; font-style: italic; }}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(headline(rows))} (aligner {html.escape(__version__)})</p>
{errors}<table><thead><tr>{head}</tr></thead><tbody>
{chr(10).join(body)}
</tbody></table></body></html>
"""


def write_summary(outdir: Path, rows: Sequence[dict[str, Any]]) -> list[Path]:
    tsv, page = outdir / "summary.tsv", outdir / "summary.html"
    atomic_write_text(tsv, tsv_text(rows))
    reports = frozenset(str(row["name"]) for row in rows
                        if row.get("status") in (ALIGNED, UNCHANGED)
                        and (outdir / f"{row['name']}.html").is_file())
    atomic_write_text(page, html_text(rows, f"Batch alignment: {outdir.resolve().name}", reports))
    return [tsv, page]
