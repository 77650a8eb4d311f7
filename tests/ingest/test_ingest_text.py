"""Plain text reader: metadata markers, unchanged text, bad bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.ingest import read_input
from storylens.model import Article, Rejection


def read_one(path: Path) -> Article | Rejection:
    results = list(read_input(str(path)))
    assert len(results) == 1
    return results[0]


def test_plain_text_is_kept_unchanged_without_metadata(fixtures: Path) -> None:
    path = fixtures / "plain.txt"
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == path.read_text("utf-8")
    assert article.id == "plain.txt"
    assert article.source == str(path)
    assert article.title is None and article.outlet is None
    assert article.published is None and article.published_basis is None


def test_leading_date_marker_is_stated_date_and_removed(fixtures: Path) -> None:
    article = read_one(fixtures / "dated.txt")
    assert isinstance(article, Article)
    assert article.published == date(2021, 6, 30)
    assert article.published_basis == "stated"
    assert article.text.startswith("Flood barriers were raised")


def test_front_matter_gives_metadata(fixtures: Path) -> None:
    article = read_one(fixtures / "front.md")
    assert isinstance(article, Article)
    assert article.title == "Orchard growers report record harvest"
    assert article.outlet == "Farm Weekly"
    assert article.url == "https://farmweekly.example/harvest"
    assert article.authors == ["Lena Kask", "Marek Puu"]
    assert article.published == date(2020, 9, 14)
    assert article.published_basis == "metadata"
    assert article.text.startswith("Apple growers in the valley")
    assert "---" not in article.text


def test_dashes_block_without_known_keys_stays_in_text(tmp_path: Path) -> None:
    content = "---\nJust a rule above a poem\n---\nThe mayor said the vote would be held in May.\n"
    path = tmp_path / "rule.txt"
    path.write_text(content, "utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == content


def test_impossible_marker_date_is_not_taken(tmp_path: Path) -> None:
    content = "date 2023-02-30 The bridge opened after repairs, officials said.\n"
    path = tmp_path / "bad-date.txt"
    path.write_text(content, "utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.published is None
    assert article.text == content


def test_marker_without_body_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "only-date.txt"
    path.write_text(" date 2024-01-02 \n", "utf-8")
    rejection = read_one(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "empty"


def test_seed_000_date_marker(shared: Path) -> None:
    [path] = sorted((shared / "seeds").glob("000_*.txt"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.id == path.name
    assert article.published == date(2024, 3, 6)
    assert article.published_basis == "stated"
    assert not article.text.lstrip().lower().startswith("date")


def test_seed_004_has_no_published_date(shared: Path) -> None:
    [path] = sorted((shared / "seeds").glob("004_*.txt"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.published is None and article.published_basis is None
    assert article.text == path.read_text("utf-8")


_BODY_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
_BODIES = st.text(st.one_of(_BODY_CHARS, st.sampled_from("\n\t\r ")), min_size=1).filter(
    lambda t: t.strip() and not t.lstrip().lower().startswith("date") and not t.startswith("---")
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_BODIES)
def test_text_without_metadata_is_file_content(tmp_path: Path, body: str) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(body.encode("utf-8"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == body


# Each bad input gives one Rejection whose one-line message names the input and the reason.


def assert_one_line_rejection(result: Article | Rejection, item: str, reason: str) -> Rejection:
    assert isinstance(result, Rejection), result
    assert result.reason == reason
    assert result.input == item
    line = str(result)
    assert "\n" not in line
    assert line.startswith(item)
    return result


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    rejection = assert_one_line_rejection(read_one(path), str(path), "empty")
    assert "empty" in rejection.message


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\t\n  ")
    assert_one_line_rejection(read_one(path), str(path), "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    rejection = assert_one_line_rejection(read_one(path), str(path), "binary")
    assert "binary" in rejection.message


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 14, 15, 16]) * 20)
    assert_one_line_rejection(read_one(path), str(path), "binary")


def test_invalid_utf8_names_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 owners met the mayor.".encode("latin-1"))
    rejection = assert_one_line_rejection(read_one(path), str(path), "encoding")
    assert "byte 3" in rejection.message
    assert "0xe9" in rejection.message


def test_utf16_is_an_encoding_problem_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("The council met.".encode("utf-16"))
    rejection = assert_one_line_rejection(read_one(path), str(path), "encoding")
    assert "UTF-16" in rejection.message


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfThe council met on Monday.")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == "The council met on Monday."
