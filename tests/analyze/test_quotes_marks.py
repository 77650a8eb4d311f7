"""Quotation-mark pairing and the offset invariants of every quote and speaker."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.analyze.attribution import find_attributions
from storylens.analyze.quotes import find_quote_spans
from storylens.analyze.text import split_sentences


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


def test_curly_and_straight_marks_pair() -> None:
    text = 'The mayor said, “We will rebuild.” Later she added "every street counts."'
    assert _quoted(text) == ["We will rebuild.", "every street counts."]


def test_mismatched_single_open_double_close_is_one_quote() -> None:
    text = 'She cited the \'deep crisis of trust" in the city, and called for "calm."'
    assert _quoted(text) == ["deep crisis of trust", "calm."]


def test_apostrophes_are_not_quotes() -> None:
    text = "The voters’ choice wasn't clear in the '90s, the senator’s aide said."
    assert _quoted(text) == []


def test_doubled_apostrophes_quote() -> None:
    text = "''We are ready,'' the coach said."
    assert _quoted(text) == ["We are ready,"]


def test_quote_over_two_paragraphs_joins() -> None:
    text = '"The river rose overnight.\n\n"By morning the bridge was gone," the farmer said.'
    spans = find_quote_spans(text)
    assert len(spans) == 1 and spans[0].paragraphs == 2
    assert text[spans[0].start : spans[0].end].endswith("gone,")


def test_sentences_skip_abbreviations() -> None:
    text = "Sen. Ada Moss met Gov. Li in the U.S. capital. They talked."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Sen. Ada Moss met Gov. Li in the U.S. capital.",
        "They talked.",
    ]


_WORDS = st.sampled_from(
    [
        "said",
        "the",
        "mayor",
        "Ana Ruiz",
        "she",
        "told",
        "reporters",
        "“",
        "”",
        '"',
        "'",
        ",",
        ".",
        "\n\n",
        "we",
        "will",
        "win",
        "according to",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_offsets_always_slice_the_text(words: list[str]) -> None:
    text = " ".join(words)
    result = find_attributions(text)
    for q in result.quotes:
        assert q.text == text[q.start : q.end]
        assert q.kind in ("direct", "partial", "indirect", "tweet")
        sp = q.speaker
        if sp is not None and sp.start is not None and sp.end is not None:
            assert sp.text == text[sp.start : sp.end]
        if q.cue is not None:
            assert q.cue.text == text[q.cue.start : q.cue.end]
    for s, e in result.sentences:
        assert 0 <= s < e <= len(text)


def test_a_mark_between_glued_paragraphs_closes_or_opens_as_pairing_needs() -> None:
    text = (
        'The mayor promised action "aimed at the harbor. The city will stand with the '
        'fishermen."Reyes said he will meet the crews on Monday."The pier will reopen," '
        "Reyes wrote.Reyes said 40 workers are there."
    )
    quotes = [text[q.start : q.end] for q in find_quote_spans(text)]
    assert quotes == [
        "aimed at the harbor. The city will stand with the fishermen.",
        "The pier will reopen,",
    ]
