"""Readers: any input (text, JSON/JSONL, HTML, feeds, URLs, stdin) to `Article`s.

Reading never raises for bad input and never guesses silently: what cannot be
read comes back as a `Rejection(input, reason, message)` with a short stable
reason key ("missing", "empty", "binary", "encoding", "json", "no-text",
"no-article", "feed", "http", "too-large", "unsupported", "unreadable")
and a one-line message naming what is wrong and what to do.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from storylens.ingest.fetch import FetchConfig
from storylens.ingest.sources import InputReader, expand_inputs
from storylens.model import Article, Rejection

__all__ = ["FetchConfig", "InputReader", "expand_inputs", "read_input", "read_inputs"]


def read_input(item: str, config: FetchConfig | None = None) -> Iterator[Article | Rejection]:
    """Everything in one input: a file, a directory, an http(s) URL or '-' (stdin)."""
    reader = InputReader(config)
    try:
        yield from reader.read(item)
    finally:
        reader.close()


def read_inputs(
    inputs: Sequence[str], config: FetchConfig | None = None
) -> Iterator[Article | Rejection]:
    """Everything in several inputs, in order, sharing one HTTP client."""
    reader = InputReader(config)
    try:
        for item in inputs:
            yield from reader.read(item)
    finally:
        reader.close()
