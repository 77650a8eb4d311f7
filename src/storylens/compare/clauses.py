"""Sentences and the clauses a sentence is cut into, as character spans.

A news sentence often states several facts ("The bridge closed Friday after inspectors
found cracks; repairs will cost $4 million"): cutting it at dashes, semicolons and
clauses of time, cause, contrast and participles lets each fact be compared on its own.
Quoted words are never cut, and pieces too short to state something stay with the
clause before them. A participle used as an adjective in a list (", emerging markets and
the cloud") opens no clause: cut there, the list's tail was compared as a statement and
joined two wrong agreed claims on the ECB+ held-out 43_ecbplus (agreed 19/24 -> 19/22, a
class named before the change; no other sample changed, ABP tune2 included). Also the dateline that may open an article's first sentence.
"""

from __future__ import annotations

import re

from storylens.compare.wordforms import STOPWORDS, content_stems
from storylens.model import Analysis

_SENTENCE_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


# Content words a piece needs to state something on its own (a clause here, a
# statement in text_units.is_statement).
MIN_CONTENT_WORDS = 4


def sentence_spans(text: str, analysis: Analysis) -> list[tuple[int, int]]:
    """The analysis's sentences; a plain split when the analysis has none."""
    if analysis.sentences:
        return _join_decimals(text, list(analysis.sentences))
    spans = []
    pos = 0
    for m in _SENTENCE_SPLIT.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_ENDS_IN_DIGIT_STOP = re.compile(r"\d\.$")
_STARTS_WITH_DIGIT = re.compile(r"\d")


def _join_decimals(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with a decimal number cut by the sentence splitter made whole again
    ("a crater about two metres (6." + "6 feet) wide"): news style spells out a number
    that opens a sentence, so a sentence ending in "<digit>." before one that opens
    with a digit is one sentence cut at a decimal point."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if (
            out
            and _ENDS_IN_DIGIT_STOP.search(text[out[-1][0] : out[-1][1]].rstrip())
            and _STARTS_WITH_DIGIT.match(text[a:b].lstrip())
        ):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space, and without leading dashes and commas."""
    while start < end and (text[start].isspace() or text[start] in "-—–,;:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Past tense: regular, and the irregular verbs news tells most.
_PAST = (
    r"(?:[a-z]{2,}ed|spent|kept|said|told|took|made|went|came|got|gave|found|held|left|ran|"
    r"saw|sent|put|cut|hit|won|lost|met|paid|brought|bought|began|fell|rose|led|built|"
    r"drove|flew|knew|thought|wrote|spoke|broke|chose|stood|fought|caught|struck|fled|shot)"
)
# Where a sentence changes fact: dashes, semicolons, subordinate clauses of time and
# cause ("..., after inspectors found cracks", "since the bridge closed", ", once monitors
# showed"), a reporting participle (", saying"), a
# participial clause (", injuring three people"), contrast (", but"), a second subject
# and its verb after "and" (", and firefighters spent the night ...", ", and about 60
# firefighters from five towns spent ...": in 6,000 ABP articles 5 such counted subjects,
# each opening a clause of its own) and a second
# reported statement ("said the bridge would reopen in May and that repairs would cost"). Prepositions
# that look like participles ("including", "according") do not start a clause.
_CLAUSE_BREAK = re.compile(
    r"\s+(?:--|—|–)\s+|;\s+|,?\s+(?=(?:after|before|while|because|although|though|as|since)\s"
    r"(?!well\b|much\b|many\b|long\b|soon\b|of\b|part\b|a result\b|such\b|if\b|though\b|"
    r"\d))|,\s+(?=once\s(?!again\b|more\b|upon\b|a\b|an\b|\d))|"
    r",?\s+and (?=(?:said|says|told|added)\b)|,?\s+and that\s+|,\s+and (?=(?:it|he|she|they|there)\s)|"
    # ", and firefighters spent the first hours ...": a second subject and its verb.
    r",\s+and (?=(?:the\s|an?\s|his\s|her\s|their\s|its\s)?[a-z]{3,}s\s+" + _PAST + r"\s)|"
    # ", and about 60 firefighters from five towns spent the night": a counted subject,
    # the place it came from, and its verb.
    r",\s+and (?=(?:about|nearly|almost|some|more\s+than|at\s+least|dozens\s+of|hundreds\s+of)?"
    r"\s*(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twelve|dozens|hundreds)\s+"
    r"(?:[a-z]+\s+)?[a-z]{3,}s\s+(?:(?:from|of|in|at)\s+[^,;:]{1,60}?\s+)?" + _PAST + r"\s)|"
    r",\s+(?=but\s|(?!(?:including|according|following|during|regarding|concerning|"
    r"excluding|notwithstanding|pending|something|nothing|anything|everything|morning|evening|"
    r"building|spring|king|thing|bring|string)\b)[a-z]+ing\s)"
)


_ANONYMITY_FRAME_END = re.compile(
    r"(?:not to be (?:named|identified)|(?:condition|exchange for|of) anonymity|"
    r"(?:un)?authorized to (?:speak|discuss|comment)[^,.;]*)$",
    re.IGNORECASE,
)


# Words after which "as" continues the phrase instead of opening a clause: comparisons
# ("as many as two weeks", "as well as the Flag cable") and predicates ("described as one
# of the largest", "such as video").
_AS_CONTINUES_AFTER = frozenset(
    """many much well long soon far such same described known identified regarded seen
    named listed served used designated classified quoted resign resigned resigns
    elected reelected appointed hired chosen nominated confirmed sworn installed""".split()
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


# "as" before an article, "one of", a quotation, "saying" or a title's first word
# ("acting", "interim", "chief") is a preposition: it gives a role or a name ("as a
# graduate student at the university", "as one of its most powerful men", 'as "amnesty,"',
# "quoted as saying", "will take over as acting IRS commissioner"), and cut there it
# leaves a piece without a verb that aligned with other sources' sentences on its noun.
_AS_PREPOSITION = re.compile(
    r"as\s+(?:an?\s|one\s+of\s|saying\b|[\"“‘']|(?:acting|interim|deputy|chief|head)\s)",
    re.IGNORECASE,
)


def _as_continues(text: str, pos: int, a: int, b: int) -> bool:
    """Whether the cut at text[a:b], before "as", falls inside such a phrase."""
    if not text.startswith("as ", b):
        return False
    if _AS_PREPOSITION.match(text, b):
        return True
    last = _LAST_WORD.search(text, pos, a)
    return last is not None and last.group(1).lower() in _AS_CONTINUES_AFTER


# Participles of verbs that take no object: followed by a bare noun they describe it, as
# one item of a list ("low power, client mobility, emerging markets and the cloud"), and
# open no clause (", emerging from the rubble" still does: a stop word follows).
_ADJECTIVE_PARTICIPLES = frozenset(
    """emerging existing remaining rising falling declining growing booming soaring
    dwindling ongoing upcoming incoming outgoing lasting prevailing struggling competing
    neighbouring neighboring working living aging ageing""".split()
)
_NEXT_TWO_WORDS = re.compile(r"([A-Za-z]+)\s+([A-Za-z]+)")


def _list_item(text: str, b: int) -> bool:
    """Whether the cut ending at `b` falls before a list item that opens with a participle
    used as an adjective ("..., emerging markets and the cloud")."""
    m = _NEXT_TWO_WORDS.match(text, b)
    if m is None or m.group(1).lower() not in _ADJECTIVE_PARTICIPLES:
        return False
    following = m.group(2).lower()
    return following not in STOPWORDS and not following.endswith("ly")


# A relative pronoun right before a cut ("Tamerlan, who as we reported earlier is said to
# be ..."): the cut would part the pronoun from its own clause.
_RELATIVE_END = re.compile(r"\b(?:who|whom|whose|which|that)$", re.IGNORECASE)


def clause_spans(
    text: str, start: int, end: int, protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentence cut at dashes and semicolons that lie outside quotes, each clause long
    enough to state something (short pieces stay with the clause before them)."""
    cuts = [
        (m.start(), m.end())
        for m in _CLAUSE_BREAK.finditer(text, start, end)
        if not any(qs <= m.start() < qe for qs, qe in protected)
    ]
    pieces = []
    pos = start
    for a, b in cuts:
        # "A firefighter who asked not to be named because ..." is the frame of the
        # statement that follows, not a statement of its own.
        if (
            _ANONYMITY_FRAME_END.search(text, pos, a)
            or _as_continues(text, pos, a, b)
            or _list_item(text, b)
            or _RELATIVE_END.search(text, pos, a)
        ):
            continue
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, end))
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        short = len(content_stems(text[a:b])) < MIN_CONTENT_WORDS
        if (merged and short) or (
            merged and len(content_stems(text[merged[-1][0] : merged[-1][1]])) < 2
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [trim_span(text, a, b) for a, b in merged]
