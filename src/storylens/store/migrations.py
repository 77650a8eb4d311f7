"""Named, ordered, transactional schema migrations, recorded in `migrations`.

Modelled on sqlite-utils' migrations: `MIGRATIONS` is an ordered list of
(name, step). `apply_migrations` runs every step whose name is not yet in the
`migrations` table, each in its own transaction together with the row that
records it, so a failing step leaves neither half a schema change nor a record
claiming it was applied. Names are never reused or reordered once released:
append new steps at the end.

A step is SQL (one statement, or a sequence of statements, run as is) or a
function of the connection, for changes that differ per dialect. Each step
builds its own table definitions instead of importing `schema.py`, which
describes the schema *after the last* migration.

Later slots, deliberately not written yet: full-text search
("0002_article_search": an FTS5 virtual table on SQLite, a tsvector column
with a GIN index on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection, Engine

from storylens.store import schema

Step = str | Sequence[str] | Callable[[Connection], None]

# Execution option marking a connection whose transaction will write; the
# SQLite store begins those with BEGIN IMMEDIATE (other dialects ignore it).
WRITE_TRANSACTION = "storylens_write"

# Any fixed number: PostgreSQL advisory locks are keyed by a bigint, and every
# process migrating the same database must use the same one.
_PG_MIGRATION_LOCK = 7_312_024_001


@dataclass(slots=True, frozen=True)
class Migration:
    name: str
    step: Step

    def run(self, conn: Connection) -> None:
        if callable(self.step):
            self.step(conn)
            return
        statements = [self.step] if isinstance(self.step, str) else list(self.step)
        for statement in statements:
            conn.exec_driver_sql(statement)


def _create_initial_tables(conn: Connection) -> None:
    """The first schema: articles, analyses, stories, comparisons, decisions."""
    json_doc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    when = sa.DateTime(timezone=True)
    md = sa.MetaData()
    sa.Table(
        "stories",
        md,
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("created_at", when, nullable=False),
        sa.Column("updated_at", when, nullable=False),
    )
    articles = sa.Table(
        "articles",
        md,
        sa.Column("key", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("external_id", sa.String, nullable=False),
        sa.Column("source", sa.String, nullable=False),
        sa.Column("title", sa.String),
        sa.Column("outlet", sa.String),
        sa.Column("url", sa.String),
        sa.Column("authors", json_doc, nullable=False),
        sa.Column("published", sa.String(10)),
        sa.Column("published_basis", sa.String),
        sa.Column("hash", sa.String, nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("story_id", sa.String, sa.ForeignKey("stories.id")),
        sa.Column("copy_of", sa.Integer, sa.ForeignKey("articles.key")),
        sa.Column("ingested_at", when, nullable=False),
    )
    # Lookups by external id (find_articles) and by story (iter_articles, list_stories).
    sa.Index("ix_articles_external_id", articles.c.external_id)
    sa.Index("ix_articles_story_id", articles.c.story_id)
    sa.Table(
        "analyses",
        md,
        sa.Column(
            "article_key",
            sa.Integer,
            sa.ForeignKey("articles.key", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("analyzer", sa.String, nullable=False),
        sa.Column("data", json_doc, nullable=False),
        sa.Column("updated_at", when, nullable=False),
    )
    sa.Table(
        "comparisons",
        md,
        sa.Column(
            "story_id",
            sa.String,
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("fingerprint", sa.String, nullable=False),
        sa.Column("data", json_doc, nullable=False),
        sa.Column("updated_at", when, nullable=False),
    )
    sa.Table(
        "decisions",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("payload", json_doc, nullable=False),
        sa.Column("created_at", when, nullable=False),
    )
    md.create_all(conn)


MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _create_initial_tables),
]


def _lock_for_migration(conn: Connection) -> None:
    """Serialize concurrent openers (several workers starting at once).

    SQLite needs nothing here: write transactions begin with BEGIN IMMEDIATE,
    which already excludes other writers."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that is going to write."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_TRANSACTION: True})
        with conn.begin():
            yield conn


def _create_migrations_table(engine: Engine) -> None:
    with write_transaction(engine) as conn:
        _lock_for_migration(conn)
        schema.migrations.create(conn, checkfirst=True)


def applied_migrations(engine: Engine) -> list[str]:
    """Names of the migrations recorded in the database, in the order applied."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("migrations"):
            return []
        table = schema.migrations
        rows = conn.execute(sa.select(table.c.name).order_by(table.c.applied_at, table.c.name))
        return [name for (name,) in rows]


def apply_migrations(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded, in order; return the names applied now."""
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate migration names in {names}")
    _create_migrations_table(engine)
    applied_now: list[str] = []
    table = schema.migrations
    for migration in migrations:
        with write_transaction(engine) as conn:
            _lock_for_migration(conn)
            # Checked inside the locked transaction: another process may have
            # applied it while we waited for the lock.
            done = conn.execute(
                sa.select(table.c.name).where(table.c.name == migration.name)
            ).first()
            if done is not None:
                continue
            migration.run(conn)
            conn.execute(sa.insert(table).values(name=migration.name, applied_at=datetime.now(UTC)))
        applied_now.append(migration.name)
    return applied_now
