"""Hand-check harness for the summary's citations: print every citation of another
article with the sentence of that article that earned it, so that a person can judge
whether the cited article states the summary sentence's content.

There is no gold set of citations; their precision is measured by reading:

  python -m storylens.eval.citations --db STORE [--story S-ID ...]
  python -m storylens.eval.citations --ecbplus 23_ecb,24_ecbplus [--docs 4]

A citation is right when the cited article states what the summary sentence says (its
facts and its quotations), not merely the same people or topic. A sentence's own
article is always cited and not listed. Stories of a single article have nothing to
check and are skipped.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence

from storylens.compare.text_units import Item


def citations_report(items: Sequence[Item]) -> tuple[str, int]:
    """Every summary sentence's citations of other articles, numbered, each with the
    sentence of the cited article that holds it; and how many there are."""
    from storylens.compare.citation import Citations
    from storylens.compare.claims import extract_claims
    from storylens.compare.summary import sentence_units, summarize

    units = sentence_units(items)
    check = Citations(items, units)
    lines: list[str] = []
    n = 0
    for entry in summarize(items, extract_claims(items)):
        text = entry["text"]
        own = next((u for u in units if u.article_id == entry["article_ids"][0] and
                    text[-40:] in u.text), None)  # fmt: skip
        narration = own.narration if own else text
        for article_id in entry["article_ids"][1:]:
            n += 1
            held = check.holder(text, narration, article_id)
            lines.append(f"[{n}] {textwrap.shorten(text, 300)}")
            lines.append(f"    - {article_id}: {textwrap.shorten(held.text, 300) if held else '?'}")
    return "\n".join(lines), n


def main(argv: Sequence[str] | None = None) -> int:
    from storylens.eval.claims import add_story_arguments, stories_from_arguments

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_story_arguments(parser)
    stories = stories_from_arguments(parser, parser.parse_args(argv))
    total = 0
    for title, items in stories:
        if len(items) < 2:
            continue
        report, n = citations_report(items)
        total += n
        if n:
            print(f"=== {title} ({len(items)} articles)")
            print(report)
    print(f"# citations of other articles: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
