"""Fixture articles for the comparison tests, analysed with the real spaCy pipeline.

Sentences and named entities come from spaCy; quotes are found with a plain
rule (text between double quotation marks is a direct quote) so these tests do
not depend on the quote extractor being finished. Tests import `make_item`.
"""

from __future__ import annotations

import re
from datetime import date

from storylens.analyze.nlp import load_nlp
from storylens.model import Analysis, Article, Mention, Quote, StoredArticle

_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def analyse(article_id: str, text: str) -> Analysis:
    """Sentences and entities from spaCy, quotes of four words or more as direct quotes."""
    doc = load_nlp()(text)
    quotes = [
        Quote(
            m.group(1), m.start(1), m.end(1), "direct" if len(m.group(1).split()) > 4 else "partial"
        )
        for m in _QUOTED.finditer(text)
    ]
    return Analysis(
        article_id=article_id,
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
        entities=[Mention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents],
        quotes=quotes,
    )


def analyzed_item(
    key: int, outlet: str, text: str, published: date | None = None
) -> tuple[StoredArticle, Analysis]:
    """An article analyzed by the real pipeline (quotes and times too), id "art-KEY"."""
    from storylens.analyze.pipeline import analyze_article

    article = Article(
        id=f"art-{key}", text=text, source=f"art-{key}", outlet=outlet, published=published
    )
    return StoredArticle(key=key, article=article), analyze_article(article)


def make_item(
    key: int,
    article_id: str,
    outlet: str | None,
    text: str,
    copy_of: int | None = None,
    published: date | None = None,
) -> tuple[StoredArticle, Analysis]:
    article = Article(
        id=article_id, text=text, source=article_id, outlet=outlet, published=published
    )
    return StoredArticle(key=key, article=article, copy_of=copy_of), analyse(article_id, text)


def test_fixture_quotes_and_sentences_line_up_with_the_text() -> None:
    text = 'The mayor spoke on Monday. "We will rebuild the bridge by spring," she said.'
    _, analysis = make_item(1, "a", "Outlet", text)
    assert next(text[a:b] for a, b in analysis.sentences) == "The mayor spoke on Monday."
    assert analysis.quotes[0].text == "We will rebuild the bridge by spring,"
    assert text[analysis.quotes[0].start : analysis.quotes[0].end] == analysis.quotes[0].text
