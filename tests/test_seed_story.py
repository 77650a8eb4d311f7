"""The seed story end to end through `storylens show --format json`, checked
against ../shared/seeds/expected.yaml: aligned utterances, utterances that
must stay apart, claims, timeline and summary citations."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from storylens.cli import main
from tests_support import norm, require_shared

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_story(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    seeds = require_shared("seeds")
    db = str(tmp_path_factory.mktemp("seed") / "seeds.db")
    assert (
        main(["ingest", *sorted(str(p) for p in seeds.glob("*.txt")), "--db", db, "--quiet"]) == 0
    )
    story_id = _capture(["stories", "--db", db, "--format", "jsonl"]).splitlines()[0]
    show = json.loads(
        _capture(["show", json.loads(story_id)["id"], "--db", db, "--format", "json"])
    )
    expected = yaml.safe_load((seeds / "expected.yaml").read_text(encoding="utf-8"))
    return show, expected


def _capture(argv: list[str]) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    return out.getvalue()


def test_each_utterance_reported_by_both_sources_is_one_utterance(
    seed_story: tuple[dict, dict],
) -> None:
    show, expected = seed_story
    for item in expected["same_utterance_across_sources"]:
        candidates = [
            u
            for u in show["utterances"]
            if u["speaker"] == item["speaker"]
            and all(
                any(
                    norm(t)[:50] in norm(v["quote"]) or norm(v["quote"]) in norm(t)
                    for v in u["versions"]
                )
                for t in item["texts"]
            )
        ]
        assert candidates, f"no single utterance of {item['speaker']} holds {item['texts']}"
        assert {v["article_id"][:3] for v in candidates[0]["versions"]} == {"000", "004"}


def test_look_alike_statements_are_not_merged(seed_story: tuple[dict, dict]) -> None:
    show, expected = seed_story
    for a, b in expected["different_utterances"]:
        for u in show["utterances"]:
            quotes = [norm(v["quote"]) for v in u["versions"]]
            assert not (
                any(norm(a)[:40] in q for q in quotes) and any(norm(b)[:40] in q for q in quotes)
            ), (a, b)


def test_summary_sentences_all_cite_articles_of_the_story(seed_story: tuple[dict, dict]) -> None:
    show, _ = seed_story
    ids = {a["id"] for a in show["articles"]}
    assert 3 <= len(show["summary"]) <= 7
    for sentence in show["summary"]:
        assert sentence["article_ids"] and set(sentence["article_ids"]) <= ids


def test_the_timeline_marks_dates_resting_on_the_guessed_publication_date(
    seed_story: tuple[dict, dict],
) -> None:
    show, _ = seed_story
    inferred_from_004 = [
        t
        for t in show["timeline"]
        if t["article_ids"] == ["004_fc6d89dac03494ff.txt"] and "Monday" in t["text"]
    ]
    assert inferred_from_004 and all(t["inferred"] for t in inferred_from_004)
    assert not any(t["date"] == "2024-03-12" for t in show["timeline"]), (
        "Tuesday's primary is the past Tuesday"
    )
