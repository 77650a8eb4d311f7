"""RSS and Atom feeds: every item's own page is read; the item is the fallback.

A feed item is usually a teaser, so the linked page is fetched and read as
HTML. When that fails, the item's own content or summary stands in if it is
long enough to be an article; otherwise the Rejection says both what went
wrong with the page and that the item's text was too short.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import feedparser

from storylens.ingest.dates import parse_published
from storylens.ingest.decode import check_bytes
from storylens.ingest.fetch import Fetcher
from storylens.ingest.html import read_fetched_page
from storylens.ingest.meta import clean_str, host_of, is_url, split_authors
from storylens.model import Article, Rejection

# An item's own text must be a few paragraphs to stand in for its page:
# a one-sentence summary would be mistaken for the whole article.
MIN_FALLBACK_WORDS = 60

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
     "section", "article", "tr", "table", "pre", "figure", "figcaption", "hr"}
)  # fmt: skip


class _FragmentText(HTMLParser):
    """Text of an HTML fragment, one paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        block = " ".join("".join(self._current).split())
        if block:
            self.blocks.append(block)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._current.append(data)


def fragment_text(fragment: str) -> str:
    """Plain text of an item's HTML content, paragraphs separated by blank lines."""
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.blocks)


def _entry_text(entry: Any) -> str:
    """The longest of the item's content and summary, as plain text."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [fragment_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def _entry_published(entry: Any) -> Any:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return parse_published(entry[key])
    return parse_published(entry.get("published") or entry.get("updated"))


def _entry_authors(entry: Any) -> list[str]:
    authors = split_authors(entry.get("authors") or [])
    return authors or split_authors(entry.get("author"))


def _apply_entry_metadata(article: Article, entry: Any, feed_title: str | None) -> Article:
    """The item's own title, date and authors are the feed's metadata: they win."""
    article.title = clean_str(entry.get("title")) or article.title
    published = _entry_published(entry)
    if published:
        article.published, article.published_basis = published, "metadata"
    article.authors = _entry_authors(entry) or article.authors
    article.outlet = article.outlet or feed_title
    return article


def _fallback(
    entry: Any, article_id: str, source: str, feed_title: str | None, link: str | None
) -> Article | None:
    text = _entry_text(entry)
    if len(text.split()) < MIN_FALLBACK_WORDS:
        return None
    article = Article(
        id=article_id,
        text=text,
        source=source,
        outlet=feed_title or (host_of(link) if link else None),
        url=link,
    )
    return _apply_entry_metadata(article, entry, feed_title)


def _read_entry(
    entry: Any, index: int, source: str, feed_title: str | None, fetcher: Fetcher | None
) -> Article | Rejection:
    link = clean_str(entry.get("link"))
    article_id = link or clean_str(entry.get("id")) or f"{source}#{index}"
    problem: Rejection
    if link is None:
        problem = Rejection(f"{source}#{index}", "feed", "feed item has no link")
    elif fetcher is None:
        problem = Rejection(link, "http", "pages are not fetched in this run")
    else:
        fetched = fetcher.get(link)
        page = fetched if isinstance(fetched, Rejection) else read_fetched_page(fetched, link)
        if isinstance(page, Article):
            return _apply_entry_metadata(page, entry, feed_title)
        problem = page
    article = _fallback(entry, article_id, source, feed_title, link)
    if article is not None:
        return article
    words = len(_entry_text(entry).split())
    return Rejection(
        problem.input,
        problem.reason,
        f"{problem.message}; the feed item's own text is too short to stand in "
        f"({words} words, need {MIN_FALLBACK_WORDS})",
    )


def read_feed(data: bytes, source: str, fetcher: Fetcher | None) -> Iterator[Article | Rejection]:
    """One Article (or Rejection) per feed item; `fetcher` reads the linked
    pages (None: use the items' own text only)."""
    if rejection := check_bytes(data, source):
        yield rejection
        return
    # Relative item links are resolved against the feed's own address.
    headers = {"content-location": source} if is_url(source) else None
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.entries:
        if parsed.get("bozo"):
            cause = " ".join(str(parsed.get("bozo_exception", "unknown error")).split())
            message = f"broken feed XML ({cause}); check the feed address or file"
        else:
            message = "feed has no items"
        yield Rejection(source, "feed", message)
        return
    feed_title = clean_str(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries, start=1):
        yield _read_entry(entry, index, source, feed_title, fetcher)
