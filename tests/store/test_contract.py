"""The store contract: every backend must pass every test here."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_backends import Backend, clear

from storylens.errors import NotFoundError, StoreError
from storylens.model import (
    Analysis,
    Article,
    Event,
    Mention,
    Person,
    Quote,
    Span,
    Speaker,
    TimeExpression,
)
from storylens.store import MIGRATIONS, Migration, Store, apply_migrations, open_store, sql
from storylens.store.migrations import applied_migrations
from storylens.store.schema import metadata


def make_article(n: int, **fields: Any) -> Article:
    """A small invented article; `n` makes its text (and hash) distinct."""
    values: dict[str, Any] = {
        "id": f"harbor-{n}.txt",
        "text": f"The harbor board of Lindenport voted {n} to 2 on Tuesday to dredge the channel.",
        "source": f"/data/harbor-{n}.txt",
        "title": f"Harbor vote {n}",
        "outlet": "Lindenport Ledger",
        "url": f"https://ledger.example/harbor-{n}",
        "authors": ["Mara Quist"],
        "published": date(2023, 5, 2),
        "published_basis": "metadata",
    }
    values.update(fields)
    return Article(**values)


def engine_of(store: Store) -> sa.Engine:
    engine: sa.Engine = store._engine  # type: ignore[attr-defined]
    return engine


# -- articles --------------------------------------------------------------


def test_add_get_find_iter_count(store: Store) -> None:
    first = make_article(1)
    second = make_article(2, published=None, published_basis=None, authors=[])
    key1, new1 = store.add_article(first)
    key2, new2 = store.add_article(second)
    assert new1 and new2 and key1 != key2

    got = store.get_article(key1)
    assert got is not None
    assert got.key == key1 and got.article == first
    assert got.story_id is None and got.copy_of is None
    assert store.get_article(key2 + 1000) is None

    assert [s.key for s in store.find_articles("harbor-2.txt")] == [key2]
    assert store.find_articles("no-such-id") == []
    assert [s.article for s in store.iter_articles()] == [first, second]
    assert store.count_articles() == 2


def test_external_ids_may_repeat(store: Store) -> None:
    # Files named alike in two folders: same external id, different texts.
    key1, _ = store.add_article(make_article(1, id="index.txt"))
    key2, _ = store.add_article(make_article(2, id="index.txt"))
    assert [s.key for s in store.find_articles("index.txt")] == [key1, key2]


def test_add_is_idempotent_on_hash(store: Store) -> None:
    original = make_article(1)
    key, new = store.add_article(original)
    assert new
    # The same body re-read from another input, differing only in whitespace/quotes.
    again = make_article(1, id="copy.json", text="  " + original.text.replace(" ", "\n  ") + "\n")
    assert again.hash == original.hash
    assert store.add_article(again) == (key, False)
    assert store.count_articles() == 1
    stored = store.get_article(key)
    assert stored is not None and stored.article == original


def test_analyses_by_another_analyzer_are_counted(store: Store) -> None:
    for i, name in enumerate(["rules.v1", "rules.v2", "rules.v2"]):
        key, _ = store.add_article(make_article(i))
        store.save_analysis(key, Analysis(f"a{i}", analyzer=name))
    assert store.count_analyses_not_by("rules.v2") == 1
    assert store.count_analyses_not_by("rules.v3") == 3


def test_has_article_knows_stored_hashes_only(store: Store) -> None:
    stored, other = make_article(1), make_article(2)
    assert not store.has_article(stored.hash)
    store.add_article(stored)
    assert store.has_article(stored.hash)
    assert not store.has_article(other.hash)


def test_iter_articles_pages_through_large_collections(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sql, "_PAGE", 3)
    store.create_story("s", "Harbor")
    with store.transaction():
        keys = [store.add_article(make_article(n))[0] for n in range(10)]
        for key in keys[::2]:
            store.assign(key, "s")
    assert [s.key for s in store.iter_articles()] == keys
    assert [s.key for s in store.iter_articles("s")] == keys[::2]
    assert list(store.iter_articles("other")) == []


def test_text_with_nul_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="NUL"):
        store.add_article(make_article(1, text="broken\x00text"))
    assert store.count_articles() == 0


def test_update_published(store: Store) -> None:
    key, _ = store.add_article(make_article(1, published=None, published_basis=None))
    store.update_published(key, "2023-05-01", "inferred")
    stored = store.get_article(key)
    assert stored is not None
    assert stored.article.published == date(2023, 5, 1)
    assert stored.article.published_basis == "inferred"
    store.update_published(key, None, None)
    stored = store.get_article(key)
    assert stored is not None and stored.article.published is None

    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        store.update_published(key, "May 1st", "inferred")
    with pytest.raises(StoreError, match="basis"):
        store.update_published(key, "2023-05-01", "guessed")
    with pytest.raises(NotFoundError):
        store.update_published(key + 99, "2023-05-01", "inferred")


def test_set_copy_of(store: Store) -> None:
    original, _ = store.add_article(make_article(1))
    copy, _ = store.add_article(make_article(2))
    store.set_copy_of(copy, original)
    stored = store.get_article(copy)
    assert stored is not None and stored.copy_of == original
    store.set_copy_of(copy, None)
    stored = store.get_article(copy)
    assert stored is not None and stored.copy_of is None
    with pytest.raises(StoreError, match="itself"):
        store.set_copy_of(copy, copy)
    with pytest.raises(NotFoundError):
        store.set_copy_of(copy, original + 99)


# -- transactions ------------------------------------------------------------


def test_transaction_that_raises_rolls_back_everything(store: Store) -> None:
    kept, _ = store.add_article(make_article(0))
    with pytest.raises(RuntimeError, match="boom"), store.transaction():
        key, _ = store.add_article(make_article(1))
        store.create_story("s", "Harbor")
        store.assign(key, "s")
        store.assign(kept, "s")
        store.add_decision("merge", {"stories": ["a", "b"]})
        raise RuntimeError("boom")
    assert store.count_articles() == 1
    assert store.get_story("s") is None
    stored = store.get_article(kept)
    assert stored is not None and stored.story_id is None
    assert store.list_decisions() == []


def test_store_error_inside_transaction_rolls_back(store: Store) -> None:
    with pytest.raises(NotFoundError), store.transaction():
        key, _ = store.add_article(make_article(1))
        store.assign(key, "missing-story")
    assert store.count_articles() == 0


def test_nested_transaction_joins_the_outer_one(store: Store, backend: Backend) -> None:
    observer = backend.open()
    try:
        with store.transaction():
            store.add_article(make_article(1))
            with store.transaction():
                store.add_article(make_article(2))
            # The inner block is done, yet nothing is visible outside before
            # the outer transaction commits.
            assert observer.count_articles() == 0
            assert store.count_articles() == 2
        assert observer.count_articles() == 2
    finally:
        observer.close()


def test_inner_failure_propagating_rolls_back_the_outer_writes(store: Store) -> None:
    with pytest.raises(ValueError), store.transaction():
        store.add_article(make_article(1))
        with store.transaction():
            store.add_article(make_article(2))
            raise ValueError("inner")
    assert store.count_articles() == 0


def test_inner_failure_caught_keeps_outer_writes_only(store: Store) -> None:
    with store.transaction():
        store.add_article(make_article(1))
        with pytest.raises(ValueError), store.transaction():
            store.add_article(make_article(2))
            raise ValueError("inner")
        store.add_article(make_article(3))
    assert [s.article.id for s in store.iter_articles()] == ["harbor-1.txt", "harbor-3.txt"]


def test_a_transaction_belongs_to_its_thread(store: Store) -> None:
    # A web server shares one store between threads: a request's open
    # transaction must not capture (or expose) another thread's work.
    seen: list[int] = []
    with store.transaction():
        store.add_article(make_article(1))
        worker = threading.Thread(target=lambda: seen.append(store.count_articles()))
        worker.start()
        worker.join()
    assert seen == [0]
    assert store.count_articles() == 1


def test_methods_outside_a_transaction_commit_on_their_own(store: Store, backend: Backend) -> None:
    store.add_article(make_article(1))
    store.create_story("s", "Harbor")
    observer = backend.open()
    try:
        assert observer.count_articles() == 1
        assert observer.get_story("s") is not None
    finally:
        observer.close()


# -- analyses ---------------------------------------------------------------


def sample_analysis(article_id: str) -> Analysis:
    return Analysis(
        article_id=article_id,
        sentences=[(0, 61), (62, 118)],
        entities=[Mention("Mara Quist", 10, 20, "PERSON"), Mention("Lindenport", 30, 40, "GPE")],
        people=[
            Person("Mara Quist", aliases=["Quist"], roles=["harbor master"]),
            Person("a board member who asked not to be named", kind="anonymous"),
        ],
        quotes=[
            Quote(
                "The channel is silting up faster than anyone planned for",
                start=70,
                end=126,
                kind="direct",
                speaker=Speaker("Mara Quist", "she", 130, 133),
                cue=Span("said", 134, 138),
                date="2023-05-02",
            ),
            Quote("the vote was rushed", 140, 159, "indirect", Speaker(None, anonymous=True)),
            Quote("Dredging starts in June — finally", 160, 193, "tweet"),
        ],
        times=[
            TimeExpression("Tuesday", 50, 57, "DATE", "2023-05-02"),
            TimeExpression("in June", 180, 187, "DATE", "2023-06", inferred=True),
        ],
        events=[
            Event(
                "vote",
                "voted 5 to 2",
                30,
                42,
                "2023-05-02",
                participants=["harbor board"],
                place="Lindenport",
            )
        ],
        published=date(2023, 5, 2),
        published_basis="stated",
        analyzer="quotes.rules.v1",
    )


def test_analysis_round_trip(store: Store) -> None:
    key, _ = store.add_article(make_article(1))
    assert store.get_analysis(key) is None
    analysis = sample_analysis("harbor-1.txt")
    store.save_analysis(key, analysis)
    assert store.get_analysis(key) == analysis


def test_saving_an_analysis_again_replaces_it(store: Store) -> None:
    key, _ = store.add_article(make_article(1))
    store.save_analysis(key, sample_analysis("harbor-1.txt"))
    newer = Analysis("harbor-1.txt", analyzer="quotes.rules.v2")
    store.save_analysis(key, newer)
    assert store.get_analysis(key) == newer
    with pytest.raises(NotFoundError):
        store.save_analysis(key + 99, newer)


# -- stories ----------------------------------------------------------------


def test_create_assign_move_delete(store: Store) -> None:
    a, _ = store.add_article(make_article(1))
    b, _ = store.add_article(make_article(2))
    store.create_story("s1", "Harbor vote")
    store.create_story("s2", "Channel dredging")
    with pytest.raises(StoreError, match="already exists"):
        store.create_story("s1", "Again")

    store.assign(a, "s1")
    store.assign(b, "s1")
    story = store.get_story("s1")
    assert story is not None
    assert (story.title, story.article_keys) == ("Harbor vote", [a, b])
    assert story.article_ids == ["harbor-1.txt", "harbor-2.txt"]

    store.assign(b, "s2")  # moves it out of s1
    s1, s2 = store.get_story("s1"), store.get_story("s2")
    assert s1 is not None and s2 is not None
    assert (s1.article_keys, s2.article_keys) == ([a], [b])
    stored = store.get_article(b)
    assert stored is not None and stored.story_id == "s2"
    assert [x.key for x in store.iter_articles("s2")] == [b]

    with pytest.raises(StoreError, match="still has 1 article"):
        store.delete_story("s1")
    store.assign(a, "s2")
    store.delete_story("s1")
    assert store.get_story("s1") is None
    assert [s.id for s in store.list_stories()] == ["s2"]

    with pytest.raises(NotFoundError):
        store.assign(a, "s1")
    with pytest.raises(NotFoundError):
        store.assign(a + 99, "s2")
    with pytest.raises(NotFoundError):
        store.delete_story("s1")


def test_story_title_and_unknown_story(store: Store) -> None:
    store.create_story("s", "Draft title")
    store.set_story_title("s", "Harbor board votes to dredge")
    story = store.get_story("s")
    assert story is not None and story.title == "Harbor board votes to dredge"
    assert story.article_keys == [] and story.first_published is None
    assert store.get_story("nope") is None
    with pytest.raises(NotFoundError):
        store.set_story_title("nope", "x")


def test_story_dates_come_from_the_articles(store: Store) -> None:
    store.create_story("s", "Harbor")
    dates = [date(2023, 5, 3), None, date(2023, 4, 28), date(2023, 5, 1)]
    for n, day in enumerate(dates):
        key, _ = store.add_article(make_article(n, published=day))
        store.assign(key, "s")
    story = store.get_story("s")
    assert story is not None
    assert (story.first_published, story.last_published) == (date(2023, 4, 28), date(2023, 5, 3))
    store.update_published(story.article_keys[0], "2023-05-09", "inferred")
    story = store.get_story("s")
    assert story is not None and story.last_published == date(2023, 5, 9)


def test_list_stories_most_recent_first_nulls_last_then_id(store: Store) -> None:
    plan: dict[str, list[date | None]] = {  # story id -> publication dates of its articles
        "b-old": [date(2022, 1, 5)],
        "z-new": [date(2021, 3, 1), date(2023, 7, 1)],
        "a-new": [date(2023, 7, 1)],
        "undated": [None],
        "empty": [],
        "Zed-undated": [],
        "Mid": [date(2023, 1, 1), None],
    }
    n = 0
    for story_id, days in plan.items():
        store.create_story(story_id, story_id.title())
        for day in days:
            key, _ = store.add_article(make_article(n, published=day))
            store.assign(key, story_id)
            n += 1
    listed = store.list_stories()
    # Ties broken by id in code-point order ("Zed..." < "empty"), on every backend.
    assert [s.id for s in listed] == [
        "a-new",
        "z-new",
        "Mid",
        "b-old",
        "Zed-undated",
        "empty",
        "undated",
    ]
    z_new = next(s for s in listed if s.id == "z-new")
    assert (z_new.first_published, z_new.last_published) == (date(2021, 3, 1), date(2023, 7, 1))
    assert len(z_new.article_keys) == 2 and len(z_new.article_ids) == 2


# -- comparisons and decisions ------------------------------------------------


def test_comparison_cache_is_keyed_by_fingerprint(store: Store) -> None:
    store.create_story("s", "Harbor")
    comparison = {"id": "s", "claims": [{"text": "The vote was 5 to 2", "label": "agreed"}]}
    assert store.get_comparison("s", "fp1") is None
    store.save_comparison("s", comparison, "fp1")
    assert store.get_comparison("s", "fp1") == comparison
    assert store.get_comparison("s", "fp2") is None  # the article set changed
    store.save_comparison("s", {"id": "s", "claims": []}, "fp2")
    assert store.get_comparison("s", "fp2") == {"id": "s", "claims": []}
    assert store.get_comparison("s", "fp1") is None
    with pytest.raises(NotFoundError):
        store.save_comparison("nope", comparison, "fp1")
    store.delete_story("s")
    assert store.get_comparison("s", "fp2") is None


def test_decisions_are_kept_in_order(store: Store) -> None:
    assert store.list_decisions() == []
    store.add_decision("merge", {"stories": ["s1", "s2"], "by": "Ana Ruiz"})
    store.add_decision("split", {"story": "s3", "articles": [4, 5], "note": "différent événement"})
    assert store.list_decisions() == [
        ("merge", {"stories": ["s1", "s2"], "by": "Ana Ruiz"}),
        ("split", {"story": "s3", "articles": [4, 5], "note": "différent événement"}),
    ]


# -- migrations ---------------------------------------------------------------


def test_migrations_are_recorded_and_reopening_applies_nothing(backend: Backend) -> None:
    first = backend.open()
    try:
        assert first.migrations_applied == [m.name for m in MIGRATIONS]  # type: ignore[attr-defined]
        assert applied_migrations(engine_of(first)) == [m.name for m in MIGRATIONS]
        first.add_article(make_article(1))
    finally:
        first.close()
    again = backend.open()
    try:
        assert again.migrations_applied == []  # type: ignore[attr-defined]
        assert applied_migrations(engine_of(again)) == [m.name for m in MIGRATIONS]
        assert again.count_articles() == 1
    finally:
        again.close()


def test_concurrent_first_opens_migrate_once(backend: Backend) -> None:
    # Several workers starting at once on an empty database.
    opened: list[Store] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            opened.append(backend.open())
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        applied = [name for s in opened for name in s.migrations_applied]  # type: ignore[attr-defined]
        assert sorted(applied) == sorted(m.name for m in MIGRATIONS)
        assert applied_migrations(engine_of(opened[0])) == [m.name for m in MIGRATIONS]
    finally:
        for s in opened:
            s.close()


def test_migrations_run_in_order_and_a_failing_one_leaves_no_trace(store: Store) -> None:
    engine = engine_of(store)
    extra = [
        Migration("9001_notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
        Migration(
            "9002_note_rows",
            ["INSERT INTO notes VALUES (1, 'a')", "INSERT INTO notes VALUES (2, 'b')"],
        ),
    ]
    assert apply_migrations(engine, [*MIGRATIONS, *extra]) == ["9001_notes", "9002_note_rows"]

    def half_then_fail(conn: sa.Connection) -> None:
        conn.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        conn.exec_driver_sql("INSERT INTO notes VALUES (3, 'c')")
        raise RuntimeError("step failed")

    broken = Migration("9003_broken", half_then_fail)
    with pytest.raises(RuntimeError, match="step failed"):
        apply_migrations(engine, [*MIGRATIONS, *extra, broken])
    assert applied_migrations(engine)[-2:] == ["9001_notes", "9002_note_rows"]
    with engine.connect() as conn:
        assert not sa.inspect(conn).has_table("half_done")
        assert conn.exec_driver_sql("SELECT count(*) FROM notes").scalar_one() == 2
    assert apply_migrations(engine, [*MIGRATIONS, *extra]) == []


def test_duplicate_migration_names_are_refused(store: Store) -> None:
    twice = [Migration("x", "SELECT 1"), Migration("x", "SELECT 2")]
    with pytest.raises(ValueError, match="duplicate"):
        apply_migrations(engine_of(store), twice)


def test_schema_module_matches_the_migrated_database(store: Store) -> None:
    with engine_of(store).connect() as conn:
        inspector = sa.inspect(conn)
        for table in metadata.sorted_tables:
            reflected = {c["name"]: c["nullable"] for c in inspector.get_columns(table.name)}
            declared = {c.name: c.nullable for c in table.columns}
            assert reflected == declared, table.name


# -- properties ------------------------------------------------------------------

# Text as news readers hand it over: any unicode except NUL (refused, see above).
_text = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"]))
_maybe_text = st.none() | _text
articles_strategy = st.builds(
    Article,
    id=_text.filter(bool),
    text=_text,
    source=_text,
    title=_maybe_text,
    outlet=_maybe_text,
    url=_maybe_text,
    authors=st.lists(_text, max_size=3),
    published=st.none() | st.dates(),
    published_basis=st.sampled_from([None, "stated", "metadata", "inferred"]),
)
_property_settings = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@_property_settings
@given(article=articles_strategy)
def test_article_round_trip(store: Store, article: Article) -> None:
    clear(store)
    key, new = store.add_article(article)
    assert new
    stored = store.get_article(key)
    assert stored is not None and stored.article == article
    assert [s.article for s in store.find_articles(article.id)] == [article]


@_property_settings
@given(
    batch=st.lists(articles_strategy, max_size=6).flatmap(
        lambda items: st.permutations(items + items[: len(items) // 2])
    )
)
def test_readding_in_any_order_stores_each_hash_once(store: Store, batch: list[Article]) -> None:
    clear(store)
    key_of: dict[str, int] = {}
    for article in batch:
        key, new = store.add_article(article)
        assert new == (article.hash not in key_of)
        assert key_of.setdefault(article.hash, key) == key
    stored = list(store.iter_articles())
    assert sorted(s.article.hash for s in stored) == sorted(key_of)
    assert store.count_articles() == len(key_of)


def test_store_url_names_the_store_without_a_password(backend: Backend) -> None:
    target = backend.target
    if backend.name == "postgres":
        # The test cluster trusts loopback, so any password connects.
        target = target.replace("://postgres@", "://postgres:s3cret@")
        assert "s3cret" in target
    with open_store(target) as store:
        assert store.url and str(store) == store.url and "s3cret" not in store.url
        if backend.name == "postgres":
            assert store.url.startswith("postgresql://postgres:***@")
