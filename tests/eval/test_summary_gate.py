"""Gate: on ECB+ topics 23-45 the cited summary covers more of each cluster's shared gold
event chains than lead-N at equal length (see storylens.eval.summary). Slow (about 30 s):
it analyses 46 clusters. Skipped when ../shared is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storylens.eval.summary import run_ecbplus

ROOT = Path(__file__).resolve().parents[2]
ECB = Path(os.environ.get("STORYLENS_SHARED", ROOT / ".." / "shared")) / "data/ecbplus/ECB+"

# Reached on topics 23-45: StoryLens 0.866, lead-N 0.776 (46 clusters, 28 won, 7 lost,
# 11 tied; margin 0.090). Developed on topics 1-22 only: 0.859 vs 0.795 there. The floor
# sits a little below, for the analysis and claims changing underneath.
MIN_MARGIN = 0.07


@pytest.mark.slow
def test_summary_beats_lead_on_ecbplus_event_chains() -> None:
    if not ECB.is_dir():
        pytest.skip(f"../shared not found: {ECB} holds ECB+")
    result = run_ecbplus(ECB, set(range(23, 46)))
    assert result["clusters"] >= 40
    margin = result["storylens_chain_coverage"] - result["lead_chain_coverage"]
    assert margin >= MIN_MARGIN, result
