"""Organizations and places from spaCy's NER over an article's lead."""

from __future__ import annotations

from storylens.analyze.entities import EntityStep, lead_end, merge_mentions
from storylens.analyze.pipeline import Analyzer
from storylens.model import Article, Mention

TEXT = (
    "The Red Cross opened a shelter in Lisbon on Monday after floods hit Portugal. "
    "Officials in Madrid said Spain would send pumps. "
) * 3 + "Much later, the United Nations said it would review the response in Geneva."


def test_lead_ends_on_a_sentence_boundary_and_reads_everything_when_unbounded() -> None:
    sentences = [(0, 10), (11, 30), (31, 60)]
    assert lead_end("x" * 60, sentences, 25) == 10
    assert lead_end("x" * 60, sentences, 30) == 30
    assert lead_end("x" * 60, sentences, None) == 60
    assert lead_end("x" * 60, sentences, 5) == 10, "at least one sentence"


def test_ner_finds_organizations_and_places_in_the_lead_only() -> None:
    step = EntityStep(lead_chars=200)
    end = TEXT.index("Officials in Madrid", 100)
    sentences = [(0, TEXT.index("Officials")), (TEXT.index("Officials"), end), (end, len(TEXT))]
    found = {(m.label, m.text) for m in step.process(TEXT, sentences)}
    assert ("GPE", "Lisbon") in found and ("GPE", "Portugal") in found
    assert not any(text == "Geneva" for _, text in found), "past the lead"
    everything = {(m.label, m.text) for m in EntityStep(lead_chars=None).process(TEXT, sentences)}
    assert ("GPE", "Geneva") in everything
    for m in step.process(TEXT, sentences):
        assert TEXT[m.start : m.end] == m.text


def test_merge_keeps_the_first_finders_mention_where_they_overlap() -> None:
    people = [Mention("Ana Costa", 0, 9, "PERSON")]
    ner = [Mention("Ana Costa Foundation", 0, 20, "ORG"), Mention("Lisbon", 30, 36, "GPE")]
    assert [m.text for m in merge_mentions(people, ner)] == ["Ana Costa", "Lisbon"]


def test_the_pipeline_reports_people_organizations_and_places() -> None:
    article = Article(
        id="a",
        source="a",
        text='The Red Cross opened a shelter in Lisbon, Ana Costa said. "We are ready," she said.',
    )
    labels = {m.label for m in Analyzer().process(article).entities}
    assert {"PERSON", "GPE"} <= labels
