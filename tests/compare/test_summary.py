"""The cited extractive summary: citations hold, openings read, no duplicates."""

from __future__ import annotations

import re

import pytest
from test_claims_fixtures import analyzed_item, make_item

from storylens.compare.claims import extract_claims
from storylens.compare.summary import eligible, sentence_units, summarize
from storylens.compare.wordforms import content_stems
from storylens.model import Person

STORM_A = (
    "A powerful storm knocked out electricity to 40,000 homes in the port city of Calder on "
    "Sunday. "
    "Utility crews from three neighbouring states arrived on Monday to restore the lines. "
    "Governor Nadia Brandt declared a state of emergency for the coastal counties. "
    "She asked residents to stay off the roads until the crews finish their work. "
    "It was the strongest storm to hit the region in a decade. "
    "The local football match was postponed."
)
STORM_B = (
    "Electricity was cut to 40,000 homes in Calder when a powerful storm swept the port city "
    "on Sunday. "
    "Governor Nadia Brandt declared a state of emergency in the coastal counties on Sunday "
    "evening. "
    "But utility crews from three neighbouring states reached Calder on Monday to restore "
    "the lines. "
    "Schools in the city will stay closed until Wednesday."
)
STORM_C = (
    "Governor Nadia Brandt declared a state of emergency across the coastal counties after "
    "the storm. "
    "The storm cut electricity to 40,000 homes in Calder, the utility said."
)


def _story() -> list:
    items = [
        make_item(1, "a", "Coast Times", STORM_A),
        make_item(2, "b", "Valley Herald", STORM_B),
        make_item(3, "c", "Wire", STORM_C),
    ]
    items[0][1].people.append(Person("Nadia Brandt", ["Brandt", "she"], ["Governor"]))
    return items


def _holds(sentence: str, article_text: str) -> bool:
    """Independent check: some sentence of the article holds half the summary sentence's
    content words, and every number in it."""
    mine = set(content_stems(sentence))
    numbers = set(re.findall(r"\d[\d,]*", sentence))
    for piece in re.split(r"(?<=[.!?])\s+", article_text):
        theirs = set(content_stems(piece))
        if numbers <= set(re.findall(r"\d[\d,]*", piece)) and len(mine & theirs) >= len(mine) / 2:
            return True
    return False


def test_every_sentence_cites_articles_that_hold_its_content() -> None:
    items = _story()
    summary = summarize(items, extract_claims(items))
    assert 3 <= len(summary) <= 5
    texts = {stored.article.id: stored.article.text for stored, _ in items}
    for sentence in summary:
        assert sentence["article_ids"], sentence
        for article_id in sentence["article_ids"]:
            assert _holds(sentence["text"], texts[article_id]), (sentence, article_id)


def test_corroborated_facts_come_first() -> None:
    items = _story()
    summary = summarize(items, extract_claims(items))
    cited = [len(s["article_ids"]) for s in summary]
    assert cited[0] == 3
    assert cited == sorted(cited, reverse=True)
    assert any("40,000 homes" in s["text"] for s in summary[:2])


def test_no_dangling_opening_and_pronoun_replaced_by_name() -> None:
    items = _story()
    summary = summarize(items, extract_claims(items), max_sentences=7)
    openings = re.compile(r"^(?:He|She|It|They|This|But|However|Also|And)\b")
    assert not [s["text"] for s in summary if openings.match(s["text"])]
    texts = " ".join(s["text"] for s in summary)
    assert "strongest storm" not in texts  # "It was ..." cannot stand alone
    if "stay off the roads" in texts:
        assert "Nadia Brandt asked residents" in texts


def test_no_near_duplicates() -> None:
    items = _story()
    summary = summarize(items, extract_claims(items), max_sentences=7)
    emergency = [s for s in summary if "state of emergency" in s["text"]]
    assert len(emergency) == 1


def test_a_count_of_what_happened_is_told_once() -> None:
    # Two outlets count the injured in other words; the summary says it once.
    items = [
        make_item(
            1,
            "a",
            "Harbor Post",
            "A fire tore through a cold-storage depot on the Calder waterfront on Friday, "
            "injuring three people and forcing 400 residents to stay indoors. "
            "The depot stores large amounts of ammonia for its freezers. "
            "Crews kept the flames away from the ammonia tanks through the night.",
        ),
        make_item(
            2,
            "b",
            "Valley Herald",
            "Two workers and a firefighter, three people in all, were injured when the blaze "
            "spread to the loading bay, fire chief Ana Ruiz said. "
            "The mayor praised the crews and promised a review of the city's alert system. "
            "The depot will be torn down next month.",
        ),
    ]
    # Without claims to tie them (their alignment may fail), the count itself does.
    for claims in (extract_claims(items), []):
        summary = summarize(items, claims, max_sentences=7)
        told = [s["text"] for s in summary if re.search(r"three people", s["text"])]
        assert len(told) == 1, told


def test_quote_only_sentences_are_left_out() -> None:
    text = (
        "The city council approved a new budget for the public library on Tuesday night. "
        '"This is the best day for readers in this town in twenty long years," Ann Lee said. '
        "The budget adds two hundred thousand dollars for new books and longer opening hours. "
        "Council members voted seven to two in favour of the plan after a long debate."
    )
    items = [make_item(1, "a", "Post", text)]
    summary = summarize(items, extract_claims(items))
    assert summary
    assert not any("best day for readers" in s["text"] for s in summary)


def test_empty_story_has_empty_summary() -> None:
    assert summarize([], []) == []


# A story told by three outlets: each opens differently, but all three report the
# bridge closure; one article's lead is a side remark the others never mention.
BRIDGE_A = (
    "Harbour Bridge closed\n"
    "The city's annual flower show opens on Saturday in the old market hall downtown. "
    "Engineers closed the Harbour Bridge in Tallin Bay on Tuesday after finding deep cracks "
    "in two of its steel supports. "
    "Commuters were told to use the ferry while inspectors examine the damaged supports."
)
BRIDGE_B = (
    "Inspectors found deep cracks in two steel supports of the Harbour Bridge, and engineers "
    "closed the bridge on Tuesday. "
    "The ferry will carry commuters across Tallin Bay until the supports are repaired. "
    "Police pulled him over near the toll booth and questioned him for an hour."
)
BRIDGE_C = (
    "The Harbour Bridge was closed on Tuesday when engineers discovered cracks in two of its "
    "steel supports. "
    '"We cannot let a single car cross until every support is safe again. '
    'Nobody should take that risk," the city engineer told reporters at the site.'
)


def _bridge_story() -> list:
    return [
        make_item(1, "a", "Bay News", BRIDGE_A),
        make_item(2, "b", "Metro Daily", BRIDGE_B),
        make_item(3, "c", "Radio Nine", BRIDGE_C),
    ]


def test_the_fact_every_source_shares_leads_over_an_article_opening_about_something_else() -> None:
    items = _bridge_story()
    summary = summarize(items, extract_claims(items), max_sentences=3)
    assert "cracks" in summary[0]["text"] and "Harbour Bridge" in summary[0]["text"]
    assert len(summary[0]["article_ids"]) == 3
    texts = [s["text"] for s in summary]
    # The side remark that opens article a is less central than the closure and the ferry:
    # coming first lends weight to what a sentence says about the story, not to any sentence.
    assert not any("flower show" in t for t in texts)
    assert any("ferry" in t for t in texts)


def test_headlines_quote_fragments_and_unintroduced_object_pronouns_are_left_out() -> None:
    items = _bridge_story()
    texts = [s["text"] for s in summarize(items, extract_claims(items), max_sentences=7)]
    assert texts
    assert not any(t.startswith("Harbour Bridge closed") for t in texts)  # a headline
    assert not any("Nobody should take that risk" in t for t in texts)  # inside a quotation
    assert not any("pulled him over" in t for t in texts)  # "him" is nobody named


def test_a_sentence_that_runs_into_a_quotation_is_a_quote_fragment() -> None:
    from storylens.compare.summary import is_quote_fragment

    assert is_quote_fragment('Nobody should take that risk," the engineer said.')
    assert is_quote_fragment("``We will reopen the bridge in May.")
    assert not is_quote_fragment('The mayor called the closure "a necessary pause" on Friday.')
    assert not is_quote_fragment("Engineers closed the bridge on Tuesday.")


def test_a_pronoun_is_not_replaced_by_a_word_the_tagger_took_for_a_name() -> None:
    from storylens.model import Mention

    text = (
        "Mayor Dana Reyes opened the new harbour museum in Calder on Friday morning. "
        "Shot marks from the old war were left on the museum's north wall for visitors. "
        "She said the museum would stay open every day of the summer for school groups. "
        "A shot of the opening ceremony was shown on the city's big screen downtown."
    )
    items = [make_item(1, "a", "Post", text)]
    analysis = items[0][1]
    at = text.index("Shot marks")
    # A tagger's error: "Shot" at a sentence start read as a person's name.
    analysis.entities.append(Mention("Shot", at, at + 4, "PERSON"))
    analysis.entities.sort(key=lambda m: m.start)
    texts = [s["text"] for s in summarize(items, extract_claims(items), max_sentences=7)]
    assert texts
    assert not any(t.startswith("Shot said") for t in texts)


def test_one_fact_is_told_once_and_a_disputed_figure_is_flagged() -> None:
    items = [
        make_item(
            1,
            "a",
            "Harbor Post",
            "The ferry terminal in Calder was closed on Monday after a crane collapsed onto the "
            "pier. Repairs will cost about $3.2 million, the port authority said. The crane "
            "operator was taken to hospital with minor injuries. Mayor Ada Lind said the city "
            "would pay the $3.2 million bill from its reserve fund.",
        ),
        make_item(
            2,
            "b",
            "Coast Wire",
            "A crane collapsed onto the pier at the Calder ferry terminal on Monday, and the "
            "terminal was closed. Repairs will cost about $2.3 million, the port authority said. "
            "Ferries will dock at the fishing harbor until the pier reopens.",
        ),
    ]
    claims = extract_claims(items)
    assert [c["conflict"]["values"] for c in claims if c["label"] == "disputed"] == [["3.2", "2.3"]]
    summary = summarize(items, claims, max_sentences=7)
    collapse = [s for s in summary if "crane collapsed" in s["text"]]
    assert len(collapse) == 1, "the two outlets' wordings of one fact are one summary sentence"
    assert set(collapse[0]["article_ids"]) == {"a", "b"}
    [bill] = [s for s in summary if "reserve fund" in s["text"]]
    assert bill["disputed"] == [{"values": ["3.2", "2.3"], "article_ids": ["a", "b"]}]
    assert not any("disputed" in s for s in summary if "million" not in s["text"])


@pytest.mark.parametrize("headline_end", ["\n", "\n\n"])
def test_the_dateline_after_a_headline_line_is_not_part_of_the_summary(headline_end: str) -> None:
    lead = (
        f"Harbour Bridge shut after inspectors find cracks{headline_end}"
        "CALDER — The Harbour Bridge was closed to all traffic on Monday after inspectors "
        "found cracks in two steel beams beneath its eastern span."
    )
    other = (
        "The Harbour Bridge in Calder was closed to all traffic on Monday after inspectors "
        "found cracks in two steel beams under the eastern span."
    )
    items = [make_item(1, "a", "Bay News", lead), make_item(2, "b", "Metro Daily", other)]
    texts = [s["text"] for s in summarize(items, extract_claims(items))]
    assert any("cracks in two steel beams" in t for t in texts)
    assert not any("CALDER" in t for t in texts)


def test_questions_exclamations_and_openings_that_point_back_are_left_out() -> None:
    first = (
        "Will the ferry service on Lake Orrin ever run on time again? "
        "A new ferry timetable for Lake Orrin starts next month, the operator said on Friday. "
        "Not so in earlier years, when the ferries to Lake Orrin ran on a fixed timetable. "
        "On Friday, it promised two more ferry crossings of Lake Orrin each day! "
        "On Friday, it also added a night ferry crossing of Lake Orrin for the summer."
    )
    second = (
        "The operator of the Lake Orrin ferry said on Friday it will start a new timetable "
        "next month. "
        "Commuters on Lake Orrin have complained about late ferries for two years."
    )
    items = [make_item(1, "a", "Ledger", first), make_item(2, "b", "Courier", second)]
    texts = " ".join(s["text"] for s in summarize(items, extract_claims(items), 7))
    assert "timetable" in texts  # the story is summarized ...
    # ... without the question, the exclamation, or a sentence that needs the one before.
    assert "?" not in texts and "!" not in texts
    assert "Not so" not in texts and "it also added" not in texts


def test_a_linked_names_hover_card_is_no_part_of_a_sentence() -> None:
    card = (
        "Senator Ann Vole Ann VoleSenate passes the ferry budget Vole: we need more ferries "
        "MORE warned that the Lake Orrin ferries would stop running in winter."
    )
    items = [make_item(1, "a", "Ledger", card)]
    units = sentence_units(items)
    assert units and all("passes" not in u.narration for u in units)
    assert not [u for u in units if eligible(u)]


def test_page_labels_and_datelines_are_cut_and_sentences_pointing_back_left_out() -> None:
    first = (
        "CALDER – The harbor board of Calder closed the north pier on Monday after a crane "
        "collapsed. "
        "Half of them said the ferry timetable for Lake Orrin would change. "
        "The driver of that crane was taken to the Calder hospital with minor injuries."
    )
    second = (
        "CLOSE The harbor board of Calder shut the north pier on Monday when a crane "
        "collapsed onto it. "
        "Ferries to Lake Orrin will dock at the fishing harbor of Calder for a month."
    )
    items = [make_item(1, "a", "Ledger", first), make_item(2, "b", "Courier", second)]
    texts = [s["text"] for s in summarize(items, extract_claims(items), 7)]
    assert any(t.startswith("The harbor board of Calder") for t in texts)
    assert not [t for t in texts if "CALDER" in t or "CLOSE" in t]
    assert not [t for t in texts if "Half of them" in t or "that crane" in t]


def test_a_headline_printed_as_a_sentence_is_left_out() -> None:
    text = (
        "After Storm, Power Returns To Calder Homes.\n\n"
        "Electricity came back to 40,000 homes in Calder on Tuesday after crews worked "
        "through the night. Governor Nadia Brandt thanked the utility crews from three "
        "states. Schools in the city reopened on Wednesday morning."
    )
    items = [make_item(1, "a", "Post", text)]
    summary = summarize(items, extract_claims(items))
    assert summary
    assert not any("Power Returns" in s["text"] for s in summary)
    assert any("Governor Nadia Brandt thanked" in s["text"] for s in summary)


def test_days_named_without_their_year_carry_the_day_their_article_means() -> None:
    from datetime import date

    items = [
        analyzed_item(
            1,
            "Harbor Post",
            "Yesterday the ferry terminal in Calder was closed after a crane collapsed onto the "
            "pier. The crane operator was taken to hospital with minor injuries.",
            date(2031, 5, 14),
        ),
        analyzed_item(
            2,
            "Coast Wire",
            "The ferry terminal in Calder was closed on Tuesday after a crane collapsed onto the "
            "pier, the port authority said. Ferries will dock at the fishing harbor.",
            date(2031, 5, 16),
        ),
    ]
    summary = summarize(items, extract_claims(items), max_sentences=7)
    days = {d["text"]: d["date"] for s in summary for d in s.get("dates", [])}
    # Each outlet's own day: "Yesterday" on May 14 and "Tuesday" on May 16 are one day.
    assert days and set(days) <= {"Yesterday", "Tuesday"}, summary
    assert set(days.values()) == {"2031-05-13"}
    # A sentence that names no day carries none.
    assert not any("dates" in s for s in summary if "hospital" in s["text"])
