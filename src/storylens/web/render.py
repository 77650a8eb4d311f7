"""Pure HTML helpers for the pages: highlighted article text, word diffs,
stable colors, and a whitelist pass over SVG made elsewhere.

Everything here returns `Markup` built from escaped pieces: article text is
cut at character offsets and each slice is escaped on its own, never patched
with string replacement (a quote that occurs twice, or text that contains
markup, would otherwise highlight the wrong place or inject HTML).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# Number of color slots defined in static/style.css (.oc0-.oc9, .sc0-.sc9).
PALETTE_SIZE = 10


@dataclass(slots=True, frozen=True)
class Highlight:
    """A span of an article's text to mark: [start, end) character offsets."""

    start: int
    end: int
    css_class: str
    title: str = ""


def outlet_color(outlet: str | None) -> int:
    """A palette slot that depends only on the outlet's name, so an outlet keeps
    its color on every page and across restarts (Python's hash() is salted)."""
    if not outlet:
        return 0
    return zlib.crc32(outlet.strip().lower().encode("utf-8")) % PALETTE_SIZE


def assign_colors(names: Iterable[str | None]) -> dict[str, int]:
    """Palette slots for speakers in order of first appearance: neighbours in a
    story get distinct colors, which a hash would not guarantee."""
    slots: dict[str, int] = {}
    for name in names:
        if name and name not in slots:
            slots[name] = len(slots) % PALETTE_SIZE
    return slots


def locate(text: str, start: Any, end: Any, expected: str | None) -> tuple[int, int] | None:
    """The span to highlight for a quote: its offsets when they slice the text to
    the quoted words, else the first occurrence of the words, else nothing.

    Offsets can drift when a text was re-read or normalized after analysis;
    marking the wrong words is worse than marking none.
    """
    in_bounds = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    if in_bounds and (not expected or _squash(text[start:end]) == _squash(expected)):
        return start, end
    if expected:
        found = text.find(expected)
        if found >= 0:
            return found, found + len(expected)
    return None


def _squash(s: str) -> str:
    return " ".join(s.split())


def highlight_text(text: str, highlights: Sequence[Highlight]) -> Markup:
    """The text as HTML with each highlight wrapped in <mark>.

    Highlights are taken in the given order (the caller puts the most important
    first) and one that overlaps an already accepted span is dropped, because
    HTML elements cannot overlap.
    """
    accepted: list[Highlight] = []
    for h in highlights:
        if not (0 <= h.start < h.end <= len(text)):
            continue
        if any(h.start < a.end and a.start < h.end for a in accepted):
            continue
        accepted.append(h)
    accepted.sort(key=lambda h: h.start)
    parts: list[str] = []
    pos = 0
    for h in accepted:
        parts.append(escape(text[pos : h.start]))
        if h.title:
            parts.append(Markup('<mark class="{}" title="{}">').format(h.css_class, h.title))
        else:
            parts.append(Markup('<mark class="{}">').format(h.css_class))
        parts.append(escape(text[h.start : h.end]))
        parts.append(Markup("</mark>"))
        pos = h.end
    parts.append(escape(text[pos:]))
    return Markup("").join(parts)


def render_diff(ops: Iterable[dict[str, Any]]) -> Markup:
    """Word-level differences as HTML: removed words in <del>, added in <ins>."""
    out = Markup("")
    for op in ops:
        piece = _diff_piece(op)
        if not piece:
            continue
        # Segments are runs of tokens; punctuation sticks to the word before it.
        # The segment starts with its old words, except for a pure insertion.
        lead = op.get("b") if op.get("op") == "insert" else op.get("a") or op.get("b")
        first = str(lead or " ")[0]
        if out and (first.isalnum() or first in _OPENING):
            out += Markup(" ")
        out += piece
    return out


_OPENING = {"(", "[", '"', "“", "‘", "-", "—", "–"}


def _diff_piece(op: dict[str, Any]) -> Markup:
    kind = op.get("op")
    a, b = str(op.get("a") or ""), str(op.get("b") or "")
    if kind == "equal":
        return escape(b or a)
    if kind == "delete" and a:
        return Markup("<del>{}</del>").format(a)
    if kind == "insert" and b:
        return Markup("<ins>{}</ins>").format(b)
    if kind == "replace":
        return Markup("<del>{}</del> <ins>{}</ins>").format(a, b)
    return Markup("")


# --- SVG ------------------------------------------------------------------
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_SVG_ELEMENTS = {
    "svg", "g", "rect", "line", "circle", "ellipse", "path", "polyline", "polygon",
    "text", "tspan", "title", "desc", "defs", "marker", "lineargradient", "stop", "a",
    "clippath", "symbol",
}  # fmt: skip


def sanitize_svg(svg: str) -> Markup | None:
    """The SVG re-serialized with only drawing elements and safe attributes
    (no scripts, no event handlers, no links leaving the page), or None when it
    does not parse as SVG. The timeline chart is made by another module from
    article text; this keeps one escaping slip there from becoming script here."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return None
    if _local(root.tag) != "svg":
        return None
    _clean(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return Markup(ET.tostring(root, encoding="unicode", short_empty_elements=True))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _is_local_link(href: str) -> bool:
    href = href.strip()
    return href.startswith("#") or (href.startswith("/") and not href.startswith("//"))


def _clean(el: ET.Element) -> None:
    for child in list(el):
        if _local(child.tag) not in _SVG_ELEMENTS:
            el.remove(child)
        else:
            _clean(child)
    for attr in list(el.attrib):
        if _unsafe_attribute(_local(attr), el.attrib[attr]):
            del el.attrib[attr]


def _unsafe_attribute(name: str, value: str) -> bool:
    if name.startswith("on"):  # event handlers run script
        return True
    if name == "href":
        return not _is_local_link(value)
    # url() in a style could fetch from elsewhere; nothing the chart needs.
    return name == "style" and "url(" in value.replace(" ", "").lower()
