"""An organization named by its acronym in one outlet and in full in another is one
participant of the statements that name it (invented sentences; the claims test runs the
real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims
from storylens.compare.mentions import acronyms, spelled_out


def test_full_names_spell_out_known_acronyms() -> None:
    known = {"NHA", "RMPS"}
    assert spelled_out("Northern Harbour Authority spokesman Lars Berg said", known) == {"NHA"}
    # Small words inside a name are left out of its acronym.
    assert spelled_out("the Royal Mounted Police of Sandmere", known | {"RMPS"}) == {"RMPS"}
    # Capitalized words that spell another acronym, or none, are no match.
    assert spelled_out("North Harbour Road was closed", known) == set()
    assert spelled_out("the harbour authority said", known) == set()


def test_two_letter_capitals_are_not_taken_for_acronyms() -> None:
    # "UN" would meet "Upper Nile", "US" any "Unity State".
    assert acronyms("The UN and the US said NHA crews left") == {"NHA"}


def test_a_statement_naming_the_acronym_meets_one_naming_it_in_full() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "Two cranes collapsed at the Sandmere container port on Monday, officials said. "
            "An NHA spokesman denied that the cranes had been poorly maintained.",
        ),
        _item(
            2,
            "Harbor Post",
            "Two cranes fell at the Sandmere container port on Monday, the port said. "
            "Northern Harbour Authority spokesman Lars Berg flatly denied any poor "
            "maintenance of the cranes.",
        ),
    ]
    agreed = [c for c in extract_claims(items) if c["label"] == "agreed"]
    assert any(
        any("NHA spokesman" in s["text"] for s in c["sentences"])
        and any("Northern Harbour Authority" in s["text"] for s in c["sentences"])
        for c in agreed
    )
