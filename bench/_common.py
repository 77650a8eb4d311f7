"""Shared helpers for the benchmarks: locating ../shared and reading ABP articles."""

from __future__ import annotations

import gzip
import json
import os
import resource
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLENS_SHARED", ROOT.parent / "shared"))
ABP = SHARED / "data" / "abp" / "articles.jsonl.gz"


def require(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"{path} not found: the benchmarks read the shared corpora beside the project")
    return path


def abp_lines(limit: int | None = None) -> Iterator[dict]:
    with gzip.open(require(ABP), "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_children_rss_mb() -> float:
    """Peak resident memory of the largest child process that has ended, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]
