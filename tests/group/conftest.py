"""Fixtures of the grouping tests."""

from __future__ import annotations

import gzip
import json
import os
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("STORYLENS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def abp_records() -> list[tuple[str, str, date | None]]:
    """The first 400 ABP articles as (title, text, date): skips without ../shared."""
    path = SHARED / "data" / "abp" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip(f"../shared not found: {path} is needed for this test")
    records = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= 400:
                break
            item = json.loads(line)
            try:
                published: date | None = date.fromisoformat(str(item.get("date"))[:10])
            except ValueError:
                published = None
            records.append((item.get("title") or "", item["text"], published))
    return records
