"""`storylens eval time DIR...`: TempEval-3 measures for time expressions.

Runs `find_times` on every TimeML document (its DCT as the publication date)
and compares with the gold TIMEX3s.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from storylens.analyze.time import find_times
from storylens.eval.timeml import GoldTimex, TimeMLDocument, read_corpus
from storylens.model import TimeExpression

HELP = """\
Score time expression extraction and normalization on TimeML (.tml) files,
with TempEval-3's measures (UzZaman et al., 2013). Each document's DCT is
its publication date; only the <TEXT> content is read.

  strict P/R/F1    a system expression counts when its span equals a gold span
  relaxed P/R/F1   a system expression counts when it overlaps a gold span
                   (each gold expression is matched at most once)
  type accuracy    share of relaxed matches whose TIMEX3 type is right
  value P/R/F1     TempEval-3's attribute F1: P = relaxed matches with exactly
                   the gold value / system expressions, R = the same count /
                   gold expressions; equals value accuracy x relaxed F1
  type F1          the same attribute F1 for the type
"""


@dataclass(slots=True)
class TimeScores:
    documents: int = 0
    gold: int = 0
    system: int = 0
    strict_matches: int = 0
    relaxed_matches: int = 0
    type_matches: int = 0
    value_matches: int = 0
    seconds: float = 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def _prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)

    def as_dict(self) -> dict[str, float | int]:
        sp, sr, sf = self._prf(self.strict_matches)
        rp, rr, rf = self._prf(self.relaxed_matches)
        vp, vr, vf = self._prf(self.value_matches)
        tf = self._prf(self.type_matches)[2]
        rel = self.relaxed_matches
        return {
            **asdict(self),
            "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
            "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
            "type_accuracy": self.type_matches / rel if rel else 0.0, "type_f1": tf,
            "value_accuracy": self.value_matches / rel if rel else 0.0,
            "value_precision": vp, "value_recall": vr, "value_f1": vf,
        }  # fmt: skip


def match_relaxed(
    gold: list[GoldTimex], system: list[TimeExpression]
) -> list[tuple[GoldTimex, TimeExpression]]:
    """One-to-one pairs of overlapping expressions, exact spans paired first."""
    pairs: list[tuple[GoldTimex, TimeExpression]] = []
    used_gold: set[int] = set()
    used_sys: set[int] = set()
    for exact_only in (True, False):
        for si, s in enumerate(system):
            if si in used_sys:
                continue
            for gi, g in enumerate(gold):
                if gi in used_gold:
                    continue
                hit = (
                    (g.start, g.end) == (s.start, s.end)
                    if exact_only
                    else (g.start < s.end and s.start < g.end)
                )
                if hit:
                    pairs.append((g, s))
                    used_gold.add(gi)
                    used_sys.add(si)
                    break
    return pairs


def score_document(
    doc: TimeMLDocument, scores: TimeScores
) -> list[tuple[GoldTimex, TimeExpression]]:
    system = find_times(doc.text, doc.dct)
    pairs = match_relaxed(doc.timexes, system)
    scores.documents += 1
    scores.gold += len(doc.timexes)
    scores.system += len(system)
    for g, s in pairs:
        scores.relaxed_matches += 1
        scores.strict_matches += (g.start, g.end) == (s.start, s.end)
        scores.type_matches += g.type == s.type
        scores.value_matches += g.value == s.value
    return pairs


def evaluate(paths: list[str | Path]) -> TimeScores:
    """TempEval-3 scores of `find_times` over every .tml file under `paths`."""
    scores = TimeScores()
    started = time.perf_counter()
    for doc in read_corpus(paths):
        score_document(doc, scores)
    scores.seconds = time.perf_counter() - started
    return scores


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dirs", nargs="+", metavar="DIR", help="TimeML folders or .tml files")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def format_text(result: dict[str, float | int]) -> str:
    r = result
    return "\n".join(
        [
            f"documents {r['documents']}  gold {r['gold']}  system {r['system']}  ({r['seconds']:.1f} s)",
            f"strict   P {r['strict_precision']:.3f}  R {r['strict_recall']:.3f}  F1 {r['strict_f1']:.3f}",
            f"relaxed  P {r['relaxed_precision']:.3f}  R {r['relaxed_recall']:.3f}  F1 {r['relaxed_f1']:.3f}",
            f"type     accuracy {r['type_accuracy']:.3f}  F1 {r['type_f1']:.3f}",
            f"value    accuracy {r['value_accuracy']:.3f}  P {r['value_precision']:.3f}"
            f"  R {r['value_recall']:.3f}  F1 {r['value_f1']:.3f}",
        ]
    )


def run(args: argparse.Namespace) -> int:
    result = evaluate(list(args.dirs)).as_dict()
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(format_text(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="storylens eval time",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
