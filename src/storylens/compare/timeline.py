"""The story timeline: dated events from all articles, the same event merged.

Two events are the same when they are of the same kind, their dates are
compatible (equal days, or overlapping ranges) and their participants agree:
they share at least two people, or one event's people are all among the
other's (a one-person statement is the same statement as one naming that
person and nobody else). Events that name nobody merge only with an event
whose text shares most of its words, or, when both are plans, with one that
names its people and shares what will happen and another word of it ("would hear
from Whitlock next Thursday" / "will take up the closure at a hearing on Oct. 16"). A merged entry is inferred only when
every report of it rests on an inferred date: one article that dates it
firmly is enough. Photo captions and credits left in page text ("... near the
White House, June 1, 2020.", "... distributed by Getty Images") date a picture,
not an event of the story, and are left out. A happening named inside another
event's sentence on the same day ("the Oct. 17 alarm" in "... said sensors had
sounded an alarm on Oct. 17") is that event, not a second entry; and an entry's
text is shown without the dateline that opens a story ("GREYHAVEN — ").

The claims also join entries: reports of one fact the outlets agree on, in words the
participants and wording above miss, are one entry when their dates agree (see
_merge_told_alike). When the two entries cannot be one (they share an article), a report
that sits in its entry only for its kind, day and speaker ("..., Whitlock said" met with
Whitlock's other statement of the day) moves to the entry its claim tells (_move_report).

"next Thursday" said on a Tuesday may be this week's Thursday or the next week's, and
"before Tuesday's primary" the last Tuesday or the coming one (TimeExpression.alternative):
such an entry keeps the day taken as its date and the other as `alternative_date`,
and matches events on either day. When another source names the day outright, the
entry takes that day and is no longer in doubt.

When the claims find that sources give different dates for one statement ("lifted
early Saturday" / "lifted on Sunday morning"), the timeline entries telling it carry
that dispute, so the two dates do not read as two certain events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from storylens.analyze.text import DATELINE
from storylens.analyze.time import tweet_anchors
from storylens.compare.captions import is_caption
from storylens.compare.clauses import sentence_spans
from storylens.compare.disjoint import DisjointSets
from storylens.compare.narration import is_boilerplate, is_time_stamp
from storylens.compare.predicates import EVENT_CLASSES, SYNONYMS
from storylens.compare.wordforms import MONTHS, WEEKDAYS, content_stems, is_number, stem
from storylens.model import Analysis, Event, StoredArticle

__all__ = ["build_timeline", "mark_disputed_dates", "same_event"]

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    {
        "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "with", "by", "from",
        "as", "that", "this", "is", "was", "were", "be", "has", "have", "had", "it", "its", "he",
        "she", "they", "his", "her", "their", "said", "says",
    }
)  # fmt: skip


# Words of when, not of what: "next Thursday", "later this week".
_TIME_STEMS = frozenset(stem(w) for w in "next last week weekend month year day later".split())


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def _range(e: Event) -> tuple[str, str]:
    assert e.date is not None
    return e.date, e.date_end or e.date


def _readings(e: Event) -> list[tuple[str, str]]:
    """The event's date range, and the other day it may be ("next Thursday")."""
    return [_range(e), *([(e.alternative_date, e.alternative_date)] if e.alternative_date else [])]


def _dates_compatible(a: Event, b: Event) -> bool:
    return any(a0 <= b1 and b0 <= a1 for a0, a1 in _readings(a) for b0, b1 in _readings(b))


def _participants_agree(a: list[str], b: list[str]) -> bool:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return False
    shared = sa & sb
    return len(shared) >= 2 or sa <= sb or sb <= sa


def same_event(a: Event, b: Event) -> bool:
    """Whether two dated events report the same happening (see module doc)."""
    if a.kind != b.kind or a.date is None or b.date is None or not _dates_compatible(a, b):
        return False
    if a.place and b.place and a.place.lower() != b.place.lower():
        return False
    if a.participants or b.participants:
        if _participants_agree(a.participants, b.participants):
            return True
        return _one_plan(a, b)
    wa, wb = _words(a.text), _words(b.text)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _one_plan(a: Event, b: Event) -> bool:
    """Two reports of one scheduled event, one naming its people and the other nobody
    ("He said the council would hear from Whitlock next Thursday" / "The council will take
    up the closure at a hearing on Oct. 16"): they share what will happen (an event word,
    met at its class: "hear" / "hearing") and another word of it ("council")."""
    if a.kind != "scheduled" or bool(a.participants) == bool(b.participants):
        return False
    sa, sb = _event_words(a.text), _event_words(b.text)
    shared = sa & sb
    return bool(shared & EVENT_CLASSES) and bool(shared - EVENT_CLASSES)


def _event_words(text: str) -> set[str]:
    return {
        SYNONYMS.get(w, w)
        for w in content_stems(text)
        if not is_number(w) and w not in MONTHS and w not in WEEKDAYS and w not in _TIME_STEMS
    }


@dataclass(slots=True)
class _Entry:
    events: list[Event] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    firm: list[bool] = field(default_factory=list)
    # The article of each event, in the order of `events`.
    event_articles: list[str] = field(default_factory=list)
    # Events that tell the sentence a claim joining this entry to another reads as
    # (see _merge_told_alike): the one that leads when the entry is shown.
    telling: list[Event] = field(default_factory=list)

    def absorb(self, other: _Entry) -> None:
        self.telling.extend(other.telling)
        self.events.extend(other.events)
        self.firm.extend(other.firm)
        self.event_articles.extend(other.event_articles)
        self.article_ids.extend(a for a in other.article_ids if a not in self.article_ids)

    def to_dict(self) -> dict[str, object]:
        firm_events = [e for e, f in zip(self.events, self.firm, strict=True) if f]
        lead = (firm_events or self.events)[0]
        # Reports joined through the claims may each tell more than the event ("Crews
        # will tear down the warehouse this week, after a fire on Friday ..."): the one
        # claim reads as leads, the longest of them; not a name of a happening ("Monday's
        # unveiling"), which tells nothing on its own.
        telling = [e for e in self.telling if any(e is f for f in firm_events) and _tells_more(e)]
        if telling:
            lead = max(telling, key=lambda e: e.end - e.start)
        elif not _tells_more(lead):
            lead = next((e for e in firm_events or self.events if _tells_more(e)), lead)
        # A day one source names outright settles another's "next Thursday"; then the
        # narrowest firm range: a day beats the weekend around it.
        dated = sorted(
            firm_events or self.events,
            key=lambda e: (bool(e.alternative_date), _range(e)[1] > _range(e)[0], e.date),
        )
        participants: list[str] = []
        for e in self.events:
            participants.extend(p for p in e.participants if p not in participants)
        return {
            "date": dated[0].date,
            "date_end": dated[0].date_end,
            "inferred": not firm_events,
            "alternative_date": dated[0].alternative_date,
            "text": _shown(lead.text),
            "article_ids": list(self.article_ids),
            "kind": lead.kind,
            "participants": participants,
            "place": next((e.place for e in self.events if e.place), None),
        }


# A dated name of a happening ("the Oct. 17 alarm") has at most this many words.
_NAMED_HAPPENING_WORDS = 4


def _tells_more(event: Event) -> bool:
    """Whether the event's text says more than a dated name of a happening."""
    return len(_WORD.findall(event.text)) > _NAMED_HAPPENING_WORDS


def _inside_another(event: Event, events: list[Event]) -> bool:
    """Whether the event's span lies within a longer event of the same dates, or the
    event only names a happening ("the Oct. 17 alarm") that a longer event of the same
    dates in the article tells ("... had sounded an alarm on Oct. 17")."""
    words = _WORD.findall(event.text.lower())
    head = words[-1] if 0 < len(words) <= _NAMED_HAPPENING_WORDS else None
    return any(
        other is not event
        and other.date == event.date
        and other.date_end == event.date_end
        and other.end - other.start > event.end - event.start
        and (
            (other.start <= event.start and event.end <= other.end)
            or (head is not None and head in _WORD.findall(other.text.lower()))
        )
        for other in events
    )


# The word that joined a part of a sentence cut at a second date to the part before it.
_JOINING = re.compile(r"^(?:and|but|or|then)\s+(?=\S)", re.IGNORECASE)


def _shown(text: str) -> str:
    """The entry's text as a reader meets it first: without the dateline that opens a
    story, and a part of a sentence cut at its second date ("and police said they would
    post officers ... on Tuesday") opened as a sentence ("Police said ...")."""
    dateline = DATELINE.match(text)
    rest = text[dateline.end() :] if dateline else text
    if len(rest.split()) < 3:
        return text
    rest = _JOINING.sub("", rest)
    return rest[:1].upper() + rest[1:]


def build_timeline(
    items: list[tuple[StoredArticle, Analysis]],
    claims: list[dict[str, Any]] | None = None,
) -> list[dict[str, object]]:
    """Merged timeline entries of one story, sorted by date, each
    {"date", "date_end", "inferred", "alternative_date", "text", "article_ids", "kind",
    "participants", "place"}; article ids are the articles' external ids.
    `alternative_date` is the other day an entry may be on when every source dates it
    with words readers take two ways ("next Thursday", "before Tuesday's primary"),
    else None."""
    entries: list[_Entry] = []
    for stored, analysis in items:
        article_id = stored.article.id
        text = stored.article.text
        spans = sentence_spans(text, analysis)
        tweets = [(a, b) for a, b, _ in tweet_anchors(text)]
        for event in analysis.events:
            # An update stamp may open with a dash ("— Last updated at 11:49 a.m.").
            bare = event.text.lstrip("-—–•* ")
            if not event.date or is_caption(event.text) or is_boilerplate(bare):
                continue
            in_tweet = any(a <= event.start < b for a, b in tweets)
            if not in_tweet and _in_caption(text, spans, event):
                continue  # a photo's caption, its date and credit past the event's words
            if is_time_stamp(bare):
                continue  # "August 10, 2011 -- Updated 0947 GMT": when the page changed
            if _inside_another(event, analysis.events):
                continue
            entry = next(
                (en for en in entries if any(same_event(event, e) for e in en.events)), None
            )
            if entry is None:
                entry = _Entry()
                entries.append(entry)
            entry.events.append(event)
            entry.firm.append(not event.inferred)
            entry.event_articles.append(article_id)
            if article_id not in entry.article_ids:
                entry.article_ids.append(article_id)
    if claims:
        entries = _merge_told_alike(entries, claims)
    result = [e.to_dict() for e in entries]
    result.sort(key=lambda d: (str(d["date"]), str(d["date_end"] or d["date"])))
    return result


def _in_caption(text: str, spans: list[tuple[int, int]], event: Event) -> bool:
    """Whether the event was read off a photo caption: its whole sentence is one ("Joe Biden
    runs up the steps onto the stage ... in Philadelphia, Pennsylvania, U.S., May 18, 2019.
    REUTERS/Jonathan Ernst", whose event text stops before the date and the credit)."""
    if not 0 <= event.start < event.end <= len(text):
        return False
    around = [(a, b) for a, b in spans if a < event.end and event.start < b]
    if not around:
        return False
    line_start = text.rfind("\n", 0, around[0][0]) + 1
    line_end = text.find("\n", around[-1][1])
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    sentence = text[around[0][0] : around[-1][1]]
    return is_caption(sentence) or is_caption(line)


# Share of the shorter of an event's span and a claim's sentence the two must have in
# common for the event to tell that sentence.
_TELLS_SHARE = 0.5


def _tells(event: Event, article_id: str, sentence: dict[str, Any]) -> bool:
    if sentence.get("article_id") != article_id:
        return False
    start, end = sentence.get("start"), sentence.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    common = min(end, event.end) - max(start, event.start)
    return common > 0 and common >= _TELLS_SHARE * min(end - start, event.end - event.start)


def _merge_told_alike(entries: list[_Entry], claims: list[dict[str, Any]]) -> list[_Entry]:
    """Entries whose events tell the sentences of one claim the outlets agree on made one
    entry when their dates agree: the claims have matched the wording across sources,
    which the participants and words of `same_event` alone miss ("City officials ordered
    about 1,200 residents ... to shelter in place" / "prompting city officials to order
    about 1,200 nearby residents to stay indoors"). A disputed claim's entries stay
    apart: one entry would show one source's figure under the other's name."""
    sets = DisjointSets(len(entries))
    articles = [set(entry.article_ids) for entry in entries]  # of each set, at its root
    moved_once: set[int] = set()  # events moved to another entry: they move no further
    events_of: dict[str, list[tuple[int, Event]]] = {}
    for k, entry in enumerate(entries):
        for event, article in zip(entry.events, entry.event_articles, strict=True):
            events_of.setdefault(article, []).append((k, event))
    for claim in claims:
        if claim.get("label") != "agreed":
            continue
        sentences = claim.get("sentences") or []
        told = sorted(
            {
                k
                for sentence in sentences
                for k, event in events_of.get(str(sentence.get("article_id")), [])
                if _tells(event, str(sentence.get("article_id")), sentence)
            }
        )
        joined = False
        for n, k in enumerate(told):
            for j in told[n + 1 :]:
                rk, rj = sets.find(k), sets.find(j)
                # Two reports of one article in one entry would be two of its events made
                # one, and chains of claims would join a day's events into one entry.
                if rk == rj:
                    continue
                if articles[rk] & articles[rj]:
                    # One report may still belong here rather than where it sits.
                    for source, target in ((k, j), (j, k)):
                        moved = _move_report(
                            entries, sets, articles, source, target, sentences, moved_once
                        )
                        if moved is not None:
                            event, article = moved
                            moved_once.add(id(event))
                            events_of[article] = [
                                (target if e is event else m, e) for m, e in events_of[article]
                            ]
                            joined = True
                            break
                    continue
                if any(
                    _dates_compatible(x, y) for x in entries[k].events for y in entries[j].events
                ):
                    sets.union(rk, rj)
                    articles[sets.find(rk)] = articles[rk] | articles[rj]
                    joined = True
        if joined:
            shown = [s for s in sentences if s.get("text") == claim.get("text")][:1]
            for k in told:
                entries[k].telling.extend(
                    event
                    for event, article in zip(
                        entries[k].events, entries[k].event_articles, strict=True
                    )
                    if any(_tells(event, article, sentence) for sentence in shown)
                )
    groups: dict[int, _Entry] = {}
    for k, entry in enumerate(entries):
        root = sets.find(k)
        if root in groups:
            groups[root].absorb(entry)
        else:
            groups[root] = entry
    return list(groups.values())


def _move_report(
    entries: list[_Entry],
    sets: DisjointSets,
    articles: list[set[str]],
    source: int,
    target: int,
    sentences: list[dict[str, Any]],
    moved_once: set[int],
) -> tuple[Event, str] | None:
    """Move the one event of entry `source` that tells a sentence of an agreed claim into
    the entry of `target`, which tells the claim from other articles, when the two
    entries cannot be one (they share an article). Only an entry no claim has joined
    gives up a report, and only one that holds other reports besides: its events met on
    kind, day and participants alone ("Whitlock said ..." three times on Monday), weaker
    evidence than the claim's matched wording ("The bridge was closed to all traffic on
    Monday ..., Whitlock said" / "The Harbor Authority closed the bridge on Monday")."""
    entry = entries[source]
    root = sets.find(target)
    if sets.find(source) != source or sum(sets.find(k) == source for k in range(len(entries))) > 1:
        return None
    told = [
        n
        for n, (event, article) in enumerate(zip(entry.events, entry.event_articles, strict=True))
        if any(_tells(event, article, sentence) for sentence in sentences)
    ]
    if len(told) != 1 or len(entry.events) < 2:
        return None
    (n,) = told
    event, article = entry.events[n], entry.event_articles[n]
    if (
        id(event) in moved_once
        or article in articles[root]
        or entry.event_articles.count(article) > 1
    ):
        return None
    if not any(_dates_compatible(event, e) for e in entries[target].events):
        return None
    firm = entry.firm[n]
    del entry.events[n], entry.firm[n], entry.event_articles[n]
    entry.article_ids.remove(article)
    entry.telling = [e for e in entry.telling if e is not event]
    articles[source].discard(article)
    moved_to = entries[target]
    moved_to.events.append(event)
    moved_to.firm.append(firm)
    moved_to.event_articles.append(article)
    moved_to.article_ids.append(article)
    articles[root].add(article)
    return event, article


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def mark_disputed_dates(
    timeline: list[dict[str, Any]], claims: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Give each timeline entry that tells a statement the sources date differently a
    "disputed" field: {"kind": "date", "values", "article_ids"} of the claim's conflict."""
    for claim in claims:
        conflict = claim.get("conflict") or {}
        if claim.get("label") != "disputed" or conflict.get("kind") != "date":
            continue
        sentences = [(s["article_id"], _norm(s["text"])) for s in claim.get("sentences") or []]
        for entry in timeline:
            text = _norm(entry["text"])
            if any(
                article in entry["article_ids"] and said and (said in text or text in said)
                for article, said in sentences
            ):
                entry["disputed"] = {
                    "kind": "date",
                    "values": list(conflict.get("values") or []),
                    "article_ids": list(conflict.get("article_ids") or []),
                }
    return timeline
