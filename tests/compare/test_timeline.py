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


def test_photo_captions_credits_and_page_stamps_do_not_make_timeline_entries() -> None:
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
    stamp = _ev("occurrence", "2021-05-05", [], text="May 5, 2021 -- Updated 0947 GMT (1747 HKT)")
    timeline = build_timeline([_item(1, "a1", [caption, credit, event, stamp])])
    assert [e["text"] for e in timeline] == ["The bridge reopened on Tuesday."]


def test_an_event_read_off_a_caption_is_no_entry_though_its_text_is_cut() -> None:
    text = (
        "Mayor Ada Brink runs up the steps onto the stage to begin her campaign for a second "
        "term at the pier in Port Calder, Oregon, U.S., May 18, 2031. REUTERS/Jane Roe\n\n"
        "Brink announced her campaign on Saturday. "
        "VIDEO: This is our moment — join us today — Ada Brink (@AdaBrink) May 18, 2031"
    )
    stored = StoredArticle(1, Article("a1", text, "test"))
    cut = text.index("May 18, 2031")  # the event's words stop before the date and credit
    caption = Event("occurrence", text[:cut], 0, cut, "2031-05-18")
    start = text.index("Brink announced")
    told = Event(
        "announcement", "Brink announced her campaign on Saturday.", start, start + 40, "2031-05-17"
    )
    start = text.index("VIDEO")
    tweet = Event(
        "statement", "Ada Brink posted: VIDEO: This is our moment", start, len(text), "2031-05-18"
    )
    timeline = build_timeline([(stored, Analysis("a1", events=[caption, told, tweet]))])
    assert [e["text"] for e in timeline] == [
        "Brink announced her campaign on Saturday.",
        "Ada Brink posted: VIDEO: This is our moment",
    ]


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
        ("2025-10-17", "The Oct. 17 vote"),
        ("2025-10-18", "The Oct. 18 meeting"),
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


def _claim(label: str, *sentences: tuple[str, int, int, str]) -> dict[str, object]:
    return {
        "text": sentences[0][3],
        "label": label,
        "sentences": [
            {"article_id": a, "start": s, "end": e, "text": t} for a, s, e, t in sentences
        ],
    }


def test_reports_of_one_agreed_claim_make_one_entry_led_by_the_claims_sentence() -> None:
    # Two outlets tell the order in words the participants and wording of same_event miss.
    order = "City officials ordered 1,200 residents to shelter in place on Friday night."
    lead = "A fire tore through a warehouse on Friday, prompting an order to stay indoors."
    a = Event("occurrence", order, 0, len(order), "2025-10-24")
    b = Event("occurrence", lead, 0, len(lead), "2025-10-24")
    items = [_item(1, "a1", [a]), _item(2, "b2", [b])]
    assert len(build_timeline(items)) == 2
    claim = _claim("agreed", ("a1", 0, len(order), order), ("b2", 40, len(lead), lead[40:]))
    (entry,) = build_timeline(items, [claim])
    assert entry["article_ids"] == ["a1", "b2"]
    assert entry["text"] == order

    # A dispute keeps them apart: one entry would show one source's figure under both.
    assert len(build_timeline(items, [dict(claim, label="disputed")])) == 2
    # So do other days.
    c = Event("occurrence", lead, 0, len(lead), "2025-10-25")
    assert len(build_timeline([items[0], _item(2, "b2", [c])], [claim])) == 2


def test_a_claim_does_not_join_two_events_of_one_article() -> None:
    first = "The council met on Monday to review the budget."
    second = "Protesters gathered outside the hall on Monday."
    other = "The council reviewed the budget on Monday as protesters gathered."
    a1 = Event("meeting", first, 0, 48, "2025-10-20")
    a2 = Event("occurrence", second, 49, 96, "2025-10-20")
    b = Event("occurrence", other, 0, len(other), "2025-10-20")
    items = [_item(1, "a1", [a1, a2]), _item(2, "b2", [b])]
    claims = [
        _claim("agreed", ("a1", 0, 48, first), ("b2", 0, len(other), other)),
        _claim("agreed", ("a1", 49, 96, second), ("b2", 0, len(other), other)),
    ]
    timeline = build_timeline(items, claims)
    assert sorted(len(e["article_ids"]) for e in timeline) == [1, 2]


def test_a_report_met_only_on_its_speaker_moves_to_the_entry_its_claim_tells() -> None:
    # b2 tells the closure in a sentence that ends "..., Whitlock said": a statement of
    # Whitlock's, first met with her other statement of the day in c3. The claim matches
    # it with a1's and c3's closure reports, one entry already: the two entries share c3
    # and cannot be one, so b2's report moves to the closure; c3's statement stays.
    closed = "The bridge was closed on Monday because of cracked beams."
    told = "The bridge was closed to all traffic on Monday after cracks were found, Whitlock said."
    quote = "Whitlock said at a news conference on Monday that lives came first."
    wire = "The authority closed the bridge to cars on Monday."
    monday = "2025-10-06"
    a = Event("occurrence", closed, 0, len(closed), monday)
    b = Event("statement", told, 0, len(told), monday, participants=["Dana Whitlock"])
    c1 = Event("statement", quote, 0, len(quote), monday, participants=["Dana Whitlock"])
    c2 = Event("occurrence", wire, 100, 100 + len(wire), monday)
    items = [_item(1, "a1", [a]), _item(2, "b2", [b]), _item(3, "c3", [c1, c2])]
    before = build_timeline(items)
    assert sorted(e["article_ids"] for e in before) == [["a1", "c3"], ["b2", "c3"]]
    claim = _claim(
        "agreed",
        ("a1", 0, len(closed), closed),
        ("b2", 0, len(told), told),
        ("c3", 100, 100 + len(wire), wire),
    )
    after = build_timeline(items, [claim])
    assert sorted(e["article_ids"] for e in after) == [["a1", "c3", "b2"], ["c3"]]
    (statement,) = [e for e in after if e["article_ids"] == ["c3"]]
    assert statement["text"] == quote


def test_a_part_cut_at_a_second_date_reads_as_a_sentence() -> None:
    text = "and police said they would post officers along the detour later on Tuesday."
    part = Event("statement", text, 60, 60 + len(text), "2025-10-07")
    (entry,) = build_timeline([_item(1, "a1", [part])])
    assert entry["text"] == (
        "Police said they would post officers along the detour later on Tuesday."
    )


def test_a_plan_told_with_its_people_and_without_them_is_one_entry() -> None:
    # "next Thursday" said on a Tuesday: Oct. 9 or Oct. 16; another source names Oct. 16.
    told = "He said the council would hear from Whitlock next Thursday."
    named = "The council will take up the closure at a hearing on Oct. 16."
    other = "The ferry board will take up the fares on Oct. 16."
    a = Event("scheduled", told, 0, len(told), "2025-10-09", participants=["Dana Whitlock"],
              alternative_date="2025-10-16")  # fmt: skip
    b = Event("scheduled", named, 0, len(named), "2025-10-16")
    c = Event("scheduled", other, 100, 100 + len(other), "2025-10-16")
    timeline = build_timeline([_item(1, "a1", [a]), _item(2, "b2", [b, c])])
    assert [(e["date"], e["alternative_date"], e["article_ids"]) for e in timeline] == [
        ("2025-10-16", None, ["a1", "b2"]),
        ("2025-10-16", None, ["b2"]),
    ]
    assert not same_event(a, c)
