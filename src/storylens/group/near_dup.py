"""Near-duplicate and syndicated copies, found with MinHash-LSH.

A wire story re-run by another outlet is usually re-headlined, trimmed (the
last paragraphs cut) and wrapped in the outlet's own boilerplate. Its word
3-grams are then mostly a subset of the original's, so plain Jaccard drops
(to about 0.5 for a copy trimmed by a third) while the *containment* of the
smaller text in the larger stays high. LSH with a low Jaccard threshold finds
the candidates; each candidate is then verified on its estimated containment,
worked out from the MinHash Jaccard estimate and the two shingle-set sizes:
|A ∩ B| = J · (|A| + |B|) / (1 + J).

Backends: `rensa` (Rust; about 50x faster than `datasketch` here at sketching,
see bench/bench_group.py) is the default; `datasketch` is kept as the
reference implementation and gives the same decisions up to sketch noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

Backend = Literal["rensa", "datasketch"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(slots=True, frozen=True)
class NearDupConfig:
    """`shingle` words per shingle; `num_perm`/`num_bands` size the LSH (3 rows
    per band: a pair at Jaccard 0.4 becomes a candidate with p ≈ 0.93);
    `min_containment` of the shorter text in the longer to call it a copy;
    `min_shingles` below which a text is too short to call anything a copy."""

    shingle: int = 3
    num_perm: int = 120
    num_bands: int = 40
    lsh_threshold: float = 0.4
    min_containment: float = 0.7
    min_jaccard: float = 0.25
    min_shingles: int = 20
    seed: int = 1
    backend: Backend = "rensa"


def shingles(text: str, size: int = 3) -> set[str]:
    """Lower-cased word n-grams: punctuation, case and spacing changes made by
    re-publishing do not count as differences."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    if size == 3:  # the default, spelled out: about 3x faster than slicing
        return {f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """Incremental copy detector: `add` each text once, in arrival order."""

    def __init__(self, config: NearDupConfig | None = None) -> None:
        self.config = config or NearDupConfig()
        cfg = self.config
        self._digests: dict[int, np.ndarray] = {}
        self._sizes: dict[int, int] = {}
        self._original_of: dict[int, int] = {}
        if cfg.backend == "rensa":
            import rensa

            self._rensa = rensa
            self._lsh: object = rensa.RMinHashLSH(
                threshold=cfg.lsh_threshold, num_perm=cfg.num_perm, num_bands=cfg.num_bands
            )
        elif cfg.backend == "datasketch":
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(
                num_perm=cfg.num_perm,
                params=(cfg.num_bands, cfg.num_perm // cfg.num_bands),
            )
        else:  # pragma: no cover - guarded by the Literal type
            raise ValueError(f"unknown near-duplicate backend {cfg.backend!r}")

    def __len__(self) -> int:
        return len(self._sizes)

    def __contains__(self, key: int) -> bool:
        return key in self._sizes

    def original_of(self, key: int) -> int | None:
        """The original that `key` was found to be a copy of, if any."""
        return self._original_of.get(key)

    def add(self, key: int, text: str) -> int | None:
        """Index `text` under `key`; return the key of the original it copies, or None.

        The original is the earliest-added text of the copy chain, so copies of
        copies point at the first version seen."""
        cfg = self.config
        grams = shingles(text, cfg.shingle)
        digest, sketch = self._sketch(grams)
        original = self._best_match(digest, len(grams), sketch) if grams else None
        self._insert(key, digest, len(grams), sketch)
        if original is not None:
            original = self._original_of.get(original, original)
            self._original_of[key] = original
        return original

    def _sketch(self, grams: set[str]) -> tuple[np.ndarray, object]:
        cfg = self.config
        if cfg.backend == "rensa":
            m = self._rensa.RMinHash(num_perm=cfg.num_perm, seed=cfg.seed)
            m.update(list(grams))
            return np.asarray(m.digest(), dtype=np.uint32), m
        from datasketch import MinHash

        mh = MinHash(num_perm=cfg.num_perm, seed=cfg.seed)
        mh.update_batch([g.encode("utf-8") for g in grams])
        return np.asarray(mh.hashvalues, dtype=np.uint64), mh

    def _insert(self, key: int, digest: np.ndarray, size: int, sketch: object) -> None:
        self._digests[key] = digest
        self._sizes[key] = size
        if size >= self.config.min_shingles:
            self._lsh.insert(key, sketch)  # type: ignore[attr-defined]

    def _best_match(self, digest: np.ndarray, size: int, sketch: object) -> int | None:
        cfg = self.config
        if size < cfg.min_shingles:
            return None
        best: tuple[float, int] | None = None
        for cand in self._lsh.query(sketch):  # type: ignore[attr-defined]
            other = int(cand)
            jaccard = float(np.mean(self._digests[other] == digest))
            if jaccard < cfg.min_jaccard:
                continue
            other_size = self._sizes[other]
            shared = jaccard * (size + other_size) / (1.0 + jaccard)
            containment = shared / min(size, other_size)
            if containment >= cfg.min_containment:
                # Prefer the closest match; among ties the earliest key.
                score = (containment + jaccard, -other)
                if best is None or score > (best[0], -best[1]):
                    best = (containment + jaccard, other)
        return None if best is None else best[1]
