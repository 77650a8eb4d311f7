"""Broadcast and interview transcripts: turns labelled with their speaker.

A transcript prints each turn after its speaker's name in capitals ("AMY GOODMAN: ...",
"RACHEL MARTIN, HOST:" on a line of its own, then "MARTIN: ..."). Nothing marks the words
as quoted, yet a guest's turn is that guest's statement, and not the narrator's: the quote
list should give it to the guest, and the comparison of sources should not read a guest's
opinion as a fact the outlet reports. The presenters (hosts, reporters on the air) are the
transcript's narrators: their turns are read as narration.

Capitals and a colon at a line start also open section headings ("SPECIAL COVERAGE:",
"MYTH:", "UPDATE 2:", "TARGET:"), so a text counts as a transcript only when at least two
speakers speak twice or more each (a heading is printed once): two surely named as
such, or one and a label of a name's shape met three times or more (a host the text
never names, "AMY GOODMAN"), their labels at least half of all. A label is surely a
speaker when it carries an on-air role (", HOST", ", BYLINE"), names a speaker by role
("POLICE OFFICER 1", "UNIDENTIFIED MAN"), or ends in the surname of a person the text
names ("VINCE WARREN" with "Vince Warren, executive director of ..."). In a transcript, a
label of two to four capitalized words with no function word, met twice or more, is a
speaker's name too. Labels of initials ("JB:") are left alone: nothing tells whose they
are. Stage directions ("(APPLAUSE)", "(SOUNDBITE OF ...)") are no one's words.

Presenters exist only when the transcript opens the text (its first turn within the first
three paragraphs): the first speaker, every speaker labelled with an on-air role, and every
speaker who ends two turns or more with a question (a guest or a clip may ask once); a
speaker named by role ("POLICE OFFICER 3") never presents. A short exchange quoted inside an article is all
speech: there the article's reporter is the narrator.

Counted on ABP: 299 articles have three or more labelled paragraphs with two or more labels
(Democracy Now 64, NPR 27, Fox 37, ABC 20); section headings make up most of the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from storylens.analyze.text import split_paragraphs, strip_span

# "AMY GOODMAN:", "RACHEL MARTIN, HOST:", "POLICE OFFICER 2:", "SEN. TED CRUZ (R-TX):".
_LABEL = re.compile(
    r"(?P<name>[^\W\d_][\w.'’ -]{0,40}?(?:\s#?\d{1,2})?)"
    r"(?:\s*,\s*(?P<role>[^\W\d_][\w -]{1,30}?))?"
    r"(?:\s*\([^()\n]{1,30}\))?"
    r":(?=\s|$)"
)
# On-air roles printed after a speaker's name.
ON_AIR_ROLES = frozenset(
    """host co-host anchor byline correspondent reporter moderator guest announcer
    interviewer narrator""".split()
)
# The roles that present the programme.
_PRESENTING = frozenset(ON_AIR_ROLES - {"guest"})
# Words that name a speaker by role, not by name.
_ROLE_WORDS = frozenset(
    """unidentified unknown officer officers speaker speakers male female man woman person
    protester protesters crowd audience voice voices announcer moderator narrator
    interviewer participant participants child dispatcher reporter reporters caller
    demonstrators demonstrator""".split()
)
# A heading, not a name: function words never make up a person's name.
_FUNCTION_WORDS = frozenset(
    """the a an of to and or in on at for with from by as is are was be what why how who
    when where this that these those it its our your my not no new more most about after
    before over under up out""".split()
)
# Turns that open within this many paragraphs make the text a transcript with presenters.
_OPENING_PARAGRAPHS = 3
MIN_SURE_SPEAKERS = 2
# Turns a label of capitalized words needs to be taken for a name: a heading ("PICK SIX")
# is printed once.
MIN_NAME_TURNS = 2
# Turns from which on a label of a name's shape is taken for an unnamed host's.
MIN_HOST_TURNS = 3
# Turns ending in a question that make a speaker a presenter.
MIN_QUESTIONS = 2


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: `label` as printed, `label_start`/`label_end` its name's offsets,
    `start`/`end` what the speaker says (up to the next turn), `role` an on-air role."""

    label: str
    label_start: int
    label_end: int
    start: int
    end: int
    role: str | None
    presenter: bool


@dataclass(frozen=True, slots=True)
class _Label:
    name: str
    role: str | None
    name_start: int
    name_end: int
    label_end: int


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", name) if w]


def _is_capitals(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _label_at(text: str, pos: int, end: int) -> _Label | None:
    m = _LABEL.match(text, pos, end)
    if m is None or not _is_capitals(m.group("name")):
        return None
    role = m.group("role")
    if role is not None and not (_is_capitals(role) and role.lower() in ON_AIR_ROLES):
        return None  # "HELL TO PAY, THE SEQUEL:" is a heading
    name = m.group("name").rstrip()
    return _Label(
        name,
        role.lower() if role else None,
        m.start("name"),
        m.start("name") + len(name),
        m.end(),
    )


def _sure(label: _Label, surnames: set[str]) -> bool:
    words = [w.lower() for w in _words(label.name)]
    if len(words) > 4 or any(w in _FUNCTION_WORDS for w in words):
        return False
    if label.role is not None or any(w in _ROLE_WORDS for w in words):
        return True
    return words[-1].strip("'’") in surnames


def _name_like(label: _Label) -> bool:
    return _name_like_text(label.name)


def _name_like_text(name: str) -> bool:
    words = _words(name)
    return 2 <= len(words) <= 4 and not any(w.lower() in _FUNCTION_WORDS for w in words)


def find_turns(text: str, names: Iterable[str]) -> list[Turn]:
    """The speaker turns of a transcript, in text order ([] when `text` is none).
    `names` are the people the text names (their surnames confirm a label)."""
    paragraphs = split_paragraphs(text)
    found: list[tuple[int, _Label]] = []  # (paragraph index, label)
    for k, (p0, p1) in enumerate(paragraphs):
        label = _label_at(text, p0, p1)
        if label is not None:
            found.append((k, label))
    if len(found) < 3:
        return []
    # Full names only: a lone capitalized word ("Poll", "Update") is no one's name.
    surnames = {_words(n)[-1].lower() for n in names if len(_words(n)) >= 2}
    # A speaker first labelled with a role ("RACHEL MARTIN, HOST") is met by surname later.
    surnames |= {_words(lab.name)[-1].lower() for _, lab in found if lab.role is not None}
    sure = [lab for _, lab in found if _sure(lab, surnames)]
    # A dialogue: two sure speakers who each speak twice or more (section headings are
    # printed once each), carrying half of the labels or more.
    turns_of = Counter(_speaker_key(lab.name) for lab in sure)
    talkers = [key for key, n in turns_of.items() if n >= 2]
    times = Counter(lab.name for _, lab in found)
    # A host the text never names ("AMY GOODMAN") talks with one named guest: a label of
    # a name's shape met three times or more is a speaker too (a heading is printed once).
    hosts = [
        name
        for name, n in times.items()
        if n >= MIN_HOST_TURNS and _speaker_key(name) not in turns_of and _name_like_text(name)
    ]
    if len(talkers) + min(1, len(hosts)) < MIN_SURE_SPEAKERS or not talkers:
        return []
    if 2 * (len(sure) + sum(times[h] for h in hosts[:1])) < len(found):
        return []
    accepted = {
        lab.name
        for _, lab in found
        if _sure(lab, surnames) or (_name_like(lab) and times[lab.name] >= MIN_NAME_TURNS)
    }
    starts = _turn_starts(text, paragraphs, found, accepted)
    if not starts:
        return []
    first_paragraph = next(k for k, lab in found if lab.name in accepted)
    presenters = _presenters(text, starts) if first_paragraph < _OPENING_PARAGRAPHS else set()
    turns = []
    for (label, content_start), nxt in zip(starts, [*starts[1:], None], strict=True):
        end = nxt[0].name_start if nxt is not None else _paragraph_end(paragraphs, content_start)
        s, e = strip_span(text, content_start, end)
        if e <= s:
            continue
        turns.append(
            Turn(
                label.name,
                label.name_start,
                label.name_end,
                s,
                e,
                label.role,
                _speaker_key(label.name) in presenters,
            )
        )
    return turns


def _turn_starts(
    text: str,
    paragraphs: list[tuple[int, int]],
    found: list[tuple[int, _Label]],
    accepted: set[str],
) -> list[tuple[_Label, int]]:
    """Each accepted label with where its turn's words start. A label also opens a turn
    inside a paragraph right after a sentence ends ('... (APPLAUSE) BUSH: And ...')."""
    names = sorted(accepted, key=len, reverse=True)
    inline = re.compile(r"(?<=[.!?)\]\"”…-]\s)(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    by_paragraph = dict(found)
    starts: list[tuple[_Label, int]] = []
    for k, (p0, p1) in enumerate(paragraphs):
        label = by_paragraph.get(k)
        if label is not None and label.name in accepted:
            starts.append((label, label.label_end))
            p0 = label.label_end
        elif not starts:
            continue
        for m in inline.finditer(text, p0, p1):
            inner = _label_at(text, m.start(), p1)
            if inner is not None and inner.name in accepted:
                starts.append((inner, inner.label_end))
    return starts


def _speaker_key(name: str) -> str:
    """Who a label names: its last word ("RACHEL MARTIN" and "MARTIN"), or all of it for a
    speaker named by role ("POLICE OFFICER 3")."""
    if is_role_label(name):
        return name.lower()
    return _words(name)[-1].lower()


def _presenters(text: str, starts: list[tuple[_Label, int]]) -> set[str]:
    """Surname keys of the speakers who present: the first, those with an on-air role,
    those who ask (twice or more)."""
    keys = {_speaker_key(starts[0][0].name)}
    asked: Counter[str] = Counter()
    for (label, s), nxt in zip(starts, [*starts[1:], None], strict=True):
        key = _speaker_key(label.name)
        if label.role in _PRESENTING:
            keys.add(key)
        end = nxt[0].name_start if nxt is not None else len(text)
        if text[s:end].rstrip().endswith("?"):
            asked[key] += 1
    keys |= {key for key, n in asked.items() if n >= MIN_QUESTIONS}
    by_role = {_speaker_key(label.name) for label, _ in starts if is_role_label(label.name)}
    return keys - by_role


def _paragraph_end(paragraphs: list[tuple[int, int]], pos: int) -> int:
    for p0, p1 in paragraphs:
        if p0 <= pos <= p1:
            return p1
    return pos


# A transcript's stage directions: "(APPLAUSE)", "(SOUNDBITE OF ARCHIVED BROADCAST)",
# "(CROSSTALK)", "[LAUGHTER]". No one said them.
_STAGE_DIRECTION = re.compile(r"[(\[][A-Z][A-Z0-9 ,.'’:-]{2,60}[)\]]")


def without_stage_directions(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the stage directions at its ends (the whole span when it is one)."""
    while True:
        start, end = strip_span(text, start, end)
        head = _STAGE_DIRECTION.match(text, start, end)
        if head is not None:
            start = head.end()
            continue
        tail = [m for m in _STAGE_DIRECTION.finditer(text, start, end) if m.end() == end]
        if tail:
            end = tail[-1].start()
            continue
        return start, end


def is_role_label(label: str) -> bool:
    """Whether a label names its speaker by role ("POLICE OFFICER 1", "UNIDENTIFIED MAN")."""
    return any(w.lower() in _ROLE_WORDS for w in _words(label))


def spoken_name(label: str) -> str:
    """A label's name as a name is written: "BREE NEWSOME" -> "Bree Newsome",
    "JUAN GONZÁLEZ" -> "Juan González"."""
    return " ".join(w[:1] + w[1:].lower() if w.isupper() else w for w in label.split())
