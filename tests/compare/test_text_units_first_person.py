"""A unit in the first person, quoted passages aside, is speech whose quotation marks stand
elsewhere, not the narrator's statement; an outlet speaking of its own reporter, a name
holding "We" and a quoted "we" stay statements (invented sentences, real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims
from storylens.compare.narration import speaks_in_first_person


def test_first_person_outside_quotes_is_speech() -> None:
    assert speaks_in_first_person("We are delighted to welcome the Harlow team to our company.")
    assert speaks_in_first_person("This deal lets us grow our mill business across the region.")
    assert speaks_in_first_person("I think the council acted too late, Marsh said.")


def test_narration_that_only_looks_first_person_is_not() -> None:
    assert not speaks_in_first_person("Our correspondent saw smoke rising over the mill.")
    assert not speaks_in_first_person("As we reported on Monday, the mill closed in March.")
    assert not speaks_in_first_person("The Sea Me We 5 cable was cut off the coast of Sicily.")
    assert not speaks_in_first_person('Marsh said "we acted too late" and apologised to staff.')
    assert not speaks_in_first_person("Veterans of World War I were honoured at the mill.")


def test_a_quote_with_its_closing_mark_lost_gives_no_claim() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "Harlow Paper bought the Dunmore mill on Tuesday for $40 million, chief "
            'executive Ada Marsh said. "This is a great day for Harlow.\n'
            "We are proud to bring the skilled Dunmore workers into our growing family of "
            "paper mills across the region.",
        ),
        _item(
            2,
            "Harbor Post",
            "The Dunmore mill was sold to Harlow Paper on Tuesday for $40 million.",
        ),
    ]
    texts = " ".join(c["text"] for c in extract_claims(items))
    assert "proud" not in texts
    assert "Dunmore" in texts
