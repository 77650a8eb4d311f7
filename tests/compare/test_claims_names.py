"""Name conflicts: two people in one role are a dispute, one name spelled two ways is not,
and two people next to a time word share no role (invented units)."""

from __future__ import annotations

from storylens.compare.conflicts import name_conflict, people_apart, spelled_alike
from storylens.compare.text_units import Unit


def _unit(names: list[tuple[str, str, str]]) -> Unit:
    unit = Unit(
        index=0,
        item=0,
        article_id="a",
        outlet="o",
        source=0,
        start=0,
        end=1,
        text="x",
        narration="x",
        position=0,
    )
    unit.names = names
    return unit


def test_transliterations_are_one_name_and_near_spellings_two() -> None:
    assert spelled_alike("zelensky", "zelenskiy")
    assert spelled_alike("hussein", "husseini")
    assert not spelled_alike("smith", "smyth")
    assert not spelled_alike("lee", "leo")  # too short to tell a spelling


def test_two_people_in_one_role_conflict_but_not_a_spelling_or_a_time() -> None:
    suspect_a = _unit([("smith", "suspect", "arrest")])
    suspect_b = _unit([("smyth", "suspect", "arrest")])
    assert name_conflict(suspect_a, suspect_b) == {"kind": "name", "values": ["smith", "smyth"]}
    spelled_a = _unit([("zelensky", "meet", "")])
    spelled_b = _unit([("zelenskiy", "meet", "")])
    assert name_conflict(spelled_a, spelled_b) is None
    assert not people_apart(spelled_a, spelled_b)
    dated_a = _unit([("okafor", "general", "wednesday")])
    dated_b = _unit([("brandt", "", "wednesday")])
    assert name_conflict(dated_a, dated_b) is None
    # Two people next to a time only tell two facts: never one claim.
    assert people_apart(dated_a, dated_b)
