"""Where the store tests put their stores: SQLite always, PostgreSQL when
STORYLENS_TEST_PG_URL names a server (scripts/test-postgres.sh starts one)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa

from storylens.store import Store, open_store
from storylens.store.postgres import sqlalchemy_url

PG_ENV = "STORYLENS_TEST_PG_URL"


@dataclass(slots=True)
class Backend:
    """Where one test's store lives: `target` reopens the very same store."""

    name: str
    target: str

    def open(self) -> Store:
        return open_store(self.target)


def sqlite_backend(tmp_path: Path) -> Iterator[Backend]:
    yield Backend("sqlite", str(tmp_path / "store.db"))


def postgres_backend() -> Iterator[Backend]:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(
            f"{PG_ENV} not set: run `export {PG_ENV}=$(scripts/test-postgres.sh)` "
            "to run the contract suite on PostgreSQL too"
        )
    # A fresh schema per test, dropped afterwards: tests never see each
    # other's rows, and the database itself needs no cleaning.
    schema = f"storylens_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(sqlalchemy_url(url))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in url else "?"
    try:
        yield Backend("postgres", f"{url}{sep}options={quote(f'-csearch_path={schema}')}")
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def clear(store: Store) -> None:
    """Delete every row (for property tests, which run many examples on one store)."""
    engine: sa.Engine = store._engine  # type: ignore[attr-defined]
    with engine.begin() as conn:
        for table in ("analyses", "comparisons", "decisions", "articles", "stories"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
