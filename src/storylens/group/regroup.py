"""Batch regrouping: re-cluster a whole collection, independent of arrival
order, keeping story ids stable and honouring manual merge/split decisions.

Similarities come from the same word/entity TF-IDF vectors as online
grouping, but with the document frequencies of the whole collection, and
clusters are formed by average link (see cluster.py). Sparse matrix products
(scipy) give all pairs above a small floor without a Python all-pairs loop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
from scipy import sparse

from storylens.errors import NotFoundError, StoryLensError
from storylens.group.cluster import average_link, dendrogram_split
from storylens.group.config import GroupConfig
from storylens.group.consensus import consensus_clusters
from storylens.group.features import ArticleFeatures, features_from, time_terms
from storylens.group.near_dup import NearDuplicateIndex
from storylens.group.titles import Member, representative_title
from storylens.group.vectors import (
    DocumentFrequencies,
    SparseVec,
    entity_counts,
    text_counts,
    unit_vector,
)
from storylens.store.base import Store

_EDGE_FLOOR = 0.05
_ROW_CHUNK = 128
_NEIGHBOURS = 100


@dataclass(slots=True)
class RegroupReport:
    """What a regroup changed. `kept` ids survived, `created` are new,
    `removed` disappeared; `moved` counts articles whose story id changed."""

    articles: int = 0
    stories_before: int = 0
    stories_after: int = 0
    kept: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved: int = 0
    copies: int = 0

    def __str__(self) -> str:
        return (
            f"{self.articles} articles: {self.stories_before} stories before, "
            f"{self.stories_after} after ({len(self.kept)} kept their id, "
            f"{len(self.created)} new, {len(self.removed)} removed); "
            f"{self.moved} articles moved, {self.copies} copies"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "stories_before": self.stories_before,
            "stories_after": self.stories_after,
            "kept": list(self.kept),
            "created": list(self.created),
            "removed": list(self.removed),
            "moved": self.moved,
            "copies": self.copies,
        }


def batch_vectors(
    items: Sequence[ArticleFeatures], config: GroupConfig
) -> tuple[list[SparseVec], list[SparseVec]]:
    """Unit word and entity vectors with the whole collection's IDF."""
    text_df, entity_df = DocumentFrequencies(), DocumentFrequencies()
    words = [text_counts(f, config.batch_vectors) for f in items]
    ents = [entity_counts(f) for f in items]
    for w, e in zip(words, ents, strict=True):
        text_df.add(w)
        entity_df.add(e)
    return (
        [unit_vector(w, text_df, config.batch_vectors.max_terms) for w in words],
        [unit_vector(e, entity_df, config.batch_vectors.max_entities) for e in ents],
    )


def when_vectors(items: Sequence[ArticleFeatures], config: GroupConfig) -> list[SparseVec]:
    """Unit vectors of the days, months and years each article names in its
    lead (features.time_terms), with the collection's IDF."""
    max_chars = config.batch_vectors.lead_words * 12
    counts: list[dict[str, float]] = [
        dict(Counter(time_terms(f.title, f.text, max_chars))) for f in items
    ]
    df = DocumentFrequencies()
    for c in counts:
        df.add(c)
    return [unit_vector(c, df, config.batch_vectors.max_entities) for c in counts]


def _matrix(vectors: list[SparseVec]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, vec in enumerate(vectors):
        for term, weight in vec.items():
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            vals.append(weight)
    shape = (len(vectors), max(1, len(vocabulary)))
    return sparse.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float32)


def _time_factor(days: np.ndarray, gap_ok: int) -> np.ndarray:
    """1 inside the window; halves for every further window length apart."""
    excess = np.maximum(days - gap_ok, 0) / max(gap_ok, 1)
    factor: np.ndarray = np.power(0.5, excess)
    return factor


def similarity_edges(
    items: Sequence[ArticleFeatures], config: GroupConfig
) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for i < j and similarity above a small floor, at
    most the `_NEIGHBOURS` closest per article (so a large collection gives
    a sparse graph; pairs left out count as 0 in the averages)."""
    text_vecs, entity_vecs = batch_vectors(items, config)
    text_m = _matrix(text_vecs)
    ent_m = _matrix(entity_vecs)
    has_ents = np.array([bool(v) for v in entity_vecs])
    when_weight = config.batch_when_weight
    if when_weight > 0:
        when_vecs = when_vectors(items, config)
        when_m = _matrix(when_vecs)
        has_when = np.array([bool(v) for v in when_vecs])
    ordinal = np.array(
        [f.published.toordinal() if isinstance(f.published, date) else -1 for f in items]
    )
    w = config.entity_weight
    edges: dict[tuple[int, int], float] = {}
    n = len(items)
    for start in range(0, n, _ROW_CHUNK):
        stop = min(n, start + _ROW_CHUNK)
        text_sim = (text_m[start:stop] @ text_m.T).toarray()
        ent_sim = (ent_m[start:stop] @ ent_m.T).toarray()
        both = has_ents[start:stop, None] & has_ents[None, :]
        sim = np.where(both, (1.0 - w) * text_sim + w * ent_sim, text_sim)
        dated = (ordinal[start:stop, None] >= 0) & (ordinal[None, :] >= 0)
        if when_weight > 0:
            # Like entities: an article naming no day at all is not evidence of
            # another day. Two dated articles are left to the time factor: their
            # dates say how far apart they are, and follow-ups name later days.
            when_sim = (when_m[start:stop] @ when_m.T).toarray()
            named = has_when[start:stop, None] & has_when[None, :] & ~dated
            sim = np.where(named, (1.0 - when_weight) * sim + when_weight * when_sim, sim)
        gaps = np.abs(ordinal[start:stop, None] - ordinal[None, :])
        sim = np.where(dated, sim * _time_factor(gaps, config.window_days), sim)
        local = np.arange(stop - start)
        sim[local, local + start] = 0.0
        keep = sim >= _EDGE_FLOOR
        if n > _NEIGHBOURS:
            nearest = np.argpartition(-sim, _NEIGHBOURS, axis=1)[:, :_NEIGHBOURS]
            top = np.zeros_like(keep)
            top[local[:, None], nearest] = True
            keep &= top
        rows, cols = np.nonzero(keep)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i = start + r
            edges[(i, c) if i < c else (c, i)] = float(sim[r, c])
    return [(i, j, value) for (i, j), value in sorted(edges.items())]


def cluster_features(
    items: Sequence[ArticleFeatures],
    config: GroupConfig | None = None,
    must_link: Sequence[Sequence[int]] = (),
    cannot_link: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
) -> list[list[int]]:
    """Batch clusters of `items`, as lists of indices into `items`.

    Average link over batch similarities, each cluster then refined (bisected
    when it holds two look-alike events); with `config.consensus_runs` > 0
    that clustering is one vote among online runs (see consensus.py), and
    with `config.consensus_refine` the consensus clusters are refined too.
    Near-duplicate copies start in their original's cluster."""
    config = config or GroupConfig()
    copies = NearDuplicateIndex(config.near_dup)
    copy_links: list[list[int]] = []
    for i, f in enumerate(items):
        original = copies.add(i, f.text)
        if original is not None:
            copy_links.append([original, i])
    edges = similarity_edges(items, config)
    links = [*must_link, *copy_links]
    clusters = average_link(
        len(items), edges, config.batch_threshold, must_link=links, cannot_link=cannot_link
    )
    if config.refine_ratio is not None:
        refined: list[list[int]] = []
        for cluster in clusters:
            refined.extend(refine_cluster(cluster, items, config, links, cannot_link))
        clusters = sorted(refined, key=lambda members: members[0])
    if config.consensus_runs <= 0:
        return clusters
    clusters = consensus_clusters(
        items,
        config,
        batch=clusters if config.consensus_batch_vote else None,
        must_link=links,
        cannot_link=cannot_link,
    )
    if config.consensus_refine and config.refine_ratio is not None:
        refined = []
        for cluster in clusters:
            refined.extend(refine_cluster(cluster, items, config, links, cannot_link))
        clusters = sorted(refined, key=lambda members: members[0])
    return clusters


def refine_cluster(
    cluster: list[int],
    items: Sequence[ArticleFeatures],
    config: GroupConfig,
    must_link: Sequence[Sequence[int]],
    cannot_link: Sequence[tuple[Sequence[int], Sequence[int]]],
) -> list[list[int]]:
    """Split look-alike events apart: inside one cluster, weigh words by how
    rare they are *in that cluster* (what all its articles share counts for
    little), bisect it by average link, and keep the split when the two halves
    are much less alike than each half is within itself. Recurses on halves."""
    assert config.refine_ratio is not None
    if len(cluster) < config.refine_min_size:
        return [cluster]
    local = {i: n for n, i in enumerate(cluster)}

    def inside(group: Sequence[int]) -> list[int]:
        return [local[i] for i in group if i in local]

    local_config = config
    if config.refine_when_weight is not None:
        local_config = replace(config, batch_when_weight=config.refine_when_weight)
    edges = similarity_edges([items[i] for i in cluster], local_config)
    parts, outliers = dendrogram_split(
        len(cluster),
        edges,
        config.refine_min_part,
        must_link=[inside(g) for g in must_link],
        cannot_link=[(inside(a), inside(b)) for a, b in cannot_link],
    )
    if len(parts) == 1:
        return [cluster]
    if len(parts) > 2:  # disconnected: no pair across parts reaches the edge floor
        max(parts, key=len).extend(outliers)
    else:
        side = {i: k for k, part in enumerate(parts) for i in part}
        within = [0.0, 0.0]
        cross = 0.0
        to_side: dict[int, list[float]] = {i: [0.0, 0.0] for i in outliers}
        for i, j, sim in edges:
            if i in side and j in side:
                if side[i] == side[j]:
                    within[side[i]] += sim
                else:
                    cross += sim
            elif i in to_side and j in side:
                to_side[i][side[j]] += sim
            elif j in to_side and i in side:
                to_side[j][side[i]] += sim
        sizes = [len(p) for p in parts]
        within_avg = sum(within[k] / (sizes[k] * (sizes[k] - 1) / 2) for k in (0, 1)) / 2
        cross_avg = cross / (sizes[0] * sizes[1])
        if cross_avg >= config.refine_ratio * within_avg:
            return [cluster]
        # Outliers go with the side they resemble most on average.
        for i, sums in sorted(to_side.items()):
            parts[0 if sums[0] / sizes[0] >= sums[1] / sizes[1] else 1].append(i)
    result: list[list[int]] = []
    for part in parts:
        members = sorted(cluster[j] for j in part)
        result.extend(refine_cluster(members, items, config, must_link, cannot_link))
    return result


# -- decisions -------------------------------------------------------------


def constraints(
    decisions: list[tuple[str, dict[str, Any]]], members: dict[str, list[int]]
) -> tuple[list[set[int]], list[tuple[set[int], set[int]]]]:
    """Must-link groups and cannot-link pairs of key sets, later decisions
    overriding earlier ones where they contradict."""
    together: list[set[int]] = []
    apart: list[tuple[set[int], set[int]]] = []
    for kind, payload in decisions:
        if kind == "merge":
            keys = set(payload.get("article_keys") or [])
            for sid in payload.get("stories", []):
                keys.update(members.get(sid, []))
            apart = [(a, b) for a, b in apart if not (a & keys and b & keys)]
            together.append(keys)
        elif kind == "split":
            side = set(payload.get("article_keys") or [])
            rest = set(payload.get("rest_keys") or members.get(payload.get("story", ""), []))
            rest -= side
            regrouped: list[set[int]] = []
            for group in together:
                regrouped.extend(g for g in (group & side, group - side) if g)
            together = regrouped
            apart.append((side, rest))
            together.append(side)
    return together, apart


# -- store-level operations --------------------------------------------------


def _load(store: Store) -> tuple[list[ArticleFeatures], dict[int, str]]:
    items: list[ArticleFeatures] = []
    old_story: dict[int, str] = {}
    for stored in store.iter_articles():
        items.append(features_from(stored, store.get_analysis(stored.key)))
        if stored.story_id is not None:
            old_story[stored.key] = stored.story_id
    return items, old_story


def _stable_ids(
    clusters: list[list[int]], old_story: dict[int, str], founding_hash: dict[int, str]
) -> list[str]:
    """A story keeps its id when more than half its articles stay together;
    other clusters get an id from their founding (earliest) article."""
    old_members: dict[str, int] = {}
    for sid in old_story.values():
        old_members[sid] = old_members.get(sid, 0) + 1
    overlaps: list[tuple[int, str, int]] = []
    for c, keys in enumerate(clusters):
        counts: dict[str, int] = {}
        for key in keys:
            if key in old_story:
                counts[old_story[key]] = counts.get(old_story[key], 0) + 1
        overlaps.extend((count, sid, c) for sid, count in counts.items())
    ids: list[str | None] = [None] * len(clusters)
    used: set[str] = set()
    for count, sid, c in sorted(overlaps, key=lambda t: (-t[0], t[1], t[2])):
        if ids[c] is None and sid not in used and 2 * count > old_members[sid]:
            ids[c] = sid
            used.add(sid)
    taken = used | set(old_members)
    final: list[str] = []
    for c, keys in enumerate(clusters):
        kept = ids[c]
        if kept is not None:
            sid = kept
        else:
            founder = min(keys)
            base = "s-" + (founding_hash.get(founder) or f"{founder:010x}")[:10]
            sid, n = base, 1
            while sid in taken:
                n += 1
                sid = f"{base}-{n}"
            taken.add(sid)
        final.append(sid)
    return final


def regroup(store: Store, config: GroupConfig | None = None) -> RegroupReport:
    """Re-cluster every article of the store in batch and write the result."""
    config = config or GroupConfig()
    items, old_story = _load(store)
    keys = [f.key for f in items]
    index_of = {key: i for i, key in enumerate(keys)}
    members: dict[str, list[int]] = {}
    for key, sid in old_story.items():
        members.setdefault(sid, []).append(key)
    together, apart = constraints(store.list_decisions(), members)

    def indices(group: set[int]) -> list[int]:
        return sorted(index_of[k] for k in group if k in index_of)

    clusters_idx = cluster_features(
        items,
        config,
        must_link=[indices(g) for g in together],
        cannot_link=[(indices(a), indices(b)) for a, b in apart],
    )
    clusters = [[keys[i] for i in c] for c in clusters_idx]
    ids = _stable_ids(clusters, old_story, {f.key: f.hash for f in items})
    copy_marks = _copies(items, config)

    report = RegroupReport(articles=len(items), stories_before=len(members))
    text_vecs, _ = batch_vectors(items, config)
    with store.transaction():
        for sid, cluster in zip(ids, clusters, strict=True):
            title = representative_title(
                [Member.of(items[index_of[k]], text_vecs[index_of[k]]) for k in cluster],
                _centroid([text_vecs[index_of[k]] for k in cluster]),
            )
            if sid in members:
                report.kept.append(sid)
            else:
                store.create_story(sid, title)
                report.created.append(sid)
            for key in cluster:
                if old_story.get(key) != sid:
                    store.assign(key, sid)
                    report.moved += 1
            store.set_story_title(sid, title)
        for sid in sorted(set(members) - set(ids)):
            store.delete_story(sid)
            report.removed.append(sid)
        for key, original in copy_marks.items():
            store.set_copy_of(key, original)
    report.stories_after = len(ids)
    report.copies = len(copy_marks)
    return report


def _copies(items: Sequence[ArticleFeatures], config: GroupConfig) -> dict[int, int]:
    index = NearDuplicateIndex(config.near_dup)
    found: dict[int, int] = {}
    for f in items:
        original = index.add(f.key, f.text)
        if original is not None:
            found[f.key] = original
    return found


def _centroid(vectors: list[SparseVec]) -> SparseVec:
    total: SparseVec = {}
    for vec in vectors:
        for term, weight in vec.items():
            total[term] = total.get(term, 0.0) + weight
    return total


def _story_keys(store: Store, story_id: str) -> list[int]:
    if store.get_story(story_id) is None:
        raise NotFoundError(f"no story {story_id!r} in {store.url}: see `storylens stories`")
    return [s.key for s in store.iter_articles(story_id)]


def _title_of(store: Store, keys: list[int], config: GroupConfig) -> str:
    items = []
    for key in keys:
        stored = store.get_article(key)
        if stored is not None:
            items.append(features_from(stored, store.get_analysis(key)))
    text_vecs, _ = batch_vectors(items, config)
    members = [Member.of(f, v) for f, v in zip(items, text_vecs, strict=True)]
    return representative_title(members, _centroid(text_vecs))


def merge_stories(store: Store, a: str, b: str, config: GroupConfig | None = None) -> str:
    """Merge story `b` into `a` (a keeps its id), recorded so regrouping keeps them together."""
    config = config or GroupConfig()
    if a == b:
        raise StoryLensError(f"cannot merge story {a!r} with itself")
    keys_a, keys_b = _story_keys(store, a), _story_keys(store, b)
    with store.transaction():
        store.add_decision("merge", {"stories": [a, b], "article_keys": sorted(keys_a + keys_b)})
        for key in keys_b:
            store.assign(key, a)
        store.delete_story(b)
        store.set_story_title(a, _title_of(store, keys_a + keys_b, config))
    return a


def split_story(
    store: Store, story_id: str, article_keys: list[int], config: GroupConfig | None = None
) -> str:
    """Move `article_keys` out of `story_id` into a new story; recorded so that
    regrouping keeps them apart from the rest. Returns the new story's id."""
    config = config or GroupConfig()
    keys = _story_keys(store, story_id)
    moving = sorted(set(article_keys))
    outside = [k for k in moving if k not in keys]
    if outside:
        raise StoryLensError(
            f"articles {outside} are not in story {story_id!r}: list them with "
            f"`storylens show {story_id}`"
        )
    rest = [k for k in keys if k not in set(moving)]
    if not moving or not rest:
        raise StoryLensError("a split needs at least one article on each side")
    founder = store.get_article(moving[0])
    base = "s-" + (founder.article.hash if founder else f"{moving[0]:010x}")[:10]
    new_id, n = base, 1
    while store.get_story(new_id) is not None:
        n += 1
        new_id = f"{base}-{n}"
    with store.transaction():
        store.add_decision(
            "split",
            {"story": story_id, "article_keys": moving, "rest_keys": rest, "new_story": new_id},
        )
        store.create_story(new_id, _title_of(store, moving, config))
        for key in moving:
            store.assign(key, new_id)
        store.set_story_title(story_id, _title_of(store, rest, config))
    return new_id
