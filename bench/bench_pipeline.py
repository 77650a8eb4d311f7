"""End to end: read, store, analyze and group the first N ABP articles.

    python bench/bench_pipeline.py [--limit 2000] [--db PATH] [--workers N] [--ray]

Prints articles/s for the whole path and the time spent in each stage, the
per-article latency percentiles and the peak memory. With --workers N the
articles go through `storylens.service.ingest`'s worker pool (as `storylens
ingest -j N`): the latency is then the time between two finished articles, and
the peak memory is given for the main process and for the largest worker. With
--ray the analysis runs on a local Ray with N CPUs (as `storylens batch -j N`),
its start included in the time; the peak memory is this process's (Ray's workers
are the raylet's children). A benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ABP, peak_children_rss_mb, peak_rss_mb, percentile, require


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--db", help="SQLite file (default: a temporary one)")
    parser.add_argument("--workers", type=int, default=1, help="analysis processes")
    parser.add_argument("--ray", action="store_true", help="analyze on a local Ray")
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
    if args.workers <= 1 and not args.ray:  # workers load the models themselves, in the run
        analyzer.setup()
    setup_s = time.perf_counter() - t1

    store = open_store(db)
    report = IngestReport()
    ingestor = Ingestor(store, analyzer)
    latencies = []
    worker_peak = 0.0
    t2 = time.perf_counter()
    if args.workers <= 1 and not args.ray:
        for article in articles:
            a0 = time.perf_counter()
            ingestor.add(article, report)
            latencies.append((time.perf_counter() - a0) * 1000)
    else:
        from contextlib import AbstractContextManager

        from storylens.service import AnalysisEngine, ParallelAnalysis

        engine: AbstractContextManager[AnalysisEngine]
        if args.ray:
            from storylens.scale.ray_engine import RayAnalysis

            engine = RayAnalysis(analyzer, args.workers)
        else:
            engine = ParallelAnalysis(analyzer, args.workers)
        with engine as parallel:
            a0 = time.perf_counter()
            for article, outcome in parallel.run(articles, skip=store.has_article):
                if isinstance(outcome, str):
                    ingestor.reject(article, report, outcome)
                else:
                    ingestor.add(article, report, outcome)
                now = time.perf_counter()
                latencies.append((now - a0) * 1000)
                a0 = now
        if not args.ray:
            worker_peak = peak_children_rss_mb()  # the workers have been reaped by now
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
    print(
        f"peak memory: {peak_rss_mb():.0f} MB"
        + (
            f" (main process); largest worker {worker_peak:.0f} MB"
            if args.workers > 1 and not args.ray
            else " (main process)"
            if args.ray
            else ""
        )
    )


if __name__ == "__main__":
    main()
