"""Two statements that name the same list of places and share what happened to them
state one fact, however much else one of them adds (invented story, real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims


def test_the_same_list_of_places_with_one_shared_predicate_is_one_fact() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "A storm knocked out power lines across the region on Sunday. "
            "Flights to France, Germany, Italy and Spain were also disrupted, an airline "
            "spokesman said.",
        ),
        _item(
            2,
            "Harbor Post",
            "Power lines were brought down by a violent storm on Sunday. "
            "Many routes were disrupted, including Germany, Spain, France and Portugal, "
            "which all lost a large share of their weekend holiday passenger bookings.",
        ),
    ]
    agreed = [c for c in extract_claims(items) if c["label"] == "agreed"]
    assert any(
        "Italy" in " ".join(s["text"] for s in c["sentences"])
        and "Portugal" in " ".join(s["text"] for s in c["sentences"])
        for c in agreed
    )
