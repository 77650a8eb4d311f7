"""Who reports a statement is no word of what it states: two statements of one spokesman
share his name and titles, not a fact (invented story, real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import _distinctive_numbers, extract_claims
from storylens.compare.text_units import build_units, is_statement

# Two statements of one spokesman about the fire: his name and titles are a third of
# their words, and with them the pair scored 0.59, as one fact; without them 0.49.
FIRE_A = (
    "The fire at Calder Cold Storage on Quay Street was reported at about 9:40 p.m., "
    "Deputy Fire Chief Orrin Vesey said. "
    "Crews from three towns fought the flames through the night. "
    "The owner did not respond to questions."
)
FIRE_B = (
    "The fire at Calder Cold Storage injured four people, two workers and a firefighter, "
    "according to Deputy Fire Chief Orrin Vesey of Marlow Fire Rescue. "
    "Residents of Marlow Road were told to keep their windows shut. "
    "The cause of the fire is under investigation."
)


def _agreed(a: str, b: str) -> list[list[str]]:
    items = [_item(1, "River Post", a), _item(2, "Delta Herald", b)]
    return [
        [s["text"] for s in c["sentences"]] for c in extract_claims(items) if c["label"] == "agreed"
    ]


def test_the_speakers_words_are_kept_apart_from_what_is_stated() -> None:
    units = [u for u in build_units([_item(1, "River Post", FIRE_A)]) if is_statement(u)]
    first = units[0]
    assert {"vesey", "deputy", "chief"} <= first.speaker_terms
    assert not first.speaker_terms & {"fire", "calder", "storage", "report"}


def test_two_statements_of_one_spokesman_are_not_one_fact() -> None:
    for texts in _agreed(FIRE_A, FIRE_B):
        assert not (
            any("reported at about 9:40" in t for t in texts)
            and any("injured four people" in t for t in texts)
        ), texts


def test_one_fact_told_by_one_spokesman_stays_agreed() -> None:
    told_again = FIRE_A.replace(
        "The fire at Calder Cold Storage on Quay Street was reported at about 9:40 p.m.,",
        "Four people were injured in the fire at Calder Cold Storage on Quay Street,",
    )
    assert any(
        any("Four people were injured" in t for t in texts)
        and any("injured four people" in t for t in texts)
        for texts in _agreed(told_again, FIRE_B)
    )


def test_a_precise_figure_both_give_is_what_they_share() -> None:
    # No verb is shared ("sure" / "certain"); the figure to a tenth tells one finding.
    a = (
        "Warden Ilse Marrow of the Calder relief agency said an initial review left her "
        "99.4 per cent sure there were no weapons at the depot. "
        "Crews from three towns fought the flames through the night."
    )
    b = (
        "Warden Ilse Marrow of the Calder relief agency said the agency is 99.4 percent "
        "certain there were no weapons or fighters in its depot. "
        "The cause of the fire is under investigation."
    )
    assert any(
        any("99.4 per cent sure" in t for t in texts)
        and any("99.4 percent certain" in t for t in texts)
        for texts in _agreed(a, b)
    )


def test_a_fraction_to_three_digits_is_a_distinctive_figure() -> None:
    text = "The agency is 99.4 percent certain, up from 2.5 percent, and 12.5 percent sure."
    unit = next(u for u in build_units([_item(1, "River Post", text)]) if is_statement(u))
    assert _distinctive_numbers(unit) == {"99.4", "12.5"}
