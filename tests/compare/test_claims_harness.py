"""The hand-check harness prints every claim and the count per label (invented store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.eval.claims import main
from tests_support import ingested_store


def test_the_harness_ends_with_the_count_of_claims_per_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ingested_store(
        tmp_path,
        {
            "a.txt": (
                "The Holm Island ferry stopped running on Tuesday after the pier collapsed. "
                "Nobody was hurt, the port authority said. The harbor master said repairs would "
                "cost about $2.5 million."
            ),
            "b.txt": (
                "The ferry to Holm Island stopped on Tuesday when its pier collapsed into the "
                "harbor. The harbor master said repairs would cost about $5.2 million."
            ),
        },
    )
    assert main(["--db", str(db), "--singles"]) == 0
    out = capsys.readouterr().out
    last = out.strip().splitlines()[-1]
    assert last.startswith("# claims: agreed ")
    counts = dict(part.rsplit(" ", 1) for part in last[len("# claims: ") :].split(", "))
    assert int(counts["disputed"]) >= 1
    assert "DISPUTED" in out


def test_the_harness_prints_only_the_stories_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from storylens.store import open_store

    db = ingested_store(
        tmp_path,
        {
            "ferry.txt": "The Holm Island ferry stopped running on Tuesday after the pier "
            "collapsed. The harbor master said repairs would cost about $2.5 million.",
            "orchard.txt": "A late frost destroyed most of the apple blossoms in the Varn "
            "valley this spring. Growers expect the harvest to fall by half.",
        },
    )
    stories = open_store(str(db)).list_stories()
    assert len(stories) == 2
    chosen = stories[1].id
    assert main(["--db", str(db), "--singles", "--story", chosen]) == 0
    headers = [line for line in capsys.readouterr().out.splitlines() if line.startswith("===")]
    assert len(headers) == 1
    assert chosen in headers[0]


def test_the_harness_refuses_a_story_the_store_does_not_hold(tmp_path: Path) -> None:
    db = ingested_store(tmp_path, {"a.txt": "The Holm Island ferry stopped running on Tuesday."})
    with pytest.raises(SystemExit, match="s-nope"):
        main(["--db", str(db), "--story", "s-nope"])
