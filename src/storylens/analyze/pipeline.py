"""Analysis of one article: a pure function of the article, models loaded once.

`Analyzer` follows the step shape used across StoryLens: a cheap, picklable
`__init__`, `setup()` that loads models once per process, and `process()`
that does the work, so the same step runs in process or on a Ray worker.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from storylens.analyze.entities import DEFAULT_LEAD_CHARS, EntityStep, merge_mentions
from storylens.analyze.page_noise import blank_noise
from storylens.model import Analysis, Article, PublishedBasis

# Recorded with every analysis: a different name means a stored analysis is stale and
# `storylens reanalyze` redoes it. Change it whenever the analysis output changes.
ANALYZER_NAME = "storylens.rules.v62"


class Analyzer:
    name = ANALYZER_NAME

    def __init__(self, lead_chars: int | None = DEFAULT_LEAD_CHARS) -> None:
        self.lead_chars = lead_chars
        self._attribution: Any = None
        self._entities: EntityStep | None = None

    def setup(self) -> None:
        if self._attribution is None:
            from storylens.analyze.attribution import AttributionStep

            step = AttributionStep()
            step.setup()
            self._attribution = step
        if self._entities is None:
            self._entities = EntityStep(self.lead_chars)
            self._entities.setup()

    def settings(self) -> dict[str, Any]:
        """The keyword arguments that make an analyzer like this one (see __init__)."""
        return {"lead_chars": self.lead_chars}

    def __getstate__(self) -> dict[str, Any]:
        # Models never travel with the step: each worker loads its own in setup().
        return {"lead_chars": self.lead_chars}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.lead_chars = state["lead_chars"]
        self._attribution = None
        self._entities = None

    def process(self, article: Article, *, published: date | None = None) -> Analysis:
        """Analyze one article. `published` overrides the article's own date
        (e.g. `storylens analyze --published`), counting as stated metadata."""
        from storylens.analyze.published import best_guess, infer_published

        self.setup()
        assert self._entities is not None
        # Analysis reads the text with page furniture blanked (same offsets): a linked
        # name's hover card would make people and quotes of other articles' headlines.
        text = blank_noise(article.text)
        attribution = self._attribution.process(text)
        others = self._entities.process(text, attribution.sentences)
        analysis = Analysis(
            article_id=article.id,
            sentences=attribution.sentences,
            entities=merge_mentions(attribution.entities, others),
            people=attribution.people,
            quotes=attribution.quotes,
            analyzer=self.name,
        )
        pub, basis = article.published, article.published_basis
        if published is not None:
            pub, basis = published, "metadata"
        if pub is None:
            guess = best_guess(infer_published(text))
            if guess is not None:
                pub, basis = guess, "inferred"
        return self.anchor(article, analysis, pub, basis)

    def anchor(
        self,
        article: Article,
        analysis: Analysis,
        published: date | None,
        basis: PublishedBasis | None,
    ) -> Analysis:
        """Time expressions, quote dates and events of an analysis, anchored on
        `published`. Called again when a better publication date is inferred
        (e.g. from the article's story); people and quotes are kept."""
        from storylens.analyze.events import date_quotes, find_events
        from storylens.analyze.time import find_times

        text = blank_noise(article.text)
        for quote in analysis.quotes:
            if quote.kind != "tweet":  # a tweet's own date never depends on the anchor
                quote.date = None
        times = find_times(
            text, published, inferred=basis == "inferred", sentences=analysis.sentences
        )
        date_quotes(text, analysis.quotes, times)
        analysis.times = times
        analysis.events = find_events(
            text, analysis.sentences, analysis.entities, analysis.people, analysis.quotes, times
        )
        analysis.published, analysis.published_basis = published, basis
        return analysis


_DEFAULT: Analyzer | None = None


def analyze_article(article: Article, *, published: date | None = None) -> Analysis:
    """Analyze one article with a process-wide analyzer (models loaded on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT.process(article, published=published)
