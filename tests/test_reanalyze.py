"""`storylens reanalyze`: analyses an older StoryLens stored are redone, nothing else."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from faulty_analyzers import FAIL, FaultyAnalyzer
from storylens.cli import main
from storylens.service import ingest, reanalyze
from storylens.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _age(db: str, count: int) -> list[int]:
    """Mark `count` stored analyses as made by an older analyzer, with their quotes lost."""
    aged = []
    with open_store(db) as store:
        for stored in list(store.iter_articles())[:count]:
            analysis = store.get_analysis(stored.key)
            assert analysis is not None and analysis.quotes
            store.save_analysis(stored.key, replace(analysis, analyzer="old.rules", quotes=[]))
            aged.append(stored.key)
    return aged


def test_outdated_analyses_are_redone_and_current_ones_kept(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    with open_store(db) as store:
        ingest(store, [str(EXAMPLES)])
        fresh = {a.key: store.get_analysis(a.key) for a in store.iter_articles()}
        stories = [(s.id, s.article_keys) for s in store.list_stories()]
    aged = _age(db, 3)
    with open_store(db) as store:
        report = reanalyze(store)
        assert (report.checked, report.reanalyzed, report.current) == (13, 3, 10)
        for key in aged:
            again = store.get_analysis(key)
            before = fresh[key]
            assert again is not None and before is not None
            assert again.to_dict() == before.to_dict()
        assert [(s.id, s.article_keys) for s in store.list_stories()] == stories
        assert reanalyze(store).reanalyzed == 0  # nothing left to do
        assert reanalyze(store, everything=True).reanalyzed == 13


def test_an_inferred_publication_date_is_inferred_again(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "undated.txt").write_text(
        "The Calder ferry resumed service on Monday, March 3, 2031, after a two-day strike.",
        encoding="utf-8",
    )
    with open_store(db) as store:
        ingest(store, [str(folder)])
        [stored] = list(store.iter_articles())
        assert stored.article.published_basis == "inferred"
        guessed = stored.article.published
        store.update_published(stored.key, "2000-01-01", "inferred")
        analysis = store.get_analysis(stored.key)
        assert analysis is not None
        store.save_analysis(stored.key, replace(analysis, analyzer="old.rules"))
        assert reanalyze(store).reanalyzed == 1
        [again] = list(store.iter_articles())
        assert (again.article.published, again.article.published_basis) == (guessed, "inferred")


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_is_reported_and_the_others_redone(tmp_path: Path, workers: int) -> None:
    db = str(tmp_path / "f.db")
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        body = f"Article {i}: the port of Calder reopened on Monday, the mayor said."
        (folder / f"a{i}.txt").write_text(body + (f" {FAIL}" if i == 1 else ""), "utf-8")
    with open_store(db) as store:
        ingest(store, [str(folder)])  # the real analyzer reads FAIL as plain text
        report = reanalyze(store, analyzer=FaultyAnalyzer(), everything=True, workers=workers)
    assert report.reanalyzed == 3
    [rejection] = report.rejections
    assert rejection.input.endswith("a1.txt") and "failed on purpose" in rejection.message


def test_cli_reanalyze_prints_its_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(EXAMPLES), "--db", db, "-q"]) == 0
    _age(db, 2)
    capsys.readouterr()
    assert main(["reanalyze", "--db", db, "--format", "json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["checked"], counts["reanalyzed"], counts["failed"]) == (13, 2, 0)
    assert main(["reanalyze", "--db", db]) == 0
    assert "checked 13, reanalyzed 0, up to date 13, failed 0" in capsys.readouterr().err


def test_ingest_points_to_reanalyze_when_old_analyses_are_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "n.db")
    assert main(["ingest", str(EXAMPLES), "--db", db, "-q"]) == 0
    assert "reanalyze" not in capsys.readouterr().err
    _age(db, 2)
    assert main(["ingest", str(EXAMPLES), "--db", db, "-q"]) == 0
    assert "note: 2 stored articles were analyzed by an older StoryLens" in capsys.readouterr().err
