"""Publication date inference, for articles that do not state theirs.

Two steps, both only ever *inferred* (the caller marks the basis "inferred"):

1. `infer_published(text)` reads the article alone. An article is written on
   or after the latest full date it reports as past (a tweet's
   "March 4, 2024" signature, "on March 3, 2024, the ministry said ...") and
   before the earliest full date it announces as coming ("will vote on
   March 20, 2024"). It returns that range (earliest, latest), either end None
   when the text gives no bound; (None, None) when nothing supports a guess.
   Relative words ("Monday", "Oct. 7") cannot give a date on their own.

2. `infer_from_story(text, dated_articles)` works once the article is grouped:
   among the days around its story's dated articles, it picks the one that
   best explains the article's own weekday mentions, taking past weekdays
   ("spoke ... on Monday") to fall on the publication day or shortly before
   (in gold news data 45% of bare weekdays are the publication day itself,
   50% the days before), and preferring days close to the story's median date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from statistics import median_low

from storylens.analyze.time import find_times
from storylens.analyze.time_resolve import direction_at
from storylens.model import TimeExpression

__all__ = ["best_guess", "infer_from_story", "infer_published"]

_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_WEEKDAY_X = re.compile(r"^XXXX-WXX-([1-7])")
# How far around its story's dated articles an undated article is looked for.
_STORY_WINDOW_DAYS = 7
# Cost of one day between a candidate date and the story's median date, against
# one day between the candidate and the latest past weekday the text mentions.
_DISTANCE_WEIGHT = 0.3


def _times(text: str, times_unanchored: list[TimeExpression] | None) -> list[TimeExpression]:
    return times_unanchored if times_unanchored is not None else find_times(text, None)


def infer_published(
    text: str, times_unanchored: list[TimeExpression] | None = None
) -> tuple[date | None, date | None]:
    """(earliest, latest) publication date the article's own text supports.

    `times_unanchored` is `find_times(text, None)` when the caller already has
    it. Full dates in a future context bound the range from above, the others
    from below; a range whose ends cross (a text that reports a date after one
    it announces) gives (None, None) rather than a wrong guess.
    """
    earliest: date | None = None
    latest: date | None = None
    for t in _times(text, times_unanchored):
        if t.type not in ("DATE", "TIME") or not _FULL_DATE.match(t.value[:10]) or "X" in t.value:
            continue
        try:
            day = date.fromisoformat(t.value[:10])
        except ValueError:
            continue
        if (
            direction_at(text, t.start, t.end, max(0, t.start - 200), min(len(text), t.end + 60))
            == "future"
        ):
            latest = (
                day - timedelta(days=1) if latest is None else min(latest, day - timedelta(days=1))
            )
        else:
            earliest = day if earliest is None else max(earliest, day)
    if earliest and latest and latest < earliest:
        return None, None
    return earliest, latest


def best_guess(bounds: tuple[date | None, date | None]) -> date | None:
    """One date for a range from `infer_published`: its lower end (an article
    usually appears soon after the latest date it reports); None without one
    (an upper bound alone says too little to name a day)."""
    return bounds[0]


def _weekday_mentions(text: str, times: list[TimeExpression]) -> tuple[list[int], list[int]]:
    """(past-or-today weekdays, future weekdays) the text mentions, 0 = Monday."""
    past: list[int] = []
    future: list[int] = []
    for t in times:
        m = _WEEKDAY_X.match(t.value)
        if not m:
            continue
        weekday = int(m[1]) - 1
        lo = max(0, text.rfind("\n", 0, t.start) + 1, t.start - 300)
        if direction_at(text, t.start, t.end, lo, min(len(text), t.end + 60)) == "future":
            future.append(weekday)
        else:
            past.append(weekday)
    return past, future


def infer_from_story(
    undated_text: str,
    dated_articles: list[date],
    times_unanchored: list[TimeExpression] | None = None,
) -> date | None:
    """The most likely publication date of an undated article of a story whose
    other articles were published on `dated_articles`; None when the story has
    no dated article. Bounds from the article's own text are respected."""
    if not dated_articles:
        return None
    times = _times(undated_text, times_unanchored)
    earliest, latest = infer_published(undated_text, times)
    center = median_low(sorted(dated_articles))
    first = min(dated_articles) - timedelta(days=_STORY_WINDOW_DAYS)
    last = max(dated_articles) + timedelta(days=_STORY_WINDOW_DAYS)
    if earliest is not None:
        first = max(first, earliest)
    if latest is not None:
        last = min(last, latest)
    if last < first:
        return earliest or latest
    past, future = _weekday_mentions(undated_text, times)
    best: tuple[float, date] | None = None
    day = first
    while day <= last:
        cost = _DISTANCE_WEIGHT * abs((day - center).days)
        if past:
            # Days from the latest past weekday mentioned to this candidate.
            cost += min((day.weekday() - w) % 7 for w in past)
        if (
            future
            and past
            and min((w - day.weekday()) % 7 for w in future) == 0
            and not any(w == day.weekday() for w in past)
        ):
            cost += 0.5  # "will ... on Tuesday" reads oddly on a Tuesday
        if best is None or cost < best[0]:
            best = (cost, day)
        day += timedelta(days=1)
    return best[1] if best else None
