"""Online grouping: each new article joins the closest story or opens one.

A story is held as the sum of its articles' unit TF-IDF vectors (words and
named entities kept apart) plus its date range. A new article is compared
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

from storylens.group.config import ALGORITHM, GroupConfig, combined_similarity
from storylens.group.features import ArticleFeatures, features_from
from storylens.group.near_dup import NearDuplicateIndex
from storylens.group.regroup import RegroupReport, merge_stories, regroup, split_story
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
    first: date | None = None
    last: date | None = None
    members: list[Member] = field(default_factory=list)
    posted: set[str] = field(default_factory=set)


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
        self._stories: dict[str, _Story] = {}
        self._story_of: dict[int, str] = {}
        self._postings: dict[str, list[str]] = {}
        self._copy_of: dict[int, int] = {}

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

    def place(self, features: ArticleFeatures) -> tuple[str, bool]:
        """Put the article in a story; returns (story id, whether the story is new)."""
        if features.key in self._story_of:
            return self._story_of[features.key], False
        original = self.near_dup.add(features.key, features.text)
        text_vec, entity_vec = self._vectorize(features)
        if original is not None:
            self._copy_of[features.key] = original
            if original in self._story_of:
                story = self._stories[self._story_of[original]]
                self._join(story, features, text_vec, entity_vec)
                return story.id, False
        best = self._best_story(features, text_vec, entity_vec)
        if best is not None:
            self._join(best, features, text_vec, entity_vec)
            return best.id, False
        story = _Story(self._new_id(features))
        self._stories[story.id] = story
        self._join(story, features, text_vec, entity_vec)
        return story.id, True

    def copy_of(self, key: int) -> int | None:
        """The original an article was found to copy (None for originals)."""
        return self._copy_of.get(key)

    def story_of(self, key: int) -> str | None:
        return self._story_of.get(key)

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
        return (
            unit_vector(words, self._text_df, cfg.vectors.max_terms),
            unit_vector(ents, self._entity_df, cfg.vectors.max_entities),
        )

    def _in_window(self, story: _Story, published: date | None) -> bool:
        if published is None or story.first is None or story.last is None:
            return True
        window = timedelta(days=self.config.window_days)
        return story.first - window <= published <= story.last + window

    def _similarity(self, story: _Story, text_vec: SparseVec, entity_vec: SparseVec) -> float:
        text_cos = (
            dot(text_vec, story.text) / math.sqrt(story.text_norm2) if story.text_norm2 else 0.0
        )
        both = bool(entity_vec) and story.entities_norm2 > 0.0
        ent_cos = dot(entity_vec, story.entities) / math.sqrt(story.entities_norm2) if both else 0.0
        return combined_similarity(text_cos, ent_cos, both, self.config)

    def _best_story(
        self, features: ArticleFeatures, text_vec: SparseVec, entity_vec: SparseVec
    ) -> _Story | None:
        cfg = self.config
        hits: dict[str, float] = {}
        for term, weight in self._probe(text_vec, entity_vec):
            for sid in self._postings.get(term, ()):
                hits[sid] = hits.get(sid, 0.0) + weight
        if not hits:
            return None
        ranked = heapq.nlargest(cfg.max_candidates, hits.items(), key=lambda kv: (kv[1], kv[0]))
        best: tuple[float, str] | None = None
        for sid, _ in ranked:
            story = self._stories[sid]
            if not self._in_window(story, features.published):
                continue
            score = self._similarity(story, text_vec, entity_vec)
            if cfg.min_entity_share > 0.0 and score < cfg.entity_share_override:
                share = self._entity_share(story, entity_vec)
                if share is not None and share < cfg.min_entity_share:
                    continue
            if score >= cfg.threshold and (best is None or score > best[0]):
                best = (score, sid)
        return None if best is None else self._stories[best[1]]

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
        for term, _ in self._probe(text_vec, entity_vec):
            if term in story.posted:
                continue
            story.posted.add(term)
            posting = self._postings.setdefault(term, [])
            posting.append(story.id)
            if len(posting) > cfg.posting_cap * 2:
                # Keep the most recent stories: old ones have left the time window.
                del posting[: len(posting) - cfg.posting_cap]
        self._stories.setdefault(story.id, story)

    def _new_id(self, features: ArticleFeatures) -> str:
        sid = story_id_for(features)
        n = 1
        while sid in self._stories:
            n += 1
            sid = f"{story_id_for(features)}-{n}"
        return sid


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
    story_id, is_new = grouper.place(features)
    with store.transaction():
        if is_new:
            store.create_story(story_id, grouper.title_for(story_id))
        store.assign(key, story_id)
        original = grouper.copy_of(key)
        if original is not None:
            store.set_copy_of(key, original)
        if not is_new:
            store.set_story_title(story_id, grouper.title_for(story_id))
    return story_id
