"""The hand-check harness prints every claim and the count per label (invented store)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storylens.eval.claims import main


def test_the_harness_ends_with_the_count_of_claims_per_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "The Holm Island ferry stopped running on Tuesday after the pier collapsed. "
        "Nobody was hurt, the port authority said. The harbor master said repairs would "
        "cost about $2.5 million.",
        encoding="utf-8",
    )
    (docs / "b.txt").write_text(
        "The ferry to Holm Island stopped on Tuesday when its pier collapsed into the "
        "harbor. The harbor master said repairs would cost about $5.2 million.",
        encoding="utf-8",
    )
    db = tmp_path / "store.db"
    subprocess.run(
        [sys.executable, "-m", "storylens", "ingest", str(docs), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    assert main(["--db", str(db), "--singles"]) == 0
    out = capsys.readouterr().out
    last = out.strip().splitlines()[-1]
    assert last.startswith("# claims: agreed ")
    counts = dict(part.rsplit(" ", 1) for part in last[len("# claims: ") :].split(", "))
    assert int(counts["disputed"]) >= 1
    assert "DISPUTED" in out
