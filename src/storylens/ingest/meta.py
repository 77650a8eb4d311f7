"""Small helpers shared by readers for metadata values of uncertain shape."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[,;|]|\band\b|&)\s*")
_BYLINE_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)


def clean_str(value: object) -> str | None:
    """A stripped non-empty string from a metadata value, else None."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = str(value).strip()
    return text or None


def split_authors(value: object) -> list[str]:
    """Author names from a list (of names or {"name": ...}) or a byline string
    ("By A, B and C"); order kept, duplicates dropped."""
    names: list[str] = []
    items: list[object] = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        text = clean_str(item)
        if text is None:
            continue
        parts = [text] if isinstance(value, list) else _AUTHOR_SEPARATORS.split(text)
        for part in parts:
            name = _BYLINE_PREFIX.sub("", part).strip()
            if name and name not in names:
                names.append(name)
    return names


def host_of(url: str) -> str | None:
    """The host name of a URL without a leading "www.", for an outlet of last resort."""
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))
