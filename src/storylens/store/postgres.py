"""The team store: PostgreSQL through psycopg 3, JSON kept as JSONB."""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url

from storylens.errors import StoreError
from storylens.store.sql import Insert, SQLStore, one_line

_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def masked(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    return _PASSWORD.sub(r"\1***@", url)


def sqlalchemy_url(url: str) -> sa.URL:
    """`postgres://` and `postgresql://` as SQLAlchemy's psycopg 3 URL."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in _SCHEMES:
        raise StoreError(
            f"{masked(url)!r} is not a PostgreSQL URL; "
            "write postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
        )
    try:
        return make_url(f"postgresql+psycopg://{rest}")
    except (sa.exc.ArgumentError, ValueError) as exc:
        # SQLAlchemy reports a non-numeric port as a bare int() ValueError.
        raise StoreError(
            f"cannot read the PostgreSQL URL {masked(url)!r} ({exc}); "
            "write postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
        ) from None


class PostgresStore(SQLStore):
    """Articles, analyses and stories in a PostgreSQL database (shared by a team
    or by the workers of a distributed run)."""

    def __init__(self, url: str) -> None:
        sa_url = sqlalchemy_url(url)
        shown = masked(url)
        try:
            import psycopg  # noqa: F401  (only to give a clear message when missing)
        except ImportError:
            raise StoreError(
                "PostgreSQL stores need psycopg 3: pip install 'storylens[postgres]'"
            ) from None
        # pool_pre_ping: a server restart between two calls should cost a
        # reconnect, not an error.
        engine = sa.create_engine(sa_url, pool_pre_ping=True)
        try:
            super().__init__(engine, shown)
        except (sa.exc.DBAPIError, StoreError) as exc:
            engine.dispose()
            raise StoreError(
                f"cannot open the PostgreSQL store {shown}: {one_line(exc)}; "
                "check that the server is running and the URL, user and database are right"
            ) from None

    def _insert(self, table: sa.Table) -> Insert:
        return postgresql.insert(table)
