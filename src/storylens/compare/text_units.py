"""Sentence units of a story's articles, and the features used to compare them.

Comparing sources means comparing what each article states in its own voice:
the narrator's sentences, with quoted speech set aside (quotes are aligned
separately), boilerplate dropped (credits, bylines, embed lines) and words
reduced to comparable forms (lower case, crude stems, "cease-fire" =
"ceasefire", "twelve" = "12").

This module builds the units (build_units: one per clause of every article) and
fills in their features; the pieces it builds on each hold one idea:
wordforms (normalized words and word lists), clauses (sentence and clause
spans), narration (quotes blanked, boilerplate and headlines), mentions (entity
keys and he/she), predicates (what happens: event words and frames) and slots
(numbers and what they count). Names other modules import from here are
re-exported (see __all__).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from storylens.analyze.people import TITLE_WORDS
from storylens.analyze.text import DATELINE, LINE_LABEL
from storylens.compare.clauses import (
    MIN_CONTENT_WORDS,
    clause_spans,
    sentence_spans,
    trim_span,
)
from storylens.compare.disjoint import DisjointSets
from storylens.compare.mentions import (
    PRONOUN_WORD,
    acronyms,
    entity_key,
    named_people,
    resolve_pronoun,
    spelled_out,
)
from storylens.compare.narration import (
    QUOTED_BY_MARKS,
    blank_quotes,
    hover_cards,
    is_boilerplate,
    is_headline,
    is_time_stamp,
    quote_mark_share,
    speaks_in_first_person,
)
from storylens.compare.predicates import SYNONYMS, frame_words, predicate_words
from storylens.compare.slots import (
    identifier_values,
    number_roles,
    number_slots,
    numbers_in_context,
    without_identifiers,
)
from storylens.compare.wordforms import (
    MONTHS,
    STOPWORDS,
    WEEKDAYS,
    content_stems,
    is_negated,
    is_number,
    negation_words,
    stem,
    words,
)
from storylens.model import Analysis, StoredArticle, TimeExpression

# The names defined here, and those importers outside compare/ still read from here
# (summary_llm, coverage, people, eval), re-exported from the modules that hold them.
__all__ = [
    "Item",
    "Unit",
    "admin_places",
    "build_units",
    "content_stems",
    "independent_sources",
    "is_number",
    "is_statement",
    "outlet_of",
    "sentence_spans",
    "words",
]

Item = tuple[StoredArticle, Analysis]


def _neighbour_word(tokens: list[str], step: int) -> str:
    for tok in tokens if step > 0 else reversed(tokens):
        if tok not in STOPWORDS and not is_number(tok):
            return stem(tok)
    return ""


@dataclass(slots=True)
class Unit:
    """One sentence of one article, as compared across the story."""

    index: int  # position in the story's unit list
    item: int  # position of its article in `items`
    article_id: str
    outlet: str
    source: int  # independent-source group: copies and same-outlet articles share one
    start: int
    end: int
    text: str  # the sentence as written
    narration: str  # the sentence with direct quotes and tweets blanked out
    position: int  # sentence number within its article (0 = lead)
    stems: list[str] = field(default_factory=list)
    entities: set[str] = field(default_factory=set)
    quoted_share: float = 0.0
    # Only names and titles, no statement ("Rep. Dave Camp, Michigan Republican").
    names_only: bool = False
    # Features for conflict detection (see conflicts.find_conflict).
    numbers: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    names: list[tuple[str, str, str]] = field(default_factory=list)
    dates: set[str] = field(default_factory=set)
    negated: bool = False
    # The words that say what happens (not who, when or how many): content stems outside
    # named entities, numbers and dates, with attribution frames and reporting verbs left
    # out and event synonyms met ("hurt" = "injured"). Two statements of one fact share some.
    preds: set[str] = field(default_factory=set)
    # Dates written out in the unit ("Oct. 3", "2025"), as opposed to dates inferred from
    # relative expressions ("next Thursday"), which may be resolved wrongly.
    explicit_dates: set[str] = field(default_factory=set)
    # The dates (TIMEX values, times cut to their day) of the unit's whole sentence,
    # quotes aside: when a clause of it happened, if the clause does not say.
    sentence_dates: set[str] = field(default_factory=set)
    # The unit's dates without those of ambiguous weekdays ("next Thursday"), which may be
    # resolved a week off: the dates that dispute or part statements.
    firm_dates: set[str] = field(default_factory=set)
    # Administrative places named with their kind: {"state": {"unity"}} for "in Unity
    # State" (see admin_places).
    places: dict[str, set[str]] = field(default_factory=dict)
    # Part of a headline or dateline line at the top of the text (see is_headline).
    headline: bool = False
    # Each number with the slot it fills: the nearest content word after it (what is
    # counted: "14 people", "$4.6 million") and before it ("injured 14").
    number_slots: list[tuple[str, str, str]] = field(default_factory=list)
    numbers_set: set[str] = field(default_factory=set)
    # The people the unit names or refers to by he/she (entity keys): an event's
    # participants, as compared across articles.
    people: set[str] = field(default_factory=set)
    # The stems as claims compare them: frames and event words met (see frame_words).
    terms: list[str] = field(default_factory=list)
    # The words of who reports the statement ("Deputy Fire Chief Anselm Truby said"):
    # two statements of one spokesman share them, not a fact (see claims).
    speaker_terms: set[str] = field(default_factory=set)
    # Each number with its role: (number, counted noun, verb, partitive); see number_roles.
    number_roles: list[tuple[str, str, str, bool]] = field(default_factory=list)
    # The span of the unit's whole sentence (a dateline aside): what a claim of a clause
    # no other source states cites, so that the reader gets a statement, not a piece.
    sentence_start: int = 0
    sentence_end: int = 0
    # It tells a plan ("will vote", "is scheduled to appear"), in its own words or, for a
    # clause cut from its sentence ("before the committee on Thursday"), in the words of
    # the sentence before it.
    planned: bool = False


# Words of a plan: what a sentence with them dates has not happened yet.
PLANNED = re.compile(
    r"\b(?:will|'ll|(?:is|are)\s+(?:expected|scheduled|set|due|slated)\s+to|plans?\s+to)\b",
    re.IGNORECASE,
)


def outlet_of(stored: StoredArticle) -> str:
    """The outlet name, or the article id when the outlet is unknown."""
    return stored.article.outlet or stored.article.id


def independent_sources(items: Sequence[Item]) -> list[int]:
    """For each article, a group id: copies of one original and articles of one outlet share
    a group, because they are not independent confirmations of each other."""
    sets = DisjointSets(len(items))
    first_by_key: dict[object, int] = {}
    for i, (stored, _) in enumerate(items):
        for key in (
            ("outlet", stored.article.outlet),
            ("copy", stored.copy_of if stored.copy_of is not None else stored.key),
        ):
            if key[1] is None:
                continue
            if key in first_by_key:
                sets.union(i, first_by_key[key])
            else:
                first_by_key[key] = i
    return [sets.find(i) for i in range(len(items))]


# seem to differ by a week, so such dates neither dispute nor part two statements.
_AMBIGUOUS_WEEKDAY = re.compile(
    r"\b(?:next|last|this|coming|past)\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    re.IGNORECASE,
)
_DAY_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?=T)")


def _date_of(t: TimeExpression) -> str:
    """The calendar date a time expression names: a DATE's value, the day of a TIME
    ("Sunday morning" = 2025-10-26TMO -> 2025-10-26); "" for durations and sets."""
    if t.type == "DATE":
        return t.value
    if t.type == "TIME" and (m := _DAY_TIME.match(t.value)) and not _CLOCK_ONLY.match(t.text):
        return m.group(0)
    return ""


# A clock time that names no day ("2:50 p.m.", "3 p.m. ET", "noon"): its day is the
# publication day only by assumption, so it dates no statement ("The explosions occurred at
# 2:50 p.m." is no dispute of "shortly before 3 p.m. Monday").
_CLOCK_ONLY = re.compile(
    r"^[\d:.\s]*(?:[ap]\.?\s?m\.?|o'clock|noon|midnight)?(?:\s*[A-Z]{2,4})?\.?$", re.IGNORECASE
)


_DAY_VALUE = re.compile(r"^(\d{4}|XXXX)(-\d{2}-\d{2})$")
_YEAR_TEXT = re.compile(r"\b\d{4}\b")


def _day_without_year(t: TimeExpression) -> bool:
    """Whether a date names a month and a day and no year ("April 9", "Nov. 8"): its year
    was read from the article's date, which articles without one infer or leave open."""
    if t.type != "DATE" or _YEAR_TEXT.search(t.text):
        return False
    toks = words(t.text)
    return any(w in MONTHS for w in toks) and any(w.isdigit() for w in toks)


def _story_years(items: Sequence[Item]) -> dict[str, str]:
    """For each day of a month the story's articles date ("-04-09"), the year they give it
    most often, years written out counting double."""
    votes: dict[str, Counter[str]] = {}
    for _, analysis in items:
        for t in analysis.times:
            m = _DAY_VALUE.match(t.value)
            if t.type == "DATE" and m and m.group(1) != "XXXX":
                weight = 2 if _YEAR_TEXT.search(t.text) else 1
                votes.setdefault(m.group(2), Counter())[m.group(1)] += weight
    return {day: c.most_common(1)[0][0] + day for day, c in votes.items()}


def _with_story_years(analysis: Analysis, years: dict[str, str]) -> Analysis:
    """The analysis with each day named without a year ("on April 9") given the year the
    story gives that day: articles whose dates were inferred differently, or not at all
    (XXXX-04-09), name one day, not days a year apart (which would tell two events)."""
    times = []
    changed = False
    for t in analysis.times:
        m = _DAY_VALUE.match(t.value)
        if m and _day_without_year(t) and years.get(m.group(2), t.value) != t.value:
            t = replace(t, value=years[m.group(2)])
            changed = True
        times.append(t)
    return replace(analysis, times=times) if changed else analysis


def _in_speech(t: TimeExpression, speech: list[tuple[int, int]]) -> bool:
    return any(a <= t.start < b for a, b in speech)


_LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def _names_only(narration: str, names: list[tuple[int, int]]) -> bool:
    """Whether the narration's content words are all names and titles ("Rep. Dave Camp,
    Michigan Republican", left by a cut before "said"): it states nothing."""
    content = [
        m
        for m in _LETTER_WORD.finditer(narration)
        if m.group().lower().strip(".") not in STOPWORDS
        and not any(a <= m.start() < b for a, b in names)
    ]
    return bool(names) and all(
        m.group().lower() in TITLE_WORDS or m.group().lower().rstrip(".") in TITLE_WORDS
        for m in content
    )


def _speaker_spans(analysis: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    """The mentions of who reports a statement ("Deputy Fire Chief Anselm Truby said",
    "according to the authority") inside the unit, relative to it: speakers of reporting
    cues only, not the subjects of other verbs read as cues ("City officials ordered")."""
    spans = []
    for q in analysis.quotes:
        spk, cue = q.speaker, q.cue
        if spk is None or spk.start is None or spk.end is None or cue is None:
            continue
        if not (start <= spk.start and spk.end <= end):
            continue
        if not _REPORTING_CUE.match(cue.text):
            continue
        spans.append((spk.start - start, spk.end - start))
    return spans


_REPORTING_CUE = re.compile(
    r"(?i)\s*(?:(?:has|have|had)\s+)?(?:said|says|say|told|tells|according|added|adds|stated|"
    r"explained|noted|wrote|confirmed|announced|reported)\b"
)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = " "
    return "".join(chars)


def _unit_features(
    unit: Unit,
    text: str,
    analysis: Analysis,
    speech: list[tuple[int, int]],
    sentence: tuple[int, int],
) -> None:
    start, end = unit.start, unit.end
    narration = unit.narration
    mentions = [
        m
        for m in analysis.entities
        if m.start >= start
        and m.end <= end
        and m.label not in ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
        and narration[m.start - start : m.end - start].strip()
        # A name that runs into blanked words is misread ("Trump Donald John TrumpDem",
        # glued to a hover card's first headline): not this unit's name.
        and narration[m.end - start - 1] == text[m.end - 1]
    ]
    unit.entities = {k for k in (entity_key(m.text) for m in mentions) if k}
    unit.names_only = _names_only(narration, [(m.start - start, m.end - start) for m in mentions])
    unit.names = [
        (
            entity_key(m.text),
            _neighbour_word(words(narration[: m.start - start]), -1),
            _neighbour_word(words(narration[m.end - start :]), 1),
        )
        for m in mentions
        if m.label == "PERSON"
    ]
    unit.dates = {
        day
        for t in analysis.times
        if t.start >= start
        and t.end <= end
        and (day := _date_of(t))
        and narration[t.start - start : t.end - start].strip()
    }
    # The dates of the whole sentence: a clause cut from it ("after three cables were
    # damaged") happened when its sentence says ("... disrupted Friday").
    s0, s1 = sentence
    unit.sentence_dates = {
        day
        for t in analysis.times
        if t.start >= s0
        and t.end <= s1
        and (day := _date_of(t))
        and not _in_speech(t, speech)
        and not _AMBIGUOUS_WEEKDAY.search(t.text)
    }
    unit.firm_dates = {
        day
        for t in analysis.times
        if t.start >= start
        and t.end <= end
        and (day := _date_of(t))
        and narration[t.start - start : t.end - start].strip()
        and not _AMBIGUOUS_WEEKDAY.search(t.text)
    }
    tokens = words(narration)
    unit.stems = content_stems(narration)
    own_words = len(unit.stems)
    speakers = _speaker_spans(analysis, start, end)
    resolved: list[str] = []  # people the unit's he/she stand for, outside its speakers
    unit.people = {entity_key(m.text) for m in mentions if m.label == "PERSON"} - {""}
    unit.people |= named_people(narration, analysis)
    # A he/she stands for a person: count that person's name as said here too, as a
    # coreference-resolved text would.
    for m in PRONOUN_WORD.finditer(narration):
        name = resolve_pronoun(text, analysis, start + m.start(), m.group(0))
        if name:
            key = entity_key(name)
            if key:
                unit.people.add(key)
            if key and key not in unit.entities:
                unit.entities.add(key)
                unit.stems.append(stem(key))
                if not any(a <= m.start() < b for a, b in speakers):
                    resolved.append(key)
    unit.negated = is_negated(negation_words(narration))
    # Numbers of names ("Boeing 737", "Flight 302") are no quantities to compare.
    counted = without_identifiers(narration, identifier_values(text))
    counted_tokens = tokens if counted is narration else words(counted)
    unit.numbers = numbers_in_context(counted_tokens)
    unit.number_slots = number_slots(counted_tokens)
    unit.numbers_set = {v for v, _, _ in unit.number_slots}
    unit.number_roles = number_roles(counted)
    # What a number counts takes part in similarity as a word of its own ("#people"),
    # so that "12 people were hurt" and "injured 14 people" align on the slot and
    # differ, as a conflict, in the value.
    unit.stems.extend(f"#{after or before}" for _, before, after in unit.number_slots)
    # Claims compare stems with frames and event words met ("met" = "meeting").
    unit.terms = [SYNONYMS.get(w, w) for w in content_stems(frame_words(narration))]
    unit.terms += unit.stems[own_words:]  # resolved names and counted slots
    # Who reports it, in words no other part of the unit uses (see Unit.speaker_terms).
    stated = {SYNONYMS.get(w, w) for w in content_stems(frame_words(_blank(narration, speakers)))}
    unit.speaker_terms = {w for w in unit.terms if not w.startswith("#") and w not in stated} - {
        stem(k) for k in resolved
    }
    unit.preds = predicate_words(narration, [(m.start - start, m.end - start) for m in mentions])
    unit.places = admin_places(narration)
    unit.explicit_dates = {
        t.value
        for t in analysis.times
        if t.start >= start
        and t.end <= end
        and t.type == "DATE"
        and narration[t.start - start : t.end - start].strip()
        and _is_written_date(t.text)
    }


# Only the kind is matched in any case ("Upper Nile state", "Linden County"); the name
# is a run of capitalized words. Matching the name case-blind as well made every word
# of a sentence a candidate start (quadratic backtracking, a fifth of the time of a
# story's comparison) and let "X County and Y County" swallow X into one long name.
_ADMIN_KIND = re.compile(
    r"\b(?i:state|county|province|district|region|village|township|prefecture)\b"
)
_ADMIN_PLACE = re.compile(
    r"((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)\s+"
    r"((?i:state|county|province|district|region|village|township|prefecture))\b"
)


def admin_places(text: str) -> dict[str, set[str]]:
    """Places named with their kind ("Upper Nile state", "Linden County"), by kind:
    {"state": {"upper nile"}}. Two of one kind with different names are different places."""
    out: dict[str, set[str]] = {}
    if not _ADMIN_KIND.search(text):
        return out
    for m in _ADMIN_PLACE.finditer(text):
        name_words = m.group(1).split()
        if not name_words[-1][:1].isupper():
            continue
        # Only the capitalized run right before the kind ("in South Sudan's Upper Nile
        # state" -> Upper Nile), without a sentence-initial article.
        run: list[str] = []
        for w in reversed(name_words):
            if not w[:1].isupper() or w.lower() in STOPWORDS:
                break
            run.insert(0, w.lower())
        if run:
            out.setdefault(m.group(2).lower(), set()).add(" ".join(run))
    return out


def _is_written_date(text: str) -> bool:
    """A date spelled out with a day number or a year, not one resolved from "Monday"."""
    toks = words(text)
    return any(t.isdigit() for t in toks) and (
        any(t in MONTHS for t in toks) or any(len(t) == 4 and t.isdigit() for t in toks)
    )


_PARTICIPLE_START = re.compile(r"[a-z]+ing\s")


def _inherit_subject(unit: Unit, main: Unit) -> None:
    """A participial clause cut from its sentence (", closing the bridge indefinitely")
    has the main clause's subject, place and time: who and when it is about come from
    there, what happens from its own words."""
    unit.entities |= main.entities
    unit.people |= main.people
    unit.dates |= main.dates
    unit.stems.extend(w for w in main.stems if w in WEEKDAYS and w not in unit.stems)


def build_units(items: Sequence[Item], clauses: bool = True) -> list[Unit]:
    """Every clause (or, with clauses=False, every sentence) of every article, with its
    quote share and features."""
    groups = independent_sources(items)
    units: list[Unit] = []
    years = _story_years(items)
    for i, (stored, analysis) in enumerate(items):
        text = stored.article.text
        analysis = _with_story_years(analysis, years)
        # Partial quotes are phrases inside the narrator's own statement ("called for an
        # 'immediate cease-fire'"): they stay. Full quotes and tweets are speech, aligned
        # by the quote comparison, and are blanked out here.
        # A long indirect quote is speech too, unless no one is its source: "Demolition
        # crews are expected to begin ..." is the narrator's own statement.
        speech = [
            (q.start, q.end)
            for q in analysis.quotes
            if q.kind in ("direct", "tweet")
            or (q.kind == "indirect" and q.end - q.start > 200 and q.speaker is not None)
        ]
        # Never cut inside quoted words; the reported content of an indirect quote is the
        # narrator's paraphrase and may hold several facts, so it may be cut.
        protected = [(q.start, q.end) for q in analysis.quotes if q.kind != "indirect"]
        # A linked name's hover card (headlines of other articles glued into the sentence)
        # is no part of what the sentence states: blanked like speech, but not counted as
        # quoted.
        cards = hover_cards(text)
        for position, (s0, s1) in enumerate(sentence_spans(text, analysis)):
            s0, s1 = trim_span(text, s0, s1)
            # The wire dateline opens the story's first paragraph, which need not be the
            # text's first sentence: a headline or photo captions may come before it.
            if dateline := _dateline(text[s0:s1], position):
                s0 += dateline
            # A transcript's speaker label ("AMY GOODMAN: ") or a line label ("UPDATE: ")
            # names who speaks or what kind of line follows, not what happened.
            if label := LINE_LABEL.match(text, s0, s1):
                s0 = label.end()
            spans = clause_spans(text, s0, s1, protected) if clauses else [(s0, s1)]
            for start, end in spans:
                if end <= start:
                    continue
                sentence = text[start:end]
                narration = blank_quotes(text, start, end, speech)
                quoted = sum(
                    1 for a, b in zip(sentence, narration, strict=True) if a != b and a != " "
                )
                if cards:
                    narration = blank_quotes(text, start, end, speech + cards)
                letters = sum(1 for c in sentence if not c.isspace()) or 1
                unit = Unit(
                    index=len(units),
                    item=i,
                    article_id=stored.article.id,
                    outlet=outlet_of(stored),
                    source=groups[i],
                    start=start,
                    end=end,
                    text=sentence,
                    narration=narration,
                    position=position,
                    quoted_share=quoted / letters,
                    headline=is_headline(text[s0:s1], position),
                    sentence_start=s0,
                    sentence_end=s1,
                    planned=bool(
                        PLANNED.search(narration)
                        or (start > s0 and PLANNED.search(blank_quotes(text, s0, start, speech)))
                    ),
                )
                _unit_features(unit, text, analysis, speech, (s0, s1))
                previous = units[-1] if units else None
                if (
                    previous is not None
                    and previous.item == i
                    and previous.position == position
                    and _PARTICIPLE_START.match(sentence)
                ):
                    _inherit_subject(unit, previous)
                units.append(unit)
    _meet_acronyms(units)
    return units


# Sentences from the top of a text a dateline without a wire credit may open (a headline
# and a subtitle before it); further down only "CITY (AP) —" is surely one.
DATELINE_POSITIONS = 3


def _dateline(sentence: str, position: int) -> int:
    """The length of the wire dateline ("MINNEAPOLIS (AP) — ") opening a sentence, or 0."""
    m = DATELINE.match(sentence)
    if m is None or (position >= DATELINE_POSITIONS and "(" not in m.group(0)):
        return 0
    return m.end()


def _meet_acronyms(units: list[Unit]) -> None:
    """A unit that spells out the full name of an acronym another unit of the story uses
    ("Sudan Armed Forces" / "SAF") names that entity by the acronym too, as a participant
    and as a word compared."""
    used = [acronyms(u.narration) for u in units]
    known = set().union(*used)
    for unit, own in zip(units, used, strict=True):
        # A unit that writes both ("the Sudan Armed Forces, or SAF") has the word already.
        for acronym in sorted(spelled_out(unit.narration, known) - own):
            key = acronym.lower()
            if key not in unit.entities:
                unit.entities.add(key)
                unit.stems.append(key)
                unit.terms.append(key)


def is_statement(unit: Unit) -> bool:
    """A sentence worth comparing: mostly the narrator's words, not boilerplate, not a stub."""
    if unit.quoted_share > 0.5 or is_boilerplate(unit.text) or is_time_stamp(unit.text):
        return False
    if speaks_in_first_person(unit.narration):
        return False
    if quote_mark_share(unit.text) > QUOTED_BY_MARKS:
        return False
    if _NAME_AND_RELATIVE_ONLY.match(unit.text):
        return False
    return len(unit.stems) >= MIN_CONTENT_WORDS and not unit.names_only


# A name, or an opening participle's phrase, and the relative clause after it, cut from
# the sentence whose verb says what happened ("Trump, who described the investigation in a
# tweet"; "Describing his phone call, which is now the subject of three investigations"):
# no statement.
_NAME_AND_RELATIVE_ONLY = re.compile(
    r"^\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4},\s+(?:who|whose)"
    r"|[A-Z][a-z]+ing\b[^,;:]{0,80},\s+(?:who|whose|which))\b[^,;:]*[,;:]?\s*$"
)
