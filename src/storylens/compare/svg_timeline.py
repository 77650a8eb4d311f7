"""The story timeline drawn as a self-contained inline SVG (no script, no
external resources), so the story page shows it without JavaScript.

A vertical axis, one row per entry: the date (or range) on the left, a dot on
the axis, the event text wrapped on the right with the reporting articles
beneath. Dates that rest on an inferred publication date get a hollow dot, a
dashed outline and the word "inferred", so certainty reads at a glance and
without colour; an entry whose date the sources dispute says "sources differ",
and one that may be on either of two days ("next Thursday") shows both.
All text is escaped.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from html import escape

__all__ = ["timeline_svg"]

_WIDTH = 760
_DATE_X = 12
_AXIS_X = 190
_TEXT_X = 210
_LINE_HEIGHT = 17
_ROW_GAP = 16
_TOP = 20
_WRAP = 68
_MAX_LINES = 4


def _date_label(entry: Mapping[str, object]) -> str:
    start, end = entry.get("date"), entry.get("date_end")
    label = f"{start} – {end}" if end and end != start else str(start or "")
    return f"{label} or" if entry.get("alternative_date") else label


def _lines(entry: Mapping[str, object]) -> list[str]:
    text = " ".join(str(entry.get("text") or "").split())
    lines = textwrap.wrap(text, _WRAP) or [""]
    if len(lines) > _MAX_LINES:
        lines = lines[:_MAX_LINES]
        lines[-1] = lines[-1][: _WRAP - 1].rstrip() + "…"
    return lines


def _sources(entry: Mapping[str, object]) -> str:
    ids = entry.get("article_ids") or []
    names = ", ".join(str(i) for i in ids) if isinstance(ids, Sequence) else ""
    kind = str(entry.get("kind") or "")
    parts = [p for p in (kind, f"reported by {names}" if names else "") if p]
    return " · ".join(parts)


def timeline_svg(entries: list[dict[str, object]]) -> str:
    """An inline <svg> drawing of timeline entries from `build_timeline`."""
    rows: list[str] = []
    y = _TOP
    for entry in entries:
        inferred = bool(entry.get("inferred"))
        disputed = bool(entry.get("disputed"))
        top = y
        lines = _lines(entry)
        label = escape(_date_label(entry))
        dot = (
            f'<circle cx="{_AXIS_X}" cy="{y - 5}" r="6" fill="#fff" stroke="#555" '
            f'stroke-width="2" stroke-dasharray="3 2"/>'
            if inferred
            else f'<circle cx="{_AXIS_X}" cy="{y - 5}" r="6" fill="#1f4e79"/>'
        )
        rows.append(f'<g class="entry{" inferred" if inferred else ""}">')
        rows.append(f"<title>{escape(' '.join(lines))}</title>")
        rows.append(f'<text x="{_DATE_X}" y="{y}" font-weight="bold">{label}</text>')
        other = entry.get("alternative_date")
        notes = [str(other)] if other else []
        notes += [n for n, on in (("inferred", inferred), ("sources differ", disputed)) if on]
        for k, note in enumerate(notes, start=1):
            rows.append(
                f'<text x="{_DATE_X}" y="{y + k * _LINE_HEIGHT}" font-size="12" '
                f'font-style="italic" fill="{"#a61b1b" if note == "sources differ" else "#555"}">'
                f"{note}</text>"
            )
        rows.append(dot)
        for k, line in enumerate(lines):
            rows.append(f'<text x="{_TEXT_X}" y="{y + k * _LINE_HEIGHT}">{escape(line)}</text>')
        y += len(lines) * _LINE_HEIGHT
        sources = _sources(entry)
        if sources:
            rows.append(
                f'<text x="{_TEXT_X}" y="{y}" font-size="12" fill="#555">{escape(sources)}</text>'
            )
            y += _LINE_HEIGHT
        rows.append("</g>")
        y = max(y, top + (len(notes) + 1) * _LINE_HEIGHT)  # room for the date's notes
        y += _ROW_GAP
    height = max(y, _TOP + _LINE_HEIGHT)
    if not entries:
        rows.append(f'<text x="{_DATE_X}" y="{_TOP}">No dated events.</text>')
    axis = (
        f'<line x1="{_AXIS_X}" y1="0" x2="{_AXIS_X}" y2="{height}" stroke="#bbb" stroke-width="2"/>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
        f'aria-label="Story timeline" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" font-family="sans-serif" font-size="14">'
        f"<title>Story timeline</title>{axis}{''.join(rows)}</svg>"
    )
