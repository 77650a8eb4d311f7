"""The grammar of time expressions: one regex per surface form, one resolver each.

A rule finds a span; its resolver turns the match into a TIMEX3 (type, value)
against the context: the anchor date (publication date or a tweet's date), the
sentence, and the reference time the text has reached so far ("that day",
"a year earlier"). A resolver returns None to drop a false hit ("may" the
verb), and says whether the value depends on the anchor (a relative value),
so that values resting on an inferred publication date can be marked.

Tried and left out (value matches on TimeBank / AQUAINT): "later in the day"
as the day the text is at (+1 / -1: AQUAINT leaves "earlier in the day"
untagged); "planned" as a cue forward (0 / -1); a regular past verb in the
clause before a bare month as a past cue (-1 / 0); a bare month with no cue
always past (-5 / -1); "last year" as the quarter a year back while a quarter
is in focus (-3 / 0, TimeBank writes the year more often); "the" left out of
"the summer" (strict F1 down: TimeBank spans it both ways); "later today" as
one span (strict -1 on AQUAINT); a weekday after a time in another zone
("10:35 a.m. (0735 GMT) Friday") as one span (-1 on AQUAINT, which tags two).
Later session (tuning on TimeBank + the first 37 AQUAINT files, holding out
the last 36): "soon" and "as soon as possible" as FUTURE_REF, outside "as soon
as <clause>" and "soon after": TimeBank +5 values for +7 expressions, AQUAINT
tuning half 0 for +1, held-out half 0 for +3 (value F1 0.767 -> 0.763): left
out; TimeBank and AQUAINT tag "soon" in about two cases of three.

This module holds the table (`RULES`, in priority order for equal-length
matches); the resolvers live in time_dates, time_periods and time_spans, the
rule and context records in time_context.
"""

from __future__ import annotations

import re

from storylens.analyze.time_context import (
    Rule,
)
from storylens.analyze.time_dates import (
    _anaphoric_day,
    _apposed_day,
    _bare_month,
    _century,
    _decade,
    _iso,
    _mid_part_of_day,
    _month_day,
    _month_year,
    _numeric,
    _relative_day,
    _time_of_day,
    _weekday,
    _year,
)
from storylens.analyze.time_lexicon import (
    MODIFIER_RE,
    MONTH_RE,
    NUMBER_RE,
    NUMBER_WORDS,
    SPELLED_YEAR_RE,
    UNIT_RE,
    VAGUE_RE,
    WEEKDAY_RE,
    alternation,
)
from storylens.analyze.time_periods import (
    _fiscal_year,
    _half,
    _holiday,
    _latest_period,
    _period_last_year,
    _quarter,
    _relative_unit,
    _season,
    _spelled_year,
    _the_quarter,
    _the_unit,
    _the_weekend,
    _year_earlier_period,
    _year_end,
    _year_period,
)
from storylens.analyze.time_spans import (
    _ago,
    _bare_units,
    _duration,
    _fraction_of_unit,
    _future_day,
    _offset_from_day,
    _reference,
    _set,
    _vague_span,
    _weekday_set,
)

# --- the rule table --------------------------------------------------------

_I = re.IGNORECASE
_POD = r"(?:morning|afternoon|evening|night)"


# Number words but the article: "the past four elections" counts, "now a senator" does not.
_COUNT_WORDS = alternation([w for w in NUMBER_WORDS if w not in ("a", "an")])


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


RULES: tuple[Rule, ...] = (
    Rule(
        "iso",
        _rx(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<H>\d\d):(?P<M>\d\d)(?::\d\d)?)?\b"),
        _iso,
    ),
    Rule(
        "numeric",
        _rx(
            r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])(?:\s+(?P<H>\d\d):(?P<M>\d\d)(?::\d\d)?)?"
        ),
        _numeric,
    ),
    Rule(
        "month_day",
        _rx(
            r"\b(?:(?i:around|about|approximately|roughly)\s+)?(?:(?P<mwd>"
            + WEEKDAY_RE
            + r"),?\s+)?(?P<mon>"
            + MONTH_RE
            + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
            r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
        ),
        _month_day,
    ),
    Rule(
        "day_month",
        _rx(
            r"\b(?:(?P<mwd>"
            + WEEKDAY_RE
            + r"),?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>"
            + MONTH_RE
            + r")"
            r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?(?!\w)"
        ),
        _month_day,
    ),
    Rule(
        "month_year",
        _rx(
            r"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?"
            r"(?P<mon>"
            + MONTH_RE
            + r"),?\s+(?:of\s+)?(?:(?P<year>(?:1[89]|20)\d\d)\b|(?P<rel>this|last|next)\s+year\b"
            # "in March of that year", "the June of the following year"
            + r"|(?P<ana>that|the\s+same|the\s+(?:following|next|previous|prior|preceding))\s+year\b"
            + r"|(?P<syear>(?i:"
            + SPELLED_YEAR_RE
            + r"))\b)"
        ),
        _month_year,
    ),
    Rule(
        "bare_month",
        _rx(
            r"(?:\b(?P<edge>(?i:the\s+(?:end|beginning|middle|start)\s+of))\s+)?"
            r"(?:\b(?P<rel>(?i:last|this|next|early|late|mid))[\s-]+)?"
            r"\b(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Sept\.)(?!\w)"
        ),
        _bare_month,
        _rx(
            r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept\.)"
        ),
    ),
    Rule(
        "decade",
        _rx(
            r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-])?(?:(?P<dec>1[89]\d|20\d)0s|'(?P<dec2>\d)0s"
            r"|(?<=the\s)(?:(?:early|mid|late)[\s-])?(?:nineteen[\s-])?(?P<words>twenties|thirties|"
            r"forties|fifties|sixties|seventies|eighties|nineties))\b",
            _I,
        ),
        _decade,
    ),
    Rule("century", _rx(r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b", _I), _century),
    Rule(
        "fiscal_year",
        _rx(r"\b(?:fiscal(?:\s+year)?|FY)\s*(?P<year>(?:19|20)\d\d)\b", _I),
        _fiscal_year,
    ),
    Rule(
        "year",
        _rx(
            r"(?:\b(?i:early|mid|late)[\s-]|\b(?i:mid|post|pre)-|(?<![\w.,/-]))"
            r"(?P<year>(?:1[89]|20)\d\d)(?![\w/])"
        ),
        _year,
    ),
    Rule(
        "weekday",
        _rx(
            r"\b(?:(?P<rel>last|this|next|coming|(?:the\s+)?previous|the\s+following|"
            # "past" is "last" only after "the" or "this": "could delay the vote
            # past Saturday" is the preposition, the weekday a limit still ahead.
            r"(?:(?<=\bthe\s)|(?<=\bthis\s)|(?<=\bThe\s)|(?<=\bThis\s))past|"
            # "following Friday's attack": "following" is the preposition "after",
            # and the day is that Friday, not the Friday after the one the text is at.
            r"following(?!\s+" + WEEKDAY_RE + r"(?:\s+" + _POD + r")?['’]s)|"
            r"(?i:early|late|earlier|later))\s+)?"
            r"(?P<wd>" + WEEKDAY_RE + r")(?:\s+(?P<pod>" + _POD + r"))?\b"
        ),
        _weekday,
    ),
    Rule(
        "relative_day",
        _rx(
            # "mid-afternoon yesterday": the part of the day goes with the day.
            r"\b(?:(?:early|late|mid)[\s-]?(?P<pod0>morning|afternoon|evening)\s+)?"
            r"(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>" + _POD + r"))?\b",
            _I,
        ),
        _relative_day,
    ),
    Rule(
        # "By mid-afternoon, the shelling had stopped": that part of the day
        # the text is at.
        "mid_part_of_day",
        _rx(r"\b(?:mid[\s-]?|late\s+in\s+the\s+)(?P<pod>morning|afternoon)\b", _I),
        _mid_part_of_day,
    ),
    Rule(
        "this_part_of_day",
        _rx(r"\b(?P<w>this|last)\s+(?P<pod>morning|afternoon|evening|night)\b", _I),
        _relative_day,
    ),
    Rule(
        "time_of_day",
        _rx(
            r"(?<![\d:$.])(?:(?P<h>\d{1,2})(?::(?P<mi>\d\d))?\s*(?:(?P<ap>[ap]\.m\.|[ap]m\b|[ap]\.m\b)|(?P<oclock>o'clock))"
            r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC)\b)?|\b(?P<word>noon|midday|midnight)\b)"
            r"(?:,?\s+(?:on\s+)?(?:(?P<twd>(?-i:"
            + WEEKDAY_RE
            + r"))|(?P<trel>today|yesterday|tomorrow)|"
            r"(?P<tmon>(?-i:" + MONTH_RE + r"))\s+(?P<tday>\d{1,2})\b))?",
            _I,
        ),
        _time_of_day,
    ),
    Rule(
        "anaphoric_day",
        _rx(
            r"\b(?:(?:earlier|later)\s+)?(?:that\s+(?:same\s+)?(?:day|night|morning|evening)|the\s+same\s+day|"
            r"the\s+(?:next|following|previous|prior)\s+day|"
            # Not set beside a date: "Oct. 12, the day before the crash" is
            # Oct. 12 itself (apposed_day).
            r"(?<!\d,\s)(?<!day,\s)the\s+day\s+(?:before|after))\b",
            _I,
        ),
        _anaphoric_day,
    ),
    Rule(
        # "Oct. 12, the day before the plunge": the day is the date it follows.
        "apposed_day",
        # ... and after a weekday: "As of Wednesday, the day before a deadline".
        _rx(r"(?:(?<=\d,\s)|(?<=day,\s))the\s+day(?=\s+(?:before|after)\s)", _I),
        _apposed_day,
    ),
    Rule(
        "relative_unit",
        _rx(
            r"\b(?:the\s+(?:end|beginning|middle|start)\s+of\s+)?(?:(?P<mod>earlier|later|early|late)\s+)?"
            r"(?P<rel>this\s+past|this|last|next|past|coming|previous|current|"
            r"the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current|the\s+previous|the\s+same)\s+"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|"
            r"fiscal\s+year)\b",
            _I,
        ),
        _relative_unit,
    ),
    Rule("the_weekend", _rx(r"\bthe\s+weekend\b", _I), _the_weekend),
    Rule(
        "the_unit",
        _rx(
            r"\b(?:the\s+(?:full\s+|fiscal\s+|calendar\s+|current\s+fiscal\s+|following\s+|previous\s+|"
            r"prior\s+)?|(?:later\s+|earlier\s+)?that\s+)(?:year|month|week)\b(?![\s-]+(?:earlier|ago|before|"
            r"after|later|old|of\b)|['’]s|-(?:to|over|on)-)",
            _I,
        ),
        _the_unit,
    ),
    Rule(
        "year_end",
        _rx(
            r"\b(?:(?:the\s+)?year[\s-]end|(?:the\s+)?year['’]s\s+end|the\s+end\s+of\s+(?:the\s+year|(?P<year>(?:19|20)\d\d)))\b",
            _I,
        ),
        _year_end,
    ),
    Rule(
        "season",
        _rx(
            # "in" tells the season from "a fall in prices" but is not part of it.
            r"\b(?:in\s+(?=the\s))?(?P<x>(?:(?P<rel>the|this|early|late|mid-?)\s*)?"
            r"(?P<season>spring|summer|fall|autumn|winter)\b"
            r"(?:\s+(?:of\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<syear>" + SPELLED_YEAR_RE + r"))\b)?)",
            _I,
        ),
        _season,
    ),
    Rule(
        "spelled_year",
        _rx(
            r"\b(?:(?:the\s+year\s+)?(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<k>one|two|three|four|five|six|seven|eight|nine))?"
            r"|nineteen\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?P<ones>one|two|three|four|five|six|seven|eight|nine))?)\b"
            # A count, not a year: "two thousand years", "nineteen ninety dollars".
            r"(?!\s+(?:years|dollars|people|troops|men|women|times|miles|feet)\b)",
            _I,
        ),
        _spelled_year,
    ),
    Rule(
        "quarter",
        _rx(
            # "the third-quarter loss": the article is the noun's, not the quarter's.
            r"\b(?:the\s+(?!(?:fiscal[\s-]+)?\w+-quarter\b)|next\s+)?(?:(?P<yrel>this|last|next)\s+year['’]s\s+|(?P<year2>(?:19|20)\d\d)\s+)?(?:fiscal[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
            r"[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d))?\b",
            _I,
        ),
        _quarter,
    ),
    Rule(
        "half",
        _rx(
            # "the first half of the game / of the '80s" is not the year's.
            r"\b(?:the\s+)?(?P<ord>first|second|last)[\s-]+half(?:\s+of\s+(?P<year>(?:19|20)\d\d))?\b"
            r"(?!\s+of\b)",
            _I,
        ),
        _half,
    ),
    Rule(
        "the_quarter",
        _rx(
            r"\bthe\s+(?:latest\s+|most\s+recent\s+|recent\s+)?quarter\b(?![\s-]+(?:point|of\s+a)|-(?:to|over|on)-)",
            _I,
        ),
        _the_quarter,
    ),
    Rule(
        "latest_period",
        _rx(r"\bthe\s+(?:latest|most\s+recent)\s+period\b", _I),
        _latest_period,
    ),
    Rule(
        "year_period",
        _rx(r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?:quarter|period)\b", _I),
        _year_period,
    ),
    Rule(
        "year_earlier_period",
        _rx(
            # The article goes with a period it names ("the year-ago quarter"), not
            # with another noun ("the year-ago results": "year-ago").
            r"\b(?:the\s+(?=(?:(?:comparable|corresponding)\s+)?year[\s-](?:earlier|ago)\s+"
            r"(?:(?:first|second|third|fourth)[\s-]+(?:fiscal\s+)?)?(?:quarter|period|nine|six)\b))?"
            r"(?:(?:comparable|corresponding)\s+)?year[\s-](?:earlier|ago)"
            r"(?:\s+(?:(?P<ord>first|second|third|fourth)[\s-]+(?:fiscal\s+)?)?quarter|\s+period"
            r"|\s+(?P<months>nine|six)\s+months)?\b",
            _I,
        ),
        _year_earlier_period,
    ),
    Rule(
        # "the same period last year", "the quarter a year ago", "last year's
        # quarter": one span, the period in focus a year back (TimeBank tags
        # them whole, as the quarter).
        "period_last_year",
        _rx(
            r"\b(?:the\s+(?:(?:same|corresponding|comparable)\s+)?(?:quarter|period)\s+"
            r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)|last\s+year['’]s\s+(?:quarter|period))\b",
            _I,
        ),
        _period_last_year,
    ),
    Rule(
        "holiday",
        _rx(
            r"\b(?:(?P<rel>last|this|next)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))|"
            r"Thanksgiving(?:\s+Day)?|Independence\s+Day|Valentine['’]s\s+Day|Halloween|Veterans\s+Day|"
            r"Black\s+Friday|Cyber\s+Monday|Good\s+Friday|Easter\s+(?:Sunday|Monday)|Palm\s+Sunday|"
            r"Ash\s+Wednesday|(?:Holy|Maundy)\s+Thursday|Holy\s+Saturday|(?:Fat|Shrove|Giving)\s+Tuesday)\b"
            # The Good Friday Agreement of 1998 is a treaty, not this year's feast.
            r"(?!(?<=Friday)\s+(?i:agreement|accord|peace))"
        ),
        _holiday,
    ),
    Rule(
        "ago",
        _rx(
            r"\b(?:(?:"
            + MODIFIER_RE
            + r")\s+)?(?P<num>"
            + NUMBER_RE
            + r"|"
            + VAGUE_RE
            + r")[\s-]+(?P<unit>"
            + UNIT_RE
            + r")(?P<half>\s+and\s+a\s+half)?\s+"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)\b",
            _I,
        ),
        _ago,
        _rx(r"\b(?:ago|earlier|later|from\s+now|hence)\b", _I),
    ),
    Rule(
        # "a week from Monday", "two weeks from today": one day, counted from another.
        "offset_from_day",
        _rx(
            r"\b(?:(?:" + MODIFIER_RE + r")\s+)?(?P<num>" + NUMBER_RE + r")[\s-]+"
            r"(?P<unit>days?|weeks?|months?|years?)\s+from\s+"
            r"(?P<base>today|tomorrow|yesterday|(?-i:" + WEEKDAY_RE + r"))\b",
            _I,
        ),
        _offset_from_day,
        _rx(r"\bfrom\s+(?:today|tomorrow|yesterday|" + WEEKDAY_RE + r")\b", _I),
    ),
    Rule(
        # "a quarter of a century", "half a decade", "the past half century":
        # a share of a long unit, not the unit itself.
        "fraction_of_unit",
        _rx(
            r"\b(?:the\s+(?:past|last|next|previous|coming)\s+|(?:" + MODIFIER_RE + r")\s+)?"
            r"(?P<frac>a\s+quarter|one\s+quarter|three[\s-]quarters|a\s+half|one\s+half|half)"
            r"(?:[\s-]+of)?(?:[\s-]+a)?[\s-]+(?P<unit>century|decade)\b"
            r"(?:\s+(?P<dir>ago|earlier|later))?",
            _I,
        ),
        _fraction_of_unit,
        _rx(r"\b(?:century|decade)\b", _I),
    ),
    Rule(
        # "Islam will one day be ...": some day ahead, not a span of one day.
        "one_day",
        _rx(
            r"\b(?:will|would|could|may|might|can|shall|should|must)\s+"
            r"(?P<x>one\s+day|some\s+day|someday)\s+(?=[a-z])",
            _I,
        ),
        _future_day,
    ),
    Rule(
        "duration",
        _rx(
            # "the nine months" keeps its article, as TimeBank does; "the 14-day
            # period" does not (the article is the noun's).
            r"\b(?:the\s+(?:(?:past|last|next|previous|coming|first|final|following|latest)\s+"
            r"|(?!(?:\w+-)+" + UNIT_RE + r"\b)))?"
            r"(?:(?:" + MODIFIER_RE + r")\s+)?(?P<num>" + NUMBER_RE + r"|" + VAGUE_RE + r")[\s-]+"
            r"(?:(?:more|additional|full|straight|consecutive|long|trading|business|working)\s+)?"
            r"(?P<unit>" + UNIT_RE + r")(?P<half>\s+and\s+a\s+half)?"
            r"(?:-long)?\b(?![\s-]+old\b|-)",
            _I,
        ),
        _duration,
        # The unit as a word of its own: not "Monday", "today" or "holiday".
        _rx(r"(?<=[\s-])" + UNIT_RE + r"\b", _I),
    ),
    Rule(
        "bare_units",
        _rx(
            r"\b(?:for|within|over|in|during)\s+(?P<x>(?P<unit>years|decades|months|weeks|"
            r"days|hours|minutes))\b(?!\s+(?:of|ago|earlier|later|old|before|after)\b)",
            _I,
        ),
        _bare_units,
    ),
    Rule(
        "recent_units",
        _rx(
            r"\b(?:(?:the\s+)?(?:recent|past|coming)|future|the\s+(?:past|last|next|coming)\s+(?:few|several))\s+"
            r"(?P<unit>years|decades|months|weeks|days|quarters)\b(?!\s+(?:of|ago)\b)",
            _I,
        ),
        _vague_span,
    ),
    Rule(
        "reference",
        _rx(
            r"\b(?P<w>now|currently|current|at\s+present|nowadays|these\s+days|recently|"
            r"lately|the\s+near\s+future|the\s+future|the\s+past|the\s+(?:near|short|long)\s+term|"
            r"an?\s+(?:later|future|earlier)\s+date|then[\s-]current)\b"
            r"(?!\s+(?:\d|few|several|week|month|year|decade|day|two|three))"
            # Not the head of a longer span: "the past four elections", "the past half century".
            r"(?!(?<=past)\s+(?:many|half|century|" + _COUNT_WORDS + r")\b)",
            _I,
        ),
        _reference,
    ),
    Rule(
        "set",
        _rx(
            r"\b(?:(?P<adv>(?-i:daily|weekly|monthly|yearly|hourly|nightly))|"
            r"(?:every|each)\s+(?P<what>day|week|month|year|quarter|hour|morning|evening|night|"
            r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
            r"January|February|March|April|May|June|July|August|September|October|November|"
            r"December|spring|summer|fall|autumn|winter))\b",
            _I,
        ),
        _set,
    ),
    Rule(
        # Weekdays in the plural recur: "on Tuesdays", "Tuesday nights".
        "weekday_set",
        _rx(
            r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"(?:s|\s+(?P<pod>(?i:mornings|afternoons|evenings|nights)))\b"
        ),
        _weekday_set,
    ),
)
