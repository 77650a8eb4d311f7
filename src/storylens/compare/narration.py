"""Telling the narrator's own voice from the rest of a text.

Sources are compared on what each states itself: quoted speech is blanked out (quotes are
aligned separately), a clause mostly between quotation marks counts as speech even when
the quote finder missed it, and boilerplate (credits, bylines, sign-up lines) and
headline lines printed with the text are recognized so they can be set aside.
"""

from __future__ import annotations

import re

from storylens.compare.wordforms import MONTHS, WEEKDAYS, words

# A byline: "By" and a name in capitals, then nothing or the outlet ("By Ana Ruiz", "By
# JOHN HALE, Associated Press"). Not a sentence opening on a time ("By the time crews
# arrived, ...", "By Tuesday, the council had ..."), which tells the news.
_BYLINE = (
    r"^\s*by\s+(?-i:(?!(?:The|This|That|Then|Now|Early|Late|Noon|Midnight|Mid|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b)[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?:$|,|\||\band\b|\bfor\b)"
)
_BOILERPLATE = re.compile(
    r"image source|photo by|photograph:|getty images|pic\.twitter\.com|\(@\w+\)|"
    r"all rights reserved|copyright ©|©|click here|sign up for|subscribe to|read more:|"
    r"^\s*(?:reporting by|editing by|written by)\s+[A-Z]|" + _BYLINE + r"|follow us on|"
    r"this (?:article|post|story|page|report) (?:was|has been) (?:updated|corrected)|"
    r"\b(?:updated|corrected) this (?:article|post|story|page)\b|contributed to this report|"
    # A correction note tells what an earlier version got wrong, not the news: "CORRECTION:
    # An earlier version of this story incorrectly reported that ...".
    r"\bcorrection:|\bcorrected\s+by:|\ban earlier version of this (?:article|post|story|report)",
    re.IGNORECASE,
)


# What a news site prints around the story for its reader, not about the news: newsletter
# and app promotions ("Get breaking news alerts ...", "Download the ... app for ...",
# "... delivered weekday mornings."), pointers to other pages ("Read: ...", "Live updates
# on ...", "For a graphic on ...:", "Watch the video above.") and update stamps ("Updated
# at 1 p.m. ET").
_READER_LINE = re.compile(
    r"^\s*(?:get\s+(?:breaking\s+news|the\s+latest|our)\b|download\s+the\b.*\bapp\b|"
    r"read(?:\s+more)?\s*:|live\s+(?:updates|coverage|blog)\b|"
    # "Read the partial transcript here.", "Watch the video above.", "Read the transcript:
    # President Trump's call ...": a link to something else, told to the reader.
    r"(?:read|watch|see|view|listen\s+to|click)\b(?:[^.:!?]{0,80}\b(?:here|below|above)\s*[.:!]?\s*$"
    r"|[^.:!?]{0,60}:)|"
    # A page's share buttons run into the caption after them ("Facebook Twitter Pinterest
    # Joe Walsh and Bill Weld respond to questions ...").
    r"(?:facebook|twitter|pinterest|email|whatsapp|linkedin|reddit)"
    r"(?:\s+(?:facebook|twitter|pinterest|email|whatsapp|linkedin|reddit)){1,}\b|"
    r"for\s+(?:a|an|more)\s+(?:graphic|interactive|factbox|explainer|timeline|video|"
    r"photos?|live)\b|updated\s+(?:at\s+)?\d[\d:.]*\s*(?:a\.?m\.?|p\.?m\.?)?\s*[A-Z]{0,3}\.?\s*$)|"
    r"\bdelivered\s+(?:to\s+(?:\w+\s+){0,3}inbox(?:es)?\b|(?:every\s+)?(?:weekday|daily|each|every)\b)|"
    r"\bsubscribe\s+(?:now|today|here)\b|"
    r"\bbreaking\s+news\s+alerts\b",
    re.IGNORECASE,
)


# A contributors' line at the foot of a story: names, then "contributed" ("Mike Lillis,
# Morgan Chalfant and Jordain Carney contributed.", "Ana Ruiz contributed reporting.").
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_CREDIT_LINE = re.compile(
    rf"^\s*{_NAME}(?:,\s+{_NAME})*(?:,?\s+and\s+{_NAME})?\s+contributed"
    r"(?:\s+(?:reporting|to\s+th(?:is|e)\s+(?:report|story|article)))?\.?\s*$"
)
# A pointer to the site's front page ("Visit Business Insider's homepage for more stories").
_HOMEPAGE_LINE = re.compile(r"^\s*visit\b.{0,60}\b(?:homepage|home page)\b", re.IGNORECASE)
# An update stamp without a year ("Last updated on Jan. 8 at 7:15 a.m."): a short line that
# opens with "updated" and holds a date or a time.
_UPDATED_LINE = re.compile(
    r"^\s*(?:last\s+)?updated:?\s+(?:(?:on|at)\s+)?(?:[A-Z][a-z]{2,8}\.?,?\s+)?"
    r"\d{1,2}(?:[:.]\d{2})?(?:,?\s+\d{4})?(?:\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?)?"
    r"\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:[A-Z]{2,4})?\.?\s*$",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    return bool(_BOILERPLATE.search(text) or _READER_LINE.search(text))


# The wire's rights notice and an opinion page's disclaimer ("This material may not be
# published, broadcast, rewritten or redistributed.", "The opinions expressed by columnists
# are their own ...").
_NOTICE_LINE = re.compile(
    r"^\s*(?:this material may not be (?:published|reproduced)|the (?:opinions|views) "
    r"expressed (?:by|in) [\w ]{1,40}? (?:are|do not)\b)",
    re.IGNORECASE,
)


def is_foot_line(text: str) -> bool:
    """Whether a sentence is a line printed at the foot of a story for its reader: the
    contributors, a pointer to the site's front page, an update stamp, a rights notice or
    an opinion page's disclaimer. Such a line never states the news;
    it is told apart only where a lone sentence would be listed as a claim (set aside
    earlier, as boilerplate, it changed which statements a story's rare words are rare in:
    on ABP tuning one right agreed claim became a wrong one and a wrong dispute appeared)."""
    return bool(
        _CREDIT_LINE.match(text)
        or _HOMEPAGE_LINE.match(text)
        or _UPDATED_LINE.match(text)
        or _NOTICE_LINE.match(text)
    )


# A linked name's hover card, kept by page-to-text extraction in the middle of a sentence:
# the name as printed, then the full name glued to the titles of other articles about the
# person and a "MORE" link ("Kellyanne Conway Kellyanne Elizabeth ConwayWhite House
# pushes back on ... MORE described Parnas"). Its headlines name the story's people and
# verbs and so aligned sentences that state other facts (ABP tuning: three wrong agreed
# claims of one story). The card starts at the name said again (its first name, or its
# surname ending the full name: "Trump Donald John TrumpDem ..."), or failing that at the
# word where the full name is glued to the first headline (with up to two names before
# it), and ends at the first "MORE" in its paragraph (a headline may hold a full stop:
# "... badmouthing him. Trump turned ..."). Measured (hand check, agreed claims): ABP
# tuning story s-dcf7777a92 17/34 -> 16/31 right; examples/ and ECB+ unchanged; ABP
# held-out about as many right claims gained (Hill sentences now aligned on their own
# words) as wrong ones. Analysis blanks cards with its own detector
# (storylens.analyze.page_noise), which also finds cards whose name has a nickname and a
# capital inside ("Mitch McConnell Addison (Mitch) Mitchell McConnellGOP ..."): on the
# first 8,000 ABP articles it covers 1,175 of this pattern's 1,187 cards and 68 more.
# Serving claims from it too is left to a measured change: every change of the units a
# story's word weights are computed over regroups some of its claims.
_CARD_TAIL = r"[^\n]{0,1000}?\sMORE\b"
_HOVER_CARD = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)(?: [A-Z][\w.'’()-]*){1,3} (?P<card>(?P=first)\b" + _CARD_TAIL + r")"
    r"|\b(?P<last>[A-Z][a-z]+) (?P<full>(?:[A-Z][\w.'’()-]* ){1,3}(?P=last)[A-Z0-9]"
    + _CARD_TAIL
    + r")"
    r"|(?P<glued>(?:\b[A-Z][\w.'’()-]* ){0,2}\b[A-Z][a-z]{2,}[A-Z]" + _CARD_TAIL + r")"
)


def hover_cards(text: str) -> list[tuple[int, int]]:
    """Spans of linked names' hover cards in an article's text (see _HOVER_CARD)."""
    out = []
    for m in _HOVER_CARD.finditer(text):
        group = next(g for g in ("card", "full", "glued") if m.group(g))
        out.append((m.start(group), m.end(group)))
    return out


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


def _quote_runs(text: str) -> list[tuple[int, int]]:
    """The spans of a text that stand between quotation marks, read from the marks
    themselves (``...'', "...", “...”). A clause that opens with the end of a quote
    ("... an earthquake,'' she said") was inside it up to that mark; so was one whose first
    mark is a straight quote right after a stop or comma ('... could unfold. "', 'a lot to
    answer, " Mr Deng said'): that mark closes a quote, as an opening one stands before a
    word."""
    runs = []
    inside = False
    pos = 0
    first = True
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group(0)
        closes = mark in ("''", "”") or (mark == '"' and inside)
        if (
            first
            and not inside
            and (closes or (mark == '"' and _AFTER_STOP.search(text, 0, m.start())))
        ):
            inside, closes = True, True  # the clause began inside a quote
        first = False
        if inside:
            runs.append((pos, m.start()))
        pos = m.end()
        inside = not closes
    if inside:
        runs.append((pos, len(text)))
    return runs


_AFTER_STOP = re.compile(r"[.,!?;:]\s?$")


def quote_mark_share(text: str) -> float:
    """The share of a text's letters that stand between quotation marks (see _quote_runs):
    speech the quote finder missed is still speech."""
    if not _QUOTE_MARK.search(text):
        return 0.0
    quoted = sum(sum(1 for c in text[a:b] if c.isalnum()) for a, b in _quote_runs(text))
    letters = sum(1 for c in text if c.isalnum())
    return quoted / letters if letters else 0.0


def outside_quotes(text: str) -> str:
    """The text with what stands between quotation marks, and the marks, blanked out."""
    chars = list(_QUOTE_MARK.sub(lambda m: " " * len(m.group(0)), text))
    for a, b in _quote_runs(text):
        chars[a:b] = " " * (b - a)
    return "".join(chars)


# A time stamp printed with the text ("Date Published: Tuesday, November 15, 2011",
# "SUNNYVALE, Calif. -- 2/29/2012", "11 November 2011 Last updated at 12:41 GMT"): a date,
# a few capitalized words (a place, a label) and none of a sentence's lower-case words.
_STAMP_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{2,4}\b")
_STAMP_WORDS = frozenset(
    """on at of the in am pm a.m p.m updated posted published last first""".split()
)
_LETTER_WORD = re.compile(r"[A-Za-z]+")
STAMP_MAX_CAPITALIZED = 4


def is_time_stamp(text: str) -> bool:
    """Whether a unit is a date or time stamp line, not a statement."""
    if not _STAMP_DATE.search(text) or text.rstrip()[-1:] in "!?":
        return False
    capitalized = 0
    for word in _LETTER_WORD.findall(text):
        low = word.lower()
        if low in MONTHS or low in WEEKDAYS or low in _STAMP_WORDS:
            continue
        if not word[0].isupper():
            return False
        capitalized += 1
    return capitalized <= STAMP_MAX_CAPITALIZED


# First-person words: the narrator of a news story does not speak of "we" or "our", so a
# unit that does is speech whose quotation marks stand in another sentence (a quote
# running over several sentences, marks only at its start and end) or were lost.
_FIRST_PERSON = re.compile(
    r"^(?:We|Our|My)\b|\b(?:we|our|us|my|me|ourselves|myself)\b|\b(?:[Ww]e|I)['’](?:m|ve|re|ll|d)\b|"
    r"\bI (?:am|was|have|had|think|believe|know|want|feel|hope|will|would|can|could|do|did|"
    r"said|say|told|felt|found|saw|heard)\b",
)
_BETWEEN_MARKS = re.compile(r"“[^”]*”|``.*?''|\"[^\"]*\"")


def partial_quotes(narration: str) -> list[str]:
    """The words a narrated sentence quotes (called the delay "inexcusable"): full quotes
    are blanked out of a unit's narration, so what stays between marks is a quoted phrase."""
    return [m.group(0) for m in _BETWEEN_MARKS.finditer(narration)]


# The outlet speaking of itself is narration: "our correspondent", "as we reported".
_NEWSROOM_WE = re.compile(
    r"\b[Oo]ur (?:own )?(?:reporters?|correspondents?|editors?|staff|colleagues?|"
    r"journalists?|readers?)\b|\b[Aa]s we(?:['’]ve| have)? (?:reported|described|noted|"
    r"wrote|written|explained)\b"
)


def speaks_in_first_person(text: str) -> bool:
    """Whether a unit's own words, quoted passages aside, are in the first person."""
    own = _NEWSROOM_WE.sub(" ", _BETWEEN_MARKS.sub(" ", text))
    return bool(_FIRST_PERSON.search(own.strip()))
