"""Publication date inference from an article's own text and from its story."""

from __future__ import annotations

from datetime import date

from storylens.analyze.published import best_guess, infer_from_story, infer_published

UNDATED = (
    "(CAPITAL) -- The trade envoy met the finance minister on Monday, officials said.\n"
    "On Sunday, the envoy had toured the harbour. She is expected to visit the mines on Wednesday, "
    "before a summit on Friday."
)


def test_nothing_to_go_on_gives_no_guess() -> None:
    assert infer_published(UNDATED) == (None, None)
    assert best_guess(infer_published(UNDATED)) is None
    assert infer_published("The council met on Monday.") == (None, None)


def test_latest_reported_date_is_the_lower_bound() -> None:
    text = (
        "The ban took effect on June 1, 2023. Rain fell. pic.twitter.com/x — Met Office (@metoffice) "
        "June 9, 2023\nThe vote will be held on July 2, 2023."
    )
    earliest, latest = infer_published(text)
    assert earliest == date(2023, 6, 9)
    assert latest == date(2023, 7, 1)
    assert best_guess((earliest, latest)) == date(2023, 6, 9)


def test_contradictory_bounds_give_no_guess() -> None:
    text = "The talks will resume on May 1, 2020. The deal was signed on June 3, 2020."
    assert infer_published(text) == (None, None)


def test_story_dates_and_weekdays_pick_the_day_of_the_latest_past_weekday() -> None:
    # The story's other article is from Wednesday 2024-03-06; the text reports
    # Monday and Sunday as past and Wednesday/Friday as coming: Monday 03-04.
    assert infer_from_story(UNDATED, [date(2024, 3, 6)]) == date(2024, 3, 4)


def test_story_without_dated_articles_gives_no_guess() -> None:
    assert infer_from_story(UNDATED, []) is None


def test_without_weekdays_the_story_median_is_taken() -> None:
    text = "The envoy met the finance minister, officials said."
    dated = [date(2024, 3, 1), date(2024, 3, 5), date(2024, 3, 9)]
    assert infer_from_story(text, dated) == date(2024, 3, 5)


def test_own_lower_bound_is_respected() -> None:
    text = "The ban took effect on March 8, 2024, and was lifted on Monday."
    assert infer_from_story(text, [date(2024, 3, 6)]) == date(2024, 3, 11)
