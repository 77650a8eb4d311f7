"""The timeline SVG: well-formed, self-contained, escaped, certainty visible."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from storylens.compare.svg_timeline import timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def _entries() -> list[dict[str, object]]:
    return [
        {"date": "2024-05-04", "date_end": "2024-05-05", "inferred": False, "kind": "occurrence",
         "text": "Storm <hits> the coast & \"floods\" roads", "article_ids": ["a1", "b<2>"]},
        {"date": "2024-05-06", "date_end": None, "inferred": True, "kind": "meeting",
         "text": "Silva meets Berg " * 30, "article_ids": ["a1"]},
    ]  # fmt: skip


def test_parses_as_svg_with_escaped_text() -> None:
    svg = timeline_svg(_entries())
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert 'Storm <hits> the coast & "floods" roads' in texts
    assert "2024-05-04 – 2024-05-05" in texts
    assert "reported by a1, b<2>" in texts


def test_no_script_or_external_reference() -> None:
    svg = timeline_svg(_entries())
    assert (
        "<script" not in svg
        and "href" not in svg
        and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )


def test_inferred_entries_are_marked_in_words_and_shape() -> None:
    root = ET.fromstring(timeline_svg(_entries()))
    groups = [g for g in root.iter(f"{SVG}g")]
    assert [g.get("class") for g in groups] == ["entry", "entry inferred"]
    inferred = groups[1]
    assert any(t.text == "inferred" for t in inferred.iter(f"{SVG}text"))
    assert inferred.find(f"{SVG}circle").get("stroke-dasharray")  # type: ignore[union-attr]


def test_long_text_is_wrapped_and_cut() -> None:
    root = ET.fromstring(timeline_svg(_entries()))
    lines = [t.text or "" for t in list(root.iter(f"{SVG}g"))[1].iter(f"{SVG}text")]
    assert all(len(line) <= 80 for line in lines)
    assert any(line.endswith("…") for line in lines)


def test_empty_timeline_still_renders() -> None:
    root = ET.fromstring(timeline_svg([]))
    assert any("No dated events" in (t.text or "") for t in root.iter(f"{SVG}text"))


def test_a_disputed_date_says_sources_differ_and_rows_do_not_overlap() -> None:
    entries = [
        {"date": "2024-05-04", "inferred": True, "kind": "occurrence", "text": "Short.",
         "article_ids": [], "disputed": {"kind": "date", "values": ["2024-05-04", "2024-05-05"]}},
        {"date": "2024-05-05", "inferred": False, "kind": "occurrence", "text": "Next.",
         "article_ids": []},
    ]  # fmt: skip
    root = ET.fromstring(timeline_svg(entries))
    groups = list(root.iter(f"{SVG}g"))
    first = [(t.text, float(t.get("y") or 0)) for t in groups[0].iter(f"{SVG}text")]
    second = [float(t.get("y") or 0) for t in groups[1].iter(f"{SVG}text")]
    assert [text for text, _ in first if text in ("inferred", "sources differ")] == [
        "inferred",
        "sources differ",
    ]
    assert max(y for _, y in first) < min(second)


def test_an_entry_that_may_be_on_either_of_two_days_names_both() -> None:
    entries = [
        {"date": "2025-10-09", "alternative_date": "2025-10-16", "inferred": False,
         "kind": "scheduled", "text": "Hearing.", "article_ids": []},
    ]  # fmt: skip
    root = ET.fromstring(timeline_svg(entries))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:2] == ["2025-10-09 or", "2025-10-16"]
