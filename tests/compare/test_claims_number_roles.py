"""Number conflicts by role: what a number counts and what happens to it (invented text)."""

from __future__ import annotations

from test_claims_fixtures import make_item

from storylens.compare.claims import extract_claims
from storylens.compare.text_units import number_roles


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
