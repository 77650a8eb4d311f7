"""Claims over the bundled example stories (examples/, our own invented articles):
properties every story's claims must have, whatever the wording."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from storylens.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _capture(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    return out.getvalue()


@pytest.fixture(scope="module")
def comparisons(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    db = str(tmp_path_factory.mktemp("examples") / "examples.db")
    assert main(["ingest", str(EXAMPLES), "--db", db, "--quiet"]) == 0
    stories = [
        json.loads(line)
        for line in _capture(["stories", "--db", db, "--format", "jsonl"]).splitlines()
    ]
    assert len(stories) == 4
    return [
        json.loads(_capture(["show", s["id"], "--db", db, "--format", "json"])) for s in stories
    ]


def test_no_two_claims_of_a_story_read_the_same(comparisons: list[dict[str, Any]]) -> None:
    # A sentence may support two claims (a second fact paired with it), but each claim
    # is shown by its own sentence: two identical lines would read as one fact twice.
    for comparison in comparisons:
        texts = [c["text"] for c in comparison["claims"]]
        repeated = {t for t in texts if texts.count(t) > 1}
        assert not repeated, (comparison["id"], repeated)


def test_every_claim_text_is_one_of_its_sentences_or_their_span(
    comparisons: list[dict[str, Any]],
) -> None:
    for comparison in comparisons:
        for claim in comparison["claims"]:
            sentences = [s["text"] for s in claim["sentences"]]
            assert claim["text"] in sentences, (comparison["id"], claim["text"])
            # A claim said by a clause carries the sentence the clause stands in.
            said = " ".join(claim["text"].split())
            assert said in claim.get("context", said)
