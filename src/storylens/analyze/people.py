"""People of one article: one canonical person per individual, with aliases and roles.

Names are found with a capitalization pattern over the whole text (cheap), and
a name counts as a person when the text gives evidence: a title or role
before it ("White House spokesperson John Kirby"), a social handle after it,
a PERSON entity from the parser's sentences, or being the one who speaks.
Later mentions ("Kirby", "President Biden", "the vice president") are linked
to the canonical full name by surname and by role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storylens.analyze.cues import CUE_FORMS, words
from storylens.model import Person

# Letters of names beyond ASCII ("François", "Peña", "Erdoğan", "Łukasz"): Latin-1 and Latin
# Extended-A (whose upper and lower case letters alternate, so the range serves both).
_U = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_L = "a-zß-öø-ÿ\u0100-\u017f"
_CAP = (
    rf"(?:(?:[{_U}]\.){{2,3}}|[{_U}][{_L}]*[{_U}][{_L}]+|[{_U}][{_L}]+(?:-[{_U}]?[{_L}]+)*|"
    rf"[{_U}]['’][{_U}][{_L}]+|[{_U}]\.|[{_U}]{{2,5}}\b)"
)
_PARTICLE = r"(?:de|van|von|der|den|bin|al|la|le|du|da|di|of|ibn)"
# A name never runs over a line break: a headline's last words and the name opening the
# next paragraph are two runs.
# Not from inside a word: "ONALD" is no run of "DONALD".
NAME_RUN = re.compile(rf"(?<![^\W\d_]){_CAP}(?:[^\S\n]{{1,2}}(?:{_PARTICLE}[^\S\n])?{_CAP})*")
HANDLE_AFTER = re.compile(r"\s*\((@\w{1,30})\)")

# Words that make a capitalized run a title, not part of the name ("Vice President Kamala Harris").
TITLE_WORDS = frozenset(
    words(
        """
    president vice vp secretary minister prime senator sen sen. rep rep. representative
        gov gov. governor mayor judge justice general gen. adm. admiral lt. col. capt. sgt.
        mr mr. mrs mrs. ms ms. dr dr. prof. rev. speaker leader chairman chairwoman chair
        director ambassador spokesperson spokesman spokeswoman adviser advisor coordinator
        commissioner chancellor king queen prince princess pope attorney chief deputy
        assistant ceo officer sheriff candidate nominee former first lady sir lord dame
        counsel councilmember councilman councilwoman alderman alderwoman supervisor
        congressman congresswoman superintendent inspector detective lieutenant sergeant
        captain trooper treasurer comptroller
        """
    )
)
# Heads of role phrases ("national security adviser", "Senate Republican leader").
ROLE_NOUNS = frozenset(
    words(
        """
    spokesperson spokesman spokeswoman adviser advisor secretary minister president
        leader senator general director chairman chairwoman official coordinator ambassador
        governor mayor candidate nominee chief lawyer attorney economist analyst professor
        strategist aide counselor manager commander commissioner speaker member editor
        founder ceo executive head representative pollster consultant host anchor
        correspondent politician general judge justice chancellor diplomat envoy negotiator
        lawmaker congressman congresswoman senator researcher scientist expert activist
        organizer owner partner officer sheriff prosecutor rival ally critic supporter
        opponent vp resident
        """
    )
)
# Capitalized words that mark an organization or place, never a person's name.
ORG_WORDS = frozenset(
    words(
        """
    house department dept committee party campaign network news times post journal inc corp
        association university college council agency office ministry administration court
        congress senate bank institute foundation group union organization center centre
        service commission police fund club mornings press reuters images street strip hill
        city county state states republic kingdom nations assembly army navy force forces
        guard school church company media tv radio airlines hospital board cabinet
        government parliament tribune herald daily weekly magazine politico breitbart cnn
        fox msnbc abc cbs nbc npr bbc ap twitter facebook google instagram youtube
        amendment act constitution doctrine labour
        tower towers presidency plaza building station square avenue highway airport
        stadium arena hotel museum library memorial monument cathedral mosque prison
        summit conference festival olympics financial holdings industries technologies
        pharmaceuticals airways motors manual team staff family brothers
        authority authorities bureau health rescue clinic coalition alliance federation
        reserve co llc ltd plc llp freight logistics storage
        """
    )
)
_NOT_NAMES = frozenset(
    words(
        """
    the a an this that these those it he she they we i you his her their our my its
        monday tuesday wednesday thursday friday saturday sunday january february march
        april may june july august september october november december jan feb mar apr jun
        jul aug sep sept oct nov dec but and or if when while after before as in on at for
        with by from to of also yet so still then there here what who why how where which
        according during although though because since until unlike despite over under later
        earlier meanwhile image source photo getty sometimes often usually already
        now never always again once instead perhaps maybe just even only
        however moreover furthermore nevertheless nonetheless therefore thus indeed
        besides otherwise finally additionally likewise similarly overall separately
        ultimately is was are were does did do has have had should would could like
        sadly clearly notably interestingly unfortunately fortunately importantly
        ironically surprisingly obviously apparently naturally hopefully frankly
        honestly currently recently previously initially eventually many most some
        several few both all each every another other senior
        """
    )
)
# Verbs whose object is a person, in the infinitive before a role and a name ("to
# investigate political rival Joe Biden", "to help Trump attorney Rudy Giuliani").
_DONE_TO = frozenset(
    """investigate help meet thank replace succeed defeat beat join endorse support oppose
    criticize attack blame praise hire fire appoint nominate sue interview visit call ask
    urge pressure pardon question face challenge warn tell contact protect remove impeach
    prosecute host""".split()
)
# Words no role phrase opens with: prepositions and conjunctions before it in the sentence.
_NO_ROLE_START = frozenset(
    """after before but when while since as with without for from by at in on of against
    between during under over than because""".split()
)
# Words that end an epithet, not a name: "Max Baucus, Montana Democrat", "the Ohio
# Republican".
PARTY_WORDS = frozenset(
    words("democrat democrats republican republicans independent independents libertarian")
)
# A place and a party in an apposition after a name: "Max Baucus, Montana Democrat,".
_EPITHET_AFTER = re.compile(
    r",\s+((?:[A-Z][a-z]+\s+){1,2}(?:Democrat|Republican|Independent))(?=[,.;:]|\s+(?:who|and)\b)"
)
# A party and a state in an apposition after a name: "Dave Camp, R. Mich."
_PARTY_STATE = re.compile(r"[RDI]\.\s+[A-Z][a-z]{1,4}\.?")
_BOUNDARY_WORDS = frozenset(
    words(
        """
    the a an with and by to for at in on from including as said says told of or but that
        than like between about against among into onto upon his her their its our also
        while when whom who which
        """
    )
)
_APPOSITION = re.compile(
    r",\s+(?:an?|the)\s+(?:\d{1,3}-year-old\s+(?!(?:from|of|in|at|with|on|who)\b))?"
    r"([a-z][^,.;:()\"“”]{2,120}?)"
    r"(?=,|\.(?:\s|$)|;|\s(?:who|which|that)\b|$)"
)
_PARTICIPLE = re.compile(r"(?<![-\w])[a-z]+ed\b")


# A small list of frequent first names; unknown names simply have no gender.
FEMALE_NAMES = frozenset(
    words(
        """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
        betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa
        deborah stephanie rebecca laura sharon cynthia kathleen amy angela anna ruth brenda
        pamela nicole katherine samantha christine catherine virginia rachel janet maria
        heather diane julie joyce victoria kelly christina joan evelyn lauren judith olivia
        martha cheryl megan andrea hannah jacqueline ann jean alice kathryn gloria teresa
        doris sara janice julia marie madison grace judy theresa beverly denise marilyn
        amber danielle abigail brittany rose diana natalie sophia alexis lori kayla jane
        hillary kamala nikki condoleezza elise kellyanne sheryl
        ursula golda indira benazir jacinda dianne kirsten tulsi ilhan alexandria
        ayanna rashida marsha kristi
        shirley helen debra frances kathy tammy irene carolyn jill katie erin
        kristen anne wendy valerie tiffany tracy dawn holly heidi joanne colleen
        robin peggy paula sally rita lois lillian monica yvonne ellen carla vanessa
        claire jenna leslie tina bonnie norma stacy crystal erica april audrey sheila
        gina lynn lynne connie eileen loretta kate maureen meghan megyn
        caroline charlotte chelsea ivanka melania michele betsy jeanne jeanine
        gretchen mika rachael maxine elaine susana liz lizzie
        sonia debbie mazie kyrsten lucy stacey
        priya nina elena olga svetlana sylvia ingrid greta
        ana carmen rosa lucia isabel sofia lorena veronica gabriela carrie
        """
    )
)
MALE_NAMES = frozenset(
    words(
        """
    james robert john michael william david richard joseph thomas charles christopher
        daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
        george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
        stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond
        patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter
        kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean
        austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie
        gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis
        bobby philip johnny barack bernie mitch ted marco chris jeb mike rand newt reince
        lindsey benny bibi vladimir xi emmanuel boris antony jake brett kevin chuck tim
        hakeem volodymyr recep narendra justin mohammed muhammad ali ahmed omar hassan
        rod rodney harry fred frederick jim jimmy tom tommy bob bill dan dave
        steve rick ricky rich dick don ron ken kenny greg jeff jerome marcus glenn
        phil hank herb herbert leon lester clarence earl ernest eddie ed
        edwin elliot jay joel judd kurt leonard lou luis carlos miguel jorge pedro
        javier antonio alejandro rafael ricardo sergio manuel fernando andres diego
        hugo max maxwell neil nick nicolas oliver oscar otto pete ralph
        reggie rex rudy rudolph sam sammy sid stan stanley ted teddy todd tony troy
        vernon victor vince wes wesley willard wilbur ben beto cory
        hunter beau jared jerrold jerold elijah devin trey lamar mitt orrin marco
        mario rahm robby rob ronny rocky rupert ruben ryan sherrod
        chad clint colin darrell derek dominic dwight
        evan gavin geoffrey hal hugh ivan jared
        jon jonah lionel luke mack malcolm mel
        nathaniel ned pat patrick quentin reuben rodrigo
        roland ronnie rufus seth shane shawn simon terrence theodore travis
        trevor tucker tyrone winston xavier zach angus angelo emmanuel sergei
        dmitry alexei mikhail nikolai viktor yuri benjamin benny ehud moshe yair naftali
        bashar hosni recep shinzo fumio yoshihide justin francois
        nicolas olaf gerhard helmut silvio matteo mario giuseppe pedro andres
        """
    )
)
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES
# Places are named like people; these are the ones news mentions most (the parser's
# sentences are too few to tell places by context).
PLACE_STARTS = frozenset(
    """New North South East West San Santa Los Las Saint St. Fort Port Mount Lake Northeast
    Northwest Southeast Southwest Northern Southern Eastern Western Central Downtown Upper
    Lower""".split()
)
# Words of origin or party that may open a capitalized run before a name ("African
# American Lamont Scott", "Republican Donald Trump"): no part of the name.
DEMONYMS = frozenset(
    """american african asian european british english french german italian spanish
    mexican canadian chinese japanese korean russian ukrainian israeli palestinian iranian
    iraqi syrian afghan pakistani indian saudi turkish egyptian cuban venezuelan brazilian
    australian irish scottish muslim christian jewish catholic latino hispanic arab
    african-american republican republicans democrat democrats democratic progressive
    conservative liberal gop""".split()
)
PLACES = frozenset(
    """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|
    Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|
    Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio|Oklahoma|Oregon|
    Pennsylvania|Rhode Island|Tennessee|Texas|Utah|Vermont|Virginia|Washington|Wisconsin|Wyoming|
    America|Afghanistan|Africa|Asia|Europe|Australia|Austria|Belgium|Brazil|Britain|Canada|China|
    Cuba|Egypt|England|France|Gaza|Germany|Greece|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|
    Japan|Korea|Lebanon|Libya|Mexico|Nigeria|Pakistan|Palestine|Poland|Qatar|Russia|
    Saudi Arabia|Scotland|Spain|Sweden|Syria|Turkey|Ukraine|Venezuela|Vietnam|Yemen|London|
    Paris|Moscow|Beijing|Berlin|Jerusalem|Baghdad|Tehran|Kabul|Cairo|Chicago|Boston|Brussels|
    Democrats|Republicans|Americans|Israelis|Palestinians|Europeans""".replace("\n", "").split("|")
)
PLACES = frozenset(p.strip() for p in PLACES)


@dataclass(slots=True)
class NameMention:
    """A name in the text (title stripped) with the roles written around it."""

    start: int
    end: int
    name: str
    surface: str
    roles: list[str] = field(default_factory=list)
    evidence: bool = False
    handle: str | None = None
    # A one-word name where a surname stands: inside a sentence, or before a verb of
    # saying or a possessive ("Ortega told", "Welles's photo"). At a sentence start any
    # capitalized word may stand ("Lights were hung").
    alone: bool = False


def _tokens(run: str) -> list[str]:
    return run.split()


_INITIAL = re.compile(r"[A-Z]\.")


_TIME_PREFIX = re.compile(r"^(?:then|ex|former)[-–]")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")


def split_title(run: str) -> tuple[str, str]:
    """("Vice President", "Kamala Harris") from "Vice President Kamala Harris"."""
    toks = _tokens(run)
    last_title = -1
    for i, tok in enumerate(toks):
        # "Then-speaker J. Dennis Hastert", "ex-Governor": a title with its time prefix.
        low = _TIME_PREFIX.sub("", tok.lower().rstrip("."))
        # A capitalized role noun at a sentence start ("Economist Priya Nair") is a title too.
        if (
            tok.lower() in TITLE_WORDS
            or low in TITLE_WORDS
            or (low != tok.lower().rstrip(".") and low in ROLE_NOUNS)
            or (low in ROLE_NOUNS and i < len(toks) - 1)
            # An office's acronym before a first name: "DNI Joseph Maguire", "FBI Agent";
            # not the last word of a heading in capitals ("IMPEACHING DONALD TRUMP Nancy").
            or (
                tok.isalpha()
                and tok.isupper()
                and len(tok) >= 2
                and i + 1 < len(toks)
                and toks[i + 1].lower() in FIRST_NAMES
                and not (i > 0 and toks[i - 1].isupper())
            )
        ):
            last_title = i
        elif tok == "of" and last_title == i - 1:
            # "Secretary of State Antony Blinken", "Director of National Intelligence Dan
            # Coats": the words after "of" belong to the title, up to the name (a first
            # name and a surname, with a middle initial when there is one).
            name_length = 3 if len(toks) >= 3 and _INITIAL.fullmatch(toks[-2]) else 2
            if len(toks) - i - 1 >= 2:
                last_title = max(i + 1, len(toks) - name_length - 1)
    title = " ".join(toks[: last_title + 1])
    name = " ".join(toks[last_title + 1 :])
    return title, name


def find_name_mentions(text: str) -> list[NameMention]:
    """Capitalized runs that may be people, with titles, roles and handles."""
    mentions: list[NameMention] = []
    for m in NAME_RUN.finditer(text):
        run = m.group()
        run_end = m.end()
        # Headline case ("Bernie Sanders Says He ..."): a capitalized cue verb ends the name.
        previous = ""
        for w in re.finditer(r"\S+", run):
            low = w.group().lower()
            if w.start() > 0 and (
                CUE_FORMS.get(low, low) != low  # inflected: Says, Said
                # A modal after a surname: "Trump May Not Have Suggested" (not "Theresa May").
                or (low in _HEADLINE_MODALS and previous not in FIRST_NAMES)
            ):
                run = run[: w.start()].rstrip()
                run_end = m.start() + len(run)
                break
            previous = low
        toks = run.split()
        before = text[max(0, m.start() - 40) : m.start()].split()
        if before and before[-1].isupper() and len(before[-1]) > 1:
            # The tail of a heading in capitals ("... IMPEACHING DONALD TRUMP Nancy Pelosi"):
            # its words are no title of the name after it.
            while toks and toks[0].isupper() and len(toks[0]) > 1:
                toks.pop(0)
        # Sentence-initial words ("Praising President Joe Biden") are not part of a title.
        while toks and (toks[0].lower().rstrip(".") in _NOT_NAMES or toks[0].endswith("ing")):
            toks.pop(0)
        run = " ".join(toks)
        title, name = split_title(run)
        name_toks = name.split()
        while name_toks and name_toks[0].lower().rstrip(".") in _NOT_NAMES:
            name_toks.pop(0)
        while len(name_toks) > 2 and name_toks[0].lower() in DEMONYMS:
            name_toks.pop(0)
        if (
            len(name_toks) >= 4
            and name_toks[2] == "of"
            and (bool(title) or name_toks[0].lower() in FIRST_NAMES)
            and name_toks[0].lower() not in _PART_OF
        ):
            # "Deputy Fire Chief Anselm Truby of Greyhaven Fire Rescue": a titled name and
            # the body it serves.
            run_end -= len(" " + " ".join(name_toks[2:]))
            name_toks = name_toks[:2]
        if not name_toks or len(name_toks) > 4:
            continue
        if len(name_toks) >= 3 and name_toks[1] == "of" and name_toks[0].lower() in _PART_OF:
            # "Part of Trump('s plan)", "One of Smollett('s lawyers)": a share of something
            # the name's owner has; the name is what follows "of".
            name_toks = name_toks[2:]
        if (
            len(name_toks) >= 3
            and name_toks[1] == "of"
            and (bool(title) or _named_in_full(text, name_toks[0]))
        ):
            # "Chairman Schiff of Intelligence", "Zelensky of Ukraine": the surname of a
            # person the text names in full or with a title, and the committee or country
            # they stand for ("Bureau of Labor Statistics" names nobody).
            run_end -= len(" " + " ".join(name_toks[1:]))
            name_toks = name_toks[:1]
        if any(t.lower().rstrip(".") in ORG_WORDS for t in name_toks) or name_toks[-1] == "of":
            continue
        if any(t in _TITLE_CASE_LINKS for t in name_toks[1:]):
            continue  # a headline's words: "Conservatives' Case Against Obama"
        if text[m.start() - 1 : m.start()] == "/":
            continue  # a photo credit or a path: "Dennis Brack/Landov Dennis Brack/Landov"
        if name_toks[-1].lower() in PARTY_WORDS or _PARTY_STATE.fullmatch(" ".join(name_toks)):
            continue
        if name_toks[0] in PLACE_STARTS or " ".join(name_toks) in PLACES:
            continue
        if all(t.isupper() for t in name_toks):
            continue  # acronyms are organizations
        name = " ".join(name_toks)
        start = run_end - len(name)
        roles: list[str] = []
        if title and title.lower() not in ("mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms"):
            roles.append(title)
        pre = role_before(text, m.start())
        if pre:
            roles.append(f"{pre} {title}".strip() if title else pre)
        appositions = appositive_roles(text, run_end)
        roles.extend(appositions)
        # "Max Baucus, Montana Democrat, said": the epithet later sentences name him by
        # ("the Montana Democrat said"), a role.
        epithet = _EPITHET_AFTER.match(text, run_end)
        if epithet:
            roles.append(epithet.group(1))
        if office := office_held(text, run_end):
            roles.append(office)
        h = HANDLE_AFTER.match(text, run_end)
        # "Gantz, a retired army general": an apposition naming a person's role is evidence.
        person_role = any(w.lower() in ROLE_NOUNS for r in appositions for w in r.split())
        evidence = (
            bool(title) or bool(pre) or h is not None or person_role or _aged(text, start, run_end)
        )
        surface = f"{title} {name}" if title else name
        handle = h.group(1) if h else None
        mention = NameMention(start, run_end, name, surface, roles, evidence, handle)
        mention.alone = len(name_toks) == 1 and _surname_position(text, start, run_end)
        mentions.append(mention)
    _trim_headline_names(text, mentions)
    return mentions


_HEADLINE_MODALS = frozenset("may might will would could should can must".split())
# Prepositions capitalized in Title Case: inside a run they join headline words, never a
# personal name ("Case Against Obama", "Adds To Conservatives").
_TITLE_CASE_LINKS = frozenset(
    "Against To For With From By At In On Into Over After Before About Under".split()
)


_PART_OF = frozenset(
    """part parts one some most many all each both none several few much half two three
    four five members friends critics supporters""".split()
)


def _named_in_full(text: str, surname: str) -> bool:
    """Whether the text names someone in full with this surname ("Adam Schiff")."""
    full = re.search(
        r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+" + re.escape(surname) + r"\b(?!\s+of\b)", text
    )
    return full is not None and full.group().split()[0].lower() not in _NOT_NAMES


# Common words a capitalized run may open with in a headline, a sentence start or a page's
# furniture ("Follow Kellman on Twitter"), and words opening names of storms, operations
# and seasons' events ("Hurricane Irma", "Winter Olympics").
_COMMON_OPENERS = frozenset(
    """some is are was were be full any every all more most many much few how why what
    where who which there here such other another each both either only just very
    will can could should would may might must has have had do does did follow support
    adopt read watch join subscribe share hurricane storm tropical operation winter summer
    spring fall""".split()
)
_NAME_WORD = re.compile(r"[A-Z](?:[a-z]+(?:['’][A-Z]?[a-z]+|-[A-Z][a-z]+)*|\.)")


def personal_name(name: str) -> bool:
    """Whether a capitalized run reads as a first name and a surname ("Terence Crutcher",
    "Keith Lamont Scott", "John F. Kennedy"), not a place or a body ("Northeast Charlotte",
    "Advancement of Colored People")."""
    toks = name.split()
    return (
        2 <= len(toks) <= 3
        and all(_NAME_WORD.fullmatch(t) for t in toks)
        and not any(t in PLACE_STARTS or t in PLACES or t.lower() in ORG_WORDS for t in toks)
        and toks[0].lower() not in DEMONYMS
        and toks[0].lower() not in _COMMON_OPENERS  # "Is Hillary Clinton", "Some Pentagon"
    )


_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\"'”’)\]]*\s*[\"“‘(\[]?)$")
_AFTER_SURNAME = re.compile(r"(?:['’]s\b|\s+([a-z]+))")


def _surname_position(text: str, start: int, end: int) -> bool:
    """Whether a one-word name stands where a surname does (see NameMention.alone)."""
    if not _SENTENCE_START.search(text, max(0, start - 4), start):
        return True
    after = _AFTER_SURNAME.match(text, end)
    if after is None:
        return False
    verb = after.group(1)
    return verb is None or verb in CUE_FORMS


# An age said of a name: "43-year-old Keith Lamont Scott", "unarmed 40-year-old African
# American Terence Crutcher", "Keith Lamont Scott, 43,".
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+(?:[\w’'-]+\s+){0,3}$")
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*[,.;)]")


def _aged(text: str, start: int, end: int) -> bool:
    return bool(_AGE_BEFORE.search(text, max(0, start - 60), start)) or bool(
        _AGE_AFTER.match(text, end)
    )


def _trim_headline_names(text: str, mentions: list[NameMention]) -> None:
    """In a Title Case headline every word is capitalized, so a name run goes on over the
    verbs after it ('Trump May Not Have Suggested ...', 'Does Israel Refuse ...'). The
    article body names the same people in ordinary case: a headline name keeps only the
    longest stretch of its words that the body also uses in names."""
    first_end = text.find("\n")
    if first_end < 0:
        return
    headline_words = [w for w in text[:first_end].split() if len(w) > 3 and w[0].isalpha()]
    if len(headline_words) < 3 or sum(w[0].isupper() for w in headline_words) < 0.8 * len(
        headline_words
    ):
        return
    body = {w.lower() for m in mentions if m.start >= first_end for w in m.name.split()}
    for m in mentions:
        if m.start >= first_end:
            continue
        words = list(re.finditer(r"\S+", text[m.start : m.end]))
        best: tuple[int, int] | None = None
        i = 0
        while i < len(words):
            j = i
            while j < len(words) and words[j].group().lower() in body:
                j += 1
            if j > i and (best is None or j - i > best[1] - best[0]):
                best = (i, j)
            i = max(j, i + 1)
        if best is None or best == (0, len(words)):
            continue
        start = m.start + words[best[0]].start()
        end = m.start + words[best[1] - 1].end()
        m.start, m.end = start, end
        m.name = text[start:end]
        m.surface = m.name


def role_before(text: str, start: int) -> str:
    """A role phrase written right before a name: "White House spokesperson"."""
    window = text[max(0, start - 90) : start]
    words = window.split()
    if window and not window[-1].isspace():
        return ""
    collected: list[str] = []
    stop = ""
    backwards = list(reversed(words))
    for k, w in enumerate(backwards):
        if (
            w == "and"
            and collected
            and collected[-1][:1].isupper()
            and k + 1 < len(backwards)
            and backwards[k + 1][:1].isupper()
        ):
            # "and" inside a capitalized name: "Ways and Means Committee member".
            collected.append(w)
            continue
        if w.endswith((",", ".", ";", ":", '"', "'", "”", ")")) or w.lower() in _BOUNDARY_WORDS:
            stop = w.lower()
            break
        collected.append(w)
        if len(collected) >= 7:
            break
    collected.reverse()
    while collected and collected[0] in _NO_ROLE_START:
        collected.pop(0)  # "But after House Ways and Means Committee member Charles Boustany"
    if stop == "to" and collected and collected[0] in _DONE_TO:
        # "asked him to investigate political rival Joe Biden": the verb after "to" is
        # what is done to the person, not their role ("to former prosecutor" keeps it).
        collected.pop(0)
    # Keep the phrase only if it ends in a lowercase role noun (capitalized ones are titles).
    while collected and collected[-1].lower() not in ROLE_NOUNS:
        return ""
    if all(w.isupper() for w in collected):
        return ""  # a heading in capitals ("... IMPEACHING DONALD TRUMP Nancy Pelosi")
    if not collected or collected[-1][0].isupper():
        return ""
    return " ".join(collected)


# "Elena Markey, who chairs the county board": the office a relative clause tells, as
# the noun of the one who holds it.
_OFFICE_VERBS = {
    "chairs": "chair of",
    "heads": "head of",
    "leads": "leader of",
    "owns": "owner of",
    "directs": "director of",
    "founded": "founder of",
    "co-founded": "co-founder of",
    "manages": "manager of",
}
_OFFICE_CLAUSE = re.compile(
    r",\s+who\s+(?P<verb>" + "|".join(_OFFICE_VERBS) + r")\s+"
    # What is held opens with a determiner ("leads Rubio in the polls", "heads into
    # Wednesday" and "owns three guns" hold no office); what was founded, with a name too.
    r"(?P<what>(?:(?:the|an?|his|her|their|its)\s+|(?<=founded\s)[A-Z])"
    r"[^,.;:()\"“”]{2,80}?)(?=,|\.(?:\s|$)|;|\s(?:and|who|which)\b|$)"
)


def office_held(text: str, end: int) -> str | None:
    """The office a relative clause right after a name tells: ", who chairs the Linden
    County Board of Supervisors," -> "chair of the Linden County Board of Supervisors"."""
    m = _OFFICE_CLAUSE.match(text, end)
    if m is None:
        return None
    # Where or since when it is held is no part of the office ("owns a bakery near the
    # bridge", "co-founded the group in 2011").
    what = _PLACE_OR_TIME_AFTER.split(m["what"], maxsplit=1)[0]
    return f"{_OFFICE_VERBS[m['verb']]} {what}"


_PLACE_OR_TIME_AFTER = re.compile(r"\s+(?:near|at|in|on|since|from|across|outside|inside)\s+")


def appositive_roles(text: str, end: int) -> list[str]:
    """Roles in an apposition: "Gantz, a retired army general and former minister, said"."""
    m = _APPOSITION.match(text, end)
    if not m:
        return []
    phrase = m.group(1)
    # A participle after the head noun starts a modifier, not the role ("member ... assembled").
    for p in _PARTICIPLE.finditer(phrase):
        if p.start() > 0 and len(phrase[: p.start()].split()) >= 2:
            phrase = phrase[: p.start()].rstrip()
            break
    parts = [p.strip() for p in phrase.split(" and ")]
    # "director of rulings and agreements": "and" inside the object of "of" joins two
    # things of one role, unless what follows names a role of its own ("member of the
    # board and former governor").
    if (
        len(parts) == 2
        and " of " in f" {parts[0]} "
        and not any(w.lower() in ROLE_NOUNS for w in parts[1].split())
    ):
        parts = [phrase.strip()]
    roles = []
    for part in parts:
        words = part.split()
        if 1 <= len(words) <= 10:
            roles.append(part)
    return roles


@dataclass(slots=True)
class _Entry:
    person: Person
    surname: str
    evidence: bool
    # Met by its last word alone where a person's surname stands (see NameMention.alone).
    alone: bool = False


class PeopleIndex:
    """The people of one article, filled from name mentions and speakers."""

    def __init__(self, text: str = "") -> None:
        self._entries: list[_Entry] = []
        # Surname (lower case) -> the honorifics the text gives it ("Mr. Obama": {"mr"}).
        self._honorifics: dict[str, set[str]] = {}
        for m in _HONORIFIC.finditer(text):
            self._honorifics.setdefault(m[2].lower(), set()).add(m[1].lower())
        # One-word names met where a person's name stands (NameMention.alone).
        self._alone: set[str] = set()

    @property
    def people(self) -> list[Person]:
        return [e.person for e in self._entries if e.evidence]

    def add_mention(self, mention: NameMention, *, evidence: bool = False) -> Person:
        name = mention.name
        person = self.lookup(name)
        if person is not None and self._other_gender(person, name):
            person = None  # "Mr. Obama" ... "first lady Michelle Obama": two people
        if person is None and len(name.split()) > 1:
            person = self._first_name_before(name)
        if person is None or (len(name.split()) > 1 and len(person.name.split()) == 1):
            if person is not None:
                # A full name after a surname-only mention becomes the canonical name.
                _add_alias(person, person.name)
                person.name = name
            else:
                person = Person(name=name)
                self._entries.append(_Entry(person, name.split()[-1], False))
        entry = self._entry(person)
        entry.surname = person.name.split()[-1]
        # A name met in full and again by its last word alone ("Terence Crutcher" ...
        # "Crutcher said"), or by its first ("Scott Peterson" ... "Scott told police"), is
        # how news refers to a person.
        entry.alone = entry.alone or mention.alone
        entry.evidence = (
            entry.evidence
            or evidence
            or mention.evidence
            or (entry.alone and personal_name(person.name))
        )
        if mention.alone and len(name.split()) == 1:
            self._alone.add(name.lower())
            for other in self._entries:
                first = other.person.name.split()[0].lower()
                if first in self._alone and personal_name(other.person.name):
                    other.evidence = True
        elif personal_name(person.name) and person.name.split()[0].lower() in self._alone:
            entry.evidence = True
        surface = self._surface(mention)
        _add_alias(person, surface)
        if surface != name:
            _add_alias(person, name)
        if mention.handle:
            _add_alias(person, mention.handle)
        for role in mention.roles:
            if role not in person.roles:
                person.roles.append(role)
        return person

    def add_other(self, name: str, kind: str, alias: str | None = None) -> Person:
        """A speaking organization or anonymous source, kept under its own description."""
        for e in self._entries:
            if e.person.name.lower() == name.lower() and e.person.kind == kind:
                if alias:
                    _add_alias(e.person, alias)
                return e.person
        person = Person(name=name, kind=kind)
        if alias:
            _add_alias(person, alias)
        self._entries.append(_Entry(person, name, True))
        return person

    def _other_gender(self, person: Person, name: str) -> bool:
        """Whether a full name's first name is of the other gender than the honorific the
        text gives a surname-only person ("Mr. Obama" is not first lady Michelle Obama)."""
        toks = name.split()
        if len(toks) < 2 or len(person.name.split()) != 1:
            return False
        given = self._honorifics.get(person.name.lower(), set())
        first = toks[0].lower()
        if first in FEMALE_NAMES:
            return "mr" in given
        if first in MALE_NAMES:
            return bool(given & {"mrs", "ms", "miss"})
        return False

    def mark_person(self, person: Person) -> None:
        self._entry(person).evidence = True

    def is_person(self, person: Person) -> bool:
        return self._entry(person).evidence and person.kind == "person"

    def lookup(self, name: str) -> Person | None:
        """The person a name refers to: same full name, or same surname."""
        low = name.lower()
        for e in self._entries:
            if e.person.kind != "person":
                continue
            if e.person.name.lower() == low or low in (a.lower() for a in e.person.aliases):
                return e.person
        last = name.split()[-1].lower() if name.split() else low
        first = name.split()[0].lower() if name.split() else low
        for e in self._entries:
            if e.person.kind != "person":
                continue
            toks = e.person.name.lower().split()
            if (
                toks
                and toks[-1] == last
                and (len(name.split()) == 1 or len(toks) == 1 or toks[0] == first)
            ):
                return e.person
        # A known first name alone, of one person named in full ("NPR's Jane Mayer" ...
        # "Jane added"): features and interviews call people so. Only names of the
        # first-name lists: any capitalized word may open a run the tagger took for a name
        # ("Trump Thursday", "Okinawa Island"). "Mr. Paul" is a surname.
        if len(name.split()) == 1 and low in FIRST_NAMES and low not in self._honorifics:
            given = [
                e.person
                for e in self._entries
                if e.person.kind == "person"
                and len(toks := e.person.name.lower().split()) in (2, 3)
                and toks[0] == low
                and personal_name(e.person.name)
            ]
            if len(given) == 1:
                return given[0]
        return None

    def _first_name_before(self, name: str) -> Person | None:
        """The one person met so far by this full name's first name alone, which the text
        used before naming them in full ("his father Joe's campaign" ... "Joe Biden"): a
        first name of the lists, never an honorific's surname ("Mr. Paul")."""
        first = name.split()[0].lower()
        if first not in FIRST_NAMES or first in self._honorifics:
            return None
        given = [
            e.person
            for e in self._entries
            if e.person.kind == "person" and e.person.name.lower() == first
        ]
        return given[0] if len(given) == 1 else None

    def by_role(self, phrase: str) -> Person | None:
        """The person a role-only mention names: "the vice president", "the Israeli prime minister"."""
        words = phrase.lower().split()
        if words and words[0] in ("a", "an"):
            # "a Democrat", "a spokesman": someone the text does not name.
            return None
        if words and words[0] == "the":
            words = words[1:]
        if not words:
            return None
        target = " ".join(words)
        exact = [
            e.person
            for e in self._entries
            if e.evidence and any(r.lower() == target for r in e.person.roles)
        ]
        if len(exact) == 1:
            return exact[0]
        # "the prime minister" for "Israeli Prime Minister": extra leading words must be proper.
        suffix = []
        for e in self._entries:
            if not e.evidence:
                continue
            for r in e.person.roles:
                rw = r.split()
                if len(rw) > len(words) and [w.lower() for w in rw[-len(words) :]] == words:
                    extra = rw[: -len(words)]
                    if all(
                        w[:1].isupper()
                        and w.lower() not in ("vice", "deputy", "former", "assistant", "acting")
                        for w in extra
                    ):
                        suffix.append(e.person)
                        break
        unique = {id(p): p for p in suffix}
        return next(iter(unique.values())) if len(unique) == 1 else None

    def _entry(self, person: Person) -> _Entry:
        for e in self._entries:
            if e.person is person:
                return e
        raise KeyError(person.name)

    @staticmethod
    def _surface(mention: NameMention) -> str:
        return mention.surface


def _add_alias(person: Person, alias: str) -> None:
    if alias and alias != person.name and alias not in person.aliases:
        person.aliases.append(alias)
