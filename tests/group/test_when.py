"""The days, months and years an article names, as evidence in batch similarity."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from storylens.group.config import GroupConfig
from storylens.group.features import ArticleFeatures, time_terms
from storylens.group.near_dup import NearDupConfig
from storylens.group.regroup import cluster_features, refine_cluster, similarity_edges
from storylens.group.stories import StoryGrouper


def test_time_terms_name_weekdays_months_and_years() -> None:
    text = "BRELLIN, Dec. 12, 2008 - Rules announced on Thursday take effect in March."
    assert time_terms("", text, 3000) == ("m:12", "y:2008", "d:thursday", "m:3")


def test_may_counts_as_a_month_only_before_a_number() -> None:
    assert time_terms("", "Officials may reopen the road. It closed on May 4.", 3000) == ("m:5",)


def test_time_terms_read_the_title_and_only_the_lead() -> None:
    text = "The ferry sank near Osk on Sunday." + " More." * 100 + " It was Friday."
    assert time_terms("Ferry sinks, 1998 toll recalled", text, 200) == ("y:1998", "d:sunday")


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


OPENINGS = ["A strong earthquake shook", "An earthquake rocked", "A powerful quake hit"]
ENDINGS = ["near the harbour", "in the old town", "by the school", "through the night"]


def two_quakes() -> list[ArticleFeatures]:
    """Six reports of a quake on Veyra in 2005 and six of another there in
    2008, in the same words apart from the date."""
    template = (
        "{opening} the island of Veyra {day}, damaging homes in villages, the governor "
        "said. Rescuers searched rubble {ending}."
    )
    items = []
    for key in range(12):
        day = "on Sunday, Nov. 27, 2005" if key < 6 else "on Tuesday, Sept. 9, 2008"
        text = template.format(opening=OPENINGS[key % 3], day=day, ending=ENDINGS[key % 4])
        items.append(ArticleFeatures(key, f"q{key:03d}" * 8, "", text, None, []))
    return items


# Texts this alike would be taken for copies, which are never split apart.
NO_COPIES = NearDupConfig(min_shingles=10_000)
BOTH_QUAKES = [list(range(12))]
EACH_QUAKE = [list(range(6)), list(range(6, 12))]


@pytest.mark.parametrize(
    ("refine_when_weight", "expected"), [(0.3, EACH_QUAKE), (0.0, BOTH_QUAKES)]
)
def test_refinement_splits_look_alike_events_by_when(
    refine_when_weight: float, expected: list[list[int]]
) -> None:
    config = replace(GroupConfig(), refine_when_weight=refine_when_weight)
    assert refine_cluster(list(range(12)), two_quakes(), config, [], []) == expected


@pytest.mark.parametrize(
    ("consensus_refine", "expected"), [(True, EACH_QUAKE), (False, BOTH_QUAKES)]
)
def test_the_consensus_is_refined_too(consensus_refine: bool, expected: list[list[int]]) -> None:
    # One online run that never splits and the batch vote: the consensus
    # keeps together what the online run put together.
    config = replace(
        GroupConfig(),
        consensus_runs=1,
        online_split=False,
        consensus_refine=consensus_refine,
        near_dup=NO_COPIES,
    )
    assert cluster_features(two_quakes(), config) == expected


def test_dated_reports_are_left_to_their_dates() -> None:
    # A follow-up names a later day; with both dated, the dates already say
    # how far apart the reports are.
    with_when = replace(GroupConfig(), batch_when_weight=0.3)
    without = replace(GroupConfig(), batch_when_weight=0.0)
    items = [quake(0, "on Sunday"), quake(1, "on Tuesday"), *(quake(k, "") for k in range(2, 6))]
    for item in items[:2]:
        item.published = date(2024, 5, 12)
    assert similarity(items, with_when) == similarity(items, without)


def test_online_join_of_dated_reports_ignores_the_days_named() -> None:
    grouper = online(0.15)
    first = quake(0, "on Sunday")
    second = quake(1, "on Tuesday", QUAKE_RETOLD)
    first.published = second.published = date(2024, 5, 14)
    assert grouper.place(first)[0] == grouper.place(second)[0]
