"""HTML files: main text and metadata through trafilatura; pages without an article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storylens.ingest import read_input
from storylens.ingest.html import looks_like_article
from storylens.model import Article, Rejection


def test_article_page_text_and_metadata(fixtures: Path) -> None:
    path = fixtures / "site" / "ferry.html"
    [article] = list(read_input(str(path)))
    assert isinstance(article, Article)
    assert article.id == "ferry.html"
    assert article.title == "Island ferry service resumes after storm"
    assert article.outlet == "North Sound Courier"
    assert article.authors == ["Tomas Rell"]
    assert article.published == date(2022, 11, 3)
    assert article.published_basis == "metadata"
    assert "said harbour master Edda Varn" in article.text
    # Boilerplate stays out.
    assert "Weather" not in article.text
    assert "all rights reserved" not in article.text


def test_several_authors_are_split(fixtures: Path) -> None:
    [article] = list(read_input(str(fixtures / "site" / "library.html")))
    assert isinstance(article, Article)
    assert article.authors == ["Priya Olsen", "Jon Maas"]
    assert article.published == date(2023, 1, 19)


def test_page_without_article_is_no_article(fixtures: Path) -> None:
    path = fixtures / "site" / "login.html"
    [rejection] = list(read_input(str(path)))
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "no-article"
    assert str(rejection).startswith(str(path) + ": no article text")
    assert "\n" not in str(rejection)


def test_empty_html_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("   \n", "utf-8")
    [rejection] = list(read_input(str(path)))
    assert isinstance(rejection, Rejection) and rejection.reason == "empty"


def test_menu_lines_are_not_an_article() -> None:
    assert not looks_like_article("Home\nNews\nSport\nWeather\nSign in")
    assert looks_like_article(
        "The council voted on Tuesday to close the old landfill by 2026.\n"
        "Residents had complained about the smell for years, a spokesperson said."
    )
