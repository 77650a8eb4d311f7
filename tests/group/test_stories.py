"""Online grouping on invented articles, and the seeds with real spaCy NER."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from storylens.group.features import ArticleFeatures, capitalized_words, features_from
from storylens.group.stories import StoryGrouper, story_id_for
from storylens.model import Analysis, Article, Mention, Person, StoredArticle

ROOT = Path(__file__).resolve().parents[2]

FLOOD_A = (
    "Floodwater from the river Tamsin swept through the village of Orrick on Tuesday, "
    "forcing two hundred residents from their homes. Fire chief Halvard Brisk said crews "
    "rescued eleven people from rooftops overnight. The Orrick flood is the worst since 1998."
)
FLOOD_B = (
    "Eleven people were plucked from rooftops in Orrick after the Tamsin burst its banks, "
    "fire chief Halvard Brisk said on Wednesday. About two hundred residents of the village "
    "spent the night in the school hall as the floodwater rose."
)
ELECTION = (
    "Voters in the port city of Venmouth elected Clara Dunmore as mayor on Sunday, ending "
    "twelve years of rule by the Harbour Party. Dunmore won fifty-four percent of the vote "
    "and promised to rebuild the city's tram network within four years."
)
FLOOD_ELSEWHERE = (
    "Heavy rain sent the river Carrow over its banks in the market town of Pellin, where "
    "police commander Oswin Tarr ordered three hundred people out of low-lying streets. "
    "Boats picked up nine residents overnight and the bypass to Hexley stays closed."
)


def features(
    key: int, text: str, title: str = "", published: date | None = None
) -> ArticleFeatures:
    article = Article(f"a{key}", text, "test", title=title or None, published=published)
    return features_from(StoredArticle(key, article), None)


def test_two_reports_of_one_event_form_one_story_and_others_do_not_join() -> None:
    grouper = StoryGrouper()
    first, is_new = grouper.place(features(1, FLOOD_A, "Orrick flooded"))
    assert is_new
    second, is_new = grouper.place(features(2, FLOOD_B, "Rooftop rescues in Orrick"))
    assert (second, is_new) == (first, False)
    election, is_new = grouper.place(features(3, ELECTION, "Dunmore elected mayor"))
    assert is_new and election != first
    assert grouper.members(first) == [1, 2]


def test_a_look_alike_event_elsewhere_opens_its_own_story() -> None:
    grouper = StoryGrouper()
    orrick, _ = grouper.place(features(1, FLOOD_A))
    grouper.place(features(2, FLOOD_B))
    pellin, is_new = grouper.place(features(3, FLOOD_ELSEWHERE))
    assert is_new and pellin != orrick


def test_story_ids_come_from_the_founding_article_hash() -> None:
    item = features(1, FLOOD_A)
    grouper = StoryGrouper()
    story, _ = grouper.place(item)
    assert story == story_id_for(item) == "s-" + item.hash[:10]
    # The same article placed twice stays where it is.
    assert grouper.place(item) == (story, False)


def test_same_text_two_months_apart_is_another_story() -> None:
    grouper = StoryGrouper()
    first, _ = grouper.place(features(1, FLOOD_A, published=date(2024, 3, 1)))
    later, is_new = grouper.place(features(2, FLOOD_B, published=date(2024, 5, 2)))
    assert is_new and later != first


def test_a_story_that_keeps_getting_articles_stays_open() -> None:
    grouper = StoryGrouper()
    start = date(2024, 3, 1)
    texts = [FLOOD_A, FLOOD_B] * 4
    placed = [
        grouper.place(features(i, text, published=start + timedelta(days=5 * i)))[0]
        for i, text in enumerate(texts)
    ]
    # 35 days from first to last article, well beyond one window of 7 days.
    assert len(set(placed)) == 1


def test_title_is_the_most_central_title_or_a_lead_phrase() -> None:
    grouper = StoryGrouper()
    story, _ = grouper.place(features(1, FLOOD_A, "Orrick flooded as the Tamsin bursts its banks"))
    grouper.place(features(2, FLOOD_B, "Rooftop rescues in Orrick"))
    assert grouper.title_for(story) in {
        "Orrick flooded as the Tamsin bursts its banks",
        "Rooftop rescues in Orrick",
    }
    untitled, _ = grouper.place(features(3, ELECTION))
    assert grouper.title_for(untitled).startswith("Voters in the port city of Venmouth")


def test_copies_join_their_original_story_and_are_reported() -> None:
    grouper = StoryGrouper()
    story, _ = grouper.place(features(1, FLOOD_A + " " + FLOOD_B))
    grouper.place(features(2, ELECTION))
    copy_story, is_new = grouper.place(features(3, "UPDATE\n\n" + FLOOD_A + " " + FLOOD_B))
    assert (copy_story, is_new) == (story, False)
    assert grouper.copy_of(3) == 1 and grouper.copy_of(2) is None


def test_features_without_analysis_fall_back_to_capitalized_words() -> None:
    names = {name for _, name in capitalized_words(FLOOD_A)}
    assert {"tamsin", "orrick", "halvard", "brisk"} <= names
    assert "floodwater" not in names  # opens the sentence


def test_features_take_entities_and_people_from_the_analysis() -> None:
    article = Article("x", FLOOD_A, "test", published=date(2024, 3, 5))
    analysis = Analysis(
        "x",
        entities=[
            Mention("Halvard Brisk", 0, 13, "PERSON"),
            Mention("the Orrick", 0, 10, "GPE"),
            Mention("Tuesday", 0, 7, "DATE"),
        ],
        people=[Person("Halvard Brisk", roles=["fire chief"])],
        published=date(2024, 3, 5),
    )
    got = features_from(StoredArticle(7, article), analysis)
    assert ("PERSON", "halvard brisk") in got.entities
    assert ("PERSON", "brisk") in got.entities
    assert ("GPE", "orrick") in got.entities
    assert all(label != "DATE" for label, _ in got.entities)
    assert got.key == 7 and got.published == date(2024, 3, 5)


@pytest.mark.shared
def test_seeds_form_one_story_apart_from_the_examples() -> None:
    from storylens.eval.stories import ner_mentions
    from storylens.ingest import read_inputs

    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip(f"../shared not found: {seeds} is needed for this test")
    articles = [
        a for a in read_inputs([str(ROOT / "examples"), str(seeds)]) if isinstance(a, Article)
    ]
    seed_ids = {p.name for p in seeds.glob("*.txt")}
    assert len(seed_ids) == 2 and len(articles) > 10
    mentions = ner_mentions([a.text for a in articles])
    items = [
        features_from(StoredArticle(i, a), Analysis(a.id, entities=m))
        for i, (a, m) in enumerate(zip(articles, mentions, strict=True))
    ]
    grouper = StoryGrouper()
    story_of = {a.id: grouper.place(f)[0] for a, f in zip(articles, items, strict=True)}
    seed_stories = {story_of[i] for i in seed_ids}
    assert len(seed_stories) == 1
    others = {aid for aid, sid in story_of.items() if sid in seed_stories} - seed_ids
    assert not others, f"grouped with the seeds: {others}"


def test_inferred_dates_do_not_hold_an_article_to_a_time_window() -> None:
    stated = Article("s", FLOOD_A, "test", published=date(2024, 3, 1), published_basis="metadata")
    inferred = Article("i", FLOOD_B, "test", published=date(2019, 6, 1), published_basis="inferred")
    first = features_from(StoredArticle(1, stated), None)
    second = features_from(StoredArticle(2, inferred), None)
    assert first.published == date(2024, 3, 1) and second.published is None
    grouper = StoryGrouper()
    assert grouper.place(first)[0] == grouper.place(second)[0]


# The same words as FLOOD_A, other river, village and people: a look-alike event.
FLOOD_A_ELSEWHERE = (
    "Floodwater from the river Marrow swept through the village of Quenby on Tuesday, "
    "forcing two hundred residents from their homes. Fire chief Ulric Dane said crews "
    "rescued eleven people from rooftops overnight. The Quenby flood is the worst since 1998."
)


def test_the_entity_share_check_keeps_a_look_alike_with_other_names_out() -> None:
    from dataclasses import replace

    from storylens.group.config import GroupConfig

    loose = replace(GroupConfig(), threshold=0.05)
    grouper = StoryGrouper(loose)
    orrick, _ = grouper.place(features(1, FLOOD_A))
    assert grouper.place(features(2, FLOOD_A_ELSEWHERE))[0] == orrick
    checked = replace(loose, min_entity_share=0.5, entity_share_override=1.0)
    grouper = StoryGrouper(checked)
    orrick, _ = grouper.place(features(1, FLOOD_A))
    quenby, is_new = grouper.place(features(2, FLOOD_A_ELSEWHERE))
    assert is_new and quenby != orrick
    # A report of the same event shares its names and still joins.
    assert grouper.place(features(3, FLOOD_B)) == (orrick, False)
