"""`storylens eval stories DIR`: score story grouping against gold stories."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from storylens.group.config import GroupConfig
from storylens.group.features import ArticleFeatures, features_from
from storylens.group.regroup import cluster_features
from storylens.group.stories import StoryGrouper
from storylens.model import Analysis, Article, Mention, StoredArticle

HELP = """\
Score story grouping against gold stories.

DIR is either the ECB+ folder (../shared/data/ecbplus/ECB+: each topic holds
two different real-world events of the same kind; a document's gold story is
its topic plus `ecb` or `ecbplus`), or a JSON Lines file (.jsonl / .jsonl.gz)
with one article per line: `text` and a gold `story`, optionally `id`,
`title`, `published` (YYYY-MM-DD).

All selected articles are grouped as ONE collection (for ECB+, the articles of
all selected topics mixed together), which is the realistic setting: look-alike
events of other topics are there to be confused with. Features are computed
here: spaCy NER (storylens.analyze.nlp.load_nlp) for people, places and
organizations, plus the words. ECB+ has no publication dates, so the time
window plays no part on it. Defaults were tuned on topics 1-22; report on
23-45 (`--topics 23-45`).

Scores, for online grouping (articles placed one at a time, averaged over
--orders random arrival orders with fixed seeds 0..N-1) and for batch
regrouping (one order-independent clustering):
  B3 P/R/F1   B-cubed: per article, the share of its predicted story that is
              in its gold story (P) and of its gold story that is in its
              predicted story (R); averaged over articles; F1 of the two.
  pair P/R/F1 pairwise, over all pairs of articles: pairs put together that belong
              together (P), pairs belonging together that were put together (R).
  ARI         adjusted Rand index (0 = chance, 1 = identical partitions).
  stories     predicted vs gold number of stories.
"""


@dataclass(slots=True, frozen=True)
class LabelledArticle:
    doc_id: str
    title: str
    text: str
    story: str
    published: date | None = None


# -- scores ------------------------------------------------------------------


def _pairs(n: int) -> float:
    return n * (n - 1) / 2.0


def score_partition(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """B-cubed, pairwise and ARI scores of `predicted` labels against `gold` labels."""
    n = len(gold)
    if n == 0:
        raise ValueError("no articles to score")
    joint = Counter(zip(gold, predicted, strict=True))
    gold_sizes = Counter(gold)
    pred_sizes = Counter(predicted)
    b3_p = sum(c * c / pred_sizes[p] for (_, p), c in joint.items()) / n
    b3_r = sum(c * c / gold_sizes[g] for (g, _), c in joint.items()) / n
    together = sum(_pairs(c) for c in joint.values())
    pred_pairs = sum(_pairs(c) for c in pred_sizes.values())
    gold_pairs = sum(_pairs(c) for c in gold_sizes.values())
    pair_p = together / pred_pairs if pred_pairs else 1.0
    pair_r = together / gold_pairs if gold_pairs else 1.0
    expected = pred_pairs * gold_pairs / _pairs(n) if n > 1 else 0.0
    maximum = (pred_pairs + gold_pairs) / 2.0
    ari = (together - expected) / (maximum - expected) if maximum != expected else 1.0
    return {
        "b3_p": b3_p,
        "b3_r": b3_r,
        "b3_f1": _f1(b3_p, b3_r),
        "pair_p": pair_p,
        "pair_r": pair_r,
        "pair_f1": _f1(pair_p, pair_r),
        "ari": ari,
        "predicted": float(len(pred_sizes)),
        "gold": float(len(gold_sizes)),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# -- data --------------------------------------------------------------------


def read_labelled(path: Path, topics: set[int] | None = None) -> list[LabelledArticle]:
    """ECB+ folder or JSON Lines file with a gold `story` per article."""
    if path.is_dir():
        from storylens.eval.ecbplus import read_corpus

        return [
            LabelledArticle(d.doc_id, d.title, d.text, d.story) for d in read_corpus(path, topics)
        ]
    opener = gzip.open if path.name.endswith(".gz") else open
    items: list[LabelledArticle] = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if "story" not in record or "text" not in record:
                raise ValueError(f"{path}:{number}: each line needs `text` and a gold `story`")
            published = record.get("published")
            items.append(
                LabelledArticle(
                    str(record.get("id", number)),
                    record.get("title") or "",
                    record["text"],
                    str(record["story"]),
                    date.fromisoformat(published[:10]) if published else None,
                )
            )
    return items


def _ner_cache_dir() -> Path:
    # Only ever under the temp dir: evaluation must not leave files elsewhere.
    return Path(tempfile.gettempdir()) / "storylens-eval-ner"


def ner_mentions(texts: Sequence[str]) -> list[list[Mention]]:
    """spaCy NER mentions per text, cached by text hash under the temp dir."""
    cache = _ner_cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest()[:32] for t in texts]
    found: dict[int, list[Mention]] = {}
    missing: list[int] = []
    for i, key in enumerate(keys):
        path = cache / f"{key}.json"
        if path.exists():
            found[i] = [Mention(**m) for m in json.loads(path.read_text())]
        else:
            missing.append(i)
    if missing:
        from storylens.analyze.entities import NER_ONLY
        from storylens.analyze.nlp import load_nlp

        nlp = load_nlp(disable=NER_ONLY)
        docs = nlp.pipe((texts[i] for i in missing), batch_size=32)
        for i, doc in zip(missing, docs, strict=True):
            mentions = [Mention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]
            (cache / f"{keys[i]}.json").write_text(json.dumps([m.to_dict() for m in mentions]))
            found[i] = mentions
    return [found[i] for i in range(len(texts))]


def build_features(items: Sequence[LabelledArticle]) -> list[ArticleFeatures]:
    mentions = ner_mentions([it.text for it in items])
    features: list[ArticleFeatures] = []
    for key, (item, ents) in enumerate(zip(items, mentions, strict=True)):
        article = Article(item.doc_id, item.text, "eval", title=item.title or None)
        article.published = item.published
        analysis = Analysis(item.doc_id, entities=ents, published=item.published)
        features.append(features_from(StoredArticle(key, article), analysis))
    return features


# -- runs --------------------------------------------------------------------


def online_labels(features: Sequence[ArticleFeatures], config: GroupConfig, seed: int) -> list[str]:
    order = list(range(len(features)))
    random.Random(seed).shuffle(order)
    grouper = StoryGrouper(config)
    for i in order:
        grouper.place(features[i])
    # The final state: repairs may have moved articles after their placement.
    return [grouper.story_of(f.key) or "" for f in features]


def batch_labels(features: Sequence[ArticleFeatures], config: GroupConfig) -> list[str]:
    labels = [""] * len(features)
    for number, cluster in enumerate(cluster_features(features, config)):
        for i in cluster:
            labels[i] = f"c{number}"
    return labels


def evaluate(
    items: Sequence[LabelledArticle], config: GroupConfig, orders: int = 5
) -> dict[str, Any]:
    features = build_features(items)
    gold = [it.story for it in items]
    started = time.perf_counter()
    runs = [score_partition(gold, online_labels(features, config, seed)) for seed in range(orders)]
    online = {k: sum(r[k] for r in runs) / len(runs) for k in runs[0]}
    online["b3_f1_min"] = min(r["b3_f1"] for r in runs)
    online_s = time.perf_counter() - started
    started = time.perf_counter()
    batch = score_partition(gold, batch_labels(features, config))
    batch_s = time.perf_counter() - started
    return {
        "articles": len(items),
        "gold_stories": len(set(gold)),
        "orders": orders,
        "online": online,
        "batch": batch,
        "seconds": {"online_per_order": online_s / max(orders, 1), "batch": batch_s},
    }


# -- CLI face ----------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", help="ECB+ folder or JSON Lines file with `story`")
    parser.add_argument(
        "--topics", default=None, help="ECB+ topics, e.g. 23-45 or 1-22 (default: all)"
    )
    parser.add_argument("--orders", type=int, default=5, help="random arrival orders (default 5)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--threshold", type=float, default=None, help="online join threshold")
    parser.add_argument("--batch-threshold", type=float, default=None, help="batch link threshold")
    parser.add_argument("--entity-weight", type=float, default=None, help="share of entities")


def config_from(args: argparse.Namespace) -> GroupConfig:
    config = GroupConfig()
    if getattr(args, "threshold", None) is not None:
        config = replace(config, threshold=args.threshold)
    if getattr(args, "batch_threshold", None) is not None:
        config = replace(config, batch_threshold=args.batch_threshold)
    if getattr(args, "entity_weight", None) is not None:
        config = replace(config, entity_weight=args.entity_weight)
    return config


def run(args: argparse.Namespace) -> int:
    from storylens.eval.ecbplus import parse_topics

    path = Path(args.dir)
    if not path.exists():
        print(f"error: {path} not found (an ECB+ folder or a .jsonl file)", file=sys.stderr)
        return 2
    items = read_labelled(path, parse_topics(args.topics))
    if not items:
        print(f"error: no articles read from {path}", file=sys.stderr)
        return 2
    result = evaluate(items, config_from(args), orders=args.orders)
    result["dataset"] = str(path)
    result["topics"] = args.topics
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(format_text(result))
    return 0


def format_text(result: dict[str, Any]) -> str:
    lines = [
        f"{result.get('dataset', '')} topics={result.get('topics') or 'all'}: "
        f"{result['articles']} articles, {result['gold_stories']} gold stories",
        f"{'':8} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pairP':>6} {'pairR':>6} "
        f"{'pairF1':>6} {'ARI':>6} {'stories':>9}",
    ]
    for name in ("online", "batch"):
        s = result[name]
        lines.append(
            f"{name:8} {s['b3_p']:6.3f} {s['b3_r']:6.3f} {s['b3_f1']:6.3f} {s['pair_p']:6.3f} "
            f"{s['pair_r']:6.3f} {s['pair_f1']:6.3f} {s['ari']:6.3f} "
            f"{s['predicted']:>4.0f}/{s['gold']:<4.0f}"
        )
    lines.append(
        f"online averaged over {result['orders']} orders (worst B3 F1 "
        f"{result['online']['b3_f1_min']:.3f})"
    )
    if math.isfinite(result["seconds"]["batch"]):
        lines.append(
            f"time: online {result['seconds']['online_per_order']:.2f}s/order, "
            f"batch {result['seconds']['batch']:.2f}s"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="storylens eval stories",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())


# -- synthetic copies (copy detection) -----------------------------------------

_BOILERPLATE_BEFORE = (
    "ADVERTISEMENT",
    "Listen to this article",
    "Breaking news from our wire partners:",
    "This story was first published by a news agency.",
)
_BOILERPLATE_AFTER = (
    "Copyright {year}. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "Sign up for our daily newsletter to get the top stories in your inbox every morning.",
    "Follow us on Twitter and Facebook for the latest updates.",
    "Reporting by staff; editing by the news desk.",
    "Comments are moderated and may take some time to appear.",
)
_HEADLINE_STYLES = ("{title} - report", "UPDATE: {title}", "{title} (wire)", "WATCH: {title}")


@dataclass(slots=True, frozen=True)
class CopyCase:
    """One article of the synthetic copy set; `family` is the index of the
    original it was made from (its own index for an original)."""

    title: str
    text: str
    published: date | None
    family: int
    is_copy: bool


def _sentences(text: str) -> list[str]:
    import re

    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def make_copy(
    title: str, text: str, published: date | None, rng: random.Random
) -> tuple[str, str, date | None]:
    """Re-publish an article the way syndication does: a new headline, the end
    trimmed by up to a third, boilerplate before and after, the date moved."""
    from datetime import timedelta

    sentences = _sentences(text)
    keep = max(1, math.ceil(len(sentences) * rng.uniform(2 / 3, 1.0)))
    body = " ".join(sentences[:keep])
    before = rng.sample(_BOILERPLATE_BEFORE, rng.randint(0, 2))
    after = [
        line.format(year=published.year if published else 2020)
        for line in rng.sample(_BOILERPLATE_AFTER, rng.randint(1, 3))
    ]
    new_text = "\n\n".join([*before, body, *after])
    new_title = rng.choice(_HEADLINE_STYLES).format(title=title or "News")
    shifted = published + timedelta(days=rng.randint(-1, 3)) if published else None
    return new_title, new_text, shifted


def synthetic_copy_set(
    records: Sequence[tuple[str, str, date | None]],
    copies: int,
    seed: int = 0,
    min_words: int = 80,
) -> list[CopyCase]:
    """Originals (`records` with at least `min_words` words, as title/text/date)
    followed by `copies` perturbed copies of randomly chosen originals (one
    original may get several). Deterministic for a given seed."""
    rng = random.Random(seed)
    cases = [
        CopyCase(title, text, published, i, False)
        for i, (title, text, published) in enumerate(
            r for r in records if len(r[1].split()) >= min_words
        )
    ]
    cases = [replace(c, family=i) for i, c in enumerate(cases)]
    originals = len(cases)
    for _ in range(copies):
        source = cases[rng.randrange(originals)]
        title, text, published = make_copy(source.title, source.text, source.published, rng)
        cases.append(CopyCase(title, text, published, source.family, True))
    return cases


def score_copies(cases: Sequence[CopyCase], config: GroupConfig | None = None) -> dict[str, float]:
    """Copy-detection precision and recall on a synthetic set.

    Originals are indexed first, then the copies in a shuffled order. A
    reported link is right when both articles come from the same original
    (a copy of a copy counts). Originals that already duplicate each other in
    the source corpus are reported (`natural`) and left out of the scores."""
    from storylens.group.near_dup import NearDuplicateIndex

    config = config or GroupConfig()
    index = NearDuplicateIndex(config.near_dup)
    natural = set()
    for i, case in enumerate(cases):
        if not case.is_copy and index.add(i, case.text) is not None:
            natural.add(case.family)
    copy_ids = [i for i, c in enumerate(cases) if c.is_copy]
    random.Random(1).shuffle(copy_ids)
    reported = right = found = counted = 0
    for i in copy_ids:
        original = index.add(i, cases[i].text)
        if cases[i].family in natural:
            continue
        counted += 1
        if original is not None:
            reported += 1
            if cases[original].family == cases[i].family:
                right += 1
                found += 1
    return {
        "copies": float(counted),
        "precision": right / reported if reported else 1.0,
        "recall": found / counted if counted else 1.0,
        "natural_duplicates": float(len(natural)),
    }
