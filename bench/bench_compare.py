"""Comparison time per story for stories of 2, 10 and 50 articles (`make bench`).

Stories are built from ../shared/data/abp articles by simple means: consecutive
articles sharing the corpus's `topic` label. Articles are analysed first (spaCy
named entities, sentences by the comparison's own splitter; not timed), then
people linking, claims (with the tagger and parser reading the verbs of loosely worded
pairs), coverage and the summary are timed per story; their load is timed once, apart.
Prints milliseconds per story; never asserts.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import abp_lines

from storylens.analyze.nlp import load_nlp
from storylens.compare.actions import read_actions
from storylens.compare.claims import extract_claims
from storylens.compare.coverage import coverage
from storylens.compare.people import link_people
from storylens.compare.summary import summarize
from storylens.model import Analysis, Article, Mention, StoredArticle

SIZES = {2: 5, 10: 3, 50: 1}  # story size -> number of stories timed


def _stories() -> dict[int, list[list[dict]]]:
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for row in abp_lines(4000):
        if row.get("text") and len(row["text"]) < 20000:
            by_topic[row.get("topic") or ""].append(row)
    topics = sorted(by_topic.values(), key=len, reverse=True)
    stories: dict[int, list[list[dict]]] = {}
    for t, (size, count) in enumerate(sorted(SIZES.items())):
        rows = topics[t]
        stories[size] = [rows[i * size : (i + 1) * size] for i in range(count)]
    return stories


def _items(rows: list[dict], nlp) -> list[tuple[StoredArticle, Analysis]]:
    items = []
    docs = nlp.pipe((r["text"] for r in rows), batch_size=16)
    for key, (row, doc) in enumerate(zip(rows, docs, strict=True), start=1):
        article = Article(id=row["id"], text=row["text"], source="abp", outlet=row.get("outlet"))
        ents = [Mention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]
        items.append((StoredArticle(key, article), Analysis(row["id"], entities=ents)))
    return items


def main() -> None:
    nlp = load_nlp(("parser", "lemmatizer"))
    # The claims' tagger and parser load once per process (as in the web app): timed apart.
    start = time.perf_counter()
    read_actions(["The tagger is loaded."])
    print(
        f"claims tagger and parser load: {(time.perf_counter() - start) * 1000:.0f} ms", flush=True
    )
    for size, stories in sorted(_stories().items()):
        timings = []
        n_claims = 0
        for rows in stories:
            items = _items(rows, nlp)
            start = time.perf_counter()
            link_people(items)
            claims = extract_claims(items)
            coverage(items, claims, [])
            summarize(items, claims)
            timings.append((time.perf_counter() - start) * 1000)
            n_claims += len(claims)
        print(
            f"stories of {size:>2} articles: {statistics.mean(timings):8.1f} ms per story "
            f"(median {statistics.median(timings):.1f}, {len(stories)} stories, "
            f"{n_claims / len(stories):.0f} claims per story)",
            flush=True,
        )


if __name__ == "__main__":
    main()
