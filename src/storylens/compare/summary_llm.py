"""Optional abstractive summary through an OpenAI-compatible chat endpoint.

Never called by default: the extractive `summarize` needs no model and no
network. When a user configures an endpoint (STORYLENS_LLM_ENDPOINT,
STORYLENS_LLM_MODEL, optionally STORYLENS_LLM_API_KEY; see
`llm_settings_from_env`), `summarize_abstractive` sends the story's corroborated
claims and its numbered articles to `{endpoint}/v1/chat/completions` and asks
for three to seven sentences, each ending with citation markers such as [1][3].

The model's citations are not trusted: a sentence is kept only when every
article it cites holds its content (all its numbers and at least half of its
IDF-weighted content words, the extractive summary's test, applied to the
whole article because a rewritten sentence may join two of its sentences).
A sentence without a valid citation, or citing an article that does not hold
it, is dropped. On any failure (connection error, timeout, HTTP error, a reply
that is not the expected JSON, fewer than three sentences left) the extractive
summary is returned and a warning logged.
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from storylens.compare.citation import (
    COVERAGE_TO_CITE,
    holds_quotation,
    quoted_words,
    stem_tokens,
)
from storylens.compare.summary import MAX_SENTENCES, MIN_SENTENCES, summarize
from storylens.compare.text_units import Item, build_units, content_stems, is_number, words

log = logging.getLogger(__name__)

ENV_ENDPOINT = "STORYLENS_LLM_ENDPOINT"
ENV_MODEL = "STORYLENS_LLM_MODEL"
ENV_API_KEY = "STORYLENS_LLM_API_KEY"

# The prompt carries at most this many characters of article text in all, shared evenly,
# with at least MIN_ARTICLE_CHARS per article: leads carry the facts.
PROMPT_ARTICLE_CHARS = 24_000
MIN_ARTICLE_CHARS = 600
MAX_PROMPT_CLAIMS = 15

_SYSTEM = (
    "You summarize one news story reported by several articles. Use only facts the "
    "articles state. Write 3 to 7 sentences, one per line, putting first the facts that "
    "several articles report. End every sentence with the numbers of the articles that "
    "state its content, as markers like [1][3]; cite only articles that state it. Do not "
    "quote anyone and do not add facts, opinions or headings."
)

_MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_LIST_PREFIX = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?\]])\s+(?=[\"“(]?[A-Z0-9])")
_DANGLING = re.compile(r"^(?:He|She|It|They|This|That|These|Those|But|However|Also)\b")


@dataclass(slots=True, frozen=True)
class LLMSettings:
    """Where the abstractive summary is asked for."""

    endpoint: str
    model: str
    api_key: str | None = None


def llm_settings_from_env(environ: Mapping[str, str] | None = None) -> LLMSettings | None:
    """The endpoint configured in the environment, or None when endpoint or model is unset
    (the abstractive mode is then unavailable and the caller uses `summarize`)."""
    env = os.environ if environ is None else environ
    endpoint = env.get(ENV_ENDPOINT, "").strip()
    model = env.get(ENV_MODEL, "").strip()
    if not endpoint or not model:
        return None
    return LLMSettings(endpoint, model, env.get(ENV_API_KEY, "").strip() or None)


def completions_url(endpoint: str) -> str:
    """`{endpoint}/v1/chat/completions`, without doubling a /v1 the user already gave."""
    base = endpoint.rstrip("/")
    if base.endswith("/v1"):
        base = base[: -len("/v1")]
    return f"{base}/v1/chat/completions"


def build_messages(items: Sequence[Item], claims: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The chat messages: the corroborated and disputed claims, then the numbered articles."""
    number = {stored.article.id: n for n, (stored, _) in enumerate(items, start=1)}
    lines = ["Facts several articles agree on:"]
    agreed = [c for c in claims if c.get("label") == "agreed"][:MAX_PROMPT_CLAIMS]
    for claim in agreed:
        marks = "".join(f"[{number[a]}]" for a in claim["article_ids"] if a in number)
        lines.append(f"- {claim['text']} {marks}")
    if not agreed:
        lines.append("- (none)")
    disputed = [c for c in claims if c.get("label") == "disputed"][:MAX_PROMPT_CLAIMS]
    if disputed:
        lines.append("Facts the articles disagree on (report the disagreement, or leave out):")
        for claim in disputed:
            marks = "".join(f"[{number[a]}]" for a in claim["article_ids"] if a in number)
            lines.append(f"- {claim['text']} {marks}")
    budget = max(MIN_ARTICLE_CHARS, PROMPT_ARTICLE_CHARS // max(1, len(items)))
    lines.append("")
    lines.append("Articles:")
    for stored, _ in items:
        art = stored.article
        head = f"[{number[art.id]}] {art.outlet or art.id}"
        if art.title:
            head += f": {art.title}"
        body = art.text.strip()
        if len(body) > budget:
            body = body[:budget].rsplit(" ", 1)[0] + " ..."
        lines.append(head)
        lines.append(body)
        lines.append("")
    return [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": "\n".join(lines)}]


def parse_sentences(content: str) -> list[tuple[str, list[int]]]:
    """The reply's sentences, each with the article numbers it cites (in order, once)."""
    out: list[tuple[str, list[int]]] = []
    for line in content.splitlines():
        line = _LIST_PREFIX.sub("", line).strip()
        if not line:
            continue
        for piece in _SENTENCE_END.split(line):
            cited: list[int] = []
            for m in _MARKER.finditer(piece):
                cited += [int(n) for n in re.findall(r"\d+", m.group(1)) if int(n) not in cited]
            text = _MARKER.sub("", piece).strip()
            # "Fact [1]." leaves "Fact ." : close the gap the markers left.
            text = re.sub(r"\s+([.!?,;:])", r"\1", text)
            if text and text[-1] not in ".!?":
                text += "."
            if len(text) > 1:
                out.append((text, cited))
    return out


class _ArticleContent:
    """Each article's content words and numbers, and IDF weights over the story's
    sentences, for the citation check."""

    def __init__(self, items: Sequence[Item]) -> None:
        units = [u for u in build_units(items, clauses=False) if u.stems]
        df = Counter(w for u in units for w in set(u.stems))
        self.idf = {w: math.log((len(units) + 1) / (n + 1)) + 1.0 for w, n in df.items()}
        self.stems: dict[str, set[str]] = {}
        self.numbers: dict[str, set[str]] = {}
        self.words: dict[str, str] = {}
        for stored, _ in items:
            text = stored.article.text
            self.words[stored.article.id] = stem_tokens(text)
            self.stems[stored.article.id] = set(content_stems(text))
            self.numbers[stored.article.id] = {w for w in words(text) if is_number(w)}

    def holds(self, article_id: str, sentence: str) -> bool:
        mine = set(content_stems(sentence))
        numbers = {w for w in words(sentence) if is_number(w)}
        if not mine or not numbers <= self.numbers.get(article_id, set()):
            return False
        # A model may word a quotation its source never printed: its words must be there.
        printed = self.words.get(article_id, "")
        if not all(holds_quotation(q, printed) for q in quoted_words(sentence)):
            return False
        theirs = self.stems.get(article_id, set())
        shared = sum(self.idf.get(w, 1.0) for w in mine & theirs)
        total = sum(self.idf.get(w, 1.0) for w in mine)
        return shared / total >= COVERAGE_TO_CITE


def checked_sentences(
    items: Sequence[Item], parsed: list[tuple[str, list[int]]]
) -> list[dict[str, Any]]:
    """The parsed sentences whose citations all hold, as [{"text", "article_ids"}]."""
    ids = [stored.article.id for stored, _ in items]
    content = _ArticleContent(items)
    kept: list[dict[str, Any]] = []
    for text, cited in parsed:
        if not cited or any(not 1 <= n <= len(ids) for n in cited):
            log.info("abstractive summary: dropped (no valid citation): %s", text)
            continue
        article_ids = [ids[n - 1] for n in cited]
        if not all(content.holds(a, text) for a in article_ids):
            log.info("abstractive summary: dropped (a cited article lacks it): %s", text)
            continue
        if _DANGLING.match(text):
            log.info("abstractive summary: dropped (opens with a dangling word): %s", text)
            continue
        kept.append({"text": text, "article_ids": article_ids})
    return kept[:MAX_SENTENCES]


def _ask(
    url: str, model: str, messages: list[dict[str, str]], api_key: str | None, timeout: float
) -> str:
    headers = {"Content-Type": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    body = {"model": model, "messages": messages, "temperature": 0}
    response = httpx.post(url, json=body, headers=headers, timeout=timeout)
    response.raise_for_status()
    content = response.json()["choices"][0]["message"]["content"]
    if not isinstance(content, str):
        raise TypeError(f"message content is {type(content).__name__}, not text")
    return content


def summarize_abstractive(
    items: Sequence[Item],
    claims: list[dict[str, Any]],
    endpoint: str,
    model: str,
    api_key: str | None = None,
    timeout: float = 30.0,
) -> list[dict[str, Any]]:
    """[{"text", "article_ids"}]: 3-7 sentences written by the model at `endpoint`, each
    citing articles that hold its content; the extractive summary on any failure."""
    if not items:
        return []
    url = completions_url(endpoint)
    try:
        content = _ask(url, model, build_messages(items, claims), api_key, timeout)
    except (httpx.HTTPError, httpx.InvalidURL, ValueError, KeyError, IndexError, TypeError) as exc:
        log.warning("abstractive summary failed at %s (%s); using the extractive one", url, exc)
        return summarize(items, claims)
    kept = checked_sentences(items, parse_sentences(content))
    if len(kept) < MIN_SENTENCES:
        log.warning(
            "abstractive summary from %s kept %d sentence(s) with valid citations (fewer "
            "than %d); using the extractive one",
            url,
            len(kept),
            MIN_SENTENCES,
        )
        return summarize(items, claims)
    return kept
