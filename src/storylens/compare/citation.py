"""Whether another article holds a summary sentence's content, so that it may be cited.

A summary sentence cites its own article and every other article with one sentence that
states the same content. Bag-of-words coverage alone (half of the sentence's content
words, IDF-weighted over the story's sentences, and all of its numbers) cites too much
on real news: in a story where every sentence names "former Vice President Joe Biden",
"Biden on Wednesday said he supports the impeachment" was held by any sentence naming
him next to the word "impeachment". So the other sentence must also:

- be a statement of the article, not a photo caption, a credit or boilerplate;
- hold half of the sentence's predicate words (what happens: words outside names,
  numbers, dates, reporting verbs and title modifiers such as "former"; see
  predicates.predicate_words), IDF-weighted as well;
- name the same weekday when both name one ("set bail on Monday" / "had bail set at
  their arraignment Thursday" tell two hearings);
- and its article must contain the sentence's quoted words: a quotation is content, and
  narration around "Defund the Police" is not narration around "Black Lives Matter".

Measured by hand (python -m storylens.eval.citations --db STORE prints each citation
with the sentence that earned it) on every citation of another article in the summaries of all
multi-article stories of five stores of ABP articles (right when the cited article states
the sentence's content, its quotations included). Tuning stores (2020-06-01..09,
2019-10, 2020-01, 2018-10-01..08), before -> after: 14/25 -> 12/15, 33/63 -> 30/36,
15/19 -> 14/17 (one new right), 6/7 -> 4/4; held out, judged before the rules were
final (2019-03-01..12, 141 articles): 9/16 -> 7/8. In all, 77 of 130 citations were
right (59%) and 67 of 80 are (84%); 10 right ones were lost, mostly paraphrases ("called
for his impeachment" / "supports the impeachment") and shorter quotations of a longer
one. Quotations of one or two words are emphasis ("a 'phase one' deal") and not
required; words are met at their stems ("step back" / "stepping back"). Same-day
wording is not required: most sentences name no weekday.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from storylens.compare.captions import is_caption
from storylens.compare.narration import is_boilerplate
from storylens.compare.predicates import SETTING_WORDS, TIME_WORDS, predicate_words
from storylens.compare.text_units import Item, Unit
from storylens.compare.wordforms import (
    WEEKDAYS,
    content_stems,
    is_number,
    normalize_word,
    stem,
    words,
)

COVERAGE_TO_CITE = 0.5  # share of a sentence's content weight another sentence must hold
PREDICATES_TO_CITE = 0.2  # and share of its predicate words' weight
# Quotations of fewer words are emphasis ("a 'phase one' deal") the fact stands without.
MIN_QUOTED_WORDS = 3
QUOTE_WINDOW = 4  # a longer quotation is held when any run of this many of its words is
# Words that qualify a title, not what happens ("former Vice President", "then-Secretary").
ROLE_MODIFIERS = frozenset({"former", "then", "acting", "late", "current", "interim"})
# Titles written in lower case ("Canadian prime minister Justin Trudeau"): who, not what.
TITLES = frozenset(
    stem(w)
    for w in """minister prime adviser advisor ambassador governor mayor chief director
    spokesperson lawmaker lawmakers official officials""".split()
)
# Verbs of aspect that carry the predicate after them ("went on to label", "is going to").
LIGHT_VERBS = frozenset({"went", "go", "goes", "gone", "going", "continu", "continue", "begin"})
# Who, when and how: the predicate words a sentence shares with another about other facts
# of the same people ("three officers on the scene were fired" / "... were charged").
_NOT_WHAT_HAPPENS = ROLE_MODIFIERS | LIGHT_VERBS | TITLES | SETTING_WORDS | TIME_WORDS
_QUOTATION = re.compile(r"[\"“”]([^\"“”]{2,300})[\"“”]|‘([^‘’]{2,300})’")
_TOKEN = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ENDS = {".", "!", "?", '"', "“", "”", ":"}


def stem_tokens(text: str) -> str:
    """Lower-case word stems, space-separated ("stepping back" -> "step back")."""
    return " ".join(stem(w) for w in _TOKEN.findall(text.lower().replace("’", "'")))


def quoted_words(text: str) -> list[str]:
    """The sentence's quotations as lower-case word sequences (marks and case aside)."""
    out = []
    for m in _QUOTATION.finditer(text):
        inside = stem_tokens(m.group(1) or m.group(2) or "")
        if len(inside.split()) >= MIN_QUOTED_WORDS:
            out.append(inside)
    return out


def holds_quotation(quotation: str, text: str) -> bool:
    """Whether `text` (lower-case words) quotes `quotation` (the same), whole or, when it
    is longer than QUOTE_WINDOW words, in part: outlets quote a statement at different
    lengths ("100 percent false")."""
    if f" {quotation} " in f" {text} ":
        return True
    q = quotation.split()
    return len(q) > QUOTE_WINDOW and any(
        f" {' '.join(q[i : i + QUOTE_WINDOW])} " in f" {text} "
        for i in range(len(q) - QUOTE_WINDOW + 1)
    )


def weekdays_of(text: str) -> set[str]:
    return {w for w in words(text) if w in WEEKDAYS}


def predicates_of(narration: str) -> set[str]:
    return predicate_words(narration, []) - _NOT_WHAT_HAPPENS


def name_stems(texts: Iterable[str]) -> set[str]:
    """Stems of the words the story only writes capitalized inside sentences: names the
    predicate words keep when they open a sentence ("Chauvin and three other officers")."""
    upper: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for m in _WORD.finditer(text):
            w = m.group(0)
            if (
                w[0].isupper()
                and m.start() > 0
                and text[m.start() - 2 : m.start()].strip() not in _ENDS
            ):
                upper.add(stem(normalize_word(w)))
            elif w[0].islower():
                lower.add(stem(normalize_word(w)))
    return upper - lower


class Citations:
    """The story's sentences indexed for the citation check."""

    def __init__(self, items: Sequence[Item], units: Sequence[Unit]) -> None:
        self.units = [u for u in units if u.stems]
        df = Counter(w for u in self.units for w in set(u.stems))
        n = len(self.units)
        self.idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}
        self.names = name_stems(stored.article.text for stored, _ in items)
        self.preds = {u.index: self.predicates(u.narration) for u in self.units}
        pdf = Counter(w for p in self.preds.values() for w in p)
        self.pred_idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in pdf.items()}
        self.weekdays = {u.index: weekdays_of(u.text) for u in self.units}
        self.statement = {
            u.index: not (is_caption(u.text) or is_boilerplate(u.text)) for u in self.units
        }
        self.article_words = {
            stored.article.id: stem_tokens(stored.article.text) for stored, _ in items
        }

    def predicates(self, narration: str) -> set[str]:
        return predicates_of(narration) - self.names

    def _states(self, preds: set[str], theirs: set[str], quotations: int) -> bool:
        """Whether a sentence with predicate words `theirs` says what happens in one with
        `preds`: a third of their weight, and two of them (a quotation both hold counts as
        one) when there are two: one shared word ("impeachment") is the story's topic."""
        if self._share(preds, theirs, self.pred_idf) < PREDICATES_TO_CITE:
            return False
        return len(preds & theirs) + quotations >= min(2, len(preds))

    def _share(self, mine: set[str], theirs: set[str], idf: dict[str, float]) -> float:
        total = sum(idf.get(w, 1.0) for w in mine)
        return sum(idf.get(w, 1.0) for w in mine & theirs) / total if total else 0.0

    def holder(self, text: str, narration: str, article_id: str) -> Unit | None:
        """The sentence of `article_id` that holds the content of `text` (its narration:
        the text with direct quotes blanked), or None."""
        theirs = self.article_words.get(article_id, "")
        quotes = quoted_words(text)
        if not all(holds_quotation(q, theirs) for q in quotes):
            return None
        mine = set(content_stems(text))
        if not mine:
            return None
        numbers = {w for w in words(text) if is_number(w)}
        preds = self.predicates(narration)
        days = weekdays_of(text)
        best: tuple[float, Unit] | None = None
        for u in self.units:
            if u.article_id != article_id or not self.statement[u.index]:
                continue
            if not numbers <= u.numbers_set:
                continue
            if days and self.weekdays[u.index] and not days & self.weekdays[u.index]:
                continue
            share = self._share(mine, set(u.stems), self.idf)
            if share < COVERAGE_TO_CITE:
                continue
            if preds and not self._states(preds, self.preds[u.index], len(quotes)):
                continue
            if best is None or share > best[0]:
                best = (share, u)
        return best[1] if best else None
