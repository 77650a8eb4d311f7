"""Date and time stamp lines printed with an article are no statements; sentences that
hold a date are."""

from __future__ import annotations

from storylens.compare.narration import is_time_stamp


def test_stamp_lines_are_recognised() -> None:
    assert is_time_stamp("Posted: Friday, March 7, 2025")
    assert is_time_stamp("HARLOW, Ore. — 3/7/2025")
    assert is_time_stamp("7 March 2025 Last updated at 09:12 GMT")
    assert is_time_stamp("on March 7, 2025")


def test_sentences_and_headlines_with_dates_are_not_stamps() -> None:
    assert not is_time_stamp("In 1998, the mill moved across the river to Harlow.")
    assert not is_time_stamp("The mill closed on March 7, 2025.")
    assert not is_time_stamp("Harlow Mill Fire Destroys Warehouse")
    assert not is_time_stamp("Harlow Mill To Close In 2026 After Owners Sell Riverside Site")


def test_a_clock_time_alone_dates_no_statement() -> None:
    from storylens.compare.text_units import _date_of
    from storylens.model import TimeExpression

    clock = TimeExpression("2:50 p.m.", 0, 9, "TIME", "2025-10-27T14:50")
    day = TimeExpression("3 p.m. Monday", 0, 13, "TIME", "2025-10-27T15:00")
    assert _date_of(clock) == ""
    assert _date_of(day) == "2025-10-27"


def test_a_line_label_is_no_part_of_the_statement() -> None:
    from test_claims_fixtures import make_item

    from storylens.compare.text_units import build_units

    text = (
        "Flood Talks\n\n"
        "NORA QUILL: The river rose four feet in Harlow on Tuesday.\n\n"
        "UPDATE 2: The bridge reopened.\n\n"
        "Officials said: the dam held.\n"
    )
    units = build_units([make_item(1, "a", "Radio", text)], clauses=False)
    texts = [u.text for u in units]
    assert "The river rose four feet in Harlow on Tuesday." in texts
    assert "The bridge reopened." in texts
    assert not any(u.text.startswith(("NORA", "UPDATE")) for u in units)
    assert any(u.text.startswith("Officials said") for u in units)
