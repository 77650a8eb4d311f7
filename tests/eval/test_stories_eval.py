"""The story-grouping scorer, the ECB+ reader and the `eval stories` CLI face."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from storylens.eval import stories
from storylens.eval.ecbplus import join_tokens, parse_topics, read_corpus, read_document, slug_title
from storylens.eval.stories import score_partition


def test_perfect_grouping_scores_one() -> None:
    s = score_partition(["a", "a", "b"], ["x", "x", "y"])
    assert s["b3_f1"] == s["pair_f1"] == s["ari"] == 1.0
    assert (s["predicted"], s["gold"]) == (2.0, 2.0)


def test_everything_in_one_story_has_full_recall_and_low_precision() -> None:
    s = score_partition(["a", "a", "b", "b"], ["x"] * 4)
    assert s["b3_r"] == 1.0 and s["b3_p"] == pytest.approx(0.5)
    assert s["pair_p"] == pytest.approx(2 / 6) and s["pair_r"] == 1.0
    assert s["ari"] == pytest.approx(0.0)


def test_all_singletons_have_full_precision() -> None:
    s = score_partition(["a", "a", "a", "b"], ["1", "2", "3", "4"])
    assert s["b3_p"] == 1.0 and s["b3_r"] == pytest.approx((1 / 3 * 3 + 1) / 4)
    assert s["pair_r"] == 0.0 and s["pair_f1"] == 0.0


def test_join_tokens_and_slug_titles() -> None:
    assert join_tokens(["He", "said", ",", "``", "no", "''", "."]) == "He said, ``no''."
    assert join_tokens(["The", "mayor", "'s", "(", "new", ")", "plan"]) == "The mayor's (new) plan"
    tokens = [*list("http://www.example.com/news/2011/"), "quake-hits-town-of-orrick.html"]
    assert slug_title(tokens) == "quake hits town of orrick"


def test_parse_topics() -> None:
    assert parse_topics("1-3,7") == {1, 2, 3, 7}
    assert parse_topics(None) is None


def write_doc(path: Path, sentences: list[list[str]]) -> None:
    rows = []
    n = 0
    for s, tokens in enumerate(sentences):
        for i, tok in enumerate(tokens):
            n += 1
            rows.append(f'<token t_id="{n}" sentence="{s}" number="{i}">{tok}</token>')
    path.write_text(f'<Document doc_name="{path.name}">\n' + "\n".join(rows) + "\n</Document>\n")


def test_read_ecb_layout_with_url_sentence(tmp_path: Path) -> None:
    topic = tmp_path / "3"
    topic.mkdir()
    url = [*"http://www.example.com/", "flood-in-orrick"]
    write_doc(topic / "3_1ecbplus.xml", [url, ["Orrick", "flooded", "."], ["Rescue", "began", "."]])
    write_doc(topic / "3_2ecb.xml", [["Venmouth", "voted", "."]])
    (topic / "notes.xml").write_text("<x/>")
    doc = read_document(topic / "3_1ecbplus.xml")
    assert (doc.story, doc.title, doc.text) == (
        "3_ecbplus",
        "flood in orrick",
        "Orrick flooded.\nRescue began.",
    )
    docs = read_corpus(tmp_path, {3})
    assert [d.story for d in docs] == ["3_ecbplus", "3_ecb"]
    assert read_corpus(tmp_path, {4}) == []


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    stories.add_arguments(parser)
    return stories.run(parser.parse_args(argv))


def test_jsonl_input_is_scored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = []
    for story, words in (
        ("flood", "Orrick flood Tamsin river rooftops rescue Brisk"),
        ("vote", "Venmouth election mayor Dunmore ballots tram"),
    ):
        for j in range(3):
            text = f"{words} report number {j}. " + words
            lines.append(json.dumps({"id": f"{story}{j}", "text": text, "story": story}))
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert run_cli([str(path), "--orders", "2", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 6 and result["gold_stories"] == 2
    assert result["batch"]["b3_f1"] == 1.0 and result["online"]["b3_f1"] == 1.0
    assert run_cli([str(path), "--orders", "1"]) == 0
    assert "B3 F1" in capsys.readouterr().out


def test_jsonl_without_gold_story_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "no gold here"}) + "\n")
    with pytest.raises(ValueError, match="gold `story`"):
        run_cli([str(path)])
    assert run_cli([str(tmp_path / "missing.jsonl")]) == 2


def test_help_defines_the_scores() -> None:
    for word in ("B-cubed", "pairwise", "adjusted Rand", "ONE collection", "23-45"):
        assert word.lower() in stories.HELP.lower()
