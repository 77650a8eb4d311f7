"""Numbers that are part of a name are no quantities to compare or dispute."""

from __future__ import annotations

from test_claims_fixtures import make_item

from storylens.compare.claims import extract_claims
from storylens.compare.slots import identifier_values, without_identifiers


def test_model_and_flight_numbers_are_names_counts_and_years_are_not() -> None:
    text = (
        "Harwick Air grounded its Falcon 320 jets. Nearly 100 Falcon 320 planes fly in Asia. "
        "Flight 88 crashed on Sunday, killing 88 people. In 2019, 14 people died. "
        "The Harwick 220 Max 8 jets and 8 pilots. Lindqvist's 2016 campaign ended."
    )
    names = identifier_values(text)
    assert names == {"320", "88", "220", "8"}
    counted = without_identifiers(text, names)
    assert len(counted) == len(text)
    for kept in ("Nearly 100", "killing 88 people", "In 2019, 14", "and 8 pilots", "2016"):
        assert kept in counted
    for gone in ("Falcon 320", "Flight 88", "220 Max 8"):
        assert gone not in counted


def test_a_model_number_and_its_variant_are_no_number_dispute() -> None:
    first = "Regulators in Tarn said all Falcon 320 jets would be grounded for checks on Monday."
    second = (
        "Harwick Air said on Monday it had grounded both of its new Falcon 320 X 8 jets "
        "for checks. Regulators in Tarn said the Falcon 320 jets would be grounded."
    )
    items = [make_item(1, "a", "Ledger", first), make_item(2, "b", "Courier", second)]
    disputes = [c for c in extract_claims(items) if c["label"] == "disputed"]
    assert not disputes


def test_a_number_after_a_number_sign_is_a_label() -> None:
    text = "Police said Suspect No. 1 was shot; the #2 official and 3 officers were hurt."
    counted = without_identifiers(text, identifier_values(text))
    assert "No. 1" not in counted and "#2" not in counted
    assert "and 3 officers" in counted
