"""The citation hand-check harness prints each citation of another article with the
sentence that earned it (invented store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.eval.citations import main
from tests_support import ingested_store


def test_each_citation_is_printed_with_the_sentence_that_holds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ingested_store(
        tmp_path,
        {
            "a.txt": (
                "The Holm Island ferry stopped running on Tuesday after its pier collapsed into the "
                "harbor. Nobody was hurt, the port authority of Holm Island said. Divers from the "
                "coast guard searched the harbor of Holm Island for debris on Tuesday night."
            ),
            "b.txt": (
                "The ferry to Holm Island stopped running on Tuesday when its pier collapsed into the "
                "harbor. Ferry tickets for the rest of the week of Holm Island sailings were refunded."
            ),
        },
    )
    assert main(["--db", str(db)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("# citations of other articles: ")
    total = int(out[-1].rsplit(" ", 1)[1])
    assert total >= 1
    # Each numbered citation is followed by the cited article's sentence, never "?".
    held = [line for line in out if line.startswith("    - ")]
    assert len(held) == total
    assert all(not line.endswith(": ?") for line in held)
    assert any("pier collapsed" in line for line in held)
