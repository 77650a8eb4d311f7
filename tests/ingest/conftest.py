"""Shared fixtures: the fixture folder, ../shared, and a real HTTP server on loopback."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "ingest"
SITE = FIXTURES / "site"


@pytest.fixture
def shared() -> Path:
    """../shared (or $STORYLENS_SHARED); the test is skipped when it is absent."""
    shared = Path(os.environ.get("STORYLENS_SHARED", PROJECT_ROOT / ".." / "shared")).resolve()
    if not shared.is_dir():
        pytest.skip(f"../shared not found: {shared} (set STORYLENS_SHARED)")
    return shared


# Served files: path -> (fixture file, content type). "{base}" in them becomes the server's URL.
PAGES = {
    "/ferry.html": ("ferry.html", "text/html; charset=utf-8"),
    "/library.html": ("library.html", "text/html"),
    "/login.html": ("login.html", "text/html; charset=utf-8"),
    "/feed.rss": ("feed.rss", "application/rss+xml"),
    "/feed-as-xml": ("feed.rss", "text/xml"),
    "/feed.atom": ("feed.atom", "application/atom+xml"),
    "/broken.rss": ("broken.rss", "application/rss+xml"),
}
BIG_BODY_BYTES = 300_000


class _Handler(BaseHTTPRequestHandler):
    base = ""
    user_agents: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.user_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path in PAGES:
            name, content_type = PAGES[path]
            body = (SITE / name).read_text("utf-8").replace("{base}", self.base).encode()
            self._send(200, body, content_type)
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ferry.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big-declared":
            self._send(200, b"a" * BIG_BODY_BYTES, "text/plain")
        elif path == "/big-undeclared":
            # No Content-Length: the cap must hold while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(BIG_BODY_BYTES // 10_000):
                self.wfile.write(b"word " * 2_000)
        elif path == "/slow":
            time.sleep(2)
            self._send(200, b"too late", "text/plain")
        elif path == "/plain.txt":
            self._send(200, (FIXTURES / "plain.txt").read_bytes(), "text/plain; charset=utf-8")
        elif path == "/latin1.txt":
            body = "Caf\u00e9 owners met the mayor on Monday.".encode("latin-1")
            self._send(200, body, "text/plain; charset=iso-8859-1")
        elif path == "/relative.rss":
            body = (SITE / "relative.rss").read_bytes()
            self._send(200, body, "application/rss+xml")
        elif path == "/articles.jsonl":
            self._send(200, (FIXTURES / "articles.jsonl").read_bytes(), "application/x-ndjson")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png")
        else:
            self._send(404, b"not here", "text/plain")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that stop reading (the size cap, the timeout) break the pipe: expected.
        pass


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """Base URL of a real HTTP server on 127.0.0.1 serving the fixture site."""
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    _Handler.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield _Handler.base
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def user_agents() -> list[str]:
    _Handler.user_agents.clear()
    return _Handler.user_agents


@pytest.fixture
def unused_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
