"""A summary sentence cites another article only when one of its sentences holds it."""

from __future__ import annotations

from test_claims_fixtures import make_item

from storylens.compare.citation import Citations, holds_quotation, quoted_words
from storylens.compare.summary import sentence_units

# A story whose every sentence names the same people: the names alone must not make a
# sentence of one article hold a sentence of another.
LEAD = (
    "Former Mayor Ruth Okafor on Tuesday said she supports the recall of Governor Dale "
    "Pierce. "
    'Okafor told reporters the recall vote was "long overdue and badly needed." '
    "A judge on Monday set bail at $50,000 for the contractor charged in the collapse. "
    'Residents painted the words "Fix Our Roads" in white letters on Main Street.'
)
OTHER = (
    "The recall campaign against Governor Dale Pierce has drawn criticism from former Mayor "
    "Ruth Okafor in the past. "
    "Former Mayor Ruth Okafor backed the recall of Governor Dale Pierce on Tuesday, telling "
    "a crowd she supports it. "
    "The contractor charged in the collapse had bail set at $50,000 at a hearing on Thursday. "
    'Residents painted the words "Close The Plant" in white letters on Main Street. '
    'Okafor said the vote was "long overdue" for the state.'
)


def _check() -> tuple[Citations, list]:
    items = [make_item(1, "a", "Ledger", LEAD), make_item(2, "b", "Courier", OTHER)]
    units = sentence_units(items)
    return Citations(items, units), [u for u in units if u.article_id == "a"]


def _holder(check: Citations, unit) -> str | None:  # type: ignore[no-untyped-def]
    held = check.holder(unit.text, unit.narration, "b")
    return held.text if held else None


def test_the_sentence_stating_the_fact_is_found_not_one_naming_the_same_people() -> None:
    check, lead = _check()
    held = _holder(check, lead[0])
    assert held is not None and held.startswith("Former Mayor Ruth Okafor backed the recall")


def test_two_hearings_on_different_weekdays_are_two_facts() -> None:
    check, lead = _check()
    # Same bail, same contractor, but Monday against Thursday.
    assert _holder(check, lead[2]) is None


def test_narration_around_other_quoted_words_does_not_hold_the_sentence() -> None:
    check, lead = _check()
    # Same painting on Main Street, other words painted.
    assert _holder(check, lead[3]) is None


def test_a_shorter_quotation_of_the_same_statement_is_not_enough_for_a_longer_one() -> None:
    check, lead = _check()
    # "long overdue" is in the other article, "long overdue and badly needed" is not, and
    # four words of it in a row are not either.
    assert _holder(check, lead[1]) is None


def test_quoted_words_are_compared_as_stems_and_in_part_when_long() -> None:
    assert quoted_words('She said it was "Stepping Back, for now" and left.') == [
        "step back for now"
    ]
    assert quoted_words('a "phase one" deal') == []  # two words: emphasis, not a quotation
    text = "the deal is a good day for workers and for farmers"
    assert holds_quotation("it is a good day for workers and farmers", text)
    assert not holds_quotation("a bad day for workers", text)


def test_a_sentence_naming_the_same_people_about_something_else_holds_nothing() -> None:
    other = (
        "Governor Dale Pierce said the recall of former Mayor Ruth Okafor's allies was not "
        "his doing on Tuesday. "
        "Ruth Okafor and Dale Pierce met at the state fair."
    )
    items = [make_item(1, "a", "Ledger", LEAD), make_item(2, "b", "Courier", other)]
    units = sentence_units(items)
    check = Citations(items, units)
    supports = next(u for u in units if u.article_id == "a")
    assert check.holder(supports.text, supports.narration, "b") is None
