"""Cheap text structure: paragraphs and sentences as character offsets.

A regex splitter is ~100x faster than a parser-based one and good enough to
decide which sentences may hold an attribution; only those go to spaCy.
"""

from __future__ import annotations

import re

# Abbreviations that end in a period without ending the sentence ("Sen. Warren", "U.S. officials").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "adm",
        "maj",
        "cmdr",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "gens",
        "reps",
        "sens",
        "messrs",
        "mt",
        "ft",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "bros",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "est",
        "approx",
        "fig",
        "vol",
        "op",
        "ed",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
    ]
)

_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a likely start.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_INITIALS = re.compile(r"[a-z](?:\.[a-z])+")


# Capitals and a colon opening a line: a transcript's speaker ("JUAN GONZÁLEZ: ",
# "RACHEL MARTIN, HOST: ") or a label ("UPDATE 2: ", "BREAKING: ").
LINE_LABEL = re.compile(r"(?=[^\W\d_])(?:[^\Wa-z]|[ .,'’#-])*(?<=[^\W\d_]|\d):\s+(?=\S)")


# A wire dateline opening a story: "WASHINGTON -- ", "MINNEAPOLIS (AP) — ", "OSKER, Norway
# (AP) — ": the place in capitals, its state or country as written, the agency. A hyphen
# is a dash only between spaces ("AFL-CIO Holds Off" opens no dateline).
DATELINE = re.compile(
    r"^\(?[A-Z][A-Z .,'/-]{2,40}\)?(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*"
    r"(?:\([A-Z][\w .&'-]{1,40}\)\s*)?(?:--|—|–|(?<=\s)-(?=\s))\s*"
)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, stripped of surrounding white space."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = strip_span(text, m.start(), m.end())
        if end > start:
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences within paragraphs; never across a line break."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in split_paragraphs(text):
        start = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            if m.group().startswith(".") and _is_abbreviation(text, p_start, m.start()):
                continue
            end = m.end()
            s, e = strip_span(text, start, end)
            if e > s:
                spans.append((s, e))
            start = end
        s, e = strip_span(text, start, p_end)
        if e > s:
            spans.append((s, e))
    return spans


def _is_abbreviation(text: str, floor: int, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(floor, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    # Single initials ("John F. Kennedy"), run-together ones ("George H.W. Bush", like
    # "U.S." and "D.C.") and known abbreviations do not end sentences.
    return len(word) == 1 or word in _ABBREVIATIONS or bool(_INITIALS.fullmatch(word))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
