"""A sentence no part of which another source states is one single-source claim, said in
full, not cut into its clauses (invented stories, analysed by the real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims
from storylens.compare.text_units import build_units, is_statement

SENTENCE = (
    "The Harlow paper mill will keep paying all 80 of its workers while the owners "
    "search for a temporary site near the river."
)


def test_lone_clauses_of_one_sentence_make_one_claim() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "A fire gutted the Harlow paper mill on Tuesday night, officials said. " + SENTENCE,
        ),
        _item(
            2,
            "Harbor Post",
            "Fire destroyed the Harlow paper mill late on Tuesday, the fire chief said. "
            "Nobody was hurt in the blaze.",
        ),
    ]
    # The sentence is compared as two clauses ...
    units = [u for u in build_units(items) if is_statement(u) and u.article_id == "art-1"]
    assert any(u.text.startswith("while the owners") for u in units)
    # ... but listed as one single-source claim, citing the whole sentence.
    singles = [c for c in extract_claims(items) if c["label"] == "single-source"]
    texts = [c["text"] for c in singles]
    assert SENTENCE in texts
    assert not any(t.startswith("while") for t in texts)
    claim = next(c for c in singles if c["text"] == SENTENCE)
    (cited,) = claim["sentences"]
    text = items[0][0].article.text
    assert text[cited["start"] : cited["end"]] == SENTENCE
    # No clause of it is stated elsewhere: the whole sentence is the single-source part.
    assert "single_source_part" not in claim


def test_a_paragraph_printed_twice_is_one_claim() -> None:
    repeated = "The pumping station on Mill Lane will stay closed until the end of March."
    items = [
        _item(
            1,
            "Valley Wire",
            "Floodwater reached the Dunmore estate on Sunday night, the council said.\n"
            + repeated
            + "\n"
            + repeated,
        ),
        _item(
            2,
            "Harbor Post",
            "Floodwater swept into the Dunmore estate late on Sunday, the council said.",
        ),
    ]
    texts = [c["text"] for c in extract_claims(items) if c["label"] == "single-source"]
    assert texts.count(repeated) == 1


def test_a_short_clause_left_over_from_an_aligned_sentence_is_no_claim() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "The Harlow council approved a larger library budget on Wednesday night, "
            "after residents packed the town hall meeting.",
        ),
        _item(
            2,
            "Harbor Post",
            "A larger library budget was approved by the Harlow council on Wednesday night.",
        ),
    ]
    units = [u for u in build_units(items) if is_statement(u) and u.article_id == "art-1"]
    assert any(u.text.startswith("after residents") for u in units)
    claims = extract_claims(items)
    assert any(c["label"] == "agreed" for c in claims)
    assert not any(c["text"].startswith("after residents") for c in claims)


def test_lone_clauses_around_a_corroborated_one_are_cited_as_their_sentence() -> None:
    sentence = (
        "The closure of the Harlow paper mill comes shortly after a fire gutted its main hall "
        "on Tuesday night, making it the third mill shut in the valley in two years."
    )
    items = [
        _item(1, "Valley Wire", sentence + " The owners have not said whether they will rebuild."),
        _item(
            2,
            "Harbor Post",
            "A fire gutted the main hall of the Harlow paper mill late on Tuesday night, the "
            "fire chief said. Nobody was hurt in the blaze.",
        ),
    ]
    claims = extract_claims(items)
    # The middle clause is corroborated ...
    assert any(
        c["label"] == "agreed"
        and any("fire gutted its main hall" in s["text"] for s in c["sentences"])
        for c in claims
    )
    # ... and the clauses around it are one single-source claim, the sentence as written,
    # not its pieces ("comes shortly", "making it the third ...").
    singles = [c for c in claims if c["label"] == "single-source"]
    texts = [c["text"] for c in singles]
    assert sentence in texts
    assert not any(t.startswith("making it") or t.endswith("comes shortly") for t in texts)
    claim = next(c for c in singles if c["text"] == sentence)
    (cited,) = claim["sentences"]
    assert items[0][0].article.text[cited["start"] : cited["end"]] == sentence
    # What only this outlet states is its own clause, not the corroborated one.
    part = claim["single_source_part"]
    assert "making it the third mill" in part
    assert "fire gutted" not in part


def test_a_sentence_in_the_first_person_is_no_single_source_claim() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "Harlow Paper bought the Dunmore pulp works on Tuesday, the company said. "
            "By buying the works, Harlow is speeding up our plan to double output, making the "
            "most of a rise in demand for recycled board across the northern valley.",
        ),
        _item(
            2,
            "Harbor Post",
            "Harlow Paper has bought the Dunmore pulp works, the company said on Tuesday.",
        ),
    ]
    singles = [c["text"] for c in extract_claims(items) if c["label"] == "single-source"]
    assert not any("recycled board" in t for t in singles)


def test_a_fact_all_sources_state_in_a_clause_comes_with_its_sentence() -> None:
    items = [
        _item(
            1,
            "Ledger",
            "The storm reached Calder on Sunday night, cutting power to 40,000 homes across "
            "the port district.",
        ),
        _item(
            2,
            "Courier",
            "Flood water swept through the Calder harbor overnight, cutting power to 40,000 "
            "homes across the port district.",
        ),
    ]
    [claim] = [c for c in extract_claims(items) if c["label"] == "agreed"]
    assert claim["text"].startswith("cutting power to 40,000 homes")
    assert claim["context"].startswith("The storm reached Calder")
    assert claim["text"] in claim["context"]


def test_a_clause_cut_where_its_sentence_goes_on_comes_with_its_sentence() -> None:
    items = [
        _item(
            1,
            "Ledger",
            "The port authority last week admitted it had overcharged ferry operators, and in "
            "the days since the agency has faced calls for an audit.",
        ),
        _item(
            2,
            "Courier",
            "The port authority last week admitted it had overcharged ferry operators, and "
            "in the days since two board members resigned.",
        ),
    ]
    [claim] = [c for c in extract_claims(items) if c["label"] == "agreed"]
    assert claim["text"].endswith("overcharged ferry operators, and in the days")
    # The reader sees how the sentence goes on, not a clause stopping mid-way.
    assert claim["context"].startswith(claim["text"] + " since ")
