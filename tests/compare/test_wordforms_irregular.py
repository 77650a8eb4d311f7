"""Past forms of irregular verbs meet their base form, as regular ones meet at their stem
("kept" / "keeping", "began" / "begin"), so two outlets telling one event in different
tenses share its word."""

from __future__ import annotations

from storylens.compare.wordforms import content_stems, stem


def test_irregular_past_forms_meet_their_base_form() -> None:
    assert stem("kept") == stem("keeping") == stem("keep")
    assert stem("began") == stem("begin") == stem("begun")
    assert stem("fled") == stem("flee")
    # Regular verbs are unchanged.
    assert stem("closed") == stem("closing")


def test_two_tenses_of_one_event_share_their_words() -> None:
    kept = set(content_stems("Crews kept the flames away from the tanks."))
    keeping = set(content_stems("Firefighters spent hours keeping flames away from the tanks."))
    assert stem("keep") in kept & keeping


def test_no_before_a_number_is_a_number_sign_not_a_negation() -> None:
    from storylens.compare.wordforms import is_negated, words

    assert words("the man described as Suspect No. 2") == [
        "the",
        "man",
        "described",
        "as",
        "suspect",
        "2",
    ]
    assert not is_negated(words("the man described as Suspect No. 2"))
    assert is_negated(words("No arrests were made, police said."))
