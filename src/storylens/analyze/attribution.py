"""Who said what: sentences, people, quotes and their speakers in one article.

`AttributionStep` follows the step shape: cheap picklable `__init__`,
`setup()` loads spaCy once, `process(text)` does the work. The parser runs
only on sentences with a quotation mark or a cue word (about a third of
news sentences), which is what keeps the step fast.

Tried and left out (PolNeAR quoted F1 at 0.8 overlap): giving a cue-less quotation to the
reported clause right before it even when a direct quote of the same paragraph is its owner
('"...," said X, who said he would not vote. "..."'; train[:300] -0.001). Keeping a cue's
attribution inside another's reported clause as well (PolNeAR marks nested attributions):
all F1 train[:300] 0.6066 -> 0.5880 (576 more predictions at precision ~0.33, mostly
fragments the gold leaves inside the outer one); only inside an 'according to' clause:
0.6066 -> 0.6057. Session 8: a subordinate clause opening the sentence before a direct quote
or its speaker ('If elected, "I will ...," he said', 'As for X, she said: "..."') taken into
one reported clause with the quotation: train[:300] all 0.6122 -> 0.6127, quoted 0.8139 ->
0.8154, but held-out train[300:] all 0.6121 -> 0.6118, quoted 0.8225 -> 0.8215 (a temporal
'As boos erupted, he said: "..."' is the reporter's), left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storylens.analyze.attribution_frames import (
    frame_after,
    frame_before,
    headline_attribution,
)
from storylens.analyze.attribution_parse import RawAttribution, attributions_in
from storylens.analyze.attribution_speakers import SpeakerResolver
from storylens.analyze.attribution_transcript import find_turns, without_stage_directions
from storylens.analyze.attribution_tweets import find_posts
from storylens.analyze.cues import cue_lemma, is_candidate
from storylens.analyze.people import PeopleIndex, find_name_mentions
from storylens.analyze.quotes import QuoteSpan, find_quote_spans, is_title_like, trim_content
from storylens.analyze.text import split_paragraphs, split_sentences
from storylens.model import Mention, Person, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.language import Language

ATTRIBUTION_NAME = "quotes.rules.v1"
# The parser and tagger are needed; NER, the lemmatizer and the attribute ruler are not
# (cue forms are listed, coarse tags come from the fine ones).
_DISABLED = ("ner", "lemmatizer", "attribute_ruler")
# A quotation covering this share of a clause makes the clause a direct quote.
_DIRECT_SHARE = 0.6


@dataclass(slots=True)
class Attribution:
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


class AttributionStep:
    name = ATTRIBUTION_NAME

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._nlp: Language | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"batch_size": self.batch_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.batch_size = state["batch_size"]
        self._nlp = None

    def setup(self) -> None:
        if self._nlp is None:
            from storylens.analyze.nlp import load_nlp

            self._nlp = load_nlp(_DISABLED)

    def process(self, text: str) -> Attribution:
        return self.process_batch([text])[0]

    def process_batch(self, texts: list[str]) -> list[Attribution]:
        """Several articles at once: their candidate sentences share parser batches."""
        self.setup()
        assert self._nlp is not None
        plans = []
        marks: list[list[QuoteSpan]] = []
        jobs: list[tuple[int, int, int]] = []
        for k, text in enumerate(texts):
            sentences = split_sentences(text)
            plans.append(sentences)
            marks.append(find_quote_spans(text))
            jobs.extend((k, s, e) for s, e in sentences if is_candidate(text, s, e))
        raws: list[list[RawAttribution]] = [[] for _ in texts]
        outer = [[(q.outer_start, q.outer_end) for q in spans] for spans in marks]
        # Strings the parser interns for new words would grow the vocabulary with every
        # article; the memory zone frees them (the docs do not outlive this block).
        with self._nlp.memory_zone():
            docs = self._nlp.pipe(
                (
                    _for_parser(texts[k][s:e], _in_title_case_headline(texts[k], s))
                    for k, s, e in jobs
                ),
                batch_size=self.batch_size,
            )
            for (k, s, _e), doc in zip(jobs, docs, strict=True):
                raws[k].extend(attributions_in(doc, s, outer[k]))
        return [
            _assemble(text, sents, raw, spans)
            for text, sents, raw, spans in zip(texts, plans, raws, marks, strict=True)
        ]


# Web text keeps non-breaking and thin spaces ("nominee\xa0“makes ...”"); spaCy makes them
# tokens of their own, which derails the parse. A plain space of the same length keeps
# every character offset.
_ODD_SPACES = str.maketrans({"\xa0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})


# Markup left in scraped text ('<tweet author="..." tweet_id="...">') is not prose: its
# attribute names ("tweet", "author") would read as cues. Blanked, offsets kept.
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]{0,400})?/?>")


def _for_parser(sentence: str, headline: bool = False) -> str:
    sentence = _TAG.sub(lambda m: " " * len(m.group()), sentence)
    if headline:
        # In a Title Case headline the tagger reads every word as a name ("Senator Praises
        # Plan"); a cue verb in lower case is read as the verb it is. Same length, same offsets.
        sentence = _TITLE_WORD.sub(
            lambda m: m.group().lower() if cue_lemma(m.group()) else m.group(), sentence
        )
    return sentence.translate(_ODD_SPACES)


_TITLE_WORD = re.compile(r"(?<=\s)[A-Z][a-z]+\b")


def _in_title_case_headline(text: str, start: int) -> bool:
    """Whether `start` lies in the article's first line and that line is in Title Case."""
    first_end = text.find("\n")
    if first_end < 0 or start >= first_end:
        return False
    words = [w for w in text[:first_end].split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _assemble(
    text: str,
    sentences: list[tuple[int, int]],
    raws: list[RawAttribution],
    quote_spans: list[QuoteSpan],
) -> Attribution:
    index = PeopleIndex(text)
    mentions = find_name_mentions(text)
    for m in mentions:
        index.add_mention(m)
    resolver = SpeakerResolver(text, sentences, index, mentions)
    quotes: list[Quote] = []
    claimed: set[QuoteSpan] = set()

    for post in find_posts(text):
        by = resolver.post_speaker(post)
        quotes.append(
            Quote(text[post.start : post.end], post.start, post.end, "tweet", by, None, post.date)
        )
        resolver.note_speaker(post.start, by)

    paragraphs = split_paragraphs(text)
    # A transcript's guests speak in turns labelled with their names; the presenters'
    # turns are the narration (see attribution_transcript).
    spoken: list[tuple[int, int]] = []
    for turn in find_turns(text, [m.name for m in mentions]):
        if turn.presenter:
            continue
        by = resolver.turn_speaker(turn)
        for p0, p1 in paragraphs:
            s, e = without_stage_directions(text, max(p0, turn.start), min(p1, turn.end))
            if s < e:
                quotes.append(Quote(text[s:e], s, e, "direct", by, None, None))
        spoken.append((turn.start, turn.end))
        resolver.note_speaker(turn.start, by)
    # Quotation marks inside a guest's turn are the guest's words.
    claimed.update(q for q in quote_spans if any(s <= q.outer_start < e for s, e in spoken))

    # A cue inside a quotation is part of what was said, not an attribution of it.
    inside = [(q.outer_start, q.outer_end) for q in quote_spans] + spoken
    raws = [r for r in raws if not any(s <= r.cue[0] < e for s, e in inside)]
    resolver.set_quoted(inside)
    if paragraphs:
        # The first line of an article is often its headline.
        headline = headline_attribution(text, *paragraphs[0])
        if headline is not None:
            raws = [headline, *raws]
    raws = _outermost(text, raws)
    # Speakers are resolved in text order: a pronoun leans on the speakers before it.
    events = sorted(raws, key=lambda r: r.cue[0])
    direct_by_paragraph: dict[int, list[Quote]] = {}
    clauses: list[Quote] = []  # reported clauses, in text order
    holders: list[tuple[tuple[int, int], Speaker | None, Span]] = []
    sent_starts = [s for s, _ in sentences]
    for raw in events:
        content = raw.content
        inner = [q for q in quote_spans if content and _overlaps((q.start, q.end), content)]
        adjacent = None
        if raw.speech and (content is None or not inner):
            adjacent = _adjacent_quote(text, raw, quote_spans, claimed)
        speaker = resolver.speaker_for(raw)
        cue = Span(text[raw.cue[0] : raw.cue[1]], raw.cue[0], raw.cue[1])
        directs = (
            [q for q in inner if _covers(text, q, content) and not is_title_like(q_text(text, q))]
            if content
            else []
        )
        if adjacent is not None:
            directs = [adjacent]
        if directs:
            for q in directs:
                if q in claimed:
                    continue
                claimed.add(q)
                if raw.source is None:
                    frame = _frame_of(text, raw, q)
                    if frame is not None:
                        speaker = resolver.speaker_for(frame)
                kind = quote_kind(text, q)
                if kind == "partial" and q.outer_end <= raw.cue[0]:
                    # 'The people of Scranton "deserve someone ...," she said': the reported
                    # statement runs from the sentence start through the quoted words.
                    s0 = sentences[max(0, bisect.bisect_right(sent_starts, q.outer_start) - 1)][0]
                    clause = _quote(text, s0, q.outer_end, "indirect", speaker, cue)
                    if clause and s0 < q.outer_start:
                        quotes.append(clause)
                quote = _quote(text, q.start, q.end, kind, speaker, cue)
                if quote:
                    quotes.append(quote)
                    direct_by_paragraph.setdefault(_paragraph_of(paragraphs, q.start), []).append(
                        quote
                    )
        elif content is not None:
            # A quotation that starts inside the clause, or right where it stops (the
            # parser often leaves it out), ends it, closing mark included.
            near = [
                q
                for q in quote_spans
                if content[1] <= q.outer_start <= content[1] + 2
                and not any(ch in ".!?\n" for ch in text[content[1] - 1 : q.outer_start])
            ]
            inner += [q for q in near if q not in inner and q not in claimed]
            c_end = max([content[1], *(q.outer_end for q in inner if content[0] <= q.outer_start)])
            content = (content[0], c_end)
            s, e = trim_content(text, content[0], c_end)
            quote = _quote(text, s, e, "indirect", speaker, cue)
            if quote:
                quotes.append(quote)
                holders.append((content, speaker, cue))
                clauses.append(quote)
                if c_end <= raw.cue[0] and any(q.outer_end == c_end for q in inner):
                    # 'The "animosity is like never before," he told CNN, "and I hope ...":
                    # the quotation after the cue continues the quoted clause before it.
                    direct_by_paragraph.setdefault(_paragraph_of(paragraphs, s), []).append(quote)
        else:
            continue
        resolver.note_speaker(raw.cue[0], speaker)

    # A quoted fragment belongs to the innermost reported clause holding it:
    # in 'According to X, Harris expressed "deep concern"', Harris said the words.
    for q in quote_spans:
        if q in claimed:
            continue
        # The parser may start a clause after the opening mark ('"We are ready" at the
        # council, she said'): the quotation is still inside it.
        holding = [h for h in holders if h[0][0] <= q.start < h[0][1]]
        if not holding:
            continue
        _content, holder_speaker, holder_cue = min(holding, key=lambda h: h[0][1] - h[0][0])
        claimed.add(q)
        part = _quote(text, q.start, q.end, "partial", holder_speaker, holder_cue)
        if part:
            quotes.append(part)

    # Quotations the parse left without a cue: read the frame around the marks.
    for q in quote_spans:
        if q in claimed or not _looks_like_statement(text, q, min_words=1):
            continue
        p_index = _paragraph_of(paragraphs, q.outer_start)
        p_start, p_end = paragraphs[p_index]
        raw_frame = frame_before(text, p_start, q.outer_start) or frame_after(
            text, q.outer_end, p_end
        )
        if raw_frame is None and q.outer_start == p_start and p_index > 0:
            # 'She told the crowd:' closing one paragraph, the quotation opening the next.
            prev_start, prev_end = paragraphs[p_index - 1]
            if text[prev_end - 1] == ":":
                raw_frame = frame_before(text, prev_start, prev_end)
        if raw_frame is None:
            continue
        if is_title_like(q_text(text, q)) and not _is_cue_phrase(text, raw_frame):
            continue  # '"Mr. Smith?" I had prepared a statement': only a speech verb frames a name
        frame_speaker = resolver.speaker_for(raw_frame)
        c0, c1 = raw_frame.cue
        quote = _quote(text, q.start, q.end, "direct", frame_speaker, Span(text[c0:c1], c0, c1))
        if quote:
            claimed.add(q)
            quotes.append(quote)
            direct_by_paragraph.setdefault(_paragraph_of(paragraphs, q.start), []).append(quote)

    quotes.extend(
        _unclaimed_directs(text, quote_spans, claimed, direct_by_paragraph, paragraphs, clauses)
    )
    quotes.sort(key=lambda q: (q.start, q.end))
    people = resolver.people()
    entities = resolver.entities()
    return Attribution(sentences=sentences, entities=entities, people=people, quotes=quotes)


def _outermost(text: str, raws: list[RawAttribution]) -> list[RawAttribution]:
    """One attribution per stretch of text: a cue inside another's reported clause
    ("said the city would seek ...") is part of what was said. "According to X, Harris
    expressed ..." is the exception: the inner speaker said the words, X reports them."""
    dropped: set[int] = set()
    for i, outer in enumerate(raws):
        if outer.content is None:
            continue
        for j, inner in enumerate(raws):
            if i == j or not outer.content[0] <= inner.cue[0] < outer.content[1]:
                continue
            inner_quoted = inner.content is not None and any(
                m in text[inner.content[0] : inner.content[1]] for m in '"“”'
            )
            if text[outer.cue[0] : outer.cue[1]].lower().startswith("according") and inner_quoted:
                dropped.add(i)
            else:
                dropped.add(j)
    return [r for k, r in enumerate(raws) if k not in dropped]


def _unclaimed_directs(
    text: str,
    spans: list[QuoteSpan],
    claimed: set[QuoteSpan],
    by_paragraph: dict[int, list[Quote]],
    paragraphs: list[tuple[int, int]],
    clauses: list[Quote],
) -> list[Quote]:
    """Quotations with no cue of their own: the second half of a split quote
    ("...," Kirby said. "...") and a quote continuing the previous paragraph's, or
    the reported clause right before it ('Carter said the region matters. "It is home to
    half the world."')."""
    extra: list[Quote] = []
    for q in spans:
        # Beside another part of the same quotation two words make a statement.
        if q in claimed or not _looks_like_statement(text, q, min_words=2):
            continue
        p = _paragraph_of(paragraphs, q.start)
        owner: Quote | None = None
        same = by_paragraph.get(p, [])
        if same:
            owner = min(same, key=lambda d: abs(d.start - q.start))
        elif _starts_paragraph(text, paragraphs[p], q) and by_paragraph.get(p - 1):
            owner = by_paragraph[p - 1][-1]
        else:
            owner = _clause_right_before(text, clauses, q)
        if owner is None or owner.speaker is None:
            continue
        cue = owner.cue if same else None
        quote = _quote(text, q.start, q.end, "direct", owner.speaker, cue)
        if quote:
            extra.append(quote)
            by_paragraph.setdefault(p, []).append(quote)
    return extra


def _clause_right_before(text: str, clauses: list[Quote], q: QuoteSpan) -> Quote | None:
    """The reported clause that ends the sentence or paragraph right before the quotation,
    with only closing punctuation between: the quotation goes on in the speaker's words.
    One ending in a comma has a frame of its own after it ('"...," a delegate said')."""
    if _ends_as_speech(text, q):
        return None
    for clause in reversed(clauses):
        if clause.end > q.outer_start:
            continue
        between = text[clause.end : q.outer_start]
        if len(between) <= 12 and not _WORDS.search(between) and between.count("\n") <= 2:
            return clause
        return None
    return None


def _looks_like_statement(text: str, q: QuoteSpan, min_words: int = 4) -> bool:
    """A quotation shaped like speech. Without a cue of its own it needs some length;
    framed by a speaker and verb ('"Denver," he answered') one word will do."""
    words = text[q.start : q.end].split()
    return (
        len(words) >= min_words
        and quote_kind(text, q) == "direct"
        and (not is_title_like(q_text(text, q)) or (min_words == 1 and _ends_as_speech(text, q)))
    )


def _is_cue_phrase(text: str, raw: RawAttribution) -> bool:
    return any(cue_lemma(w) for w in text[raw.cue[0] : raw.cue[1]].split())


def _ends_as_speech(text: str, q: QuoteSpan) -> bool:
    """A comma, question or exclamation mark inside the closing mark ends a spoken clause
    that goes on with its speaker ('"Denver," he answered', '"Quiet!" she demanded'); a
    title ends without one, or with the sentence's period."""
    return text[q.start : q.end].rstrip()[-1:] in (",", "?", "!")


def q_text(text: str, q: QuoteSpan) -> str:
    return text[q.start : q.end]


def quote_kind(text: str, q: QuoteSpan) -> str:
    """ "partial" for a fragment woven into the reporter's sentence (called for an
    "immediate cease-fire"), "direct" for quoted speech standing as its own clause."""
    before = text[max(0, q.outer_start - 30) : q.outer_start].rstrip()
    embedded = bool(before) and (before[-1].isalnum() or before[-1] in "'’")
    first = text[q.start : q.start + 1]
    if embedded and (first.islower() or len(text[q.start : q.end].split()) < 4):
        return "partial"
    if embedded and before.split()[-1].lower() in _FRAGMENT_LEADS:
        return "partial"
    return "direct"


# Words after which a quotation continues the reporter's own sentence: "a", "the", "that".
_FRAGMENT_LEADS = frozenset(
    [
        "a",
        "an",
        "the",
        "that",
        "this",
        "his",
        "her",
        "their",
        "its",
        "our",
        "as",
        "of",
        "to",
        "for",
        "and",
        "or",
    ]
)


def _starts_paragraph(text: str, paragraph: tuple[int, int], q: QuoteSpan) -> bool:
    return q.outer_start == paragraph[0]


def _paragraph_of(paragraphs: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(paragraphs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paragraphs[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _adjacent_quote(
    text: str, raw: RawAttribution, spans: list[QuoteSpan], claimed: set[QuoteSpan]
) -> QuoteSpan | None:
    """A quotation right before ('"...," she said') or after ('she said: "..."') the cue clause."""
    cue_start, cue_end = raw.cue
    left = min(cue_start, raw.source[0]) if raw.source else cue_start
    right = max(cue_end, raw.source[1]) if raw.source else cue_end
    best: QuoteSpan | None = None
    for q in spans:
        if q in claimed:
            continue
        if is_title_like(q_text(text, q)) and not _spoken_beside(text, q, left, right):
            continue
        if q.outer_end <= left:
            gap = text[q.outer_end : left]
            if len(gap) <= 3 and "\n" not in gap and _statement_start(text, q):
                best = q
        elif q.outer_start >= right:
            gap = text[right : q.outer_start]
            if len(gap) <= 25 and "\n" not in gap and gap.strip() in ("", ",", ":", "."):
                return q if _statement_start(text, q) or gap.strip() in (",", ":") else best
            if (
                gap.strip().endswith((",", ":"))
                and len(gap) <= 60
                and "\n" not in gap
                and "." not in gap
            ):
                return q
            if _COLON_BREAK.fullmatch(gap):
                return q  # 'the committee said about its platform:' closing a paragraph
            break
    return best


def _frame_of(text: str, raw: RawAttribution, q: QuoteSpan) -> RawAttribution | None:
    """The frame beside a quotation with the cue of a parse that lost its subject ('"...
    targeted organizations," said Dave Camp': a word of the quotation read as the subject;
    'In a statement to the Observer, her adviser, Jake Sullivan, said: "..."': the name hung
    on another noun). None when no frame, or one of another cue, stands there."""
    if q.outer_end <= raw.cue[0]:
        frame = frame_after(text, q.outer_end, min(len(text), raw.cue[1] + 200))
    else:
        frame = frame_before(text, max(0, raw.cue[0] - 200), q.outer_start)
    return frame if frame is not None and frame.cue == raw.cue else None


def _spoken_beside(text: str, q: QuoteSpan, left: int, right: int) -> bool:
    """A short capitalized quotation ('"Denver," he answered', 'shouted, "Cruz,"') is
    speech, not a title, when it ends as a spoken clause right beside the cue clause."""
    if not _ends_as_speech(text, q) or quote_kind(text, q) != "direct":
        return False
    if q.outer_end <= left:
        return len(text[q.outer_end : left]) <= 3
    return q.outer_start >= right and text[right : q.outer_start].strip() in (",", ":")


_COLON_BREAK = re.compile(r"[^.!?\n]{0,200}:[ \t]*\n\s*")


def _statement_start(text: str, q: QuoteSpan) -> bool:
    first = text[q.start : q.start + 1]
    return first.isupper() or first.isdigit() or first in "'\"‘“…."


def _covers(text: str, q: QuoteSpan, content: tuple[int, int] | None) -> bool:
    """Whether the quotation is the whole content (a direct quote), not a fragment
    inside reported speech: at most "and"/"but" lie outside the marks. 'told them that "..."'
    is a reported clause, complementizer included, as annotators mark it (exact F1 on
    PolNeAR train[300:] +0.003)."""
    if content is None or not (q.start < content[1] and content[0] < q.end):
        return False
    outside = text[content[0] : q.outer_start] + " " + text[q.outer_end : content[1]]
    words = [w for w in _WORDS.findall(outside) if w.lower() not in ("and", "but")]
    return len(words) == 0


_WORDS = re.compile(r"\w+")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quote(
    text: str, start: int, end: int, kind: str, speaker: Speaker | None, cue: Span | None
) -> Quote | None:
    start, end = trim_content(text, start, end)
    if end <= start:
        return None
    return Quote(text[start:end], start, end, kind, speaker, cue)  # type: ignore[arg-type]


_DEFAULT_STEP: AttributionStep | None = None


def find_attributions(text: str) -> Attribution:
    """Sentences, entities, people and quotes of one text (step loaded on first use)."""
    global _DEFAULT_STEP
    if _DEFAULT_STEP is None:
        _DEFAULT_STEP = AttributionStep()
    return _DEFAULT_STEP.process(text)
