"""One real story of the shared ABP corpus (the Justice Department's seizure of AP phone
records, 16 articles of May 13-17, 2013), compared by the real pipeline: what a reader of
its claims must never see. Skipped where ../shared is absent."""

from __future__ import annotations

import gzip
import json
from datetime import date
from typing import Any

import pytest

from storylens.analyze.pipeline import analyze_article
from storylens.compare.claims import extract_claims
from storylens.compare.text_units import Item
from storylens.model import Article, StoredArticle
from tests_support import require_shared

STORY = {
    "4nAz9lyOgCBfz0Na", "5TOZ0ox9Sce1YbGI", "Ax3LMEYh4wjOHGJy", "Cl5Ekqsqodxgxb0t",
    "Exm5NtEu67U2IpLb", "FGWs8NYrotBZvCxS", "GStANGHMq0RG3OTU", "MKCvOFLzKFhcM6hc",
    "YCgAhza5Os8xisXU", "bDKDzH0mLIi84f4Q", "ey4BMPaTaxhMiILu", "tpituCNnd5EvN3wV",
    "vnvetJETfZpJ2KVP", "wim4mSLokNtjkfVs", "wqRJ9mEt8lNzp2RE", "zMp3RVqLf6geBaR8",
}  # fmt: skip


@pytest.fixture(scope="module")
def claims() -> list[dict[str, Any]]:
    path = require_shared("data", "abp", "articles.jsonl.gz")
    items: list[Item] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line[8:24] not in STORY:  # '{"id": "<16 characters>"': no parse needed
                continue
            record = json.loads(line)
            article = Article(
                id=record["id"],
                text=record["text"],
                source=record["id"],
                outlet=record["outlet"],
                title=record["title"],
                published=date.fromisoformat(record["date"][:10]),
                published_basis="metadata",
            )
            items.append(
                (StoredArticle(key=len(items) + 1, article=article), analyze_article(article))
            )
    assert len(items) == len(STORY)
    return extract_claims(items)


def test_no_two_corroborated_claims_read_the_same(claims: list[dict[str, Any]]) -> None:
    # The wire's lead, printed in full by several outlets, is one claim: a second fact
    # paired with one of its copies must not list it a second time.
    shown = [" ".join(c["text"].lower().split()) for c in claims if c["sources"] > 1]
    assert len(shown) == len(set(shown))
    [lead] = [c for c in claims if c["text"].startswith("The Justice Department secretly obtained")]
    assert {"wim4mSLokNtjkfVs", "wqRJ9mEt8lNzp2RE"} <= set(lead["article_ids"])


def test_a_photo_credit_after_a_bar_makes_no_claim(claims: list[dict[str, Any]]) -> None:
    assert not any("| AP Photos" in c["text"] for c in claims)
