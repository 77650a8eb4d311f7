"""JSON and JSON Lines articles (.json, .jsonl, .ndjson, also gzipped).

A JSON file may hold one object, a list of objects, or one object a line.
Each object needs a non-empty ``text``, kept unchanged; ``id``, ``title``,
``outlet`` (or ``source`` as a name), ``url``, ``published`` (or ``date``) and
``authors`` (list or comma string) are optional. One bad line does not lose the
rest of the file: it is rejected with its line number and reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from storylens.ingest.dates import parse_published
from storylens.ingest.decode import check_bytes, decode_utf8
from storylens.ingest.meta import clean_str, split_authors
from storylens.model import Article, Rejection

_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "pubDate")


def _outlet(obj: dict[str, Any]) -> str | None:
    source = obj.get("source")
    if isinstance(source, dict):  # e.g. {"id": ..., "name": "The Daily Record"}
        source = source.get("name")
    return clean_str(obj.get("outlet")) or clean_str(source)


def article_from_object(
    obj: object, fallback_id: str, source: str, where: str
) -> Article | Rejection:
    """An Article from one decoded JSON value; `where` names it in messages
    (``file:line``), `fallback_id` is used when the object has no ``id``."""
    if not isinstance(obj, dict):
        kind = type(obj).__name__ if obj is not None else "null"
        return Rejection(where, "json", f"expected a JSON object with a 'text' field, got {kind}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(
            where, "no-text", "object has no non-empty 'text' field; add the article body"
        )
    published = next(
        (d for key in _DATE_KEYS if (d := parse_published(obj.get(key))) is not None), None
    )
    return Article(
        id=clean_str(obj.get("id")) or fallback_id,
        text=text,
        source=source,
        title=clean_str(obj.get("title")),
        outlet=_outlet(obj),
        url=clean_str(obj.get("url")) or clean_str(obj.get("link")),
        authors=split_authors(obj.get("authors", obj.get("author"))),
        published=published,
        published_basis="metadata" if published else None,
    )


def _parse_line(raw: bytes, number: int, name: str, source: str) -> Article | Rejection | None:
    where = f"{source}:{number}"
    if not raw.strip():
        return None  # blank lines separate nothing and hold nothing
    text = decode_utf8(raw.rstrip(b"\r\n"), where)
    if isinstance(text, Rejection):
        return text
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        return Rejection(
            where,
            "json",
            f"invalid JSON ({err.msg.removesuffix(' at')} at column {err.colno}); "
            "fix or remove the line",
        )
    return article_from_object(obj, f"{name}#{number}", source, where)


def _whole_document(data: bytes, name: str, source: str) -> Iterator[Article | Rejection] | None:
    """The articles of a file holding one JSON document, or None if it is not one."""
    text = decode_utf8(data, source)
    if isinstance(text, Rejection):
        return None  # read line by line: the bad bytes are reported with their line
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        return None
    items = doc if isinstance(doc, list) else [doc]
    # In a list the position stands in for the line number.
    return (
        article_from_object(obj, f"{name}#{i}", source, f"{source}:item {i}")
        for i, obj in enumerate(items, start=1)
    )


def read_json_lines(
    lines: Iterable[bytes], name: str, source: str
) -> Iterator[Article | Rejection]:
    """Articles from the raw lines of a JSON or JSON Lines input, streamed.

    `name` is the id prefix for objects without an id (``name#line``), `source`
    the path or URL read. A file whose first line is a complete object is read
    as JSON Lines line by line (a large gzip file is never held in memory);
    otherwise the whole input is tried as one JSON document first.
    """
    it = iter(lines)
    head: list[bytes] = []
    for raw in it:
        head.append(raw)
        if raw.strip():
            break
    if not any(raw.strip() for raw in head):
        yield Rejection(source, "empty", "is empty: nothing to read; remove it or add articles")
        return
    first = head[-1]
    if rejection := check_bytes(first, source):
        yield rejection
        return
    if first.lstrip().startswith(b"{"):
        try:
            json.loads(first)
            streaming = True
        except (json.JSONDecodeError, UnicodeDecodeError):
            streaming = False
    else:
        streaming = False
    if not streaming:
        rest = list(it)
        data = b"".join(head + rest)
        whole = _whole_document(data, name, source)
        if whole is not None:
            yield from whole
            return
        it = iter(rest)
    for number, raw in enumerate(chain(head, it), start=1):
        result = _parse_line(raw, number, name, source)
        if result is not None:
            yield result


def read_json_bytes(data: bytes, name: str, source: str) -> Iterator[Article | Rejection]:
    if rejection := check_bytes(data, source):
        yield rejection
        return
    yield from read_json_lines(data.splitlines(keepends=True), name, source)
