"""Reader for PolNeAR (Newell et al., LREC 2018): attributions in brat standoff.

Layout: `DIR/text/NAME.txt`, `DIR/attributions/NAME_<annotator>.ann`, and
`metadata.tsv` (publication dates) in DIR or its parent. An `.ann` file has
`T` lines (`T3<TAB>Content 115 290;300 310<TAB>text`: a typed span, possibly
discontinuous) and `E` lines linking them (`E1<TAB>Attribution:T4 Content:T3
Cue:T2 Source:T1`; `Attribution-no-source` when the source is not stated).
Some articles were annotated by several annotators: the annotator that
sorts first by name is used, so every run reads the same gold.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from storylens.errors import InputError

Spans = tuple[tuple[int, int], ...]


@dataclass(slots=True, frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans | None
    cue: Spans | None


@dataclass(slots=True)
class GoldDocument:
    name: str
    text: str
    annotator: str
    published: date | None = None
    attributions: list[GoldAttribution] = field(default_factory=list)


def read_polnear(directory: Path, limit: int | None = None) -> Iterator[GoldDocument]:
    """The documents of one PolNeAR compartment (e.g. `polnear/dev`), in name order."""
    text_dir = directory / "text"
    ann_dir = directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(
            str(directory),
            "polnear",
            "not a PolNeAR folder: expected text/*.txt and attributions/*.ann inside "
            "(e.g. ../shared/data/polnear/dev)",
        )
    dates = _publication_dates(directory)
    annotations: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name, _, _annotator = ann.stem.rpartition("_")
        annotations.setdefault(name, []).append(ann)
    count = 0
    for txt in sorted(text_dir.glob("*.txt")):
        anns = annotations.get(txt.stem)
        if not anns:
            continue
        ann = min(anns, key=lambda p: p.stem.rpartition("_")[2])
        text = txt.read_text(encoding="utf-8")
        yield GoldDocument(
            name=txt.stem,
            text=text,
            annotator=ann.stem.rpartition("_")[2],
            published=dates.get(txt.stem),
            attributions=parse_ann(ann.read_text(encoding="utf-8")),
        )
        count += 1
        if limit is not None and count >= limit:
            return


def parse_ann(content: str) -> list[GoldAttribution]:
    spans: dict[str, Spans] = {}
    links: list[dict[str, str]] = []
    for line in content.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if line.startswith("T"):
            _type, _, offsets = parts[1].partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                a, b = piece.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = tuple(pieces)
        elif line.startswith("E"):
            roles: dict[str, str] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                # Several contents or cues are numbered Content2, Cue2 in brat.
                roles.setdefault(role.rstrip("0123456789"), ref)
            links.append(roles)
    result = []
    for roles in links:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        result.append(GoldAttribution(spans[roles["Content"]], source, cue))
    return result


def _publication_dates(directory: Path) -> dict[str, date]:
    for candidate in (directory / "metadata.tsv", directory.parent / "metadata.tsv"):
        if candidate.exists():
            out: dict[str, date] = {}
            with candidate.open(encoding="utf-8") as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    try:
                        out[row["filename"]] = date.fromisoformat(row["publication_date"])
                    except (KeyError, ValueError):
                        continue
            return out
    return {}
