"""Events and quote dates from invented articles; entities come from real spaCy NER."""

from __future__ import annotations

from datetime import date

import pytest

from storylens.analyze.events import date_quotes, event_kind, find_events
from storylens.analyze.text import split_sentences
from storylens.analyze.time import find_times
from storylens.model import Event, Mention, Person, Quote, Span, Speaker

TEXT = (
    "Trade envoy Maria Lopez met Finance Minister Arun Patel and central bank chief Tom Berg "
    "at the Treasury on Monday.\n"
    'On Sunday, she called on lenders to "act now" and warned of "a lost decade".\n'
    "Lopez is expected to speak with Prime Minister Ana Silva on Thursday.\n"
    "The envoy arrived after last month's Oct. 2 summit collapsed.\n"
    'Later on Monday, after a meeting with opposition leader Karl Ode, Lopez said "talks were frank," '
    "aides said."
)
ANCHOR = date(2024, 10, 15)  # a Tuesday


@pytest.fixture(scope="module")
def entities() -> list[Mention]:
    from storylens.analyze.nlp import load_nlp

    doc = load_nlp()(TEXT)
    return [Mention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]


def _quote(text: str, content: str, cue: str, speaker: str) -> Quote:
    start = text.index(content)
    cue_start = text.index(cue)
    return Quote(
        content, start, start + len(content), "partial", Speaker(speaker),
        Span(cue, cue_start, cue_start + len(cue)),
    )  # fmt: skip


PEOPLE = [
    Person("Maria Lopez", ["Lopez", "the envoy", "she"]),
    Person("Arun Patel"),
    Person("Ana Silva"),
]


def _events(entities: list[Mention], quotes: list[Quote] | None = None) -> list[Event]:
    sentences = split_sentences(TEXT)
    times = find_times(TEXT, ANCHOR, inferred=True, sentences=sentences)
    return find_events(TEXT, sentences, entities, PEOPLE, quotes or [], times)


def _on(events: list[Event], day: str, kind: str) -> list[Event]:
    return [e for e in events if e.date == day and e.kind == kind]


def test_meeting_with_participants_place_and_inferred_date(entities: list[Mention]) -> None:
    meetings = _on(_events(entities), "2024-10-14", "meeting")
    first = next(e for e in meetings if "Treasury" in e.text)
    assert {"Maria Lopez", "Arun Patel"} <= set(first.participants)
    assert first.place == "Treasury"
    assert first.inferred is True


def test_a_second_meeting_the_same_day_stays_apart(entities: list[Mention]) -> None:
    meetings = _on(_events(entities), "2024-10-14", "meeting")
    later = next(e for e in meetings if "Ode" in e.text)
    assert "Arun Patel" not in later.participants
    assert "Maria Lopez" in later.participants


def test_scheduled_event_in_the_future(entities: list[Mention]) -> None:
    scheduled = _on(_events(entities), "2024-10-17", "scheduled")
    assert scheduled and "Ana Silva" in scheduled[0].participants


def test_date_used_as_a_modifier_names_its_own_happening(entities: list[Mention]) -> None:
    summit = _on(_events(entities), "2024-10-02", "occurrence")
    assert [e.text for e in summit] == ["month's Oct. 2 summit"]


def test_pronoun_statement_takes_the_quoted_speaker(entities: list[Mention]) -> None:
    quote = _quote(TEXT, "act now", "she called on lenders", "Maria Lopez")
    statements = _on(_events(entities, [quote]), "2024-10-13", "statement")
    assert statements and statements[0].participants == ["Maria Lopez"]


def test_date_quotes_ties_quotes_to_opening_or_adjacent_dates() -> None:
    times = find_times(TEXT, ANCHOR)
    opening = _quote(TEXT, "act now", "she called on lenders", "Maria Lopez")
    second = _quote(TEXT, "a lost decade", "warned of", "Maria Lopez")
    later = _quote(TEXT, "talks were frank,", "Lopez said", "Maria Lopez")
    date_quotes(TEXT, [opening, second, later], times)
    assert opening.date == "2024-10-13"
    assert second.date == "2024-10-13"
    assert later.date == "2024-10-14"


def test_date_inside_a_reported_clause_does_not_date_the_saying() -> None:
    text = 'The minister said in an interview that the plant would reopen, as promised, on Friday "soon".'
    quote = _quote(text, "soon", "The minister said", "Minister")
    quote.cue = Span("said", text.index("said"), text.index("said") + 4)
    date_quotes(text, [quote], find_times(text, ANCHOR))
    assert quote.date is None


def test_tweet_becomes_a_dated_statement_by_its_author() -> None:
    text = "Intro line.\nWe stand with the workers. pic.twitter.com/x — Ana Silva (@anasilva) October 12, 2024\n"
    events = find_events(text, split_sentences(text), [], PEOPLE, [], find_times(text, ANCHOR))
    tweets = [e for e in events if e.kind == "statement" and e.date == "2024-10-12"]
    assert len(tweets) == 1
    assert tweets[0].participants == ["Ana Silva"]
    assert tweets[0].inferred is False


def test_event_kind_words() -> None:
    assert event_kind("The two leaders met in Oslo.", future=False) == "meeting"
    assert event_kind("The ministry announced new tariffs.", future=False) == "announcement"
    assert event_kind("He said the plan had failed.", future=False) == "statement"
    assert event_kind("A storm hit the coast.", future=False) == "occurrence"
    assert event_kind("The leaders met in Oslo.", future=True) == "scheduled"


def _plain_events(text: str, anchor: date) -> list[Event]:
    sentences = split_sentences(text)
    return find_events(text, sentences, [], [], [], find_times(text, anchor, sentences=sentences))


def test_a_date_a_comparison_reaches_back_to_is_no_event() -> None:
    text = (
        "Shares of Calder Mining fell 9% on Friday, their worst day since March 3. "
        "It was the first time since Jan. 12 that the mine shut. "
        "The mine has been closed since Monday."
    )
    events = _plain_events(text, date(2031, 5, 10))  # a Saturday
    assert sorted(e.date for e in events if e.date) == ["2031-05-05", "2031-05-09"]


def test_two_names_of_one_day_in_a_sentence_make_one_event() -> None:
    text = "The port of Calder was closed on Wednesday for New Year's Day, officials said."
    events = _plain_events(text, date(2031, 1, 3))  # a Friday; Jan. 1 is a Wednesday
    assert [(e.date, e.text) for e in events] == [("2031-01-01", text)]


def test_coverage_words_update_stamps_and_stubs_make_no_event() -> None:
    text = (
        "Thursday's developments surprised the council of Calder. "
        "Today's report from the harbour board was late. "
        "Updated at 9:09 a.m. on Friday. "
        "The council may vote on Thursday or Friday. "
        "Wednesday's vote passed narrowly. "
        "A baker said Friday's sales were down by half."
    )
    events = _plain_events(text, date(2031, 5, 10))  # a Saturday
    texts = [e.text for e in events]
    assert "Wednesday's vote" in texts  # a happening the date names stays
    assert "The council may vote on Thursday" in texts  # cut where the other date starts
    assert not [
        t for t in texts if "developments" in t or "report" in t or "Updated" in t or "sales" in t
    ]
    assert "Friday." not in texts  # no stub cut from its sentence


def test_an_adjective_before_the_head_noun_is_kept_with_it() -> None:
    text = (
        "Before Tuesday's national vote, the mayor of Calder spoke to reporters. "
        "Monday's hearing could last a week, a clerk in Calder said."
    )
    events = _plain_events(text, date(2031, 5, 10))
    texts = [e.text for e in events]
    assert "Tuesday's national vote" in texts
    assert "Monday's hearing" in texts  # "could" is no noun of the phrase


def test_reported_speech_is_dated_by_its_sentence_not_listed_again() -> None:
    text = (
        "The harbor board of Calder agreed to the plan late Sunday night. "
        "The council said it would vote on the measure."
    )
    sentences = split_sentences(text)
    times = find_times(text, date(2031, 5, 6), sentences=sentences)  # a Tuesday
    content = "it would vote on the measure"
    start = text.index(content)
    quote = Quote(content, start, start + len(content), "indirect", Speaker("the council"))
    quote.date = "2031-05-04"  # as a text may tie it to the day before
    events = find_events(text, sentences, [], [], [quote], times)
    assert [e.date for e in events] == ["2031-05-04"]
    assert not [e for e in events if "it would vote" in e.text]


def test_a_date_in_undated_quoted_words_is_inferred() -> None:
    text = (
        "The mayor opened the new bridge on Monday.\n"
        'Recalling the flood, Ana Silva said: "The river took our homes on Sunday and we '
        'rebuilt them."\n'
        '"We open the school today," Arun Patel said on Tuesday.\n'
    )
    times = find_times(text, ANCHOR)
    flood = _quote(
        text, "The river took our homes on Sunday and we rebuilt them.", "said", "Ana Silva"
    )
    school = _quote(text, "We open the school today,", "Arun Patel said", "Arun Patel")
    for q in (flood, school):
        q.kind = "direct"
    date_quotes(text, [flood, school], times)
    assert flood.date is None and school.date == "2024-10-15"
    events = find_events(text, split_sentences(text), [], PEOPLE, [flood, school], times)
    # The narrator's Monday is counted from the publication date, a stated one.
    bridge = next(e for e in events if e.text.startswith("The mayor"))
    assert (bridge.date, bridge.inferred) == ("2024-10-14", False)
    # Sunday in words said who knows when rests on a guess.
    river = next(e for e in events if "river" in e.text)
    assert river.date == "2024-10-13" and river.inferred
    # "today" in words the text dates to Tuesday is that Tuesday, certain.
    today = [e for e in events if "school" in e.text and e.date == "2024-10-15"]
    assert today and not any(e.inferred for e in today)


def test_a_speaker_label_is_no_part_of_the_event() -> None:
    text = "Flood Talks\nNORA QUILL: The river rose four feet in Harlow on Monday.\n"
    events = find_events(text, split_sentences(text), [], PEOPLE, [], find_times(text, ANCHOR))
    assert [(e.date, e.text) for e in events] == [
        ("2024-10-14", "The river rose four feet in Harlow on Monday.")
    ]


def test_a_question_the_writer_asks_is_no_event() -> None:
    text = (
        "What is the mayor up to tonight? She attended a dinner at the Calder pier on "
        'Monday. Reporters asked on Monday: "Who pays for this?"'
    )
    events = _plain_events(text, date(2031, 5, 7))  # a Wednesday
    texts = [e.text for e in events]
    assert not [t for t in texts if "up to tonight" in t]
    assert "She attended a dinner at the Calder pier on Monday." in texts
    assert any(t.startswith("Reporters asked on Monday") for t in texts)  # a quoted question


def test_a_date_naming_a_level_or_a_person_is_no_event() -> None:
    text = (
        "Shares of Calder Freight ended well above Monday's level in late trading. "
        "The Aug. 12 whistleblower in Calder wrote to the council. "
        "Tuesday's hearing in Calder ran long."
    )
    texts = [e.text for e in _plain_events(text, date(2031, 8, 20))]
    assert "Tuesday's hearing" in texts
    assert not [t for t in texts if "level" in t or "whistleblower" in t]


def test_a_noun_before_the_events_own_is_kept_with_it() -> None:
    text = "Calder's mayor defended Monday's phone call with the governor of Calder."
    texts = [e.text for e in _plain_events(text, date(2031, 8, 20))]
    assert "Monday's phone call" in texts


def test_an_event_on_next_weekday_keeps_the_other_day_it_may_be() -> None:
    text = (
        "The harbour board of Calder will hold a hearing on the closure next Thursday. "
        "The board met on Monday to review the inspection."
    )
    events = _plain_events(text, date(2031, 5, 6))  # a Tuesday
    hearing = next(e for e in events if "hearing" in e.text)
    meeting = next(e for e in events if "met" in e.text)
    assert (hearing.date, hearing.alternative_date) == ("2031-05-08", "2031-05-15")
    assert (meeting.date, meeting.alternative_date) == ("2031-05-05", None)


def test_a_sentence_with_two_dates_is_cut_where_a_clause_opens() -> None:
    text = (
        "Chief Executive Ilse Marrow said on Tuesday that the breach was found on Nov. 3. "
        "Traffic was backed up for much of Monday evening, and police said they would post "
        "officers along the detour later on Tuesday."
    )
    events = _plain_events(text, date(2031, 11, 11))  # a Tuesday
    assert [(e.date, e.text) for e in events] == [
        ("2031-11-11", "Chief Executive Ilse Marrow said on Tuesday"),
        ("2031-11-03", "the breach was found on Nov. 3."),
        ("2031-11-10", "Traffic was backed up for much of Monday evening"),
        (
            "2031-11-11",
            "and police said they would post officers along the detour later on Tuesday.",
        ),
    ]


def test_a_span_given_by_its_two_days_is_one_event() -> None:
    text = (
        "A harbor survey taken between Aug. 28 and Sept. 4 found most riders unhappy. "
        "The ferry fair runs from Oct. 7 to Oct. 10 on the east pier. "
        "The levy expires on Wednesday—the day after the council vote."
    )
    events = _plain_events(text, date(2031, 9, 30))
    spans = [(e.date, e.date_end) for e in events]
    assert ("2031-08-28", "2031-09-04") in spans
    assert ("2031-10-07", "2031-10-10") in spans
    assert not any(e.text.startswith(("and Sept. 4", "to Oct. 10")) for e in events)
    # An em dash sets off what the day is, no span.
    levy = [e for e in events if "levy expires" in e.text]
    assert levy and levy[0].date_end is None


def test_a_day_moved_to_another_is_no_span() -> None:
    text = "The council vote was postponed from Oct. 7 to Oct. 10 after the storm."
    events = _plain_events(text, date(2031, 9, 30))
    assert all(e.date_end is None for e in events)


def test_two_days_in_a_row_are_one_span_and_two_days_apart_two_events() -> None:
    text = (
        "The ferry levy fell Tuesday and Wednesday, then rose again. "
        "The council met Monday and Thursday to discuss the levy."
    )
    events = _plain_events(text, date(2031, 9, 26))  # a Friday
    spans = [(e.date, e.date_end) for e in events]
    assert ("2031-09-23", "2031-09-24") in spans
    assert ("2031-09-22", None) in spans and ("2031-09-25", None) in spans
