"""What a time rule is and what it may look at: the rule record, the
resolution it returns, and the context (anchor, sentence, reference time)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from storylens.analyze.time_lexicon import (
    MONTHS,
)
from storylens.analyze.time_resolve import (
    Direction,
    direction_at,
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
    ref_month: tuple[int, int] | None = None  # the last month it named, or its day's
    position: int = 0  # where the expression being resolved starts
    # False while candidates are collected (no reference time yet), True once
    # they are resolved in text order: a rule that needs the reference time
    # keeps its candidate in the first pass and decides in the second.
    in_order: bool = False

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


def _year_of(text: str) -> int:
    year = int(text)
    return year + (1900 if year >= 30 else 2000) if len(text) == 2 else year
