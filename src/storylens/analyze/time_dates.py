"""Resolvers for calendar dates and days: "March 3, 2024", "Oct. 7", "1998",
"Monday", "yesterday", "10 p.m. Tuesday", "that day"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storylens.analyze.time_context import (
    Context,
    Resolution,
    _month,
    _year_of,
)
from storylens.analyze.time_lexicon import (
    MONTH_RE,
    NAMED_DAY_BEFORE,
    PARTS_OF_DAY,
    WEEKDAY_RE,
    WEEKDAYS,
    spelled_year_value,
)
from storylens.analyze.time_resolve import (
    Direction,
    direction_at,
    ends_a_running_span,
    past_event_in,
    past_event_on,
    past_verb_after,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    since_month,
)
from storylens.analyze.time_tense import nearest_tense, starts_or_limits

# --- absolute and year-less calendar dates ---------------------------------


SEPT_11_YEAR = 2001
_NAMES_THE_ATTACKS = re.compile(
    # Plural: "the Sept. 11 attack in Benghazi" (2012) is another attack on that day.
    r"\s+(?:terror(?:ist)?\s+)?(?:attacks|hijackers|hijackings|terrorists|commission|"
    r"memorial|victims|families)\b",
    re.IGNORECASE,
)


# The rest of a span of days whose last day carries the year: " to Nov. 6, 2016",
# " and September 4, 2019", "-Nov. 6, 2016".
_RANGE_CLOSED_BY_YEAR = re.compile(
    r"\s*(?:-|–|\s(?:to|through|until|and)\s+)(?P<mon>"
    + MONTH_RE
    + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:1[89]|20)\d\d)\b"
)


def _month_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    month, day = _month(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        try:
            return "DATE", date(int(m["year"]), month, day).isoformat(), False
        except ValueError:
            return None
    # "the Sept. 11 attacks", "Sept. 11 hijackers": the day is the name of 2001's.
    attacks = (month, day) == (9, 11) and _NAMES_THE_ATTACKS.match(ctx.text, m.end())
    if attacks and (ctx.anchor is None or ctx.anchor.year > SEPT_11_YEAR):
        return "DATE", f"{SEPT_11_YEAR}-09-11", False
    closing = _RANGE_CLOSED_BY_YEAR.match(ctx.text, m.end())
    if closing:
        # "from Oct. 4 to Nov. 6, 2016": the span's first day is in its last day's year, or
        # the year before when the span runs over New Year ("Dec. 28 to Jan. 4, 2019").
        year = int(closing["year"])
        if (month, day) > (_month(closing["mon"]), int(closing["day"])):
            year -= 1
        try:
            return "DATE", date(year, month, day).isoformat(), False
        except ValueError:
            return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", True
    resolved = resolve_month_day(ctx.anchor, month, day, ctx.direction(m))
    if resolved and m["mwd"]:
        resolved = _year_of_weekday(resolved, WEEKDAYS[m["mwd"].lower()])
    return ("DATE", resolved.isoformat(), True) if resolved else None


def _year_of_weekday(resolved: date, weekday: int) -> date:
    """A date printed with its weekday but no year ("Thursday, April 30") names
    the year in which that day falls on that weekday: the year next to the
    tense-chosen one where the two agree. Articles carry such dates from
    another year (a photo gallery or a recap appended to a story, a page
    re-dated when edited), and the weekday is the only trace of that year
    in the text. Only the years either side are tried: two years off, four
    of the six wrong weekdays would fit some year, so a typo would move the
    date more often than not; a weekday that fits neither stays a typo and
    the tense-chosen date stands."""
    if resolved.weekday() == weekday:
        return resolved
    for step in (-1, 1):
        try:
            other = resolved.replace(year=resolved.year + step)
        except ValueError:  # Feb. 29
            continue
        if other.weekday() == weekday:
            return other
    return resolved


def _month_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    month = _month(m["mon"])
    year = int(m["year"]) if m["year"] else spelled_year_value(m["syear"] or "")
    if year:
        return "DATE", f"{year:04d}-{month:02d}", False
    if m["ana"]:
        # "March of that year": the year the text last named (TempEval-3 has
        # none; on ABP 0-24,000, 97 such phrases, all read before as a bare
        # month counted from the anchor). Known only once the text is read in
        # order; without a year named, the year stays unknown.
        if not ctx.in_order or ctx.ref_year is None:
            return "DATE", f"XXXX-{month:02d}", True
        words = m["ana"].lower()
        step = (
            1
            if re.search(r"following|next", words)
            else -1
            if re.search(r"previous|prior|preceding", words)
            else 0
        )
        return "DATE", f"{ctx.ref_year + step:04d}-{month:02d}", True
    if ctx.anchor is None:  # "June last year"
        return "DATE", f"XXXX-{month:02d}", True
    step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return "DATE", f"{ctx.anchor.year + step:04d}-{month:02d}", True


_MAY_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|last|next|this|early|late|mid|from|to|through|"
    r"during|before|after|on|between|and|or)\s+|mid-)$",
    re.IGNORECASE,
)


def _bare_month(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = m["mon"]
    # "May" and "March" are also a modal and a verb: take them only where a
    # month can stand (after a preposition or a modifier).
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if word in ("May", "March") and not (m["rel"] or m["edge"]) and not _MAY_BEFORE.search(before):
        return None
    month = _month(word)
    rel = (m["rel"] or "").lower()
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", True
    direction: Direction | None = ctx.direction(m)
    if rel == "last":
        # The month just gone would be "last month": "last February" said in
        # March is a year back.
        year = ctx.anchor.year if month < ctx.anchor.month - 1 else ctx.anchor.year - 1
    elif rel == "next":
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
    elif rel == "this":
        year = ctx.anchor.year
    elif since_month(ctx.text, m.start(), ctx.lo) or (
        direction != "future"
        and (past_event_in(ctx.text, m.start(), ctx.lo) or past_verb_after(ctx.text, m.end()))
    ):
        year = ctx.anchor.year if month <= ctx.anchor.month else ctx.anchor.year - 1
    else:
        year, month = resolve_month(ctx.anchor, month, direction)
    return "DATE", f"{year:04d}-{month:02d}", True


def _iso(m: re.Match[str], ctx: Context) -> Resolution | None:
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["H"]:
        return "TIME", f"{d.isoformat()}T{m['H']}:{m['M']}", False
    return "DATE", d.isoformat(), False


def _numeric(m: re.Match[str], ctx: Context) -> Resolution | None:
    try:
        d = date(_year_of(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["H"]:
        return "TIME", f"{d.isoformat()}T{int(m['H']):02d}:{m['M']}", False
    return "DATE", d.isoformat(), False


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                 "nineties")  # fmt: skip


def _decade(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["words"]:  # "the nineties": of the twentieth century, as news says it
        return "DATE", f"19{_DECADE_WORDS.index(m['words'].lower()) + 2}", False
    digits = m["dec"] or m["dec2"]
    if len(digits) == 1:  # the '90s
        century = "19" if int(digits) >= 3 else "20"
        return "DATE", f"{century}{digits}", False
    return "DATE", digits, False


def _century(m: re.Match[str], ctx: Context) -> Resolution | None:
    n = int(m["n"])
    return ("DATE", f"{n - 1:02d}", False) if 1 <= n <= 21 else None


_NOT_A_YEAR_AFTER = re.compile(
    r"^(?:\s*%|\s*-?(?:percent|per\s+cent)|[.,:]\d|\d|-(?!\d{2}\b)[a-z])", re.I
)
_NOT_A_YEAR_BEFORE = re.compile(r"(?:[$£€#]|No\.|\d[,.]?|\bnumber)\s*$", re.IGNORECASE)
# A number that labels a thing ("Resolution 1973", "Flight 1549", "Section
# 1983") or a copyright line's year (page furniture, not a date of the story).
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:Resolution|UNSCR|Section|Article|Chapter|Route|Highway|Interstate|Flight|Title|"
    r"Rule|Room|Suite)|\b(?i:copyright)(?:\s*©)?|©|\((?i:c)\))\s+$"
)
# A four-digit number followed by what news counts is a count, not a year:
# "2000 people", "1500 troops".
_COUNTED = re.compile(
    r"^\s+(?:more\s+|other\s+|new\s+)?(?:people|persons|residents|troops|soldiers|workers|jobs|"
    r"employees|students|children|homes|houses|cases|deaths|votes|voters|members|"
    r"civilians|refugees|migrants|police|officers|protesters|tons|barrels|miles|"
    r"kilometers|feet|meters|acres|shares|units|cars|vehicles|flights|points|words)\b",
    re.IGNORECASE,
)


def _year(m: re.Match[str], ctx: Context) -> Resolution | None:
    after = ctx.text[m.end() : m.end() + 12]
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    after = ctx.text[m.end() : m.end() + 30]
    if _NOT_A_YEAR_AFTER.match(after) or _NOT_A_YEAR_BEFORE.search(before) or _COUNTED.match(after):
        return None
    if _LABEL_BEFORE.search(ctx.text[max(0, m.start() - 20) : m.start()]):
        return None
    year = int(m["year"])
    if not 1800 <= year <= 2099:
        return None
    return "DATE", f"{year:04d}", False


# --- weekdays, days, parts of days ------------------------------------------


# A capitalised part of day followed by another capitalised word makes a
# title: "Saturday Night Live", "Monday Night Football".
_TITLE_AFTER = re.compile(r"^\s+(?:Night|Morning|Evening|Afternoon)\s+[A-Z]")


_AND_WEEKDAY = re.compile(r"\s+(?:and|or)\s+(?P<wd>" + WEEKDAY_RE + r")\b")
_SCHOOL_AFTER = re.compile(r"\s+schools?\b", re.IGNORECASE)


def _weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    if not m["rel"] and NAMED_DAY_BEFORE.search(ctx.text[max(0, m.start() - 8) : m.start()]):
        return None
    if _TITLE_AFTER.match(ctx.text[m.start() + len(m["wd"]) : m.start() + len(m["wd"]) + 14]):
        return None
    if not m["pod"] and _SCHOOL_AFTER.match(ctx.text, m.end()):
        return None  # "Sunday school", "Saturday school": a kind of school, no day
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd + 1}"
        return ("TIME", f"{value}T{pod}", True) if pod else ("DATE", value, True)
    if rel.endswith(("previous", "following")):
        # "the previous Friday": the one before the day the text is at.
        base = ctx.ref_day or ctx.anchor
        ahead: Direction = "future" if rel.endswith("following") else "past"
        d = resolve_weekday(base, wd, ahead, strict=True)
    elif rel in ("next", "coming"):
        d = resolve_weekday(ctx.anchor, wd, "future", strict=True)
    elif rel in ("last", "past"):
        d = resolve_weekday(ctx.anchor, wd, "past", strict=True)
        if rel == "last" and (ctx.anchor - d).days == 1:
            # Yesterday is "Tuesday" or "yesterday"; "last Tuesday" said on a
            # Wednesday is the week before ("since his victory last Tuesday",
            # a week after the election). TempEval-3 has no such case; on ABP
            # 2014+2016, 12 values move, 9 right and 3 undecidable.
            d -= timedelta(days=7)
    elif rel in ("", "early", "late", "earlier", "later") and past_event_on(
        ctx.text, m.start(), ctx.lo
    ):
        d = resolve_weekday(ctx.anchor, wd, "past")
    elif not rel and starts_or_limits(ctx.text, m.start(), m.end()):
        # "starting Friday", "effective Saturday", "delay the vote past
        # Saturday": a start or a limit still ahead, unless the verb nearest
        # it is past ("had come under shelling, starting Friday").
        past = nearest_tense(ctx.text, m.start(), ctx.lo, through_infinitive=False) == "past"
        d = resolve_weekday(ctx.anchor, wd, "past" if past else "future")
    else:
        direction = ctx.direction(m)
        if (
            direction is None
            and not rel
            and ends_a_running_span(ctx.text, m.start(), m.end(), ctx.lo)
        ):
            direction = "future"
        if direction is None and not rel and (pair := _AND_WEEKDAY.match(ctx.text, m.end())):
            # "meets Wednesday and Thursday, will determine": the pair shares
            # the direction the words after its second day give.
            hi = ctx.hi or len(ctx.text)
            direction = direction_at(ctx.text, pair.start("wd"), pair.end("wd"), ctx.lo, hi)
        d = resolve_weekday(ctx.anchor, wd, direction)
    return ("TIME", f"{d.isoformat()}T{pod}", True) if pod else ("DATE", d.isoformat(), True)


# "next Thursday" said on a Tuesday is this week's Thursday to some readers and the
# next week's to others, and "last Monday" said on a Thursday this week's Monday or the
# week before's. The value taken stays the nearer day (see resolve_weekday); the other
# reading goes with it so that no one shows the day as certain. "the next Thursday",
# "this coming Thursday" and "this past Monday" name the nearer day only.
_NEXT_OR_LAST_WEEKDAY = re.compile(r"(?P<rel>next|last)\s+" + WEEKDAY_RE + r"\b", re.IGNORECASE)
_DAY_VALUE = re.compile(r"(\d{4}-\d{2}-\d{2})(.*)")


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def other_week_reading(
    text: str, start: int, end: int, value: str, anchor: date | None
) -> str | None:
    """The other value of "next <weekday>" or "last <weekday>" (text[start:end]) when the
    one taken lies in the anchor's own week (Monday to Sunday), where readers differ;
    else None."""
    m = _NEXT_OR_LAST_WEEKDAY.match(text, start, end)
    day = _DAY_VALUE.fullmatch(value)
    if anchor is None or m is None or day is None:
        return None
    if _THE_BEFORE.search(text, max(0, start - 6), start):
        return None  # "the next Thursday": the first one to come
    taken = date.fromisoformat(day[1])
    if taken.isocalendar()[:2] != anchor.isocalendar()[:2]:
        return None
    step = timedelta(days=7 if m["rel"].lower() == "next" else -7)
    return (taken + step).isoformat() + day[2]


# "Before Tuesday's primary", "ahead of Thursday's hearing": a happening the text is
# before, which may be the last one or the coming one. Read on 8,000 ABP articles, the
# direction taken for such a day other than the publication day was wrong about half the
# time (the final sprint before Tuesday's New Hampshire primary, said on a Sunday); the
# other way goes with the value.
_BEFORE_A_DAYS_HAPPENING = re.compile(
    r"\b(?:before|ahead\s+of|in\s+the\s+run-up\s+to|leading\s+up\s+to)\s+$", re.IGNORECASE
)
_POSSESSIVE_WEEKDAY = re.compile(WEEKDAY_RE + r"['’]s\b")


def other_direction_reading(
    text: str, start: int, end: int, value: str, anchor: date | None
) -> str | None:
    """The other value of a weekday's happening the text is before ("before Tuesday's
    primary"): the coming one for the last, the last for the coming one; None for other
    expressions and for the anchor's own day."""
    day = _DAY_VALUE.fullmatch(value)
    if anchor is None or day is None or not _POSSESSIVE_WEEKDAY.match(text, start, end + 2):
        return None
    if not _BEFORE_A_DAYS_HAPPENING.search(text, max(0, start - 30), start):
        return None
    taken = date.fromisoformat(day[1])
    if taken == anchor:
        return None
    step = timedelta(days=7 if taken < anchor else -7)
    return (taken + step).isoformat() + day[2]


_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0,
    "this": 0, "last": -1,
}  # fmt: skip


# "today's world", "tomorrow's leaders": the present or the future at large,
# not a day (neither TimeBank nor AQUAINT tags them).
_GENERIC_AFTER = re.compile(
    r"^['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|generation|young|children|kids|teenagers|"
    r"consumers|economy|technology|standards|leaders|computers|families|women|men|students|"
    r"workers|politics|culture)\b",
    re.IGNORECASE,
)

_GENERIC_BEFORE = re.compile(r"\bthe\s+[a-z]+\s+of\s+$", re.IGNORECASE)  # "the people of tomorrow"


# A word or comma right before: the expression is inside a sentence.
_MID_SENTENCE = re.compile(r"[\w,]\s+$")


_SHOW_AFTER = re.compile(r"^\s+(?:Show|Programme|Program)\b")


def _relative_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = m["w"].lower()
    if m["w"][0].isupper() and _MID_SENTENCE.search(ctx.text[max(0, m.start() - 3) : m.start()]):
        return None  # "USA Today", "VOA Today": capitalised inside a sentence, a name
    if m["w"][0].isupper() and _SHOW_AFTER.match(ctx.text[m.end() : m.end() + 12]):
        return None  # "the Tonight Show", "the Today programme"
    if word in ("today", "tomorrow") and (
        _GENERIC_AFTER.match(ctx.text[m.end() : m.end() + 40])
        or _GENERIC_BEFORE.search(ctx.text[max(0, m.start() - 30) : m.start()])
    ):
        return None
    offset = _DAY_OFFSETS[word]
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    if "pod0" in m.re.groupindex and m["pod0"]:
        pod = PARTS_OF_DAY[m["pod0"].lower()]
    if word == "tonight":
        pod = "NI"
    if word == "last" and pod not in ("NI", "EV"):
        return None  # "last morning" is not an expression
    if word == "this" and not pod:
        return None
    if ctx.anchor is None:
        value = "XXXX-XX-XX"
    else:
        value = (ctx.anchor + timedelta(days=offset)).isoformat()
    return ("TIME", f"{value}T{pod}", True) if pod else ("DATE", value, True)


def _time_of_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = (m["word"] or "").lower()
    if word:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[word]
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        ampm = (m["ap"] or "").lower().replace(".", "")
        if hour > 12 or minute > 59 or (not ampm and not m["oclock"] and not m["mi"]):
            return None
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
    day = _day_of_time(m, ctx)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{hour:02d}:{minute:02d}", True


def _day_of_time(m: re.Match[str], ctx: Context) -> date | None:
    """The day a clock time is on: the day named with it ("10 p.m. Wednesday", "10:35
    a.m. (0735 GMT) Friday"), else a day named shortly before (400 characters: this
    sentence or the one before, "was killed on Oct. 23. ... shot at 10 p.m."), else the
    anchor. Measured against the same sentence only: TimeBank value F1 unchanged, AQUAINT
    0.771 -> 0.772; a 1,000 or 3,000 character reach scored the same."""
    a = ctx.anchor
    if a is not None and m["twd"]:
        direction = ctx.direction(m)
        if direction is None and ends_a_running_span(ctx.text, m.start(), m.end(), ctx.lo):
            direction = "future"  # "has given them until 9 a.m. Tuesday to sign"
        return resolve_weekday(a, WEEKDAYS[m["twd"].lower()], direction)
    if a is not None and m["trel"]:
        return a + timedelta(days=_DAY_OFFSETS[m["trel"].lower()])
    if a is not None and m["tmon"]:
        return resolve_month_day(a, _month(m["tmon"]), int(m["tday"]), ctx.direction(m))
    later = _WEEKDAY_AFTER_NOTE.match(ctx.text, m.end())
    if a is not None and later:
        # "at about 10:35 a.m. (0735 GMT) Friday": the day after the time's other zone.
        return resolve_weekday(a, WEEKDAYS[later["wd"].lower()], ctx.direction(m))
    if _recent_day(ctx):
        return ctx.ref_day
    return a


_WEEKDAY_AFTER_NOTE = re.compile(
    r"\s*\([^()\n]{1,20}\)\s*(?:on\s+)?(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)


def _recent_day(ctx: Context) -> bool:
    """Whether a day named shortly before dates what follows. Tried: only within the
    paragraph ("Inspectors found the cracks on Oct. 3." then, a paragraph on, "Traffic
    backed up before 8 a.m."): TimeBank and AQUAINT unchanged, but of 57 changed times in
    3,000 ABP articles most turned wrong, news paragraphs being a sentence or two ("The
    911 caller told the dispatcher at 1:49 p.m." after "on May 10")."""
    return ctx.ref_day is not None and ctx.position - 400 <= ctx.ref_day_at < ctx.position


def _mid_part_of_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "mid-afternoon": on the day named shortly before, else the anchor's."""
    pod = PARTS_OF_DAY[m["pod"].lower()]
    day = ctx.anchor
    if _recent_day(ctx):
        day = ctx.ref_day
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{pod}", True


# "in the next day or so", "within the next day": the day ahead of now as a
# span, like "over the next week" (P1W), not the day after the last one named.
_SPAN_BEFORE = re.compile(r"\b(?:in|over|within|during)\s+$", re.IGNORECASE)
_SPAN_AFTER = re.compile(r"^\s+or\s+(?:so|two)\b", re.IGNORECASE)


def _anaphoric_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    phrase = " ".join(m.group(0).lower().split())
    if phrase == "the next day" and (
        _SPAN_BEFORE.search(ctx.text[max(0, m.start() - 10) : m.start()])
        or _SPAN_AFTER.match(ctx.text[m.end() : m.end() + 10])
    ):
        return "DURATION", "P1D", False
    base = ctx.ref_day or ctx.anchor
    if base is None:
        return "DATE", "XXXX-XX-XX", True
    shift = 0
    if any(w in phrase for w in ("next", "following", "after")):
        shift = 1
    elif any(w in phrase for w in ("before", "previous", "prior")):
        shift = -1
    value = (base + timedelta(days=shift)).isoformat()
    if phrase.endswith("night"):
        return "TIME", f"{value}TNI", True
    return "DATE", value, True


def _apposed_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the day" set beside the date just named ("Oct. 12, the day before the
    crash"): that date. Without one right before it, no expression."""
    if not ctx.in_order:
        return "DATE", "XXXX-XX-XX", True
    if ctx.ref_day is None or not 0 < m.start() - ctx.ref_day_at <= 30:
        return None
    return "DATE", ctx.ref_day.isoformat(), True
