"""The tables as the queries see them today.

This is the *current* logical schema, shared by both backends; the DDL that
builds it lives in `migrations.py`, frozen per migration, so that an old
database is brought forward step by step rather than recreated. When a
migration changes a table, change the matching definition here too
(tests/store/test_contract.py checks that the two agree).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# JSON on SQLite is text; on PostgreSQL JSONB, so payloads can be indexed and queried later.
JSONDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

metadata = sa.MetaData()

migrations = sa.Table(
    "migrations",
    metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("title", sa.String, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("key", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("external_id", sa.String, nullable=False),
    sa.Column("source", sa.String, nullable=False),
    sa.Column("title", sa.String),
    sa.Column("outlet", sa.String),
    sa.Column("url", sa.String),
    sa.Column("authors", JSONDoc, nullable=False),
    # YYYY-MM-DD text rather than a DATE: it sorts correctly, reads the same on
    # both backends, and never goes through a driver's timezone handling.
    sa.Column("published", sa.String(10)),
    sa.Column("published_basis", sa.String),
    sa.Column("hash", sa.String, nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("story_id", sa.String, sa.ForeignKey("stories.id")),
    sa.Column("copy_of", sa.Integer, sa.ForeignKey("articles.key")),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column(
        "article_key",
        sa.Integer,
        sa.ForeignKey("articles.key", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("analyzer", sa.String, nullable=False),
    sa.Column("data", JSONDoc, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

comparisons = sa.Table(
    "comparisons",
    metadata,
    sa.Column(
        "story_id",
        sa.String,
        sa.ForeignKey("stories.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("fingerprint", sa.String, nullable=False),
    sa.Column("data", JSONDoc, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("payload", JSONDoc, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
