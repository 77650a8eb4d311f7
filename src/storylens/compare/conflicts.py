"""Conflicts: whether aligned statements of one fact disagree, and whether two alike
statements tell two facts.

find_conflict names the slot in which the members of a claim differ: a number of the same
thing (what it counts and what happens to it), a date written out, a person in one role,
or a negation of what the other states. different_events vetoes a pair that tells two
events of one kind however alike its words: dated more than MAX_DISPUTED_DAYS apart, set
in different places of one kind, about different things of one label, or counting
different things. Measured decisions: docs/decisions/claims.md.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from storylens.compare.predicates import REPORTING, TIME_WORDS, slot_word
from storylens.compare.slots import (
    may_round,
    number_ranges,
    other_numbered,
    percent_values,
    range_numbers,
    rest_numbers,
    threshold_numbers,
    weekday_verbs,
)
from storylens.compare.text_units import Unit
from storylens.compare.wordforms import (
    MONTHS,
    WEEKDAYS,
    negated_words,
    negation_words,
    stem,
    words,
)

# Sources that disagree on when one thing happened differ by a day or two ("lifted on
# Saturday" / "on Sunday"); statements dated further apart tell two events of one kind
# (cables cut in January, cables cut on Friday), which are not aligned at all. 3 let a
# Monday and a Friday of two events be one disputed claim (ABP tuning: Khamenei wept at the
# coffin on Monday / led Friday prayers); at 2 tuning disputed 1/6 -> 1/5, two agreed
# claims regrouped, both right, examples/ two right agreed claims regrouped, still right.
MAX_DISPUTED_DAYS = 2


def is_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1800 <= int(value) <= 2100


def _same_noun(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Whether two (number, before, after) slots count the same thing: the same counted
    word after them ("12 people" vs "14 people", "hurt" = "injured"), or, when neither
    names what it counts, the same word before them ("injured 12" vs "injured 14")."""
    if a[2] and b[2]:
        return a[2] == b[2]
    return bool(a[1]) and a[1] == b[1]


def number_conflict(a: Unit, b: Unit, same_role: bool = False) -> dict[str, Any] | None:
    """Two numbers that fill the same slot but differ. A slot is what the number counts
    (see _same_noun) and what happens to it: the verb of its clause. When the other
    sentence has a number of the same noun with the same verb ("five bombs were dropped"
    for "four bombs were dropped"), only that one is compared, so that the same value in
    another role ("of which four exploded") does not cancel the conflict; without one,
    any number of the same noun is compared ("exposed 84,000 patients" / "gained access
    to 48,000 patients"), unless one sentence gives both figures. A part of a counted whole ("four of them") is compared only
    with a number of the same noun and verb. A number next to a different word counts
    something else and is no conflict. With `same_role`, only figures of the same noun and
    verb are compared."""
    conflict = _one_way_number_conflict(a, b, same_role)
    if conflict is None:
        conflict = _one_way_number_conflict(b, a, same_role)
        if conflict is not None:
            conflict["values"].reverse()
    return conflict


# Nouns of a share of some group ("54 percent of voters"): polls and surveys give many
# shares, of different groups and questions, so two shares are one figure only when said
# of the same thing (the same verb: "supported" / "supported").
SHARE_NOUNS = frozenset({"percent", "percentage", "per", "share"})


def _day_of_month(slot: tuple[str, str, str]) -> bool:
    return slot[1] in MONTHS or slot[2] in MONTHS


def _listed_values(unit: Unit) -> Counter[str]:
    """How many different figures the unit gives of each counted noun, parts aside: a
    sentence giving several ("the Dow fell 133 points, the S&P 500 lost 9 points") counts
    several things, and which of them another source's figure counts it does not say."""
    seen: dict[str, set[str]] = defaultdict(set)
    for slot, (v, _, _, part) in zip(unit.number_slots, unit.number_roles, strict=True):
        if _slot_key(slot) and not part:
            seen[_slot_key(slot)].add(v)
    return Counter({noun: len(values) for noun, values in seen.items()})


def _slot_key(slot: tuple[str, str, str]) -> str:
    """What a figure is compared by (see _same_noun): its noun, else the word before it."""
    return slot[2] or slot[1]


# Figures of one noun from which on a sentence is a list of several things ("the Dow fell
# 133 points, the S&P 500 9 points, the Nasdaq 24 points"). Two are often one figure
# split by a typo ("22, 000 refugees") or a part and its whole: with two, an ECB+ tuning
# pair (22,000 / nearly 23,000 refugees) was lost.
LIST_FIGURES = 3


def _unreadable_figures(a: Unit, b: Unit) -> bool:
    """Whether the two units give figures of one noun that differ and cannot be read as
    one count: a day of the month against a count ("killed 50" / "the attack on Dec. 27
    that killed"), or a figure against a sentence listing several of that noun
    (LIST_FIGURES; which thing of the list it counts is unknown). Such a pair is tied by a
    noun alone: two facts, never one agreed."""
    if not a.number_slots or not b.number_slots:
        return False
    listed_a, listed_b = _listed_values(a), _listed_values(b)
    for slot_a in a.number_slots:
        for slot_b in b.number_slots:
            if slot_a[0] == slot_b[0] or not _same_noun(slot_a, slot_b):
                continue
            if _day_of_month(slot_a) != _day_of_month(slot_b):
                return True
            if max(listed_a[_slot_key(slot_a)], listed_b[_slot_key(slot_b)]) >= LIST_FIGURES:
                return True
    return False


def _one_way_number_conflict(a: Unit, b: Unit, same_role: bool) -> dict[str, Any] | None:
    if not a.number_slots or not b.number_slots:
        return None
    roles_b = list(zip(b.number_slots, b.number_roles, strict=True))
    needed_a, needed_b = _thresholds(a), _thresholds(b)
    percent_a, percent_b = _percents(a.narration), _percents(b.narration)
    # The ends of a range ("five to 99 years") bound what may be: no figure of their own.
    ranges_a, ranges_b = _ranges(a.narration), _ranges(b.narration)
    # A count of the rest ("five other committees") is no figure of the whole.
    ranges_a, ranges_b = ranges_a | _rests(a.narration), ranges_b | _rests(b.narration)
    listed_a, listed_b = _listed_values(a), _listed_values(b)
    for slot_a, (va, _, verb_a, part_a) in zip(a.number_slots, a.number_roles, strict=True):
        if va in ranges_a:
            continue
        candidates = []
        for slot_b, (vb_, _, verb_b, part_b) in roles_b:
            if vb_ in ranges_b:
                continue
            if not _same_noun(slot_a, slot_b):
                continue
            # A day of the month is no count ("killed 50" / "the attack on Dec. 27 that
            # killed"), a percentage no count of points, and a figure of a noun another
            # sentence lists several figures of may be any of them.
            if _day_of_month(slot_a) != _day_of_month(slot_b):
                continue
            # A year against another figure is the year of a date ("the Sept. 11, 2001,
            # attacks" / "the Sept. 11 attacks"), no second count.
            if is_year(va) != is_year(vb_):
                continue
            if (va in percent_a) != (vb_ in percent_b):
                continue
            if max(listed_a[_slot_key(slot_a)], listed_b[_slot_key(slot_b)]) > 1:
                continue
            same_verb = bool(verb_a) and verb_a == verb_b
            if (part_a or part_b or same_role) and not same_verb:
                continue
            if _other_quantity(slot_a, va in needed_a, vb_ in needed_b, same_verb):
                continue
            if _orders_apart(slot_a, slot_b) and not a.numbers_set & b.numbers_set:
                continue
            candidates.append((slot_b[0], same_verb))
        same_role = any(same for _, same in candidates)
        if same_role:
            candidates = [c for c in candidates if c[1]]
        if not candidates or va in {vb for vb, _ in candidates}:
            continue
        vb = candidates[0][0]
        # When one sentence gives both figures, the other's is a part it counts ("three
        # bombs exploded outside the camp: two landed near the airfield" / "the other two
        # bombs were dropped near the airstrip"), not a different count.
        if not same_role and ({va, vb} <= a.numbers_set or {va, vb} <= b.numbers_set):
            continue
        if _may_agree(a, va, b, vb) or (not (is_year(va) or is_year(vb)) and may_round(va, vb)):
            continue
        _, before_a, after_a = slot_a
        dated = (is_year(va) and is_year(vb)) or bool({after_a, before_a} & MONTHS)
        return {"kind": "date" if dated else "number", "values": [va, vb]}
    return None


# Read once per sentence: the pair checks below run for every candidate pair of a story.
@lru_cache(maxsize=16384)
def _narration_thresholds(narration: str) -> frozenset[str]:
    return frozenset(threshold_numbers(words(narration)))


@lru_cache(maxsize=16384)
def _ranges(narration: str) -> frozenset[str]:
    return frozenset(range_numbers(words(narration)))


@lru_cache(maxsize=16384)
def _rests(narration: str) -> frozenset[str]:
    return frozenset(rest_numbers(words(narration)))


def _rest_against_figure(a: Unit, b: Unit) -> bool:
    """Whether a counts the rest of something ("five other committees") that b gives a
    figure of by the same noun ("Six committees")."""
    rests = _rests(a.narration)
    if not rests:
        return False
    nouns = {slot[2] for slot in a.number_slots if slot[0] in rests and slot[2]}
    if not nouns:
        return False
    rests_b = _rests(b.narration)
    if any(slot[0] in rests_b and slot[2] in nouns for slot in b.number_slots):
        return False  # both count the rest ("eight other amendments" in both)
    return any(_slot_key(slot) in nouns for slot in b.number_slots)


@lru_cache(maxsize=16384)
def _percents(narration: str) -> frozenset[str]:
    return frozenset(percent_values(narration))


def _thresholds(unit: Unit) -> frozenset[str]:
    return _narration_thresholds(unit.narration)


def _other_quantity(
    slot: tuple[str, str, str], needed_a: bool, needed_b: bool, same_verb: bool
) -> bool:
    """Whether two figures of one noun are two quantities, not one given twice: a
    threshold and a count ("the 51 votes required" / "four senators could form a
    majority"), two thresholds or two shares of different purposes ("51 votes required to
    set the rules" / "67 votes needed to remove"; "54 percent favored" / "48 percent
    support")."""
    if needed_a != needed_b:
        return True
    if needed_a or slot[2] in SHARE_NOUNS:
        return not same_verb
    return False


def _different_quantities(a: Unit, b: Unit) -> bool:
    """Whether the two units give figures of one noun that are two quantities (see
    _other_quantity): statements of two facts, not one fact two sources tell apart."""
    if not a.number_slots or not b.number_slots:
        return False
    needed_a, needed_b = _thresholds(a), _thresholds(b)
    ranges_a, ranges_b = _ranges(a.narration), _ranges(b.narration)
    for slot_a, (va, _, verb_a, _) in zip(a.number_slots, a.number_roles, strict=True):
        for slot_b, (vb, _, verb_b, _) in zip(b.number_slots, b.number_roles, strict=True):
            if va == vb or not _same_noun(slot_a, slot_b):
                continue
            # A range of what may be and a figure of what is, or was asked ("faces five
            # to 99 years" / "asked for 28 years"): two quantities.
            if (va in ranges_a) != (vb in ranges_b):
                return True
            same_verb = bool(verb_a) and verb_a == verb_b
            if _other_quantity(slot_a, va in needed_a, vb in needed_b, same_verb):
                return True
            if _orders_apart(slot_a, slot_b) and not a.numbers_set & b.numbers_set:
                return True
    return False


# Two counts of one noun this many times apart are a whole and a part, not one count told
# two ways: a war's toll and one attack's ("more than 640 Palestinians killed" / "the
# attack on one of his schools killed 40 Palestinians").
ORDERS_APART = 10


def _orders_apart(slot_a: tuple[str, str, str], slot_b: tuple[str, str, str]) -> bool:
    """Whether two figures counting a noun (not a time of day, a year or a span) are
    ORDERS_APART times apart or more."""
    (va, _, noun_a), (vb, _, noun_b) = slot_a, slot_b
    if not noun_a or not noun_b or is_year(va) or is_year(vb):
        return False
    if {stem(noun_a), stem(noun_b)} & TIME_WORDS or _CLOCK.match(noun_a) or _CLOCK.match(noun_b):
        return False
    try:
        x, y = float(va), float(vb)
    except ValueError:
        return False
    return min(x, y) > 0 and max(x, y) >= ORDERS_APART * min(x, y)


_CLOCK = re.compile(r"[ap]\.?m\b|o'?clock", re.IGNORECASE)


def _may_agree(a: Unit, va: str, b: Unit, vb: str) -> bool:
    """Whether two figures, read with their bounds and estimates (slots.number_ranges),
    may name one value: "more than eight minutes" / "nearly nine minutes" round one
    figure two ways."""
    ranges_a = [(lo, hi) for v, lo, hi in number_ranges(words(a.narration)) if v == va]
    ranges_b = [(lo, hi) for v, lo, hi in number_ranges(words(b.narration)) if v == vb]
    if not ranges_a or not ranges_b:
        return False
    (lo_a, hi_a), (lo_b, hi_b) = ranges_a[0], ranges_b[0]
    return lo_a <= hi_b and lo_b <= hi_a


_TIME_OF_DAY = frozenset(
    "next last late early this morning night evening afternoon midnight noon".split()
)


def _weekday_slots(unit: Unit) -> list[tuple[str, str]]:
    """Each weekday named with the event word before it ("closed on Monday" -> clos):
    "on Monday" and "on Tuesday" only conflict when they date the same event."""
    out = []
    prev = ""
    for w in unit.stems:
        if w in WEEKDAYS:
            out.append((w, prev))
        elif w not in _TIME_OF_DAY and not w.startswith("#"):
            prev = slot_word(w)
    return out


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Seasons (northern), quarters and halves of a year: (first month, months).
_YEAR_PART = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_YEAR_PARTS = {
    "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3),
    "Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3), "Q4": (10, 3), "H1": (1, 6), "H2": (7, 6),
}  # fmt: skip


@lru_cache(maxsize=4096)
def date_interval(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX date value covers ("2025-10" -> Oct. 1-31), or None
    for values that are no calendar span (weeks, seasons, PAST_REF)."""
    m = _ISO_DATE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = date(year, int(month), int(day))
            return d, d
        if month:
            first = date(year, int(month), 1)
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _within_part(month: str, part: str) -> bool:
    """Whether a month ("2012-05") falls in a season, quarter or half of a year ("2012-SP",
    "2012-Q2"). Kept to written dates that conflict: as a span in date_gap a season would
    date every clause of "in the fall" and part statements it never did."""
    m, p = _ISO_DATE.match(month), _YEAR_PART.match(part)
    if not m or not m.group(2) or not p:
        return False
    first, months = _YEAR_PARTS[p.group(2)]
    year, mon = int(m.group(1)), int(m.group(2))
    index = (year - int(p.group(1))) * 12 + mon  # months from January of the part's year
    return first <= index < first + months


def date_gap(dates_a: Iterable[str], dates_b: Iterable[str]) -> int | None:
    """Days between the nearest two of two sets of dates (0 when any overlap: "2008" and
    "2008-12-19"), or None when either set has no calendar date."""
    spans_a = [s for s in map(date_interval, dates_a) if s]
    spans_b = [s for s in map(date_interval, dates_b) if s]
    if not spans_a or not spans_b:
        return None
    return min(max(0, (b0 - a1).days, (a0 - b1).days) for a0, a1 in spans_a for b0, b1 in spans_b)


_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-\d$")
_MONTH_VALUE = re.compile(r"^XXXX-\d{2}$")


def _weekday_and_month(dates_a: set[str], dates_b: set[str]) -> bool:
    """Whether, in articles without a publication date (TIMEX values left as XXXX), one
    statement is dated only by a weekday and the other only by a bare month: a weekday
    names a day of the week the article was written in, a bare month name ("in January")
    in news another month than the current one (which is "this month")."""
    for days, months in ((dates_a, dates_b), (dates_b, dates_a)):
        if (
            days
            and months
            and all(_WEEKDAY_VALUE.match(d) for d in days)
            and all(_MONTH_VALUE.match(m) for m in months)
        ):
            return True
    return False


def different_events(a: Unit, b: Unit) -> bool:
    """Whether two statements tell different events, however alike their words: dated too
    far apart (see MAX_DISPUTED_DAYS; a clause without a date of its own is dated by its
    sentence), set in different places of one kind ("Upper Nile state" / "Unity state"),
    about different things of one label ("Suspect No. 1" / "suspect 2"), or counting different things ("eight residents were treated" / "four firefighters
    were among the injured")."""
    dates_a, dates_b = a.firm_dates or a.sentence_dates, b.firm_dates or b.sentence_dates
    gap = date_gap(dates_a, dates_b)
    if gap is None and _weekday_and_month(dates_a, dates_b):
        return True
    if gap is not None and gap > MAX_DISPUTED_DAYS:
        return True
    # A count given as of two different days ("As of Friday, 33 states had ..." / "As of
    # Tuesday, 28 states ...") is a running figure read twice, not two sources at odds.
    on_a, on_b = _days(a), _days(b)
    if on_a and on_b and on_a.isdisjoint(on_b) and number_conflict(a, b) is not None:
        return True
    if any(a.places[k].isdisjoint(b.places[k]) for k in a.places.keys() & b.places.keys()):
        return True
    # Two things of one label ("Suspect No. 1" / "suspect 2", "Flight 302" / "flight 88").
    if other_numbered(a.text, b.text):
        return True
    # A count of the rest against a figure of the same noun ("five other committees" /
    # "Six committees", "eight other amendments" / "a series of amendments"): two counts.
    if _rest_against_figure(a, b) or _rest_against_figure(b, a):
        return True
    # A threshold and a count, or shares of two questions, are two facts: aligned, they
    # would read as one fact agreed or disputed.
    if _different_quantities(a, b) or _unreadable_figures(a, b):
        return True
    counts_a, counts_b = _counts(a), _counts(b)
    return (
        bool(counts_a and counts_b)
        and counts_a.isdisjoint(counts_b)
        and not (counts_a | counts_b) & _ANY_PERSONS
        and a.numbers_set.isdisjoint(b.numbers_set)
    )


# "People" counts any persons: "48,000 people" may be the "84,000 patients" of another
# source (a dispute), while "eight residents" are not "four firefighters".
_ANY_PERSONS = frozenset({"people", "person"})


def _counts(unit: Unit) -> set[str]:
    """What the unit's numbers count, years, dates and clock times aside."""
    return {
        noun
        for value, noun, _, part in unit.number_roles
        if noun
        and not part
        and not is_year(value)
        and noun not in MONTHS
        and noun not in _TIME_UNITS
    }


# Words after a number that make it a time, not a count ("2:53 p.m.", "07:28 GMT").
_TIME_UNITS = frozenset("p pm am gmt utc edt est bst cet local".split())


def _days(unit: Unit) -> set[str]:
    """The unit's dates of day precision, weekdays and times resolved ("Sunday morning")."""
    return {d for d in unit.firm_dates if len(d) == 10 and date_interval(d)}


def _reported_day(unit: Unit) -> bool:
    """Whether the unit's only weekday dates its reporting, not its fact ("was shot down,
    according to reports on Thursday", "officials said Monday"): the day a source heard of
    it, which another source's day of the event does not contradict."""
    days = _weekday_slots(unit)
    return len(days) == 1 and (days[0][1] in REPORTING or bool(_SAID_ON_DAY.search(unit.narration)))


# A verb of saying right before the weekday, which the event words leave out: "Trump said
# on Wednesday", "disclosed it on Tuesday", "told reporters late Monday".
_SAID_ON_DAY = re.compile(
    r"\b(?:said|says|told(?:\s+\w+)?|announced|reported|disclosed|revealed|confirmed)"
    r"(?:\s+(?:it|this|that))?\s+(?:on\s+|late\s+|early\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def days_of_other_events(a: Unit, b: Unit) -> bool:
    """Whether the units name one weekday each, different, for different happenings ("the
    autopsy was performed Monday" / "Holder on Sunday ordered an autopsy", "a video
    published Tuesday" / "were analyzing Wednesday a video"): two events, no dispute."""
    days_a, days_b = weekday_verbs(a.narration), weekday_verbs(b.narration)
    if len(days_a) != 1 or len(days_b) != 1:
        return False
    (day_a, verb_a), (day_b, verb_b) = days_a[0], days_b[0]
    return day_a != day_b and bool(verb_a) and bool(verb_b) and verb_a != verb_b


def date_conflict(a: Unit, b: Unit) -> dict[str, Any] | None:
    """Dates written out in both (not resolved from "next Thursday", which may be resolved
    wrongly), of the same precision, sharing nothing; else differing weekday names."""
    if a.explicit_dates and b.explicit_dates and not a.explicit_dates & b.explicit_dates:
        for da in sorted(a.explicit_dates):
            for db in sorted(b.explicit_dates):
                if len(da) == len(db) and da[:1].isdigit() and db[:1].isdigit():
                    if _within_part(da, db) or _within_part(db, da):
                        continue  # "in May 2012" / "in the spring of 2012": one within the other
                    return {"kind": "date", "values": [da, db]}
    if a.dates & b.dates or days_of_other_events(a, b):
        return None
    # One day each, resolved through the article's own date ("on Saturday" in an article of
    # Oct. 25 = Oct. 25; "on Sunday morning" in one of Oct. 27 = Oct. 26), a day or two
    # apart: the sources disagree on when it happened.
    on_a, on_b = _days(a), _days(b)
    if len(on_a) == 1 and len(on_b) == 1 and not (_reported_day(a) or _reported_day(b)):
        gap = date_gap(on_a, on_b)
        if gap is not None and 0 < gap <= MAX_DISPUTED_DAYS:
            return {"kind": "date", "values": [*on_a, *on_b]}
    # One weekday each, in statements of one event (close predicates): "on Monday" vs
    # "on Tuesday". With more dates about, a weekday may belong to another event.
    days_a, days_b = _weekday_slots(a), _weekday_slots(b)
    if len(days_a) == 1 and len(days_b) == 1:
        (day_a, slot_a), (day_b, slot_b) = days_a[0], days_b[0]
        # A word of time before both ("a week from Tuesday" / "next week ... Wednesday")
        # is no event the two days date.
        if day_a != day_b and slot_a and slot_a == slot_b and slot_a not in TIME_WORDS:
            return {"kind": "date", "values": [day_a, day_b]}
    return None


# Neighbours of a name that are no role in an event: a time ("General Soleimani, on
# Wednesday" / "The Pentagon said Wednesday"). Two people next to one only tell two facts.
_NO_ROLE_SLOTS = TIME_WORDS | WEEKDAYS | MONTHS
# Letters a transliteration adds to the end of a name ("Zelensky" / "Zelenskiy").
SPELLING_SUFFIX = 2


def spelled_alike(a: str, b: str) -> bool:
    """One name spelled two ways: the same letters but the last one, and up to two letters
    more at the end ("Zelensky" / "Zelenskiy"; "Smith" / "Smyth" stay two names)."""
    short, long = sorted((a, b), key=len)
    if len(short) < 4 or len(long) - len(short) > SPELLING_SUFFIX:
        return False
    return long.startswith(short[:-1])


def _other_people(a: Unit, b: Unit) -> list[tuple[str, str, bool]]:
    """(name in a, name in b, credible): different people, each named by one unit only, next
    to the same word ("the suspect, John Smith, was" / "the suspect, John Smyth, was"), one
    name spelled two ways aside. Credible as one role filled by two names when that word is
    a role, not a time (_NO_ROLE_SLOTS)."""
    # A person the other unit names anywhere (not only next to a word) is no other person.
    names_b = {n for n, _, _ in b.names} | b.people
    names_a = {n for n, _, _ in a.names} | a.people
    out = []
    for na, left_a, right_a in a.names:
        if na in names_b or any(spelled_alike(na, n) for n in names_b):
            continue  # "Zelenskiy" in one, "Zelensky" anywhere in the other: one person
        for nb, left_b, right_b in b.names:
            if nb in names_a or any(spelled_alike(nb, n) for n in names_a):
                continue
            slots = (({left_a} & {left_b}) | ({right_a} & {right_b})) - {""}
            if not slots:
                continue
            out.append((na, nb, bool(slots - _NO_ROLE_SLOTS)))
    return out


def name_conflict(a: Unit, b: Unit) -> dict[str, Any] | None:
    """Different people in one role (see _other_people)."""
    for na, nb, credible in _other_people(a, b):
        if credible:
            return {"kind": "name", "values": [na, nb]}
    return None


def people_apart(a: Unit, b: Unit) -> bool:
    """Whether the units name two different people next to one word that is no role (a
    time): two facts, neither one fact agreed nor one disputed."""
    people = _other_people(a, b)
    return bool(people) and not any(credible for _, _, credible in people)


_NOT_YET = re.compile(
    r"\b(?:yet\s+to|not\s+yet|n[o']t\s+\w+\s+yet|still\s+(?:not|no)|no\s+longer)\b", re.IGNORECASE
)


def _negation_conflict(a: Unit, b: Unit) -> dict[str, Any] | None:
    """One says it, the other says it did not: only for close paraphrases."""
    if not denies(a, b):
        return None
    negated = a if a.negated else b
    if _NOT_YET.search(negated.narration):
        # "Lawmakers have yet to see the complaint" / "were allowed to see the complaint":
        # what had not happened when one wrote had happened when the other did.
        return None
    sa, sb = set(a.stems), set(b.stems)
    if len(sa & sb) / max(1, len(sa | sb)) < 0.4:
        return None
    return {"kind": "negation", "values": [a.text, b.text] if a.negated else [b.text, a.text]}


def denies(a: Unit, b: Unit) -> bool:
    """Whether one unit negates what the other states ("the man had not been identified" /
    "the video identifies the second man"). The negation must deny what the other states:
    "did not address the charges, which include murder" denies addressing, not the charges
    the other sentence lists."""
    if a.negated == b.negated:
        return False
    negated, other = (a, b) if a.negated else (b, a)
    heads = _negated_heads(negated.narration)
    said, words_said = _said(other.narration)
    # The other denies too, with a negative adjective: "no casualties have been confirmed"
    # / "casualty figures remain unconfirmed".
    if words_said & NEGATIVE_ADJECTIVES:
        return False
    for h in heads:
        if len(h) < MIN_WORD_PREFIX:
            if h in said.get("", ()):
                return True
        elif any(_same_word(h, w) for w in said.get(h[:MIN_WORD_PREFIX], ())):
            return True
    return False


# Read once per sentence: the pair checks run for every candidate pair of a story.
@lru_cache(maxsize=16384)
def _negated_heads(narration: str) -> frozenset[str]:
    return frozenset(slot_word(w) for w in negated_words(negation_words(narration)))


@lru_cache(maxsize=16384)
def _said(narration: str) -> tuple[dict[str, set[str]], frozenset[str]]:
    """The sentence's words met as slot words, by their first letters (words shorter than
    that under ""), and its words as written."""
    tokens = words(narration)
    by_prefix: dict[str, set[str]] = {}
    for w in {slot_word(t) for t in tokens}:
        key = w[:MIN_WORD_PREFIX] if len(w) >= MIN_WORD_PREFIX else ""
        by_prefix.setdefault(key, set()).add(w)
    return by_prefix, frozenset(tokens)


# Adjectives that state a negation ("unconfirmed" = not confirmed).
NEGATIVE_ADJECTIVES = frozenset(
    """unconfirmed unknown unclear unidentified unverified unsure unharmed uninjured
    unsuccessful unable unlikely unaware unavailable unanswered unresolved unspecified
    undisclosed unnamed""".split()
)


# Letters two forms of one word share at the least ("use" / "used", "address" / "addres").
MIN_WORD_PREFIX = 3


def _same_word(a: str, b: str) -> bool:
    """Whether two crude stems are forms of one word: one starts with the other."""
    if min(len(a), len(b)) < MIN_WORD_PREFIX:
        return a == b
    return a.startswith(b) or b.startswith(a)


def plan_and_happening(a: Unit, b: Unit) -> bool:
    """Whether one unit's sentence tells a plan ("is scheduled to appear ... on Thursday")
    and the other's a happening: their days date two events, whatever their words share."""
    return a.planned != b.planned


def find_conflict(
    members: Sequence[Unit], aligned: Callable[[Unit, Unit], bool] | None = None
) -> dict[str, Any] | None:
    """The first conflict between aligned statements of different sources, or None. With
    `aligned`, only pairs it accepts are compared: a claim joins statements through others
    ("Kim met Xi" / "Kim met Xi, and Moon" / "Kim met Moon"), and two that were never
    aligned with each other state no one fact to differ on."""
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a.source == b.source or (aligned is not None and not aligned(a, b)):
                continue
            for conflict in (
                None if plan_and_happening(a, b) else date_conflict(a, b),
                number_conflict(a, b),
                name_conflict(a, b),
                _negation_conflict(a, b),
            ):
                if conflict is not None:
                    conflict["article_ids"] = [a.article_id, b.article_id]
                    return conflict
    return None
