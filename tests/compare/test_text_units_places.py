"""Places named with their kind: what tells one event's place from another's."""

from storylens.compare.text_units import admin_places


def test_two_places_of_one_kind_in_a_sentence_are_both_found() -> None:
    found = admin_places("Officials from Harlow County and Brenmoor County met on Tuesday.")
    assert found == {"county": {"harlow", "brenmoor"}}


def test_the_kind_is_matched_in_any_case_but_the_name_must_be_capitalized() -> None:
    assert admin_places("Shelling hit villages in West Tarrow State overnight.") == {
        "state": {"west tarrow"}
    }
    assert admin_places("the state of the roads in the region worried drivers") == {}


def test_a_sentence_opening_article_is_not_part_of_the_name() -> None:
    assert admin_places("In Kessel Province, crews cleared the road.") == {"province": {"kessel"}}
