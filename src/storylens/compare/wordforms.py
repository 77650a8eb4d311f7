"""Words reduced to the forms sources are compared in.

Outlets word one fact differently: "killed", "kills" and "killing" meet at "kill",
"cease-fire" at "ceasefire", "twelve" at "12", "1,200" at "1200". This module holds the
tokenizer, that normalization, the crude stemmer and the word lists (stop words,
negations, months, weekdays) that every comparison of wording builds on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storylens.analyze.time_lexicon import MONTHS as MONTH_NUMBERS

WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’.,][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


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


# Past forms of irregular verbs news tells events with, met at their base form as the
# suffix stripper meets regular ones ("kept" / "keeping" at "keep", "began" / "begin").
_IRREGULAR = {
    "began": "begin", "begun": "begin", "kept": "keep", "took": "take", "taken": "take",
    "fled": "flee", "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise",
    "struck": "strike", "stricken": "strike", "shot": "shoot", "caught": "catch",
    "held": "hold", "brought": "bring", "built": "build", "sent": "send", "spent": "spend",
    "sold": "sell", "bought": "buy", "paid": "pay", "lost": "lose", "won": "win",
    "gave": "give", "given": "give", "ran": "run", "stood": "stand", "threw": "throw",
    "thrown": "throw", "broke": "break", "broken": "break", "chose": "choose",
    "chosen": "choose", "drove": "drive", "driven": "drive", "flew": "fly", "flown": "fly",
    "froze": "freeze", "frozen": "freeze", "hid": "hide", "hidden": "hide", "led": "lead",
    "sought": "seek", "swept": "sweep", "wore": "wear", "withdrew": "withdraw",
    "withdrawn": "withdraw", "arose": "arise", "arisen": "arise",
}  # fmt: skip


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to meet "killed"/"kills"/"killing" at "kill"."""
    word = _IRREGULAR.get(word, word)
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


_NUMBER_SIGN_AFTER = re.compile(r"\.\s*\d")


def words(text: str) -> list[str]:
    """All normalized words of a text, stop words included (for negation and number context)."""
    out = []
    for m in WORD.finditer(text):
        raw = m.group(0)
        if raw in ("No", "no") and _NUMBER_SIGN_AFTER.match(text, m.end()):
            continue  # "Suspect No. 1": a number sign, no negation
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


# Negation words that negate no statement: a bound ("no more than two", "no later than
# Friday"), an addition ("not only"), a plea ("pleaded not guilty" is what was pleaded).
_BOUND_WORDS = frozenset("more less fewer later earlier sooner greater higher lower".split())
_PLEA = frozenset("plead pleaded pleads pleading pled".split())
# "has yet to be scored" says "not yet": a negation without a negation word.
_AUXILIARIES = frozenset("has have had is are was were".split())


def _negation_at(tokens: list[str], i: int) -> bool:
    tok = tokens[i]
    after = tokens[i + 1 : i + 3]
    if tok in NEGATIONS or tok in NEGATION_VERBS:
        if after[:1] and after[0] in _BOUND_WORDS and after[1:2] == ["than"]:
            return False
        if after[:1] == ["only"]:
            return False
        return not (tok == "not" and i > 0 and tokens[i - 1] in _PLEA)
    return tok == "yet" and after[:1] == ["to"] and i > 0 and tokens[i - 1] in _AUXILIARIES


_CONTRAST = re.compile(r",\s+not\s+(?!only\b)", re.IGNORECASE)


def negation_words(text: str) -> list[str]:
    """The words of a text as negation reads them: a contrast after a comma ("based on
    age, not income") negates no statement, and is left out."""
    return words(_CONTRAST.sub(", ", text))


def is_negated(tokens: list[str]) -> bool:
    return any(_negation_at(tokens, i) for i in range(len(tokens)))


# Adverbs between a negation and what it negates ("did not immediately return", "has not
# yet said"): the negated word is the next one.
_NEGATION_ADVERBS = frozenset(
    "immediately yet ever even also only always really publicly formally directly one".split()
)


def negated_words(tokens: list[str]) -> list[str]:
    """The word each negation cue negates: the first content word after it ("did not
    address the charges" -> "address", "no injuries" -> "injuries"), numbers, "one" ("no
    one was hurt") and adverbs ("not immediately") passed over; after "none of", the words
    said of the noun ("none of the bullets entered from the back" -> "entered", "back")."""
    out: list[str] = []
    for i in range(len(tokens)):
        if not _negation_at(tokens, i):
            continue
        none_of = tokens[i] in ("none", "neither") and tokens[i + 1 : i + 2] == ["of"]
        content = [
            w
            for w in tokens[i + 1 : i + (9 if none_of else 5)]
            if not (w == "to" or w in STOPWORDS or w in NEGATIONS or w in _NEGATION_ADVERBS)
            and not is_number(w)
        ]
        if none_of:
            # "None of the bullets entered from the back" negates what is said of the
            # bullets, not the bullets.
            out.extend(w for w in content[1:4] if w.isalpha())
        elif content and content[0].isalpha():
            out.append(content[0])
    return out


def is_number(word: str) -> bool:
    return bool(_NUMBER.match(word))
