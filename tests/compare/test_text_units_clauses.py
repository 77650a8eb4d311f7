"""Clause splitting of sentences into statements (invented sentences)."""

from __future__ import annotations

from storylens.compare.clauses import clause_spans
from storylens.compare.narration import quote_mark_share


def _clauses(text: str) -> list[str]:
    return [text[a:b] for a, b in clause_spans(text, 0, len(text), [])]


def test_an_anonymity_frame_stays_with_the_statement_it_introduces() -> None:
    text = (
        "A dock worker who asked not to be named because he feared for his job said the "
        "crane had failed an inspection in May."
    )
    assert _clauses(text) == [text]


def test_a_clause_opened_by_once_is_a_statement_of_its_own() -> None:
    text = (
        "The ferry service resumed on Sunday morning, once divers had checked the hull for damage."
    )
    assert _clauses(text) == [
        "The ferry service resumed on Sunday morning",
        "once divers had checked the hull for damage.",
    ]


def test_a_reason_clause_still_splits_from_an_ordinary_statement() -> None:
    text = "The market closed early on Friday because the power failed across the district."
    assert _clauses(text) == [
        "The market closed early on Friday",
        "because the power failed across the district.",
    ]


def test_as_in_a_comparison_or_after_described_does_not_open_a_clause() -> None:
    for text in (
        "Repairs could take as many as three weeks, the port authority said.",
        "The ferry links Holm Island as well as the old harbor to the mainland.",
        "It was a flood that the mayor described as one of the worst in the town's history.",
    ):
        assert _clauses(text) == [text]


def test_as_after_a_full_clause_still_opens_one() -> None:
    text = "Residents were told to stay indoors as firefighters battled a blaze at the depot."
    assert _clauses(text) == [
        "Residents were told to stay indoors",
        "as firefighters battled a blaze at the depot.",
    ]


def test_speech_is_read_from_the_quotation_marks_when_the_quote_finder_missed_it() -> None:
    assert quote_mark_share("``We will rebuild the pier by June.''") == 1.0
    # A clause that begins inside a quote ends it with the closing mark.
    assert quote_mark_share("The pier will reopen in June,'' she said.") > 0.75
    # A partial quote inside the narrator's statement stays a statement.
    assert quote_mark_share('The mayor called the delay "inexcusable" on Monday.') < 0.3


def test_as_before_a_role_or_a_quotation_does_not_open_a_clause() -> None:
    for text in (
        "Lena Hart had been studying at the college as a graduate student in the harbor "
        "engineering department.",
        "Council members attacked the ferry budget plan as “a giveaway to private harbor "
        "operators,” calling it unfair.",
        "The harbor master was quoted by the local radio station as saying the old pier "
        "remained structurally safe.",
        "Officials regard the terminal as one of the best ferry terminals in northern Calder.",
        "Mayor Brink said Lena Hart will take over as acting harbor master next week.",
        "Tomas Lind was fired as interim port director after the ferry fund audit.",
        "Ada Brink resigned as treasurer of the harbor board on Monday.",
        "Lind was appointed as chief of the harbor police in March.",
    ):
        assert not [c for c in _clauses(text) if c.startswith("as ")], text


def test_a_relative_pronoun_keeps_its_clause() -> None:
    text = (
        "The ferry captain, who as officials told reporters earlier had sailed the route for "
        "twenty years, was not on board."
    )
    assert not [c for c in _clauses(text) if c.startswith("as ")]


def test_a_second_subject_and_its_verb_after_and_start_a_statement() -> None:
    text = (
        "The plant stores tons of chlorine to treat the water of Calder, and firefighters spent "
        "the night keeping the flames away from the tanks."
    )
    assert _clauses(text) == [
        "The plant stores tons of chlorine to treat the water of Calder",
        "firefighters spent the night keeping the flames away from the tanks.",
    ]
    # A verb of the same subject is no second statement, nor is "has" a subject.
    text = "The council approved the levy for the harbor, and has offered dinner to its donors."
    assert _clauses(text) == [text]


def test_a_counted_subject_after_and_opens_a_statement_of_its_own() -> None:
    text = (
        "Flames were through the roof when the first crews arrived, the chief said, and about "
        "60 firefighters from Harlow and five nearby towns spent the night at the depot."
    )
    assert _clauses(text) == [
        "Flames were through the roof when the first crews arrived, the chief said",
        "about 60 firefighters from Harlow and five nearby towns spent the night at the depot.",
    ]
    # A counted object after "and" is no subject: the sentence stays whole.
    whole = "The mayor thanked the crews, and two aides who had helped them."
    assert _clauses(whole) == [whole]
