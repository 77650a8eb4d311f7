"""Grouping against a real SQLite store: placement, regrouping, merge and split."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storylens.errors import NotFoundError, StoryLensError
from storylens.group.stories import (
    StoryGrouper,
    merge_stories,
    place_article,
    regroup,
    split_story,
)
from storylens.model import Article
from storylens.store import open_store
from storylens.store.base import Store

BRIDGE = [
    "Engineers closed the Fenwick Street bridge in Aldmoor on Monday after finding cracked "
    "steel beams, city engineer Nadia Orlov said. Drivers face a long detour over the Kell.",
    "The Fenwick Street bridge over the Kell in Aldmoor is shut until repairs are done, "
    "city engineer Nadia Orlov said, after inspectors found cracks in its steel beams.",
    "Aldmoor commuters queued for an hour on Tuesday after the Fenwick Street bridge "
    "closure. Nadia Orlov, the city engineer, said the cracked beams would take weeks to fix.",
]
STRIKE = [
    "Nurses at Harrowgate General walked out on Thursday in a dispute over night-shift pay, "
    "union leader Tomas Reyne said. The hospital cancelled routine surgery at Harrowgate.",
    "Routine operations at Harrowgate General were cancelled as nurses went on strike over "
    "night-shift pay, union leader Tomas Reyne told a rally outside the hospital.",
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "stories.db")) as opened:
        yield opened


def ingest(store: Store, texts: list[str]) -> list[int]:
    return [store.add_article(Article(f"a{i}", t, "test"))[0] for i, t in enumerate(texts)]


def stories(store: Store) -> dict[str, set[int]]:
    return {s.id: {a.key for a in store.iter_articles(s.id)} for s in store.list_stories()}


def test_place_article_writes_stories_titles_and_copy_marks(store: Store) -> None:
    keys = ingest(store, [*BRIDGE, *STRIKE, "ADVERTISEMENT\n\n" + BRIDGE[0] + " " + BRIDGE[1]])
    grouper = StoryGrouper()
    placed = [place_article(store, grouper, key) for key in keys]
    assert len(set(placed[:3])) == 1 and len(set(placed[3:5])) == 1
    assert placed[0] != placed[3] and placed[5] == placed[0]
    assert set(stories(store)) == {placed[0], placed[3]}
    story = store.get_story(placed[0])
    assert story is not None and story.title
    copy = store.get_article(keys[5])
    assert copy is not None and copy.copy_of == keys[0]


def test_load_rebuilds_the_index_so_placement_continues(store: Store) -> None:
    keys = ingest(store, [*BRIDGE, *STRIKE])
    first = StoryGrouper()
    placed = [place_article(store, first, key) for key in keys[:4]]
    fresh = StoryGrouper()
    fresh.load(store)
    assert fresh.story_of(keys[0]) == placed[0]
    assert place_article(store, fresh, keys[4]) == placed[3]


def test_place_article_of_an_unknown_key_says_so(store: Store) -> None:
    with pytest.raises(NotFoundError):
        place_article(store, StoryGrouper(), 999)


def test_regroup_keeps_ids_of_stories_that_stay_together(store: Store) -> None:
    keys = ingest(store, [*BRIDGE, *STRIKE])
    grouper = StoryGrouper()
    placed = [place_article(store, grouper, key) for key in keys]
    before = stories(store)
    report = regroup(store)
    assert stories(store) == before
    assert sorted(report.kept) == sorted(set(placed)) and not report.created
    assert report.moved == 0 and report.stories_after == 2
    assert str(report).startswith("5 articles: 2 stories before, 2 after (2 kept their id")


def test_regroup_fixes_a_wrong_online_placement_and_keeps_the_majority_id(store: Store) -> None:
    keys = ingest(store, [*BRIDGE, *STRIKE])
    with store.transaction():
        store.create_story("s-mixed", "mixed")
        store.create_story("s-lonely", "lonely")
        for key in keys[:4]:
            store.assign(key, "s-mixed")
        store.assign(keys[4], "s-lonely")
    report = regroup(store)
    got = stories(store)
    assert got["s-mixed"] == set(keys[:3])  # 3 of its 4 articles stayed together
    assert set(keys[3:]) in got.values()
    assert "s-lonely" in got  # it keeps its only article, joined by the strike report
    assert report.moved == 1


def test_merge_survives_regrouping(store: Store) -> None:
    keys = ingest(store, [*BRIDGE, *STRIKE])
    grouper = StoryGrouper()
    placed = [place_article(store, grouper, key) for key in keys]
    kept = merge_stories(store, placed[0], placed[3])
    assert kept == placed[0] and stories(store) == {kept: set(keys)}
    regroup(store)
    assert stories(store) == {kept: set(keys)}
    assert store.list_decisions()[0][0] == "merge"


def test_split_survives_regrouping(store: Store) -> None:
    keys = ingest(store, [*BRIDGE, *STRIKE])
    grouper = StoryGrouper()
    placed = [place_article(store, grouper, key) for key in keys]
    new = split_story(store, placed[0], [keys[2]])
    assert stories(store)[new] == {keys[2]}
    regroup(store)
    got = stories(store)
    assert got[placed[0]] == set(keys[:2]) and got[new] == {keys[2]}
    kind, payload = store.list_decisions()[-1]
    assert kind == "split" and payload["article_keys"] == [keys[2]]


def test_split_refuses_articles_of_another_story(store: Store) -> None:
    keys = ingest(store, [*BRIDGE, *STRIKE])
    grouper = StoryGrouper()
    placed = [place_article(store, grouper, key) for key in keys]
    with pytest.raises(StoryLensError, match="not in story"):
        split_story(store, placed[0], [keys[3]])
    with pytest.raises(NotFoundError):
        merge_stories(store, placed[0], "s-nope")
