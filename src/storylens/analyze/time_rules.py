"""The grammar of time expressions: one regex per surface form, one resolver each.

A rule finds a span; its resolver turns the match into a TIMEX3 (type, value)
against the context: the anchor date (publication date or a tweet's date), the
sentence, and the reference time the text has reached so far ("that day",
"a year earlier"). A resolver returns None to drop a false hit ("may" the
verb), and says whether the value depends on the anchor (a relative value),
so that values resting on an inferred publication date can be marked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from storylens.analyze.time_lexicon import (
    HOLIDAYS,
    MODIFIER_RE,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNIT_CODES,
    UNIT_RE,
    VAGUE_NUMBERS,
    VAGUE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
)
from storylens.analyze.time_resolve import (
    Direction,
    add_months,
    direction_at,
    iso_week,
    quarter_of,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    weekend_before,
)

# (type, value, relative): relative is True when the value depends on the anchor.
Resolution = tuple[str, str, bool]


@dataclass(slots=True)
class Context:
    """What a resolver may look at besides its own match."""

    text: str
    anchor: date | None
    lo: int = 0  # the sentence around the match
    hi: int = 0
    ref_day: date | None = None  # the last day the text named ("that day")
    ref_day_at: int = -1  # where it was named
    ref_quarter: tuple[int, int] | None = None  # the last quarter it named
    ref_quarter_at: int = -1  # where it was named
    ref_year: int | None = None  # the last year it named ("that year")
    position: int = 0  # where the expression being resolved starts

    def quarter_in_focus(self) -> bool:
        """Whether the text is talking about a quarter just now (within a few
        sentences): then "a year ago" means that quarter a year before."""
        return self.ref_quarter is not None and 0 <= self.position - self.ref_quarter_at <= 1500

    def direction(self, m: re.Match[str]) -> Direction | None:
        return direction_at(self.text, m.start(), m.end(), self.lo, self.hi or len(self.text))


Resolver = Callable[[re.Match[str], Context], Resolution | None]


@dataclass(slots=True, frozen=True)
class Rule:
    """A surface form: `pattern` finds it, `resolve` normalizes it. `trigger`,
    when set, is a cheap regex for a word every match contains: the pattern
    then runs only on windows around the trigger's hits (long alternations
    of optional modifiers are slow to try at every position)."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    trigger: re.Pattern[str] | None = None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day_value(d: date) -> str:
    return d.isoformat()


def _year_of(text: str) -> int:
    year = int(text)
    return year + (1900 if year >= 30 else 2000) if len(text) == 2 else year


# --- absolute and year-less calendar dates ---------------------------------


def _month_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    month, day = _month(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        try:
            return "DATE", date(int(m["year"]), month, day).isoformat(), False
        except ValueError:
            return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", True
    resolved = resolve_month_day(ctx.anchor, month, day, ctx.direction(m))
    return ("DATE", resolved.isoformat(), True) if resolved else None


def _month_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    month = _month(m["mon"])
    if m["year"]:
        return "DATE", f"{int(m['year']):04d}-{month:02d}", False
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
    if word in ("May", "March") and not m["rel"] and not _MAY_BEFORE.search(before):
        return None
    month = _month(word)
    rel = (m["rel"] or "").lower()
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", True
    direction: Direction | None = ctx.direction(m)
    if rel == "last":
        year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
    elif rel == "next":
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
    elif rel == "this":
        year = ctx.anchor.year
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


def _decade(m: re.Match[str], ctx: Context) -> Resolution | None:
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
    year = int(m["year"])
    if not 1800 <= year <= 2099:
        return None
    return "DATE", f"{year:04d}", False


# --- weekdays, days, parts of days ------------------------------------------


def _weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd + 1}"
        return ("TIME", f"{value}T{pod}", True) if pod else ("DATE", value, True)
    if rel in ("next", "coming"):
        d = resolve_weekday(ctx.anchor, wd, "future", strict=True)
    elif rel in ("last", "past", "previous"):
        d = resolve_weekday(ctx.anchor, wd, "past", strict=True)
    else:
        d = resolve_weekday(ctx.anchor, wd, ctx.direction(m))
    return ("TIME", f"{d.isoformat()}T{pod}", True) if pod else ("DATE", d.isoformat(), True)


_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0,
    "this": 0, "last": -1,
}  # fmt: skip


def _relative_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = m["w"].lower()
    offset = _DAY_OFFSETS[word]
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
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
    """The day a clock time is on: the day named with it ("10 p.m. Wednesday"),
    else a day named earlier in the same sentence, else the anchor."""
    a = ctx.anchor
    if a is not None and m["twd"]:
        return resolve_weekday(a, WEEKDAYS[m["twd"].lower()], ctx.direction(m))
    if a is not None and m["trel"]:
        return a + timedelta(days=_DAY_OFFSETS[m["trel"].lower()])
    if a is not None and m["tmon"]:
        return resolve_month_day(a, _month(m["tmon"]), int(m["tday"]), ctx.direction(m))
    if ctx.ref_day is not None and ctx.lo <= ctx.ref_day_at < ctx.position:
        return ctx.ref_day
    return a


def _anaphoric_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    phrase = " ".join(m.group(0).lower().split())
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


# --- weeks, months, years, quarters, seasons relative to the anchor ----------


def _relative_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    rel = " ".join(m["rel"].lower().split())
    unit = " ".join(m["unit"].lower().split()).replace("fiscal ", "")
    mod = (m["mod"] or "").lower()
    if rel.startswith("the ") and rel != "the same" and rel != "the current":
        # "the past year", "the next month": a stretch of time, not a date.
        if unit in SEASONS or unit == "weekend":
            return None
        letter, n = UNIT_CODES[unit]
        return "DURATION", f"P{n}{letter}", False
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    a = ctx.anchor
    if unit == "week":
        if a is None:
            return "DATE", "XXXX-WXX", True
        value = iso_week(a + timedelta(weeks=step))
    elif unit == "weekend":
        if a is None:
            return "DATE", "XXXX-WXX-WE", True
        sat = weekend_before(a, "future" if step > 0 or rel == "this" else None)
        if step > 0 and a.weekday() >= 5:
            sat += timedelta(days=7)
        value = iso_week(sat) + "-WE"
    elif unit == "month":
        if a is None:
            return "DATE", "XXXX-XX", True
        y, mo = add_months(a.year, a.month, step)
        value = f"{y:04d}-{mo:02d}"
    elif unit == "year":
        if a is None:
            return "DATE", "XXXX", True
        value = f"{a.year + step:04d}"
    elif unit == "quarter":
        if a is None:
            return "DATE", "XXXX-QX", True
        q_index = a.year * 4 + quarter_of(a) - 1 + step
        value = f"{q_index // 4:04d}-Q{q_index % 4 + 1}"
    elif unit == "decade":
        if a is None:
            return "DATE", "XXX", True
        value = f"{(a.year // 10) + step:03d}"
    elif unit == "century":
        if a is None:
            return "DATE", "XX", True
        value = f"{(a.year // 100) + step:02d}"
    elif unit in SEASONS:
        code = SEASONS[unit]
        if a is None:
            return "DATE", f"XXXX-{code}", True
        value = f"{a.year + step:04d}-{code}"
    else:
        return None
    if mod in ("earlier", "later", "early", "late") and unit in ("month", "year", "week"):
        pass  # "earlier this month" is still the month: TimeML keeps the mod apart
    return "DATE", value, True


def _the_weekend(m: re.Match[str], ctx: Context) -> Resolution | None:
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX-WE", True
    return "DATE", iso_week(weekend_before(ctx.anchor, ctx.direction(m))) + "-WE", True


def _quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    q = ORDINALS[m["ord"].lower()]
    if q > 4:
        return None
    year_text = m["year"] or m["year2"]
    if year_text:
        return "DATE", f"{int(year_text):04d}-Q{q}", False
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{q}", True
    current = quarter_of(ctx.anchor)
    # Quarters are reported after they end: "third-quarter profit will be
    # published" is still the last third quarter. Only "next" looks ahead.
    if re.match(r"next\b", m.group(0), re.IGNORECASE):
        year = ctx.anchor.year if q >= current else ctx.anchor.year + 1
    else:
        year = ctx.anchor.year if q <= current else ctx.anchor.year - 1
    return "DATE", f"{year:04d}-Q{q}", True


def _half(m: re.Match[str], ctx: Context) -> Resolution | None:
    h = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        return "DATE", f"{int(m['year']):04d}-H{h}", False
    if ctx.anchor is None:
        return "DATE", f"XXXX-H{h}", True
    return "DATE", f"{ctx.anchor.year:04d}-H{h}", True


def _the_quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    # Earnings news: "the quarter" is the one the text is about, else the last
    # one completed before publication.
    if ctx.ref_quarter is not None:
        y, q = ctx.ref_quarter
        return "DATE", f"{y:04d}-Q{q}", True
    if ctx.anchor is None:
        return "DATE", "XXXX-QX", True
    index = ctx.anchor.year * 4 + quarter_of(ctx.anchor) - 2
    return "DATE", f"{index // 4:04d}-Q{index % 4 + 1}", True


def _year_period(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the 1988 period": the quarter in focus, in that year."""
    year = int(m["year"])
    if ctx.ref_quarter is not None:
        return "DATE", f"{year:04d}-Q{ctx.ref_quarter[1]}", True
    return "DATE", f"{year:04d}", False


def _year_earlier_period(m: re.Match[str], ctx: Context) -> Resolution | None:
    if ctx.ref_quarter is not None:
        y, q = ctx.ref_quarter
        return "DATE", f"{y - 1:04d}-Q{q}", True
    if ctx.anchor is None:
        return "DATE", "XXXX", True
    return "DATE", f"{ctx.anchor.year - 1:04d}", True


def _the_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the year", "the full year", "the week", "that year", "the following
    month": the unit the text is in, or the one it last named."""
    words = " ".join(m.group(0).lower().split())
    unit = words.split()[-1]
    if re.match(r"\s+(?:ended|ending|that\s+ended)\b", ctx.text[m.end() : m.end() + 20]):
        # "the year ended June 30": a twelve-month period, not a calendar year.
        return "DURATION", f"P1{unit[0].upper()}", False
    step = (
        1
        if re.search(r"following|next", words)
        else -1
        if re.search(r"previous|prior", words)
        else 0
    )
    base = ctx.ref_day if ("that" in words or step) and ctx.ref_day else ctx.anchor
    if unit == "year":
        year = ctx.ref_year if "that" in words and ctx.ref_year else (base.year if base else None)
        return ("DATE", f"{year + step:04d}", True) if year is not None else ("DATE", "XXXX", True)
    if base is None:
        return "DATE", "XXXX-XX" if unit == "month" else "XXXX-WXX", True
    if unit == "month":
        y, mo = add_months(base.year, base.month, step)
        return "DATE", f"{y:04d}-{mo:02d}", True
    return "DATE", iso_week(base + timedelta(weeks=step)), True


def _year_end(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = int(m["year"]) if m["year"] else (ctx.anchor.year if ctx.anchor else None)
    # TimeML writes the end of a year as the year itself (mod="END").
    if year is None:
        return "DATE", "XXXX", True
    return "DATE", f"{year:04d}", m["year"] is None


_SEASON_NEEDS_CONTEXT = ("spring", "fall")


def _season(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = m["season"].lower()
    code = SEASONS[word]
    rel = (m["rel"] or "").lower()
    if word in _SEASON_NEEDS_CONTEXT and not rel and not m["year"]:
        return None  # "a fall in prices", "a hot spring"
    if m["year"]:
        return "DATE", f"{int(m['year']):04d}-{code}", False
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}", True
    return "DATE", f"{ctx.anchor.year:04d}-{code}", True


_SPELLED_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                 "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_SPELLED_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9}  # fmt: skip


def _spelled_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    """Transcripts spell years out: "nineteen ninety-six", "two thousand"."""
    if m["thousand"]:
        extra = _SPELLED_ONES.get((m["k"] or "").lower(), 0)
        return "DATE", f"{2000 + extra:04d}", False
    tens = _SPELLED_TENS[m["tens"].lower()]
    ones = _SPELLED_ONES.get((m["ones"] or "").lower(), 0)
    return "DATE", f"19{tens + ones:02d}", False


def _fiscal_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    return "DATE", f"{int(m['year']):04d}", False


def _holiday(m: re.Match[str], ctx: Context) -> Resolution | None:
    name = " ".join(m["h"].lower().replace("’", "'").split())
    rel = (m["rel"] or "").lower()
    if name.startswith("thanksgiving"):
        month, day = 11, 0
    else:
        month, day = HOLIDAYS[name]
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}" if day else "XXXX-11-XX", True

    def on(year: int) -> date:
        if day:
            return date(year, month, day)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)

    direction: Direction | None = {"next": "future", "last": "past"}.get(rel) or ctx.direction(m)  # type: ignore[assignment]
    a = ctx.anchor
    this_year = on(a.year)
    if direction == "future":
        d = this_year if this_year >= a else on(a.year + 1)
    elif rel == "this":
        d = this_year
    else:
        d = this_year if this_year <= a else on(a.year - 1)
    return "DATE", d.isoformat(), True


# --- spans of time and references ------------------------------------------


def _amount(m: re.Match[str]) -> tuple[str, float | None]:
    """(unit letter scale, number) for a NUMBER/VAGUE + UNIT match."""
    num_text = (m["num"] or "").lower()
    vague = " ".join(num_text.split()) in VAGUE_NUMBERS
    return num_text, None if vague else number_value(num_text)


def _duration_value(unit_word: str, n: float | None) -> str:
    unit = unit_word.lower().rstrip("s") if unit_word.lower() != "centuries" else "century"
    letter, scale = UNIT_CODES[unit]
    prefix = "PT" if unit in TIME_UNITS else "P"
    if n is None:
        return f"{prefix}X{letter}"
    total = n * scale
    whole = int(total)
    if total == whole:
        return f"{prefix}{whole}{letter}"
    # A fraction goes to the next smaller unit, as TimeML writes it: P2Y6M, PT5H30M.
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
    if letter in smaller:
        sub, per = smaller[letter]
        rest = round((total - whole) * per)
        head = f"{whole}{letter}" if whole else ""
        if letter == "D":
            return f"P{head}T{rest}{sub}"
        return f"{prefix}{head}{rest}{sub}"
    return f"{prefix}{total:g}{letter}".replace(".", ",")


def _duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    _, n = _amount(m)
    if n is not None and (n > 1000 or ((m["num"] or "").isdigit() and len(m["num"]) == 4)):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    return "DURATION", _duration_value(m["unit"], n), False


def _bare_units(m: re.Match[str], ctx: Context) -> Resolution | None:
    return "DURATION", _duration_value(m["unit"], None), False


def _vague_span(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "recent years", "the past few months", "coming weeks": some time
    before or after now, which TimeML writes PAST_REF / FUTURE_REF."""
    ahead = re.search(r"coming|next|ahead", m.group(0), re.IGNORECASE)
    return "DATE", "FUTURE_REF" if ahead else "PAST_REF", False


def _ago(m: re.Match[str], ctx: Context) -> Resolution | None:
    _, n = _amount(m)
    unit = m["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    word = " ".join(m["dir"].lower().split())
    relative_to_text = word in ("earlier", "later", "before", "after")
    sign = -1 if word in ("ago", "earlier", "before") else 1
    base = ctx.anchor
    if ctx.quarter_in_focus() and ctx.ref_quarter is not None and unit == "year" and n == 1:
        y, q = ctx.ref_quarter  # "a year earlier" in earnings news: the same quarter
        return "DATE", f"{y + sign:04d}-Q{q}", True
    if relative_to_text and ctx.ref_day is not None:
        base = ctx.ref_day
    if base is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", True
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", True
    k = round(n) * sign
    if unit in ("day", "night"):
        return "DATE", (base + timedelta(days=k)).isoformat(), True
    if unit == "week":
        return "DATE", iso_week(base + timedelta(weeks=k)), True
    if unit == "month":
        y, mo = add_months(base.year, base.month, k)
        return "DATE", f"{y:04d}-{mo:02d}", True
    if unit == "year":
        return "DATE", f"{base.year + k:04d}", True
    if unit == "decade":
        return "DATE", f"{base.year + 10 * k:04d}", True
    if unit == "century":
        return "DATE", f"{(base.year + 100 * k) // 100:02d}", True
    if unit == "quarter":
        index = base.year * 4 + quarter_of(base) - 1 + k
        return "DATE", f"{index // 4:04d}-Q{index % 4 + 1}", True
    if unit in ("hour", "minute", "second"):
        return "DURATION", _duration_value(unit, n), False
    return None


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "lately": "PAST_REF", "earlier": "PAST_REF", "once": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the coming": "FUTURE_REF", "shortly": "FUTURE_REF",
}  # fmt: skip


def _reference(m: re.Match[str], ctx: Context) -> Resolution | None:
    return "DATE", _REFS[" ".join(m["w"].lower().split())], False


_SET_CODES = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D",
}  # fmt: skip


def _set(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["adv"]:
        return "SET", _SET_CODES[m["adv"].lower()], False
    what = m["what"].lower()
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}", False
    if what in PARTS_OF_DAY:
        return "SET", f"T{PARTS_OF_DAY[what]}", False
    letter, n = UNIT_CODES[what.rstrip("s")]
    prefix = "PT" if what in TIME_UNITS else "P"
    return "SET", f"{prefix}{n}{letter}", False


# --- the rule table --------------------------------------------------------

_I = re.IGNORECASE
_POD = r"(?:morning|afternoon|evening|night)"


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
            r"\b(?:"
            + WEEKDAY_RE
            + r",?\s+)?(?P<mon>"
            + MONTH_RE
            + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
            r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
        ),
        _month_day,
    ),
    Rule(
        "day_month",
        _rx(
            r"\b(?:"
            + WEEKDAY_RE
            + r",?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>"
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
            + r"),?\s+(?:of\s+)?(?:(?P<year>(?:1[89]|20)\d\d)\b|(?P<rel>this|last|next)\s+year\b)"
        ),
        _month_year,
    ),
    Rule(
        "bare_month",
        _rx(
            r"(?:\b(?P<rel>last|this|next|early|late|(?i:mid))[\s-]+)?"
            r"\b(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Sept\.)(?!\w)"
        ),
        _bare_month,
    ),
    Rule(
        "decade",
        _rx(
            r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-])?(?:(?P<dec>1[89]\d|20\d)0s|'(?P<dec2>\d)0s)\b",
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
    Rule("year", _rx(r"(?<![\w.,/-])(?P<year>(?:1[89]|20)\d\d)(?![\w/])"), _year),
    Rule(
        "weekday",
        _rx(
            r"\b(?:(?P<rel>last|this|next|coming|past|previous|(?i:early|late|earlier|later))\s+)?"
            r"(?P<wd>" + WEEKDAY_RE + r")(?:\s+(?P<pod>" + _POD + r"))?\b"
        ),
        _weekday,
    ),
    Rule(
        "relative_day",
        _rx(r"\b(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>" + _POD + r"))?\b", _I),
        _relative_day,
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
            r"(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?|\b(?P<word>noon|midday|midnight)\b)"
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
            r"the\s+(?:next|following|previous|prior)\s+day|the\s+day\s+(?:before|after))\b",
            _I,
        ),
        _anaphoric_day,
    ),
    Rule(
        "relative_unit",
        _rx(
            r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>this|last|next|past|coming|previous|current|"
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
            r"after|later|old|of\b)|['’]s)",
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
            r"\b(?:(?P<rel>the|this|in\s+the|early|late|mid-?)\s*)?(?P<season>spring|summer|fall|autumn|winter)\b"
            r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b)?",
            _I,
        ),
        _season,
    ),
    Rule(
        "spelled_year",
        _rx(
            r"\b(?:(?:the\s+year\s+)?(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<k>one|two|three|four|five|six|seven|eight|nine))?"
            r"|nineteen\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?P<ones>one|two|three|four|five|six|seven|eight|nine))?)\b",
            _I,
        ),
        _spelled_year,
    ),
    Rule(
        "quarter",
        _rx(
            r"\b(?:the\s+|next\s+)?(?:(?:this|last)\s+year's\s+|(?P<year2>(?:19|20)\d\d)\s+)?(?:fiscal[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
            r"[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d))?\b",
            _I,
        ),
        _quarter,
    ),
    Rule(
        "half",
        _rx(
            r"\b(?:the\s+)?(?P<ord>first|second)[\s-]+half(?:\s+of\s+(?P<year>(?:19|20)\d\d))?\b",
            _I,
        ),
        _half,
    ),
    Rule(
        "the_quarter",
        _rx(
            r"\bthe\s+(?:latest\s+|most\s+recent\s+|recent\s+)?quarter\b(?![\s-]+(?:point|of\s+a))",
            _I,
        ),
        _the_quarter,
    ),
    Rule(
        "year_period",
        _rx(r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?:quarter|period)\b", _I),
        _year_period,
    ),
    Rule(
        "year_earlier_period",
        _rx(r"\b(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?:quarter|period))?\b", _I),
        _year_earlier_period,
    ),
    Rule(
        "holiday",
        _rx(
            r"\b(?:(?P<rel>last|this|next)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))|"
            r"Thanksgiving(?:\s+Day)?|Independence\s+Day|Valentine['’]s\s+Day|Halloween|Veterans\s+Day)\b"
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
            + r")\s+"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)\b",
            _I,
        ),
        _ago,
        _rx(r"\b(?:ago|earlier|later|now|hence)\b", _I),
    ),
    Rule(
        "duration",
        _rx(
            r"\b(?:the\s+(?:past|last|next|previous|coming|first|final|following|latest)\s+)?"
            r"(?:(?:" + MODIFIER_RE + r")\s+)?(?P<num>" + NUMBER_RE + r"|" + VAGUE_RE + r")[\s-]+"
            r"(?:(?:more|additional|full|straight|consecutive|long)\s+)?(?P<unit>" + UNIT_RE + r")"
            r"(?:-long)?\b(?![\s-]+old\b|-)",
            _I,
        ),
        _duration,
        _rx(UNIT_RE + r"\b", _I),
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
            r"\b(?:(?:the\s+)?(?:recent|past|coming)|the\s+(?:past|last|next|coming)\s+(?:few|several))\s+"
            r"(?P<unit>years|decades|months|weeks|days|quarters)\b(?!\s+(?:of|ago)\b)",
            _I,
        ),
        _vague_span,
    ),
    Rule(
        "reference",
        _rx(
            r"\b(?P<w>now|currently|current|at\s+present|nowadays|these\s+days|recently|"
            r"lately|the\s+near\s+future|the\s+future|the\s+past)\b(?!\s+(?:\d|few|several|week|month|year|decade|day|two|three))",
            _I,
        ),
        _reference,
    ),
    Rule(
        "set",
        _rx(
            r"\b(?:(?P<adv>(?-i:daily|weekly|monthly|yearly|hourly|nightly))|"
            r"(?:every|each)\s+(?P<what>day|week|month|year|quarter|hour|morning|evening|night|"
            r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
            _I,
        ),
        _set,
    ),
)
