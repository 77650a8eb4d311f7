"""What grouping looks at in one article: words, named entities, date, and
the days, months and years its lead names (`time_terms`).

`features_from` works with or without an analysis: with one it takes the
people, places and organizations the NER found; without one it falls back to
capitalized words inside sentences, which catch most names in English news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from storylens.model import Analysis, StoredArticle

# Entity kinds that tell one event from another of the same kind: who, where,
# which organization. Dates and numbers are left to the word vector.
EVENT_ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)

_WORD = re.compile(r"[a-z0-9]+")
_CAP_WORD = re.compile(r"(?<![.!?\n\"“])\s([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)")
_ENTITY_NOISE = re.compile(r"^(?:the|a|an)\s+|['’]s$")
_STOP = frozenset(STOP_WORDS) | {"said", "says", "say", "told", "according", "reported", "mr", "ms"}


@dataclass(slots=True)
class ArticleFeatures:
    """One article as grouping sees it. `hash` is the article's content hash:
    a story's id comes from its founding article's hash."""

    key: int
    hash: str
    title: str
    text: str
    published: date | None = None
    entities: list[tuple[str, str]] = field(default_factory=list)


def normalize_entity(text: str) -> str:
    """'The White House' and "White House's" are the same entity to grouping."""
    cleaned = " ".join(text.lower().replace("’", "'").split())
    return _ENTITY_NOISE.sub("", cleaned).strip(" .,;:'\"")


def entities_from_analysis(analysis: Analysis) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for mention in analysis.entities:
        if mention.label not in EVENT_ENTITY_LABELS:
            continue
        name = normalize_entity(mention.text)
        if not name:
            continue
        found.append((mention.label, name))
        # Later mentions of a person are usually the surname alone.
        if mention.label == "PERSON" and " " in name:
            found.append(("PERSON", name.rsplit(" ", 1)[1]))
    for person in analysis.people:
        label = "ORG" if person.kind == "organization" else "PERSON"
        if person.kind == "anonymous":
            continue
        name = normalize_entity(person.name)
        if name:
            found.append((label, name))
    return found


def capitalized_words(text: str, max_chars: int = 3000) -> list[tuple[str, str]]:
    """Capitalized words not opening a sentence: a cheap stand-in for NER.
    Only the first `max_chars` are read: the event's own names come early."""
    found: list[tuple[str, str]] = []
    for match in _CAP_WORD.finditer(text[:max_chars]):
        word = match.group(1).lower()
        if word not in _STOP:
            found.append(("CAP", word))
    return found


def grouping_date(stored: StoredArticle, analysis: Analysis | None) -> date | None:
    """The publication date grouping trusts: stated or from metadata.

    Inferred dates are left out: they rest on the latest full date a text
    reports, which can be years off (an anniversary, a past case), and on ECB+
    1-22 using them cut online B3 F1 from 0.893 to 0.860. An undated article
    is simply not held to a story's time window."""
    article = stored.article
    if article.published is not None and article.published_basis != "inferred":
        return article.published
    if analysis is not None and analysis.published_basis in ("stated", "metadata"):
        return analysis.published
    return None


def features_from(stored: StoredArticle, analysis: Analysis | None) -> ArticleFeatures:
    """Grouping features of a stored article (analysis optional)."""
    article = stored.article
    published = grouping_date(stored, analysis)
    if analysis is not None and (analysis.entities or analysis.people):
        entities = entities_from_analysis(analysis)
    else:
        entities = capitalized_words(article.text)
    return ArticleFeatures(
        key=stored.key,
        hash=article.hash,
        title=article.title or "",
        text=article.text,
        published=published,
        entities=entities,
    )


def words(text: str) -> list[str]:
    """Content words for the TF-IDF vector: lower case, stop words out, years kept."""
    return [
        w for w in _WORD.findall(text.lower()) if (len(w) > 2 or w.isdigit()) and w not in _STOP
    ]


def lead_sentence(text: str, max_words: int = 14) -> str:
    """A short phrase from the first sentence, for untitled stories."""
    first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0] if text.strip() else ""
    tokens = first.split()
    phrase = " ".join(tokens[:max_words])
    return phrase + ("…" if len(tokens) > max_words else "")


# Days, months and years the text names: two look-alike events (two quakes on
# one island, two offers to one player) are told apart by *when* at least as
# much as by who or where, and all reports of one event name the same day.
# One pass for capitalized words and years, then a dict look-up: an
# alternation of all the names is ~5 times slower, and this runs on every
# article placed online.
_WHEN = re.compile(r"\b([A-Z][a-z]{2,8}|(?:19|20)\d\d)\b(?=(\.?\s*\d)|)")
_DAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
            ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
            ("September", "Sept", "Sep"), ("October", "Oct"), ("November", "Nov"),
            ("December", "Dec"),
        ],
        1,
    )
    for name in names
}  # fmt: skip
# Short forms (and 'May', too often the verb) count only before a day number.
_NEED_NUMBER = frozenset(n for n in _MONTHS if len(n) <= 4)


def time_terms(title: str, text: str, max_chars: int) -> tuple[str, ...]:
    """Weekdays ('d:thursday'), months ('m:12') and years ('y:2009') named in
    the title and the first `max_chars` of the text, one term per mention."""
    return _time_terms(title, text[:max_chars])


# Cached: the online split check and batch refinement read the same articles
# again and again (in a 5,000-article regroup, ~7% of the time went to this
# regex before).
# Keyed by the lead, not the whole text: the cache must not keep full texts
# alive in the online index (8,192 of them cost ~50 MB).
@lru_cache(maxsize=4096)
def _time_terms(title: str, lead: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in _WHEN.finditer(f"{title}\n{lead}"):
        word = match.group(1)
        if word[0].isdigit():
            found.append(f"y:{word}")
        elif word in _DAYS:
            found.append(f"d:{word.lower()}")
        elif word in _MONTHS and (match.group(2) or word not in _NEED_NUMBER):
            found.append(f"m:{_MONTHS[word]}")
    return tuple(found)
