"""Speakers that no person stands for are one speaker whatever their case."""

from __future__ import annotations

from storylens.analyze.pipeline import analyze_article
from storylens.compare import compare_items
from storylens.model import Article, StoredArticle


def _item(key: int, article_id: str, text: str) -> tuple[StoredArticle, object]:
    article = Article(id=article_id, text=text, source=article_id, outlet=article_id)
    return StoredArticle(key, article), analyze_article(article)


def test_a_source_written_with_and_without_a_capital_is_one_speaker() -> None:
    items = [
        _item(
            1,
            "a",
            "Inspectors said the beams under the Calder bridge were cracked. "
            "Inspectors said the span would stay shut for weeks.",
        ),
        _item(2, "b", "The beams were badly cracked, inspectors said on Monday."),
    ]
    raw = {q.speaker.name for _, a in items for q in a.quotes if q.speaker}
    assert raw == {"Inspectors", "inspectors"}  # what the analysis gives, per article
    speakers = {q["speaker"] for q in compare_items(items)["quotes"]}
    assert speakers == {"Inspectors"}
