"""Claims on invented mini-stories: agreement, single source, conflicts, copies."""

from __future__ import annotations

from typing import Any

from test_claims_fixtures import make_item

from storylens.compare.claims import extract_claims

FLOOD_A = (
    "Heavy rain flooded the river town of Marlow on Tuesday. "
    "The regional fire service evacuated 300 residents from homes near the riverbank. "
    "Mayor Ellen Price opened the school gym as a shelter for the night. "
    "A local bakery handed out free bread to volunteers."
)
FLOOD_B = (
    "Fire crews evacuated 300 residents from riverside homes in Marlow after the river burst "
    "its banks. "
    "The town's mayor, Ellen Price, turned the school gymnasium into an overnight shelter. "
    "Forecasters expect more rain over the weekend across the whole valley."
)


def _find(claims: list[dict[str, Any]], *words: str) -> dict[str, Any]:
    for claim in claims:
        texts = " ".join(s["text"] for s in claim["sentences"]).lower()
        if all(w.lower() in texts for w in words):
            return claim
    raise AssertionError(f"no claim mentions {words}: {[c['text'] for c in claims]}")


def test_same_fact_in_different_words_is_agreed_and_cites_both() -> None:
    items = [make_item(1, "a1", "Daily Post", FLOOD_A), make_item(2, "b1", "River News", FLOOD_B)]
    claims = extract_claims(items)
    shelter = _find(claims, "shelter", "Price")
    assert shelter["label"] == "agreed"
    assert shelter["article_ids"] == ["a1", "b1"]
    assert shelter["outlets"] == ["Daily Post", "River News"]
    assert shelter["conflict"] is None
    for s in shelter["sentences"]:
        text = items[0][0].article.text if s["article_id"] == "a1" else items[1][0].article.text
        assert text[s["start"] : s["end"]] == s["text"]


def test_fact_only_one_outlet_reports_is_single_source() -> None:
    items = [make_item(1, "a1", "Daily Post", FLOOD_A), make_item(2, "b1", "River News", FLOOD_B)]
    claims = extract_claims(items)
    assert _find(claims, "bakery")["label"] == "single-source"
    assert _find(claims, "forecasters")["article_ids"] == ["b1"]


def test_claims_are_sorted_agreed_then_disputed_then_single_source() -> None:
    items = [
        make_item(1, "a1", "Daily Post", FLOOD_A),
        make_item(2, "b1", "River News", FLOOD_B.replace("300", "450")),
    ]
    labels = [c["label"] for c in extract_claims(items)]
    order = {"agreed": 0, "disputed": 1, "single-source": 2}
    assert labels == sorted(labels, key=order.__getitem__)
    assert "disputed" in labels and "single-source" in labels


def test_different_death_tolls_are_disputed_numbers() -> None:
    a = "A bus crash on the coastal highway near Dunmore killed 12 passengers on Friday night."
    b = "The bus crash on the coastal highway near Dunmore killed 15 passengers, police said."
    claims = extract_claims([make_item(1, "a", "Post", a), make_item(2, "b", "Herald", b)])
    crash = _find(claims, "crash")
    assert crash["label"] == "disputed"
    assert crash["conflict"]["kind"] == "number"
    assert sorted(crash["conflict"]["values"]) == ["12", "15"]


def test_different_dates_are_disputed_dates() -> None:
    a = "The new bridge over the Tamsin river will open to traffic on March 4, the council said."
    b = "The council said the new bridge over the Tamsin river opens to traffic on March 9."
    claims = extract_claims([make_item(1, "a", "Post", a), make_item(2, "b", "Herald", b)])
    bridge = _find(claims, "bridge")
    assert bridge["label"] == "disputed"
    assert bridge["conflict"]["kind"] == "date"


def test_denial_against_assertion_is_disputed_negation() -> None:
    a = "The company confirmed the factory in Lindt will close at the end of the year."
    b = "The company did not confirm that the factory in Lindt will close at the end of the year."
    claims = extract_claims([make_item(1, "a", "Post", a), make_item(2, "b", "Herald", b)])
    factory = _find(claims, "factory")
    assert factory["label"] == "disputed"
    assert factory["conflict"]["kind"] == "negation"


def test_copies_of_one_wire_story_count_once() -> None:
    wire = make_item(1, "wire", "Wire Service", FLOOD_A)
    copy = make_item(2, "copy", "Town Paper", FLOOD_A, copy_of=1)
    claims = extract_claims([wire, copy])
    shelter = _find(claims, "shelter")
    assert shelter["article_ids"] == ["wire", "copy"]
    assert shelter["label"] == "single-source"
    assert shelter["sources"] == 1


def test_same_outlet_twice_is_one_source_but_two_outlets_agree() -> None:
    a = make_item(1, "a1", "Daily Post", FLOOD_A)
    a2 = make_item(2, "a2", "Daily Post", FLOOD_B)
    assert _find(extract_claims([a, a2]), "shelter")["label"] == "single-source"
    b = make_item(3, "b1", "River News", FLOOD_B)
    assert _find(extract_claims([a, b]), "shelter")["label"] == "agreed"


def test_quoted_speech_is_not_a_claim_and_boilerplate_is_skipped() -> None:
    text = (
        "The mayor visited the flooded streets of Marlow on Wednesday morning. "
        '"We will rebuild every single house that the water has damaged," she said. '
        "Image Source: Getty Images | Photo by Ann Lee"
    )
    claims = extract_claims([make_item(1, "a", "Post", text)])
    texts = " ".join(c["text"] for c in claims)
    assert "visited the flooded streets" in texts
    assert "rebuild" not in texts
    assert "Getty" not in texts


def test_unrelated_sentences_stay_apart() -> None:
    a = "The regional fire service evacuated 300 residents from homes near the riverbank."
    b = "Forecasters expect more rain over the weekend across the whole valley."
    claims = extract_claims([make_item(1, "a", "Post", a), make_item(2, "b", "Herald", b)])
    assert [c["label"] for c in claims] == ["single-source", "single-source"]


def test_no_articles_no_claims() -> None:
    assert extract_claims([]) == []


FERRY_A = (
    "Governor Ana Ruiz said the ferry would resume service by early June and that repairs "
    "would cost about $3 million. "
    "Commuters have crowded onto buses since the ferry stopped running in March."
)
FERRY_B = (
    "Ruiz said the ferry would resume service by early June if the new engine arrives in time. "
    "The repairs are expected to cost about $3 million, Ruiz said."
)
FERRY_C = "Governor Ana Ruiz said repairs to the ferry would cost $5 million."


def test_a_sentence_in_a_corroborated_claim_is_not_also_single_source() -> None:
    items = [
        make_item(1, "a1", "Daily Post", FERRY_A),
        make_item(2, "b1", "River News", FERRY_B),
        make_item(3, "c1", "Coast Times", FERRY_C),
    ]
    claims = extract_claims(items)
    spans = {
        (s["article_id"], s["start"])
        for c in claims
        if c["label"] != "single-source"
        for s in c["sentences"]
    }
    singles = [c for c in claims if c["label"] == "single-source"]
    for claim in singles:
        s = claim["sentences"][0]
        assert (s["article_id"], s["start"]) not in spans, claim["text"]
    assert _find(claims, "resume", "June")["label"] == "agreed"


def test_participial_clause_keeps_its_sentence_subject_and_day() -> None:
    pier_a = (
        "Port crews put up fences around the Marsh Lane Pier on Sunday, closing the old "
        "wooden walkway for the rest of the season. A bait shop at the pier said sales fell."
    )
    pier_b = (
        "The Marsh Lane Pier was closed to anglers and walkers on Sunday. "
        "Engineers will inspect the pilings next month."
    )
    items = [make_item(1, "a1", "Daily Post", pier_a), make_item(2, "b1", "River News", pier_b)]
    claims = extract_claims(items)
    closed = _find(claims, "closed to anglers")
    assert closed["label"] == "agreed", [c["text"] for c in claims]
    assert _find(claims, "pilings")["label"] == "single-source"
