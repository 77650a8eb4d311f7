"""A word the whole story uses ("closed" in a story about a closing) makes no candidate
pair on its own; with a date few statements share ("in March") it names one event of the
story and two outlets' statements of it are compared (invented story, real pipeline)."""

from __future__ import annotations

from datetime import date

from test_claims_fixtures import analyzed_item as _item

from storylens.analyze.pipeline import analyze_article
from storylens.compare.claims import candidate_pairs, extract_claims, same_event
from storylens.compare.predicates import predicate_words
from storylens.compare.text_units import Item, build_units, is_statement
from storylens.model import Article, StoredArticle

ITEMS = [
    _item(
        1,
        "Valley Wire",
        "The Harlow bridge was closed to traffic on Monday after engineers found cracked beams. "
        "Police closed the ramps at both ends of the bridge within an hour. "
        "The council closed two nearby parking lots to make room for buses. "
        "In March, the bridge was closed for eleven days.",
    ),
    _item(
        2,
        "Harbor Post",
        "Engineers closed the Harlow bridge to all traffic on Monday after finding cracked beams. "
        "Detour signs were posted along the river road by evening. "
        "The old bridge was also closed to drivers in March.",
    ),
]


def test_a_shared_date_makes_a_common_predicate_a_candidate() -> None:
    units = [u for u in build_units(ITEMS) if is_statement(u)]
    a = next(k for k, u in enumerate(units) if u.text.startswith("In March"))
    b = next(k for k, u in enumerate(units) if "also closed to drivers" in u.text)
    assert (min(a, b), max(a, b)) in candidate_pairs(units)


def test_the_earlier_closing_is_reported_by_both() -> None:
    agreed = [c for c in extract_claims(ITEMS) if c["label"] == "agreed"]
    assert any(
        any(s["text"].startswith("In March") for s in c["sentences"])
        and any("also closed to drivers" in s["text"] for s in c["sentences"])
        for c in agreed
    )


def test_an_opening_phrase_of_time_is_no_appositive() -> None:
    # ", the bridge ..." after "In March" is the statement itself, not a description of a
    # name to be set aside; after a name it is one.
    assert {"bridge", "clos"} <= predicate_words("In March, the bridge was closed again.", [])
    assert "teacher" not in predicate_words("Police arrested Smith, a local teacher.", [])
    # A span of time opening the sentence is no name for an appositive to follow.
    opened = predicate_words("A day before the vote, the mayor signed the harbor bill.", [])
    assert {"sign", "bill"} <= opened


def test_one_person_and_one_year_do_not_make_one_event() -> None:
    # "attacking the mayor" last year (words) and last year's attack on her office: the
    # event word, the mayor and the year are shared, no occasion. (In a story this small
    # the two still share most of their words; in a real one they scored 0.2.)
    def dated(key: int, outlet: str, text: str) -> Item:
        article = Article(
            id=f"art-{key}", text=text, source=f"art-{key}", outlet=outlet,
            published=date(2025, 3, 4),
        )  # fmt: skip
        return StoredArticle(key=key, article=article), analyze_article(article)

    a = dated(
        1,
        "Valley Wire",
        "Councilors were just last year attacking Mayor Ilse Marrow for her handling of the "
        "harbor fund. The fund pays for dredging the channel.",
    )
    b = dated(
        2,
        "Harbor Post",
        "Mayor Ilse Marrow has said little about last year's attack on the harbor office in "
        "Dunmore. Repairs to the office took four months.",
    )
    units = [u for u in build_units([a, b]) if is_statement(u)]
    first, second = units[0], next(u for u in units if u.item == 1)
    assert "attack" in first.preds & second.preds and first.dates & second.dates
    assert not same_event(first, second, set())
