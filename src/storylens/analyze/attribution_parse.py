"""Attributions read off a dependency parse: cue verb, source, content.

Only the sentences that can hold an attribution are parsed; this module gets
those spaCy docs and returns raw attributions as character spans. Naming the
speaker and matching quotation marks happen in `attribution.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storylens.analyze.cues import CUE_FORMS, OBJECT_CONTENT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SPEECH_ONLY = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "write",
        "continue",
        "ask",
        "reply",
        "respond",
        "explain",
        "note",
        "insist",
        "warn",
        "declare",
        "argue",
        "claim",
        "tweet",
        "post",
        "recall",
        "conclude",
        "joke",
        "quip",
        "remark",
        "observe",
        "shout",
        "answer",
        "announce",
        "concede",
        "admit",
        "acknowledge",
        "assert",
        "counter",
        "retort",
        "complain",
        "boast",
        "testify",
    ]
)
# Dependencies through which a subject-less cue takes the subject of what governs it:
# "Gantz has signaled a willingness to ... and expressed support" (conj -> acl -> dobj).
_CLIMB = ("advcl", "xcomp", "conj", "acl", "dobj", "pobj", "prep", "pcomp")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CONTENT_CLAUSE = ("ccomp", "parataxis")
_OBJECT_CONTENT = ("dobj", "xcomp", "oprd", "attr")
_PREPS_OF_CUES = {"call": ("on", "for"), "point": ("to", "out"), "speak": ("about",)}
_PUNCT_EDGE = set(",.;:—–-")


@dataclass(slots=True)
class RawAttribution:
    """Character spans (absolute offsets) of one attribution found in a parse."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    source_head: tuple[int, int] | None = None
    source_pos: str = ""
    relative_to: tuple[int, int] | None = None  # for "who said": the noun "who" stands for
    source_tokens: list[tuple[int, int, str, str]] = field(default_factory=list)
    # Speech verbs ("said", "told") may take a quotation standing beside their clause.
    speech: bool = False


def attributions_in(doc: Doc, offset: int) -> list[RawAttribution]:
    found: list[RawAttribution] = []
    used_cues: set[int] = set()
    for tok in doc:
        if tok.i in used_cues:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            raw = _according_to(doc, tok, offset)
            if raw:
                found.append(raw)
            continue
        lemma = CUE_FORMS.get(tok.lower_)
        if lemma is None or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ == "amod" or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):
            continue  # "the said document", "a widely reported case"
        contents = _contents_of(doc, tok, lemma)
        subject = _subject_of(tok)
        if not contents and (subject is None or lemma not in SPEECH_ONLY):
            # Without content only speech verbs can still take a quotation beside them.
            continue
        used_cues.add(tok.i)
        cue_start, cue_end = _cue_span(tok)
        options: list[tuple[int, int] | None] = list(contents) or [None]
        for content in options:
            raw = _make(doc, offset, (cue_start, cue_end), subject, content)
            raw.speech = lemma in SPEECH_ONLY
            found.append(raw)
    return found


def _make(
    doc: Doc,
    offset: int,
    cue: tuple[int, int],
    subject: Token | None,
    content: tuple[int, int] | None,
) -> RawAttribution:
    src = None
    head = None
    pos = ""
    rel = None
    toks: list[tuple[int, int, str, str]] = []
    if subject is not None:
        s, e = _trim_tokens(doc, subject.left_edge.i, subject.right_edge.i + 1)
        src = (doc[s].idx + offset, doc[e - 1].idx + len(doc[e - 1]) + offset)
        head = (subject.idx + offset, subject.idx + len(subject) + offset)
        pos = subject.pos_
        toks = [(t.idx + offset, t.idx + len(t) + offset, t.pos_, t.ent_type_) for t in doc[s:e]]
        if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
            noun = subject.head.head
            rel = (noun.left_edge.idx + offset, noun.idx + len(noun) + offset)
    cont = None
    if content is not None:
        cs, ce = _trim_tokens(doc, content[0], content[1])
        if ce > cs:
            cont = (doc[cs].idx + offset, doc[ce - 1].idx + len(doc[ce - 1]) + offset)
    cue_span = (doc[cue[0]].idx + offset, doc[cue[1] - 1].idx + len(doc[cue[1] - 1]) + offset)
    return RawAttribution(cue_span, src, cont, head, pos, rel, toks)


def _cue_span(tok: Token) -> tuple[int, int]:
    """The cue verb with its auxiliaries and particle: "has said", "pointed out"."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i == start - 1:
            start = child.i
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return start, end


def _subject_of(tok: Token) -> Token | None:
    """The cue's subject, inherited from the governing verb for "..., saying" and conjuncts."""
    cur: Token | None = tok
    for _ in range(6):
        if cur is None:
            return None
        for child in cur.children:
            if child.dep_ in _SUBJECTS:
                return child
        if cur.dep_ in _CLIMB and cur.head is not cur:
            cur = cur.head
            continue
        # "NAME, who said" / inverted "said NAME": the subject may follow the verb.
        return None
    return None


def _contents_of(doc: Doc, tok: Token, lemma: str) -> list[tuple[int, int]]:
    """Token ranges [start, end) of what is attributed: each clause complement
    ("citing what she called X -- that Israel must ..." has two), else the object."""
    clauses = [
        (child.left_edge.i, child.right_edge.i + 1)
        for child in tok.children
        if child.dep_ == "ccomp" or (child.dep_ in _CONTENT_CLAUSE and child.i > tok.i)
    ]
    if clauses:
        return clauses
    obj = _object_content(tok, lemma)
    return [obj] if obj else []


def _object_content(tok: Token, lemma: str) -> tuple[int, int] | None:
    parts: list[Token] = []
    if lemma in OBJECT_CONTENT_VERBS:
        for child in tok.rights:
            if child.dep_ in _OBJECT_CONTENT or (
                child.dep_ == "prep" and child.lower_ in _PREPS_OF_CUES.get(lemma, ())
            ):
                parts.append(child)
        if parts:
            start = min(p.left_edge.i for p in parts)
            end = max(p.right_edge.i for p in parts) + 1
            # "called on X to ..." and "called it X" attribute; "called" plus a bare object does not.
            naming = any(p.dep_ in ("oprd", "xcomp", "prep") for p in parts)
            if lemma == "call" and not naming:
                return None
            return start, end
    return None


def _according_to(doc: Doc, tok: Token, offset: int) -> RawAttribution | None:
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_start, phrase_end = tok.i, pobj.right_edge.i + 1
    # The content is the rest of the sentence: before or after the "according to" phrase.
    sent = tok.sent
    before = (sent.start, phrase_start)
    after = (phrase_end, sent.end)
    content = max(before, after, key=lambda r: r[1] - r[0])
    raw = _make(doc, offset, (tok.i, tok.i + 2), pobj, content)
    return raw


def _trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_space or doc[start].text in _PUNCT_EDGE):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _PUNCT_EDGE):
        end -= 1
    return start, end
