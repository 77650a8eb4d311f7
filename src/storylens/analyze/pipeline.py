"""Analysis of one article: a pure function of the article, models loaded once.

`Analyzer` follows the step shape used across StoryLens: a cheap, picklable
`__init__`, `setup()` that loads models once per process, and `process()`
that does the work, so the same step runs in process or on a Ray worker.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from storylens.model import Analysis, Article

# Recorded with every analysis: a different name means a stored analysis is stale.
ANALYZER_NAME = "storylens.rules.v1"


class Analyzer:
    name = ANALYZER_NAME

    def __init__(self) -> None:
        self._attribution: Any = None

    def setup(self) -> None:
        if self._attribution is None:
            from storylens.analyze.attribution import AttributionStep

            step = AttributionStep()
            step.setup()
            self._attribution = step

    def __getstate__(self) -> dict[str, Any]:
        # Models never travel with the step: each worker loads its own in setup().
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._attribution = None

    def process(self, article: Article, *, published: date | None = None) -> Analysis:
        """Analyze one article. `published` overrides the article's own date
        (e.g. `storylens analyze --published`), counting as stated metadata."""
        from storylens.analyze.events import date_quotes, find_events
        from storylens.analyze.published import infer_published
        from storylens.analyze.time import find_times

        self.setup()
        text = article.text
        attribution = self._attribution.process(text)
        pub, basis = article.published, article.published_basis
        if published is not None:
            pub, basis = published, "metadata"
        if pub is None:
            guess = infer_published(text)
            if guess is not None:
                pub, basis = guess, "inferred"
        times = find_times(text, pub, inferred=basis == "inferred", sentences=attribution.sentences)
        date_quotes(text, attribution.quotes, times)
        events = find_events(
            text,
            attribution.sentences,
            attribution.entities,
            attribution.people,
            attribution.quotes,
            times,
        )
        return Analysis(
            article_id=article.id,
            sentences=attribution.sentences,
            entities=attribution.entities,
            people=attribution.people,
            quotes=attribution.quotes,
            times=times,
            events=events,
            published=pub,
            published_basis=basis,
            analyzer=self.name,
        )


_DEFAULT: Analyzer | None = None


def analyze_article(article: Article, *, published: date | None = None) -> Analysis:
    """Analyze one article with a process-wide analyzer (models loaded on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT.process(article, published=published)
