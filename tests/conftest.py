"""Fixtures shared by every test: the seed articles and temporary stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests_support import require_shared


@pytest.fixture
def seeds_dir() -> Path:
    return require_shared("seeds")


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
