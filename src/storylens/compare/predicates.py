"""What a statement says happens, as opposed to who says it.

Reporting verbs ("said", "according to") and anonymity frames ("spoke on condition of
anonymity") are set aside; event words news uses interchangeably meet at one class
("hurt" = "injured", "raid" = "attack"); call-and-demand wordings meet at "demand". The
result, a unit's predicate words, tells two statements of one fact from two statements
that only name the same people.
"""

from __future__ import annotations

import re

from storylens.compare.wordforms import MONTHS, WEEKDAYS, content_stems, is_number, stem

# Words that report or frame a statement rather than state it; and news frames for
# anonymous sources, which say nothing about the fact itself.
REPORTING = frozenset(
    stem(w)
    for w in """said say says told tell telling according added adding stated statement
    announced announcement reported report reports reporter reporters spokesperson spokesman
    spokeswoman interview confirmed noted explained wrote news conference press also
    official officials later earlier reportedly""".split()
)
# Predicate words that say who or where rather than what happens: roles and titles
# ("officers", "presidential nominee") and levels and scopes ("state and local",
# "nationwide"). Two statements of a story sharing only these and one event word tell
# different facts of the same people or places ("three officers at the scene were charged"
# / "three officers on the scene were fired").
SETTING_WORDS = frozenset(
    stem(w)
    for w in """officer officers police president presidential presumptive nominee secretary
    senator chairman chairwoman member members leader leaders
    level local state federal national nationwide countrywide worldwide statewide country
    department city include including""".split()
)
# Predicate words that say when: spans and points of time ("last week", "9 p.m.",
# "recent", "next"). They are the words of a date: shared with a date both statements
# name ("over the weekend"), they say the two tell one time; without one, "arrested last
# week" and "a week of protests" share a word and no time.
TIME_WORDS = frozenset(
    stem(w)
    for w in """week weekend day days month year hour minute minutes night tonight morning
    evening afternoon pm am time next last recent recently ago first initially""".split()
)
_ATTRIBUTION_FRAME = re.compile(
    r"\b(?:who|because (?:he|she|they) (?:was|were|is|are))?\s*(?:asked|spoke on condition) "
    r"(?:not to be (?:named|identified)|of anonymity)[^,.;]*|"
    r"\b(?:because (?:he|she|they) (?:was|were|is|are) )?not authorized to "
    r"(?:speak|discuss|comment)[^,.;]*|\bfamiliar with [^,.;]*",
    re.IGNORECASE,
)
# Event words news reports use interchangeably, met at one stem.
SYNONYMS = {
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
    # A verdict is told as a conviction or as being found guilty.
    "guilty": "convict", "verdict": "convict",
}  # fmt: skip
# The event classes: what the lexicon above meets its words at. A shared event class with
# the same participants, or the same counted thing, marks statements of one event even
# when the rest of their wording differs (see claims.similarity_matrix).
EVENT_CLASSES = frozenset(SYNONYMS.values())
# A call or demand is one frame however it is worded: "called for X", "called on Y to
# agree to X", "is pushing for X", "pressed for X", "urged": met at the word "demand", so
# that the frame is shared and its object (X) is compared by its own words.
DEMAND_FRAME = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:for|on)|(?:push|press)(?:es|ed|ing)?\s+for|"
    r"urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)


def frame_words(text: str) -> str:
    """The text with frame wordings met at one word (see DEMAND_FRAME)."""
    return DEMAND_FRAME.sub(" demand ", text)


_APPOSITIVE = re.compile(r"(?<=\S)\s*,\s+(?:a|an|the)\s[^,;.:]{3,80}?(?:,|$|(?=\.\s*$))")
_OPENING_PHRASE = re.compile(
    r"^\W*(?:In|On|At|By|During|After|Before|Since|Until|Last|Earlier|Later|Over|From)\b[^,;.]{1,40},"
    # "A day before the Senate vote,", "Hours after the blast,": a span of time first.
    r"|^\W*(?:[\w'’-]+\s+){1,3}(?:before|after|since|until|ahead\s+of)\b[^,;.]{1,40},"
)
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
    # not what happens. The comma after an opening phrase of time or place ("In March, the
    # bridge was closed") opens the sentence's own statement, no appositive.
    text = _APPOSITIVE.sub(" ", _OPENING_PHRASE.sub(lambda m: m.group(0)[:-1] + " ", text))
    # Capitalized words after the first are names and titles the tagger missed
    # ("Harbor Commissioner", "General Hospital"): who, not what happens.
    lead = _FIRST_WORD.match(text)
    cut = lead.end() if lead else 0
    text = text[:cut] + _CAPITALIZED.sub(" ", text[cut:])
    out = set()
    for w in content_stems(frame_words(text)):
        if is_number(w) or w in MONTHS or w in WEEKDAYS or w in REPORTING:
            continue
        out.add(SYNONYMS.get(w, w))
    return out


def slot_word(word: str) -> str:
    """A word as a slot name: stemmed, event synonyms met."""
    w = stem(word)
    return SYNONYMS.get(w, w)
