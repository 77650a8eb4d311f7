"""Statements alike in words that tell different events: other places of one kind, other
counted things (invented stories, real spaCy)."""

from __future__ import annotations

from test_claims_fixtures import make_item

from storylens.compare.claims import VETO, align_units, extract_claims
from storylens.compare.conflicts import different_events
from storylens.compare.text_units import Item, Unit, admin_places, build_units


def _joined(items: list[Item], word_a: str, word_b: str) -> bool:
    return any(
        any(word_a in s["text"] for s in c["sentences"])
        and any(word_b in s["text"] for s in c["sentences"])
        for c in extract_claims(items)
    )


def test_places_are_read_with_their_kind() -> None:
    assert admin_places("Shelling hit a market in Ardenne's North Vale province.") == {
        "province": {"north vale"}
    }
    assert admin_places("The County said the state would pay.") == {}


def test_the_same_kind_of_event_in_two_provinces_is_not_one_claim() -> None:
    items = [
        make_item(
            1,
            "a",
            "Delta Herald",
            "Army shelling hit a border village in North Vale province on Sunday, killing "
            "civilians. Aid groups asked for a truce.",
        ),
        make_item(
            2,
            "b",
            "River Post",
            "Army shelling hit a border village in East Moor province on Sunday, killing "
            "civilians. The army denied it.",
        ),
    ]
    assert not _joined(items, "North Vale", "East Moor")


def _units(*texts: str) -> list[Unit]:
    items = [make_item(k, f"art-{k}", f"Outlet {k}", t) for k, t in enumerate(texts, start=1)]
    return build_units(items)


def test_statements_counting_different_things_tell_different_events() -> None:
    residents, firefighters, people_a, people_b = _units(
        "Nine residents were treated for smoke inhalation after the wind shifted.",
        "Three firefighters were among the injured, most of them treated for smoke inhalation.",
        "The fire injured 14 people on Saturday.",
        "Twelve people were injured, including four firefighters.",
    )
    assert different_events(residents, firefighters)
    # Counts of one thing are compared (a dispute), not kept apart.
    assert not different_events(people_a, people_b)


def test_a_claim_never_holds_two_statements_of_different_events() -> None:
    # The first two count different people; each is close to the three uncounted ones.
    # Average link alone would let whichever comes second join the other's claim (its
    # mean score with it stays high); the vetoed pair keeps it out.
    units = _units(
        "Nine residents were treated for smoke inhalation after the wind shifted.",
        "Three firefighters were among the injured, most of them treated for smoke inhalation.",
        "Most of those hurt were treated for smoke inhalation.",
        "Those hurt were mostly treated for smoke inhalation.",
        "Smoke inhalation was the most common injury.",
    )
    scores = {(i, j): 0.9 for i in range(5) for j in range(i + 1, 5)}
    scores[(0, 1)] = VETO
    groups = align_units(units, scores)
    assert not any({0, 1} <= set(g) for g in groups)
    assert any(len(g) == 4 for g in groups)


def test_clock_times_are_not_counts_of_different_things() -> None:
    a, b = _units(
        "Warplanes attacked the grain depot at 2:40 p.m. on Thursday.",
        "The grain depot was bombed at 14:45 GMT on Thursday.",
    )
    assert not different_events(a, b)


def test_bombing_and_raids_are_one_event_word() -> None:
    (unit,) = _units("An air raid and a bombing hit the depot.")
    assert "attack" in unit.preds and "raid" not in unit.preds


def test_one_thing_of_a_man_and_of_a_woman_is_not_one_claim() -> None:
    items = [
        make_item(
            1,
            "a",
            "Delta Herald",
            "Councilman Ode spoke at the harbor rally on Sunday, renewing his call for an "
            "audit of the ferry fund. The ferry fund has paid for two new boats.",
        ),
        make_item(
            2,
            "b",
            "River Post",
            "Councilwoman Brink spoke at the harbor rally on Sunday, renewing her call for a "
            "recall of the ferry board. The ferry board meets in May.",
        ),
    ]
    assert not _joined(items, "his call", "her call")
    # The same thing of one person stays one claim.
    items[1] = make_item(
        2,
        "b",
        "River Post",
        "At the harbor rally on Sunday, Ode renewed his call for an audit of the ferry fund.",
    )
    assert _joined(items, "his call", "renewed his call")
