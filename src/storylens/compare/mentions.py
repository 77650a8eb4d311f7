"""Who a sentence is about: entity mentions as compared across articles.

Outlets name one person differently ("Vice President Kamala Harris", "Harris", "she"):
mentions meet at an entity key (the last name-like word), at the article's canonical
name, and he/she is resolved to the nearest fitting person named before it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storylens.compare.wordforms import STOPWORDS, WEEKDAYS, WORD, normalize_word
from storylens.model import Analysis

_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def entity_key(text: str) -> str:
    """An entity mention as compared across articles: its last name-like word, normalized.
    "Vice President Kamala Harris", "Harris" and "Harris'" all give "harris"."""
    toks = [normalize_word(t) for t in WORD.findall(text)]
    toks = [t for t in toks if t and t not in STOPWORDS]
    # A weekday the name tagger ran into the name ("Marine Le Pen Sunday") is no part of it.
    while len(toks) > 1 and toks[-1] in WEEKDAYS:
        toks.pop()
    # A generational suffix is no surname: "Joe Manchin III" is "Manchin".
    while len(toks) > 1 and toks[-1] in _GENERATIONAL:
        toks.pop()
    return toks[-1] if toks else ""


_PRONOUNS = {"he": "he", "she": "she", "him": "he", "her": "she", "his": "he"}
PRONOUN_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is)\b")


def person_name_for(analysis: Analysis, mention: str) -> str:
    """The article's canonical name for a mention ("Harris" -> "Kamala Harris")."""
    low = mention.lower()
    for person in analysis.people:
        if low == person.name.lower() or low in (a.lower() for a in person.aliases):
            return person.name
    key = entity_key(mention)
    for person in analysis.people:
        if person.kind == "person" and entity_key(person.name) == key:
            return person.name
    return mention


def resolve_pronoun(text: str, analysis: Analysis, position: int, pronoun: str) -> str | None:
    """Who a he/she at `position` refers to: the quote speaker analysis found there, else
    the nearest person named in the preceding 400 characters, preferring one the article
    itself refers to with that pronoun. None when nobody fits."""
    for quote in analysis.quotes:
        spk = quote.speaker
        if spk and spk.name and spk.start == position and not spk.anonymous:
            return spk.name
    gender = _PRONOUNS.get(pronoun.lower())
    before = [
        m
        for m in analysis.entities
        if m.label == "PERSON" and position - 400 <= m.start and m.end <= position
    ]
    if not before or gender is None:
        return None
    pronoun_forms = {gender, "her" if gender == "she" else "him"}
    for mention in reversed(before):
        name = person_name_for(analysis, mention.text)
        for person in analysis.people:
            if person.name == name and pronoun_forms & {a.lower() for a in person.aliases}:
                return name
    # No person is known to be called "he"/"she": take the nearest name.
    return person_name_for(analysis, before[-1].text)


def named_people(narration: str, analysis: Analysis) -> set[str]:
    """The article's people (analysis.people) named in the text by their name or a
    capitalized alias: the tagger misses names, most often at a sentence start."""
    found = set()
    for person in analysis.people:
        if person.kind != "person":
            continue
        for name in [person.name, *person.aliases]:
            if not name[:1].isupper():
                continue
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", narration):
                found.add(entity_key(person.name))
                break
    return found - {""}


# An acronym as news writes one: three to six capitals ("SAF", "RCMP"). Two letters ("UN",
# "US") fit too many pairs of capitalized words ("Upper Nile", "Unity State") to be met.
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_NAME_PART = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Small words a name spells out but its acronym leaves out ("Bank of England" = "BoE").
_NAME_GLUE = frozenset({"of", "and", "for", "the", "on", "de"})


def acronyms(text: str) -> set[str]:
    """The acronyms a text uses, as written ("SAF")."""
    return set(_ACRONYM.findall(text))


def spelled_out(text: str, known: set[str]) -> set[str]:
    """The acronyms among `known` whose full name stands in the text: capitalized words whose
    initials spell one ("Sudan Armed Forces" -> "SAF", "Royal Canadian Mounted Police" ->
    "RCMP"), small words inside the name left out. Outlets name an organization either way,
    and the same statement must meet both."""
    if not known:
        return set()
    found = set()
    for m in _spelling(frozenset(known)).finditer(text):
        found.add("".join(w[0] for w in _NAME_PART.findall(m.group(0)) if w not in _NAME_GLUE))
    return found & known


@lru_cache(maxsize=64)
def _spelling(known: frozenset[str]) -> re.Pattern[str]:
    """One pattern for the full names of all known acronyms: a capitalized word (capital,
    then lower case) per letter, small words between them; longest first."""
    glue = r"\s+(?:(?:" + "|".join(sorted(_NAME_GLUE)) + r")\s+)*"
    names = [
        glue.join(rf"{letter}[a-z][A-Za-z'’]*" for letter in acronym)
        for acronym in sorted(known, key=len, reverse=True)
    ]
    return re.compile(r"\b(?:" + "|".join(names) + r")\b")
