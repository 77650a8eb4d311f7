"""The days, months and years an article names, as evidence in batch similarity."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storylens.group.config import GroupConfig
from storylens.group.features import ArticleFeatures, time_terms
from storylens.group.regroup import similarity_edges
from storylens.group.stories import StoryGrouper


def test_time_terms_name_weekdays_months_and_years() -> None:
    text = "BRELLIN, Dec. 12, 2008 - Rules announced on Thursday take effect in March."
    assert time_terms("", text, 3000) == ["m:12", "y:2008", "d:thursday", "m:3"]


def test_may_counts_as_a_month_only_before_a_number() -> None:
    assert time_terms("", "Officials may reopen the road. It closed on May 4.", 3000) == ["m:5"]


def test_time_terms_read_the_title_and_only_the_lead() -> None:
    text = "The ferry sank near Osk on Sunday." + " More." * 100 + " It was Friday."
    assert time_terms("Ferry sinks, 1998 toll recalled", text, 200) == ["y:1998", "d:sunday"]


QUAKE = (
    "A strong earthquake shook the island of Veyra {day}, damaging homes in two villages, "
    "the governor said. Rescuers searched the rubble near the harbour."
)


# The same event in other words (a near-identical text would be taken for a copy).
QUAKE_RETOLD = (
    "Homes in two villages on Veyra island were damaged when a strong earthquake struck {day}. "
    "The governor said rescuers were searching rubble by the harbour."
)


def quake(key: int, day: str, template: str = QUAKE) -> ArticleFeatures:
    return ArticleFeatures(key, f"h{key:03d}" * 8, "", template.format(day=day), None, [])


def similarity(items: list[ArticleFeatures], config: GroupConfig) -> float:
    edges = {(i, j): s for i, j, s in similarity_edges(items, config)}
    return edges.get((0, 1), 0.0)


def test_reports_naming_different_days_are_less_alike_than_same_day_reports() -> None:
    config = replace(GroupConfig(), batch_when_weight=0.15)
    filler = [quake(k, "") for k in range(2, 6)]  # a collection for the IDF
    same = similarity([quake(0, "on Sunday"), quake(1, "on Sunday"), *filler], config)
    other = similarity([quake(0, "on Sunday"), quake(1, "on Tuesday"), *filler], config)
    assert other < same - 0.1


def test_a_report_naming_no_day_is_not_held_against_one_that_does() -> None:
    with_when = replace(GroupConfig(), batch_when_weight=0.15)
    without = replace(GroupConfig(), batch_when_weight=0.0)
    items = [quake(0, "on Sunday"), quake(1, ""), quake(2, "on Tuesday")]
    assert similarity(items, with_when) == similarity(items, without)


def online(when_weight: float) -> StoryGrouper:
    # A high join threshold and no repair: only the join decision is under test.
    config = replace(
        GroupConfig(),
        when_weight=when_weight,
        threshold=0.56,
        online_split=False,
        merge_threshold=None,
    )
    return StoryGrouper(config)


@pytest.mark.parametrize(
    ("when_weight", "second_day", "joins"),
    [
        (0.15, "on Sunday", True),
        (0.15, "on Tuesday", False),  # the same words, another day: another quake
        (0.15, "", True),  # no day named: no evidence either way
        (0.0, "on Tuesday", True),
    ],
)
def test_online_join_weighs_the_day_named(when_weight: float, second_day: str, joins: bool) -> None:
    grouper = online(when_weight)
    first, _ = grouper.place(quake(0, "on Sunday"))
    second, _ = grouper.place(quake(1, second_day, QUAKE_RETOLD))
    assert (second == first) is joins
