"""`storylens eval quotes DIR`: quotes and speakers scored on a PolNeAR-style corpus.

Grouping tried and left out: joining every pair of predictions that share a cue (quoted
F1 unchanged, mixed -0.005 on train[:300]), joining every quoted clause with the quotations
of its speaker mention (quoted -0.015), and keeping a quotation's paragraphs apart (quoted
-0.014): the gold joins a quotation across paragraphs more often than it splits it.
Splitting a reported clause around its own cue into two Quotes and joining pieces that share
a cue also merged separate clauses of one cue (held-out train[300:] all -0.0003); scoring the
clause without its cue and speaker words does what the split meant.
Session 8: a quoted clause before its cue joins a cue-less quotation of the same speaker
mention after the cue ('leaders "who understand X," Clinton said.' then '"And that is why Y."'
in the next paragraph; quoted F1 train[:300] 0.8140 -> 0.8144, held-out train[300:] 0.8212 ->
0.8222, dev unchanged).
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storylens.analyze.quotes import find_quote_spans
from storylens.eval.polnear import GoldDocument, Spans, read_polnear
from storylens.model import Quote, Span

HELP = """Score quote and speaker extraction on a PolNeAR-style corpus (brat standoff).

DIR holds text/*.txt and attributions/*_<annotator>.ann (e.g. ../shared/data/polnear/dev);
where several annotators marked an article, the one sorting first by name is the gold.

Definitions
  tokens        words of a span (runs of letters/digits); quotation marks and punctuation
                do not count, and a discontinuous gold span is the union of its pieces.
  prediction    one attribution: direct quotes with the same speaker mention form one
                prediction, as in the gold (a quotation split by its cue, '"...," she said.
                "..."', and its continuation in the next paragraphs, and a reported clause
                ending in quoted words with the quotation continuing after the same cue, 'The
                plan "is dead," she said, "and buried."', also with the speaker named before
                the cue, 'The plan "is dead," Mayor Ruiz said. "It is buried."', or with the
                quotation going on in the next paragraph with no cue of its own, and a
                reported clause with the quotation right after it that has no cue of its own,
                'She said the plan is dead. "It is buried."'); a partial quote inside a
                predicted reported clause is part of that clause, not a prediction of its own.
                A reported clause holding its own cue and speaker ('The plan, she said, will
                fail') is scored without their words, as the gold marks it in two pieces.
  overlap       |P & G| / max(|P|, |G|) over the token sets of prediction P and gold G.
  matching      one-to-one, greedily by highest overlap within each article.
  content F1    exact: a matched pair has identical token sets; 0.8: overlap >= 0.8.
  kind          from the content span and the article's quotation marks: every token inside
                quotation marks = direct, some = mixed, none = indirect. Recall by kind uses the
                gold kind, precision the kind of the predicted span.
  speaker F1    over content pairs matched at >= 0.8: a pair counts when the predicted speaker
                mention overlaps the gold source span by a character. Precision is over matched
                pairs with a predicted speaker mention, recall over those with a gold source.
  person        where the gold source is a name (every word capitalized, at most five:
                "Hillary Clinton", "Mr. Trump") or a pronoun (he, she) and the speaker span is
                right: whether the predicted canonical name is the person. For a name, the
                predicted name's last word must be one of the gold source's words (words are
                runs of letters and digits on both sides: "Shanklin-Hawkins" is two); PolNeAR
                does not resolve pronouns, so for he/she the referent is the nearest earlier
                gold source that is a name (news continues with the last named source) and the
                predicted name's last word must be one of its words.
  end to end    content (>= 0.8) and speaker both right, over all predictions / all gold.
"""

_WORD = re.compile(r"\w+")
_PRONOUNS = frozenset({"he", "she"})
# A name: every word capitalized ("Hillary Clinton", "Mr. Trump", "Sen. Bernie Sanders (I-Vt.)").
_NAME = re.compile(
    r"(?:[A-Z][\w.'’-]*|\([^)]{1,12}\))(?:\s+(?:[A-Z][\w.'’-]*|\([^)]{1,12}\))){0,4}"
)
KINDS = ("direct", "mixed", "indirect")


@dataclass(slots=True)
class _Item:
    tokens: frozenset[int]
    kind: str
    source: Spans | None
    speaker_name: str | None = None
    source_text: str = ""


@dataclass(slots=True)
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    loose: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    pred_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    recall_hits_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    precision_hits_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    exact_recall_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    exact_precision_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    spk_tp: int = 0
    spk_pred: int = 0
    spk_gold: int = 0
    spk_tp_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    spk_pred_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    spk_gold_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    person_checked: int = 0
    person_right: int = 0
    documents: int = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", type=Path, help="a PolNeAR compartment folder")
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    report = evaluate(args.dir, limit=args.limit)
    if args.format == "json":
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report))
    return 0


def evaluate(directory: Path, limit: int | None = None) -> dict[str, Any]:
    from storylens.analyze.attribution import AttributionStep

    step = AttributionStep()
    docs = list(read_polnear(directory, limit=limit))
    counts = Counts()
    batch = 16
    for i in range(0, len(docs), batch):
        chunk = docs[i : i + batch]
        results = step.process_batch([d.text for d in chunk])
        for doc, result in zip(chunk, results, strict=True):
            score_document(doc, result.quotes, counts)
    return _report(counts)


def score_document(doc: GoldDocument, quotes: list[Quote], counts: Counts) -> None:
    text = doc.text
    starts, ends = _word_index(text)
    quoted = _quoted_mask(text)
    gold = [
        _Item(
            _tokens(a.content, starts, ends),
            "",
            a.source,
            None,
            " ".join(text[s:e] for s, e in a.source) if a.source else "",
        )
        for a in doc.attributions
    ]
    gold = [g for g in gold if g.tokens]
    for g in gold:
        g.kind = _kind(g.tokens, starts, quoted)
    pred = [p for p in _predictions(quotes, starts, ends) if p.tokens]
    for p in pred:
        p.kind = _kind(p.tokens, starts, quoted)
    counts.documents += 1
    counts.gold += len(gold)
    counts.pred += len(pred)
    for g in gold:
        counts.gold_by_kind[g.kind] += 1
    for p in pred:
        counts.pred_by_kind[p.kind] += 1
    pairs = _match(gold, pred)
    antecedents = _named_sources(doc, text)
    for gi, pi, score in pairs:
        g, p = gold[gi], pred[pi]
        if g.tokens == p.tokens:
            counts.exact += 1
            counts.exact_recall_by_kind[g.kind] += 1
            counts.exact_precision_by_kind[p.kind] += 1
        if score < 0.8:
            continue
        counts.loose += 1
        counts.recall_hits_by_kind[g.kind] += 1
        counts.precision_hits_by_kind[p.kind] += 1
        has_pred = p.source is not None
        has_gold = g.source is not None
        counts.spk_pred += has_pred
        counts.spk_gold += has_gold
        counts.spk_pred_by_kind[g.kind] += has_pred
        counts.spk_gold_by_kind[g.kind] += has_gold
        if p.source is not None and g.source is not None and _spans_overlap(p.source, g.source):
            counts.spk_tp += 1
            counts.spk_tp_by_kind[g.kind] += 1
            referent = _referent(g, antecedents)
            if referent is not None:
                counts.person_checked += 1
                # Words as the gold source's are read: "Shanklin-Hawkins" is two.
                predicted = _WORD.findall((p.speaker_name or "").lower())
                if predicted and predicted[-1] in referent:
                    counts.person_right += 1


def _predictions(quotes: list[Quote], starts: list[int], ends: list[int]) -> list[_Item]:
    """Predicted attributions: split quotations joined by their cue; partial quotes
    inside a predicted reported clause belong to it."""
    clauses = [(q.start, q.end) for q in quotes if q.kind == "indirect"]
    groups: dict[tuple[int, int, str], list[Quote]] = {}
    order: list[tuple[int, int, str]] = []
    for q in quotes:
        if q.kind == "partial" and any(s <= q.start and q.end <= e for s, e in clauses):
            continue
        speaker = q.speaker
        if q.kind == "direct" and speaker is not None and speaker.start is not None:
            # Parts of one quotation share the speaker mention: '"A," she said. "B."', and a
            # quote continued in the next paragraph.
            key: tuple[int, int, str] = (speaker.start, speaker.end or 0, "direct")
        elif q.kind == "direct" and q.cue is not None:
            key = (q.cue.start, q.cue.end, "direct")
        else:
            key = (q.start, q.end, q.kind)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(q)
    _join_split_clauses(groups, order)
    _join_continued_clauses(groups, order, starts)
    items = []
    for key in order:
        members = groups[key]
        spans = tuple((q.start, q.end) for q in members)
        speaker = members[0].speaker
        source: Spans | None = None
        if speaker is not None and speaker.start is not None and speaker.end is not None:
            source = ((speaker.start, speaker.end),)
        tokens = _tokens(spans, starts, ends)
        for q in members:
            # 'The plan, she said, will fail': the cue and speaker standing inside a reported
            # clause are not what was said (the gold marks such a clause in two pieces).
            if q.kind == "indirect" and q.cue is not None and q.start < q.cue.start:
                inside = [(q.cue.start, q.cue.end)]
                if q.speaker is not None and q.speaker.start is not None:
                    inside.append((q.speaker.start, q.speaker.end or q.speaker.start))
                if all(q.start < a and b < q.end for a, b in inside):
                    tokens = tokens - _tokens(tuple(inside), starts, ends)
        items.append(_Item(tokens, "", source, speaker.name if speaker else None))
    return items


def _lone_clauses(
    groups: dict[tuple[int, int, str], list[Quote]], order: list[tuple[int, int, str]]
) -> Iterator[tuple[tuple[int, int, str], Quote]]:
    """(key, clause) of each reported clause still standing alone, in order; the order is
    read from a copy, so callers may join and remove while iterating."""
    for key in list(order):
        members = groups.get(key)
        if members and key[2] == "indirect" and len(members) == 1:
            yield key, members[0]


def _join_split_clauses(
    groups: dict[tuple[int, int, str], list[Quote]], order: list[tuple[int, int, str]]
) -> None:
    """'The plan "is dead," she said, "and buried."': a reported clause ending in quoted
    words before its cue and the quotation continuing after the cue are one statement."""
    for key, clause in _lone_clauses(groups, order):
        cue = clause.cue
        if cue is None or not _MARK.search(clause.text) or not _cue_follows(clause, cue):
            continue
        speaker = clause.speaker
        mention = (speaker.start, speaker.end) if speaker is not None else None
        for other in order:
            parts = groups.get(other)
            if (
                other[2] == "direct"
                and parts
                and parts[0].start > cue.end
                and (
                    (
                        parts[0].cue is not None
                        and (parts[0].cue.start, parts[0].cue.end) == (cue.start, cue.end)
                    )
                    # '... "more turbulence," Clinton said. "And that's why ..."': the
                    # quotation goes on after the cue with no cue of its own.
                    or (parts[0].cue is None and mention is not None and other[:2] == mention)
                )
            ):
                groups[other] = [clause, *parts]
                del groups[key]
                order.remove(key)
                break


def _join_continued_clauses(
    groups: dict[tuple[int, int, str], list[Quote]],
    order: list[tuple[int, int, str]],
    starts: list[int],
) -> None:
    """'The mayor said the bridge would reopen in May. "We are ahead of schedule."': a
    quotation with no cue of its own right after a reported clause goes on with it."""
    for key, clause in _lone_clauses(groups, order):
        speaker = clause.speaker
        if speaker is None or speaker.start is None:
            continue
        other = (speaker.start, speaker.end or 0, "direct")
        parts = groups.get(other)
        if not parts or parts[0].cue is not None or parts[0].start < clause.end:
            continue
        # No word between the clause and the quotation.
        i = bisect.bisect_left(starts, clause.end)
        if i < len(starts) and starts[i] < parts[0].start:
            continue
        groups[other] = [clause, *parts]
        del groups[key]
        order.remove(key)


_MARK = re.compile(r"[\"“”]|''")


def _cue_follows(clause: Quote, cue: Span) -> bool:
    """The cue stands right after the clause: '"is dead," she said' (a few characters), or
    with the speaker's name between, '"is dead," Mayor Jane Smith said', in one sentence."""
    gap = cue.start - clause.end
    if not 0 <= gap <= 80:
        return False
    if gap <= 8:
        return True
    speaker = clause.speaker
    return (
        speaker is not None
        and speaker.start is not None
        and clause.end <= speaker.start < cue.start
    )


def _match(gold: list[_Item], pred: list[_Item]) -> list[tuple[int, int, float]]:
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            inter = len(g.tokens & p.tokens)
            if inter:
                scored.append((inter / max(len(g.tokens), len(p.tokens)), gi, pi))
    scored.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, gi, pi in scored:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, score))
    return pairs


def _word_index(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in _WORD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _tokens(spans: Spans, starts: list[int], ends: list[int]) -> frozenset[int]:
    """Indices of the words lying (mostly) inside the spans."""
    out: set[int] = set()
    for s, e in spans:
        i = bisect.bisect_left(ends, s + 1)
        while i < len(starts) and starts[i] < e:
            if (min(ends[i], e) - max(starts[i], s)) * 2 >= ends[i] - starts[i]:
                out.add(i)
            i += 1
    return frozenset(out)


def _quoted_mask(text: str) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in find_quote_spans(text)]


def _kind(tokens: frozenset[int], starts: list[int], quoted: list[tuple[int, int]]) -> str:
    inside = sum(1 for i in tokens if any(s <= starts[i] < e for s, e in quoted))
    if inside == len(tokens):
        return "direct"
    return "mixed" if inside else "indirect"


def _spans_overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _named_sources(doc: GoldDocument, text: str) -> list[tuple[int, set[str]]]:
    """(position, capitalized words) of every gold source that names someone."""
    out = []
    for a in doc.attributions:
        if not a.source:
            continue
        source = " ".join(text[s:e] for s, e in a.source)
        if not _NAME.fullmatch(source.strip()):
            continue  # a description ("The Florida senator", "FEC filings"), not a name
        words = {w.lower() for w in _WORD.findall(source)}
        words -= {"the", "a", "mr", "mrs", "ms", "he", "she", "i", "we", "they", "it"}
        if words:
            out.append((a.source[0][0], words))
    out.sort()
    return out


def _referent(g: _Item, named: list[tuple[int, set[str]]]) -> set[str] | None:
    if g.source is None:
        return None
    words = g.source_text.lower().split()
    if len(words) == 1 and words[0] in _PRONOUNS:
        pos = g.source[0][0]
        earlier = [w for p, w in named if p < pos]
        return earlier[-1] if earlier else None
    for p, w in named:
        if p == g.source[0][0]:
            return w
    return None


def _prf(tp: int, npred: int, ngold: int, tp_gold: int | None = None) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = (tp if tp_gold is None else tp_gold) / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _report(c: Counts) -> dict[str, Any]:
    by_kind = {}
    for k in KINDS:
        by_kind[k] = {
            "gold": c.gold_by_kind[k],
            "predicted": c.pred_by_kind[k],
            "content_exact": _prf(
                c.exact_precision_by_kind[k],
                c.pred_by_kind[k],
                c.gold_by_kind[k],
                c.exact_recall_by_kind[k],
            ),
            "content_0.8": _prf(
                c.precision_hits_by_kind[k],
                c.pred_by_kind[k],
                c.gold_by_kind[k],
                c.recall_hits_by_kind[k],
            ),
            "speaker": _prf(c.spk_tp_by_kind[k], c.spk_pred_by_kind[k], c.spk_gold_by_kind[k]),
        }
    quoted = {
        "gold": c.gold_by_kind["direct"] + c.gold_by_kind["mixed"],
        "predicted": c.pred_by_kind["direct"] + c.pred_by_kind["mixed"],
        "content_0.8": _prf(
            c.precision_hits_by_kind["direct"] + c.precision_hits_by_kind["mixed"],
            c.pred_by_kind["direct"] + c.pred_by_kind["mixed"],
            c.gold_by_kind["direct"] + c.gold_by_kind["mixed"],
            c.recall_hits_by_kind["direct"] + c.recall_hits_by_kind["mixed"],
        ),
        "speaker": _prf(
            c.spk_tp_by_kind["direct"] + c.spk_tp_by_kind["mixed"],
            c.spk_pred_by_kind["direct"] + c.spk_pred_by_kind["mixed"],
            c.spk_gold_by_kind["direct"] + c.spk_gold_by_kind["mixed"],
        ),
    }
    return {
        "documents": c.documents,
        "gold": c.gold,
        "predicted": c.pred,
        "content_exact": _prf(c.exact, c.pred, c.gold),
        "content_0.8": _prf(c.loose, c.pred, c.gold),
        "speaker": _prf(c.spk_tp, c.spk_pred, c.spk_gold),
        "end_to_end": _prf(c.spk_tp, c.pred, c.gold),
        "person": {
            "checked": c.person_checked,
            "right": c.person_right,
            "accuracy": round(c.person_right / c.person_checked, 4) if c.person_checked else 0.0,
        },
        "quoted (direct+mixed)": quoted,
        "by_kind": by_kind,
    }


def format_report(r: dict[str, Any]) -> str:
    def row(name: str, d: dict[str, float]) -> str:
        return f"  {name:<22} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}\n"

    out = [
        f"documents {r['documents']}  gold {r['gold']}  predicted {r['predicted']}\n",
        "all attributions\n",
    ]
    for key in ("content_exact", "content_0.8", "speaker", "end_to_end"):
        out.append(row(key, r[key]))
    p = r["person"]
    out.append(f"  person resolved        {p['right']}/{p['checked']} = {p['accuracy']:.3f}\n")
    q = r["quoted (direct+mixed)"]
    out.append(f"quoted (direct+mixed)  gold {q['gold']}  predicted {q['predicted']}\n")
    out.append(row("content_0.8", q["content_0.8"]))
    out.append(row("speaker", q["speaker"]))
    for k, d in r["by_kind"].items():
        out.append(f"{k}  gold {d['gold']}  predicted {d['predicted']}\n")
        for key in ("content_exact", "content_0.8", "speaker"):
            out.append(row(key, d[key]))
    return "".join(out)
