"""A participle used as an adjective in a list ("emerging markets") opens no clause: the
list stays one piece, so that no fragment of it is compared as a statement."""

from __future__ import annotations

from storylens.compare.clauses import clause_spans


def _clauses(text: str) -> list[str]:
    return [text[a:b] for a, b in clause_spans(text, 0, len(text), [])]


def test_a_list_item_opening_with_a_participle_adjective_is_not_cut() -> None:
    text = (
        "The fund buys stakes in regional lenders, Baltic ports, emerging markets and "
        "the bond trade of the Baltic states."
    )
    assert _clauses(text) == [text]


def test_a_participial_clause_is_still_cut() -> None:
    # The same participle with a stop word after it opens a clause of its own ...
    text = "The old quarry flooded in March, rising over the access road within a week."
    assert _clauses(text) == [
        "The old quarry flooded in March",
        "rising over the access road within a week.",
    ]
    # ... and so does a participle that takes an object.
    text = "A gas main ruptured under Pell Street, injuring three workers and closing the road."
    assert len(_clauses(text)) == 2
