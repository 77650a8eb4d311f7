"""Sparse TF-IDF vectors (plain dicts) and the similarity grouping uses.

Dicts keep the online index incremental and cheap per article: a vector holds
at most a few hundred terms, and a story's centroid is the sum of its
articles' unit vectors, so adding an article never revisits the others.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from sys import intern

from storylens.group.features import ArticleFeatures, words

SparseVec = dict[str, float]


@dataclass(slots=True, frozen=True)
class VectorConfig:
    """`title_weight`: a title word counts as this many body words (titles name
    the event); `lead_words`: only the first words of the body are read, where
    news puts who/what/where, later paragraphs drift to background;
    `max_terms`: terms kept per article vector; `bigrams`: weight of word
    pairs as terms (0 = none)."""

    title_weight: float = 2.0
    lead_words: int = 100
    max_terms: int = 120
    max_entities: int = 40
    bigrams: float = 0.0


class DocumentFrequencies:
    """Running document frequencies: the IDF of a growing collection."""

    __slots__ = ("df", "n")

    def __init__(self) -> None:
        self.n = 0
        self.df: dict[str, int] = {}

    def add(self, terms: Iterable[str]) -> None:
        self.n += 1
        df = self.df
        for term in terms:
            df[term] = df.get(term, 0) + 1

    def idf(self, term: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(term, 0))) + 1.0


def text_counts(features: ArticleFeatures, config: VectorConfig) -> dict[str, float]:
    # Words average well under 12 characters: cut first, tokenize less.
    lead = features.text[: config.lead_words * 12]
    tokens = words(lead)[: config.lead_words]
    counts: dict[str, float] = dict(Counter(tokens))
    if config.bigrams:
        for pair, n in Counter(pairwise(tokens)).items():
            counts[f"{pair[0]} {pair[1]}"] = n * config.bigrams
    if features.title:
        for word in words(features.title):
            counts[word] = counts.get(word, 0.0) + config.title_weight
    return counts


def entity_counts(features: ArticleFeatures) -> dict[str, float]:
    # Keyed by name only: NER often labels one name GPE in one article and ORG
    # or LOC in the next.
    # features_from has already normalized the names.
    return dict(Counter(name for _, name in features.entities if name))


def unit_vector(counts: dict[str, float], df: DocumentFrequencies, max_terms: int) -> SparseVec:
    """Sublinear TF times IDF, the `max_terms` heaviest terms, L2-normalized."""
    # The IDF is written out rather than called through df.idf (same formula): this
    # runs for every member of a story each time online repair re-checks it, and
    # the call overhead was a fifth of placing time.
    log = math.log
    n1 = 1 + df.n
    df_get = df.df.get
    weights = {
        t: (1.0 + log(c)) * (log(n1 / (1 + df_get(t, 0))) + 1.0) for t, c in counts.items() if c > 0
    }
    if len(weights) > max_terms:
        top = heapq.nsmallest(max_terms, weights.items(), key=lambda kv: (-kv[1], kv[0]))
        weights = dict(top)
    norm = math.sqrt(sum(w * w for w in weights.values()))
    if norm == 0.0:
        return {}
    # Interned keys: a large collection holds one copy of each term, not one per
    # article. Only the kept terms are interned.
    return {intern(t): w / norm for t, w in weights.items()}


def dot(a: SparseVec, b: SparseVec) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


def top_terms(vec: SparseVec, k: int) -> list[str]:
    """The k heaviest terms (ties by term, for determinism)."""
    return [t for t, _ in heapq.nsmallest(k, vec.items(), key=lambda kv: (-kv[1], kv[0]))]
