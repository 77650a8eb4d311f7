"""The text report of a comparison shows what disputed sources disagree on."""

import pytest

from storylens.render import comparison_text, timeline_when


def _comparison(conflict: object) -> dict:
    return {
        "id": "s-test",
        "title": "Ferry service halted",
        "articles": [],
        "claims": [
            {
                "text": "Ferry service resumed on Monday.",
                "label": "disputed",
                "article_ids": ["a.txt", "b.txt"],
                "conflict": conflict,
            },
            {"text": "The ferry carries 400 cars.", "label": "agreed", "article_ids": ["a.txt"]},
        ],
    }


def test_a_disputed_claim_lists_each_value_with_its_article() -> None:
    report = comparison_text(
        _comparison(
            {
                "kind": "date",
                "values": ["2031-05-05", "2031-05-06"],
                "article_ids": ["a.txt", "b.txt"],
            }
        )
    )
    assert "sources differ (date): 2031-05-05 [a.txt] vs 2031-05-06 [b.txt]" in report
    lines = report.splitlines()
    claim_line = next(i for i, line in enumerate(lines) if "Ferry service resumed" in line)
    assert "sources differ" in lines[claim_line + 1]


def test_values_without_their_articles_are_listed_bare() -> None:
    report = comparison_text(_comparison({"kind": "number", "values": ["12", "14"]}))
    assert "sources differ (number): 12 vs 14" in report


def test_no_conflict_line_without_values() -> None:
    assert "sources differ" not in comparison_text(_comparison(None))


def test_a_single_source_claim_names_the_words_only_its_source_states() -> None:
    comparison = {
        "id": "s-test",
        "title": "Ferry service halted",
        "articles": [],
        "claims": [
            {
                "text": "The ferry stopped on Monday, after a crane fell on the pier.",
                "label": "single-source",
                "article_ids": ["a.txt"],
                "single_source_part": "after a crane fell on the pier.",
            },
            {"text": "The pier reopened.", "label": "single-source", "article_ids": ["b.txt"]},
        ],
    }
    lines = comparison_text(comparison).splitlines()
    at = next(i for i, line in enumerate(lines) if "crane fell" in line)
    assert lines[at + 1].strip() == "only this source: after a crane fell on the pier."
    assert sum("only this source" in line for line in lines) == 1


def test_a_timeline_entry_with_a_disputed_date_says_so() -> None:
    comparison = {
        "id": "s-test",
        "title": "Curfew",
        "articles": [],
        "timeline": [
            {"date": "2025-03-01", "date_end": None, "inferred": False,
             "text": "The curfew was lifted early Saturday.", "article_ids": ["a.txt"],
             "disputed": {"kind": "date", "values": ["2025-03-01", "2025-03-02"]}},
            {"date": "2025-03-02", "date_end": None, "inferred": False,
             "text": "Schools reopened.", "article_ids": ["b.txt"]},
        ],
    }  # fmt: skip
    lines = comparison_text(comparison).splitlines()
    curfew = next(line for line in lines if "curfew" in line)
    assert curfew.endswith("(sources differ on the date: 2025-03-01 vs 2025-03-02)")
    assert not any("sources differ" in line for line in lines if "Schools" in line)


def test_a_timeline_entry_that_may_be_on_either_of_two_days_shows_both() -> None:
    comparison = {
        "id": "s-test",
        "title": "Hearing",
        "articles": [],
        "timeline": [
            {"date": "2025-10-09", "date_end": None, "inferred": False,
             "alternative_date": "2025-10-16", "text": "The council will meet next Thursday.",
             "article_ids": ["a.txt"]},
            {"date": "2025-10-10", "date_end": None, "inferred": False,
             "alternative_date": None, "text": "Schools reopen.", "article_ids": ["b.txt"]},
        ],
    }  # fmt: skip
    lines = comparison_text(comparison).splitlines()
    assert (
        next(line for line in lines if "council" in line)
        .strip()
        .startswith("- 2025-10-09 or 2025-10-16: The council will meet next Thursday.")
    )
    assert not any(" or " in line for line in lines if "Schools" in line)


def test_the_report_lists_what_each_outlet_leaves_out() -> None:
    comparison = {
        "id": "s-test",
        "title": "Bridge",
        "articles": [],
        "coverage": {
            "outlets": ["Bay News", "Radio Nine"],
            "rows": [],
            "omissions": {"Bay News": [], "Radio Nine": [f"Fact {i}." for i in range(7)]},
        },
    }
    lines = comparison_text(comparison).splitlines()
    at = lines.index(
        "Coverage: what each outlet leaves out that two or more others report (half of them or more; with two outlets, what the other reports)"
    )
    assert lines[at + 1] == "  - Radio Nine (7):"
    assert lines[at + 2 : at + 7] == [f"      Fact {i}." for i in range(5)]
    assert lines[at + 7] == "      ... and 2 more (--format json)"
    assert not any("Bay News" in line for line in lines)


@pytest.mark.parametrize(
    ("entry", "when"),
    [
        ({"date": "2025-10-06"}, "2025-10-06"),
        ({"date": "2025-10-04", "date_end": "2025-10-05"}, "2025-10-04/2025-10-05"),
        ({"date": "2025-10-09", "alternative_date": "2025-10-16"}, "2025-10-09 or 2025-10-16"),
        ({"date": "2025-09-14", "inferred": True}, "2025-09-14 (inferred)"),
    ],
)
def test_when_a_timeline_entry_happened_reads_the_same_everywhere(
    entry: dict[str, object], when: str
) -> None:
    assert timeline_when(entry) == when


def test_csv_rows_carry_what_disputed_sources_differ_on() -> None:
    from storylens.render import CSV_COLUMNS, comparison_rows

    rows = comparison_rows(
        _comparison({"kind": "number", "values": ["14", "12"], "article_ids": ["a.txt", "b.txt"]})
    )
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    disputed = [row for row in rows if row[2] == "claim" and row[3] == "disputed"]
    assert disputed and disputed[0][6] == "sources differ (number): 14 [a.txt] vs 12 [b.txt]"


def test_a_reported_quote_is_listed_with_its_cue_a_direct_one_without() -> None:
    comparison = {
        "id": "s-test",
        "title": "Ferry service halted",
        "articles": [],
        "quotes": [
            {"article_id": "a.txt", "speaker": "Ilse Marrow", "kind": "indirect",
             "cue": "praised", "text": "the ferry crews", "date": None},
            {"article_id": "a.txt", "speaker": "Ilse Marrow", "kind": "direct",
             "cue": "said", "text": "They never stopped.", "date": "2031-05-05"},
        ],
    }  # fmt: skip
    lines = comparison_text(comparison).splitlines()
    assert '  - a.txt: Ilse Marrow (indirect, praised): "the ferry crews"' in lines
    assert '  - a.txt: Ilse Marrow (direct, 2031-05-05): "They never stopped."' in lines


def test_a_summary_sentence_shows_the_days_it_names_without_their_year() -> None:
    comparison = {
        "id": "s-test",
        "title": "Ferry service halted",
        "articles": [],
        "summary": [
            {
                "text": "Yesterday the ferry stopped, and the board meets next Thursday.",
                "article_ids": ["a.txt"],
                "dates": [
                    {"text": "Yesterday", "date": "2031-05-13", "inferred": False},
                    {
                        "text": "next Thursday",
                        "date": "2031-05-15",
                        "inferred": True,
                        "alternative": "2031-05-22",
                    },
                ],
            }
        ],
    }
    [line] = [ln for ln in comparison_text(comparison).splitlines() if "ferry stopped" in ln]
    assert line.endswith(
        "(Yesterday: 2031-05-13) (next Thursday: 2031-05-15 or 2031-05-22 (inferred))"
    )
