"""open_store: choosing the backend, SQLite set-up, and errors a user can act on."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from storylens.errors import StoreError
from storylens.model import Article
from storylens.store import PostgresStore, SQLiteStore, open_store


def article(n: int) -> Article:
    return Article(f"ferry-{n}", f"The night ferry to Osterholm ran {n} minutes late.", "test")


def assert_one_line(exc: pytest.ExceptionInfo[StoreError]) -> str:
    message = str(exc.value)
    assert message and "\n" not in message
    return message


def test_sqlite_file_is_created_with_its_folders(tmp_path: Path) -> None:
    target = tmp_path / "not" / "yet" / "there.db"
    with open_store(str(target)) as store:
        assert isinstance(store, SQLiteStore)
        store.add_article(article(1))
    assert target.is_file()
    with open_store(str(target)) as again:
        assert again.count_articles() == 1
        assert again.url == str(target.resolve())


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        engine: sa.Engine = store._engine  # type: ignore[attr-defined]
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 1000


def test_memory_store_is_one_database_across_calls_and_threads() -> None:
    with open_store(":memory:") as store:
        store.add_article(article(1))
        seen: list[int] = []
        worker = threading.Thread(target=lambda: seen.append(store.count_articles()))
        worker.start()
        worker.join()
        assert seen == [1]
        assert store.count_articles() == 1


def test_concurrent_writers_on_one_file_wait_for_each_other(tmp_path: Path) -> None:
    target = str(tmp_path / "shared.db")
    open_store(target).close()
    errors: list[BaseException] = []

    def write_batch(offset: int) -> None:
        try:
            with open_store(target) as store, store.transaction():
                for n in range(offset, offset + 25):
                    store.count_articles()  # a read before the writes, as ingest does
                    store.add_article(article(n))
        except BaseException as exc:  # reported below, with the thread's error
            errors.append(exc)

    threads = [threading.Thread(target=write_batch, args=(k * 100,)) for k in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(target) as store:
        assert store.count_articles() == 75


def test_sqlite_path_under_a_file_raises_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as exc:
        open_store(str(blocker / "sub" / "store.db"))
    message = assert_one_line(exc)
    assert str(blocker) in message and "writable" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_sqlite_path_in_read_only_folder_raises_store_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError) as exc:
            open_store(str(locked / "store.db"))
        assert_one_line(exc)
    finally:
        locked.chmod(0o700)


def test_sqlite_path_that_is_a_folder_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as exc:
        open_store(str(tmp_path))
    assert "folder" in assert_one_line(exc)


def test_file_that_is_not_a_database_raises_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are meeting notes, not a database\n" * 200)
    with pytest.raises(StoreError) as exc:
        open_store(str(junk))
    message = assert_one_line(exc)
    assert str(junk) in message


def test_postgres_urls_choose_postgres_and_a_down_server_is_a_store_error() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    for scheme in ("postgresql", "postgres"):
        with pytest.raises(StoreError) as exc:
            open_store(f"{scheme}://reader:s3cret@127.0.0.1:1/newsroom")
        message = assert_one_line(exc)
        assert "PostgreSQL" in message and "127.0.0.1:1" in message
        assert "s3cret" not in message


def test_malformed_postgres_url_is_a_store_error() -> None:
    with pytest.raises(StoreError) as exc:
        open_store("postgresql://reader:s3cret@127.0.0.1:port/newsroom")
    message = assert_one_line(exc)
    assert "USER[:PASSWORD]@HOST" in message and "s3cret" not in message
    with pytest.raises(StoreError):
        PostgresStore("mysql://reader@127.0.0.1/newsroom")


def test_workers_opening_a_new_sqlite_file_at_once_all_get_it(tmp_path: Path) -> None:
    # Switching a new file to WAL does not wait on SQLite's busy timeout: before the
    # retry, about 1 in 25 such starts of four workers failed with "database is locked".
    for attempt in range(60):
        path = tmp_path / f"store-{attempt}.db"
        opened: list[SQLiteStore] = []
        errors: list[BaseException] = []

        def open_one(
            target: Path = path,
            out: list[SQLiteStore] = opened,
            failed: list[BaseException] = errors,
        ) -> None:
            try:
                out.append(SQLiteStore(target))
            except BaseException as exc:  # reported by the assertion below
                failed.append(exc)

        threads = [threading.Thread(target=open_one) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for store in opened:
            store.close()
        assert errors == [], (attempt, errors)
