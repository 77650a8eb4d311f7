"""A linked name's hover card left in a sentence by page-to-text extraction (the name in
full glued to other articles' headlines, then "MORE") is no part of what the sentence
states (invented sentences, analysed by the real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims
from storylens.compare.narration import hover_cards
from storylens.compare.text_units import build_units

CARD_SENTENCE = (
    "Council member Marta Quell Marta Ilse QuellHarbor authority cuts ferry service to "
    "Lindvik island after storm damage Quell: 'We will rebuild the pier' MORE voted against "
    "the school budget on Monday."
)


def _spans(text: str) -> list[str]:
    return [text[a:b] for a, b in hover_cards(text)]


def test_a_card_runs_from_the_repeated_name_to_more() -> None:
    (card,) = _spans(CARD_SENTENCE)
    assert card.startswith("Marta Ilse QuellHarbor")
    assert card.endswith("MORE")
    # The name as printed and the sentence's own words stay.
    assert "voted" not in card and "Council member Marta Quell" not in card


def test_a_card_may_repeat_the_surname_or_hold_a_full_stop() -> None:
    text = (
        "Mayor Dunholt Peter Anton DunholtFerry fares rise again. Dunholt blames fuel "
        "costs MORE said the pier would reopen."
    )
    (card,) = _spans(text)
    assert card.startswith("Peter Anton DunholtFerry") and card.endswith("MORE")


def test_glued_words_and_capitals_without_a_more_link_are_no_card() -> None:
    text = (
        "The McConnell aide sent WhatsApp messages to the harbor office. "
        "More ferries will run on Monday."
    )
    assert hover_cards(text) == []


def test_a_card_gives_its_sentence_no_words_or_names() -> None:
    units = build_units([_item(1, "Daily One", CARD_SENTENCE)])
    narration = " ".join(u.narration for u in units)
    assert "ferry" not in narration and "rebuild" not in narration
    assert "voted" in narration
    # The full name glued to the first headline is no name of the sentence.
    assert not any("harbor" in e for u in units for e in u.entities)


def test_a_cards_headline_does_not_align_with_the_fact_it_names() -> None:
    items = [
        _item(1, "Daily One", CARD_SENTENCE),
        _item(
            2,
            "Wire Two",
            "The harbor authority cut ferry service to Lindvik island after storm damage, "
            "officials said on Monday.",
        ),
    ]
    claims = extract_claims(items)
    assert not [c for c in claims if c["label"] != "single-source"]


def test_a_quoted_headline_in_a_card_does_not_make_its_sentence_a_quote() -> None:
    # Outside the card the sentence is the narrator's: a statement of its outlet.
    statement = (
        "Council member Marta Quell Marta Ilse QuellQuell: 'We will rebuild the pier' "
        "'Not one more delay,' Quell tells the harbor board MORE voted against the school "
        "budget on Monday, saying it shortchanged the island schools."
    )
    # Outside the card, only who spoke: a quote.
    speech = (
        "“We will reopen the ferry by June,” harbor spokesman Per Lund Per Olav LundFerry "
        "fares rise again Harbor board meets on budget MORE said."
    )
    items = [
        _item(1, "Daily One", statement + " " + speech),
        _item(2, "Wire Two", "The harbor board met on Monday to discuss the budget."),
    ]
    singles = [c["text"] for c in extract_claims(items) if c["label"] == "single-source"]
    assert any("voted against the school budget" in t for t in singles)
    assert not any("reopen the ferry" in t for t in singles)


def test_a_claim_is_shown_without_the_card_its_offsets_still_point_at_the_stored_text() -> None:
    carded = (
        "Mayor Ada Lind Ada Maria LindFerry fares rise in Calder Council backs harbor plan "
        "MORE greeted three sailors freed by the coast guard on Thursday morning."
    )
    plain = "Mayor Ada Lind greeted three sailors freed by the coast guard on Thursday morning."
    claims = extract_claims([_item(1, "Ledger", carded), _item(2, "Courier", plain)])
    shown = [s for c in claims for s in c["sentences"] if s["article_id"] == "art-1"]
    assert shown
    for sentence in shown:
        assert "MORE" not in sentence["text"] and "LindFerry" not in sentence["text"]
        assert "MORE" in carded[sentence["start"] : sentence["end"]]
    assert not [c for c in claims if "MORE" in c["text"]]
