"""Resolvers for weeks, months, years, quarters, seasons and holidays seen from
the anchor: "last week", "the weekend", "the third quarter", "this summer"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storylens.analyze.time_context import (
    Context,
    Resolution,
)
from storylens.analyze.time_lexicon import (
    HOLIDAYS,
    MONTH_RE,
    MONTHS,
    ORDINALS,
    SEASONS,
    UNIT_CODES,
    spelled_year_value,
)
from storylens.analyze.time_resolve import (
    _FAR_PAST_DAYS,
    _NEAR_FUTURE_DAYS,
    _RECENT_PAST_DAYS,
    Direction,
    add_months,
    iso_week,
    quarter_of,
    told_in_past,
    weekend_before,
)
from storylens.analyze.time_tense import nearest_tense

# --- weeks, months, years, quarters, seasons relative to the anchor ----------


def _relative_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    rel = " ".join(m["rel"].lower().split())
    unit = " ".join(m["unit"].lower().split()).replace("fiscal ", "")
    mod = (m["mod"] or "").lower()
    if m["unit"][0].isupper() and m["rel"][0].isupper():
        return None  # "This Week" in title case names a programme, not a week
    if rel.startswith("the ") and rel != "the same" and rel != "the current":
        # "the past year", "the next month": a stretch of time, not a date.
        # Tried: "the past year" / "the last decade" as the year / decade
        # before (TimeBank's reading): TimeBank value F1 0.837 -> 0.840,
        # AQUAINT 0.775 -> 0.774 ("over the past decade" is P10Y there). Kept.
        if unit in SEASONS or unit == "weekend":
            return None
        letter, n = UNIT_CODES[unit]
        return "DURATION", f"P{n}{letter}", False
    step = {"last": -1, "past": -1, "this past": -1, "previous": -1, "next": 1, "coming": 1}.get(
        rel, 0
    )
    a = ctx.anchor
    if unit == "week":
        if a is None:
            return "DATE", "XXXX-WXX", True
        value = iso_week(a + timedelta(weeks=step))
    elif unit == "weekend":
        if a is None:
            return "DATE", "XXXX-WXX-WE", True
        ahead = step > 0 or (
            rel == "this"
            and not told_in_past(ctx.text, m.start(), ctx.lo, m.end())
            and nearest_tense(ctx.text, m.start(), ctx.lo) != "past"
        )
        sat = weekend_before(a, "future" if ahead else None)
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
        year = a.year + step
        if rel == "this past":  # the latest one over by the anchor
            year = a.year if _SEASON_STARTS[unit] + 2 < a.month else a.year - 1
        value = f"{year:04d}-{code}"
    else:
        return None
    if mod in ("earlier", "later", "early", "late") and unit in ("month", "year", "week"):
        pass  # "earlier this month" is still the month: TimeML keeps the mod apart
    return "DATE", value, True


def _the_weekend(m: re.Match[str], ctx: Context) -> Resolution | None:
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX-WE", True
    direction = ctx.direction(m)
    if direction == "future" and nearest_tense(ctx.text, m.start(), ctx.lo) == "past":
        # "Staff, who will be paid double, were ordered to work over the
        # weekend": the verb nearest the weekend tells which one.
        direction = None
    return "DATE", iso_week(weekend_before(ctx.anchor, direction)) + "-WE", True


def _quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    q = ORDINALS[m["ord"].lower()]
    if q > 4:
        return None
    year_text = m["year"] or m["year2"]
    if year_text:
        return "DATE", f"{int(year_text):04d}-Q{q}", False
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{q}", True
    if m["yrel"]:  # "next year's first quarter"
        step = {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
        return "DATE", f"{ctx.anchor.year + step:04d}-Q{q}", True
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


_ENDED_MONTH = re.compile(r"^\s+(?:ended|ending)\s+(?P<mon>" + MONTH_RE + r")\s+\d", re.IGNORECASE)


def _the_quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    # Earnings news: "the quarter" is the one the text is about, else the last
    # one completed before publication. "The quarter ended July 31" says
    # which: the calendar quarter of its middle month (May-July: Q2).
    ended = _ENDED_MONTH.match(ctx.text[m.end() : m.end() + 30])
    if ended and ctx.anchor is not None:
        month = MONTHS[ended["mon"].lower().rstrip(".")]
        year = ctx.anchor.year if month <= ctx.anchor.month else ctx.anchor.year - 1
        middle = year * 12 + month - 2  # the month before the end month, 0-based
        return "DATE", f"{middle // 12:04d}-Q{(middle % 12) // 3 + 1}", True
    if ctx.ref_quarter is not None:
        y, q = ctx.ref_quarter
        return "DATE", f"{y:04d}-Q{q}", True
    if ctx.anchor is None:
        return "DATE", "XXXX-QX", True
    index = ctx.anchor.year * 4 + quarter_of(ctx.anchor) - 2
    return "DATE", f"{index // 4:04d}-Q{index % 4 + 1}", True


def _latest_period(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the latest period" in results news: the quarter being reported, as
    for "the quarter"."""
    return _the_quarter(m, ctx)


def _year_period(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the 1988 period": the quarter in focus, in that year."""
    year = int(m["year"])
    if ctx.ref_quarter is not None and ctx.quarter_in_focus():
        return "DATE", f"{year:04d}-Q{ctx.ref_quarter[1]}", True
    return "DATE", f"{year:04d}", False


def _year_earlier_period(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["months"]:  # "the year-earlier nine months": a span, as "the nine months" is
        return "DURATION", "P9M" if m["months"].lower() == "nine" else "P6M", False
    if m["ord"]:  # "the year-ago third quarter"
        q = ORDINALS[m["ord"].lower()]
        year = ctx.ref_quarter[0] if ctx.ref_quarter else (ctx.anchor.year if ctx.anchor else None)
        return ("DATE", f"{year - 1:04d}-Q{q}", True) if year else ("DATE", f"XXXX-Q{q}", True)
    return _year_back(ctx)


def _year_back(ctx: Context) -> Resolution:
    """The quarter in focus a year back, else the year before the anchor."""
    if ctx.ref_quarter is not None and ctx.quarter_in_focus():
        y, q = ctx.ref_quarter
        return "DATE", f"{y - 1:04d}-Q{q}", True
    if ctx.anchor is None:
        return "DATE", "XXXX", True
    return "DATE", f"{ctx.anchor.year - 1:04d}", True


def _period_last_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the same period last year", "the quarter a year ago": the quarter in
    focus a year back, else (no quarter in focus) the year before the anchor."""
    return _year_back(ctx)


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
        y, mo = base.year, base.month
        if ("that" in words or step) and ctx.ref_month:
            y, mo = ctx.ref_month  # "In March, ... The following month": April
        y, mo = add_months(y, mo, step)
        return "DATE", f"{y:04d}-{mo:02d}", True
    return "DATE", iso_week(base + timedelta(weeks=step)), True


def _year_end(m: re.Match[str], ctx: Context) -> Resolution | None:
    year = int(m["year"]) if m["year"] else (ctx.anchor.year if ctx.anchor else None)
    # TimeML writes the end of a year as the year itself (mod="END").
    if year is None:
        return "DATE", "XXXX", True
    return "DATE", f"{year:04d}", m["year"] is None


# The month each season begins in (northern hemisphere, as in most wire news).
_SEASON_STARTS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_SEASON_NEEDS_CONTEXT = ("spring", "fall")


def _season(m: re.Match[str], ctx: Context) -> Resolution | None:
    word = m["season"].lower()
    code = SEASONS[word]
    rel = (m["rel"] or "").lower()
    if word in _SEASON_NEEDS_CONTEXT and not rel and not (m["year"] or m["syear"]):
        return None  # "a fall in prices", "a hot spring"
    year = int(m["year"]) if m["year"] else spelled_year_value(m["syear"] or "")
    if year:
        return "DATE", f"{year:04d}-{code}", False
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


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November (United States)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


# Movable days, as an offset from Thanksgiving. Tried: Easter, Good Friday and
# Palm Sunday from the Gregorian computus: TimeBank and AQUAINT tune half
# unchanged, held-out half one more expression with a value the gold does not
# share (value F1 0.767 -> 0.766): left out. Bare "Easter" stays out (the
# held-out "Easter week"); the feasts named with their weekday ("Easter
# Sunday", "Good Friday") are in below: read as bare weekdays they were the
# last Sunday or Friday, whatever the season. None in TempEval-3; on ABP
# 0-24,000, 56 dated feasts now take the feast's day, right but for a few
# told of another year ("Good Friday in April 2010", wrong before as well).
_MOVABLE = {
    "thanksgiving": 0, "thanksgiving day": 0, "black friday": 1, "cyber monday": 4,
    "giving tuesday": 5,
}  # fmt: skip
# The feasts named with their weekday, as an offset from Easter Sunday.
_EASTER_DAYS = {
    "ash wednesday": -46, "palm sunday": -7, "holy thursday": -3, "maundy thursday": -3,
    "good friday": -2, "holy saturday": -1, "easter sunday": 0, "easter monday": 1,
    "fat tuesday": -47, "shrove tuesday": -47,
}  # fmt: skip


def easter_sunday(year: int) -> date:
    """Western Easter Sunday of `year`, by the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday(m: re.Match[str], ctx: Context) -> Resolution | None:
    name = " ".join(m["h"].lower().replace("’", "'").split())
    rel = (m["rel"] or "").lower()
    movable = _MOVABLE.get(name)
    from_easter = _EASTER_DAYS.get(name)
    if ctx.anchor is None:
        if from_easter is not None:
            return "DATE", "XXXX-XX-XX", True
        if movable is None:
            month, day = HOLIDAYS[name]
            return "DATE", f"XXXX-{month:02d}-{day:02d}", True
        # Cyber Monday and Giving Tuesday may fall in December; the others never do.
        return "DATE", "XXXX-11-XX" if movable < 4 else "XXXX-XX-XX", True

    def on(year: int) -> date:
        if from_easter is not None:
            return easter_sunday(year) + timedelta(days=from_easter)
        if movable is not None:
            return _thanksgiving(year) + timedelta(days=movable)
        month, day = HOLIDAYS[name]
        return date(year, month, day)

    direction: Direction | None = {"next": "future", "last": "past"}.get(rel) or ctx.direction(m)  # type: ignore[assignment]
    a = ctx.anchor
    this_year = on(a.year)
    if direction == "future":
        d = this_year if this_year >= a else on(a.year + 1)
    elif rel == "this":
        d = this_year
    else:
        d = this_year if this_year <= a else on(a.year - 1)
        ahead = this_year if this_year > a else on(a.year + 1)
        if direction is None and (a - d).days > _RECENT_PAST_DAYS and (ahead - a) < (a - d):
            # No tense to go by and the last one is long gone: the nearer one,
            # as for a date without its year ("Easter" said three weeks before).
            d = ahead
        elif (a - d).days > _FAR_PAST_DAYS and (ahead - a).days <= _NEAR_FUTURE_DAYS:
            # A past verb rarely reaches back a whole year, as for a date
            # without its year: "the report was released on the Friday before
            # Thanksgiving week", said six days before it.
            d = ahead
    return "DATE", d.isoformat(), True
