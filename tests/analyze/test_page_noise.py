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


def test_a_photo_gallerys_caption_lines_are_blanked() -> None:
    text = (
        "The pier of Calder reopened on Monday.\n\n"
        "Photos: Calder pier Photos: Calder pier Calder pier – Crews repair the pier on May 2."
        " Hide Caption 1 of 9 Photos: Calder pier Mayor Ann Roe visits the site. Hide Caption"
        " 2 of 9\n"
        "Photos: Storms of the year\n"
        "Photos of the damage were shown at the meeting.\n"
    )
    blanked = blank_noise(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert " ".join(blanked.split()) == (
        "The pier of Calder reopened on Monday. Photos of the damage were shown at the meeting."
    )


def test_a_live_pages_update_stamps_and_entry_headings_are_blanked() -> None:
    text = (
        "Update at 9:54 p.m. ET. Pier Reopens:\n"
        "The pier reopened, the mayor said.\n"
        "[Updated 8:07 a.m. ET] Crews will work all night, the mayor told reporters: go home.\n"
        "[Updated at 1:43 p.m. on Oct. 26, 2016.]\n"
        "Posted at 12:45 a.m. ET: A ferry was damaged.\n"
        "Update at 3 p.m. EST Ferries In Port\n"
        "Story highlights Ferries return to Calder\n"
        "Update at 3:55 a.m. ET. Residents Warned To Stay Inside; Pier Search Expected.\n"
        "Update at 4 a.m. ET. The pier is closed.\n"
    )
    assert " ".join(blank_noise(text).split()) == (
        "The pier reopened, the mayor said. Crews will work all night, the mayor told "
        "reporters: go home. A ferry was damaged. Ferries return to Calder The pier is closed."
    )


def test_pointers_to_other_pages_are_blanked_news_that_starts_alike_is_not() -> None:
    text = (
        "The pier of Calder reopened on Monday.\n"
        "( Also on HARBOR POST: Ferry fares rise in May)\n"
        "SEE ALSO: Video shows the crane falling\n"
        "Related: Calder's port budget explained\n"
        "Also on hand: 200 dock workers cheered the first ferry.\n"
    )
    assert " ".join(blank_noise(text).split()) == (
        "The pier of Calder reopened on Monday. Also on hand: 200 dock workers cheered the "
        "first ferry."
    )
