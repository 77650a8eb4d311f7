"""Consensus clustering: votes of online runs over fixed orders, cut at a majority."""

from __future__ import annotations

from dataclasses import replace

from storylens.group.config import GroupConfig
from storylens.group.consensus import arrival_order, co_association, consensus_clusters
from storylens.group.features import ArticleFeatures, features_from
from storylens.group.regroup import cluster_features
from storylens.model import Article, StoredArticle

FLOOD = [
    "The river Tamsel burst its banks at Corrow on Sunday, flooding two hundred homes, "
    "mayor Elin Brask said. Rescue boats took families from the Corrow lowlands.",
    "Two hundred homes in Corrow were flooded when the Tamsel overflowed on Sunday, said "
    "mayor Elin Brask, as rescue boats moved families out of the lowlands.",
    "Corrow mayor Elin Brask asked for army help on Monday after the Tamsel flood left "
    "two hundred homes under water in the town's lowlands.",
]
MERGER = [
    "Brightwell Foods agreed to buy the dairy maker Oakhill for 2 billion crowns, chief "
    "executive Pavel Ornst said on Wednesday. Regulators in Velna must approve the deal.",
    "Dairy maker Oakhill will be bought by Brightwell Foods for 2 billion crowns, Pavel "
    "Ornst, Brightwell's chief executive, announced; the Velna regulator must still agree.",
    "Shares of Oakhill jumped after Brightwell Foods offered 2 billion crowns for the dairy "
    "maker. Chief executive Pavel Ornst expects approval in Velna by the autumn.",
]


def features(texts: list[str]) -> list[ArticleFeatures]:
    return [
        features_from(StoredArticle(key, Article(f"a{key}", text, "test")), None)
        for key, text in enumerate(texts)
    ]


def test_arrival_order_follows_content_not_input_order() -> None:
    items = features([*FLOOD, *MERGER])
    reordered = list(reversed(items))
    for run in range(3):
        order = [items[i].key for i in arrival_order(items, run)]
        again = [reordered[i].key for i in arrival_order(reordered, run)]
        assert order == again
    assert arrival_order(items, 0) != arrival_order(items, 1)


def test_co_association_counts_the_share_of_votes_per_pair() -> None:
    votes = [[[0, 1, 2], [3]], [[0, 1], [2, 3]], [[0], [1], [2], [3]], [[1, 0], [2], [3]]]
    edges = {(i, j): share for i, j, share in co_association(4, votes)}
    assert edges == {(0, 1): 0.75, (0, 2): 0.25, (1, 2): 0.25, (2, 3): 0.25}


def test_consensus_separates_two_events_whatever_the_input_order() -> None:
    config = replace(GroupConfig(), consensus_runs=3)
    items = features([*FLOOD, *MERGER])
    got = consensus_clusters(items, config, batch=[[0, 1, 2, 3, 4, 5]])
    assert sorted(got) == [[0, 1, 2], [3, 4, 5]]
    mixed = [items[i] for i in (3, 0, 4, 1, 5, 2)]
    keys = [sorted(mixed[i].key for i in c) for c in cluster_features(mixed, config)]
    assert sorted(keys) == [[0, 1, 2], [3, 4, 5]]


def test_consensus_honours_cannot_link() -> None:
    config = replace(GroupConfig(), consensus_runs=3)
    items = features(FLOOD)
    got = cluster_features(items, config, cannot_link=[([0], [1, 2])])
    assert sorted(got) == [[0], [1, 2]]
