"""Events: who did what, when, found in one article.

An event is anchored on a date the text gives: every sentence with a
day-level date (or a weekend) yields one event per such date, classified by
the words of the sentence (a meeting or call, a statement, an announcement,
something scheduled, or any other occurrence), with the people it names as
participants and the place it names. Quotes that carry a date (a tweet's own
date, "On Sunday, she called ...") add statement events for their speakers,
and embedded tweets add one statement event each for their author.

`date_quotes` sets `Quote.date` when the text ties a quote to a day.
"""

from __future__ import annotations

import bisect
import itertools
import re
from datetime import date, timedelta

from storylens.analyze.text import LINE_LABEL, split_sentences
from storylens.analyze.time import tweet_anchors
from storylens.analyze.time_resolve import direction_at
from storylens.model import Event, Mention, Person, Quote, TimeExpression

__all__ = ["date_quotes", "event_kind", "find_events", "strip_title"]

_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)")
_WEEKEND = re.compile(r"^(\d{4})-W(\d\d)-WE$")

_MEETING = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|spoke\s+with|speak\s+with|speaks\s+with|talk(?:s|ed)?\s+with|"
    r"held\s+talks|hold\s+talks|phone\s+call|call\s+with|visit(?:s|ed)?|hosted|hosts?|summit|"
    r"sat\s+down\s+with|conferred)\b",
    re.IGNORECASE,
)
_ANNOUNCEMENT = re.compile(
    r"\b(?:announc(?:e|ed|es|ing|ement)|unveil(?:ed|s)?|declared|launch(?:ed|es)?|released|"
    r"introduced|signed|approved|passed|voted)\b",
    re.IGNORECASE,
)
_STATEMENT = re.compile(
    r"\b(?:said|says|told|stated|called\s+(?:on|for)|calls\s+(?:on|for)|urged|urges|posted|"
    r"tweeted|wrote|warned|added|insisted|argued|rebuffed|denied|defended|pledged|vowed|"
    r"address|speech|remarks)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:at|in|inside|outside)\s+(?P<place>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})"
    r"|\bon\s+(?P<hill>Capitol\s+Hill)"
)
_NOT_PLACE = re.compile(
    r"^(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan\.|Feb\.|Aug\.|Sept\.|"
    r"Oct\.|Nov\.|Dec\.|The|This|That|It|A|An)\b"
)
_UPDATE_STAMP = re.compile(
    r"^\W*(?:last\s+|first\s+)?(?:updated|published|posted)\b", re.IGNORECASE
)
# A question in the writer's own words (no quotation mark in it) asserts nothing; a
# quoted question ('asked on Monday: "Who pays?"') reports what was said.
_NARRATOR_ASKS = re.compile(r"^[^\"“”]*\?\W*$")
# A sentence cut between two dates may end on the word that joined them ("on Thursday or").
_DANGLING_END = re.compile(r"[\s,;]+(?:and|or|but|to|from|then)$|\s*[,;:]$")
_LETTER_WORD = re.compile(r"[A-Za-z]{2,}")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_PLACE_LABELS = ("FAC", "GPE", "LOC")


def event_kind(sentence: str, *, future: bool) -> str:
    """ "scheduled" for what has not happened yet, else the first of meeting,
    announcement, statement that the sentence's words show, else "occurrence"."""
    if future:
        return "scheduled"
    if _MEETING.search(sentence):
        return "meeting"
    if _ANNOUNCEMENT.search(sentence):
        return "announcement"
    if _STATEMENT.search(sentence):
        return "statement"
    return "occurrence"


def day_of(value: str | None) -> str | None:
    """The day a TIMEX value names ("2013-05-14", "2013-05-14TEV"), else None."""
    m = _DAY.match(value or "")
    return m[1] if m else None


def _date_range(t: TimeExpression) -> tuple[str, str | None] | None:
    """(date, date_end) an event on `t` takes: a day, or a weekend's two days."""
    if t.type not in ("DATE", "TIME"):
        return None
    if day := day_of(t.value):
        return day, None
    w = _WEEKEND.match(t.value)
    if w:
        saturday = date.fromisocalendar(int(w[1]), int(w[2]), 6)
        return saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()
    return None


# What joins the two ends of a span of days: "between Aug. 28 and Sept. 4", "from Oct. 4
# to Nov. 6", "Oct. 4-Nov. 6", "Monday through Thursday".
_RANGE_OPENS = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_RANGE_AND = re.compile(r"\s+and\s+(?:the\s+)?$", re.IGNORECASE)
# (An em dash sets off an apposition: "on Wednesday—the day after the vote".)
_RANGE_TO = re.compile(r"\s*(?:-|–|\s(?:to|through|thru|until|till)\s+(?:the\s+)?)$")


def _range_ends(text: str, times: list[TimeExpression]) -> dict[int, TimeExpression]:
    """The last day of each span of days the text gives by its two ends, by where the
    span's first day starts: "between X and Y", "from X to Y", "X through Y", "X-Y", and
    two days in a row ("moved lower Tuesday and Wednesday"). Not a day moved to another
    ("postponed from Monday to Thursday")."""
    ordered = sorted(times, key=lambda t: t.start)
    ends: dict[int, TimeExpression] = {}
    for t, u in itertools.pairwise(ordered):
        between = text[t.end : u.start]
        first, last = _date_range(t), _date_range(u)
        if len(between) > 12 or first is None or last is None or first[0] >= last[0]:
            continue
        before = text[max(0, t.start - 60) : t.start]
        opened = bool(_RANGE_OPENS.search(before))
        joined = bool(_RANGE_AND.fullmatch(between)) and (opened or _next_day(first[0], last[0]))
        if _MOVED.search(before) or not (_RANGE_TO.fullmatch(between) or joined):
            continue
        ends[t.start] = u
    return ends


def _next_day(first: str, last: str) -> bool:
    return date.fromisoformat(first) + timedelta(days=1) == date.fromisoformat(last)


_MOVED = re.compile(
    r"\b(?:mov|postpon|delay|reschedul|push|chang|shift|advanc|bump)\w*\b[^.;]*$", re.IGNORECASE
)


def _alternative_day(t: TimeExpression) -> str | None:
    """The other day `t` may name ("next Thursday"), when it names a day."""
    return day_of(t.alternative)


_TITLES = re.compile(
    r"^(?:(?:Vice\s+)?President|VP|Secretary|Sen\.|Senator|Rep\.|Gov\.|Governor|Prime\s+Minister|"
    r"PM|Mr\.|Mrs\.|Ms\.|Dr\.|Gen\.|General|Chancellor|King|Queen|Pope)\s+"
)


def strip_title(name: str) -> str:
    """A name without the title in front of it: "President Biden" -> "Biden"."""
    return _TITLES.sub("", name.strip())


class _Names:
    """Canonical names for surface forms: the article's people, else the
    longest PERSON mention ending with the same surname ("Harris" ->
    "Kamala Harris")."""

    def __init__(self, people: list[Person], persons: list[Mention]) -> None:
        self.by_surface: dict[str, str] = {}
        for p in people:
            if p.kind == "anonymous":
                continue
            for form in [p.name, *p.aliases]:
                self.by_surface.setdefault(form.lower(), p.name)
            last = p.name.split()[-1] if p.name.split() else ""
            if last and p.kind == "person":
                self.by_surface.setdefault(last.lower(), p.name)
        self._forms = [
            (form, p.name)
            for p in people
            if p.kind != "anonymous"
            for form in [p.name, *p.aliases]
            if len(form) > 2 and form[0].isupper() and not form.startswith(("The ", "@"))
        ]
        full = sorted({strip_title(m.text) for m in persons}, key=len, reverse=True)
        for name in full:
            key = name.lower()
            self.by_surface.setdefault(key, name)
            if " " in name:
                self.by_surface.setdefault(name.split()[-1].lower(), name)

    def capitalized_forms(self) -> list[tuple[str, str]]:
        """(surface, canonical) for the people's own names and capitalized
        aliases, so people the NER missed are still found."""
        return self._forms

    def canonical(self, surface: str) -> str:
        s = strip_title(re.sub(r"['’]s?$", "", surface.strip()))
        if s.lower() in self.by_surface:
            return self.by_surface[s.lower()]
        last = s.split()[-1].lower() if s.split() else ""
        return self.by_surface.get(last, s)


def _participants(
    text: str,
    lo: int,
    hi: int,
    persons: list[Mention],
    names: _Names,
    quotes: list[Quote],
    previous_person: str | None,
) -> list[str]:
    found: list[str] = []
    segment = text[lo:hi]
    for surface, name in names.capitalized_forms():
        if name not in found and re.search(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", segment):
            found.append(name)
    for m in persons:
        if lo <= m.start < hi:
            name = names.canonical(m.text)
            if name not in found:
                found.append(name)
    for q in quotes:
        anchor = q.cue.start if q.cue else q.start
        speaker = q.speaker.name if q.speaker and not q.speaker.anonymous else None
        if lo <= anchor < hi and speaker and speaker not in found:
            found.insert(0, speaker)
    if not found and previous_person and _PRONOUN.search(text[lo:hi]):
        found.append(previous_person)
    return found


def _place(segment: str, persons: set[str]) -> str | None:
    """Where the event happened: the first "at/in the Capitalized Place" that
    is not a date or a person."""
    for m in _PLACE.finditer(segment):
        place = m["hill"] or m["place"]
        if _NOT_PLACE.match(place):
            continue
        place = re.sub(r"^the\s+", "", place).rstrip(".")
        if place and place not in persons and not any(place in p for p in persons):
            return place
    return None


_ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b[\w.-]+(?:['’]s?)|\bthe|\blast|\bthis)\s+$", re.IGNORECASE)
_HEAD_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+(?!(?:and|or|but|as|when|that|which|to|in|on|at|of|for|with|by)\b)[A-Za-z-]+){1,3}"
)
_AUXILIARY = re.compile(r"^(?:could|would|should|may|might|must|can|shall|did|does|do)$")
_ADJECTIVE = re.compile(r"(?:al|ous|ive|ing|ic|ful|less|able|ible|ent|ant)$")
# Heads that name a piece of coverage or a vague lot, not a happening of the story:
# "Thursday's developments", "Monday's show", "Friday's turn".
_EVENT_NOUNS = frozenset(
    """call calls conference meeting meetings hearing hearings vote rally speech briefing
    debate summit election primary interview attack strike shooting address session
    trial visit""".split()
)
_NOT_EVENT_HEAD = frozenset(
    """events developments news show episode edition broadcast program programme column
    newsletter podcast paper papers story stories coverage turn roll segment issue
    update updates level levels close high low price prices whistleblower sales revenue
    revenues earnings profit profits figures numbers ratings volume weather forecast""".split()
)
# The article's own day used as a modifier ("today's report", "tonight's show") names the
# article or the day's coverage, not an event of the story.
_OWN_DAY = re.compile(r"^(?:today|tonight|this\s+morning|this\s+evening)$", re.IGNORECASE)
# A cut part of a sentence with fewer letter-words than this tells no event ("Friday and").
MIN_EVENT_WORDS = 3
_FUNCTION_WORD = re.compile(
    r"^(?:and|or|but|as|when|that|which|to|in|on|at|of|for|with|by|was|is|were|are|will|has|had)$",
    re.I,
)


def _attributive_phrase(text: str, t: TimeExpression) -> tuple[int, int] | None:
    """The noun phrase a date modifies ("Hamas' Oct. 7 attack", "Tuesday's
    Michigan primary"), when the date is used as a modifier; else None."""
    possessive = text.startswith(("'s", "’s"), t.end)
    head = _HEAD_AFTER.match(text[t.end : t.end + 60])
    if head is None or not head.group(0).strip("'’s "):
        return None
    before = _ATTRIBUTIVE_BEFORE.search(text[max(0, t.start - 30) : t.start])
    if not possessive and before is None:
        return None
    words: list[str] = []
    tail = head.group(0)
    offset = 2 if possessive else 0
    tail_words = tail[offset:].split()
    for k, word in enumerate(tail_words):
        if _FUNCTION_WORD.match(word) or (word.islower() and word.endswith("ed")):
            break
        words.append(word)
        if word.islower():
            # The first lower-case word is the head noun ("Michigan primary"), unless it
            # reads as an adjective before one ("Tuesday's national vote").
            following = tail_words[k + 1] if k + 1 < len(tail_words) else ""
            if (
                _ADJECTIVE.search(word)
                and following.islower()
                and not _FUNCTION_WORD.match(following)
                and not _AUXILIARY.match(following)
                and not following.endswith("ed")
            ) or following.rstrip(".,;:!?\"'’”") in _EVENT_NOUNS:
                # "Tuesday's national vote"; a noun before the event's own ("Trump's July
                # 25 phone call", "Monday's news conference").
                words.append(following)
            break
    if not words or (not possessive and words[0][0].isupper()):
        return None
    end = t.end + tail.index(words[-1], offset) + len(words[-1])
    start = t.start - len(before.group(0)) if before else t.start
    start = max(start, t.start - 30)
    return start, end


def _segment(
    text: str, t: TimeExpression, dates: list[TimeExpression], lo: int, hi: int
) -> tuple[int, int]:
    """The part of the sentence [lo, hi) that belongs to `t` when several
    dates share it: cut halfway between neighbouring dates."""
    ordered = sorted(dates, key=lambda u: u.start)
    k = next((j for j, u in enumerate(ordered) if u.start == t.start), 0)
    if k > 0:
        lo = max(lo, _cut(text, ordered[k - 1].end, t.start)[1])
    if k + 1 < len(ordered):
        hi = min(hi, _cut(text, t.end, ordered[k + 1].start)[0])
    while lo > 0 and not text[lo - 1].isspace() and lo > t.start - 400:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi < t.end + 400:
        hi += 1
    return min(lo, t.start), max(hi, t.end)


# Where a clause opens between two dates of one sentence: a subordinating or joining word
# or a comma. "that" opens a reported clause and belongs to neither part.
_CLAUSE_OPENING = re.compile(
    r"(?P<that>\s+that\s+)|[,;:]\s+|\s+(?=(?:after|before|when|while|because|since|until|"
    r"and|but|which|who|where|as)\s)",
    re.IGNORECASE,
)


def _cut(text: str, left: int, right: int) -> tuple[int, int]:
    """Where the part of a sentence dated by the date ending at `left` ends, and where the
    part dated by the date starting at `right` begins: at the clause opening between them
    nearest their middle ("Oyelaran said on Tuesday | the attack was detected on Nov. 3"),
    else at the middle ("... on Tuesday that the | attack ...", cut mid-clause)."""
    middle = (left + right) // 2
    openings = list(_CLAUSE_OPENING.finditer(text, left, right))
    if not openings:
        return middle, middle
    best = min(openings, key=lambda m: abs(m.start() - middle))
    return best.start(), best.end()


# "the worst day since Dec. 3", "the first time since 2008": a date a comparison reaches
# back to, where nothing of the story happened.
_SINCE_COMPARISON = re.compile(
    r"\b(?:worst|best|biggest|largest|smallest|lowest|highest|sharpest|steepest|strongest|"
    r"weakest|longest|shortest|fastest|slowest|deadliest|first|most|least|only)\b"
    r"[^.;!?]{0,80}?\bsince\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _since_comparison(text: str, t: TimeExpression) -> bool:
    return bool(_SINCE_COMPARISON.search(text, max(0, t.start - 120), t.start))


def _sentence_index(sentences: list[tuple[int, int]], pos: int) -> int:
    i = bisect.bisect_right([s for s, _ in sentences], pos) - 1
    return max(i, 0)


def _trim(text: str, limit: int = 240) -> str:
    text = _DANGLING_END.sub("", " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def find_events(
    text: str,
    sentences: list[tuple[int, int]],
    entities: list[Mention],
    people: list[Person],
    quotes: list[Quote],
    times: list[TimeExpression],
) -> list[Event]:
    """Events of one article, in text order. `entities` may be raw spaCy NER
    output: PERSON mentions are mapped to canonical names through `people`."""
    if not sentences:
        sentences = split_sentences(text)
    persons = sorted((e for e in entities if e.label == "PERSON"), key=lambda e: e.start)
    names = _Names(people, persons)
    tweets = tweet_anchors(text)
    events: list[Event] = []
    signature_spans = [(text.rfind("—", lo, hi), hi) for lo, hi, _ in tweets]

    day_times = [t for t in times if _date_range(t) is not None and not _since_comparison(text, t)]
    # A date in quoted words is counted from when they were said ("This flag comes down
    # today", said in 2015 and quoted in 2016): unless the text dates the quote, it rests on
    # the guess that they were said on the publication day, and is marked inferred.
    undated_speech = [(q.start, q.end) for q in quotes if q.kind == "direct" and not q.date]
    ends = _range_ends(text, day_times)
    day_times = [t for t in day_times if not any(u is t for u in ends.values())]
    for t in day_times:
        span = _date_range(t)
        if span is None or any(a <= t.start < b for a, b in signature_spans if a >= 0):
            continue
        if (last := ends.get(t.start)) is not None and (end := _date_range(last)) is not None:
            # "between Aug. 28 and Sept. 4": one span, from the first day to the last.
            span = (span[0], end[1] or end[0])
        i = _sentence_index(sentences, t.start)
        s_lo, s_hi = sentences[i]
        if _UPDATE_STAMP.match(text[s_lo:s_hi]):
            continue  # when the page changed, not when anything of the story happened
        if _NARRATOR_ASKS.search(text[s_lo:s_hi]):
            continue  # "What's the president up to tonight?": the writer asks, nothing happens
        if any(
            s_lo <= u.start < t.start
            and _date_range(u) == span
            and _attributive_phrase(text, u) is None
            for u in day_times
        ):
            continue  # "closed on Wednesday for New Year's Day": one day, one event
        before = [p for p in persons if p.start < s_lo]
        previous = names.canonical(before[-1].text) if before else None
        phrase = _attributive_phrase(text, t)
        if phrase is not None:
            # "Hamas' Oct. 7 attack", "Tuesday's primary": the date names a
            # happening of its own, not the sentence's action.
            lo, hi = phrase
            head = text[lo:hi].split()[-1].lower().strip(".,;:!?\"'’”")
            if head in _NOT_EVENT_HEAD or _OWN_DAY.match(text[t.start : t.end]):
                continue
            kind = "occurrence"
            participants: list[str] = []
        else:
            clause_dates = [
                u
                for u in day_times
                if s_lo <= u.start < s_hi
                and (u is t or _attributive_phrase(text, u) is None)
                and (u is t or _date_range(u) != span)  # the same day again cuts nothing
            ]
            lo, hi = _segment(text, t, clause_dates, s_lo, s_hi)
            if label := LINE_LABEL.match(text, lo, hi):
                lo = label.end()  # "AMY GOODMAN: Scott was shot ...": who speaks, not what
            if len(_LETTER_WORD.findall(text[lo:hi])) < MIN_EVENT_WORDS:
                continue
            future = direction_at(text, t.start, t.end, s_lo, s_hi) == "future"
            kind = event_kind(text[lo:hi], future=future)
            participants = _participants(text, lo, hi, persons, names, quotes, previous)
        events.append(
            Event(
                kind=kind,
                text=_trim(text[lo:hi]),
                start=lo,
                end=hi,
                date=span[0],
                date_end=span[1],
                inferred=t.inferred or any(a <= t.start < b for a, b in undated_speech),
                participants=participants,
                place=_place(text[lo:hi], {e.text for e in persons}),
                alternative_date=_alternative_day(t),
            )
        )

    for lo, hi, day in tweets:
        cut = text.rfind("—", lo, hi)
        author = re.match(r"—\s*(?P<name>[^(\n]+?)\s*\(@", text[cut:hi]) if cut >= 0 else None
        name = names.canonical(author["name"]) if author else None
        body = re.sub(r"\s*pic\.twitter\.com/\S+", "", text[lo:cut] if cut > lo else text[lo:hi])
        events.append(
            Event(
                kind="statement",
                text=_trim(f"{name} posted: {body.strip()}" if name else body),
                start=lo,
                end=hi,
                date=day.isoformat(),
                participants=[name] if name else [],
            )
        )

    for q in quotes:
        if not q.date or not q.speaker or not q.speaker.name or q.speaker.anonymous:
            continue
        if q.kind == "indirect":
            continue  # reported speech is told by its sentence, dated with it above
        lo, hi = sentences[_sentence_index(sentences, q.start)]
        if any(
            (e.start <= q.start < e.end or lo <= e.start < hi) and q.speaker.name in e.participants
            for e in events
        ):
            continue  # its sentence or tweet already made the event
        events.append(
            Event(
                kind="statement",
                text=_trim(f"{q.speaker.name}: “{q.text}”"),
                start=q.start,
                end=q.end,
                date=q.date,
                inferred=_quote_inferred(q, times),
                participants=[q.speaker.name],
            )
        )
    events.sort(key=lambda e: (e.start, e.date or ""))
    return events


def _quote_inferred(q: Quote, times: list[TimeExpression]) -> bool:
    return any(t.inferred and t.value.startswith(q.date or "\0") for t in times)


# A date that opens its sentence ("On Sunday, she called ...") governs all of
# it; elsewhere only a date right next to the saying verb does ("Harris said
# earlier on Monday"), since a date inside a reported clause dates that
# clause, not the saying.
_OPENING_WINDOW = 40
_CUE_WINDOW = 30


def date_quotes(text: str, quotes: list[Quote], times: list[TimeExpression]) -> None:
    """Set `Quote.date` (YYYY-MM-DD) on quotes the text ties to a day: quotes
    inside an embedded tweet take the tweet's date; others take a day-level
    date that opens the sentence of their cue, or stands next to the cue."""
    tweets = tweet_anchors(text)
    sentences = split_sentences(text)
    days = [(t, m[1]) for t in times if t.type in ("DATE", "TIME") and (m := _DAY.match(t.value))]
    for q in quotes:
        if q.date:
            continue
        tweet_day = next((d for lo, hi, d in tweets if lo <= q.start < hi), None)
        if tweet_day is not None:
            q.date = tweet_day.isoformat()
            continue
        pivot = q.cue.start if q.cue else q.start
        lo, hi = sentences[_sentence_index(sentences, pivot)] if sentences else (0, len(text))
        for t, value in days:
            if not lo <= t.start < hi or q.start <= t.start < q.end:
                continue
            opens = t.start - lo <= _OPENING_WINDOW and "," in text[t.end : t.end + 3]
            near_cue = q.cue is not None and (
                abs(t.start - q.cue.end) <= _CUE_WINDOW or abs(q.cue.start - t.end) <= _CUE_WINDOW
            )
            if opens or near_cue:
                q.date = value
                break
