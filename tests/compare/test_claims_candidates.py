"""Two statements naming the same two places or people are compared even when every
word of what happens is common to the story (invented story, real spaCy)."""

from __future__ import annotations

from test_claims_fixtures import make_item

from storylens.compare.claims import candidate_pairs
from storylens.compare.text_units import build_units, is_statement

STORM_A = (
    "The storm damaged the lighthouse on Monday. "
    "The storm damaged the lighthouse's lamp. "
    "The storm damaged the old lighthouse near Tarnby and Lindvik. "
    "Crews spent the night clearing fallen trees."
)
STORM_B = (
    "The storm damaged the lighthouse, officials said. "
    "The storm damaged the lighthouse's door. "
    "The storm damaged the lighthouse by Tarnby and Lindvik. "
    "Schools stayed closed on Tuesday."
)


def test_two_shared_names_make_a_candidate_pair_when_the_story_shares_its_words() -> None:
    items = [make_item(1, "a", "Harbor Post", STORM_A), make_item(2, "b", "Coast Wire", STORM_B)]
    units = [u for u in build_units(items) if is_statement(u)]
    pairs = candidate_pairs(units)
    lighthouse = [k for k, u in enumerate(units) if "Lindvik" in u.text]
    assert len(lighthouse) == 2
    assert tuple(lighthouse) in pairs
