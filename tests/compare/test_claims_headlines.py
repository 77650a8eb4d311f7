"""Headlines printed with the text: they may corroborate a claim, but a lone headline is
no single-source claim (invented stories, analysed by the real pipeline)."""

from __future__ import annotations

from test_claims_fixtures import analyzed_item as _item

from storylens.compare.claims import extract_claims
from storylens.compare.narration import is_headline


def test_a_headline_is_a_short_top_line_without_a_full_stop() -> None:
    assert is_headline("Storm cuts power to 31,000 homes; schools shut", 0)
    assert not is_headline("The storm cut power to 31,000 homes on Friday.", 0)
    assert not is_headline("Storm cuts power to 31,000 homes; schools shut", 5)


def test_a_lone_headline_is_not_listed_but_its_lead_is() -> None:
    items = [
        _item(
            1,
            "Valley Wire",
            "Ferry service halted after pier collapse\n"
            "The Holm Island ferry stopped running on Tuesday after part of the pier "
            "collapsed into the harbor. Nobody was hurt, the port authority said.",
        ),
        _item(
            2,
            "Harbor Post",
            "Marlow council approves new library budget\n"
            "The Marlow council approved a larger library budget on Wednesday. The vote "
            "was unanimous.",
        ),
    ]
    texts = [s["text"] for c in extract_claims(items) for s in c["sentences"]]
    assert not any("Ferry service halted" in t for t in texts)
    assert any(t.startswith("The Holm Island ferry stopped running") for t in texts)


def test_quoted_speech_is_no_claim_even_when_no_quote_was_found() -> None:
    # ``...'' marks (as in wire copy) that the quote finder does not read.
    items = [
        _item(
            1,
            "Valley Wire",
            "The Holm Island ferry stopped running on Tuesday after the pier collapsed.\n"
            "``We will rebuild the pier before the summer season starts.''",
        ),
        _item(
            2,
            "Harbor Post",
            "The ferry to Holm Island stopped on Tuesday when the pier collapsed.\n"
            "``We will rebuild the pier before the summer season starts.''",
        ),
    ]
    texts = [s["text"] for c in extract_claims(items) for s in c["sentences"]]
    assert texts and not any("rebuild the pier" in t for t in texts)


def test_an_explainers_titles_corroborate_nothing() -> None:
    # The section title and the pointer name what the article goes on to tell; they share
    # its words with the other outlet's statement, and assert nothing.
    items = [
        _item(
            1,
            "Valley Wire",
            "The Calloway Street Bridge stays shut for a second week.\n"
            "What inspectors found in the Calloway Street Bridge beams\n"
            "Here's how the Harbor Authority will repair the Calloway Street Bridge.\n"
            "Crews began removing the deck plates on Tuesday.",
        ),
        _item(
            2,
            "Harbor Post",
            "Inspectors found cracks in two steel beams of the Calloway Street Bridge on "
            "Monday. The Harbor Authority will repair the Calloway Street Bridge with new "
            "steel beams.",
        ),
    ]
    texts = [s["text"] for c in extract_claims(items) for s in c["sentences"]]
    assert not any(t.startswith(("What inspectors found", "Here's how")) for t in texts)
    assert any(t.startswith("Crews began removing the deck plates") for t in texts)
