"""Numbers and what they count, read without a parser.

"12 people were hurt" and "injured 14 people" state one fact with two values: to see
that, each number is read with the slot it fills: the content words next to it, the
plural noun it counts ("three undersea cables" -> cables), and the verb of its clause
("of which four exploded" -> four of the bombs, exploded). Claims compare numbers only
when their slots agree.

A number that is part of a name ("Boeing 737", "Flight 302", "the S&P 500") is no
quantity (identifier_values, without_identifiers): on an ABP story about an air crash,
"737" and "8" of "737 Max 8" aligned 14 sentences about other facts into agreed claims
(one right) and made a 737-vs-8 dispute; examples/ and ECB+ 30+41, 36+43 unchanged, ABP
held-out one right claim grown by a third outlet ("Title 7" / "Title VII").
"""

from __future__ import annotations

import itertools
import math
import re
from functools import lru_cache

from storylens.compare.predicates import EVENT_CLASSES, REPORTING, slot_word
from storylens.compare.wordforms import (
    MONTHS,
    NEGATIONS,
    STOPWORDS,
    WEEKDAYS,
    WORD,
    is_number,
    normalize_word,
    stem,
)


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
    for m in WORD.finditer(text):
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
    if stem(w) in REPORTING or (j > 0 and tokens[j - 1] in _DETERMINERS):
        return False
    if w in _IRREGULAR_VERBS or (slot_word(w) in EVENT_CLASSES and w != slot_word(w)):
        return True
    if len(w) >= 5 and w.endswith("ed") and not w.endswith("eed"):
        return True
    return len(w) >= 6 and w.endswith("ing") and w not in _ING_NOUNS


@lru_cache(maxsize=16384)
def weekday_verbs(text: str) -> tuple[tuple[str, str], ...]:
    """Each weekday of the text with the nearest verb-like word of its clause, met at its
    event class ("performed Monday" -> ("monday", "performed"); "" when there is none):
    what happened that day."""
    tokens, clauses = _clause_words(text)
    out = []
    for i, t in enumerate(tokens):
        if t not in WEEKDAYS:
            continue
        same = [j for j in range(len(tokens)) if clauses[j] == clauses[i] and j != i]
        verbs = [j for j in sorted(same, key=lambda j: abs(j - i)) if _is_verb_like(tokens, j)]
        out.append((t, slot_word(tokens[verbs[0]]) if verbs else ""))
    return tuple(out)


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


# Words before a number that make it a bound or an estimate, not an exact figure: sources
# that round differently ("more than eight minutes" / "nearly nine minutes", "about three
# hours" / "less than four hours") do not disagree.
_OVER = frozenset({("more", "than"), ("over",), ("at", "least"), ("upwards", "of")})
_UNDER = frozenset({("less", "than"), ("fewer", "than"), ("under",), ("up", "to"), ("at", "most")})
_NEARLY = frozenset({("nearly",), ("almost",), ("just", "under"), ("close", "to")})
_ABOUT = frozenset(
    {("about",), ("around",), ("roughly",), ("approximately",), ("some",), ("estimated",)}
)
# How far an estimate ("about 3,000") or a "nearly" may lie from the figure it rounds:
# "about $4.6 million" and "an estimated $6.4 million" are two figures (measured on
# examples/, a margin of 0.2 let them agree).
ESTIMATE_MARGIN = 0.1
NEARLY_MARGIN = 0.15


def number_ranges(tokens: list[str]) -> list[tuple[str, float, float]]:
    """(number, low, high): the values each number of the tokens allows, from the words
    before it ("more than 8" -> (8, inf), "nearly 9" -> (7.2, 9), "about 3" -> (2.4, 3.6),
    "8" -> (8, 8))."""
    out = []
    for i, tok in enumerate(tokens):
        if not is_number(tok):
            continue
        try:
            value = float(tok.replace(",", ""))
        except ValueError:
            continue
        one, two = tuple(tokens[i - 1 : i]), tuple(tokens[max(0, i - 2) : i])
        low, high = value, value
        if one in _OVER or two in _OVER:
            high = math.inf
        elif one in _UNDER or two in _UNDER:
            low = 0.0
        elif one in _NEARLY or two in _NEARLY:
            low = value * (1 - NEARLY_MARGIN)
        elif one in _ABOUT or two in _ABOUT:
            low, high = value * (1 - ESTIMATE_MARGIN), value * (1 + ESTIMATE_MARGIN)
        out.append((tok, low, high))
    return out


# Words that make a figure a threshold, what is needed, not a count of what is or was:
# "the 51 votes required to set the rules", "the requisite 20 senators", "Democrats need
# four Republicans". A threshold and a count of one noun are two quantities ("it takes 51
# senators" / "four senators could form a majority"), not two sources at odds. "take"
# only before the figure: "cost $6 million and take six weeks" is no threshold.
_NEED_WORDS = frozenset(
    "need needs needed require requires required requisite necessary enough".split()
)
_NEED_BEFORE = frozenset({"take", "takes"})
NEED_WINDOW = 3


def threshold_numbers(tokens: list[str]) -> set[str]:
    """The numbers of the tokens stated as a threshold (see _NEED_WORDS)."""
    out = set()
    for i, tok in enumerate(tokens):
        if not is_number(tok):
            continue
        before = tokens[max(0, i - NEED_WINDOW) : i]
        after = tokens[i + 1 : i + 1 + NEED_WINDOW]
        if _NEED_WORDS.intersection(before + after) or _NEED_BEFORE.intersection(before):
            out.add(tok)
    return out


# A round figure of a hundred or more ("$400 million", "2,000 homes") may round an exact
# one ("$391 million", "1,960 homes"): sources that give one the round figure and one the
# exact do not disagree. Small counts are not rounded ("10 people" / "12 people").
ROUND_MIN = 100
ROUND_MARGIN = 0.05


DECIMAL_MARGIN = 0.1


def may_round(value_a: str, value_b: str) -> bool:
    """Whether one of two figures is a round one that the other may be rounded to."""
    try:
        a, b = float(value_a.replace(",", "")), float(value_b.replace(",", ""))
    except ValueError:
        return False
    return any(
        r >= ROUND_MIN and r.is_integer() and int(r) % 100 == 0 and abs(r - x) <= ROUND_MARGIN * r
        for r, x in ((a, b), (b, a))
    ) or any(
        # A figure of a scale ("$1.07 trillion") said as the whole number it rounds to
        # ("$1 trillion"), when that is close.
        r.is_integer() and not x.is_integer() and round(x) == r and abs(r - x) <= DECIMAL_MARGIN * x
        for r, x in ((a, b), (b, a))
    )


_PERCENT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)


def percent_values(text: str) -> set[str]:
    """The figures of the text given as a percentage ("0.2%", "54 percent"), as words()
    writes them: a percentage and a count of points or dollars are two measures of one
    change ("lost 0.2%" / "lost 9.35 points"), never two values of one."""
    return {normalize_word(m.group(1)) for m in _PERCENT.finditer(text)}


# Words between the two ends of a range ("five to 99 years", "between two and 20",
# "from five years to life"); "life" and "death" end sentence ranges.
_RANGE_LINKS = frozenset({"to", "and", "through", "or"})
_RANGE_ENDS = frozenset({"life"})
RANGE_GAP = 2


# Words after a number that make it a count of the rest: "five other committees", "two
# more deaths", "three additional charges"; not time ("remained for two more weeks" is the
# span "two weeks after that" gives).
_SPANS_OF_TIME = frozenset(
    {"minutes", "hours", "days", "weeks", "months", "years", "decades", "nights", "seasons"}
)
_REST = frozenset({"other", "others", "more", "additional", "further", "remaining"})


def rest_numbers(tokens: list[str]) -> set[str]:
    """The numbers of the tokens that count what is left beyond something already counted
    ("Five other committees are also investigating"): no figure of the whole, so no
    conflict with another source's total ("Six committees")."""
    return {
        tok
        for tok, nxt, noun in itertools.zip_longest(tokens, tokens[1:], tokens[2:], fillvalue="")
        if is_number(tok) and nxt in _REST and noun not in _SPANS_OF_TIME
    }


def range_numbers(tokens: list[str]) -> set[str]:
    """The numbers of the tokens that are an end of a range ("faces five to 99 years in
    prison" -> 5, 99): a bound of what may be, not a figure of what is, so neither
    contradicts another source's figure within or outside it ("a sentence of 28 years")."""
    out = set()
    for i, tok in enumerate(tokens):
        if not is_number(tok):
            continue
        # Up to RANGE_GAP words (a unit: "five years to life") between the number and the
        # link, then the other end.
        for j in range(i + 1, min(len(tokens), i + 2 + RANGE_GAP)):
            if tokens[j] in _RANGE_LINKS:
                nxt = tokens[j + 1 : j + 2]
                if nxt and (is_number(nxt[0]) or nxt[0] in _RANGE_ENDS):
                    if tokens[j] == "and" and "between" not in tokens[max(0, i - 2) : i]:
                        break
                    out.add(tok)
                    if is_number(nxt[0]):
                        out.add(nxt[0])
                break
            if is_number(tokens[j]):
                break
    return out


# A number that is part of a name is no quantity: "Boeing 737", "its 737 Max 8 jets",
# "Flight 302", "Section 230", "the S&P 500", "Suspect No. 1". A number written after a capitalized word
# that is not a month, a weekday, a function word or a word of approximation ("About 40",
# "In 2019") is a name's, and so is the same number anywhere else in the article ("its 737
# Max jets" in an article that writes "Boeing 737"). A capitalized word after a number
# proves nothing: "100 Boeing jets" counts jets.
_BARE_NUMBER = re.compile(r"(?<![\w$£€.,])\d+(?:\.\d+)?(?![\w%]|[.,]\d)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’&-]*)\s+$")
NAME_NUMBER_DIGITS = 3
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_APPROXIMATION = frozenset(
    "nearly around almost less more since roughly approximately about over under some only "
    "just no nos".split()
)


# "No. 1" and "#2" number a thing ("Suspect No. 1"): a rank or a label, not a count.
_NUMBER_SIGN = re.compile(r"(?:\b[Nn]o\.|#)\s*$")


def _is_name_number(text: str, start: int) -> bool:
    """Whether the number at `start` is written as part of a name: after a name word or
    after a number sign."""
    left = text[max(0, start - 30) : start]
    if _NUMBER_SIGN.search(left):
        return True
    before = _WORD_BEFORE.search(left)
    return before is not None and _names_before(before.group(1))


def _names_before(word: str) -> bool:
    low = word.lower().rstrip(".")
    return (
        word[0].isupper()
        and not low.endswith(("'s", "’s", "s'", "s’"))  # "Clinton's 1999 trial": a date
        and low not in MONTHS
        and low not in WEEKDAYS
        and low not in STOPWORDS
        and low not in _APPROXIMATION
    )


@lru_cache(maxsize=512)
def identifier_values(article_text: str) -> frozenset[str]:
    """The numbers an article writes as part of a name somewhere ("Boeing 737")."""
    out = set()
    for m in _BARE_NUMBER.finditer(article_text):
        if _YEAR.fullmatch(m.group(0)):
            continue
        if _is_name_number(article_text, m.start()):
            out.add(m.group(0))
    return frozenset(out)


# A thing numbered by a label ("Suspect No. 1", "Flight 302", "Boeing 737"): the label word
# and its number. Written the same way elsewhere in any case ("suspect 2", "flight 88").
_LABELLED = re.compile(r"\b([A-Za-z][\w'’-]*)\s+(?:[Nn]o\.\s*|#\s*)?(\d+)\b(?![.,]\d)")


@lru_cache(maxsize=4096)
def numbered_labels(text: str) -> frozenset[tuple[str, str]]:
    """(label word, number) of the things the text numbers by a label (see
    _is_name_number), years aside: ("suspect", "1") for "Suspect No. 1"."""
    out = set()
    for m in _LABELLED.finditer(text):
        if not _YEAR.fullmatch(m.group(2)) and _is_name_number(text, m.start(2)):
            out.add((m.group(1).lower(), m.group(2)))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _numbers_after(text: str) -> dict[str, frozenset[str]]:
    after: dict[str, set[str]] = {}
    for m in _LABELLED.finditer(text):
        after.setdefault(m.group(1).lower(), set()).add(m.group(2))
    return {k: frozenset(v) for k, v in after.items()}


def other_numbered(a: str, b: str) -> bool:
    """Whether two texts name different things of one label ("Suspect No. 1" / "suspect
    2", "Flight 302" / "flight 88"): a label one numbers that the other writes only with
    other numbers."""
    for first, second in ((a, b), (b, a)):
        numbers = _numbers_after(second)
        for word, number in numbered_labels(first):
            theirs = numbers.get(word)
            if theirs and number not in theirs:
                return True
    return False


def without_identifiers(text: str, names: frozenset[str]) -> str:
    """The text with the digits of name numbers spelled as letters (same length), so that
    number features read only quantities and dates: a number after a name word here, or
    one of `names` (see identifier_values) of three digits or more."""
    chars = list(text)
    changed = False
    for m in _BARE_NUMBER.finditer(text):
        if _YEAR.fullmatch(m.group(0)):
            continue  # a year is a date, read as one ("the Obama 2012 campaign")
        local = _is_name_number(text, m.start())
        # Elsewhere in the article only numbers of three digits or more are the name's:
        # "Max 8" does not make every 8 of the article a name.
        if local or (m.group(0) in names and len(m.group(0)) >= NAME_NUMBER_DIGITS):
            changed = True
            for i in range(m.start(), m.end()):
                if chars[i].isdigit():
                    chars[i] = "abcdefghij"[int(chars[i])]
    return "".join(chars) if changed else text
