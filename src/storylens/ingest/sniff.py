"""Telling an input's kind from its first bytes, for stdin and untyped responses."""

from __future__ import annotations

import re
from typing import Literal

InputKind = Literal["json", "feed", "html", "text"]

_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(rb"\s*<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf", b"rdf"})


def root_element(data: bytes) -> str | None:
    """Lower-case name of the first element of an XML/HTML document, if any."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    position = 0
    while match := _PROLOG.match(head, position):
        if match.end() == position:
            break
        position = match.end()
    root = _ROOT.match(head, position)
    return root[1].decode("ascii", "replace").lower() if root else None


def is_feed(data: bytes) -> bool:
    root = root_element(data)
    return root is not None and root.encode() in _FEED_ROOTS


def sniff_kind(data: bytes) -> InputKind:
    """JSON if it opens with { or [, a feed or HTML if it opens with <, else text."""
    start = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    if start[:1] in (b"{", b"["):
        return "json"
    if start[:1] == b"<":
        return "feed" if is_feed(data) else "html"
    return "text"
