"""Date arithmetic for time expressions: which Monday, which Oct. 7, which week.

News rarely prints full dates, so most values are worked out from an anchor
(the publication date, or a tweet's own date) and the direction the sentence
points to. The default direction is past-or-today: across 310 bare weekdays in
gold news data, 45% fall on the publication day, 50% before it and only 5%
after. The future is chosen only on explicit cues ("will", "is expected to",
"scheduled", "next", "preparing for").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

Direction = Literal["past", "future"]

# Words that point an otherwise bare date forward. Reported future ("said it
# would announce results Thursday") counts: the saying is past, the act is not.
# "planned" is not one: measured twice, TimeBank unchanged and AQUAINT one
# value down each time.
_FUTURE_CUE = re.compile(
    # Not inside a compound: "lower-than-expected earnings" reports the past;
    # nor "as expected", which confirms what happened ("went as expected").
    r"\b(?<!-)(?<!\bas\s)(?:will|won't|shall|'ll|would|wo|expected|expects?|expecting|scheduled|schedules?|"
    r"slated|set\s+(?:to|for)|plans?\s+to|planning|going\s+to|upcoming|due\s+to|"
    r"preparing\s+for|prepares?\s+for|ahead\s+of|in\s+advance\s+of|to\s+be\s+held|intends?\s+to|"
    r"is\s+to|are\s+to|aims?\s+to|hopes?\s+to|next(?!\s+to\b)|coming|tomorrow|as\s+early\s+as|"
    r"as\s+soon\s+as|postponed|delayed|deadline|must(?!\s+have)|needs?\s+to|"
    # An aim or a move toward a day: "seeking to win the primary on Tuesday",
    # "heads into Tuesday's primaries", "looking ahead to Tuesday's contest".
    # Not "trying to", "hoping to", "threatening to": on ABP 2014+2016 they
    # mostly framed a past act ("trying to spin his performance on Monday
    # night", "threatening to kill one after an exchange Tuesday night").
    r"seek(?:s|ing)?\s+to|wants?\s+to|looking\s+to|vow(?:s|ing)?\s+to|pledg(?:es|ing)\s+to|"
    r"promis(?:es|ing)\s+to|look(?:s|ing)?\s+ahead\s+to|"
    # A forecast: "is likely to grow Wednesday", "is sure to come under questioning".
    r"(?:likely|sure|certain|poised|bound)\s+to)\b",
    re.IGNORECASE,
)
# Past-tense reporting near the expression wins over a modal further away:
# "said on Tuesday that it will ..." is a past Tuesday. "before" is none: news
# mostly writes it of what is still to come ("before the November election",
# "a vote before Christmas", "before polls open Tuesday"); on ABP 0-24,000
# dropping it moved about 100 values, nearly all right. It stays one after a
# verb of appearing before a body ("testified before Congress in May"), which
# tells the past in captions and reports alike.
# Not inside a compound ("the Republican-led committee will hold", "a GOP-controlled
# House"): an adjective, no verb.
_PAST_CUE = re.compile(
    r"\b(?<!-)(?:said|says|told|announced|reported|was|were|had|did|met|spoke|called|added|"
    r"ago|last|earlier|yesterday|previously|since|went|came|took|made|began|won|lost|"
    r"rose|fell|saw|got|left|became|brought|bought|sold|gave|held|hit|struck|ran|led|ended|"
    r"(?:testif(?:y|ies|ied)|appear(?:s|ed)?|argued|pleaded)\s+before)\b",
    re.IGNORECASE,
)
# Regular past tense, read only in the clause a date opens ("In March, the
# company received ..."): any -ed word but the few that are not verbs or that
# look forward. Before a date it is not read: there a past verb so often
# reports a coming deadline ("was extended to Nov. 16") that it cost more
# values than it gained on TimeBank and AQUAINT alike.
_NOT_PAST_VERBS = (
    r"(?:need|speed|seed|feed|bed|red|shed|indeed|hundred|united|limited|based|"
    r"related|proposed|so-called|alleged|detailed|interested|concerned|advanced|"
    r"scheduled|expected|planned|slated|delayed|postponed)\b"
)
_PAST_ED = re.compile(r"\b(?<!-)(?!" + _NOT_PAST_VERBS + r")[a-z]{2,}[^e\W]ed\b", re.IGNORECASE)
_PAST_ED_NOT_VERB = re.compile(_NOT_PAST_VERBS, re.IGNORECASE)
_WORD = re.compile(r"[\w']+(?:-[\w']+)*")
# Where the clause of an expression begins, looking back: punctuation, a
# quotation, or a reporting verb (whose own tense is not the date's).
_REPORTING = (
    r"said|says|say|told|added|announced|reported|predicted|stated|noted|confirmed|"
    r"according\s+to"
)
# Tried: a full stop inside a sentence as an abbreviation's, ending no clause
# ("goods sent to the U.S. starting Monday"): TimeBank and AQUAINT tuning half
# unchanged, held-out half one value down (0.767 -> 0.763): left out.
# A comma or full stop inside a number ("the 1,582-page bill", "$1.5 billion")
# ends no clause.
# A reporting verb in the passive after "be" is no saying ("the winner, to be
# announced Sept. 9", "will be announced Friday": the act is the date's), nor
# is "say" the noun ("will have the final say Nov. 8"): neither starts a
# clause nor dates a saying. After "been" it still ends the clause: with
# "has been added to the March 3 roster" read as past, ABP lost a value.
_NOT_A_SAYING = (
    r"(?<!\bbe\s)(?<!\bthe\s)(?<!\bfinal\s)(?<!\ba\s)(?<!\bany\s)(?<!\bno\s)(?<!\bmore\s)(?<!\btheir\s)"
    r"(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)(?<!\bequal\s)"
)
_CLAUSE_START = re.compile(
    r"[;:!?\"“”]|(?<!\d)[.,]|[.,](?!\d)|''|``|" + _NOT_A_SAYING + r"\b(?:" + _REPORTING + r")\b",
    re.IGNORECASE,
)
# The saying's own date may follow its addressee: "told CNN Friday", "told
# The Associated Press on Monday", "told reporters late Tuesday". The
# addressee is a name or a plain audience word, never a clause ("told
# reporters it will close Friday" dates the closing).
_ADDRESSEE = (
    r"(?:(?:the\s+)?(?-i:[A-Z][\w.&'’-]*)(?:\s+(?-i:[A-Z][\w.&'’-]*)){0,3}|"
    r"reporters|journalists|lawmakers|senators|supporters|delegates|members|"
    r"him|her|them|us|me)\s+"
)
# A passive infinitive right before the date names an act still to come: "a
# video to be released Monday", "for Perry to be arraigned on Friday". Only
# right before it: further back ("remains to be seen if ... in August",
# "appeared to be finished ... late Tuesday") it belongs to another verb, and
# as a cue anywhere in the clause it cost TimeBank one value and turned 4 of
# 11 changed values on 3,000 ABP articles wrong.
# A modal before a date, with no past verb between them, points forward: "Romney
# could announce his running mate Thursday", "may win a special election Tuesday",
# "could turn on Tuesday's town hall debate". Not a perfect ("may have left"), a
# negation ("could not be reached Monday"), a question of the past ("Could we have
# done better Friday?"), nor "could be reached / located", which reports an attempt
# made, nor "back in" ("could include cases back in March"); "may" only in lower
# case ("in May" is the month). Only before the date: a
# modal in the clause a date opens tells what follows from it ("Friday's filing
# suggests Gates may be helping").
_MODAL_BEFORE = re.compile(
    r"\b(?:could|might|(?-i:may))\b(?!n['’]t)"
    r"(?!\s+(?:\w+\s+)?(?:not|never|have)\b)(?!\s+be\s+(?:reached|located|found|contacted)\b)",
    re.IGNORECASE,
)
_TO_BE_DONE = re.compile(r"\bto\s+be\s+[a-z]+(?:ed|en)(?:\s+on)?$", re.IGNORECASE)
# News announces what is scheduled in the present tense of a verb of
# starting, right before the day: "the summit, which begins Monday", "the
# new Congress convenes on Tuesday". On 3,000 ABP articles the 15 dates this
# moves are all right. Tried broader (meets, travels, visits, votes, heads,
# arrives, testifies, with up to three words between): TimeBank and AQUAINT
# tuning half +1 value each, held-out unchanged, but on ABP about half of the
# 60 changes were wrong: "votes" and "visit" as nouns ("217 votes on May 4",
# "paid a visit Wednesday") and photo captions, which tell the past in the
# present tense ("Karzai arrives on Tuesday").
_SCHEDULE_PRESENT = re.compile(
    r"\b(?:begins?|starts?|opens?|kicks?\s+off|convenes?|reconvenes?|resumes?|leaves|departs|"
    # A rule or an order coming into force: "the ban takes effect from Monday".
    r"takes?\s+effect|goes?\s+into\s+effect|comes?\s+into\s+(?:force|effect))"
    r"(?:\s+\w+ly)?(?:\s+(?:on|from))?$",
    re.IGNORECASE,
)
# A short quotation inside a clause is a title or a phrase, not a boundary:
# "is scheduled to appear on “The Late Show” on Wednesday".
_SHORT_QUOTE = re.compile(r"(?:“[^“”\".,;:!?]{1,60}”|``[^`'.,;:!?]{1,60}'')(?=\s+\w)")
_ENDS_WITH_REPORTING = re.compile(
    _NOT_A_SAYING
    + r"\b(?:(?:"
    + _REPORTING
    + r")\s+|(?:told|asked|informed|briefed)\s+"
    + _ADDRESSEE
    + r")"
    r"(?:on\s+|in\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
# A plan told in the past perfect ("had been scheduled") or marked as the
# first of several ("originally scheduled for March 31, was delayed") is one
# overtaken since: its day is behind the article, not ahead of it.
_PLAN_IN_PAST = re.compile(
    r"\b(?:had\s+(?:been\s+|\w+ly\s+)?|(?:originally|initially|previously)\s+)$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^['’]s\b")
# A possessive date's noun (up to three words) followed by a cue forward:
# "Tuesday's primary will be close", "Sunday's forum is expected to". Not
# a result, which a past event leaves for later ("Tuesday's results will
# make little difference", "the tally from Tuesday's primary will not be
# official"), nor a relative clause ("Monday's debate that will translate
# into a lead"); a modal ("Thursday's vote could be walked back", "Saturday's
# events may have been") was wrong as often as right on ABP 2014+2016.
_POSSESSIVE_FUTURE = re.compile(
    r"['’]s(?:\s+(?!(?:that|which|who|results?|tally|count|outcome)\b)[\w-]+){1,3}?\s+"
    r"(?:will|won't|(?:is|are)\s+(?:expected|set|scheduled|slated))\b",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
    r"(?:will|(?:is|are)\s+(?:expected|scheduled|set))\b",
    re.IGNORECASE,
)
# What a day left behind, whose consequences are still to come: "his death
# Saturday will have an impact", "her performance Tuesday will help".
_OUTCOME_BEFORE = re.compile(
    r"\b(?:results?|tally|count|death|performance|win|victory|loss|defeat|showing|remarks|"
    r"comments|decision|ruling|attack|shooting)\s+(?:(?:from|of|on)\s+)?$",
    re.IGNORECASE,
)
_RESULT_OF = re.compile(r"\b(?:results?|tally|count)\s+(?:from|of)\s+$", re.IGNORECASE)
# "come" before a date is the preposition "when it comes": "come November".
_COME = re.compile(r"(?<![\w'’])come\s+$")


# A sentence-opening prepositional phrase holding the date and ending at a
# comma a few words on: the clause after the comma is the date's.
_OPENING_PHRASE = re.compile(
    r"(?:In|At|For|During|Before|After|By|On|Since|Until|From|With)\s", re.ASCII
)
_SECOND_PHRASE = re.compile(
    r"^(?:ahead\s+of|after|before|during|amid|following|despite|with|in|at|on|for)\s"
    r"[^,.;:!?\"“”]{1,60},\s*",
    re.IGNORECASE,
)
_COMMA_SOON = re.compile(r"^(?:['’]s)?(?:\s+[\w'’-]+){0,4},")


# A place named with its state or country between commas ("traveled to Ferguson, Missouri,
# on Wednesday", "Ferguson, Mo., on"): one name, no clause boundary, so that the verb before
# it still governs the date after it.
_PLACE_APPOSITIVE = re.compile(
    r"\b([A-Z][a-z]+),\s+([A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?)?),(?=\s+[a-z])"
)


# The full stops of clock times and of initialisms ("at 2 a.m. Thursday", "the U.S.
# District Court ... on Friday"): no clause ends there. Titles, months and states were
# measured too ("Gov.", "Jan.", "St. Louis", "N.C."): ABP 2014+2016 4 of 12 moves wrong.
_ABBREVIATION = re.compile(r"\b(?:[ap]\.m|U\.S|U\.N|U\.K)\.")


def _without_inner_stops(text: str) -> str:
    """The words before a date with a place's state between commas and the full stops of
    abbreviations read as no clause boundary (see _PLACE_APPOSITIVE, _ABBREVIATION)."""
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", " "), text)
    return _PLACE_APPOSITIVE.sub(lambda m: f"{m.group(1)} {m.group(2).replace('.', '')} ", text)


def direction_at(text: str, start: int, end: int, lo: int, hi: int) -> Direction | None:
    """Which way the words around text[start:end] point: "future" on an explicit
    cue in its clause before it (or, for a clause-opening date such as "On
    Tuesday, the board will ...", just after it), "past" on a past cue, else
    None (the caller's default).

    Only the expression's own clause is read, within the sentence [lo, hi):
    a "will" two clauses away says nothing about this date. A possessive date
    ("Tuesday's primary") modifies a noun, so only the words right before it
    count ("ahead of Tuesday's vote", "before Tuesday's primary").
    """
    before = text[max(lo, start - 120) : start]
    if _ENDS_WITH_REPORTING.search(before):
        return "past"  # "said Friday that it would ...": the date of the saying
    if _COME.search(before):
        return "future"  # "the Democrats come November": once that month comes
    before = _CLAUSE_START.split(_SHORT_QUOTE.sub("title", _without_inner_stops(before)))[-1]
    limit = 3 if _POSSESSIVE.match(text[end : end + 3]) else 15
    before_words = _WORD.findall(before)[-limit:]
    near_before = " ".join(before_words)
    future = _FUTURE_CUE.search(near_before)
    past = _PAST_CUE.search(near_before)
    if future and _PLAN_IN_PAST.search(near_before[: future.start()]):
        # "had been scheduled to expire Friday", "originally set for Monday":
        # a plan overtaken since, its day past.
        return "past"
    if future or _TO_BE_DONE.search(near_before):
        # "will be held on", "was expected to ... on": a cue forward wins
        return "future"
    when = _WHEN_PRESENT.search(before) if not past else None
    if when is not None and _FUTURE_CUE.search(
        " ".join(_WORD.findall(before[: when.start()])[-15:])
    ):
        # "is sure to come under questioning when he appears for a hearing Wednesday": a
        # clause of time in the present tells the future its main clause gives.
        return "future"
    modal = max(_MODAL_BEFORE.finditer(near_before), key=lambda m: m.start(), default=None)
    if modal is not None:
        between = near_before[modal.end() :]
        if not (
            _PAST_CUE.search(between)
            or _PAST_ED.search(between)
            or _BACK_IN.search(before)
            or past_verb_after(text, end)  # "could remember ... as November neared"
        ):
            return "future"
    if past:
        return "past"
    if _SCHEDULE_PRESENT.search(near_before):
        return "future"
    if limit == 3 and _POSSESSIVE_FUTURE.match(text, end) and not _RESULT_OF.search(before):
        # The verb of the noun a possessive date modifies: "the outcome of
        # Tuesday's primaries will be critical".
        return "future"
    if (
        _FUTURE_AFTER.match(text, end)
        and not _OUTCOME_BEFORE.search(before)
        # A relative clause closing on a past verb: "who died in December, will".
        and not _PAST_VERB_IN.search(before)
        and not _PAST_VERB_ON.search(before)
    ):
        # The day between a subject and its verb: "President Obama on
        # Wednesday will declare", "The debate on Thursday will be moderated".
        return "future"
    clause = " ".join(_WORD.findall(before)[-15:])  # all of it, a possessive too
    into = _INTO.search(clause)
    if into and not (
        _PAST_ED.search(clause[: into.start()]) or _PAST_CUE.search(clause[: into.start()])
    ):
        return _into_direction(text, end, hi, opens=into.start() == 0)
    if before_words and before_words[0].lower() in ("if", "unless"):
        # A condition on a date, with the outcome in the future: "If Sanders
        # loses again Tuesday, Clinton will clinch the nomination."
        rest = text[end:hi].split(",", 1)
        if len(rest) == 2 and _FUTURE_CUE.search(" ".join(_WORD.findall(rest[1])[:4])):
            return "future"
    opening = _OPENING_PHRASE.match(before.lstrip()) and _COMMA_SOON.match(text[end : end + 40])
    if len(before_words) <= 1 or opening:  # the date opens its clause: read the clause it opens
        after = text[end : min(hi, end + 80)]
        if opening:  # past the rest of the phrase: "In his remarks for Thursday's session, ..."
            after = after.split(",", 1)[1]
        after = after.lstrip(" ,")
        # A second opening phrase is not the clause: "In April, ahead of the
        # New York primary, Clinton called in to a radio show".
        after = _SECOND_PHRASE.sub("", after, count=1)
        after = re.split(r"[;:.!?\"“”]|''|``", after)[0]
        # Twelve words reach the verb past a long subject ("On Tuesday, the
        # National ... League plans to ...").
        near_after = " ".join(_WORD.findall(after)[:12])
        found = (
            _FUTURE_CUE.search(near_after),
            _PAST_CUE.search(near_after),
            _PAST_ED.search(near_after),
        )
        cues = [c for c in found if c]
        if cues:  # the first verb of the clause decides: "it announced plans to ..." is past
            first = min(cues, key=lambda c: c.start())
            return "future" if first.re is _FUTURE_CUE else "past"
    return None


# A clause of time with its verb in the present: "when he appears", "once the board
# meets", "until the council votes".
_WHEN_PRESENT = re.compile(
    r"\b(?:when|once|until|after)\s+(?:he|she|they|it|the\s+\w+|\w+)\s+(?:\w+ly\s+)?"
    r"(?!was\b|is\b|has\b|does\b)\w+(?<!ss)s\b",
    re.IGNORECASE,
)


# "heading into Tuesday's primary", "going into November": a move toward a
# date, the coming one, unless the clause tells it in the past ("trailed
# Sanders going into Tuesday's contest", "Going into Tuesday, he had won").
_INTO = re.compile(r"\b(?:heads?|heading|going)\s+into\b", re.IGNORECASE)


def _into_direction(text: str, end: int, hi: int, *, opens: bool) -> Direction | None:
    """The direction of a date after "heading into": forward, but when the
    phrase opens the sentence ("Heading into Friday, the fate of the bills
    was in doubt") the first verb of the clause after it decides."""
    if not opens:
        return "future"
    after = text[end : min(hi, end + 160)]
    head, comma, rest = after.partition(",")
    if not comma or len(head) > 40:
        return "future"
    # A full stop after a short word is an abbreviation's ("Mr. Trump had won").
    first = re.split(r"[;:!?\"“”]|''|``|(?<=[a-z]{3})\.(?=\s|$)", rest)[0]
    clause = " ".join(_WORD.findall(first)[:12])
    cues = [c for c in (_FUTURE_CUE.search(clause), _PAST_CUE.search(clause)) if c]
    cues += [c for c in (_PAST_ED.search(clause),) if c]
    if not cues:
        return "future"
    nearest = min(cues, key=lambda c: c.start())
    return "future" if nearest.re is _FUTURE_CUE else "past"


# A past verb right before "in <month>" (with at most a particle or an object
# pronoun between): "was indicted in January", "fired him in May", "stepped
# down in late September". Not after a modal or an infinitive ("deserves to
# be defeated in November", "will be elected in May"). Tried first with any
# past verb in the clause: on 3,000 ABP articles about 35 months moved right
# and 28 wrong ("urged voters to cast their ballots ... in November", "a
# contested convention in July"); right before "in", 15 right and 2 wrong,
# both fixed by the copula check below. Extended to "on <month> <day>"
# ("retired on Dec. 5"): of 21 ABP changes about half wrong, mostly pages
# updated after their date ("This report was updated on Dec. 18", live
# files of reopening rules), where the coming date was right: left out.
_PAST_VERB = (
    r"(?<!\bbe\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)"
    # A participle after a present copula is a state, not a past event:
    # "he's doomed in November", "remains shuttered in November".
    r"(?<!\bis\s)(?<!\bare\s)(?<!'s\s)(?<!’s\s)(?<!\bremains\s)(?<!\bremain\s)"
    # Nor after a negated or modal verb: "if he can't hit them Tuesday".
    r"(?<!n't\s)(?<!n’t\s)(?<!\bcannot\s)(?<!\bmust\s)(?<!\bmay\s)(?<!\bmight\s)"
    r"(?<!\bshould\s)"
    r"\b(?:[a-z]{2,}[^e\W]ed|said|told|met|spoke|won|lost|fell|rose|took|made|began|left|became|"
    r"held|hit|struck|ran|led|sold|bought|gave|came|went|saw|got|wrote|won|was|were|died|fled|paid)"
    r"(?:\s+(?:him|her|them|it|up|down|out|off|back))?"
)
_PAST_VERB_IN = re.compile(_PAST_VERB + r"\s+in\s+(?:early\s+|late\s+|mid-)?$")
# "back in March" looks back ("announced back in March", "way back in June"),
# unless "back" is the verb of support or of return still to come ("the
# candidate she'd back in November", "when Congress comes back in January").
# On ABP 0-24,000, 180 such months, 22 of them wrongly the coming one.
_BACK_IN = re.compile(
    r"(?<!\bcome\s)(?<!\bcomes\s)(?<!\bcoming\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)"
    r"(?<!\bwill\s)(?<!\bwould\s)(?<!\bto\s)(?<!'ll\s)(?<!’ll\s)(?<!'d\s)(?<!’d\s)"
    r"\bback\s+in\s+(?:early\s+|late\s+|mid-)?$",
    re.IGNORECASE,
)
# The same right before a bare weekday: "a video released Friday", "what
# happened on Tuesday", "fighting resumed Tuesday". A cue forward further back
# in the clause belongs to another verb ("How would he deal with a video
# released Friday"), except in a clause of time, whose verb a reported future
# puts in the past ("would buy as soon as trading opened Monday": TimeBank).
_PAST_VERB_ON = re.compile(_PAST_VERB + r"(?:\s+on)?\s+$")
_TIME_CLAUSE_BEFORE = re.compile(
    r"\b(?:as\s+soon\s+as|when|once|after|before|until|till|by\s+the\s+time|if|unless)"
    r"(?:\s+[\w'’-]+){0,4}\s+$",
    re.IGNORECASE,
)


def past_event_in(text: str, start: int, lo: int) -> bool:
    """Whether text[start:] is a month in an "in" phrase right after a past
    verb ("was indicted in January"): the time the event took place, not a
    deadline ("extended to", "until"), so the last such month and never the
    coming one."""
    if _BACK_IN.search(text[max(lo, start - 30) : start]):
        return True
    return _past_verb_right_before(_PAST_VERB_IN, text, start, lo)


# The same right after the month: "The State Department in April instituted
# another delay", "Sales in March rose".
# A participle with its agent is no verb of the clause: "a trip in March
# sponsored by", "an October filled with travel".
_PAST_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?" + _PAST_VERB + r"\b(?!\s+(?:by|with)\b)")


def past_verb_after(text: str, end: int) -> bool:
    """Whether a past verb follows text[:end] right away ("in April
    instituted"): the month the event took place."""
    m = _PAST_VERB_AFTER.match(text, end)
    return m is not None and not _PAST_ED_NOT_VERB.match(m.group(0).split()[-1])


# "since March" is a month gone, whatever the rest of the clause says ("will
# not talk about the comeback he has been promoting since January").
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-)?$", re.IGNORECASE)


def since_month(text: str, start: int, lo: int) -> bool:
    """Whether text[start:] is a month right after "since"."""
    return bool(_SINCE.search(text[max(lo, start - 20) : start]))


# "until Friday" in a clause with no past verb ends a span still running:
# "has until Friday to decide", "is in recess until Tuesday", "flags at
# half-staff until Monday". A past verb, regular or negated, keeps it behind
# ("didn’t accept it until Friday", "waited until Thursday"), as does a
# possessive ("until Tuesday's vote") or a "when" telling what happened then.
# "through" was tried as well: polls "conducted Friday through Sunday" and
# "through Tuesday's close" went wrong.
# "up until Monday night" looks back on a stretch that has ended ("for those
# who thought, up until Monday night, that he might be qualified").
_UNTIL = re.compile(r"(?<!\bup\s)\b(?:until|till)\s+$", re.IGNORECASE)
_UNTIL_NOT_AFTER = re.compile(r"^(?:\s+\w+)?(?:['’]s|,?\s+when\b)", re.IGNORECASE)
_NEGATED_PAST = re.compile(r"\b(?:did|was|were|had)n['’]t\b", re.IGNORECASE)


def ends_a_running_span(text: str, start: int, end: int, lo: int) -> bool:
    """Whether text[start:end] is a day right after "until" in a clause not
    told in the past."""
    if not _UNTIL.search(text[max(lo, start - 10) : start]):
        return False
    if _UNTIL_NOT_AFTER.match(text[end : end + 30]):
        return False
    clause = _CLAUSE_START.split(text[max(lo, start - 120) : start])[-1]
    return not (_NEGATED_PAST.search(clause) or told_in_past(text, start, lo))


def past_event_on(text: str, start: int, lo: int) -> bool:
    """Whether text[start:] is a weekday right after a past verb ("released
    Friday", "happened on Tuesday"): the day the event took place."""
    before = text[max(lo, start - 80) : start]
    m = _PAST_VERB_ON.search(before)
    if m is None or _PAST_ED_NOT_VERB.match(m.group(0)):
        return False
    return not _TIME_CLAUSE_BEFORE.search(before[: m.start()])


def _past_verb_right_before(pattern: re.Pattern[str], text: str, start: int, lo: int) -> bool:
    before = text[max(lo, start - 80) : start]
    m = pattern.search(before)
    return m is not None and not _PAST_ED_NOT_VERB.match(m.group(0))


def told_in_past(text: str, start: int, lo: int, end: int | None = None) -> bool:
    """Whether the clause before text[start:] is in the past tense, a regular
    past verb ("marched") counting as well as the irregular ones, and nothing
    in it points forward. For spans that are "this" one only by the calendar
    ("this weekend" said on a Wednesday): a past tense puts them behind. On
    3,000 ABP articles 14 weekends move, 12 right (most said on a Monday
    about the one just gone), 2 wrong (a coming debate in a past-tense
    report: "decided to keep me off the debate stage this weekend")."""
    before = text[max(lo, start - 120) : start]
    words = " ".join(
        _WORD.findall(_CLAUSE_START.split(_SHORT_QUOTE.sub("title", before))[-1])[-15:]
    )
    if _FUTURE_CUE.search(words):
        return False
    if _PAST_CUE.search(words) or _PAST_ED.search(words):
        return True
    if end is not None and (after := _AFTER_OPENING.match(text, end)):
        # An opening phrase without a verb of its own ("After the first rally this
        # weekend, an aide claimed ..."): the clause it opens tells the tense; not
        # a quotation's frame ('"... maybe this weekend," he added') nor a present
        # passive ("are being asked").
        clause = " ".join(_WORD.findall(re.split(r"[;:.!?]", after.group(1))[0])[:8])
        if not _FUTURE_CUE.search(clause) and not _PRESENT_AUX.search(clause):
            return bool(_PAST_CUE.search(clause) or _PAST_ED.search(clause))
    return False


_AFTER_OPENING = re.compile(r"\s*,\s*([^,\"“”'’]{1,120})")
_PRESENT_AUX = re.compile(r"\b(?:is|are|am|being)\b", re.IGNORECASE)


def resolve_weekday(
    anchor: date, weekday: int, direction: Direction | None, *, strict: bool = False
) -> date:
    """The date of `weekday` (0 = Monday) seen from `anchor`: the same day or the
    latest one before it, or with a future direction the same day or the next
    one. `strict` ("last Monday", "next Monday") excludes the anchor day."""
    if direction == "future":
        delta = (weekday - anchor.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def resolve_month_day(
    anchor: date, month: int, day: int, direction: Direction | None
) -> date | None:
    """A date given without its year ("Oct. 7"): the most recent one on or before
    the anchor, or with a future direction the next one on or after it. With
    no cue either way, a past date more than six months back loses to a
    nearer coming one: "Jan. 2" in a November article is the coming one."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    past = [d for d in candidates if d <= anchor]
    future = [d for d in candidates if d >= anchor]
    if direction == "future" and future:
        nearest = min(future)
        if (
            past
            and (nearest - anchor).days > _FAR_PAST_DAYS
            and (anchor - max(past)).days <= _NEAR_FUTURE_DAYS
        ):
            # The mirror of the rule below: a cue forward rarely reaches a
            # whole year ahead for a date without its year; the cue belongs to
            # another verb ("delayed sending the articles passed on Dec. 18").
            return max(past)
        return nearest
    if not past:
        return min(future) if future else None
    best = max(past)
    if (
        direction == "past"
        and future
        and (anchor - best).days > _FAR_PAST_DAYS
        and (min(future) - anchor).days <= _NEAR_FUTURE_DAYS
    ):
        # A past verb rarely reaches back a whole year for a date without its
        # year; it often reports a deadline a few weeks ahead ("the offer was
        # extended to Nov. 16", "gave no reason for the Jan. 14 deadline").
        return min(future)
    if direction is None and future and (anchor - best).days > _RECENT_PAST_DAYS:
        # No tense to go by and the past one is long gone: take the nearer.
        nearest = min(future)
        return nearest if (nearest - anchor) < (anchor - best) else best
    return best


# Without a cue, a date or month within this many days back is taken as past
# even when the next one is closer: news mostly reports what has happened.
_RECENT_PAST_DAYS = 183
# A date this far back loses to one at most _NEAR_FUTURE_DAYS ahead even
# under a past verb (see resolve_month_day).
_FAR_PAST_DAYS = 300
_NEAR_FUTURE_DAYS = 60


def resolve_month(anchor: date, month: int, direction: Direction | None) -> tuple[int, int]:
    """(year, month) for a month named without a year: the current or latest
    past one, the coming one on a future cue, and with no cue at all the
    nearer of the two when the past one is more than six months back. Under
    a past cue, a month ten or more months back loses to one at most two
    ahead, as in resolve_month_day ("gave them until mid-November")."""
    this_year = anchor.year * 12 + month - 1
    current = anchor.year * 12 + anchor.month - 1
    past = this_year if this_year <= current else this_year - 12
    future = this_year if this_year >= current else this_year + 12
    if direction == "future" and future - current >= 10 and current - past <= 2:
        # As in resolve_month_day: a year ahead is not what the cue means ("said
        # in February it would ..."). On 3,000 ABP articles 12 of the 15 months
        # this moves are right; the 3 wrong are US elections said from
        # December or January ("voters will haunt them in November").
        chosen = past
    elif (
        direction == "future"
        or (direction is None and current - past > 6 and future - current < current - past)
        or (direction == "past" and current - past >= 10 and future - current <= 2)
    ):
        chosen = future
    else:
        chosen = past
    return chosen // 12, chosen % 12 + 1


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def weekend_before(anchor: date, direction: Direction | None) -> date:
    """The Saturday of "the weekend": the one just past (or under way), or with a
    future direction the coming one."""
    if anchor.weekday() >= 5:
        return anchor - timedelta(days=anchor.weekday() - 5)
    if direction == "future":
        return anchor + timedelta(days=5 - anchor.weekday())
    return anchor - timedelta(days=anchor.weekday() + 2)
