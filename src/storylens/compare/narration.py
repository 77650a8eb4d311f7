"""Telling the narrator's own voice from the rest of a text.

Sources are compared on what each states itself: quoted speech is blanked out (quotes are
aligned separately), a clause mostly between quotation marks counts as speech even when
the quote finder missed it, and boilerplate (credits, bylines, sign-up lines) and
headline lines printed with the text are recognized so they can be set aside.
"""

from __future__ import annotations

import re

from storylens.compare.wordforms import words

_BOILERPLATE = re.compile(
    r"image source|photo by|photograph:|getty images|pic\.twitter\.com|\(@\w+\)|"
    r"all rights reserved|copyright ©|©|click here|sign up for|subscribe to|read more:|"
    r"^\s*(?:by|reporting by|editing by|written by)\s+[A-Z]|follow us on|"
    r"this article (?:was|has been) (?:updated|corrected)|contributed to this report",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    return bool(_BOILERPLATE.search(text))


def blank_quotes(text: str, start: int, end: int, quote_spans: list[tuple[int, int]]) -> str:
    """The sentence with quoted content replaced by spaces (offsets kept)."""
    chars = list(text[start:end])
    for qs, qe in quote_spans:
        for i in range(max(qs, start), min(qe, end)):
            chars[i - start] = " "
    return "".join(chars)


HEADLINE_MAX_WORDS = 20


def is_headline(sentence: str, position: int) -> bool:
    """Whether a sentence is a headline (or a dateline) printed with the text: one of its
    first two lines, short, and without the full stop of a sentence of the story
    ("Fire guts Alderbrook freight warehouse; 12 hurt")."""
    sentence = sentence.strip()
    if position > 1 or not sentence:
        return False
    return sentence[-1] not in ".!?\"”’'" and len(words(sentence)) <= HEADLINE_MAX_WORDS


_QUOTE_MARK = re.compile(r"``|''|[\"“”]")
# Above this share of letters between quotation marks a unit is speech; below, a statement
# with a partial quote (called the delay "inexcusable", called the response "nothing short
# of heroic").
QUOTED_BY_MARKS = 0.75


def quote_mark_share(text: str) -> float:
    """The share of a text's letters that stand between quotation marks, read from the
    marks themselves (``...'', "...", “...”): speech the quote finder missed is still
    speech. A clause that opens with the end of a quote ("... an earthquake,'' she said")
    was inside it up to that mark."""
    inside = False
    quoted = 0
    pos = 0
    first = True
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group(0)
        closes = mark in ("''", "”") or (mark == '"' and inside)
        if first and closes and not inside:
            inside = True  # the clause began inside a quote
        first = False
        if inside:
            quoted += sum(1 for c in text[pos : m.start()] if c.isalnum())
        pos = m.end()
        inside = not closes
    if inside:
        quoted += sum(1 for c in text[pos:] if c.isalnum())
    letters = sum(1 for c in text if c.isalnum())
    return quoted / letters if letters else 0.0
