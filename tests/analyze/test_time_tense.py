"""The verb nearest a date, starts and limits, and days counted from a day."""

from __future__ import annotations

from datetime import date

import pytest

from storylens.analyze.time import find_times

WED = date(2024, 3, 6)  # a Wednesday
FRI = date(2024, 3, 8)


def value_of(sentence: str, surface: str, anchor: date = WED) -> str:
    found = {t.text: t.value for t in find_times(sentence, anchor)}
    return found[surface]


@pytest.mark.parametrize(
    "sentence",
    [
        "Staff, who will be paid double, were ordered to work over the weekend.",
        "The bakery, expected to reopen next week, kept its ovens running through the weekend.",
        "The club that will host the final trained its juniors this weekend.",
    ],
)
def test_a_past_verb_nearest_the_weekend_wins_over_a_cue_further_back(sentence: str) -> None:
    surface = "this weekend" if "this weekend" in sentence else "the weekend"
    assert value_of(sentence, surface, FRI) == "2024-W09-WE"  # March 2-3, not 9-10


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The ferry company will cut its crossings over the weekend.", "the weekend"),
        ("The council might not vote until this weekend.", "this weekend"),
        ("Growers have gathered for their fair in Ames, Iowa, this weekend.", "this weekend"),
        ("The mayor was in Salem, which holds its parade this weekend.", "this weekend"),
    ],
)
def test_a_weekend_still_ahead_stays_ahead(sentence: str, surface: str) -> None:
    assert value_of(sentence, surface, FRI) == "2024-W10-WE"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The ban on night flights takes effect from Monday.", "Monday", "2024-03-11"),
        ("The rail line will halt trains from Tuesday.", "Tuesday", "2024-03-12"),
        ("The mayor's resignation, effective Saturday, surprised the council.", "Saturday",
         "2024-03-09"),
        ("She gets her chance starting Tuesday.", "Tuesday", "2024-03-12"),
        ("In Tulsa, host of the fair beginning Monday, hotels are full.", "Monday", "2024-03-11"),
        ("A quarrel over seats could delay the vote past Saturday.", "Saturday", "2024-03-09"),
        ("Negotiators met in an effort to keep the port open past Thursday.", "Thursday",
         "2024-03-07"),
        # A past verb nearest the start keeps it behind.
        ("The village, which had come under shelling, starting Friday, was quiet.", "Friday",
         "2024-03-01"),
        ("Inspectors were going door to door starting Monday.", "Monday", "2024-03-04"),
        # "this past Saturday" and "the past Saturday" are the last one.
        ("The fair closed this past Saturday.", "past Saturday", "2024-03-02"),
    ],
)  # fmt: skip
def test_a_start_or_a_limit_points_forward(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The hearing is a week from Monday.", "a week from Monday", "2024-03-18"),
        ("The trial opens two weeks from today.", "two weeks from today", "2024-03-20"),
        ("Voters go to the polls three weeks from Wednesday.", "three weeks from Wednesday",
         "2024-03-27"),
        ("The ruling is due a week from tomorrow.", "a week from tomorrow", "2024-03-14"),
        ("The lease ends one month from today.", "one month from today", "2024-04-06"),
    ],
)  # fmt: skip
def test_a_day_counted_from_another_is_one_date(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface) == value


def test_next_weekday_is_the_coming_one() -> None:
    # TempEval-3 has no "next <weekday>"; news mostly means the coming one
    # ("Indiana, which votes next Tuesday", said on a Wednesday).
    assert value_of("The board meets next Thursday.", "next Thursday") == "2024-03-07"
    assert value_of("The board meets next Wednesday.", "next Wednesday") == "2024-03-13"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The mayor is seeking to win the runoff on Tuesday.", "Tuesday", "2024-03-12"),
        ("The union wants to settle the dispute in November.", "November", "2024-11"),
        ("The team is looking to clinch the title on Sunday.", "Sunday", "2024-03-10"),
        ("Grain prices are steady heading into Friday's auction.", "Friday", "2024-03-08"),
        ("The club holds a narrow lead going into Saturday's final.", "Saturday", "2024-03-09"),
        ("Heading into Friday, the governor will tour the coast.", "Friday", "2024-03-08"),
        # Told in the past, or with the phrase opening a clause in the past.
        ("The club trailed its rival going into Monday's final.", "Monday", "2024-03-04"),
        ("Going into Monday, the club had won nine games.", "Monday", "2024-03-04"),
        # Trying, hoping and threatening mostly frame a past act.
        ("Aides were trying to spin his speech on Monday night.", "Monday night",
         "2024-03-04TNI"),
    ],
)  # fmt: skip
def test_an_aim_or_a_move_toward_a_date_points_forward(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The growers could lose their majority come November.", "November", "2024-11"),
        ("The ferry service resumes, come Monday.", "Monday", "2024-03-11"),
        ("The winner of Tuesday's runoff will face the mayor in May.", "Tuesday", "2024-03-12"),
        ("The town thinks Friday's auction is expected to draw a crowd.", "Friday", "2024-03-08"),
        # A result of the day, or a relative clause, leaves the day behind.
        ("Analysts think Tuesday's results will shape the race.", "Tuesday", "2024-03-05"),
        ("The tally from Monday's vote will be final in April.", "Monday", "2024-03-04"),
        ("He praised Monday's speech that will air again tonight.", "Monday", "2024-03-04"),
    ],
)  # fmt: skip
def test_come_and_a_possessive_day_with_a_verb_ahead_point_forward(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


def test_a_past_verb_does_not_send_a_feast_a_year_back() -> None:
    # Six days before Thanksgiving 2024 (Nov. 28): the coming one, not 2023's.
    anchor = date(2024, 11, 22)
    sentence = "The report was released quietly before Thanksgiving week."
    assert value_of(sentence, "Thanksgiving", anchor) == "2024-11-28"
    # Well after the feast, the past one stays.
    assert value_of("Sales rose at Thanksgiving.", "Thanksgiving", date(2024, 12, 20)) == (
        "2024-11-28"
    )


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The ministry in April announced another delay.", "2024-04"),
        ("The mill in December closed its doors.", "2023-12"),
        # A participle with its agent is no verb of the clause: without a cue
        # the nearer April, the coming one.
        ("Tickets for a tour in April sponsored by the museum sold out.", "2025-04"),
    ],
)
def test_a_past_verb_right_after_a_month_dates_the_event(sentence: str, value: str) -> None:
    month = next(t.text for t in find_times(sentence, date(2024, 11, 4)))
    assert value_of(sentence, month, date(2024, 11, 4)) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The governor on Friday will sign the budget.", "Friday", "2024-03-08"),
        ("The hearing on Monday is expected to run late.", "Monday", "2024-03-11"),
        ("Winning Ohio in November will be hard for her.", "November", "2024-11"),
        # A day's outcome has consequences still to come; the day is behind.
        ("Her strong showing Tuesday will help her raise money.", "Tuesday", "2024-03-05"),
        ("The senator on Monday would not rule it out.", "Monday", "2024-03-04"),
    ],
)
def test_a_date_between_a_subject_and_its_verb_ahead_is_ahead(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


def test_a_clock_time_in_a_two_letter_zone_keeps_its_weekday() -> None:
    found = {t.text: t.value for t in find_times("The vote ended at 3:15 a.m. ET Tuesday.", WED)}
    assert found == {"3:15 a.m. ET Tuesday": "2024-03-05T03:15"}


def test_up_until_looks_back() -> None:
    sentence = "Fans who believed, up until Monday night, that the coach would stay were wrong."
    assert value_of(sentence, "Monday night") == "2024-03-04TNI"
    assert value_of("The library stays shut until Monday.", "Monday") == "2024-03-11"


def test_a_second_opening_phrase_is_not_the_clause() -> None:
    sentence = "In April, ahead of the county fair, the mayor opened a new park."
    assert value_of(sentence, "April", date(2024, 11, 4)) == "2024-04"


def test_the_day_set_beside_a_weekday_is_that_weekday() -> None:
    found = {
        t.text: t.value for t in find_times("On Monday, the day before the vote, she spoke.", WED)
    }
    assert found == {"Monday": "2024-03-04", "the day": "2024-03-04"}


def test_sunday_school_is_no_day() -> None:
    assert [t.text for t in find_times("She taught Sunday school for years.", WED)] == ["years"]


def test_last_weekday_is_not_yesterday() -> None:
    # Said on a Wednesday, "last Tuesday" is the week before: yesterday would
    # be "Tuesday" or "yesterday".
    assert value_of("The board met last Tuesday.", "last Tuesday") == "2024-02-27"
    assert value_of("The board met last Monday.", "last Monday") == "2024-03-04"


def test_two_weekdays_joined_by_and_share_their_direction() -> None:
    found = {
        t.text: t.value
        for t in find_times("The panel, which meets Thursday and Friday, will set the rules.", WED)
    }
    assert found == {"Thursday": "2024-03-07", "Friday": "2024-03-08"}


def test_a_clock_time_after_until_is_a_limit_ahead() -> None:
    sentence = "The court has given the family until 9 a.m. Thursday to sign the paper."
    assert value_of(sentence, "9 a.m. Thursday") == "2024-03-07T09:00"
