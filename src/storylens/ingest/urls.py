"""http(s) URLs: fetched (fetch.py), then read by what the response is.

The content type decides, checked against the body's first bytes because
servers mislabel often (feeds as text/html, anything as octet-stream).
"""

from __future__ import annotations

from collections.abc import Iterator

from storylens.ingest.decode import check_bytes
from storylens.ingest.feeds import read_feed
from storylens.ingest.fetch import Fetched, Fetcher, decoded_body
from storylens.ingest.html import read_fetched_page
from storylens.ingest.jsonl import read_json_bytes
from storylens.ingest.meta import host_of
from storylens.ingest.sniff import InputKind, sniff_kind
from storylens.ingest.text import article_from_text, read_text_bytes
from storylens.model import Article, Rejection


def kind_of(fetched: Fetched) -> InputKind | None:
    """What reader a response needs, None when it holds nothing StoryLens reads."""
    media = fetched.media_type
    sniffed = sniff_kind(fetched.body)
    if "rss" in media or "atom" in media:
        return "feed"
    if "html" in media or "xml" in media:
        return "feed" if sniffed == "feed" else "html"
    if "json" in media:
        return "json"
    if media == "text/plain":
        return "text"
    if media in ("", "application/octet-stream", "binary/octet-stream"):
        return sniffed
    return None


def _read_text_response(fetched: Fetched, url: str) -> Article | Rejection:
    """Plain text in the charset the server declares (strict UTF-8 when it names none)."""
    body = decoded_body(fetched)
    if isinstance(body, bytes):
        return read_text_bytes(body, url, url)
    if rejection := check_bytes(fetched.body, url):
        return rejection
    return article_from_text(body.removeprefix("\ufeff"), url, url)


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | Rejection]:
    """The articles at `url`: a page, a feed's items, a JSON/JSONL file or plain text."""
    fetched = fetcher.get(url)
    if isinstance(fetched, Rejection):
        yield fetched
        return
    kind = kind_of(fetched)
    if kind == "feed":
        yield from read_feed(fetched.body, url, fetcher)
    elif kind == "html":
        yield read_fetched_page(fetched, url)
    elif kind == "json":
        yield from read_json_bytes(fetched.body, url, url)
    elif kind == "text":
        article = _read_text_response(fetched, url)
        if isinstance(article, Article):
            article.url = article.url or fetched.url
            article.outlet = article.outlet or host_of(fetched.url)
        yield article
    else:
        yield Rejection(
            url,
            "unsupported",
            f"content type {fetched.media_type or 'unknown'} is not an article, feed or JSON",
        )
