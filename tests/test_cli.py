"""The `storylens` command end to end, in process: ingest, stories, show, analyze."""

from __future__ import annotations

import csv
import gzip
import http.server
import io
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from storylens.cli import main

GOOD_A = """---
title: Ferry service resumes after storm
outlet: The Harbor Ledger
published: 2025-04-09
---
Ferry service between Port Aldin and Greywater Island resumed on Tuesday after a storm
closed the crossing for three days, Harbor Commissioner Dana Whitlock said.
"The boats are running and the docks are safe," Whitlock told reporters.
"""

GOOD_B = """Ferry crossings to Greywater Island restarted on Tuesday, three days after a storm shut the route.
"The boats are running, and the docks are safe," said Harbor Commissioner Dana Whitlock.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def broken_feed_url() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>x</item>'
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def test_bad_inputs_are_rejected_one_line_each_and_good_ones_are_stored(
    tmp_path: Path, db_path: str, capsys: pytest.CaptureFixture[str], broken_feed_url: str
) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (d / "b.txt").write_text(GOOD_B, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes(
        "Caf\xe9 owners said the pier reopened on Monday.".encode("latin-1")
    )
    good_line = json.dumps(
        {"id": "j1", "outlet": "Valley Courier", "text": GOOD_B.replace("Ferry", "Boat")}
    )
    (d / "mixed.jsonl").write_text(good_line + "\n{not json\n", encoding="utf-8")
    (d / "nav.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8"
    )
    unreachable = f"http://127.0.0.1:{free_port()}/story"

    code, _, err = run(
        capsys, "ingest", str(d), unreachable, broken_feed_url, "--db", db_path, "--quiet"
    )

    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("rejected: ")]
    for name in [
        "empty.txt",
        "blob.txt",
        "latin1.txt",
        "mixed.jsonl:2",
        "nav.html",
        unreachable,
        broken_feed_url,
    ]:
        assert sum(name in line for line in lines) == 1, (name, lines)
    assert "new 3" in err
    code, out, _ = run(capsys, "stories", "--db", db_path, "--format", "jsonl")
    ids = {i for line in out.splitlines() for i in json.loads(line)["article_ids"]}
    assert ids == {"a.txt", "b.txt", "j1"}


def test_ingesting_the_same_folder_twice_stores_nothing_new(
    tmp_path: Path, db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_A, encoding="utf-8")
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "b1", "text": GOOD_B}) + "\n")
    code, _, err = run(capsys, "ingest", str(folder), "--db", db_path)
    assert code == 0 and "new 2" in err
    code, _, err = run(capsys, "ingest", str(folder), "--db", db_path)
    assert code == 0
    assert "new 0" in err and "duplicate 2" in err and "nothing new" in err
    _, out, _ = run(capsys, "stories", "--db", db_path, "--format", "json")
    assert sorted(i for s in json.loads(out) for i in s["article_ids"]) == ["a.txt", "b1"]


def test_export_writes_every_story_as_json_markdown_and_csv(
    tmp_path: Path, db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (folder / "b.txt").write_text("---\npublished: 2025-04-09\n---\n" + GOOD_B, encoding="utf-8")
    assert run(capsys, "ingest", str(folder), "--db", db_path)[0] == 0
    _, out, _ = run(capsys, "stories", "--db", db_path, "--format", "jsonl")
    (story,) = [json.loads(line) for line in out.splitlines()]

    written = {}
    for fmt in ("json", "markdown", "csv"):
        target = tmp_path / f"export.{fmt}"
        code, _, err = run(capsys, "export", "--db", db_path, "--format", fmt, "-o", str(target))
        assert code == 0 and f"wrote 1 stories to {target}" in err
        written[fmt] = target.read_text(encoding="utf-8")

    (exported,) = json.loads(written["json"])
    assert exported["id"] == story["id"]
    assert {"claims", "utterances", "timeline", "summary", "people"} <= set(exported)
    assert exported["timeline"], "the ferry resumed on Tuesday"

    assert exported["title"] in written["markdown"] and "Timeline" in written["markdown"]

    rows = list(csv.reader(io.StringIO(written["csv"])))
    assert rows[0] == [
        "story_id", "story_title", "section", "label", "text", "article_ids", "detail"
    ]  # fmt: skip
    sections = {row[2] for row in rows[1:]}
    assert {"summary", "claim", "quote", "timeline"} <= sections
    assert all(row[0] == story["id"] for row in rows[1:])
    # A timeline row's label says when, as the text report does.
    when = {row[3] for row in rows[1:] if row[2] == "timeline"}
    assert "2025-04-08" in when, when
    assert {row[6] for row in rows[1:] if row[2] == "quote"} <= {"direct", "partial", "indirect"}


def test_analyze_prints_the_contract_with_offsets_into_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "b.txt").write_text(GOOD_B, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(tmp_path / "b.txt"), "--published", "2025-04-09")
    assert code == 0
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["text"] == GOOD_B
    assert record["published"] == "2025-04-09"
    for key in ["id", "path", "title", "outlet", "published_basis", "people", "quotes", "times"]:
        assert key in record
    assert record["quotes"], "the quote in the fixture should be found"
    for q in record["quotes"]:
        assert record["text"][q["start"] : q["end"]] == q["text"]
        if q["speaker"] and q["speaker"]["start"] is not None:
            assert (
                record["text"][q["speaker"]["start"] : q["speaker"]["end"]] == q["speaker"]["text"]
            )
    for t in record["times"]:
        assert record["text"][t["start"] : t["end"]] == t["text"]
    assert any(t["value"] == "2025-04-08" for t in record["times"]), "Tuesday before Wed 2025-04-09"


def _norm(s: str) -> str:
    return " ".join(s.replace("“", '"').replace("”", '"').replace("’", "'").lower().split())


@pytest.mark.shared
def test_seed_articles_form_one_story_with_kirbys_quote_aligned(
    seeds_dir: Path, db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    code, _, _ = run(capsys, "ingest", *files, "--db", db_path)
    assert code == 0
    _, out, _ = run(capsys, "stories", "--db", db_path, "--format", "jsonl")
    stories = [json.loads(line) for line in out.splitlines()]
    assert len(stories) == 1
    assert sorted(stories[0]["article_ids"]) == sorted(Path(f).name for f in files)

    _, out, _ = run(capsys, "show", stories[0]["id"], "--db", db_path, "--format", "json")
    show = json.loads(out)
    dated = {a["id"][:3]: a for a in show["articles"]}
    assert (dated["000"]["published"], dated["000"]["published_basis"]) == ("2024-03-06", "stated")
    assert dated["004"]["published_basis"] != "stated"

    expected = yaml.safe_load((seeds_dir / "expected.yaml").read_text(encoding="utf-8"))
    kirby = expected["same_utterance_across_sources"][0]
    matches = [
        u
        for u in show["utterances"]
        if u["speaker"] == kirby["speaker"]
        and all(
            any(_norm(t)[:60] in _norm(v["quote"]) for v in u["versions"]) for t in kirby["texts"]
        )
    ]
    assert len(matches) == 1, [u["versions"][0]["quote"][:50] for u in show["utterances"]]
    [utt] = matches
    assert {v["article_id"][:3] for v in utt["versions"]} == {"000", "004"}
    diffs = {(_norm(d["a"]), _norm(d["b"])) for d in utt["differences"]}
    for expected_diff in kirby["differences"]:
        a, b = (_norm(part) for part in expected_diff.split("/", 1))
        assert (a, b) in diffs or (b, a) in diffs, (expected_diff, diffs)

    _, text, _ = run(capsys, "show", stories[0]["id"], "--db", db_path)
    assert "Same quote, several sources" in text and "John Kirby" in text


def test_show_abstractive_needs_a_configured_model_and_calls_it(
    tmp_path: Path,
    db_path: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_B, encoding="utf-8")
    run(capsys, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db_path)
    _, out, _ = run(capsys, "stories", "--db", db_path, "--format", "jsonl")
    story = json.loads(out.splitlines()[0])["id"]
    for var in ("STORYLENS_LLM_ENDPOINT", "STORYLENS_LLM_MODEL", "STORYLENS_LLM_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    code, _, err = run(capsys, "show", story, "--db", db_path, "--abstractive")
    assert code == 1 and "STORYLENS_LLM_ENDPOINT" in err

    seen: list[dict[str, object]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(
                {
                    "path": self.path,
                    **json.loads(self.rfile.read(int(self.headers["Content-Length"]))),
                }
            )
            self.send_response(500)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("STORYLENS_LLM_ENDPOINT", f"http://127.0.0.1:{server.server_address[1]}")
        monkeypatch.setenv("STORYLENS_LLM_MODEL", "house-model")
        code, out, _ = run(
            capsys, "show", story, "--db", db_path, "--abstractive", "--format", "json"
        )
    finally:
        server.shutdown()
        server.server_close()
    assert code == 0
    assert [(r["path"], r["model"]) for r in seen] == [("/v1/chat/completions", "house-model")]
    # The server failed, so the extractive summary stands in, citations and all.
    _, plain, _ = run(capsys, "show", story, "--db", db_path, "--format", "json")
    assert json.loads(out)["summary"] == json.loads(plain)["summary"]


def test_progress_follows_articles_even_inside_one_big_input(
    tmp_path: Path, db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from storylens.service import ingest
    from storylens.store import open_store

    lines = [
        json.dumps(
            {
                "id": f"n{i}",
                "text": f"Council vote number {i} on the harbor budget passed on Monday.",
            }
        )
        for i in range(4)
    ]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    with open_store(db_path) as store:
        report = ingest(
            store, [str(tmp_path / "many.jsonl")], on_article=lambda r: seen.append((r.read, r.new))
        )
    assert seen == [(1, 1), (2, 2), (3, 3), (4, 4)] and report.new == 4
    # Past a handful of inputs the CLI shows a progress bar on stderr; data stays off stdout.
    for i in range(6):
        (tmp_path / f"p{i}.txt").write_text(
            f"The ferry to island {i} resumed service on Tuesday.", encoding="utf-8"
        )
    code, out, _ = run(
        capsys, "ingest", *(str(tmp_path / f"p{i}.txt") for i in range(6)), "--db", db_path
    )
    assert code == 0 and out == ""


def test_batch_to_a_cluster_nothing_listens_on_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("ray", reason="storylens[ray] is not installed")
    db = str(tmp_path / "b.db")
    article = tmp_path / "a.txt"
    article.write_text("The port of Calder reopened on Monday.", encoding="utf-8")
    args = ["batch", str(article), "--db", db, "--address", "127.0.0.1:1", "-q"]
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "storylens batch: cannot reach a Ray cluster at 127.0.0.1:1: [Errno 111] Connection refused"
    ]
