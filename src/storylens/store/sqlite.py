"""The default store: one SQLite file (or ":memory:"), zero set-up."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from storylens.errors import StoreError
from storylens.store.migrations import WRITE_TRANSACTION
from storylens.store.sql import Insert, SQLStore, one_line

# Seconds a writer waits for another process's write to finish before failing.
BUSY_TIMEOUT_S = 30.0


def _set_wal(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL. Switching takes the file for itself and SQLite does not
    wait on the busy timeout for it: workers opening a new store at once ("database is
    locked" for about 1 in 25 first opens of four) retry, for up to BUSY_TIMEOUT_S."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _sqlite_engine(path: str) -> Engine:
    memory = path == ":memory:"
    engine = sa.create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
        # Every connection to ":memory:" is a new empty database: share one.
        poolclass=StaticPool if memory else None,
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions
        # begin: sqlite3 would otherwise run DDL outside any transaction (so
        # migrations could half-apply) and break SAVEPOINTs.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        # WAL: readers never block the writer nor the writer the readers.
        _set_wal(cursor)
        # In WAL mode NORMAL never corrupts the file; a power cut may only lose
        # the last commits, and each commit skips an fsync (ingest speed).
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A write takes the write lock up front: a deferred transaction that
        # reads and then writes can fail at once with "database is locked"
        # instead of waiting out the busy timeout.
        immediate = conn.get_execution_options().get(WRITE_TRANSACTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class SQLiteStore(SQLStore):
    """Articles, analyses and stories in one SQLite file (WAL, foreign keys on)."""

    def __init__(self, path: str | Path) -> None:
        target = str(path)
        if target != ":memory:":
            file = Path(target).expanduser()
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the folder {file.parent} for the store {file}: "
                    f"{exc.strerror or exc}; choose a writable --db path"
                ) from None
            if file.is_dir():
                raise StoreError(
                    f"store path {file} is a folder; give a file name, e.g. {file}/storylens.db"
                )
            target = str(file.resolve())
        engine = _sqlite_engine(target)
        try:
            super().__init__(engine, target)
        except (sa.exc.DBAPIError, StoreError) as exc:
            engine.dispose()
            raise StoreError(
                f"cannot open the SQLite store {target}: {one_line(exc)}; "
                "check that the path is writable and is a StoryLens database"
            ) from None

    def _insert(self, table: sa.Table) -> Insert:
        return sqlite.insert(table)
