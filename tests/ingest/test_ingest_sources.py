"""Inputs as users name them: directories, missing paths, unknown types, stdin."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from storylens.ingest import InputReader, expand_inputs, read_input, read_inputs
from storylens.model import Article, Rejection

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("The museum reopened on Friday after renovation.", "utf-8")
    (tmp_path / "b" / "c.jsonl").write_text('{"id": "c1", "text": "Rail strike ends."}\n', "utf-8")
    (tmp_path / "b" / "notes.docx").write_bytes(b"PK\x03\x04 not for us")
    (tmp_path / ".hidden.txt").write_text("Hidden files are skipped.", "utf-8")
    (tmp_path / "README.md").write_text("These are the articles of the demo.", "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main", "utf-8")
    return tmp_path


def test_expand_inputs_walks_directories_sorted_and_keeps_the_rest(tree: Path) -> None:
    expanded = expand_inputs([str(tree), "-", "https://news.example/a", "missing.txt"])
    assert expanded == [
        str(tree / "a.txt"),
        str(tree / "b" / "c.jsonl"),
        str(tree / "b" / "notes.docx"),
        "-",
        "https://news.example/a",
        "missing.txt",
    ]


def test_a_folders_readme_is_skipped_in_a_walk_but_read_when_named(tree: Path) -> None:
    assert str(tree / "README.md") not in expand_inputs([str(tree)])
    assert expand_inputs([str(tree / "README.md")]) == [str(tree / "README.md")]
    [article] = list(read_input(str(tree / "README.md")))
    assert isinstance(article, Article)


def test_directory_reads_known_files_and_reports_unknown_ones(tree: Path) -> None:
    results = list(read_input(str(tree)))
    assert [r.id for r in results if isinstance(r, Article)] == ["a.txt", "c1"]
    [rejection] = [r for r in results if isinstance(r, Rejection)]
    assert rejection.input == str(tree / "b" / "notes.docx")
    assert rejection.reason == "unsupported"
    assert "'.docx'" in rejection.message and "\n" not in str(rejection)


def test_empty_directory(tmp_path: Path) -> None:
    [rejection] = list(read_input(str(tmp_path)))
    assert isinstance(rejection, Rejection) and rejection.reason == "empty"


def test_missing_path() -> None:
    [rejection] = list(read_inputs(["no/such/article.txt"]))
    assert isinstance(rejection, Rejection)
    assert (rejection.input, rejection.reason) == ("no/such/article.txt", "missing")
    assert str(rejection) == "no/such/article.txt: no such file or directory; check the path"


def test_explicit_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "story.pdf"
    path.write_bytes(b"%PDF-1.4")
    [rejection] = list(read_input(str(path)))
    assert isinstance(rejection, Rejection) and rejection.reason == "unsupported"
    assert ".txt" in rejection.message  # says what would work


def test_gzipped_text_and_html(tmp_path: Path, fixtures: Path) -> None:
    import gzip

    (tmp_path / "plain.txt.gz").write_bytes(gzip.compress((fixtures / "plain.txt").read_bytes()))
    page = (fixtures / "site" / "ferry.html").read_bytes()
    (tmp_path / "ferry.html.gz").write_bytes(gzip.compress(page))
    results = list(read_input(str(tmp_path)))
    assert [type(r).__name__ for r in results] == ["Article", "Article"]
    assert isinstance(results[1], Article)
    assert results[1].text == (fixtures / "plain.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("data", "kind", "ids"),
    [
        (b'{"text": "One."}\n{"id": 5, "text": "Two."}\n', "json", ["stdin#1", "5"]),
        (b"A plain story about a harbour strike.", "text", ["stdin"]),
    ],
)
def test_stdin_is_sniffed(data: bytes, kind: str, ids: list[str]) -> None:
    results = list(InputReader().read_stream(io.BytesIO(data)))
    assert [r.id for r in results if isinstance(r, Article)] == ids


def test_stdin_html_and_empty(fixtures: Path) -> None:
    page = (fixtures / "site" / "ferry.html").read_bytes()
    [article] = list(InputReader().read_stream(io.BytesIO(page)))
    assert isinstance(article, Article) and article.id == "stdin"
    assert article.title == "Island ferry service resumes after storm"
    [rejection] = list(InputReader().read_stream(io.BytesIO(b"")))
    assert isinstance(rejection, Rejection)
    assert (rejection.input, rejection.reason) == ("stdin", "empty")


def test_dash_reads_the_real_standard_input() -> None:
    code = (
        "from storylens.ingest import read_input\n"
        "for r in read_input('-'): print(type(r).__name__, r.id, repr(r.text))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=b"The ferry ran late.\n",
        capture_output=True,
        env={"PYTHONPATH": str(PROJECT_ROOT / "src"), "PATH": "/usr/bin:/bin"},
        timeout=60,
        check=True,
    )
    assert done.stdout.decode().strip() == "Article stdin 'The ferry ran late.\\n'"


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads files regardless of permissions")
    path = tmp_path / "locked.txt"
    path.write_text("Secret.", "utf-8")
    path.chmod(0)
    [rejection] = list(read_input(str(path)))
    assert isinstance(rejection, Rejection) and rejection.reason == "unreadable"
