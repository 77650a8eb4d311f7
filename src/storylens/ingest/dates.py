"""Publication dates from metadata fields, parsed robustly and checked for sense.

Metadata dates come in many shapes (ISO, US "7/23/17", RFC 2822 in feeds,
"March 6, 2024"). An impossible value (year 0001, a date in the future,
nothing parseable) gives None: a missing date is honest, a wrong one would
shift every relative date of the article's timeline.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

import dateparser

# Older than this is a placeholder or a typo in news metadata, not a real date.
EARLIEST_PLAUSIBLE = date(1900, 1, 1)

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_SLASHED_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*$")
# Only absolute parsers: "yesterday" or "2 days ago" in a metadata field says
# nothing about when the article appeared.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def plausible(value: date, today: date | None = None) -> date | None:
    """`value` if it can be a publication date; a day of slack covers time zones."""
    latest = (today or date.today()) + timedelta(days=1)
    return value if EARLIEST_PLAUSIBLE <= value <= latest else None


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_string(text: str) -> date | None:
    if m := _ISO.match(text) or _COMPACT.match(text) or _SLASHED_YMD.match(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _SLASHED.match(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if year < 100:
            year += 2000 if year < 70 else 1900
        # Month first (US style, the common case in English news metadata)
        # unless the first number cannot be a month.
        month, day = (second, first) if first > 12 else (first, second)
        return _make_date(year, month, day)
    if not re.search(r"\d", text):
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def parse_published(value: object, today: date | None = None) -> date | None:
    """A publication date from a metadata value (string, date, datetime,
    time.struct_time or epoch seconds), or None when absent, unparseable or impossible."""
    parsed: date | None
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        parsed = value.date()
    elif isinstance(value, date):
        parsed = value
    elif isinstance(value, time.struct_time):
        parsed = _make_date(value.tm_year, value.tm_mon, value.tm_mday)
    elif isinstance(value, int | float):
        try:
            parsed = datetime.fromtimestamp(value, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(value, str):
        parsed = _parse_string(value.strip()) if value.strip() else None
    else:
        return None
    return plausible(parsed, today) if parsed else None
