"""Words that time expressions in English news are made of.

Small, closed lists (months, weekdays, number words, units) and the regex
fragments built from them. Kept apart from the rules so the rules read as
grammar, not as word lists.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3,
    "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0, "a half": 0,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4, "final": 4,
}  # fmt: skip

# Amounts that say "some number of" without giving it: TimeML writes X.
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous", "multiple")

# TimeML unit letters; decades and centuries are written in years (P30Y), as
# in most of TimeBank, so durations compare by one unit.
UNIT_CODES: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "weekend": ("D", 2), "fortnight": ("W", 2),
    "month": ("M", 1), "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("Y", 10),
    "century": ("Y", 100), "centurie": ("Y", 100), "season": ("M", 3),
}  # fmt: skip

TIME_UNITS = {"second", "minute", "hour"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "mid-afternoon": "AF", "mid-morning": "MO",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# Fixed-date holidays only: movable feasts would need a calendar per year.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "valentine's day": (2, 14), "halloween": (10, 31), "veterans day": (11, 11),
}  # fmt: skip


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of `words`, longest first so that "a couple of" wins over "a"."""
    return "|".join(
        sorted((w.replace(" ", r"\s+").replace(".", r"\.") for w in words), key=len, reverse=True)
    )


MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# A capitalized word before a weekday (or weekdays) that makes it the name of an event, not
# a day counted from the publication date: "Super Tuesday" (a primary date that
# changes from year to year), "Bloody Sunday", "Super Bowl Sunday", "Black
# Monday" (a market crash), "the Good Friday Agreement" (a treaty; the feast
# itself is a holiday rule's, as are "Easter Sunday" and "Palm Sunday"), "Moral
# Monday" (a protest movement that met on many Mondays).
NAMED_DAY_BEFORE = re.compile(r"\b(?:Super|Bloody|Bowl|Black|Good|Moral)\s+$")

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
NUMBER_RE = (
    r"(?:(?:\d+\s+1/2|\d+(?:\.\d+)?|(?:"
    + _TENS
    + r")(?:[-\s](?:"
    + _UNITS_1_9
    + r"))?|"
    + alternation([w for w in NUMBER_WORDS if w not in ("a", "an")])
    + r"|a|an)(?:\s+and\s+a\s+half)?)"
)
VAGUE_RE = alternation(VAGUE_NUMBERS)
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries|seasons?)"
)
MODIFIER_RE = (
    r"(?:more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|roughly|"
    r"approximately|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|close\s+to|"
    r"well\s+over|over|under|some)"
)


def number_value(word: str) -> float | None:
    """The number a numeral or number word stands for; None when it is vague ("several")."""
    w = " ".join(word.lower().replace("-", " ").split())
    if not w:
        return None
    if w.endswith(" 1/2"):
        w = str(float(w[:-4]) + 0.5)
    if w.endswith(" and a half"):  # "two and a half"
        whole = number_value(w[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    try:
        return float(w)
    except ValueError:
        pass
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w]) if NUMBER_WORDS[w] else 0.5
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


# Years as transcripts of broadcast news spell them: "nineteen ninety-four",
# "two thousand one".
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_SPELLED_TENS_RE = "ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SPELLED_YEAR_RE = (
    r"(?:two\s+thousand(?:\s+(?:and\s+)?(?:" + _ONES + r"))?"
    r"|nineteen\s+(?:" + _SPELLED_TENS_RE + r")(?:[-\s](?:" + _ONES + r"))?)"
)


def spelled_year_value(text: str) -> int | None:
    """1994 for "nineteen ninety-four", 2001 for "two thousand one"."""
    words = text.lower().replace("-", " ").split()
    ones = {w: i for i, w in enumerate(_ONES.split("|"), 1)}
    tens = {w: 10 * i for i, w in enumerate(_SPELLED_TENS_RE.split("|"), 1)}
    if words[:2] == ["two", "thousand"]:
        return 2000 + ones.get(words[-1], 0)
    if words and words[0] == "nineteen" and len(words) >= 2 and words[1] in tens:
        return 1900 + tens[words[1]] + (ones.get(words[2], 0) if len(words) > 2 else 0)
    return None
