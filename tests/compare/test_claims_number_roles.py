"""Number conflicts by role: what a number counts and what happens to it (invented text)."""

from __future__ import annotations

from test_claims_fixtures import make_item

from storylens.compare.claims import extract_claims
from storylens.compare.slots import number_roles


def _labels(text_a: str, text_b: str) -> list[tuple[str, object]]:
    items = [make_item(1, "a", "Harbor Post", text_a), make_item(2, "b", "Valley Wire", text_b)]
    return [(c["label"], (c["conflict"] or {}).get("values")) for c in extract_claims(items)]


def test_a_partitive_number_takes_its_wholes_noun_and_its_own_verb() -> None:
    roles = number_roles("Seven shells hit the depot, of which three failed to explode.")
    assert roles == [("7", "shell", "hit", False), ("3", "shell", "fail", True)]


def test_the_same_value_in_another_role_does_not_hide_a_conflict() -> None:
    labels = _labels(
        "Three shells hit the grain depot on Sunday night, the harbor master said.",
        "Seven shells hit the grain depot, of which three failed to explode, port staff said.",
    )
    assert labels == [("disputed", ["3", "7"])]


def test_a_part_of_an_agreed_count_is_no_conflict() -> None:
    labels = _labels(
        "Nine sailors were hurt when the crane collapsed at the dock, the harbor master said.",
        "Nine sailors were hurt when the crane collapsed at the dock, two of them cadets.",
    )
    assert labels == [("agreed", None)]


def test_counts_of_one_noun_with_different_verbs_are_still_compared() -> None:
    labels = _labels(
        "The storm cut power to about 31,000 homes across the valley on Friday.",
        "The storm left about 13,000 homes across the valley without power on Friday.",
    )
    assert labels == [("disputed", ["31000", "13000"])]


def test_the_counted_noun_is_the_plural_past_the_modifiers() -> None:
    assert number_roles("Four old wooden fishing boats sank in the harbor.")[0][1] == "boat"
    assert number_roles("Police arrested 12 people on Tuesday.")[0][1] == "people"
    # No plural right after the number: the nearest word, as before.
    assert number_roles("The repairs will cost $4.6 million.")[0][1] == "million"


def test_the_same_count_in_the_same_event_aligns_even_when_it_is_the_storys_topic() -> None:
    # Every sentence tells of damage (the story's topic), but only these two count the
    # footbridges; they say it with other modifiers and verbs ("severed" / "damaged").
    story_a = (
        "The storm damaged roofs across Marlow on Friday. Falling branches damaged cars on "
        "Mill Street. Three wooden footbridges in the park were damaged, the parks office "
        "said. Fallen trees damaged the school fence."
    )
    story_b = (
        "High winds severed three footbridges over the creek. Crews damaged a water main "
        "while clearing trees. The storm damaged the library roof."
    )
    items = [make_item(1, "a", "Harbor Post", story_a), make_item(2, "b", "Valley Wire", story_b)]
    claims = extract_claims(items)
    found = [
        c
        for c in claims
        if any("wooden footbridges" in s["text"] for s in c["sentences"])
        and any("severed three" in s["text"] for s in c["sentences"])
    ]
    assert found and found[0]["label"] == "agreed"


def test_the_same_large_figure_in_other_words_is_one_claim() -> None:
    labels = _labels(
        "Customers of Harbor Bank learned on Monday that their data may have been stolen, "
        "a day after the bank disclosed a cyberattack affecting about 61,500 people.",
        "Harbor Bank said on Sunday that hackers had gained access to the accounts of about "
        "61,500 customers, in what appeared to be the largest theft of data in the state.",
    )
    assert ("agreed", None) in labels


def test_an_event_noun_after_a_number_is_what_is_counted_not_the_verb() -> None:
    # "bombs" is an event word (met at "attack"), but here it is what is counted.
    assert number_roles("Four bombs were dropped on the depot.") == [("4", "attack", "drop", False)]


def test_the_same_large_figure_of_the_same_thing_is_one_fact() -> None:
    # No shared event word ("ordered to shelter" / "prompting officials to order ... to
    # stay indoors"), but the same 2,300 residents.
    labels = _labels(
        "Town officials ordered about 2,300 residents within a mile of the depot to "
        "shelter in place on Friday night.",
        "injuring two people and prompting town officials to order about 2,300 nearby "
        "residents to stay indoors for fear of a chlorine leak.",
    )
    assert ("agreed", None) in labels
