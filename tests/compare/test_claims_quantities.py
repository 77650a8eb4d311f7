"""Figures that look like one count given two ways but are two quantities (a threshold
and a count, shares of two questions), and round figures that round an exact one: none
is a dispute (invented stories, analysed by the real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims
from storylens.compare.conflicts import different_events, number_conflict
from storylens.compare.slots import may_round, percent_values, range_numbers, threshold_numbers
from storylens.compare.text_units import Item, build_units
from storylens.compare.wordforms import words


def _labels(items: list[Item]) -> list[str]:
    return [str(c["label"]) for c in extract_claims(items)]


def test_a_threshold_is_read_from_its_need_words() -> None:
    assert threshold_numbers(words("It takes 40 councillors to pass the budget.")) == {"40"}
    assert threshold_numbers(words("the 12 votes required to close the debate")) == {"12"}
    assert threshold_numbers(words("Nine councillors could block the budget.")) == set()
    # "take" after the figure is a duration, not a threshold.
    assert threshold_numbers(words("It will cost $3 million and take 9 weeks.")) == {"9"}


def test_a_threshold_and_a_count_of_one_noun_are_no_dispute() -> None:
    items = [
        _item(1, "Wire One", "The Marlow council needs 40 councillors to pass the harbor budget."),
        _item(
            2, "Daily Two", "Only 35 councillors of the Marlow council backed the harbor budget."
        ),
    ]
    assert "disputed" not in _labels(items)


def test_a_count_given_two_ways_is_still_a_dispute() -> None:
    items = [
        _item(1, "Wire One", "The Marlow council backed the harbor budget with 35 councillors."),
        _item(2, "Daily Two", "The Marlow council backed the harbor budget with 31 councillors."),
    ]
    assert "disputed" in _labels(items)


def test_shares_of_two_questions_are_no_dispute() -> None:
    items = [
        _item(1, "Wire One", "A Marlow poll found 61 percent of residents favored the harbor tax."),
        _item(2, "Daily Two", "In a Marlow poll, 44 percent of residents opposed the harbor tax."),
    ]
    assert "disputed" not in _labels(items)


def test_a_round_figure_may_round_an_exact_one() -> None:
    assert may_round("400", "391")
    assert may_round("2,000", "1,960")
    assert not may_round("400", "350")
    # A figure of a scale said as the whole number it rounds to: "$1 trillion" / "$1.07
    # trillion"; not when the whole number is far from it ("$2 billion" / "$1.5 billion").
    assert may_round("1", "1.07") and may_round("1.07", "1")
    assert not may_round("2", "1.5") and not may_round("4.6", "6.4")
    # Small counts are not rounded: 10 and 12 people are two counts.
    assert not may_round("10", "12")
    items = [
        _item(1, "Wire One", "The Marlow council froze $391 million in harbor funds on Monday."),
        _item(2, "Daily Two", "The Marlow council froze $400 million in harbor funds on Monday."),
    ]
    assert _labels(items)[0] == "agreed"


def test_a_percentage_is_read_from_its_sign_or_word() -> None:
    assert percent_values("Shares lost 0.4% and bonds 2 percent; 1,200 jobs went.") == {
        "0.4",
        "2",
    }


def test_a_day_of_the_month_is_no_count() -> None:
    items = [
        _item(1, "Wire One", "The Harlow ferry fire left more than 40 dead."),
        _item(
            2, "Daily Two", "Militants carried out attacks such as the one on Nov. 12 that killed."
        ),
    ]
    a, b = build_units(items)[:2]
    assert (a.item, b.item) == (0, 1)
    # "40 dead" and "Nov. 12 that killed" fill one slot (kill) with a count and a day:
    # no dispute, and no claim may hold both.
    assert number_conflict(a, b) is None
    assert different_events(a, b)


def test_a_figure_against_a_list_of_figures_of_its_noun_is_no_dispute() -> None:
    items = [
        _item(1, "Wire One", "The Kelby index fell 31 points to 4,410 on Friday."),
        _item(
            2,
            "Daily Two",
            "The Orrin average fell 120 points, the Kelby index lost 12 points and the Tamsin "
            "gauge dropped 40 points on Friday.",
        ),
    ]
    assert "disputed" not in _labels(items)
    assert "agreed" not in _labels(items)


def test_the_ends_of_a_range_are_read() -> None:
    assert range_numbers(words("He faces between three and 40 years in prison.")) == {"3", "40"}
    assert range_numbers(words("a term can run from ten years to life")) == {"10"}
    assert range_numbers(words("Six to eight boats sank.")) == {"6", "8"}
    assert range_numbers(words("It killed 14 people and injured 12.")) == set()
    assert range_numbers(words("Prosecutors asked for 31 years.")) == set()


def test_a_range_and_a_figure_are_two_quantities() -> None:
    items = [
        _item(1, "Wire One", "Under Corvel law the arson charge carries from four to 30 years."),
        _item(
            2, "Daily Two", "Under Corvel law prosecutors asked for 22 years on the arson charge."
        ),
    ]
    a, b = build_units(items)[:2]
    assert number_conflict(a, b) is None
    assert different_events(a, b)
