"""A piece of a sentence that holds only a name and its titles states nothing, while a
headline in title case still states its fact (invented sentences, real pipeline)."""

from __future__ import annotations

from storylens.analyze.pipeline import analyze_article
from storylens.compare.text_units import build_units, is_statement
from storylens.model import Article, StoredArticle


def _statements(text: str) -> list[str]:
    article = Article(id="a", text=text, source="a", outlet="Harlow Post")
    units = build_units([(StoredArticle(1, article), analyze_article(article))])
    return [u.text for u in units if is_statement(u)]


def test_a_name_cut_from_its_sentence_is_no_statement() -> None:
    text = (
        "Rep. Mara Holt, Ohio Democrat, while speaking at a hearing on the port budget, "
        "suggested the harbor agency had hidden its losses from the board."
    )
    statements = _statements(text)
    assert "Rep. Mara Holt, Ohio Democrat" not in statements
    assert any("hidden its losses" in s for s in statements)


def test_a_title_case_headline_is_still_a_statement() -> None:
    text = "Harbor Agency Chief Convicted In Port Budget Fraud Case"
    assert _statements(text) == [text]
