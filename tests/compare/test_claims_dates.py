"""Dates and counts in aligned statements: when sources disagree on the day, when two
statements tell two events of one kind, and when one figure is a part of another
(invented stories, analysed by the real pipeline so that weekdays resolve to dates)."""

from __future__ import annotations

from datetime import date
from typing import Any

from test_claims_fixtures import analyzed_item

from storylens.analyze.pipeline import analyze_article
from storylens.compare.claims import extract_claims
from storylens.compare.conflicts import _within_part, date_gap, date_interval, different_events
from storylens.compare.text_units import Item, build_units
from storylens.model import Article, StoredArticle


def _item(key: int, outlet: str, text: str, published: date) -> Item:
    return analyzed_item(key, outlet, text, published)


def _with(claims: list[dict[str, Any]], *words: str) -> list[dict[str, Any]]:
    return [c for c in claims if all(any(w in s["text"] for s in c["sentences"]) for w in words)]


def test_date_values_cover_their_days_and_gaps_are_counted_between_the_nearest() -> None:
    assert date_interval("2031-02") == (date(2031, 2, 1), date(2031, 2, 28))
    assert date_interval("XXXX-WXX-5") is None
    assert date_gap({"2031-02-07"}, {"2031-02-09", "2031-06-01"}) == 2
    assert date_gap({"2031"}, {"2031-05-05"}) == 0
    assert date_gap({"PRESENT_REF"}, {"2031-05-05"}) is None


def test_the_same_event_on_different_days_is_disputed_with_both_dates() -> None:
    # Saturday 2031-03-08 and Monday 2031-03-10: "Saturday" in the first is March 8,
    # "Sunday" in the second is March 9.
    items = [
        _item(
            1,
            "Lakeside Post",
            "A boil-water notice in Farrow Glen was lifted on Saturday, the water utility "
            "said. The notice had been in place for five days after a main broke.",
            date(2031, 3, 8),
        ),
        _item(
            2,
            "Glen Courier",
            "The boil-water notice in Farrow Glen was lifted on Sunday. Restaurants on "
            "Mill Street reopened their kitchens the same evening.",
            date(2031, 3, 10),
        ),
    ]
    found = _with(extract_claims(items), "lifted on Saturday", "lifted on Sunday")
    assert len(found) == 1
    assert found[0]["label"] == "disputed"
    assert found[0]["conflict"]["kind"] == "date"
    assert found[0]["conflict"]["values"] == ["2031-03-08", "2031-03-09"]


def test_the_same_kind_of_event_months_apart_is_not_aligned() -> None:
    # The clause "after two gas pipes were damaged" happened when its sentence says
    # (Friday, Oct. 17); the other statement is about February.
    items = [
        _item(
            1,
            "Harbor Times",
            "Gas service to the Quarry Hill district was cut on Friday after two gas pipes "
            "were damaged by a digger, the utility said.",
            date(2031, 10, 18),
        ),
        _item(
            2,
            "Hill Gazette",
            "Two gas pipes were also damaged by a digger in February. Crews restored "
            "service to the Quarry Hill district late on Friday night.",
            date(2031, 10, 18),
        ),
    ]
    claims = extract_claims(items)
    assert not _with(claims, "two gas pipes were damaged", "in February")


def test_a_part_of_a_count_given_in_the_same_sentence_is_no_conflict() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "Three shells landed outside the depot: two fell near the rail yard where a "
            "freight train was unloading grain.",
            date(2031, 5, 2),
        ),
        _item(
            2,
            "Depot News",
            "The other two shells fell near the rail yard where a freight train was "
            "unloading grain, the harbor master said.",
            date(2031, 5, 2),
        ),
    ]
    found = _with(extract_claims(items), "Three shells", "other two shells")
    assert found and found[0]["label"] == "agreed"


def test_without_a_publication_date_a_weekday_and_a_bare_month_are_two_events() -> None:
    # No published date: "Friday" and "March" stay XXXX values; a Friday of the week of
    # writing is not "in March" (news says "this month" for the current one).
    story_a = Article(
        id="a",
        text="Two water mains burst in the Old Town on Friday, the city said. "
        "Traffic was diverted around the market square.",
        source="a",
        outlet="Town Post",
    )
    story_b = Article(
        id="b",
        text="Two water mains also burst in the Old Town in March. "
        "Engineers blamed the age of the pipes.",
        source="b",
        outlet="City Wire",
    )
    items: list[Item] = [
        (StoredArticle(key=1, article=story_a), analyze_article(story_a)),
        (StoredArticle(key=2, article=story_b), analyze_article(story_b)),
    ]
    assert not _with(extract_claims(items), "on Friday", "in March")


def test_next_weekday_which_may_be_resolved_a_week_off_parts_no_statements() -> None:
    # Said on a Monday, "next Thursday" may be resolved to this week's Thursday while the
    # other outlet writes out the date a week later; they may well agree.
    (a,) = build_units(
        [
            _item(
                1,
                "Lakeside Post",
                "The council will hold a hearing on the pier closure next Thursday.",
                date(2031, 10, 6),
            )
        ]
    )
    (b,) = build_units(
        [
            _item(
                2,
                "Glen Courier",
                "The council will hold a hearing on the pier closure on Oct. 16.",
                date(2031, 10, 7),
            )
        ]
    )
    assert not different_events(a, b)


def test_a_month_falls_within_its_season_quarter_or_half() -> None:
    assert _within_part("2012-05", "2012-SP")
    assert _within_part("2013-01", "2012-WI")
    assert _within_part("2012-11", "2012-Q4")
    assert not _within_part("2012-07", "2012-SP")
    assert not _within_part("2012-05-03", "2012-SU")
    assert date_interval("2012-SP") is None  # a season dates no span of days


def test_a_month_and_the_season_it_falls_in_date_one_event_alike() -> None:
    items = [
        _item(
            1,
            "Lakeside Post",
            "The report disclosed details of a police operation that stopped a plot in May 2031"
            " to blow up the Farrow Glen dam.",
            date(2032, 5, 14),
        ),
        _item(
            2,
            "Glen Courier",
            "The report disclosed details of a police operation that stopped a plot in the "
            "spring of 2031 to blow up the Farrow Glen dam.",
            date(2032, 5, 14),
        ),
    ]
    [claim] = _with(extract_claims(items), "police operation")
    assert claim["label"] == "agreed"
