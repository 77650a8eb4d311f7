"""Fixtures shared by every test: the seed articles and temporary stores.

Property tests run derandomized, so a run on a fresh clone tests what the last
run tested (tests are deterministic); `pytest --hypothesis-profile=explore`
searches with fresh random examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tests_support import require_shared

settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=500)
settings.load_profile("deterministic")


@pytest.fixture
def seeds_dir() -> Path:
    return require_shared("seeds")


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
