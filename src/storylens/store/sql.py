"""The store on SQLAlchemy Core: everything both backends share.

`SQLiteStore` and `PostgresStore` only say how to connect, how to begin a
write transaction, and which dialect's INSERT ... ON CONFLICT to use.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any, get_args

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, RowMapping

from storylens.errors import NotFoundError, StoreError
from storylens.model import Analysis, Article, PublishedBasis, StoredArticle, Story
from storylens.store.base import Store
from storylens.store.migrations import WRITE_TRANSACTION, apply_migrations
from storylens.store.schema import analyses, articles, comparisons, decisions, stories

_BASES = frozenset(get_args(PublishedBasis))
# Rows fetched per query by iter_articles: bounded memory on large collections
# and no connection held open while the caller works on a page.
_PAGE = 500

Insert = sqlite.Insert | postgresql.Insert


def one_line(exc: BaseException) -> str:
    """A driver's message on one line, without SQLAlchemy's appended SQL and links."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    text = text.split("\n[SQL:")[0].split("\n(Background")[0]
    return " ".join(text.split())


def _now() -> datetime:
    return datetime.now(UTC)


def _check_text(what: str, value: str | None) -> None:
    # PostgreSQL cannot store NUL in text; refusing it on every backend keeps
    # a SQLite store movable to PostgreSQL and the contract identical.
    if value is not None and "\x00" in value:
        raise StoreError(
            f"{what} contains a NUL character, which the store cannot hold; "
            "clean the input (NUL never belongs in article text)"
        )


def _check_published(published: str | None, basis: str | None) -> None:
    if published is not None:
        try:
            date.fromisoformat(published)
        except ValueError:
            raise StoreError(f"publication date {published!r} is not a YYYY-MM-DD date") from None
    if basis is not None and basis not in _BASES:
        raise StoreError(
            f"publication date basis {basis!r} is not one of {', '.join(sorted(_BASES))}"
        )


def _article_row(article: Article) -> dict[str, Any]:
    for name in ("id", "text", "source", "title", "outlet", "url"):
        _check_text(f"article {article.id!r}: {name}", getattr(article, name))
    for author in article.authors:
        _check_text(f"article {article.id!r}: author", author)
    published = article.published.isoformat() if article.published else None
    _check_published(published, article.published_basis)
    return {
        "external_id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "authors": list(article.authors),
        "published": published,
        "published_basis": article.published_basis,
        "hash": article.hash,
        "text": article.text,
        "story_id": None,
        "copy_of": None,
        "ingested_at": _now(),
    }


def _stored_article(row: RowMapping) -> StoredArticle:
    published = row["published"]
    article = Article(
        id=row["external_id"],
        text=row["text"],
        source=row["source"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        authors=list(row["authors"] or []),
        published=date.fromisoformat(published) if published else None,
        published_basis=row["published_basis"],
        hash=row["hash"],
    )
    return StoredArticle(row["key"], article, row["story_id"], row["copy_of"])


def _most_recent_first(story: Story) -> tuple[bool, int, str]:
    last = story.last_published
    return (last is None, -last.toordinal() if last else 0, story.id)


class _CurrentTransaction(threading.local):
    """The connection of the transaction open in this thread, if any: threads
    sharing one store (a web server) each get their own transactions."""

    conn: Connection | None = None


class SQLStore(Store):
    """A store on one SQLAlchemy engine; the schema is migrated on construction."""

    def __init__(self, engine: Engine, url: str) -> None:
        # `url` goes into messages: it never holds a password (see postgres.masked).
        self.url = url
        self._engine = engine
        self._current = _CurrentTransaction()
        self.migrations_applied = apply_migrations(engine)

    # -- dialect hooks -----------------------------------------------------
    def _insert(self, table: sa.Table) -> Insert:
        raise NotImplementedError

    @staticmethod
    def _mark_write(conn: Connection) -> None:
        """Tell the dialect hooks that the transaction about to begin will write."""
        conn.execution_options(**{WRITE_TRANSACTION: True})

    # -- transactions ------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        outer = self._current.conn
        if outer is not None:
            # A savepoint: the inner block joins the outer transaction (nothing
            # lands before the outer commits), and an inner failure that the
            # caller catches takes only the inner writes with it.
            with outer.begin_nested():
                yield
            return
        try:
            with self._engine.connect() as conn:
                self._mark_write(conn)
                with conn.begin():
                    self._current.conn = conn
                    try:
                        yield
                    finally:
                        self._current.conn = None
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"store {self}: {one_line(exc)}") from exc

    @contextmanager
    def _use(self, write: bool) -> Iterator[Connection]:
        """The open transaction's connection, or a short transaction of its own."""
        conn = self._current.conn
        if conn is not None:
            yield conn
            return
        try:
            with self._engine.connect() as conn:
                if write:
                    self._mark_write(conn)
                with conn.begin():
                    yield conn
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"store {self}: {one_line(exc)}") from exc

    # -- articles ----------------------------------------------------------
    def add_article(self, article: Article) -> tuple[int, bool]:
        row = _article_row(article)
        stmt = (
            self._insert(articles)
            .values(**row)
            .on_conflict_do_nothing(index_elements=[articles.c.hash])
            .returning(articles.c.key)
        )
        with self._use(write=True) as conn:
            key = conn.execute(stmt).scalar()
            if key is not None:
                return int(key), True
            existing = conn.execute(
                sa.select(articles.c.key).where(articles.c.hash == article.hash)
            ).scalar_one()
            return int(existing), False

    def has_article(self, content_hash: str) -> bool:
        query = sa.select(articles.c.key).where(articles.c.hash == content_hash).limit(1)
        with self._use(write=False) as conn:
            return conn.execute(query).first() is not None

    def get_article(self, key: int) -> StoredArticle | None:
        with self._use(write=False) as conn:
            row = conn.execute(sa.select(articles).where(articles.c.key == key)).mappings().first()
        return _stored_article(row) if row is not None else None

    def find_articles(self, article_id: str) -> list[StoredArticle]:
        query = (
            sa.select(articles).where(articles.c.external_id == article_id).order_by(articles.c.key)
        )
        with self._use(write=False) as conn:
            return [_stored_article(row) for row in conn.execute(query).mappings()]

    def iter_articles(self, story_id: str | None = None) -> Iterator[StoredArticle]:
        after = None
        while True:
            query = sa.select(articles).order_by(articles.c.key).limit(_PAGE)
            if story_id is not None:
                query = query.where(articles.c.story_id == story_id)
            if after is not None:
                query = query.where(articles.c.key > after)
            with self._use(write=False) as conn:
                page = [_stored_article(row) for row in conn.execute(query).mappings()]
            yield from page
            if len(page) < _PAGE:
                return
            after = page[-1].key

    def count_articles(self) -> int:
        with self._use(write=False) as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())

    def update_published(self, key: int, published: str | None, basis: str | None) -> None:
        _check_published(published, basis)
        with self._use(write=True) as conn:
            self._require_article(conn, key)
            conn.execute(
                sa.update(articles)
                .where(articles.c.key == key)
                .values(published=published, published_basis=basis)
            )

    def set_copy_of(self, key: int, original_key: int | None) -> None:
        if original_key == key:
            raise StoreError(f"article {key} cannot be a copy of itself")
        with self._use(write=True) as conn:
            self._require_article(conn, key)
            if original_key is not None:
                self._require_article(conn, original_key)
            conn.execute(
                sa.update(articles).where(articles.c.key == key).values(copy_of=original_key)
            )

    # -- analyses ----------------------------------------------------------
    def save_analysis(self, key: int, analysis: Analysis) -> None:
        values = {"analyzer": analysis.analyzer, "data": analysis.to_dict(), "updated_at": _now()}
        stmt = self._insert(analyses).values(article_key=key, **values)
        stmt = stmt.on_conflict_do_update(index_elements=[analyses.c.article_key], set_=values)
        with self._use(write=True) as conn:
            self._require_article(conn, key)
            conn.execute(stmt)

    def get_analysis(self, key: int) -> Analysis | None:
        query = sa.select(analyses.c.data).where(analyses.c.article_key == key)
        with self._use(write=False) as conn:
            data = conn.execute(query).scalar()
        return Analysis.from_dict(data) if data is not None else None

    def count_analyses_not_by(self, analyzer: str) -> int:
        query = sa.select(sa.func.count()).where(analyses.c.analyzer != analyzer)
        with self._use(write=False) as conn:
            return int(conn.execute(query).scalar_one())

    # -- stories -----------------------------------------------------------
    def create_story(self, story_id: str, title: str) -> None:
        _check_text("story id", story_id)
        _check_text(f"story {story_id!r}: title", title)
        now = _now()
        stmt = (
            self._insert(stories)
            .values(id=story_id, title=title, created_at=now, updated_at=now)
            .on_conflict_do_nothing(index_elements=[stories.c.id])
            .returning(stories.c.id)
        )
        with self._use(write=True) as conn:
            if conn.execute(stmt).scalar() is None:
                raise StoreError(f"story {story_id!r} already exists; pick a new id")

    def set_story_title(self, story_id: str, title: str) -> None:
        _check_text(f"story {story_id!r}: title", title)
        with self._use(write=True) as conn:
            self._require_story(conn, story_id)
            conn.execute(
                sa.update(stories)
                .where(stories.c.id == story_id)
                .values(title=title, updated_at=_now())
            )

    def assign(self, key: int, story_id: str) -> None:
        with self._use(write=True) as conn:
            self._require_story(conn, story_id)
            previous = self._require_article(conn, key)
            if previous == story_id:
                return
            conn.execute(sa.update(articles).where(articles.c.key == key).values(story_id=story_id))
            touched = [story_id] if previous is None else [story_id, previous]
            conn.execute(
                sa.update(stories).where(stories.c.id.in_(touched)).values(updated_at=_now())
            )

    def delete_story(self, story_id: str) -> None:
        with self._use(write=True) as conn:
            self._require_story(conn, story_id)
            members = conn.execute(
                sa.select(sa.func.count())
                .select_from(articles)
                .where(articles.c.story_id == story_id)
            ).scalar_one()
            if members:
                raise StoreError(
                    f"story {story_id!r} still has {members} article(s); "
                    "assign them to another story before deleting it"
                )
            conn.execute(sa.delete(comparisons).where(comparisons.c.story_id == story_id))
            conn.execute(sa.delete(stories).where(stories.c.id == story_id))

    def get_story(self, story_id: str) -> Story | None:
        found = self._stories(stories.c.id == story_id)
        return found[0] if found else None

    def list_stories(self) -> list[Story]:
        # Sorted here, not in SQL: the two backends collate text differently,
        # and the order of ties must not depend on the backend.
        return sorted(self._stories(None), key=_most_recent_first)

    def _stories(self, where: sa.ColumnElement[bool] | None) -> list[Story]:
        story_query = sa.select(stories.c.id, stories.c.title)
        member_query = (
            sa.select(
                articles.c.story_id, articles.c.key, articles.c.external_id, articles.c.published
            )
            .join(stories, stories.c.id == articles.c.story_id)
            .order_by(articles.c.key)
        )
        if where is not None:
            story_query = story_query.where(where)
            member_query = member_query.where(where)
        with self._use(write=False) as conn:
            found = {
                story_id: Story(story_id, title) for story_id, title in conn.execute(story_query)
            }
            members = conn.execute(member_query).all()
        for story_id, key, external_id, published in members:
            story = found[story_id]
            story.article_keys.append(int(key))
            story.article_ids.append(external_id)
            if published:
                day = date.fromisoformat(published)
                if story.first_published is None or day < story.first_published:
                    story.first_published = day
                if story.last_published is None or day > story.last_published:
                    story.last_published = day
        return list(found.values())

    # -- comparisons and decisions -------------------------------------------
    def save_comparison(self, story_id: str, comparison: dict[str, Any], fingerprint: str) -> None:
        values = {"fingerprint": fingerprint, "data": comparison, "updated_at": _now()}
        stmt = self._insert(comparisons).values(story_id=story_id, **values)
        stmt = stmt.on_conflict_do_update(index_elements=[comparisons.c.story_id], set_=values)
        with self._use(write=True) as conn:
            self._require_story(conn, story_id)
            conn.execute(stmt)

    def get_comparison(self, story_id: str, fingerprint: str) -> dict[str, Any] | None:
        query = sa.select(comparisons.c.data).where(
            comparisons.c.story_id == story_id, comparisons.c.fingerprint == fingerprint
        )
        with self._use(write=False) as conn:
            data = conn.execute(query).scalar()
        return dict(data) if data is not None else None

    def add_decision(self, kind: str, payload: dict[str, Any]) -> None:
        with self._use(write=True) as conn:
            conn.execute(sa.insert(decisions).values(kind=kind, payload=payload, created_at=_now()))

    def list_decisions(self) -> list[tuple[str, dict[str, Any]]]:
        query = sa.select(decisions.c.kind, decisions.c.payload).order_by(decisions.c.id)
        with self._use(write=False) as conn:
            return [(kind, dict(payload)) for kind, payload in conn.execute(query)]

    # -- lifecycle -----------------------------------------------------------
    def close(self) -> None:
        self._engine.dispose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self})"

    def __str__(self) -> str:
        return self.url

    # -- helpers -------------------------------------------------------------
    @staticmethod
    def _require_article(conn: Connection, key: int) -> str | None:
        """The article's story id; NotFoundError when the store has no such article."""
        row = conn.execute(sa.select(articles.c.story_id).where(articles.c.key == key)).first()
        if row is None:
            raise NotFoundError(f"no article with key {key} in the store")
        story_id: str | None = row[0]
        return story_id

    @staticmethod
    def _require_story(conn: Connection, story_id: str) -> None:
        row = conn.execute(sa.select(stories.c.id).where(stories.c.id == story_id)).first()
        if row is None:
            raise NotFoundError(
                f"no story {story_id!r} in the store; list them with `storylens stories`"
            )
