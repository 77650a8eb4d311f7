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
# (script, arguments): the end-to-end run in one process, as `storylens ingest -j 2`
# does it and as `storylens batch -j 2` does it on a local Ray, side by side.
ORDER = [
    ("bench_pipeline.py", []),
    ("bench_pipeline.py", ["--workers", "2"]),
    ("bench_pipeline.py", ["--workers", "2", "--ray"]),
    ("bench_quotes.py", []),
    ("bench_time.py", []),
    ("bench_group.py", []),
    ("bench_compare.py", []),
]


def main() -> int:
    failed = []
    listed = {name for name, _ in ORDER}
    others = [(p.name, []) for p in sorted(HERE.glob("bench_*.py")) if p.name not in listed]
    for name, args in ORDER + others:
        path = HERE / name
        if not path.exists():
            continue
        print(f"\n== {' '.join([name, *args])} ==", flush=True)
        if subprocess.call([sys.executable, str(path), *args]) != 0:
            failed.append(" ".join([name, *args]))
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
