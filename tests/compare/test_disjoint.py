from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storylens.compare.disjoint import DisjointSets

pairs = st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=30)


@given(pairs)
def test_groups_partition_the_members_and_follow_every_union(unions: list[tuple[int, int]]) -> None:
    sets = DisjointSets(20)
    for a, b in unions:
        sets.union(a, b)
    groups = sets.groups()
    assert sorted(i for g in groups for i in g) == list(range(20))
    for a, b in unions:
        assert sets.find(a) == sets.find(b)
    for g in groups:
        assert all(sets.find(i) == g[0] for i in g), "the smallest member represents its set"


@given(pairs)
def test_the_result_does_not_depend_on_the_order_of_unions(unions: list[tuple[int, int]]) -> None:
    forward, backward = DisjointSets(20), DisjointSets(20)
    for a, b in unions:
        forward.union(a, b)
    for a, b in reversed(unions):
        backward.union(b, a)
    assert forward.groups() == backward.groups()
