"""The HTML helpers on their own: highlighting, diffs, colors, SVG cleaning."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from storylens.web.render import (
    Highlight,
    assign_colors,
    highlight_text,
    locate,
    outlet_color,
    render_diff,
    sanitize_svg,
)


def test_highlight_escapes_text_around_and_inside_marks() -> None:
    text = 'He said "<b>no & never</b>" twice.'
    start = text.index("<b>")
    end = text.index('"', start)
    html = highlight_text(text, [Highlight(start, end, "q sc1", 'A "quoted" <name>')])
    assert html == (
        "He said &#34;"
        '<mark class="q sc1" title="A &#34;quoted&#34; &lt;name&gt;">&lt;b&gt;no &amp; never&lt;/b&gt;</mark>'
        "&#34; twice."
    )


def test_highlight_marks_the_occurrence_at_the_offsets_not_the_first() -> None:
    text = "yes, and again yes"
    html = highlight_text(text, [Highlight(15, 18, "q")])
    assert html == 'yes, and again <mark class="q">yes</mark>'


def test_overlapping_highlights_keep_the_first_given() -> None:
    text = "abcdefghij"
    html = highlight_text(
        text, [Highlight(2, 6, "q"), Highlight(4, 8, "time"), Highlight(8, 9, "spk")]
    )
    assert html == 'ab<mark class="q">cdef</mark>gh<mark class="spk">i</mark>j'


def test_highlights_outside_the_text_are_ignored() -> None:
    assert highlight_text("short", [Highlight(3, 50, "q"), Highlight(-1, 2, "q")]) == "short"


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_highlighting_never_changes_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    html = highlight_text(text, [Highlight(a, b, "q") for a, b in spans])
    plain = str(html).replace('<mark class="q">', "").replace("</mark>", "")
    assert plain == str(Markup.escape(text))


def test_locate_trusts_offsets_only_when_they_slice_to_the_quote() -> None:
    text = "Ann said: we will win. Later: we will win again."
    assert locate(text, 10, 21, "we will win") == (10, 21)
    assert locate(text, 30, 41, "we will  win") == (30, 41)  # white space differs only
    assert locate(text, 0, 5, "we will win") == (10, 21)  # drifted offsets: first occurrence
    assert locate(text, 0, 5, "not in the text") is None
    assert locate(text, None, None, None) is None


def test_diff_marks_deletions_and_insertions_and_escapes() -> None:
    ops = [
        {"op": "equal", "a": "We will", "b": "We will"},
        {"op": "replace", "a": "stay", "b": "<remain>"},
        {"op": "equal", "a": "open", "b": "open"},
        {"op": "delete", "a": "today", "b": ""},
        {"op": "insert", "a": "", "b": ","},
        {"op": "insert", "a": "", "b": "friends"},
    ]
    assert render_diff(ops) == (
        "We will <del>stay</del> <ins>&lt;remain&gt;</ins> open <del>today</del><ins>,</ins> "
        "<ins>friends</ins>"
    )


def test_outlet_colors_are_stable_and_speakers_get_distinct_slots() -> None:
    assert outlet_color("Valley Times") == outlet_color(" valley times ")
    assert 0 <= outlet_color("Anything") < 10
    assert outlet_color(None) == 0
    assert assign_colors(["B", None, "A", "B", "C"]) == {"B": 0, "A": 1, "C": 2}


def test_svg_keeps_drawing_and_drops_script() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' viewBox="0 0 10 10" onload="alert(1)">'
        "<script>alert(2)</script>"
        '<rect x="1" y="1" width="5" height="5" fill="#123456" onclick="alert(3)"/>'
        '<a href="javascript:alert(4)"><text x="1" y="9">Mon &lt;3&gt;</text></a>'
        '<a xlink:href="//evil.example/x"><circle cx="5" cy="5" r="1"/></a>'
        '<a href="#source-2"><title>to source 2</title></a>'
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        "</svg>"
    )
    clean = sanitize_svg(svg)
    assert clean is not None
    lowered = clean.lower()
    for bad in ("script", "alert", "onload", "onclick", "javascript", "evil", "foreignobject"):
        assert bad not in lowered, bad
    assert '<rect x="1" y="1" width="5" height="5" fill="#123456"' in clean
    assert "Mon &lt;3&gt;" in clean
    assert 'href="#source-2"' in clean
    assert clean.startswith("<svg")


def test_svg_that_does_not_parse_is_refused() -> None:
    assert sanitize_svg("<svg><rect></svg>") is None
    assert sanitize_svg("<div>not svg</div>") is None
