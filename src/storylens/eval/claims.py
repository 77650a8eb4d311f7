"""Hand-check harness for claims: print every claim of a story with its label, conflict
and aligned sentences, so that a person can judge whether the label is right.

There is no gold set of claims; precision per label is measured by reading.
Two sources of stories:

  python -m storylens.eval.claims --db STORE            every story of a store
  python -m storylens.eval.claims --db STORE --story S-ID [--story S-ID2]
                                                        only the chosen stories
  python -m storylens.eval.claims --ecbplus 23_ecb,24_ecbplus [--docs 4]
                                                        ECB+ gold stories (topic_suffix),
                                                        the first N documents of each

ECB+ is read from $STORYLENS_SHARED/data/ecbplus/ECB+ (default: ../shared next to
the project). What a judge should ask of each label:

  agreed         every aligned sentence states the same fact (same event or state,
                 same participants), and at least two independent outlets carry it
  disputed       the sentences state the same fact and differ in the slot named by
                 the conflict (the same count, date, person or polarity)
  single-source  no other article states that fact ("only:" names the part of the
                 sentence no other article states, when another article states the rest)
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storylens.compare.text_units import Item
from storylens.model import Article, StoredArticle

ROOT = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    return Path(os.environ.get("STORYLENS_SHARED", ROOT / ".." / "shared"))


def ecbplus_items(root: Path, story: str, max_docs: int = 4) -> list[Item]:
    """The first `max_docs` documents of ECB+ gold story "<topic>_<ecb|ecbplus>", analysed
    by the project's pipeline, each document its own outlet."""
    from storylens.analyze.pipeline import Analyzer
    from storylens.eval.ecbplus import _FILE_NAME, read_document

    topic, _, suffix = story.partition("_")
    matches = [(_FILE_NAME.match(p.name), p) for p in (root / topic).glob("*.xml")]
    paths = [
        p for _, p in sorted((int(m.group(2)), p) for m, p in matches if m and m.group(3) == suffix)
    ][:max_docs]
    analyzer = Analyzer()
    items: list[Item] = []
    for key, path in enumerate(paths, start=1):
        doc = read_document(path)
        article = Article(
            id=doc.doc_id,
            text=doc.text,
            source=str(path),
            outlet=doc.doc_id,
            title=doc.title or None,
        )
        items.append((StoredArticle(key, article), analyzer.process(article)))
    return items


def store_stories(db: str, only: Sequence[str] = ()) -> list[tuple[str, list[Item]]]:
    """Every story of a store with its articles and analyses, or only the stories whose
    ids are in `only` (in the order given), so that a hand check reads the sample it
    judged and no other story."""
    from storylens.compare import story_items
    from storylens.store import open_store

    store = open_store(db)
    stories = {s.id: s for s in store.list_stories()}
    if only:
        missing = [sid for sid in only if sid not in stories]
        if missing:
            raise SystemExit(f"no such story in {db}: {', '.join(missing)}")
        chosen = [stories[sid] for sid in only]
    else:
        chosen = list(stories.values())
    return [(f"{s.id} {s.title or ''}".strip(), story_items(store, s.id)) for s in chosen]


def claims_report(items: Sequence[Item], claims: list[dict[str, Any]] | None = None) -> str:
    """Every claim, numbered, with label, conflict, outlets and the sentence each article
    contributes; the form a person judges claims from."""
    from storylens.compare.claims import extract_claims

    if claims is None:
        claims = extract_claims(items)
    outlet = {s.article.id: (s.article.outlet or s.article.id) for s, _ in items}
    lines = []
    for n, claim in enumerate(claims, start=1):
        conflict = claim.get("conflict")
        extra = f"  conflict={conflict['kind']}:{conflict['values']}" if conflict else ""
        lines.append(f"[{n}] {claim['label'].upper()} ({len(claim['outlets'])} outlets){extra}")
        for s in claim["sentences"]:
            body = textwrap.shorten(s["text"], 300)
            lines.append(f"    - {outlet.get(s['article_id'], s['article_id'])}: {body}")
        if claim.get("single_source_part"):
            lines.append(f"      only: {textwrap.shorten(claim['single_source_part'], 300)}")
    return "\n".join(lines)


def add_story_arguments(parser: argparse.ArgumentParser) -> None:
    """The options naming the stories a hand-check harness reads (--db, --story,
    --ecbplus, --docs)."""
    parser.add_argument("--db", help="a store: read each of its stories")
    parser.add_argument("--ecbplus", help="comma-separated ECB+ stories, e.g. 23_ecb,30_ecbplus")
    parser.add_argument("--docs", type=int, default=4, help="documents per ECB+ story")
    parser.add_argument(
        "--story",
        action="append",
        default=[],
        metavar="ID",
        help="with --db: only this story (repeatable)",
    )


def stories_from_arguments(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> list[tuple[str, list[Item]]]:
    """The (title, items) of the stories the options of add_story_arguments name."""
    if args.story and not args.db:
        parser.error("--story needs --db")
    stories: list[tuple[str, list[Item]]] = []
    if args.db:
        stories += store_stories(args.db, args.story)
    if args.ecbplus:
        root = shared_dir() / "data" / "ecbplus" / "ECB+"
        for story in args.ecbplus.split(","):
            stories.append((f"ECB+ {story}", ecbplus_items(root, story.strip(), args.docs)))
    if not stories:
        parser.error("give --db or --ecbplus")
    return stories


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_story_arguments(parser)
    parser.add_argument("--singles", action="store_true", help="also print single-source")
    args = parser.parse_args(argv)
    stories = stories_from_arguments(parser, args)
    from storylens.compare.claims import extract_claims

    totals: Counter[str] = Counter()
    for title, items in stories:
        claims = extract_claims(items)
        totals.update(c["label"] for c in claims)
        if not args.singles:
            claims = [c for c in claims if c["label"] != "single-source"]
        print(f"=== {title} ({len(items)} articles)")
        print(claims_report(items, claims))
    # The denominators of the hand check's precision per label.
    print("# claims: " + ", ".join(f"{k} {totals[k]}" for k in LABELS))
    return 0


LABELS = ("agreed", "disputed", "single-source")


if __name__ == "__main__":
    sys.exit(main())
