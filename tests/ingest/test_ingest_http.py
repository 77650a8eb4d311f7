"""URLs and feeds against a real HTTP server on loopback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storylens.ingest import FetchConfig, read_input, read_inputs
from storylens.model import Article, Rejection

FAST = FetchConfig(timeout=0.5, max_bytes=100_000)


def only(results: list[Article | Rejection]) -> Article | Rejection:
    assert len(results) == 1, results
    return results[0]


def assert_http_rejection(result: Article | Rejection, url: str, reason: str = "http") -> str:
    assert isinstance(result, Rejection), result
    assert (result.input, result.reason) == (url, reason)
    line = str(result)
    assert line.startswith(url + ": ") and "\n" not in line
    return result.message


def test_article_page_by_url(server: str, user_agents: list[str]) -> None:
    url = f"{server}/ferry.html"
    article = only(list(read_input(url, FAST)))
    assert isinstance(article, Article)
    assert article.id == url and article.source == url and article.url == url
    assert article.outlet == "North Sound Courier"
    assert article.published == date(2022, 11, 3) and article.published_basis == "metadata"
    assert user_agents and all(ua.startswith("StoryLens/") for ua in user_agents)


def test_rss_feed_reads_linked_pages_with_entry_metadata(server: str) -> None:
    results = list(read_input(f"{server}/feed.rss", FAST))
    assert len(results) == 4
    ferry, library, bridge, teaser = results
    assert isinstance(ferry, Article) and ferry.id == f"{server}/ferry.html"
    assert ferry.title == "Ferry service resumes"  # the item's own title wins
    assert ferry.published == date(2022, 11, 3)
    assert "harbour master Edda Varn" in ferry.text  # the page, not the one-line summary
    assert isinstance(library, Article)
    assert library.published == date(2023, 1, 20)  # the item's date, not the page's
    assert library.outlet == "Valley Gazette"
    # The page is gone (404) but the item carries enough text to stand in.
    assert isinstance(bridge, Article) and bridge.id == f"{server}/gone.html"
    assert bridge.text.startswith("Engineers found corrosion")
    assert "\n\n" in bridge.text  # paragraphs kept apart
    assert bridge.outlet == "Regional Wire"
    assert bridge.published == date(2023, 3, 6) and bridge.published_basis == "metadata"
    # Gone too, and a teaser is no article: the Rejection says both.
    message = assert_http_rejection(teaser, f"{server}/also-gone.html")
    assert "404" in message and "too short" in message


def test_atom_feed(server: str) -> None:
    article = only(list(read_input(f"{server}/feed.atom", FAST)))
    assert isinstance(article, Article)
    assert article.title == "Library to open late on weekdays"
    assert article.authors == ["Priya Olsen"]
    assert article.published == date(2023, 1, 19)


def test_feed_served_as_text_xml_is_recognised(server: str) -> None:
    results = list(read_input(f"{server}/feed-as-xml", FAST))
    assert len(results) == 4


def test_broken_feed(server: str) -> None:
    url = f"{server}/broken.rss"
    message = assert_http_rejection(only(list(read_input(url, FAST))), url, "feed")
    assert "broken feed XML" in message


def test_page_without_article(server: str) -> None:
    url = f"{server}/login.html"
    assert_http_rejection(only(list(read_input(url, FAST))), url, "no-article")


def test_404(server: str) -> None:
    url = f"{server}/nothing-here"
    message = assert_http_rejection(only(list(read_input(url, FAST))), url)
    assert "HTTP 404" in message


def test_redirect_is_followed(server: str) -> None:
    article = only(list(read_input(f"{server}/moved", FAST)))
    assert isinstance(article, Article)
    assert article.id == f"{server}/moved"
    assert article.url == f"{server}/ferry.html"


def test_redirect_loop(server: str) -> None:
    url = f"{server}/loop"
    message = assert_http_rejection(only(list(read_input(url, FAST))), url)
    assert "too many redirects" in message


@pytest.mark.parametrize("path", ["/big-declared", "/big-undeclared"])
def test_oversized_body(server: str, path: str) -> None:
    url = f"{server}{path}"
    message = assert_http_rejection(only(list(read_input(url, FAST))), url, "too-large")
    assert "MB" in message


def test_unreachable(unused_port: int) -> None:
    url = f"http://127.0.0.1:{unused_port}/story"
    message = assert_http_rejection(only(list(read_input(url, FAST))), url)
    assert "cannot connect" in message


def test_timeout(server: str) -> None:
    url = f"{server}/slow"
    config = FetchConfig(timeout=0.3)
    message = assert_http_rejection(only(list(read_input(url, config))), url)
    assert "timed out" in message


def test_plain_text_url(server: str, fixtures: Path) -> None:
    url = f"{server}/plain.txt"
    article = only(list(read_input(url, FAST)))
    assert isinstance(article, Article)
    assert article.text == (fixtures / "plain.txt").read_text("utf-8")
    assert article.outlet == "127.0.0.1"


def test_jsonl_url(server: str) -> None:
    url = f"{server}/articles.jsonl"
    results = list(read_input(url, FAST))
    assert [r.id for r in results if isinstance(r, Article)][:2] == ["a1", "2"]
    assert any(isinstance(r, Rejection) and r.input == f"{url}:3" for r in results)


def test_unsupported_content_type(server: str) -> None:
    url = f"{server}/image.png"
    message = assert_http_rejection(only(list(read_input(url, FAST))), url, "unsupported")
    assert "image/png" in message


def test_local_feed_file_fetches_its_links(server: str, tmp_path: Path, fixtures: Path) -> None:
    feed = (fixtures / "site" / "feed.atom").read_text("utf-8").replace("{base}", server)
    path = tmp_path / "saved.atom"
    path.write_text(feed, "utf-8")
    article = only(list(read_inputs([str(path)], FAST)))
    assert isinstance(article, Article) and article.id == f"{server}/library.html"


def test_not_a_url_scheme_is_invalid() -> None:
    url = "http://"
    result = only(list(read_input(url, FAST)))
    assert isinstance(result, Rejection) and result.reason == "http"


def test_text_in_declared_charset(server: str) -> None:
    article = only(list(read_input(f"{server}/latin1.txt", FAST)))
    assert isinstance(article, Article)
    assert article.text == "Caf\u00e9 owners met the mayor on Monday."


def test_relative_item_links_resolve_against_the_feed(server: str) -> None:
    article = only(list(read_input(f"{server}/relative.rss", FAST)))
    assert isinstance(article, Article)
    assert article.id == f"{server}/ferry.html"
    assert "harbour master Edda Varn" in article.text
