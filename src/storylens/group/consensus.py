"""Consensus (evidence-accumulation) clustering for batch regrouping.

The online grouper with repair is run over several arrival orders; each run
is one vote on every pair of articles it puts in the same story. The votes
are counted sparsely (only pairs that ever share a story), optionally with
the batch average-link clustering as one more vote, and the articles are
then clustered by average link over that co-association graph, cut at a
majority. The orders are pseudo-random but fixed by the articles' content
hashes, so the result does not depend on the order articles really arrived.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from storylens.group.cluster import average_link
from storylens.group.config import GroupConfig
from storylens.group.features import ArticleFeatures


def arrival_order(items: Sequence[ArticleFeatures], run: int) -> list[int]:
    """Indices of `items` in the order of run `run`: sorted by a hash of the
    article's content hash and the run number (ties by index)."""

    def rank(i: int) -> tuple[bytes, int]:
        digest = hashlib.blake2b(f"{run}:{items[i].hash}".encode(), digest_size=8).digest()
        return digest, i

    return sorted(range(len(items)), key=rank)


def online_partition(
    items: Sequence[ArticleFeatures],
    config: GroupConfig,
    order: Sequence[int],
) -> list[list[int]]:
    """Clusters (index lists) that online grouping with repair ends with when
    `items` arrive in `order`."""
    # Imported here: stories.py imports regroup.py, which imports this module.
    from storylens.group.stories import StoryGrouper

    grouper = StoryGrouper(config)
    index_of = {f.key: i for i, f in enumerate(items)}
    for i in order:
        grouper.place(items[i])
    return [sorted(index_of[k] for k in grouper.members(sid)) for sid in grouper.story_ids()]


def co_association(
    n: int, partitions: Sequence[Sequence[Sequence[int]]]
) -> list[tuple[int, int, float]]:
    """(i, j, share of partitions putting i and j together) for i < j, only
    for pairs that share a cluster at least once."""
    counts: dict[tuple[int, int], int] = {}
    for clusters in partitions:
        for cluster in clusters:
            members = sorted(cluster)
            for a, i in enumerate(members):
                for j in members[a + 1 :]:
                    counts[(i, j)] = counts.get((i, j), 0) + 1
    votes = max(1, len(partitions))
    return [(i, j, c / votes) for (i, j), c in sorted(counts.items())]


def consensus_clusters(
    items: Sequence[ArticleFeatures],
    config: GroupConfig,
    batch: Sequence[Sequence[int]] | None = None,
    must_link: Sequence[Sequence[int]] = (),
    cannot_link: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
) -> list[list[int]]:
    """Average link over the co-association of `config.consensus_runs` online
    runs (plus `batch`, when given, as one more vote), cut at
    `config.consensus_cut`."""
    partitions: list[Sequence[Sequence[int]]] = [
        online_partition(items, config, arrival_order(items, run))
        for run in range(config.consensus_runs)
    ]
    if batch is not None:
        partitions.append(batch)
    edges = co_association(len(items), partitions)
    return average_link(
        len(items),
        edges,
        config.consensus_cut,
        must_link=must_link,
        cannot_link=cannot_link,
    )
