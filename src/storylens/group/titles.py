"""A readable title for a story: the title of its most central article."""

from __future__ import annotations

from dataclasses import dataclass

from storylens.group.features import ArticleFeatures, lead_sentence
from storylens.group.vectors import SparseVec, top_terms

_MEMBER_TERMS = 20


@dataclass(slots=True, frozen=True)
class Member:
    """What a story remembers of each article: enough to pick a title."""

    key: int
    title: str
    lead: str
    terms: tuple[str, ...]

    @classmethod
    def of(cls, features: ArticleFeatures, text_vec: SparseVec) -> Member:
        return cls(
            key=features.key,
            title=" ".join(features.title.split()),
            lead=lead_sentence(features.text),
            terms=tuple(top_terms(text_vec, _MEMBER_TERMS)),
        )


def centrality(member: Member, centroid: SparseVec) -> float:
    """How much of the story's weight the article's main terms carry."""
    return sum(centroid.get(t, 0.0) for t in member.terms)


def representative_title(members: list[Member], centroid: SparseVec) -> str:
    if not members:
        return ""
    # Most central first; the earliest article wins ties, so titles are stable.
    ranked = sorted(members, key=lambda m: (-centrality(m, centroid), m.key))
    for member in ranked:
        if member.title:
            return member.title
    for member in ranked:
        if member.lead:
            return member.lead
    return f"Story of article {ranked[0].key}"
