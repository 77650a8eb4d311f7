"""ROUGE and the lead baseline of `storylens eval summary`, on invented texts."""

from __future__ import annotations

from storylens.eval.summary import lead_baseline, rouge_l, rouge_n
from storylens.model import Analysis, Article, StoredArticle


def test_rouge_identical_disjoint_and_partial() -> None:
    assert rouge_n("The dam burst at noon.", "the dam burst at noon", 1) == 1.0
    assert rouge_n("Red kites nest here.", "A ferry sank.", 1) == 0.0
    # 2 of 3 bigrams shared either way: P = R = 2/3.
    assert abs(rouge_n("dam burst at noon", "dam burst at dawn", 2) - 2 / 3) < 1e-9
    # LCS "dam at noon" = 3 of 4 words each side.
    assert abs(rouge_l("dam burst at noon", "dam broke at noon") - 0.75) < 1e-9


def test_lead_baseline_takes_first_sentences_round_robin_at_equal_length() -> None:
    texts = ["Alpha one two. Alpha three four.", "Beta one two. Beta three four."]
    items = [
        (StoredArticle(i, Article(id=str(i), text=t, source="t")), Analysis(str(i)))
        for i, t in enumerate(texts, start=1)
    ]
    assert lead_baseline(items, 6) == "Alpha one two. Beta one two."
    assert len(lead_baseline(items, 8).split()) == 8


def test_references_path_scores_both_systems(tmp_path) -> None:
    import json

    from storylens.eval.summary import run_references

    articles = [
        {
            "story": "s1",
            "id": "s1a",
            "text": "A landslide blocked the mountain road to Orvel on Monday after heavy rain. "
            "Road crews expect to clear the rocks by Thursday.",
        },
        {
            "story": "s1",
            "id": "s1b",
            "text": "Heavy rain set off a landslide that blocked the road to Orvel on Monday. "
            "Buses to the village were cancelled for the week.",
        },
    ]
    refs = [{"story": "s1", "summary": "A landslide after heavy rain blocked the Orvel road."}]
    art_path, ref_path = tmp_path / "articles.jsonl", tmp_path / "refs.jsonl"
    art_path.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    ref_path.write_text("\n".join(json.dumps(r) for r in refs), encoding="utf-8")
    result = run_references(art_path, ref_path)
    assert result["stories"] == 1
    for system in ("storylens", "lead"):
        for metric in ("rouge1", "rouge2", "rougeL"):
            assert 0.0 < result[f"{system}_{metric}"] <= 1.0
