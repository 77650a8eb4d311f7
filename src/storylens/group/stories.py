"""Online grouping: each new article joins the closest story or opens one.

A story is held as the sum of its articles' unit TF-IDF vectors (words,
named entities and the days, months and years named, kept apart) plus its
date range. A new article is compared
only with the stories reached through an inverted index over the heaviest
terms of each article (capped postings, most recent first) and inside the
time window, so placing one article costs the same in a collection of 40
articles or 40,000.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from storylens.group.config import ALGORITHM, GroupConfig, combined_similarity
from storylens.group.features import ArticleFeatures, features_from, time_terms
from storylens.group.near_dup import NearDuplicateIndex
from storylens.group.regroup import (
    RegroupReport,
    constraints,
    merge_stories,
    refine_cluster,
    regroup,
    split_story,
)
from storylens.group.titles import Member, representative_title
from storylens.group.vectors import (
    DocumentFrequencies,
    SparseVec,
    dot,
    entity_counts,
    text_counts,
    top_terms,
    unit_vector,
)
from storylens.store.base import Store

__all__ = [
    "ALGORITHM",
    "ArticleFeatures",
    "GroupConfig",
    "RegroupReport",
    "StoryGrouper",
    "features_from",
    "merge_stories",
    "place_article",
    "regroup",
    "split_story",
]


@dataclass(slots=True)
class _Story:
    id: str
    text: SparseVec = field(default_factory=dict)
    text_norm2: float = 0.0
    entities: SparseVec = field(default_factory=dict)
    entities_norm2: float = 0.0
    when: SparseVec = field(default_factory=dict)
    when_norm2: float = 0.0
    first: date | None = None
    last: date | None = None
    members: list[Member] = field(default_factory=list)
    posted: set[str] = field(default_factory=set)
    checked: int = 0  # size at the last split check


@dataclass(slots=True)
class Changes:
    """What placing one article changed beyond its own assignment, for the
    store to apply: stories opened (`created`), articles that moved to
    another story (`moved`: key -> story id), stories left empty
    (`removed`) and stories whose title may have changed (`touched`)."""

    created: list[str] = field(default_factory=list)
    moved: dict[int, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)


_SEP = "\x1f"


@dataclass(slots=True, frozen=True)
class _Slim:
    """An article's grouping features kept compact for later split checks:
    the lead only (vectors read no further) and the names as one string
    (a list of tuples of small strings costs ~20 times the memory)."""

    hash: str
    title: str
    lead: str
    published: date | None
    names: str

    @classmethod
    def of(cls, features: ArticleFeatures, lead_chars: int) -> _Slim:
        names = _SEP.join(name for _, name in features.entities)
        return cls(
            features.hash, features.title, features.text[:lead_chars], features.published, names
        )

    def features(self, key: int) -> ArticleFeatures:
        # Grouping keys names by text alone (see vectors.entity_counts).
        entities = [("", name) for name in self.names.split(_SEP)] if self.names else []
        return ArticleFeatures(key, self.hash, self.title, self.lead, self.published, entities)


def story_id_for(features: ArticleFeatures) -> str:
    """Deterministic id from the founding article's content hash."""
    return "s-" + (features.hash or f"{features.key:010x}")[:10]


class StoryGrouper:
    """In-memory index of stories for online placement. Cheap to construct;
    `load` fills it from a store, `place` adds one article."""

    def __init__(self, config: GroupConfig | None = None) -> None:
        self.config = config or GroupConfig()
        self._reset()

    def _reset(self) -> None:
        self.near_dup = NearDuplicateIndex(self.config.near_dup)
        self._text_df = DocumentFrequencies()
        self._entity_df = DocumentFrequencies()
        self._when_df = DocumentFrequencies()
        self._stories: dict[str, _Story] = {}
        self._story_of: dict[int, str] = {}
        self._postings: dict[str, list[str]] = {}
        self._copy_of: dict[int, int] = {}
        # What a split check needs of each article: its lead, title, names.
        self._slim: dict[int, _Slim] = {}
        self._decisions: list[tuple[str, dict[str, Any]]] = []
        self._together: list[set[int]] = []
        self._apart: list[tuple[set[int], set[int]]] = []
        self._changes = Changes()
        self._when_vec: SparseVec = {}  # of the article being placed (see _vectorize)
        self._order: dict[int, int] = {}
        self._retired: set[str] = set()  # ids of merged-away stories: never reused

    # -- public ----------------------------------------------------------
    def load(self, store: Store) -> None:
        """Rebuild the index from the store's placed articles (in key order, the
        order they arrived); unplaced ones are left for `place`."""
        self._reset()
        for stored in store.iter_articles():
            if stored.story_id is None:
                continue
            features = features_from(stored, store.get_analysis(stored.key))
            self.near_dup.add(stored.key, features.text)
            if stored.copy_of is not None:
                self._copy_of[stored.key] = stored.copy_of
            text_vec, entity_vec = self._vectorize(features)
            story = self._stories.get(stored.story_id)
            if story is None:
                story = self._stories[stored.story_id] = _Story(stored.story_id)
            self._join(story, features, text_vec, entity_vec)
        for story in self._stories.values():
            story.checked = len(story.members)
        self.set_decisions(store.list_decisions())
        self._changes = Changes()

    def set_decisions(self, decisions: list[tuple[str, dict[str, Any]]]) -> None:
        """Manual merges and splits (store.list_decisions()) the repair honours:
        it never splits a manual merge nor merges across a manual split."""
        if decisions == self._decisions:
            return
        self._decisions = list(decisions)
        members = {sid: [m.key for m in story.members] for sid, story in self._stories.items()}
        self._together, self._apart = constraints(self._decisions, members)

    def take_changes(self) -> Changes:
        """What the last `place` changed (see `Changes`), then forgets it."""
        changes, self._changes = self._changes, Changes()
        return changes

    def place(self, features: ArticleFeatures) -> tuple[str, bool]:
        """Put the article in a story, then repair that story locally (split
        off a look-alike event that got in early, merge it with a story of
        the same event); returns (the article's story id, whether that
        story is new). `take_changes` tells what else moved."""
        self._changes = Changes()
        if features.key in self._story_of:
            return self._story_of[features.key], False
        original = self.near_dup.add(features.key, features.text)
        text_vec, entity_vec = self._vectorize(features)
        candidates: list[_Story] = []
        story: _Story | None = None
        if original is not None:
            self._copy_of[features.key] = original
            if original in self._story_of:
                story = self._stories[self._story_of[original]]
        # Copies join their original's story, but its neighbours are still
        # what the repair looks at.
        best, candidates = self._best_story(features, text_vec, entity_vec)
        story = story or best
        if story is None:
            story = _Story(self._new_id(features))
            self._stories[story.id] = story
            self._changes.created.append(story.id)
        self._join(story, features, text_vec, entity_vec)
        self._changes.touched.add(story.id)
        self._repair(story, candidates)
        final = self._story_of[features.key]
        return final, final in self._changes.created

    def copy_of(self, key: int) -> int | None:
        """The original an article was found to copy (None for originals)."""
        return self._copy_of.get(key)

    def story_of(self, key: int) -> str | None:
        return self._story_of.get(key)

    def has_story(self, story_id: str) -> bool:
        return story_id in self._stories

    def story_ids(self) -> list[str]:
        return list(self._stories)

    def members(self, story_id: str) -> list[int]:
        return [m.key for m in self._stories[story_id].members]

    def title_for(self, story_id: str) -> str:
        """The title of the story's most central article (or a phrase from its
        first sentence when no article has a title)."""
        story = self._stories[story_id]
        return representative_title(story.members, story.text)

    # -- internals -------------------------------------------------------
    def _vectorize(self, features: ArticleFeatures) -> tuple[SparseVec, SparseVec]:
        cfg = self.config
        words = text_counts(features, cfg.vectors)
        ents = entity_counts(features)
        self._text_df.add(words)
        self._entity_df.add(ents)
        if cfg.when_weight > 0:
            when = self._when_counts(features)
            self._when_df.add(when)
            self._when_vec = unit_vector(when, self._when_df, cfg.vectors.max_entities)
        return (
            unit_vector(words, self._text_df, cfg.vectors.max_terms),
            unit_vector(ents, self._entity_df, cfg.vectors.max_entities),
        )

    def _when_counts(self, features: ArticleFeatures) -> dict[str, float]:
        counts: dict[str, float] = {}
        for term in time_terms(features.title, features.text, self.config.vectors.lead_words * 12):
            counts[term] = counts.get(term, 0.0) + 1.0
        return counts

    def _with_when(
        self, similarity: float, vec: SparseVec, story_when: SparseVec, norm2: float
    ) -> float:
        """Mix in the cosine of the days/months/years named, when both sides
        name one (callers leave out pairs that are both dated)."""
        weight = self.config.when_weight
        if weight <= 0 or not vec or norm2 <= 0.0:
            return similarity
        cos = dot(vec, story_when) / math.sqrt(norm2)
        return (1.0 - weight) * similarity + weight * cos

    def _in_window(self, story: _Story, published: date | None) -> bool:
        if published is None or story.first is None or story.last is None:
            return True
        window = timedelta(days=self.config.window_days)
        return story.first - window <= published <= story.last + window

    def _similarity(
        self, story: _Story, text_vec: SparseVec, entity_vec: SparseVec, published: date | None
    ) -> float:
        text_cos = (
            dot(text_vec, story.text) / math.sqrt(story.text_norm2) if story.text_norm2 else 0.0
        )
        both = bool(entity_vec) and story.entities_norm2 > 0.0
        ent_cos = dot(entity_vec, story.entities) / math.sqrt(story.entities_norm2) if both else 0.0
        similarity = combined_similarity(text_cos, ent_cos, both, self.config)
        if published is not None and story.first is not None:
            return similarity  # dated both: the time window has had its say
        return self._with_when(similarity, self._when_vec, story.when, story.when_norm2)

    def _best_story(
        self, features: ArticleFeatures, text_vec: SparseVec, entity_vec: SparseVec
    ) -> tuple[_Story | None, list[_Story]]:
        """The story to join (None: open one) and the stories in the time
        window it was similar enough to join (where the repair looks for a
        merge: an article that fits two stories may show they are one)."""
        cfg = self.config
        hits: dict[str, float] = {}
        for term, weight in self._probe(text_vec, entity_vec):
            for sid in self._postings.get(term, ()):
                if sid in self._stories:  # merged-away stories linger in postings
                    hits[sid] = hits.get(sid, 0.0) + weight
        if not hits:
            return None, []
        ranked = heapq.nlargest(cfg.max_candidates, hits.items(), key=lambda kv: (kv[1], kv[0]))
        best: tuple[float, str] | None = None
        compared: list[_Story] = []
        for sid, _ in ranked:
            story = self._stories[sid]
            if not self._in_window(story, features.published):
                continue
            similarity = self._similarity(story, text_vec, entity_vec, features.published)
            if similarity >= cfg.threshold:
                # Stories the article is close to: it may bridge two of them.
                compared.append(story)
            score = self._threshold_gap(story) + similarity
            if cfg.min_entity_share > 0.0 and score < cfg.entity_share_override:
                share = self._entity_share(story, entity_vec)
                if share is not None and share < cfg.min_entity_share:
                    continue
            if score >= cfg.threshold and (best is None or score > best[0]):
                best = (score, sid)
        return (None if best is None else self._stories[best[1]]), compared

    def _threshold_gap(self, story: _Story) -> float:
        """Joining a tiny story asks for `small_story_margin` more similarity:
        an early wrong join drags its whole event along, and a story kept
        apart by mistake is mended by a later merge."""
        if len(story.members) < self.config.small_story_size:
            return -self.config.small_story_margin
        return 0.0

    def _entity_share(self, story: _Story, entity_vec: SparseVec) -> float | None:
        """The share of the article's names (weighted by rarity) that already
        occur in the story; None when either side has no names. Look-alike
        events of one kind share their words (a quake, a toll, a magnitude)
        but not their who and where."""
        if not entity_vec or not story.entities:
            return None
        total = sum(entity_vec.values())
        shared = sum(w for t, w in entity_vec.items() if t in story.entities)
        return shared / total if total else None

    def _probe(self, text_vec: SparseVec, entity_vec: SparseVec) -> list[tuple[str, float]]:
        k = self.config.probe_terms
        probes = [(t, text_vec[t]) for t in top_terms(text_vec, k)]
        probes += [("\x00" + t, entity_vec[t]) for t in top_terms(entity_vec, k)]
        return probes

    def _join(
        self, story: _Story, features: ArticleFeatures, text_vec: SparseVec, entity_vec: SparseVec
    ) -> None:
        cfg = self.config
        story.text_norm2 = _add_into(story.text, story.text_norm2, text_vec)
        story.entities_norm2 = _add_into(story.entities, story.entities_norm2, entity_vec)
        if cfg.when_weight > 0:
            story.when_norm2 = _add_into(story.when, story.when_norm2, self._when_vec)
        if len(story.text) > cfg.centroid_terms * 3 // 2:
            story.text_norm2 = _prune(story.text, cfg.centroid_terms)
        if len(story.entities) > cfg.centroid_terms:
            story.entities_norm2 = _prune(story.entities, cfg.centroid_terms // 2)
        if features.published is not None:
            if story.first is None or features.published < story.first:
                story.first = features.published
            if story.last is None or features.published > story.last:
                story.last = features.published
        story.members.append(Member.of(features, text_vec))
        self._story_of[features.key] = story.id
        self._order.setdefault(features.key, len(self._order))
        if features.key not in self._slim:
            self._slim[features.key] = _Slim.of(features, self._lead_chars())
        self._post(story, text_vec, entity_vec)
        self._stories.setdefault(story.id, story)

    def _post(self, story: _Story, text_vec: SparseVec, entity_vec: SparseVec) -> None:
        cfg = self.config
        for term, _ in self._probe(text_vec, entity_vec):
            if term in story.posted:
                continue
            story.posted.add(term)
            posting = self._postings.setdefault(term, [])
            posting.append(story.id)
            if len(posting) > cfg.posting_cap * 2:
                # Keep the most recent stories: old ones have left the time window.
                del posting[: len(posting) - cfg.posting_cap]

    def _lead_chars(self) -> int:
        # text_counts reads no further than this.
        lead = max(self.config.vectors.lead_words, self.config.batch_vectors.lead_words)
        return lead * 12

    # -- repair ----------------------------------------------------------
    def _repair(self, story: _Story, candidates: list[_Story]) -> None:
        cfg = self.config
        if cfg.online_split and self._split_due(story):
            story = self._split(story)
        if cfg.merge_threshold is not None and len(story.members) >= 2:
            self._merge_nearest(story, candidates)

    def _split_due(self, story: _Story) -> bool:
        """Checked when the story reaches the refine minimum, then each time
        it has grown by `split_every` articles and by a quarter: the cost per
        article stays small however large stories get."""
        n = len(story.members)
        cfg = self.config
        if n < cfg.refine_min_size or cfg.refine_ratio is None:
            return False
        return n >= max(story.checked + cfg.split_every, story.checked * 5 // 4)

    def _split(self, story: _Story) -> _Story:
        """Bisect the story as batch refinement does (IDF local to the story);
        the largest part keeps the story, the others become new stories.
        Returns the story holding the article just placed."""
        story.checked = len(story.members)
        keys = [m.key for m in story.members]
        placed = keys[-1]
        index = {key: i for i, key in enumerate(keys)}

        def inside(group: set[int]) -> list[int]:
            return sorted(index[k] for k in group if k in index)

        must = [inside(g) for g in self._together]
        must += [
            [index[k], index[o]] for k, o in self._copy_of.items() if k in index and o in index
        ]
        cannot = [(inside(a), inside(b)) for a, b in self._apart]
        parts = refine_cluster(
            list(range(len(keys))),
            [self._slim[k].features(k) for k in keys],
            self.config,
            must,
            cannot,
        )
        if len(parts) < 2:
            return story
        # Largest part keeps the id; ties go to the part holding the founder.
        parts.sort(key=lambda p: (-len(p), p[0]))
        members = {m.key: m for m in story.members}
        story.members = [members[keys[i]] for i in sorted(parts[0])]
        self._rebuild(story)
        holder = story
        for part in parts[1:]:
            part_keys = [keys[i] for i in sorted(part)]
            new = _Story(self._new_id(self._slim[part_keys[0]].features(part_keys[0])))
            new.members = [members[k] for k in part_keys]
            self._stories[new.id] = new
            self._changes.created.append(new.id)
            for key in part_keys:
                self._story_of[key] = new.id
                self._changes.moved[key] = new.id
            self._rebuild(new)
            new.checked = len(new.members)
            self._changes.touched.add(new.id)
            if placed in part_keys:
                holder = new
        return holder

    def _merge_nearest(self, story: _Story, candidates: list[_Story]) -> None:
        """Merge the story with the most similar neighbour (both of at least
        two articles, centroids at least `merge_threshold` alike, dates
        within the window) unless a manual split keeps them apart."""
        cfg = self.config
        assert cfg.merge_threshold is not None
        best: tuple[float, _Story] | None = None
        for other in candidates:
            if other is story or other.id not in self._stories or len(other.members) < 2:
                continue
            if not self._windows_meet(story, other):
                continue
            score = self._centroid_similarity(story, other)
            if (
                score >= cfg.merge_threshold
                and (best is None or score > best[0])
                and not self._kept_apart(story, other)
            ):
                best = (score, other)
        if best is None:
            return
        other = best[1]
        keep, gone = (story, other) if _larger_first(story, other) else (other, story)
        for member in gone.members:
            self._story_of[member.key] = keep.id
            self._changes.moved[member.key] = keep.id
        keep.members = sorted(keep.members + gone.members, key=lambda m: self._arrival(m.key))
        keep.text_norm2 = _add_into(keep.text, keep.text_norm2, gone.text)
        keep.entities_norm2 = _add_into(keep.entities, keep.entities_norm2, gone.entities)
        keep.when_norm2 = _add_into(keep.when, keep.when_norm2, gone.when)
        for bound in (gone.first, gone.last):
            if bound is not None:
                keep.first = bound if keep.first is None else min(keep.first, bound)
                keep.last = bound if keep.last is None else max(keep.last, bound)
        for term in gone.posted - keep.posted:
            keep.posted.add(term)
            self._postings.setdefault(term, []).append(keep.id)
        keep.checked = len(keep.members)
        del self._stories[gone.id]
        self._retired.add(gone.id)
        self._changes.removed.append(gone.id)
        self._changes.touched.add(keep.id)

    def _arrival(self, key: int) -> int:
        return self._order.get(key, key)

    def _windows_meet(self, a: _Story, b: _Story) -> bool:
        if a.first is None or a.last is None or b.first is None or b.last is None:
            return True
        window = timedelta(days=self.config.window_days)
        return a.first - window <= b.last and b.first - window <= a.last

    def _centroid_similarity(self, a: _Story, b: _Story) -> float:
        if not a.text_norm2 or not b.text_norm2:
            return 0.0
        text_cos = dot(a.text, b.text) / math.sqrt(a.text_norm2 * b.text_norm2)
        both = a.entities_norm2 > 0.0 and b.entities_norm2 > 0.0
        ent_cos = (
            dot(a.entities, b.entities) / math.sqrt(a.entities_norm2 * b.entities_norm2)
            if both
            else 0.0
        )
        similarity = combined_similarity(text_cos, ent_cos, both, self.config)
        if not b.when_norm2 or (a.first is not None and b.first is not None):
            return similarity
        unit_b = {t: w / math.sqrt(b.when_norm2) for t, w in b.when.items()}
        return self._with_when(similarity, unit_b, a.when, a.when_norm2)

    def _kept_apart(self, a: _Story, b: _Story) -> bool:
        """True when a manual split put articles of `a` and of `b` on opposite sides."""
        if not self._apart:
            return False
        keys_a = {m.key for m in a.members}
        keys_b = {m.key for m in b.members}
        return any(
            (side & keys_a and rest & keys_b) or (side & keys_b and rest & keys_a)
            for side, rest in self._apart
        )

    def _rebuild(self, story: _Story) -> None:
        """Recompute a story's centroid and dates from its members (after a
        split), with the collection's current IDF; posts its new terms."""
        cfg = self.config
        story.text, story.entities, story.when = {}, {}, {}
        story.text_norm2 = story.entities_norm2 = story.when_norm2 = 0.0
        story.first = story.last = None
        for member in story.members:
            features = self._slim[member.key].features(member.key)
            text_vec = unit_vector(
                text_counts(features, cfg.vectors), self._text_df, cfg.vectors.max_terms
            )
            entity_vec = unit_vector(
                entity_counts(features), self._entity_df, cfg.vectors.max_entities
            )
            story.text_norm2 = _add_into(story.text, story.text_norm2, text_vec)
            story.entities_norm2 = _add_into(story.entities, story.entities_norm2, entity_vec)
            if cfg.when_weight > 0:
                when_vec = unit_vector(
                    self._when_counts(features), self._when_df, cfg.vectors.max_entities
                )
                story.when_norm2 = _add_into(story.when, story.when_norm2, when_vec)
            if features.published is not None:
                if story.first is None or features.published < story.first:
                    story.first = features.published
                if story.last is None or features.published > story.last:
                    story.last = features.published
            self._post(story, text_vec, entity_vec)
        if len(story.text) > cfg.centroid_terms * 3 // 2:
            story.text_norm2 = _prune(story.text, cfg.centroid_terms)
        if len(story.entities) > cfg.centroid_terms:
            story.entities_norm2 = _prune(story.entities, cfg.centroid_terms // 2)

    def _new_id(self, features: ArticleFeatures) -> str:
        sid = story_id_for(features)
        n = 1
        while sid in self._stories or sid in self._retired:
            n += 1
            sid = f"{story_id_for(features)}-{n}"
        return sid


def _larger_first(a: _Story, b: _Story) -> bool:
    """Whether `a` keeps its id in a merge: the larger story does, as in
    regroup (ids stay stable when most articles stay together)."""
    return (len(a.members), b.id) >= (len(b.members), a.id)


def _add_into(target: SparseVec, norm2: float, vec: SparseVec) -> float:
    """Add `vec` into `target` in place; returns the new squared norm."""
    cross = 0.0
    self_sq = 0.0
    for term, weight in vec.items():
        old = target.get(term, 0.0)
        cross += old * weight
        self_sq += weight * weight
        target[term] = old + weight
    return norm2 + 2.0 * cross + self_sq


def _prune(vec: SparseVec, keep: int) -> float:
    kept = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    vec.clear()
    vec.update(kept)
    return sum(w * w for w in vec.values())


def place_article(store: Store, grouper: StoryGrouper, key: int) -> str:
    """Place a stored article: reads it and its analysis, finds or opens its
    story, and writes the assignment (and copy mark) in one transaction."""
    stored = store.get_article(key)
    if stored is None:
        from storylens.errors import NotFoundError

        raise NotFoundError(f"no article with key {key} in {store.url}")
    features = features_from(stored, store.get_analysis(key))
    grouper.set_decisions(store.list_decisions())
    story_id, _ = grouper.place(features)
    changes = grouper.take_changes()
    with store.transaction():
        live = [sid for sid in changes.created if grouper.has_story(sid)]
        for sid in live:
            store.create_story(sid, grouper.title_for(sid))
        store.assign(key, story_id)
        for moved_key, sid in sorted(changes.moved.items()):
            if moved_key != key:
                store.assign(moved_key, sid)
        for sid in changes.removed:
            if sid not in changes.created:  # opened and merged away within this call
                store.delete_story(sid)
        original = grouper.copy_of(key)
        if original is not None:
            store.set_copy_of(key, original)
        for sid in sorted(changes.touched - set(live)):
            if grouper.has_story(sid):
                store.set_story_title(sid, grouper.title_for(sid))
    return story_id
