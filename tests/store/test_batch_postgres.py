"""`storylens batch` writing to PostgreSQL, the store a team's batch runs fill: the same
stories as `storylens ingest` into SQLite. Needs Ray and STORYLENS_TEST_PG_URL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_backends import Backend, postgres_backend

from storylens.cli import main

pytest.importorskip("ray", reason="storylens[ray] is not installed")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def postgres() -> Iterator[Backend]:
    yield from postgres_backend()


def _stories(db: str, capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    assert main(["stories", "--db", db, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    return sorted(sorted(json.loads(line)["article_ids"]) for line in lines)


def test_batch_into_postgres_gives_the_stories_of_ingest(
    tmp_path: Path, postgres: Backend, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite = str(tmp_path / "one.db")
    assert main(["ingest", str(EXAMPLES), "--db", sqlite, "-q"]) == 0
    assert main(["batch", str(EXAMPLES), "--db", postgres.target, "-j", "2", "-q"]) == 0
    capsys.readouterr()
    assert _stories(postgres.target, capsys) == _stories(sqlite, capsys)
    assert len(_stories(postgres.target, capsys)) == 4
