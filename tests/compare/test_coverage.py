"""Coverage table and omissions."""

from __future__ import annotations

from storylens.compare.coverage import coverage
from storylens.model import Analysis, Article, StoredArticle


def _item(key: int, article_id: str, outlet: str | None) -> tuple[StoredArticle, Analysis]:
    return StoredArticle(key, Article(article_id, "t", article_id, outlet=outlet)), Analysis(
        article_id
    )


def test_rows_and_omissions_for_three_outlets() -> None:
    items = [_item(1, "a", "Post"), _item(2, "b", "Herald"), _item(3, "c", None)]
    claims = [
        {"text": "Bridge closed", "label": "agreed", "article_ids": ["a", "b"]},
        {"text": "Mayor resigned", "label": "single-source", "article_ids": ["c"]},
    ]
    utterances = [
        {
            "speaker": "Ann Lee",
            "versions": [
                {"article_id": "a", "outlet": "Post", "quote": "We are ready", "kind": "direct"},
                {"article_id": "c", "outlet": None, "quote": "we are ready", "kind": "direct"},
            ],
        }
    ]
    table = coverage(items, claims, utterances)
    assert table["outlets"] == ["Post", "Herald", "c"]  # no outlet: the article id stands in
    rows = {r["item"]: r for r in table["rows"]}
    assert rows["Bridge closed"]["present"] == {"Post": True, "Herald": True, "c": False}
    quote_row = rows['Ann Lee: "We are ready"']
    assert quote_row["kind"] == "quote"
    assert quote_row["present"] == {"Post": True, "Herald": False, "c": True}
    # With two other outlets, reporting by one of them (half) is enough to count as omitted.
    assert "Bridge closed" in table["omissions"]["c"]
    assert 'Ann Lee: "We are ready"' in table["omissions"]["Herald"]
    assert table["omissions"]["Post"] == ["Mayor resigned"]


def test_single_outlet_omits_nothing() -> None:
    table = coverage([_item(1, "a", "Post")], [{"text": "x", "article_ids": ["a"]}], [])
    assert table["omissions"] == {"Post": []}
