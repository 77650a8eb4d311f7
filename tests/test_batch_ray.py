"""`storylens batch`: the analysis on a local Ray (Ray Data actors), the storing and grouping
in this process. Same stories and analyses as one process; an article that fails or kills
its Ray worker costs only itself; a Ray that fails everything stops the run. Each test
runs under a hard time limit."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from faulty_analyzers import CRASH, FAIL, BrokenAnalyzer, FaultyAnalyzer
from storylens.analyze.pipeline import Analyzer
from storylens.cli import main
from storylens.service import ingest
from storylens.store import open_store
from tests_support import stored_analyses, stored_stories

ray = pytest.importorskip("ray", reason="storylens[ray] is not installed")

from storylens.scale.ray_engine import RayAnalysis, RayFailed  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TIME_LIMIT = 240  # seconds a test may take, Ray's start included

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One local Ray for the module, its workers able to import tests/faulty_analyzers."""
    path = os.pathsep.join(
        p for p in (str(Path(__file__).parent), os.environ.get("PYTHONPATH")) if p
    )
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={"env_vars": {"PYTHONPATH": path}},
    )
    yield
    ray.shutdown()


@pytest.fixture(autouse=True)
def time_limit() -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"the test took more than {TIME_LIMIT} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(TIME_LIMIT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_ray_gives_the_stories_and_analyses_of_one_process(tmp_path: Path, local_ray: None) -> None:
    one, batch = str(tmp_path / "one.db"), str(tmp_path / "batch.db")
    with open_store(one) as store:
        first = ingest(store, [str(EXAMPLES)])
    # Chunks of 5: the 13 articles go out in three, and come back in input order.
    with RayAnalysis(Analyzer(), 2, chunk=5) as engine, open_store(batch) as store:
        second = ingest(store, [str(EXAMPLES)], engine=engine)
    assert (first.new, second.new, second.rejections) == (13, 13, [])
    assert stored_stories(one) == stored_stories(batch)
    assert stored_analyses(one) == stored_analyses(batch)
    # Again: every article is found stored, none is sent to Ray.
    with RayAnalysis(Analyzer(), 2) as engine, open_store(batch) as store:
        again = ingest(store, [str(EXAMPLES)], engine=engine)
    assert (again.new, again.duplicate, again.rejections) == (0, 13, [])


def _inputs(tmp_path: Path, bad: dict[int, str]) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        body = f"Article {i} of the harbor story. The port of Calder reopened on Monday."
        (folder / f"a{i}.txt").write_text(f"{body} {bad.get(i, '')}", encoding="utf-8")
    return [str(folder)]


def test_an_article_that_fails_or_kills_its_worker_costs_only_itself(
    tmp_path: Path, local_ray: None
) -> None:
    db = str(tmp_path / "s.db")
    inputs = _inputs(tmp_path, {1: FAIL, 4: CRASH})
    with RayAnalysis(FaultyAnalyzer(), 2) as engine, open_store(db) as store:
        report = ingest(store, inputs, engine=engine)
    assert report.new == 4
    reasons = {Path(r.input).name: r.message for r in report.rejections}
    assert reasons.keys() == {"a1.txt", "a4.txt"}
    assert "failed on purpose" in reasons["a1.txt"]
    assert reasons["a4.txt"].startswith("could not be analyzed:")
    with open_store(db) as store:
        stored = sorted(a.article.id for a in store.iter_articles())
    assert stored == ["a0.txt", "a2.txt", "a3.txt", "a5.txt"]


def test_a_ray_that_fails_everything_stops_the_run_and_keeps_what_is_stored(
    tmp_path: Path, local_ray: None
) -> None:
    db = str(tmp_path / "s.db")
    inputs = _inputs(tmp_path, {})
    with RayAnalysis(Analyzer(), 2, chunk=3) as engine, open_store(db) as store:
        ingest(store, inputs[:1], engine=engine)
    with open_store(db) as store:
        assert len(list(store.iter_articles())) == 6
    more = tmp_path / "more"
    more.mkdir()
    for i in range(4):
        (more / f"b{i}.txt").write_text(f"Ferry {i} of Dunmore sailed on Tuesday.", "utf-8")
    with (
        RayAnalysis(BrokenAnalyzer(), 2, chunk=4) as engine,
        open_store(db) as store,
        pytest.raises(RayFailed, match="the models are missing"),
    ):
        ingest(store, [str(more)], engine=engine)
    with open_store(db) as store:
        assert len(list(store.iter_articles())) == 6


def test_cli_batch(tmp_path: Path, local_ray: None, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    assert main(["batch", str(EXAMPLES), "--db", db, "-j", "2", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["new"] == 13
    assert main(["stories", "--db", db, "--format", "jsonl"]) == 0
    stories = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(len(s["article_ids"]) for s in stories) == [3, 3, 3, 4]
