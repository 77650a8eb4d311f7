"""The cheap sentence filter in front of the parser."""

from __future__ import annotations

from storylens.analyze.cues import is_candidate


def test_bare_noun_like_cue_counts_after_an_auxiliary_or_subject() -> None:
    assert is_candidate("The board members did support the plan.")
    assert is_candidate("They claim the vote was rigged.")


def test_bare_noun_like_word_alone_is_not_a_cue() -> None:
    assert not is_candidate("The support beams of the bridge were replaced.")
    assert not is_candidate("The state budget grew by four percent.")


def test_ways_of_saying_without_a_cue_verb_make_a_candidate() -> None:
    assert is_candidate("As the mayor put it, the bridge is the town's front door.")
    assert is_candidate("In the curator's words, people want to see the past.")
    assert not is_candidate("Some words were painted on the bridge.")


def test_a_that_clause_makes_a_candidate() -> None:
    # Stance words outside the lexicon ('optimistic that') are read off the parse.
    assert is_candidate("Harbor workers are optimistic that the cranes will arrive.")
    assert not is_candidate("Harbor workers are optimistic about the cranes.")
