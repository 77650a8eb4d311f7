"""Benchmark: story grouping on the ABP articles (../shared/data/abp), analysis excluded.

Prints (never asserts):
  - near-duplicate sketching: rensa vs datasketch, articles/s and agreement;
  - copy detection precision/recall on a synthetic copy set built from ABP
    (re-headlined, trimmed by up to a third, boilerplate added, dates moved);
  - online grouping of the whole collection: articles/s for `place` alone, with
    the grouping features, and with the content hash too (ingestion computes it),
    p95/p99 latency of placing one new article into the full collection,
    number of stories, peak memory (RSS);
  - with --scale N: the same on N times the collection (the extra articles are
    perturbed copies), to show how time and memory grow. Heavy: run once.

    PYTHONPATH=src .venv/bin/python bench/bench_group.py [--limit N] [--scale 10]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import abp_lines, peak_rss_mb, percentile

from storylens.eval.stories import make_copy, score_copies, synthetic_copy_set
from storylens.group.config import GroupConfig
from storylens.group.features import features_from
from storylens.group.near_dup import NearDupConfig, NearDuplicateIndex
from storylens.group.stories import StoryGrouper
from storylens.model import Article, StoredArticle

HELD_OUT = 1000


def _date(value: object) -> date | None:
    try:
        d = date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return d if 1990 <= d.year <= 2030 else None


def load(limit: int | None) -> list[tuple[str, str, date | None]]:
    return [
        (r.get("title") or "", r.get("text") or "", _date(r.get("date"))) for r in abp_lines(limit)
    ]


def to_article(key: int, title: str, text: str, published: date | None) -> StoredArticle:
    """The article as the store hands it over: its content hash is computed here,
    once, as ingestion does before grouping ever sees the article."""
    article = Article(str(key), text, "abp", title=title or None, published=published)
    return StoredArticle(key, article)


def bench_near_dup(records: list[tuple[str, str, date | None]], n: int) -> None:
    texts = [t for _, t, _ in records[:n]]
    results = {}
    for backend in ("rensa", "datasketch"):
        index = NearDuplicateIndex(NearDupConfig(backend=backend))  # type: ignore[arg-type]
        started = time.perf_counter()
        found = [index.add(i, t) for i, t in enumerate(texts)]
        elapsed = time.perf_counter() - started
        results[backend] = found
        flagged = sum(f is not None for f in found)
        print(f"near-dup {backend:10}: {n / elapsed:8.0f} articles/s, {flagged} copies flagged")
    same = sum(a == b for a, b in zip(results["rensa"], results["datasketch"], strict=True))
    print(f"near-dup agreement rensa vs datasketch: {same}/{n} articles")


def bench_copies(records: list[tuple[str, str, date | None]], originals: int, copies: int) -> None:
    cases = synthetic_copy_set(records[:originals], copies, seed=0)
    started = time.perf_counter()
    scores = score_copies(cases)
    elapsed = time.perf_counter() - started
    print(
        f"copies: {scores['copies']:.0f} synthetic copies among {len(cases)} articles: "
        f"precision {scores['precision']:.4f} recall {scores['recall']:.4f} "
        f"({scores['natural_duplicates']:.0f} originals already duplicated in ABP left out; "
        f"{elapsed:.1f}s)"
    )


def bench_online(records: Iterable[tuple[str, str, date | None]], total: int, label: str) -> None:
    """Streams the articles in (nothing but the grouper keeps them), times
    `place` alone for the bulk, and place-with-features for the last ones."""
    grouper = StoryGrouper(GroupConfig())
    rss_before = current_rss_mb()
    place_s = feature_s = hash_s = 0.0
    latencies: list[float] = []
    for key, (title, text, published) in enumerate(records):
        th = time.perf_counter()
        stored = to_article(key, title, text, published)
        t0 = time.perf_counter()
        item = features_from(stored, None)
        t1 = time.perf_counter()
        grouper.place(item)
        t2 = time.perf_counter()
        hash_s += t0 - th
        feature_s += t1 - t0
        place_s += t2 - t1
        if key >= total - HELD_OUT:
            latencies.append((t2 - t0) * 1000)
    stories = len(grouper.story_ids())
    copies = sum(grouper.copy_of(k) is not None for k in range(total))
    print(
        f"online {label}: {total} articles; placing {total / place_s:.0f} articles/s "
        f"({place_s:.1f}s), with grouping features (capitalized words, time terms) "
        f"{total / (place_s + feature_s):.0f} articles/s, with the content hash too "
        f"(ingestion's work) {total / (place_s + feature_s + hash_s):.0f} articles/s; "
        f"placing one of the last "
        f"{HELD_OUT} into the (nearly) full collection, features included: "
        f"p50 {percentile(latencies, 50):.2f} ms, p95 {percentile(latencies, 95):.2f} ms, "
        f"p99 {percentile(latencies, 99):.2f} ms; {stories} stories, {copies} copies; "
        f"index memory {current_rss_mb() - rss_before:.0f} MB, peak RSS {peak_rss_mb():.0f} MB"
    )


def current_rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def scaled(limit: int | None, factor: int) -> Iterator[tuple[str, str, date | None]]:
    """Each ABP article followed by factor-1 perturbed copies of it, streamed."""
    rng = random.Random(factor)
    for record in abp_lines(limit):
        original = (record.get("title") or "", record.get("text") or "", _date(record.get("date")))
        yield original
        for _ in range(factor - 1):
            yield make_copy(*original, rng)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    parser.add_argument("--scale", type=int, default=1, help="grow the collection N times")
    args = parser.parse_args()
    if args.scale > 1:
        total = sum(1 for _ in abp_lines(args.limit)) * args.scale
        bench_online(scaled(args.limit, args.scale), total, f"x{args.scale}")
        return 0
    records = load(min(args.limit or 5000, 5000))
    bench_near_dup(records, len(records))
    bench_copies(records, len(records), min(2000, len(records)))
    del records
    total = sum(1 for _ in abp_lines(args.limit))
    bench_online(
        (
            (r.get("title") or "", r.get("text") or "", _date(r.get("date")))
            for r in abp_lines(args.limit)
        ),
        total,
        "x1",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
