"""Claims told in different words: one call/demand frame, one meeting with the same
participants, one count of the same thing (invented stories, real spaCy)."""

from __future__ import annotations

from typing import Any

from test_claims_fixtures import make_item

from storylens.compare.claims import extract_claims
from storylens.model import Person


def _with(claims: list[dict[str, Any]], *words: str) -> list[dict[str, Any]]:
    return [c for c in claims if all(any(w in s["text"] for s in c["sentences"]) for w in words)]


def test_call_for_and_pushing_for_the_same_thing_is_one_claim() -> None:
    items = [
        make_item(
            1,
            "a",
            "River Post",
            "An immediate ban on dredging is what Senator Lena Ostrova has said she will be "
            "pushing for at the state assembly. The assembly meets in Marlow next month.",
        ),
        make_item(
            2,
            "b",
            "Delta Herald",
            "On Friday, Senator Lena Ostrova called on the water board to agree to an "
            "immediate ban on dredging. Boat owners in Marlow oppose the plan.",
        ),
    ]
    found = _with(extract_claims(items), "pushing for", "called on")
    assert found and found[0]["label"] == "agreed"
    assert found[0]["article_ids"] == ["a", "b"]


MEETING_A = (
    "Oskar Lind was the one who asked for the meeting with Rhea Tamsin, a spokesman said. "
    "Farmers in the valley have waited two years for the new dam. "
    "Lind later met Paulo Brandt to discuss the harbor. "
    "The valley's orchards lost half their harvest to the drought last summer. "
    "Wells in three villages ran dry by August. "
    "A pipeline from the northern lakes was proposed in 2019 and shelved."
)
MEETING_B = (
    "Lind, a veteran of three trade missions, spoke with Governor Rhea Tamsin at the "
    "capitol on Tuesday. "
    "The dam is expected to cost more than the state budget allows. "
    "Engineers have surveyed four possible sites along the upper river. "
    "Environmental groups want the salmon runs protected. "
    "Construction could not begin before the spring floods recede. "
    "Ranchers downstream fear the reservoir would flood their grazing land. "
    "The last dam in the region was finished in 1974."
)


def test_one_meeting_in_other_words_aligns_on_its_participants() -> None:
    items = [
        make_item(1, "a", "Valley News", MEETING_A),
        make_item(2, "b", "Capitol Wire", MEETING_B),
    ]
    # The article's people, as the analysis gives them: "Lind" opening a sentence is a
    # name the tagger may miss.
    for _, analysis in items:
        analysis.people.append(Person("Oskar Lind", ["Lind"]))
        analysis.people.append(Person("Rhea Tamsin", ["Tamsin", "Governor Rhea Tamsin"]))
    claims = extract_claims(items)
    found = _with(claims, "asked for the meeting", "spoke with")
    assert found and found[0]["label"] == "agreed"
    # A meeting of Lind with someone else is another event.
    assert not _with(claims, "Paulo Brandt", "spoke with")


def test_counts_of_the_same_thing_in_the_same_kind_of_event_are_disputed() -> None:
    items = [
        make_item(
            1,
            "a",
            "Metro Daily",
            "Hackers stole the account records of about 31,000 customers of Brightwater "
            "Energy, the company said on Monday. The utility has hired outside investigators.",
        ),
        make_item(
            2,
            "b",
            "Coast Ledger",
            "A cyberattack exposed the personal details of roughly 13,000 customers, "
            "Brightwater Energy said Monday. Bills will be mailed as usual.",
        ),
    ]
    found = _with(extract_claims(items), "31,000", "13,000")
    assert found and found[0]["label"] == "disputed"
    assert found[0]["conflict"]["kind"] == "number"
    assert sorted(found[0]["conflict"]["values"]) == ["13000", "31000"]


def test_counts_in_a_story_wide_event_are_not_disputed_across_facts() -> None:
    # "fire" runs through the whole story: four firefighters hurt and sixty fighting the
    # fire are different counts of firefighters, not a conflict.
    items = [
        make_item(
            1,
            "a",
            "Corby Times",
            "A fire destroyed a paint warehouse in Corby on Saturday. "
            "Four firefighters were hurt while the fire spread to the loading dock. "
            "The fire burned for six hours before crews contained it.",
        ),
        make_item(
            2,
            "b",
            "Shire Gazette",
            "Fire swept through a Corby paint warehouse on Saturday. "
            "About 60 firefighters from four towns battled the fire overnight. "
            "The cause of the fire is not yet known.",
        ),
    ]
    claims = extract_claims(items)
    assert not [c for c in claims if c["label"] == "disputed" and "60" in str(c["conflict"])]
