"""Reader for the ECB+ corpus (Cybulska & Vossen, LREC 2014) as a story-grouping gold set.

Layout: `<root>/<topic>/<topic>_<n>ecb.xml` and `<topic>_<n>ecbplus.xml`, one
`<token sentence=.. number=..>` element per token. Each topic holds two
different real-world events of the same kind; the gold story of a document is
(topic, "ecb" | "ecbplus"). Sentence 0 of `*ecbplus.xml` is often the source
URL: its path slug is used as the title (as a headline would be) and the
URL itself is dropped, so the domain names cannot give the answer away.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "”", "’s"}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "#"}
_FILE_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


@dataclass(slots=True, frozen=True)
class EcbDocument:
    doc_id: str
    topic: int
    story: str
    title: str
    text: str


def join_tokens(tokens: list[str]) -> str:
    """Detokenize: no space before closing punctuation and clitics, none after openers."""
    out: list[str] = []
    for token in tokens:
        if out and token not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out.append(" ")
        out.append(token)
    return "".join(out)


def _is_url(tokens: list[str]) -> bool:
    head = "".join(tokens[:8]).lower()
    return head.startswith(("http", "www"))


def slug_title(tokens: list[str]) -> str:
    """The readable words of a URL's path: '/2011/lindsay-lohan-leaves.html' → 'lindsay lohan leaves'."""
    url = "".join(tokens)
    path = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)
    segments = path[1].split("/") if len(path) > 1 else []
    best = max(segments, key=lambda s: s.count("-") + s.count("_"), default="")
    best = re.sub(r"\.(s?html?|php|aspx?|cms)$", "", best)
    parts = [
        p for p in re.split(r"[-_+.]+", best) if p and not re.fullmatch(r"\d{5,}|[0-9a-f]{8,}", p)
    ]
    return " ".join(parts)


def read_document(path: Path) -> EcbDocument:
    match = _FILE_NAME.match(path.name)
    if match is None:
        raise ValueError(f"{path}: not an ECB+ document name (<topic>_<n>ecb[plus].xml)")
    topic, kind = int(match.group(1)), match.group(3)
    sentences: dict[int, list[tuple[int, str]]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentence = int(token.get("sentence", "0"))
        number = int(token.get("number", "0"))
        sentences.setdefault(sentence, []).append((number, token.text or ""))
    ordered = [[t for _, t in sorted(toks)] for _, toks in sorted(sentences.items())]
    title = ""
    if ordered and _is_url(ordered[0]):
        title = slug_title(ordered[0])
        ordered = ordered[1:]
    text = "\n".join(join_tokens(tokens) for tokens in ordered)
    return EcbDocument(path.stem, topic, f"{topic}_{kind}", title, text)


def parse_topics(spec: str | None) -> set[int] | None:
    """'23-45' or '1-22,30' → topic numbers; None or '' → all."""
    if not spec:
        return None
    topics: set[int] = set()
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        topics.update(range(int(lo), int(hi or lo) + 1))
    return topics


def read_corpus(root: Path, topics: set[int] | None = None) -> list[EcbDocument]:
    """All documents under `root` (the `ECB+` folder), in topic then file order."""
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: ECB+ folder not found (expected <root>/<topic>/*.xml)")
    docs: list[EcbDocument] = []
    for folder in sorted(
        (p for p in root.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name)
    ):
        if topics is not None and int(folder.name) not in topics:
            continue
        for path in sorted(folder.glob("*.xml")):
            if _FILE_NAME.match(path.name):
                docs.append(read_document(path))
    return docs
