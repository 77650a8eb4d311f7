"""The library's front door: ingest inputs into a store, list and compare stories.

Each article is read, stored, analyzed and placed in a story inside its own
transaction: a bad input or a crash costs at most the article in flight, and
re-running the same inputs is safe (articles are deduplicated by content).

With `workers` > 1 the analysis, the costly step and a pure function of one
article, runs in that many worker processes (each loads the models once), a
few articles ahead of the main process; storing and grouping stay in the main
process, in input order, so the stories come out as a single process makes
them. Articles already stored are not analyzed again. A worker that dies (out
of memory, a crash in a model) costs only the article that killed it: the
articles in flight with it are analyzed again one at a time in a new pool.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Protocol

from storylens.analyze.pipeline import Analyzer
from storylens.model import Analysis, Article, Rejection, StoredArticle
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

    def add(self, article: Article, report: IngestReport, analysis: Analysis | None = None) -> None:
        """Store, analyze (unless `analysis` is given: computed elsewhere from this very
        article) and place one article."""
        from storylens.group.stories import place_article

        report.read += 1
        try:
            with self.store.transaction():
                key, is_new = self.store.add_article(article)
                if not is_new:
                    report.duplicate += 1
                    return
                if analysis is None:
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

    def reject(self, article: Article, report: IngestReport, reason: str) -> None:
        report.read += 1
        report.rejections.append(Rejection(article.source, "error", reason))


def ingest(
    store: Store,
    inputs: Sequence[str],
    *,
    on_item: Callable[[str], None] | None = None,
    on_article: Callable[[IngestReport], None] | None = None,
    analyzer: Analyzer | None = None,
    workers: int = 1,
    engine: AnalysisEngine | None = None,
) -> IngestReport:
    """Read every input (files, folders, URLs, feeds, "-"), store what is new,
    analyze it and place it in a story. `on_item` is called after each input is
    read, `on_article` after each article is done (one input may hold thousands).
    `workers` > 1 analyzes in that many processes (see the module doc); an `engine`
    (storylens.scale.ray_engine.RayAnalysis) analyzes elsewhere, the storing and
    grouping staying here as they are."""
    from storylens.ingest import expand_inputs, read_input

    report = IngestReport()
    ingestor = Ingestor(store, analyzer)

    def articles() -> Iterator[Article]:
        for item in expand_inputs(inputs):
            for result in read_input(item):
                if isinstance(result, Rejection):
                    report.read += 1
                    report.rejections.append(result)
                    if on_article:
                        on_article(report)
                else:
                    yield result
            if on_item:
                on_item(item)

    if workers <= 1 and engine is None:
        for article in articles():
            ingestor.add(article, report)
            if on_article:
                on_article(report)
        return report
    with ParallelAnalysis(ingestor.analyzer, workers) as parallel:
        for article, outcome in (engine or parallel).run(articles(), skip=store.has_article):
            if isinstance(outcome, str):
                ingestor.reject(article, report, outcome)
            else:
                ingestor.add(article, report, outcome)
            if on_article:
                on_article(report)
    return report


class AnalysisEngine(Protocol):
    """Where articles are analyzed away from the process that stores them: `run` hands
    back (article, outcome) in input order, outcome None for the articles `skip` knows
    (already stored), an Analysis, or a rejection reason."""

    def run(
        self, articles: Iterable[Article], skip: Callable[[str], bool]
    ) -> Iterator[tuple[Article, Outcome]]: ...


# -- analysis in worker processes ----------------------------------------------
_worker_analyzer: Analyzer | None = None


def _start_worker(analyzer: Analyzer) -> None:
    global _worker_analyzer
    analyzer.setup()
    _worker_analyzer = analyzer


def _analyze(article: Article) -> Analysis:
    assert _worker_analyzer is not None, "worker started without its analyzer"
    return _worker_analyzer.process(article)


Outcome = Analysis | str | None  # an analysis, a rejection reason, or None: analyze in place


class ParallelAnalysis:
    """Articles analyzed in worker processes, handed back in input order."""

    def __init__(self, analyzer: Analyzer, workers: int, ahead: int = 4) -> None:
        self.analyzer = analyzer
        self.workers = workers
        self.window = workers * ahead
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> ParallelAnalysis:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a worker never inherits the parent's threads or open store handles.
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.analyzer,),
            )
        return self._pool

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _submit(self, article: Article) -> Future[Analysis]:
        try:
            return self._executor().submit(_analyze, article)
        except BrokenProcessPool:
            self._restart()
            return self._executor().submit(_analyze, article)

    def _alone(self, article: Article) -> Outcome:
        """Analyze one article with no other in flight: if the worker dies now, this
        article is the cause."""
        try:
            return self._submit(article).result()
        except BrokenProcessPool:
            self._restart()
            return "could not be analyzed: the analysis process died"
        except Exception as exc:
            return f"could not be ingested: {exc}"

    def run(
        self, articles: Iterable[Article], skip: Callable[[str], bool]
    ) -> Iterator[tuple[Article, Outcome]]:
        """(article, outcome) in input order. Articles `skip` knows by their hash are
        not sent (outcome None: the caller finds them stored)."""
        pending: deque[_Slot] = deque()
        source = iter(articles)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                article = next(source, None)
                if article is None:
                    exhausted = True
                elif skip(article.hash):
                    pending.append(_Slot(article, None))
                else:
                    pending.append(_Slot(article, self._submit(article)))
            if not pending:
                return
            slot = pending.popleft()
            if slot.future is not None:
                try:
                    slot.settle(slot.future.result())
                except BrokenProcessPool:
                    # One of the articles in flight killed a worker: analyze each of them
                    # alone, in order, so only the one that kills it again is lost.
                    self._restart()
                    for other in [slot, *pending]:
                        future = other.future
                        if future is None:
                            continue
                        if future.done() and not future.cancelled() and not future.exception():
                            other.settle(future.result())
                        else:
                            other.settle(self._alone(other.article))
                except Exception as exc:
                    slot.settle(f"could not be ingested: {exc}")
            yield slot.article, slot.outcome


@dataclass(slots=True)
class _Slot:
    """One article on its way through the pool."""

    article: Article
    future: Future[Analysis] | None
    outcome: Outcome = None

    def settle(self, outcome: Outcome) -> None:
        self.outcome, self.future = outcome, None


def ingest_articles(
    store: Store, articles: Iterable[Article], analyzer: Analyzer | None = None
) -> IngestReport:
    """Ingest already-read articles (e.g. built in Python) into a store."""
    report = IngestReport()
    ingestor = Ingestor(store, analyzer)
    for article in articles:
        ingestor.add(article, report)
    return report


@dataclass(slots=True)
class ReanalyzeReport:
    """What one reanalysis did."""

    checked: int = 0
    current: int = 0
    reanalyzed: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return (
            f"checked {self.checked}, reanalyzed {self.reanalyzed}, "
            f"up to date {self.current}, failed {len(self.rejections)}"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "checked": self.checked,
            "current": self.current,
            "reanalyzed": self.reanalyzed,
            "failed": len(self.rejections),
            "rejections": [str(r) for r in self.rejections],
            "stories": sorted(self.stories),
        }


def reanalyze(
    store: Store,
    *,
    analyzer: Analyzer | None = None,
    workers: int = 1,
    everything: bool = False,
    on_article: Callable[[ReanalyzeReport], None] | None = None,
) -> ReanalyzeReport:
    """Analyze again the stored articles whose analysis an older StoryLens made (the
    analysis records its analyzer's name), or every article with `everything`; each
    in its own transaction, so an interrupted run loses nothing and can be run again.
    A publication date an earlier analysis inferred is inferred afresh, then from the
    article's story. Stories and manual grouping decisions are left as they are."""
    from dataclasses import replace

    analyzer = analyzer or Analyzer()
    report = ReanalyzeReport()
    stale: list[int] = []
    for stored in store.iter_articles():
        report.checked += 1
        analysis = store.get_analysis(stored.key)
        if not everything and analysis is not None and analysis.analyzer == analyzer.name:
            report.current += 1
        else:
            stale.append(stored.key)

    order: deque[StoredArticle] = deque()

    def articles() -> Iterator[Article]:
        for key in stale:
            stored = store.get_article(key)
            if stored is None:  # deleted meanwhile
                continue
            order.append(stored)
            article = stored.article
            if article.published_basis == "inferred":  # guessed before: guess again
                article = replace(article, published=None, published_basis=None)
            yield article

    def save(stored: StoredArticle, outcome: Analysis | str) -> None:
        if isinstance(outcome, str):
            report.rejections.append(Rejection(stored.article.source, "error", outcome))
            return
        with store.transaction():
            store.save_analysis(stored.key, outcome)
            if outcome.published_basis == "inferred" or (
                stored.article.published_basis == "inferred" and outcome.published is None
            ):
                published = outcome.published.isoformat() if outcome.published else None
                store.update_published(stored.key, published, outcome.published_basis)
        report.reanalyzed += 1
        if stored.story_id:
            report.stories.add(stored.story_id)

    if workers <= 1:
        for article in articles():
            stored = order.popleft()
            try:
                outcome: Analysis | str = analyzer.process(article)
            except Exception as exc:  # one article's failure never costs the others
                log.exception("failed to reanalyze %s", article.source)
                outcome = f"could not be analyzed: {exc}"
            save(stored, outcome)
            if on_article:
                on_article(report)
    else:
        with ParallelAnalysis(analyzer, workers) as parallel:
            for _, result in parallel.run(articles(), skip=lambda _: False):
                stored = order.popleft()
                save(stored, result if result is not None else "could not be analyzed")
                if on_article:
                    on_article(report)
    for story_id in sorted(report.stories):
        with store.transaction():
            infer_story_dates(store, analyzer, story_id)
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
