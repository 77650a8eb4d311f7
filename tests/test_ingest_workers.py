"""Parallel ingest (`storylens ingest -j N`): same stories as one process, and a worker
that fails or dies costs only its own article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from faulty_analyzers import CRASH, FAIL, FaultyAnalyzer
from storylens.cli import main
from storylens.service import ingest
from storylens.store import open_store
from tests_support import stored_analyses, stored_stories

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.slow


def test_two_workers_give_the_stories_and_analyses_of_one_process(tmp_path: Path) -> None:
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    with open_store(one) as store:
        first = ingest(store, [str(EXAMPLES)])
    with open_store(two) as store:
        second = ingest(store, [str(EXAMPLES)], workers=2)
    assert (first.new, second.new) == (13, 13)
    assert stored_stories(one) == stored_stories(two)
    assert stored_analyses(one) == stored_analyses(two)
    # Ingesting again finds every article stored and analyzes none of them.
    with open_store(two) as store:
        again = ingest(store, [str(EXAMPLES)], workers=2)
    assert (again.new, again.duplicate, again.rejections) == (0, 13, [])


def _inputs(tmp_path: Path, bad: str) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        body = f"Article {i} of the harbor story. The port of Calder reopened on Monday."
        if i == 2:
            body += f" {bad}"
        (folder / f"a{i}.txt").write_text(body, encoding="utf-8")
    return [str(folder)]


@pytest.mark.parametrize(("bad", "reason"), [(FAIL, "failed on purpose"), (CRASH, "died")])
def test_a_failing_or_dying_worker_costs_only_its_article(
    tmp_path: Path, bad: str, reason: str
) -> None:
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        report = ingest(store, _inputs(tmp_path, bad), analyzer=FaultyAnalyzer(), workers=2)
    assert report.new == 5
    [rejection] = report.rejections
    assert rejection.input.endswith("a2.txt") and reason in rejection.message
    with open_store(db) as store:
        stored = sorted(a.article.id for a in store.iter_articles())
    assert stored == ["a0.txt", "a1.txt", "a3.txt", "a4.txt", "a5.txt"]


def test_cli_workers_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(EXAMPLES), "--db", db, "-j", "2", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["new"] == 13
    with pytest.raises(SystemExit) as exc:
        main(["ingest", str(EXAMPLES), "--db", db, "-j", "many"])
    assert exc.value.code == 2
    assert "not a number of processes: 'many'" in capsys.readouterr().err
