"""Quotation-mark spans: which marks open and close a quotation.

News text mixes straight, curly and single marks, doubled apostrophes
(''like this'' in some wire archives) and the odd mismatched pair ('text"),
and runs a quotation over several paragraphs by opening every paragraph again
without closing the previous one. Marks are classified from their
neighbours, then paired paragraph by paragraph.

Tried and left out: closing a quotation left open at a paragraph's end when the next
paragraph does not open with a mark (quoted F1 train[:300] 0.8126 -> 0.8112; the scorer's
kinds come from these spans too, so the gold counts by kind moved with it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.analyze.text import split_paragraphs

# ''doubled apostrophes'' first, so they are not read as two single marks.
_MARK = re.compile(r"''|``|[\"“”„‘’'«»]")
_OPENERS_ONLY = {"“", "„", "‘", "«", "``"}
_CLOSERS_ONLY = {"”", "»"}
_DOUBLE = {'"', "“", "”", "„", "''", "``", "«", "»"}
# Single quotes that open must not be elisions: '90s, 'em, rock 'n' roll.
_ELISION = re.compile(r"(?:\d0s|em\b|n'|til\b|cause\b|tis\b)", re.I)


@dataclass(slots=True, frozen=True)
class QuoteSpan:
    """Quoted text between `start` and `end` (marks excluded); `outer_start` and
    `outer_end` include the marks. `paragraphs` > 1 for a multi-paragraph quote."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraphs: int = 1


@dataclass(slots=True)
class _Mark:
    pos: int
    end: int
    double: bool
    can_open: bool
    can_close: bool


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in the text, in order, multi-paragraph ones joined."""
    pieces: list[tuple[QuoteSpan, bool]] = []  # (span, left open at paragraph end)
    for p_start, p_end in split_paragraphs(text):
        pieces.extend(_pair_paragraph(text, p_start, p_end))
    return _join_paragraphs(text, pieces)


def _classify(text: str, m: re.Match[str]) -> _Mark:
    mark = m.group()
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    double = mark in _DOUBLE
    left_open = before.isspace() or before in "([{—–-/:;" or before in "\"“‘'"
    right_open = after.isspace() or after in ".,;:!?)]}—–-…" or after in "\"”’'"
    if mark in _OPENERS_ONLY:
        # A curly opener typed at a quotation's end ('... criminals.“') still closes it.
        can_open, can_close = True, mark in ("‘", "“") and not left_open and right_open
    elif mark in _CLOSERS_ONLY:
        can_open, can_close = False, True
    elif mark == "’":
        # Usually an apostrophe (don’t, voters’); a closer only at a word's end.
        can_open, can_close = False, not after.isalnum()
    else:
        can_open = left_open and not after.isspace()
        can_close = not before.isspace() and right_open
        if double and before in ".!?," and after.isupper():
            # Two paragraphs glued by a scraper ('... this community."Holder said',
            # '... on the case."The full resources ...'): the mark closes the quotation
            # left open, or else opens one; pairing decides which.
            can_open = can_close = True
        if not double:
            # A straight single mark inside a word is an apostrophe.
            can_open = can_open and not _ELISION.match(text, m.end())
            can_close = can_close and not (before.isalnum() and after.isalnum())
    return _Mark(m.start(), m.end(), double, can_open, can_close)


def _pair_paragraph(text: str, p_start: int, p_end: int) -> list[tuple[QuoteSpan, bool]]:
    marks = [_classify(text, m) for m in _MARK.finditer(text, p_start, p_end)]
    spans: list[tuple[QuoteSpan, bool]] = []
    opened: _Mark | None = None
    single_inner: _Mark | None = None  # a single-quoted passage nested in a double one
    for mk in marks:
        if opened is None:
            if mk.can_open:
                opened = mk
            continue
        if opened.double:
            if not mk.double:
                # Nested single quotes are part of the quoted text.
                if single_inner is None and mk.can_open:
                    single_inner = mk
                elif single_inner is not None and mk.can_close:
                    single_inner = None
                continue
            if mk.can_close:
                spans.append((_span(opened, mk), False))
                opened, single_inner = None, None
            elif mk.can_open and not mk.can_close:
                # Two openers in a row: the first was never closed; restart here.
                opened = mk
            continue
        # Single-quoted: close with a single closer or, mismatched, a double closer.
        if mk.can_close:
            spans.append((_span(opened, mk), False))
            opened = None
        elif mk.double and mk.can_open:
            opened = mk
    if opened is not None and opened.double:
        # Left open: may continue in the next paragraph (checked when joining).
        start = opened.end
        spans.append((QuoteSpan(start, p_end, opened.pos, p_end), True))
    return spans


def _span(opened: _Mark, closing: _Mark) -> QuoteSpan:
    return QuoteSpan(opened.end, closing.pos, opened.pos, closing.end)


def _join_paragraphs(text: str, pieces: list[tuple[QuoteSpan, bool]]) -> list[QuoteSpan]:
    """A paragraph left open continues into the next one when that one opens
    with a quotation mark (the newspaper convention); otherwise it is dropped."""
    result: list[QuoteSpan] = []
    pending: QuoteSpan | None = None
    for span, left_open in pieces:
        if pending is not None:
            gap = text[pending.end : span.outer_start]
            if gap.strip() == "" and "\n" in gap:
                merged = QuoteSpan(
                    pending.start,
                    span.end,
                    pending.outer_start,
                    span.outer_end,
                    pending.paragraphs + span.paragraphs,
                )
                if left_open:
                    pending = merged
                else:
                    result.append(merged)
                    pending = None
                continue
            pending = None
        if left_open:
            pending = span
        else:
            result.append(span)
    return [s for s in result if s.end > s.start and text[s.start : s.end].strip()]


_TRAILING = re.compile(r"[\s,;:]+$")


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space and trailing commas the quotation marks enclosed."""
    while start < end and text[start].isspace():
        start += 1
    m = _TRAILING.search(text, start, end)
    if m:
        end = m.start()
    return start, end


_MINOR_WORDS = frozenset("a an the of and or in on at to for by with from as vs".split())


def is_title_like(quoted: str) -> bool:
    """A quoted show, book or slogan title ("Good Morning America"), not speech:
    short, capitalized words, no sentence punctuation."""
    # American style puts the sentence's period inside the marks: ''This Week.''
    quoted = quoted.rstrip(" .,;")
    words = quoted.split()
    if not words or len(words) > 8 or any(ch in quoted for ch in ".!?,;"):
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(major) and all(w[:1].isupper() or w[:1].isdigit() for w in major)
