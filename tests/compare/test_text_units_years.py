"""A day of a month named without its year ("on April 9") is one day across a story's
articles, whatever year each article's own date (inferred, or missing) gives it
(invented articles, analysed by the real pipeline)."""

from __future__ import annotations

from datetime import date

from storylens.analyze.pipeline import analyze_article
from storylens.compare.claims import extract_claims
from storylens.compare.text_units import Item, build_units
from storylens.model import Article, StoredArticle


def _item(key: int, outlet: str, text: str, published: date | None) -> Item:
    article = Article(
        id=f"art-{key}", text=text, source=f"art-{key}", outlet=outlet, published=published
    )
    return StoredArticle(key=key, article=article), analyze_article(article)


SENTENCING = "Judge Ana Morel will sentence him on November 8."


def test_a_day_without_its_year_takes_the_year_the_story_gives_it() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "A jury in Tarnby convicted the ferry captain. " + SENTENCING,
            date(2031, 10, 2),
        ),
        _item(
            2, "Harbor Post", "The ferry captain was found guilty in Tarnby. " + SENTENCING, None
        ),
    ]
    days = [u.dates for u in build_units(items) if "November" in u.text]
    assert days == [{"2031-11-08"}, {"2031-11-08"}]
    agreed = [c for c in extract_claims(items) if c["label"] == "agreed"]
    assert any("November 8" in c["text"] for c in agreed)


def test_a_year_written_out_is_kept() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "The pier at Tarnby opened on May 4, 1998, after a storm.",
            date(2031, 10, 2),
        ),
        _item(
            2,
            "Harbor Post",
            "The new pier at Tarnby will open on May 4 next year.",
            date(2031, 10, 2),
        ),
    ]
    days = [u.dates for u in build_units(items)]
    assert {"1998-05-04"} in days
