"""Online repair: a story that took in a look-alike event early is split, two
stories of one event are merged, and manual decisions are never undone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from storylens.group.config import GroupConfig
from storylens.group.features import ArticleFeatures, features_from
from storylens.group.stories import StoryGrouper, merge_stories, place_article, split_story
from storylens.model import Article, StoredArticle
from storylens.store import open_store
from storylens.store.base import Store

# Two storms of one kind, told in varied words: what tells them apart is
# the place, the names and each storm's own details.
STORM_A = [
    "The storm brought heavy rain and strong winds, flooding homes and closing roads. "
    "Hurricane Delphine sank forty boats in Marlow Bay, harbour master Ilse Varga said.",
    "Strong winds and heavy rain from the storm flooded homes and closed roads. In Marlow "
    "Bay, Ilse Varga said Delphine sank forty boats and wrecked the lighthouse.",
    "Flooded homes and closed roads followed the storm's heavy rain and strong winds. "
    "Delphine flattened the Marlow Bay fish market, Ilse Varga said.",
    "Heavy rain and strong winds of the storm left homes flooded and roads closed. Marlow "
    "Bay swept glass from its streets as Ilse Varga counted Delphine's sunk boats.",
]
STORM_B = [
    "The storm brought heavy rain and strong winds, flooding homes and closing roads. "
    "Typhoon Korrin buried the Tesh Valley terraces in mud, mayor Bram Odeku said.",
    "Strong winds and heavy rain from the storm flooded homes and closed roads. Bram "
    "Odeku said Korrin washed away three Tesh Valley bridges.",
    "Flooded homes and closed roads followed the storm's heavy rain and strong winds. "
    "Korrin cut Tesh Valley off, and Bram Odeku asked for helicopters.",
    "Heavy rain and strong winds of the storm left homes flooded and roads closed. Tesh "
    "Valley farmers dug out the terraces Korrin buried, Bram Odeku said.",
]


def features(key: int, text: str) -> ArticleFeatures:
    return features_from(StoredArticle(key, Article(f"a{key}", text, "test")), None)


def test_a_story_that_took_in_a_look_alike_event_is_split_as_it_grows() -> None:
    # A join threshold of 0 (and probing with every term) lets articles into
    # the first story they share a word with, as an early mistake would; the
    # split check must separate the two storms.
    config = replace(
        GroupConfig(), threshold=0.0, probe_terms=60, merge_threshold=None, refine_min_part=2
    )
    grouper = StoryGrouper(config)
    texts = [t for pair in zip(STORM_A, STORM_B, strict=True) for t in pair]
    for key, text in enumerate(texts):
        grouper.place(features(key, text))
    groups = {frozenset(grouper.members(sid)) for sid in grouper.story_ids()}
    assert groups == {frozenset(range(0, 8, 2)), frozenset(range(1, 8, 2))}
    # The larger side, or the founder's side on a tie, keeps the first story's id.
    assert grouper.story_of(0) == grouper.story_ids()[0]


def test_without_the_split_check_the_mistake_stays() -> None:
    config = replace(
        GroupConfig(), threshold=0.0, probe_terms=60, online_split=False, merge_threshold=None
    )
    grouper = StoryGrouper(config)
    texts = [t for pair in zip(STORM_A, STORM_B, strict=True) for t in pair]
    for key, text in enumerate(texts):
        grouper.place(features(key, text))
    mixed = [sid for sid in grouper.story_ids() if {k % 2 for k in grouper.members(sid)} == {0, 1}]
    assert mixed


def merge_config() -> GroupConfig:
    # Stories under three articles can be joined only by copies (the margin
    # is out of reach), so two reports of one event open two stories.
    return replace(
        GroupConfig(),
        small_story_size=3,
        small_story_margin=2.0,
        merge_threshold=0.2,
        online_split=False,
    )


def copy_of(text: str, n: int = 0) -> str:
    return f"ADVERTISEMENT {n}\n\n" + text + "\n\nFollow us for the latest updates."


LONG_A = [" ".join(STORM_A[:2]), " ".join(STORM_A[2:])]


def test_two_stories_of_one_event_are_merged_and_the_larger_keeps_its_id() -> None:
    grouper = StoryGrouper(merge_config())
    first, _ = grouper.place(features(1, LONG_A[0]))
    grouper.place(features(2, copy_of(LONG_A[0])))
    second, is_new = grouper.place(features(3, LONG_A[1]))
    assert is_new and second != first
    grouper.place(features(4, copy_of(LONG_A[0], 1)))
    assert grouper.story_ids() == [first, second]
    final, is_new = grouper.place(features(5, copy_of(LONG_A[1])))
    assert (final, is_new) == (first, False)
    assert grouper.members(first) == [1, 2, 3, 4, 5]
    assert grouper.story_ids() == [first]
    changes = grouper.take_changes()
    assert changes.removed == [second]
    assert changes.moved == {3: first, 5: first}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "repair.db")) as opened:
        yield opened


def stories(store: Store) -> dict[str, set[int]]:
    return {s.id: {a.key for a in store.iter_articles(s.id)} for s in store.list_stories()}


def add(store: Store, text: str, n: int) -> int:
    return store.add_article(Article(f"r{n}", text, "test"))[0]


def test_place_article_writes_a_merge_and_honours_a_manual_split(store: Store) -> None:
    grouper = StoryGrouper(merge_config())
    texts = [LONG_A[0], copy_of(LONG_A[0]), LONG_A[1], copy_of(LONG_A[0], 1), copy_of(LONG_A[1])]
    keys = [add(store, t, n) for n, t in enumerate(texts)]
    placed = [place_article(store, grouper, key) for key in keys]
    # The last placement merged the two stories, in the store too; the
    # larger one kept its id.
    assert stories(store) == {placed[0]: set(keys)}
    assert placed[2] != placed[0] and placed[4] == placed[0]
    # A reader splits them apart again: a later article must not undo it.
    new_id = split_story(store, placed[0], [keys[2], keys[4]])
    grouper.load(store)
    extra = add(store, copy_of(LONG_A[1], 2), 9)
    assert place_article(store, grouper, extra) == new_id
    assert stories(store) == {
        placed[0]: {keys[0], keys[1], keys[3]},
        new_id: {keys[2], keys[4], extra},
    }


def test_the_split_check_never_splits_a_manual_merge(store: Store) -> None:
    config = replace(GroupConfig(), merge_threshold=None, refine_min_part=2)
    grouper = StoryGrouper(config)
    keys_a = [add(store, t, n) for n, t in enumerate(STORM_A[:2])]
    keys_b = [add(store, t, n + 10) for n, t in enumerate(STORM_B[:2])]
    placed = {place_article(store, grouper, k) for k in keys_a + keys_b}
    assert len(placed) == 2
    story_a = grouper.story_of(keys_a[0])
    story_b = grouper.story_of(keys_b[0])
    assert story_a is not None and story_b is not None
    merge_stories(store, story_a, story_b)
    grouper.load(store)
    # Grow the merged story past the split check's size; the reader's
    # merge keeps both storms together.
    more = [add(store, t, n + 20) for n, t in enumerate([*STORM_A[2:], *STORM_B[2:]])]
    for key in more:
        place_article(store, grouper, key)
    merged = stories(store)[story_a]
    assert set(keys_a + keys_b) <= merged
