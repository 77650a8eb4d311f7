"""Two outlets quoting the same words of a speaker in their own sentences report one
statement, however differently they frame it (invented stories, real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims
from storylens.compare.text_units import Item

LEAD_1 = "The Harlow water plant shut down on Monday after a chlorine leak, officials said. "
LEAD_2 = "A chlorine leak shut the Harlow water plant on Monday, the council said. "


def _story(second_1: str, second_2: str) -> list[Item]:
    return [_item(1, "Valley Wire", LEAD_1 + second_1), _item(2, "Harbor Post", LEAD_2 + second_2)]


def test_the_same_quoted_words_make_one_claim() -> None:
    items = _story(
        "Councillor Mara Venn, who chairs the utilities board, called the response "
        "“reckless and slow”.",
        "Utilities councillor Mara Venn said the two hours before residents were warned "
        'were "reckless and slow."',
    )
    agreed = [c for c in extract_claims(items) if c["label"] == "agreed"]
    assert any(
        all("reckless and slow" in s["text"] for s in c["sentences"]) and c["sources"] == 2
        for c in agreed
    )


def test_different_quoted_words_stay_apart() -> None:
    items = _story(
        "Councillor Mara Venn, who chairs the utilities board, called the response "
        "“reckless and slow”.",
        "Utilities councillor Mara Venn said the two hours before residents were warned "
        'were "a lesson for every town."',
    )
    claims = extract_claims(items)
    assert not any(
        c["label"] != "single-source" and any("reckless" in s["text"] for s in c["sentences"])
        for c in claims
    )


def test_a_topic_word_or_a_label_in_quotation_marks_is_no_shared_statement() -> None:
    # The story's own word in quotation marks in many sentences, and a label: no quote of
    # one statement, and the two sentences say other things.
    first = (
        'The harbor bill would tax ferry tickets. Critics call the harbor bill a "giveaway". '
        'Supporters deny the bill is a "giveaway" at all. The "giveaway" charge spread online. '
        'Talk radio host Ron Vale attacked the bill as a "giveaway" on his show. '
        'Harbor pilots refused to dock at the berth known as "Pier No. 4" after the storm.'
    )
    second = (
        "Calder's council set off a fierce debate over whether the harbor bill amounts to a "
        '"giveaway" for ferry owners. Officials named the new berth "Pier No. 4" on Monday.'
    )
    claims = extract_claims([_item(1, "Ledger", first), _item(2, "Courier", second)])
    assert not [c["text"] for c in claims if c["label"] == "agreed"]
