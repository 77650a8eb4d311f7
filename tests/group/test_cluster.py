"""Average link with constraints, and batch grouping independent of arrival order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.group.cluster import average_link, conflicts
from storylens.group.features import ArticleFeatures
from storylens.group.regroup import cluster_features

EDGES = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (3, 4, 0.9), (2, 3, 0.1)]


def test_average_link_joins_dense_groups_only() -> None:
    assert average_link(5, EDGES, 0.5) == [[0, 1, 2], [3, 4]]
    # {0,1,2}-{3,4}: one edge of 0.1 over 6 pairs averages 0.017.
    assert average_link(5, EDGES, 0.05) == [[0, 1, 2], [3, 4]]
    assert average_link(5, EDGES, 0.01) == [[0, 1, 2, 3, 4]]
    assert average_link(5, EDGES, 0.95) == [[0], [1], [2], [3], [4]]


def test_must_link_starts_together_and_cannot_link_stays_apart() -> None:
    assert average_link(5, EDGES, 0.5, must_link=[[2, 4]]) == [[0, 1], [2, 3, 4]]
    assert average_link(5, EDGES, 0.5, cannot_link=[([0], [2])]) == [[0, 1], [2], [3, 4]]
    # A must-link that would break a cannot-link is dropped.
    assert average_link(2, [(0, 1, 0.9)], 0.5, must_link=[[0, 1]], cannot_link=[([0], [1])]) == [
        [0],
        [1],
    ]


def test_min_clusters_stops_merging() -> None:
    assert len(average_link(5, EDGES, 0.0, min_clusters=2)) == 2


def test_conflicts_only_across_sides_of_one_constraint() -> None:
    assert conflicts({(0, 0)}, {(0, 1)})
    assert not conflicts({(0, 0)}, {(1, 1)})
    assert not conflicts(None, {(0, 1)})


TOPICS = {
    "flood": "floodwater river Tamsin Orrick rescued rooftops residents village fire chief Brisk",
    "vote": "election mayor Venmouth Dunmore ballots tram network Harbour Party votes",
    "match": "football final Kelling Rovers goal penalty stadium striker Abara trophy",
}


def corpus() -> list[ArticleFeatures]:
    items = []
    for t, (name, vocab) in enumerate(TOPICS.items()):
        words = vocab.split()
        for j in range(4):
            text = " ".join(words[(j + k) % len(words)] for k in range(len(words) * 2)) + "."
            entities = [("CAP", w.lower()) for w in words if w[0].isupper()]
            items.append(
                ArticleFeatures(10 * t + j, f"{name}{j:02d}" * 8, name, text, None, entities)
            )
    return items


def partition(items: list[ArticleFeatures]) -> set[frozenset[int]]:
    return {frozenset(items[i].key for i in c) for c in cluster_features(items)}


def test_batch_finds_the_three_invented_topics() -> None:
    got = partition(corpus())
    assert got == {
        frozenset({0, 1, 2, 3}),
        frozenset({10, 11, 12, 13}),
        frozenset({20, 21, 22, 23}),
    }


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(12)))
def test_batch_result_does_not_depend_on_arrival_order(order: list[int]) -> None:
    items = corpus()
    assert partition([items[i] for i in order]) == partition(items)
