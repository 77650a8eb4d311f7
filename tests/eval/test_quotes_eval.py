"""The PolNeAR reader and the quote scorer, on a small brat corpus written here."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from storylens.eval.polnear import GoldAttribution, GoldDocument, parse_ann, read_polnear
from storylens.eval.quotes import Counts, _report, add_arguments, run, score_document
from storylens.model import Quote, Span, Speaker

TEXT = (
    "Mayor Ana Ruiz said the bridge will reopen in May.\n"
    '"We are ahead of schedule," Ruiz told reporters.\n'
    'She called the delay "a small price."\n'
)


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _ann() -> str:
    lines = []
    rows = [
        ("Mayor Ana Ruiz", "said", "the bridge will reopen in May", "E1"),
        ("Ruiz", "told", '"We are ahead of schedule,"', "E2"),
        ("She", "called", 'the delay "a small price."', "E3"),
    ]
    n = 0
    for source, cue, content, eid in rows:
        ids = []
        for kind, text in (("Source", source), ("Cue", cue), ("Content", content)):
            n += 1
            s, e = _span(text) if kind != "Source" or text != "Ruiz" else _second("Ruiz")
            lines.append(f"T{n}\t{kind} {s} {e}\t{text}")
            ids.append(f"{kind}:T{n}")
        lines.append(f"{eid}\tAttribution:T{n} " + " ".join(ids))
    return "\n".join(lines) + "\n"


def _second(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle, TEXT.index(needle) + 1)
    return start, start + len(needle)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc1_zz.ann").write_text(_ann(), encoding="utf-8")
    # A second annotator sorting first by name is the one read.
    (tmp_path / "attributions" / "doc1_aa.ann").write_text(_ann(), encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\tdoc1\t2016-05-02\n", encoding="utf-8"
    )
    return tmp_path


def test_reader_picks_first_annotator_and_date(corpus: Path) -> None:
    (doc,) = list(read_polnear(corpus))
    assert doc.annotator == "aa"
    assert doc.published is not None and doc.published.isoformat() == "2016-05-02"
    assert len(doc.attributions) == 3
    first = doc.attributions[0]
    assert first.source is not None
    assert TEXT[first.source[0][0] : first.source[0][1]] == "Mayor Ana Ruiz"


def test_discontinuous_spans_are_read() -> None:
    ann = "T1\tContent 0 4;10 14\tab cd\nT2\tCue 5 9\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n"
    (gold,) = parse_ann(ann)
    assert gold.content == ((0, 4), (10, 14)) and gold.source is None


def _quote(content: str, kind: str, speaker: str | None) -> Quote:
    s, e = _span(content)
    spk = None
    if speaker is not None:
        a, b = _second(speaker) if speaker == "Ruiz" else _span(speaker)
        spk = Speaker("Ana Ruiz", TEXT[a:b], a, b)
    return Quote(TEXT[s:e], s, e, kind, spk)  # type: ignore[arg-type]


def test_perfect_prediction_scores_one(corpus: Path) -> None:
    (doc,) = list(read_polnear(corpus))
    quotes = [
        _quote("the bridge will reopen in May", "indirect", "Mayor Ana Ruiz"),
        _quote("We are ahead of schedule", "direct", "Ruiz"),
        _quote('the delay "a small price."', "indirect", "She"),
    ]
    counts = Counts()
    score_document(doc, quotes, counts)
    report = _report(counts)
    assert report["content_exact"]["f1"] == 1.0
    assert report["speaker"]["f1"] == 1.0
    assert report["by_kind"]["direct"]["gold"] == 1
    assert report["by_kind"]["mixed"]["gold"] == 1
    assert report["by_kind"]["indirect"]["gold"] == 1
    # "She" resolves to the nearest earlier named source, Ruiz.
    assert report["person"] == {"checked": 3, "right": 3, "accuracy": 1.0}


def test_partial_overlap_counts_only_at_the_loose_threshold(corpus: Path) -> None:
    (doc,) = list(read_polnear(corpus))
    # 5 of the 6 gold words: overlap 5/6 >= 0.8, not exact.
    quotes = [_quote("the bridge will reopen in", "indirect", "Mayor Ana Ruiz")]
    counts = Counts()
    score_document(doc, quotes, counts)
    report = _report(counts)
    assert report["content_exact"]["recall"] == 0.0
    assert report["content_0.8"]["precision"] == 1.0
    assert report["content_0.8"]["recall"] == pytest.approx(1 / 3, abs=1e-3)


def test_wrong_speaker_is_not_counted(corpus: Path) -> None:
    (doc,) = list(read_polnear(corpus))
    quotes = [_quote("the bridge will reopen in May", "indirect", "reporters")]
    counts = Counts()
    score_document(doc, quotes, counts)
    assert _report(counts)["speaker"]["precision"] == 0.0


def test_cli_face_prints_json(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([str(corpus), "--format", "json"])
    assert run(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 1 and report["gold"] == 3
    # The real extractor finds the direct quote with its speaker.
    assert report["by_kind"]["direct"]["content_0.8"]["recall"] == 1.0


def _split_quote_predictions(second_cue: Span) -> int:
    from storylens.eval.quotes import _predictions, _word_index

    text = 'The plan "is dead," she said, "and buried for good."'
    said = Span("said", text.index("said"), text.index("said") + 4)
    she = Speaker("Ana Ruiz", "she", text.index("she"), text.index("she") + 3)
    clause_end = text.index('dead,"') + len('dead,"')
    second_start = text.index("and buried")
    quotes = [
        Quote(text[:clause_end], 0, clause_end, "indirect", she, said),
        Quote(text[second_start:-1], second_start, len(text) - 1, "direct", she, second_cue),
    ]
    starts, ends = _word_index(text)
    return len(_predictions(quotes, starts, ends))


def test_quoted_clause_and_its_continuation_after_the_cue_are_one_prediction() -> None:
    text = 'The plan "is dead," she said, "and buried for good."'
    said = Span("said", text.index("said"), text.index("said") + 4)
    assert _split_quote_predictions(said) == 1
    # A quotation with a cue of its own is another statement.
    assert _split_quote_predictions(Span("The", 0, 3)) == 2


def test_quoted_clause_with_the_speaker_named_before_the_cue_joins_its_continuation() -> None:
    from storylens.analyze.attribution import find_attributions
    from storylens.eval.quotes import _predictions, _word_index

    text = (
        'On the east side, the old ferry plan "is dead for this decade," Harbor Commissioner '
        'Lena Okafor said. "We will build the bridge first and talk about boats later."'
    )
    quotes = find_attributions(text).quotes
    starts, ends = _word_index(text)
    predictions = _predictions(quotes, starts, ends)
    assert len(predictions) == 1, [q.text for q in quotes]
    # Named between clause and cue, the speaker ties them; words between that are not the
    # speaker's name do not.
    clause = next(q for q in quotes if q.kind == "indirect")
    assert clause.speaker is not None
    elsewhere = Speaker(clause.speaker.name, "On", 0, 2)
    moved = [
        Quote(q.text, q.start, q.end, q.kind, elsewhere, q.cue) if q is clause else q
        for q in quotes
    ]
    assert len(_predictions(moved, starts, ends)) == 2


def test_reported_clause_and_the_quotation_going_on_after_it_are_one_prediction() -> None:
    from storylens.analyze.attribution import find_attributions
    from storylens.eval.quotes import _predictions, _word_index

    text = (
        "Harbor commissioner Lena Okafor said the bridge would reopen in May.\n\n"
        "“We are ahead of schedule and well under budget.”"
    )
    quotes = find_attributions(text).quotes
    starts, ends = _word_index(text)
    assert len(quotes) == 2
    assert len(_predictions(quotes, starts, ends)) == 1


def test_cue_and_speaker_inside_a_reported_clause_are_not_its_content() -> None:
    from storylens.eval.quotes import _predictions, _word_index

    text = "The old ferry plan, Mayor Ruiz said, will fail before winter."
    said = Span("said", text.index("said"), text.index("said") + 4)
    ruiz = Speaker("Ana Ruiz", "Mayor Ruiz", text.index("Mayor"), text.index("Mayor") + 10)
    end = text.index(".")
    clause = Quote(text[:end], 0, end, "indirect", ruiz, said)
    starts, ends = _word_index(text)
    (item,) = _predictions([clause], starts, ends)
    words = {text[starts[i] : ends[i]] for i in item.tokens}
    assert words == {"The", "old", "ferry", "plan", "will", "fail", "before", "winter"}
    # A cue outside the clause leaves it whole.
    outside = Quote(text[:18], 0, 18, "indirect", ruiz, said)
    (whole,) = _predictions([outside], starts, ends)
    assert len(whole.tokens) == 4


def test_quoted_clause_joins_the_quotation_going_on_in_the_next_paragraph() -> None:
    from storylens.analyze.attribution import find_attributions
    from storylens.eval.quotes import _predictions, _word_index

    text = (
        'The harbor needs leaders "who understand that storms do not wait for budgets," '
        "Commissioner Lena Okafor said.\n\n"
        '"And that is why the sea wall comes first."'
    )
    quotes = find_attributions(text).quotes
    starts, ends = _word_index(text)
    assert len(_predictions(quotes, starts, ends)) == 1, [(q.kind, q.text) for q in quotes]
    # Given to another speaker mention, the quotation is a statement of its own.
    other = Speaker("Tom Reyes", "The", 0, 3)
    moved = [
        Quote(q.text, q.start, q.end, q.kind, other, q.cue) if q.kind == "direct" else q
        for q in quotes
    ]
    assert len(_predictions(moved, starts, ends)) == 2


def test_a_hyphenated_surname_is_read_as_the_gold_reads_it() -> None:
    text = "Ms. Ruiz-Vega said the bridge will reopen in May.\n"
    src, content = (0, 13), (19, 49)
    doc = GoldDocument("d", text, "aa", None, [GoldAttribution((content,), (src,), None)])
    speaker = Speaker("Ana Ruiz-Vega", text[src[0] : src[1]], src[0], src[1])
    quote = Quote(text[content[0] : content[1]], content[0], content[1], "indirect", speaker)
    counts = Counts()
    score_document(doc, [quote], counts)
    assert _report(counts)["person"] == {"checked": 1, "right": 1, "accuracy": 1.0}
