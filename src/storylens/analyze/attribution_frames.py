"""Speaker frames read off the text around a quotation when the parse missed them.

The parser sometimes hangs a quotation on the wrong word ('Hillary shot back,
"I suppose ..."' parsed with "shot" under "suppose"). The frames themselves
are regular: a name or pronoun and a verb ending in a comma or colon right
before the opening mark, or a name or pronoun and a verb right after the
closing mark (possibly with an apposition: '"...," Trump, the front-runner, said').

Tried and left out: a digest's bracketed source after a quoted passage ('"..." [WaPo.]'):
quoted F1 train[:300] +0.002 from one newsletter article, train[300:] unchanged (no such
article), direct speaker F1 -0.005 (PolNeAR gives the item's headline as the source). Headline
sources with a role noun or addressee ('Clinton camp:', 'Clinton to Planned Parenthood:'):
all F1 train[:300] +0.0004, train[300:] unchanged; preferring the attribution after a
headline's colon over the colon's ('The Latest: X tells voters ...'): train -0.001.
"""

from __future__ import annotations

import re

from storylens.analyze.attribution_parse import RawAttribution
from storylens.analyze.cues import CUE_FORMS

_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)"
_SOURCE = rf"(?P<src>{_NAME}|{_PRONOUN})"
_VERB = (
    r"(?P<cue>(?:[a-z]+ly\s+)?(?:has\s+|had\s+|also\s+)?[a-z]+(?:\s+(?:back|out|up|on|in|again))?)"
)
# re.M: a paragraph starts after a line break; `match` at a position needs no "^".
_BEFORE = re.compile(
    # after the first part of a split quotation, its closing mark follows the comma ('"...,"
    # Trump said, "and ...'); a role before the name ends with the name's own comma ('her
    # adviser, Jake Sullivan, said:')
    rf"(?:^|[,;.][”\"]?\s+|\b(?:and|but|then|as)\s+){_SOURCE}(?:,[^,“”\"\n]{{1,120}},|,)?\s+{_VERB}"
    # a few words may follow the verb: 'tweeted in response:', 'told the crowd:'
    r"(?:\s+[a-z]+){0,3}\s*[,:]\s*$",
    re.M,
)
_AFTER = re.compile(
    # an apposition may hold commas: '"...," Mr. Daniloff, now 81 and retired in Cambridge,
    # Mass., said by telephone'
    rf"\s*{_SOURCE}(?:,[^“”\"\n]{{1,160}}?,)?\s+{_VERB}\b|\s*(?P<cue2>said|says|added|adds|told|wrote)\s+{_SOURCE.replace('src', 'src2')}"
)


def frame_before(text: str, floor: int, outer_start: int) -> RawAttribution | None:
    """'Hillary shot back, "..."': the frame ending right before the opening mark;
    also a full name and a colon: 'said Republican pollster Daron Shaw: "..."'."""
    window_start = max(floor, outer_start - 200)
    m = _BEFORE.search(text, window_start, outer_start)
    if m and _verb_like(m.group("cue")):
        return _raw(m, "src", "cue")
    n = _NAME_COLON.search(text, window_start, outer_start)
    if n:
        return _raw(n, "src", "cue")
    return None


def headline_attribution(text: str, start: int, end: int) -> RawAttribution | None:
    """A headline in the 'Source: what they said' style ("Trump: 'I'm the worst thing
    that ever happened to the establishment'", "Poll: Sanders leads"). Only short lines
    that do not end as a sentence qualify."""
    line = text[start:end]
    stripped = line.rstrip()
    if len(line.split()) > 25 or stripped.endswith(":"):
        return None
    # Some archives end every headline with a period; a short line still reads as one.
    if stripped.endswith(".") and not line.endswith(".’") and len(line.split()) > 16:
        return None
    m = _HEADLINE.match(text, start, end)
    if not m or m.group("src").isupper():
        return None  # "WASHINGTON: ..." is a dateline
    raw = _raw(m, "src", "cue")
    c0 = m.start("content")
    raw.content = (c0, end)
    raw.speech = False
    return raw


def frame_after(text: str, outer_end: int, ceiling: int) -> RawAttribution | None:
    """'"...," Trump, the front-runner, said': the frame right after the closing mark."""
    if outer_end >= ceiling:
        return None
    k = outer_end
    while k > 0 and text[k - 1] in "'\"”’»":
        k -= 1  # past the closing mark, which may be two characters ('')
    before_mark = text[k - 1] if k > 0 else ""
    if before_mark not in (",", "?", "!", "—", "-"):
        return None  # a statement closed by a period stands alone
    m = _AFTER.match(text, outer_end, ceiling)
    if not m:
        return None
    if m.group("cue2"):
        return _raw(m, "src2", "cue2")
    if not _verb_like(m.group("cue")):
        return None
    if m.group("cue").split()[-1] in _QUOTING_VERBS:
        # '"...," Reuters quoted Jennifer Hing, a spokeswoman': whoever is quoted spoke.
        quoted = _QUOTED_NAME.match(text, m.end("cue"), ceiling)
        if quoted is not None:
            raw = _raw(quoted, "src", "src")
            raw.cue = m.span("cue")
            return raw
    return _raw(m, "src", "cue")


# Verbs by which one source passes on another's words: the speaker is their object.
_QUOTING_VERBS = frozenset(["quoted", "quotes", "cited", "cites"])
_QUOTED_NAME = re.compile(rf"\s+(?:as\s+saying\s+)?(?P<src>{_NAME})")
_NAME_COLON = re.compile(r"(?P<src>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3})\s*(?P<cue>:)\s*$")
_HEADLINE = re.compile(
    r"(?P<src>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})(?:\s+on\s+[^:\n]{1,80})?"
    r"\s*(?P<cue>:)\s+(?P<content>\S.*)"
)


def _verb_like(cue: str) -> bool:
    last = cue.split()[-1] if cue.split() else ""
    verb = cue.split()
    head = next((w for w in verb if w in CUE_FORMS or w in _IRREGULAR_FRAME_VERBS), None)
    return head is not None or last.endswith("ed") or any(w.endswith("ed") for w in verb)


# Irregular past forms that frame a quotation with a particle ('"...?" Trump went on',
# '"...," she shot back'); regular ones are caught by their -ed.
_IRREGULAR_FRAME_VERBS = frozenset(["went", "goes", "shot", "hit", "broke", "cut", "began", "sang"])


def _raw(m: re.Match[str], src: str, cue: str) -> RawAttribution:
    s, e = m.span(src)
    c0, c1 = m.span(cue)
    head_start = e - len(m.group(src).split()[-1])
    is_pronoun = re.fullmatch(_PRONOUN, m.group(src)) is not None
    raw = RawAttribution((c0, c1), (s, e), None, (head_start, e), "PRON" if is_pronoun else "PROPN")
    raw.speech = True
    return raw
