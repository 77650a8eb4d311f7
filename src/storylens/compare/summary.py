"""The cited summary of a story: three to seven sentences, corroborated facts first.

Extractive: sentences are taken from the articles, ranked by how many
independent sources report their content, then by how central they are to the
story (TF-IDF cosine with the story's centroid), then by how early they come in
their article (news leads state the facts). A sentence cites every article
that contains its content: its own, and each other article with a sentence
that holds at least half of its content words and all of its numbers.
Sentences that would read badly out of context are rewritten or left out: a
leading he/she becomes the person's name, a leading connective ("But",
"However,") is dropped, other leading pronouns ("It", "They", "This") exclude
the sentence; near-duplicates and quote-dominated sentences are left out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from storylens.compare.text_units import (
    Item,
    Unit,
    build_units,
    content_stems,
    independent_sources,
    is_boilerplate,
    is_number,
    resolve_pronoun,
    tfidf_matrix,
    words,
)

MIN_SENTENCES, MAX_SENTENCES = 3, 7
MIN_WORDS, MAX_WORDS = 7, 55
COVERAGE_TO_CITE = 0.5  # share of a sentence's content words another article must hold
DUPLICATE_COSINE = 0.5
MAX_QUOTED_SHARE = 0.4

_CONNECTIVE = re.compile(
    r"^(?:But|However|And|Also|Meanwhile|Still|Yet|Moreover|Furthermore|Additionally|"
    r"In addition|Nevertheless|Nonetheless|Indeed|Separately)\b,?\s+"
)
_SUBJECT_PRONOUN = re.compile(r"^(He|She)\b")
_POSSESSIVE_PRONOUN = re.compile(r"^(His|Her)\b")
_INNER_PRONOUN = re.compile(r"\b(he|she)\b")
_DANGLING = re.compile(
    r"^(?:It|Its|They|Their|Them|This|That|These|Those|There|Here|Such|Both|Then|Thus|So|"
    r"Him|We|Our|I|You|Otherwise|Instead|Later|Earlier|Afterward|Afterwards|The two|"
    r"The latter|The former|Another|Other|Others)\b"
)


@dataclass(slots=True)
class _Candidate:
    unit: Unit
    text: str  # after rewriting
    support: int  # independent sources of the claims it takes part in
    score: float


def readable_opening(text: str, unit: Unit, items: Sequence[Item]) -> str | None:
    """The sentence made to stand alone, or None when it cannot be."""
    stripped = _CONNECTIVE.sub("", text, count=1)
    if stripped != text:
        stripped = stripped[:1].upper() + stripped[1:]
    analysis = items[unit.item][1]
    article_text = items[unit.item][0].article.text
    offset = unit.start + (len(text) - len(stripped))
    for pattern, possessive in ((_SUBJECT_PRONOUN, False), (_POSSESSIVE_PRONOUN, True)):
        m = pattern.match(stripped)
        if m:
            name = resolve_pronoun(article_text, analysis, offset, m.group(1))
            if not name:
                return None
            stripped = name + ("'s" if possessive else "") + stripped[m.end() :]
            break
    else:
        # "On Sunday, she called ...": a he/she before any name also needs its referent.
        inner = _INNER_PRONOUN.search(stripped)
        named_before = inner is not None and any(
            m.label == "PERSON" and offset <= m.start < offset + inner.start()
            for m in analysis.entities
        )
        if inner and not named_before:
            name = resolve_pronoun(article_text, analysis, offset + inner.start(), inner.group(1))
            if not name:
                return None
            stripped = stripped[: inner.start()] + name + stripped[inner.end() :]
    if _DANGLING.match(stripped) or not (stripped[:1].isupper() or stripped[:1].isdigit()):
        return None
    return stripped


def cites(
    sentence_stems: list[str],
    sentence_numbers: set[str],
    other: Unit,
    idf: dict[str, float] | None = None,
    other_numbers: set[str] | None = None,
) -> bool:
    """Whether `other` holds the sentence's content: all its numbers, and content words
    carrying at least COVERAGE_TO_CITE of its weight (IDF over the story's sentences, so
    that the names every sentence repeats do not make up the content on their own)."""
    mine = set(sentence_stems)
    if not mine:
        return False
    if sentence_numbers:
        if other_numbers is None:
            other_numbers = {w for w in words(other.text) if is_number(w)}
        if not sentence_numbers <= other_numbers:
            return False
    weight = idf or {}
    shared = sum(weight.get(w, 1.0) for w in mine & set(other.stems))
    total = sum(weight.get(w, 1.0) for w in mine)
    return shared / total >= COVERAGE_TO_CITE


def _support_by_clause(claims: list[dict[str, Any]]) -> tuple[dict[tuple[str, int], int], set]:
    """Each claim sentence's (article id, start) -> the number of sources of its claim, and
    the positions of disputed statements (never presented as fact)."""
    support: dict[tuple[str, int], int] = {}
    disputed: set[tuple[str, int, int]] = set()
    for claim in claims:
        n = claim.get("sources") or len(set(claim.get("outlets", []))) or 1
        for s in claim.get("sentences", []):
            if claim.get("label") == "disputed":
                disputed.add((s["article_id"], s["start"], s["end"]))
            key = (s["article_id"], s["start"])
            support[key] = max(support.get(key, 1), n)
    return support, disputed


def _candidates(items: Sequence[Item], claims: list[dict[str, Any]]) -> list[_Candidate]:
    units = build_units(items, clauses=False)
    support, disputed = _support_by_clause(claims)
    eligible = []
    for u in units:
        n_words = len(u.text.split())
        if not MIN_WORDS <= n_words <= MAX_WORDS or u.quoted_share > MAX_QUOTED_SHARE:
            continue
        if is_boilerplate(u.text) or len(u.stems) < 4:
            continue
        if any(a == u.article_id and u.start <= s < u.end for a, s, _ in disputed):
            continue
        eligible.append(u)
    if not eligible:
        return []
    matrix = tfidf_matrix([u.stems for u in eligible])
    centroid = matrix.sum(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = matrix @ centroid
    out = []
    for k, u in enumerate(eligible):
        text = readable_opening(u.text, u, items)
        if text is None:
            continue
        n = max(
            (v for (a, s), v in support.items() if a == u.article_id and u.start <= s < u.end),
            default=1,
        )
        score = float(centrality[k]) + 0.25 / (1 + u.position)
        out.append(_Candidate(u, text, n, score))
    out.sort(key=lambda c: (-c.support, -c.score))
    return out


def summarize(
    items: Sequence[Item], claims: list[dict[str, Any]], max_sentences: int = 5
) -> list[dict[str, Any]]:
    """[{"text", "article_ids"}]: up to `max_sentences` (3-7) cited sentences, the ones
    more independent sources confirm first."""
    limit = max(MIN_SENTENCES, min(MAX_SENTENCES, max_sentences))
    candidates = _candidates(items, claims)[: limit * 5]
    if not candidates:
        return []
    groups = independent_sources(items)
    item_of = {stored.article.id: i for i, (stored, _) in enumerate(items)}
    all_units = [u for u in build_units(items, clauses=False) if u.stems]
    df = Counter(w for u in all_units for w in set(u.stems))
    idf = {w: math.log((len(all_units) + 1) / (n + 1)) + 1.0 for w, n in df.items()}
    numbers_of = {u.index: {w for w in words(u.text) if is_number(w)} for u in all_units}
    cited_by: list[tuple[_Candidate, list[str], list[str], int]] = []
    for cand in candidates:
        stems = content_stems(cand.text)
        numbers = {w for w in words(cand.text) if is_number(w)}
        cited = [cand.unit.article_id]
        for u in all_units:
            if u.article_id not in cited and cites(stems, numbers, u, idf, numbers_of[u.index]):
                cited.append(u.article_id)
        sources = len({groups[item_of[a]] for a in cited})
        cited_by.append((cand, cited, stems, sources))
    cited_by.sort(key=lambda c: (-c[3], -c[0].score))
    chosen: list[dict[str, Any]] = []
    chosen_stems: list[list[str]] = []
    for cand, cited, stems, _ in cited_by:
        if len(chosen) >= limit:
            break
        if any(_cosine(stems, other) >= DUPLICATE_COSINE for other in chosen_stems):
            continue
        chosen.append({"text": cand.text, "article_ids": cited})
        chosen_stems.append(stems)
    return chosen


def _cosine(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / (len(sa) ** 0.5 * len(sb) ** 0.5)
