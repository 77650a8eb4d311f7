"""The period an earnings story is about decides what "a year earlier" means."""

from __future__ import annotations

from datetime import date

from storylens.analyze.time import find_times

THU = date(2023, 10, 26)


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, THU)]


def test_a_year_earlier_is_the_quarter_while_the_quarter_is_in_focus() -> None:
    text = "In the third quarter, the brewer earned $4 million, up from $3 million a year earlier."
    assert ("a year earlier", "2022-Q3") in values(text)


def test_a_longer_period_takes_the_focus_from_the_quarter() -> None:
    text = (
        "In the third quarter, the brewer earned $4 million. "
        "For the nine months, it earned $9 million, against $7 million a year earlier."
    )
    assert ("a year earlier", "2022") in values(text)


def test_the_quarter_brings_the_focus_back() -> None:
    text = (
        "In the third quarter, the brewer earned $4 million. "
        "For the nine months, it earned $9 million. "
        "Sales in the quarter rose 5% from a year ago."
    )
    assert ("a year ago", "2022-Q3") in values(text)


def test_a_forecast_quarter_does_not_take_the_focus() -> None:
    text = (
        "Third-quarter profit at the brewer fell 10%. It expects fourth-quarter sales to rise. "
        "Sales in the latest quarter slipped from a year ago."
    )
    found = values(text)
    assert ("the latest quarter", "2023-Q3") in found
    assert ("a year ago", "2022-Q3") in found


def test_the_latest_period_is_the_quarter_reported() -> None:
    text = "Second-quarter net rose 8%. The latest period included a gain from a land sale."
    assert ("The latest period", "2023-Q2") in values(text)


def test_the_first_quarter_named_takes_the_focus_even_if_still_running() -> None:
    # A fiscal fourth quarter ended Sept. 30, reported in late October.
    text = "The mill reported a drop in fourth-quarter earnings, from $5 million a year earlier."
    assert ("a year earlier", "2022-Q4") in values(text)


def test_the_year_ago_quarter_and_nine_months_are_one_expression() -> None:
    text = (
        "Third-quarter net rose. In the year-ago third quarter, it lost money. "
        "Net for the year-earlier nine months included a gain."
    )
    found = values(text)
    assert ("the year-ago third quarter", "2022-Q3") in found
    assert ("the year-earlier nine months", "P9M") in found


def test_the_quarter_ended_on_a_date_is_the_quarter_of_its_middle_month() -> None:
    text = "In the quarter ended July 31, the retailer lost $2 million."
    assert ("the quarter", "2023-Q2") in values(text)


def test_an_earlier_quarter_named_in_passing_does_not_take_the_focus() -> None:
    text = (
        "The paper maker posted higher third-quarter profit. After a weak second quarter, "
        "its tissue sales recovered. Costs were lower than a year ago."
    )
    assert ("a year ago", "2022-Q3") in values(text)


def test_the_same_period_last_year_is_one_expression_for_the_quarter_a_year_back() -> None:
    text = (
        "Third-quarter net at the dairy rose to $6 million from $5 million in the same period "
        "last year. Exports for last year's quarter were $1 million."
    )
    found = values(text)
    assert ("the same period last year", "2022-Q3") in found
    assert ("last year's quarter", "2022-Q3") in found
    assert not any(surface == "last year" for surface, _ in found)


def test_the_period_last_year_without_a_quarter_is_last_year() -> None:
    assert ("the same period last year", "2022") in values(
        "Visits rose from the same period last year."
    )
