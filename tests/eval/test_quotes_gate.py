"""Quality gate: quote and speaker scores on PolNeAR dev may not slide back.

Floors sit a little under the scores reached (see the report of `storylens eval
quotes ../shared/data/polnear/dev`); they only ever move up.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from storylens.eval.quotes import evaluate

ROOT = Path(__file__).resolve().parents[2]
DEV = Path(os.environ.get("STORYLENS_SHARED", ROOT / ".." / "shared")) / "data" / "polnear" / "dev"

FLOORS = {
    ("content_0.8", "f1"): 0.625,
    ("content_exact", "f1"): 0.588,
    ("speaker", "f1"): 0.959,
    ("quoted (direct+mixed)", "content_0.8", "f1"): 0.805,
    ("quoted (direct+mixed)", "speaker", "f1"): 0.963,
    ("by_kind", "direct", "content_0.8", "f1"): 0.884,
    ("by_kind", "direct", "speaker", "f1"): 0.97,
    ("by_kind", "mixed", "content_0.8", "f1"): 0.699,
    ("by_kind", "indirect", "content_0.8", "f1"): 0.526,
    ("person", "accuracy"): 0.913,
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    if not DEV.exists():
        pytest.skip(f"../shared not found: {DEV} holds the PolNeAR dev set")
    return evaluate(DEV)


@pytest.mark.shared
@pytest.mark.parametrize("path", list(FLOORS), ids=["/".join(p) for p in FLOORS])
def test_dev_score_stays_above_floor(report: dict[str, Any], path: tuple[str, ...]) -> None:
    value: Any = report
    for key in path:
        value = value[key]
    assert value >= FLOORS[path], f"{'/'.join(path)} fell to {value:.3f} (floor {FLOORS[path]})"


@pytest.mark.shared
def test_dev_counts_are_the_whole_set(report: dict[str, Any]) -> None:
    assert report["documents"] == 84
    assert report["gold"] > 2000
