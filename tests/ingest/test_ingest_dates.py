"""Metadata date parsing: common formats, impossible values as unknown."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from storylens.ingest.dates import parse_published

TODAY = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-09-20", date(2016, 9, 20)),
        ("2024-03-06T18:45:00+02:00", date(2024, 3, 6)),
        ("20240306", date(2024, 3, 6)),
        ("2024/03/06", date(2024, 3, 6)),
        ("7/23/17", date(2017, 7, 23)),
        ("12/1/16", date(2016, 12, 1)),
        ("23/7/2017", date(2017, 7, 23)),
        ("Wed, 06 Mar 2024 10:00:00 GMT", date(2024, 3, 6)),
        ("March 6, 2024", date(2024, 3, 6)),
        ("6 March 2024", date(2024, 3, 6)),
        (date(2020, 1, 2), date(2020, 1, 2)),
        (datetime(2020, 1, 2, 23, 0), date(2020, 1, 2)),
        (time.strptime("2021-05-04", "%Y-%m-%d"), date(2021, 5, 4)),
    ],
)
def test_common_formats(value: object, expected: date) -> None:
    assert parse_published(value, today=TODAY) == expected


@pytest.mark.parametrize(
    "value",
    ["", "   ", None, "0001-01-01", "2050-01-01", "2024-06-03", "2023-02-30", "garbage",
     "yesterday", "3 days ago", "Mar 2024", True, ["2020-01-01"]],
)  # fmt: skip
def test_impossible_or_unparseable_is_none(value: object) -> None:
    assert parse_published(value, today=TODAY) is None


def test_tomorrow_is_allowed_for_time_zones() -> None:
    assert parse_published("2024-06-02", today=TODAY) == date(2024, 6, 2)
