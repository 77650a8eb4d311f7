"""What the pages show, worked out from the store and a story's comparison.

Templates only lay these out; every decision (which article a citation points
to, which words to highlight, which color a speaker gets) is made here, where
it can be tested without a browser.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from storylens.model import Analysis, Article, Story
from storylens.render import day_told
from storylens.store.base import Store
from storylens.web.render import (
    Highlight,
    assign_colors,
    highlight_text,
    locate,
    outlet_color,
    render_diff,
    sanitize_svg,
)

CLAIM_GROUPS = (
    ("agreed", "Agreed by several sources"),
    ("single-source", "Reported by one source only"),
    ("disputed", "Disputed: sources differ"),
)


# --- story list -------------------------------------------------------------
@dataclass(slots=True)
class StoryRow:
    """One line of the story list."""

    id: str
    title: str
    article_count: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None
    article_ids: list[str] = field(default_factory=list)

    def matches(self, query: str) -> bool:
        """Every word of the query occurs in the title or in an outlet's name."""
        haystack = " ".join([self.title, *self.outlets]).casefold()
        return all(word in haystack for word in query.casefold().split())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "article_count": self.article_count,
            "outlets": list(self.outlets),
            "first_published": self.first_published,
            "last_published": self.last_published,
            "article_ids": list(self.article_ids),
        }


class OutletIndex:
    """Outlet of each article key, read once: outlets never change after
    ingest, and reading every story's articles on each list request would load
    every article text."""

    def __init__(self) -> None:
        self._outlet_by_key: dict[int, str | None] = {}

    def outlets(self, store: Store, stories: list[Story]) -> dict[str, list[str]]:
        missing = {k for s in stories for k in s.article_keys if k not in self._outlet_by_key}
        if missing:
            # One pass over the store is cheaper than one query per unknown key.
            for stored in store.iter_articles():
                self._outlet_by_key[stored.key] = stored.article.outlet
        result: dict[str, list[str]] = {}
        for story in stories:
            names = {self._outlet_by_key.get(k) for k in story.article_keys}
            result[story.id] = sorted((n for n in names if n), key=str.casefold)
        return result


def story_rows(store: Store, index: OutletIndex, query: str = "") -> list[StoryRow]:
    """The stories, most recent first, filtered by `query` when given."""
    stories = store.list_stories()
    outlets = index.outlets(store, stories)
    rows = [
        StoryRow(
            id=s.id,
            title=s.title,
            article_count=len(s.article_keys),
            outlets=outlets[s.id],
            first_published=s.first_published.isoformat() if s.first_published else None,
            last_published=s.last_published.isoformat() if s.last_published else None,
            article_ids=list(s.article_ids),
        )
        for s in stories
    ]
    query = query.strip()
    return [r for r in rows if r.matches(query)] if query else rows


# --- story page ---------------------------------------------------------------
@dataclass(slots=True)
class Column:
    """One article of a story, shown as a column of the side-by-side view."""

    number: int
    key: int | None
    id: str
    outlet: str
    title: str
    published: str | None
    basis: str | None
    url: str | None
    copy_of: Any
    color: int
    text_html: Markup
    quotes: list[dict[str, Any]]

    @property
    def anchor(self) -> str:
        return f"source-{self.number}"


@dataclass(slots=True)
class Citation:
    number: int
    outlet: str
    color: int
    anchor: str


class ArticleRefs:
    """Resolves the article ids used inside a comparison to columns: an id is
    the article's external id, or its store key for articles whose external ids
    repeat."""

    def __init__(self, columns: list[Column]) -> None:
        self._by_ref: dict[str, Column] = {}
        for col in columns:
            if col.key is not None:
                self._by_ref.setdefault(str(col.key), col)
        for col in columns:  # external ids win over keys when both could match
            self._by_ref[col.id] = col

    def column(self, ref: Any) -> Column | None:
        return self._by_ref.get(str(ref))

    def cite(self, refs: Any) -> list[Citation]:
        out: list[Citation] = []
        for ref in refs or []:
            col = self.column(ref)
            if col is not None and all(c.number != col.number for c in out):
                out.append(Citation(col.number, col.outlet, col.color, col.anchor))
        return sorted(out, key=lambda c: c.number)


def story_view(store: Store, comparison: dict[str, Any]) -> dict[str, Any]:
    """The template context of a story page."""
    quotes = list(comparison.get("quotes") or [])
    utterances = list(comparison.get("utterances") or [])
    speaker_colors = assign_colors(
        [*(q.get("speaker") for q in quotes), *(u.get("speaker") for u in utterances)]
    )
    columns = _columns(store, comparison.get("articles") or [], quotes, speaker_colors)
    refs = ArticleRefs(columns)
    timeline = list(comparison.get("timeline") or [])
    svg = comparison.get("timeline_svg")
    published = sorted(c.published for c in columns if c.published)
    return {
        "story": comparison,
        "title": comparison.get("title") or comparison.get("id"),
        "first_date": published[0] if published else None,
        "last_date": published[-1] if published else None,
        "columns": columns,
        "outlets": _distinct(c.outlet for c in columns),
        "refs": refs,
        "speaker_colors": speaker_colors,
        "summary": [
            {
                "text": s.get("text", ""),
                "cites": refs.cite(s.get("article_ids")),
                "disputed": [" vs ".join(map(str, d["values"])) for d in s.get("disputed") or []],
                "dates": [day_told(d) for d in s.get("dates") or []],
            }
            for s in comparison.get("summary") or []
        ],
        "utterances": [_utterance(u, refs, speaker_colors) for u in utterances],
        "claim_groups": _claim_groups(comparison.get("claims") or [], refs),
        "coverage": _coverage(comparison.get("coverage")),
        "timeline": [dict(t, cites=refs.cite(t.get("article_ids"))) for t in timeline],
        "timeline_svg": sanitize_svg(svg) if isinstance(svg, str) and svg.strip() else None,
        "people": [
            dict(p, cites=refs.cite(p.get("article_ids"))) for p in comparison.get("people") or []
        ],
    }


def _distinct(items: Any) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


def _columns(
    store: Store,
    articles: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    speaker_colors: dict[str, int],
) -> list[Column]:
    # Quotes name their article by store key when they can (external ids may
    # repeat across folders), else by external id.
    by_key: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        if q.get("article_key") is not None:
            by_key[q["article_key"]].append(q)
        else:
            by_id[str(q.get("article_id"))].append(q)
    columns = []
    for number, a in enumerate(articles, start=1):
        key = a.get("key")
        text = _article_text(store, key, a.get("id"))
        own = by_key.get(key, []) + by_id.get(str(a.get("id")), [])
        highlights = []
        for q in own:
            span = locate(text, q.get("start"), q.get("end"), q.get("text"))
            if span is not None:
                speaker = q.get("speaker") or "unattributed"
                slot = speaker_colors.get(q.get("speaker") or "", -1)
                css = f"q sc{slot}" if slot >= 0 else "q sc-none"
                highlights.append(Highlight(span[0], span[1], css, speaker))
        outlet = a.get("outlet") or "unknown outlet"
        columns.append(
            Column(
                number=number,
                key=key if isinstance(key, int) else None,
                id=str(a.get("id") or key),
                outlet=outlet,
                title=a.get("title") or a.get("id") or "(untitled)",
                published=a.get("published"),
                basis=a.get("published_basis"),
                url=a.get("url"),
                copy_of=a.get("copy_of"),
                color=outlet_color(a.get("outlet")),
                text_html=highlight_text(text, highlights),
                quotes=own,
            )
        )
    return columns


def _article_text(store: Store, key: Any, article_id: Any) -> str:
    stored = store.get_article(key) if isinstance(key, int) else None
    if stored is None and article_id:
        found = store.find_articles(str(article_id))
        stored = found[0] if found else None
    return stored.article.text if stored else ""


def _utterance(u: dict[str, Any], refs: ArticleRefs, colors: dict[str, int]) -> dict[str, Any]:
    versions = list(u.get("versions") or [])
    diffs = list(u.get("diffs") or [])
    shown = []
    for i, v in enumerate(versions):
        col = refs.column(v.get("article_id"))
        ops = diffs[i - 1] if 0 < i <= len(diffs) else None
        shown.append(
            {
                "outlet": v.get("outlet") or (col.outlet if col else "unknown outlet"),
                "color": col.color if col else outlet_color(v.get("outlet")),
                "anchor": col.anchor if col else None,
                "number": col.number if col else None,
                "kind": v.get("kind"),
                "is_reference": i == 0,
                "html": render_diff(ops) if ops else Markup.escape(v.get("quote") or ""),
            }
        )
    speaker = u.get("speaker")
    return {
        "speaker": speaker or "unattributed",
        "color": colors.get(speaker or "", -1),
        "versions": shown,
        "differences": list(u.get("differences") or []),
    }


def _only_part(claim: dict[str, Any]) -> tuple[str, str, str] | None:
    """A single-source claim's text split around the words only its outlet states, when
    other outlets state the rest (before, only, after), else None."""
    return _split(claim.get("text") or "", claim.get("single_source_part") or "")


def _clause_in_sentence(claim: dict[str, Any]) -> tuple[str, str, str] | None:
    """A claim said by a clause, as its sentence split around the clause, else None."""
    return _split(claim.get("context") or "", " ".join((claim.get("text") or "").split()))


def _split(text: str, part: str) -> tuple[str, str, str] | None:
    at = text.find(part) if part else -1
    if at < 0 or part == text:
        return None
    return text[:at], part, text[at + len(part) :]


def _claim_groups(claims: list[dict[str, Any]], refs: ArticleRefs) -> list[dict[str, Any]]:
    groups = []
    for label, heading in CLAIM_GROUPS:
        items = [
            {
                "text": c.get("text", ""),
                "only": _only_part(c),
                "context": _clause_in_sentence(c),
                "cites": refs.cite(c.get("article_ids")),
                "sentences": [_sentence(s, refs) for s in c.get("sentences") or []],
                "conflict": _conflict(c.get("conflict"), refs),
            }
            for c in claims
            if c.get("label") == label
        ]
        if items:
            groups.append({"label": label, "heading": heading, "claims": items})
    return groups


def _conflict(conflict: Any, refs: ArticleRefs) -> dict[str, Any] | None:
    """What a disputed claim's sources disagree on: a kind and the differing
    values, each cited when the comparison says which article gave it."""
    if not isinstance(conflict, dict) or not conflict.get("values"):
        return None
    values = [str(v) for v in conflict["values"]]
    ids = list(conflict.get("article_ids") or [])
    sources = ids if len(ids) == len(values) else [None] * len(values)
    return {
        "kind": conflict.get("kind") or "",
        "values": [
            {"text": v, "cites": refs.cite([ref] if ref is not None else [])}
            for v, ref in zip(values, sources, strict=True)
        ],
    }


def _sentence(s: Any, refs: ArticleRefs) -> dict[str, Any]:
    """A claim's supporting sentence: a plain string, or a dict with its text and article."""
    if isinstance(s, dict):
        ref = s.get("article_id")
        return {"text": s.get("text", ""), "cites": refs.cite([ref] if ref is not None else [])}
    return {"text": str(s), "cites": []}


def _coverage(coverage: Any) -> dict[str, Any] | None:
    """The coverage table: one row per item more than one outlet reports (or disputes)
    and per quote, then one row counting each outlet's single-source claims, so a story
    of many articles does not list hundreds of one-dot rows; and each outlet's omissions."""
    if not isinstance(coverage, dict) or not coverage.get("rows"):
        return None
    outlets = list(coverage.get("outlets") or [])
    shared, single = [], dict.fromkeys(outlets, 0)
    for r in coverage["rows"]:
        present = r.get("present") or {}
        if r.get("kind") == "claim" and r.get("label") == "single-source":
            for o in outlets:
                single[o] += bool(present.get(o))
            continue
        shared.append(
            {
                "item": r.get("item", ""),
                "kind": r.get("kind"),
                "cells": [bool(present.get(o)) for o in outlets],
            }
        )
    omissions = coverage.get("omissions") or {}
    return {
        "outlets": [{"name": o, "color": outlet_color(o)} for o in outlets],
        "rows": shared,
        "single": [single[o] for o in outlets] if any(single.values()) else None,
        "omissions": [
            {"name": o, "color": outlet_color(o), "items": list(omissions.get(o) or [])}
            for o in outlets
            if omissions.get(o)
        ],
    }


# --- article page -------------------------------------------------------------
def article_view(
    key: int, article: Article, story_id: str | None, copy_of: int | None, analysis: Analysis | None
) -> dict[str, Any]:
    """The template context of an article page: its text with quotes, speaker
    mentions and time expressions marked, and the analysis as lists."""
    text = article.text
    highlights: list[Highlight] = []
    speaker_colors = assign_colors(
        q.speaker.name if q.speaker else None for q in (analysis.quotes if analysis else [])
    )
    if analysis is not None:
        # Quotes first: when spans overlap, the quote is what the reader came for.
        for q in analysis.quotes:
            span = locate(text, q.start, q.end, q.text)
            name = q.speaker.name if q.speaker else None
            if span:
                slot = speaker_colors.get(name or "", -1)
                css = f"q sc{slot}" if slot >= 0 else "q sc-none"
                highlights.append(Highlight(span[0], span[1], css, name or "unattributed"))
        for q in analysis.quotes:
            spk = q.speaker
            if spk and spk.start is not None and spk.end is not None:
                highlights.append(Highlight(spk.start, spk.end, "spk", f"speaker: {spk.name}"))
        for t in analysis.times:
            highlights.append(Highlight(t.start, t.end, "time", f"{t.type} {t.value}"))
    published = analysis.published if analysis and analysis.published else article.published
    basis = analysis.published_basis if analysis and analysis.published else article.published_basis
    return {
        "key": key,
        "article": article,
        "story_id": story_id,
        "copy_of": copy_of,
        "analysis": analysis,
        "published": published.isoformat() if published else None,
        "basis": basis,
        "color": outlet_color(article.outlet),
        "speaker_colors": speaker_colors,
        "text_html": highlight_text(text, highlights),
    }
