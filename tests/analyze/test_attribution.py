"""Quotes and speakers on small invented articles, with the real spaCy model."""

from __future__ import annotations

import pytest

from storylens.analyze.attribution import Attribution, AttributionStep, find_attributions
from storylens.analyze.attribution_frames import frame_before
from storylens.model import Quote


def _by_text(result: Attribution, needle: str, kind: str | None = None) -> Quote:
    found = [q for q in result.quotes if needle in q.text and kind in (None, q.kind)]
    assert found, f"{needle!r} not in {[q.text for q in result.quotes]}"
    return found[0]


def _said_by(quote: Quote) -> str | None:
    """The name of the person or body the quote is given to (None when nobody)."""
    return quote.speaker.name if quote.speaker else None


def _source(quote: Quote) -> str | None:
    """The words the text names the quote's source by (None when nobody)."""
    return quote.speaker.text if quote.speaker else None


def test_direct_quote_after_cue_and_split_quote_share_the_speaker() -> None:
    text = (
        "Harbor commissioner Lena Okafor defended the new ferry schedule on Tuesday.\n\n"
        '"The boats will run every twenty minutes," Okafor said. "Nobody will wait in the rain."'
    )
    result = find_attributions(text)
    first = _by_text(result, "every twenty minutes")
    second = _by_text(result, "Nobody will wait")
    assert first.kind == second.kind == "direct"
    assert _said_by(first) == "Lena Okafor"
    assert _said_by(second) == "Lena Okafor"
    assert first.cue is not None and first.cue.text == "said"


def test_pronoun_speaker_resolves_to_the_person_the_passage_is_about() -> None:
    text = (
        "Senator Maria Delgado met farmers in Fresno, where Governor Tom Baker had spoken a day "
        'earlier. She told them: "Water rights will not be traded away."'
    )
    quote = _by_text(find_attributions(text), "Water rights")
    assert quote.kind == "direct"
    assert _said_by(quote) == "Maria Delgado"
    assert quote.speaker.text == "She"


def test_pronoun_follows_the_last_speaker_not_the_nearest_name() -> None:
    text = (
        "The council approved the budget, according to spokesman Karl Weber. "
        '"We listened to every resident," he told reporters after the vote with Mayor Jon Ruiz.'
    )
    quote = _by_text(find_attributions(text), "listened to every resident")
    assert _said_by(quote) == "Karl Weber"


def test_partial_quote_inside_reported_speech() -> None:
    text = 'Mayor Jon Ruiz said the city would seek an "orderly transition" for the tenants.'
    result = find_attributions(text)
    partial = _by_text(result, "orderly transition", "partial")
    assert partial.kind == "partial"
    assert _said_by(partial) == "Jon Ruiz"
    indirect = _by_text(result, "the city would seek", "indirect")
    assert indirect.kind == "indirect"


def test_indirect_speech_has_its_content_span() -> None:
    text = "Economist Priya Nair said inflation would ease by the end of the year."
    quote = _by_text(find_attributions(text), "inflation would ease")
    assert quote.kind == "indirect"
    assert quote.text == "inflation would ease by the end of the year"
    assert _said_by(quote) == "Priya Nair"


# Sources that stay anonymous: (text, words of each of their quotes).
ANONYMOUS_SOURCES = {
    "unnamed official and people familiar": (
        "Mayor Jon Ruiz will resign next month, a senior official close to the mayor said. "
        "According to two people familiar with the talks, the deal collapsed on Friday.",
        ("will resign next month", "the deal collapsed"),
    ),
    # Whatever the noun, a source kept unnamed.
    "kept unnamed": (
        "A ferry mechanic who asked not to be named because he feared for his job said the "
        "engine had failed twice in May. A dock worker who spoke on condition of anonymity "
        "said the crew was told to keep quiet.",
        ("the engine had failed twice", "the crew was told to keep quiet"),
    ),
    "groups of unnamed people": (
        "Workers at the depot said the sensor had failed twice. Passengers said they waited. "
        "Patients of Holm Valley Clinic said they had heard nothing.",
        ("the sensor had failed twice", "they waited", "they had heard nothing"),
    ),
}


@pytest.mark.parametrize("case", ANONYMOUS_SOURCES)
def test_an_unnamed_source_stays_anonymous(case: str) -> None:
    text, needles = ANONYMOUS_SOURCES[case]
    result = find_attributions(text)
    for needle in needles:
        quote = _by_text(result, needle)
        assert quote.speaker is not None and quote.speaker.anonymous, needle
        assert "Ruiz" not in (quote.speaker.name or "")
    # Asking not to be named is how the source speaks, nothing it says.
    assert not [q for q in result.quotes if q.text.startswith("not to be named")]


def test_why_a_source_may_not_speak_and_news_received_are_nothing_said() -> None:
    result = find_attributions(
        "A harbor clerk who was not authorized to discuss the audit said the ferry fund was "
        "short. Ferry riders began receiving word on Monday that their passes had expired."
    )
    assert [q.text for q in result.quotes] == ["the ferry fund was short"]


def test_what_happens_as_someone_speaks_and_a_plan_s_purpose_are_nothing_said() -> None:
    result = find_attributions(
        "Councilwoman Ada Brink listens as harbor chief Tomas Lind testifies before the "
        "council in Marlow. The goal is to encourage ferry operators to hire local crews. "
        "The aim is to ensure that riders who cancel do not pay for trips they never take."
    )
    assert result.quotes == []
    # Set off by a comma, an "as" clause still tells what was said.
    result = find_attributions("The ferry fund is nearly empty, as Lind testified on Monday.")
    quote = _by_text(result, "ferry fund")
    assert quote.text == "The ferry fund is nearly empty"
    assert _said_by(quote) == "Lind"


def test_a_source_ends_before_its_cue() -> None:
    # The parser hangs the list after the verb on the subject as an apposition.
    result = find_attributions(
        "On Tuesday night, Mayor Ada Brink’s office announced the council will vote on two "
        "levy bills next week, one conservative proposal and one compromise piece of "
        "legislation that has yet to be written."
    )
    quote = _by_text(result, "the council will vote")
    assert _source(quote) == "Mayor Ada Brink’s office"


def test_let_us_is_no_source() -> None:
    result = find_attributions(
        "As both sides debate the levy, let’s not forget that not every ferry rider is a commuter."
    )
    assert all(q.speaker is None for q in result.quotes)


def test_a_lone_function_word_is_nothing_said() -> None:
    # A preposition left at the end of a relative clause is no object of the cue.
    result = find_attributions(
        "Lind then accused the audience of consisting of donors and special interests -- "
        "essentially the establishment he rails against. The harbor official Lind was "
        "referring to is Ada Brink, who was born and raised in Marlow."
    )
    assert [q.text for q in result.quotes] == [
        "the audience of consisting of donors and special interests"
    ]


def test_a_passive_cue_holds_its_subject_and_names_no_speaker() -> None:
    # "were expected": the injured are what is expected, not who expects it.
    result = find_attributions("All four crew members were expected to recover.")
    quote = _by_text(result, "to recover")
    assert quote.text == "All four crew members were expected to recover"
    assert quote.speaker is None
    # An agent named with "by" is the one who expects it.
    result = find_attributions("The levy was expected by analysts to pass easily.")
    quote = _by_text(result, "to pass easily")
    assert _source(quote) == "analysts"


def test_a_dateline_is_no_part_of_what_was_said() -> None:
    text = (
        "Ferry line suspends night crossings\n"
        "PORT MEDRIN — The night ferry to Holm Island will stop running until the pier is "
        "repaired, harbor commissioner Lena Okafor said on Tuesday."
    )
    quote = _by_text(find_attributions(text), "The night ferry")
    assert quote.text.startswith("The night ferry to Holm Island will stop running")


def test_a_relative_clause_after_a_name_is_no_part_of_the_source() -> None:
    text = (
        "Harbor Freight declined to comment on the audit.\n\n"
        "County Supervisor Elena Markey, who has called for an independent review, said the "
        'harbor board waited too long. "Eight days is inexcusable," she said.'
    )
    result = find_attributions(text)
    said = _by_text(result, "waited too long")
    assert _source(said) == "County Supervisor Elena Markey"
    assert said.speaker.name == "Elena Markey"
    # "she" is the supervisor, never the firm of the sentence before.
    quote = _by_text(result, "Eight days is inexcusable")
    assert _said_by(quote) == "Elena Markey"


def test_he_or_she_never_names_an_organization() -> None:
    text = (
        "The Harbor Authority said on Monday that the pier would reopen in May.\n\n"
        '"We will rebuild the pier before the summer," he said.'
    )
    quote = _by_text(find_attributions(text), "We will rebuild the pier")
    assert quote.speaker is not None and quote.speaker.name != "Harbor Authority"


# Titled names a speaker is known by: (text, words of each quote, the person).
TITLED_SPEAKERS = {
    "name of a body": (
        "The fire injured three people, according to Deputy Fire Chief Anselm Truby of "
        "Greyhaven Fire Rescue. None of the injuries were serious, he said.",
        ("The fire injured three people", "None of the injuries"),
        "Anselm Truby",
    ),
    "abbreviated title": (
        "The depot was evacuated, said Sgt. Ana Ruiz of the Greyhaven police.",
        ("The depot was evacuated",),
        "Ana Ruiz",
    ),
    "council member": (
        "City Councilmember Tobias Ferrante, whose district includes the east bank, said the "
        'bridge should have closed sooner. "Waiting three days was irresponsible," he said.',
        ("should have closed sooner", "Waiting three days"),
        "Tobias Ferrante",
    ),
}


@pytest.mark.parametrize("case", TITLED_SPEAKERS)
def test_a_titled_speaker_is_the_person_named(case: str) -> None:
    text, needles, name = TITLED_SPEAKERS[case]
    result = find_attributions(text)
    for needle in needles:
        quote = _by_text(result, needle)
        assert _said_by(quote) == name, needle


# The source phrase a speaker is read from: (text, words of the quote, its speaker as
# written).
SOURCE_PHRASES = {
    # The one moved to act speaks the infinitive.
    "urged to act": (
        "GREYHAVEN - A fire tore through a warehouse on Friday, prompting city officials to "
        "order about 1,200 nearby residents to stay indoors.",
        "residents to stay indoors",
        "city officials",
    ),
    # A dateline names no one.
    "dateline": (
        "Clinic breach\n"
        "FERRIS HOLLOW - Patients of the Holm Valley clinic said on Wednesday "
        "that their records may have been stolen.",
        "their records may have been stolen",
        "Patients of the Holm Valley clinic",
    ),
    # A quotation closed inside the source's relative clause leaves the source a source.
    "quotation in relative clause": (
        "Councilmember Tobias Ferrante, who on Monday called the delay “deeply "
        "irresponsible,” said he had asked for every inspection report since January.",
        "he had asked for every inspection report",
        "Councilmember Tobias Ferrante",
    ),
}


@pytest.mark.parametrize("case", SOURCE_PHRASES)
def test_the_source_phrase_of_a_statement(case: str) -> None:
    text, needle, written = SOURCE_PHRASES[case]
    quote = _by_text(find_attributions(text), needle)
    assert _source(quote) == written


def test_a_quotation_split_by_a_parenthetical_cue_is_direct() -> None:
    text = (
        "Harbor Commissioner Dana Whitlock closed the bridge on Monday. "
        '"The steel is telling us something," she said, "and we are listening."'
    )
    result = find_attributions(text)
    for needle in ("The steel is telling us something", "and we are listening"):
        quote = _by_text(result, needle)
        assert quote.kind == "direct", needle
        assert _said_by(quote) == "Dana Whitlock"
    assert not [q for q in result.quotes if q.kind == "indirect" and "steel" in q.text]


def test_organization_speaker_keeps_its_description() -> None:
    text = '"Repairs will take a week," a statement from the transit agency said.'
    quote = _by_text(find_attributions(text), "Repairs will take a week")
    assert quote.speaker is not None
    assert quote.speaker.name is not None and "statement" in quote.speaker.name
    assert not quote.speaker.anonymous


def test_quote_continued_in_next_paragraph_keeps_its_speaker() -> None:
    text = (
        '"We built this bridge to last a century," engineer Sofia Brandt said.\n\n'
        '"Every bolt was tested twice, and the deck was poured in one night."\n\n'
        "The bridge opens to traffic on Monday."
    )
    quote = _by_text(find_attributions(text), "Every bolt was tested")
    assert quote.kind == "direct"
    assert _said_by(quote) == "Sofia Brandt"
    assert quote.cue is None


def test_embedded_post_with_its_own_date() -> None:
    text = (
        "The storm closed the airport.\n\n"
        "Stay safe everyone, and check on your neighbours tonight. "
        "pic.twitter.com/abc123 — Jane Holt (@JaneHoltMP) October 12, 2022\n\n"
        "Flights resumed the next day."
    )
    result = find_attributions(text)
    post = _by_text(result, "Stay safe everyone")
    assert post.kind == "tweet" and post.date == "2022-10-12"
    assert _said_by(post) == "Jane Holt"
    assert "pic.twitter" not in post.text
    holt = [p for p in result.people if p.name == "Jane Holt"]
    assert holt and "@JaneHoltMP" in holt[0].aliases


def test_scare_quotes_and_titles_are_not_statements() -> None:
    text = 'The film "Silent Harbor" opened on Friday. Critics were not invited.'
    assert [q for q in find_attributions(text).quotes if q.kind == "direct"] == []


def test_no_quotes_in_plain_narration() -> None:
    text = "The river rose two meters overnight. Schools stayed closed on Monday."
    assert find_attributions(text).quotes == []


def test_batch_equals_single() -> None:
    texts = [
        'Coach Ada Park said the team "played with heart" in the final.',
        "Nothing was said here. It rained.",
    ]
    step = AttributionStep()
    batch = step.process_batch(texts)
    single = [step.process(t) for t in texts]
    assert [q.to_dict() for r in batch for q in r.quotes] == [
        q.to_dict() for r in single for q in r.quotes
    ]


def test_step_pickles_without_its_model() -> None:
    import pickle

    step = AttributionStep(batch_size=8)
    step.setup()
    clone = pickle.loads(pickle.dumps(step))
    assert clone.batch_size == 8
    assert clone.process("Ada Park said it rained.").sentences == [(0, 24)]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", '"', '""', "“unclosed quote", "' '", "said said said"],
)
def test_degenerate_inputs(text: str) -> None:
    result = find_attributions(text)
    for q in result.quotes:
        assert q.text == text[q.start : q.end]


def test_name_in_apposition_to_a_role_is_the_speaker() -> None:
    result = find_attributions(
        "Britain's finance minister, Rachel Cole, told the BBC the budget would balance by 2027."
    )
    quote = _by_text(result, "the budget would balance")
    assert _said_by(quote) == "Rachel Cole"


def test_single_marks_and_a_short_second_part() -> None:
    text = "'We will not back down,' the union leader Tom Hale said. 'Not now, not ever.'"
    result = find_attributions(text)
    for needle in ("We will not back down", "Not now, not ever"):
        quote = _by_text(result, needle)
        assert quote.kind == "direct"
        assert _said_by(quote) == "Tom Hale"


def test_quote_over_paragraphs_is_one_direct_quote_with_the_closing_speaker() -> None:
    text = (
        "Health minister Ines Moreau spoke at length.\n\n"
        '"The wards are full. We have asked for more nurses.\n\n'
        '"We will open two field hospitals by Friday," she said.'
    )
    result = find_attributions(text)
    quote = _by_text(result, "The wards are full")
    assert "field hospitals" in quote.text and quote.kind == "direct"
    assert _said_by(quote) == "Ines Moreau"


def test_cue_inside_its_clause_attributes_the_whole_clause() -> None:
    text = (
        "Harbor commissioner Lena Okafor spoke on Tuesday. The new ferries, she said, will "
        "cut the crossing to twelve minutes by next summer."
    )
    quote = _by_text(find_attributions(text), "new ferries")
    assert quote.kind == "indirect"
    assert quote.text.startswith("The new ferries") and quote.text.endswith("next summer")
    assert _said_by(quote) == "Lena Okafor"


def test_prepositional_cue_keeps_its_preposition() -> None:
    text = "Mayor Ana Ruiz has called for an independent audit of the water utility."
    quote = _by_text(find_attributions(text), "audit")
    assert quote.text == "an independent audit of the water utility"


def test_adding_after_a_reported_clause_keeps_the_first_speaker() -> None:
    text = 'Mayor Ana Ruiz said the budget would be "tight," adding, "We will not cut schools."'
    quote = _by_text(find_attributions(text), "We will not cut schools")
    assert _said_by(quote) == "Ana Ruiz"


def test_called_with_a_quoted_name_attributes_and_a_plain_call_does_not() -> None:
    named = find_attributions('The mayor called the plan "a costly disgrace" on Monday.')
    assert any(q.kind == "indirect" and "costly disgrace" in q.text for q in named.quotes)
    plain = find_attributions("The mayor called the meeting on Monday.")
    assert not plain.quotes


def test_non_breaking_space_does_not_derail_the_parse() -> None:
    # Scraped pages keep U+00A0 between words; the parse must read it as a space.
    plain = (
        "Ames\u2019s \u201cpromises\u201d are empty, Okafor said Tuesday in Oakland, noting the "
        "governor \u201cmakes you want to leave.\u201d"
    )
    scraped = plain.replace("governor ", "governor\xa0")
    found = [(q.kind, q.start, q.end) for q in find_attributions(scraped).quotes]
    assert found == [(q.kind, q.start, q.end) for q in find_attributions(plain).quotes]
    _by_text(find_attributions(scraped), "makes you want to leave")


def test_second_participle_cue_starts_its_own_attribution() -> None:
    text = (
        "The senator pressed the agency on Monday, telling reporters that the audit was late "
        "and questioning whether the money was spent at all."
    )
    result = find_attributions(text)
    told = _by_text(result, "the audit was late", "indirect")
    assert "questioning" not in told.text


def test_relative_clause_glossing_the_last_noun_is_the_reporter_s() -> None:
    text = (
        "Dana Whitfield said she will vote for Governor Paul Ames, who signed the water bill "
        "last spring."
    )
    quote = _by_text(find_attributions(text), "she will vote for", "indirect")
    assert quote.text == "she will vote for Governor Paul Ames"


def test_said_with_a_misread_clause_still_has_content() -> None:
    # The small parser reads "said legalizing it could ..." with "legalizing" as an xcomp.
    text = "He said legalizing it could put thousands of people to work upstate."
    quote = _by_text(find_attributions(text), "thousands of people", "indirect")
    assert quote.text.startswith("legalizing it could put")


def test_where_clause_glossing_the_object_is_the_reporter_s() -> None:
    text = "Okafor pointed to the harbor in Oakland, where the ferries dock at night."
    quote = _by_text(find_attributions(text), "the harbor")
    assert quote.text == "the harbor in Oakland"


def test_a_poll_shows_its_object() -> None:
    text = "A new county poll shows Mayor Ruiz eleven points ahead of her rival."
    quote = _by_text(find_attributions(text), "eleven points", "indirect")
    assert quote.text == "Mayor Ruiz eleven points ahead of her rival"
    assert _source(quote) == "A new county poll"


def test_markup_words_are_not_cues() -> None:
    text = (
        "Council members reacted quickly:\n\n"
        '<tweet pic="" author="AnaRuiz" timestamp="1449075600" tweet_id="6721">Terrible news '
        "from the harbor tonight. My thoughts are with the crew</tweet>."
    )
    cues = {q.cue.text for q in find_attributions(text).quotes if q.cue is not None}
    assert "tweet" not in cues


def test_cue_cut_off_from_its_clause_takes_the_sentence_subject() -> None:
    # The parser hangs "leaned in and boomed" under a "dep" with no subject of its own.
    text = (
        "Mayor Lena Okafor waved as if to calm the room, then leaned in and boomed: "
        "\u201cLet\u2019s finish this bridge.\u201d"
    )
    quote = _by_text(find_attributions(text), "finish this bridge", "direct")
    assert _said_by(quote) == "Lena Okafor"


def test_that_clause_of_a_noun_of_saying() -> None:
    text = "Okafor also made the point that the ferry fares had not risen in ten years."
    quote = _by_text(find_attributions(text), "fares had not risen", "indirect")
    assert quote.text == "that the ferry fares had not risen in ten years"
    assert quote.cue is not None and quote.cue.text == "point"
    assert _source(quote) == "Okafor"


def test_that_clause_of_an_ordinary_noun_is_not_an_attribution() -> None:
    text = "The bridge that the city built in 1950 carries four lanes of traffic."
    assert find_attributions(text).quotes == []


def test_stance_verbs_take_their_object_or_topic() -> None:
    text = (
        "Forty percent of the council would vote for Mayor Lena Okafor. "
        "The mayor focused on the cost of the new ferry terminal."
    )
    result = find_attributions(text)
    assert _by_text(result, "Lena Okafor", "indirect").text == "Mayor Lena Okafor"
    focus = _by_text(result, "ferry terminal", "indirect")
    assert focus.text == "the cost of the new ferry terminal"


def test_irregular_spoke_is_a_cue_form() -> None:
    text = "Okafor spoke about the ferry fares at length."
    quote = _by_text(find_attributions(text), "ferry fares", "indirect")
    assert quote.cue is not None and quote.cue.text == "spoke"
    assert quote.text.startswith("the ferry fares")


def test_made_it_clear_that() -> None:
    text = "Okafor made it clear on Monday that the ferry fares will not rise."
    quote = _by_text(find_attributions(text), "fares will not rise", "indirect")
    assert quote.text == "that the ferry fares will not rise"
    assert _source(quote) == "Okafor"


def test_doubled_consonant_forms_are_cues() -> None:
    text = "The council planned to widen the bridge, and Okafor slammed the idea on Monday."
    result = find_attributions(text)
    cues = {q.cue.text for q in result.quotes if q.cue is not None}
    assert {"planned", "slammed"} <= cues


def test_second_that_clause_is_part_of_what_was_said() -> None:
    # The comma inside the closing mark makes the parser hang "and that ..." on the cue.
    text = (
        "The mayor said that the bridge \u201cwas never safe,\u201d and that the ferry will "
        "run instead."
    )
    quote = _by_text(find_attributions(text), "was never safe", "indirect")
    assert quote.text.endswith("and that the ferry will run instead")


def test_headline_ending_in_a_period_is_still_a_headline() -> None:
    text = "Okafor: Ferry fares will not rise this year.\n\nThe mayor spoke in Oakland on Monday."
    quote = _by_text(find_attributions(text), "Ferry fares will not rise")
    assert _source(quote) == "Okafor"


def test_all_capitals_dateline_is_not_a_speaker() -> None:
    text = "OAKLAND: Ferry fares rose by ten percent.\n\nThe port board met on Monday."
    assert not [q for q in find_attributions(text).quotes if "Ferry fares" in q.text]


def test_quotation_after_the_cue_continues_the_quoted_clause() -> None:
    text = (
        "The ferry ''is slower than it has ever been,'' Okafor told reporters after the "
        "meeting, ''and I want that fixed by June.''"
    )
    result = find_attributions(text)
    clause = _by_text(result, "The ferry", "indirect")
    rest = _by_text(result, "fixed by June", "direct")
    assert rest.cue is not None and clause.cue is not None
    assert (rest.cue.start, rest.cue.end) == (clause.cue.start, clause.cue.end)
    assert _said_by(rest) == "Okafor"


def test_title_case_headline_cue_is_read_as_a_verb() -> None:
    text = "Carly Fiorina Endorses Ted Cruz For President.\n\nShe spoke in Iowa on Tuesday."
    quote = _by_text(find_attributions(text), "Ted Cruz", "indirect")
    assert quote.cue is not None and quote.cue.text == "Endorses"
    assert _source(quote) == "Carly Fiorina"


def test_as_clause_cue_attributes_the_clause_it_is_set_in() -> None:
    result = find_attributions("As Lena Okafor observed, the ferry was never the problem.")
    quote = _by_text(result, "the ferry was never the problem", "indirect")
    assert quote.text == "the ferry was never the problem"
    assert _source(quote) == "Lena Okafor"


def test_as_reported_by_is_a_note_not_an_attribution() -> None:
    text = 'Mayor Lena Okafor spoke on Monday. "The ferry is late," she said as reported by the Gazette.'
    quote = _by_text(find_attributions(text), "The ferry is late")
    assert quote.kind == "direct"
    assert _said_by(quote) == "Lena Okafor"


def test_explain_and_outline_take_their_object() -> None:
    text = "Okafor sent a memo in April explaining her plan for the ferry terminal."
    quote = _by_text(find_attributions(text), "her plan", "indirect")
    assert quote.text == "her plan for the ferry terminal"
    assert _source(quote) == "Okafor"


def test_acknowledge_takes_its_object() -> None:
    text = "The port director acknowledged the delays at the ferry terminal."
    quote = _by_text(find_attributions(text), "the delays", "indirect")
    assert quote.text == "the delays at the ferry terminal"


def test_learned_takes_its_object() -> None:
    text = "The council learned the cost of the new ferry terminal on Monday."
    quote = _by_text(find_attributions(text), "the cost", "indirect")
    assert quote.text.startswith("the cost of the new ferry terminal")


def test_noted_takes_its_object() -> None:
    text = "The inspector noted the cracks in the pier on Monday."
    quote = _by_text(find_attributions(text), "the cracks", "indirect")
    assert quote.text.startswith("the cracks in the pier")


def test_cue_after_the_reporters_clause_keeps_its_own_subject() -> None:
    # The parser makes the "said" inside the quotation the root and hangs the opening clause
    # under it; "telling" must still take the subject of its own clause, not the quotation's.
    text = (
        "Ada Brandt didn’t seem particularly impressed with the council’s plan Tuesday, "
        "telling reporters, “A lot of people said the mayor should resign.”"
    )
    quote = _by_text(find_attributions(text), "A lot of people")
    assert quote.kind == "direct"
    assert _said_by(quote) == "Ada Brandt"
    assert quote.cue is not None and quote.cue.text == "telling"


def test_one_capitalized_word_spoken_beside_its_cue_is_a_quote_not_a_title() -> None:
    text = (
        "The coach was asked which team would win the title. “Denver,” he answered.\n\n"
        "When a fan in the stands shouted, “Boston!” the coach only smiled.\n\n"
        "Later he appeared on the morning show “Good Day Denver” to talk about the season."
    )
    result = find_attributions(text)
    denver = _by_text(result, "Denver", "direct")
    assert denver.text == "Denver"
    assert denver.cue is not None and denver.cue.text == "answered"
    boston = _by_text(result, "Boston", "direct")
    assert _source(boston) == "a fan in the stands"
    assert not [q for q in result.quotes if "Good Day" in q.text and q.kind == "direct"]


def test_quotation_right_after_a_reported_clause_goes_on_with_its_speaker() -> None:
    text = (
        "Harbor commissioner Lena Okafor said the bridge would reopen in May.\n\n"
        "“We are ahead of schedule and well under budget.”\n\n"
        "Not everyone was pleased with the plan.\n\n"
        "“We have had better summers than this one,” a ferry captain said."
    )
    result = find_attributions(text)
    ahead = _by_text(result, "ahead of schedule", "direct")
    assert _said_by(ahead) == "Lena Okafor"
    assert ahead.cue is None
    summers = _by_text(result, "better summers", "direct")
    assert _source(summers) == "a ferry captain"


def test_cue_closing_a_paragraph_with_a_colon_takes_the_quoted_paragraph_after() -> None:
    text = (
        "Farmer Jonas Reed echoed:\n\n"
        "“The river decides the harvest, and this year it decided early.”\n\n"
        "The water board said about its new pricing rules:\n\n"
        "“Rates will rise for the largest users first. Households will see no change.”"
    )
    result = find_attributions(text)
    river = _by_text(result, "The river decides", "direct")
    assert river.speaker is not None and river.speaker.text.endswith("Jonas Reed")
    assert river.cue is not None and river.cue.text == "echoed"
    rates = _by_text(result, "Rates will rise", "direct")
    assert _source(rates) == "The water board"
    assert not [q for q in result.quotes if q.text.startswith("its new pricing")]


def test_as_she_put_it_and_in_his_words_attribute_the_quotation() -> None:
    text = (
        "As Dana Fields, a historian at the university, put it, “The town has never voted "
        "for a loser, and it never will.”\n\n"
        "The museum was full because, in the curator’s words, “people want to see the past up "
        "close.”\n\n"
        "He put it on the shelf and left."
    )
    result = find_attributions(text)
    town = _by_text(result, "never voted", "direct")
    assert town.speaker is not None and town.speaker.text.startswith("Dana Fields")
    assert town.cue is not None and town.cue.text == "put it"
    past = _by_text(result, "see the past", "direct")
    assert past.speaker is not None and "curator" in past.speaker.text
    assert not [q for q in result.quotes if "shelf" in q.text]


def test_that_clause_the_parser_hangs_on_a_noun_is_still_what_was_said() -> None:
    text = (
        "Senator Ruth Alder said following a vote in 2009 that she had “very serious concerns "
        "about the dam.”\n\n"
        "The mayor said on Monday the plan that the council approved was a mistake."
    )
    result = find_attributions(text)
    concerns = _by_text(result, "serious concerns", "indirect")
    assert concerns.text.startswith("that she had")
    assert concerns.cue is not None and concerns.cue.text == "said"
    # A relative "that" (the subject of its clause) leaves the object alone.
    plan = _by_text(result, "the plan that", "indirect")
    assert plan.text == "the plan that the council approved was a mistake"


def test_quotation_after_that_is_a_reported_clause_with_its_complementizer() -> None:
    text = "The governor told supporters that “the new road will be finished by June.”"
    result = find_attributions(text)
    clause = _by_text(result, "the new road", "indirect")
    assert clause.text.startswith("that “the new road")
    assert not [q for q in result.quotes if q.kind == "direct"]


def test_prepositional_object_takes_its_as_phrase_and_a_day_is_no_object() -> None:
    text = (
        "The senator refers to the governor as “the bridge builder.”\n\n"
        "The mayor promised Sunday at a rally in Reno to end the parking fees."
    )
    result = find_attributions(text)
    builder = _by_text(result, "the bridge builder", "indirect")
    assert builder.text.startswith("the governor as")
    assert not [q for q in result.quotes if q.text == "Sunday"]


def test_irregular_verb_with_a_particle_frames_the_quotation_before_it() -> None:
    text = (
        "“Can it happen again?” the reporter asked.\n\n"
        "“You know, it happens, right?” Mayor Tom Reyes went on, as if he had not heard her. "
        "“But you have to get over it.”"
    )
    result = find_attributions(text)
    first = _by_text(result, "You know, it happens", "direct")
    assert _said_by(first) == "Tom Reyes"
    assert first.cue is not None and first.cue.text == "went on"
    second = _by_text(result, "get over it", "direct")
    assert _said_by(second) == "Tom Reyes"


def test_that_clause_under_a_stance_word_outside_the_lexicon() -> None:
    text = "Harbor workers are optimistic that the new cranes will arrive before winter."
    quote = _by_text(find_attributions(text), "the new cranes", "indirect")
    assert quote.text == "that the new cranes will arrive before winter"
    assert _source(quote) == "Harbor workers"
    assert quote.cue is not None and quote.cue.text == "optimistic"


def test_that_clause_without_a_holder_is_no_attribution() -> None:
    text = "It is likely that the new cranes will arrive before winter."
    assert not find_attributions(text).quotes


def test_object_content_goes_on_over_phrases_hung_on_the_cue() -> None:
    # The parser hangs "by name" on the verb, not on its object.
    text = "The mayor did not mention the harbor chief by name."
    quote = _by_text(find_attributions(text), "harbor chief", "indirect")
    assert quote.text == "the harbor chief by name"


def test_participle_joined_to_the_reported_verb_stays_in_the_clause() -> None:
    text = (
        "Councilor Mia Berg said the port authority is wasting money and ignoring the dock workers."
    )
    quote = _by_text(find_attributions(text), "wasting money", "indirect")
    assert quote.text.endswith("ignoring the dock workers")


def test_pronoun_repeated_in_a_sentence_is_its_first_one_s_person() -> None:
    text = (
        "Mayor Dana Ruiz, a former nurse, spoke at the harbor on Monday.\n\n"
        "Though she did not name Senator Jane Ames, she said the budget vote was rigged."
    )
    quote = _by_text(find_attributions(text), "the budget vote was rigged", "indirect")
    assert _said_by(quote) == "Dana Ruiz"


def test_calling_for_someone_to_act_is_what_was_called_for() -> None:
    # The parser reads "for the harbor board to step up" as a clause of "calling".
    text = "Mayor Lena Okafor is calling for the harbor board to step up its safety checks."
    quote = _by_text(find_attributions(text), "safety checks", "indirect")
    assert quote.text == "the harbor board to step up its safety checks"
    assert _said_by(quote) == "Lena Okafor"


def test_a_closing_time_is_not_part_of_the_object_content() -> None:
    for text, expected in (
        ("The governor endorsed Councilor Jane Ames in March.", "Councilor Jane Ames"),
        ("The governor endorsed Councilor Jane Ames last week.", "Councilor Jane Ames"),
    ):
        quote = _by_text(find_attributions(text), "Jane Ames", "indirect")
        assert quote.text == expected


def test_cue_verb_deep_inside_a_reported_clause_stays_in_it() -> None:
    text = "Okafor says she will meet anyone who wants to talk to or yell at her about the ferries."
    quote = _by_text(find_attributions(text), "she will meet anyone", "indirect")
    assert quote.text.endswith("yell at her about the ferries")


def test_an_empty_source_span_is_no_speaker_and_no_person() -> None:
    from storylens.analyze.attribution_parse import RawAttribution
    from storylens.analyze.attribution_speakers import SpeakerResolver
    from storylens.analyze.people import PeopleIndex

    text = "The row over the harbor plan is threatening to overshadow the vote."
    index = PeopleIndex()
    resolver = SpeakerResolver(text, [(0, len(text))], index, [])
    cue = text.index("threatening")
    raw = RawAttribution(cue=(cue, cue + 11), source=(cue, cue), content=(cue + 12, len(text)))
    assert resolver.speaker_for(raw) is None
    assert not [p for p in index.people if not p.name.strip()]


def test_the_person_an_outlet_quotes_is_the_speaker_not_the_outlet() -> None:
    text = (
        "The harbor budget passed on Friday.\n\n"
        '"The deal keeps the ferries running," Calder Radio quoted Mara Voss, a '
        "spokeswoman for the harbor board."
    )
    quote = _by_text(find_attributions(text), "keeps the ferries running", "direct")
    assert _said_by(quote) == "Mara Voss"
    assert quote.cue is not None and quote.cue.text == "quoted"


def test_a_closing_participle_stays_in_the_reported_clause() -> None:
    # The speaker's own consequence: annotators keep ', bringing ...' in what was said.
    text = "The ferry company said it carried 40,000 riders in May, bringing its total to a record."
    quote = _by_text(find_attributions(text), "40,000 riders", "indirect")
    assert quote.text.endswith("bringing its total to a record")


def test_a_quotation_opening_a_reported_clause_is_not_an_earlier_speakers() -> None:
    # The parser starts the clause after the opening mark; the quotation is still the
    # mayor's, not a continuation of the harbor chief's quote before it.
    text = (
        'Harbor chief Lena Okafor spoke first. "The boats are safe," said Okafor.\n\n'
        '"We are ready for the storm, unlike the city" at the council meeting, Mayor Tom Reyes '
        "said."
    )
    found = [q for q in find_attributions(text).quotes if "ready for the storm" in q.text]
    assert found
    for quote in found:
        assert _said_by(quote) == "Tom Reyes"


def test_a_condition_after_the_object_goes_on_with_it() -> None:
    # The parser hangs 'if she wins ...' on the verb; the promise is conditional.
    text = "The mayor promised to name Ortiz harbor chief if she wins the primary."
    quote = _by_text(find_attributions(text), "harbor chief", "indirect")
    assert quote.text == "to name Ortiz harbor chief if she wins the primary"


def test_an_if_clause_of_a_question_is_what_was_asked() -> None:
    # The parser hangs 'if ...' on "asked" as an adverbial clause; the ones asked are not
    # what was asked.
    text = "The pollster asked dock workers if they planned to attend the caucus."
    quote = _by_text(find_attributions(text), "planned", "indirect")
    assert quote.text == "if they planned to attend the caucus"


def test_a_reason_after_the_reported_clause_goes_on_with_it() -> None:
    # The parser hangs ', because ...' on the cue; the reason is part of what was said.
    text = "Reyes told reporters the vote was rigged, because the machines were never tested."
    quote = _by_text(find_attributions(text), "rigged", "indirect")
    assert quote.text == "the vote was rigged, because the machines were never tested"


def test_a_two_word_object_is_what_was_rejected() -> None:
    # 'rejected the plan', 'endorsed the levy': a determiner and a noun make a content.
    result = find_attributions(
        "The council rejected the plan.\n\nThe harbor board endorsed the levy."
    )
    assert _by_text(result, "plan", "indirect").text == "the plan"
    assert _by_text(result, "levy", "indirect").text == "the levy"


def test_a_to_infinitive_after_the_object_goes_on_with_it() -> None:
    # The parser reads 'to help ...' as a clause of purpose of the verb; it is part of
    # what was proposed.
    text = "The mayor proposed nearly $2 million in grants to help schools buy buses."
    quote = _by_text(find_attributions(text), "grants", "indirect")
    assert quote.text == "nearly $2 million in grants to help schools buy buses"


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        # Titles and their organization before the name, coordinated titles too.
        (
            "In a letter on Monday, Calder Transit President and Chief Executive Officer"
            " Gary Pruitt said the fares would rise in May. Pruitt said riders were told.",
            "the fares would rise",
            "Gary Pruitt",
        ),
        # A name the tagger may miss, after an outlet's possessive; then its surname alone.
        (
            "KCAL's John Calloway said the bridge would close. Calloway said crews were ready.",
            "crews were ready",
            "John Calloway",
        ),
        (
            "House Majority Whip Kevin Dorsey said the vote would come Friday.",
            "the vote",
            "Kevin Dorsey",
        ),
    ],
)
def test_a_name_after_its_titles_is_the_speaker(text: str, needle: str, speaker: str) -> None:
    quote = _by_text(find_attributions(text), needle)
    assert _said_by(quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Lawyers for Donald Petrie said the filing was late.",
        "Researchers at the Center for Public Integrity said the data were incomplete.",
        "Supporters of Mayor John Hale said the recall would fail.",
    ],
)
def test_a_group_named_after_a_person_is_not_that_person(text: str) -> None:
    [quote] = find_attributions(text).quotes
    assert quote.speaker is not None and quote.speaker.name not in (
        "Donald Petrie",
        "John Hale",
        "Public Integrity",
    )


def test_what_the_reporter_adds_after_the_quoted_words_is_not_said() -> None:
    text = (
        "Mayor Lena Okafor called the ferry contract “a bad deal for the harbor” in an interview "
        "with the Bayside Courier on Sunday. Councilman Karl Weber described the new pier as "
        "“the pride of the waterfront” — a structure that cost the town $4 million."
    )
    result = find_attributions(text)
    interview = _by_text(result, "bad deal", "indirect")
    assert interview.text.endswith("for the harbor”")
    gloss = _by_text(result, "pride of the waterfront", "indirect")
    assert gloss.text.endswith("waterfront”")


def test_reported_words_that_go_on_after_the_quoted_ones_stay_whole() -> None:
    # A place of the act itself, not of the saying, and a contrast the speaker draws.
    text = (
        "Mayor Lena Okafor said the tenants would not be “left behind” at the new pier. "
        "Councilman Karl Weber said he backs the plan “100 percent” while his rival does not."
    )
    result = find_attributions(text)
    assert _by_text(result, "left behind", "indirect").text.endswith("at the new pier")
    assert _by_text(result, "100 percent", "indirect").text.endswith("his rival does not")


def test_calling_someone_names_in_quoted_words_is_a_statement_of_its_own() -> None:
    text = (
        "Councilman Karl Weber says he respects the mayor and calls her “the hardest-working "
        "person in the harbor.”"
    )
    result = find_attributions(text)
    respects = _by_text(result, "he respects the mayor", "indirect")
    assert respects.text == "he respects the mayor"
    calls = _by_text(result, "hardest-working", "indirect")
    assert calls.text.startswith("her “the hardest-working")


def test_a_participle_with_its_own_auxiliary_goes_on_with_what_was_said() -> None:
    text = (
        "The mayor’s office said she would “back the winner” but “isn’t planning to endorse "
        "anyone before the vote.”"
    )
    quote = _by_text(find_attributions(text), "back the winner", "indirect")
    assert "endorse anyone before the vote" in quote.text


def test_a_day_or_a_question_word_is_no_speaker() -> None:
    text = (
        "So why the sudden interest? Whatever could make the council jump on the plan and "
        "express outrage over the harbor budget?"
    )
    for quote in find_attributions(text).quotes:
        assert quote.speaker is None or quote.speaker.name is None


def test_a_relative_clause_with_a_cue_of_its_own_is_that_persons_statement() -> None:
    text = (
        "During the broadcast, Okafor praised evangelist Karl Weber, who has publicly vowed "
        "not to buy harbor bonds this year because of the board’s “support of the casino.”"
    )
    result = find_attributions(text)
    vow = _by_text(result, "not to buy harbor bonds", "indirect")
    assert _said_by(vow) == "Karl Weber"
    assert _by_text(result, "support of the casino", "partial").speaker == vow.speaker
    praise = [q for q in result.quotes if q.speaker and q.speaker.name == "Okafor"]
    assert praise and all("harbor bonds" not in q.text for q in praise)


@pytest.mark.parametrize(
    ("text", "needles", "speaker"),
    [
        # The parser reads "organizations" as a subject of "said": the frame names the speaker.
        (
            "The harbor board apologized on Friday.\n\n“I am appalled that the IRS targeted "
            "organizations,” said Karl Weber, who chairs the finance committee. “No resident "
            "should be treated this way.”",
            ("appalled", "No resident"),
            "Karl Weber",
        ),
        # The apostrophe of "Rivers’" is no closing quotation mark, and no apposed speaker.
        (
            "On Sunday, Ann Rivers said she had raised $2 million in January. “The numbers we "
            "have seen since Jan. 1 put our campaign on pace to win the harbor seat,” Tom Harris, "
            "Rivers’ campaign manager, said in a statement.",
            ("The numbers we have seen",),
            "Tom Harris",
        ),
        # The parser hangs the adviser on "Ledger" and leaves "said" without a subject.
        (
            "In a statement to the Ledger, his senior adviser, Tom Harris, said: “The mayor "
            "believes that cooperation is essential.”",
            ("cooperation is essential",),
            "Tom Harris",
        ),
    ],
)
def test_the_frame_names_the_speaker_the_parse_lost(
    text: str, needles: tuple[str, ...], speaker: str
) -> None:
    result = find_attributions(text)
    for needle in needles:
        quote = _by_text(result, needle, "direct")
        assert _said_by(quote) == speaker


def test_the_second_part_of_a_split_quotation_keeps_its_speaker() -> None:
    # "Trump said" is parsed with "Trump" as a verb: the frame before the quotation tells.
    text = (
        "Trump spoke to a crowd in Calder, Oregon.\n\n"
        "“And while I’m at it, I hold in the highest esteem Sen. Ann Rivers,” Trump said, "
        "“and I fully support and endorse her re-election.”"
    )
    quote = _by_text(find_attributions(text), "endorse her re-election", "direct")
    assert _said_by(quote) == "Trump"
    # The frame is read after the first part's closing mark.
    second = text.index("“and I")
    frame = frame_before(text, 0, second)
    assert frame is not None and frame.source is not None
    assert text[frame.source[0] : frame.source[1]] == "Trump"
