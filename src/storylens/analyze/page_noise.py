"""Page furniture scraped into an article's text that analysis should not read.

Lines of their own that label the page ("Advertisement", "Story Continued Below",
"Sign up for Daily Newsletters", "READ MORE:"), photo galleries' caption lines and live
pages' update stamps are blanked; so are hover cards.

Some sites link a person's name to a hover card, and scrapers keep its text: the
name as printed, then the card (the person's full name, glued to the headlines of
other articles about them, closed by "MORE"):

    President Trump Donald John TrumpGOP senators balk at lengthy ... MORE says ...
    Mitch McConnell Addison (Mitch) Mitchell McConnellTrump's trial a major ... MORE

Read as text, the card makes people of "Trump Donald John Trump" and "Mitch
McConnell Addison", speakers of headlines and quotes of nothing. `blank_noise`
replaces each card with spaces, so that every character offset still points at
the same place in the stored text (analysis spans stay valid for display).

A card is recognised by its two ends: "MORE" closing it, and the printed name's
surname written again with the card's first headline glued to it
("McConnellTrump's"): the card starts after the surname as printed, at most
NAME_GAP characters before its glued repetition; or, when nothing is glued, the
printed name's first name written again right after it ("Paul Ryan Paul Davis
Ryan ..."). A "MORE" without such a start ("READ MORE") is left alone.
"""

from __future__ import annotations

import re

CARD_MAX = 1000  # characters from a card's start to its "MORE"
NAME_GAP = 80  # characters between the printed surname and its glued repetition
_MORE = re.compile(r"\bMORE\b")
# A capitalized word running into the next capitalized word, a quote or a digit.
_REPEATED_FIRST = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)(?: [A-Z][\w.'’-]*){1,3} (?P<card>(?P=first)\b)"
)
_GLUED = re.compile(r"\b[A-Z][\w'’.-]*?[a-z](?=[A-Z'‘\"“\d])[\w'’.-]*")


def hover_card_spans(text: str) -> list[tuple[int, int]]:
    """Spans [start, end) of linked names' hover cards, "MORE" included."""
    spans: list[tuple[int, int]] = []
    for more in _MORE.finditer(text):
        lo = max(0, more.start() - CARD_MAX, spans[-1][1] if spans else 0)
        line_start = text.rfind("\n", lo, more.start())
        lo = line_start + 1 if line_start >= 0 else lo
        start = _card_start(text, lo, more.start())
        if start is not None:
            spans.append((start, more.end()))
    return spans


def _card_start(text: str, lo: int, hi: int) -> int | None:
    """Where the card closed at `hi` starts: after the printed surname that the first
    glued word between `lo` and `hi` repeats."""
    for glued in _GLUED.finditer(text, lo, hi):
        word = glued.group(0)
        for cut in range(1, len(word)):
            if not (word[cut - 1].islower() and not word[cut].islower()):
                continue
            surname = word[:cut]
            window_lo = max(lo, glued.start() - NAME_GAP)
            before = list(
                re.finditer(rf"\b{re.escape(surname)}\b", text[window_lo : glued.start()])
            )
            if before:
                printed_end = window_lo + before[-1].end()
                # The card starts at the next word after the printed surname.
                return printed_end + len(text[printed_end:]) - len(text[printed_end:].lstrip())
    # Not glued ("Paul Ryan Paul Davis Ryan Retirees should ..."): the card opens with
    # the printed name's first name again, one to three capitalized words after it.
    repeated = _REPEATED_FIRST.search(text, lo, hi)
    return repeated.start("card") if repeated else None


# Lines of their own that label the page, not the story: ad slots, newsletter and app
# promotions, "read more" links, slideshow and photo labels, age notices.
_FURNITURE_LINE = re.compile(
    r"^[ \t]*(?:advertisement:?|ad|story continued below|story continues below(?: advertisement)?"
    r"|continue reading(?: (?:below|the main story))?|sign up for [\w ’']{0,40}newsletters?"
    r"|click here to [\w ’']{0,60}|read more:?|more:|photo|\[pullquote\]|follow @\w+"
    r"|image copyright [\w .]{0,40}|slideshow \(\d+ images?\)"
    r"|this article is more than \d+ (?:years?|months?) old|\d+ (?:years?|months?) ago)"
    r"[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A video player's lines: its label and the blurb after it ("CLOSE Marine Le Pen thanked her
# supporters ...", "JUST WATCHED Moore: We need ... Replay More Videos ...", "MUST WATCH
# Moore: ... 01:58"). Capitals only: "Close to 200 people ..." opens a sentence.
_VIDEO_LINE = re.compile(r"^[ \t]*(?:CLOSE|JUST WATCHED|MUST WATCH)\b[^\n]*", re.MULTILINE)
# A photo gallery printed into the text: each line holds captions of pictures, each closed
# by "Hide Caption 3 of 15" and followed by the gallery's title ("Photos: Evidence photos
# from ..."), or is that title alone. Captions are often written after the article (a
# gallery updated for days), so their dates, people and quotes are not the article's.
# 13,899 such marks in the 37,554 ABP articles, all in lines of captions.
_GALLERY_LINE = re.compile(
    r"^[^\n]*\bHide Caption \d+ of \d+\b[^\n]*|^[ \t]*Photos:[^\n]*", re.MULTILINE
)
# A live page's update stamp opening a line ("[Updated at 2 p.m. ET] ...", "Update at
# 9:54 p.m. ET. Suspect In Custody:", "Posted at 12:45 a.m. ET:"), with the entry's
# heading when one follows the stamp: Title Case words closed by a colon, a rest of the
# line in Title Case ("Residents Warned To Stay Inside; Door-To-Door Search Expected."), or
# a short rest of the line without a sentence's end. The entry's text after it is kept.
_TIME = r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?-i:\s*[A-Z]{2,4}\b)?"
_STAMP = re.compile(
    rf"^[ \t]*(?P<stamp>\[?(?:updated?|posted|correction)(?:\s+at)?\s+{_TIME}"
    r"(?:\s+on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?\.?\]?:?)"
    r"(?P<heading>(?-i:(?:[ \t]+[A-Z'\"‘“][^\s:]*){1,8}:)|[ \t]+[^\n.!?:]{1,60}$"
    r"|(?-i:(?:[ \t]+[A-Z'\"‘“][^\s]*){2,12}[.:])[ \t]*$)?",
    re.IGNORECASE | re.MULTILINE,
)


# A pointer to other pages on a line of its own: "( Also on POLITICO: Jindal: End ...)",
# "SEE ALSO: Video shows ...", "Related: ...", "Recommended: ..." (2,450 such lines in ABP).
# The headline it points to is another article's. "Also on hand: 200 officers" is news: the
# site after "Also on" is capitalized.
_POINTER_LINE = re.compile(
    r"^[ \t]*\(?[ \t]*(?:[Aa]lso on [A-Z][\w.]*(?: [A-Z][\w.]*){0,2}|(?i:see also|also read|recommended|"
    r"related(?: stories| articles| coverage)?|more on this story))[ \t]*:[^\n]{0,200}$",
    re.MULTILINE,
)
# A page's label opening the line of its first item: "Story highlights Obama says ..."
# (CNN, 1,085 ABP articles). The label goes; the highlights stay, read as headings.
_LABEL_OPENING = re.compile(r"^[ \t]*Story highlights\b", re.MULTILINE)


def furniture_line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of lines that are page labels ("Advertisement", "Story Continued Below"), a
    video player's label and blurb ("CLOSE ...", "JUST WATCHED ..."), a photo gallery's
    captions, pointers to other pages ("SEE ALSO: ..."), and a live page's update stamps
    with their entry headings."""
    lines = [
        *_FURNITURE_LINE.finditer(text),
        *_VIDEO_LINE.finditer(text),
        *_GALLERY_LINE.finditer(text),
        *_POINTER_LINE.finditer(text),
    ]
    spans = [(m.start(), m.end()) for m in lines if m.end() > m.start()]
    spans += [(m.start("stamp"), m.end()) for m in _STAMP.finditer(text)]
    spans += [(m.start(), m.end()) for m in _LABEL_OPENING.finditer(text)]
    return spans


def blank_noise(text: str) -> str:
    """The text with hover cards and page-label lines replaced by spaces (same length,
    same offsets)."""
    spans = hover_card_spans(text) + furniture_line_spans(text)
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
