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
    # With two other outlets, what both report is omitted; one other's lone item is its own.
    assert table["omissions"]["c"] == ["Bridge closed"]
    assert table["omissions"]["Herald"] == ['Ann Lee: "We are ready"']
    assert table["omissions"]["Post"] == []


def test_with_two_outlets_everything_only_the_other_reports_is_omitted() -> None:
    items = [_item(1, "a", "Post"), _item(2, "b", "Herald")]
    claims = [
        {"text": "Bridge closed", "label": "agreed", "article_ids": ["a", "b"]},
        {"text": "Mayor resigned", "label": "single-source", "article_ids": ["b"]},
    ]
    table = coverage(items, claims, [])
    assert table["omissions"] == {"Post": ["Mayor resigned"], "Herald": []}


def test_with_many_outlets_half_of_the_others_and_at_least_two() -> None:
    items = [_item(k, f"a{k}", f"Outlet {k}") for k in range(5)]
    claims = [
        {"text": "Told by three", "label": "agreed", "article_ids": ["a1", "a2", "a3"]},
        {"text": "Told by two", "label": "agreed", "article_ids": ["a1", "a2"]},
        {"text": "Told by one", "label": "single-source", "article_ids": ["a1"]},
    ]
    table = coverage(items, claims, [])
    assert table["omissions"]["Outlet 0"] == ["Told by three", "Told by two"]
    assert table["omissions"]["Outlet 4"] == ["Told by three", "Told by two"]
    assert table["omissions"]["Outlet 3"] == ["Told by two"]


def test_single_outlet_omits_nothing() -> None:
    table = coverage([_item(1, "a", "Post")], [{"text": "x", "article_ids": ["a"]}], [])
    assert table["omissions"] == {"Post": []}
