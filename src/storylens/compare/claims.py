"""Claims: the factual statements of a story's articles, aligned across outlets.

Each article's narrated sentences (quotes aside, boilerplate dropped) are
compared across articles by TF-IDF cosine over content-word stems, plus a bonus
for shared named entities and numbers. Sentences that state the same fact are
joined greedily, best pair first, at most one sentence per article in a claim
(so a claim cannot drift along a chain of loosely related sentences). A claim
is "agreed" when at least two independent sources report it (copies of one
wire story, and articles of one outlet, count once), "disputed" when the
aligned statements differ in a number, a date, a name or negation, and
"single-source" otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from storylens.compare.text_units import (
    MONTHS,
    WEEKDAYS,
    Item,
    Unit,
    build_units,
    is_statement,
    tfidf_matrix,
)

# Tuned on invented pairs and ECB+ topics (see bench/bench_compare.py and the report):
# paraphrases of one fact score 0.25-0.6, sentences of one story about other facts < 0.2.
ALIGN_THRESHOLD = 0.28
ENTITY_BONUS = 0.08  # per shared named entity, up to MAX_ENTITY_BONUS
MAX_ENTITY_BONUS = 0.16


def similarity_matrix(units: Sequence[Unit]) -> np.ndarray:
    """Pairwise alignment scores: cosine of TF-IDF over stems plus shared-entity bonus."""
    matrix = tfidf_matrix([u.stems for u in units])
    scores: np.ndarray = matrix @ matrix.T
    for i, a in enumerate(units):
        if not a.entities:
            continue
        for j in range(i + 1, len(units)):
            b = units[j]
            if b.item == a.item or not b.entities:
                continue
            shared = len(a.entities & b.entities)
            if shared and scores[i, j] > 0.1:
                bonus = min(MAX_ENTITY_BONUS, ENTITY_BONUS * shared)
                scores[i, j] += bonus
                scores[j, i] += bonus
    return scores


def align_units(
    units: Sequence[Unit], scores: np.ndarray | None = None, threshold: float = ALIGN_THRESHOLD
) -> list[list[int]]:
    """Groups of unit positions stating the same fact, at most one unit per article."""
    if not units:
        return []
    if scores is None:
        scores = similarity_matrix(units)
    item_of = np.array([u.item for u in units])
    same_article = item_of[:, None] == item_of[None, :]
    candidate = np.triu(~same_article & (scores >= threshold), k=1)
    pairs = sorted(
        zip(*np.nonzero(candidate), strict=True), key=lambda p: -float(scores[p[0], p[1]])
    )
    cluster_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    for i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        items_i = {units[k].item for k in members[ci]}
        if any(units[k].item in items_i for k in members[cj]):
            continue
        # Average link: the joined claim must hold together, not only at its best pair.
        mean = float(np.mean([scores[a, b] for a in members[ci] for b in members[cj]]))
        if mean < threshold * 0.8:
            continue
        for k in members[cj]:
            cluster_of[k] = ci
        members[ci].extend(members.pop(cj))
    return [sorted(m) for m in members.values()]


def _is_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1800 <= int(value) <= 2100


def _number_conflict(a: Unit, b: Unit) -> dict[str, Any] | None:
    """Two numbers that count the same thing (shared neighbouring word) but differ."""
    values_a = {v for v, _ in a.numbers}
    values_b = {v for v, _ in b.numbers}
    for va, ctx_a in a.numbers:
        if va in values_b:
            continue
        for vb, ctx_b in b.numbers:
            if vb in values_a or not ctx_a & ctx_b:
                continue
            dated = (_is_year(va) and _is_year(vb)) or bool((ctx_a & ctx_b) & MONTHS)
            return {"kind": "date" if dated else "number", "values": [va, vb]}
    return None


def _date_conflict(a: Unit, b: Unit) -> dict[str, Any] | None:
    """Normalized dates of the same precision that share nothing; else differing weekdays."""
    if a.dates and b.dates and not a.dates & b.dates:
        for da in sorted(a.dates):
            for db in sorted(b.dates):
                if len(da) == len(db) and da[:1].isdigit() and db[:1].isdigit():
                    return {"kind": "date", "values": [da, db]}
    days_a = set(a.stems) & {d for d in WEEKDAYS}
    days_b = set(b.stems) & {d for d in WEEKDAYS}
    if days_a and days_b and not days_a & days_b:
        return {"kind": "date", "values": [sorted(days_a)[0], sorted(days_b)[0]]}
    return None


def _name_conflict(a: Unit, b: Unit) -> dict[str, Any] | None:
    """Different people in the same slot: same neighbouring word before or after the name
    ("the suspect, John Smith, was" vs "the suspect, John Smyth, was")."""
    names_b = {n for n, _, _ in b.names}
    names_a = {n for n, _, _ in a.names}
    for na, left_a, right_a in a.names:
        if na in names_b:
            continue
        for nb, left_b, right_b in b.names:
            if nb in names_a:
                continue
            if (left_a and left_a == left_b) or (right_a and right_a == right_b):
                return {"kind": "name", "values": [na, nb]}
    return None


def _negation_conflict(a: Unit, b: Unit) -> dict[str, Any] | None:
    """One says it, the other says it did not: only for close paraphrases."""
    if a.negated == b.negated:
        return None
    sa, sb = set(a.stems), set(b.stems)
    if len(sa & sb) / max(1, len(sa | sb)) < 0.4:
        return None
    return {"kind": "negation", "values": [a.text, b.text] if a.negated else [b.text, a.text]}


def find_conflict(members: Sequence[Unit]) -> dict[str, Any] | None:
    """The first conflict between aligned statements of different sources, or None."""
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a.source == b.source:
                continue
            for check in (_date_conflict, _number_conflict, _name_conflict, _negation_conflict):
                conflict = check(a, b)
                if conflict is not None:
                    conflict["article_ids"] = [a.article_id, b.article_id]
                    return conflict
    return None


def _representative(units: Sequence[Unit], group: list[int], scores: np.ndarray) -> Unit:
    """The sentence that best stands for the claim: most similar to the others, then
    earliest in its article (leads state the facts), then shortest."""
    if len(group) == 1:
        return units[group[0]]

    def key(k: int) -> tuple[float, int, int]:
        mean = float(np.mean([scores[k, o] for o in group if o != k]))
        return (-round(mean, 2), units[k].position, len(units[k].text))

    return units[min(group, key=key)]


def _claim(units: Sequence[Unit], group: list[int], scores: np.ndarray) -> dict[str, Any]:
    members = sorted((units[k] for k in group), key=lambda u: (u.item, u.start))
    rep = _representative(units, group, scores)
    sources = {u.source for u in members}
    conflict = find_conflict(members) if len(sources) >= 2 else None
    if conflict is not None:
        label = "disputed"
    elif len(sources) >= 2:
        label = "agreed"
    else:
        label = "single-source"
    return {
        "text": rep.text,
        "label": label,
        "article_ids": list(dict.fromkeys(u.article_id for u in members)),
        "outlets": list(dict.fromkeys(u.outlet for u in members)),
        "sources": len(sources),
        "sentences": [
            {"article_id": u.article_id, "start": u.start, "end": u.end, "text": u.text}
            for u in members
        ],
        "conflict": conflict,
    }


_LABEL_ORDER = {"agreed": 0, "disputed": 1, "single-source": 2}


def extract_claims(items: Sequence[Item]) -> list[dict[str, Any]]:
    """The story's claims, agreed first (most independent sources first), then disputed,
    then single-source; within a label in article and sentence order."""
    units = [u for u in build_units(items) if is_statement(u)]
    if not units:
        return []
    scores = similarity_matrix(units)
    claims = []
    for group in align_units(units, scores):
        claim = _claim(units, group, scores)
        first = min(group, key=lambda k: (units[k].item, units[k].start))
        claims.append((claim, units[first].item, units[first].start))
    claims.sort(key=lambda c: (_LABEL_ORDER[c[0]["label"]], -c[0]["sources"], c[1], c[2]))
    return [c[0] for c in claims]
