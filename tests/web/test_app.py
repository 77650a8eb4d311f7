"""The web app over a real SQLite store and the real comparison, through
FastAPI's TestClient (real HTTP semantics, in process)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from web_fixtures import BRIDGE_QUOTE_A, STRIKE_TITLE, WebFixture


def _section(html: str, section_id: str) -> str:
    """The HTML of one <section id=...> of a page (sections do not nest)."""
    match = re.search(rf'<section id="{section_id}"[^>]*>(.*?)</section>', html, re.S)
    assert match, f"no section {section_id!r} on the page"
    return match.group(1)


# --- story list -------------------------------------------------------------
def test_list_page_shows_every_story_with_counts_outlets_and_dates(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "Harbor Street bridge reopens" in html
    assert 'href="/stories/harbor-bridge"' in html
    assert 'href="/stories/library-strike"' in html
    assert "Coastal Herald" in html and "Valley Times" in html
    row = re.search(
        r'<tr>\s*<td class="story-title"><a href="/stories/harbor-bridge">.*?</tr>', html, re.S
    )
    assert row is not None
    assert '<td class="num">2</td>' in row.group(0)
    assert "2024-05-13" in row.group(0)


def test_search_filters_by_title_and_by_outlet(client: TestClient) -> None:
    by_outlet = client.get("/", params={"q": "valley"}).text
    assert 'href="/stories/harbor-bridge"' in by_outlet
    assert 'href="/stories/library-strike"' not in by_outlet
    by_title = client.get("/", params={"q": "LIBRARY strike"}).text
    assert 'href="/stories/library-strike"' in by_title
    assert 'href="/stories/harbor-bridge"' not in by_title
    nothing = client.get("/", params={"q": "volcano"}).text
    assert "/stories/" not in nothing
    assert "No story has" in nothing


def test_search_box_keeps_the_query_escaped(client: TestClient) -> None:
    html = client.get("/", params={"q": '"><img src=x>'}).text
    assert "<img src=x>" not in html
    assert "&#34;&gt;&lt;img src=x&gt;" in html


# --- story page ---------------------------------------------------------------
def test_story_page_shows_sources_side_by_side(client: TestClient, web_fixture: WebFixture) -> None:
    html = client.get("/stories/harbor-bridge").text
    sources = _section(html, "sources")
    columns = re.findall(r'<article class="col" id="source-(\d+)"', sources)
    assert columns == ["1", "2"]
    assert f'href="/articles/{web_fixture.herald_key}"' in sources
    assert f'href="/articles/{web_fixture.times_key}"' in sources
    assert "Harbor Street bridge reopens after repairs" in sources
    assert "Drivers return to Harbor Street bridge" in sources
    # Article text is shown whole, escaped: "&" and the "<b>" typed by a resident.
    assert "light in the morning &amp; heavier by noon" in sources
    assert "&lt;b&gt;thank you&lt;/b&gt;" in sources


def test_story_page_highlights_quotes_at_their_offsets(client: TestClient) -> None:
    sources = _section(client.get("/stories/harbor-bridge").text, "sources")
    marks = re.findall(r'<mark class="q sc(\d)" title="([^"]*)">(.*?)</mark>', sources)
    assert (marks[0][1], marks[0][2]) == ("Lena Ortiz", BRIDGE_QUOTE_A)
    assert len(marks) == 2
    # One speaker, one color, in both outlets.
    assert marks[0][0] == marks[1][0]


def test_inferred_publication_date_is_labelled(client: TestClient) -> None:
    sources = _section(client.get("/stories/harbor-bridge").text, "sources")
    herald, times = re.split(r'<article class="col" id="source-2"', sources)
    assert 'class="badge inferred"' in times
    assert "inferred" not in herald
    assert "stated" in herald


def test_story_page_lists_quotes_with_speakers_per_article(client: TestClient) -> None:
    quotes = _section(client.get("/stories/harbor-bridge").text, "quotes")
    assert quotes.count('<span class="speaker sc') == 2
    assert "Lena Ortiz" in quotes
    assert "will remain open" in quotes and "will stay open" in quotes


def test_aligned_utterance_marks_word_differences(client: TestClient) -> None:
    utterances = _section(client.get("/stories/harbor-bridge").text, "utterances")
    assert "Lena Ortiz" in utterances
    assert "Coastal Herald" in utterances and "Valley Times" in utterances
    assert re.search(r"<del>\s*stay\s*</del>", utterances)
    assert re.search(r"<ins>\s*remain\s*</ins>", utterances)


def test_story_page_shows_timeline_and_people(client: TestClient) -> None:
    html = client.get("/stories/harbor-bridge").text
    timeline = _section(html, "timeline")
    assert "2024-05-13" in timeline
    assert "<svg" in timeline or '<ol class="timeline">' in timeline
    people = _section(html, "people")
    assert "Lena Ortiz" in people and "mayor" in people


def test_story_title_with_script_is_escaped_everywhere(client: TestClient) -> None:
    for path in ("/", "/stories/library-strike"):
        html = client.get(path).text
        assert "<script>" not in html, path
        assert "&lt;script&gt;" in html, path


def test_pages_forbid_scripts_and_load_nothing_from_elsewhere(client: TestClient) -> None:
    r = client.get("/stories/harbor-bridge")
    assert "script-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    # Every stylesheet, icon and image is served by the app itself.
    for url in re.findall(r'(?:href|src)="([^"#]+)"', r.text):
        if url.startswith("http"):
            assert (
                'rel="noopener noreferrer nofollow"' in r.text
            )  # only outbound links to originals
        else:
            assert url.startswith("/"), url
    assert client.get("/static/style.css").status_code == 200


# --- article page -----------------------------------------------------------
def test_article_page_shows_the_analysis(client: TestClient, web_fixture: WebFixture) -> None:
    html = client.get(f"/articles/{web_fixture.times_key}").text
    assert "Drivers return to Harbor Street bridge" in html
    assert 'class="badge inferred"' in html
    assert re.search(r'<mark class="q sc0" title="Lena Ortiz">The bridge is safe', html)
    assert '<mark class="spk"' in html  # the speaker mention "Ortiz"
    assert '<mark class="time" title="DATE 2024-05-13">on Monday</mark>' in html
    assert 'href="/stories/harbor-bridge"' in html


# --- 404s -----------------------------------------------------------------------
def test_unknown_story_and_article_give_helpful_404_pages(client: TestClient) -> None:
    for path, words in [
        ("/stories/no-such-story", "No story with id"),
        ("/articles/9999", "No article with key 9999"),
        ("/articles/not-a-number", "article keys are numbers"),
        ("/nowhere", "Nothing lives at"),
    ]:
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("text/html"), path
        assert words in r.text, path
        assert 'href="/"' in r.text


def test_unknown_ids_in_the_api_give_json_404s(client: TestClient) -> None:
    for path in ("/api/stories/no-such-story", "/api/articles/9999", "/api/nothing"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"] == "application/json", path
        assert "detail" in r.json()


# --- JSON API ---------------------------------------------------------------
def test_api_health(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["articles"] == 3
    assert body["stories"] == 2


def test_api_story_list_shape_search_and_paging(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == 2 and body["offset"] == 0
    by_id = {s["id"]: s for s in body["stories"]}
    bridge = by_id["harbor-bridge"]
    assert bridge["article_count"] == 2
    assert bridge["outlets"] == ["Coastal Herald", "Valley Times"]
    assert sorted(bridge["article_ids"]) == ["herald-bridge", "times-bridge"]
    assert by_id["library-strike"]["title"] == STRIKE_TITLE  # JSON carries the raw title

    found = client.get("/api/stories", params={"q": "herald"}).json()
    assert [s["id"] for s in found["stories"]] == ["harbor-bridge"]
    page = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and len(page["stories"]) == 1
    assert page["stories"][0]["id"] == body["stories"][1]["id"]
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422


def test_api_story_is_the_comparison(client: TestClient) -> None:
    body = client.get("/api/stories/harbor-bridge").json()
    assert body["id"] == "harbor-bridge"
    assert {a["outlet"] for a in body["articles"]} == {"Coastal Herald", "Valley Times"}
    for key in ("people", "quotes", "utterances", "claims", "timeline", "summary"):
        assert isinstance(body[key], list), key
    assert len(body["utterances"]) == 1
    assert len(body["utterances"][0]["versions"]) == 2


def test_api_article_with_analysis(client: TestClient, web_fixture: WebFixture) -> None:
    body = client.get(f"/api/articles/{web_fixture.herald_key}").json()
    assert body["key"] == web_fixture.herald_key
    assert body["story_id"] == "harbor-bridge"
    assert body["article"]["outlet"] == "Coastal Herald"
    assert body["analysis"]["quotes"][0]["text"] == BRIDGE_QUOTE_A


def test_openapi_is_served_and_docs_need_no_cdn(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{key}", "/api/health"} <= set(
        schema["paths"]
    )
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/stories/{story_id}" in docs.text
    assert 'href="/openapi.json"' in docs.text
    assert "cdn" not in docs.text.lower() and "swagger" not in docs.text.lower()


def test_claims_are_grouped_and_a_dispute_shows_both_values(client: TestClient) -> None:
    claims = _section(client.get("/stories/harbor-bridge").text, "claims")
    groups = re.findall(r'<div class="claim-group ([a-z-]+)">', claims)
    assert "agreed" in groups and "disputed" in groups and "single-source" in groups
    disputed = claims.split('<div class="claim-group disputed">')[1].split(
        '<div class="claim-group'
    )[0]
    conflict = re.search(r'<div class="conflict">(.*?)</div>', disputed, re.S)
    assert conflict is not None
    values = re.findall(r"<b>([^<]*)</b>", conflict.group(1))
    assert values == ["40", "45"]
    assert 'href="#source-1"' in conflict.group(1) and 'href="#source-2"' in conflict.group(1)


def test_words_only_one_source_states_are_marked_in_a_single_source_claim(
    web_fixture: WebFixture,
) -> None:
    from storylens.compare import compare_story, fingerprint, story_items
    from storylens.store import open_store
    from storylens.web.app import create_app

    # The page shows what the comparison holds: give one single-source claim the part that
    # only its outlet states, as compare does when other outlets state the rest.
    with open_store(web_fixture.db_path) as store:
        comparison = compare_story(store, "harbor-bridge")
        claim = next(c for c in comparison["claims"] if c["label"] == "single-source")
        words = claim["text"].split()
        claim["single_source_part"] = " ".join(words[: max(1, len(words) // 2)])
        store.save_comparison(
            "harbor-bridge", comparison, fingerprint(story_items(store, "harbor-bridge"))
        )
    with TestClient(create_app(web_fixture.db_path)) as client:
        claims = _section(client.get("/stories/harbor-bridge").text, "claims")
    marked = re.findall(r'<mark class="only"[^>]*>([^<]*)</mark>', claims)
    assert marked == [claim["single_source_part"]]


def test_a_claim_said_by_a_clause_is_shown_in_its_sentence(web_fixture: WebFixture) -> None:
    from storylens.compare import compare_story, fingerprint, story_items
    from storylens.store import open_store
    from storylens.web.app import create_app

    # As compare does when every source states a fact in a clause: the claim's text is the
    # clause, its context the sentence it stands in.
    with open_store(web_fixture.db_path) as store:
        comparison = compare_story(store, "harbor-bridge")
        claim = next(c for c in comparison["claims"] if c["label"] != "single-source")
        clause = "cutting the quickest route across the channel"
        claim["text"], claim["context"] = clause, f"The bridge closed on Monday, {clause}."
        store.save_comparison(
            "harbor-bridge", comparison, fingerprint(story_items(store, "harbor-bridge"))
        )
    with TestClient(create_app(web_fixture.db_path)) as client:
        claims = _section(client.get("/stories/harbor-bridge").text, "claims")
    assert re.findall(r'<mark class="shared"[^>]*>([^<]*)</mark>', claims) == [clause]
    assert "The bridge closed on Monday," in claims


def test_timeline_entries_with_a_disputed_or_two_way_date_are_badged(
    web_fixture: WebFixture,
) -> None:
    from storylens.compare import compare_story, fingerprint, story_items
    from storylens.store import open_store
    from storylens.web.app import create_app

    with open_store(web_fixture.db_path) as store:
        comparison = compare_story(store, "harbor-bridge")
        assert comparison["timeline"], "the fixture story has a timeline"
        comparison["timeline"][0]["disputed"] = {
            "kind": "date",
            "values": ["2031-05-05", "2031-05-06"],
            "article_ids": [],
        }
        comparison["timeline"][-1]["alternative_date"] = "2031-05-15"
        store.save_comparison(
            "harbor-bridge", comparison, fingerprint(story_items(store, "harbor-bridge"))
        )
    with TestClient(create_app(web_fixture.db_path)) as client:
        timeline = _section(client.get("/stories/harbor-bridge").text, "timeline")
    badges = re.findall(
        r'<span class="badge disputed" title="([^"]*)">sources differ</span>', timeline
    )
    assert badges == ["Sources give different dates: 2031-05-05 vs 2031-05-06"]
    either = re.findall(r' or (\S+) <span class="badge uncertain"[^>]*>either day</span>', timeline)
    assert either == ["2031-05-15"]


def test_coverage_lists_shared_items_counts_single_source_ones_and_shows_omissions() -> None:
    from storylens.web.views import _coverage

    view = _coverage(
        {
            "outlets": ["Bay News", "Metro Daily", "Radio Nine"],
            "rows": [
                {"item": "The bridge closed.", "kind": "claim", "label": "agreed",
                 "present": {"Bay News": True, "Metro Daily": True, "Radio Nine": False}},
                {"item": "A crane fell.", "kind": "claim", "label": "single-source",
                 "present": {"Bay News": True, "Metro Daily": False, "Radio Nine": False}},
                {"item": "The ferry runs.", "kind": "claim", "label": "single-source",
                 "present": {"Bay News": True, "Metro Daily": False, "Radio Nine": False}},
                {"item": 'Roe: "We will reopen"', "kind": "quote",
                 "present": {"Bay News": False, "Metro Daily": True, "Radio Nine": True}},
            ],
            "omissions": {"Bay News": [], "Metro Daily": [], "Radio Nine": ["The bridge closed."]},
        }
    )  # fmt: skip
    assert view is not None
    assert [r["item"] for r in view["rows"]] == ["The bridge closed.", 'Roe: "We will reopen"']
    assert view["single"] == [2, 0, 0]
    assert [(o["name"], o["items"]) for o in view["omissions"]] == [
        ("Radio Nine", ["The bridge closed."])
    ]


def test_the_story_page_shows_what_an_outlet_leaves_out(client: TestClient) -> None:
    coverage = _section(client.get("/stories/harbor-bridge").text, "coverage")
    assert "What each outlet leaves out" in coverage
    assert re.search(r'<details class="omissions"><summary>.*?leaves out \d+</summary>', coverage)


def test_a_summary_sentence_shows_the_day_it_names(client: TestClient) -> None:
    summary = _section(client.get("/stories/harbor-bridge").text, "summary")
    # "reopened on Monday": the day, as the article dates it, beside the sentence.
    assert re.search(r'<span class="badge" title="[^"]*">on Monday: 2024-05-13', summary)
