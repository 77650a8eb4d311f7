"""JSON and JSON Lines reader: fields, ids, dates, bad lines among good ones, gzip."""

from __future__ import annotations

import gzip
import itertools
import json
from datetime import date
from pathlib import Path

from storylens.ingest import read_input
from storylens.ingest.jsonl import read_json_lines
from storylens.model import Article, Rejection


def test_jsonl_yields_good_lines_and_rejects_bad_ones(fixtures: Path) -> None:
    path = fixtures / "articles.jsonl"
    results = list(read_input(str(path)))
    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [a.id for a in articles] == ["a1", "2", "articles.jsonl#4", "a6"]
    assert [(r.input, r.reason) for r in rejections] == [
        (f"{path}:3", "json"),
        (f"{path}:5", "no-text"),
    ]
    assert str(rejections[0]).startswith(f"{path}:3: invalid JSON (")
    assert all("\n" not in str(r) for r in rejections)


def test_jsonl_fields_and_unchanged_text(fixtures: Path) -> None:
    path = fixtures / "articles.jsonl"
    by_id = {a.id: a for a in read_input(str(path)) if isinstance(a, Article)}
    first = by_id["a1"]
    assert first.title == "Dam repairs start"
    assert first.outlet == "River Post"
    assert first.url == "https://riverpost.example/dam"
    assert first.authors == ["Ivo Lepp", "Kai Saar"]
    assert first.published == date(2019, 4, 2) and first.published_basis == "metadata"
    assert first.source == str(path)
    second = by_id["2"]
    assert second.outlet == "The Bulletin"  # "source" given as an object with a name
    assert second.authors == ["Mia Roos"]
    assert second.published == date(2019, 4, 3)  # US month-first "4/3/19"
    raw_line = path.read_text("utf-8").splitlines()[1]
    assert second.text == json.loads(raw_line)["text"]  # leading spaces and newline kept


def test_impossible_dates_become_unknown_not_rejections(fixtures: Path) -> None:
    by_id = {
        a.id: a for a in read_input(str(fixtures / "articles.jsonl")) if isinstance(a, Article)
    }
    for article_id in ("articles.jsonl#4", "a6"):  # year 0001 and 2050
        assert by_id[article_id].published is None
        assert by_id[article_id].published_basis is None


def test_gzipped_jsonl_reads_like_plain(fixtures: Path) -> None:
    plain = [r for r in read_input(str(fixtures / "articles.jsonl")) if isinstance(r, Article)]
    packed = list(read_input(str(fixtures / "articles.jsonl.gz")))
    assert [a.id for a in packed if isinstance(a, Article)] == [a.id for a in plain]
    assert [a.text for a in packed if isinstance(a, Article)] == [a.text for a in plain]
    assert sum(isinstance(r, Rejection) for r in packed) == 2


def test_broken_gzip_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "The port reopened."}\n' * 50)[:30])
    results = list(read_input(str(path)))
    assert results and isinstance(results[-1], Rejection)
    assert results[-1].reason == "encoding"
    assert "gzip" in results[-1].message


def test_json_list_ids_fall_back_to_position(fixtures: Path) -> None:
    results = list(read_input(str(fixtures / "list.json")))
    assert all(isinstance(r, Article) for r in results)
    assert [r.id for r in results if isinstance(r, Article)] == ["l1", "list.json#2"]
    first = results[0]
    assert isinstance(first, Article) and first.published == date(2024, 3, 6)


def test_single_pretty_printed_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    obj = {"id": "x9", "text": "Wind turbines were installed off the coast.", "title": "Turbines"}
    path.write_text(json.dumps(obj, indent=2), "utf-8")
    [article] = list(read_input(str(path)))
    assert isinstance(article, Article)
    assert (article.id, article.title, article.text) == ("x9", "Turbines", obj["text"])


def test_non_object_line_is_a_json_rejection(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "One good line."}\n42\n', "utf-8")
    results = list(read_input(str(path)))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Rejection)
    assert (results[1].input, results[1].reason) == (f"{path}:2", "json")


def test_invalid_utf8_line_does_not_lose_the_others(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(b'{"text": "Caf\xe9 opens."}\n{"text": "Second story."}\n')
    results = list(read_input(str(path)))
    assert isinstance(results[0], Rejection) and results[0].reason == "encoding"
    assert results[0].input == f"{path}:1"
    assert isinstance(results[1], Article) and results[1].text == "Second story."


def test_whole_file_of_garbage_reports_each_line(tmp_path: Path) -> None:
    path = tmp_path / "garbage.json"
    path.write_text("{not json\nstill not\n", "utf-8")
    results = list(read_input(str(path)))
    assert [(r.input, r.reason) for r in results if isinstance(r, Rejection)] == [
        (f"{path}:1", "json"),
        (f"{path}:2", "json"),
    ]


def test_empty_json_file(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", "utf-8")
    [rejection] = list(read_input(str(path)))
    assert isinstance(rejection, Rejection) and rejection.reason == "empty"


def test_first_2000_lines_of_abp(shared: Path) -> None:
    path = shared / "data" / "abp" / "articles.jsonl.gz"
    if not path.exists():
        import pytest

        pytest.skip(f"{path} not found")
    with gzip.open(path, "rb") as lines:
        results = list(read_json_lines(itertools.islice(lines, 2000), path.name, str(path)))
    assert len(results) == 2000
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) + sum(isinstance(r, Rejection) for r in results) == 2000
    assert len({a.id for a in articles}) == len(articles)
    assert all(
        a.published is None or date(1900, 1, 1) <= a.published <= date.today() for a in articles
    )
    # Missing dates exist in this set and must come back as unknown, not dropped.
    assert any(a.published is None for a in articles)
    assert sum(a.published is not None for a in articles) > 1000
