"""Embedded social posts: "text ... pic.twitter.com/x — NAME (@handle) Month D, YYYY".

Scraped articles keep an embedded post as its text followed by a signature
line. A post can run over several paragraphs; scraping leaves extra blank
lines between them, and a post is short, so earlier paragraphs are joined
only across such wide gaps and while the post stays within a post's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from storylens.analyze.text import split_paragraphs

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_SIGNATURE = re.compile(
    r"\s*(?:(?:https?://)?pic\.twitter\.com/\S+\s*)?[—–-]{1,2}\s*"
    r"(?P<name>[^()\n—–]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*$"
)
_LINK = re.compile(r"\s*(?:https?://)?(?:pic\.twitter\.com|t\.co)/\S+\s*$")
# Posts are at most 280 characters; links and emoji count differently, so allow some slack.
MAX_POST_CHARS = 320
_WIDE_GAP = re.compile(r"\n[ \t]*\n[ \t]*\n")


@dataclass(slots=True, frozen=True)
class Post:
    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    handle: str
    date: str | None


def find_posts(text: str) -> list[Post]:
    paragraphs = split_paragraphs(text)
    posts: list[Post] = []
    for i, (p_start, p_end) in enumerate(paragraphs):
        m = _SIGNATURE.search(text, p_start, p_end)
        if not m or m.end() != p_end:
            continue
        body_end = m.start()
        link = _LINK.search(text, p_start, body_end)
        if link:
            body_end = link.start()
        while body_end > p_start and text[body_end - 1].isspace():
            body_end -= 1
        body_start = p_start
        j = i - 1
        while j >= 0:
            prev_start, prev_end = paragraphs[j]
            gap = text[prev_end:body_start]
            if not _WIDE_GAP.search(gap) or body_end - prev_start > MAX_POST_CHARS:
                break
            if any(prev_end == p.end or prev_start < p.end for p in posts[-1:]):
                break
            body_start = prev_start
            j -= 1
        if body_end <= body_start:
            continue
        posts.append(
            Post(
                body_start,
                body_end,
                m.group("name"),
                m.start("name"),
                m.end("name"),
                m.group("handle"),
                _iso_date(m.group("date")),
            )
        )
    return posts


def _iso_date(value: str) -> str | None:
    cleaned = re.sub(r"\s+", " ", value.replace(",", "").replace(".", "")).strip()
    for fmt in ("%B %d %Y", "%b %d %Y"):
        try:
            return datetime.strptime(cleaned.replace("Sept ", "Sep "), fmt).date().isoformat()
        except ValueError:
            continue
    return None
