"""Hover cards of linked names are blanked before analysis, offsets kept."""

from __future__ import annotations

from storylens.analyze.page_noise import blank_noise, hover_card_spans
from storylens.analyze.pipeline import Analyzer
from storylens.model import Article

GLUED = (
    "Harbor Commissioner Ines Vale Ines Maria ValeCity weighs new ferry fares Vale: 'The pier "
    "must close' Storm closes Calder port MORE said on Monday that the pier would close."
)
SPACED = (
    "Mayor Tom Reyes Tom Alan Reyes Calder budget passes council vote MORE (D-Calder) backed "
    "the plan."
)


def test_a_glued_card_is_blanked_from_after_the_printed_name_to_more() -> None:
    [(start, end)] = hover_card_spans(GLUED)
    assert GLUED[:start].endswith("Ines Vale ")
    assert GLUED[start:end].startswith("Ines Maria ValeCity") and GLUED[end - 4 : end] == "MORE"
    blanked = blank_noise(GLUED)
    assert len(blanked) == len(GLUED)
    assert " ".join(blanked.split()) == (
        "Harbor Commissioner Ines Vale said on Monday that the pier would close."
    )


def test_a_card_without_glue_starts_at_the_first_name_written_again() -> None:
    assert " ".join(blank_noise(SPACED).split()) == "Mayor Tom Reyes (D-Calder) backed the plan."


def test_more_that_closes_no_card_is_left_alone() -> None:
    text = "Subscribers can read the full report online. READ MORE"
    assert hover_card_spans(text) == []
    assert blank_noise(text) == text


def test_analysis_names_the_person_not_the_card() -> None:
    analysis = Analyzer().process(Article(id="a", text=GLUED, source="a"))
    names = [p.name for p in analysis.people]
    assert "Ines Vale" in names
    assert not [n for n in names if "Maria" in n or "City" in n]


def test_page_label_lines_are_blanked_and_sentences_kept() -> None:
    text = (
        "The council of Calder voted on Monday.\n\nAdvertisement\n\n"
        "Story Continued Below\nThe mayor said the ad campaign worked.\nREAD MORE:\n"
    )
    blanked = blank_noise(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert " ".join(blanked.split()) == (
        "The council of Calder voted on Monday. The mayor said the ad campaign worked."
    )


def test_a_video_players_lines_are_blanked_a_sentence_opening_with_close_is_not() -> None:
    text = (
        "CLOSE The mayor of Calder thanked the crews after the pier reopened.\n"
        "JUST WATCHED Mayor: We will rebuild Replay More Videos ...\n"
        "Close to 200 people watched the pier reopen on Monday.\n"
    )
    assert " ".join(blank_noise(text).split()) == (
        "Close to 200 people watched the pier reopen on Monday."
    )
