"""Sentence units of a story's articles, and the word features used to compare them.

Comparing sources means comparing what each article states in its own voice:
the narrator's sentences, with quoted speech set aside (quotes are aligned
separately), boilerplate dropped (credits, bylines, embed lines) and words
reduced to comparable forms (lower case, crude stems, "cease-fire" =
"ceasefire", "twelve" = "12").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from storylens.analyze.time_lexicon import MONTHS as MONTH_NUMBERS
from storylens.compare.disjoint import DisjointSets
from storylens.model import Analysis, StoredArticle, TimeExpression

Item = tuple[StoredArticle, Analysis]

_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’.,][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_SENTENCE_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])|\n+")

_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers herself him himself his how i if in into
is it its itself just me more most my myself now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
said says say told tell according reportedly may might must shall s t d ll re ve m o y mr mrs
ms dr"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Negation cues: kept out of STOPWORDS' effect by being looked for on raw tokens.
NEGATIONS = frozenset(
    ["not", "no", "never", "n't", "nor", "none", "nobody", "nothing", "neither", "without"]
)
NEGATION_VERBS = frozenset({"deny", "denied", "denies", "refused", "refuses", "rejected"})

_SMALL_NUMBERS = """zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(_SMALL_NUMBERS.split())}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70"})
_NUMBER_WORDS.update({"eighty": "80", "ninety": "90", "hundred": "100", "dozen": "12"})
# "one" is too often a pronoun ("the one who asked") to count as a number.
del _NUMBER_WORDS["one"]

_BOILERPLATE = re.compile(
    r"image source|photo by|photograph:|getty images|pic\.twitter\.com|\(@\w+\)|"
    r"all rights reserved|copyright ©|©|click here|sign up for|subscribe to|read more:|"
    r"^\s*(?:by|reporting by|editing by|written by)\s+[A-Z]|follow us on|"
    r"this article (?:was|has been) (?:updated|corrected)|contributed to this report",
    re.IGNORECASE,
)

MIN_CONTENT_WORDS = 4


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to meet "killed"/"kills"/"killing" at "kill"."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + repl
            break
    # Meet doubled consonants left by "planned" -> "plann" at "plan".
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def normalize_word(raw: str) -> str:
    """Lower case; drop hyphens, apostrophes and possessives; numbers without separators."""
    word = raw.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if _NUMBER.match(word):
        # "1,200" and "1.200" read as 1200; "3.5" stays a decimal.
        if re.fullmatch(r"\d{1,3}(?:[,]\d{3})+", word):
            return word.replace(",", "")
        return word.rstrip(".,")
    word = word.replace("-", "").replace("'", "").replace(".", "").replace(",", "")
    return _NUMBER_WORDS.get(word, word)


def words(text: str) -> list[str]:
    """All normalized words of a text, stop words included (for negation and number context)."""
    out = []
    for m in _WORD.finditer(text):
        raw = m.group(0)
        if raw.lower().endswith("n't"):
            out.append(normalize_word(raw[:-3]))
            out.append("n't")
            continue
        out.append(normalize_word(raw))
    return [w for w in out if w]


def content_stems(text: str) -> list[str]:
    """Words that carry content, stemmed: what similarity is computed over."""
    return [stem(w) for w in words(text) if (w not in STOPWORDS and len(w) > 1) or w.isdigit()]


# Month names and their abbreviations, as the time expressions read them.
MONTHS = frozenset(MONTH_NUMBERS)
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def numbers_in_context(tokens: list[str]) -> list[tuple[str, frozenset[str]]]:
    """Each number with the content words next to it ("killed 12 people" -> 12: kill, people),
    so that two numbers are only compared when they count the same thing."""
    out = []
    for i, tok in enumerate(tokens):
        if not is_number(tok):
            continue
        context = set()
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(tokens):
                w = tokens[j]
                if not is_number(w) and w not in STOPWORDS and w not in NEGATIONS:
                    context.add(stem(w))
        out.append((tok, frozenset(context)))
    return out


# Words that report or frame a statement rather than state it; and news frames for
# anonymous sources, which say nothing about the fact itself.
_REPORTING = frozenset(
    stem(w)
    for w in """said say says told tell telling according added adding stated statement
    announced announcement reported report reports reporter reporters spokesperson spokesman
    spokeswoman interview confirmed noted explained wrote news conference press also
    official officials later earlier reportedly""".split()
)
_ATTRIBUTION_FRAME = re.compile(
    r"\b(?:who|because (?:he|she|they) (?:was|were|is|are))?\s*(?:asked|spoke on condition) "
    r"(?:not to be (?:named|identified)|of anonymity)[^,.;]*|"
    r"\b(?:because (?:he|she|they) (?:was|were|is|are) )?not authorized to "
    r"(?:speak|discuss|comment)[^,.;]*|\bfamiliar with [^,.;]*",
    re.IGNORECASE,
)
# Event words news reports use interchangeably, met at one stem.
_SYNONYMS = {
    "hurt": "injur", "wound": "injur", "injury": "injur", "injuri": "injur", "injure": "injur",
    "dead": "kill", "die": "kill", "died": "kill", "death": "kill", "slain": "kill",
    "blaze": "fire", "flame": "fire", "detain": "arrest", "custody": "arrest",
    "met": "meet", "meeting": "meet", "talk": "meet", "spoke": "meet",
    "discover": "found", "detect": "found", "find": "found",
    "shut": "clos", "close": "clos", "closure": "clos",
    # An attack from the air is told as bombing, bombardment, a raid or an attack.
    "bomb": "attack", "bombard": "attack", "bombardment": "attack", "raid": "attack",
    "airstrike": "attack", "attack": "attack",
    # Cables, pipes and lines are reported cut, severed or damaged alike.
    "damag": "damag", "cut": "damag", "sever": "damag", "ruptur": "damag",
    # Meetings are told as verbs and as nouns ("met", "the meeting", "his encounter").
    "encounter": "meet", "conversation": "meet", "talks": "meet",
    # A data breach is told as what was done or who did it.
    "cyberattack": "breach", "hack": "breach", "hacker": "breach", "intrusion": "breach",
    "demand": "demand", "urge": "demand", "urg": "demand",
    # A body hearing from officials: "will hold a hearing", "will question officials",
    # "will hear from the commissioner".
    "hear": "hear", "question": "hear", "testify": "hear", "testimony": "hear",
}  # fmt: skip
# The event classes: what the lexicon above meets its words at. A shared event class with
# the same participants, or the same counted thing, marks statements of one event even
# when the rest of their wording differs (see claims.similarity_matrix).
EVENT_CLASSES = frozenset(_SYNONYMS.values())
# A call or demand is one frame however it is worded: "called for X", "called on Y to
# agree to X", "is pushing for X", "pressed for X", "urged": met at the word "demand", so
# that the frame is shared and its object (X) is compared by its own words.
_DEMAND_FRAME = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:for|on)|(?:push|press)(?:es|ed|ing)?\s+for|"
    r"urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)


def frame_words(text: str) -> str:
    """The text with frame wordings met at one word (see _DEMAND_FRAME)."""
    return _DEMAND_FRAME.sub(" demand ", text)


_APPOSITIVE = re.compile(r"(?<=\S)\s*,\s+(?:a|an|the)\s[^,;.:]{3,80}?(?:,|$|(?=\.\s*$))")
_FIRST_WORD = re.compile(r"^[\W\d_]*[A-Za-z]+")
_CAPITALIZED = re.compile(r"\b[A-Z][A-Za-z'’.-]*")


def predicate_words(narration: str, entity_spans: list[tuple[int, int]]) -> set[str]:
    """The unit's predicate words (see Unit.preds); offsets are relative to `narration`."""
    chars = list(narration)
    for a, b in entity_spans:
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = " "
    text = _ATTRIBUTION_FRAME.sub(" ", "".join(chars))
    # An appositive after a name describes who ("Gantz, a centrist rival of Netanyahu,"),
    # not what happens.
    text = _APPOSITIVE.sub(" ", text)
    # Capitalized words after the first are names and titles the tagger missed
    # ("Harbor Commissioner", "General Hospital"): who, not what happens.
    lead = _FIRST_WORD.match(text)
    cut = lead.end() if lead else 0
    text = text[:cut] + _CAPITALIZED.sub(" ", text[cut:])
    out = set()
    for w in content_stems(frame_words(text)):
        if is_number(w) or w in MONTHS or w in WEEKDAYS or w in _REPORTING:
            continue
        out.add(_SYNONYMS.get(w, w))
    return out


def slot_word(word: str) -> str:
    """A word as a slot name: stemmed, event synonyms met."""
    w = stem(word)
    return _SYNONYMS.get(w, w)


def number_slots(tokens: list[str]) -> list[tuple[str, str, str]]:
    """(number, word before, word after): the nearest content words within two tokens,
    skipping other numbers and currency or unit words' separators."""
    out = []
    for i, tok in enumerate(tokens):
        if not is_number(tok):
            continue
        before = after = ""
        for j in (i - 1, i - 2):
            w = tokens[j] if j >= 0 else ""
            if w and not is_number(w) and w not in STOPWORDS and w not in NEGATIONS:
                before = slot_word(w)
                break
        for j in (i + 1, i + 2):
            w = tokens[j] if j < len(tokens) else ""
            if w and not is_number(w) and w not in STOPWORDS and w not in NEGATIONS:
                after = slot_word(w)
                break
        out.append((tok, before, _counted_noun(tokens, i) or after))
    return out


# Plurals without an -s, and -s endings of words that are no plurals ("serious", "bus").
_IRREGULAR_PLURALS = frozenset("people children men women police staff personnel".split())
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "ws", "ics")
COUNTED_NOUN_WINDOW = 4


def _counted_noun(tokens: list[str], i: int) -> str:
    """What the number at tokens[i] counts: the first plural among the content words right
    after it, past the adjectives and modifiers before the head ("three undersea cables",
    "three major underwater data lines" -> cables, lines); "" when there is none."""
    for j in range(i + 1, min(len(tokens), i + 1 + COUNTED_NOUN_WINDOW)):
        w = tokens[j]
        # An -ing word before the head modifies it ("four fishing boats").
        verb = _is_verb_like(tokens, j) and not w.endswith("ing")
        if is_number(w) or w in STOPWORDS or w in NEGATIONS or verb:
            break
        if w in _IRREGULAR_PLURALS or (
            len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS)
        ):
            return slot_word(w)
    return ""


# Clause edges for finding a number's verb: punctuation, and words that open a clause
# ("and 12 were injured", "which exploded"). "of which"/"of whom" keeps the partitive
# ("of which four exploded") in one clause with its number.
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")
_CLAUSE_OPENERS = frozenset(
    "and but while whereas which who whom that after before when because although".split()
)
_PARTITIVE_PRONOUNS = frozenset("them whom which those these us".split())
# Words that, before a word, make it a noun or adjective rather than a verb ("an
# estimated $6.4 million", "the injured").
_DETERMINERS = frozenset("a an the this that these those its their his her our".split())
_IRREGULAR_VERBS = frozenset(
    """hurt shut cut hit struck lost left made sent taken given seen found held stolen built
    spent paid met fled fell fallen drew drawn ran won sold bought brought caught kept
    lit burnt burned broke broken shot slain died dead hurt killed arrested""".split()
)
# -ing words that are nouns or prepositions, not verbs.
_ING_NOUNS = frozenset(
    """morning evening building during ceiling thing nothing something anything everything
    spring string wing ring king including according meeting funding housing""".split()
)


def _clause_words(text: str) -> tuple[list[str], list[int]]:
    """words(text), and for each word the number of the clause it stands in."""
    toks: list[str] = []
    clauses: list[int] = []
    clause = 0
    last_end = 0
    for m in _WORD.finditer(text):
        if _CLAUSE_PUNCT.search(text[last_end : m.start()]):
            clause += 1
        last_end = m.end()
        raw = m.group(0)
        parts = [normalize_word(raw[:-3]), "n't"] if raw.lower().endswith("n't") else []
        for word in parts or [normalize_word(raw)]:
            if not word:
                continue
            if word in _CLAUSE_OPENERS and not (toks and toks[-1] == "of"):
                clause += 1
            toks.append(word)
            clauses.append(clause)
    return toks, clauses


def _is_verb_like(tokens: list[str], j: int) -> bool:
    """A cheap guess, without a parser, that tokens[j] is a verb: an event word, a past
    form or participle, or a present participle, not after a determiner and not a
    reporting verb ("said" frames the statement, it is not what the number is about)."""
    w = tokens[j]
    if w in STOPWORDS or w in NEGATIONS or is_number(w) or w in MONTHS or w in WEEKDAYS:
        return False
    if stem(w) in _REPORTING or (j > 0 and tokens[j - 1] in _DETERMINERS):
        return False
    if w in _IRREGULAR_VERBS or (slot_word(w) in EVENT_CLASSES and w != slot_word(w)):
        return True
    if len(w) >= 5 and w.endswith("ed") and not w.endswith("eed"):
        return True
    return len(w) >= 6 and w.endswith("ing") and w not in _ING_NOUNS


def number_roles(text: str) -> list[tuple[str, str, str, bool]]:
    """Each number with the role it fills: (number, counted noun, verb, partitive).

    The noun is the nearest content word after the number (as in number_slots); for a
    part of a counted whole ("of which four exploded", "four of them firefighters") it
    is the whole's noun: that of the number before it, else the word before the
    partitive. The verb is the nearest verb-like word in the number's clause, met at its
    event class ("hurt" = "injured"), or "" when the clause has none. One entry per
    number of words(text), in order."""
    tokens, clauses = _clause_words(text)
    out: list[tuple[str, str, str, bool]] = []
    slots = number_slots(tokens)
    numbers = [i for i, t in enumerate(tokens) if is_number(t)]
    for i, (value, _, after) in zip(numbers, slots, strict=True):
        partitive = (
            i + 2 < len(tokens) and tokens[i + 1] == "of" and tokens[i + 2] in _PARTITIVE_PRONOUNS
        ) or (i >= 2 and tokens[i - 2] == "of" and tokens[i - 1] in _PARTITIVE_PRONOUNS)
        noun = after
        if partitive:
            earlier = [r[1] for r in out if r[1] and not r[3]]
            start = i - 2 if tokens[i - 1] in _PARTITIVE_PRONOUNS else i
            noun = earlier[-1] if earlier else _neighbour_slot(tokens[:start])
        lo = hi = i
        while lo > 0 and clauses[lo - 1] == clauses[i]:
            lo -= 1
        while hi + 1 < len(tokens) and clauses[hi + 1] == clauses[i]:
            hi += 1
        nearest_first = sorted((j for j in range(lo, hi + 1) if j != i), key=lambda j: abs(j - i))
        # The counted noun is not its own verb ("four bombs", bomb being an event word).
        found = next(
            (
                j
                for j in nearest_first
                if _is_verb_like(tokens, j) and not (j > i and slot_word(tokens[j]) == noun)
            ),
            None,
        )
        verb = slot_word(tokens[found]) if found is not None else ""
        out.append((value, noun, verb, partitive))
    return out


def _neighbour_slot(tokens: list[str]) -> str:
    for tok in reversed(tokens):
        if tok not in STOPWORDS and tok not in NEGATIONS and not is_number(tok):
            return slot_word(tok)
    return ""


def is_negated(tokens: list[str]) -> bool:
    return any(t in NEGATIONS or t in NEGATION_VERBS for t in tokens)


def _neighbour_word(tokens: list[str], step: int) -> str:
    for tok in tokens if step > 0 else reversed(tokens):
        if tok not in STOPWORDS and not is_number(tok):
            return stem(tok)
    return ""


def is_number(word: str) -> bool:
    return bool(_NUMBER.match(word))


def is_boilerplate(text: str) -> bool:
    return bool(_BOILERPLATE.search(text))


@dataclass(slots=True)
class Unit:
    """One sentence of one article, as compared across the story."""

    index: int  # position in the story's unit list
    item: int  # position of its article in `items`
    article_id: str
    outlet: str
    source: int  # independent-source group: copies and same-outlet articles share one
    start: int
    end: int
    text: str  # the sentence as written
    narration: str  # the sentence with direct quotes and tweets blanked out
    position: int  # sentence number within its article (0 = lead)
    stems: list[str] = field(default_factory=list)
    entities: set[str] = field(default_factory=set)
    quoted_share: float = 0.0
    # Features for conflict detection (see claims.find_conflict).
    numbers: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    names: list[tuple[str, str, str]] = field(default_factory=list)
    dates: set[str] = field(default_factory=set)
    negated: bool = False
    # The words that say what happens (not who, when or how many): content stems outside
    # named entities, numbers and dates, with attribution frames and reporting verbs left
    # out and event synonyms met ("hurt" = "injured"). Two statements of one fact share some.
    preds: set[str] = field(default_factory=set)
    # Dates written out in the unit ("Oct. 3", "2025"), as opposed to dates inferred from
    # relative expressions ("next Thursday"), which may be resolved wrongly.
    explicit_dates: set[str] = field(default_factory=set)
    # The dates (TIMEX values, times cut to their day) of the unit's whole sentence,
    # quotes aside: when a clause of it happened, if the clause does not say.
    sentence_dates: set[str] = field(default_factory=set)
    # The unit's dates without those of ambiguous weekdays ("next Thursday"), which may be
    # resolved a week off: the dates that dispute or part statements.
    firm_dates: set[str] = field(default_factory=set)
    # Administrative places named with their kind: {"state": {"unity"}} for "in Unity
    # State" (see admin_places).
    places: dict[str, set[str]] = field(default_factory=dict)
    # Part of a headline or dateline line at the top of the text (see is_headline).
    headline: bool = False
    # Each number with the slot it fills: the nearest content word after it (what is
    # counted: "14 people", "$4.6 million") and before it ("injured 14").
    number_slots: list[tuple[str, str, str]] = field(default_factory=list)
    numbers_set: set[str] = field(default_factory=set)
    # The people the unit names or refers to by he/she (entity keys): an event's
    # participants, as compared across articles.
    people: set[str] = field(default_factory=set)
    # The stems as claims compare them: frames and event words met (see frame_words).
    terms: list[str] = field(default_factory=list)
    # Each number with its role: (number, counted noun, verb, partitive); see number_roles.
    number_roles: list[tuple[str, str, str, bool]] = field(default_factory=list)


def outlet_of(stored: StoredArticle) -> str:
    """The outlet name, or the article id when the outlet is unknown."""
    return stored.article.outlet or stored.article.id


def independent_sources(items: Sequence[Item]) -> list[int]:
    """For each article, a group id: copies of one original and articles of one outlet share
    a group, because they are not independent confirmations of each other."""
    sets = DisjointSets(len(items))
    first_by_key: dict[object, int] = {}
    for i, (stored, _) in enumerate(items):
        for key in (
            ("outlet", stored.article.outlet),
            ("copy", stored.copy_of if stored.copy_of is not None else stored.key),
        ):
            if key[1] is None:
                continue
            if key in first_by_key:
                sets.union(i, first_by_key[key])
            else:
                first_by_key[key] = i
    return [sets.find(i) for i in range(len(items))]


def sentence_spans(text: str, analysis: Analysis) -> list[tuple[int, int]]:
    """The analysis's sentences; a plain split when the analysis has none."""
    if analysis.sentences:
        return list(analysis.sentences)
    spans = []
    pos = 0
    for m in _SENTENCE_SPLIT.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space, and without leading dashes and commas."""
    while start < end and (text[start].isspace() or text[start] in "-—–,;:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def blank_quotes(text: str, start: int, end: int, quote_spans: list[tuple[int, int]]) -> str:
    """The sentence with quoted content replaced by spaces (offsets kept)."""
    chars = list(text[start:end])
    for qs, qe in quote_spans:
        for i in range(max(qs, start), min(qe, end)):
            chars[i - start] = " "
    return "".join(chars)


def entity_key(text: str) -> str:
    """An entity mention as compared across articles: its last name-like word, normalized.
    "Vice President Kamala Harris", "Harris" and "Harris'" all give "harris"."""
    toks = [normalize_word(t) for t in _WORD.findall(text)]
    toks = [t for t in toks if t and t not in STOPWORDS]
    return toks[-1] if toks else ""


# Where a sentence changes fact: dashes, semicolons, subordinate clauses of time and
# cause ("..., after inspectors found cracks", "since the bridge closed", ", once monitors
# showed"), a reporting participle (", saying"), a
# participial clause (", injuring three people"), contrast (", but") and a second
# reported statement ("said the bridge would reopen in May and that repairs would cost"). Prepositions
# that look like participles ("including", "according") do not start a clause.
_CLAUSE_BREAK = re.compile(
    r"\s+(?:--|—|–)\s+|;\s+|,?\s+(?=(?:after|before|while|because|although|though|as|since)\s"
    r"(?!well\b|much\b|many\b|long\b|soon\b|of\b|part\b|a result\b|such\b|if\b|though\b|"
    r"\d))|,\s+(?=once\s(?!again\b|more\b|upon\b|a\b|an\b|\d))|"
    r",?\s+and (?=(?:said|says|told|added)\b)|,?\s+and that\s+|,\s+and (?=(?:it|he|she|they|there)\s)|,\s+(?=but\s|(?!(?:including|according|following|during|regarding|concerning|"
    r"excluding|notwithstanding|pending|something|nothing|anything|everything|morning|evening|"
    r"building|spring|king|thing|bring|string)\b)[a-z]+ing\s)"
)
DATELINE = re.compile(
    r"^\(?[A-Z][A-Z .,'/-]{2,40}\)?\s*(?:\([A-Z][\w .&'-]{1,40}\)\s*)?(?:--|—|–|-)\s*"
)
_PRONOUNS = {"he": "he", "she": "she", "him": "he", "her": "she", "his": "he"}
_PRONOUN_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is)\b")


_ANONYMITY_FRAME_END = re.compile(
    r"(?:not to be (?:named|identified)|(?:condition|exchange for|of) anonymity|"
    r"(?:un)?authorized to (?:speak|discuss|comment)[^,.;]*)$",
    re.IGNORECASE,
)


# Words after which "as" continues the phrase instead of opening a clause: comparisons
# ("as many as two weeks", "as well as the Flag cable") and predicates ("described as one
# of the largest", "such as video").
_AS_CONTINUES_AFTER = frozenset(
    """many much well long soon far such same described known identified regarded seen
    named listed served used designated classified""".split()
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _as_continues(text: str, pos: int, a: int, b: int) -> bool:
    """Whether the cut at text[a:b], before "as", falls inside such a phrase."""
    if not text.startswith("as ", b):
        return False
    last = _LAST_WORD.search(text, pos, a)
    return last is not None and last.group(1).lower() in _AS_CONTINUES_AFTER


def clause_spans(
    text: str, start: int, end: int, protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentence cut at dashes and semicolons that lie outside quotes, each clause long
    enough to state something (short pieces stay with the clause before them)."""
    cuts = [
        (m.start(), m.end())
        for m in _CLAUSE_BREAK.finditer(text, start, end)
        if not any(qs <= m.start() < qe for qs, qe in protected)
    ]
    pieces = []
    pos = start
    for a, b in cuts:
        # "A firefighter who asked not to be named because ..." is the frame of the
        # statement that follows, not a statement of its own.
        if _ANONYMITY_FRAME_END.search(text, pos, a) or _as_continues(text, pos, a, b):
            continue
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, end))
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        short = len(content_stems(text[a:b])) < MIN_CONTENT_WORDS
        if (merged and short) or (
            merged and len(content_stems(text[merged[-1][0] : merged[-1][1]])) < 2
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [trim_span(text, a, b) for a, b in merged]


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


def _named_people(narration: str, analysis: Analysis) -> set[str]:
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


# "Next Thursday" said on a Monday may be this week's or the next: sources that agree may
# seem to differ by a week, so such dates neither dispute nor part two statements.
_AMBIGUOUS_WEEKDAY = re.compile(
    r"\b(?:next|last|this|coming|past)\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    re.IGNORECASE,
)
_DAY_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?=T)")


def _date_of(t: TimeExpression) -> str:
    """The calendar date a time expression names: a DATE's value, the day of a TIME
    ("Sunday morning" = 2025-10-26TMO -> 2025-10-26); "" for durations and sets."""
    if t.type == "DATE":
        return t.value
    if t.type == "TIME" and (m := _DAY_TIME.match(t.value)):
        return m.group(0)
    return ""


def _in_speech(t: TimeExpression, speech: list[tuple[int, int]]) -> bool:
    return any(a <= t.start < b for a, b in speech)


def _unit_features(
    unit: Unit,
    text: str,
    analysis: Analysis,
    speech: list[tuple[int, int]],
    sentence: tuple[int, int],
) -> None:
    start, end = unit.start, unit.end
    narration = unit.narration
    mentions = [
        m
        for m in analysis.entities
        if m.start >= start
        and m.end <= end
        and m.label not in ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
        and narration[m.start - start : m.end - start].strip()
    ]
    unit.entities = {k for k in (entity_key(m.text) for m in mentions) if k}
    unit.names = [
        (
            entity_key(m.text),
            _neighbour_word(words(narration[: m.start - start]), -1),
            _neighbour_word(words(narration[m.end - start :]), 1),
        )
        for m in mentions
        if m.label == "PERSON"
    ]
    unit.dates = {
        day
        for t in analysis.times
        if t.start >= start
        and t.end <= end
        and (day := _date_of(t))
        and narration[t.start - start : t.end - start].strip()
    }
    # The dates of the whole sentence: a clause cut from it ("after three cables were
    # damaged") happened when its sentence says ("... disrupted Friday").
    s0, s1 = sentence
    unit.sentence_dates = {
        day
        for t in analysis.times
        if t.start >= s0
        and t.end <= s1
        and (day := _date_of(t))
        and not _in_speech(t, speech)
        and not _AMBIGUOUS_WEEKDAY.search(t.text)
    }
    unit.firm_dates = {
        day
        for t in analysis.times
        if t.start >= start
        and t.end <= end
        and (day := _date_of(t))
        and narration[t.start - start : t.end - start].strip()
        and not _AMBIGUOUS_WEEKDAY.search(t.text)
    }
    tokens = words(narration)
    unit.stems = content_stems(narration)
    own_words = len(unit.stems)
    unit.people = {entity_key(m.text) for m in mentions if m.label == "PERSON"} - {""}
    unit.people |= _named_people(narration, analysis)
    # A he/she stands for a person: count that person's name as said here too, as a
    # coreference-resolved text would.
    for m in _PRONOUN_WORD.finditer(narration):
        name = resolve_pronoun(text, analysis, start + m.start(), m.group(0))
        if name:
            key = entity_key(name)
            if key:
                unit.people.add(key)
            if key and key not in unit.entities:
                unit.entities.add(key)
                unit.stems.append(stem(key))
    unit.numbers = numbers_in_context(tokens)
    unit.negated = is_negated(tokens)
    unit.number_slots = number_slots(tokens)
    unit.numbers_set = {v for v, _, _ in unit.number_slots}
    unit.number_roles = number_roles(narration)
    # What a number counts takes part in similarity as a word of its own ("#people"),
    # so that "12 people were hurt" and "injured 14 people" align on the slot and
    # differ, as a conflict, in the value.
    unit.stems.extend(f"#{after or before}" for _, before, after in unit.number_slots)
    # Claims compare stems with frames and event words met ("met" = "meeting").
    unit.terms = [_SYNONYMS.get(w, w) for w in content_stems(frame_words(narration))]
    unit.terms += unit.stems[own_words:]  # resolved names and counted slots
    unit.preds = predicate_words(narration, [(m.start - start, m.end - start) for m in mentions])
    unit.places = admin_places(narration)
    unit.explicit_dates = {
        t.value
        for t in analysis.times
        if t.start >= start
        and t.end <= end
        and t.type == "DATE"
        and narration[t.start - start : t.end - start].strip()
        and _is_written_date(t.text)
    }


_ADMIN_PLACE = re.compile(
    r"((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)\s+"
    r"(state|county|province|district|region|village|township|prefecture)\b",
    re.IGNORECASE,
)


def admin_places(text: str) -> dict[str, set[str]]:
    """Places named with their kind ("Upper Nile state", "Linden County"), by kind:
    {"state": {"upper nile"}}. Two of one kind with different names are different places."""
    out: dict[str, set[str]] = {}
    for m in _ADMIN_PLACE.finditer(text):
        name_words = m.group(1).split()
        if not name_words[-1][:1].isupper():
            continue
        # Only the capitalized run right before the kind ("in South Sudan's Upper Nile
        # state" -> Upper Nile), without a sentence-initial article.
        run: list[str] = []
        for w in reversed(name_words):
            if not w[:1].isupper() or w.lower() in STOPWORDS:
                break
            run.insert(0, w.lower())
        if run:
            out.setdefault(m.group(2).lower(), set()).add(" ".join(run))
    return out


def _is_written_date(text: str) -> bool:
    """A date spelled out with a day number or a year, not one resolved from "Monday"."""
    toks = words(text)
    return any(t.isdigit() for t in toks) and (
        any(t in MONTHS for t in toks) or any(len(t) == 4 and t.isdigit() for t in toks)
    )


_PARTICIPLE_START = re.compile(r"[a-z]+ing\s")


def _inherit_subject(unit: Unit, main: Unit) -> None:
    """A participial clause cut from its sentence (", closing the bridge indefinitely")
    has the main clause's subject, place and time: who and when it is about come from
    there, what happens from its own words."""
    unit.entities |= main.entities
    unit.people |= main.people
    unit.dates |= main.dates
    unit.stems.extend(w for w in main.stems if w in WEEKDAYS and w not in unit.stems)


def build_units(items: Sequence[Item], clauses: bool = True) -> list[Unit]:
    """Every clause (or, with clauses=False, every sentence) of every article, with its
    quote share and features."""
    groups = independent_sources(items)
    units: list[Unit] = []
    for i, (stored, analysis) in enumerate(items):
        text = stored.article.text
        # Partial quotes are phrases inside the narrator's own statement ("called for an
        # 'immediate cease-fire'"): they stay. Full quotes and tweets are speech, aligned
        # by the quote comparison, and are blanked out here.
        speech = [
            (q.start, q.end)
            for q in analysis.quotes
            if q.kind in ("direct", "tweet") or (q.kind == "indirect" and q.end - q.start > 200)
        ]
        # Never cut inside quoted words; the reported content of an indirect quote is the
        # narrator's paraphrase and may hold several facts, so it may be cut.
        protected = [(q.start, q.end) for q in analysis.quotes if q.kind != "indirect"]
        for position, (s0, s1) in enumerate(sentence_spans(text, analysis)):
            s0, s1 = trim_span(text, s0, s1)
            if position == 0 and (dateline := DATELINE.match(text, s0, s1)):
                s0 = dateline.end()
            spans = clause_spans(text, s0, s1, protected) if clauses else [(s0, s1)]
            for start, end in spans:
                if end <= start:
                    continue
                sentence = text[start:end]
                narration = blank_quotes(text, start, end, speech)
                quoted = sum(
                    1 for a, b in zip(sentence, narration, strict=True) if a != b and a != " "
                )
                letters = sum(1 for c in sentence if not c.isspace()) or 1
                unit = Unit(
                    index=len(units),
                    item=i,
                    article_id=stored.article.id,
                    outlet=outlet_of(stored),
                    source=groups[i],
                    start=start,
                    end=end,
                    text=sentence,
                    narration=narration,
                    position=position,
                    quoted_share=quoted / letters,
                    headline=is_headline(text[s0:s1], position),
                )
                _unit_features(unit, text, analysis, speech, (s0, s1))
                previous = units[-1] if units else None
                if (
                    previous is not None
                    and previous.item == i
                    and previous.position == position
                    and _PARTICIPLE_START.match(sentence)
                ):
                    _inherit_subject(unit, previous)
                units.append(unit)
    return units


HEADLINE_MAX_WORDS = 20


def is_headline(sentence: str, position: int) -> bool:
    """Whether a sentence is a headline (or a dateline) printed with the text: one of its
    first two lines, short, and without the full stop of a sentence of the story
    ("Fire guts Alderbrook freight warehouse; 12 hurt")."""
    sentence = sentence.strip()
    if position > 1 or not sentence:
        return False
    return sentence[-1] not in ".!?\"”’'" and len(words(sentence)) <= HEADLINE_MAX_WORDS


def is_statement(unit: Unit) -> bool:
    """A sentence worth comparing: mostly the narrator's words, not boilerplate, not a stub."""
    if unit.quoted_share > 0.5 or is_boilerplate(unit.text):
        return False
    if quote_mark_share(unit.text) > QUOTED_BY_MARKS:
        return False
    return len(unit.stems) >= MIN_CONTENT_WORDS


_QUOTE_MARK = re.compile(r"``|''|[\"“”]")
# Above this share of letters between quotation marks a unit is speech; below, a statement
# with a partial quote (called the delay "inexcusable", called the response "nothing short
# of heroic").
QUOTED_BY_MARKS = 0.75


def quote_mark_share(text: str) -> float:
    """The share of a text's letters that stand between quotation marks, read from the
    marks themselves (``...'', "...", “...”): speech the quote finder missed is still
    speech. A clause that opens with the end of a quote ("... an earthquake,'' she said")
    was inside it up to that mark."""
    inside = False
    quoted = 0
    pos = 0
    first = True
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group(0)
        closes = mark in ("''", "”") or (mark == '"' and inside)
        if first and closes and not inside:
            inside = True  # the clause began inside a quote
        first = False
        if inside:
            quoted += sum(1 for c in text[pos : m.start()] if c.isalnum())
        pos = m.end()
        inside = not closes
    if inside:
        quoted += sum(1 for c in text[pos:] if c.isalnum())
    letters = sum(1 for c in text if c.isalnum())
    return quoted / letters if letters else 0.0


def tfidf_matrix(docs: Sequence[Iterable[str]]) -> np.ndarray:
    """Rows: L2-normalized TF-IDF vectors (sublinear tf) of the given token lists."""
    counts = [Counter(d) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = {w: j for j, w in enumerate(df)}
    n = len(counts)
    matrix = np.zeros((n, max(len(vocab), 1)), dtype=np.float32)
    for i, c in enumerate(counts):
        for w, tf in c.items():
            matrix[i, vocab[w]] = (1.0 + math.log(tf)) * (math.log((n + 1) / (df[w] + 1)) + 1.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: np.ndarray = matrix / norms
    return result
