"""Analyzers that fail on purpose, importable by the worker processes of parallel ingest
(spawned workers import them by module name; tests/ is on their sys.path)."""

from __future__ import annotations

import os
from datetime import date

from storylens.analyze.pipeline import Analyzer
from storylens.model import Analysis, Article

CRASH = "CRASH-THE-WORKER"
FAIL = "FAIL-THE-ANALYSIS"


class FaultyAnalyzer(Analyzer):
    """Kills its process on an article holding CRASH, raises on one holding FAIL."""

    def process(self, article: Article, *, published: date | None = None) -> Analysis:
        if CRASH in article.text:
            os._exit(3)  # as an out-of-memory kill would: no exception, no clean-up
        if FAIL in article.text:
            raise ValueError("the analysis failed on purpose")
        return super().process(article, published=published)


class BrokenAnalyzer(Analyzer):
    """An analyzer no worker can start (its models are missing): every article fails."""

    def setup(self) -> None:
        raise RuntimeError("the models are missing")
