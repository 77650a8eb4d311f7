"""find_times on invented news sentences: spans, types and values against an anchor."""

from __future__ import annotations

from datetime import date

import pytest

from storylens.analyze.time import find_times

WED = date(2024, 3, 6)  # a Wednesday


def values(text: str, anchor: date | None = WED, **kw: bool) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_times(text, anchor, **kw)}


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The mayor spoke on Monday about the budget.", "Monday", "2024-03-04"),
        ("The council voted Wednesday to close the pool.", "Wednesday", "2024-03-06"),
        ("Before Tuesday's state primary, the senator campaigned hard.", "Tuesday", "2024-03-05"),
        ("The minister will travel to Paris on Friday.", "Friday", "2024-03-08"),
        ("She is expected to meet the union leaders on Tuesday.", "Tuesday", "2024-03-12"),
        ("The board was preparing for its vote on Thursday.", "Thursday", "2024-03-07"),
        ("The ferry sank last Wednesday.", "last Wednesday", "2024-02-28"),
        ("The talks resume next Monday.", "next Monday", "2024-03-11"),
        # A clause of time in the present tense tells the future its main clause gives.
        (
            "The harbor chief is sure to come under heavy questioning on the matter when he "
            "appears at City Hall for a hearing Tuesday.",
            "Tuesday",
            "2024-03-12",
        ),
        (
            "The harbor chief came under heavy questioning on the matter when he appeared "
            "at City Hall for a hearing Tuesday.",
            "Tuesday",
            "2024-03-05",
        ),
    ],
)
def test_weekdays_are_past_or_today_unless_the_sentence_points_forward(
    sentence: str, surface: str, value: str
) -> None:
    assert values(sentence)[surface] == ("DATE", value)


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("Flooding hit the valley on Oct. 7.", "Oct. 7", "2023-10-07"),
        ("The festival opened on Feb. 28.", "Feb. 28", "2024-02-28"),
        ("The trial will open on April 2.", "April 2", "2024-04-02"),
        ("The treaty was signed on March 3, 1998.", "March 3, 1998", "1998-03-03"),
        ("Prices rose in January.", "January", "2024-01"),
        ("The plant closed in November.", "November", "2023-11"),
        ("It was built in 1987 and sold in the 1990s.", "1987", "1987"),
        ("It was built in 1987 and sold in the 1990s.", "the 1990s", "199"),
        ("Sales fell last year.", "last year", "2023"),
        ("Sales fell last month.", "last month", "2024-02"),
        ("Officials met this week.", "this week", "2024-W10"),
        ("Rain fell over the weekend.", "the weekend", "2024-W09-WE"),
        (
            "The firm reported earlier this month that profits fell.",
            "earlier this month",
            "2024-03",
        ),
        ("The bridge reopened yesterday.", "yesterday", "2024-03-05"),
        ("The port closed two weeks ago.", "two weeks ago", "2024-W08"),
        ("The ruling came three years ago.", "three years ago", "2021"),
        ("Output rose in the third quarter.", "the third quarter", "2023-Q3"),
        # The first day of a span takes the year its last day carries.
        ("The survey ran from Oct. 4 to Nov. 6, 2016.", "Oct. 4", "2016-10-04"),
        ("Ferries were idle between Feb. 9 and March 1, 2013.", "Feb. 9", "2013-02-09"),
        ("The poll was conducted March 19-April 29, 2014.", "March 19", "2014-03-19"),
        ("The fair ran Dec. 28 to Jan. 4, 2019.", "Dec. 28", "2018-12-28"),
    ],
)
def test_dates(sentence: str, surface: str, value: str) -> None:
    assert values(sentence)[surface] == ("DATE", value)


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("Their alliance lasted for more than three decades.", "more than three decades", "P30Y"),
        ("He was not invited for nearly a year.", "nearly a year", "P1Y"),
        ("The strike lasted five days.", "five days", "P5D"),
        ("A 16-hour shift ended.", "16-hour", "PT16H"),
        ("Output over the past two years doubled.", "the past two years", "P2Y"),
        ("Talks went on for several weeks.", "several weeks", "PXW"),
        ("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("Profit for the year ended June 30 rose.", "the year", "P1Y"),
    ],
)
def test_durations(sentence: str, surface: str, value: str) -> None:
    assert values(sentence)[surface] == ("DURATION", value)


def test_references_times_and_sets() -> None:
    found = values("The mill now runs daily and closed at 10:30 p.m. after recently reopening.")
    assert found["now"] == ("DATE", "PRESENT_REF")
    assert found["daily"] == ("SET", "P1D")
    assert found["10:30 p.m."] == ("TIME", "2024-03-06T22:30")
    assert found["recently"] == ("DATE", "PAST_REF")


def test_clock_times_take_the_day_named_with_them() -> None:
    found = values("Polls close at 8 p.m. Tuesday; counting starts at noon tomorrow.")
    assert found["8 p.m. Tuesday"] == ("TIME", "2024-03-05T20:00")
    assert found["noon tomorrow"] == ("TIME", "2024-03-07T12:00")


def test_vague_spans_are_past_or_future_references() -> None:
    found = values("Prices rose in recent years and may fall in the coming months.")
    assert found["recent years"] == ("DATE", "PAST_REF")
    assert found["the coming months"] == ("DATE", "FUTURE_REF")


def test_reported_speech_dates_the_saying_not_the_plan() -> None:
    found = values("The ministry said Friday that it would cut rates.")
    assert found["Friday"] == ("DATE", "2024-03-01")


def test_that_day_follows_the_last_date_named() -> None:
    found = values("The storm struck on Jan. 12, 2020. The next day, crews cleared roads.")
    assert found["The next day"] == ("DATE", "2020-01-13")


def test_no_anchor_keeps_placeholders_and_absolute_dates() -> None:
    found = values("On Sunday the group met; on March 3, 2024 it voted. Oct. 7 was recalled.", None)
    assert found["Sunday"] == ("DATE", "XXXX-WXX-7")
    assert found["March 3, 2024"] == ("DATE", "2024-03-03")
    assert found["Oct. 7"] == ("DATE", "XXXX-10-07")


def test_inferred_marks_only_values_that_depend_on_the_anchor() -> None:
    times = find_times(
        "On Monday, a week after the March 1, 2024 vote, it lasted two days.", WED, inferred=True
    )
    flags = {t.text: t.inferred for t in times}
    assert flags["Monday"] is True
    assert flags["March 1, 2024"] is False
    assert flags["two days"] is False


def test_tweet_lines_are_anchored_on_their_own_date() -> None:
    text = (
        "Report.\n\nWe marched over the weekend. pic.twitter.com/abc — Jo Roe (@joroe) May 6, 2024\n\n"
        "On Monday the mayor spoke."
    )
    times = find_times(text, date(2024, 5, 15), inferred=True)
    weekend = next(t for t in times if t.text == "the weekend")
    monday = next(t for t in times if t.text == "Monday")
    assert (weekend.value, weekend.inferred) == ("2024-W18-WE", False)
    assert (monday.value, monday.inferred) == ("2024-05-13", True)


def test_verbs_and_quantities_are_not_dates() -> None:
    found = values(
        "Protesters may march to the square; 2000 people came and 1,998 left. Sales rose 1998%."
    )
    assert "may" not in {k.lower() for k in found}
    assert "march" not in {k.lower() for k in found}
    assert not any(v[1] in ("1998", "2000") for v in found.values())


def test_rates_and_fractions_are_not_spans_of_time() -> None:
    text = (
        "The ferry carries 900 cars a week and costs $2 million a year to run; "
        "it moves about three-quarters of the island's freight. "
        "The strike lasted a week, after several quarters of losses."
    )
    found = values(text)
    assert "a year" not in found
    weeks = [t for t in find_times(text, WED) if t.text == "a week"]
    assert [t.start for t in weeks] == [text.index("lasted a week") + len("lasted ")]
    assert found["a week"] == ("DURATION", "P1W")
    assert not any("quarters" in k and "three" in k for k in found)
    assert found["several quarters"] == ("DURATION", "PXQ")


def test_transcripts_spell_years_with_months_and_seasons() -> None:
    found = values(
        "Prices last hit that level in the winter of nineteen ninety-four, then in May two thousand one."
    )
    assert found["the winter of nineteen ninety-four"] == ("DATE", "1994-WI")
    assert found["May two thousand one"] == ("DATE", "2001-05")


def test_previous_and_following_lean_on_the_last_date_named() -> None:
    found = values(
        "The board met in March 2022 and rejected the bid. The following month, it sold the unit."
    )
    assert found["The following month"] == ("DATE", "2022-04")
    found = values("Shares closed at $12 on Friday, down 4% from the previous Friday.")
    assert found["Friday"] == ("DATE", "2024-03-01")
    assert found["the previous Friday"] == ("DATE", "2024-02-23")


def test_each_month_is_a_set() -> None:
    found = values("The guild marches each July and meets every winter.")
    assert found["each July"] == ("SET", "XXXX-07")
    assert found["every winter"] == ("SET", "XXXX-WI")


def test_the_day_set_beside_a_date_is_that_date() -> None:
    found = values("Shares peaked on Feb. 12, the day before the merger vote.")
    assert found["the day"] == ("DATE", "2024-02-12")
    found = values("The storm hit on Feb. 12. The day before, schools closed.")
    assert found["The day before"] == ("DATE", "2024-02-11")


def test_years_keep_their_early_mid_late_modifiers() -> None:
    found = values("The group split in mid-1996; its post-1959 rivals regrouped in early 1997.")
    assert found["mid-1996"] == ("DATE", "1996")
    assert found["post-1959"] == ("DATE", "1959")
    assert found["early 1997"] == ("DATE", "1997")


def test_spelled_decades_and_the_near_term() -> None:
    found = values("Membership fell through the nineties; in the near term, dues will rise.")
    assert found["the nineties"] == ("DATE", "199")
    assert found["the near term"] == ("DATE", "FUTURE_REF")
    assert "eighties" not in " ".join(values("He is in his eighties."))


def test_today_and_tomorrow_at_large_are_not_days() -> None:
    found = values(
        "In today's world, he said, the leaders of tomorrow need to code. Today's vote passed."
    )
    assert set(found) == {"Today"}
    assert found["Today"] == ("DATE", "2024-03-06")


def test_halves_and_quarters_of_a_named_year() -> None:
    found = values(
        "Profit will slip in the last half of 2024 and recover in next year's first quarter."
    )
    assert found["the last half of 2024"] == ("DATE", "2024-H2")
    assert found["next year's first quarter"] == ("DATE", "2025-Q1")
    assert values("Sales fell in last year's third quarter.")["last year's third quarter"] == (
        "DATE",
        "2023-Q3",
    )


def test_compound_comparisons_are_not_periods() -> None:
    found = values(
        "The quarter-to-quarter gain and the year-over-year drop both beat the year-to-date trend."
    )
    assert found == {}


def test_trading_days_and_vague_future_dates() -> None:
    found = values(
        "The index fell for eight trading days. "
        "Losses will shrink in future quarters, and the bonds will be sold at a later date."
    )
    assert found["eight trading days"] == ("DURATION", "P8D")
    assert found["future quarters"] == ("DATE", "FUTURE_REF")
    assert found["a later date"] == ("DATE", "FUTURE_REF")


def test_a_second_as_an_ordinal_is_not_a_duration() -> None:
    assert values("A second group of directors sued.") == {}
    assert values("A second later, the lights went out.")["A second later"] == ("DURATION", "PT1S")


def test_the_article_belongs_to_a_period_only_when_it_heads_the_phrase() -> None:
    found = values(
        "For the nine months, net rose. The third-quarter loss widened; the year-ago results "
        "were restated, and the 14-day waiting period began."
    )
    assert found["the nine months"] == ("DURATION", "P9M")
    assert "third-quarter" in found and "The third-quarter" not in found
    assert "year-ago" in found
    assert "14-day" in found


def test_edges_of_periods_and_approximate_days_are_in_the_span() -> None:
    found = values(
        "Troops should arrive by the end of the month or the beginning of April. "
        "Last April the plant closed; the deal should close around Nov. 1."
    )
    assert found["the beginning of April"] == ("DATE", "2024-04")
    assert found["Last April"] == ("DATE", "2023-04")
    assert found["around Nov. 1"][0] == "DATE"


def test_halves_of_units_and_spelled_counts() -> None:
    found = values(
        "A minute and a half later the alarm rang. The talks took two and a half years. "
        "Glass makers kept their secrets for two thousand years."
    )
    assert found["A minute and a half"] == ("DURATION", "PT1M30S")
    assert found["two and a half years"] == ("DURATION", "P2Y6M")
    assert not any(v == ("DATE", "2000") for v in found.values())


def test_this_past_is_the_latest_one_gone_by() -> None:
    found = values("The plant closed this past spring and reopened this past weekend.")
    assert found["this past spring"] == ("DATE", "2023-SP")  # March 6: this spring is not over
    assert found["this past weekend"] == ("DATE", "2024-W09-WE")
    late = {t.text: t.value for t in find_times("It closed this past spring.", date(2024, 10, 30))}
    assert late["this past spring"] == "2024-SP"


def test_last_and_the_month_just_gone() -> None:
    # On March 6, "last February" is not last month but February a year back.
    assert values("Two helicopters crashed last February.")["last February"] == ("DATE", "2023-02")
    assert values("The treaty was signed last January.")["last January"] == ("DATE", "2024-01")


def test_a_half_of_something_else_is_not_the_years() -> None:
    found = values("Sales kept the trend of the last half of the '80s, at the then-current price.")
    assert found["the '80s"] == ("DATE", "198")
    assert found["then-current"] == ("DATE", "PAST_REF")
    assert not any(v[1].endswith(("H1", "H2")) for v in found.values())


def test_the_day_beside_a_score_is_not_a_date() -> None:
    assert "the day" not in values("They won 35, the day before the final.")


def test_plural_weekdays_recur() -> None:
    found = values("New flights leave on Tuesday nights, and the market opens on Saturdays.")
    assert found["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI")
    assert found["Saturdays"] == ("SET", "XXXX-WXX-6")


def test_one_day_after_a_modal_is_some_day_ahead() -> None:
    assert values("The city will one day host the games.")["one day"] == ("DATE", "FUTURE_REF")
    assert values("The strike lasted one day.")["one day"] == ("DURATION", "P1D")


def test_a_few_days_later_is_a_span_not_the_future() -> None:
    found = values("The board met on Feb. 2. A few days later, the chief quit.")
    assert found["A few days"] == ("DURATION", "PXD")
    assert "FUTURE_REF" not in {v[1] for v in found.values()}


def test_capitalised_names_are_not_times() -> None:
    found = values(
        'He told USA Today on ABC\'s "This Week" that the vote was today. Today it passed.'
    )
    assert set(found) == {"today", "Today"}


def test_a_part_of_the_day_before_yesterday_goes_with_it() -> None:
    found = values("In Tokyo at mid-afternoon yesterday, the yen weakened.")
    assert found["mid-afternoon yesterday"] == ("TIME", "2024-03-05TAF")


def test_mid_afternoon_alone_is_on_the_day_the_text_is_at() -> None:
    found = values("The strike began on Monday. By mid-afternoon, the port was shut.")
    assert found["mid-afternoon"] == ("TIME", "2024-03-04TAF")
    assert values("By mid afternoon, the roads were clear.")["mid afternoon"] == (
        "TIME",
        "2024-03-06TAF",
    )


def test_named_weekdays_are_events_not_days_counted_from_the_anchor() -> None:
    found = values("Turnout on Super Tuesday was high; Bloody Sunday was remembered.")
    assert "Tuesday" not in found and "Super Tuesday" not in found
    assert "Sunday" not in found and "Bloody Sunday" not in found
    found = values("Moral Monday protests returned; Moral Mondays drew thousands.")
    assert "Monday" not in found and "Mondays" not in found


def test_black_friday_and_cyber_monday_follow_thanksgiving() -> None:
    found = values("Sales on Black Friday and Cyber Monday beat forecasts.")
    assert found["Black Friday"] == ("DATE", "2023-11-24")
    # Giving Tuesday is five days after Thanksgiving, in December some years.
    given = {
        t.text: t.value for t in find_times("Donors gave on Giving Tuesday.", date(2019, 12, 9))
    }
    assert given["Giving Tuesday"] == "2019-12-03"
    assert found["Cyber Monday"] == ("DATE", "2023-11-27")


def test_a_holiday_long_past_loses_to_the_nearer_coming_one() -> None:
    found = values("Shops stock up on candy for Halloween.", date(2024, 10, 10))
    assert found["Halloween"] == ("DATE", "2024-10-31")
    assert values("Shops were busy at Christmas.")["Christmas"] == ("DATE", "2023-12-25")


def test_a_share_of_a_century_is_that_many_years() -> None:
    found = values("After more than a quarter of a century of talks, and half a century of war,")
    assert found["more than a quarter of a century"] == ("DURATION", "P25Y")
    assert found["half a century"] == ("DURATION", "P50Y")
    assert values("The dam opened a quarter-century ago.")["a quarter-century ago"] == (
        "DATE",
        "1999",
    )


def test_a_year_and_a_half_ago_is_a_month() -> None:
    assert values("The mine closed a year and a half ago.")["a year and a half ago"] == (
        "DATE",
        "2022-09",
    )
    assert values("It opened two and a half years ago.")["two and a half years ago"] == (
        "DATE",
        "2021-09",
    )
    assert values("The race took a minute and a half.")["a minute and a half"] == (
        "DURATION",
        "PT1M30S",
    )


def test_the_past_before_a_count_of_things_is_no_time() -> None:
    found = values("Democrats won in the past four presidential elections; in the past, they lost.")
    assert "the past" in found and found["the past"] == ("DATE", "PAST_REF")
    assert sum(1 for t in find_times("They won the past four elections.", WED)) == 0


def test_labels_and_copyright_lines_are_not_years() -> None:
    text = "Under UNSCR 1973 and Section 1983, claims grew in 2019.\nCopyright © 2020 The Daily Ledger."
    assert [(t.text, t.value) for t in find_times(text, WED)] == [("2019", "2019")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Heavy rain will reach the coast in the next day or so.", ("DURATION", "P1D")),
        ("A verdict is expected within the next day.", ("DURATION", "P1D")),
        # After a named day, "the next day" is the day after it.
        ("The crew landed on Monday and left the next day.", ("DATE", "2024-03-05")),
    ],
)
def test_the_next_day_after_in_or_within_is_a_span_from_now(
    sentence: str, found: tuple[str, str]
) -> None:
    assert values(sentence)["the next day"] == found


def test_a_weekday_in_a_title_is_no_date() -> None:
    found = values("The host joked on “Friday Night Comedy” about the Tuesday Morning Show.")
    assert found == {}
    # A lower-case part of the day is a time.
    assert values("The storm hit Friday night.")["Friday night"] == ("TIME", "2024-03-01TNI")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # Said on a Wednesday: the tense decides which weekend "this" one is.
        ("Protesters marched on the capital this weekend.", "2024-W09-WE"),
        ("Protesters will march on the capital this weekend.", "2024-W10-WE"),
        ("The fair opens this weekend.", "2024-W10-WE"),
    ],
)
def test_this_weekend_told_in_the_past_is_the_last_one(sentence: str, value: str) -> None:
    assert values(sentence)["this weekend"] == ("DATE", value)


def test_today_or_tonight_naming_a_show_is_no_date() -> None:
    assert values('The mayor sang during a "Tonight Show" sketch.') == {}
    assert values("Today the mayor sang.")["Today"] == ("DATE", "2024-03-06")


def test_feasts_named_with_their_weekday_fall_on_their_own_day() -> None:
    # Easter 2024 fell on March 31: a bare "Sunday" would be the last Sunday.
    anchor = date(2024, 4, 3)
    found = {
        t.text: t.value
        for t in find_times(
            "Crowds packed the square on Easter Sunday after the Good Friday procession,"
            " and the parish plans a fair for Palm Sunday next spring.",
            anchor,
        )
    }
    assert found["Easter Sunday"] == "2024-03-31"
    assert found["Good Friday"] == "2024-03-29"
    assert "Palm Sunday" in found
    # Fat Tuesday (Mardi Gras) is 47 days before Easter: Feb. 13 in 2024.
    [fat] = find_times("Revelers crowded Bourbon Street on Fat Tuesday.", date(2024, 2, 16))
    assert (fat.text, fat.value) == ("Fat Tuesday", "2024-02-13")


def test_named_events_on_a_weekday_are_no_days() -> None:
    found = find_times(
        "Shares had their worst day since Black Monday, and the talks put the"
        " Good Friday Agreement at risk.",
        date(2024, 3, 6),
    )
    assert [t.text for t in found] == []


def test_a_month_of_that_year_takes_the_year_last_named() -> None:
    found = {
        t.text: t.value
        for t in find_times(
            "The mill opened in 2009. In March of that year it hired 40 people,"
            " and in June of the following year it closed.",
            date(2024, 3, 6),
        )
    }
    assert found["March of that year"] == "2009-03"
    assert found["June of the following year"] == "2010-06"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Security at the port was tightened after the Sept. 11 attacks.", "2001-09-11"),
        ("Families of Sept. 11 victims met the mayor.", "2001-09-11"),
        # Another attack on that day, and the day itself, keep the nearest year.
        ("The Sept. 11 attack in the harbor town killed two guards.", "2023-09-11"),
        ("On Sept. 11, attacks on the port resumed.", "2023-09-11"),
    ],
)
def test_the_sept_11_attacks_are_2001s(sentence: str, value: str) -> None:
    [found] = [t for t in find_times(sentence, WED) if "11" in t.text]
    assert found.value == value


@pytest.mark.parametrize(
    ("sentence", "anchor", "value", "alternative"),
    [
        # Said on a Wednesday, "next Friday" is this week's Friday or the next week's.
        ("The council will vote next Friday.", WED, "2024-03-08", "2024-03-15"),
        ("The talks resume next Thursday morning.", WED, "2024-03-07TMO", "2024-03-14TMO"),
        # Said on a Friday, the coming Tuesday is in the next week: one reading only.
        ("The talks resume next Tuesday.", date(2024, 3, 8), "2024-03-12", None),
        # "last Monday" said on a Wednesday: this week's Monday or the week before's.
        ("The ferry sank last Monday.", WED, "2024-03-04", "2024-02-26"),
        ("The ferry sank last Thursday.", WED, "2024-02-29", None),
        # "the next Thursday" is the first one to come; a plain weekday is one day.
        ("The board meets on the next Thursday it can.", WED, "2024-03-07", None),
        ("The board will meet Thursday.", WED, "2024-03-07", None),
    ],
)
def test_next_and_last_weekdays_of_the_anchors_own_week_keep_the_other_reading(
    sentence: str, anchor: date, value: str, alternative: str | None
) -> None:
    (t,) = [t for t in find_times(sentence, anchor) if "day" in t.text]
    assert (t.value, t.alternative) == (value, alternative)


def test_no_anchor_gives_no_other_reading() -> None:
    (t,) = find_times("The council will vote next Friday.", None)
    assert t.alternative is None


@pytest.mark.parametrize(
    ("sentence", "anchor", "value", "alternative"),
    [
        # A day's happening the text is before may be the last one or the coming one.
        ("Before Tuesday's primary, the senator was under pressure.", WED, "2024-03-05", "2024-03-12"),
        ("Candidates sprinted ahead of Tuesday's primary.", date(2024, 3, 3), "2024-03-05", "2024-02-27"),
        ("Aides met ahead of Friday's summit.", WED, "2024-03-08", "2024-03-01"),
        # The anchor's own day, and a day not named as a happening, keep one reading.
        ("Aides met ahead of Wednesday's summit.", WED, "2024-03-06", None),
        ("The vote came before Tuesday, officials said.", WED, "2024-03-05", None),
    ],
)  # fmt: skip
def test_a_days_happening_the_text_is_before_keeps_the_other_direction(
    sentence: str, anchor: date, value: str, alternative: str | None
) -> None:
    (t,) = [t for t in find_times(sentence, anchor) if "day" in t.text]
    assert (t.value, t.alternative) == (value, alternative)
