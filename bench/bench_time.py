"""Benchmark: find_times on the first 2,000 ABP articles (../shared/data/abp).

Prints articles/s and peak memory; never asserts on time. Each article's
`date` is its anchor when it parses as a plausible date; otherwise the article
is run unanchored (and counted).

    PYTHONPATH=src .venv/bin/python bench/bench_time.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

from storylens.analyze.time import find_times

ROOT = Path(__file__).resolve().parents[1]
ABP = (
    Path(os.environ.get("STORYLENS_SHARED", ROOT.parent / "shared"))
    / "data"
    / "abp"
    / "articles.jsonl.gz"
)


_TRACED = 200


def _anchor(value: object) -> date | None:
    try:
        d = date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return d if 1990 <= d.year <= 2030 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args(argv)
    if not ABP.exists():
        print(
            f"skipped: {ABP} not found (the shared corpora sit beside the project)", file=sys.stderr
        )
        return 0
    articles: list[tuple[str, date | None]] = []
    with gzip.open(ABP, "rt", encoding="utf-8") as f:
        for line in f:
            if len(articles) >= args.limit:
                break
            row = json.loads(line)
            articles.append((row.get("text") or "", _anchor(row.get("date"))))
    undated = sum(1 for _, d in articles if d is None)
    chars = sum(len(t) for t, _ in articles)
    started = time.perf_counter()
    found = 0
    for text, anchor in articles:
        found += len(find_times(text, anchor))
    elapsed = time.perf_counter() - started
    # Peak memory is traced on a separate, smaller pass: tracing slows the
    # code it watches several times over and would spoil the timing.
    tracemalloc.start()
    for text, anchor in articles[:_TRACED]:
        find_times(text, anchor)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles        {len(articles)} ({undated} without a usable date, run unanchored)")
    print(f"characters      {chars:,}")
    print(f"time exprs      {found:,}")
    print(f"seconds         {elapsed:.2f}")
    print(f"articles/s      {len(articles) / elapsed:.1f}")
    print(f"peak traced MB  {peak / 1e6:.1f} (first {min(_TRACED, len(articles))} articles)")
    print(f"max RSS MB      {rss:.0f} (whole process, corpus loaded)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
