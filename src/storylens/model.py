"""The records that flow through StoryLens.

Readers produce `Article`s, analysis turns one article into an `Analysis`,
grouping puts articles into `Story`s, and comparison turns a story into a
`Comparison`. Every record is a slotted dataclass with a `to_dict` that gives
the JSON shape promised in DESIGN.md ("Interfaces that evaluation tools rely
on"); `from_dict` reads it back, so stores can keep analyses as JSON.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

PublishedBasis = Literal["stated", "metadata", "inferred"]
QuoteKind = Literal["direct", "partial", "indirect", "tweet"]
ClaimLabel = Literal["agreed", "single-source", "disputed"]

_WS = re.compile(r"\s+")
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})


def normalize_for_hash(text: str) -> str:
    """Text as compared for deduplication: NFKC, straight quotes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return _WS.sub(" ", text).strip().lower()


def content_hash(text: str) -> str:
    """Hash of the normalized body: the same story text re-read from any input kind matches."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    """One news article as read from an input.

    `id` is the article's external id: the input's own `id` for JSON/JSONL
    input, the file name for files, the URL for pages. `published_basis` says
    where `published` comes from: "stated" in the text (a dateline or date
    marker), "metadata" (front matter, JSON field, HTML meta, feed entry), or
    "inferred" (worked out from the text or the story); None when unknown.
    """

    id: str
    text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    published_basis: PublishedBasis | None = None
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "published_basis": self.published_basis,
            "hash": self.hash,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        pub = d.get("published")
        return cls(
            id=d["id"],
            text=d["text"],
            source=d.get("source", ""),
            title=d.get("title"),
            outlet=d.get("outlet"),
            url=d.get("url"),
            authors=list(d.get("authors") or []),
            published=date.fromisoformat(pub) if pub else None,
            published_basis=d.get("published_basis"),
            hash=d.get("hash", ""),
        )


@dataclass(slots=True, frozen=True)
class Rejection:
    """An input that could not be read, and why. `reason` is a short stable key
    (e.g. "empty", "binary", "encoding", "json", "no-article", "http", "feed")
    used for the counts; `message` is the one-line explanation for the user."""

    input: str
    reason: str
    message: str

    def __str__(self) -> str:
        return f"{self.input}: {self.message}"


@dataclass(slots=True)
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Mention:
    """A named-entity mention: label is PERSON, ORG, GPE, LOC, NORP, ..."""

    text: str
    start: int
    end: int
    label: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Person:
    """One canonical individual (or speaking organization) of an article.

    `kind` is "person", "organization" or "anonymous" (a source the text does
    not name, kept as its description: "a party official close to Netanyahu").
    """

    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    kind: str = "person"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Person:
        return cls(
            d["name"],
            list(d.get("aliases") or []),
            list(d.get("roles") or []),
            d.get("kind", "person"),
        )


@dataclass(slots=True)
class Speaker:
    """Who a quote is attributed to: `name` is the canonical person (or the
    anonymous description), `text`/`start`/`end` the mention in the text that
    carries the attribution (may be a pronoun), None when not in the text."""

    name: str | None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "anonymous": self.anonymous,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(
            d.get("name"), d.get("text"), d.get("start"), d.get("end"), bool(d.get("anonymous"))
        )


@dataclass(slots=True)
class Quote:
    """An attributed statement. `text`/`start`/`end` is the content span
    (without the quotation marks); `date` is when it was said, when the text
    tells (YYYY-MM-DD), e.g. a tweet's own date or "On Sunday, she said"."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Span | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "date": self.date,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        cue = d.get("cue")
        spk = d.get("speaker")
        return cls(
            text=d["text"],
            start=d["start"],
            end=d["end"],
            kind=d["kind"],
            speaker=Speaker.from_dict(spk) if spk else None,
            cue=Span(cue["text"], cue["start"], cue["end"]) if cue else None,
            date=d.get("date"),
        )


@dataclass(slots=True)
class TimeExpression:
    """A TIMEX3-style time expression: type DATE/TIME/DURATION/SET and its
    normalized value (2024-03-03, 2024-W10, P1Y, PAST_REF, ...). `inferred` is
    True when the value rests on an inferred publication date. `alternative` is
    the other value of an expression readers take two ways ("next Thursday" said
    on a Tuesday: this week's Thursday or the next week's; "before Tuesday's
    primary": the last Tuesday or the coming one), None for most."""

    text: str
    start: int
    end: int
    type: str
    value: str
    inferred: bool = False
    alternative: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpression:
        return cls(
            d["text"],
            d["start"],
            d["end"],
            d["type"],
            d["value"],
            bool(d.get("inferred")),
            d.get("alternative"),
        )


@dataclass(slots=True)
class Event:
    """Who did what, when: a meeting, call, statement, announcement or
    scheduled event found in one article."""

    kind: str
    text: str
    start: int
    end: int
    date: str | None = None
    date_end: str | None = None
    inferred: bool = False
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    # The other day its date may be ("next Thursday": see TimeExpression.alternative).
    alternative_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(**{k: d[k] for k in d if k in cls.__dataclass_fields__})


@dataclass(slots=True)
class Analysis:
    """Everything analysis finds in one article. `published`/`published_basis`
    are the article's after analysis (a date inferred from the text shows here
    with basis "inferred")."""

    article_id: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    published: date | None = None
    published_basis: PublishedBasis | None = None
    analyzer: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "sentences": [list(s) for s in self.sentences],
            "entities": [m.to_dict() for m in self.entities],
            "people": [p.to_dict() for p in self.people],
            "quotes": [q.to_dict() for q in self.quotes],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
            "published": self.published.isoformat() if self.published else None,
            "published_basis": self.published_basis,
            "analyzer": self.analyzer,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        pub = d.get("published")
        return cls(
            article_id=d["article_id"],
            sentences=[(int(a), int(b)) for a, b in d.get("sentences", [])],
            entities=[Mention(**m) for m in d.get("entities", [])],
            people=[Person.from_dict(p) for p in d.get("people", [])],
            quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
            times=[TimeExpression.from_dict(t) for t in d.get("times", [])],
            events=[Event.from_dict(e) for e in d.get("events", [])],
            published=date.fromisoformat(pub) if pub else None,
            published_basis=d.get("published_basis"),
            analyzer=d.get("analyzer", ""),
        )


@dataclass(slots=True)
class StoredArticle:
    """An article as the store holds it: `key` is the store's own unique key
    (external ids of files may repeat across folders); `story_id` its story."""

    key: int
    article: Article
    story_id: str | None = None
    copy_of: int | None = None


@dataclass(slots=True)
class Story:
    id: str
    title: str
    article_keys: list[int] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    first_published: date | None = None
    last_published: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "article_ids": list(self.article_ids),
            "first_published": self.first_published.isoformat() if self.first_published else None,
            "last_published": self.last_published.isoformat() if self.last_published else None,
        }
