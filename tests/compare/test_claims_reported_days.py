"""A weekday that dates the reporting of a fact ("according to reports on Thursday") is not
the day of the fact: no date dispute with a source that gives the day it happened
(invented articles, analysed by the real pipeline)."""

from __future__ import annotations

from datetime import date

import pytest

from storylens.analyze.pipeline import analyze_article
from storylens.compare.conflicts import date_conflict, different_events
from storylens.compare.text_units import Item, Unit, build_units
from storylens.model import Article, StoredArticle


def _item(key: int, outlet: str, text: str) -> Item:
    article = Article(
        id=f"art-{key}",
        text=text,
        source=f"art-{key}",
        outlet=outlet,
        published=date(2026, 3, 6),
    )
    return StoredArticle(key=key, article=article), analyze_article(article)


def _pair(first: str, second: str) -> tuple[Unit, Unit]:
    units = build_units([_item(1, "Wire One", first), _item(2, "Daily Two", second)])
    a = next(u for u in units if u.item == 0)
    b = next(u for u in units if u.item == 1)
    return a, b


def test_the_day_of_a_report_does_not_dispute_the_day_of_the_fact() -> None:
    a, b = _pair(
        "The Velden ferry sank in the strait, according to reports on Thursday.",
        "The Velden ferry sank in the strait on Wednesday.",
    )
    assert date_conflict(a, b) is None


def test_two_days_of_one_fact_still_conflict() -> None:
    a, b = _pair(
        "The Velden ferry sank in the strait on Thursday.",
        "The Velden ferry sank in the strait on Wednesday.",
    )
    conflict = date_conflict(a, b)
    assert conflict is not None and conflict["kind"] == "date"


def test_days_three_apart_tell_two_events() -> None:
    # Published on Friday, March 6: "Monday" is March 2, four days before; "Thursday" is
    # March 5. Sources at odds on a day differ by a day or two; three or more apart (Monday
    # / Thursday) are two events of one kind, never one claim.
    a, b = _pair(
        "The Velden ferry sank in the strait on Monday.",
        "A Velden ferry sank in the strait on Thursday.",
    )
    assert different_events(a, b)


def test_a_weekday_after_a_word_of_time_dates_no_event() -> None:
    a, b = _pair(
        "The Velden inquiry will open a week from Tuesday.",
        "The Velden inquiry will open within a week, on Wednesday.",
    )
    assert date_conflict(a, b) is None


@pytest.mark.parametrize(
    "reported",
    [
        "The mayor said on Wednesday that three sailors held in Tarn have been freed.",
        "The mayor disclosed it on Wednesday: three sailors held in Tarn have been freed.",
    ],
)
def test_a_verb_of_saying_before_the_weekday_dates_the_saying(reported: str) -> None:
    a, b = _pair(reported, "Three sailors held in Tarn were freed on Thursday.")
    assert date_conflict(a, b) is None
