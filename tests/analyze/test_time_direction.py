"""Which year a date without one falls in, and what the clause's tense says."""

from __future__ import annotations

from datetime import date

import pytest

from storylens.analyze.time import find_times

WED = date(2024, 3, 6)  # a Wednesday


def value_of(sentence: str, surface: str, anchor: date = WED) -> str:
    found = {t.text: t.value for t in find_times(sentence, anchor)}
    return found[surface]


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # A past verb reporting an arrangement for the coming weeks.
        ("The bid was extended to March 20.", "March 20", "2024-03-20"),
        ("The court gave the family until April to appeal.", "April", "2024-04"),
        # A past verb and a date well within the last months stays past.
        ("The bid was extended on Feb. 20.", "Feb. 20", "2024-02-20"),
        ("Flooding hit the valley on Oct. 7.", "Oct. 7", "2023-10-07"),
        # Far ahead, the past one stays: half a year back is still recent.
        ("Prices fell on Sept. 1.", "Sept. 1", "2023-09-01"),
    ],
)
def test_past_verbs_and_near_future_deadlines(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface) == value


def test_a_clause_opening_date_takes_the_tense_of_its_regular_past_verb() -> None:
    # Seen from early November, the coming February is nearer than the last
    # one, but the clause it opens is in the past tense.
    anchor = date(2023, 11, 2)
    assert value_of("In February, the firm changed its name.", "February", anchor) == "2023-02"
    assert value_of("In February, the firm will change its name.", "February", anchor) == "2024-02"


def test_a_clause_opening_weekday_reads_past_a_long_subject_to_its_verb() -> None:
    sentence = (
        "On Tuesday, the National Association of Small Rural Water Utility Boards plans to "
        "hold a news conference."
    )
    assert value_of(sentence, "Tuesday") == "2024-03-12"


def test_a_compound_adjective_is_no_past_verb() -> None:
    # "Republican-led" and "GOP-held" hold a past form, "GOP-controlled" an -ed word:
    # adjectives, not the verb of the clause.
    sentence = "On Friday, the Republican-led committee will hold the first hearing."
    assert value_of(sentence, "Friday") == "2024-03-08"
    sentence = "On Friday, the GOP-controlled panel will vote on the bill."
    assert value_of(sentence, "Friday") == "2024-03-08"
    sentence = "The party needs 25 GOP-held seats to win back the House in November."
    assert value_of(sentence, "November", date(2024, 6, 12)) == "2024-11"


def test_a_plan_in_the_past_perfect_has_its_day_behind_it() -> None:
    assert value_of("The offer had been scheduled to expire Friday.", "Friday") == "2024-03-01"
    assert value_of("The offer is scheduled to expire Friday.", "Friday") == "2024-03-08"


def test_a_clock_time_is_on_the_day_named_a_sentence_before() -> None:
    text = "The fire started on Feb. 12, 2024. Crews arrived at 10 p.m. and worked all night."
    assert value_of(text, "10 p.m.") == "2024-02-12T22:00"


def test_a_clock_time_reads_its_day_past_another_time_zone() -> None:
    # The day after the other time zone is the time's day: the Thursday before.
    text = "The blast occurred at about 10:35 a.m. (0735 GMT) Thursday, toppling a building."
    assert value_of(text, "10:35 a.m.") == "2024-02-29T10:35"


def test_a_period_that_ended_on_a_date_ended_before() -> None:
    # Late in the year, Jan. 31 is nearer ahead, but "ended" looks back.
    text = "In the fiscal year ended Jan. 31, the chain earned $2 million."
    assert value_of(text, "Jan. 31", date(2023, 10, 31)) == "2023-01-31"


def test_expected_inside_a_compound_is_no_cue_forward() -> None:
    text = "Shares fell after the firm reported lower-than-expected sales after the close Tuesday."
    assert value_of(text, "Tuesday") == "2024-03-05"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # A recap from the next year appended to the article: in 2024, May 2
        # is a Thursday; in 2025 it is a Friday.
        (
            "The governor entered the race on Friday, May 2, in a video.",
            "Friday, May 2",
            "2025-05-02",
        ),
        ("The rally was held on Saturday, 2 March.", "Saturday, 2 March", "2024-03-02"),
        # A weekday that fits neither neighbouring year is a typo: the date stays.
        ("The plant closed on Tuesday, Feb. 12.", "Tuesday, Feb. 12", "2024-02-12"),
    ],
)
def test_a_printed_weekday_picks_the_year_of_a_date_without_one(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # The first plan of several is behind the article, not ahead of it.
        (
            "The runoff, initially scheduled for Feb. 20, was moved to June.",
            "Feb. 20",
            "2024-02-20",
        ),
        ("The hearing, originally set for Monday, was put off.", "Monday", "2024-03-04"),
        # Without the marker, a scheduled date is ahead.
        ("The hearing is set for Monday.", "Monday", "2024-03-11"),
    ],
)
def test_an_original_plan_is_past(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # The date after the addressee of a reporting verb is the saying's.
        ("Her office told CNN Friday she will step down.", "Friday", "2024-03-01"),
        ("He told reporters Monday the mill would reopen.", "Monday", "2024-03-04"),
        # A clause after the verb dates its own event.
        ("She told reporters it will close Friday.", "Friday", "2024-03-08"),
    ],
)
def test_a_date_after_the_addressee_of_told_is_the_saying_s(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


def test_a_comma_inside_a_number_ends_no_clause() -> None:
    sentence = "The House is slated to pass the 1,200-page bill Friday."
    assert value_of(sentence, "Friday") == "2024-03-08"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # A quoted title or phrase inside the clause is no clause boundary.
        ("The senator is set to appear on “Morning Desk” on Friday.", "Friday", "2024-03-08"),
        (
            "The minister told “Radio Nord” on Monday that talks will resume.",
            "Monday",
            "2024-03-04",
        ),
    ],
)
def test_a_short_quotation_inside_a_clause_is_no_boundary(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("An interview to be aired Sunday covers the war.", "Sunday", "2024-03-10"),
        ("The judge ordered the mayor to be arraigned on Friday.", "Friday", "2024-03-08"),
        # Further back, the infinitive belongs to another verb.
        (
            "The plant appeared to be finished when it shut late Monday.",
            "late Monday",
            "2024-03-04",
        ),
    ],
)
def test_a_passive_infinitive_right_before_a_date_points_forward(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        (
            "If the mayor loses on Tuesday, the council will pick a successor.",
            "Tuesday",
            "2024-03-12",
        ),
        # A condition with a past outcome stays in the past.
        ("If the mayor lost on Tuesday, nobody noticed.", "Tuesday", "2024-03-05"),
    ],
)
def test_a_condition_on_a_date_with_a_future_outcome_is_ahead(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # The present tense of a verb of starting, right before the day,
        # announces what is scheduled.
        ("The summit, which begins Monday in Oslo, will focus on trade.", "Monday", "2024-03-11"),
        ("The new parliament convenes on Tuesday.", "Tuesday", "2024-03-12"),
        ("The trial officially opens on Friday.", "Friday", "2024-03-08"),
        # Not a verb of starting: the default stands.
        ("The senator votes Monday, aides said.", "Monday", "2024-03-04"),
    ],
)
def test_a_present_verb_of_starting_schedules_the_day(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # The cue forward belongs to another verb: a year ahead is not meant.
        ("The mayor delayed signing the bill passed on Feb. 20.", "Feb. 20", "2024-02-20"),
        ("The firm said in January it would cut jobs.", "January", "2024-01"),
        # A cue forward with a date within the year stays ahead.
        ("The firm will cut jobs on Dec. 20.", "Dec. 20", "2024-12-20"),
        ("The firm will cut jobs in April.", "April", "2024-04"),
    ],
)
def test_a_cue_forward_does_not_reach_a_year_ahead(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "anchor"),
    [
        # Seen from mid-May, July is nearer ahead, but the event is told as past.
        ("The chief testified in July about the leak.", "July", "2023-07", date(2024, 5, 16)),
        ("The board fired him in June.", "June", "2023-06", date(2024, 5, 16)),
        # A state in the present, or a verb after "to be", does not look back.
        ("The plan is doomed in July, critics say.", "July", "2024-07", date(2024, 5, 16)),
        ("He deserves to be defeated in July.", "July", "2024-07", date(2024, 5, 16)),
    ],
)
def test_a_past_verb_right_before_in_month_looks_back(
    sentence: str, surface: str, value: str, anchor: date
) -> None:
    assert value_of(sentence, surface, anchor) == value


def test_as_expected_confirms_the_past() -> None:
    assert value_of("Two primaries went exactly as expected Tuesday.", "Tuesday") == "2024-03-05"
    assert value_of("The vote is expected Tuesday.", "Tuesday") == "2024-03-12"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # The date sits in an opening phrase; the clause after the comma is its.
        ("After the caucuses on Monday, attention will shift north.", "Monday", "2024-03-11"),
        ("In the hearing on Friday, the judge ruled for the city.", "Friday", "2024-03-01"),
    ],
)
def test_a_date_in_an_opening_phrase_takes_the_clause_after_it(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # "following" before a possessive weekday is the preposition "after":
        # the day is that Monday, not the Monday after the one the text is at.
        ("Shares fell following Monday's recall of the pumps.", "Monday", "2024-03-04"),
        (
            "Crews cleared the roads following Tuesday night's storm.",
            "Tuesday night",
            "2024-03-05TNI",
        ),
        # "the following Friday" still counts on from the day the text is at.
        (
            "The mayor left on Monday and returned the following Friday.",
            "the following Friday",
            "2024-03-08",
        ),
    ],
)
def test_following_before_a_possessive_weekday_means_after_it(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # A past verb right before the day dates the event, even with a modal
        # further back in the clause.
        (
            "How would the mayor answer a letter released Friday by the union?",
            "Friday",
            "2024-03-01",
        ),
        ("The plan, unveiled Monday, will raise fares.", "Monday", "2024-03-04"),
        ("Nobody knows what happened on Tuesday at the depot.", "Tuesday", "2024-03-05"),
        # Not in a clause of time, whose verb a reported future puts in the past,
        # nor after a modal or a negation.
        ("Traders said they would sell as soon as trading opened Monday.", "Monday", "2024-03-11"),
        ("The club will be stronger if it can't hit them Saturday.", "Saturday", "2024-03-09"),
    ],
)
def test_a_past_verb_right_before_a_weekday_dates_the_event(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


def test_a_negated_participle_before_in_month_is_no_past_event() -> None:
    # Said in July: "isn't elected in November" is the coming November.
    anchor = date(2024, 7, 10)
    sentence = "If the senator isn't elected in November, the seat goes to a rival."
    assert value_of(sentence, "November", anchor) == "2024-11"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # A reporting verb in the passive names the act of the date, which is
        # still to come, not the date of a saying.
        ("The winner, to be announced March 20, will lead the party.", "March 20", "2024-03-20"),
        ("The verdict will be announced on Friday.", "Friday", "2024-03-08"),
        # "say" the noun reports nothing.
        ("Voters will have the final say Nov. 5.", "Nov. 5", "2024-11-05"),
        # The reporting verb itself still dates the saying.
        ("The mayor announced Friday that the bridge will close.", "Friday", "2024-03-01"),
    ],
)
def test_a_passive_reporting_verb_is_no_date_of_saying(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "anchor"),
    [
        # "before" points at what is still to come far more often than not.
        (
            "Party leaders want a deal before the November election.",
            "November",
            "2024-11",
            date(2024, 6, 10),
        ),
        (
            "The board hopes to finish the review before Christmas.",
            "Christmas",
            "2024-12-25",
            date(2024, 2, 1),
        ),
        (
            "Volunteers are knocking on doors before polls open Tuesday.",
            "Tuesday",
            "2024-03-12",
            WED,
        ),
        # Appearing before a body is told of the past.
        (
            "The envoy testified before Congress in May about the talks.",
            "May",
            "2023-05",
            date(2024, 2, 1),
        ),
    ],
)
def test_before_is_no_cue_to_the_past(
    sentence: str, surface: str, value: str, anchor: date
) -> None:
    assert value_of(sentence, surface, anchor) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # Said in October: "back in March" looks back...
        ("The mayor first floated the plan back in March.", "March", "2024-03"),
        ("Back in January, the council voted it down.", "January", "2024-01"),
        # ...unless "back" is a return still to come.
        ("The bill waits until the Senate comes back in January.", "January", "2025-01"),
    ],
)
def test_back_in_a_month_looks_back(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface, date(2024, 10, 15)) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # Said in October: "since" and "died in" look back whatever follows.
        ("He will not discuss the plan he has pushed since January.", "January", "2024-01"),
        ("Her husband, who died in December, will be buried beside her.", "December", "2023-12"),
        ("It was in November that the talks collapsed.", "November", "2023-11"),
    ],
)
def test_since_and_past_copulas_before_a_month_look_back(
    sentence: str, surface: str, value: str
) -> None:
    assert value_of(sentence, surface, date(2024, 10, 15)) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # Said in May: "announced in September that ..." dates the announcement.
        ("The governor announced in September that she would not run.", "September", "2023-09"),
        ("The minister told reporters in November that talks would resume.", "November", "2023-11"),
    ],
)
def test_said_in_a_month_dates_the_saying(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface, date(2024, 5, 20)) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # "until <day>" with no past verb ends a span still running...
        ("The council has until Friday to decide.", "Friday", "2024-03-08"),
        ("The Senate is in recess until Monday.", "Monday", "2024-03-11"),
        # ...but a past or negated past verb keeps it behind.
        ("The clinic didn't reopen until Monday.", "Monday", "2024-03-04"),
        ("Crews worked until Monday, when the road reopened.", "Monday", "2024-03-04"),
    ],
)
def test_until_a_weekday_ends_a_running_span(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # An obligation points forward: the deadline is still to come...
        ("The council must approve the budget by Oct. 1.", "Oct. 1", "2024-10-01"),
        ("The port needs to reopen by Oct. 1.", "Oct. 1", "2024-10-01"),
        # ...but "must have" looks back.
        ("The fire must have started on Oct. 1.", "Oct. 1", "2023-10-01"),
    ],
)
def test_an_obligation_points_to_a_coming_deadline(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface) == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # An opening phrase without a verb: the clause it opens tells the tense.
        ("After the first rally this weekend, an aide claimed the mayor had won.", "2024-W09-WE"),
        ("This weekend, the council voted to close the pier.", "2024-W09-WE"),
        # Not a quotation's frame, nor a present passive: those say nothing of the past.
        ('"We are close to a deal, maybe this weekend," he added.', "2024-W10-WE"),
        ("This weekend, voters are being asked to back the harbor plan.", "2024-W10-WE"),
    ],
)
def test_the_clause_an_opening_weekend_opens_tells_which_one(sentence: str, value: str) -> None:
    assert value_of(sentence, "this weekend" if "this weekend" in sentence else "This weekend") == (
        value
    )


def test_a_place_with_its_state_between_commas_does_not_cut_the_clause() -> None:
    # Monday 2014-08-18: "will travel ... on Wednesday" is the coming Wednesday, as it is
    # without the state; the commas of "Ferguson, Missouri," open no clause.
    published = date(2014, 8, 18)
    for text in (
        "Holder will travel to Ferguson, Missouri, on Wednesday.",
        "Ministers are expected to meet in Calder, Mo., on Wednesday.",
    ):
        [wednesday] = [t for t in find_times(text, published) if t.text == "Wednesday"]
        assert wednesday.value == "2014-08-20", text
    [past] = find_times("Holder traveled to Ferguson, Missouri, on Wednesday.", published)
    assert past.value == "2014-08-13"


def test_in_advance_of_points_forward_as_ahead_of_does() -> None:
    published = date(2014, 8, 19)  # a Tuesday
    for text in (
        "Holder wrote an op-ed in advance of his trip to Calder on Wednesday.",
        "Troops cleared the roads in advance of Saturday's presidential election.",
    ):
        [day] = find_times(text, published)
        assert day.value > "2014-08-19", text


def test_a_clock_time_or_an_initialism_ends_no_clause_and_next_to_is_a_place() -> None:
    published = date(2018, 5, 9)  # a Wednesday
    [greet] = find_times(
        "Trump said he would greet the three men at the base at 2 a.m. Thursday morning.",
        published,
    )
    assert greet.value.startswith("2018-05-10")
    [court] = find_times(
        "They were scheduled to appear in U.S. District Court in Calder on Friday.", published
    )
    assert court.value == "2018-05-11"
    [beside] = find_times("He stood next to the president Monday at the ceremony.", published)
    assert beside.value == "2018-05-07"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        # A modal before the date, with no past verb between, points forward.
        ("Senators could vote on the bill Tuesday.", "Tuesday", "2024-03-12"),
        ("The committee may vote Thursday.", "Thursday", "2024-03-07"),
        ("The firm might cut prices in November.", "November", "2024-11"),
        ("Turnout could turn on Friday's debate.", "Friday", "2024-03-08"),
        # A negation, a perfect, an attempt made, or a question of the past looks back.
        ("The mayor could not be reached for comment Monday.", "Monday", "2024-03-04"),
        ("He may have left the city Tuesday.", "Tuesday", "2024-03-05"),
        ("Neither man could be located Monday.", "Monday", "2024-03-04"),
        ("Could we have done better Friday?", "Friday", "2024-03-01"),
        # A past verb between the modal and the date is the date's verb.
        (
            "Officials could take the step after the council approved the plan Friday.",
            "Friday",
            "2024-03-01",
        ),
        ("Rates could include cases back in January.", "January", "2024-01"),
        # A modal in the clause a date opens tells what follows from that day.
        ("Friday's filing suggests the aide may be helping.", "Friday", "2024-03-01"),
        # A forecast points forward as a modal does.
        ("The bill is likely to pass the Senate on Thursday.", "Thursday", "2024-03-07"),
        ("The mayor is sure to face questions at a hearing Friday.", "Friday", "2024-03-08"),
        # "May" in capitals is the month.
        ("Visitors came in May to see it.", "May", "2023-05"),
    ],
)
def test_a_modal_before_a_date_points_forward(sentence: str, surface: str, value: str) -> None:
    assert value_of(sentence, surface) == value
