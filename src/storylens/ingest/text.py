"""Plain text articles (.txt, .text, .md).

Without metadata the article text is the file's text unchanged, so that
character offsets found by analysis line up with the file. Two kinds of
leading metadata are recognised and removed from the body:

* a date marker: optional whitespace, the word ``date``, an ISO date, then the
  body (``" date 2024-03-06 The talks..."``): published, basis "stated";
* YAML front matter between ``---`` lines with at least one known key
  (title, outlet/source, url, published/date, authors/author): basis "metadata".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from storylens.ingest.dates import parse_published
from storylens.ingest.decode import decode_text
from storylens.ingest.meta import clean_str, split_authors
from storylens.model import Article, Rejection

_DATE_MARKER = re.compile(r"^\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s)\s*", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"^---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL)
_KNOWN_KEYS = frozenset(
    {"title", "outlet", "source", "url", "link", "published", "date", "authors", "author"}
)


def _front_matter(text: str) -> tuple[dict[str, Any], str] | None:
    """(metadata, body) when `text` opens with YAML front matter we understand.

    A leading ``---`` block that is not a mapping with a known key is left in
    the text: a plain article may well start with a horizontal rule.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        meta = yaml.safe_load(match[1])
    except yaml.YAMLError:
        return None
    if not isinstance(meta, dict) or not _KNOWN_KEYS & {str(k).lower() for k in meta}:
        return None
    meta = {str(k).lower(): v for k, v in meta.items()}
    return meta, text[match.end() :].lstrip("\r\n")


def article_from_text(text: str, article_id: str, source: str) -> Article | Rejection:
    """An Article from decoded text, reading (and removing) leading metadata."""
    if matched := _front_matter(text):
        meta, body = matched
        published = parse_published(meta.get("published", meta.get("date")))
        if not body.strip():
            return Rejection(source, "empty", "has front matter but no article text after it")
        return Article(
            id=article_id,
            text=body,
            source=source,
            title=clean_str(meta.get("title")),
            outlet=clean_str(meta.get("outlet", meta.get("source"))),
            url=clean_str(meta.get("url", meta.get("link"))),
            authors=split_authors(meta.get("authors", meta.get("author"))),
            published=published,
            published_basis="metadata" if published else None,
        )
    marker = _DATE_MARKER.match(text)
    if marker and (published := parse_published(marker[1])):
        body = text[marker.end() :]
        if not body.strip():
            return Rejection(source, "empty", "has a date marker but no article text after it")
        return Article(
            id=article_id, text=body, source=source, published=published, published_basis="stated"
        )
    return Article(id=article_id, text=text, source=source)


def read_text_bytes(data: bytes, article_id: str, source: str) -> Article | Rejection:
    text = decode_text(data, source)
    if isinstance(text, Rejection):
        return text
    return article_from_text(text, article_id, source)


def read_text_file(path: Path, source: str) -> Article | Rejection:
    """A text file as one Article whose id is the file name."""
    return read_text_bytes(path.read_bytes(), path.name, source)
