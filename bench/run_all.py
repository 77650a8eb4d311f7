"""Runs every benchmark in bench/ one after the other (`make bench`).

Each benchmark prints its own figures; this script only sequences them and
reports which ones failed. Heavy optional runs (e.g. the 10x scale run of the
grouping benchmark) are left to be run by hand.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "bench_pipeline.py",
    "bench_quotes.py",
    "bench_time.py",
    "bench_group.py",
    "bench_compare.py",
]


def main() -> int:
    failed = []
    for name in ORDER + sorted(p.name for p in HERE.glob("bench_*.py") if p.name not in ORDER):
        path = HERE / name
        if not path.exists():
            continue
        print(f"\n== {name} ==", flush=True)
        if subprocess.call([sys.executable, str(path)]) != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
