"""Average-link agglomerative clustering on a sparse similarity graph, with
must-link groups and cannot-link tags (manual merge/split decisions).

Pairs absent from the graph count as similarity 0, so the average over two
clusters is the sum of their known edges divided by |A|·|B|. Merging always
takes the pair with the highest average, which makes the result independent
of the order the articles arrived in (ties are broken by index).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

Tag = tuple[int, int]  # (constraint number, side 0 or 1)


class _Partition:
    """Union-find over article indices that also carries cannot-link tags."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.tags: dict[int, set[Tag]] = {}

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def tag(self, i: int, tag: Tag) -> None:
        self.tags.setdefault(self.find(i), set()).add(tag)

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if conflicts(self.tags.get(a), self.tags.get(b)):
            return False
        a, b = min(a, b), max(a, b)
        self.parent[b] = a
        if b in self.tags:
            self.tags.setdefault(a, set()).update(self.tags.pop(b))
        return True


def conflicts(a: set[Tag] | None, b: set[Tag] | None) -> bool:
    """True when the two sets hold opposite sides of one cannot-link."""
    if not a or not b:
        return False
    if len(a) > len(b):
        a, b = b, a
    return any((number, 1 - side) in b for number, side in a)


def average_link(
    n: int,
    edges: Iterable[tuple[int, int, float]],
    threshold: float,
    must_link: Iterable[Iterable[int]] = (),
    cannot_link: Iterable[tuple[Iterable[int], Iterable[int]]] = (),
    min_clusters: int = 1,
) -> list[list[int]]:
    """Clusters (lists of indices, each sorted, in order of smallest index).

    `must_link` groups start together (unless that would break a
    cannot-link); the two sides of each `cannot_link` never end up together."""
    part = _Partition(n)
    for number, (side_a, side_b) in enumerate(cannot_link):
        for i in side_a:
            part.tag(i, (number, 0))
        for i in side_b:
            part.tag(i, (number, 1))
    for group in must_link:
        members = list(group)
        for other in members[1:]:
            part.union(members[0], other)

    size: dict[int, int] = {}
    for i in range(n):
        root = part.find(i)
        size[root] = size.get(root, 0) + 1
    sums: dict[int, dict[int, float]] = {root: {} for root in size}
    for i, j, sim in edges:
        a, b = part.find(i), part.find(j)
        if a != b:
            sums[a][b] = sums[a].get(b, 0.0) + sim
            sums[b][a] = sums[b].get(a, 0.0) + sim
    tags = {root: part.tags.get(root, set()) for root in size}
    version = dict.fromkeys(size, 0)
    heap: list[tuple[float, int, int, int, int]] = []
    for a, neighbours in sums.items():
        for b, total in neighbours.items():
            if a < b:
                avg = total / (size[a] * size[b])
                if avg >= threshold:
                    heap.append((-avg, a, b, 0, 0))
    heapq.heapify(heap)

    while heap and len(size) > min_clusters:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in size or b not in size or version[a] != va or version[b] != vb:
            continue
        if conflicts(tags[a], tags[b]):
            continue
        # Merge b into a.
        size[a] += size.pop(b)
        tags[a] = tags[a] | tags.pop(b)
        version[a] += 1
        del version[b]
        merged = sums.pop(b)
        merged.pop(a, None)
        own = sums[a]
        own.pop(b, None)
        for x, total in merged.items():
            own[x] = own.get(x, 0.0) + total
        for x, total in own.items():
            neighbour = sums[x]
            neighbour.pop(b, None)
            neighbour[a] = total
            avg = total / (size[a] * size[x])
            if avg >= threshold:
                lo, hi = (a, x) if a < x else (x, a)
                heapq.heappush(heap, (-avg, lo, hi, version[lo], version[hi]))
        part.parent[b] = a

    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(part.find(i), []).append(i)
    return sorted(clusters.values(), key=lambda members: members[0])
