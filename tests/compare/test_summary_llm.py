"""The optional abstractive summary against a real HTTP server on loopback that answers
like an OpenAI-compatible endpoint with canned completions."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from test_claims_fixtures import make_item

from storylens.compare.claims import extract_claims
from storylens.compare.summary import summarize
from storylens.compare.summary_llm import (
    LLMSettings,
    completions_url,
    llm_settings_from_env,
    parse_sentences,
    summarize_abstractive,
)

FERRY_A = (
    "A ferry carrying 230 passengers ran aground off Tarn Island on Thursday morning. "
    "The coast guard towed the vessel back to Rossport harbour by the afternoon. "
    "Captain Ilse Varga said a steering failure had pushed the ship onto a sandbar. "
    "Nobody was hurt, the ferry company said."
)
FERRY_B = (
    "The coast guard towed a stranded ferry to Rossport harbour on Thursday after it ran "
    "aground off Tarn Island with 230 passengers aboard. "
    "The ferry company suspended the Tarn Island route until an inspection is finished. "
    "Passengers were given refunds."
)

GOOD = (
    "A ferry with 230 passengers ran aground off Tarn Island on Thursday. [1][2]\n"
    "The coast guard towed the ferry back to Rossport harbour. [1][2]\n"
    "- The ferry company suspended the Tarn Island route until an inspection. [2]\n"
    "A steering failure pushed the ship onto a sandbar, the captain said [1]."
)
# The third sentence cites an article that does not exist, the fourth one that does not
# hold it (the refunds are only in the second article), the fifth cites nothing, the
# sixth quotes words its article does not print.
INVALID = (
    "A ferry with 230 passengers ran aground off Tarn Island on Thursday. [1][2]\n"
    "The coast guard towed the ferry back to Rossport harbour. [1][2]\n"
    "The ferry company suspended the Tarn Island route until an inspection. [7]\n"
    "Passengers were given refunds for their tickets. [1]\n"
    "The ferry was built in Norway.\n"
    'Captain Ilse Varga said the ship "will sail again from Tarn Island soon." [1]\n'
    "A steering failure pushed the ship onto a sandbar, the captain said. [1]"
)


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Handler.requests.append(
            {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
        )
        mode = self.path.strip("/").split("/")[0]
        if mode == "slow":
            time.sleep(2.0)
        if mode == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"internal error")
            return
        if mode == "notjson":
            payload = b"<html>not json</html>"
        else:
            content = GOOD if mode in ("good", "slow") else INVALID
            reply = {"choices": [{"message": {"role": "assistant", "content": content}}]}
            payload = json.dumps(reply).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def story() -> tuple[list, list[dict[str, Any]]]:
    items = [make_item(1, "a", "Island Post", FERRY_A), make_item(2, "b", "Harbour News", FERRY_B)]
    return items, extract_claims(items)


def test_good_completion_keeps_sentences_and_maps_citations(server: str, story: tuple) -> None:
    items, claims = story
    out = summarize_abstractive(items, claims, f"{server}/good", "tiny", api_key="k-123")
    assert [s["article_ids"] for s in out] == [["a", "b"], ["a", "b"], ["b"], ["a"]]
    assert out[0]["text"] == "A ferry with 230 passengers ran aground off Tarn Island on Thursday."
    assert out[3]["text"].endswith("the captain said.")
    sent = _Handler.requests[-1]
    assert sent["path"] == "/good/v1/chat/completions"
    assert sent["auth"] == "Bearer k-123"
    assert sent["body"]["model"] == "tiny"
    prompt = sent["body"]["messages"][-1]["content"]
    assert "[1] Island Post" in prompt and "[2] Harbour News" in prompt


def test_invalid_citations_drop_their_sentences(server: str, story: tuple) -> None:
    items, claims = story
    out = summarize_abstractive(items, claims, f"{server}/invalid", "tiny")
    texts = [s["text"] for s in out]
    assert len(out) == 3
    assert not [t for t in texts if "suspended" in t or "refunds" in t or "Norway" in t]
    assert not [t for t in texts if "sail again" in t]
    assert _Handler.requests[-1]["auth"] is None


@pytest.mark.parametrize("mode", ["error", "notjson"])
def test_http_error_or_bad_reply_falls_back_to_extractive(
    server: str, story: tuple, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    items, claims = story
    with caplog.at_level(logging.WARNING, logger="storylens.compare.summary_llm"):
        out = summarize_abstractive(items, claims, f"{server}/{mode}", "tiny")
    assert out == summarize(items, claims)
    assert "using the extractive one" in caplog.text


def test_timeout_falls_back_to_extractive(
    server: str, story: tuple, caplog: pytest.LogCaptureFixture
) -> None:
    items, claims = story
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="storylens.compare.summary_llm"):
        out = summarize_abstractive(items, claims, f"{server}/slow", "tiny", timeout=0.3)
    assert time.monotonic() - started < 1.8
    assert out == summarize(items, claims)
    assert "failed" in caplog.text


def test_unreachable_endpoint_falls_back() -> None:
    items = [make_item(1, "a", "Island Post", FERRY_A), make_item(2, "b", "Harbour News", FERRY_B)]
    # Port 9 (discard) on loopback: nothing listens there, the connection is refused.
    out = summarize_abstractive(items, [], "http://127.0.0.1:9", "tiny", timeout=1.0)
    assert out == summarize(items, [])


def test_parse_sentences_reads_markers_in_several_forms() -> None:
    parsed = parse_sentences("1. One fact [1][3].\n2) Two facts [2, 3]. A third [1]\nNo marks.")
    assert parsed == [
        ("One fact.", [1, 3]),
        ("Two facts.", [2, 3]),
        ("A third.", [1]),
        ("No marks.", []),
    ]


def test_settings_come_from_the_environment() -> None:
    assert llm_settings_from_env({}) is None
    assert llm_settings_from_env({"STORYLENS_LLM_ENDPOINT": "http://x"}) is None
    env = {"STORYLENS_LLM_ENDPOINT": "http://x/v1", "STORYLENS_LLM_MODEL": "m"}
    assert llm_settings_from_env(env) == LLMSettings("http://x/v1", "m", None)
    env["STORYLENS_LLM_API_KEY"] = "secret"
    assert llm_settings_from_env(env) == LLMSettings("http://x/v1", "m", "secret")
    assert completions_url("http://x/v1/") == "http://x/v1/chat/completions"
    assert completions_url("http://x") == "http://x/v1/chat/completions"
