"""The people of a story: each article's canonical people linked into one set.

Analysis resolves people within one article ("Kamala Harris", "Harris", "the
vice president" -> one Person). Here the articles are joined: the same full
name is one person; a surname-only canonical name joins the one full name of
the story that ends with it, and stays apart when two people share the surname
(Joe Biden and Jill Biden) unless one of them is the story's person by far (named
by at least twice as many articles, and by two or more): an article that never
gives a first name means the person everyone else writes about. Different first
names are never merged; one first name spelled with a letter more ("Dzhokar" / "Dzhokhar
Tsarnaev") is one name.

Page text is messier than prose: a name printed twice by a link's hover text ("Joe
Biden Joe Biden") is one name, and the named-entity tagger sometimes calls a person
an organization ("Trump" as ORG): an organization whose name is a person's name
of the story is that person. Organizations the attribution finder keeps as sources
but that are descriptions ("polls", "33 percent", "the campaign") are not listed:
the people of a story are named people, named organizations and anonymous sources.
Roles that are clause fragments rather than titles (longer than a title runs, or
holding a verb) are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storylens.compare.conflicts import spelled_alike
from storylens.compare.disjoint import DisjointSets
from storylens.compare.text_units import Item

# Titles that precede names in news copy; stripped before names are compared.
_TITLES = re.compile(
    r"^(?:(?:vice|deputy|former|acting|interim|then|late|u\.?s\.?|us|the)\s+)*"
    r"(?:president|prime minister|minister|secretary(?: of state)?|senators?|sens?\.|reps?\.|"
    r"representatives?|governor|gov\.|mayor|judge|justice|chancellor|king|queen|prince|"
    r"princess|pope|general|gen\.|col\.|lt\.|sgt\.|captain|capt\.|officer|detective|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|sir|dame|lord|lady|vp|speaker|leader|spokesperson|"
    r"spokesman|spokeswoman|chief|director|ceo|chairman|chairwoman|chair|councilmember|"
    r"council\s+member|councilman|councilwoman|councilor|alderman|alderwoman|commissioner|"
    r"supervisor|sheriff|deputy|congressman|congresswoman|assemblyman|assemblywoman|"
    r"ambassador|rabbi|rev\.|reverend|bishop|attorney general|lawmaker|"
    r"republican|democrat|democratic|gop)\s+",
    re.IGNORECASE,
)
# A title inside a capitalized run: what stands before it is not the name (a time zone or a
# place left by page text, "ET President Trump", or the seat, "County Supervisor Elena
# Markey"). Only words that are never surnames or first names; "King", "General",
# "Justice" or "Chief" can be.
_INNER_TITLE = re.compile(
    r"\s(?:President|Senator|Sen\.|Rep\.|Governor|Gov\.|Mayor|Secretary|Minister|"
    r"Spokesman|Spokeswoman|Spokesperson|Director|Chairman|Chairwoman|Supervisor|"
    r"Commissioner|Councilmember|Councilman|Councilwoman|Sheriff|Ambassador)\s+(?=[A-Z])"
)
# The short forms of English first names news copy uses for the same person ("Jim Mattis",
# "James Mattis"): compared as the full form. Only short forms of one name each.
_NICKNAMES = {
    short: full
    for full, shorts in {
        "james": "jim jimmy",
        "william": "bill billy will",
        "robert": "bob bobby rob",
        "michael": "mike",
        "joseph": "joe",
        "thomas": "tom tommy",
        "richard": "dick rick",
        "charles": "chuck charlie",
        "edward": "ted ed eddie",
        "elizabeth": "liz beth betsy",
        "katherine": "kate kathy",
        "anthony": "tony",
        "daniel": "dan danny",
        "david": "dave",
        "steven": "steve",
        "kenneth": "ken",
        "christopher": "chris",
        "nicholas": "nick",
        "benjamin": "ben",
        "samuel": "sam",
        "andrew": "andy",
        "patrick": "pat",
        "timothy": "tim",
        "gregory": "greg",
        "jeffrey": "jeff",
        "matthew": "matt",
        "douglas": "doug",
        "gerald": "jerry",
        "lawrence": "larry",
        "ronald": "ron",
        "donald": "don",
        "margaret": "maggie peggy",
        "susan": "sue",
        "deborah": "debbie deb",
        "jennifer": "jen jenny",
    }.items()
    for short in shorts.split()
}
_DOUBLED = re.compile(r"([a-z])\1")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NAME_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\w.\-']*")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_part(name: str) -> str:
    """A name without what a comma adds after it: a speaker taken with its description
    ("Tobias Ferrante, whose district includes the east bank") is named by what comes
    first; a suffix after a comma ("King, Jr.") is dropped in comparisons anyway."""
    head = name.split(",", 1)[0].strip()
    return head or name.strip()


def name_tokens(name: str) -> list[str]:
    """A person's name as lower-case tokens, titles, possessives and suffixes removed;
    a name printed twice in a row ("Joe Biden Joe Biden") counts once."""
    stripped = name_part(name).lstrip("@")
    previous = None
    while previous != stripped:
        previous = stripped
        stripped = _TITLES.sub("", stripped)
    inner = [m.end() for m in _INNER_TITLE.finditer(stripped)]
    if inner:  # "ET President Trump", "Linden County Supervisor Elena Markey"
        stripped = stripped[inner[-1] :]
    tokens = [_POSSESSIVE.sub("", t).lower() for t in _NAME_TOKEN.findall(stripped)]
    tokens = [t for t in tokens if t and t not in _SUFFIXES]
    if "of" in tokens[2:]:  # "Chris Coons of Delaware": the name ends before its place
        tokens = tokens[: tokens.index("of", 2)]
    half = len(tokens) // 2
    if half and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]
    if len(tokens) >= 2:
        tokens[0] = _NICKNAMES.get(tokens[0], tokens[0])
    return tokens


def name_key(name: str) -> tuple[str, ...]:
    """The tokens two names are compared by: `name_tokens` with doubled letters single,
    as transliterations and spellings double them or not ("Qassem" / "Qasem")."""
    return tuple(_DOUBLED.sub(r"\1", t) for t in name_tokens(name))


def _looks_like_name(alias: str) -> bool:
    """A capitalized proper name ("Benny Gantz"), not a description ("the vice president")."""
    tokens = alias.split()
    return bool(tokens) and all(t[:1].isupper() or t[:1] == "@" for t in tokens)


_NAME_JOINERS = frozenset({"of", "for", "and", "&", "the", "de", "du", "la", "von", "van"})
ORGANIZATION_MAX_WORDS = 8


def looks_like_organization_name(name: str) -> bool:
    """A named organization ("Bureau of Labor Statistics", "the City Council", "CNN"), not
    a description kept as a source ("polls", "the campaign", "33 percent of voters")."""
    tokens = name.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    if not tokens or len(tokens) > ORGANIZATION_MAX_WORDS or any(c.isdigit() for c in name):
        return False
    return tokens[0][:1].isupper() and all(
        t[:1].isupper() or t.lower() in _NAME_JOINERS for t in tokens
    )


# Last words that make a capitalized name an organization's ("Harbor Authority", "Linden
# Valley Health", "Pellamy Cold Storage"): the name finder takes any capitalized run for a
# person, and a story lists such a run under its right kind.
_ORGANIZATION_HEADS = frozenset(
    """authority agency administration department ministry office council commission
    committee board bureau service services police court university college school hospital
    health clinic institute center centre foundation fund bank company corp corporation inc
    ltd llc group association union party network storage systems industries airlines
    partners church club team league society coalition""".split()
)


def _organization_head(name: str) -> bool:
    """ "Harbor Authority", "Bureau of Labor Statistics", "University of Calder"."""
    tokens = [t.lower().strip(".,") for t in name.split()]
    if len(tokens) < 2:
        return False
    return tokens[-1] in _ORGANIZATION_HEADS or (
        tokens[0] in _ORGANIZATION_HEADS and tokens[1] == "of"
    )


# Words of a role, function words aside ("chair of the Linden County Board of
# Supervisors" counts 5).
ROLE_MAX_WORDS = 6
_ROLE_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "for"})
# Words a title never holds: verbs and clause words. A role with one of them is a fragment
# of a sentence the role finder caught ("Polls show presumptive nominee").
_CLAUSE_WORDS = frozenset(
    """is are was were be been being has have had do does did show shows showed said says
    say told tells will would can could should may might must that which who whom whose
    presenting as if because while when beat beats defeated defeats won win wins over
    against versus""".split()
)


_DANGLING_ROLE_END = frozenset(
    "most more least the a an of and or to for with from in on at by his her their its".split()
)


# A caption's label, after the photographer's credit ("REUTERS/Jane Doe/File Photo") or
# the end of an agency's name ("[Getty] Images"), run into the title that follows it.
_FILE_PHOTO = re.compile(r"^(?:[^/]*/)*\s*(?:File\s+Photo|Images)\b:?\s*")
_PHOTO_CREDIT = re.compile(r"\b(?:[A-Z]{2,}\s+Photo/|Photo:)")


def clean_role(role: str) -> str | None:
    """A role as a title ("Vice President", "campaign spokesman"), or None when it is a
    fragment of a sentence."""
    role = role.strip(" -–—,;:")
    words = role.split()
    if not words or sum(w.lower() not in _ROLE_FUNCTION_WORDS for w in words) > ROLE_MAX_WORDS:
        return None
    if any(w.lower().strip(",.") in _CLAUSE_WORDS for w in words):
        return None
    if words[-1].lower() in _DANGLING_ROLE_END:  # "world's most": cut before its noun
        return None
    # A caption's label run into the title ("File Photo Senator"): the title is what
    # follows it; a photo credit ("AP Photo/Jane Doe", "Photo: Getty") is no title.
    if _PHOTO_CREDIT.search(role):
        return None
    label = _FILE_PHOTO.match(role)
    if label:
        return clean_role(role[label.end() :]) if role[label.end() :].strip() else None
    return role


# Adjectives the name tagger takes for a name on their own; as a name they stand for no one.
_PARTY_ADJECTIVES = frozenset({"democratic", "republican", "bipartisan", "partisan"})


_TRAILING_WEEKDAY = re.compile(r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")


def _without_weekday(name: str) -> str:
    """A name without a weekday the name tagger ran into it ("Marine Le Pen Sunday")."""
    return _TRAILING_WEEKDAY.sub("", name)


def _is_initial(token: str) -> bool:
    return len(token.rstrip(".")) == 1


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
            if not person.name.strip() and not any(a.strip() for a in person.aliases):
                continue  # nothing to show or link (an analysis may hold such an entry)
            if person.name.strip().lower() in _PARTY_ADJECTIVES:
                continue  # "Democratic" of "Democratic leaders": the tagger's slip, no one
            name = _without_weekday(person.name)
            entry = _Entry(
                article_id=stored.article.id,
                name=name,
                aliases=[_without_weekday(a) for a in person.aliases],
                roles=list(person.roles),
                kind=person.kind,
            )
            if person.kind != "anonymous":
                for form in [name, *entry.aliases]:
                    if form != name and not _looks_like_name(form):
                        continue
                    tokens = name_key(form)
                    if len(tokens) >= 2:
                        entry.full_forms.add(tokens)
                    if len(tokens) == 3 and _is_initial(tokens[1]):
                        # John F. Kennedy; not George H. W. Bush, whose son has one initial
                        entry.full_forms.add((tokens[0], tokens[-1]))
                tokens = name_key(name)
                entry.surname = tokens[-1] if tokens else ""
            entries.append(entry)
    _people_named_as_organizations(entries, _group_labels(items))
    return entries


_GROUP_LABELS = frozenset({"NORP", "ORG", "GPE", "FAC", "LOC"})


def _group_labels(items: Sequence[Item]) -> set[str]:
    """Names the tagger labels a group, organization or place more often than anything
    else across the story's articles ("Democrats", "House Democrats", "Israelis")."""
    votes: dict[str, Counter[str]] = {}
    for _, analysis in items:
        for m in analysis.entities:
            votes.setdefault(m.text, Counter())[m.label] += 1
    groups = set()
    for text, v in votes.items():
        label, n = v.most_common(1)[0]
        if label in _GROUP_LABELS and n > sum(v.values()) - n:
            groups.add(text if label != "NORP" else f"NORP:{text}")
    return groups


def _in(groups: set[str], name: str) -> bool:
    return name in groups or f"NORP:{name}" in groups


def _people_named_as_organizations(entries: list[_Entry], groups: set[str]) -> None:
    """Right the kind of an entry the name finder or tagger got wrong: a "person" whose
    name ends in an organization's word, or a one-word one the tagger mostly calls a
    group or organization, is an organization; an organization whose name is
    a person of the story's full name or surname, or ends with a full name behind a title
    ("Linden County Supervisor Elena Markey"), is that person."""
    for e in entries:
        words = e.name.split()
        # "Top Democrats", "Progressive Democrats": a people's name ends it.
        group_word = len(words) > 1 and f"NORP:{words[-1]}" in groups
        if e.kind == "person" and (
            _organization_head(e.name) or (len(words) > 1 and _in(groups, e.name)) or group_word
        ):
            e.kind, e.full_forms, e.surname = "organization", set(), ""
    full = {form for e in entries if e.kind == "person" for form in e.full_forms}
    surnames = {form[-1] for form in full}
    for e in entries:
        # A one-word "person" the tagger calls a group ("Democrats"), unless it is the
        # surname of someone the story names in full (the tagger takes "Trump" for an ORG).
        named_in_full = bool(e.surname) and e.surname in surnames
        if e.kind == "person" and not e.full_forms and _in(groups, e.name) and not named_in_full:
            e.kind, e.surname = "organization", ""
    surnames = {e.surname for e in entries if e.kind == "person" and e.surname}
    for e in entries:
        if e.kind != "organization" or not _looks_like_name(name_part(e.name)):
            continue
        if _in(groups, name_part(e.name)):
            continue  # the tagger agrees it is no person
        tokens = name_key(e.name)
        ending = next((f for f in full if len(tokens) > len(f) and tokens[-len(f) :] == f), None)
        if tokens in full or ending is not None or (len(tokens) == 1 and tokens[0] in surnames):
            e.kind = "person"
            e.full_forms = {ending} if ending is not None else set()
            if len(tokens) > 1 and ending is None:
                e.full_forms = {tokens}
            e.surname = tokens[-1] if tokens else ""
            matched = tokens if tokens in full else ending
            words = name_part(e.name).split()
            if matched and len(words) > len(matched):  # the words before the name: a title
                e.aliases.append(e.name)
                e.roles.append(" ".join(words[: -len(matched)]))
                e.name = " ".join(words[-len(matched) :])


DOMINANT_ARTICLES_RATIO = 2
DOMINANT_MIN_ARTICLES = 2


def _dominant(groups: set[int], articles_of: dict[int, set[str]]) -> int | None:
    """The group named by at least twice as many articles as any other (and by two or
    more), if there is one."""
    ranked = sorted(groups, key=lambda g: -len(articles_of[g]))
    top = len(articles_of[ranked[0]])
    runner_up = len(articles_of[ranked[1]]) if len(ranked) > 1 else 0
    if top >= DOMINANT_MIN_ARTICLES and top >= DOMINANT_ARTICLES_RATIO * runner_up:
        return ranked[0]
    return None


def _join_spellings(
    entries: list[_Entry], sets: DisjointSets, same: int, alike: Callable[[str, str], bool]
) -> None:
    """Join two-word names that share one word (index `same`: 0 the first name, 1 the
    surname) and whose other words are one spelled two ways (`alike`)."""
    variants: dict[str, list[tuple[str, int]]] = {}
    for i, e in enumerate(entries):
        if e.kind == "person":
            for form in e.full_forms:
                if len(form) == 2:
                    variants.setdefault(form[same], []).append((form[1 - same], i))
    for spellings in variants.values():
        for a, i in spellings:
            for b, j in spellings:
                if i < j and alike(a, b):
                    sets.union(i, j)


def _link(entries: list[_Entry]) -> list[list[int]]:
    sets = DisjointSets(len(entries))
    find, union = sets.find, sets.union
    # 1. Same full name (title-stripped), or same name for organizations and anonymous sources.
    by_form: dict[tuple[str, ...], int] = {}
    for i, e in enumerate(entries):
        forms = e.full_forms if e.kind == "person" else {name_key(e.name)}
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
    # 1b. A name without its middle name ("Javad Zarif") is the one person of the story
    # whose longer name ends with it ("Mohammad Javad Zarif").
    # Longer names that end alike are one person spelled two ways ("Mohammad" / "Mohammed
    # Javad Zarif"), unless what precedes the surname is an initial (George H. W. / W. Bush).
    long_forms: dict[tuple[str, ...], set[int]] = {}
    for i, e in enumerate(entries):
        if e.kind == "person":
            for form in e.full_forms:
                if len(form) >= 3 and not _is_initial(form[-2]):
                    long_forms.setdefault(form[-2:], set()).add(i)
    for owners in long_forms.values():
        first = min(owners)
        for j in owners:
            union(first, j)
    for i, e in enumerate(entries):
        if e.kind != "person":
            continue
        for form in e.full_forms:
            if len(form) == 2 and form in long_forms:
                owners = {find(j) for j in long_forms[form]}
                if len(owners) == 1:
                    union(i, owners.pop())
    # 1c. One first name spelled with a letter more ("Dzhokar" / "Dzhokhar Tsarnaev", a
    # transliteration): one person. A letter changed is another name ("Maria" / "Mario").
    _join_spellings(entries, sets, same=1, alike=_one_letter_more)
    # 1d. One surname spelled two ways after one first name ("Volodymyr Zelensky" /
    # "Volodymyr Zelenskiy", a transliteration): one person.
    _join_spellings(entries, sets, same=0, alike=lambda a, b: a != b and spelled_alike(a, b))
    # 2. A surname-only person joins the unique full-named person with that surname.
    full_by_surname: dict[str, set[int]] = {}
    for i, e in enumerate(entries):
        if e.kind == "person" and e.full_forms:
            for form in e.full_forms:
                full_by_surname.setdefault(form[-1], set()).add(find(i))
    articles_of: dict[int, set[str]] = {}
    for i, e in enumerate(entries):
        articles_of.setdefault(find(i), set()).add(e.article_id)
    for i, e in enumerate(entries):
        if e.kind != "person" or e.full_forms or not e.surname:
            continue
        candidates = {find(j) for j in full_by_surname.get(e.surname, set())}
        if len(candidates) == 1:
            union(i, candidates.pop())
        elif candidates and (chosen := _dominant(candidates, articles_of)) is not None:
            union(i, chosen)
    # Surname-only people left alone with the same surname are one person too.
    alone: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.kind == "person" and not e.full_forms and e.surname and find(i) == i:
            if e.surname in alone:
                union(i, alone[e.surname])
            else:
                alone[e.surname] = i
    return sets.groups()


# Letters a first name needs for a spelling with one letter more to be the same name: short
# names differ by one letter as different names do ("Dan" / "Dana").
SPELLED_FIRST_NAME = 5


def _one_letter_more(a: str, b: str) -> bool:
    """Whether one first name is the other with one letter added ("dzhokar" / "dzhokhar")."""
    short, long = sorted((a, b), key=len)
    if len(short) < SPELLED_FIRST_NAME or len(long) != len(short) + 1:
        return False
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


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


def _printed_twice(name: str) -> bool:
    words = name.split()
    half = len(words) // 2
    return bool(half) and len(words) % 2 == 0 and words[:half] == words[half:]


def _best_name(group: list[_Entry]) -> str:
    """The name the sources give most often among full names (first name and surname)
    printed without a title, then the longest: a garbled form seen once ("Trump Donald
    John TrumpMc") does not win over the name most articles print."""
    counts = Counter(e.name for e in group)
    if all(not name_tokens(n) for n in counts):
        # Only a suffix was taken for the name ("Jr" of "Martin Luther King Jr"): the
        # name-like aliases stand in.
        aliases = [a for e in group for a in e.aliases if _looks_like_name(a) and name_tokens(a)]
        counts = Counter(aliases) or counts

    def key(n: str) -> tuple[bool, bool, bool, bool, int, int, bool, int]:
        tokens = name_tokens(n)
        printed = n.split()
        untitled = len(printed) == len(tokens)
        formal = bool(printed) and printed[0].lower() not in _NICKNAMES
        return (
            bool(printed),  # a name the analysis left empty never wins
            len(tokens) >= 2,
            not _printed_twice(n),
            untitled,
            counts[n],
            len(tokens),
            formal,
            -len(n),
        )

    return max(counts, key=key)


def _distinct_roles(roles: list[str], names: set[str]) -> list[str]:
    """Roles without one a longer role of the list spells out ("presidential candidate"
    beside "Democratic presidential candidate") and without the person's own names."""
    folded = [" ".join(r.lower().split()) for r in roles]
    own = {name_key(n) for n in names} - {()}
    keep = []
    for i, role in enumerate(roles):
        if name_key(role) in own:
            continue
        inside = any(
            j != i and len(other) > len(folded[i]) and f" {folded[i]} " in f" {other} "
            for j, other in enumerate(folded)
        )
        if not inside:
            keep.append(role)
    return keep


def _without_title(name: str) -> tuple[str, str]:
    """A person's name as a heading, and the title every source printed with it
    ("Councilmember Tobias Ferrante" -> "Tobias Ferrante", "Councilmember"; "Chris Coons of
    Delaware" -> "Chris Coons", "")."""
    stripped = name
    previous = None
    while previous != stripped:
        previous = stripped
        stripped = _TITLES.sub("", stripped)
    title = name[: len(name) - len(stripped)].strip()
    cut = re.search(r"\s+of\s+[A-Z]", stripped)
    if cut and len(stripped[: cut.start()].split()) >= 2:
        stripped = stripped[: cut.start()]
    if len(stripped.split()) < 2:  # "President Trump": keep the title with a lone surname
        return name, ""
    return stripped, title


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


def _lower_case_words(items: Sequence[Item]) -> set[str]:
    """Words the story's texts write in lower case: a one-word "organization" among them
    ("Inspectors said ...", "Neighbors told ...") is a common noun that began a sentence."""
    found: set[str] = set()
    for stored, _ in items:
        found.update(_LOWER_WORD.findall(stored.article.text))
    return found


_TITLE_ABBREVIATIONS = frozenset("gen sen rep gov lt col sgt capt cpl dr mr mrs ms adm".split())


_QUANTITIES = frozenset(
    "thousands hundreds dozens millions scores many some several most all both few".split()
)


THE_SHARE = 0.6


def _mostly_after_the(name: str, items: Sequence[Item]) -> bool:
    """Whether the story's texts put "the" before most mentions of a one-word name."""
    pattern = re.compile(rf"(\b[Tt]he\s+)?\b{re.escape(name)}\b")
    with_the = total = 0
    for stored, _ in items:
        for m in pattern.finditer(stored.article.text):
            total += 1
            with_the += m.group(1) is not None
    return total > 0 and with_the >= THE_SHARE * total


def _made_of_common_words(name: str, common_words: set[str]) -> bool:
    """A "person" every word of whose name the story also writes in lower case, or is a
    title's abbreviation ("Retired Gen", "Defense"), or that opens with a quantity
    ("Thousands of Iranians"): a capitalized phrase, not a name."""
    words = [w.strip(".,'’").lower() for w in name.split()]
    if words and words[0] in _QUANTITIES:
        return True
    return bool(words) and all(w in common_words or w in _TITLE_ABBREVIATIONS for w in words)


def link_people(items: Sequence[Item]) -> list[dict[str, Any]]:
    """The story's people: [{"name", "aliases", "roles", "kind", "article_ids"}], named
    people first, then organizations, then anonymous sources; within each, those named by
    more articles first."""
    entries = _entries(items)
    common_words = _lower_case_words(items)
    people = []
    for group_indexes in _link(entries):
        group = [entries[i] for i in group_indexes]
        name = _best_name(group)
        kind = Counter(e.kind for e in group).most_common(1)[0][0]
        title = ""
        if kind == "person":
            name, title = _without_title(name)
        if kind == "organization" and (
            not looks_like_organization_name(name) or name.lower() in common_words
        ):
            continue
        if kind == "person" and _made_of_common_words(name, common_words):
            continue
        if kind == "person" and len(name.split()) == 1 and _mostly_after_the(name, items):
            kind = "organization"  # "the Pentagon": a place or body, whatever the tagger says
        aliases = _unique([a for e in group for a in [e.name, *e.aliases]])
        roles = [r for e in group for role in [*e.roles, title] if (r := clean_role(role))]
        article_ids = list(dict.fromkeys(e.article_id for e in group))
        people.append(
            {
                "name": name,
                "aliases": [a for a in aliases if a != name],
                "roles": _distinct_roles(_unique(roles), {name, *aliases}),
                "kind": kind,
                "article_ids": article_ids,
            }
        )
    # Named people first, then organizations that speak, then anonymous sources ("a
    # source familiar with the matter"): a reader looks for the people of the story.
    people.sort(key=lambda p: (_KIND_ORDER.get(str(p["kind"]), 1), -len(p["article_ids"])))
    return people


_KIND_ORDER = {"person": 0, "organization": 1, "anonymous": 2}


def person_lookup(people: list[dict[str, Any]]) -> dict[str, str]:
    """Every name and name-like alias (lower case) -> the story's canonical name."""
    lookup: dict[str, str] = {}
    for p in people:
        for form in [p["name"], *p["aliases"]]:
            lookup.setdefault(form.lower(), p["name"])
    return lookup
