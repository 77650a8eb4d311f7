"""Read TimeML (.tml) documents: the text, its publication date and gold TIMEX3s.

Only the content of `<TEXT>` is the evaluated text (tags removed, character
offsets into that plain text). The publication date is the value of the
TIMEX3 inside `<DCT>`; that TIMEX3 itself is not part of the text and is not
a gold expression.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from storylens.errors import InputError


@dataclass(slots=True, frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TimeMLDocument:
    doc_id: str
    path: str
    text: str
    dct: date | None
    timexes: list[GoldTimex] = field(default_factory=list)


def _flatten(elem: ET.Element, parts: list[str], pos: list[int], timexes: list[GoldTimex]) -> None:
    """Append elem's text to parts, recording where each TIMEX3 starts and ends."""
    start = pos[0]
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _flatten(child, parts, pos, timexes)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if elem.tag == "TIMEX3":
        surface = "".join(parts)[start : pos[0]]
        timexes.append(
            GoldTimex(start, pos[0], surface, elem.get("type", ""), elem.get("value", ""))
        )


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_tml(path: str | Path) -> TimeMLDocument:
    """One TimeML file. Raises InputError naming the file when it is not TimeML."""
    p = Path(path)
    try:
        root = ET.parse(p).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(p), "timeml", f"not a readable TimeML file ({exc})") from exc
    text_elem = root.find("TEXT")
    if text_elem is None:
        raise InputError(str(p), "timeml", "no <TEXT> element: is this a TimeML (.tml) file?")
    dct_timex = root.find("DCT/TIMEX3")
    dct = _parse_date(dct_timex.get("value", "")) if dct_timex is not None else None
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _flatten(text_elem, parts, [0], timexes)
    doc_id = (root.findtext("DOCID") or p.stem).strip()
    timexes.sort(key=lambda t: t.start)
    return TimeMLDocument(doc_id, str(p), "".join(parts), dct, timexes)


def read_corpus(paths: list[str | Path]) -> list[TimeMLDocument]:
    """Every .tml file under the given files or folders, sorted by path."""
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files.extend(sorted(p.rglob("*.tml")))
        elif p.exists():
            files.append(p)
        else:
            raise InputError(str(p), "missing", "no such file or folder")
    return [read_tml(f) for f in files]
