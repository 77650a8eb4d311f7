"""Organizations, places and other named things, found by spaCy's NER.

People come from the attribution step's own name finder; this step adds what
tells events apart beyond people: organizations, places, nationalities,
facilities and named events. NER over a whole article costs more than quotes
and people together (about 6 articles/s against 20 on two cores), so by
default it reads the article's lead: the opening sentences, up to
`lead_chars` characters, where news writing names the who and where of the
event. `lead_chars=None` reads everything.
"""

from __future__ import annotations

from typing import Any

from storylens.model import Mention

# Labels this step reports; PERSON comes from the attribution step.
LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
DEFAULT_LEAD_CHARS = 1500
# NER carries its own embedding layer in the small English model: with the tagger and
# the parser off, the shared "tok2vec" has no listener left and would only double the
# cost (55 -> 27 ms for a 1,500-character lead; the same entities on 150 ABP leads).
NER_ONLY = ("tok2vec", "parser", "tagger", "lemmatizer", "attribute_ruler")


def lead_end(text: str, sentences: list[tuple[int, int]], lead_chars: int | None) -> int:
    """End offset of the lead: whole sentences up to `lead_chars` (at least one)."""
    if lead_chars is None or len(text) <= lead_chars:
        return len(text)
    end = 0
    for _, stop in sentences:
        if end and stop > lead_chars:
            break
        end = stop
    return end or lead_chars


class EntityStep:
    """spaCy NER over an article's lead; cheap to build, the model loads in setup()."""

    name = "entities.spacy_lead.v1"

    def __init__(self, lead_chars: int | None = DEFAULT_LEAD_CHARS) -> None:
        self.lead_chars = lead_chars
        self._nlp: Any = None

    def setup(self) -> None:
        if self._nlp is None:
            from storylens.analyze.nlp import load_nlp

            self._nlp = load_nlp(NER_ONLY)

    def __getstate__(self) -> dict[str, Any]:
        return {"lead_chars": self.lead_chars}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.lead_chars = state["lead_chars"]
        self._nlp = None

    def process(self, text: str, sentences: list[tuple[int, int]]) -> list[Mention]:
        self.setup()
        end = lead_end(text, sentences, self.lead_chars)
        doc = self._nlp(text[:end])
        return [
            Mention(ent.text, ent.start_char, ent.end_char, ent.label_)
            for ent in doc.ents
            if ent.label_ in LABELS and ent.text.strip()
        ]


def merge_mentions(*groups: list[Mention]) -> list[Mention]:
    """Mentions of several finders in text order; where two overlap, the
    earlier group wins (the attribution step's people before NER's guesses)."""
    taken: list[tuple[int, int]] = []
    merged: list[Mention] = []
    for group in groups:
        for m in group:
            if any(m.start < b and a < m.end for a, b in taken):
                continue
            taken.append((m.start, m.end))
            merged.append(m)
    merged.sort(key=lambda m: (m.start, m.end))
    return merged
