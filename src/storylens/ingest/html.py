"""HTML pages: the article's main text and metadata, through trafilatura.

Boilerplate (menus, footers, comments) is dropped by trafilatura; what is
left must look like prose, or the page is rejected as "no-article" (an index,
a login wall, a page that needs JavaScript), never stored as an article made
of menu items.
"""

from __future__ import annotations

from typing import Any

import trafilatura

from storylens.ingest.dates import parse_published
from storylens.ingest.decode import check_bytes
from storylens.ingest.fetch import Fetched, decoded_body
from storylens.ingest.meta import clean_str, host_of
from storylens.model import Article, Rejection

# Below these an extraction is navigation or a teaser, not an article: the
# shortest wire briefs still have a couple of full sentences.
MIN_ARTICLE_WORDS = 20
MIN_SENTENCE_WORDS = 8

# Dates only from the page's metadata and markup: htmldate's extensive search
# guesses from any date in the text, which is how an article about an
# anniversary gets the anniversary's date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def looks_like_article(text: str) -> bool:
    words = text.split()
    longest_line = max((len(line.split()) for line in text.splitlines()), default=0)
    return len(words) >= MIN_ARTICLE_WORDS and longest_line >= MIN_SENTENCE_WORDS


def _extract(page: bytes | str, url: str | None) -> Any:
    return trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )


def read_html(
    page: bytes | str, article_id: str, source: str, url: str | None = None
) -> Article | Rejection:
    """One Article from an HTML page, or a Rejection ("empty", "binary", "no-article").

    `url` is where the page came from (None for a local file); the page's own
    canonical URL wins when it declares one. For pages fetched from a URL the
    outlet falls back to the host name when the page names no site.
    """
    if isinstance(page, bytes) and (rejection := check_bytes(page, source)):
        return rejection
    if isinstance(page, str) and not page.strip():
        return Rejection(source, "empty", "is empty: nothing to read")
    doc = _extract(page, url)
    text = (doc.text or "") if doc is not None else ""
    if not looks_like_article(text):
        return Rejection(
            source,
            "no-article",
            "no article text found in the page (an index, login or script-only page?); "
            "pass the article's own page or its text",
        )
    published = parse_published(doc.date)
    page_url = clean_str(doc.url) or url
    return Article(
        id=article_id,
        text=text,
        source=source,
        title=clean_str(doc.title),
        outlet=clean_str(doc.sitename) or (host_of(url) if url else None),
        url=page_url,
        # trafilatura joins several authors with "; ".
        authors=[a.strip() for a in (doc.author or "").split(";") if a.strip()],
        published=published,
        published_basis="metadata" if published else None,
    )


def read_fetched_page(fetched: Fetched, article_id: str) -> Article | Rejection:
    """An HTML response as one Article; its id and source are `article_id` (the URL asked for)."""
    return read_html(decoded_body(fetched), article_id, article_id, url=fetched.url)
