"""The tense nearest a date, and the words that make a weekday a start or a limit.

`direction_at` (time_resolve) reads the date's whole clause and lets a cue
forward win wherever it stands ("was expected to ... on Tuesday"). Some
forms need the verb nearest the date instead, read back across commas to
the start of the sentence:

- a span of the weekend: "staff, who will be paid double, were ordered to
  work over the weekend" is the weekend just gone, whatever "will" says
  further back;
- a weekday that starts something ("starting Friday", "beginning Monday",
  "effective Saturday", "takes effect from Monday") or that something runs
  past ("could delay the vote past Saturday"): news writes these of what is
  still to come, and only a past verb nearest them ("had come under shelling,
  starting Friday", "were going door to door starting Saturday") keeps them
  behind.

Tried: cutting the look back at a reporting verb followed by its clause
("told the AP that starting Monday, it will ..."): on ABP 2014+2016 it moved
one value, wrongly ("Clinton said to a crowd of donors this weekend").
"""

from __future__ import annotations

import re
from typing import Literal

from storylens.analyze.time_resolve import _FUTURE_CUE, _PAST_ED_NOT_VERB, _PAST_VERB

Tense = Literal["past", "future"]

# A sentence boundary, a quotation or a colon ends the look back; commas do
# not, but a non-restrictive relative clause has a tense of its own ("Sanders
# was speaking in Wyoming, which holds a caucus this weekend").
_BOUNDARY = re.compile(r"[;:!?\"“”]|''|``|(?<!\d)\.(?!\d)|,\s+(?:which|who|where)\b", re.IGNORECASE)
# A to-infinitive of purpose ("in an effort to keep the government open past
# Thursday", "in order to", "in a bid to") has no tense: the main verb
# before it is not the limit's.
_INFINITIVE = re.compile(
    r"\b(?:in\s+(?:an?\s+)?(?:effort|attempt|bid|order)|so\s+as)\s+to\s+", re.IGNORECASE
)
# A past verb, not a participle after "be", "to", a modal or a present copula
# (_PAST_VERB), nor after "have" or "has": a present perfect ("Libertarians
# have gathered for their convention this weekend") reaches the present.
_PAST_NEAR = re.compile(r"(?<!\bhave\s)(?<!\bhas\s)(?<!['’]ve\s)" + _PAST_VERB + r"\b")
# The past perfect's auxiliary, whatever participle follows ("had come under
# shelling"): _PAST_VERB knows only the regular and the commonest participles.
_HAD = re.compile(r"\b(?i:had)\b")
# A modal with no perfect after it leaves the time open to the future ("could
# delay the vote past Saturday", "might not vote until this weekend"); "may"
# only in lower case ("in May" is the month).
_MODAL = re.compile(r"\b(?:(?i:might|could|can|should)|may)\b(?!\s+(?:not\s+|n['’]t\s+)?have\b)")


def nearest_tense(
    text: str, start: int, lo: int, *, through_infinitive: bool = True
) -> Tense | None:
    """The tense of the verb nearest before text[start:], within its sentence
    (from `lo`) and up to 150 characters back: "future" on a cue forward or a
    modal, "past" on a past verb, whichever stands nearer; None when neither
    does. With `through_infinitive=False` an infinitive of purpose ends the look back
    (nothing before it is the date's)."""
    before = text[max(lo, start - 150) : start]
    before = _BOUNDARY.split(before)[-1]
    if not through_infinitive:
        before = _INFINITIVE.split(before)[-1]
    future = [m.end() for m in _FUTURE_CUE.finditer(before)]
    future += [m.end() for m in _MODAL.finditer(before)]
    past = [m.end() for m in _PAST_NEAR.finditer(before) if not _PAST_ED_NOT_VERB.match(m.group(0))]
    past += [m.end() for m in _HAD.finditer(before)]
    if not future and not past:
        return None
    if not past or (future and max(future) > max(past)):
        return "future"
    return "past"


# A weekday right after a word that makes it a start ("starting Friday",
# "beginning Monday", "effective Saturday") or a limit passed ("past
# Saturday": "the" or "this" before "past" make "the past Saturday" the last
# one, and the weekday rule keeps those). "as of" is not one: "as of Monday"
# counts what stood by then.
_START_BEFORE = re.compile(
    r"(?<!\bthe\s)(?<!\bthis\s)\b(?:starting|beginning|effective|past)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def starts_or_limits(text: str, start: int, end: int) -> bool:
    """Whether the weekday text[start:end] follows "starting", "beginning",
    "effective" or the preposition "past", and names no day of an event by a
    possessive ("starting Friday's session" is that session's day)."""
    if re.match(r"['’]s\b", text[end : end + 2]):
        return False
    return bool(_START_BEFORE.search(text[max(0, start - 25) : start]))
