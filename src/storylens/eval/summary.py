"""`storylens eval summary DIR`: the cited summary against a lead baseline.

Two inputs:

  DIR (or one .jsonl file) of article objects {"story", "id", "text", "title"?,
  "published"?}, one per line, plus --references FILE of {"story", "summary"} lines:
  ROUGE-1/2/L F1 of StoryLens's summary and of lead-N, per story, averaged.

  --ecbplus [--topics 23-45]: ECB+ clusters (topic + ecb|ecbplus suffix), which have no
  reference summaries. The proxy: the share of the cluster's gold event chains (ACTION_*
  mentions joined by CROSS_DOC_COREF) that the summary mentions (any mention's words
  appear in it), each chain weighted by the number of documents mentioning it; chains in
  a single document are left out (they are not what the cluster shares).

Both print per-story lines on stderr and a JSON summary on stdout; the ECB+ one counts
the clusters where each system covers more (storylens_wins, lead_wins, ties).

ROUGE here is our own small implementation: lower-case word tokens ([a-z0-9]+), no
stemming, no stop-word removal; ROUGE-N F1 from clipped n-gram counts, ROUGE-L F1 from
the longest common subsequence of the whole texts (summary-level, not per sentence).
lead-N takes the first sentence of each article, then the second of each, and so on
(round-robin, in article order) until it has as many words as StoryLens's summary, so
both systems are compared at equal length (the last sentence is cut to fit).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storylens.model import Analysis, Article, StoredArticle

HELP = __doc__ or ""
Item = tuple[StoredArticle, Analysis]
_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, n_sys: int, n_ref: int) -> float:
    if not overlap or not n_sys or not n_ref:
        return 0.0
    p, r = overlap / n_sys, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(system: str, reference: str, n: int) -> float:
    """ROUGE-N F1 over lower-case word n-grams (clipped counts)."""
    s, r = tokens(system), tokens(reference)
    sg = Counter(tuple(s[i : i + n]) for i in range(len(s) - n + 1))
    rg = Counter(tuple(r[i : i + n]) for i in range(len(r) - n + 1))
    return _f1(sum((sg & rg).values()), sum(sg.values()), sum(rg.values()))


def rouge_l(system: str, reference: str) -> float:
    """ROUGE-L F1: longest common subsequence of the two token sequences."""
    s, r = tokens(system), tokens(reference)
    if not s or not r:
        return 0.0
    prev = [0] * (len(r) + 1)
    for a in s:
        cur = [0]
        for j, b in enumerate(r, start=1):
            cur.append(prev[j - 1] + 1 if a == b else max(prev[j], cur[j - 1]))
        prev = cur
    return _f1(prev[-1], len(s), len(r))


def lead_baseline(items: Sequence[Item], n_words: int) -> str:
    """First sentences of each article, round-robin, cut at `n_words` words."""
    from storylens.compare.text_units import sentence_spans

    per_article = [
        [stored.article.text[a:b].strip() for a, b in sentence_spans(stored.article.text, an)]
        for stored, an in items
    ]
    out: list[str] = []
    count = 0
    depth = 0
    while count < n_words and any(depth < len(s) for s in per_article):
        for sents in per_article:
            if depth < len(sents) and count < n_words:
                words = sents[depth].split()
                take = words[: n_words - count]
                out.append(" ".join(take))
                count += len(take)
        depth += 1
    return " ".join(out)


def storylens_summary(items: Sequence[Item]) -> str:
    from storylens.compare.claims import extract_claims
    from storylens.compare.summary import summarize

    return " ".join(s["text"] for s in summarize(items, extract_claims(items)))


def analyse(rows: Sequence[dict[str, Any]]) -> list[Item]:
    from storylens.analyze.pipeline import Analyzer

    analyzer = Analyzer()
    items = []
    for key, row in enumerate(rows, start=1):
        article = Article(
            id=str(row["id"]),
            text=row["text"],
            source="eval",
            title=row.get("title"),
            outlet=row.get("outlet") or str(row["id"]),
        )
        items.append((StoredArticle(key, article), analyzer.process(article)))
    return items


# -- ECB+ proxy -----------------------------------------------------------------------


def ecb_chains(path: Path) -> dict[str, list[list[str]]]:
    """Gold event chains of one document: chain id -> mentions (lower-case word lists)."""
    root = ET.parse(path).getroot()
    text_of = {t.get("t_id"): (t.text or "") for t in root.iter("token")}
    mentions: dict[str, list[str]] = {}
    markables = root.find("Markables")
    for m in markables if markables is not None else []:
        if m.tag.startswith("ACTION") and m.get("m_id"):
            anchors = [text_of.get(a.get("t_id"), "") for a in m.iter("token_anchor")]
            words = tokens(" ".join(anchors))
            if words:
                mentions[m.get("m_id", "")] = words
    chains: dict[str, list[list[str]]] = defaultdict(list)
    for rel in root.iter("CROSS_DOC_COREF"):
        note = rel.get("note") or ""
        if not note.startswith("ACT"):
            continue
        for src in rel.iter("source"):
            if src.get("m_id") in mentions:
                chains[note].append(mentions[src.get("m_id", "")])
    return dict(chains)


def chain_coverage(summary: str, chains: dict[str, tuple[int, list[list[str]]]]) -> float:
    """Weighted share of chains (weight = documents mentioning it) the summary mentions."""
    text = " " + " ".join(tokens(summary)) + " "
    total = sum(w for w, _ in chains.values())
    hit = sum(
        w
        for w, mentions in chains.values()
        if any(" " + " ".join(m) + " " in text for m in mentions)
    )
    return hit / total if total else 0.0


def ecbplus_clusters(root: Path, topics: set[int] | None) -> dict[str, list[Path]]:
    from storylens.eval.ecbplus import _FILE_NAME

    clusters: dict[str, list[Path]] = defaultdict(list)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit()):
        if topics is not None and int(folder.name) not in topics:
            continue
        for path in sorted(folder.glob("*.xml")):
            m = _FILE_NAME.match(path.name)
            if m:
                clusters[f"{m.group(1)}_{m.group(3)}"].append(path)
    return clusters


def run_ecbplus(root: Path, topics: set[int] | None) -> dict[str, float]:
    from storylens.eval.ecbplus import read_document

    sums = {"storylens": 0.0, "lead": 0.0, "words": 0.0, "clusters": 0.0}
    sums.update({"wins": 0.0, "losses": 0.0})
    for story, paths in sorted(ecbplus_clusters(root, topics).items()):
        per_doc = {p: ecb_chains(p) for p in paths}
        docs_with: Counter[str] = Counter(c for chains in per_doc.values() for c in chains)
        mentions: dict[str, list[list[str]]] = defaultdict(list)
        for chains in per_doc.values():
            for c, ms in chains.items():
                mentions[c].extend(ms)
        shared = {c: (n, mentions[c]) for c, n in docs_with.items() if n >= 2}
        if len(paths) < 2 or not shared:
            continue
        docs = [read_document(p) for p in paths]
        rows = [{"id": d.doc_id, "text": d.text, "title": d.title or None} for d in docs]
        items = analyse(rows)
        ours = storylens_summary(items)
        lead = lead_baseline(items, len(ours.split()))
        a, b = chain_coverage(ours, shared), chain_coverage(lead, shared)
        sums["storylens"] += a
        sums["lead"] += b
        sums["wins"] += a > b
        sums["losses"] += a < b
        sums["words"] += len(ours.split())
        sums["clusters"] += 1
        print(
            f"{story:12s} docs={len(paths):2d} chains={len(shared):3d} "
            f"storylens={a:.3f} lead={b:.3f}",
            file=sys.stderr,
            flush=True,
        )
    n = sums["clusters"] or 1.0
    return {
        "clusters": sums["clusters"],
        "storylens_chain_coverage": sums["storylens"] / n,
        "lead_chain_coverage": sums["lead"] / n,
        "storylens_wins": sums["wins"],
        "lead_wins": sums["losses"],
        "ties": sums["clusters"] - sums["wins"] - sums["losses"],
        "mean_words": sums["words"] / n,
    }


# -- references ---------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    rows = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def run_references(articles: Path, references: Path) -> dict[str, float]:
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_jsonl(articles):
        by_story[str(row["story"])].append(row)
    refs: dict[str, list[str]] = defaultdict(list)
    for row in read_jsonl(references):
        refs[str(row["story"])].append(row["summary"])
    totals: dict[str, float] = defaultdict(float)
    n = 0
    for story, rows in sorted(by_story.items()):
        if story not in refs:
            continue
        items = analyse(rows)
        ours = storylens_summary(items)
        lead = lead_baseline(items, len(ours.split()))
        for name, text in (("storylens", ours), ("lead", lead)):
            # Several references: the best-matching one counts, as in multi-reference ROUGE.
            totals[f"{name}_rouge1"] += max(rouge_n(text, r, 1) for r in refs[story])
            totals[f"{name}_rouge2"] += max(rouge_n(text, r, 2) for r in refs[story])
            totals[f"{name}_rougeL"] += max(rouge_l(text, r) for r in refs[story])
        n += 1
    return {"stories": n, **{k: v / max(n, 1) for k, v in sorted(totals.items())}}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", type=Path, help="articles: a .jsonl file or folder")
    parser.add_argument("--references", type=Path, help='{"story", "summary"} JSON Lines')
    parser.add_argument("--ecbplus", type=Path, help="the ECB+ folder (<root>/<topic>/*.xml)")
    parser.add_argument("--topics", default="23-45", help="ECB+ topics, e.g. 23-45")


def run(args: argparse.Namespace) -> int:
    if args.ecbplus:
        from storylens.eval.ecbplus import parse_topics

        result = run_ecbplus(args.ecbplus, parse_topics(args.topics))
    elif args.path and args.references:
        result = run_references(args.path, args.references)
    else:
        print("give PATH --references FILE, or --ecbplus ECB_ROOT", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 0
