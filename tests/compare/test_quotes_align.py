"""Quote alignment across outlets, on invented articles."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storylens.compare.quotes import (
    align_quotes,
    classify,
    normalize_words,
    same_utterance,
    split_units,
    word_diff,
)
from storylens.model import Analysis, Article, Quote, Speaker, StoredArticle


def item(
    key: int, outlet: str, quotes: list[tuple[str, str, str]]
) -> tuple[StoredArticle, Analysis]:
    """An article whose text is its quotes, each (speaker, kind, quote text)."""
    text = ""
    qs = []
    for speaker, kind, q in quotes:
        start = len(text) + 1
        text += f'"{q}" '
        qs.append(Quote(q, start, start + len(q), kind, Speaker(speaker)))  # type: ignore[arg-type]
    art = Article(id=f"a{key}", text=text, source=f"a{key}", outlet=outlet)
    return StoredArticle(key, art), Analysis(article_id=art.id, quotes=qs)


def test_same_quote_in_two_outlets_is_one_utterance_with_its_differences() -> None:
    items = [
        item(
            1,
            "Ledger",
            [
                (
                    "Dana Whitlock",
                    "direct",
                    "The bridge will reopen to traffic in the spring, and not a day sooner.",
                )
            ],
        ),
        item(
            2,
            "Courier",
            [
                (
                    "Dana Whitlock",
                    "direct",
                    "the bridge will reopen to traffic in spring -- not a day sooner",
                )
            ],
        ),
    ]
    [utt] = align_quotes(items)
    assert utt["speaker"] == "Dana Whitlock"
    assert {v["article_id"] for v in utt["versions"]} == {"a1", "a2"}
    kinds = {(d["kind"], d["a"], d["b"]) for d in utt["differences"]}
    assert ("case", "The", "the") in kinds
    # Nearby changes come as one difference, with the words between them.
    [grouped] = [d for d in utt["differences"] if d["kind"] != "case"]
    assert (grouped["a"], grouped["b"]) == ("the spring, and", "spring --")
    assert "omitted" in grouped["kinds"]
    assert len(utt["diffs"]) == 1


def test_a_quote_split_by_its_cue_aligns_sentence_by_sentence() -> None:
    long = "We found the leak on Monday. Nobody was hurt, and the water is safe to drink."
    items = [
        item(1, "Ledger", [("Ray Okafor", "direct", long)]),
        item(
            2,
            "Courier",
            [
                ("Ray Okafor", "direct", "We found the leak on Monday,"),
                ("Ray Okafor", "direct", "Nobody was hurt and the water is safe to drink."),
            ],
        ),
    ]
    utts = align_quotes(items)
    assert len(utts) == 2
    texts = {stored.article.id: stored.article.text for stored, _ in items}
    for u in utts:
        assert {v["article_id"] for v in u["versions"]} == {"a1", "a2"}
        for v in u["versions"]:
            assert texts[v["article_id"]][v["start"] : v["end"]] == v["quote"]


def test_partial_quote_matches_its_fuller_version_and_spelling_variants_count_as_spelling() -> None:
    items = [
        item(
            1,
            "Ledger",
            [
                (
                    "Mira Santos",
                    "direct",
                    "Given the damage, there must be an immediate cease-fire on the river.",
                )
            ],
        ),
        item(2, "Courier", [("Mira Santos", "partial", "immediate ceasefire")]),
    ]
    [utt] = align_quotes(items)
    assert [d["kind"] for d in utt["differences"]] == ["spelling"]
    # The rest of the fuller quote is not reported as omitted by the partial one.
    assert not any(d["kind"] == "omitted" for d in utt["differences"])


def test_look_alike_statements_stay_apart() -> None:
    items = [
        item(
            1,
            "Ledger",
            [
                (
                    "Mira Santos",
                    "direct",
                    "The mayor and I have been aligned and consistent from the very beginning",
                )
            ],
        ),
        item(
            2,
            "Courier",
            [
                (
                    "Mira Santos",
                    "direct",
                    "The mayor and I've been very clear that the port has a right to expand its docks",
                )
            ],
        ),
    ]
    assert align_quotes(items) == []


def test_a_short_partial_does_not_chain_two_sentences_into_one_utterance() -> None:
    first = "I want to talk about the pressure to swear loyalty to a foreign power today"
    second = "Nobody should be asked to pledge support to a foreign power to serve in office"
    items = [
        item(1, "Ledger", [("Mira Santos", "direct", first)]),
        item(2, "Courier", [("Mira Santos", "partial", "loyalty to a foreign power")]),
        item(3, "Gazette", [("Mira Santos", "direct", second)]),
        item(4, "Herald", [("Mira Santos", "direct", second)]),
    ]
    utterances = align_quotes(items)
    versions = [sorted(v["quote"] for v in u["versions"]) for u in utterances]
    assert sorted(versions) == [
        sorted([first, "loyalty to a foreign power"]),
        [second, second],
    ]


def test_an_outlets_bracketed_clarification_is_editorial_not_omitted() -> None:
    ops = word_diff(
        "We told [Harbor Commissioner Ines] Vale on the phone that the (old) pier must close",
        "We told Vale on the phone that the pier must close",
    )
    assert [(d["kind"], d["a"]) for d in classify(ops)] == [
        ("editorial", "[Harbor Commissioner Ines] Vale"),
        ("omitted", "(old) pier"),
    ]


def test_different_speakers_are_never_one_utterance() -> None:
    items = [
        item(
            1,
            "Ledger",
            [("Mira Santos", "direct", "We will rebuild the pier before the summer season")],
        ),
        item(
            2,
            "Courier",
            [("Ray Okafor", "direct", "We will rebuild the pier before the summer season")],
        ),
    ]
    assert align_quotes(items) == []


def test_quote_found_once_is_no_utterance_across_sources() -> None:
    items = [
        item(1, "Ledger", [("Mira Santos", "direct", "The pier is closed until further notice")])
    ]
    assert align_quotes(items) == []


def test_normalize_words_expands_contractions_and_joins_hyphens() -> None:
    assert normalize_words("We've a cease-fire, don't we?") == [
        "we",
        "have",
        "a",
        "ceasefire",
        "do",
        "not",
        "we",
    ]


def test_differences_read_like_a_copy_editor_marks_them() -> None:
    ref = "He wants to come to the United States wants to talk about aid, increased opportunity to talk."
    other = "He wants to come to United States, wants to talk about aid increased -- an opportunity to talk,"
    diffs = [(d["a"], d["b"]) for d in classify(word_diff(ref, other))]
    assert diffs == [
        ("the United States", "United States,"),
        ("aid, increased opportunity", "aid increased -- an opportunity"),
    ], "the final period/comma is how the outlet embeds the quote, not a difference"


def test_classify_names_punctuation_and_changed_words() -> None:
    ops = word_diff(
        "Twelve people were hurt, officials said.", "Fourteen people were hurt officials said."
    )
    kinds = [d["kind"] for d in classify(ops)]
    assert "changed" in kinds and "punctuation" in kinds


@given(
    st.lists(
        st.sampled_from(
            ["the", "port", "will", "reopen", "on", "monday", "after", "repairs", "finish"]
        ),
        min_size=3,
        max_size=12,
    )
)
def test_a_quote_always_aligns_with_itself(words: list[str]) -> None:
    w = normalize_words(" ".join(words))
    assert same_utterance(w, w)
    assert all(op["op"] == "equal" for op in word_diff(" ".join(words), " ".join(words)))


def test_curly_and_straight_marks_are_house_style_not_differences() -> None:
    ops = word_diff(
        "We can’t gamble with people’s lives — not now",
        "We can't gamble with people's lives -- not now",
    )
    assert all(op["op"] == "equal" for op in ops)


def test_a_shorter_version_opening_with_a_contraction_differs_only_in_spelling() -> None:
    ops = word_diff(
        "We are starting off on a new footing -- I think we can do something meaningful.",
        "We're starting off on a new footing.",
    )
    kinds = [d["kind"] for d in classify(ops)]
    assert kinds == ["spelling", "omitted"]
    assert classify(ops)[0]["a"] == "We are"


def test_compounds_and_number_words_are_spelling_variants() -> None:
    ops = word_diff(
        "You broke the all-time rating for 3 in the morning.",
        "You broke the all time rating for three in the morning.",
    )
    diffs = classify(ops)
    assert diffs and all(d["kinds"] == ["spelling"] for d in diffs)
    ops = word_diff("We lost three boats.", "We lost thirty boats.")
    assert [d["kind"] for d in classify(ops)] == ["changed"]


def test_an_abbreviation_ends_no_sentence_of_a_quote() -> None:
    text = "We believed that Gen. Flynn was compromised. We told the U.S. team at once."
    assert [text[a:b] for a, b in split_units(text)] == [
        "We believed that Gen. Flynn was compromised.",
        "We told the U.S. team at once.",
    ]


def test_an_outlets_bracketed_substitution_is_editorial() -> None:
    ops = word_diff("Why does FB have so much power?", "Why does [Facebook] have so much power?")
    assert [d["kind"] for d in classify(ops)] == ["editorial"]


def test_a_partial_quotes_closing_full_stop_is_no_word_of_the_fuller_quote() -> None:
    reference = (
        "The mayor, in closing the pier without a vote, has trampled on the charter and"
        " failed in her duty to the harbor."
    )
    assert classify(word_diff(reference, "trampled on the charter.", partial=True)) == []
    # A whole quotation cut where the reference goes on still shows what it left out.
    kinds = [
        d["kind"] for d in classify(word_diff(reference, "The mayor has trampled on the charter."))
    ]
    assert "omitted" in kinds


def test_a_partial_quote_of_nearly_all_the_words_leaves_out_none_at_its_edges() -> None:
    reference = "Ammonia changes everything about how you fight a fire"
    # 'Ammonia, which the company used, "changes everything about how you fight a fire"'
    assert (
        classify(
            word_diff(reference, "changes everything about how you fight a fire", partial=True)
        )
        == []
    )
    # Nor is the case of its first word, which the reporter's sentence sets.
    assert classify(word_diff("It could happen.", "it could happen", partial=True)) == []
    # A word dropped inside it is still a difference.
    inside = classify(
        word_diff(reference, "changes everything about how you fight fire", partial=True)
    )
    assert [d["kind"] for d in inside] == ["omitted"]


def test_a_sentence_said_twice_in_one_quotation_is_one_version_of_its_article() -> None:
    said = "It put the harbor at risk."
    items = [
        item(1, "Ledger", [("Ana Ruiz", "direct", f"{said} That is not hyperbole. {said}")]),
        item(2, "Courier", [("Ana Ruiz", "direct", said)]),
    ]
    [utterance] = [u for u in align_quotes(items) if u["versions"][0]["quote"] == said]
    assert sorted(v["article_id"] for v in utterance["versions"]) == ["a1", "a2"]


def _split_quote_item() -> tuple[StoredArticle, Analysis]:
    text = '"The harbor," said Mayor Ana Ruiz, "will now be closed to all boats." She spoke Monday.'
    first, second = "The harbor", "will now be closed to all boats."
    a, b = text.index(first), text.index(second)
    quotes = [
        Quote(first, a, a + len(first), "direct", Speaker("Ana Ruiz")),
        Quote(second, b, b + len(second), "direct", Speaker("Ana Ruiz")),
    ]
    art = Article(id="a1", text=text, source="a1", outlet="Ledger")
    sentences = [(0, text.index(" She")), (text.index("She"), len(text))]
    return StoredArticle(1, art), Analysis(article_id="a1", quotes=quotes, sentences=sentences)


def test_a_sentence_split_by_its_cue_is_one_version_of_the_whole_sentence() -> None:
    # Before, "will now be closed ..." was the split version, and the whole quotation in
    # the other outlet seemed to add "The harbor".
    whole = "The harbor will now be closed to all boats."
    items = [_split_quote_item(), item(2, "Courier", [("Ana Ruiz", "direct", whole)])]
    [utterance] = align_quotes(items)
    versions = {v["article_id"]: v for v in utterance["versions"]}
    assert versions["a1"]["quote"] == whole
    assert utterance["differences"] == []
    text = items[0][0].article.text
    span = text[versions["a1"]["start"] : versions["a1"]["end"]]
    assert span.startswith("The harbor,") and span.endswith("all boats.")
