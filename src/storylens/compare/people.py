"""The people of a story: each article's canonical people linked into one set.

Analysis resolves people within one article ("Kamala Harris", "Harris", "the
vice president" -> one Person). Here the articles are joined: the same full
name is one person; a surname-only canonical name joins the one full name of
the story that ends with it, and stays apart when two people share the surname
(Joe Biden and Jill Biden); different first names are never merged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storylens.compare.disjoint import DisjointSets
from storylens.compare.text_units import Item

# Titles that precede names in news copy; stripped before names are compared.
_TITLES = re.compile(
    r"^(?:(?:vice|deputy|former|acting|interim|then|late|u\.?s\.?|us|the)\s+)*"
    r"(?:president|prime minister|minister|secretary(?: of state)?|senator|sen\.|rep\.|"
    r"representative|governor|gov\.|mayor|judge|justice|chancellor|king|queen|prince|"
    r"princess|pope|general|gen\.|col\.|lt\.|sgt\.|captain|capt\.|officer|detective|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|sir|dame|lord|lady|vp|speaker|leader|spokesperson|"
    r"spokesman|spokeswoman|chief|director|ceo|chairman|chairwoman|chair)\s+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NAME_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\w.\-']*")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_tokens(name: str) -> list[str]:
    """A person's name as lower-case tokens, titles, possessives and suffixes removed."""
    stripped = name.strip().lstrip("@")
    previous = None
    while previous != stripped:
        previous = stripped
        stripped = _TITLES.sub("", stripped)
    tokens = [_POSSESSIVE.sub("", t).lower() for t in _NAME_TOKEN.findall(stripped)]
    return [t for t in tokens if t and t not in _SUFFIXES]


def _looks_like_name(alias: str) -> bool:
    """A capitalized proper name ("Benny Gantz"), not a description ("the vice president")."""
    tokens = alias.split()
    return bool(tokens) and all(t[:1].isupper() or t[:1] == "@" for t in tokens)


@dataclass(slots=True)
class _Entry:
    """One article's Person, with the forms used to match it."""

    article_id: str
    name: str
    aliases: list[str]
    roles: list[str]
    kind: str
    full_forms: set[tuple[str, ...]] = field(default_factory=set)
    surname: str = ""


def _entries(items: Sequence[Item]) -> list[_Entry]:
    entries = []
    for stored, analysis in items:
        for person in analysis.people:
            entry = _Entry(
                article_id=stored.article.id,
                name=person.name,
                aliases=list(person.aliases),
                roles=list(person.roles),
                kind=person.kind,
            )
            if person.kind != "anonymous":
                for form in [person.name, *person.aliases]:
                    if form != person.name and not _looks_like_name(form):
                        continue
                    tokens = tuple(name_tokens(form))
                    if len(tokens) >= 2:
                        entry.full_forms.add(tokens)
                tokens = tuple(name_tokens(person.name))
                entry.surname = tokens[-1] if tokens else ""
            entries.append(entry)
    return entries


def _link(entries: list[_Entry]) -> list[list[int]]:
    sets = DisjointSets(len(entries))
    find, union = sets.find, sets.union
    # 1. Same full name (title-stripped), or same name for organizations and anonymous sources.
    by_form: dict[tuple[str, ...], int] = {}
    for i, e in enumerate(entries):
        forms = e.full_forms if e.kind == "person" else {tuple(name_tokens(e.name))}
        if e.kind == "anonymous":
            forms = {("anonymous", *e.name.lower().split())}
        for form in forms:
            if not form:
                continue
            key = (e.kind, *form) if e.kind != "person" else form
            if key in by_form:
                union(i, by_form[key])
            else:
                by_form[key] = i
    # 2. A surname-only person joins the unique full-named person with that surname.
    full_by_surname: dict[str, set[int]] = {}
    for i, e in enumerate(entries):
        if e.kind == "person" and e.full_forms:
            for form in e.full_forms:
                full_by_surname.setdefault(form[-1], set()).add(find(i))
    for i, e in enumerate(entries):
        if e.kind != "person" or e.full_forms or not e.surname:
            continue
        candidates = {find(j) for j in full_by_surname.get(e.surname, set())}
        if len(candidates) == 1:
            union(i, candidates.pop())
    # Surname-only people left alone with the same surname are one person too.
    alone: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.kind == "person" and not e.full_forms and e.surname and find(i) == i:
            if e.surname in alone:
                union(i, alone[e.surname])
            else:
                alone[e.surname] = i
    return sets.groups()


def _unique(values: list[str]) -> list[str]:
    """Distinct values in first-seen order, compared without case and extra spaces."""
    seen: set[str] = set()
    out = []
    for v in values:
        key = " ".join(v.lower().split())
        if key and key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _best_name(group: list[_Entry]) -> str:
    """The fullest name the sources give: most name tokens, then most frequent."""
    counts = Counter(e.name for e in group)
    return max(counts, key=lambda n: (len(name_tokens(n)), counts[n], -len(n)))


def link_people(items: Sequence[Item]) -> list[dict[str, Any]]:
    """The story's people: [{"name", "aliases", "roles", "kind", "article_ids"}], people
    named by more articles first."""
    entries = _entries(items)
    people = []
    for group_indexes in _link(entries):
        group = [entries[i] for i in group_indexes]
        name = _best_name(group)
        aliases = _unique([a for e in group for a in [e.name, *e.aliases]])
        kinds = Counter(e.kind for e in group)
        article_ids = list(dict.fromkeys(e.article_id for e in group))
        people.append(
            {
                "name": name,
                "aliases": [a for a in aliases if a != name],
                "roles": _unique([r for e in group for r in e.roles]),
                "kind": kinds.most_common(1)[0][0],
                "article_ids": article_ids,
            }
        )
    people.sort(key=lambda p: -len(p["article_ids"]))
    return people


def person_lookup(people: list[dict[str, Any]]) -> dict[str, str]:
    """Every name and name-like alias (lower case) -> the story's canonical name."""
    lookup: dict[str, str] = {}
    for p in people:
        for form in [p["name"], *p["aliases"]]:
            lookup.setdefault(form.lower(), p["name"])
    return lookup
