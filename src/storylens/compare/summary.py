"""The cited summary of a story: three to seven sentences, corroborated facts first.

Extractive, in the manner of classic multi-document news summarizers. Every narrated
sentence of sane length (no headlines, datelines, boilerplate, photo captions, quote
fragments or disputed statements) is scored on four signals:

- centrality: TF-IDF cosine of the sentence with the text of each other independent
  source, averaged over sources: what the story's articles have in common;
- title words: cosine with the articles' headlines (Edmundson's title method);
- position: news leads state the main facts, so early sentences weigh more (the lead
  baseline's strength, combined rather than fought): the sum of the other signals is
  multiplied by 1 + 1 / (1 + position);
- corroboration: the number of independent outlets whose claim the sentence takes part
  in (storylens.compare.claims), as a share of the story's sources.

Sentences are then picked by maximal marginal relevance (the score discounted by the
similarity to what is already picked), near-duplicates never, nor a sentence counting
what another already counted ("injuring three people" / "injured three people, two
employees and a firefighter": counted_facts; ECB+ 23-45 coverage unchanged at 0.869),
and presented corroborated first. Tried and not kept: leaving out any sentence whose
TF-IDF cosine over the story's sentences with one already picked is 0.3 or more (two
outlets' wordings of one fact the claims do not align, "Democrats unveiled a police
reform bill on Monday" / "congressional Democrats unveiled sweeping legislation on
Monday", sit at 0.24-0.32). ECB+ chain coverage moved 0.853 -> 0.854 on topics 1-22 and 0.862 -> 0.870
on 23-45, but in small stories it let a side remark fill the place of a second wording
and dropped a sentence of the same article that shared a figure with another.
A sentence cites every article that contains its content: its own, and each other
article with a sentence that states it (storylens.compare.citation: half of its content
words, IDF-weighted, all of its numbers and quotations, what happens and not only who,
and no other weekday). Sentences that would read badly out of context are rewritten
or left out: a leading he/she becomes the person's name, a leading connective ("But",
"However,") is dropped, other leading pronouns ("It", "They", "This", also after an
opening phrase: "On Monday, it ...") and words that answer the sentence before ("Not
so", "No.") or point back to it ("Half of them", "the driver of that crane") exclude the
sentence, and so do questions, exclamations and sentences with a linked name's hover
card; a page label ("WATCH", "VIDEO:") or a dateline before the sentence is cut.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from storylens.analyze.events import day_of
from storylens.analyze.text import DATELINE
from storylens.compare.captions import is_caption
from storylens.compare.citation import Citations
from storylens.compare.clauses import sentence_spans, trim_span
from storylens.compare.mentions import resolve_pronoun
from storylens.compare.narration import blank_quotes, hover_cards, is_boilerplate
from storylens.compare.predicates import EVENT_CLASSES, SYNONYMS
from storylens.compare.slots import number_slots
from storylens.compare.text_units import Item, Unit, independent_sources, outlet_of
from storylens.compare.wordforms import content_stems, is_number, words
from storylens.model import Analysis

MIN_SENTENCES, MAX_SENTENCES = 3, 7
MIN_WORDS, MAX_WORDS = 7, 45
MIN_CONTENT_WORDS = 4
DUPLICATE_COSINE = 0.5
MAX_QUOTED_SHARE = 0.4
EARLY_PRONOUN_WORDS = 4
# Weights of the sentence score (tuned on ECB+ topics 1-22 only, see eval/summary.py).
W_CENTRALITY = 1.0
W_TITLE = 0.3
W_POSITION = 1.0  # the lead sentence counts double, the second 1.5 times ...
W_CORROBORATION = 0.2
POSITION_DECAY = 1.0  # prior = 1 / (1 + position) ** POSITION_DECAY
# Redundancy: a sentence's score is multiplied by 1 - MMR_LAMBDA x its greatest TF-IDF
# cosine with the sentences already picked (scale-free, unlike score - lambda x cosine).
MMR_LAMBDA = 1.0
CANDIDATE_POOL = 60  # best-scored sentences MMR chooses among

_CONNECTIVE = re.compile(
    r"^(?:But|However|And|Also|Meanwhile|Still|Yet|Moreover|Furthermore|Additionally|"
    r"In addition|Nevertheless|Nonetheless|Indeed|Separately)\b,?\s+"
)
_SUBJECT_PRONOUN = re.compile(r"^(He|She)\b")
_POSSESSIVE_PRONOUN = re.compile(r"^(His|Her)\b")
# A personal pronoun inside the sentence needs a person named before it in the sentence:
# he/she is replaced by the name the article gives. A him/his/her among the first words
# ("Police pulled him over", "Officers found her car") refers to someone the sentence has
# not introduced and excludes it (rewriting "her" would need the grammar: object or
# possessive); later in the sentence its subject has usually introduced the referent
# ("A former employee let go from his job ...").
_INNER_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers)\b")
_DANGLING = re.compile(
    r"^(?:It|Its|They|Their|Them|This|That|These|Those|There|Here|Such|Both|Then|Thus|So|"
    r"Him|We|Our|I|You|Otherwise|Instead|Later|Earlier|Afterward|Afterwards|The two|"
    r"The latter|The former|Another|Other|Others|Not so|Nor|Neither|Likewise|Similarly)\b"
    r"|^(?:No|Yes)\b[.,!]"
)
# After an opening phrase of time or place ("On Monday, it implemented ..."), a pronoun
# still refers back to what the sentence has not named.
_OPENING_THEN_PRONOUN = re.compile(
    r"^(?:In|On|At|By|During|After|Before|Since|Until|Last|Earlier|Later|Over|From)\b"
    r"[^,;.]{1,40},\s+(?:it|its|they|their|them|this|that|these|those)\b"
)
# Labels of a page's video players and links glued before a sentence.
# ("CLOSE" before a video's blurb makes the sentence a caption: captions.is_caption.)
_WIDGET_WORD = re.compile(r"^(?:WATCH|VIDEO|PHOTOS?|LISTEN|ADVERTISEMENT|READ MORE)\b:?\s+")
# Words that point back to what a previous sentence named: a share of a group named
# before ("Half of them said ...") or a thing after a preposition ("The victim of that
# assault", "pieces with that view").
_POINTS_BACK = re.compile(
    r"^\W*(?:\w+\s+){0,2}of\s+(?:them|those|these|it)\b"
    r"|\b(?:of|in|on|at|by|for|with|from|to|after|before|about|over|during)\s+"
    r"(?:that|those|these)\s+[a-z]"
)
# A question or an exclamation is no statement of fact ("Is mail-in voting the same as
# absentee voting?", "A trade deal could finally be here!").
_STATEMENT_END = re.compile(r"\.[\"'”’)\]]*$")
# A sentence ends with terminal punctuation, perhaps inside closing quotes or brackets;
# headlines, captions and datelines ("Sunday, March 17 | 5:00 PM") do not.
_TERMINATED = re.compile(r"[.!?][\"'”’)\]]*$")
_LINE_BREAK = re.compile(r"\s*\n\s*")
HEADLINE_WORDS = 20
_QUOTE_MARK = re.compile(r"``|''|[\"“”]")


# A headline printed as a sentence ("After Fatal Police Shooting, Protest Erupts In
# Charlotte, N.C."): every longer word capitalized, verbs too. A sentence full of names
# still has a lower-case verb ("Senate Majority Leader Mitch McConnell told ...").
TITLE_CASE_MIN_WORDS = 4


def _title_case(text: str) -> bool:
    longer = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    return len(longer) >= TITLE_CASE_MIN_WORDS and all(w[0].isupper() for w in longer)


@dataclass(slots=True)
class _Candidate:
    unit: Unit
    row: int  # row of the unit in the story's TF-IDF matrix
    support: int  # independent sources of the claims it takes part in
    score: float
    facts: frozenset[int] = frozenset()  # the (undisputed) claims it states


def readable_opening(text: str, unit: Unit, items: Sequence[Item]) -> str | None:
    """The sentence made to stand alone, or None when it cannot be."""
    # Page furniture and a dateline before the sentence proper ("CLOSE Sen. ...",
    # "WASHINGTON – Senate Majority Leader ...") are no part of what it says.
    text = _WIDGET_WORD.sub("", text, count=1)
    if dateline := DATELINE.match(text):
        text = text[dateline.end() :]
    if _POINTS_BACK.search(text) or _title_case(text):
        return None
    stripped = _CONNECTIVE.sub("", text, count=1)
    if stripped != text:
        stripped = stripped[:1].upper() + stripped[1:]
    analysis = items[unit.item][1]
    article_text = items[unit.item][0].article.text
    offset = unit.start + (len(text) - len(stripped))
    for pattern, possessive in ((_SUBJECT_PRONOUN, False), (_POSSESSIVE_PRONOUN, True)):
        m = pattern.match(stripped)
        if m:
            name = _referent(article_text, analysis, offset, m.group(1))
            if not name:
                return None
            stripped = name + ("'s" if possessive else "") + stripped[m.end() :]
            break
    else:
        # "On Sunday, she called ...": a he/she before any name also needs its referent.
        inner = _INNER_PRONOUN.search(stripped)
        named_before = inner is not None and _names_a_person(
            stripped[: inner.start()], offset, analysis
        )
        if inner and not named_before:
            if inner.group(1) not in ("he", "she"):
                if len(stripped[: inner.start()].split()) < EARLY_PRONOUN_WORDS:
                    return None
            else:
                name = _referent(article_text, analysis, offset + inner.start(), inner.group(1))
                if not name:
                    return None
                stripped = stripped[: inner.start()] + name + stripped[inner.end() :]
    if _DANGLING.match(stripped) or _OPENING_THEN_PRONOUN.match(stripped):
        return None
    if not (stripped[:1].isupper() or stripped[:1].isdigit()):
        return None
    return stripped


def _referent(text: str, analysis: Analysis, position: int, pronoun: str) -> str | None:
    """The name a he/she stands for, when it looks like a person's name: a one-word name
    the article also writes in lower case ("shot", "will") is a word the tagger took for
    a name, and a sentence rewritten with it would be wrong."""
    name = resolve_pronoun(text, analysis, position, pronoun)
    if not name or not name[:1].isupper():
        return None
    if " " not in name and re.search(rf"\b{re.escape(name.lower())}\b", text):
        return None
    return name


def _names_a_person(prefix: str, offset: int, analysis: Analysis) -> bool:
    """Whether `prefix` (text starting at `offset` in the article) names a person: a PERSON
    mention, or a known person's name or capitalized alias the tagger missed."""
    end = offset + len(prefix)
    if any(m.label == "PERSON" and offset <= m.start < end for m in analysis.entities):
        return True
    return any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", prefix)
        for person in analysis.people
        if person.kind == "person"
        for name in (person.name, *person.aliases)
        if name[:1].isupper()
    )


def _support_by_clause(
    claims: list[dict[str, Any]],
) -> tuple[dict[tuple[str, int], int], set, dict[tuple[str, int], set[int]]]:
    """Each claim sentence's (article id, start) -> the number of sources of its claim,
    the positions of disputed statements (never presented as fact), and each claim
    sentence's claims (by index), so that one fact is told once."""
    support: dict[tuple[str, int], int] = {}
    disputed: set[tuple[str, int, int]] = set()
    facts: dict[tuple[str, int], set[int]] = {}
    for index, claim in enumerate(claims):
        n = claim.get("sources") or len(set(claim.get("outlets", []))) or 1
        for s in claim.get("sentences", []):
            if claim.get("label") == "disputed":
                disputed.add((s["article_id"], s["start"], s["end"]))
            key = (s["article_id"], s["start"])
            support[key] = max(support.get(key, 1), n)
            if claim.get("label") != "disputed":
                facts.setdefault(key, set()).add(index)
    return support, disputed, facts


def is_quote_fragment(text: str) -> bool:
    """A piece of quoted speech the quote finder did not mark: it opens with a quotation
    mark, or holds an odd number of them (a quotation running over several sentences)."""
    marks = _QUOTE_MARK.findall(text)
    return text[:1] in "\"“`'‘" or len(marks) % 2 == 1


def eligible(unit: Unit) -> bool:
    """A sentence that can stand in a summary: of sane length, narrated, terminated,
    not boilerplate."""
    n_words = len(unit.text.split())
    if not MIN_WORDS <= n_words <= MAX_WORDS or unit.quoted_share > MAX_QUOTED_SHARE:
        return False
    if len(unit.stems) < MIN_CONTENT_WORDS or is_boilerplate(unit.text) or is_caption(unit.text):
        return False
    if hover_cards(unit.text):
        return False
    return bool(_STATEMENT_END.search(unit.text)) and not is_quote_fragment(unit.text)


def tfidf_rows(docs: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """L2-normalized TF-IDF rows (sublinear tf, smoothed IDF) of the given token lists."""
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    vocab = {w: j for j, w in enumerate(df)}
    n = len(docs)
    idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}
    data: list[float] = []
    cols: list[int] = []
    indptr = [0]
    for d in docs:
        counts = Counter(d)
        weights = [(1.0 + math.log(tf)) * idf[w] for w, tf in counts.items()]
        norm = math.sqrt(sum(x * x for x in weights)) or 1.0
        data.extend(x / norm for x in weights)
        cols.extend(vocab[w] for w in counts)
        indptr.append(len(cols))
    return sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), cols, indptr), shape=(n, max(len(vocab), 1))
    )


def _normalize(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _scores(
    items: Sequence[Item],
    units: list[Unit],
    chosen: list[int],
    matrix: sparse.csr_matrix,
    support: list[int],
) -> np.ndarray:
    """The score of each eligible unit (rows `chosen` of `matrix`)."""
    n_items = len(items)
    # Each article as one vector: the sum of its sentences' rows.
    owner = sparse.csr_matrix(
        (np.ones(len(units)), ([u.item for u in units], range(len(units)))),
        shape=(n_items, len(units)),
    )
    docs = _normalize(owner @ matrix)
    rows = matrix[chosen]
    sims = np.asarray((rows @ docs.T).todense())  # eligible x articles
    groups = np.asarray(independent_sources(items))
    n_groups = len(set(groups.tolist()))
    centrality = np.zeros(len(chosen))
    for k, idx in enumerate(chosen):
        own = groups[units[idx].item]
        others = groups != own
        if not others.any():
            centrality[k] = sims[k, units[idx].item]
            continue
        # Per other source, its best article (copies and same-outlet pieces count once).
        best: dict[int, float] = {}
        for a in np.nonzero(others)[0]:
            g = int(groups[a])
            best[g] = max(best.get(g, 0.0), float(sims[k, a]))
        centrality[k] = sum(best.values()) / len(best)
    titles = [content_stems(stored.article.title or "") for stored, _ in items]
    headlines = [u.stems for u in units if u.position <= 1 and not _TERMINATED.search(u.text)]
    title_words = [w for t in titles + headlines for w in t]
    title_sim = np.zeros(len(chosen))
    if title_words:
        vocab_rows = tfidf_rows([*(units[i].stems for i in range(len(units))), title_words])
        t_row = vocab_rows[len(units)]
        title_sim = np.asarray((vocab_rows[chosen] @ t_row.T).todense()).ravel()
    rank = _body_positions(units)
    position = np.array([1.0 / (1 + rank[i]) ** POSITION_DECAY for i in chosen])
    corroboration = np.array([(support[k] - 1) / max(n_groups - 1, 1) for k in range(len(chosen))])
    content = (
        W_CENTRALITY * centrality
        + W_TITLE * title_sim
        + W_CORROBORATION * np.minimum(corroboration, 1.0)
    )
    # The position prior multiplies what the sentence says about the story: being first
    # lends weight to a central sentence, none to an off-topic one.
    result: np.ndarray = content * (1.0 + W_POSITION * position)
    return result


def sentence_units(items: Sequence[Item]) -> list[Unit]:
    """Every sentence of every article, with only what the summary needs: content stems of
    its narration (direct quotes and tweets blanked), the share of quoted letters and its
    numbers. Lighter than text_units.build_units, whose conflict features the summary does
    not use (they took half the summary's time on 50-article stories)."""
    groups = independent_sources(items)
    units: list[Unit] = []
    for i, (stored, analysis) in enumerate(items):
        text = stored.article.text
        speech = [(q.start, q.end) for q in analysis.quotes if q.kind in ("direct", "tweet")]
        # A linked name's hover card (other articles' headlines glued to the name) is no
        # part of what the sentence says.
        cards = hover_cards(text)
        spans = sentence_spans(text, analysis)
        for position, (s0, s1) in enumerate(spans):
            for start, end in _lines(text, *trim_span(text, s0, s1)):
                # The lead is the first sentence, or the second after a headline printed
                # with the text. Matched on the piece itself: with a start offset, "^"
                # only matches at the very start of the text.
                if position <= 1 and (dateline := DATELINE.match(text[start:end])):
                    start += dateline.end()
                if end > start:
                    unit = _unit(
                        items, i, groups[i], speech, cards, position, (start, end), len(units)
                    )
                    units.append(unit)
    return units


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence split after a headline the sentence splitter left glued to it: a line
    of at most HEADLINE_WORDS words without final punctuation, the next line capitalized."""
    pieces = []
    for m in _LINE_BREAK.finditer(text, start, end):
        line = text[start : m.start()]
        headline = len(line.split()) <= HEADLINE_WORDS and not _TERMINATED.search(line)
        if headline and text[m.end() : m.end() + 1].isupper():
            pieces.append((start, m.start()))
            start = m.end()
    pieces.append((start, end))
    return pieces


def _unit(
    items: Sequence[Item],
    i: int,
    source: int,
    speech: list[tuple[int, int]],
    cards: list[tuple[int, int]],
    position: int,
    span: tuple[int, int],
    index: int,
) -> Unit:
    """One sentence (text[start:end] of article i) with its stems and quote share."""
    stored = items[i][0]
    start, end = span
    sentence = stored.article.text[start:end]
    inside = [(max(a, start), min(b, end)) for a, b in speech if a < end and b > start]
    blank = inside + [(a, b) for a, b in cards if a < end and b > start]
    narration = blank_quotes(stored.article.text, start, end, blank) if blank else sentence
    quoted = sum(_letters(stored.article.text[a:b]) for a, b in inside)
    return Unit(
        index=index,
        item=i,
        article_id=stored.article.id,
        outlet=outlet_of(stored),
        source=source,
        start=start,
        end=end,
        text=sentence,
        narration=narration,
        position=position,
        stems=content_stems(narration),
        quoted_share=quoted / (_letters(sentence) or 1),
        numbers_set={w for w in words(sentence) if is_number(w)},
    )


def _letters(text: str) -> int:
    return len(text) - sum(1 for c in text if c.isspace())


def _claim_support(
    units: list[Unit], claims: list[dict[str, Any]]
) -> tuple[list[int], list[bool], list[frozenset[int]]]:
    """For each unit, the most independent sources of a claim it takes part in (1 when
    none), whether it holds a disputed statement, and the claims it states."""
    support_at, disputed, facts_at = _support_by_clause(claims)
    by_article: dict[str, list[tuple[int, int, bool, frozenset[int]]]] = {}
    for (article_id, start), n in support_at.items():
        facts = frozenset(facts_at.get((article_id, start), ()))
        by_article.setdefault(article_id, []).append((start, n, False, facts))
    for article_id, start, _ in disputed:
        by_article.setdefault(article_id, []).append((start, 1, True, frozenset()))
    support, contested, stated = [], [], []
    for u in units:
        inside = [
            (n, d, f) for s, n, d, f in by_article.get(u.article_id, ()) if u.start <= s < u.end
        ]
        support.append(max((n for n, _, _ in inside), default=1))
        contested.append(any(d for _, d, _ in inside))
        stated.append(frozenset().union(*(f for _, _, f in inside)) if inside else frozenset())
    return support, contested, stated


def _body_positions(units: list[Unit]) -> list[int]:
    """Each unit's position among its article's sentences, headlines, captions and
    datelines (lines without final punctuation) not counted: the lead is the first
    sentence of the body."""
    seen: Counter[int] = Counter()
    ranks = []
    for u in units:
        ranks.append(seen[u.item])
        if _TERMINATED.search(u.text):
            seen[u.item] += 1
    return ranks


def _candidates(
    items: Sequence[Item], claims: list[dict[str, Any]], units: list[Unit]
) -> tuple[list[_Candidate], sparse.csr_matrix]:
    matrix = tfidf_rows([u.stems for u in units])
    support_of, contested, stated = _claim_support(units, claims)
    chosen = [u.index for u in units if eligible(u) and not contested[u.index]]
    if not chosen:
        return [], matrix
    support = [support_of[i] for i in chosen]
    scores = _scores(items, units, chosen, matrix, support)
    out = [
        _Candidate(units[i], i, support[k], float(scores[k]), stated[i])
        for k, i in enumerate(chosen)
    ]
    out.sort(key=lambda c: -c.score)
    return out, matrix


def summarize(
    items: Sequence[Item], claims: list[dict[str, Any]], max_sentences: int = 5
) -> list[dict[str, Any]]:
    """[{"text", "article_ids"}]: up to `max_sentences` (3-7) cited sentences, the ones
    more independent sources confirm first."""
    limit = max(MIN_SENTENCES, min(MAX_SENTENCES, max_sentences))
    units = sentence_units(items)
    candidates, matrix = _candidates(items, claims, units)
    if not candidates:
        return []
    pool = candidates[:CANDIDATE_POOL]
    picked: list[tuple[_Candidate, str]] = []
    picked_rows: list[int] = []
    picked_stems: list[list[str]] = []
    pool_rows = matrix[[c.row for c in pool]]
    sim = np.asarray((pool_rows @ pool_rows.T).todense())
    left = list(range(len(pool)))
    told: set[int] = set()
    told_counts: set[tuple[str, str, str]] = set()
    while left and len(picked) < limit:

        def mmr(k: int) -> float:
            redundancy = max((sim[k, j] for j in picked_rows), default=0.0)
            return pool[k].score * (1.0 - MMR_LAMBDA * redundancy)

        k = max(left, key=mmr)
        left.remove(k)
        cand = pool[k]
        if cand.facts & told:
            continue  # another outlet's wording of a fact already told
        text = readable_opening(cand.unit.text, cand.unit, items)
        if text is None:
            continue
        stems = content_stems(text)
        if any(_cosine(stems, other) >= DUPLICATE_COSINE for other in picked_stems):
            continue
        counts = counted_facts(text)
        if counts & told_counts:
            continue  # "injured three people" told again in other words
        picked.append((cand, text))
        told |= cand.facts
        told_counts |= counts
        picked_rows.append(k)
        picked_stems.append(stems)
    return _flag_disputed_numbers(_cited(items, units, picked), claims)


def counted_facts(text: str) -> set[tuple[str, str, str]]:
    """What a sentence counts and what happened to it: (figure, counted noun, event class)
    for each figure of a noun in a sentence that names an event ("injuring three people":
    ("3", "people", "injur")). Two sentences sharing one tell the same fact."""
    tokens = words(text)
    events = {SYNONYMS.get(w, w) for w in content_stems(text)} & EVENT_CLASSES
    return {
        (value, noun, event) for value, _, noun in number_slots(tokens) if noun for event in events
    }


def _flag_disputed_numbers(
    summary: list[dict[str, Any]], claims: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Mark a sentence that states a number the sources disagree on (another sentence
    may hold it than the disputed claim's): {"disputed": [{"values", "article_ids"}]}."""
    conflicts = [
        c["conflict"]
        for c in claims
        if c.get("label") == "disputed" and (c.get("conflict") or {}).get("kind") == "number"
    ]
    for entry in summary:
        numbers = {w for w in words(entry["text"]) if is_number(w)}
        flagged = [
            {"values": list(c["values"]), "article_ids": list(c.get("article_ids", []))}
            for c in conflicts
            if numbers & {str(v) for v in c.get("values", [])}
        ]
        if flagged:
            entry["disputed"] = flagged
    return summary


def _cited(
    items: Sequence[Item], units: list[Unit], picked: list[tuple[_Candidate, str]]
) -> list[dict[str, Any]]:
    """The picked sentences with the articles each rests on, corroborated first."""
    groups = independent_sources(items)
    item_of = {stored.article.id: i for i, (stored, _) in enumerate(items)}
    check = Citations(items, units)
    out = []
    for order, (cand, text) in enumerate(picked):
        cited = [cand.unit.article_id]
        for stored, _ in items:
            article_id = stored.article.id
            if article_id not in cited and check.holder(text, cand.unit.narration, article_id):
                cited.append(article_id)
        sources = len({groups[item_of[a]] for a in cited})
        entry: dict[str, Any] = {"text": text, "article_ids": cited}
        if dates := days_told(items[item_of[cand.unit.article_id]][1], cand.unit, text):
            entry["dates"] = dates
        out.append((sources, order, entry))
    out.sort(key=lambda o: (-o[0], o[1]))
    return [o[2] for o in out]


_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")


def days_told(analysis: Analysis, unit: Unit, text: str) -> list[dict[str, Any]]:
    """The days a summary sentence names without their year, as its article resolved them:
    [{"text": "Yesterday", "date": "2013-05-14", "inferred": False, "alternative": None}];
    "alternative" is the other day of words readers take two ways ("next Thursday"). A
    summary puts sentences of articles published on different days side by side, and
    "yesterday" or "on Tuesday" means a different day in each."""
    out: list[dict[str, Any]] = []
    for t in analysis.times:
        if not (unit.start <= t.start and t.end <= unit.end) or t.type not in ("DATE", "TIME"):
            continue
        day = day_of(t.value)
        if day is None or _YEAR_WRITTEN.search(t.text) or t.text not in text:
            continue
        if any(d["text"] == t.text for d in out):
            continue
        out.append(
            {
                "text": t.text,
                "date": day,
                "inferred": t.inferred,
                "alternative": day_of(t.alternative),
            }
        )
    return out


def _cosine(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / (len(sa) ** 0.5 * len(sb) ** 0.5)
