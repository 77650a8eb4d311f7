"""A small store of invented articles for the web tests, built through the real
store interface (no analysis stage: analyses are written by hand, so the
pages are tested on known quotes, speakers and dates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storylens.model import Analysis, Article, Event, Person, Quote, Span, Speaker, TimeExpression
from storylens.store import open_store

BRIDGE_QUOTE_A = "The bridge is safe and it will stay open for every driver in this city"
BRIDGE_QUOTE_B = "The bridge is safe and it will remain open for every driver in this city"

HERALD_TEXT = (
    "PORT ELLIS -- The Harbor Street bridge reopened on Monday after eight months of repairs.\n\n"
    f'"{BRIDGE_QUOTE_A}," Mayor Lena Ortiz said at the ribbon cutting.\n\n'
    "Engineers replaced 40 steel cables. Traffic was light in the morning & heavier by noon."
)
TIMES_TEXT = (
    "The Harbor Street bridge reopened to drivers on Monday, eight months after repairs began.\n\n"
    f'"{BRIDGE_QUOTE_B}," Ortiz told reporters.\n\n'
    "Engineers replaced 45 steel cables. "
    "Union leader Sam Whitby said the repair crews worked through the winter. "
    "Some residents wrote <b>thank you</b> signs."
)
STRIKE_TITLE = "Library <script>alert('x')</script> staff strike"
STRIKE_TEXT = (
    "Staff at the Port Ellis public library walked out on Friday over pay.\n\n"
    '"We are asking for fair wages, nothing more," said Dana Kim, a librarian.'
)


@dataclass(slots=True)
class WebFixture:
    db_path: str
    herald_key: int
    times_key: int
    strike_key: int


def _quote(text: str, quoted: str, speaker: str, speaker_text: str, cue: str) -> Quote:
    start = text.index(quoted)
    s_start = text.index(speaker_text, start + len(quoted))
    c_start = text.index(cue, start + len(quoted))
    return Quote(
        text=quoted,
        start=start,
        end=start + len(quoted),
        kind="direct",
        speaker=Speaker(speaker, speaker_text, s_start, s_start + len(speaker_text)),
        cue=Span(cue, c_start, c_start + len(cue)),
    )


def _time(text: str, phrase: str, value: str, inferred: bool = False) -> TimeExpression:
    start = text.index(phrase)
    return TimeExpression(phrase, start, start + len(phrase), "DATE", value, inferred)


def build_store(db_path: str) -> WebFixture:
    store = open_store(db_path)
    try:
        herald = Article(
            id="herald-bridge",
            text=HERALD_TEXT,
            source="fixture",
            title="Harbor Street bridge reopens after repairs",
            outlet="Coastal Herald",
            url="https://herald.example/bridge",
            published=date(2024, 5, 13),
            published_basis="stated",
        )
        times = Article(
            id="times-bridge",
            text=TIMES_TEXT,
            source="fixture",
            title="Drivers return to Harbor Street bridge",
            outlet="Valley Times",
            published=None,
            published_basis=None,
        )
        strike = Article(
            id="strike-1",
            text=STRIKE_TEXT,
            source="fixture",
            title=STRIKE_TITLE,
            outlet="Port Ellis Daily",
            published=date(2024, 6, 8),
            published_basis="metadata",
        )
        with store.transaction():
            herald_key, _ = store.add_article(herald)
            times_key, _ = store.add_article(times)
            strike_key, _ = store.add_article(strike)
            store.create_story("harbor-bridge", "Harbor Street bridge reopens")
            store.create_story("library-strike", STRIKE_TITLE)
            store.assign(herald_key, "harbor-bridge")
            store.assign(times_key, "harbor-bridge")
            store.assign(strike_key, "library-strike")
            # The Valley Times article states no date; analysis inferred it.
            store.update_published(times_key, "2024-05-13", "inferred")
            ortiz = Person("Lena Ortiz", ["Ortiz", "Mayor Lena Ortiz"], ["mayor"])
            store.save_analysis(
                herald_key,
                Analysis(
                    article_id=herald.id,
                    people=[ortiz],
                    quotes=[
                        _quote(
                            HERALD_TEXT, BRIDGE_QUOTE_A, "Lena Ortiz", "Mayor Lena Ortiz", "said"
                        )
                    ],
                    times=[_time(HERALD_TEXT, "on Monday", "2024-05-13")],
                    events=[
                        Event(
                            "reopening",
                            "The Harbor Street bridge reopened",
                            0,
                            0,
                            date="2024-05-13",
                            participants=["Lena Ortiz"],
                        )
                    ],
                    published=date(2024, 5, 13),
                    published_basis="stated",
                    analyzer="fixture",
                ),
            )
            store.save_analysis(
                times_key,
                Analysis(
                    article_id=times.id,
                    people=[
                        Person("Lena Ortiz", ["Ortiz"], ["mayor"]),
                        Person("Sam Whitby", [], ["union leader"]),
                    ],
                    quotes=[_quote(TIMES_TEXT, BRIDGE_QUOTE_B, "Lena Ortiz", "Ortiz", "told")],
                    times=[_time(TIMES_TEXT, "on Monday", "2024-05-13", inferred=True)],
                    events=[
                        Event(
                            "reopening",
                            "Drivers crossed the Harbor Street bridge",
                            0,
                            0,
                            date="2024-05-13",
                            inferred=True,
                        )
                    ],
                    published=date(2024, 5, 13),
                    published_basis="inferred",
                    analyzer="fixture",
                ),
            )
            strike_quote = "We are asking for fair wages, nothing more"
            store.save_analysis(
                strike_key,
                Analysis(
                    article_id=strike.id,
                    people=[Person("Dana Kim", [], ["librarian"])],
                    quotes=[_quote(STRIKE_TEXT, strike_quote, "Dana Kim", "Dana Kim", "said")],
                    analyzer="fixture",
                ),
            )
        return WebFixture(db_path, herald_key, times_key, strike_key)
    finally:
        store.close()
