"""End to end: read, store, analyze and group the first N ABP articles.

    python bench/bench_pipeline.py [--limit 2000] [--db PATH]

Prints articles/s for the whole path and the time spent in each stage, the
per-article latency percentiles and the peak memory. A benchmark, not a test:
it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ABP, peak_rss_mb, percentile, require


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--db", help="SQLite file (default: a temporary one)")
    args = parser.parse_args()

    from storylens.analyze.pipeline import Analyzer
    from storylens.ingest import read_input
    from storylens.model import Article
    from storylens.service import Ingestor, IngestReport
    from storylens.store import open_store

    require(ABP)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.db")
    t0 = time.perf_counter()
    articles: list[Article] = []
    for result in read_input(str(ABP)):
        if isinstance(result, Article):
            articles.append(result)
        if len(articles) >= args.limit:
            break
    read_s = time.perf_counter() - t0

    analyzer = Analyzer()
    t1 = time.perf_counter()
    analyzer.setup()
    setup_s = time.perf_counter() - t1

    store = open_store(db)
    report = IngestReport()
    ingestor = Ingestor(store, analyzer)
    latencies = []
    t2 = time.perf_counter()
    for article in articles:
        a0 = time.perf_counter()
        ingestor.add(article, report)
        latencies.append((time.perf_counter() - a0) * 1000)
    ingest_s = time.perf_counter() - t2
    stories = store.list_stories()
    store.close()

    n = len(articles)
    print(f"articles: {n} (read in {read_s:.1f}s), model set-up {setup_s:.1f}s")
    print(f"store + analyze + group: {ingest_s:.1f}s = {n / ingest_s:.1f} articles/s")
    print(
        f"per article ms: p50 {percentile(latencies, 50):.1f}  p95 {percentile(latencies, 95):.1f}  p99 {percentile(latencies, 99):.1f}"
    )
    print(f"{report.summary()}; stories: {len(stories)}")
    print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
