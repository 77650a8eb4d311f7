"""Throughput of people + quotes (AttributionStep) on real news articles.

Reads the first N articles (default 2,000) of ../shared/data/abp/articles.jsonl.gz and
prints articles/s and peak memory. Prints figures, never asserts.

    PYTHONPATH=src .venv/bin/python bench/bench_quotes.py [--limit N] [--workers W]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLENS_SHARED", ROOT / ".." / "shared"))
CORPUS = SHARED / "data" / "abp" / "articles.jsonl.gz"


def _read(limit: int) -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line).get("text") or "" for line in islice(f, limit)]


def _work(texts: list[str]) -> tuple[int, int, int, float]:
    from storylens.analyze.attribution import AttributionStep

    step = AttributionStep()
    cpu0 = time.process_time()
    quotes = people = 0
    for i in range(0, len(texts), 32):
        for result in step.process_batch(texts[i : i + 32]):
            quotes += len(result.quotes)
            people += len(result.people)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return quotes, people, peak_kb, time.process_time() - cpu0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2, help="processes (one model each)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"../shared not found: {CORPUS} holds the benchmark articles", file=sys.stderr)
        return 0
    texts = _read(args.limit)
    chars = sum(len(t) for t in texts)
    # Model loading is not throughput: warm each worker on one article first.
    started = time.perf_counter()
    if args.workers <= 1:
        from storylens.analyze.attribution import AttributionStep

        AttributionStep().process("Warm-up, the model said.")
        t0 = time.perf_counter()
        quotes, people, peak_kb, cpu = _work(texts)
        elapsed = time.perf_counter() - t0
        peaks = [peak_kb]
    else:
        chunks = [texts[k :: args.workers] for k in range(args.workers)]
        with ProcessPoolExecutor(args.workers) as pool:
            list(pool.map(_work, [["Warm-up, the model said."]] * args.workers))
            t0 = time.perf_counter()
            results = list(pool.map(_work, chunks))
            elapsed = time.perf_counter() - t0
        quotes = sum(r[0] for r in results)
        people = sum(r[1] for r in results)
        peaks = [r[2] for r in results]
        cpu = sum(r[3] for r in results)
    total = time.perf_counter() - started
    print(f"articles        {len(texts)} ({chars / len(texts):.0f} chars on average)")
    print(f"workers         {args.workers}")
    print(f"time            {elapsed:.1f} s (with model loading {total:.1f} s)")
    print(f"throughput      {len(texts) / elapsed:.1f} articles/s")
    # On a shared machine wall time depends on the neighbours; CPU time does not.
    print(f"cpu time        {cpu:.1f} s = {len(texts) / cpu:.1f} articles per CPU-second")
    print(f"quotes          {quotes} ({quotes / len(texts):.1f} per article)")
    print(f"people          {people} ({people / len(texts):.1f} per article)")
    print(f"peak memory     {max(peaks) / 1024:.0f} MB per process (ru_maxrss)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
