"""Naming the speaker of an attribution: person, pronoun, role, organization or anonymous.

Pronouns resolve to the person the passage is about: first the speaker of
the attribution just before (a reporter's "he said" continues the last
speaker), then the first-mentioned person of the nearest earlier sentence
(usually its subject), skipping people of the wrong gender when the text
tells it (titles, gendered role nouns, common first names).

Tried and left out: counting a full name that opens with a common first name ('Ted Cruz') as
a person a pronoun may refer to, without other evidence (PolNeAR person accuracy train[:300]
0.8874 -> 0.8898, held-out train[300:] 0.8571 -> 0.8541); more short first names for gender
(bill bob tom jim dan ...; sue liz beth kate ...: train[:300] 0.8863 -> 0.8868, held-out
0.8569 -> 0.8561).
"""

from __future__ import annotations

import bisect
import re

from storylens.analyze.attribution_parse import RawAttribution
from storylens.analyze.attribution_transcript import Turn, is_role_label, spoken_name
from storylens.analyze.attribution_tweets import Post
from storylens.analyze.cues import words
from storylens.analyze.people import (
    FEMALE_NAMES,
    FIRST_NAMES,
    MALE_NAMES,
    ORG_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
    NameMention,
    PeopleIndex,
    personal_name,
    split_title,
)
from storylens.model import Mention, Person, Speaker

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_GENDERED_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)\b")
_FEMALE_HINTS = frozenset(
    words(
        """
    mrs. mrs ms. ms madam spokeswoman congresswoman chairwoman businesswoman queen
        princess lady dame first-lady
        """
    )
)
_MALE_HINTS = frozenset(
    words(
        """
    mr. mr sir spokesman congressman chairman businessman king prince lord
        """
    )
)
_ANONYMOUS_HEADS = frozenset(
    words(
        """
    official officials source sources aide aides person people adviser advisers advisor
        advisors diplomat diplomats insider insiders staffer staffers spokesperson spokesman
        spokeswoman observer observers analyst analysts expert experts member members
        operative operatives ally allies confidant confidants associate associates someone
        witness witnesses resident residents patients voters protesters demonstrators
        workers employees parents students neighbors neighbours passengers customers
        """
    )
)
_KEPT_UNNAMED = re.compile(
    r"\b(?:not\s+to\s+be\s+(?:named|identified)|(?:condition|promise|grant(?:ed)?)\s+of\s+"
    r"anonymity|(?:requested|demanded|insisted\s+on)\s+anonymity|speaking\s+anonymously)\b",
    re.IGNORECASE,
)
_APPOSED = re.compile(r"[\s,]*")
# A possessive right after a name: the name modifies what follows ("Treasury's inspector
# general"), it names no speaker.
_POSSESSIVE_AFTER = re.compile(r"['’](?:s\b|(?=\s))")
# A first name and a surname (with a middle initial) closing a source phrase.
_ENDING_NAME = re.compile(
    r"(?:^|(?<=\s))(?P<name>(?P<first>[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?"
    r"[A-Z][a-z]*[A-Z]?[a-z]+(?:[-’'][A-Z]?[a-z]+)?)$"
)
_CAPITALIZED_WORD = re.compile(r"[A-Z][a-z]*[A-Z]?[a-z]+")
# Titles and their organization before a name that ends the source phrase: "AP President
# and Chief Executive Officer Gary Pruitt", "CNN's John King", "former House Speaker John
# Doe" (capitalized words, their possessives, and the small words titles are built with).
_TITLE_RUN = re.compile(
    r"(?:(?:[A-Z][\w.’'-]*|and|of|for|the|former|acting|deputy|then|interim)(?:['’]s)?\s+)+"
)


def _titles_before_name(before: str) -> bool:
    """Whether the words before a name are its titles: capitalized words and the small
    words titles are built with, the last one a title word ("Speaker of the House"), not
    a function word ("Lawyers for", "the Center for"), and not opening on a group
    ("Supporters of President ...", "Aides to ..."), whose words are the group's."""
    words = before.split()
    return (
        _TITLE_RUN.fullmatch(before) is not None
        and words[-1][:1].isupper()
        and not (
            words[0][:1].isupper()
            and words[0].endswith("s")
            and len(words) > 1
            and words[1] in ("of", "for", "to")
        )
    )


_PERSONAL_PRONOUNS = frozenset(["he", "she", "him", "her"])
_NO_SPEAKER_HEADS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    whatever whoever whichever""".split()
)
_DET_PREFIX = re.compile(r"^(?:the|a|an)\s+", re.I)
_ROLE_MENTION = re.compile(r"\b[Tt]he\s+((?:[A-Z][a-z]+\s+)?[a-z]+(?:\s+[a-z]+){0,2})\b")


class SpeakerResolver:
    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        index: PeopleIndex,
        mentions: list[NameMention],
    ) -> None:
        self.text = text
        self.sentences = sentences
        self._sent_starts = [s for s, _ in sentences]
        self.index = index
        self.mentions = mentions
        self._mention_starts = [m.start for m in mentions]
        self._spoken: list[tuple[int, Person]] = []  # (position, person) of resolved speakers
        self._gender: dict[int, str] = {}
        self._quoted: list[tuple[int, int]] = []
        for m in mentions:
            person = index.lookup(m.name)
            if person is not None:
                g = _gender_of_mention(m, text)
                if g:
                    self._gender.setdefault(id(person), g)

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Quotations: names inside them are not what a later pronoun refers to."""
        self._quoted = spans

    # -- speakers ---------------------------------------------------------

    def post_speaker(self, post: Post) -> Speaker:
        title, name = split_title(post.name.strip())
        name = name or post.name.strip()
        if any(w.lower() in ORG_WORDS for w in name.split()) or name.isupper():
            person = self.index.add_other(name, "organization", post.handle)
        else:
            mention = NameMention(
                post.name_start, post.name_end, name, post.name.strip(), [], True, post.handle
            )
            if title:
                mention.roles.append(title)
            person = self.index.add_mention(mention, evidence=True)
        return Speaker(person.name, post.name, post.name_start, post.name_end, False)

    def turn_speaker(self, turn: Turn) -> Speaker:
        """The speaker of a transcript turn: a person the text names ("MARTIN" is Rachel
        Martin), a new person named by the label ("BREE NEWSOME"), or a speaker named by
        role ("POLICE OFFICER 1"), anonymous."""
        label = turn.label
        title, name = split_title(spoken_name(label))
        name = name or spoken_name(label)
        if is_role_label(label):
            return Speaker(spoken_name(label), label, turn.label_start, turn.label_end, True)
        person = self.index.lookup(name)
        if person is None:
            mention = NameMention(turn.label_start, turn.label_end, name, spoken_name(label))
            if title:
                mention.roles.append(title)
            if turn.role:
                mention.roles.append(turn.role)
            person = self.index.add_mention(mention, evidence=True)
        return Speaker(person.name, label, turn.label_start, turn.label_end, False)

    def speaker_for(self, raw: RawAttribution) -> Speaker | None:
        if raw.source is None:
            return None
        s, e = raw.source
        surface = self.text[s:e]
        if not surface.strip():
            return None  # an empty source span names no one
        head_text = (
            self.text[raw.source_head[0] : raw.source_head[1]] if raw.source_head else surface
        )
        low = head_text.lower()
        if raw.relative_to is not None and low in ("who", "which", "that"):
            rs, re_ = raw.relative_to
            target = self._name_in(rs, re_, mark=False)
            # "A Treasury official, who ...": a capitalized word of the antecedent names
            # the speaker only when it is a person's name.
            if target is not None and (
                len(target.name.split()) > 1 or self.index.is_person(target)
            ):
                self.index.mark_person(target)
                return Speaker(target.name, surface, s, e, False)
        if low in _PERSONAL_PRONOUNS and e - s == len(head_text):
            person = self.resolve_pronoun(s, _PRONOUN_GENDER[low])
            if person is not None:
                _add_alias(person, head_text)
                return Speaker(person.name, surface, s, e, False)
            return Speaker(None, surface, s, e, False)
        if low in ("i", "we", "they", "it", "you", "who", "which", "that", "this"):
            return Speaker(None, surface, s, e, False)
        if low in _NO_SPEAKER_HEADS and e - s == len(head_text):
            # A day the parser read as a subject ("Then Monday, the revelations kept
            # coming"), a question word ("Whatever could make the GOP express outrage").
            return None
        person = self._name_in(s, e, head=raw.source_head, proper=raw.source_pos == "PROPN")
        if person is not None:
            return Speaker(person.name, surface, s, e, False)
        role_person = self.index.by_role(surface)
        if role_person is not None:
            _add_alias(role_person, surface)
            return Speaker(role_person.name, surface, s, e, False)
        description = surface
        head_low = low.rstrip("s") if low not in _ANONYMOUS_HEADS else low
        if (
            low in _ANONYMOUS_HEADS
            or head_low in _ANONYMOUS_HEADS
            # "A firefighter who asked not to be named", "a nurse who spoke on condition of
            # anonymity": whatever the noun, a source kept unnamed.
            or _KEPT_UNNAMED.search(surface)
        ) and not _is_definite_named(surface):
            self.index.add_other(description, "anonymous")
            return Speaker(description, surface, s, e, True)
        named = self._titled_name(surface, s)
        if named is None and _CAPITALIZED_WORD.fullmatch(surface):
            # A surname the tagger did not mark, of a person named before ("King said").
            known = self.index.lookup(surface)
            evidenced = (
                known is not None
                and known.kind == "person"
                and self.index.is_person(known)
                and personal_name(known.name)
            )
            named = known if evidenced else None
        if named is not None:
            return Speaker(named.name, surface, s, e, False)
        # "The mayor", "the state's attorney general": one person the text names by office.
        kind = "person" if _office_holder(surface) else "organization"
        org = self.index.add_other(description, kind)
        return Speaker(org.name, surface, s, e, False)

    def _titled_name(self, surface: str, start: int) -> Person | None:
        """The person a source phrase ends by naming when the tagger missed the name: a
        known first name and a surname after titles ("CNN's John King", "House Republican
        Whip Kevin McCarthy"). Only a first name of the lists makes a person of it: "Fox
        Business Network" and "White House Counsel" end the same way."""
        m = _ENDING_NAME.search(surface)
        if m is None or m["first"].lower() not in FIRST_NAMES:
            return None
        before = surface[: m.start("name")]
        if before and not _titles_before_name(before):
            return None
        name = m["name"]
        if not personal_name(name):
            return None
        mention = NameMention(start + m.start("name"), start + len(surface), name, name)
        # The title without the organization's possessive ("CNN's" alone is no role).
        title = re.sub(r"^.*['’]s(?:\s+|$)", "", before.strip(" ,"))
        if title:
            mention.roles.append(title)
        return self.index.add_mention(mention, evidence=True)

    def note_speaker(self, pos: int, speaker: Speaker | None) -> None:
        if speaker is None or speaker.name is None or speaker.anonymous:
            return
        person = self.index.lookup(speaker.name)
        if person is not None:
            self._spoken.append((pos, person))

    def resolve_pronoun(self, pos: int, gender: str | None) -> Person | None:
        """The person a subject pronoun at `pos` refers to: sentence by sentence
        backwards (sentences inside quotations skipped), a speaker noted in the
        sentence first, then the first person the sentence names."""
        sent_i = bisect.bisect_right(self._sent_starts, pos) - 1
        seen = 0
        for i in range(sent_i, -1, -1):
            s, e = self.sentences[i]
            e = min(e, pos)
            if self._all_quoted(s, e):
                continue
            for p_pos, person in reversed(self._spoken):
                if s <= p_pos < e and self._may_be(person, gender):
                    return person
            if i == sent_i and gender is not None:
                earlier = self._same_pronoun_before(s, e, gender)
                if earlier is not None:
                    # 'Though he did not name Rubio or Kasich, he made it clear ...': a
                    # pronoun repeated in one sentence is the person its first one is.
                    return self.resolve_pronoun(earlier, gender)
            for person in self._persons_between(s, e):
                if self._gender_ok(person, gender):
                    return person
            seen += 1
            if seen >= 4:
                break
        for p_pos, person in reversed(self._spoken):
            if p_pos < pos and self._may_be(person, gender):
                return person
        return None

    def _may_be(self, person: Person, gender: str | None) -> bool:
        """Whether "he" or "she" may be this speaker: a named person (never a hospital or
        a statement) of that gender or of none known. One named only by office ("the
        mayor") is left out: in news the office holder is mostly named elsewhere, and
        the pronoun is scored to that name (PolNeAR dev person accuracy 0.914 -> 0.911
        with them in)."""
        return (
            person.kind == "person"
            and not _office_holder(person.name)
            and self._gender_ok(person, gender)
        )

    def _same_pronoun_before(self, start: int, end: int, gender: str) -> int | None:
        """Where the first pronoun of `gender` outside quotations stands in text[start:end]."""
        for m in _GENDERED_PRONOUN.finditer(self.text, start, end):
            if _PRONOUN_GENDER.get(m.group().lower()) != gender:
                continue
            if any(qs <= m.start() < qe for qs, qe in self._quoted):
                continue
            return m.start()
        return None

    def _all_quoted(self, start: int, end: int) -> bool:
        """Whether text[start:end] has no words outside quotation marks."""
        outside = self.text[start:end]
        for qs, qe in self._quoted:
            if qe > start and qs < end:
                a, b = max(qs, start) - start, min(qe, end) - start
                outside = outside[:a] + " " * (b - a) + outside[b:]
        return not any(ch.isalpha() for ch in outside)

    # -- helpers ----------------------------------------------------------

    def _persons_between(self, start: int, end: int) -> list[Person]:
        i = bisect.bisect_left(self._mention_starts, start)
        found: list[Person] = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if any(qs <= self.mentions[i].start < qe for qs, qe in self._quoted):
                i += 1
                continue
            person = self.index.lookup(self.mentions[i].name)
            if person is not None and self.index.is_person(person) and person not in found:
                found.append(person)
            i += 1
        return found

    def _name_in(
        self,
        start: int,
        end: int,
        head: tuple[int, int] | None = None,
        proper: bool = True,
        *,
        mark: bool = True,
    ) -> Person | None:
        """The person named at the head of a source phrase ("a party official close to
        Netanyahu" names nobody: its head is "official"), marked a person unless `mark` is
        false."""
        i = bisect.bisect_left(self._mention_starts, start - 40)
        best: Person | None = None
        # Failing a name at the head, one that ends the phrase after its titles only.
        titled: Person | None = None
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            i += 1
            if m.end <= start:
                continue
            person = self.index.lookup(m.name)
            if person is None or person.kind != "person":
                continue
            # The name must be the source's head, or stand in apposition right after it:
            # "the union leader Tom Hale", "Britain's finance minister, Rachel Cole" (but not
            # "a party official close to Netanyahu").
            at_head = head is None or m.start <= head[0] < m.end
            apposed = (
                head is not None
                and m.start >= head[1]
                and _APPOSED.fullmatch(self.text[head[1] : m.start]) is not None
                # "J. Russell George, Treasury's inspector general": a name in the
                # possessive modifies the apposed role; it is not the speaker.
                and not _POSSESSIVE_AFTER.match(self.text, m.end)
            )
            if not (at_head or apposed):
                titles = self.text[start : m.start]
                if (
                    m.end == end
                    and _titles_before_name(titles)
                    and self.index.is_person(person)
                    and personal_name(person.name)
                ):
                    titled = person
                continue
            if len(m.name.split()) == 1 and not proper and not self.index.is_person(person):
                continue  # a capitalized common word at a sentence start
            best = person
        best = best or titled
        if best is not None and mark:
            self.index.mark_person(best)
        return best

    def _gender_ok(self, person: Person, gender: str | None) -> bool:
        known = self._gender.get(id(person))
        if known is None:
            first = person.name.split()[0].lower()
            known = "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None
            if known:
                self._gender[id(person)] = known
        return gender is None or known is None or known == gender

    def people(self) -> list[Person]:
        """People with evidence of being people, plus every speaker; role mentions added as aliases."""
        people = self.index.people
        for person in people:
            if person.kind == "person":
                self._add_role_aliases(person)
        return people

    def _add_role_aliases(self, person: Person) -> None:
        for m in _ROLE_MENTION.finditer(self.text):
            phrase = m.group(0)
            if not any(
                m.group(1).lower().endswith(r.lower().split()[-1]) for r in person.roles if r
            ):
                continue
            if self.index.by_role(phrase) is person:
                _add_alias(person, phrase[0].lower() + phrase[1:])

    def entities(self) -> list[Mention]:
        out: list[Mention] = []
        for m in self.mentions:
            person = self.index.lookup(m.name)
            if person is not None and self.index.is_person(person):
                out.append(Mention(self.text[m.start : m.end], m.start, m.end, "PERSON"))
        return out


def _gender_of_mention(m: NameMention, text: str) -> str | None:
    words = " ".join([m.surface, *m.roles]).lower().split()
    if any(w in _FEMALE_HINTS for w in words):
        return "f"
    if any(w in _MALE_HINTS for w in words):
        return "m"
    return None


def _is_definite_named(surface: str) -> bool:
    """Whether a source phrase names its speaker's body before its head ("The White House
    official"), as against a group of some body ("Patients of Linden Valley Health")."""
    before = re.split(r"\s(?:of|at|from|in|with)\s", surface, maxsplit=1)[0]
    return any(w[:1].isupper() for w in before.split()[1:]) and not surface.lower().startswith(
        ("a ", "an ")
    )


def _add_alias(person: Person, alias: str) -> None:
    if alias and alias != person.name and alias not in person.aliases:
        person.aliases.append(alias)


_DEFINITE_OFFICE = re.compile(r"^(?:the|The)\s+(?:[\w'’.-]+\s+){0,4}(?P<head>[a-z]+)$")


def _office_holder(surface: str) -> bool:
    """Whether a source phrase names one person by office: "the mayor", "the state's
    attorney general" (a definite phrase ending in a title or role noun), not "the
    department" or "officials"."""
    m = _DEFINITE_OFFICE.match(surface.strip())
    return m is not None and (m["head"] in TITLE_WORDS or m["head"] in ROLE_NOUNS)
