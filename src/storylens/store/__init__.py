"""Where StoryLens keeps articles, analyses, stories and comparisons.

`open_store(target)` is the entry point: a PostgreSQL URL opens a
`PostgresStore`, anything else is a SQLite file (created if missing).
"""

from __future__ import annotations

from storylens.store.base import Store
from storylens.store.migrations import MIGRATIONS, Migration, apply_migrations
from storylens.store.postgres import PostgresStore
from storylens.store.sqlite import SQLiteStore

__all__ = [
    "MIGRATIONS",
    "Migration",
    "PostgresStore",
    "SQLiteStore",
    "Store",
    "apply_migrations",
    "open_store",
]


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def open_store(target: str) -> Store:
    """Open (and migrate) the store at `target`.

    "postgresql://..." or "postgres://..." is a PostgreSQL database; anything
    else is a SQLite file path, created with its parent folders when missing
    (":memory:" for a throwaway store). `store.url` names the store for
    messages: the absolute file path, or the URL with its password masked.
    Raises StoreError with a one-line message when the store cannot be opened
    or migrated.
    """
    if is_postgres_url(target):
        return PostgresStore(target)
    return SQLiteStore(target)
