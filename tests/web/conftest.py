"""Fixtures of the web tests: a store of invented articles and a client on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fixtures import WebFixture, build_store

from storylens.web.app import create_app


@pytest.fixture
def web_fixture(tmp_path: Path) -> WebFixture:
    return build_store(str(tmp_path / "web.db"))


@pytest.fixture
def client(web_fixture: WebFixture) -> Iterator[TestClient]:
    with TestClient(create_app(web_fixture.db_path)) as c:
        yield c
