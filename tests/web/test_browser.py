"""The pages in a real headless Chromium (Debian's), against the app served
by a real uvicorn server on loopback."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from web_fixtures import WebFixture

from storylens.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def base_url(web_fixture: WebFixture) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(web_fixture.db_path), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 10 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _watch(page: Any, base_url: str) -> list[str]:
    """Problems the page reports: console errors (a CSP violation shows here)
    and any request that leaves the app's own origin."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on(
        "request",
        lambda r: None if r.url.startswith(base_url) else problems.append(f"request {r.url}"),
    )
    return problems


def test_click_from_list_to_story_and_see_the_comparison(
    browser: Any, base_url: str, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems = _watch(page, base_url)
    page.goto(base_url + "/")
    assert page.locator("table.stories tbody tr").count() == 2

    page.get_by_role("link", name="Harbor Street bridge reopens").click()
    page.wait_for_url("**/stories/harbor-bridge")
    assert page.locator("h1").inner_text() == "Harbor Street bridge reopens"

    columns = page.locator("#sources article.col")
    assert columns.count() == 2
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert first and second
    # Side by side: same top, the second to the right of the first.
    assert abs(first["y"] - second["y"]) < 2
    assert second["x"] >= first["x"] + first["width"] - 1
    assert page.locator("#source-2 .badge.inferred").is_visible()
    assert page.locator("#sources mark.q").count() == 2

    page.locator("#utterances").scroll_into_view_if_needed()
    assert page.locator("#utterances del").first.is_visible()
    assert page.locator("#utterances ins").first.is_visible()
    timeline = page.locator("#timeline")
    timeline.scroll_into_view_if_needed()
    assert timeline.is_visible()
    assert "2024-05-13" in timeline.inner_text() or page.locator("#timeline svg").count() == 1

    # Back to the top, so the sticky header sits where a reader sees it.
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(tmp_path / "story-wide.png"), full_page=True)
    assert (tmp_path / "story-wide.png").stat().st_size > 10_000
    assert problems == []


def test_narrow_screen_stacks_the_sources(browser: Any, base_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 420, "height": 900})
    problems = _watch(page, base_url)
    page.goto(base_url + "/stories/harbor-bridge")
    first = page.locator("#source-1").bounding_box()
    second = page.locator("#source-2").bounding_box()
    assert first and second
    assert second["y"] >= first["y"] + first["height"] - 1
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 420
    page.screenshot(path=str(tmp_path / "story-narrow.png"), full_page=True)
    assert problems == []


def test_search_box_works_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/")
    page.fill("input[name=q]", "library")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=library")
    titles = page.locator("table.stories td.story-title").all_inner_texts()
    assert titles == ["Library <script>alert('x')</script> staff strike"]
    context.close()
