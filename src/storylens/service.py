"""The library's front door: ingest inputs into a store, list and compare stories.

Each article is read, stored, analyzed and placed in a story inside its own
transaction: a bad input or a crash costs at most the article in flight, and
re-running the same inputs is safe (articles are deduplicated by content).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from storylens.analyze.pipeline import Analyzer
from storylens.model import Article, Rejection
from storylens.store.base import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: counts, and every rejection with its reason."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)

    @property
    def rejected(self) -> Counter[str]:
        return Counter(r.reason for r in self.rejections)

    def summary(self) -> str:
        parts = [f"read {self.read}", f"new {self.new}", f"duplicate {self.duplicate}"]
        rejected = self.rejected
        total = sum(rejected.values())
        detail = ", ".join(f"{reason} {n}" for reason, n in sorted(rejected.items()))
        parts.append(f"rejected {total}" + (f" ({detail})" if detail else ""))
        return ", ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "rejected": dict(self.rejected),
            "rejections": [str(r) for r in self.rejections],
            "stories": sorted(self.stories),
        }


class Ingestor:
    """Stores, analyzes and groups articles one at a time into a store."""

    def __init__(self, store: Store, analyzer: Analyzer | None = None) -> None:
        from storylens.group.stories import StoryGrouper

        self.store = store
        self.analyzer = analyzer or Analyzer()
        self.grouper = StoryGrouper()
        self.grouper.load(store)

    def add(self, article: Article, report: IngestReport) -> None:
        from storylens.group.stories import place_article

        report.read += 1
        try:
            with self.store.transaction():
                key, is_new = self.store.add_article(article)
                if not is_new:
                    report.duplicate += 1
                    return
                analysis = self.analyzer.process(article)
                self.store.save_analysis(key, analysis)
                if analysis.published_basis == "inferred" and analysis.published:
                    self.store.update_published(key, analysis.published.isoformat(), "inferred")
                story_id = place_article(self.store, self.grouper, key)
                infer_story_dates(self.store, self.analyzer, story_id)
        except Exception as exc:  # one article's failure never costs the others
            log.exception("failed to ingest %s", article.source)
            report.rejections.append(
                Rejection(article.source, "error", f"could not be ingested: {exc}")
            )
            # The grouper's in-memory index may hold the rolled-back article.
            self.grouper.load(self.store)
            return
        report.new += 1
        report.stories.add(story_id)


def ingest(
    store: Store,
    inputs: Sequence[str],
    *,
    on_item: Callable[[str], None] | None = None,
    on_article: Callable[[IngestReport], None] | None = None,
    analyzer: Analyzer | None = None,
) -> IngestReport:
    """Read every input (files, folders, URLs, feeds, "-"), store what is new,
    analyze it and place it in a story. `on_item` is called after each input,
    `on_article` after each article read (one input may hold thousands)."""
    from storylens.ingest import expand_inputs, read_input

    report = IngestReport()
    ingestor = Ingestor(store, analyzer)
    for item in expand_inputs(inputs):
        for result in read_input(item):
            if isinstance(result, Rejection):
                report.read += 1
                report.rejections.append(result)
            else:
                ingestor.add(result, report)
            if on_article:
                on_article(report)
        if on_item:
            on_item(item)
    return report


def ingest_articles(
    store: Store, articles: Iterable[Article], analyzer: Analyzer | None = None
) -> IngestReport:
    """Ingest already-read articles (e.g. built in Python) into a store."""
    report = IngestReport()
    ingestor = Ingestor(store, analyzer)
    for article in articles:
        ingestor.add(article, report)
    return report


def infer_story_dates(store: Store, analyzer: Analyzer, story_id: str) -> int:
    """Give the story's undated articles the publication date their story
    makes most likely, and re-anchor their time expressions on it (marked
    inferred). Returns how many articles changed."""
    from storylens.analyze.published import infer_from_story

    members = list(store.iter_articles(story_id))
    dated = [
        m.article.published
        for m in members
        if m.article.published and m.article.published_basis in ("stated", "metadata")
    ]
    changed = 0
    for member in members:
        if member.article.published_basis in ("stated", "metadata") or not dated:
            continue
        analysis = store.get_analysis(member.key)
        if analysis is None:
            continue
        guess = infer_from_story(member.article.text, dated)
        if guess is None or guess == analysis.published:
            continue
        analyzer.anchor(member.article, analysis, guess, "inferred")
        store.save_analysis(member.key, analysis)
        store.update_published(member.key, guess.isoformat(), "inferred")
        changed += 1
    return changed
