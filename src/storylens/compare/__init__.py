"""Comparison of the sources of one story.

`compare_story` assembles everything a reader sees for a story: its articles,
the people linked across articles, every quote, the utterances aligned across
outlets with their differences, claims by corroboration, coverage, the merged
timeline and the cited summary. The result is cached in the store, keyed by a
fingerprint of the story's articles and analyses, so it is recomputed only
when the story changes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

from storylens import __version__
from storylens.errors import NotFoundError
from storylens.model import Analysis, StoredArticle
from storylens.store.base import Store

# Bump when the comparison's output changes, so cached comparisons are redone
# (a new release of StoryLens redoes them too).
COMPARE_VERSION = "94"


def story_items(store: Store, story_id: str) -> list[tuple[StoredArticle, Analysis]]:
    """The story's articles with their analyses (an empty analysis when missing)."""
    items = []
    for stored in store.iter_articles(story_id):
        analysis = store.get_analysis(stored.key) or Analysis(article_id=stored.article.id)
        items.append((stored, analysis))
    return items


def fingerprint(items: Sequence[tuple[StoredArticle, Analysis]]) -> str:
    h = hashlib.sha256(f"{__version__}/{COMPARE_VERSION}".encode())
    for stored, analysis in sorted(items, key=lambda it: it[0].key):
        art = stored.article
        parts = (
            stored.key,
            art.hash,
            art.published,
            art.published_basis,
            stored.copy_of,
            analysis.analyzer,
        )
        h.update(repr(parts).encode())
    return h.hexdigest()


def compare_story(store: Store, story_id: str, *, use_cache: bool = True) -> dict[str, Any]:
    """The whole comparison of one story, in the JSON shape of DESIGN.md."""
    story = store.get_story(story_id)
    if story is None:
        raise NotFoundError(
            f"no story {story_id!r} in {store.url}: `storylens stories` lists the ids"
        )
    items = story_items(store, story_id)
    fp = fingerprint(items)
    if use_cache:
        cached = store.get_comparison(story_id, fp)
        if cached is not None:
            return cached
    result = compare_items(items)
    result = {"id": story.id, "title": story.title, **result}
    store.save_comparison(story_id, result, fp)
    return result


def compare_items(items: Sequence[tuple[StoredArticle, Analysis]]) -> dict[str, Any]:
    """Comparison of a set of articles (no store needed): everything but id and title."""
    from storylens.compare.claims import extract_claims
    from storylens.compare.coverage import coverage
    from storylens.compare.people import link_people
    from storylens.compare.quotes import align_quotes
    from storylens.compare.summary import summarize
    from storylens.compare.svg_timeline import timeline_svg
    from storylens.compare.timeline import build_timeline, mark_disputed_dates

    items = list(items)
    people = link_people(items)
    speaker_of = canonical_speakers(people)
    speaker_of.update(case_variants(items, speaker_of))
    utterances = align_quotes(items, speaker_of)
    claims = extract_claims(items)
    timeline = mark_disputed_dates(build_timeline(items, claims), claims)
    return {
        "articles": [article_entry(stored, analysis) for stored, analysis in items],
        "people": people,
        "quotes": [
            quote_entry(stored, q, speaker_of)
            for stored, analysis in items
            for q in analysis.quotes
        ],
        "utterances": utterances,
        "claims": claims,
        "coverage": coverage(items, claims, utterances),
        "timeline": timeline,
        "timeline_svg": timeline_svg(timeline) if timeline else None,
        "summary": summarize(items, claims),
    }


def canonical_speakers(people: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Map every name and alias of the story's people to the canonical name,
    so "Harris" in one article and "Kamala Harris" in another are one speaker."""
    mapping: dict[str, str] = {}
    ambiguous: set[str] = set()
    for person in people:
        for alias in [person["name"], *person.get("aliases", [])]:
            if alias in mapping and mapping[alias] != person["name"]:
                ambiguous.add(alias)
            mapping.setdefault(alias, person["name"])
    for alias in ambiguous:
        del mapping[alias]
    return mapping


def case_variants(
    items: Sequence[tuple[StoredArticle, Analysis]], known: dict[str, str]
) -> dict[str, str]:
    """Speakers no person stands for, written alike but for case ("Inspectors found" /
    "inspectors said"): one speaker, by the form the articles use most."""
    counts: Counter[str] = Counter(
        q.speaker.name
        for _, analysis in items
        for q in analysis.quotes
        if q.speaker and q.speaker.name and q.speaker.name not in known
    )
    forms: dict[str, list[str]] = {}
    for name in counts:
        forms.setdefault(name.casefold(), []).append(name)
    mapping = {}
    for variants in forms.values():
        if len(variants) > 1:
            main = max(variants, key=lambda v: counts[v])
            mapping.update({v: main for v in variants if v != main})
    return mapping


def article_entry(stored: StoredArticle, analysis: Analysis) -> dict[str, Any]:
    art = stored.article
    published = analysis.published or art.published
    basis = analysis.published_basis if analysis.published else art.published_basis
    return {
        "key": stored.key,
        "id": art.id,
        "outlet": art.outlet,
        "title": art.title,
        "url": art.url,
        "published": published.isoformat() if published else None,
        "published_basis": basis,
        "copy_of": stored.copy_of,
    }


def quote_entry(stored: StoredArticle, quote: Any, speaker_of: dict[str, str]) -> dict[str, Any]:
    speaker = quote.speaker
    name = speaker.name if speaker else None
    return {
        "article_id": stored.article.id,
        "article_key": stored.key,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": speaker_of.get(name, name) if name else None,
        "anonymous": bool(speaker and speaker.anonymous),
        "cue": quote.cue.text if quote.cue else None,
        "date": quote.date,
        "start": quote.start,
        "end": quote.end,
    }
