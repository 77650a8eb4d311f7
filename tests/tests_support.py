"""Small helpers shared by tests (not fixtures)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLENS_SHARED", ROOT.parent / "shared"))


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} not found: this test reads the shared corpora beside the project (../shared)"
        )
    return path


def norm(text: str) -> str:
    """Text as expected.yaml compares it: case-insensitive, straight quotes, one space."""
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return " ".join(text.lower().split())


def ingested_store(folder: Path, texts: dict[str, str]) -> Path:
    """A SQLite store made by `storylens ingest` (a real subprocess) from invented text
    files {name: text} written into `folder`."""
    import subprocess
    import sys

    docs = folder / "docs"
    docs.mkdir()
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    db = folder / "store.db"
    subprocess.run(
        [sys.executable, "-m", "storylens", "ingest", str(docs), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    return db


def stored_stories(db: str) -> list[tuple[str, list[str]]]:
    """Every story of a store with its article ids, sorted: what two ingests compare."""
    from storylens.store import open_store

    with open_store(db) as store:
        return sorted((s.id, sorted(a.article.id for a in store.iter_articles(s.id)))
                      for s in store.list_stories())  # fmt: skip


def stored_analyses(db: str) -> dict[str, dict]:
    """Every stored article's analysis, as a dict, by article id."""
    from storylens.store import open_store

    with open_store(db) as store:
        out = {}
        for stored in store.iter_articles():
            analysis = store.get_analysis(stored.key)
            assert analysis is not None
            out[stored.article.id] = analysis.to_dict()
        return out
