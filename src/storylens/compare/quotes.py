"""Quote alignment: the same utterance reported by several outlets.

Quotes are cut into sentence-sized units first, because outlets split and
join a speaker's sentences differently (one outlet prints two sentences as one
quote, another as two quotes around "Kirby said"). Units of the same speaker
are then clustered when their words line up: a partial quote matches the
fuller version that contains it, spelling variants (ceasefire / cease-fire),
case and punctuation are ignored for matching, and two statements that merely
open alike ("The president and I have been ..." / "The president and I've
been ...") stay apart because too little of the shorter one is covered. A unit
is compared with the fullest version of an utterance, not with any version, so
that a short partial quote does not chain two different sentences holding its
words into one utterance. A sentence an outlet splits with its cue ('"The IRS,"
said Baucus, "will now ..."') is one version, the sentence whole; its start and
end span both parts, the cue between them included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from storylens.analyze.text import split_sentences
from storylens.compare.wordforms import normalize_word
from storylens.model import Analysis, Quote, StoredArticle

# A unit matches a cluster member when this share of the shorter unit's words
# is covered by aligned word runs of at least two words (one-word runs are
# mostly function words shared by chance).
MIN_COVERAGE = 0.75
MIN_RUN = 2
# Units shorter than this many words only align when entirely contained.
SHORT_UNIT = 4

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|--|—|–|[^\w\s]")
_CONTRACTIONS = {
    "'ve": " have",
    "'re": " are",
    "'ll": " will",
    "'m": " am",
    "'d": " would",
    "n't": " not",
}
_CONTRACTION = re.compile(r"(?i)(?<=\w)(n't|'ve|'re|'ll|'m|'d)\b")


@dataclass(slots=True)
class QuoteUnit:
    """One sentence of a quote, with its article and speaker."""

    article_id: str
    outlet: str
    speaker: str | None
    quote: Quote
    text: str
    start: int
    end: int
    words: list[str] = field(default_factory=list)


def normalize_words(text: str) -> list[str]:
    """Words as compared for alignment: lower case, contractions expanded,
    hyphens and apostrophes dropped inside words (cease-fire = ceasefire)."""
    text = text.replace("’", "'")
    text = _CONTRACTION.sub(lambda m: _CONTRACTIONS[m.group(1).lower()], text)
    words = []
    for tok in _TOKEN.findall(text):
        if tok[0].isalnum() or tok[0] == "_":
            words.append(re.sub(r"[-']", "", tok.lower()))
    return words


def split_units(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a quote's text (offsets relative to the text); an abbreviation
    ("Gen. Flynn", "U.S.") ends no sentence."""
    return split_sentences(text)


def coverage(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the shorter word list covered by common runs of ≥ MIN_RUN words."""
    if not a or not b:
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    matcher = SequenceMatcher(None, short, long_, autojunk=False)
    covered = sum(
        m.size for m in matcher.get_matching_blocks() if m.size >= MIN_RUN or m.size == len(short)
    )
    return covered / len(short)


def same_utterance(a: Sequence[str], b: Sequence[str]) -> bool:
    shorter = min(len(a), len(b))
    if shorter == 0:
        return False
    cov = coverage(a, b)
    if shorter < SHORT_UNIT:
        return cov == 1.0 and shorter >= 2
    return cov >= MIN_COVERAGE


# What stands between the two parts of a sentence a quotation is split in by its cue
# ('"The IRS," said Sen. Max Baucus, "will now be ..."'): the comma or dash that ends
# the first part (inside or outside its closing mark), then the cue and the speaker.
_CUE_BETWEEN = re.compile(r"\s*[\"'”’»]?\s*[,—–][^\n]{1,150}")
_SPLIT_AFTER = re.compile(r"[,—–-]\s*$")


def _quotations(
    text: str, quotes: Sequence[Quote], sentences: Sequence[tuple[int, int]]
) -> list[tuple[Quote, str, list[int]]]:
    """The article's quotations as (quote, its words, the article offset of each of its
    characters), a sentence split by its cue joined again: outlets quoting it whole would
    otherwise seem to add words the split version "omits" ('"The IRS," said Baucus, "will
    now ..."' / '"The IRS will now ...," Baucus said.')."""
    out: list[tuple[Quote, str, list[int]]] = []
    previous: Quote | None = None
    for q in sorted((q for q in quotes if q.kind != "indirect"), key=lambda q: q.start):
        offsets = list(range(q.start, q.start + len(q.text)))
        if previous is not None and out and _split_by_cue(text, previous, q, sentences):
            first, said, at = out[-1]
            kept = len(_SPLIT_AFTER.sub("", said))
            # The space put where the cue stood maps to the second part's start.
            out[-1] = (first, said[:kept] + " " + q.text, [*at[:kept], q.start, *offsets])
        else:
            out.append((q, q.text, offsets))
        previous = q
    return out


def _split_by_cue(
    text: str, first: Quote, second: Quote, sentences: Sequence[tuple[int, int]]
) -> bool:
    """Whether two direct quotes of one speaker are the parts of one sentence with the
    cue between them: one sentence of the article holds both, the first part ends on a
    comma or dash and the second goes on in lower case."""
    return (
        first.kind == second.kind == "direct"
        and first.speaker is not None
        and second.speaker is not None
        and bool(first.speaker.name)
        and first.speaker.name == second.speaker.name
        and second.text[:1].islower()
        and any(a <= first.start and second.end <= b for a, b in sentences)
        and (
            _CUE_BETWEEN.fullmatch(text, first.end, second.start) is not None
            or (
                _SPLIT_AFTER.search(first.text) is not None
                and "\n" not in text[first.end : second.start]
            )
        )
    )


def _units(
    items: Sequence[tuple[StoredArticle, Analysis]], speaker_of: dict[str, str]
) -> list[QuoteUnit]:
    units = []
    for stored, analysis in items:
        art = stored.article
        outlet = art.outlet or art.id
        for q, said, at in _quotations(art.text, analysis.quotes, analysis.sentences):
            raw = q.speaker.name if q.speaker and q.speaker.name else None
            speaker = speaker_of.get(raw, raw) if raw else None
            for a, b in split_units(said):
                raw_piece = said[a:b]
                piece = raw_piece.strip()
                first = a + (len(raw_piece) - len(raw_piece.lstrip()))
                words = normalize_words(piece)
                if len(words) >= 2:
                    start, end = at[first], at[first + len(piece) - 1] + 1
                    units.append(QuoteUnit(art.id, outlet, speaker, q, piece, start, end, words))
    return units


def _speakers_compatible(a: str | None, b: str | None) -> bool:
    return a is not None and a == b


def align_quotes(
    items: Sequence[tuple[StoredArticle, Analysis]], speaker_of: dict[str, str] | None = None
) -> list[dict]:
    """Utterances reported by more than one article, each with its versions
    and their word-level differences. `speaker_of` maps an article's speaker
    name to the story's canonical person (from the story's people linking)."""
    units = _units(items, speaker_of or {})
    clusters: list[list[QuoteUnit]] = []
    for unit in units:
        best: list[QuoteUnit] | None = None
        best_score = 0.0
        for cluster in clusters:
            if not _speakers_compatible(cluster[0].speaker, unit.speaker):
                continue
            # A unit joins an utterance through its fullest version: through a short
            # partial quote ("allegiance to a foreign country") two different sentences
            # that both hold its words would chain into one utterance.
            fullest = max(cluster, key=lambda u: len(u.words))
            if same_utterance(fullest.words, unit.words):
                score = coverage(fullest.words, unit.words)
                if score > best_score:
                    best, best_score = cluster, score
        if best is None:
            clusters.append([unit])
        elif not any(u.article_id == unit.article_id and u.words == unit.words for u in best):
            # A sentence the speaker says twice in one quotation ("It put the American
            # people at risk. That is not hyperbole. It put the American people at risk.")
            # is one version of the article, not two.
            best.append(unit)
    utterances: list[dict[str, Any]] = []
    for cluster in clusters:
        if len({u.article_id for u in cluster}) < 2:
            continue
        # The fullest version is the reference the others are compared with.
        cluster.sort(key=lambda u: -len(u.words))
        ref = cluster[0]
        diffs = [
            word_diff(ref.text, u.text, partial=u.quote.kind == "partial") for u in cluster[1:]
        ]
        utterances.append(
            {
                "speaker": ref.speaker,
                "versions": [
                    {
                        "article_id": u.article_id,
                        "outlet": u.outlet,
                        "quote": u.text,
                        "kind": u.quote.kind,
                        "start": u.start,
                        "end": u.end,
                    }
                    for u in cluster
                ],
                "differences": _dedupe(d for ops in diffs for d in classify(ops)),
                "diffs": diffs,
            }
        )
    utterances.sort(
        key=lambda u: (-len({v["article_id"] for v in u["versions"]}), u["speaker"] or "")
    )
    return utterances


def _dedupe(diffs: Iterable[dict]) -> list[dict]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for d in diffs:
        key = (d["kind"], d["a"], d["b"])
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def tokens(text: str) -> list[str]:
    """Display tokens: words with inner hyphens/apostrophes, dashes, punctuation."""
    return _TOKEN.findall(text)


_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "--", "–": "--"})


def _match_key(tok: str) -> str:
    return re.sub(r"[-'’]", "", tok.lower()) if tok[0].isalnum() else tok.translate(_TYPOGRAPHY)


def _same_print(a: str, b: str) -> bool:
    """Printed alike but for typography (curly vs straight marks), which is
    the outlet's house style, not a difference in what was said."""
    return a.translate(_TYPOGRAPHY) == b.translate(_TYPOGRAPHY)


def word_diff(reference: str, other: str, *, partial: bool = False) -> list[dict]:
    """Word-level diff of `other` against `reference`: a list of ops
    {"op": equal|replace|delete|insert, "a": reference words, "b": other words}.
    A shorter version is compared with the stretch of the reference it covers, so the
    rest of the fuller quote is not reported as omitted; a whole quotation ending where
    the reference ends its sentence ("We're starting off on a new footing." / "... footing
    -- I think we can ...") covers up to that end. A `partial` quote (words quoted inside
    reported speech) covers its words only, however long: its closing full stop is the
    reporter's sentence's, not the speaker's."""
    ta, tb = tokens(reference), tokens(other)
    ka, kb = [_match_key(t) for t in ta], [_match_key(t) for t in tb]
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    blocks = [
        m
        for m in matcher.get_matching_blocks()
        if m.size and (not partial or any(t[:1].isalnum() for t in ta[m.a : m.a + m.size]))
    ]
    lo, hi = 0, len(ta)
    # A partial quote is a stretch of the words by its nature: the reference's words
    # before and after it are not left out ('Ammonia, which ..., "changes everything"').
    if blocks and (partial or len(tb) < 0.7 * len(ta)):
        first, last = blocks[0], blocks[-1]
        # Words of the other version outside the matched stretch stand for as many of the
        # reference's, a contraction for two ("We're" / "We are").
        lo = max(0, first.a - _word_count(tb[: first.b], marks=not partial))
        hi = min(
            len(ta), last.a + last.size + _word_count(tb[last.b + last.size :], marks=not partial)
        )
        ta, ka = ta[lo:hi], ka[lo:hi]
        matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = ta[i1:i2], tb[j1:j2]
        if tag == "equal" and not all(_same_print(x, y) for x, y in zip(a, b, strict=True)):
            # Equal after normalization but not as printed: case or spelling.
            for x, y in zip(a, b, strict=True):
                ops.append({"op": "equal" if _same_print(x, y) else "replace", "a": x, "b": y})
            continue
        ops.append({"op": tag, "a": _join(a), "b": _join(b)})
    if partial and ops and ops[0]["op"] == "replace" and ops[0]["a"].lower() == ops[0]["b"].lower():
        # The case of a partial quote's first word is the reporter's sentence's ("said
        # it could happen").
        ops[0] = {"op": "equal", "a": ops[0]["a"], "b": ops[0]["b"]}
    return _merge_equal_runs(ops)


def _word_count(toks: Sequence[str], *, marks: bool = True) -> int:
    """Reference tokens a run of tokens may stand for: contractions count as their words;
    marks count as one each, or as none without `marks`."""
    return sum(max(1, len(normalize_words(t))) if t[0].isalnum() else int(marks) for t in toks)


def _merge_equal_runs(ops: list[dict]) -> list[dict]:
    merged: list[dict] = []
    for op in ops:
        if merged and op["op"] == "equal" and merged[-1]["op"] == "equal":
            merged[-1] = {
                "op": "equal",
                "a": _join([merged[-1]["a"], op["a"]]),
                "b": _join([merged[-1]["b"], op["b"]]),
            }
        else:
            merged.append(op)
    return merged


def _join(toks: Sequence[str]) -> str:
    out = ""
    for t in toks:
        if not t:
            continue
        opened = out[-1:] in {"(", "[", "“"}  # no space after an opening mark
        if out and not opened and (t[0].isalnum() or t in {"--", "—", "–", "(", "[", '"', "“"}):
            out += " "
        out += t
    return out


def _is_punct(text: str) -> bool:
    return bool(text) and not any(c.isalnum() for c in text)


_BRACKETED = re.compile(r"^\s*\[[^\[\]]*\]\s*$")


def _spelled(text: str) -> str:
    """Words as spelled apart from house style: contractions expanded, hyphens and spaces
    inside compounds ignored ("all-time" / "all time"), numbers as figures ("three" / "3")."""
    return "".join(normalize_word(w) for w in normalize_words(text))


def op_kind(op: dict) -> str:
    """Kind of one diff op: case, punctuation, spelling (variants such as
    ceasefire/cease-fire, all-time/all time, we're/we are, three/3), editorial (an outlet's words in square
    brackets), omitted, added or changed."""
    a, b = op["a"], op["b"]
    if op["op"] == "replace" and a.lower() == b.lower():
        return "case"
    if op["op"] == "replace" and _spelled(a) and _spelled(a) == _spelled(b):
        return "spelling"
    if _is_punct(a or " ") and _is_punct(b or " "):
        return "punctuation"
    if op["op"] in ("delete", "insert") and _BRACKETED.match(a or b):
        # "[Israeli Prime Minister Benjamin] Netanyahu": the outlet's clarification in
        # square brackets, not words the speaker left out or added.
        return "editorial"
    if op["op"] == "replace" and (_BRACKETED.match(a) or _BRACKETED.match(b)):
        # "FB" / "[Facebook]": the outlet's words in brackets for the speaker's.
        return "editorial"
    if op["op"] == "delete":
        return "omitted"
    if op["op"] == "insert":
        return "added"
    return "changed"


# Equal stretches this short between two changes are shown inside one difference.
_BRIDGE_WORDS = 2


def classify(ops: list[dict]) -> list[dict]:
    """The differences of one word diff, as a reader wants them: nearby changes
    shown together with the words between them ("the United States" / "United
    States,"), a lone punctuation mark or inserted word anchored by its
    neighbour, each {"kind", "kinds", "a", "b"}. Punctuation at either end of
    the quote is left out: it depends on how the outlet embeds the quote
    ("deal," Kirby said / "deal."), not on what was said."""
    changed = [i for i, op in enumerate(ops) if op["op"] != "equal"]
    while changed and changed[0] == 0 and op_kind(ops[0]) == "punctuation":
        changed.pop(0)
    while changed and changed[-1] == len(ops) - 1 and op_kind(ops[-1]) == "punctuation":
        changed.pop()
    groups: list[list[int]] = []
    for i in changed:
        if groups and all(
            ops[j]["op"] == "equal" and len(ops[j]["a"].split()) <= _BRIDGE_WORDS
            for j in range(groups[-1][-1] + 1, i)
        ):
            groups[-1].extend(range(groups[-1][-1] + 1, i + 1))
        else:
            groups.append([i])
    out = []
    for group in groups:
        first, last = ops[group[0]], ops[group[-1]]
        a_parts = [ops[j]["a"] for j in group]
        b_parts = [ops[j]["b"] for j in group]
        # A punctuation mark needs the word it follows; an inserted or dropped
        # word the word after it, to show where it sits.
        if op_kind(first) == "punctuation" and group[0] > 0:
            before = ops[group[0] - 1]["a"].split()[-1:]
            a_parts.insert(0, " ".join(before))
            b_parts.insert(0, " ".join(before))
        if (
            last["op"] in ("insert", "delete")
            and op_kind(last) != "punctuation"
            and group[-1] + 1 < len(ops)
        ):
            after = ops[group[-1] + 1]["a"].split()[:1]
            a_parts.append(" ".join(after))
            b_parts.append(" ".join(after))
        kinds = sorted({op_kind(ops[j]) for j in group if ops[j]["op"] != "equal"})
        main = [k for k in kinds if k != "punctuation"] or kinds
        out.append(
            {
                "kind": main[0] if len(main) == 1 else "changed",
                "kinds": kinds,
                "a": _join_parts(a_parts),
                "b": _join_parts(b_parts),
            }
        )
    return out


def _join_parts(parts: list[str]) -> str:
    return _join([t for part in parts for t in tokens(part)])
