"""What a statement says was done: its verbs, as the tagger and parser read them.

Two statements of one story that share only their topic words ("complaint",
"lawmakers") tell different facts when each says something else was done with them
("Lawmakers have yet to see the complaint" / "Lawmakers are demanding details of the
complaint"). Statements of one fact share an action: a verb one of them is about is a
word of the other, in any form ("failed" / "it failed", "was killed" / "is dead",
"demanded the return" / "demanded that it return"). A verb buried in a relative clause
or a noun's complement is not what a statement is about: "He put little stock in the
transcript Trump announced he will release" tells nothing of releasing.

Verbs come from spaCy's tagger (fine tags VB*), lemmatized, so that irregular forms meet
("went" / "going", "pled" / "pleaded"); auxiliaries, modals and reporting verbs are no
action. The parser tells which verbs head the statement. Both run only on the statements
of loosely worded pairs (see claims.similarity_matrix), in one batch per story.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storylens.compare.mentions import entity_key
from storylens.compare.predicates import DEMAND_FRAME, REPORTING, SYNONYMS, frame_words
from storylens.compare.wordforms import content_stems, stem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

# The tagger, the parser (which verb heads the statement), the attribute ruler and the
# lemmatizer: NER is not needed.
_DISABLED = ("ner",)
# Verbs that carry tense, mood or voice rather than an action ("got arrested"), and
# verbs of seeming ("became", "appears").
_NO_ACTION = frozenset(
    stem(w)
    for w in """be have do will would shall should can could may might must get
    become seem appear""".split()
)
_CACHE = 1 << 15
_APOSTROPHES = frozenset("'’‘`")
# Verbs of saying an opinion are no action either, as "said" is not: "Giuliani has
# suggested that Biden improperly used his influence" and "suggesting the attorney
# general could help restart an inquiry" share a way of saying, not what was said. What
# the saying heads ("that Biden used") is what the statement is about.
_SAYING = REPORTING | frozenset(
    stem(w) for w in "suggest argue argued argues claim insist contend".split()
)


@dataclass(frozen=True, slots=True)
class Actions:
    """The verbs of a statement, the ones it is about (`main`), the ones it asks of
    someone rather than tells (`asked`), and all its word forms, each met at stems and
    synonyms."""

    verbs: frozenset[str]
    words: frozenset[str]
    main: frozenset[str]
    asked: frozenset[str] = frozenset()
    # (verb, who did it): the named subject of a verb it is about, as entity_key gives it
    # ("President Obama maintained" -> ("maintain", "obama")).
    doers: frozenset[tuple[str, str]] = frozenset()


def _met(word: str) -> str:
    w = stem(word.lower())
    return SYNONYMS.get(w, w)


def _nlp() -> Language:
    from storylens.analyze.nlp import load_nlp

    return load_nlp(_DISABLED)


def _actions_of(text: str, doc: Iterable[Token]) -> Actions:
    verbs: set[str] = set()
    main: set[str] = set()
    acted: set[str] = set()
    asked: set[str] = set()
    words = {SYNONYMS.get(w, w) for w in content_stems(frame_words(text))}
    words |= {SYNONYMS.get(w, w) for w in content_stems(text)}
    frames = [m.span() for m in DEMAND_FRAME.finditer(text)]
    heads = _heads(doc)
    doers: set[tuple[str, str]] = set()
    for token in doc:
        # The lemma meets irregular forms ("went" / "going"), the written form the event
        # synonyms ("spoke" = "met").
        forms = {_met(token.lemma_ or token.text), _met(token.text)}
        words |= forms
        if _UNDONE.match(token.lower_) and token.tag_ in ("JJ", "VBN"):
            words.add(_met(token.lower_[2:]))  # "remain unconfirmed" tells of confirming
        if not token.tag_.startswith("VB") or not forms.isdisjoint(_NO_ACTION):
            continue
        if token.text[:1] in _APOSTROPHES:
            # A clitic the lemmatizer leaves as written ("There’s": "’s" is "is"); as a
            # word it would meet every possessive ("his son’s interests").
            continue
        if _names_something(token):
            continue  # 'called the transcript "underwhelming"': a saying, as "said" is
        # A call or demand is one action however worded ("called on", "is pushing for",
        # "urged"), as the predicate words meet it; "resisted calls for" makes no demand.
        if any(a <= token.idx < b for a, b in frames):
            forms.add("demand")
        if (
            not forms.isdisjoint(_SAYING)
            and token.lemma_ not in ("say", "tell")
            and any(c.dep_ == "auxpass" for c in token.children)
        ):
            # What was reported, not who reported it: "no casualties have been confirmed"
            # ("is said to be" is only hearsay).
            acted |= forms
        if _met(token.lemma_ or token.text) in _LIGHT:
            # "put little stock in" / "put an end to": a light verb tells its act by its
            # object, with which it is met.
            forms = {f"{f}:{_met(o.lemma_ or o.text)}" for f in forms for o in _objects(token)}
            words |= forms
        verbs |= forms
        if token.i in heads:
            main |= forms
            doers.update((f, who) for f in forms for who in _doer(token))
        if _asked_for(token):
            asked |= forms
    acts = frozenset((verbs - _SAYING) | acted)
    heads_of = frozenset((main - _SAYING) | (main & acted)) or acts
    return Actions(acts, frozenset(words), heads_of, frozenset(asked), frozenset(doers))


# Verbs whose object tells the act: "put an end to", "took a toll", "made a decision",
# "gave a speech", "took to the streets", "take up the bill". (A decision to act is read
# through the object's infinitive, see _heads.)
_LIGHT = frozenset(stem(w) for w in "put take make give".split())


def _objects(verb: Token) -> list[Token]:
    """A light verb's object, its particle ("take up") or the object of its preposition
    ("took to the streets")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "prt")]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _doer(verb: Token) -> list[str]:
    """The named subject of an active verb, as entity_key reads it: "President Obama
    maintained", "Miller maintained". A verb joined to another ("resigned and left")
    shares its subject. Not a pronoun, a common noun or a passive's subject."""
    while verb.dep_ == "conj" and verb.head is not verb and not _subjects(verb):
        verb = verb.head
    return [entity_key(s.text) for s in _subjects(verb) if s.pos_ == "PROPN"]


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "nsubj"]


# Verbs that ask someone for an act rather than tell it: "urged Ukraine to investigate",
# "request the White House to release", "was pushed to investigate"; and "should". Not a
# question ("asked how he obtained the records"), an effort of one's own ("will push to
# force a vote"), an order or a warning ("ordered its carriers to ground", "warned
# residents to stay indoors", "told to move back": as good as done in the news), nor
# "must", which in the news mostly tells a rule ("applicants must pay a fee").
_ASKING = frozenset("ask request urge demand call press push pressure encourage implore".split())


def _asked_for(verb: Token) -> bool:
    """Whether the verb is an act asked of someone, not one told as done or to come."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head  # "asked them to investigate and prosecute"
    if any(c.dep_ == "aux" and c.lower_ == "should" for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ != "xcomp" or head is verb or head.lemma_.lower() not in _ASKING:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in head.children)


def _names_something(verb: Token) -> bool:
    """'called the subpoenas a "massive intrusion"', 'called the deal the worst ever': to
    call something a name or a quality, not to call someone up."""
    return verb.lemma_.lower() == "call" and any(
        c.dep_ == "oprd" and c.pos_ not in ("PROPN", "PRON") for c in verb.children
    )


_UNDONE = re.compile(r"un[a-z]{4,}(?:ed|en)$")


# What a statement is about: its head verb, what a verb of saying or intent heads ("said
# that he learned", "vowed to hold"), verbs joined to these ("resigned and left"), and
# the act its object names ("announced an agreement to acquire", "made a decision to
# resign"). Not a verb inside a relative clause, a clause of time or a noun's complement
# ("the transcript Trump announced he will release", "a legal opinion on sharing it").
_GOES_ON = frozenset({"ccomp", "xcomp", "conj", "parataxis"})
_OBJECTS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})


def _heads(doc: Iterable[Token]) -> set[int]:
    heads: set[int] = set()
    todo = [t for t in doc if t.dep_ == "ROOT"]
    while todo:
        token = todo.pop()
        if token.i in heads:
            continue
        heads.add(token.i)
        todo.extend(c for c in token.children if c.dep_ in _GOES_ON)
        for obj in (c for c in token.children if c.dep_ in _OBJECTS):
            todo.extend(a for a in obj.children if a.dep_ == "acl" and _infinitive(a))
    return heads


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Statements read before, by text: a story is compared again when it gains an article.
_READ: dict[str, Actions] = {}
_LOCK = threading.Lock()


def read_actions(texts: Iterable[str]) -> dict[str, Actions]:
    """The actions of each text; texts not read before are tagged in one batch."""
    out = {t: _READ.get(t) for t in texts}
    fresh = [t for t, known in out.items() if known is None]
    if not fresh:
        return {t: a for t, a in out.items() if a is not None}
    nlp = _nlp()
    # The web app compares stories in worker threads: one pipeline is not run by two. The
    # memory zone frees the strings of new words once the docs are read.
    with _LOCK, nlp.memory_zone():
        read = {t: _actions_of(t, doc) for t, doc in zip(fresh, nlp.pipe(fresh), strict=True)}
    if len(_READ) + len(read) > _CACHE:
        _READ.clear()
    _READ.update(read)
    out.update(read)
    return {t: a for t, a in out.items() if a is not None}


def share_action(a: Actions, b: Actions, people: frozenset[str] = frozenset()) -> bool:
    """Whether a verb one statement is about is a word of the other, asked for in both
    or in neither ("request the White House to release the transcript" and "directed
    the release of the transcript" tell a demand and an act), and not done by two
    different people of `people` ("President Obama maintained that he did not know" /
    "Miller maintained the agency's insistence")."""
    shared = (a.main & b.words) | (b.main & a.words)
    return any(
        (v in a.asked) == (v in b.asked) and not _done_by_others(a, b, v, people) for v in shared
    )


def _done_by_others(a: Actions, b: Actions, verb: str, people: frozenset[str]) -> bool:
    x = {who for v, who in a.doers if v == verb and who in people}
    y = {who for v, who in b.doers if v == verb and who in people}
    return bool(x and y) and x.isdisjoint(y)
