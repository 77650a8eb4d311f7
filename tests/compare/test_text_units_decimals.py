"""A decimal number that a sentence splitter cut at its point ("6." / "6 feet") is put
back together; sentences that end in a number and are followed by a word stay apart."""

from __future__ import annotations

from storylens.compare.clauses import sentence_spans
from storylens.model import Analysis


def _spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for piece in pieces:
        start = text.index(piece, pos)
        out.append((start, start + len(piece)))
        pos = start + len(piece)
    return out


def test_a_sentence_cut_at_a_decimal_point_is_joined() -> None:
    text = "The river rose to 4.\n7 metres on Friday. The 12 schools in Welby shut at noon."
    pieces = [
        "The river rose to 4.",
        "7 metres on Friday.",
        "The 12 schools in Welby shut at noon.",
    ]
    analysis = Analysis(article_id="a", sentences=_spans(text, pieces))
    got = [text[a:b] for a, b in sentence_spans(text, analysis)]
    assert got == [
        "The river rose to 4.\n7 metres on Friday.",
        "The 12 schools in Welby shut at noon.",
    ]


def test_a_sentence_ending_in_a_number_before_a_word_stays_apart() -> None:
    text = "The council vote was 7 to 2. Seven members backed the plan in 2024."
    pieces = ["The council vote was 7 to 2.", "Seven members backed the plan in 2024."]
    analysis = Analysis(article_id="a", sentences=_spans(text, pieces))
    assert len(sentence_spans(text, analysis)) == 2
