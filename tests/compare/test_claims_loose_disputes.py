"""Disputes only between statements of one fact: figures said of different happenings,
different people in one role, or facts joined only through a third statement are two
facts, neither agreed nor disputed; bounds, pleas and contrasts are no negation
(invented stories, real spaCy)."""

from __future__ import annotations

from datetime import date
from typing import Any

from test_claims_fixtures import make_item

from storylens.analyze.pipeline import analyze_article
from storylens.compare.claims import _two_facts_apart, extract_claims
from storylens.compare.conflicts import (
    date_conflict,
    days_of_other_events,
    find_conflict,
    name_conflict,
)
from storylens.compare.slots import rest_numbers
from storylens.compare.text_units import Item, build_units
from storylens.compare.wordforms import is_negated, negated_words, negation_words, words
from storylens.model import Article, StoredArticle


def _claims(*texts: str) -> list[dict[str, Any]]:
    items = [make_item(k, f"art-{k}", f"Outlet {k}", t) for k, t in enumerate(texts, start=1)]
    return extract_claims(items)


def _with(claims: list[dict[str, Any]], *words: str) -> list[dict[str, Any]]:
    return [c for c in claims if all(any(w in s["text"] for s in c["sentences"]) for w in words)]


def test_figures_of_one_noun_said_of_different_happenings_are_two_facts() -> None:
    claims = _claims(
        "Authorities were still searching for two people who removed the bomb from a duffel "
        "bag near the Harlow dock. The harbor master said ferries would run on Monday. "
        "Divers searched the water.",
        "The arrest ended the hunt for the man wanted for a ferry explosion and a bombing at "
        "the Harlow dock that left 19 people injured. Crews cleared the debris. The mayor "
        "thanked the divers.",
    )
    # Two people who removed a bomb and 19 people injured: no dispute, no shared fact.
    assert not _with(claims, "two people", "19 people")


def test_the_same_figure_said_two_ways_of_one_happening_is_still_disputed() -> None:
    claims = _claims(
        "The blast at the Harlow dock injured 14 people on Sunday, police said.",
        "Twelve people were injured in the blast at the Harlow dock on Sunday.",
    )
    disputed = _with(claims, "14 people", "Twelve people")
    assert disputed and disputed[0]["label"] == "disputed"
    assert disputed[0]["conflict"]["kind"] == "number"


def test_statements_joined_only_through_a_third_never_dispute() -> None:
    claims = _claims(
        "Kim traveled to Beijing on Tuesday to meet President Xi Jinping, state media reported.",
        "Kim met President Xi Jinping in Beijing on Tuesday, and last month he met President "
        "Moon Jae-in at the border village.",
        "Last month Kim met President Moon Jae-in at the border village and crossed the line.",
    )
    assert not [c for c in claims if c["label"] == "disputed"]
    # Meeting Xi and meeting Moon are two facts, never one claim.
    assert not _with(claims, "to meet President Xi", "crossed the line")
    # The statement of both still corroborates one of them.
    assert _with(claims, "met President Xi Jinping in Beijing", "crossed the line")


def test_a_year_is_no_second_count_of_a_date() -> None:
    first, *_, last = build_units(
        [
            make_item(
                1,
                "a",
                "Outlet 1",
                "A poster outside the chamber falsely connected her to the 11 September 2001 "
                "terrorist attacks.",
            ),
            make_item(
                2,
                "b",
                "Outlet 2",
                "The poster appeared to link her to the Sept. 11 terrorist attacks.",
            ),
        ]
    )
    assert find_conflict([first, last]) is None


def test_bounds_pleas_and_contrasts_are_no_negation() -> None:
    def negated(text: str) -> bool:
        return is_negated(negation_words(text))

    assert not negated("Republicans can afford no more than two defections.")
    assert not negated("The ferry must leave no later than Friday.")
    assert not negated("He pleaded not guilty to both charges.")
    assert not negated("The credits were based on age, not income.")
    assert not negated("It is not only the harbor that flooded.")
    assert negated("The bill has yet to be scored by the budget office.")
    assert negated("The ferry did not leave on Friday.")
    assert negated_words(negation_words("The bill has yet to be scored.")) == ["scored"]
    # "None of the bullets entered from the back" denies what is said of the bullets.
    assert negated_words(negation_words("None of the bullets entered from the back.")) == [
        "entered",
        "back",
    ]
    assert negated_words(negation_words("None of the patients are in critical condition.")) == [
        "critical",
        "condition",
    ]


def test_a_statement_and_its_bound_agree() -> None:
    claims = _claims(
        "Harlow Republicans can afford only two defections on the levee vote on Monday.",
        "Harlow Republicans can afford no more than two defections on the levee vote Monday.",
    )
    both = _with(claims, "only two", "no more than two")
    assert both and both[0]["label"] == "agreed"


def test_units_read_negation_without_bounds() -> None:
    (unit,) = build_units([make_item(1, "a", "Outlet", "No more than two ferries ran.")])
    assert not unit.negated


def test_a_plea_and_a_verdict_are_two_facts() -> None:
    claims = _claims(
        "A Harlow man has pleaded not guilty to two murder charges for the deaths of a "
        "ferry pilot and her son.",
        "A Harlow man was found guilty Thursday on two murder charges for the deaths of a "
        "ferry pilot and her son.",
    )
    assert not _with(claims, "pleaded not guilty", "found guilty")


THU, MON = date(2013, 4, 18), date(2013, 4, 15)


def test_a_plan_and_a_happening_on_other_days_are_two_facts() -> None:
    def item(key: int, text: str, published: date) -> Item:
        article = Article(
            id=f"art-{key}", text=text, source=f"art-{key}", outlet=f"Outlet {key}",
            published=published,
        )  # fmt: skip
        return StoredArticle(key=key, article=article), analyze_article(article)

    condemned, appears = build_units(
        [
            item(1, "Supporters of the levee bill condemned the council on Thursday.", THU),
            item(2, "Supporters of the levee bill will appear with the mayor on Tuesday.", MON),
        ],
        clauses=False,
    )
    assert date_conflict(condemned, appears) is not None
    assert _two_facts_apart(condemned, appears)


def test_found_guilty_and_convicted_tell_one_verdict() -> None:
    found, convicted = build_units(
        [
            make_item(1, "a", "Outlet 1", "Dorian Welles has been found guilty of murder."),
            make_item(2, "b", "Outlet 2", "A jury convicted Dorian Welles of murder."),
        ]
    )
    assert "convict" in found.preds & convicted.preds


def test_a_named_person_and_named_places_are_no_two_people() -> None:
    claims = _claims(
        "Dorian Welles faces similar fraud charges in two other counties. His lawyer declined "
        "to comment on Monday.",
        "The man faces fraud charges in Marlow County and in Lake County as well, prosecutors "
        "in Harlow said.",
    )
    both = _with(claims, "Dorian Welles faces", "The man faces")
    assert both and both[0]["label"] == "agreed"


def test_a_person_the_other_statement_names_is_no_other_person() -> None:
    both, one = build_units(
        [
            make_item(
                1, "a", "Outlet 1", "An officer killed Dorian Welles, and one killed Jo Park."
            ),
            make_item(2, "b", "Outlet 2", "Police killed Dorian Welles at a shop in Harlow."),
        ],
        clauses=False,
    )
    # The first names Welles too, only not next to the verb the second names him by.
    both.names = [("park", "kill", "")]
    both.people = {"welles", "park"}
    one.names = [("welles", "kill", "")]
    one.people = {"welles"}
    assert name_conflict(both, one) is None
    assert name_conflict(one, both) is None


def test_two_weekdays_of_two_happenings_are_no_date_dispute() -> None:
    def item(key: int, text: str) -> Item:
        article = Article(
            id=f"art-{key}", text=text, source=f"art-{key}", outlet=f"Outlet {key}",
            published=date(2014, 8, 20),
        )  # fmt: skip
        return StoredArticle(key=key, article=article), analyze_article(article)

    performed, ordered, lifted_sat, lifted_sun = build_units(
        [
            item(1, "The mayor said a third inspection was performed Monday at the dam."),
            item(2, "The mayor on Sunday ordered a third inspection at the dam."),
            item(3, "The order was lifted at 7 a.m. on Saturday."),
            item(4, "The order was lifted on Sunday morning."),
        ],
        clauses=False,
    )
    assert days_of_other_events(performed, ordered)
    assert date_conflict(performed, ordered) is None
    # The same happening on two days stays a dispute.
    assert not days_of_other_events(lifted_sat, lifted_sun)
    assert date_conflict(lifted_sat, lifted_sun) is not None


def test_a_count_of_the_rest_is_no_second_figure_of_the_whole() -> None:
    claims = _claims(
        "Six committees are now investigating the harbor board over the dredging contract.",
        "Five other committees are also investigating the harbor board over the contract.",
    )
    assert not [c for c in claims if c["label"] == "disputed"]
    # Both counting the rest is one fact.
    claims = _claims(
        "The mayor has scheduled votes on at least eight other amendments to the harbor bill.",
        "Mayor Ann Ruiz has scheduled votes on eight other amendments to the harbor bill.",
    )
    assert [c["label"] for c in _with(claims, "eight other amendments")] == ["agreed"]


def test_what_had_not_happened_yet_when_one_wrote_is_no_dispute() -> None:
    claims = _claims(
        "Council members have yet to see the audit of the harbor board.",
        "Council members were allowed to see the audit of the harbor board on Wednesday.",
    )
    assert not [c for c in claims if c["label"] == "disputed"]


def test_a_name_spelled_two_ways_anywhere_in_the_other_is_no_second_person() -> None:
    claims = _claims(
        "In a phone call with President Volodymyr Zelenskiy, the mayor asked for help with"
        " the harbor inquiry.",
        "The call between President Harlan Voss and President Volodymyr Zelensky was about"
        " help with the harbor inquiry.",
    )
    assert not [c for c in claims if c["label"] == "disputed" and c["conflict"]["kind"] == "name"]


def test_a_clause_of_a_planned_sentence_dates_a_plan() -> None:
    claims = _claims(
        "Members of the harbor committee were allowed to view the audit on Wednesday afternoon.",
        "Acting harbor master Joseph Maguire is scheduled to appear before the harbor committee"
        " on Thursday.",
    )
    assert not [c for c in claims if c["label"] == "disputed"]


def test_more_time_is_no_count_of_the_rest() -> None:
    assert rest_numbers(words("Five other committees are investigating")) == {"5"}
    assert rest_numbers(words("She remained at her post for two more weeks")) == set()
