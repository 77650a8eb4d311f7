"""Merging events of a story's articles into one timeline."""

from __future__ import annotations

from storylens.compare.timeline import build_timeline, same_event
from storylens.model import Analysis, Article, Event, StoredArticle


def _item(key: int, article_id: str, events: list[Event]) -> tuple[StoredArticle, Analysis]:
    return StoredArticle(key, Article(article_id, "text", "test")), Analysis(
        article_id, events=events
    )


def _ev(kind: str, day: str | None, people: list[str], *, inferred: bool = False, end: str | None = None,
        text: str = "x", place: str | None = None) -> Event:  # fmt: skip
    return Event(kind, text, 0, 1, day, end, inferred, people, place)


def test_same_meeting_from_two_outlets_merges_and_is_certain_if_one_source_is() -> None:
    a = _ev(
        "meeting",
        "2024-05-06",
        ["Ana Silva", "Tom Berg"],
        inferred=True,
        text="Silva met Berg on Monday",
    )
    b = _ev(
        "meeting",
        "2024-05-06",
        ["Tom Berg", "Ana Silva", "Jo Roe"],
        text="Berg and Silva met with Roe",
    )
    timeline = build_timeline([_item(1, "a1", [a]), _item(2, "b2", [b])])
    assert len(timeline) == 1
    entry = timeline[0]
    assert entry["article_ids"] == ["a1", "b2"]
    assert entry["inferred"] is False
    assert entry["text"] == "Berg and Silva met with Roe"  # the firmly dated report leads
    assert entry["participants"] == ["Ana Silva", "Tom Berg", "Jo Roe"]


def test_only_inferred_reports_make_an_inferred_entry() -> None:
    a = _ev("statement", "2024-05-05", ["Ana Silva"], inferred=True)
    entry = build_timeline([_item(1, "a1", [a])])[0]
    assert entry["inferred"] is True
    assert set(entry) >= {
        "date",
        "date_end",
        "inferred",
        "text",
        "article_ids",
        "kind",
        "participants",
    }


def test_different_meetings_of_one_person_stay_apart() -> None:
    a = _ev("meeting", "2024-05-06", ["Ana Silva", "Tom Berg", "Jo Roe"])
    b = _ev("meeting", "2024-05-06", ["Ana Silva", "Karl Ode"])
    assert not same_event(a, b)
    assert len(build_timeline([_item(1, "a1", [a, b])])) == 2


def test_kind_dates_and_places_must_agree() -> None:
    base = _ev("meeting", "2024-05-06", ["Ana Silva", "Tom Berg"], place="Oslo")
    assert not same_event(base, _ev("statement", "2024-05-06", ["Ana Silva", "Tom Berg"]))
    assert not same_event(base, _ev("meeting", "2024-05-07", ["Ana Silva", "Tom Berg"]))
    assert not same_event(
        base, _ev("meeting", "2024-05-06", ["Ana Silva", "Tom Berg"], place="Bern")
    )
    assert same_event(
        base, _ev("meeting", "2024-05-04", ["Ana Silva", "Tom Berg"], end="2024-05-06")
    )


def test_events_without_people_merge_only_on_similar_text() -> None:
    a = _ev("occurrence", "2024-05-04", [], text="The river flooded the old town")
    b = _ev("occurrence", "2024-05-04", [], text="Floods: the river flooded the old town overnight")
    c = _ev("occurrence", "2024-05-04", [], text="A fire destroyed a warehouse")
    assert same_event(a, b)
    assert not same_event(a, c)


def test_sorted_by_date_and_undated_events_left_out() -> None:
    events = [
        _ev("occurrence", "2024-05-09", [], text="late"),
        _ev("occurrence", None, [], text="undated"),
        _ev("occurrence", "2023-10-07", [], text="early"),
        _ev("occurrence", "2024-05-04", [], end="2024-05-05", text="weekend"),
    ]
    timeline = build_timeline([_item(1, "a1", events)])
    assert [(e["date"], e["date_end"]) for e in timeline] == [
        ("2023-10-07", None), ("2024-05-04", "2024-05-05"), ("2024-05-09", None),
    ]  # fmt: skip


def test_photo_captions_and_credits_do_not_make_timeline_entries() -> None:
    caption = _ev(
        "occurrence",
        "2021-05-04",
        [],
        text="Marchers cross the Elm Street bridge in Fairhaven, Ore., Tuesday, May 4, 2021.",
    )
    credit = _ev(
        "occurrence", "2009-07-09", [], text="The photo was taken July 9, 2009, for Getty Images."
    )
    event = _ev("occurrence", "2021-05-04", [], text="The bridge reopened on Tuesday.")
    timeline = build_timeline([_item(1, "a1", [caption, credit, event])])
    assert [e["text"] for e in timeline] == ["The bridge reopened on Tuesday."]


def test_a_happening_named_inside_a_dated_sentence_is_not_a_second_entry() -> None:
    sentence = Event(
        "statement",
        "GREYHAVEN — A worker said sensors had sounded an alarm on Oct. 17, a week before.",
        100,
        180,
        "2025-10-17",
    )
    phrase = Event("occurrence", "the Oct. 17 alarm", 140, 157, "2025-10-17")
    # Named again in a later sentence: "The company did not respond about the Oct. 17 alarm."
    later = Event("occurrence", "the Oct. 17 alarm", 240, 257, "2025-10-17")
    other_day = Event("occurrence", "the Oct. 18 meeting", 150, 169, "2025-10-18")
    other_thing = Event("occurrence", "the Oct. 17 vote", 300, 316, "2025-10-17")
    timeline = build_timeline([_item(1, "a1", [sentence, phrase, later, other_day, other_thing])])
    assert [(e["date"], e["text"]) for e in timeline] == [
        ("2025-10-17", "A worker said sensors had sounded an alarm on Oct. 17, a week before."),
        ("2025-10-17", "the Oct. 17 vote"),
        ("2025-10-18", "the Oct. 18 meeting"),
    ]


def test_entries_of_a_statement_the_sources_date_differently_carry_the_dispute() -> None:
    from storylens.compare.timeline import mark_disputed_dates

    sat = _ev("occurrence", "2025-03-01", [], text="The curfew was lifted early Saturday.")
    sun = _ev(
        "occurrence", "2025-03-02", [], text="The curfew was lifted on Sunday, officials said."
    )
    other = _ev("occurrence", "2025-03-02", [], text="Schools reopened on Sunday.")
    timeline = build_timeline([_item(1, "a1", [sat]), _item(2, "b2", [sun, other])])
    claims = [
        {
            "label": "disputed",
            "text": "The curfew was lifted early Saturday.",
            "sentences": [
                {"article_id": "a1", "text": "The curfew was lifted early Saturday."},
                {"article_id": "b2", "text": "The curfew was lifted on Sunday"},
            ],
            "conflict": {
                "kind": "date",
                "values": ["2025-03-01", "2025-03-02"],
                "article_ids": ["a1", "b2"],
            },
        }
    ]
    marked = mark_disputed_dates(timeline, claims)
    flags = {e["text"]: e.get("disputed", {}).get("values") for e in marked}
    assert flags == {
        "The curfew was lifted early Saturday.": ["2025-03-01", "2025-03-02"],
        "The curfew was lifted on Sunday, officials said.": ["2025-03-01", "2025-03-02"],
        "Schools reopened on Sunday.": None,
    }


def _next_thursday(people: list[str], text: str) -> Event:
    """An event dated by "next Thursday" said on a Tuesday: the 9th or the 16th."""
    event = _ev("scheduled", "2025-10-09", people, text=text)
    event.alternative_date = "2025-10-16"
    return event


def test_a_day_readers_take_two_ways_shows_both_until_a_source_names_it() -> None:
    hearing = _next_thursday(["Dana Whitlock"], "Whitlock will testify at a hearing next Thursday")
    alone = build_timeline([_item(1, "a1", [hearing])])
    assert [(e["date"], e["alternative_date"]) for e in alone] == [("2025-10-09", "2025-10-16")]

    # Another outlet names the day: the entry takes it, and no longer doubts it.
    named = _ev("scheduled", "2025-10-16", ["Dana Whitlock"], text="Whitlock testifies Oct. 16")
    settled = build_timeline([_item(1, "a1", [hearing]), _item(2, "b2", [named])])
    assert [(e["date"], e["alternative_date"], e["article_ids"]) for e in settled] == [
        ("2025-10-16", None, ["a1", "b2"])
    ]

    # A report of the nearer day settles it the other way.
    sooner = _ev("scheduled", "2025-10-09", ["Dana Whitlock"], text="Whitlock testifies Oct. 9")
    settled = build_timeline([_item(1, "a1", [hearing]), _item(2, "b2", [sooner])])
    assert [(e["date"], e["alternative_date"]) for e in settled] == [("2025-10-09", None)]

    # An event of neither day stays apart.
    later = _ev("scheduled", "2025-10-23", ["Dana Whitlock"], text="Whitlock testifies Oct. 23")
    assert len(build_timeline([_item(1, "a1", [hearing]), _item(2, "b2", [later])])) == 2
