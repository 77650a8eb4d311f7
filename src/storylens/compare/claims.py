"""Claims: the factual statements of a story's articles, aligned across outlets.

Each article's narrated sentences (quotes aside, boilerplate dropped) are
compared across articles by TF-IDF cosine over content-word stems, plus a bonus
for shared named entities and numbers. Sentences that state the same fact are
joined greedily, best pair first, at most one sentence per article in a claim
(so a claim cannot drift along a chain of loosely related sentences). A claim
is "agreed" when at least two independent sources report it (copies of one
wire story, and articles of one outlet, count once), "disputed" when the
aligned statements differ in a number, a date, a name or negation, and
"single-source" otherwise.

Statements that tell different events are never aligned, however alike their words
(different_events): dated more than MAX_DISPUTED_DAYS apart, set in different places of
one kind, or counting different things. Loosely worded pairs must share an action, a verb
of one being a word of the other (storylens.compare.actions): a topic and its
participants alone make no fact.

Two outlets quoting the same words in their own sentences state one fact
(_same_quoted_words), and so do an acronym and its full name (mentions.spelled_out); a
predicate the whole story uses with a date few statements share makes a candidate pair
(an earlier event of the story's kind). What makes two aligned statements disagree, or
tell two facts, is in storylens.compare.conflicts.

Every rule here was measured by hand checks of the labels on examples/, ECB+ stories and
real news (storylens.eval.claims); what was kept, tried and reverted, with the figures, is
recorded in docs/decisions/claims.md. Read it before changing a rule.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from storylens.compare.actions import read_actions, share_action
from storylens.compare.captions import is_caption
from storylens.compare.conflicts import (
    date_conflict,
    days_of_other_events,
    denies,
    different_events,
    find_conflict,
    is_year,
    name_conflict,
    number_conflict,
    people_apart,
    plan_and_happening,
)
from storylens.compare.narration import (
    blank_quotes,
    hover_cards,
    is_foot_line,
    outside_quotes,
    partial_quotes,
    quote_mark_share,
    speaks_in_first_person,
)
from storylens.compare.predicates import (
    EVENT_CLASSES,
    SETTING_WORDS,
    TIME_WORDS,
    predicate_words,
)
from storylens.compare.text_units import Item, Unit, build_units, is_statement
from storylens.compare.wordforms import (
    MONTHS,
    WEEKDAYS,
    content_stems,
    stem,
)

# Tuned on invented pairs, examples/ and ECB+ topics (see storylens.eval.claims):
# paraphrases of one fact score 0.25-0.6, sentences of one story about other facts < 0.2.
# Tried (hand check): 0.26 joined one more right pair on the tuning split (examples/, ECB+
# 30_ecb, 41_ecbplus) and two wrong ones on the held-out 43_ecbplus; 0.24 joined five
# right and two wrong on tuning. Kept at 0.28.
ALIGN_THRESHOLD = 0.28
ENTITY_BONUS = 0.08  # per shared named entity, up to MAX_ENTITY_BONUS
MAX_ENTITY_BONUS = 0.16
# Two statements of one fact must also share what happens, not only who is involved:
# IDF-weighted overlap of their predicate words (Unit.preds).
PREDICATE_THRESHOLD = 0.2
# Lexical score above which a pair sharing a predicate word and two arguments needs no
# predicate overlap: same fact, predicate words diluted by lists or asides.
STRONG_LEXICAL = 0.5
# Different figures of one noun said with different verbs, or different people in one
# role, are one fact told two ways only in close paraphrases ("exposed 84,000 patients" /
# "gained access to 48,000 patients", 0.48); below this score they count two things ("two
# people who removed the bomb" / "29 people injured", 0.28; "63 seats lost" / "control 52
# seats", 0.32) or tell what two people did: two facts, vetoed. Hand check of the
# disputes of six ABP stores: all 11 such were wrong; above the score 3 of 5 were right.
# Below it, too, two statements of one fact share an action (_drop_pairs_without_action):
# 0.5 lost as many right pairs as wrong ones between 0.4 and 0.5 (docs/decisions).
CLOSE_PARAPHRASE = 0.4
# Named entities two units share from which on, with a shared predicate word, they need
# no further predicate overlap: the same list of places or people said of one thing
# ("services to Singapore, Malaysia, Saudi Arabia and Egypt were affected" / "countries
# were affected, including India, Saudi Arabia, Egypt and Malaysia").
SHARED_LIST = 3
# One shared content word ("replacement") is a topic, not a fact: two statements of one
# fact share two event words, or one event word and two participants
# ("officials will meet Gantz, Harris and Sullivan" / "Gantz met Harris and Sullivan"),
# participants, dates and counts alike.
MIN_ARGUMENTS = 2
# People two statements of one event name (after he/she resolution), when they share an
# event class but not their wording: "Gantz met Harris" / "the meeting with Gantz, Harris".
MIN_PARTICIPANTS = 2
# A predicate word in more than this share of the story's units does not, on its own,
# make two units candidates (every sentence of a fire story says "fire").
COMMON_PREDICATE = 0.25
# The share of a story's units from which on a predicate word with a date ("cut" in
# January) is too common to pair statements on its own (see candidate_pairs).
RARE_DATE = 0.03

Scores = dict[tuple[int, int], float]
# The score of a pair that tells different events (see different_events).
VETO = -1.0


def _idf(docs: Sequence[Iterable[str]]) -> tuple[dict[str, float], Counter[str]]:
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    n = len(docs)
    return {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}, df


def _vectors(units: Sequence[Unit], idf: dict[str, float]) -> list[dict[str, float]]:
    """L2-normalized TF-IDF vectors (sublinear tf) over each unit's terms."""
    out = []
    for u in units:
        vec = {w: (1.0 + math.log(tf)) * idf[w] for w, tf in Counter(u.terms).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({w: v / norm for w, v in vec.items()})
    return out


def candidate_pairs(units: Sequence[Unit]) -> set[tuple[int, int]]:
    """Pairs of units of different articles sharing a predicate word that is not common
    to the whole story: an inverted index instead of all pairs."""
    postings: dict[str, list[int]] = defaultdict(list)
    dated: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        for w in u.preds:
            postings[w].append(k)
        # A count of the same thing ("48,000 patients") makes a candidate too, and so
        # does an event class with a pair of its participants (see same_event).
        for w in {f"#{after}" for _, _, after in u.number_slots if after}:
            postings[w].append(k)
        for w in _distinctive_numbers(u):
            postings[f"={w}"].append(k)
        # What happens and when: a predicate word common to the story ("cables were cut")
        # with a date few statements share ("in January") names one event of it.
        for d in _when(u):
            for w in u.preds:
                dated[f"{w}@{d}"].append(k)
        # Two names both statements use ("the Mediterranean Sea", "Egypt") make a candidate
        # too: a story's common words of what happens ("cables", "cut") never do.
        ents = sorted(u.entities)
        for x, e in enumerate(ents):
            for f in ents[x + 1 :]:
                postings[f"&{e}|{f}"].append(k)
        people = sorted(u.people)
        for c in u.preds & EVENT_CLASSES:
            for x, p in enumerate(people):
                for q in people[x + 1 :]:
                    postings[f"{c}|{p}|{q}"].append(k)
    cap = max(2, int(COMMON_PREDICATE * len(units)))
    # A date many statements share is the story's own day, not one event of it: pairing on
    # it with any word would make candidates of most statements of a large dated story.
    dated_cap = max(2, int(RARE_DATE * len(units)))
    pairs: set[tuple[int, int]] = set()
    for ks in [*postings.values(), *(ks for ks in dated.values() if len(ks) <= dated_cap)]:
        if len(ks) > cap:
            continue
        for x, i in enumerate(ks):
            for j in ks[x + 1 :]:
                if units[i].item != units[j].item:
                    pairs.add((i, j))
    return pairs


def predicate_overlap(a: Unit, b: Unit, idf: dict[str, float]) -> float:
    """Weighted cosine of two units' predicate word sets."""
    shared = a.preds & b.preds
    if not shared:
        return 0.0
    num = sum(idf.get(w, 1.0) ** 2 for w in shared)
    na = sum(idf.get(w, 1.0) ** 2 for w in a.preds)
    nb = sum(idf.get(w, 1.0) ** 2 for w in b.preds)
    return num / math.sqrt(na * nb)


def _counted(unit: Unit) -> set[str]:
    return {after for _, _, after in unit.number_slots if after}


def same_event(a: Unit, b: Unit, common: set[str]) -> bool:
    """Whether two units tell one event in different words: they share an event class
    ("met" / "the meeting" / "spoke with") and either two of its participants (people,
    he/she resolved) or the counted thing of a number ("48,000 patients" / "84,000
    patients"), and their dates do not conflict. An event class that many sentences of
    the story share (the fire of a fire story, the meeting of a story about a visit) is
    the story's topic: it takes one participant more to pin down one event, and a count
    in it may count anything (firefighters hurt, firefighters sent)."""
    classes = a.preds & b.preds & EVENT_CLASSES
    if not classes:
        return False
    specific = bool(classes - common)
    if specific and _counted(a) & _counted(b):
        pass
    elif _count_roles(a) & _count_roles(b) or _distinctive_numbers(a) & _distinctive_numbers(b):
        # The same thing counted in the same event, even of the story's topic: "three
        # cables were cut" / "three undersea cables were damaged"; or the same large
        # figure, which no two facts of one story share by chance ("a cyberattack
        # affecting about 48,000 people" / "hackers gained access to 48,000 patients").
        pass
    elif specific and a.entities & b.entities and _occasions(a) & _occasions(b):
        # What happened, to what, and when: "the bridge was closed on Monday" / "closing
        # the drawbridge" in a sentence about the bridge on Monday.
        pass
    elif len(a.people & b.people) < (MIN_PARTICIPANTS if specific else MIN_PARTICIPANTS + 1):
        return False
    return date_conflict(a, b) is None


# Content words from which on a quoted phrase is a quote of a whole statement, not a
# phrase of a narrated one.
MAX_PHRASE_WORDS = 8


# A quoted word the story's statements use this often is its topic's label in quotation
# marks ("amnesty" in a story about an immigration bill), no proof of one statement.
TOPIC_QUOTED_WORD = 3
# A quotation in title case or with a number is a name or a label ("Morning Joe",
# "Suspect No. 2"), not words someone said.
_LABEL_QUOTE = re.compile(r"^\W*(?:[A-Z0-9][\w.'’-]*\W+)*[A-Z0-9][\w.'’-]*\W*$|\d")


def _quoted_phrases(unit: Unit, stem_units: Counter[str]) -> set[tuple[str, ...]]:
    out = set()
    for phrase in partial_quotes(unit.narration):
        if _LABEL_QUOTE.search(phrase) and len(phrase.split()) > 1:
            continue
        stems = tuple(content_stems(phrase))
        if len(phrase.split()) == 1 and stems and stem_units[stems[0]] > TOPIC_QUOTED_WORD:
            continue
        if 0 < len(stems) <= MAX_PHRASE_WORDS:
            out.add(stems)
    return out


# Words in a row of one quotation found inside another's that make them one quotation
# (see _same_quoted_words).
QUOTED_RUN = 3


def _same_quoted_words(
    a: Unit, b: Unit, phrases_a: set[tuple[str, ...]], phrases_b: set[tuple[str, ...]]
) -> bool:
    """Whether two outlets quote the same words in their own sentences (the supervisor
    called the delay "inexcusable" / said the eight days were "inexcusable"): they report
    one statement of one speaker, however differently they frame it. One may quote more
    of the words than the other ('a "pretty shameful day" for Washington' / 'a "pretty
    shameful day for Washington"'): three words or more of one, in a row, in the other (two
    are as often a label of the story's topic: "official impeachment inquiry" /
    "impeachment inquiry")."""
    shared = bool(phrases_a & phrases_b) or any(
        _within(short, long)
        for pa in phrases_a
        for pb in phrases_b
        for short, long in ((pa, pb), (pb, pa))
        if QUOTED_RUN <= len(short) < len(long)
    )
    return shared and date_conflict(a, b) is None


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[k : k + n] == short for k in range(len(long) - n + 1))


# Figures from which on a value names one fact of a story ("48,000"), unlike small counts
# (three injured, three engines) and years.
DISTINCTIVE_NUMBER = 100
# A fraction given to three digits ("99.9 percent", "12.5%") names one measurement too.
_PRECISE = re.compile(r"^0*\d*\.\d+$")


def _precise(value: str) -> bool:
    return bool(_PRECISE.match(value)) and len(value.replace(".", "").strip("0")) >= 3


def _distinctive_numbers(unit: Unit) -> set[str]:
    out = set()
    for value in unit.numbers_set:
        try:
            number = float(value)
        except ValueError:
            continue
        if (number >= DISTINCTIVE_NUMBER and not is_year(value)) or _precise(value):
            out.add(value)
    return out


def _disputed_figure(a: Unit, b: Unit) -> bool:
    """Whether the units give different large figures of one counted thing."""
    if not (_distinctive_numbers(a) and _distinctive_numbers(b)):
        return False
    conflict = number_conflict(a, b)
    return (
        conflict is not None
        and conflict["kind"] == "number"
        and all(v in _distinctive_numbers(a) | _distinctive_numbers(b) for v in conflict["values"])
    )


def _same_figure(a: Unit, b: Unit) -> bool:
    """The same large figure of the same thing ("about 1,200 residents") in both."""
    figures_a = {(v, n) for v, n, _, _ in a.number_roles if n and v in _distinctive_numbers(a)}
    figures_b = {(v, n) for v, n, _, _ in b.number_roles if n and v in _distinctive_numbers(b)}
    return bool(figures_a & figures_b) and date_conflict(a, b) is None


def _count_roles(unit: Unit) -> set[tuple[str, str]]:
    """(counted noun, event class of its verb) of the unit's numbers that have both."""
    return {
        (noun, verb)
        for _, noun, verb, part in unit.number_roles
        if noun and verb in EVENT_CLASSES and not part
    }


def _occasions(unit: Unit) -> set[str]:
    """The unit's dates to the month or the day, and weekday names: a year shared ("last
    year") places two happenings of one person in one span, not on one occasion."""
    return {d for d in _when(unit) if len(d) >= 7 or d in WEEKDAYS}


def _when(unit: Unit) -> set[str]:
    """The unit's dates and weekday names."""
    return unit.dates | (set(unit.stems) & WEEKDAYS)


def similarity_matrix(units: Sequence[Unit]) -> Scores:
    """Alignment scores of candidate pairs (i < j), absent pairs score 0: cosine of
    TF-IDF over terms plus a shared-entity bonus, kept only when the two units also share
    their predicate (what happens) and do not name disjoint participants. Pairs that tell
    one event in other words (`same_event`) score at least the threshold."""
    idf, _ = _idf([u.terms for u in units])
    pred_idf, pred_df = _idf([u.preds for u in units])
    common = {w for w, n in pred_df.items() if n > max(2, COMMON_PREDICATE * len(units))}
    vecs = _vectors(units, idf)
    stem_units = Counter(w for u in units for w in set(u.stems))
    phrases = [_quoted_phrases(u, stem_units) for u in units]
    scores: Scores = {}
    evidenced: set[tuple[int, int]] = set()
    # Pairs whose wording is shared mostly through who reports them (see _told).
    spoken: set[tuple[int, int]] = set()
    # In index order: pairs that tie keep one order whatever the hash seed (align_units
    # and second_facts break ties by it), so that a story's claims are the same every run.
    for i, j in sorted(candidate_pairs(units)):
        a, b = units[i], units[j]
        # One denying what the other states, in other words, is no fact they agree on (in
        # close words it is a dispute, see conflicts._negation_conflict).
        if (
            different_events(a, b)
            or people_apart(a, b)
            or _denies_loosely(a, b)
            or _plea_and_verdict(a, b)
            or _whose_differs(a, b)
        ):
            # Kept as a veto: no claim may hold both (see align_units).
            scores[(i, j)] = VETO
            continue
        quoted = bool(phrases[i] and phrases[j]) and _same_quoted_words(
            a, b, phrases[i], phrases[j]
        )
        figure = _same_figure(a, b)
        # A large figure, or quoted words, both give is what they share however they word
        # the rest ("a cyberattack affecting about 61,500 people" / "hackers gained access
        # to the accounts of about 61,500 customers"): no shared action is asked of them
        # (see _drop_pairs_without_action). So are two large figures of one counted thing
        # that differ ("exposed ... 84,000 patients" / "gained access to the records of
        # about 48,000 patients"): what they dispute.
        if (
            quoted
            or figure
            or _distinctive_numbers(a) & _distinctive_numbers(b)
            or _disputed_figure(a, b)
        ):
            evidenced.add((i, j))
        if quoted or figure or same_event(a, b, common):
            lexical = _lexical(a, b, vecs[i], vecs[j])
            if lexical >= STRONG_LEXICAL and _told(a, b, vecs[i], vecs[j]) < STRONG_LEXICAL:
                spoken.add((i, j))
            loose = lexical < CLOSE_PARAPHRASE and _two_facts_apart(a, b)
            scores[(i, j)] = VETO if loose else max(ALIGN_THRESHOLD, lexical)
            continue
        score = _lexical(a, b, vecs[i], vecs[j])
        if score >= STRONG_LEXICAL and _told(a, b, vecs[i], vecs[j]) < STRONG_LEXICAL:
            spoken.add((i, j))
        shared = a.preds & b.preds
        if score < STRONG_LEXICAL:
            # Words of who, where and when among the predicate words are no second event
            # word (see SETTING_WORDS, TIME_WORDS): "were charged" / "were fired" share
            # "officers" and "scene". A pair sharing most of its wording has shown it
            # tells one fact (STRONG_LEXICAL).
            shared = shared - SETTING_WORDS
            if not a.dates & b.dates:
                shared = shared - TIME_WORDS
        shared_preds = len(shared)
        # Participants, and when it happened ("on Monday" in both) or how many; the day of
        # a date ("June 29") is counted once, as the date, and a day named both by its
        # weekday and its date ("Monday", 2020-06-08) is one time.
        arguments = (
            len(a.entities & b.entities)
            + len(_counts_not_dates(a) & _counts_not_dates(b))
            + bool((a.dates | (set(a.stems) & WEEKDAYS)) & (b.dates | (set(b.stems) & WEEKDAYS)))
        )
        if not (shared_preds >= 2 or (shared_preds == 1 and arguments >= MIN_ARGUMENTS)):
            continue
        # The predicate overlap asks what happens to be shared; a pair that already shares
        # most of its wording and its participants has shown that ("was closed to all
        # traffic" / "closed ... to cars, cyclists and pedestrians": one fact, its
        # predicate words diluted by a list).
        if (
            score < STRONG_LEXICAL
            and len(a.entities & b.entities) < SHARED_LIST
            and predicate_overlap(a, b, pred_idf) < PREDICATE_THRESHOLD
        ):
            continue
        if score < CLOSE_PARAPHRASE and _two_facts_apart(a, b):
            scores[(i, j)] = VETO
        elif score > 0.0:
            scores[(i, j)] = score
    _drop_pairs_without_action(units, scores, evidenced, spoken)
    return scores


def _drop_pairs_without_action(
    units: Sequence[Unit],
    scores: Scores,
    evidenced: set[tuple[int, int]],
    spoken: set[tuple[int, int]],
) -> None:
    """Below most of their wording shared (STRONG_LEXICAL), two statements of one fact
    share what was done: a verb one of them is about is a word of the other (see
    actions). Pairs that share only topic words and participants ("Lawmakers have yet to
    see that complaint" / "Lawmakers are demanding details of the complaint"), or an act
    one of them only mentions in passing ("the transcript Trump announced he will
    release"), tell two facts and are dropped (not vetoed: each may still join a claim the
    other is in through a better partner). Only pairs that could align are read: weaker
    ones count, as before, in the average link of two groups, and the tagger and parser
    read a fraction of the story. Pairs that share most of their wording only through
    who reports them (`spoken`) are read too."""
    loose = [
        p
        for p, v in scores.items()
        if p not in evidenced
        and (ALIGN_THRESHOLD <= v < STRONG_LEXICAL or (p in spoken and v >= ALIGN_THRESHOLD))
    ]
    if not loose:
        return
    actions = read_actions(units[k].narration for p in loose for k in p)
    for i, j in loose:
        people = frozenset(units[i].people | units[j].people)
        if not share_action(actions[units[i].narration], actions[units[j].narration], people):
            del scores[(i, j)]


_POSSESSED = re.compile(r"\b(his|her)\s+([A-Za-z][\w'’-]*)", re.IGNORECASE)


def _possessed(unit: Unit) -> dict[str, str]:
    """What the unit gives a man or a woman ("his call", "her call"): stem -> his/her."""
    return _possessed_in(unit.narration)


@lru_cache(maxsize=1 << 14)
def _possessed_in(narration: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _POSSESSED.finditer(narration):
        for w in content_stems(m[2]):
            out[w] = "x" if out.get(w, m[1].lower()) != m[1].lower() else m[1].lower()
    return out


def _whose_differs(a: Unit, b: Unit) -> bool:
    """Whether one unit gives a thing to a man and the other the same thing to a woman
    ("renewing his call for an investigation" / "renewing her call for impeachment"):
    two people's acts, however alike the words."""
    pa, pb = _possessed(a), _possessed(b)
    return any(pa[w] != pb[w] and "x" not in (pa[w], pb[w]) for w in pa.keys() & pb.keys())


def _two_facts_apart(a: Unit, b: Unit) -> bool:
    """Whether the units give different figures of one noun said with different verbs
    ("two people who removed the bomb" / "a bombing that left 29 people injured"), or name
    different people in one role ("Pompeo secured their freedom" / "thanked Trump for
    securing their freedom")."""
    if a.source == b.source:
        return False
    if name_conflict(a, b) is not None:
        return True
    # A plan and a happening on different days ("will appear Tuesday with Giffords" /
    # "condemned Republicans on Thursday"): two events.
    if plan_and_happening(a, b) and date_conflict(a, b) is not None:
        return True
    if days_of_other_events(a, b):
        return True
    return number_conflict(a, b) is not None and number_conflict(a, b, same_role=True) is None


_PLEA = re.compile(r"\bple(?:a|ad|aded|ads|ading|d)\b", re.IGNORECASE)
_VERDICT = re.compile(r"\b(?:found|finding|convicted|acquitted|sentenced|verdict)\b", re.IGNORECASE)


def _plea_and_verdict(a: Unit, b: Unit) -> bool:
    """Whether one statement tells a plea and the other a verdict ("pleaded not guilty to
    two murder charges" / "was found guilty on two murder charges"): two steps of a trial,
    alike in every other word."""
    plea_a, plea_b = _pleads(a.narration), _pleads(b.narration)
    if plea_a == plea_b:
        return False
    return _tells_verdict(b.narration if plea_a else a.narration)


# Read once per sentence: the pair checks run for every candidate pair of a story.
@lru_cache(maxsize=16384)
def _pleads(narration: str) -> bool:
    return _PLEA.search(narration) is not None


@lru_cache(maxsize=16384)
def _tells_verdict(narration: str) -> bool:
    return _VERDICT.search(narration) is not None


def _denies_loosely(a: Unit, b: Unit) -> bool:
    return denies(a, b) and find_conflict([a, b]) is None


def _counts_not_dates(unit: Unit) -> set[str]:
    """The unit's numbers, days of the month ("June 29", "29 June") aside."""
    return {
        v for v, before, after in unit.number_slots if before not in MONTHS and after not in MONTHS
    }


def _lexical(a: Unit, b: Unit, va: dict[str, float], vb: dict[str, float]) -> float:
    """TF-IDF cosine, plus a bonus for shared entities, halved when both name people, or
    both name places or bodies, and share none (same words about different people or
    places: another fact). A named man and "an Oklahoma man" are no two people."""
    if len(va) > len(vb):
        va, vb = vb, va
    score = sum(v * vb.get(w, 0.0) for w, v in va.items())
    shared = len(a.entities & b.entities)
    if shared and score > 0.1:
        score += min(MAX_ENTITY_BONUS, ENTITY_BONUS * shared)
    elif not shared and (_apart(a.people, b.people) or _apart(_things(a), _things(b))):
        score *= 0.5
    return score


def _told(a: Unit, b: Unit, va: dict[str, float], vb: dict[str, float]) -> float:
    """The lexical score of what the units state, the words of who reports them aside
    (Unit.speaker_terms): "The fire at Pellamy Cold Storage was reported at 6:15 p.m.,
    Deputy Fire Chief Anselm Truby said" / "The fire at Pellamy Cold Storage injured three
    people, according to Deputy Fire Chief Anselm Truby" share a spokesman's five words
    and their subject, not a fact."""
    if not (a.speaker_terms & b.speaker_terms):
        return _lexical(a, b, va, vb)
    return _lexical(a, b, _without(va, a.speaker_terms), _without(vb, b.speaker_terms))


def _without(vec: dict[str, float], words: set[str]) -> dict[str, float]:
    kept = {w: v for w, v in vec.items() if w not in words}
    norm = math.sqrt(sum(v * v for v in kept.values())) or 1.0
    return {w: v / norm for w, v in kept.items()}


def _apart(a: set[str], b: set[str]) -> bool:
    return bool(a) and bool(b) and a.isdisjoint(b)


def _things(unit: Unit) -> set[str]:
    """The unit's named places, bodies and things: its entities that are no person."""
    return unit.entities - unit.people


def _score(scores: Scores, i: int, j: int) -> float:
    return scores.get((i, j) if i < j else (j, i), 0.0)


def align_units(
    units: Sequence[Unit], scores: Scores | None = None, threshold: float = ALIGN_THRESHOLD
) -> list[list[int]]:
    """Groups of unit positions stating the same fact, at most one unit per article."""
    if not units:
        return []
    if scores is None:
        scores = similarity_matrix(units)
    pairs = sorted((p for p, v in scores.items() if v >= threshold), key=lambda p: -scores[p])
    cluster_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    for i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        items_i = {units[k].item for k in members[ci]}
        if any(units[k].item in items_i for k in members[cj]):
            continue
        if any(_score(scores, a, b) == VETO for a in members[ci] for b in members[cj]):
            continue
        if _chained_conflict(units, scores, members[ci], members[cj], threshold):
            continue
        # Average link: the joined claim must hold together, not only at its best pair.
        mean = sum(_score(scores, a, b) for a in members[ci] for b in members[cj]) / (
            len(members[ci]) * len(members[cj])
        )
        if mean < threshold * 0.8:
            continue
        for k in members[cj]:
            cluster_of[k] = ci
        members[ci].extend(members.pop(cj))
    return [sorted(m) for m in members.values()]


def _chained_conflict(
    units: Sequence[Unit], scores: Scores, left: list[int], right: list[int], threshold: float
) -> bool:
    """Whether joining two groups would put together two statements never compared with
    each other (no candidate pair) that differ in a number, date, name or polarity: "Kim met Xi" and "Kim met Moon",
    joined through "Kim met Xi, and Moon", are two facts, neither agreed nor disputed."""
    return any(
        units[a].source != units[b].source
        and _score(scores, a, b) <= 0.0
        and find_conflict([units[a], units[b]]) is not None
        for a in left
        for b in right
    )


def second_facts(
    units: Sequence[Unit], groups: list[list[int]], scores: Scores, threshold: float
) -> list[list[int]]:
    """Claims carried by a unit that already stands in another claim: a sentence may
    state several facts ("Harris, who met Gantz on Monday, called for a cease-fire").
    A unit left alone is paired with its best partner from another article when that
    partner was already aligned with a different unit of the lone unit's article (the
    partner then states two facts, each matched by one unit of that article), or when
    the two count the same thing, and the pair scores above threshold on its own."""
    group_of = {k: g for g in groups for k in g}
    extra: list[list[int]] = []
    used: set[int] = set()
    # Each unit's scored partners, in the order of `scores` (ties go to the later pair).
    partners: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), v in scores.items():
        partners[i].append((j, v))
        partners[j].append((i, v))
    for g in groups:
        if len(g) != 1:
            continue
        k = g[0]
        best, best_score = -1, threshold
        for other, v in partners.get(k, ()):
            if v >= best_score and len(group_of[other]) > 1 and other not in used:
                best, best_score = other, v
        if best < 0:
            continue
        # A count of the same thing is a fact of its own ("injured 14 people" / "Twelve
        # people were injured, including four firefighters"): paired even when the
        # partner's claim holds nothing else of this article.
        counts_alike = bool(
            _counted(units[k]) & _counted(units[best])
            or _distinctive_numbers(units[k]) & _distinctive_numbers(units[best])
        )
        if not counts_alike and not any(units[m].item == units[k].item for m in group_of[best]):
            continue
        extra.append(sorted([k, best]))
        used.add(best)
    return extra


def _representative(
    units: Sequence[Unit], group: list[int], scores: Scores, taken: set[int]
) -> int:
    """The sentence that best stands for the claim: one not already standing for another
    claim (a sentence paired as a second fact belongs to two claims, which must not read
    the same), then one that reads as a statement (not a clause cut from its sentence:
    "after the officer pressed his knee ..."), then the most similar to the others, then
    the earliest in its article (leads state the facts), then the shortest."""
    if len(group) == 1:
        return group[0]

    def key(k: int) -> tuple[bool, bool, float, int, int]:
        mean = sum(_score(scores, k, o) for o in group if o != k) / (len(group) - 1)
        fragment = not units[k].text[:1].isupper()
        return (k in taken, fragment, -round(mean, 2), units[k].position, len(units[k].text))

    return min(group, key=key)


def _claim(
    units: Sequence[Unit],
    group: list[int],
    scores: Scores,
    taken: set[int],
    items: Sequence[Item] = (),
) -> dict[str, Any]:
    """The claim of one group of aligned units; `taken` collects the units already
    standing for a claim, and gets this claim's."""
    members = sorted((units[k] for k in group), key=lambda u: (u.item, u.start))
    chosen = _representative(units, group, scores, taken)
    taken.add(chosen)
    rep = units[chosen]
    sources = {u.source for u in members}
    position = {id(units[k]): k for k in group}
    conflict = (
        find_conflict(
            members,
            lambda a, b: _score(scores, position[id(a)], position[id(b)]) > 0.0,
        )
        if len(sources) >= 2
        else None
    )
    if conflict is not None:
        label = "disputed"
    elif len(sources) >= 2:
        label = "agreed"
    else:
        label = "single-source"
    claim: dict[str, Any] = {
        "text": _shown(items, rep.item, rep.start, rep.end, rep.text),
        "label": label,
        "article_ids": list(dict.fromkeys(u.article_id for u in members)),
        "outlets": list(dict.fromkeys(u.outlet for u in members)),
        "sources": len(sources),
        "sentences": [
            {
                "article_id": u.article_id,
                "start": u.start,
                "end": u.end,
                "text": _shown(items, u.item, u.start, u.end, u.text),
            }
            for u in members
        ],
        "conflict": conflict,
    }
    if len(sources) >= 2 and items and (rep.text[:1].islower() or _cut_short(rep.text)):
        # Every source states the fact in a clause ("killing all 157 people on board.",
        # "The IRS last week acknowledged it had targeted conservative groups, and in the
        # days"): the representative's whole sentence goes with it, so that a reader sees
        # what the clause is about and how its sentence goes on.
        context = _sentence_text(items, rep)
        context = " ".join(
            _shown(items, rep.item, rep.sentence_start, rep.sentence_end, context).split()
        )
        if context != " ".join(claim["text"].split()):  # a heading is its own sentence
            claim["context"] = context
    return claim


def _cut_short(text: str) -> bool:
    """Whether a clause stops where its sentence goes on: no closing mark ("... as
    early", "Rep. Jane Doe, Ohio Republican")."""
    return text.rstrip()[-1:] not in ".!?\"'”’)"


def _reads_as(text: str) -> str:
    """A claim's text as a reader compares it: case, quotation marks and spacing aside."""
    return " ".join(re.sub(r"[\"'“”‘’]", "", text).lower().split()).rstrip(".")


def _shown(items: Sequence[Item], item: int, start: int, end: int, text: str) -> str:
    """A span's text as a reader is shown it: without linked names' hover cards (other
    articles' headlines glued to a name, "President Trump Donald John TrumpGOP senators
    balk ... MORE greeted"); offsets still point at the text as stored."""
    if not items:
        return text
    article = items[item][0].article.text
    cards = _cards_in(article, start, end)
    if not cards:
        return text
    pieces, pos = [], start
    for a, b in cards:
        pieces.append(article[pos : max(pos, a)])
        pos = max(pos, b)
    pieces.append(article[pos:end])
    return re.sub(r"[ \t]{2,}", " ", "".join(pieces)).strip()


def _without_repeats(units: Sequence[Unit], groups: list[list[int]]) -> list[list[int]]:
    """The groups without lone units that repeat, word for word, an earlier unit of their
    article: a paragraph printed twice (a common scraping and syndication slip) is one
    statement, not two single-source claims."""

    def key(k: int) -> tuple[int, str]:
        return units[k].item, " ".join(units[k].text.lower().split())

    first_of: dict[tuple[int, str], int] = {}
    for k in sorted(range(len(units)), key=lambda k: (units[k].item, units[k].start)):
        first_of.setdefault(key(k), k)
    return [g for g in groups if len(g) > 1 or first_of[key(g[0])] == g[0]]


# Content words a clause cut from its sentence needs to stand as a claim on its own.
MIN_CLAUSE_CLAIM_WORDS = 6


def _dependent_fragment(units: Sequence[Unit], k: int) -> bool:
    unit = units[k]
    if not unit.text[:1].islower() or len(unit.stems) >= MIN_CLAUSE_CLAIM_WORDS:
        return False
    # Its sentence has another clause among the statements (else the sentence is listed whole).
    return any(
        u.item == unit.item and u.position == unit.position
        for u in units[max(0, k - 3) : k + 4]
        if u is not unit
    )


def _whole_sentences(units: Sequence[Unit], groups: list[list[int]]) -> list[list[int]]:
    """The groups, with the lone clauses of one sentence joined into one group. A sentence
    is cut into clauses only so that each fact may be compared on its own; when no other
    source states a clause, the single-source claim is its sentence as written, not the
    pieces ("since the bomb did not explode.", "The incident comes less than a year"),
    which are no statements on their own. Lone clauses on both sides of a clause another
    source states ("The attack comes shortly | after reports of bombing | making it the
    second attack in three days") make one claim too."""
    lone: dict[tuple[int, int], list[int]] = {}
    out = []
    for g in groups:
        if len(g) == 1:
            lone.setdefault((units[g[0]].item, units[g[0]].position), []).append(g[0])
        else:
            out.append(g)
    out.extend(sorted(ks) for ks in lone.values())
    return out


def _same_sentence(a: Unit, b: Unit) -> bool:
    return a.item == b.item and a.position == b.position


def _sentence_claim(
    items: Sequence[Item], members: list[Unit], claim: dict[str, Any]
) -> dict[str, Any]:
    """A single-source claim of one article's clauses, said as the sentence they stand in.
    When other clauses of that sentence are stated by other sources too ("The authority
    closed the bridge on Monday, | cutting off the most direct route"), the claim also
    carries `single_source_part`, the clauses only this outlet states: the sentence is
    shown whole, so that it reads as a statement, but "only this outlet reports it" holds
    for that part alone."""
    first = members[0]
    start, end = first.sentence_start, first.sentence_end
    text = _shown(items, first.item, start, end, items[first.item][0].article.text[start:end])
    claim["text"] = text
    claim["sentences"] = [
        {"article_id": first.article_id, "start": start, "end": end, "text": text}
    ]
    return claim


# A share of a sentence's letters between quotation marks from which on, when the words
# outside them say no more than who spoke and when ("On Sunday he told reporters that
# '...'", "'...,' said the mayor, quoted by the paper"), the sentence is a quote: shown with
# the aligned quotes, and no single-source statement of its outlet. A narrator's sentence
# with a partial quote keeps words of its own ("The deal is expected to close in 'a number
# of weeks'").
SPEECH_QUOTED_SHARE = 0.4
# Predicate words (what happens) outside the quotation marks a quote's frame may hold
# ("during a briefing", "in the morning") and still say nothing of its own.
SPEECH_FRAME_WORDS = 2
# The share of quoted letters from which on a sentence whose frame holds no predicate word
# at all is a quote.
SPEECH_BARE_FRAME_SHARE = 0.2


def is_quoted_speech(text: str) -> bool:
    """Whether a sentence is quoted speech with only its attribution around it."""
    outside = outside_quotes(text)
    # A relative clause outside the quote (", which the company used to cool the
    # warehouse,"; ", who lives three blocks away") describes a noun of the sentence, as an
    # appositive does: background to the quote, not what the sentence states ("Ammonia,
    # which ..., 'changes everything about how you fight a fire,' Truby said").
    described = sum(_letters(m.group(0)) for m in _RELATIVE_CLAUSE.finditer(outside))
    letters = _letters(text)
    if not letters:
        return False
    share = quote_mark_share(text) * letters / max(1, letters - described)
    if share < SPEECH_BARE_FRAME_SHARE:
        return False
    frame = _OPENING_PARTICIPLE.sub(" ", _RELATIVE_CLAUSE.sub(" ", outside))
    # When the sentence opens inside the quote (an opening mark, or the end of a quote
    # begun in the sentence before), the frame's first word does not open the sentence:
    # a capital there is the speaker's name ('"...," Howell said, indicating the photo'),
    # who speaks, not what happens.
    if _opens_in_quote(text) or _NAME_SAID.match(frame):
        frame = "x " + frame
    said = len(predicate_words(frame, []) - _SAYING)
    # A frame of nothing but who spoke, to whom and when ('He did not have to do them,"
    # Sondland told the committee on Nov. 20') leaves the sentence a quote, however short.
    if said == 0:
        return True
    return share >= SPEECH_QUOTED_SHARE and said <= SPEECH_FRAME_WORDS


_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose|which)\s[^,.;:]*")
# An opening participial phrase sets the scene of the saying ("Standing across the road
# from the smoldering shell, he said: '...'", "Speaking to reporters on Monday, ..."):
# where and how the speaker spoke, not what happened.
_OPENING_PARTICIPLE = re.compile(r"^\s*[A-Z][a-z]+ing\b[^,;:]*,")
# A sentence opening with the speaker's name and a verb of saying ("Gideon Brannock, whose
# family ..., said he was 'heartbroken'"): its first word is that name, no predicate.
_NAME_SAID = re.compile(
    r"^\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*,?\s+(?:said|says|told|added|wrote)\b"
)
_FIRST_MARK = re.compile(r"``|''|[\"“”]")


def _opens_in_quote(text: str) -> bool:
    """Whether a sentence opens with a quotation mark or inside a quote begun before it: its
    first mark closes ('Quit stalling," said ...'). A straight mark right before a word
    opens a quote ('ordered Jean, "Let me see your hands," and ...'), however the quote
    share reads it."""
    m = _FIRST_MARK.search(text)
    if m is None:
        return False
    if not text[: m.start()].strip():
        return True
    mark = m.group(0)
    return mark in ("''", "”") or (mark == '"' and not text[m.end() : m.end() + 1].isalnum())


# Verbs that frame a quote as the reporting verbs do ("Trump tweeted moments later to
# declare that '...'", "she insisted", "he warned"): how it was said, not what happened.
# Kept to the quote's frame; as predicate words they stay (a vow or a warning may be news).
_SAYING = frozenset(
    stem(w)
    for w in """tweeted tweet declared declare insisted argued warned replied vowed posted
    continued recalled asked joked quipped""".split()
)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _speech_sentence(text: str) -> bool:
    """Whether a sentence, read whole, is speech: a quote with its attribution, or in the
    first person (a clause of it may not be: "By buying the firm, the company is speeding
    up our plans, | taking advantage of ...")."""
    return is_quoted_speech(text) or speaks_in_first_person(text)


_END_MARK = re.compile(r"[.!?…:;\"”’')\]]\s*$")


def _heading_line(items: Sequence[Item], unit: Unit) -> bool:
    """Whether the unit's sentence is a line of its own without an end mark."""
    text = items[unit.item][0].article.text
    start, end = unit.sentence_start, unit.sentence_end
    if _END_MARK.search(text[start:end]):
        return False
    before = text[:start].rstrip(" \t")
    after = text[end:].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def _sentence_text(items: Sequence[Item], unit: Unit) -> str:
    return items[unit.item][0].article.text[unit.sentence_start : unit.sentence_end]


@lru_cache(maxsize=256)
def _cards(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(hover_cards(text))


def _cards_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The hover cards of `text` that overlap [start, end)."""
    return [(a, b) for a, b in _cards(text) if a < end and b > start]


def _sentence_without_cards(items: Sequence[Item], unit: Unit) -> str:
    """The unit's sentence with linked names' hover cards (other articles' headlines glued
    to a name) blanked: they are no words of its frame ('"...," press secretary Stephanie
    Grisham Stephanie GrishamWhite House predicts ... said')."""
    text = items[unit.item][0].article.text
    s0, s1 = unit.sentence_start, unit.sentence_end
    cards = _cards_in(text, s0, s1)
    return blank_quotes(text, s0, s1, cards) if cards else text[s0:s1]


_LABEL_ORDER = {"agreed": 0, "disputed": 1, "single-source": 2}


# Sentences from one photo caption to the next (or to its credit line) that are read as
# the caption's own: a wire caption runs "This combination of photos ... shows A, B and C.
# A is charged with ... . (County Sheriff's Office via AP)".
CAPTION_BLOCK = 4


def _caption_sentences(items: Sequence[Item], units: Sequence[Unit]) -> set[tuple[int, int]]:
    """(article, sentence position) of the photo captions, credits and link lines printed
    with the text (captions.is_caption), and of the sentences between a caption and its
    credit a few sentences on: no statements of the story's news."""
    captions: dict[int, set[int]] = defaultdict(set)
    for u in units:
        if u.position not in captions[u.item] and is_caption(_sentence_text(items, u)):
            captions[u.item].add(u.position)
    out: set[tuple[int, int]] = set()
    for item, positions in captions.items():
        ordered = sorted(positions)
        out.update((item, p) for p in ordered)
        for p0, p1 in pairwise(ordered):
            if p1 - p0 <= CAPTION_BLOCK:
                out.update((item, p) for p in range(p0 + 1, p1))
    return out


def _first_prints(units: Sequence[Unit]) -> list[Unit]:
    """The units without those that repeat, word for word, an earlier unit of their
    article: a paragraph printed twice (a common scraping and syndication slip) states
    its facts once, and must not make two claims of one pair of sentences."""
    seen: set[tuple[int, str]] = set()
    out = []
    for u in units:
        key = (u.item, " ".join(u.text.lower().split()))
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out


def _asks(items: Sequence[Item], unit: Unit) -> bool:
    """Whether the unit is (a clause of) a question the narrator asks ("And if they cannot
    win now, when can they win?"): it asserts nothing. A quoted question ('wondered: "Who
    are we here to represent?"') reports what someone asked, and stays."""
    text = items[unit.item][0].article.text
    return text[unit.sentence_start : unit.sentence_end].rstrip().endswith("?")


# The title of an explainer or of its sections, a clause of "what", "how" or "why" with
# no end mark ("What Trump and Zelensky said in their phone call", "How the inquiry
# works"), and a pointer to what follows ("Here's what led to the inquiry", "Here is how
# impeachment goes from here."): they name a topic and assert nothing.
_EXPLAINER_TITLE = re.compile(r"(?:What|How|Why|Where|When|Who|Which)\b[^.!?]*", re.ASCII)
_POINTER = re.compile(
    r"Here(?:['’]s|\s+is|\s+are)\s+(?:what|how|why|where|when|who|which)\b", re.IGNORECASE
)


def _explainer_title(items: Sequence[Item], unit: Unit) -> bool:
    """Whether the unit's sentence is an explainer's title or a pointer to what follows."""
    sentence = _sentence_text(items, unit).strip()
    return bool(_POINTER.match(sentence) or _EXPLAINER_TITLE.fullmatch(sentence))


# A clause that is only the frame of a report ("..., The Journal reports, quoting a police
# official."): who told it, not what happened.
_FRAME_ONLY = re.compile(r"^\W*(?:quoting|citing|according\s+to)\s[^,;:]{0,80}$", re.IGNORECASE)


def extract_claims(items: Sequence[Item]) -> list[dict[str, Any]]:
    """The story's claims, agreed first (most independent sources first), then disputed,
    then single-source; within a label in article and sentence order."""
    every = build_units(items)
    captions = _caption_sentences(items, every)
    units = _first_prints(
        [
            u
            for u in every
            if is_statement(u)
            and (u.item, u.position) not in captions
            and not _asks(items, u)
            and not _explainer_title(items, u)
            and not _FRAME_ONLY.match(u.text)
        ]
    )
    if not units:
        return []
    scores = similarity_matrix(units)
    claims: list[tuple[dict[str, Any], int, int]] = []
    groups = align_units(units, scores)
    extra = second_facts(units, groups, scores, ALIGN_THRESHOLD)
    # A lone unit paired as a second fact is no longer single-source: listing it on its
    # own as well would call one statement both corroborated and uncorroborated.
    paired = {k for g in extra for k in g}
    groups = [g for g in groups if len(g) > 1 or g[0] not in paired] + extra
    # A headline restates its article's lead: it may corroborate a claim, but on its own
    # it is no claim of a single source (the lead, said in full, is listed).
    groups = [g for g in groups if len(g) > 1 or not units[g[0]].headline]
    groups = _without_repeats(units, groups)
    groups = _whole_sentences(units, groups)
    # A short clause cut from a sentence whose other clauses went into other claims ("as a
    # second round of bombs hit.", "while increasing compute density") says when, how or
    # why of its main clause: no statement of its own.
    groups = [g for g in groups if len(g) > 1 or not _dependent_fragment(units, g[0])]
    groups = [
        g
        for g in groups
        if len({units[k].item for k in g}) > 1
        or not _speech_sentence(_sentence_without_cards(items, units[g[0]]))
    ]
    # Contributors and front-page pointers at a story's foot state no news.
    groups = [
        g
        for g in groups
        if len({units[k].item for k in g}) > 1
        or not is_foot_line(_sentence_text(items, units[g[0]]))
    ]
    # A line of its own with no end mark is a heading, a link or a label of the page
    # ("Bill could face opposition", "Jane Doe: Why the river rose", "Support our
    # journalism"): like a headline, it may corroborate a claim but states none alone.
    groups = [
        g
        for g in groups
        if len({units[k].item for k in g}) > 1 or not _heading_line(items, units[g[0]])
    ]
    # Sentences with a clause other sources state: a single-source claim of their other
    # clauses says which words only its outlet states (see single_source_part).
    shared_sentences = {
        (units[k].item, units[k].position)
        for g in groups
        if len({units[m].source for m in g}) > 1
        for k in g
    }
    taken: set[int] = set()
    # A corroborated claim that reads word for word as an earlier one (a second fact of a
    # wire sentence that another outlet prints in full) is that claim, not a second one:
    # their groups are joined.
    shown_at: dict[tuple[str, str], int] = {}
    joined: list[list[int]] = []
    for group in groups:
        claim = _claim(units, group, scores, taken, items)
        if len({units[k].item for k in group}) == 1:
            members = sorted((units[k] for k in group), key=lambda u: u.start)
            claim = _sentence_claim(items, members, claim)
            if (members[0].item, members[0].position) in shared_sentences:
                claim["single_source_part"] = " … ".join(u.text for u in members)
        else:
            alike = (claim["label"], _reads_as(claim["text"]))
            at = shown_at.get(alike)
            if at is not None:
                union = sorted(set(joined[at]) | set(group))
                joined[at] = union
                merged = _claim(units, union, scores, set(), items)
                claims[at] = (merged, *claims[at][1:])
                continue
            shown_at[alike] = len(claims)
        joined.append(group)
        first = min(group, key=lambda k: (units[k].item, units[k].start))
        claims.append((claim, units[first].item, units[first].start))
    claims.sort(key=lambda c: (_LABEL_ORDER[c[0]["label"]], -c[0]["sources"], c[1], c[2]))
    return [c[0] for c in claims]
