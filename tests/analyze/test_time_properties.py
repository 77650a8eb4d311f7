"""Invariants of find_times on arbitrary text (hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from storylens.analyze.time import find_times

_PIECES = [
    "Monday", "on Tuesday", "Oct. 7", "March 3, 2024", "last week", "the weekend", "two years",
    "1998", "yesterday", "10 a.m.", "said", "will meet", " ", ". ", ", ", "\n", "'s", "May",
    "the third quarter", "a year earlier", "now", "every day", "—", "(@x) May 6, 2024",
    "more than", "nearly", "two", "several", "days", "weeks ago", "-", "years", "later", "a",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
)
anchors = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(texts, anchors, st.booleans())
def test_spans_slice_to_their_text_and_never_overlap(
    text: str, anchor: date | None, inferred: bool
) -> None:
    times = find_times(text, anchor, inferred=inferred)
    previous_end = 0
    for t in times:
        assert t.text == text[t.start : t.end]
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= previous_end
        previous_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        if anchor is None:
            assert not t.inferred


@settings(max_examples=300, deadline=None)
@given(texts)
# A trigger word glued to a digit after the window's end: the window must not
# cut the text there, or `\b` would match at the cut.
@example("YEAR:000000000000000000000000000000:TWO YEAR0")
# A trigger with no match near it, the next match far beyond the scan margin.
@example("the year " + "and so on " * 40 + "for two years, about 90 days ago")
def test_trigger_windows_find_what_the_whole_text_scan_finds(text: str) -> None:
    from storylens.analyze.time import _matches
    from storylens.analyze.time_rules import RULES

    for rule in RULES:
        if rule.trigger is not None:
            whole = [m.span() for m in rule.pattern.finditer(text)]
            assert [m.span() for m in _matches(rule, text)] == whole, rule.name
