"""Average-link agglomerative clustering on a sparse similarity graph, with
must-link groups and cannot-link tags (manual merge/split decisions).

Pairs absent from the graph count as similarity 0, so the average over two
clusters is the sum of their known edges divided by |A|·|B|. Merging always
takes the pair with the highest average, which makes the result independent
of the order the articles arrived in (ties are broken by index).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

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
    merges: list[tuple[int, int]] | None = None,
) -> list[list[int]]:
    """Clusters (lists of indices, each sorted, in order of smallest index).

    `must_link` groups start together (unless that would break a
    cannot-link); the two sides of each `cannot_link` never end up together.
    `merges`, when given, receives each merge as (kept root, absorbed root),
    where a root is the smallest index of its starting group."""
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
        if merges is not None:
            merges.append((a, b))
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


def dendrogram_split(
    n: int,
    edges: list[tuple[int, int, float]],
    min_part: int,
    must_link: Sequence[Sequence[int]] = (),
    cannot_link: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
) -> tuple[list[list[int]], list[int]]:
    """The top split of the average-link tree whose two sides both hold at
    least `min_part` items, walking past outliers (which average link joins
    last). Returns (parts, outliers): two parts, or the separate components
    when the graph is not connected, or one part when there is no such split."""
    merges: list[tuple[int, int]] = []
    roots = average_link(n, edges, 0.0, must_link, cannot_link, merges=merges)
    if len(roots) > 1:
        big = [r for r in roots if len(r) >= min_part]
        if len(big) < 2:
            return [sorted(range(n))], []
        return big, sorted(i for r in roots if len(r) < min_part for i in r)
    # Tree nodes: a node is (members, left child, right child); leaves are the
    # starting groups, named by their smallest index like the merges are.
    nodes: list[tuple[list[int], int, int]] = []
    node_of: dict[int, int] = {}
    for group in average_link(n, (), 0.0, must_link, cannot_link):
        node_of[group[0]] = len(nodes)
        nodes.append((group, -1, -1))
    for a, b in merges:
        left, right = node_of[a], node_of[b]
        node_of[a] = len(nodes)
        nodes.append((nodes[left][0] + nodes[right][0], left, right))
    outliers: list[int] = []
    node = len(nodes) - 1
    while nodes[node][1] >= 0:
        _, left, right = nodes[node]
        if len(nodes[left][0]) < len(nodes[right][0]):
            left, right = right, left
        if len(nodes[right][0]) >= min_part:
            return [sorted(nodes[left][0]), sorted(nodes[right][0])], sorted(outliers)
        outliers.extend(nodes[right][0])
        node = left
    return [sorted(range(n))], []
