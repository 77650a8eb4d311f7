"""A sentence that is quoted speech with only its attribution around it is a quote, shown
with the aligned quotes, and no single-source statement of its outlet (invented stories,
analysed by the real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims, is_quoted_speech
from storylens.compare.narration import is_foot_line, outside_quotes, quote_mark_share


def test_a_quote_with_its_attribution_is_speech() -> None:
    assert is_quoted_speech('On Monday she told reporters that "the mill will never reopen."')
    assert is_quoted_speech("“We will rebuild every pier we lost,” said Mayor Ada Quill.")
    # Who the speaker is belongs to the attribution.
    assert is_quoted_speech(
        "“I only heard when the police knocked,” said Ada Quill, who lives two doors from the mill."
    )
    # The narrator's own statement with a partial quote is no speech ...
    assert not is_quoted_speech('The sale is expected to close in "a number of weeks."')
    # ... nor a quote whose frame tells a fact of its own.
    assert not is_quoted_speech(
        "A reporter heard a loud blast, then saw “a crater the size of a bus,” he wrote."
    )


def test_the_end_of_a_quote_that_began_in_an_earlier_sentence_is_quoted() -> None:
    # Straight marks give no side: one after a stop or a comma closes a quote.
    assert quote_mark_share('Such an outrage must be answered by every nation. "') == 1.0
    assert quote_mark_share('He has a great deal to explain, " Mr Oduya said.') > 0.6
    assert outside_quotes('He has a great deal to explain, " Mr Oduya said.').split() == [
        "Mr",
        "Oduya",
        "said.",
    ]
    # An opening mark before a word still opens.
    assert quote_mark_share('The mayor called the delay "inexcusable" on Monday.') < 0.3


def test_lone_quoted_speech_is_no_single_source_claim() -> None:
    speech = "On Sunday the owner told reporters that “everything we built in 40 years is gone.”"
    items = [
        _item(
            1,
            "Valley Wire",
            "A fire destroyed the Harlow paper mill on Saturday night, the fire chief said. "
            + speech
            + " The mill employed 80 people and shipped paper to five states.",
        ),
        _item(
            2,
            "Harbor Post",
            "Fire gutted the Harlow paper mill late on Saturday, the fire chief said. "
            "Nobody was hurt in the blaze.",
        ),
    ]
    singles = [c["text"] for c in extract_claims(items) if c["label"] == "single-source"]
    assert not any("everything we built" in t for t in singles)
    # The outlet's own single-source statement stays.
    assert any(t.startswith("The mill employed 80 people") for t in singles)


def test_a_relative_clause_around_a_quote_is_background_not_a_statement() -> None:
    # The subject is narrated, what is said of it is quoted: the relative clause only
    # describes the subject.
    assert is_quoted_speech(
        "Chlorine, which the plant used to treat the river water, “can kill a man in a "
        "minute,” Hale said."
    )
    # A narrated statement beside the relative clause keeps the sentence a statement.
    assert not is_quoted_speech(
        "The council, which met on Monday, voted to close the pool and called the decision "
        "“painful but necessary.”"
    )


def test_a_name_after_an_opening_quote_is_the_speaker_not_a_predicate() -> None:
    assert is_quoted_speech(
        '"The levee will hold through the weekend," Varga said, pointing at the map.'
    )
    # A frame that tells more than who spoke and how stays a statement.
    assert not is_quoted_speech(
        '"The levee will hold," Varga said after engineers inspected the breach on Monday.'
    )


def test_a_quote_whose_frame_says_only_who_spoke_is_speech_however_short() -> None:
    # The sentence opens inside a quote begun in the sentence before.
    assert is_quoted_speech('It was never signed," Ostrova told reporters on May 2.')
    assert is_quoted_speech('"Stop stalling," said Councilwoman Ada Quill (D-Harbor).')
    # A frame with words of its own keeps a short quote a partial one.
    assert not is_quoted_speech('The board delayed the vote again, calling it "premature."')


def test_contributor_and_front_page_lines_are_foot_lines() -> None:
    assert is_foot_line("Ana Ruiz, Tom Berg and Lee Park contributed.")
    assert is_foot_line("Ana Ruiz contributed reporting.")
    assert is_foot_line("This material may not be published, broadcast or redistributed.")
    assert is_foot_line("The opinions expressed by columnists are their own.")
    assert not is_foot_line("The opinions of the harbor board changed after the vote.")
    assert is_foot_line("Visit The Harbor Post's homepage for more stories.")
    assert is_foot_line("Last updated on Jan. 8 at 7:15 a.m.")
    assert not is_foot_line("Updated figures show 12 people died in the fire.")
    assert not is_foot_line("Heavy rain contributed to the flooding.")
    assert not is_foot_line("The Ruiz family contributed $5 million to the hospital.")


def test_a_foot_line_is_no_single_source_claim() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "A fire destroyed the Harlow paper mill on Saturday night, the fire chief said. "
            "The mill employed 80 people and shipped paper to five states. "
            "Ana Ruiz and Tom Berg contributed.",
        ),
        _item(
            2,
            "Harbor Post",
            "Fire gutted the Harlow paper mill late on Saturday, the fire chief said. "
            "Visit The Harbor Post's homepage for more stories.",
        ),
    ]
    singles = [c["text"] for c in extract_claims(items) if c["label"] == "single-source"]
    assert not any("contributed" in t or "homepage" in t for t in singles)
    assert any(t.startswith("The mill employed 80 people") for t in singles)


def test_verbs_of_saying_in_a_quotes_frame_are_no_statement() -> None:
    assert is_quoted_speech(
        'The mayor tweeted minutes later to declare that "the pier is safe and will reopen '
        'to all boats on Friday."'
    )
    assert is_quoted_speech("At the vigil, Quill warned: “No dike will hold another storm.”")
    # A frame that tells an act besides the saying stays a statement.
    assert not is_quoted_speech(
        'The mayor closed the pier on Monday and tweeted that "the pier is unsafe."'
    )


def test_a_straight_mark_before_a_word_opens_a_quote_in_mid_sentence() -> None:
    # The quote share misreads the first mark as closing; the speaker's account around the
    # quote is narrated.
    assert not is_quoted_speech(
        'Mara said she told Lund, "Put the boat back," and that he instead sailed out.'
    )


def test_an_opening_participial_phrase_sets_the_scene_of_a_quote() -> None:
    assert is_quoted_speech(
        "Standing on the flooded pier in his boots, he said: “Everything we built here in "
        "forty years is under water.”"
    )
    # A narrated act after the phrase keeps the sentence a statement.
    assert not is_quoted_speech(
        "Citing the storm, the harbor board closed the pier on Monday and called it "
        "“a painful but necessary step.”"
    )


def test_a_speakers_name_opening_the_sentence_is_no_predicate() -> None:
    assert is_quoted_speech(
        'Ada Quill, whose family has fished the bay for a century, said she was "furious."'
    )
    # Words of the narrator after the name keep a short partial quote a statement.
    assert not is_quoted_speech('Ada Quill said the harbor board broke its "promise."')
