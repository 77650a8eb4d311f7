"""Coverage: which outlet reports which claim and quote, and what each leaves out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storylens.compare.text_units import Item, outlet_of

QUOTE_PREVIEW_WORDS = 14


def _quote_item(utterance: dict[str, Any]) -> str:
    """A quote row's label: speaker and the opening words of its first version."""
    versions = utterance.get("versions") or []
    text = versions[0].get("quote", "") if versions else ""
    words = text.split()
    if len(words) > QUOTE_PREVIEW_WORDS:
        text = " ".join(words[:QUOTE_PREVIEW_WORDS]) + " …"
    speaker = utterance.get("speaker") or "unknown speaker"
    return f'{speaker}: "{text}"'


def coverage(
    items: Sequence[Item], claims: list[dict[str, Any]], utterances: list[dict[str, Any]]
) -> dict[str, Any]:
    """{"outlets", "rows": [{"item", "kind", "present": {outlet: bool}}],
    "omissions": {outlet: [items]}}.

    An outlet omits an item when it does not report it while at least half of the other
    outlets do, and at least two of them: what the others corroborate. With two outlets in
    all, it is everything only the other reports; with three, what both others report (one
    other's lone statement is that outlet's own, listed with its single-source claims: on a
    3-article ABP story, "one of two others" listed 33 to 46 omissions per outlet).
    """
    outlets = list(dict.fromkeys(outlet_of(stored) for stored, _ in items))
    outlet_by_article = {stored.article.id: outlet_of(stored) for stored, _ in items}
    rows: list[dict[str, Any]] = []
    for claim in claims:
        reported = {outlet_by_article.get(a, a) for a in claim.get("article_ids", [])}
        rows.append(
            {
                "item": claim["text"],
                "kind": "claim",
                "label": claim.get("label"),
                "present": {o: o in reported for o in outlets},
            }
        )
    for utterance in utterances:
        reported = {
            v.get("outlet") or outlet_by_article.get(v.get("article_id", ""), "")
            for v in utterance.get("versions", [])
        }
        rows.append(
            {
                "item": _quote_item(utterance),
                "kind": "quote",
                "present": {o: o in reported for o in outlets},
            }
        )
    omissions: dict[str, list[str]] = {o: [] for o in outlets}
    for outlet in outlets:
        others = [o for o in outlets if o != outlet]
        if not others:
            continue
        for row in rows:
            if row["present"][outlet]:
                continue
            reporting = sum(row["present"][o] for o in others)
            if reporting >= max(min(2, len(others)), (len(others) + 1) // 2):
                omissions[outlet].append(row["item"])
    return {"outlets": outlets, "rows": rows, "omissions": omissions}
