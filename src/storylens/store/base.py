"""The store interface: every backend (SQLite, PostgreSQL) implements it, and
one contract test suite (tests/store/test_contract.py) runs on each."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

from storylens.model import Analysis, Article, StoredArticle, Story


class Store(ABC):
    """Articles, their analyses, stories and cached comparisons.

    Writes happen inside `transaction()`; a method called outside one commits
    on its own. `add_article` is idempotent on the article's content hash:
    the same text ingested twice is stored once.
    """

    url: str

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Group writes: all of them land, or none (nested calls join the outer one)."""

    # -- articles --------------------------------------------------------
    @abstractmethod
    def add_article(self, article: Article) -> tuple[int, bool]:
        """Store the article unless one with the same hash exists.
        Returns (key, is_new)."""

    @abstractmethod
    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored (`Article.hash`)."""

    @abstractmethod
    def get_article(self, key: int) -> StoredArticle | None: ...

    @abstractmethod
    def find_articles(self, article_id: str) -> list[StoredArticle]:
        """Articles whose external id is `article_id` (ids of files may repeat)."""

    @abstractmethod
    def iter_articles(self, story_id: str | None = None) -> Iterator[StoredArticle]:
        """All articles in key order, or those of one story."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def update_published(self, key: int, published: str | None, basis: str | None) -> None:
        """Record a publication date worked out after reading (basis "inferred")."""

    @abstractmethod
    def set_copy_of(self, key: int, original_key: int | None) -> None:
        """Mark an article as a near-duplicate copy of another."""

    # -- analyses --------------------------------------------------------
    @abstractmethod
    def save_analysis(self, key: int, analysis: Analysis) -> None: ...

    @abstractmethod
    def get_analysis(self, key: int) -> Analysis | None: ...

    @abstractmethod
    def count_analyses_not_by(self, analyzer: str) -> int:
        """How many stored analyses another analyzer (an older StoryLens) made."""

    # -- stories ---------------------------------------------------------
    @abstractmethod
    def create_story(self, story_id: str, title: str) -> None: ...

    @abstractmethod
    def set_story_title(self, story_id: str, title: str) -> None: ...

    @abstractmethod
    def assign(self, key: int, story_id: str) -> None:
        """Put an article into a story (moving it out of any other)."""

    @abstractmethod
    def delete_story(self, story_id: str) -> None:
        """Remove an empty story (articles must have been moved first)."""

    @abstractmethod
    def get_story(self, story_id: str) -> Story | None: ...

    @abstractmethod
    def list_stories(self) -> list[Story]:
        """All stories, most recent first (by last publication date, then id)."""

    # -- cached comparisons and manual decisions ---------------------------
    @abstractmethod
    def save_comparison(self, story_id: str, comparison: dict[str, Any], fingerprint: str) -> None:
        """Cache a story's comparison; `fingerprint` identifies the article set it was made from."""

    @abstractmethod
    def get_comparison(self, story_id: str, fingerprint: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def add_decision(self, kind: str, payload: dict[str, Any]) -> None:
        """Record a manual merge/split so regrouping can honour it."""

    @abstractmethod
    def list_decisions(self) -> list[tuple[str, dict[str, Any]]]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
