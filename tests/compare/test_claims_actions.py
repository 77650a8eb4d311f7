"""Two loosely worded statements of one fact share what was done; statements sharing
only their topic and participants tell two facts (invented stories, real spaCy)."""

from __future__ import annotations

from test_claims_fixtures import make_item

from storylens.compare.actions import read_actions, share_action
from storylens.compare.claims import extract_claims
from storylens.compare.text_units import build_units, is_statement


def _share(a: str, b: str) -> bool:
    actions = read_actions([a, b])
    return share_action(actions[a], actions[b])


def test_different_actions_on_one_topic_share_no_action() -> None:
    assert not _share(
        "Lawmakers have yet to see the whistleblower complaint.",
        "Lawmakers are demanding details of the whistleblower complaint.",
    )


def test_irregular_forms_of_one_verb_are_one_action() -> None:
    assert _share(
        "Troopers went door to door in Marlow on Friday.",
        "Troopers will be going door to door in Marlow.",
    )


def test_a_verb_of_one_statement_may_be_a_noun_of_the_other() -> None:
    # "spoke" meets "meeting" as one event; "pleaded" meets "pled".
    assert _share("Lind spoke with Governor Tamsin.", "Lind asked for the meeting with Tamsin.")
    assert _share("He pled guilty in September.", "He pleaded guilty last year.")


def test_auxiliaries_and_reporting_verbs_are_no_action() -> None:
    text = "The report has been released, officials said."
    verbs = read_actions([text])[text].verbs
    # "released" as written and as its lemma; not "has", "been" or "said".
    assert verbs and all(v.startswith("releas") for v in verbs)


def test_an_act_mentioned_in_passing_is_not_what_a_statement_is_about() -> None:
    # Sharing the report is named by both, and told by neither: one asks for an opinion,
    # the other classifies the report.
    assert not _share(
        "The board asked for a legal opinion on sharing the dredging report with the council.",
        "The harbor authority classified the dredging report as confidential, which meant "
        "it could not be shared with the council.",
    )
    # Said, or expected, it is what the statement tells.
    assert _share(
        "The council said it will release the audit on Friday.",
        "The harbor board expects the council to release the audit.",
    )


def test_a_verb_of_saying_an_opinion_is_no_action() -> None:
    # Both suggest, of different acts: what each suggests is what it is about.
    assert not _share(
        "The mayor has suggested that the contractor misused the bridge fund.",
        "Suggesting the auditor could help reopen the inquiry into the bridge fund.",
    )
    assert not _share(
        "Weber argued that the levy would not hurt small harbors.",
        "Ferry operators have argued that the levy could raise fares.",
    )
    assert _share(
        "The mayor suggested that the contractor misused the bridge fund.",
        "The audit found that the contractor misused the bridge fund.",
    )


def test_an_act_asked_for_is_not_the_act_done() -> None:
    assert not _share(
        "The mayor said she has directed the release of the full dredging report.",
        "Council members asked the mayor to release the dredging report.",
    )
    # Asked for in both, or an effort of one's own, it is one action.
    assert _share(
        "Council members asked the mayor to release the dredging report.",
        "The harbor board urged the mayor to release the dredging report.",
    )
    assert _share(
        "Democrats will push to force a vote on the harbor levy.",
        "Democrats launched a drive on Wednesday to force a vote on the harbor levy.",
    )


def test_calling_something_a_name_is_a_saying_not_a_call() -> None:
    # The phone call of the story is no act of calling the audit "underwhelming".
    assert not _share(
        "Councilman Weber said he did not mind that the mayor raised the audit during the call.",
        'Councilman Weber called the audit of the call "underwhelming."',
    )


def test_the_act_of_an_announced_agreement_is_what_it_is_about() -> None:
    assert _share(
        "Harbor Freight announced an agreement to acquire Dunmore Ferries.",
        "Harbor Freight has signed a deal to acquire Dunmore Ferries, a rival operator.",
    )


def test_a_confirmation_denied_in_other_words_is_one_action() -> None:
    # A verb of reporting in the passive is what was reported; "unconfirmed" tells of it.
    assert _share(
        "No injuries have been confirmed after the blast at the Calder depot.",
        "Injury figures after the blast at the Calder depot remain unconfirmed.",
    )


def test_a_call_for_something_is_a_demand_only_when_made() -> None:
    pushed = "Ms. Ruiz pushed for a recount."
    resisted = "Ms. Ruiz resisted calls for a recount."
    actions = read_actions([pushed, resisted])
    assert "demand" in actions[pushed].verbs
    assert "demand" not in actions[resisted].verbs


# The harbor authority's two statements share the authority and the dredging report
# (alignment score 0.39, above the 0.28 threshold): before, one claim "agreed" by both.
STORY_A = (
    "The harbor authority has yet to see the dredging report, board members said on Monday. "
    "Fishing crews in Marlow have waited two years for the new breakwater. "
    "The breakwater was first proposed in 2019 and shelved after the floods. "
    "Wells in three villages ran dry by August. "
    "The harbor authority also runs the ferry to Dunmore."
)
STORY_B = (
    "The harbor authority is demanding details of the dredging report from the engineers. "
    "The breakwater is expected to cost more than the county budget allows. "
    "Engineers have surveyed four possible sites along the upper channel. "
    "Environmental groups want the oyster beds protected. "
    "A report on the ferry's finances is due in May."
)


def test_statements_sharing_only_their_topic_are_not_one_agreed_claim() -> None:
    items = [make_item(1, "a", "River Post", STORY_A), make_item(2, "b", "Delta Herald", STORY_B)]
    claims = extract_claims(items)
    assert not [c for c in claims if c["label"] != "single-source"]
    texts = [c["text"] for c in claims]
    assert any("yet to see the dredging report" in t for t in texts)
    assert any("demanding details of the dredging report" in t for t in texts)


def test_a_shared_action_keeps_a_loose_paraphrase_agreed() -> None:
    items = [
        make_item(
            1,
            "a",
            "River Post",
            STORY_A.replace(
                "has yet to see the dredging report, board members said on Monday",
                "rejected the dredging report on Monday, board members said",
            ),
        ),
        make_item(
            2,
            "b",
            "Delta Herald",
            STORY_B.replace(
                "is demanding details of the dredging report from the engineers",
                "on Monday rejected the engineers' report on dredging the channel",
            ),
        ),
    ]
    units = [u for u in build_units(items) if is_statement(u)]
    assert len(units) == 10
    agreed = [c for c in extract_claims(items) if c["label"] == "agreed"]
    assert [len(c["sentences"]) for c in agreed] == [2]
    assert all("rejected" in s["text"] for s in agreed[0]["sentences"])


def test_a_clitic_is_no_action_that_meets_a_possessive() -> None:
    # "There’s" with a curly apostrophe: its "’s" is "is", not a verb that "his son’s"
    # would share.
    assert not _share(
        "Harbor officials maintained that the mayor had not spoken with the contractor’s "
        "lawyers about the bridge fund.",
        "There’s no indication the contractor was acting in the fund’s interest.",
    )


def _share_among(a: str, b: str, people: set[str]) -> bool:
    actions = read_actions([a, b])
    return share_action(actions[a], actions[b], frozenset(people))


def test_one_act_done_by_two_named_people_is_two_facts() -> None:
    obama = "Mayor Tamsin maintained on Thursday that she did not know about the audit."
    miller = "Meanwhile, Lind maintained the authority's position that nobody told the mayor."
    assert not _share_among(obama, miller, {"tamsin", "lind"})
    # The same person, named in full in one and by surname in the other, did one act.
    assert _share_among(
        "Mayor Ada Tamsin maintained that the fund was never touched.",
        "Tamsin maintained the city's position on the fund.",
        {"tamsin"},
    )
    # Whom the story does not know as a person (a company, a place) is not compared.
    assert _share_among(
        "Harbor Freight maintained its ferries through the winter.",
        "Dunmore Ferries maintained its ferries through the storm.",
        {"tamsin"},
    )


def test_a_light_verb_is_met_with_its_object() -> None:
    # "put little stock in" and "put an end to" are two acts; "took to the streets" is one.
    assert not _share(
        "The mayor put little stock in the audit the council said it will publish.",
        "A council member said the mayor should publish the audit to put an end to rumors.",
    )
    assert _share(
        "Hundreds of residents took to the streets of Marlow on Friday.",
        "Residents of Marlow took to the streets to protest the levy.",
    )
    assert _share(
        "The council will take up the harbor levy on Tuesday.",
        "The council is expected to take up the levy next week.",
    )
